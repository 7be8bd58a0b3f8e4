"""Screenshots of connecting a TikTok shop in the first-run wizard, in Chinese and English.

    python tools/screenshot_tiktok_wizard.py [--out shots] [--extra-tsv new-words.tsv]

Starts a TikTok sandbox store on 127.0.0.1 for the connection test and saves
`widget.grab()` PNGs of the wizard's shop page (as a screen of 1366×768 shows it): the
demo TikTok shop chosen; a redirect address pasted whole, the code read out of it; an
address without a code, in plain words; the test connected (the code exchanged); a
second test of a spent code refused; the summary; and Settings naming the TikTok shop.
`--extra-tsv` adds translations not yet in the catalogue (`context<TAB>English<TAB>Chinese`
lines), to look at new words in Chinese before they are merged.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTranslator  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.config import HOME_ENV, Settings  # noqa: E402
from app.demo_shop import DEMO_TIKTOK_SHOP_NAME  # noqa: E402
from app.sandbox.server import SandboxServer  # noqa: E402
from app.shop import check_shop_keys  # noqa: E402
from app.shop_entries import ShopEntry  # noqa: E402
from app.views.common.background import BackgroundTasks  # noqa: E402
from app.views.setup.first_run_wizard import FirstRunWizard  # noqa: E402
from app.views.setup.settings_dialog import SettingsDialog  # noqa: E402
from app.views.shell.app import build_application  # noqa: E402
from app.views.shell.i18n import TRANSLATIONS_DIR, install_language  # noqa: E402
from tools.screenshot import pump  # noqa: E402

LANGUAGES = ("zh_CN", "en")
SIZE = (720, 600)  # the wizard's own size; it opens centred on a 1366×768 screen
SCREEN = (1366, 768)
_extra: list[QTranslator] = []


def preview_catalogue(tsv: Path, work: Path) -> Path:
    """The catalogue with the TSV's translations added, compiled to a .qm in `work`."""
    tree = ET.parse(TRANSLATIONS_DIR / "aftersales_zh_CN.ts")
    root = tree.getroot()
    contexts = {context.findtext("name"): context for context in root.iter("context")}
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        name, source, chinese = line.split("\t")
        context = contexts.get(name)
        if context is None:
            context = contexts[name] = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = chinese
    ts, qm = work / "preview.ts", work / "preview.qm"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def speak(language: str, preview: Path | None) -> None:
    install_language(language)
    app = QApplication.instance()
    for translator in _extra:
        app.removeTranslator(translator)
    _extra.clear()
    if preview is not None and language == "zh_CN":
        translator = QTranslator(app)
        if translator.load(str(preview)):
            app.installTranslator(translator)  # asked first: the newest translator wins
            _extra.append(translator)


def save(widget: QWidget, out: Path, name: str) -> None:
    pump(250)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def save_on_screen(widget: QWidget, out: Path, name: str) -> None:
    """The widget centred on a 1366×768 screen, to see that it fits there."""
    pump(250)
    screen = QPixmap(*SCREEN)
    screen.fill(QColor("#8c959f"))
    shot = widget.grab()
    painter = QPainter(screen)
    painter.drawPixmap((SCREEN[0] - shot.width()) // 2, (SCREEN[1] - shot.height()) // 2, shot)
    painter.end()
    path = out / f"{name}.png"
    screen.save(str(path))
    print(path)


def type_into(edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setText(text)
    edit.setModified(True)
    edit.textEdited.emit(text)


def wait_for_answer(wizard: FirstRunWizard) -> None:
    page = wizard.shop_page
    for _ in range(100):
        pump(100)
        if page.test_result.text() not in ("", page.tr("Testing…")):
            return


def new_wizard(tasks: BackgroundTasks) -> FirstRunWizard:
    """The wizard as "Change shop…" opens it (the shop page first)."""
    wizard = FirstRunWizard(
        tasks, test_connection=check_shop_keys, keyring_available=lambda: True, shop_only=True
    )
    wizard.resize(*SIZE)
    return wizard


def shots(tasks: BackgroundTasks, out: Path, sandbox: SandboxServer, language: str) -> None:
    wizard = FirstRunWizard(
        tasks, test_connection=check_shop_keys, keyring_available=lambda: True, shop_only=True
    )
    wizard.resize(*SIZE)
    wizard.show()
    page = wizard.shop_page
    page.tiktok_choice.click()
    save(wizard, out, f"tiktok_wizard_demo_{language}")
    page.real_choice.setChecked(True)
    type_into(page.app_key_edit, sandbox.app_key)
    type_into(page.app_secret_edit, sandbox.app_secret)
    type_into(page.gateway_edit, sandbox.url)
    type_into(page.auth_code_edit, "https://seller.example.com/tiktok/callback?state=7f3a")
    save(wizard, out, f"tiktok_wizard_no_code_{language}")
    address = f"https://seller.example.com/tiktok/callback?code={sandbox.auth_code}&state=7f3a"
    type_into(page.auth_code_edit, address)
    save(wizard, out, f"tiktok_wizard_address_{language}")
    page.test_button.click()
    wait_for_answer(wizard)
    save(wizard, out, f"tiktok_wizard_connected_{language}")
    save_on_screen(wizard, out, f"tiktok_wizard_connected_screen_{language}")
    wizard.next()
    save(wizard, out, f"tiktok_wizard_summary_{language}")
    wizard.back()
    # The code is spent now: a second wizard given it hears so in plain words.
    wizard.close()
    again = FirstRunWizard(
        tasks, test_connection=check_shop_keys, keyring_available=lambda: True, shop_only=True
    )
    again.resize(*SIZE)
    again.show()
    page = again.shop_page
    page.tiktok_choice.click()
    page.real_choice.setChecked(True)
    for edit, text in (
        (page.app_key_edit, sandbox.app_key),
        (page.app_secret_edit, sandbox.app_secret),
        (page.gateway_edit, sandbox.url),
        (page.auth_code_edit, sandbox.auth_code),
    ):
        type_into(edit, text)
    page.test_button.click()
    wait_for_answer(again)
    save(again, out, f"tiktok_wizard_code_used_{language}")
    again.close()


def settings_shot(out: Path, sandbox: SandboxServer, language: str) -> None:
    settings = Settings.load()
    settings.shops = [
        ShopEntry(
            key=f"tiktok-{sandbox.shop_id}",
            platform="tiktok",
            name=DEMO_TIKTOK_SHOP_NAME,
            shop_id=sandbox.shop_id,
            gateway=sandbox.url,
            app_key=sandbox.app_key,
        )
    ]
    dialog = SettingsDialog(settings)
    dialog.show()
    save(dialog, out, f"tiktok_settings_{language}")
    dialog.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    parser.add_argument("--extra-tsv", type=Path, default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tiktok-wizard-shots-"))
    os.environ[HOME_ENV] = str(work / "home")
    app = build_application(sys.argv[:1], Settings(language="zh_CN"))
    assert isinstance(app, QApplication)
    preview = preview_catalogue(args.extra_tsv, work) if args.extra_tsv else None
    tasks = BackgroundTasks()
    try:
        for language in LANGUAGES:
            # A store of its own per language: the code is single-use in each.
            sandbox = SandboxServer(
                work / f"tiktok-{language}.sqlite",
                port=0,
                seed=7,
                live=False,
                history_orders=50,
                dialect="tiktok",
            )
            sandbox.start()
            try:
                speak(language, preview)
                shots(tasks, args.out, sandbox, language)
                settings_shot(args.out, sandbox, language)
            finally:
                sandbox.stop()
    finally:
        tasks.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
