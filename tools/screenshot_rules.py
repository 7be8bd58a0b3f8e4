"""Screenshots of the Rules screen, in Chinese and English.

    python tools/screenshot_rules.py [--out shots] [--catalogue DIR]

Builds a throw-away shop database with an owner who added the shop's own rule set (a
30-day no-reason window from today, through the real service), and saves `widget.grab()`
PNGs of the main window (1366×768) on the Rules screen: Douyin's set and the shop's on top
compared (what changed), the form for another set of the shop's, and TikTok Shop's history
(the late-dispatch line's change), then every value with its source. `--catalogue`: a folder
with a newer aftersales_zh_CN.qm than resources/translations (a catalogue not merged yet).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.config import HOME_ENV, Settings  # noqa: E402
from app.core import shop_time  # noqa: E402
from app.db import open_database, sqlite_url  # noqa: E402
from app.services.people import accounts  # noqa: E402
from app.services.rule_history.shop_sets import add_shop_rule_set  # noqa: E402
from app.views.shell import i18n  # noqa: E402
from app.views.shell.app import build_application  # noqa: E402
from app.views.shell.main_window import MainWindow  # noqa: E402
from tools.screenshot import pump  # noqa: E402
from tools.screenshot_people import save  # noqa: E402

LANGUAGES = ("zh_CN", "en")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    parser.add_argument("--catalogue", type=Path, default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.catalogue is not None:
        i18n.TRANSLATIONS_DIR = args.catalogue
    home = Path(tempfile.mkdtemp(prefix="aftersales-rules-shots-"))
    os.environ[HOME_ENV] = str(home)
    now = int(time.time())
    _, session_factory = open_database(sqlite_url(home / "mirror.sqlite"))
    with session_factory.begin() as session:
        owner = accounts.create_owner(session, "xiaolin", "小林", "owner-pass-1", now=now - 86_400)
    today = shop_time.date_of(now)
    with session_factory.begin() as session:
        add_shop_rule_set(
            session,
            owner,
            "douyin",
            name="30天无理由",
            effective=today,
            values=(("after_sales.no_reason_window_hours", 720),),
            note="本店承诺：签收后 30 天内无理由退货",
            today=today,
            now=now,
        )

    settings = Settings(language="zh_CN")
    app = build_application(sys.argv[:1], settings)
    assert isinstance(app, QApplication)
    window = MainWindow(session_factory, settings, actor=owner)
    window.resize(1366, 768)
    window.show()
    pump(600)
    rules = window.screen_named("rules")
    try:
        for language in LANGUAGES:
            i18n.install_language(language)
            window.show_screen("rules")
            rules.platform_box.setCurrentIndex(0)  # type: ignore[attr-defined]
            rules.only_changes.setChecked(True)  # type: ignore[attr-defined]
            pump(400)
            save(window, args.out, f"rules_{language}")
            rules.open_add_dialog()  # type: ignore[attr-defined]
            dialog = rules._dialog  # type: ignore[attr-defined]
            dialog.name_edit.setText("化妆品过敏 90 天")
            dialog.value_box.setCurrentIndex(1)
            dialog.number.setValue(90)
            dialog.note_edit.setText("本店承诺：过敏 90 天内可退")
            save(dialog, args.out, f"rules_add_{language}")
            dialog.reject()
            rules.platform_box.setCurrentIndex(1)  # type: ignore[attr-defined]
            pump(300)
            save(window, args.out, f"rules_tiktok_{language}")  # its history: what changed
            rules.only_changes.setChecked(False)  # type: ignore[attr-defined]
            pump(300)
            save(window, args.out, f"rules_tiktok_all_{language}")  # every value and its source
        window.close()
    finally:
        window.tasks.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
