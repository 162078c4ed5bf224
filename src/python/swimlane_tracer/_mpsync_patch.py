"""Tracing of multiprocessing's Condition, Event and Barrier (multiprocessing.synchronize).

They report like threading's (see _threadsync_patch): Condition.wait and Event.wait as
lock.wait then lock.acquired or lock.fail, notify/notify_all/set/clear as sync.signal, and
Barrier through threading.Barrier's patched wait/reset/abort, which it inherits. Only those
the user's code made are traced; their `_swl` (id, kind, label) is inherited on fork and
carried in the pickle to spawned and forkserver children, so the id is the same in every
process. Their own SemLocks (an internal RLock, the semaphores) are untraced right after
construction: no events from them, in this process or any other.
"""

from . import _threadsync_patch as ts
from ._threadsync_patch import _blocking, _condition, _patch, _signals, _traced_init


def _untrace(*semlocks):
    # A multiprocessing object's own SemLocks: plain methods, and an id of None that their
    # pickle carries (see _sync_patch), so no process reports them.
    for lock in semlocks:
        if getattr(lock, "_swl_id", None) is not None:
            lock._swl_id = lock._swl_label = None
            lock.acquire, lock.release = lock._semlock.acquire, lock._semlock.release


def _pickled_with_id(cls, size):
    """Carry `_swl` in the pickle: state becomes (original state, _swl)."""
    @_patch(cls, "__getstate__")
    def make(orig):
        def __getstate__(self):
            return (orig(self), self._swl)
        return __getstate__

    @_patch(cls, "__setstate__")
    def make(orig):
        def __setstate__(self, state):
            if len(state) == 2 and len(state[0]) == size:
                self._swl, state = state[1], state[0]
            orig(self, state)
        return __setstate__


def _mp_sleepers(cond):
    try:
        return cond._sleeping_count._semlock._get_value() - cond._woken_count._semlock._get_value()
    except Exception:  # pragma: no cover - sem_getvalue is missing on macOS
        return None


def install():
    """Patch multiprocessing.synchronize's Condition, Event and Barrier."""
    from multiprocessing import synchronize as mps

    def condition_inside(cond, fields, args, kwargs):
        _untrace(cond._sleeping_count, cond._woken_count, cond._wait_semaphore)
        if fields is None or (args[0] if args else kwargs.get("lock")) is None:
            _untrace(cond._lock)  # its own RLock (a lock the user passed stays traced)

    _traced_init(mps.Condition, lambda s: "Condition", condition_inside)
    _condition(mps.Condition, _mp_sleepers)
    _pickled_with_id(mps.Condition, 4)

    def event_inside(event, fields, args, kwargs):
        _untrace(event._flag, event._cond._lock)

    _traced_init(mps.Event, lambda s: "Event", event_inside)  # pickled with its __dict__

    @_patch(mps.Event, "wait")
    def make(orig):
        def wait(self, timeout=None):
            fields = self._swl
            if fields is None:
                return orig(self, timeout)
            if self.is_set():
                ts._em.emit("lock.acquired", fields + ',"waited":0')
                return True
            return _blocking(fields, orig, self, timeout)
        return wait

    _signals(mps.Event, ("set", "clear"))
    _traced_init(mps.Barrier, lambda s: "Barrier")  # wait/reset/abort: threading.Barrier's
    _pickled_with_id(mps.Barrier, 5)
