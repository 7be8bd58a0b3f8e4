"""The desk once its modules are loaded: settings checked → database → window → sync → stop.

Owns the order in which the desk comes up after app/desktop.py has read the settings and
launched the demo stores (the window first, the first sync behind it, so the window
appears within moments; after a restart the sync starts before the sign-in, so decisions
already made are sent without waiting for it), the last-resort exception hook (log it,
tell the person, keep running), and a clean stop: the sync worker finishes its step
before the process ends.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView
from sqlalchemy.orm import Session, sessionmaker

from app import config
from app.db import DatabaseTooNew, open_database
from app.desktop import LAUNCHED_AT
from app.running_shops import RunningShops
from app.services.people.permissions import Actor
from app.services.setup.shop_database import classify_error, shown_url
from app.shop import check_shop_keys, configured_shop
from app.sync.sync_process import SyncProcess
from app.views.common.background import BackgroundTasks
from app.views.common.people_words import refusal_text
from app.views.people.sign_in_flow import OpenShop, WindowKeeper, first_run, needs_first_run, sign_in
from app.views.shell.main_thread_gc import MainThreadGarbageCollector
from app.views.shell.main_window import MainWindow
from app.views.updates.checker import desk_updates
from app.views.updates.update_notice import attach_update_notice

log = logging.getLogger(__name__)


def install_exception_hook() -> None:
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.critical("unexpected error", exc_info=(kind, error, trace))
        if QApplication.instance() is not None:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("desktop", "Unexpected error"),
                QCoreApplication.translate(
                    "desktop",
                    "Something went wrong inside AfterSales Desk. Your data is safe; "
                    "the details are in the log file in the data folder.",
                ),
            )
            box.setDetailedText("".join(traceback.format_exception(kind, error, trace)))
            box.exec()

    sys.excepthook = hook


def open_desk(args: argparse.Namespace, loaded: config.LoadedSettings) -> int:
    """Run the desk until it is closed (app/desktop.py's `run` calls it); the exit code."""
    install_exception_hook()

    from app.views.shell.app import build_application

    app = build_application(sys.argv[:1], loaded.settings)
    collector = MainThreadGarbageCollector(app)  # before any worker thread starts
    settings = settings_at_start(loaded, args.db)
    if settings is None:
        return 0
    shop = open_shop(settings, args.db)
    if shop is None:
        return 1
    tasks = BackgroundTasks(app)
    worker: SyncProcess | None = None
    if needs_first_run(shop.sessions):
        started = first_run(settings, tasks, shop, reopen=lambda: open_shop(settings, args.db))
        if started is None:
            shop.stop()
            return 0
        shop, actor = started
    else:
        # Decisions already made go to the platform at once, also while the desk waits for
        # someone to sign in: they were authorised when they were made, and the platform's
        # deadlines do not wait. Nothing of the shop shows: no window listens to the sync yet.
        worker = new_sync(shop, settings, collector)
        worker.start()
        signed_in = sign_in(settings, tasks, shop.sessions)
        if signed_in is None:
            worker.stop()
            shop.stop()
            return 0
        actor = signed_in

    # After the first run the window comes first and its sync behind it.
    syncing = worker or new_sync(shop, settings, collector)
    # Every other shop of the desk opens and syncs in the background too (its own process).
    running = RunningShops(settings, database_url=args.db, on_sync_created=collector.watch)
    running.adopt(settings.current_entry(), shop.sessions, shop.database_url, syncing, shop.stop,
                  credentials=shop.credentials)  # fmt: skip
    running.start_all()

    def make_window(person: Actor) -> MainWindow:
        on_screen = running.on_screen()
        # The shop switcher even for one shop: beside it, the owner's "Add a shop…".
        window = MainWindow(on_screen.sessions, settings, on_screen.sync, actor=person, shops=running,
                            shop_key=on_screen.key)  # fmt: skip
        # "Switch user…" asks who is next in the shop on screen: people are kept per shop.
        window.shop_switched.connect(lambda _key: keeper.use_sessions(on_screen_sessions(running)))
        attach_update_notice(window, desk_updates(settings))  # and this run's check, in the background
        return window

    keeper = WindowKeeper(make_window, on_screen_sessions(running), settings, tasks, shop.test_connection)
    window = keeper.show_for(actor)
    collector.freeze_start_up_objects()
    if worker is None:
        syncing.start()
    worker = syncing
    if args.exit_after:
        _exit_after(args.exit_after, app, window)
    if args.soak_s:
        _soak(args.soak_s, app, window)
    try:
        return app.exec()
    finally:
        worker.stop()
        running.stop()  # every other shop's sync, each finishing its step
        tasks.shutdown()
        desk_updates(settings).shutdown()  # a download under way stops rather than hold the quit up
        shop.stop()


def new_sync(shop: OpenShop, settings: config.Settings, collector: MainThreadGarbageCollector) -> SyncProcess:
    """The shop's sync, to start: in a process of its own (app/sync/child.py says why)."""
    worker = SyncProcess(
        shop.credentials,
        shop.database_url,
        interval_s=settings.sync_interval_s,
        platform=settings.current_entry().platform,
    )
    collector.watch(worker)
    return worker


def on_screen_sessions(running: RunningShops) -> sessionmaker[Session]:
    """The database of the shop on screen (who signs in is asked there)."""
    return running.on_screen().sessions


def settings_at_start(loaded: config.LoadedSettings, database_url: str | None) -> config.Settings | None:
    """Tells what was reset in a damaged settings file, and asks before a desk that lost its
    shared database works in a database of its own. None: the person chose to quit."""
    settings = loaded.settings
    if loaded.notes:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("desktop", "Settings were reset"),
            QCoreApplication.translate("desktop", "Some settings could not be used and were reset:")
            + "\n\n"
            + "\n".join(f"• {refusal_text(note)}" for note in loaded.notes),
        )
        box.addButton(QMessageBox.StandardButton.Ok).setObjectName("okButton")
        box.exec()
    if not loaded.lost_shared_database or database_url:
        return settings
    lost = loaded.lost_shared_database
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("desktop", "Which database?"),
        refusal_text(config.SettingsNote(config.MSG_SHARED_DATABASE_LOST, {"database": shown_url(lost)})),
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "desktop",
            "Use the shared database again (its password, if kept on this computer, is still there), "
            "or continue with this computer's own database: what is done there stays on this computer.",
        )
    )
    shared = box.addButton(
        QCoreApplication.translate("desktop", "Use the shared database again"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    shared.setObjectName("useSharedDatabaseAgain")
    local = box.addButton(
        QCoreApplication.translate("desktop", "Continue on this computer only"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    local.setObjectName("continueOnThisComputer")
    leave = box.addButton(QCoreApplication.translate("desktop", "Quit"), QMessageBox.ButtonRole.RejectRole)
    leave.setObjectName("quit")
    box.setDefaultButton(shared)
    box.setEscapeButton(leave)
    box.exec()
    if box.clickedButton() is shared:
        settings.database_url = lost
    elif box.clickedButton() is not local:
        return None  # asked again at the next start
    settings.save()  # the answer: the settings name the database, or no longer remember one
    return settings


def open_shop(settings: config.Settings, database_url: str | None) -> OpenShop | None:
    """The configured shop's database, migrated, and its sync engine; None after telling why not."""
    target = configured_shop(settings, database_url=database_url)
    try:
        _engine, sessions = open_database(target.database_url)
    except DatabaseTooNew as newer:
        # A newer release's database: nothing was written; this desk must not be used on it.
        QMessageBox.critical(
            None,
            QCoreApplication.translate("desktop", "This AfterSales Desk is older than the shop's database"),
            refusal_text(newer),
        )
        target.stop()
        return None
    except Exception as error:
        log.exception("cannot open the database %s", shown_url(target.database_url))
        # Plain words (server not answering, password refused, a newer app's schema, …),
        # never the driver's traceback; the driver's own words stay in the log.
        QMessageBox.critical(
            None,
            QCoreApplication.translate("desktop", "Cannot open the database"),
            QCoreApplication.translate("desktop", "The shop's database could not be opened:\n{0}").format(
                refusal_text(classify_error(error))
            ),
        )
        target.stop()
        return None
    return OpenShop(sessions, target.stop, target.wait_credentials, target.database_url, check_shop_keys)


def _exit_after(milestone: str, app: QApplication, window: MainWindow) -> None:
    """Benchmark hook: print the seconds from launch to `milestone`, then quit."""

    def report() -> None:
        print(f"{milestone} {time.monotonic() - LAUNCHED_AT:.3f}", flush=True)
        app.quit()

    if milestone == "first-window":
        QTimer.singleShot(0, report)
        return

    orders = window.screen_named("orders")
    timer = QTimer(app)
    timer.timeout.connect(lambda: orders.model.rowCount() > 0 and report())  # type: ignore[attr-defined]
    timer.start(50)


def _soak(seconds: float, app: QApplication, window: MainWindow) -> None:
    """Repaint the Python-drawn table continuously while sync runs, then quit.

    PySide6 6.12.0 corrupted reference counts in exactly this situation and aborted
    after about a minute (DESKTOP-TESTING.md); the long-running test runs this.
    """
    table = window.findChild(QTableView, "ordersTable")
    deadline = time.monotonic() + seconds
    step = {"row": 0}

    def scroll() -> None:
        if time.monotonic() > deadline:
            print("soak done", flush=True)
            app.quit()
            return
        rows = table.model().rowCount()
        if rows:
            step["row"] = (step["row"] + 7) % rows
            table.scrollTo(table.model().index(step["row"], 0))
            table.selectRow(step["row"])
        table.viewport().repaint()

    timer = QTimer(app)
    timer.timeout.connect(scroll)
    timer.start(10)
