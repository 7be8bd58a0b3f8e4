"""dmgbuild's settings for the desk's disk image: the app beside a link to Applications.

    dmgbuild -s packaging/macos/dmg_settings.py -D app=dist/AfterSalesDesk.app \
        "AfterSales Desk" dist/AfterSalesDesk-<version>.dmg

Owns how the opened image looks: the app on the left, Applications on the right, so the
person drags one onto the other (the usual macOS install), with the app's icon as the
volume's icon. dmgbuild runs this file with `defines` (the -D values) among its globals;
tests/test_macos_bundle.py runs it the same way.
"""

from __future__ import annotations

import os.path

# dmgbuild gives no __file__: paths are relative to the repository's root, where it is run.
_defines: dict[str, str] = globals().get("defines", {})

application = _defines.get("app", "dist/AfterSalesDesk.app")
_app_name = os.path.basename(application)

# Compressed, read-only (UDZO): opens on every macOS the app runs on.
format = _defines.get("format", "UDZO")
size = None  # dmgbuild measures the files
files = [application]
symlinks = {"Applications": "/Applications"}
icon = _defines.get("icon", "packaging/icons/aftersales-desk.icns")

window_rect = ((200, 160), (600, 340))
default_view = "icon-view"
show_status_bar = False
show_toolbar = False
show_sidebar = False
icon_size = 128
text_size = 14
icon_locations = {_app_name: (150, 150), "Applications": (450, 150)}
