"""The sandbox store stands apart from the app it stands in for the platform of.

Specification: the sync never loads the store's code — neither the desktop's sync
process (`python -m app.sync.child`) nor the headless `main.py sync` — and the store
imports nothing of the app but the core and the demo shop's credentials, so it can
disagree with the client's code tables, signing and parsers.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SANDBOX = REPO / "app" / "sandbox"
# What the sandbox may import of the app: the core, and the demo shop's credentials
# (app/demo_shop.py, which both sides of the demo know).
ALLOWED_APP_IMPORTS = ("app.core", "app.demo_shop", "app.sandbox")


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


def test_the_sandbox_imports_only_the_core_and_the_demo_credentials() -> None:
    outside: list[str] = []
    for path in sorted(SANDBOX.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                if (name == "app" or name.startswith("app.")) and not name.startswith(ALLOWED_APP_IMPORTS):
                    outside.append(f"{path.relative_to(REPO)}: {name}")
    assert outside == []


def test_the_shared_core_names_no_dialect_in_its_imports() -> None:
    """A second platform's stand-in (app/sandbox/<name>/) shares the core as it is."""
    reaching: list[str] = []
    for path in sorted(SANDBOX.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            reaching += [f"{path.name}: {name}" for name in names if name.startswith("app.sandbox.douyin")]
    assert reaching == []
