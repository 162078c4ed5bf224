"""Tracing of multiprocessing locks and semaphores (multiprocessing.synchronize.SemLock).

Every SemLock gets an id that is the same in every process (created as "<pid>-<n>" in the
process that made it, inherited on fork, carried in the pickle otherwise) and a label:
the variable name it was assigned to at creation.

Events: lock.acquired (waited=0) when an acquire does not block; lock.wait, then
lock.acquired or lock.fail when it does; lock.release.
"""

import itertools
import os
import sys
import time

from ._emit import BATCH as _BATCH
from ._emit import q
from ._holds import infos
from ._labels import _is_user_file, assigned_name, src_json, user_frame

_now = time.monotonic_ns
_counter = itertools.count(1)
_MP_FILES = set()


def _fields(lock):
    return ',"id":%s,"kind":"%s","label":%s' % (
        q(lock._swl_id), type(lock).__name__, q(lock._swl_label))


def _traced_methods(emitter, lock):
    raw_acquire = lock._semlock.acquire
    raw_release = lock._semlock.release
    emit = emitter.emit
    fields = _fields(lock)  # id, kind and label never change: format them once
    ia, ir = infos(fields)  # hold records' heads (see _holds)
    buf, tls = emitter.buf, emitter.tls
    append = buf.append

    # The hot path reads only fast locals: everything it needs is bound as a default.
    def acquire(block=True, timeout=None, _raw=raw_acquire, _now=_now, _tls=tls,
                _append=append, _em=emitter, _ia=ia):
        if _raw(False):  # record() inlined: this is the tight-loop path
            t = _now()
            try:
                _append((_ia, t, _tls.whob))
            except AttributeError:
                _em.who()
                _append((_ia, t, _tls.whob))
            if not _em.armed:  # (the release that follows writes a full buffer)
                _em.kick()
            return True
        frame = user_frame(2)
        if not block:
            emit("lock.fail", fields + ',"waited":0' + src_json(frame))
            return False
        t0 = _now()
        emit("lock.wait", fields + src_json(frame), t0)
        emitter.flush()
        ok = raw_acquire(block, timeout)
        t1 = _now()
        emit("lock.acquired" if ok else "lock.fail", fields + ',"waited":%d' % (t1 - t0), t1)
        return ok

    def release(_raw=raw_release, _now=_now, _tls=tls, _append=append, _em=emitter,
                _ir=ir, _buf=buf, _len=len, _BATCH=_BATCH):
        t = _now()  # stamped before the release, so the next holder starts after it
        _raw()
        try:
            _append((_ir, t, _tls.whob))
        except AttributeError:
            _em.who()
            _append((_ir, t, _tls.whob))
        if _len(_buf) >= _BATCH or not _em.armed:
            _em.kick()

    return acquire, release


def _made_by_stdlib():
    # The code that asked for the SemLock, past multiprocessing's context and synchronize
    # modules (a user's Condition still traces its own locks), is not the user's.
    f = sys._getframe(2)
    while f is not None and f.f_code.co_filename in _MP_FILES:
        f = f.f_back
    return f is not None and not _is_user_file(f.f_code.co_filename)


def install(emitter):
    """Patch multiprocessing.synchronize.SemLock so its subclasses are traced."""
    from multiprocessing import context, synchronize

    _MP_FILES.update((context.__file__, synchronize.__file__))

    SemLock = synchronize.SemLock
    orig_init = SemLock.__init__
    orig_make = SemLock._make_methods
    orig_getstate = SemLock.__getstate__
    orig_setstate = SemLock.__setstate__

    def __init__(self, *args, **kwargs):
        if _made_by_stdlib():  # a queue's, a pool's or a manager's own lock: not traced
            self._swl_id = self._swl_label = None
        else:
            self._swl_id = "%d-%d" % (os.getpid(), next(_counter))
            frame = user_frame(2)
            self._swl_label = assigned_name(frame) or type(self).__name__
        orig_init(self, *args, **kwargs)

    def _make_methods(self):
        orig_make(self)
        if not hasattr(self, "_swl_id"):
            self._swl_id = "%d-%d" % (os.getpid(), next(_counter))
            self._swl_label = type(self).__name__
        if self._swl_id is not None:
            self.acquire, self.release = _traced_methods(emitter, self)

    def __getstate__(self):
        return (orig_getstate(self), self._swl_id, self._swl_label)

    def __setstate__(self, state):
        if len(state) == 3 and isinstance(state[0], tuple):
            self._swl_id, self._swl_label = state[1], state[2]
            state = state[0]
        orig_setstate(self, state)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        return self.release()

    SemLock.__init__ = __init__
    SemLock._make_methods = _make_methods
    SemLock.__getstate__ = __getstate__
    SemLock.__setstate__ = __setstate__
    SemLock.__enter__ = __enter__
    SemLock.__exit__ = __exit__
