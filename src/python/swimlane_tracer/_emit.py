"""Event emitter: formats protocol frames and writes them to fd 1 atomically.

A frame is 0x1E + one JSON object + "\\n" (docs/protocol.md). Frames are buffered per
process and written with one os.write of at most 4096 bytes (PIPE_BUF), so frames from
processes writing at once never interleave. The buffer is flushed before blocking calls
(callers use flush()), when it would pass 4096 bytes, at exit, on SIGTERM, and by a
background flusher at most ~20 ms after an event was buffered.
"""

import json
import os
import threading
import time
import _thread

RS = "\x1e"
PIPE_BUF = 4096
FLUSH_AFTER_S = 0.02
_quote = json.encoder.encode_basestring  # C accelerated; keeps non-ASCII as is
_now = time.monotonic_ns
_native_id = threading.get_native_id
_real_sleep = time.sleep


def q(text):
    """JSON-quote a string for a frame (non-ASCII kept, control characters escaped)."""
    return _quote(text)


def clip(text, limit):
    """Shorten text to at most `limit` characters, marking the cut."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Emitter:
    """Per-process frame buffer; one instance per process (re-initialised after fork)."""

    def __init__(self, fd):
        self.fd = fd
        self.enabled = True
        self.in_signal = False
        self._reset_after_fork()
        os.register_at_fork(
            before=self._before_fork,
            after_in_parent=self._after_fork_parent,
            after_in_child=self._reset_after_fork,
        )

    def _reset_after_fork(self):
        # Called in a forked child: the parent's buffered frames belong to the parent.
        self.pid = os.getpid()
        self.head = ',"pid":%d' % self.pid
        self.lock = _thread.allocate_lock()
        self.buf = []
        self.size = 0
        self.first = 0
        self.wake = _thread.allocate_lock()
        self.wake.acquire()
        self.flusher = False
        self.tls = _thread._local()  # per thread: its `who` members (see who())

    def _before_fork(self):
        self.flush()
        self.lock.acquire()

    def _after_fork_parent(self):
        self.lock.release()

    def who(self):
        """This thread's `,"pid":P,"tid":N` members (cached per thread: a native id is a syscall)."""
        tls = self.tls
        tls.who = who = '%s,"tid":%d' % (self.head, _native_id())
        tls.whob = who.encode()
        return who

    def emit(self, kind, body="", t=None, tid=None):
        """Buffer one event. `body` is pre-formatted JSON members, starting with a comma.

        `tid` stamps the event with another thread's native id (an abandoned daemon thread).
        """
        if not self.enabled:
            return
        if t is None:
            t = _now()
        if tid is None:
            try:
                who = self.tls.who
            except AttributeError:
                who = self.who()
        else:
            who = '%s,"tid":%d' % (self.head, tid)
        frame = '%s{"k":"%s","t":%d%s%s}\n' % (RS, kind, t, who, body)
        data = frame.encode("utf-8", "backslashreplace")
        if len(data) > PIPE_BUF:
            data = self._shrink(kind, t)
        self.push(data, t)

    def push(self, data, t):
        """Buffer one encoded frame stamped `t` (hot paths that format their own frames)."""
        if not self.enabled:
            return
        if self.in_signal:
            return self._signal_write(data)
        with self.lock:
            if self.size + len(data) > PIPE_BUF:
                self._write_locked()
            if not self.buf:
                self.first = t
                self._arm()
            self.buf.append(data)
            self.size += len(data)
            if t - self.first > FLUSH_AFTER_S * 1e9:
                self._write_locked()

    def _signal_write(self, data):
        # In a signal handler the interrupted code may hold the lock: never wait long for it.
        got = self.lock.acquire(timeout=0.05)
        try:
            self.buf.append(data)
            self._write_locked()
        finally:
            if got:
                self.lock.release()

    def _shrink(self, kind, t):
        # Oversized frames (huge argv, paths, tracebacks) keep their kind and lose detail.
        note = ',"truncated":true'
        frame = '%s{"k":"mark","t":%d%s,"tid":%d,"label":%s%s}\n' % (
            RS, t, self.head, _native_id(), q("oversized %s event dropped" % kind), note)
        return frame.encode("utf-8")

    def _arm(self):
        # Wake (or start) the background flusher so this frame leaves within ~20 ms.
        if not self.flusher:
            self.flusher = True
            try:
                _thread.start_new_thread(self._flush_loop, ())
            except RuntimeError:  # interpreter shutting down
                self.flusher = False
                return
        if self.wake.locked():
            try:
                self.wake.release()
            except RuntimeError:
                pass

    def _flush_loop(self):
        pid = self.pid
        wake = self.wake
        while self.pid == pid and self.enabled:
            wake.acquire()
            _real_sleep(FLUSH_AFTER_S)
            if self.pid != pid:
                return
            self.flush()

    def flush(self):
        """Write all buffered frames now (before a blocking call, at exit, on a signal)."""
        if self.buf:
            if self.in_signal:
                return self._signal_write(b"")
            with self.lock:
                self._write_locked()

    def _write_locked(self):
        if not self.buf:
            return
        data = b"".join(self.buf)
        self.buf = []
        self.size = 0
        try:
            while data:
                n = os.write(self.fd, data)
                data = data[n:]
        except OSError:
            # The reader is gone or fd closed: stop tracing, never break the program.
            self.enabled = False
