"""The sandbox store stands apart from the app it stands in for the platform of.

Specification: the sync never loads the store's code — neither the desktop's sync
process (`python -m app.sync.child`) nor the headless `main.py sync` — and the store
imports nothing of the app but the core and the demo shop's credentials, so it can
disagree with the client's code tables, signing and parsers.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def loaded_modules_after_importing(module: str) -> list[str]:
    """The `app.*` modules a fresh interpreter holds after importing `module`."""
    script = (
        "import importlib, json, sys\n"
        f"importlib.import_module({module!r})\n"
        "print(json.dumps(sorted(m for m in sys.modules if m == 'app' or m.startswith('app.'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("module", ["app.sync.child", "app.sync.cli"])
def test_the_sync_process_does_not_load_the_sandbox(module: str) -> None:
    loaded = loaded_modules_after_importing(module)
    assert module in loaded  # the import really happened
    assert [name for name in loaded if name.startswith("app.sandbox")] == []

