"""Tracing of raw os.fork() (not multiprocessing's own forks, which report themselves), and
proc.end for a process the program ends with os._exit() (no exit handler would report it).

The parent emits proc.spawn; the child says hello and proc.begin (named "os.fork"), and
proc.end when it leaves, through os._exit or a normal interpreter exit.
"""

import os
import sys

NAME = "os.fork"


def _by_multiprocessing():
    """True when our caller's caller is multiprocessing (popen_fork, the forkserver)."""
    import multiprocessing

    mp_dir = os.path.dirname(os.path.abspath(multiprocessing.__file__))
    caller = sys._getframe(2).f_code.co_filename
    return caller.startswith(mp_dir)


def install(emitter, hello, state):
    """Wrap os.fork (raw forks become processes of the trace) and os._exit (proc.end)."""
    real_fork = os.fork
    real_exit = os._exit  # already wrapped to flush (_misc_patch.install_exit)

    def fork():
        if _by_multiprocessing():
            return real_fork()
        emitter.flush()
        parent = os.getpid()
        pid = real_fork()
        if pid == 0:
            state.main_pid = os.getpid()  # _at_exit reports this child's proc.end
            hello(False)
            emitter.emit("proc.begin", ',"name":"%s","daemon":false,"ppid":%d' % (NAME, parent))
        else:
            emitter.emit("proc.spawn", ',"child":%d,"name":"%s","daemon":false,"target":null'
                         % (pid, NAME))
        return pid

    def _exit(code):
        # The program's own os._exit (multiprocessing calls it after a child's bootstrap,
        # which already reported the end).
        if not _by_multiprocessing():
            try:
                emitter.emit("proc.end", ',"code":%d' % int(code))
            except Exception:  # never stand between a program and its exit
                pass
        real_exit(code)

    os.fork = fork
    os._exit = _exit
