"""`AfterSalesDesk --self-test`: the whole desk started and used once, on a throw-away folder.

Owns the self-test every build runs the same way — from a checkout `python main.py
--self-test`, frozen the executable with the same flag (`tasks.py test` runs it against a
fresh `tasks.py package` build, so CI proves the frozen desk starts and works). It:

1. makes a new temporary data folder and points AFTERSALES_DESK_HOME at it before anything
   reads the data folder, so the person's own data folder is never opened (and every
   process the desk starts inherits it); the folder is removed at the end;
2. runs the migrations on the demo shop's new database and makes an owner who stays
   signed in (no wizard, no sign-in dialog: nobody is there to answer them);
3. starts the desk as a person's start does (app/desktop.py → app/desk.py: the demo shop's
   store process, the sync process, the main window), offscreen unless the caller chose a
   Qt platform; then app/self_test_checks.py watches and uses it (sync, one decision
   queued and pushed, sent exactly once) and quits it; last, the desk's stop must have
   ended its demo store.

Each check prints one line as it passes, with a figure; a failure prints in plain words
what failed and the process exits 1. It never hangs: a watchdog ends it after
`--self-test-timeout` seconds (exit 2), saying what it was waiting for. A dialog the desk
opens (an error it tells a person) is a failure too, with the dialog's words.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

from app import config

EXIT_PASSED, EXIT_FAILED, EXIT_TIMED_OUT = 0, 1, 2

OWNER = "selftest"
LOG_LINES_SHOWN = 12  # of each log, after a failure: what CI shows of why


class Report:
    """The lines the self-test prints: one per check passed, or what failed."""

    def __init__(self) -> None:
        # A console that cannot show a character (a Windows code page, a user name in its
        # path) shows a replacement rather than ending the test.
        if sys.stdout is not None and hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="replace")
        self.started = time.monotonic()
        self.passed = 0
        self.failure = ""
        self.waiting_for = "the start"  # what the watchdog says it was waiting for
        self._lock = threading.Lock()  # the watchdog speaks from a thread of its own

    def seconds(self) -> float:
        return time.monotonic() - self.started

    def check(self, words: str) -> None:
        self.passed += 1
        self.say(f"ok {self.passed}: {words}")

    def fail(self, words: str) -> None:
        if not self.failure:  # the first failure is the one that counts; later ones follow from it
            self.failure = words
            self.say(f"FAILED: {words}")

    def say(self, line: str) -> None:
        with self._lock:
            stream = sys.stdout
            if stream is None:  # a windowed build started without a console
                return
            try:
                stream.write(line + "\n")
                stream.flush()
            except (OSError, UnicodeError, ValueError):
                pass  # a console that cannot show the words must not fail the test itself


def run_self_test(args: argparse.Namespace) -> int:
    """The self-test, from app/desktop.py's `--self-test`; the process's exit code."""
    report = Report()
    # Before Qt loads: a self-test needs no screen (CI has none); a caller may choose one.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parent = args.self_test_in
    try:
        home = Path(tempfile.mkdtemp(prefix="aftersales-self-test-", dir=parent))
    except OSError as error:
        where = parent or tempfile.gettempdir()
        report.fail(
            f"the throw-away data folder could not be made in {where}: {error.strerror or error}. "
            "Choose a folder that can be written with --self-test-in FOLDER (or free some space)."
        )
        return EXIT_FAILED
    os.environ[config.HOME_ENV] = str(home)  # for this process and every process it starts
    watchdog = threading.Timer(args.self_test_timeout, _timed_out, (report, home, args.self_test_timeout))
    watchdog.daemon = True
    watchdog.start()
    try:
        code = _run(args, report, home)
    except Exception as error:  # anything unforeseen is a failure in words, never a traceback alone
        report.fail(f"{type(error).__name__}: {error}")
        code = EXIT_FAILED
    finally:
        watchdog.cancel()
    if report.failure:
        _show_logs(report, home)
    else:
        report.say(f"Self-test passed: {report.passed} checks in {report.seconds():.1f} s.")
    shutil.rmtree(home, ignore_errors=True)
    return code if report.failure or code else EXIT_PASSED


def _run(args: argparse.Namespace, report: Report, home: Path) -> int:
    if config.data_dir() != home:
        report.fail(f"the data folder is {config.data_dir()}, not the throw-away folder {home}")
        return EXIT_FAILED
    report.check(f"throw-away data folder {home} (the usual data folder is not touched)")
    from app.logging_setup import setup_logging

    setup_logging(verbose=args.verbose)
    report.waiting_for = "the migrations"
    if not _prepare_home(report):
        return EXIT_FAILED
    loaded = config.load_settings()
    from app import demo_stores

    demo_stores.launch_early(loaded.settings)  # as app/desktop.py does
    report.waiting_for = "the desk's modules to load"
    from app.desk import open_desk
    from app.self_test_checks import DeskChecks
    from app.views.shell.app import build_application

    # The desk reuses this application object; the checks need it before the desk starts,
    # to see any dialog the start shows.
    app = build_application(sys.argv[:1], loaded.settings)
    checks = DeskChecks(app, report)
    checks.start()
    code = open_desk(args, loaded)
    if not report.failure and not checks.done:
        report.fail(f"the desk stopped before the checks were done (exit code {code})")
    if not report.failure:
        _stopped_cleanly(report, checks.store_port, time.monotonic() - checks.finished_at)
    return EXIT_FAILED if report.failure else code


def _stopped_cleanly(report: Report, store_port: int, took_s: float) -> None:
    """The desk's stop (its sync process finishing its step, then the store) ends the store."""
    with socket.socket() as probe:
        probe.settimeout(2)
        listening = probe.connect_ex(("127.0.0.1", store_port)) == 0
    if listening:
        report.fail(f"the desk stopped, but its demo store still listens on port {store_port}")
    else:
        report.check(f"the desk stopped cleanly in {took_s:.1f} s, and its demo store with it")


