"""Imported first by interpreters that multiprocessing starts (spawn, forkserver, helpers).

The parent prefixes their `-c` command with this import and a call of start(fd) (see
_proc_patch), so a spawned child is traced with no change to the user's program, writing its
events to the parent's event fd (inherited) rather than to a possibly redirected fd 1.
"""

from . import install


def start(fd=1):
    """Trace this interpreter, writing events to `fd` (fd 1 if it is not open)."""
    import os

    try:
        os.fstat(fd)
    except OSError:
        fd = 1
    install(is_main=False, event_fd=fd)
