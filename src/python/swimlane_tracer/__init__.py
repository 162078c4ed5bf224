"""Concurrency Swimlane tracer: streams a Python program's concurrency events on stdout.

Run a program under it with `python -m swimlane_tracer SCRIPT [ARGS...]` (see __main__).
The protocol is described in docs/protocol.md. Standard library only; Python 3.9+.

`mark(label, **data)` adds an annotation to the trace and does nothing when the program
is not traced.
"""

import atexit
import json
import os
import sys
import time

# The tracer's own modules are cached as bytecode in its __pycache__ even when the program
# runs with PYTHONDONTWRITEBYTECODE (the extension sets it, so that no __pycache__ appears
# among the user's files): then neither a traced interpreter nor each spawn/forkserver child
# compiles the tracer's ~25 modules at start (~15-60 ms each). Only these modules: the flag
# is restored before the program runs. A folder that cannot be written to just stays as is.
_DONT_WRITE = sys.dont_write_bytecode
sys.dont_write_bytecode = False
try:
    from . import _emit, _labels, _stdio, _exc, _io_patch, _misc_patch  # noqa: F401
    from . import _proc_patch, _sync_patch, _pool_patch, _queue_patch  # noqa: F401
    from . import _thread_patch, _threadsync_patch, _fork_patch, _watchdog  # noqa: F401
    from . import _lazy, _stdqueue_patch, _mpsync_patch, _tlock_patch  # noqa: F401
finally:
    sys.dont_write_bytecode = _DONT_WRITE


def _cache_own_entry_points():
    # __init__ (imported before the code above ran), __main__ (run by runpy) and _boot (which
    # imports install from here): written once, when their bytecode for this Python is missing.
    here = os.path.dirname(os.path.abspath(__file__))
    tag = sys.implementation.cache_tag
    if tag is None:
        return
    for stem in ("__init__", "__main__", "_boot"):
        if not os.path.exists(os.path.join(here, "__pycache__", "%s.%s.pyc" % (stem, tag))):
            try:
                import py_compile

                py_compile.compile(os.path.join(here, stem + ".py"), doraise=True)
            except Exception:  # read-only folder, or anything else: compile each time as before
                return


_cache_own_entry_points()

from ._emit import Emitter, clip, q  # noqa: E402
from ._labels import src_json, user_frame  # noqa: E402

__version__ = "0.1.0"
PROTOCOL_VERSION = 1
PROTOCOL_MINOR = 1  # 1.1: lock.burst, queue.timeout (docs/protocol.md)


class _State:
    emitter = None
    is_main = False
    exit_code = 0
    stdio = ()
    exit_hooks = []  # called at exit before proc.end (threads abandoned at exit)


_state = _State()


def is_active():
    """True when this process is being traced."""
    return _state.emitter is not None


def mark(label, **data):
    """Add a user annotation at this point of the trace (no-op when not traced)."""
    emitter = _state.emitter
    if emitter is None:
        return
    body = ',"label":%s' % q(clip(label, 200))
    if data:
        safe = {str(k): (v if isinstance(v, (str, int, float, bool, type(None))) else repr(v))
                for k, v in data.items()}
        body += ',"data":' + json.dumps(safe, ensure_ascii=False)
    emitter.emit("mark", body + src_json(user_frame(2)))


def _start_method():
    import multiprocessing

    method = multiprocessing.get_start_method(allow_none=True)
    if method is None:
        ctx = multiprocessing.context._default_context._default_context
        method = getattr(ctx, "_name", None) or "fork"
    return method


def _hello(is_main):
    emitter = _state.emitter
    argv = [clip(a, 200) for a in sys.argv[:20]]
    emitter.emit("hello", ',"v":%d,"minor":%d,"py":%s,"tracer":%s,"method":%s,"argv":[%s],"wall":%r,'
                 '"ppid":%d,"main":%s' % (
                     PROTOCOL_VERSION, PROTOCOL_MINOR, q(sys.version.split()[0]), q(__version__),
                     q(_start_method()), ",".join(q(a) for a in argv), time.time(),
                     os.getppid(), "true" if is_main else "false"))


def _flush_stdio():
    for stream in _state.stdio:
        stream.flush_all()


def _at_exit():
    emitter = _state.emitter
    if emitter is None:
        return
    _flush_stdio()
    for hook in _state.exit_hooks:
        hook()
    if _state.is_main and os.getpid() == _state.main_pid:
        emitter.emit("proc.end", ',"code":%d' % _state.exit_code)
    emitter.flush()


def install(is_main, start_method=None, event_fd=1):
    """Start tracing this process: emitter, stdout/stderr capture and all patches.

    The main process writes events to a dup of fd 1; a child to `event_fd`.
    """
    if _state.emitter is not None:
        return _state.emitter
    # Registered before multiprocessing is imported, so it runs after multiprocessing's
    # own exit handler has terminated daemons and joined children.
    atexit.register(_at_exit)
    fd = os.dup(1) if is_main else event_fd  # the program may close or redirect fd 1 later
    emitter = _state.emitter = Emitter(fd)
    _state.is_main = is_main
    _state.main_pid = os.getpid()

    from ._stdio import TracedStream
    from . import _misc_patch, _proc_patch, _sync_patch
    from . import _pool_patch, _queue_patch

    sys.stdout = TracedStream(emitter, sys.stdout, "out")
    sys.stderr = TracedStream(emitter, sys.stderr, "err")
    _state.stdio = (sys.stdout, sys.stderr)
    _misc_patch.install_sleep(emitter)
    _misc_patch.install_json(emitter)
    from . import _exc, _io_patch
    _io_patch.install(emitter)
    _exc.install_traceback()
    _misc_patch.install_exit(emitter, _flush_stdio)
    _sync_patch.install(emitter)
    from . import _thread_patch, _threadsync_patch
    _threadsync_patch.install(emitter)
    _thread_patch.install(emitter, _state)
    _queue_patch.install(emitter)
    _pool_patch.install(emitter)
    _proc_patch.install(emitter, _hello, _flush_stdio)
    from . import _fork_patch
    _fork_patch.install(emitter, _hello, _state)
    if start_method:
        # Changes the default only: the program's own set_start_method() still works.
        import multiprocessing.context as mpc

        mpc._default_context._default_context = mpc._concrete_contexts[start_method]
    if is_main:
        _hello(True)
    return emitter
