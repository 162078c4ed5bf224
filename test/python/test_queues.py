"""Queue facts on real traced processes: every get matched to its put (across processes),
blocks on empty and full, sizes, ids and labels, JoinableQueue/SimpleQueue, queue.Queue & co,
200 processes, the tutorial's writer/reader, and transparency against untraced runs."""

import os
import re
import unittest

from tracerun import FIXTURES, run_traced, run_untraced

PROGRAMS = os.path.join(FIXTURES, "programs")
METHODS = ("fork", "spawn", "forkserver")
ITEM = re.compile(r"^\d+-\d+$")

# Required fields of the kinds these tests check (src/core/validateEvent.ts).
FIELDS = {
    "queue.put": {"id": str, "kind": str, "label": str, "item": str},
    "queue.get": {"id": str, "kind": str, "label": str, "item": str, "waited": int},
    "queue.block": {"id": str, "kind": str, "label": str, "op": str},
    "task.begin": {"task": str, "func": str},
    "task.end": {"task": str, "ok": bool},
    "proc.joined": {"child": int},
}
QUEUE_KINDS = {"Queue", "JoinableQueue", "SimpleQueue", "queue.Queue", "queue.LifoQueue",
               "queue.PriorityQueue", "queue.SimpleQueue"}


def prog(name):
    return os.path.join(PROGRAMS, name)


def check_protocol(test, trace):
    """Fields and types of queue/task/joined events are as docs/protocol.md says."""
    for e in trace.events:
        for name, typ in FIELDS.get(e["k"], {}).items():
            test.assertIsInstance(e.get(name), typ, e)
        if e["k"].startswith("queue."):
            test.assertIn(e["kind"], QUEUE_KINDS, e)
            test.assertIsInstance(e.get("size", 0), (int, type(None)), e)
        if e["k"] == "queue.block":
            test.assertIn(e["op"], ("put", "get"), e)
        if e["k"] == "proc.joined":
            test.assertIsInstance(e["code"], (int, type(None)), e)


def by_label(trace, label):
    """queue.* events of the queue labelled `label`, in time order."""
    return sorted((e for e in trace.events if e["k"].startswith("queue.") and e["label"] == label),
                  key=lambda e: e["t"])


def matched(test, events):
    """Checks every get has exactly one earlier put of its item id; returns [(put, get)]."""
    puts = {e["item"]: e for e in events if e["k"] == "queue.put"}
    test.assertEqual(len(puts), len([e for e in events if e["k"] == "queue.put"]), "unique ids")
    pairs = []
    for get in (e for e in events if e["k"] == "queue.get"):
        put = puts.pop(get["item"])
        test.assertEqual((put["id"], put["label"], put["kind"]),
                         (get["id"], get["label"], get["kind"]))
        test.assertLessEqual(put["t"], get["t"])
        test.assertTrue(ITEM.match(put["item"]) and put["item"].startswith("%d-" % put["pid"]))
        pairs.append((put, get))
    return pairs


