"""sys.stdout / sys.stderr replacement that turns text writes into `out` events.

Each thread's partial line is kept until its newline (or a flush), so one print() is one
event and prints from different processes or threads are never torn. Text longer than a
frame allows is split into several `out` events.
"""

import os
import threading

from ._emit import q

CHUNK_CHARS = 600  # worst case 6 bytes per char when escaped: stays under PIPE_BUF


class TracedStream:
    """A text stream proxy: writes become `out` events; everything else goes to the original."""

    def __init__(self, emitter, original, stream):
        self._emitter = emitter
        self._original = original
        self._stream = stream
        self._partial = {}
        os.register_at_fork(after_in_child=self._forget)

    def _forget(self):
        # A forked child must not re-emit the parent's unfinished lines.
        self._partial = {}

    def __getattr__(self, name):
        return getattr(self._original, name)

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        if not s:
            return 0
        tid = threading.get_ident()
        pending = self._partial.get(tid)
        text = pending + s if pending else s
        cut = text.rfind("\n") + 1
        if cut:
            self._emit(text[:cut])
        rest = text[cut:]
        if rest:
            self._partial[tid] = rest
        elif pending:
            del self._partial[tid]
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        partial = self._partial.pop(threading.get_ident(), None)
        if partial:
            self._emit(partial)
        self._emitter.flush()

    def flush_all(self):
        """Emit every thread's partial line (at process exit)."""
        partial, self._partial = self._partial, {}
        for text in partial.values():
            self._emit(text)

    def _emit(self, text):
        emit = self._emitter.emit
        stream = self._stream
        for i in range(0, len(text), CHUNK_CHARS):
            emit("out", ',"stream":"%s","text":%s' % (stream, q(text[i:i + CHUNK_CHARS])))

    def __repr__(self):
        return repr(self._original)
