"""io.read / io.write for text files the user's code opens with open() (or io.open).

The real open() does all the work (argument checks, modes, encodings, errors worded as
always); when the caller is the user's code and the result is a text file, its buffer is
re-wrapped, with the same settings, in a TextIOWrapper subclass whose read, readline,
readlines, write and writelines report what they read or wrote (path and a short
preview); so are those pathlib opens for the user's code (Path.read_text, write_text, open).
The subclass is named like the C type and words repr() and pickling errors as
it does, and isinstance(f, io.TextIOWrapper) holds; `with`, iteration (which calls readline)
and seek/tell behave the same. Binary files, files the standard library or the tracer
open, and reads inside json.load/json.dump (which report themselves) are not reported.

A file object reports its first MAX_EVENTS reads and MAX_EVENTS writes; the next one is
reported as "(more reads not shown)" and the object's class becomes a sibling with the C
methods, so iterating a big file costs ~80 ns a line more than untraced, not a Python call.
"""

import builtins
import io
import os

from ._emit import clip, q
from ._labels import _is_user_file, src_json, user_frame

PREVIEW = 120
MAX_EVENTS = 16
_Wrapper = io.TextIOWrapper
_em = None
_IN_REPR = set()  # ids of traced files whose repr is being built (a name that is the file)
_user_code = {}  # code object -> whether it is the user's (open() is called in loops)


def _path(f):
    try:
        name = f.name
    except Exception:  # a detached or unusual file
        return "?"
    return name if isinstance(name, str) else str(name)


class TracedTextFile(_Wrapper):
    """A text file opened by the user's code: reports its reads and writes."""

    _swl_quiet = 0  # > 0 while json.load/json.dump use the file (they report it)
    _swl_reads = _swl_writes = 0  # reported so far

    def _swl_report(self, kind, text):
        if self._swl_quiet or _em is None:
            return
        if kind == "io.read":
            n = self._swl_reads = self._swl_reads + 1
        else:
            n = self._swl_writes = self._swl_writes + 1
        if n > MAX_EVENTS:  # enough: say so once, then the C methods, at full speed
            text = "(more %ss not shown)" % kind[3:]
            reads, writes = _MUTED[self.__class__]
            self.__class__ = _CLASSES[reads or kind == "io.read", writes or kind == "io.write"]
        else:
            text = clip(text, PREVIEW)
        _em.emit(kind, ',"path":%s,"preview":%s%s' % (
            q(clip(_path(self), 300)), q(text), src_json(user_frame(3))))

    def read(self, size=-1):
        data = _Wrapper.read(self, size)
        self._swl_report("io.read", data)
        return data

    def readline(self, size=-1):
        data = _Wrapper.readline(self, size)
        if data:  # iteration ends with an empty readline: not a read of anything
            self._swl_report("io.read", data)
        return data

    def readlines(self, hint=-1):
        self._swl_quiet += 1  # IOBase.readlines calls readline per line
        try:
            lines = _Wrapper.readlines(self, hint)
        finally:
            self._swl_quiet -= 1
        self._swl_report("io.read", "".join(lines[:20]))
        return lines

    def write(self, text):
        n = _Wrapper.write(self, text)
        self._swl_report("io.write", text)
        return n

    def writelines(self, lines):
        lines = list(lines) if not isinstance(lines, (list, tuple)) else lines
        self._swl_quiet += 1  # IOBase.writelines calls write per line
        try:
            _Wrapper.writelines(self, lines)
        finally:
            self._swl_quiet -= 1
        self._swl_report("io.write", "".join(x for x in lines[:20] if isinstance(x, str)))

    def __reduce_ex__(self, protocol):
        # The C type's own error, worded as this Python words it (3.13 changed the text).
        _Wrapper(io.BytesIO()).__reduce_ex__(protocol)
        raise TypeError("cannot pickle '_io.TextIOWrapper' object")

    def __repr__(self):
        # The C repr names the type by the instance's type from Python 3.13 on; untraced it is
        # always "<_io.TextIOWrapper name=... mode=... encoding=...>", so it is built here as
        # the C code builds it (a detached file raises the same ValueError via .buffer).
        self.buffer  # noqa: B018
        key = id(self)
        if key in _IN_REPR:
            raise RuntimeError("reentrant call inside _io.TextIOWrapper.__repr__")
        _IN_REPR.add(key)
        try:
            text = "<_io.TextIOWrapper"
            try:
                text += " name=%r" % (self.name,)
            except (AttributeError, ValueError):  # no name, or the stream below was detached
                pass
            try:
                text += " mode=%r" % (self.mode,)
            except AttributeError:
                pass
            return text + " encoding=%r>" % (self.encoding,)
        finally:
            _IN_REPR.discard(key)


