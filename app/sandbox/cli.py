"""`python main.py sandbox ...`: run the sandbox store standalone.

Owns the command line: parse the options, print where the shop listens and the
credentials to connect with, then serve until interrupted.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from pathlib import Path

from app.sandbox import dialects
from app.sandbox.server import SandboxServer


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py sandbox", description="Run the local sandbox shop platform."
    )
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0 picks a free one)")
    parser.add_argument("--seed", type=int, default=1, help="seed of a newly created shop")
    parser.add_argument(
        "--dialect",
        "--platform",
        dest="dialect",
        choices=dialects.NAMES,
        default=dialects.NAMES[0],
        help="the platform it stands in for",
    )
    # Unset: the demo shop's of the chosen platform (app/demo_shop.py).
    parser.add_argument("--app-key", default=None)
    parser.add_argument("--app-secret", default=None)
    parser.add_argument("--shop-id", default=None)
    parser.add_argument(
        "--auth-code",
        default=None,
        help="the seller's authorisation code (TikTok: exchanged once for tokens)",
    )
    parser.add_argument(
        "--db", type=Path, default=Path("sandbox-store.sqlite"), help="the store's SQLite file"
    )
    parser.add_argument(
        "--no-live", action="store_true", help="no new orders or requests arrive by themselves"
    )
    parser.add_argument("--orders-per-hour", type=float, default=12.0, help="live order rate")
    parser.add_argument(
        "--history-orders", type=int, default=None, help="orders in a new shop's 90-day history"
    )
    parser.add_argument(
        "--stop-with-stdin",
        action="store_true",
        help="stop cleanly when standard input closes (the app that started it has ended)",
    )
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    server = SandboxServer(
        args.db,
        port=args.port,
        seed=args.seed,
        app_key=args.app_key,
        app_secret=args.app_secret,
        shop_id=args.shop_id,
        auth_code=args.auth_code,
        live=not args.no_live,
        orders_per_hour=args.orders_per_hour,
        history_orders=args.history_orders,
        dialect=args.dialect,
    )
    server.start()
    if args.stop_with_stdin:
        threading.Thread(target=lambda: (sys.stdin.read(), server.request_stop()), daemon=True).start()
    print(f"sandbox store listening on {server.url}", flush=True)
    print(f"  app key:    {server.app_key}", flush=True)
    print(f"  app secret: {server.app_secret}", flush=True)
    print(f"  shop id:    {server.shop_id}", flush=True)
    if server.auth_code:  # TikTok's first token comes from the seller's authorisation code
        print(f"  auth code:  {server.auth_code}", flush=True)
    print(f"  platform:   {server.dialect.name}", flush=True)
    for name, value in getattr(server.context, "printed", dict)().items():  # e.g. TikTok's shop cipher
        print(f"  {name + ':':<11} {value}", flush=True)
    print(f"  store:      {args.db.resolve()} (started in {server.start_took_s:.1f} s)", flush=True)
    server.serve_forever()  # already started: it only blocks until interrupted, then stops
    return 0
