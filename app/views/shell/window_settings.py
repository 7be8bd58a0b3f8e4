"""The main window's Settings: opening the dialog and writing its changes to the audit trail.

Owns `open_settings` (the dialog, for a person allowed to manage settings; what they
changed goes to the shop's audit trail, and a chosen restart waits for that) and
`audit_setting`. Moved out of main_window.py, which keeps the window's frame.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from app.services.people.permissions import Action
from app.services.setup.settings_audit import record_setting_change
from app.views.setup.settings_dialog import SettingsDialog
from app.views.updates.checker import desk_updates

if TYPE_CHECKING:
    from app.views.shell.main_window import MainWindow


def open_settings(window: MainWindow) -> None:
    if not window.allows(Action.MANAGE_SETTINGS):
        return
    actor, settings = window.actor(), window.settings()
    dialog = SettingsDialog(
        settings,
        window,
        settings_path=window.settings_path(),
        can_change_shop=actor is not None and window.allows(Action.MANAGE_SHOP_CONNECTION),
        tasks=window.tasks,
        waiting_count=window.waiting_count(),
        sessions=window.sessions(),
        actor=actor,
        updates=desk_updates(settings),
    )
    if dialog.update_section is not None:
        dialog.update_section.address_changed.connect(
            lambda before, after: audit_setting(window, "update_url", before, after)
        )
    dialog.change_shop_requested.connect(window.shop_change_requested)
    # The URLs carry no password: the settings file never holds one, nor does the trail.
    dialog.shop_database_changed.connect(
        lambda before, after: audit_setting(window, "database_url", before, after)
    )
    restart: list[bool] = []
    dialog.restart_requested.connect(lambda: restart.append(True))
    language_before = settings.language
    dialog.exec()
    dialog.deleteLater()
    if actor is not None and settings.language != language_before:
        audit_setting(window, "language", language_before, settings.language)
    if restart:
        window.tasks.wait_for_idle()  # the change is in the audit trail before the desk restarts
        window.restart_requested.emit()


def audit_setting(window: MainWindow, name: str, before: object, after: object) -> None:
    """Settings changes are part of the trail, like every other decision."""
    actor, sessions = window.actor(), window.sessions()

    def record() -> None:
        if actor is None:  # nobody signed in (a window without people): nothing to attribute
            return
        record_setting_change(sessions, actor, name, before, after, now=int(time.time()))

    window.tasks.run("settings.audit", record, lambda _none: None)