# All named as the C type (below): type(f).__name__ and the class's repr read the same (the
# C repr of an instance always says _io.TextIOWrapper).


class _QuietReads(TracedTextFile):
    read, readline, readlines = _Wrapper.read, _Wrapper.readline, _Wrapper.readlines


class _QuietWrites(TracedTextFile):
    write, writelines = _Wrapper.write, _Wrapper.writelines


class _QuietBoth(_QuietReads, _QuietWrites):
    pass


_CLASSES = {(False, False): TracedTextFile, (True, False): _QuietReads,
            (False, True): _QuietWrites, (True, True): _QuietBoth}
_MUTED = {cls: key for key, cls in _CLASSES.items()}
for _cls in _CLASSES.values():
    _cls.__name__ = _cls.__qualname__ = "TextIOWrapper"
    _cls.__module__ = "_io"


class quiet:
    """Context manager: a traced file's reads and writes are not reported inside it."""

    def __init__(self, f):
        self.f = f if isinstance(f, TracedTextFile) else None

    def __enter__(self):
        if self.f is not None:
            self.f._swl_quiet += 1

    def __exit__(self, *exc):
        if self.f is not None:
            self.f._swl_quiet -= 1


def _rewrap(f, args, kwargs):
    # The buffer in a TracedTextFile with the settings open() gave `f`; `f` is detached.
    newline = kwargs["newline"] if "newline" in kwargs else (args[5] if len(args) > 5 else None)
    traced = TracedTextFile(f.buffer, encoding=f.encoding, errors=f.errors, newline=newline,
                            line_buffering=f.line_buffering, write_through=f.write_through)
    try:
        traced.mode = f.mode
    except BaseException:
        traced.detach()  # so that it never closes the buffer `f` keeps
        raise
    f.detach()
    return traced


def _is_pathlib(filename):
    # pathlib.py, or the pathlib package of Python 3.13+ (pathlib/_local.py, ...).
    return filename.endswith(_PATHLIB_FILE) or _PATHLIB_DIR in filename


_PATHLIB_FILE = os.sep + "pathlib.py"
_PATHLIB_DIR = os.sep + "pathlib" + os.sep


def _user_above_pathlib(frame):
    # Path.read_text/write_text/open called by the user's code: the first frame past
    # pathlib's own is the user's.
    while frame is not None and _is_pathlib(frame.f_code.co_filename):
        frame = frame.f_back
    return frame is not None and _is_user_file(frame.f_code.co_filename)


def install(emitter):
    """Replace builtins.open and io.open by a wrapper that traces the user's text files."""
    global _em
    _em = emitter
    real_open = builtins.open
    from sys import _getframe

    def open(*args, **kwargs):
        f = real_open(*args, **kwargs)
        if f.__class__ is not _Wrapper:
            return f
        code = _getframe(1).f_code
        user = _user_code.get(code)
        if user is None:
            if len(_user_code) > 4096:
                _user_code.clear()
            user = _user_code[code] = _is_user_file(code.co_filename)
        if not user and not (_is_pathlib(code.co_filename) and _user_above_pathlib(_getframe(2))):
            return f
        try:
            return _rewrap(f, args, kwargs)
        except Exception:  # never stand between a program and its file
            return f

    open.__doc__ = real_open.__doc__
    builtins.open = io.open = open
