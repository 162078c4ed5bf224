"""Tracing of pool tasks: multiprocessing.Pool (and ThreadPool) and ProcessPoolExecutor.

The workers are ordinary Process objects, so they already appear as processes. Around
each task the worker emits `task.begin` (task id, function qualname) and `task.end` (ok).
Task ids are ones the parent knows too: Pool "<job>:<i>" (the ApplyResult's job number
and the task's index, a chunk index for map), ProcessPoolExecutor "<work_id>".

The worker functions (multiprocessing.pool.worker, concurrent.futures.process.
_process_worker) are replaced by the module-level functions below, which run the original
with its task queue and result queue wrapped; under spawn and forkserver the Process pickle
names these functions, and the child imports them after _boot installed the tracer.
Both modules are patched when first imported (see _lazy).
"""

import functools

from ._emit import q
from ._lazy import when_imported

_emitter = None
_orig = {}


def _func_name(func, args):
    """The qualname of the user's function behind a task (through mapstar and partial)."""
    pool = _orig.get("pool")
    if pool is not None and (func is pool.mapstar or func is pool.starmapstar) and args:
        func = args[0][0]
    chunk = _orig.get("chunk")
    while isinstance(func, functools.partial):
        if chunk is not None and func.func is chunk and func.args:
            func = func.args[0]  # ProcessPoolExecutor.map: partial(_process_chunk, fn)
        else:
            func = func.func
    name = getattr(func, "__qualname__", None) or getattr(func, "__name__", None)
    return name if isinstance(name, str) else type(func).__name__


class _Wrapped:
    """Delegates everything to a worker's queue except get/put, which see the tasks."""

    last = None

    def __init__(self, queue):
        self._queue = queue

    def __getattr__(self, name):
        return getattr(self._queue, name)

    def ended(self, task, ok):
        """task.end, once per task."""
        # Emitted before the result is sent: once sent, the parent may terminate the worker.
        # A result that cannot be pickled is sent again as an error: the task still ran.
        if task != self.last:
            self.last = task
            _end(task, ok)
        _emitter.flush()  # a sent result may be followed at once by terminate() (SIGTERM)


def _begin(task, func):
    _emitter.emit("task.begin", ',"task":%s,"func":%s' % (q(task), q(func)))


def _end(task, ok):
    _emitter.emit("task.end", ',"task":%s,"ok":%s' % (q(task), "true" if ok else "false"))


class _PoolTasks(_Wrapped):
    """Pool inqueue: (job, i, func, args, kwds) tasks, None to stop."""

    def get(self, *args):
        """The next task, after task.begin."""
        _emitter.flush()  # the worker is about to wait for work
        task = self._queue.get(*args)
        if task is not None:
            job, i, func, fargs = task[:4]
            _begin("%s:%s" % (job, i), _func_name(func, fargs))
        return task


class _PoolResults(_Wrapped):
    """Pool outqueue: (job, i, (ok, value))."""

    def put(self, obj, *args):
        """Send a result, after task.end."""
        self.ended("%s:%s" % (obj[0], obj[1]), obj[2][0])
        self._queue.put(obj, *args)


def worker(inqueue, outqueue, *args, **kwargs):
    """multiprocessing.pool.worker, with task.begin/task.end around each task."""
    if "pool" not in _orig:
        import multiprocessing.pool  # noqa: F401 - patched on import
    return _orig["pool"].worker(_PoolTasks(inqueue), _PoolResults(outqueue), *args, **kwargs)


class _CallItems(_Wrapped):
    """ProcessPoolExecutor call queue: _CallItem(work_id, fn, args, kwargs), None to stop."""

    def get(self, *args, **kwargs):
        """The next call, after task.begin."""
        _emitter.flush()
        item = self._queue.get(*args, **kwargs)
        work_id = getattr(item, "work_id", None)
        if work_id is not None:
            _begin(str(work_id), _func_name(item.fn, item.args))
        return item


class _ResultItems(_Wrapped):
    """ProcessPoolExecutor result queue: _ResultItem(work_id, exception, result)."""

    def put(self, obj, *args, **kwargs):
        """Send a result, after task.end."""
        work_id = getattr(obj, "work_id", None)
        if work_id is not None:
            self.ended(str(work_id), obj.exception is None)
        self._queue.put(obj, *args, **kwargs)


def _process_worker(call_queue, result_queue, *args, **kwargs):
    """concurrent.futures.process._process_worker, with task.begin/task.end per call."""
    if "futures" not in _orig:
        import concurrent.futures.process  # noqa: F401 - patched on import
    return _orig["futures"]._process_worker(_CallItems(call_queue), _ResultItems(result_queue),
                                            *args, **kwargs)


class _Originals:
    """The unpatched module functions, looked up by the wrappers."""

    def __init__(self, **functions):
        self.__dict__.update(functions)


def _patch_pool(pool):
    _orig["pool"] = _Originals(worker=pool.worker, mapstar=pool.mapstar,
                               starmapstar=pool.starmapstar)
    pool.worker = worker


def _patch_futures(process):
    _orig["futures"] = _Originals(_process_worker=process._process_worker)
    _orig["chunk"] = process._process_chunk
    process._process_worker = _process_worker


def install(emitter):
    """Trace Pool and ProcessPoolExecutor tasks once the program imports them."""
    global _emitter
    _emitter = emitter
    when_imported("multiprocessing.pool", _patch_pool)
    when_imported("concurrent.futures.process", _patch_futures)
