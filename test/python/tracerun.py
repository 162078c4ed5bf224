"""Helpers for the Python test tier: run a program under the tracer and decode its frames."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRACER_PATH = os.path.join(ROOT, "src", "python")
SCENARIOS = os.path.join(TRACER_PATH, "scenarios")
FIXTURES = os.path.join(ROOT, "test", "fixtures")
RS = b"\x1e"


class Trace:
    """The decoded output of one traced run."""

    def __init__(self, raw, stderr, code):
        self.raw = raw
        self.stderr = stderr
        self.code = code
        self.events = []
        self.output = b""  # bytes outside frames
        for i, part in enumerate(raw.split(RS)):
            if i == 0:
                self.output += part
                continue
            body, nl, rest = part.partition(b"\n")
            if not nl:
                raise AssertionError("unterminated frame: %r" % part[:200])
            self.events.append(json.loads(body.decode("utf-8")))
            self.output += rest

    def kind(self, k, pid=None):
        """Events of one kind (optionally of one process), in stream order."""
        return [e for e in self.events if e["k"] == k and (pid is None or e["pid"] == pid)]

    def main_pid(self):
        return next(e["pid"] for e in self.events if e["k"] == "hello" and e["main"])

    def texts(self, stream="out"):
        return "".join(e["text"] for e in self.kind("out") if e["stream"] == stream)


def run_traced(args, cwd=None, timeout=120, python=None, env=None, tracer_args=()):
    """Run `python -m swimlane_tracer [tracer_args] args...`; kills the process group on timeout."""
    full_env = dict(os.environ, PYTHONPATH=TRACER_PATH, PYTHONIOENCODING="utf-8")
    full_env.update(env or {})
    cmd = [python or sys.executable, "-m", "swimlane_tracer", *tracer_args, *args]
    return _run(cmd, cwd, timeout, full_env, Trace)


def run_untraced(args, cwd=None, timeout=120, python=None, env=None):
    """Run the same program without the tracer; returns (stdout, stderr, code)."""
    cmd = [python or sys.executable, *args]
    env = dict(os.environ, PYTHONIOENCODING="utf-8", **(env or {}))
    return _run(cmd, cwd, timeout, env, lambda o, e, c: (o, e, c))


def _run(cmd, cwd, timeout, env, make):
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return make(out, err, proc.returncode)


class TempDir:
    """A fresh working directory, removed afterwards."""

    def __init__(self, files=None):
        self.files = files or {}

    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="swimlane-test-")
        for name, text in self.files.items():
            with open(os.path.join(self.path, name), "w", encoding="utf-8") as f:
                f.write(text)
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)


def lock_holds(trace):
    """(acquired_t, release_t, pid) per hold, from lock.acquired/lock.release pairs; a
    lock.burst (a run of short holds) counts as one, from its first acquire to its last
    release."""
    holds = []
    open_at = {}
    for e in sorted(trace.events, key=lambda e: e["t"]):
        if e["k"] == "lock.burst":
            holds.append((e["t"], e["last"], e["pid"]))
        elif e["k"] == "lock.acquired":
            open_at[(e["pid"], e["tid"], e["id"])] = e["t"]
        elif e["k"] == "lock.release":
            t0 = open_at.pop((e["pid"], e["tid"], e["id"]))
            holds.append((t0, e["t"], e["pid"]))
    return sorted(holds)
