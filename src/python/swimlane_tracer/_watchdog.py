"""Ends the run's whole process tree when the extension host that started it disappears.

The host sets SWIMLANE_HOST_PID (its pid) and SWIMLANE_RUN_ID (a marker every process of the
run inherits). If the host is killed without stopping the run (crash, window reload that
never ran deactivate), the main process is re-parented; this thread notices within
POLL_S and SIGKILLs every process carrying the marker, then its own process group.
"""

import os
import signal
import time
import _thread

POLL_S = 0.25


def _marked(marker):
    needle = ("\0SWIMLANE_RUN_ID=%s\0" % marker).encode()
    me = os.getpid()
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == me:
            continue
        try:
            with open("/proc/%s/environ" % name, "rb") as f:
                if needle in b"\0" + f.read():
                    found.append(int(name))
        except OSError:
            pass
    return found


def _kill_all(marker):
    if marker and os.path.isdir("/proc"):
        for _ in range(3):
            for pid in _marked(marker):
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
    os.killpg(os.getpgrp(), signal.SIGKILL)


def _watch(host, marker, sleep):
    while True:
        sleep(POLL_S)
        if os.getppid() != host:
            _kill_all(marker)
            return


def start(sleep=time.sleep):
    """Start watching (main process only; does nothing when not run by the extension)."""
    try:
        host = int(os.environ.get("SWIMLANE_HOST_PID", ""))
    except ValueError:
        return
    if os.getppid() != host:
        return
    marker = os.environ.get("SWIMLANE_RUN_ID", "")
    try:  # born with signals blocked: the program's signals belong to its main thread
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
    except (AttributeError, OSError, ValueError):
        mask = None
    try:
        _thread.start_new_thread(_watch, (host, marker, sleep))
    finally:
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
