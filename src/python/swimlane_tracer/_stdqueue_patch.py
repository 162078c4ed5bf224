"""Tracing of the `queue` module: Queue, LifoQueue, PriorityQueue and SimpleQueue.

Same events and ids as multiprocessing queues (see _queue_patch). Items never leave the
process, so the queue holds the user's objects themselves; each traced queue keeps the
item ids aside in `_swl_items`, keyed by id(item) (the queue keeps the item alive, so its
id() is not reused while it is queued). The id is noted before the put, so a getter that
runs first still finds it, and dropped again when the put fails.

queue.SimpleQueue is a C type whose methods cannot be patched: `queue.SimpleQueue` is
replaced by a subclass (same repr, no pickling, no attributes) that traces queues created
by user code. Code that imported `_queue.SimpleQueue` directly is not traced.
"""

import time
import _thread

from . import _queue_patch as qp

_now = time.monotonic_ns
_lock = _thread.allocate_lock()


def _remember(queue, item, iid):
    with _lock:
        ids = queue._swl_items.get(id(item))
        if ids is None:
            queue._swl_items[id(item)] = [iid]
        else:
            ids.append(iid)


def _recall(queue, item, lifo):
    with _lock:
        ids = queue._swl_items.get(id(item))
        if not ids:
            return "?"
        iid = ids.pop() if lifo else ids.pop(0)
        if not ids:
            del queue._swl_items[id(item)]
        return iid


def _forget(queue, item, iid):
    with _lock:
        ids = queue._swl_items.get(id(item))
        if ids and iid in ids:
            ids.remove(iid)
            if not ids:
                del queue._swl_items[id(item)]


def _traced_put(orig_put, Full, can_block, size):
    """A put that notes the item id, reports a block and emits queue.put."""

    def put(self, item, block=True, timeout=None):
        fields = getattr(self, "_swl", None)
        if fields is None:
            return orig_put(self, item, block, timeout)
        iid = qp.new_item()
        _remember(self, item, iid)
        t = _now()
        try:
            if block and can_block(self) and (timeout is None or timeout >= 0):
                try:
                    orig_put(self, item, False)
                    full = False
                except Full:
                    full = True
                if full:  # blocks outside the handler: a timeout's Full chains to nothing
                    t0 = qp.emit_block(fields, "put")
                    try:
                        orig_put(self, item, True, timeout)
                    except Full:
                        qp.emit_timeout(fields, "put", t0)
                        raise
                    t = None
            else:
                orig_put(self, item, block, timeout)
        except BaseException:
            _forget(self, item, iid)
            raise
        qp.emit_put(fields, iid, size(self), t)

    put.__doc__ = orig_put.__doc__
    return put


def _traced_get(orig_get, Empty, lifo, size):
    """A get that reports a block and emits queue.get with the item's put id."""

    def get(self, block=True, timeout=None):
        fields = getattr(self, "_swl", None)
        if fields is None:
            return orig_get(self, block, timeout)
        waited = 0
        if block and (timeout is None or timeout >= 0):
            try:
                item = orig_get(self, False)
                empty = False
            except Empty:
                empty = True
            if empty:  # blocks outside the handler: a timeout's Empty chains to nothing
                t0 = qp.emit_block(fields, "get")
                try:
                    item = orig_get(self, True, timeout)
                except Empty:
                    qp.emit_timeout(fields, "get", t0)
                    raise
                waited = _now() - t0
        else:
            item = orig_get(self, block, timeout)
        qp.emit_get(fields, _recall(self, item, lifo(self)), size(self), waited)
        return item

    get.__doc__ = orig_get.__doc__
    return get


def _never(_queue):
    return False


def _qsize(queue):
    return queue._qsize()  # without the queue's mutex; exact unless another thread races


def _kind(obj, m):
    if isinstance(obj, m.PriorityQueue):
        return "queue.PriorityQueue"
    return "queue.LifoQueue" if isinstance(obj, m.LifoQueue) else "queue.Queue"


def _simple_queue(m):
    """A traced subclass standing in for queue.SimpleQueue."""
    Base = m.SimpleQueue

    class SimpleQueue(Base):
        __slots__ = ("_swl", "_swl_key", "_swl_items")
        __doc__ = Base.__doc__

        def __init__(self):
            qp.register(self, "queue.SimpleQueue")
            self._swl_items = {}

        put = _traced_put(Base.put, m.Full, _never, Base.qsize)
        get = _traced_get(Base.get, m.Empty, _never, Base.qsize)

        def put_nowait(self, item):
            return self.put(item, False)

        def get_nowait(self):
            return self.get(False)

        # Errors worded as the base type's: ask a real instance to fail the same way.
        def __reduce_ex__(self, protocol):
            return probe.__reduce_ex__(protocol)

        def __getattr__(self, name):
            return getattr(probe, name)

        def __setattr__(self, name, value):
            if name not in SimpleQueue.__slots__:
                setattr(probe, name, value)
            object.__setattr__(self, name, value)

    probe = Base()
    SimpleQueue.put_nowait.__doc__ = Base.put_nowait.__doc__
    SimpleQueue.get_nowait.__doc__ = Base.get_nowait.__doc__
    SimpleQueue.__module__ = Base.__module__  # same repr as untraced
    SimpleQueue.__qualname__ = Base.__qualname__
    return SimpleQueue


def patch_queue_module(m):
    """Patch the queue module (run when it is first imported)."""
    qp._skip_files.add(m.__file__)
    Queue = m.Queue
    orig_init = Queue.__init__

    def __init__(self, *args, **kwargs):
        if "_swl" not in self.__dict__:
            qp.register(self, _kind(self, m))
            self._swl_items = {}
        orig_init(self, *args, **kwargs)

    __init__.__doc__ = orig_init.__doc__
    Queue.__init__ = __init__
    Queue.put = _traced_put(Queue.put, m.Full, lambda self: self.maxsize > 0, _qsize)
    Queue.get = _traced_get(Queue.get, m.Empty, lambda self: isinstance(self, m.LifoQueue),
                            _qsize)
    m.SimpleQueue = _simple_queue(m)
