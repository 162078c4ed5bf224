"""Tracing of queues: multiprocessing Queue/JoinableQueue/SimpleQueue and queue.Queue & co.

Events (docs/protocol.md): `queue.put` after a put, `queue.get` after a get (with the item
id its put gave and how long it blocked), `queue.block` (flushed) before a put/get that
blocks: the tracer first tries the operation without blocking and only then blocks;
`queue.timeout` when a blocked put/get then times out (Full / Empty), ending the block.

Ids: a queue gets "<pid>-<n>" at construction and keeps it in every process (inherited on
fork, carried by __getstate__/__setstate__ otherwise); the label is the variable it was
assigned to, else the class name. Each put makes an item id "<pid>-<n>". A multiprocessing
queue carries it inside the pickle: the item is put as a tuple (_MARK, item id, item) and
the get returns the item it unpickled from it, so the receiver gets exactly what it would
untraced; pickling errors arise in the item, in C code, with the same traceback. (A reduce
hook would cost a global lookup per item on both sides.) queue.Queue items never leave the
process: their ids are kept aside, keyed by the object's id(), and the queue holds the
original objects.

Only queues created by the user's code are traced: those created by the standard library
(Pool and ProcessPoolExecutor internals, managers) are not, and their internal locks, like
those of every queue, produce no lock events (see _sync_patch).
"""

import itertools
import select
import sys
import time

from . import _qevents
from ._emit import q
from ._labels import _HERE, _is_user_file, assigned_name
from ._lazy import when_imported
from ._qevents import emit_block, emit_get, emit_put, emit_timeout  # noqa: F401 (qp.emit_*)
from ._sync_patch import _counter

_now = time.monotonic_ns
_items = itertools.count(1)
_skip_files = set()
_emitter = None


_MARK = "swl"


def _untag(res):
    """(item id, item) from what a traced queue's get returned."""
    if res.__class__ is tuple and len(res) == 3 and res[0] == _MARK:
        return res[1], res[2]
    return "?", res


def new_item():
    """A fresh item id, "<pid>-<n>"."""
    return "%d-%d" % (_emitter.pid, next(_items))


def _initialising(frame, obj):
    # A subclass's __init__ running for this very queue: its creator is further out.
    code = frame.f_code
    return (code.co_name == "__init__" and code.co_argcount > 0
            and frame.f_locals.get(code.co_varnames[0]) is obj)


def register(obj, kind, qid=None, label=None):
    """Give a queue its id and label; untraced (None) unless the user's code created it."""
    if qid is None:
        f = sys._getframe(2)
        while f is not None and (f.f_code.co_filename in _skip_files
                                 or f.f_code.co_filename.startswith(_HERE)
                                 or _initialising(f, obj)):
            f = f.f_back
        if f is None or not _is_user_file(f.f_code.co_filename):
            obj._swl = obj._swl_key = None
            return
        qid = "%d-%d" % (_emitter.pid, next(_counter))
        label = assigned_name(f) or type(obj).__name__
    obj._swl_key = (qid, label)
    obj._swl = ',"id":%s,"kind":"%s","label":%s' % (q(qid), kind, q(label))


def _mp_kind(obj, queues):
    if isinstance(obj, queues.JoinableQueue):
        return "JoinableQueue"
    return "SimpleQueue" if isinstance(obj, queues.SimpleQueue) else "Queue"


def _size(obj):
    try:
        return obj._maxsize - obj._sem._semlock._get_value()
    except (NotImplementedError, AttributeError, OSError):  # macOS: no sem_getvalue
        return None


def _readable(conn):
    # Connection.poll(0) goes through selectors: ~10x the cost of one poll() call.
    try:
        poller = select.poll()
        poller.register(conn.fileno(), select.POLLIN)
        return bool(poller.poll(0))
    except (OSError, ValueError, AttributeError):
        return True  # closed or unusual: let the get itself tell


def _empty(queue):
    size = _size(queue)
    return not _readable(queue._reader) if size is None else size <= 0


def _wrap_put(orig_put, Full):
    def put(self, obj, block=True, timeout=None):
        fields = getattr(self, "_swl", None)
        if fields is None:
            return orig_put(self, obj, block, timeout)
        iid = new_item()
        tagged = (_MARK, iid, obj)
        t = _now()  # a getter may see the item before this thread emits
        if block:
            try:
                orig_put(self, tagged, False)
                full = False
            except Full:
                full = True
            if full:  # blocks outside the handler: a timeout's Full chains to nothing
                t0 = emit_block(fields, "put")
                try:
                    orig_put(self, tagged, True, timeout)
                except Full:
                    emit_timeout(fields, "put", t0)
                    raise
                t = None
        else:
            orig_put(self, tagged, False)
        emit_put(fields, iid, _size(self), t)

    put.__doc__ = orig_put.__doc__
    return put


