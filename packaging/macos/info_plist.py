"""The macOS app bundle's Info.plist keys and the bundle id, for PyInstaller's BUNDLE in the spec.

Owns what macOS reads about the desk before it starts: its id (com.aftersalesdesk.desk,
which keyring entries, notarisation and the OS's permissions are filed under, so it must
never change), its names, its version (from app/version.py), that it draws sharp on Retina
screens, the oldest macOS it runs on, and the languages it speaks (so the system's own
dialogs follow the person's language). PyInstaller adds the executable, icon file and
package type itself. Standard library only; the spec loads this file by path.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_ID = "com.aftersalesdesk.desk"
BUNDLE_NAME = "AfterSalesDesk.app"
ICON = ROOT / "packaging" / "icons" / "aftersales-desk.icns"
ENTITLEMENTS = Path(__file__).resolve().parent / "entitlements.plist"
# Qt 6.8 and later run on macOS 12 (Monterey) and newer; PySide6's wheels say the same.
MINIMUM_MACOS = "12.0"


def bundle_version(version: str) -> str:
    """macOS wants up to three numbers: "1.2.0rc1" -> "1.2.0", "2" -> "2.0.0"."""
    match = re.match(r"\d+(\.\d+)*", version)
    if match is None:
        raise ValueError(f"the version {version!r} does not start with a number")
    numbers = match.group(0).split(".")[:3]
    return ".".join(numbers + ["0"] * (3 - len(numbers)))


def info_plist(version: str) -> dict[str, Any]:
    """The keys BUNDLE(info_plist=…) merges into the generated Info.plist."""
    return {
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleName": "AfterSales Desk",
        "CFBundleDisplayName": "AfterSales Desk",
        "CFBundleShortVersionString": bundle_version(version),
        "CFBundleVersion": bundle_version(version),
        "CFBundleDevelopmentRegion": "zh_CN",
        "CFBundleLocalizations": ["zh_CN", "en"],
        "LSApplicationCategoryType": "public.app-category.business",
        "LSMinimumSystemVersion": MINIMUM_MACOS,
        "NSHighResolutionCapable": True,
        # Qt draws in the system's light or dark look; the style sheet is light, so keep light.
        "NSRequiresAquaSystemAppearance": True,
        "NSHumanReadableCopyright": "© AfterSales Desk",
    }
