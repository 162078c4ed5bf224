"""Tracing of time.sleep, json.load/json.dump on files (io.read / io.write), and os._exit."""

import json
import time

from ._emit import clip, q
from ._labels import src_json, user_frame

PREVIEW = 120


def install_sleep(emitter):
    """Replace time.sleep: `sleep` (flushed, since the process is about to block), `sleep.end`."""
    real_sleep = time.sleep
    emit = emitter.emit

    def sleep(secs):
        if not secs or secs <= 0:
            return real_sleep(secs)
        emit("sleep", ',"secs":%s%s' % (json.dumps(float(secs)), src_json(user_frame(2))))
        emitter.flush()
        try:
            return real_sleep(secs)
        finally:
            emit("sleep.end")

    sleep.__doc__ = real_sleep.__doc__
    time.sleep = sleep


def _path_of(fp):
    name = getattr(fp, "name", None)
    return name if isinstance(name, str) else repr(fp)


def install_json(emitter):
    """Wrap json.load and json.dump so reads and writes of JSON files show on the lane."""
    real_load = json.load
    real_dump = json.dump

    from ._io_patch import quiet

    def load(fp, *args, **kwargs):
        with quiet(fp):  # the file's own read is this io.read
            value = real_load(fp, *args, **kwargs)
        try:
            preview = clip(json.dumps(value, ensure_ascii=False), PREVIEW)
        except (TypeError, ValueError):
            preview = clip(repr(value), PREVIEW)
        emitter.emit("io.read", ',"path":%s,"preview":%s%s' % (
            q(clip(_path_of(fp), 300)), q(preview), src_json(user_frame(2))))
        return value

    def dump(obj, fp, *args, **kwargs):
        with quiet(fp):  # json.dump writes in many chunks: one io.write for them all
            result = real_dump(obj, fp, *args, **kwargs)
        try:
            preview = clip(json.dumps(obj, ensure_ascii=False), PREVIEW)
        except (TypeError, ValueError):
            preview = clip(repr(obj), PREVIEW)
        emitter.emit("io.write", ',"path":%s,"preview":%s%s' % (
            q(clip(_path_of(fp), 300)), q(preview), src_json(user_frame(2))))
        return result

    load.__doc__, dump.__doc__ = real_load.__doc__, real_dump.__doc__
    json.load, json.dump = load, dump


def install_exit(emitter, flush_stdio):
    """Wrap os._exit so buffered events (and unfinished print lines) are written first."""
    import os

    real_exit = os._exit

    def _exit(code):
        try:
            flush_stdio()
            emitter.flush()
        except Exception:  # never stand between a program and its exit
            pass
        real_exit(code)

    _exit.__doc__ = real_exit.__doc__
    os._exit = _exit
