"""Command line: python -m swimlane_tracer [--start-method M] (SCRIPT | -m MODULE) [ARGS...]

Runs the program as `python SCRIPT ARGS` would (same __main__ module, sys.argv, sys.path[0]
and exit code) while streaming its concurrency events on stdout.
"""

import os
import sys

USAGE = ("usage: python -m swimlane_tracer [--start-method fork|spawn|forkserver] "
         "(SCRIPT | -m MODULE) [ARGS...]")


def _parse(argv):
    method = None
    while argv and argv[0].startswith("--start-method"):
        if "=" in argv[0]:
            method = argv[0].split("=", 1)[1]
            argv = argv[1:]
        elif len(argv) > 1:
            method, argv = argv[1], argv[2:]
        else:
            argv = []
    if not argv or argv[0] in ("-h", "--help"):
        return None
    if argv[0] == "-m":
        return (method, "module", argv[1], argv[2:]) if len(argv) > 1 else None
    return method, "script", argv[0], argv[1:]


def _exit_code(code):
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


def _run_script(path, args):
    import types

    with open(path, "rb") as f:
        source = f.read()
    abspath = os.path.abspath(path)  # as python itself (3.9+): __file__ and tracebacks
    code = compile(source, abspath, "exec", dont_inherit=True)
    main = types.ModuleType("__main__")
    main.__file__ = abspath
    main.__cached__ = None
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    sys.argv = [path] + list(args)
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    exec(code, main.__dict__)


def _run_module(name, args):
    import runpy

    sys.argv = ["-m"] + list(args)
    runpy._run_module_as_main(name, alter_argv=True)


def _runpy(tb):
    return "runpy" in tb.tb_frame.f_code.co_filename


def main():
    parsed = _parse(sys.argv[1:])
    if parsed is None:
        print(USAGE, file=sys.stderr)
        return 2
    method, how, target, args = parsed
    if method not in (None, "fork", "spawn", "forkserver"):
        print("swimlane_tracer: unknown start method %r" % method, file=sys.stderr)
        return 2
    if how == "script" and not os.path.isfile(target):
        print("swimlane_tracer: can't open file %r: no such file" % target, file=sys.stderr)
        return 2

    import swimlane_tracer as tracer
    from swimlane_tracer import _watchdog
    from swimlane_tracer._exc import clean, emit_exc

    _watchdog.start()  # before install(): it sleeps with the real time.sleep

    sys.argv = [target] + list(args)
    emitter = tracer.install(is_main=True, start_method=method)
    state = tracer._state
    try:
        if how == "script":
            _run_script(target, args)
        else:
            _run_module(target, args)
    except SystemExit as e:
        state.exit_code = _exit_code(e.code)
        emitter.emit("main.done")
        raise
    except KeyboardInterrupt:
        state.exit_code = 130
        emitter.emit("main.done")
        raise
    except BaseException as e:
        emit_exc(emitter, e)
        emitter.emit("main.done")
        state.exit_code = 1
        # The tracer's frames out; for a script runpy's too (they ran the tracer), while `-m`
        # keeps the two runpy frames an untraced `python -m` shows (_run_module_as_main and
        # _run_code: the tracer calls the same function python -m does).
        clean(e, _runpy if how == "script" else None)
        sys.excepthook(type(e), e, e.__traceback__)
        return 1
    emitter.emit("main.done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
