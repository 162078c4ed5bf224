"""Tracing of threading.Thread (start, begin, end, abandoned at exit) and of the work items
of concurrent.futures.ThreadPoolExecutor (task.begin / task.end).

Thread methods are patched in place (programs subclass Thread): `start` reports
thread.start in the starting thread once start() returned (stamped when it was called, so
it precedes the new thread's begin); `_bootstrap_inner`, which runs in the new thread,
reports thread.begin before run() and thread.end after it, and wraps the instance's
`_invoke_excepthook` so an exception escaping run() is also an `exc` event, with the
excepthook then called exactly as untraced. No thread is added and no name, daemon flag or
return value changes.

A thread still running when its process exits (a daemon) is reported by the exiting
thread: thread.end with "abandoned":true and the abandoned thread's tid, from the tracer's
atexit hook in the main process and from threading._shutdown in a multiprocessing child.
"""

import itertools
import os
import sys
import threading
import time

from ._emit import clip, q
from ._exc import clean, emit_exc

_now = time.monotonic_ns
_live = {}  # Thread -> native id, from its begin to its end
_tasks = itertools.count(1)


def _target_name(thread):
    target = getattr(thread, "_target", None)
    if target is None:
        return "%s.run" % type(thread).__name__
    return clip(getattr(target, "__qualname__", None) or repr(target), 200)


def _bool(flag):
    return "true" if flag else "false"


def report_abandoned(emitter):
    """thread.end "abandoned" for every thread still running (the process is exiting)."""
    for thread, tid in list(_live.items()):
        if _live.pop(thread, None) is not None:
            emitter.emit("thread.end", ',"name":%s,"abandoned":true' % q(thread.name), tid=tid)
    emitter.flush()


def _install_threads(emitter, state):
    Thread = threading.Thread
    orig_start = Thread.start
    orig_inner = Thread._bootstrap_inner
    orig_shutdown = threading._shutdown
    emit = emitter.emit

    def start(self):
        t = _now()
        target = _target_name(self)  # run() deletes _target, maybe before start() returns
        orig_start(self)
        emit("thread.start", ',"child":%d,"name":%s,"daemon":%s,"target":%s' % (
            self.native_id or 0, q(self.name), _bool(self.daemon), q(target)), t)

    def _bootstrap_inner(self):
        _live[self] = threading.get_native_id()
        emit("thread.begin", ',"name":%s,"daemon":%s' % (q(self.name), _bool(self.daemon)))
        hook = self.__dict__.get("_invoke_excepthook")
        if hook is not None:
            def _invoke_excepthook(thread):
                exc = sys.exc_info()[1]
                if exc is not None and not isinstance(exc, SystemExit):
                    emit_exc(emitter, exc)
                    clean(exc)  # threading's excepthook prints in C: strip it here
                return hook(thread)

            self._invoke_excepthook = _invoke_excepthook
        try:
            orig_inner(self)
        finally:
            if _live.pop(self, None) is not None:  # else already reported as abandoned
                emit("thread.end", ',"name":%s' % q(self.name))

    def _shutdown():
        orig_shutdown()
        # In a multiprocessing child this is the end (then os._exit); the main process
        # reports from the tracer's atexit hook, which runs after multiprocessing's own.
        if not (state.is_main and os.getpid() == state.main_pid):
            report_abandoned(emitter)

    start.__doc__, start.__wrapped__ = orig_start.__doc__, orig_start
    Thread.start, Thread._bootstrap_inner = start, _bootstrap_inner
    threading._shutdown = _shutdown
    os.register_at_fork(after_in_child=_live.clear)  # the parent's threads are not here


def _install_pool_tasks(emitter, module):
    # ThreadPoolExecutor work items: task.begin / task.end around the submitted callable.
    WorkItem = module._WorkItem
    orig_run = WorkItem.run
    emit = emitter.emit

    def run(self, *args, **kwargs):
        fn = getattr(self, "fn", None)
        if fn is not None:
            func = q(clip(getattr(fn, "__qualname__", None) or repr(fn), 200))

            def traced(*a, **k):
                task = q("%d-t%d" % (os.getpid(), next(_tasks)))
                emit("task.begin", ',"task":%s,"func":%s' % (task, func))
                ok = False
                try:
                    result = fn(*a, **k)
                    ok = True
                    return result
                finally:
                    emit("task.end", ',"task":%s,"ok":%s' % (task, _bool(ok)))

            self.fn = traced
        return orig_run(self, *args, **kwargs)

    WorkItem.run = run


def install(emitter, state):
    """Patch threading.Thread, threading._shutdown and ThreadPoolExecutor's work items."""
    from ._lazy import when_imported

    _install_threads(emitter, state)
    state.exit_hooks.append(lambda: report_abandoned(emitter))
    when_imported("concurrent.futures.thread", lambda m: _install_pool_tasks(emitter, m))
