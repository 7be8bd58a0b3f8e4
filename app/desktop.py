"""The desktop app's start: arguments → logging → settings → the demo stores → the desk.

Owns what happens before the desk loads Qt and its screens: reading the command line and
the settings, and launching the store of every demo shop (app/demo_stores.py says why:
a store's first start makes 90 days of history, which then overlaps the desk's own
loading instead of following it). The desk itself, from the window to a clean stop, is
app/desk.py, imported only after that launch.

Light on purpose: nothing here imports Qt, SQLAlchemy or the sync engine.
"""

from __future__ import annotations

import argparse
import time

from app import config, demo_stores
from app.logging_setup import setup_logging

# Start-up figures (`--exit-after`) count from here, the desk's first module: the desk's
# own loading is part of what a person waits for.
LAUNCHED_AT = time.monotonic()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="AfterSales Desk (售后工作台)")
    parser.add_argument("--db", help="database URL; default: this shop's file in the data folder")
    parser.add_argument("-v", "--verbose", action="store_true")
    # For `python -m tests.benchmarks`: print how long start-up took and quit.
    parser.add_argument("--exit-after", choices=("first-window", "first-orders"), help=argparse.SUPPRESS)
    # For the long-running test: scroll through the orders for N seconds, then quit.
    parser.add_argument("--soak-s", type=float, help=argparse.SUPPRESS)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen on a throw-away data folder, use the demo shop once, say what was checked",
    )
    parser.add_argument("--self-test-in", metavar="FOLDER", help="where the throw-away folder is made")
    # The self-test's watchdog: a first start on a slow, busy computer (the store's history,
    # the first sync) takes 30 s here; past this it ends, saying what it waited for.
    parser.add_argument("--self-test-timeout", type=float, default=300.0, help=argparse.SUPPRESS)
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:  # app/self_test.py: its own data folder, before anything reads one
        from app.self_test import run_self_test

        return run_self_test(args)
    setup_logging(verbose=args.verbose)
    # An update the owner agreed to is installed now, before Qt loads, and the new version
    # started in this one's place (an installed desk only; standard library, no Qt).
    from app.services.updates.apply import apply_at_start

    apply_at_start(config.data_dir())
    loaded = config.load_settings()
    demo_stores.launch_early(loaded.settings)
    # Only now the desk's modules (Qt, the screens, the sync engine: about 1.2 s), while
    # the stores make their shops.
    from app.desk import open_desk

    return open_desk(args, loaded)
