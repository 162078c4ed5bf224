"""Finding the user's code behind an event: source location and assigned variable names."""

import dis
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
_STDLIB = os.path.dirname(os.__file__)


def _is_user_file(filename):
    if filename.startswith("<"):
        return filename not in ("<frozen runpy>",) and not filename.startswith("<frozen")
    return not filename.startswith(_HERE) and not filename.startswith(_STDLIB)


def user_frame(depth=2):
    """The innermost frame that belongs to the user's code (not the stdlib, not the tracer)."""
    try:
        f = sys._getframe(depth)
    except ValueError:
        return None
    while f is not None and not _is_user_file(f.f_code.co_filename):
        f = f.f_back
    return f


def src_json(frame):
    """`,"src":[file,line]` for a frame, or an empty string."""
    if frame is None:
        return ""
    from ._emit import q

    return ',"src":[%s,%d]' % (q(frame.f_code.co_filename), frame.f_lineno or 0)


def assigned_name(frame):
    """The name the value being created in `frame` is stored to (`lock = Lock()` → "lock")."""
    if frame is None:
        return None
    try:
        lasti = frame.f_lasti
        for ins in dis.get_instructions(frame.f_code):
            # The first instruction after the call (3.11/3.12 point f_lasti at its caches).
            if ins.offset <= lasti or ins.opname in ("CACHE", "EXTENDED_ARG"):
                continue
            if ins.opname in ("STORE_NAME", "STORE_FAST", "STORE_GLOBAL", "STORE_DEREF"):
                return str(ins.argval)
            if ins.opname == "STORE_ATTR":
                return "." + str(ins.argval)
            return None
    except Exception:  # pragma: no cover - best effort on unusual bytecode
        return None
    return None
    return None
