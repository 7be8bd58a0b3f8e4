"""The command line that runs a part of this very program, frozen or not.

Owns how the desk starts its own processes (the sync child, the demo shop's sandbox
store, the desk itself again after a change of shop). One program plays every part,
chosen by its first argument, the role (main.py lists them): `sync-child`, `sandbox`,
`sync`, `shared-database-setup`, or none for the desk.

From a checkout that program is `python main.py`; in a frozen build (PyInstaller,
`tasks.py package`) there is no Python to run and no main.py, and `sys.executable` is
the AfterSalesDesk executable itself, which takes the role directly. Standard library only.
"""

from __future__ import annotations

import sys
from pathlib import Path

MAIN_PY = Path(__file__).resolve().parents[2] / "main.py"

SYNC_CHILD = "sync-child"
SANDBOX = "sandbox"


def is_frozen() -> bool:
    """True in a PyInstaller build, which sets `sys.frozen`."""
    return bool(getattr(sys, "frozen", False))


def command(*arguments: str) -> list[str]:
    """The program and arguments that run this program with `arguments` (a role and its
    options; none for the desk)."""
    if is_frozen():
        return [sys.executable, *arguments]
    # main.py by its full path: its folder, the checkout, is then where `app` is imported from.
    return [sys.executable, str(MAIN_PY), *arguments]
