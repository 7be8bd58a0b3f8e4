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
    "app/views/**/*.py",
    "app/services/**/*.py",
    "app/sync/**/*.py",
    "app/core/**/*.py",
    "app/platforms/**/*.py",
    "app/*.py",
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


HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def finished_translations(ts_file: Path = TS_FILE) -> dict[str, str]:
    """Source text -> its finished translation, whatever the context."""
    found = {}
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and (translation.text or "").strip():
            found[message.findtext("source") or ""] = translation.text or ""
    return found


def carry_moved(before: dict[str, str], ts_file: Path = TS_FILE) -> int:
    """Accept lupdate's same-text suggestion where the very source was translated before
    in another context: the string moved to another class, its meaning did not."""
    tree = ET.parse(ts_file)
    carried = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is not None and translation.get("type") == "unfinished" and source in before:
            translation.text = before[source]
            del translation.attrib["type"]
            carried += 1
    if carried:
        ts_file.write_text(HEADER + ET.tostring(tree.getroot(), encoding="unicode") + "\n", encoding="utf-8")
    return carried


def main() -> int:
    before = finished_translations()
    lupdate()
    carried = carry_moved(before)
    if carried:
        print(f"carried {carried} translation(s) of strings that moved to another context")
    lrelease()
    missing = unfinished()
    for text in missing:
        print(f"untranslated: {text!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
