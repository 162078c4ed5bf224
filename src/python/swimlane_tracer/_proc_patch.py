"""Tracing of multiprocessing processes: spawn in the parent, begin/end in the child.

proc.joined: the parent's first observation of a child's exit code (install_joined).

Also makes spawned and forkserver interpreters load the tracer: the `-c` command that
multiprocessing hands to a new interpreter is prefixed with an import of
swimlane_tracer._boot, so the user's program needs no change.
"""

import os
import signal
import sys
import threading
import _thread

from ._emit import _block_signals, _real_sleep, q
from ._exc import emit_exc

_PKG_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOOT = "import sys; sys.path.insert(0, %r); import swimlane_tracer._boot; " % _PKG_PARENT


def _file_id(fd):
    """(device, inode) of what `fd` refers to, or None when it is closed."""
    try:
        st = os.fstat(fd)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _boot_command(fd):
    """The import that traces a new interpreter, writing its events to `fd` (this process's
    event fd, passed along), not to its fd 1, which the program may have redirected."""
    start = "import swimlane_tracer._boot as _sl_boot; _sl_boot.start(%d); del _sl_boot" % fd
    return BOOT.replace("import swimlane_tracer._boot", start)


_POOL_WORKER_MODULES = ("multiprocessing.pool", "concurrent.futures.process",
                        "swimlane_tracer._pool_patch")


def _target_name(proc):
    target = getattr(proc, "_target", None)
    if target is None:
        return "%s.run" % type(proc).__name__
    return getattr(target, "__qualname__", None) or repr(target)


def _emit_end(emitter, code, sig=None):
    body = ',"code":%s' % ("null" if code is None else int(code))
    if sig is not None:
        body += ',"sig":%d' % sig
    emitter.emit("proc.end", body)
    emitter.flush()


def _watch_run(emitter, proc):
    # Report an exception escaping run() (subclasses override run, so wrap the instance).
    run = proc.run

    def traced_run():
        try:
            return run()
        except SystemExit:
            raise
        except BaseException as e:
            emit_exc(emitter, e)
            raise

    proc.run = traced_run


def install_sigterm(emitter, flush_stdio):
    """On SIGTERM (daemon killed, terminate()): emit proc.end, flush, then die as before."""
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return

    def on_sigterm(signum, _frame):
        emitter.in_signal = True
        flush_stdio()
        _emit_end(emitter, -signum, signum)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    try:
        signal.signal(signal.SIGTERM, on_sigterm)
    except ValueError:  # not the main thread
        return
    _watch_sigterm(on_sigterm)