class MultiprocessingQueueTest(unittest.TestCase):
    def check(self, method):
        trace = run_traced([prog("queue_mp_kinds.py")], tracer_args=["--start-method", method])
        self.assertEqual(trace.code, 0, trace.stderr)
        check_protocol(self, trace)
        main = trace.main_pid()
        pids = {e["name"]: e["pid"] for e in trace.kind("proc.begin")}
        self.assertEqual(trace.kind("lock.acquired") + trace.kind("lock.wait"), [],
                         "queue internals report no lock events")

        q = by_label(trace, "q")
        self.assertEqual({e["kind"] for e in q}, {"Queue"})
        self.assertEqual(len({e["id"] for e in q}), 1, "one id in both processes")
        pairs = matched(self, q)
        self.assertEqual(len(pairs), 5)
        self.assertEqual({(p["pid"], g["pid"]) for p, g in pairs}, {(pids["producer"], main)})
        self.assertEqual([p["t"] for p, _ in pairs], sorted(p["t"] for p, _ in pairs), "FIFO")
        # main waited on the empty queue before the producer's first put ...
        first_block = [e for e in q if e["k"] == "queue.block"][0]
        self.assertEqual((first_block["pid"], first_block["op"]), (main, "get"))
        first_get = pairs[0][1]
        self.assertLess(first_block["t"], pairs[0][0]["t"])
        self.assertGreater(first_get["waited"], 0.1e9)
        # ... and the producer's 4th put found the queue full.
        prod = [e for e in q if e["pid"] == pids["producer"]]
        self.assertEqual([e["k"] for e in prod[:5]],
                         ["queue.put"] * 3 + ["queue.block", "queue.put"])
        self.assertEqual(prod[3]["op"], "put")
        self.assertTrue(all(0 <= e["size"] <= 2 for e in q if "size" in e))

        jq = by_label(trace, "jq")
        self.assertEqual({e["kind"] for e in jq}, {"JoinableQueue"})
        pairs = matched(self, jq)
        self.assertEqual({(p["pid"], g["pid"]) for p, g in pairs}, {(main, pids["worker"])})
        self.assertEqual(len(pairs), 5)
        results = by_label(trace, "results")
        self.assertEqual({e["kind"] for e in results}, {"SimpleQueue"})
        pairs = matched(self, results)
        self.assertEqual({(p["pid"], g["pid"]) for p, g in pairs}, {(pids["worker"], main)})
        self.assertEqual(len(pairs), 4)
        self.assertTrue(all("size" not in e for e in results), "SimpleQueue has no size")

        sizes = by_label(trace, "sizes")
        self.assertEqual([(e["k"], e["size"]) for e in sizes],
                         [("queue.put", 1), ("queue.put", 2), ("queue.put", 3),
                          ("queue.get", 2), ("queue.get", 1), ("queue.get", 0)])
        out = trace.texts()
        for line in ("joined", "results [10, 20, 30, 40]", "drained ['a', 'b', 'c'] 0",
                     "exit codes 0 0"):
            self.assertIn(line + "\n", out)

    def test_fork(self):
        self.check("fork")

    def test_spawn(self):
        self.check("spawn")

    def test_forkserver(self):
        self.check("forkserver")


class ThreadQueueTest(unittest.TestCase):
    def test_queue_module_between_threads(self):
        trace = run_traced([prog("queue_threads.py")])
        self.assertEqual(trace.code, 0, trace.stderr)
        check_protocol(self, trace)
        q = by_label(trace, "q")
        self.assertEqual({e["kind"] for e in q}, {"queue.Queue"})
        pairs = matched(self, q)
        self.assertEqual(len(pairs), 5)
        main_tid = pairs[0][0]["tid"]
        self.assertEqual({p["tid"] for p, _ in pairs}, {main_tid})
        self.assertEqual(len({g["tid"] for _, g in pairs} - {main_tid}), 1, "got in the thread")
        blocks = [(e["op"], e["tid"] == main_tid) for e in q if e["k"] == "queue.block"]
        self.assertEqual(blocks[:2], [("get", False), ("put", True)])
        self.assertGreater(pairs[0][1]["waited"], 0.1e9)
        puts = [e for e in q if e["k"] in ("queue.put", "queue.block") and e["tid"] == main_tid]
        self.assertEqual([e["k"] for e in puts][3], "queue.block", "the 4th put found it full")

        lifo = by_label(trace, "lifo")
        self.assertEqual({e["kind"] for e in lifo}, {"queue.LifoQueue"})
        pairs = matched(self, lifo)
        self.assertEqual([p["item"] for p, _ in pairs],
                         [e["item"] for e in lifo if e["k"] == "queue.put"][::-1], "LIFO")
        self.assertEqual([e["size"] for e in lifo], [1, 2, 3, 2, 1, 0])
        prio = by_label(trace, "prio")
        self.assertEqual({e["kind"] for e in prio}, {"queue.PriorityQueue"})
        puts = [e["item"] for e in prio if e["k"] == "queue.put"]  # (3,c) (1,a) (2,b)
        self.assertEqual([g["item"] for _, g in matched(self, prio)], [puts[1], puts[2], puts[0]])
        sq = by_label(trace, "sq")
        self.assertEqual([e["k"] for e in sq], ["queue.block", "queue.put", "queue.get"])
        self.assertEqual(sq[0]["kind"], "queue.SimpleQueue")
        self.assertEqual(len(matched(self, sq)), 1)
        out, _, code = run_untraced([prog("queue_threads.py")])
        self.assertEqual(sorted(trace.texts().splitlines()), sorted(out.decode().splitlines()))
        self.assertIn("same objects in order True", trace.texts())


