"""The macOS app bundle's Info.plist and the disk image's settings, checked on Linux.

What macOS reads before the desk starts (packaging/macos/info_plist.py, used by the
spec's BUNDLE) must be a valid property list naming the desk, its id and its version;
dmgbuild's settings (packaging/macos/dmg_settings.py) must load as dmgbuild loads them.
Building the bundle and the image needs a Mac: the release workflow does it.
"""

from __future__ import annotations

import plistlib
import re

from app.version import VERSION
from tests.packaging_files import ROOT, load_script

info_plist = load_script("packaging/macos/info_plist.py")
DMG_SETTINGS = ROOT / "packaging" / "macos" / "dmg_settings.py"


def test_the_info_plist_is_a_valid_property_list_naming_the_desk_and_its_version() -> None:
    written = plistlib.dumps(info_plist.info_plist(VERSION))
    keys = plistlib.loads(written)
    assert keys["CFBundleIdentifier"] == "com.aftersalesdesk.desk"
    assert keys["CFBundleName"] == "AfterSales Desk"
    assert keys["CFBundleShortVersionString"] == info_plist.bundle_version(VERSION)
    assert re.fullmatch(r"\d+\.\d+\.\d+", keys["CFBundleVersion"])
    assert keys["NSHighResolutionCapable"] is True, "sharp on Retina screens"
    assert re.fullmatch(r"\d+\.\d+", keys["LSMinimumSystemVersion"])
    assert "zh_CN" in keys["CFBundleLocalizations"]


def test_a_version_becomes_the_three_numbers_macos_compares() -> None:
    assert info_plist.bundle_version("1.4.0rc2") == "1.4.0"
    assert info_plist.bundle_version("2") == "2.0.0"
    assert info_plist.bundle_version("1.2.3.4") == "1.2.3"


def test_the_bundle_icon_and_the_signing_entitlements_are_there() -> None:
    assert info_plist.ICON.read_bytes()[:4] == b"icns"
    with info_plist.ENTITLEMENTS.open("rb") as file:
        entitlements = plistlib.load(file)
    assert entitlements["com.apple.security.cs.allow-unsigned-executable-memory"] is True


def test_the_disk_image_settings_load_as_dmgbuild_loads_them() -> None:
    app = "/build/dist/AfterSalesDesk.app"
    # dmgbuild runs the file with its defaults and the -D values (`defines`) as its globals.
    settings: dict[str, object] = {"format": "UDBZ", "files": [], "defines": {"app": app}}
    exec(compile(DMG_SETTINGS.read_text(encoding="utf-8"), str(DMG_SETTINGS), "exec"), settings, settings)
    assert settings["files"] == [app]
    assert settings["symlinks"] == {"Applications": "/Applications"}, "drag the app onto Applications"
    assert settings["icon_locations"] == {"AfterSalesDesk.app": (150, 150), "Applications": (450, 150)}
    assert settings["format"] == "UDZO"
    icon = settings["icon"]
    assert isinstance(icon, str) and (ROOT / icon).read_bytes()[:4] == b"icns"


def test_the_disk_image_settings_default_to_the_bundle_the_spec_builds() -> None:
    settings: dict[str, object] = {"defines": {}}
    exec(compile(DMG_SETTINGS.read_text(encoding="utf-8"), str(DMG_SETTINGS), "exec"), settings, settings)
    assert settings["files"] == [f"dist/{info_plist.BUNDLE_NAME}"]
