"""`exc` events: an exception's type, message and a short traceback of the user's frames."""

import traceback

from ._emit import clip, q
from ._labels import _is_user_file


def short_traceback(exc, limit=8):
    """The last `limit` frames of the traceback, preferring the user's own files."""
    frames = traceback.extract_tb(exc.__traceback__)
    user = [f for f in frames if _is_user_file(f.filename)] or frames
    return ["%s:%d in %s" % (f.filename, f.lineno or 0, f.name) for f in user[-limit:]]


def emit_exc(emitter, exc):
    """Emit an `exc` event for an exception and flush (the process may be about to die)."""
    tb = short_traceback(exc)
    src = ""
    frames = traceback.extract_tb(exc.__traceback__)
    user = [f for f in frames if _is_user_file(f.filename)]
    if user:
        src = ',"src":[%s,%d]' % (q(user[-1].filename), user[-1].lineno or 0)
    emitter.emit("exc", ',"type":%s,"msg":%s,"tb":[%s]%s' % (
        q(type(exc).__name__), q(clip(exc, 500)), ",".join(q(clip(x, 300)) for x in tb), src))
    emitter.flush()
