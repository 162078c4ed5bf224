"""Queue events (docs/protocol.md): queue.put, queue.get, queue.block, queue.timeout.

put and get are the hot path: a record (prefix, t, who, suffix) appended to the emitter's
buffer and formatted when it is written (see _emit.Emitter.kick); block and timeout are
ordinary events, a block flushed since the thread is about to wait.
"""

import time

from ._emit import BATCH, RS
from ._labels import src_json, user_frame

_now = time.monotonic_ns
_PUT = (RS + '{"k":"queue.put","t":').encode()
_GET = (RS + '{"k":"queue.get","t":').encode()
_emitter = None


def install(emitter):
    """Remember the process's emitter."""
    global _emitter
    _emitter = emitter


def _record(prefix, t, suffix):
    # The emitter's hot path (see Emitter.kick): a record formatted when it is written.
    em = _emitter
    if not em.enabled:
        return
    try:
        who = em.tls.whob
    except AttributeError:
        em.who()
        who = em.tls.whob
    buf = em.buf
    buf.append((prefix, t or _now(), who, suffix.encode("utf-8", "backslashreplace")))
    if len(buf) >= BATCH or not em.armed:
        em.kick()


def emit_put(fields, iid, size, t=None):
    """queue.put, after the put (stamped `t`: before a put that did not block)."""
    size = "" if size is None else ',"size":%d' % size
    _record(_PUT, t, '%s,"item":"%s"%s}\n' % (fields, iid, size))


def emit_get(fields, iid, size, waited):
    """queue.get, after the get."""
    size = "" if size is None else ',"size":%d' % size
    _record(_GET, None, '%s,"item":"%s"%s,"waited":%d}\n' % (fields, iid, size, waited))


def emit_block(fields, op):
    """queue.block before a blocking put/get, flushed; returns its time."""
    t = _now()
    _emitter.emit("queue.block", '%s,"op":"%s"%s' % (fields, op, src_json(user_frame(3))), t)
    _emitter.flush()
    return t


def emit_timeout(fields, op, t0):
    """queue.timeout: a put/get that blocked (queue.block at `t0`) raised Full/Empty."""
    t = _now()
    _emitter.emit("queue.timeout", '%s,"op":"%s","waited":%d%s' % (
        fields, op, t - t0, src_json(user_frame(3))), t)
