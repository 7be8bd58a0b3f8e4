"""One workstation of a shop that shares a PostgreSQL database, as a process of its own.

    python -m tests.shared_workstation --db URL --store URL --name ws1 --share 0/3 --decide 20

Used by tests/test_shared_workstations.py and the `shared_db` benchmark to put several
real processes on one database: each syncs as the desktop does (the sync engine with
the sync lease, asking every `--sync-every` seconds), approves refund requests through
the refund decision service (only its share of them, so no two deciders pick the same
request), and listens to the change feed for other workstations' decisions, as its
screens would. It prints one JSON object per line:

    {"event": "decided", "aftersale_id": …, "t": …}   a decision committed here
    {"event": "seen", "aftersale_id": …, "t": …}      another's decision readable here
    {"event": "run", "standing_by": …, "pushed": …, "outcome": …}
    {"event": "stopped"}                               after SIGTERM or stdin closing

It decides only once it reads "go" on stdin, so that a test can have every workstation
listening first.

`t` is time.time(), so lines from processes on one machine can be compared.
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.core.refusal import Refusal
from app.db import open_database
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.models import AfterSale, OutboxOperation
from app.platforms.douyin.client import ShopCredentials
from app.platforms.douyin.codes import AfterSaleStatus
from app.services.people.permissions import Actor, Role
from app.services.refunds import decisions as refund_decisions
from app.shop import real_shop
from app.sync.change_feed import ChangeFeed
from tests.people import seed_people

_print_lock = threading.Lock()


def say(event: str, **fields: object) -> None:
    with _print_lock:
        print(json.dumps({"event": event, **fields}), flush=True)


def owns(aftersale_id: str, share: tuple[int, int]) -> bool:
    index, count = share
    return zlib.crc32(aftersale_id.encode()) % count == index


def decide_one(sessions: sessionmaker[Session], actor: Actor, share: tuple[int, int]) -> str | None:
    """Approve one waiting refund request of this workstation's share that nobody has
    decided yet (a request stays "waiting" here until the next pull after its decision
    reached the platform); its id, or None."""
    with sessions.begin() as session:
        waiting = session.scalars(
            select(AfterSale.aftersale_id)
            .where(AfterSale.status == AfterSaleStatus.AWAITING_MERCHANT)
            .order_by(AfterSale.status_deadline)
        ).all()
        decided = set(session.scalars(select(OutboxOperation.entity_id)))
        for aftersale_id in waiting:
            if not owns(aftersale_id, share) or aftersale_id in decided:
                continue
            try:
                refund_decisions.approve_refund(session, actor, aftersale_id, now=int(time.time()))
            except Refusal:
                continue  # not a refund-only request, or no longer waiting
            return aftersale_id
    return None


class Watcher:
    """Reports other workstations' decisions as soon as the change feed says so."""

    def __init__(self, sessions: sessionmaker[Session], decided_here: set[str]) -> None:
        self._sessions, self._decided_here = sessions, decided_here
        with sessions() as session:
            self._last_seq = session.scalar(select(func.max(OutboxOperation.seq))) or 0

    def on_change(self, kinds: frozenset[str]) -> None:
        if "outbox" not in kinds:
            return
        now = time.time()
        with self._sessions() as session:
            newer = OutboxOperation.seq > self._last_seq
            rows = session.execute(select(OutboxOperation.seq, OutboxOperation.entity_id).where(newer)).all()
        for seq, aftersale_id in rows:
            self._last_seq = max(self._last_seq, seq)
            if aftersale_id not in self._decided_here:
                say("seen", aftersale_id=aftersale_id, t=now)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--store", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--share", default="0/1", help="INDEX/COUNT: which requests this one decides")
    parser.add_argument("--decide", type=int, default=0, help="how many decisions to make")
    parser.add_argument("--decide-every", type=float, default=0.0, help="seconds between decisions")
    parser.add_argument("--sync-every", type=float, default=1.0)
    args = parser.parse_args(argv)
    index, count = (int(part) for part in args.share.split("/"))

    _engine, sessions = open_database(args.db)
    credentials = ShopCredentials(args.store, DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID)
    engine = real_shop(credentials, database_url=args.db).engine_factory(sessions)(lambda *_: None)
    actor = Actor(1, args.name, args.name, Role.OWNER, None, None)
    seed_people(sessions, actor)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    go = threading.Event()

    def read_commands() -> None:  # "go" starts the deciding; the end of stdin stops all
        for line in sys.stdin:
            if line.strip() == "go":
                go.set()
        stop.set()

    threading.Thread(target=read_commands, daemon=True).start()

    decided_here: set[str] = set()
    watcher = Watcher(sessions, decided_here)
    feed_stop = threading.Event()
    listen = ChangeFeed(sessions.kw["bind"]).listen
    feed = threading.Thread(target=listen, args=(watcher.on_change, feed_stop))
    feed.start()
    say("ready", name=args.name)

    def sync_loop() -> None:  # on its own thread, as the desktop's sync worker
        while not stop.is_set():
            report = engine.run_once()
            say(
                "run",
                standing_by=report.standing_by,
                pushed=sum(report.pushed.values()),
                outcome=report.outcome.value,
            )
            stop.wait(args.sync_every)

    syncing = threading.Thread(target=sync_loop)
    syncing.start()
    while not go.is_set() and not stop.is_set():
        go.wait(0.1)
    while not stop.is_set() and len(decided_here) < args.decide:
        aftersale_id = decide_one(sessions, actor, (index, count))
        if aftersale_id is None:
            stop.wait(0.05)  # nothing of ours waits yet: the lease holder is still pulling
            continue
        decided_here.add(aftersale_id)
        say("decided", aftersale_id=aftersale_id, t=time.time())
        stop.wait(args.decide_every)
    stop.wait()
    syncing.join()
    engine.close()  # hands the lease on at once
    feed_stop.set()
    feed.join(10)
    say("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


# --- running workstations from a test or a benchmark ------------------------------------
REPO = Path(__file__).resolve().parents[1]
STARTUP_TIMEOUT_S = 60.0


def _synced(event: dict[str, Any]) -> bool:
    """A workstation's run that held the lease, or the service's "online" status line."""
    return (event["event"] == "run" and not event["standing_by"]) or " online: " in event.get("text", "")


class Running:
    """A started process whose output lines are collected as events (JSON lines; the
    headless service's plain status lines become {"event": "line", "text": …})."""

    def __init__(self, name: str, argv: list[str]) -> None:
        self.name = name
        self.events: list[dict[str, Any]] = []
        self._arrived = threading.Condition()
        self.process = subprocess.Popen(
            argv, cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                event = {"event": "line", "text": line.strip()}
            with self._arrived:
                self.events.append(event)
                self._arrived.notify_all()

    def wait_for(self, wanted: Callable[[dict[str, Any]], bool], timeout_s: float = STARTUP_TIMEOUT_S) -> Any:
        """The first event (already heard or still to come) that `wanted` accepts."""
        with self._arrived:
            found = self._arrived.wait_for(
                lambda: next((event for event in self.events if wanted(event)), None), timeout_s
            )
        if found is None:
            raise AssertionError(f"{self.name} never said what was awaited; it said {self.events[-5:]}")
        return found

    def wait_count(self, kind: str, count: int, timeout_s: float = STARTUP_TIMEOUT_S) -> None:
        with self._arrived:
            if not self._arrived.wait_for(
                lambda: sum(event["event"] == kind for event in self.events) >= count, timeout_s
            ):
                raise AssertionError(
                    f"{self.name} said {kind!r} fewer than {count} times: {self.events[-5:]}"
                )

    def has_held_the_lease(self) -> bool:
        """Whether this process has synced (held the lease) at least once so far."""
        with self._arrived:
            return any(map(_synced, self.events))

    def wait_until_held(self, timeout_s: float = STARTUP_TIMEOUT_S) -> None:
        self.wait_for(_synced, timeout_s)

    def of(self, kind: str) -> list[dict[str, Any]]:
        with self._arrived:
            return [event for event in self.events if event["event"] == kind]

    def go(self) -> None:
        """Start deciding (all workstations listening by now)."""
        assert self.process.stdin is not None
        self.process.stdin.write("go\n")
        self.process.stdin.flush()

    def stop(self) -> None:
        """A clean stop (SIGTERM), as a shop computer shutting down sends."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    def kill(self) -> None:
        """The process dies at once (power cut, task manager): no clean-up at all."""
        self.process.kill()
        self.process.wait(timeout=30)


def start_workstation(
    database_url: str,
    store: str,
    name: str,
    *,
    share: str = "0/1",
    decide: int = 0,
    decide_every: float = 0.0,
    sync_every: float = 0.5,
) -> Running:
    argv = [sys.executable, "-m", "tests.shared_workstation", "--db", database_url, "--store", store]
    argv += ["--name", name, "--share", share, "--decide", str(decide)]
    argv += ["--decide-every", str(decide_every), "--sync-every", str(sync_every)]
    running = Running(name, argv)
    running.wait_for(lambda event: event["event"] == "ready")
    return running


def start_sync_service(database_url: str, store: str, interval_s: float = 1.0) -> Running:
    """`python main.py sync --db URL …`, the headless service of an always-on shop computer
    (1 s between runs: the least the command accepts, config.MIN_SYNC_INTERVAL_S)."""
    argv = [sys.executable, "main.py", "sync", "--db", database_url, "--store", store]
    argv += ["--app-key", DEMO_APP_KEY, "--app-secret", DEMO_APP_SECRET, "--shop-id", DEMO_SHOP_ID]
    running = Running("sync service", [*argv, "--interval", str(interval_s)])
    running.wait_for(lambda event: event.get("text", "").startswith("syncing shop"))
    return running
