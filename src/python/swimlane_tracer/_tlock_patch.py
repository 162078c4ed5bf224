"""Tracing of threading.Lock and threading.RLock: thin traced wrappers around the C locks.

Both are C factories, so threading.Lock/RLock are replaced by factories that return a
TracedLock/TracedRLock when the code creating the lock is the user's, and the plain C lock
otherwise: threading's own Condition/Event/Semaphore/Barrier internals, queue.Queue,
logging, concurrent.futures and the tracer stay untraced and pay nothing.

Events (docs/protocol.md): lock.acquired (waited 0) when an acquire did not block;
lock.wait (flushed) then lock.acquired or lock.fail when it did; lock.fail for a failed
non-blocking acquire; lock.release, stamped before the release. An RLock reports holds:
its outermost acquire and its last release. The uncontended path costs no call: it appends
a hold record (the lock's acquire or release info, t, the thread's cached pid/tid bytes)
to the emitter's buffer, which formats it when it writes, runs of short holds as one
lock.burst event (see _holds).
"""

import threading
import time
import _thread

from ._holds import infos
from ._labels import src_json, user_frame
from ._syncid import identity

_now = time.monotonic_ns
_allocate = _thread.allocate_lock
_em = None  # the Emitter (install)
_buf = []  # its buffer (install): hot paths append records (prefix, t, who, suffix) to it
_append = _buf.append
_tls = None  # its per-thread cache of `who` bytes
_BATCH = 256


def _first(info, t):
    # The thread's first event: its `who` members are not cached yet.
    _em.who()
    _append((info, t, _tls.whob))


def _blocked(fields, acq, blocking, timeout, depth):
    """An acquire that did not succeed at once: lock.fail, or lock.wait then the outcome."""
    frame = user_frame(depth + 1)
    emit = _em.emit
    if not blocking:
        emit("lock.fail", fields + ',"waited":0' + src_json(frame))
        return False
    t0 = _now()
    emit("lock.wait", fields + src_json(frame), t0)
    _em.flush()
    try:
        ok = acq(True, timeout)
    except BaseException:
        emit("lock.fail", fields + ',"waited":%d' % (_now() - t0))
        raise
    t1 = _now()
    emit("lock.acquired" if ok else "lock.fail", fields + ',"waited":%d' % (t1 - t0), t1)
    return ok


def _invalid(blocking, timeout):
    # Arguments the C lock rejects (a timeout with blocking=False, a bad timeout): it raises.
    return not blocking or not isinstance(timeout, (int, float)) or timeout < 0


class TracedLock:
    """threading.Lock() made by the user's code: the C lock, reporting lock.* events."""

    __slots__ = ("_raw", "_acq", "_rel", "_f", "_ia", "_ir", "__weakref__")

    def __init__(self, fields, raw):
        self._raw = raw
        self._acq, self._rel = raw.acquire, raw.release
        self._f = fields
        self._ia, self._ir = infos(fields)  # its hold records' heads (see _holds)

    def acquire(self, blocking=True, timeout=-1):
        """Acquire the lock (as _thread.lock.acquire)."""
        if timeout != -1 and _invalid(blocking, timeout):
            return self._acq(blocking, timeout)  # raises as the C lock does
        if not self._acq(False):
            return _blocked(self._f, self._acq, blocking, timeout, 2)
        t = _now()
        try:
            _append((self._ia, t, _tls.whob))
        except AttributeError:
            _first(self._ia, t)
        if not _em.armed:  # (releases, which follow, also write a full buffer)
            _em.kick()
        return True

    __enter__ = acquire

    def release(self):
        """Release the lock; the event is stamped before, so holds never overlap."""
        t = _now()
        self._rel()
        try:
            _append((self._ir, t, _tls.whob))
        except AttributeError:
            _first(self._ir, t)
        if len(_buf) >= _BATCH or not _em.armed:
            _em.kick()

    def __exit__(self, *exc):  # release(), inlined: `with lock:` is the usual tight loop
        t = _now()
        self._rel()
        try:
            _append((self._ir, t, _tls.whob))
        except AttributeError:
            _first(self._ir, t)
        if len(_buf) >= _BATCH or not _em.armed:
            _em.kick()

    def locked(self):
        """True when the lock is held."""
        return self._raw.locked()

    def _is_owned(self):
        # Condition's probe, done on the C lock so that it reports nothing.
        if self._acq(False):
            self._rel()
            return False
        return True

    def __getattr__(self, name):
        return getattr(object.__getattribute__(self, "_raw"), name)

    def __reduce_ex__(self, protocol):
        return self._raw.__reduce_ex__(protocol)  # raises as the C lock does

    def __repr__(self):
        return repr(self._raw)


