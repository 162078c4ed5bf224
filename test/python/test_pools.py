"""Pool and ProcessPoolExecutor tasks, proc.joined and nested children on real processes,
under fork, spawn and forkserver."""

import unittest

from test_queues import by_label, check_protocol, matched, prog
from tracerun import run_traced, run_untraced


def tasks(test, trace, workers):
    """{task id: (begin, end)}; checks each begin is followed by its end in the same thread."""
    found = {}
    for e in sorted(trace.kind("task.begin") + trace.kind("task.end"), key=lambda e: e["t"]):
        if e["k"] == "task.begin":
            test.assertNotIn(e["task"], found, "task ids are unique")
            test.assertIn(e["pid"], workers, "tasks run in workers the main process started")
            found[e["task"]] = (e, None)
        else:
            begin = found[e["task"]][0]
            test.assertEqual((begin["pid"], begin["tid"]), (e["pid"], e["tid"]))
            found[e["task"]] = (begin, e)
    test.assertTrue(all(end is not None for _, end in found.values()), "every task ended")
    return found


class PoolTest(unittest.TestCase):
    def check(self, method):
        path = prog("pool_tasks.py")
        trace = run_traced([path], tracer_args=["--start-method", method])
        self.assertEqual(trace.code, 0, trace.stderr)
        check_protocol(self, trace)
        main = trace.main_pid()
        spawned = {e["child"]: e for e in trace.kind("proc.spawn", main)}
        self.assertEqual(len(spawned), 4, "2 Pool workers, 2 executor workers")
        all_tasks = tasks(self, trace, set(spawned))
        pool = {k: v for k, v in all_tasks.items() if ":" in k}
        executor = {k: v for k, v in all_tasks.items() if ":" not in k}

        # Pool: "<job>:<i>"; map(chunksize=3) of 8 items is one job of 3 chunks running square
        # (not mapstar); apply_async one task; imap 4; starmap 2 chunks; the failure ok=false.
        funcs = sorted((b["func"], e["ok"]) for b, e in pool.values())
        self.assertEqual(funcs, [("add", True)] * 3 + [("fail", False)] + [("square", True)] * 7)
        jobs = {}
        for task in pool:
            job, i = task.split(":")
            jobs.setdefault(job, []).append(int(i))
        self.assertEqual(sorted(sorted(v) for v in jobs.values()),
                         [[0], [0], [0, 1], [0, 1, 2], [0, 1, 2, 3]])
        pool_workers = {b["pid"] for b, _ in pool.values()}
        self.assertTrue(all(spawned[p]["target"] == "worker" for p in pool_workers))

        # ProcessPoolExecutor: work ids 0.. in submission order; map runs square per item.
        self.assertEqual(sorted(executor, key=int), [str(i) for i in range(7)])
        ran = [(executor[str(i)][0]["func"], executor[str(i)][1]["ok"]) for i in range(7)]
        self.assertEqual(ran, [("square", True)] * 6 + [("fail", False)])
        self.assertTrue(all(spawned[b["pid"]]["target"] == "_process_worker"
                            for b, _ in executor.values()))
        for pid in {b["pid"] for b, _ in all_tasks.values()}:
            begin = trace.kind("proc.begin", pid)[0]
            if method != "forkserver":  # forkserver children are the server's
                self.assertEqual(begin["ppid"], main)
        self.assertEqual([e for e in trace.events if e["k"].startswith(("queue.", "lock."))], [],
                         "pool internals are not reported as queues or locks")
        out, _, code = run_untraced([path])
        self.assertEqual(code, 0)
        self.assertEqual(trace.texts(), out.decode())

    def test_fork(self):
        self.check("fork")

    def test_spawn(self):
        self.check("spawn")

    def test_forkserver(self):
        self.check("forkserver")


class NestedChildrenTest(unittest.TestCase):
    maxDiff = None

    def check(self, method):
        path = prog("queue_nested_children.py")
        trace = run_traced([path], tracer_args=["--start-method", method])
        self.assertEqual(trace.code, 0, trace.stderr)
        check_protocol(self, trace)
        main = trace.main_pid()
        begin = {e["name"]: e for e in trace.kind("proc.begin")}
        child, grand, sleeper = (begin[n]["pid"] for n in ("child", "grandchild", "sleeper"))
        if method != "forkserver":  # forkserver children are the server's
            self.assertEqual((begin["child"]["ppid"], begin["grandchild"]["ppid"]), (main, child))
        self.assertEqual([e["child"] for e in trace.kind("proc.spawn", main)], [child, sleeper])
        self.assertEqual([e["child"] for e in trace.kind("proc.spawn", child)], [grand])
        self.assertEqual([e["code"] for e in trace.kind("proc.end", grand)], [0])
        self.assertEqual([e["code"] for e in trace.kind("proc.end", child)], [3])
        self.assertEqual(trace.kind("proc.end", sleeper)[0]["code"], -15)

        # proc.joined once per child, by its parent, with the exit code it observed.
        joined = sorted((e["pid"], e["child"], e["code"]) for e in trace.kind("proc.joined"))
        self.assertEqual(joined,
                         sorted([(main, child, 3), (main, sleeper, -15), (child, grand, 0)]))
        end = trace.kind("proc.end", child)[0]
        self.assertGreater(trace.kind("proc.joined", main)[0]["t"], end["t"])

        pairs = matched(self, by_label(trace, "q"))
        self.assertEqual(sorted((p["pid"], g["pid"]) for p, g in pairs),
                         sorted([(grand, main), (sleeper, main)]))
        buffered = {"PYTHONUNBUFFERED": ""}  # else untraced prints of processes interleave
        self.assertEqual(sorted(trace.texts().splitlines()), sorted(
            run_untraced([path], env=buffered)[0].decode().splitlines()))

    def test_fork(self):
        self.check("fork")

    def test_spawn(self):
        self.check("spawn")

    def test_forkserver(self):
        self.check("forkserver")


if __name__ == "__main__":
    unittest.main()
