"""Refresh the translation catalogue: lupdate the sources, lrelease the .qm.

Run after adding or changing user-visible strings:

    python tools/update_translations.py

then translate the new `unfinished` messages in
`resources/translations/aftersales_zh_CN.ts` (pyside6-linguist, or any editor) and
run it again to compile. It exits non-zero while any message is unfinished, so CI
and the next engineer notice. The tests check that the committed .qm matches.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_FILE = ROOT / "resources" / "translations" / "aftersales_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
SOURCE_GLOBS = (
    "app/views/*.py",
    "app/services/*.py",
    "app/sync/*.py",
    "app/desktop.py",
    "app/shop.py",
    "app/secrets.py",
)


def tool(name: str) -> str:
    """A PySide6 tool next to this Python, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6-Essentials in this Python")
    return found


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for glob in SOURCE_GLOBS for path in ROOT.glob(glob))


def lupdate(ts_file: Path = TS_FILE) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", str(ts_file)], cwd=ROOT, check=True
    )


def lrelease(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)], cwd=ROOT, check=True)


def unfinished(ts_file: Path = TS_FILE) -> list[str]:
    """Source texts whose translation is missing or marked unfinished."""
    missing = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        forms = [f.text for f in translation.iter("numerusform")] if translation is not None else []
        empty = translation is None or not (translation.text or "").strip() and not any(forms)
        if empty or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(message.findtext("source") or "")
    return missing


def main() -> int:
    lupdate()
    lrelease()
    missing = unfinished()
    for text in missing:
        print(f"untranslated: {text!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
