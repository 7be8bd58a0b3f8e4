"""The house is checked, not hoped (issue 14): the layering contracts in pyproject.toml's
[tool.importlinter] (views -> services -> models -> core, platforms beside services, sync
above both, the sandbox apart) and the types of everything below the views ([tool.mypy]:
core, models, services, sync, platforms) hold, with zero violations and zero errors.

Both tools run as the project's virtual environment installed them, once each, from the
repository's root, where they read their settings from pyproject.toml.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The tools sit beside the interpreter: .venv/bin on Linux and macOS, .venv\Scripts on Windows.
TOOLS = Path(sys.executable).parent


def run(tool: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    program = shutil.which(tool, path=str(TOOLS))
    assert program is not None, f"{tool} is not installed beside {sys.executable}: pip install -e .[test]"
    return subprocess.run(
        [program, *arguments], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=600
    )


@pytest.mark.slow
def test_every_import_follows_the_layering_contracts() -> None:
    # --no-cache: the cache would be a folder in the repository; the whole graph takes seconds.
    checked = run("lint-imports", "--no-cache")
    assert checked.returncode == 0, f"broken import contracts:\n{checked.stdout}{checked.stderr}"
    assert "0 broken" in checked.stdout


@pytest.mark.slow
def test_the_code_below_the_views_type_checks() -> None:
    checked = run("mypy")
    assert checked.returncode == 0, f"mypy found errors:\n{checked.stdout}{checked.stderr}"
    assert checked.stdout.startswith("Success: no issues found")
