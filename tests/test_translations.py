"""The Chinese catalogue is complete, current and compiled.

lrelease ships with PySide6-Essentials, so these never skip. They catch a string
added without running tools/update_translations.py, a translation left unfinished,
and a .qm that is not what the .ts compiles to.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tools import update_translations as catalogue


def test_every_message_has_a_finished_chinese_translation() -> None:
    assert catalogue.unfinished(catalogue.TS_FILE) == []


def test_the_catalogue_holds_every_string_of_the_sources(tmp_path: Path) -> None:
    fresh = tmp_path / catalogue.TS_FILE.name
    shutil.copyfile(catalogue.TS_FILE, fresh)
    catalogue.lupdate(fresh)
    assert catalogue.unfinished(fresh) == [], "run tools/update_translations.py and translate the new strings"


def test_the_committed_qm_is_what_lrelease_makes_of_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "aftersales_zh_CN.qm"
    catalogue.lrelease(catalogue.TS_FILE, compiled)
    assert compiled.read_bytes() == catalogue.QM_FILE.read_bytes()
