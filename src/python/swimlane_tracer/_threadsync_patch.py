"""Tracing of threading's Semaphore, BoundedSemaphore, Condition, Event and Barrier
(threading.Lock/RLock: _tlock_patch; multiprocessing's Condition, Event, Barrier:
_mpsync_patch, with the helpers here).

The classes keep their identity (programs subclass them): their methods are patched in
place and an instance is traced only when the user's code made it (_syncid.identity),
so the ones the standard library makes for itself (a Thread's _started Event, queue.Queue's
Conditions, a Future's Condition) report nothing. Traced instances carry `_swl`, their id,
kind and label members: inherited on fork, carried in the pickle of multiprocessing ones.

Events (docs/protocol.md): lock.wait (flushed, only when the call will block), then
lock.acquired (with `waited`) or lock.fail; lock.release for semaphores; sync.signal for
notify/notify_all/set/clear/reset/abort. The internal locks and semaphores of these
objects report nothing: threading's are made by threading itself, multiprocessing's are
untraced after construction.
"""

import functools
import threading
import time
import _thread

from ._labels import src_json, user_frame
from ._syncid import identity

_now = time.monotonic_ns
_em = None  # the Emitter (install)


class _Flags(_thread._local):
    in_all = False  # inside notify_all: its inner notify() is not a second signal


_flags = _Flags()


def _wait(fields):
    t0 = _now()
    _em.emit("lock.wait", fields + src_json(user_frame(3)), t0)
    _em.flush()
    return t0


def _done(fields, ok, t0):
    t1 = _now()
    _em.emit("lock.acquired" if ok else "lock.fail", fields + ',"waited":%d' % (t1 - t0), t1)


def _signal(fields, op, t, n=None):
    _em.emit("sync.signal", fields + ',"op":"%s"%s' % (op, "" if n is None else ',"n":%d' % n), t)


def _blocking(fields, call, *args):
    """Run a blocking call between lock.wait and lock.acquired (lock.fail: False or raised)."""
    t0 = _wait(fields)
    try:
        ok = call(*args)
    except BaseException:
        _done(fields, False, t0)
        raise
    _done(fields, ok is not False, t0)
    return ok


def _patch(cls, name):
    """Decorator: replace cls.<name> by make(orig), keeping the original's name and doc.

    Aliases bound at class creation (Semaphore.__enter__ = acquire, 3.9's notifyAll =
    notify_all) are replaced too.
    """
    def apply(make):
        orig = cls.__dict__[name]
        new = functools.wraps(orig)(make(orig))
        for attr, value in list(cls.__dict__.items()):
            if value is orig:
                setattr(cls, attr, new)
        return new
    return apply


def _traced_init(cls, kind_of, after=None):
    @_patch(cls, "__init__")
    def make(orig):
        def __init__(self, *args, **kwargs):
            orig(self, *args, **kwargs)
            fields = identity(self, kind_of(self))
            if after is not None:
                after(self, fields, args, kwargs)
            if fields is not None:
                self._swl = fields
        return __init__
    cls._swl = None  # untraced unless the user's code made it


def _signals(cls, ops):
    for op in ops:
        @_patch(cls, op)
        def make(orig, op=op):
            def signal(self):
                fields = self._swl
                if fields is None:
                    return orig(self)
                t = _now()
                result = orig(self)
                _signal(fields, op, t)
                return result
            return signal


def _condition(cls, waiters):
    """wait -> lock.wait/acquired/fail; notify/notify_all -> sync.signal (threading and mp)."""
    @_patch(cls, "wait")
    def make(orig):
        def wait(self, timeout=None):
            fields = self._swl
            if fields is None:
                return orig(self, timeout)
            return _blocking(fields, orig, self, timeout)
        return wait

    @_patch(cls, "notify")
    def make(orig):
        def notify(self, n=1):
            fields = self._swl
            if fields is None or _flags.in_all:
                return orig(self, n)
            t = _now()
            orig(self, n)
            _signal(fields, "notify", t, n)
        return notify

    @_patch(cls, "notify_all")
    def make(orig):
        def notify_all(self):
            fields = self._swl
            if fields is None:
                return orig(self)
            n, t = waiters(self), _now()
            _flags.in_all = True
            try:
                orig(self)
            finally:
                _flags.in_all = False
            _signal(fields, "notify_all", t, n)
        return notify_all


def _semaphores():
    Semaphore, Bounded = threading.Semaphore, threading.BoundedSemaphore
    _traced_init(Semaphore, lambda s: "BoundedSemaphore" if isinstance(s, Bounded) else "Semaphore")

    @_patch(Semaphore, "acquire")
    def make(orig):
        def acquire(self, blocking=True, timeout=None):
            fields = self._swl
            if fields is None or (not blocking and timeout is not None):
                return orig(self, blocking, timeout)  # untraced, or raises as untraced
            if orig(self, False):
                _em.emit("lock.acquired", fields + ',"waited":0')
                return True
            if not blocking:
                _em.emit("lock.fail", fields + ',"waited":0' + src_json(user_frame(2)))
                return False
            return _blocking(fields, orig, self, True, timeout)
        return acquire

    for cls in (Semaphore, Bounded):
        @_patch(cls, "release")
        def make(orig):
            def release(self, n=1):
                fields = self._swl
                if fields is None:
                    return orig(self, n)
                t = _now()
                orig(self, n)
                _em.emit("lock.release", fields, t)
            return release


def _threading_classes():
    _semaphores()
    Condition, Event, Barrier = threading.Condition, threading.Event, threading.Barrier
    _traced_init(Condition, lambda s: "Condition")
    _condition(Condition, lambda c: len(c._waiters))

    _traced_init(Event, lambda s: "Event")

    @_patch(Event, "wait")
    def make(orig):
        def wait(self, timeout=None):
            fields = self._swl
            if fields is None:
                return orig(self, timeout)
            if self._flag:
                _em.emit("lock.acquired", fields + ',"waited":0')
                return True
            return _blocking(fields, orig, self, timeout)
        return wait

    _signals(Event, ("set", "clear"))
    _traced_init(Barrier, lambda s: "Barrier")

    @_patch(Barrier, "wait")
    def make(orig):
        def wait(self, timeout=None):
            fields = self._swl
            if fields is None:
                return orig(self, timeout)
            if self._state == 0 and self._count + 1 >= self._parties:  # the last to arrive
                t0 = _now()
                try:
                    index = orig(self, timeout)
                except BaseException:
                    _done(fields, False, t0)
                    raise
                _done(fields, True, t0)
                return index
            return _blocking(fields, orig, self, timeout)
        return wait

    _signals(Barrier, ("reset", "abort"))


def install(emitter):
    """Trace threading's locks and synchronisation classes and multiprocessing's."""
    global _em
    from . import _mpsync_patch, _tlock_patch

    _em = emitter
    _tlock_patch.install(emitter)
    _threading_classes()
    _mpsync_patch.install()
