"""`exc` events (an exception's type, message and a short traceback of the user's frames),
and keeping the tracer's own frames out of every traceback the program shows.

The tracer's wrappers (a child's run(), open(), json.load/dump, pool tasks) are Python
frames, so an exception passing through them would show them. strip() unlinks them from a
traceback (tb_next is writable); the traceback module is patched to strip what it formats
(so a child's "Process X:" traceback, a pool's RemoteTraceback and the program's own
traceback.print_exc() read as untraced), and the tracer strips what it hands to
sys.excepthook (the main module) and to threading's excepthook. Types, messages and the
exception objects themselves are unchanged.
"""

import traceback

from ._emit import clip, q
from ._labels import _HERE, _is_user_file


def _ours(tb):
    return tb.tb_frame.f_code.co_filename.startswith(_HERE)


def strip(tb, also=None):
    """`tb` without the tracer's frames: leading ones skipped (and those `also(tb)` says),
    inner ones unlinked in place."""
    while tb is not None and (_ours(tb) or (also is not None and also(tb))):
        tb = tb.tb_next
    node = tb
    while node is not None:
        nxt = node.tb_next
        while nxt is not None and _ours(nxt):
            nxt = nxt.tb_next
        if node.tb_next is not nxt:
            node.tb_next = nxt
        node = nxt
    return tb


def clean(exc, also=None):
    """Strip the tracer's frames from an exception's traceback and those it chains to."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        tb = exc.__traceback__
        if tb is not None:
            new = strip(tb, also)
            if new is not tb:
                exc.__traceback__ = new
        for other in (exc.__cause__, exc.__context__):
            if other is not None and id(other) not in seen:
                clean(other)
        exc = None


def install_traceback():
    """Make the traceback module leave the tracer's frames out of what it formats."""
    TE = traceback.TracebackException
    orig_init, orig_extract, orig_walk = TE.__init__, traceback.extract_tb, traceback.walk_tb

    def __init__(self, exc_type, exc_value, exc_traceback, *args, **kwargs):
        orig_init(self, exc_type, exc_value, strip(exc_traceback), *args, **kwargs)

    def extract_tb(tb, limit=None):
        return orig_extract(strip(tb), limit)

    def walk_tb(tb):
        return orig_walk(strip(tb))

    for new, old in ((__init__, orig_init), (extract_tb, orig_extract), (walk_tb, orig_walk)):
        new.__doc__, new.__name__, new.__qualname__ = old.__doc__, old.__name__, old.__qualname__
    TE.__init__ = __init__
    traceback.extract_tb, traceback.walk_tb = extract_tb, walk_tb


def short_traceback(exc, limit=8):
    """The last `limit` frames of the traceback, preferring the user's own files."""
    frames = traceback.extract_tb(strip(exc.__traceback__))
    user = [f for f in frames if _is_user_file(f.filename)] or frames
    return ["%s:%d in %s" % (f.filename, f.lineno or 0, f.name) for f in user[-limit:]]


def emit_exc(emitter, exc):
    """Emit an `exc` event for an exception and flush (the process may be about to die)."""
    tb = short_traceback(exc)
    src = ""
    frames = traceback.extract_tb(strip(exc.__traceback__))
    user = [f for f in frames if _is_user_file(f.filename)]
    if user:
        src = ',"src":[%s,%d]' % (q(user[-1].filename), user[-1].lineno or 0)
    emitter.emit("exc", ',"type":%s,"msg":%s,"tb":[%s]%s' % (
        q(type(exc).__name__), q(clip(exc, 500)), ",".join(q(clip(x, 300)) for x in tb), src))
    emitter.flush()
