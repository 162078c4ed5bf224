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


_STORES = ("STORE_NAME", "STORE_FAST", "STORE_GLOBAL", "STORE_DEREF")
_SKIP = ("CACHE", "EXTENDED_ARG", "NOP", "COPY", "DUP_TOP")  # COPY/DUP_TOP: `a = b = Lock()`
_LOADS = ("LOAD_FAST", "LOAD_NAME", "LOAD_GLOBAL", "LOAD_DEREF")
_JUMPS = ("JUMP_FORWARD", "JUMP_ABSOLUTE", "JUMP", "JUMP_NO_INTERRUPT")


def assigned_name(frame):
    """The name the value being created in `frame` is stored to (`lock = Lock()` → "lock").

    Follows the jump that ends the first branch of a conditional expression
    (`lock = Lock() if x else None`); a chained assignment gives its first name, an
    attribute its owner's name too (`self.lock = Lock()` → "self.lock")."""
    if frame is None:
        return None
    try:
        lasti = frame.f_lasti
        code = list(dis.get_instructions(frame.f_code))
        i = next((k for k, ins in enumerate(code) if ins.offset > lasti), len(code))
        jumps = 0
        while i < len(code):
            ins = code[i]
            # The first instruction after the call (3.11/3.12 point f_lasti at its caches).
            if ins.opname in _SKIP:
                i += 1
            elif ins.opname in _STORES:
                return str(ins.argval)
            elif ins.opname == "STORE_ATTR":
                return "." + str(ins.argval)
            elif (ins.opname in _LOADS and i + 1 < len(code)
                  and code[i + 1].opname == "STORE_ATTR"):  # `self.lock = Lock()`
                return "%s.%s" % (ins.argval, code[i + 1].argval)
            elif ins.opname in _JUMPS and jumps < 4 and isinstance(ins.argval, int):
                jumps += 1
                i = next((k for k, x in enumerate(code) if x.offset >= ins.argval), len(code))
            else:
                return None
    except Exception:  # pragma: no cover - best effort on unusual bytecode
        return None
    return None