class ManyProcessesTest(unittest.TestCase):
    def check(self, method, n):
        trace = run_traced([prog("queue_many.py"), str(n)], tracer_args=["--start-method", method],
                           timeout=300)
        self.assertEqual(trace.code, 0, trace.stderr)
        check_protocol(self, trace)
        main = trace.main_pid()
        children = {e["child"] for e in trace.kind("proc.spawn", main)}
        self.assertEqual(len(children), n)
        self.assertEqual({e["pid"] for e in trace.kind("proc.begin")}, children)
        self.assertEqual({e["pid"] for e in trace.kind("proc.end") if e["code"] == 0},
                         children | {main})
        self.assertEqual(sorted(e["child"] for e in trace.kind("proc.joined", main)),
                         sorted(children), "each child joined once")
        self.assertEqual({e["code"] for e in trace.kind("proc.joined")}, {0})
        pairs = matched(self, by_label(trace, "q"))
        self.assertEqual(len(pairs), n)
        self.assertEqual({p["pid"] for p, _ in pairs}, children, "one put per child")
        self.assertEqual({g["pid"] for _, g in pairs}, {main})
        self.assertIn("items %d sum %d\n" % (n, n * (n - 1) // 2), trace.texts())

    def test_200_processes_fork(self):
        self.check("fork", 200)

    def test_200_processes_forkserver(self):
        self.check("forkserver", 200)

    def test_spawn(self):
        self.check("spawn", 40)


class WriterReaderTest(unittest.TestCase):
    def test_every_item_read_in_order(self):
        for method in METHODS:
            with self.subTest(method=method):
                trace = run_traced([prog("queue_writer_reader.py"), "20000"],
                                   tracer_args=["--start-method", method], timeout=300)
                self.assertEqual(trace.code, 0, trace.stderr)
                q = by_label(trace, "q")
                pairs = matched(self, q)
                self.assertEqual(len(pairs), 20001)
                self.assertEqual([p["item"] for p, _ in pairs],
                                 [e["item"] for e in q if e["k"] == "queue.put"], "FIFO")
                self.assertTrue(all(0 <= e["size"] <= 10000 for e in q if "size" in e))
                self.assertIn("read 20000 items, sum 199990000\n", trace.texts())


class TransparencyTest(unittest.TestCase):
    def test_same_output_and_errors_as_untraced(self):
        path = prog("queue_transparency.py")
        trace = run_traced([path])
        out, err, code = run_untraced([path])
        self.assertEqual(trace.code, code)
        self.assertEqual(code, 0)
        norm = lambda text: re.sub(r"0x[0-9a-f]+", "0x", text)  # noqa: E731
        self.assertEqual(norm(trace.texts()), norm(out.decode()))
        self.assertEqual(norm(trace.texts("err")), norm(err.decode()))
        self.assertIn("TypeError: cannot pickle 'generator' object", trace.texts("err"))
        q = by_label(trace, "q")
        self.assertEqual(len(matched(self, q)), 3, "the unpicklable item never arrives")


if __name__ == "__main__":
    unittest.main()