class TracedRLock(TracedLock):
    """threading.RLock() made by the user's code: reports holds (outermost acquire, last release)."""

    __slots__ = ("_owned", "_depth")

    def __init__(self, fields, raw):
        TracedLock.__init__(self, fields, raw)
        self._owned = raw._is_owned
        self._depth = 0  # only ever changed by the owner, while it holds the lock

    def acquire(self, blocking=True, timeout=-1):
        """Acquire the lock (as _thread.RLock.acquire); re-entering reports nothing."""
        if timeout != -1 and _invalid(blocking, timeout):
            return self._acq(blocking, timeout)  # raises as the C lock does
        if not self._acq(False):
            ok = _blocked(self._f, self._acq, blocking, timeout, 2)
            if ok:
                self._depth = 1  # it blocked, so another thread held it: the outermost
            return ok
        depth = self._depth = self._depth + 1
        if depth == 1:
            t = _now()
            try:
                _append((self._ia, t, _tls.whob))
            except AttributeError:
                _first(self._ia, t)
            if not _em.armed:
                _em.kick()
        return True

    __enter__ = acquire

    def release(self):
        """Release one level; the last release is reported, stamped before it happens."""
        if not self._owned():
            return self._rel()  # raises as the C lock does
        depth = self._depth = self._depth - 1
        if depth:
            return self._rel()
        TracedLock.release(self)

    def __exit__(self, *exc):
        self.release()

    def _is_owned(self):
        return self._owned()

    def _release_save(self):
        # Condition.wait: release every level (reported as one release), keep the depth.
        if not self._owned():
            return self._raw._release_save()  # raises as the C lock does
        depth, self._depth = self._depth, 0
        t = _now()
        state = self._raw._release_save()
        _em.emit("lock.release", self._f, t)
        return state, depth

    def _acquire_restore(self, saved):
        state, depth = saved
        if self._acq(False):
            for _ in range(depth - 1):
                self._acq()
            _em.emit("lock.acquired", self._f + ',"waited":0')
        else:
            t0 = _now()
            _em.emit("lock.wait", self._f + src_json(user_frame(2)), t0)
            _em.flush()
            self._raw._acquire_restore(state)
            t1 = _now()
            _em.emit("lock.acquired", self._f + ',"waited":%d' % (t1 - t0), t1)
        self._depth = depth

    def _at_fork_reinit(self):
        self._raw._at_fork_reinit()
        self._depth = 0

    locked = property(lambda self: self._raw.locked)  # RLock.locked exists from 3.14 only


def _lock_class(raw_type):
    class _Meta(type):
        def __instancecheck__(cls, obj):
            return type(obj) in (raw_type, TracedLock)

        def __subclasscheck__(cls, sub):
            return sub in (cls, raw_type, TracedLock)

    class lock(metaclass=_Meta):
        __doc__, __module__, __qualname__ = raw_type.__doc__, raw_type.__module__, "lock"

        def __new__(cls):
            fields = identity(None, "Lock")
            return _allocate() if fields is None else TracedLock(fields, _allocate())

    return lock


def install(emitter):
    """Replace threading.Lock/RLock with factories tracing the locks the user's code makes."""
    global _em, _buf, _append, _tls, _BATCH
    from . import _emit, _syncid

    _em, _buf, _tls, _BATCH = emitter, emitter.buf, emitter.tls, _emit.BATCH
    _append = _buf.append
    _syncid.install(emitter)
    orig_rlock = threading.RLock

    def Lock():
        """Allocate a lock (traced when the caller is the user's code)."""
        fields = identity(None, "Lock")
        return _allocate() if fields is None else TracedLock(fields, _allocate())

    if isinstance(threading.Lock, type):  # 3.13+: a class, and isinstance(x, Lock) works
        Lock = _lock_class(threading.Lock)

    def RLock(*args, **kwargs):
        """Allocate a re-entrant lock (traced when the caller is the user's code)."""
        fields = identity(None, "RLock")
        raw = orig_rlock(*args, **kwargs)
        return raw if fields is None else TracedRLock(fields, raw)

    threading.Lock, threading.RLock = Lock, RLock
