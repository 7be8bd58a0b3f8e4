"""One campaign on one database: rounds of work, faults and a kill, then settle and judge.

Owns the campaign's loop. Each round the pushers that should be running are started
(one on SQLite, now and then two, which must not both push; two on PostgreSQL, one
holding the sync lease and one waiting), the platform lives a little (`platform_side`),
the desk decides and ships (`desk`), faults are injected, and one pusher is killed with
SIGKILL in one of these ways, drawn at random:

- at a random moment of its life (starting, pulling, pushing, idle);
- mid-send: the platform has applied an operation and holds back its answer;
- just after it marked an operation "sending", before or while it is sent;
- on PostgreSQL, the lease holder while the other pusher waits to take over;

and on PostgreSQL some rounds first end a pusher's database sessions from the server
(`pg_terminate_backend`: the lease, its claims, or all of them) and let it carry on.

At the end the faults are cleared, what is still queued is pushed by one last pusher,
and the outbox is judged against the platform's ledger (`verdict`).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select, update

from app.db import open_database
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.models import OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.client import Outcome, ShopCredentials
from app.shop import real_shop
from tests.campaign.databases import Backend
from tests.campaign.desk import Desk
from tests.campaign.platform_side import PUSH_METHODS, Platform
from tests.campaign.pusher import Pusher
from tests.campaign.verdict import Tally, judge

READY_TIMEOUT_S = 20.0
MID_SEND_LATENCY_MS = 2500
SETTLE_ROUNDS = 8
SETTLE_ROUND_S = 30.0
PROGRESS_EVERY_S = 20.0
Say = Callable[[str], None]


class Pushers:
    """The pusher processes running on one database."""

    def __init__(self, backend: Backend, store_url: str, log_path: Path) -> None:
        self._backend, self._store_url, self._log_path = backend, store_url, str(log_path)
        self._started = 0
        self.alive: list[Pusher] = []

    def start(self) -> Pusher:
        self._started += 1
        name = f"p{self._started}"
        pusher = Pusher(name, self._backend.pusher_url(name), self._store_url, self._log_path)
        self.alive.append(pusher)
        return pusher

    def keep(self, count: int) -> None:
        for pusher in [p for p in self.alive if not p.alive]:  # ended on its own: say so in the log
            pusher.kill()
            self.alive.remove(pusher)
        while len(self.alive) < count:
            self.start()

    def named(self, name: str | None) -> Pusher | None:
        return next((pusher for pusher in self.alive if pusher.name == name), None)

    def kill(self, pusher: Pusher) -> None:
        pusher.kill()
        self.alive.remove(pusher)

    def kill_all(self) -> None:
        for pusher in list(self.alive):
            self.kill(pusher)


class Campaign:
    def __init__(self, backend: Backend, platform: Platform, workdir: Path, seed: int, say: Say) -> None:
        self.backend, self.platform, self.say = backend, platform, say
        self.seed = seed
        self.rng = random.Random(f"{seed}/{backend.name}")
        self.tally = Tally()
        platform.reset(seed)
        self._engine, self.sessions = open_database(backend.url)
        self._first_sync()
        self.desk = Desk.open(self.sessions, self.rng)
        self.pushers = Pushers(backend, platform.url, workdir / f"pushers-{backend.name}.log")

    def _first_sync(self) -> None:
        """The shop's first sync, here and uninterrupted: the desk needs something to decide."""
        credentials = ShopCredentials(self.platform.url, DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID)
        engine = real_shop(credentials, database_url=self.backend.url).engine_factory(self.sessions)(
            lambda *_: None
        )
        try:
            for _ in range(5):
                if engine.run_once().outcome is Outcome.DONE:
                    return
            raise RuntimeError("the first sync of the campaign's shop did not succeed")
        finally:
            engine.close()

    # --- the campaign ------------------------------------------------------------------------
    def run(self, kills: int, seconds: float) -> Tally:
        started = last_said = time.monotonic()
        try:
            while self.tally.kills < kills and time.monotonic() - started < seconds:
                self.round()
                if time.monotonic() - last_said >= PROGRESS_EVERY_S:
                    last_said = time.monotonic()
                    self.say(
                        f"[{self.backend.name}] {self.tally.kills}/{kills} kills, "
                        f"{self.tally.cuts} sessions cut, {self._operations()} operations, "
                        f"{last_said - started:.0f} s"
                    )
            self.pushers.kill_all()
            self.settle()
            verdict = judge(self.sessions, self.platform.ledger(), self.backend.name)
        finally:
            self.pushers.kill_all()
            self._engine.dispose()
        verdict.kills, verdict.cuts = self.tally.kills, self.tally.cuts
        verdict.kills_by_moment = self.tally.kills_by_moment
        self.say(
            f"[{self.backend.name}] done in {time.monotonic() - started:.0f} s: {verdict.summary()}, "
            f"{verdict.cuts} sessions cut, {verdict.unsettled} still queued; "
            f"killed {dict(verdict.kills_by_moment.most_common())}"
        )
        return verdict

    def round(self) -> None:
        rng, shared = self.rng, self.backend.shared
        self.pushers.keep(2 if shared or rng.random() < 0.15 else 1)
        self.platform.live_step(rng)
        self.platform.move_clock(rng)
        self.desk.act(rng.randint(1, 4))
        self.platform.inject_random_faults(rng)
        if shared and rng.random() < 0.25:
            self.cut_sessions()
        draw = rng.random()
        if shared and draw < 0.3:
            how = self.kill_lease_holder()
        elif draw < 0.55:
            how = self.kill_mid_send()
        elif draw < 0.7:
            how = self.kill_while_marked_sending()
        else:
            how = self.kill_at_random_moment()
        self.tally.kills += 1
        self.tally.kills_by_moment[how] += 1

    # --- the ways to kill -------------------------------------------------------------------------
    def _victim(self) -> Pusher:
        """The lease holder if there is one (it is the one pushing), else any pusher."""
        holder = self.pushers.named(self.backend.lease_holder()) if self.backend.shared else None
        return holder or self.rng.choice(self.pushers.alive)

    def kill_at_random_moment(self) -> str:
        victim = self._victim() if self.rng.random() < 0.5 else self.rng.choice(self.pushers.alive)
        if self.rng.random() < 0.15:
            self.pushers.kill(victim)
            return "while starting"
        victim.wait_for(lambda event: event["event"] == "ready", READY_TIMEOUT_S)
        time.sleep(self.rng.uniform(0.0, 1.0))
        self.pushers.kill(victim)
        return "at a random moment"

    def kill_mid_send(self) -> str:
        """Kill after the platform applied an operation, before its answer arrives."""
        methods = self._due_methods()
        if not methods:
            return self.kill_at_random_moment()
        seen = self.platform.last_ledger_seq()
        self.platform.inject("latency", method=self.rng.choice(methods), ms=MID_SEND_LATENCY_MS)
        deadline = time.monotonic() + MID_SEND_LATENCY_MS / 1000 + 2.0
        applied = False
        while time.monotonic() < deadline and not applied:
            time.sleep(0.02)
            applied = self.platform.client_applied_since(seen)
        self.pushers.kill(self._victim())
        return "mid-send, applied, answer held back" if applied else "mid-send, nothing applied in time"

    def kill_while_marked_sending(self) -> str:
        """Kill as soon as an operation is newly marked "sending" (before, during or just
        after its request)."""
        before = self._sending()
        deadline = time.monotonic() + 2.0
        marked = False
        while time.monotonic() < deadline and not marked:
            time.sleep(0.01)
            marked = bool(self._sending() - before)
        self.pushers.kill(self._victim())
        return "just marked sending" if marked else "waiting for a send that did not come"

    def kill_lease_holder(self) -> str:
        """PostgreSQL: kill the pusher holding the sync lease while the other waits for it."""
        deadline = time.monotonic() + READY_TIMEOUT_S
        holder, waiting = None, False
        while time.monotonic() < deadline and not waiting:
            holder = self.pushers.named(self.backend.lease_holder())
            waiting = holder is not None and any(
                pusher.has_stood_by() for pusher in self.pushers.alive if pusher is not holder
            )
            if not waiting:
                time.sleep(0.05)
        time.sleep(self.rng.uniform(0.0, 0.6))
        self.pushers.kill(holder if holder is not None and holder.alive else self._victim())
        return "lease holder, another waiting" if waiting else "lease holder, none seen waiting"

    def cut_sessions(self) -> None:
        """PostgreSQL: the server ends a pusher's sessions; the pusher itself carries on."""
        target = self._victim()
        target.wait_for(lambda event: event["event"] == "ready", READY_TIMEOUT_S)
        time.sleep(self.rng.uniform(0.0, 0.5))
        only_one = None if self.rng.random() < 0.5 else self.rng.randrange(8)
        self.tally.cuts += self.backend.cut(target.name, only_one=only_one)

    def _due_methods(self) -> list[str]:
        with self.sessions() as session:
            actions = session.scalars(
                select(OutboxOperation.action)
                .where(
                    OutboxOperation.state.in_(state.OPEN_STATES),
                    OutboxOperation.next_attempt_at <= int(time.time()),
                )
                .distinct()
            ).all()
        # The platform's calls that send them (app/platforms/douyin/adapter.py).
        calls = {"decide": "afterSale.operate", "ship": "order.logisticsAdd"}
        return [calls[action] for action in actions if calls.get(action) in PUSH_METHODS]

    def _sending(self) -> set[tuple[int, int]]:
        with self.sessions() as session:
            rows = session.execute(
                select(OutboxOperation.seq, OutboxOperation.attempts).where(
                    OutboxOperation.state == state.SENDING
                )
            ).all()
        return {(seq, attempts) for seq, attempts in rows}

    def _operations(self) -> int:
        with self.sessions() as session:
            return int(session.scalar(select(func.count()).select_from(OutboxOperation)) or 0)

    def _open(self) -> int:
        with self.sessions() as session:
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(OutboxOperation)
                    .where(OutboxOperation.state.in_(state.OPEN_STATES))
                )
                or 0
            )

    # --- the end ----------------------------------------------------------------------------------
    def settle(self) -> None:
        """No more faults or kills: one pusher at a time runs until nothing is queued."""
        self.platform.clear_faults()
        for _ in range(SETTLE_ROUNDS):
            if not self._open():
                return
            with self.sessions.begin() as session:
                # Waiting out every back-off (up to minutes of it) in one step.
                session.execute(
                    update(OutboxOperation)
                    .where(OutboxOperation.state.in_(state.OPEN_STATES))
                    .values(next_attempt_at=0)
                )
            pusher = self.pushers.start()
            deadline = time.monotonic() + SETTLE_ROUND_S
            runs = 0
            while time.monotonic() < deadline and self._open() and pusher.alive:
                time.sleep(0.1)
                runs = sum(event["event"] == "run" for event in pusher.read())
            pusher.stop()
            self.pushers.alive.remove(pusher)
            if self._open():
                self.say(f"[{self.backend.name}] settling: {self._open()} still queued after {runs} runs")
