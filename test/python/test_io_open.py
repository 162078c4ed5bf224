"""io.read / io.write from plain open() (protocol 1.1), and the file objects behaving as
untraced: repr, isinstance, pickling errors, newline/encoding settings, iteration, seek."""

import os
import unittest

from tracerun import FIXTURES, TempDir, run_traced, run_untraced

PROG = os.path.join(FIXTURES, "programs", "io_open.py")


def io_events(trace, path, pid):
    return [(e["k"], e["preview"]) for e in trace.events
            if e["k"] in ("io.read", "io.write") and e["path"] == path and e["pid"] == pid]


class IoOpenTest(unittest.TestCase):
    def test_reads_and_writes_of_text_files_show(self):
        with TempDir() as cwd:
            trace = run_traced([PROG], cwd=cwd)
        with TempDir() as cwd:
            out, err, code = run_untraced([PROG], cwd=cwd)
        self.assertEqual(trace.code, 0, trace.stderr)
        self.assertEqual((trace.texts(), trace.texts("err"), code), (out.decode(), "", 0))
        self.assertEqual(trace.output, b"")
        main = trace.main_pid()
        db = '{"count": 1}\n'
        self.assertEqual(io_events(trace, "db.txt", main), [
            ("io.write", db), ("io.read", db),
            ("io.read", '{"count": 1}')])  # json.load: its own event, not the file's too
        self.assertEqual(io_events(trace, "lines.txt", main), [
            ("io.write", "α"), ("io.write", "\n"), ("io.write", "β\nγ\n"),  # print, writelines
            ("io.read", "α\r\n"), ("io.read", "β\r\n"), ("io.read", "γ\r\n"),  # iteration
            ("io.read", "α\r\nβ\r\nγ\r\n")])  # readlines (the "rb" read is not reported)
        many = io_events(trace, "many.txt", main)
        self.assertEqual(many[:16], [("io.write", "%d\n" % i) for i in range(16)])
        self.assertEqual(many[16:18], [("io.write", "(more writes not shown)"),
                                       ("io.write", "40\n")])
        self.assertEqual(many[18:34], [("io.read", "%d\n" % i) for i in range(16)])
        self.assertEqual(many[34:], [("io.read", "(more reads not shown)")])
        child = trace.kind("proc.begin")[0]["pid"]
        self.assertEqual(io_events(trace, "db.txt", child), [("io.read", db)])
        # Only the program's own files: not the standard library's or the tracer's opens.
        self.assertEqual({e["path"] for e in trace.events if e["k"].startswith("io.")},
                         {"db.txt", "lines.txt", "many.txt"})
        for e in trace.events:
            if e["k"].startswith("io."):
                self.assertEqual(os.path.basename(e["src"][0]), "io_open.py", e)

    def test_pathlib_reads_and_writes_for_the_user_show(self):
        prog = (
            "import pathlib, tempfile\n"
            "p = pathlib.Path('note.txt')\n"
            "p.write_text('ticket 1')\n"
            "print(p.read_text())\n"
            "with p.open() as f:\n"
            "    f.readline()\n"
            "tempfile.TemporaryFile(mode='w+').write('stdlib')\n"  # not the user's open
        )
        with TempDir({"paths.py": prog}) as cwd:
            trace = run_traced([os.path.join(cwd, "paths.py")], cwd=cwd)
        self.assertEqual(trace.code, 0, trace.stderr)
        self.assertEqual(trace.texts(), "ticket 1\n")
        got = [(e["k"], e["path"], e["preview"], e["src"][1]) for e in trace.events
               if e["k"].startswith("io.")]
        self.assertEqual(got, [("io.write", "note.txt", "ticket 1", 3),
                               ("io.read", "note.txt", "ticket 1", 4),
                               ("io.read", "note.txt", "ticket 1", 6)])


if __name__ == "__main__":
    unittest.main()
