"""Event emitter: formats protocol frames and writes them to fd 1 atomically.

A frame is 0x1E + one JSON object + "\\n" (docs/protocol.md). Frames are buffered per
process and written with os.write calls of whole frames, at most 4096 bytes (PIPE_BUF)
each, so frames from processes writing at once never interleave. The buffer is written
before blocking calls (callers use flush()), when it holds BATCH items, at exit, on
SIGTERM, and by a background flusher at most ~20 ms after an event was buffered.

The buffer is one list, appended to without a lock (list.append is atomic) and taken from
the front by writers, which hold the lock, so frames leave in the order they came. Hot
paths append a record instead of a frame: a tuple (prefix, t, who, suffix) formatted when
written (see kick()), or a lock's hold record (see _holds: runs of short uncontended holds
are written as one lock.burst event).
"""

import json
import os
import signal
import threading
import time
import _thread

from ._holds import render as _render

RS = "\x1e"
PIPE_BUF = 4096
FLUSH_AFTER_S = 0.02
FLUSH_AFTER_NS = 20_000_000
BATCH = 256  # buffered items that make the appending thread write them
_RSB = RS.encode()
_quote = json.encoder.encode_basestring  # C accelerated; keeps non-ASCII as is
_now = time.monotonic_ns
_native_id = threading.get_native_id
_real_sleep = time.sleep


def _block_signals():
    """Block all signals in this thread; returns the previous mask (None where unsupported)."""
    try:
        return signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
    except (AttributeError, OSError, ValueError):
        return None


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
        self.buf = []  # frames (bytes) and records (tuples); only ever changed in place
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
        self.lock = _thread.allocate_lock()  # held by whoever writes
        del self.buf[:]
        self.armed = False  # the flusher will write what is buffered now
        self.taken = 0  # monotonic ns of the last write's take (see _flush_loop)
        self.wake = _thread.allocate_lock()
        self.wake.acquire()
        self.flusher = False
        try:  # per thread: its `who` members (see who()); the same object for good
            self.tls.__dict__.clear()  # a forked child: its one thread has a new tid
        except AttributeError:
            self.tls = _thread._local()

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
        The hot path: one format, one encode, and push() inlined (no second call per event).
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
            frame = '\x1e{"k":"%s","t":%d%s%s}\n' % (kind, t, who, body)
        else:
            frame = '\x1e{"k":"%s","t":%d%s,"tid":%d%s}\n' % (kind, t, self.head, tid, body)
        data = frame.encode("utf-8", "backslashreplace")
        if len(data) > PIPE_BUF:
            data = self._shrink(kind, t)
        if self.in_signal:
            return self._signal_write(data)
        buf = self.buf
        buf.append(data)
        if len(buf) >= BATCH:
            self.flush()
        elif not self.armed:
            self._arm()

    def push(self, data):
        """Buffer one encoded frame (for hot paths that format their own)."""
        if self.in_signal:
            return self._signal_write(data)
        buf = self.buf
        buf.append(data)
        if len(buf) >= BATCH:
            self.flush()
        elif not self.armed:
            self._arm()

    def kick(self):
        """After appending a record to `buf` directly: write a full buffer, or arm the flusher.

        A record is (prefix, t, who, suffix) and becomes the frame b"%s%d%s%s" % record;
        hot paths append it (no lock, no call), then call kick() when
        `len(buf) >= BATCH or not armed`.
        """
        if len(self.buf) >= BATCH:
            self.flush()
        elif not self.armed:
            self._arm()

    def _signal_write(self, data):
        # In a signal handler the interrupted code may hold the lock: never wait long for it.
        got = self.lock.acquire(timeout=0.05)
        try:
            if data:
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
        # Make sure the background flusher writes the buffer within ~20 ms (start it once).
        self.armed = True
        if not self.flusher:
            self.flusher = True
            # Born with every signal blocked, so that the kernel never hands the program's
            # signals (SIGTERM from terminate()) to it: Python runs handlers in the main
            # thread only, and a main thread blocked in a C call (a SemLock wait) would
            # otherwise never see them.
            mask = _block_signals()
            try:
                _thread.start_new_thread(self._flush_loop, ())
            except RuntimeError:  # interpreter shutting down
                self.flusher = False
                return
            finally:
                if mask is not None:
                    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        if self.wake.locked():
            try:
                self.wake.release()
            except RuntimeError:
                pass

    def _flush_loop(self):
        # Armed, it sleeps 20 ms and writes the buffer. When a write took the buffer
        # meanwhile (a busy program writes its own full buffers), what is buffered now came
        # after that take, so it sleeps until 20 ms after the take instead and stays armed:
        # a busy program's flusher takes the GIL once per ~20 ms, not three times (after
        # the wake, the sleep and the write), and no hot path has to wake it again.
        pid = self.pid
        wake = self.wake
        while self.pid == pid and self.enabled:
            wake.acquire()
            wait = FLUSH_AFTER_S
            while True:
                _real_sleep(wait)
                if self.pid != pid:
                    return
                age = _now() - self.taken
                if age >= FLUSH_AFTER_NS or not self.buf:
                    break
                wait = (FLUSH_AFTER_NS - age) / 1e9
            self.armed = False  # what is appended from now on arms again (append, then check)
            self.flush()

    def flush(self):
        """Write all buffered frames now (before a blocking call, at exit, on a signal)."""
        if self.buf:
            if self.in_signal:
                return self._signal_write(b"")
            with self.lock:
                self._write_locked()

    def _write_locked(self):
        buf = self.buf
        self.taken = _now()  # what is appended after this read stays, younger than it
        n = len(buf)
        if not n:
            return
        items = buf[:n]
        del buf[:n]  # appends made meanwhile are after the first n: they stay
        if not self.enabled:
            return
        try:  # all of them frames already (the usual case): joined at C speed
            data = b"".join(items)
        except TypeError:  # records among them: formatted first
            data = b"".join(_render(items))
        try:
            size = len(data)
            start = 0
            while start < size:
                end = start + PIPE_BUF
                if end >= size:
                    end = size
                else:  # cut before the first frame that would not fit whole
                    end = data.rfind(_RSB, start + 1, end + 1)
                    if end < 0:  # one frame longer than PIPE_BUF (never made): alone
                        end = data.find(_RSB, start + 1)
                        end = size if end < 0 else end
                chunk = data[start:end]
                while chunk:
                    chunk = chunk[os.write(self.fd, chunk):]
                start = end
        except OSError:
            # The reader is gone or fd closed: stop tracing, never break the program.
            self.enabled = False
