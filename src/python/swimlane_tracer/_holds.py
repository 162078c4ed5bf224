"""Hold records: the hot path of uncontended lock acquires and releases, and their rendering.

An uncontended acquire appends (acquire info, t, who) to the emitter's buffer and its
release appends (release info, t, who): a record is a tuple, formatted only when written
(`who` is the thread's cached `,"pid":P,"tid":N` bytes). When the buffer is written,
render() turns each run of back-to-back short holds of one lock by one thread (an acquire
record, then its release, then the next acquire of the same lock by the same thread, ...)
into ONE `lock.burst` event {count, last, held}; a lone record stays a lock.acquired
(waited 0) or lock.release frame, exactly as before. A hold (or the gap before the next
one) longer than SHORT_NS ends a run, so holds that can be seen on a swimlane keep their
own events, and a hold still open when the buffer is written (the holder blocks, sleeps
or the flusher runs) is written as lock.acquired at once: bursts never delay an event.
"""

from operator import sub

RS = "\x1e"  # (as _emit.RS, which imports this module)
SHORT_NS = 1_000_000  # holds and gaps up to 1 ms are summarised as bursts
_ACQ = (RS + '{"k":"lock.acquired","t":').encode()
_REL = (RS + '{"k":"lock.release","t":').encode()
_BURST = (RS + '{"k":"lock.burst","t":').encode()


def infos(fields):
    """(acquire info, release info) of a lock, from its `,"id":..,"kind":..,"label":..`."""
    enc = fields.encode("utf-8", "backslashreplace")
    release = (None, _REL, enc + b"}\n")
    return (release, _ACQ, enc + b',"waited":0}\n', enc), release


def _whole_run(seg, info, who):
    """(count, last, held) when `seg` (even length, from an acquire of `info` by `who`) is
    one run of short holds, else None. Checked with C-level tuple operations: a tight loop
    fills a whole buffer with one run, and a Python loop over it costs more than the loop."""
    k = len(seg) >> 1
    heads, ts, whos = zip(*seg)  # a frame or a generic record in seg makes this fail
    if heads[0::2] != (info,) * k or heads[1::2] != (info[0],) * k or whos.count(who) != k + k:
        return None
    if ts[-1] - ts[0] > SHORT_NS:  # else no hold or gap inside can be longer (monotonic)
        if max(map(sub, ts[1:], ts[:-1])) > SHORT_NS:
            return None
    return k, ts[-1], sum(ts[1::2]) - sum(ts[0::2])


def render(items):
    """Frames (bytes) for buffered items: frames, generic records and hold records."""
    out = []
    push = out.append
    n = len(items)
    i = 0
    fast = True  # one try per call at a whole-buffer run, so a mixed buffer stays O(n)
    while i < n:
        x = items[i]
        i += 1
        if x.__class__ is bytes:
            push(x)
            continue
        if len(x) == 4:  # generic record (prefix, t, who, suffix)
            push(b"%s%d%s%s" % x)
            continue
        info, ta, who = x
        rel = info[0]
        if rel is None:  # a release whose acquire was written earlier
            push(b"%s%d%s%s" % (_REL, ta, who, info[2]))
            continue
        # An acquire: count back-to-back short holds of this lock by this thread.
        if fast and n - i >= 3 and items[i][0] is rel and items[i + 1][0] is info:
            fast = False
            end = i - 1 + ((n - i + 1) & ~1)
            run = _whole_run(items[i - 1:end], info, who)
            if run is not None:
                push(b'%s%d%s%s,"count":%d,"last":%d,"held":%d}\n' % (
                    (_BURST, ta, who, info[3]) + run))
                i = end
                continue
        p, count, held, first, last = i - 1, 0, 0, ta, 0
        while p + 1 < n:
            y = items[p + 1]  # its release? (a frame's y[0] is an int, never `rel`)
            if y[0] is not rel or y[2] is not who or y[1] - ta > SHORT_NS:
                break
            last = y[1]
            count += 1
            held += last - ta
            p += 2
            if p >= n:
                break
            z = items[p]  # the next acquire of the same lock by the same thread, soon?
            if z[0] is not info or z[2] is not who or z[1] - last > SHORT_NS:
                break
            ta = z[1]
        if count < 2:
            push(b"%s%d%s%s" % (_ACQ, first, who, info[2]))
            continue
        push(b'%s%d%s%s,"count":%d,"last":%d,"held":%d}\n' % (
            _BURST, first, who, info[3], count, last, held))
        i = p
    return out