def _prepare_home(report: Report) -> bool:
    """The demo shop's database, migrated from nothing, and an owner who stays signed in."""
    from app.db import current_revision, open_database
    from app.demo_shop import DEMO_SHOP_ID
    from app.services.people import accounts

    started = time.monotonic()
    try:
        engine, sessions = open_database(config.shop_database_url(DEMO_SHOP_ID, demo=True))
    except Exception as error:
        report.fail(f"the migrations could not set the demo shop's database up: {error}")
        return False
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
        report.check(f"migrations ran: database at schema {revision} in {time.monotonic() - started:.1f} s")
        with sessions.begin() as session:
            # A password nobody knows: the self-test only ever resumes the stayed-in owner.
            accounts.create_owner(
                session, OWNER, "Self-test", secrets.token_urlsafe(16), now=int(time.time())
            )
    finally:
        engine.dispose()
    config.Settings(stay_signed_in_user=OWNER).save()
    return True


def _timed_out(report: Report, home: Path, timeout_s: float) -> None:
    """The watchdog: whatever hangs, the self-test ends, saying what it was waiting for."""
    report.fail(
        f"the self-test did not finish within {timeout_s:g} s; it was waiting for {report.waiting_for}"
    )
    _show_logs(report, home)
    shutil.rmtree(home, ignore_errors=True)
    # Not sys.exit: the main thread may be stuck anywhere. The store and the sync process
    # end by themselves when their stdin closes with this process.
    os._exit(EXIT_TIMED_OUT)


def _show_logs(report: Report, home: Path) -> None:
    """The last lines of each log of the throw-away folder: the folder goes, the why stays."""
    for log_file in sorted((home / "logs").glob("*.log")):
        try:
            lines = log_file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        if lines:
            report.say(f"--- the last lines of {log_file.name}:")
            for line in lines[-LOG_LINES_SHOWN:]:
                report.say("    " + line)