def _watch_sigterm(handler):
    """Make sure a SIGTERM reaches the handler. Python runs handlers in the main thread
    between bytecodes; a SIGTERM that lands just before the main thread blocks in C (a
    semaphore or queue wait) is noted but never acted on, and the process would wait
    forever. The signal's number also goes to a wakeup pipe; a watcher thread (all signals
    blocked) that reads SIGTERM there and still sees the process alive 50 ms later re-sends
    it to the main thread, which interrupts the wait so the handler runs. A program that
    sets its own wakeup fd (asyncio) or SIGTERM handler turns the watcher off."""
    try:
        r, w = os.pipe()
        os.set_blocking(w, False)
        signal.set_wakeup_fd(w, warn_on_full_buffer=False)
    except (ValueError, OSError, AttributeError):
        return
    main = threading.get_ident()

    def watch():
        while True:
            try:
                data = os.read(r, 64)
            except OSError:
                return
            if not data:
                return
            if signal.SIGTERM not in data:
                continue
            _real_sleep(0.05)
            if signal.getsignal(signal.SIGTERM) is not handler:
                return  # the program took SIGTERM over, or the handler already ran
            try:
                signal.pthread_kill(main, signal.SIGTERM)
            except (OSError, ValueError):
                return

    mask = _block_signals()  # the watcher thread is born with every signal blocked
    try:
        _thread.start_new_thread(watch, ())
    except RuntimeError:
        pass
    finally:
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def install(emitter, hello, flush_stdio):
    """Patch multiprocessing.process.BaseProcess and the interpreter launch for children."""
    from multiprocessing import process, util

    BaseProcess = process.BaseProcess
    orig_start = BaseProcess.start
    orig_bootstrap = BaseProcess._bootstrap
    orig_spawnv = util.spawnv_passfds
    event_id = _file_id(emitter.fd)

    def start(self):
        emitter.flush()
        target = _target_name(self)  # start() deletes _target in the parent
        result = orig_start(self)
        emitter.emit("proc.spawn", ',"child":%d,"name":%s,"daemon":%s,"target":%s' % (
            self.pid, q(self.name), "true" if self.daemon else "false", q(target)))
        return result

    def _bootstrap(self, *args, **kwargs):
        hello(False)
        emitter.emit("proc.begin", ',"name":%s,"daemon":%s,"ppid":%d' % (
            q(self.name), "true" if self.daemon else "false", os.getppid()))
        # Pool workers keep the default SIGTERM: Pool.terminate() (also `with Pool():`) sends it
        # while they wait in C for work, where a Python-level handler may never run (a signal
        # just before the wait is taken but not acted on). They flush before each wait, so an
        # idle worker has nothing buffered, and the parent records the kill (proc.kill).
        target = getattr(self, "_target", None)
        if getattr(target, "__module__", None) not in _POOL_WORKER_MODULES:
            install_sigterm(emitter, flush_stdio)
        _watch_run(emitter, self)
        code = None
        try:
            code = orig_bootstrap(self, *args, **kwargs)
        finally:
            flush_stdio()
            _emit_end(emitter, code)
        return code

    def spawnv_passfds(path, args, passfds):
        args = list(args)
        if "-c" in args:
            i = args.index("-c") + 1
            if i < len(args) and "swimlane_tracer" not in args[i]:
                # Passed along (see _boot_command) only while it is still our event pipe:
                # a program that closed it may have reused its number for something else.
                if event_id is not None and _file_id(emitter.fd) == event_id:
                    args[i] = _boot_command(emitter.fd) + args[i]
                    if emitter.fd not in passfds:
                        passfds = tuple(passfds) + (emitter.fd,)
                else:
                    args[i] = _boot_command(1) + args[i]
        return orig_spawnv(path, args, passfds)

    from multiprocessing import popen_fork

    orig_send = popen_fork.Popen._send_signal

    def _send_signal(self, sig):
        # terminate()/kill() of a Process, or multiprocessing's exit handler killing daemons
        # when the main code is done (it calls Popen.terminate directly).
        if self.returncode is None:
            callers = []
            frame = sys._getframe(1)
            while frame is not None and len(callers) < 3:  # the stack is shallow at exit
                callers.append(frame.f_code.co_name)
                frame = frame.f_back
            why = ("daemon" if "_exit_function" in callers
                   else "kill" if sig == signal.SIGKILL else "terminate")
            emitter.emit("proc.kill", ',"child":%d,"sig":%d,"why":"%s"' % (self.pid, sig, why))
            emitter.flush()
        return orig_send(self, sig)

    BaseProcess.start = start
    popen_fork.Popen._send_signal = _send_signal
    BaseProcess._bootstrap = _bootstrap
    util.spawnv_passfds = spawnv_passfds  # popen_spawn_posix and forkserver call util.*
    install_joined(emitter)


# --- proc.joined -------------------------------------------------------------------------

def install_joined(emitter):
    """proc.joined when the parent's join(), is_alive() or exitcode first sees an exit code."""
    from multiprocessing import process

    BaseProcess = process.BaseProcess
    orig_join, orig_alive = BaseProcess.join, BaseProcess.is_alive
    orig_exitcode = BaseProcess.exitcode.fget

    def observed(proc):
        popen = proc._popen
        if popen is None or popen.returncode is None:
            return
        token = object()
        if proc.__dict__.setdefault("_swl_joined", token) is token:  # once, even racing
            emitter.emit("proc.joined", ',"child":%d,"code":%d' % (popen.pid, popen.returncode))

    def join(self, timeout=None):
        orig_join(self, timeout)
        observed(self)

    def is_alive(self):
        alive = orig_alive(self)
        if not alive:
            observed(self)
        return alive

    def exitcode(self):
        code = orig_exitcode(self)
        if code is not None:
            observed(self)
        return code

    join.__doc__, is_alive.__doc__ = orig_join.__doc__, orig_alive.__doc__
    BaseProcess.join, BaseProcess.is_alive = join, is_alive
    BaseProcess.exitcode = property(exitcode, doc=BaseProcess.exitcode.__doc__)
