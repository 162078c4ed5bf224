"""Patch a module when it is first imported, so tracing does not import it in every process.

`when_imported("queue", patch)` calls `patch(module)` at once when the module is already
loaded, else right after its code has run (a sys.meta_path finder wraps the loader's
exec_module). Importing queue, multiprocessing.queues/pool and concurrent.futures eagerly
would cost every traced interpreter ~30 ms of start-up.
"""

import sys

_hooks = {}
_done = set()


class _Finder:
    """Meta path finder that only ever answers for modules with a pending patch."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        """The real finders' spec for `name`, with exec_module wrapped to run the patches."""
        if name not in _hooks:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is _Finder or find is None:
                continue
            spec = find(name, path, target)
            if spec is not None:
                break
        else:
            return None
        loader = spec.loader
        run = getattr(loader, "exec_module", None)
        if run is None or isinstance(loader, type):  # builtin/frozen: patch after import
            return spec

        def exec_module(module):
            run(module)
            _apply(name, module)

        loader.exec_module = exec_module
        return spec


def _apply(name, module):
    for patch in _hooks.pop(name, ()):
        _once(patch, module)


def _once(patch, module):
    key = (module.__name__, patch.__module__, patch.__qualname__)
    if key not in _done:  # install() twice must not trace everything twice
        _done.add(key)
        patch(module)


def when_imported(name, patch):
    """Call patch(module) once `name` is imported (now, if it already is); once per patch."""
    module = sys.modules.get(name)
    if module is not None:
        _once(patch, module)
        return
    if patch not in _hooks.setdefault(name, []):
        _hooks[name].append(patch)
    if _Finder not in sys.meta_path:
        sys.meta_path.insert(0, _Finder)