def _patch_mp(queues):
    """Patch multiprocessing.queues (run when it is first imported)."""
    from queue import Empty, Full

    _skip_files.add(queues.__file__)
    _skip_files.add(sys.modules["multiprocessing.context"].__file__)
    Queue, SimpleQueue = queues.Queue, queues.SimpleQueue

    def wrap_init(orig_init):
        def __init__(self, *args, **kwargs):
            outer = "_swl" not in self.__dict__  # JoinableQueue.__init__ calls Queue's
            if outer:
                register(self, _mp_kind(self, queues))
            orig_init(self, *args, **kwargs)
            if outer:
                _fix_feeder_error(self)
        return __init__

    def wrap_getstate(orig):
        def __getstate__(self):
            return orig(self) + (("swl",) + (getattr(self, "_swl_key", None) or (None, None)),)
        return __getstate__

    def wrap_setstate(orig):
        def __setstate__(self, state):
            if state and isinstance(state[-1], tuple) and state[-1][:1] == ("swl",):
                qid, label = state[-1][1:]
                state = state[:-1]
                if qid is None:
                    self._swl = self._swl_key = None
                else:
                    register(self, _mp_kind(self, queues), qid, label)
            orig(self, state)
            _fix_feeder_error(self)
        return __setstate__

    orig_get = Queue.get

    def get(self, block=True, timeout=None):
        fields = getattr(self, "_swl", None)
        if fields is None:
            return orig_get(self, block, timeout)
        # Empty = nothing put and not yet got (the semaphore's count; Queue.empty() polls
        # the pipe, which costs more than the get and misses items still being fed).
        t0 = emit_block(fields, "get") if block and _empty(self) else None
        try:
            res = orig_get(self, block, timeout)
        except Empty:
            if t0 is not None:
                emit_timeout(fields, "get", t0)
            raise
        iid, obj = _untag(res)
        emit_get(fields, iid, _size(self), 0 if t0 is None else _now() - t0)
        return obj

    orig_sget, orig_sput = SimpleQueue.get, SimpleQueue.put

    def simple_get(self):
        fields = getattr(self, "_swl", None)
        if fields is None:
            return orig_sget(self)
        t0 = emit_block(fields, "get") if not _readable(self._reader) else None
        iid, obj = _untag(orig_sget(self))
        emit_get(fields, iid, None, 0 if t0 is None else _now() - t0)
        return obj

    def simple_put(self, obj):
        fields = getattr(self, "_swl", None)
        if fields is None:
            return orig_sput(self, obj)
        iid = new_item()
        t = _now()
        orig_sput(self, (_MARK, iid, obj))
        emit_put(fields, iid, None, t)

    for cls in (Queue, SimpleQueue):
        cls.__init__ = wrap_init(cls.__init__)
        cls.__getstate__ = wrap_getstate(cls.__getstate__)
        cls.__setstate__ = wrap_setstate(cls.__setstate__)
    queues.JoinableQueue.__init__ = wrap_init(queues.JoinableQueue.__init__)
    Queue.put = _wrap_put(Queue.put, Full)
    queues.JoinableQueue.put = _wrap_put(queues.JoinableQueue.put, Full)
    Queue.get = get
    SimpleQueue.get, SimpleQueue.put = simple_get, simple_put


def _fix_feeder_error(self):
    # A subclass's _on_queue_feeder_error(e, obj) hook sees the user's object, not the tuple.
    if getattr(self, "_swl", None) is None or not hasattr(self, "_on_queue_feeder_error"):
        return
    hook = self._on_queue_feeder_error

    def _on_queue_feeder_error(e, obj):
        return hook(e, _untag(obj)[1])

    self._on_queue_feeder_error = _on_queue_feeder_error


def install(emitter):
    """Trace multiprocessing.queues and queue once the program imports them."""
    global _emitter
    from ._stdqueue_patch import patch_queue_module

    _emitter = emitter
    _qevents.install(emitter)
    when_imported("multiprocessing.queues", _patch_mp)
    when_imported("queue", patch_queue_module)
