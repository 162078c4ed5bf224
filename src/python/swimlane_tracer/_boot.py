"""Imported first by interpreters that multiprocessing starts (spawn, forkserver, helpers).

The parent prefixes their `-c` command with this import (see _proc_patch), so a spawned
child is traced with no change to the user's program.
"""

from . import install

install(is_main=False)
