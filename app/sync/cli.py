"""`python main.py sync`: the sync loop without a window, for a shop server and scripts.

Owns the headless command: which shop (credentials on the command line, else the shop
in settings — `--shop KEY` for one of a desk's several — else the demo shop), which
database (`--db` URL, else the shop's file), one run (`--once`, exit code says how it
went) or a loop with the same back-off as the desktop, a status line per run, and a clean
stop on SIGTERM or Ctrl+C.

A database that cannot be used (a damaged file, a server that does not answer, a full
disk) is told in the desktop's plain words with exit code 2, never as a traceback; only
the always-on loop waits for a shared database server that stopped answering, as it
waits for the platform. A settings file that was damaged is told line by line, and one
that lost the shared database stops the command (exit 2) rather than syncing into a
database of this computer's own.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import logging
import signal
import threading
import time

from sqlalchemy.exc import SQLAlchemyError

from app import config
from app.core import problem_words
from app.db import DatabaseTooNew, open_database
from app.logging_setup import setup_logging
from app.platforms.port import Outcome
from app.platforms.registry import ShopCredentials, connect
from app.services.setup.shop_database import DatabaseStatus, classify_error, shown_url
from app.shop import ShopTarget, configured_shop, real_shop, shop_target
from app.sync.backoff import Backoff
from app.sync.engine import RunReport, SyncEngine
from app.sync.lease import SyncLease
from app.sync.status import ShopNotReachable

log = logging.getLogger(__name__)

EXIT_OK, EXIT_RETRY_LATER, EXIT_NEEDS_PERSON = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py sync", description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="platform gateway URL (e.g. the sandbox's http://127.0.0.1:PORT)")
    parser.add_argument("--app-key")
    parser.add_argument("--app-secret")
    parser.add_argument("--shop-id")
    parser.add_argument("--sign-method", default="hmac-sha256", choices=("hmac-sha256", "md5"))
    parser.add_argument(
        "--shop", help="which of the desk's shops (its key in settings); default: the one on screen"
    )
    parser.add_argument(
        "--db", help="database URL (sqlite:///path or postgresql://…); default: the shop's file"
    )
    parser.add_argument(
        "--once", action="store_true", help="one run, then exit (0 ok, 1 retry later, 2 needs a person)"
    )
    parser.add_argument(
        "--interval",
        type=interval_argument,
        default=None,
        help=f"seconds between runs, {config.MIN_SYNC_INTERVAL_S} to {config.MAX_SYNC_INTERVAL_S} "
        "(default: settings)",
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser


def interval_argument(text: str) -> float:
    """`--interval`, through the one check the settings file gets too."""
    value: object = text  # not a number: refused below, in the same words as a wrong number
    with contextlib.suppress(ValueError):
        value = float(text)
    try:
        return config.checked_sync_interval(value)
    except ValueError as refused:
        raise argparse.ArgumentTypeError(str(refused)) from None


def choose_shop(args: argparse.Namespace, settings: config.Settings) -> ShopTarget:
    given = [args.store, args.app_key, args.app_secret, args.shop_id]
    if any(given):
        if not all(given):
            raise SystemExit("--store, --app-key, --app-secret and --shop-id go together")
        credentials = ShopCredentials(
            args.store, args.app_key, args.app_secret, args.shop_id, args.sign_method
        )
        return real_shop(credentials, database_url=args.db)
    if args.shop:  # a desk of several shops: one `sync --shop KEY` per shop on an always-on computer
        entry = next((entry for entry in settings.shops if entry.key == args.shop), None)
        if entry is None:
            keys = ", ".join(entry.key for entry in settings.shops)
            raise SystemExit(f"--shop {args.shop}: the desk has no such shop (its shops: {keys})")
        return shop_target(settings, entry, database_url=args.db)
    return configured_shop(settings, database_url=args.db)


def status_line(report: RunReport) -> str:
    pulled = ", ".join(f"{kind} {count}" for kind, count in report.pulled.items()) or "nothing"
    clock = time.strftime("%H:%M:%S")
    if report.standing_by:
        return f"{clock} standing by: {report.problem}"
    # Records the mirror could not hold are kept aside for a person (Needs attention):
    # a service's log must say so, or nobody at a desk hears of them.
    set_aside = ", ".join(f"{kind} {count}" for kind, count in report.set_aside.items() if count)
    aside = f"; set aside for a person (Needs attention): {set_aside}" if set_aside else ""
    if report.outcome is Outcome.DONE:
        return f"{clock} online: pulled {pulled}{aside}"
    # A problem may carry values it names (the address the platform saw): put in, in English.
    problem = problem_words.words(report.problem, lambda source: source)
    return f"{clock} {report.outcome.value}: {problem} {report.detail} (pulled {pulled}){aside}"


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    setup_logging(verbose=args.verbose)
    loaded = config.load_settings()
    for note in loaded.notes:
        print(f"Settings: {note}", flush=True)
    if loaded.lost_shared_database and not args.db:
        # Syncing into this computer's own database would split the shop's data in two.
        print(
            config.MSG_SHARED_DATABASE_LOST.format(database=shown_url(loaded.lost_shared_database)),
            "Start the desktop app to choose, or run again with --db and the shared database's address.",
            flush=True,
        )
        return EXIT_NEEDS_PERSON
    settings = loaded.settings
    target = choose_shop(args, settings)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    engine: SyncEngine | None = None
    try:
        try:
            _database, sessions = open_database(target.database_url)
        except DatabaseTooNew as error:
            print(error, flush=True)  # an update is needed here, not a traceback
            return EXIT_NEEDS_PERSON
        try:
            credentials = target.wait_credentials()
        except ShopNotReachable as error:
            print(error, flush=True)
            return EXIT_RETRY_LATER
        platform = connect(credentials, target.platform)
        engine = SyncEngine(platform, sessions, lease=SyncLease(sessions.kw["bind"]))
        print(
            f"syncing shop {credentials.shop_id} from {credentials.gateway} "
            f"into {shown_url(target.database_url)}",
            flush=True,
        )
        if args.once:
            report = engine.run_once()
            print(status_line(report), flush=True)
            if report.standing_by:
                return EXIT_RETRY_LATER
            return {Outcome.DONE: EXIT_OK, Outcome.RETRY: EXIT_RETRY_LATER}.get(
                report.outcome, EXIT_NEEDS_PERSON
            )
        interval = args.interval if args.interval is not None else settings.sync_interval_s
        backoff = Backoff()
        while not stop.is_set():
            try:
                report = engine.run_once()
            except DATABASE_ERRORS as error:
                if not server_not_answering(error):
                    raise
                # A shared database server restarting: the service waits for it, saying so.
                print(time.strftime("%H:%M:%S"), database_words(error, target.database_url), flush=True)
                stop.wait(backoff.next_delay())
                continue
            print(status_line(report), flush=True)
            if report.outcome is Outcome.DONE:
                backoff.reset()
                delay = interval
            elif report.outcome is Outcome.RETRY:
                delay = backoff.next_delay(rate_limited=report.rate_limited)
            else:
                delay = max(interval, 60.0)
            stop.wait(delay)
        print("stopped", flush=True)
        return EXIT_OK
    except DATABASE_ERRORS as error:
        if not is_database_error(error):
            raise
        # Damaged, unreachable, full: a person must act, and the words say what to do.
        # Every page and decision is written in one transaction with its cursor or state,
        # so what stopped half-way was rolled back whole and is done again next time.
        log.info("the database %s cannot be used", shown_url(target.database_url), exc_info=True)
        print(database_words(error, target.database_url), flush=True)
        return EXIT_NEEDS_PERSON
    finally:
        if engine is not None:
            try:
                engine.close()  # hands the sync lease to another workstation at once
            except DATABASE_ERRORS:
                log.info("the sync lease could not be given back; it ends with this process", exc_info=True)
        target.stop()


# What a database that cannot be used raises; an OSError only counts when it is about the
# disk (the lock file beside an SQLite database), never the network (the client's business).
DATABASE_ERRORS = (SQLAlchemyError, OSError)


def is_database_error(error: BaseException) -> bool:
    return not isinstance(error, OSError) or error.errno in (errno.ENOSPC, errno.EDQUOT)


def server_not_answering(error: BaseException) -> bool:
    return is_database_error(error) and classify_error(error).status is DatabaseStatus.UNREACHABLE


def database_words(error: BaseException, database_url: str) -> str:
    """Plain words for a database problem (the desktop's words, app/services/setup/shop_database.py)."""
    check = classify_error(error)
    return f"{check.message.format(**check.params)} ({shown_url(database_url)})"
