"""Identity of the synchronisation objects the user's code makes: whether to trace one, its
id and its label (shared by _tlock_patch, _threadsync_patch and _mpsync_patch).

An object is traced when the frame that made it is the user's code: the caller of its
factory or constructor, past the object's own __init__ chain (a subclass calling
super().__init__) and multiprocessing's context factories. Objects the standard library
or the tracer make for themselves are not. Ids are "<pid>-<n>" from _sync_patch's counter
(so lock and queue ids never collide); the label is the name the object is assigned to
(`lock = Lock()` -> "lock"), read from the creating frame's bytecode, else the kind (for
factories) or the class name.
"""

import sys

from ._emit import q
from ._labels import _is_user_file, assigned_name
from ._sync_patch import _counter

_SKIP_FILES = set()  # multiprocessing/context.py: its factories are not the creator
_names = {}  # (code, lasti) -> assigned name, so making locks in a loop stays cheap
_em = None


def creator(obj, depth=1):
    """The frame that made `obj`: the caller `depth` up, past obj's own __init__ chain."""
    f = sys._getframe(depth + 1)
    while f is not None:
        code = f.f_code
        if code.co_filename in _SKIP_FILES:
            f = f.f_back
        elif (obj is not None and code.co_name == "__init__" and code.co_argcount
              and f.f_locals.get(code.co_varnames[0]) is obj):
            f = f.f_back
        else:
            return f
    return None


def identity(obj, kind, depth=1):
    """`,"id":..,"kind":..,"label":..` for an object the user's code made, else None."""
    f = creator(obj, depth + 1)
    if f is None or not _is_user_file(f.f_code.co_filename):
        return None
    key = (f.f_code, f.f_lasti)
    name = _names.get(key, False)
    if name is False:
        if len(_names) > 4096:
            _names.clear()
        name = _names[key] = assigned_name(f)
    label = name or (kind if obj is None else type(obj).__name__)
    return ',"id":"%d-%d","kind":"%s","label":%s' % (_em.pid, next(_counter), kind, q(label))


def install(emitter):
    """Remember the emitter (its pid) and skip multiprocessing's context factories."""
    global _em
    import multiprocessing.context

    _em = emitter
    _SKIP_FILES.add(multiprocessing.context.__file__)
