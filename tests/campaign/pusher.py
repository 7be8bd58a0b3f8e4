"""The pusher: the shop's sync (push the outbox, then pull) in a process of its own, to be killed.

Owns both sides of one pusher process. The child runs the sync loop as the desktop's
sync process does — the engine built by `ShopTarget.engine_factory`, so with the sync
lease, run after run, surviving any exception — and reports each run on a pipe. The
parent starts it, reads those reports, and ends it: SIGKILL at a chosen moment, or a
clean stop when the campaign settles.

Why a fork server: starting Python and importing SQLAlchemy, requests and the app takes
about half a second of CPU, more than everything a pusher does before it is killed.
The campaign's pushers are forked from a server that imported this module once
(`multiprocessing`'s "forkserver"), so a start costs a fork and the pusher's own
connections. Each is still a real process with its own database and HTTP connections,
which die with it.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext
from typing import Any

from app.db import make_engine, make_session_factory
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.platforms.douyin.client import ShopCredentials
from app.shop import real_shop

RUN_INTERVAL_S = 0.05  # between runs: a kill finds a run under way most of the time
AFTER_FAILURE_S = 0.2
STOP_TIMEOUT_S = 30.0
log = logging.getLogger("campaign.pusher")


# --- the child ----------------------------------------------------------------------------
def run(name: str, database_url: str, store_url: str, log_path: str, pipe: Connection) -> None:
    """The pusher process's whole life: sync until told to stop (or killed)."""
    with open(log_path, "a") as log_file:  # noqa: PTH123 - a plain append, shared by every pusher
        os.dup2(log_file.fileno(), 2)  # a traceback goes to the pushers' log, not the campaign's output
    logging.basicConfig(
        filename=log_path,
        level=logging.INFO,
        format=f"%(asctime)s {name} pid {os.getpid()} %(levelname)s %(name)s: %(message)s",
    )
    sessions = make_session_factory(make_engine(database_url))
    credentials = ShopCredentials(store_url, DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID)
    engine = real_shop(credentials, database_url=database_url).engine_factory(sessions)(lambda *_: None)
    pipe.send({"event": "ready"})
    while not (pipe.poll() and pipe.recv() == "stop"):
        try:
            report = engine.run_once()
        except Exception as error:  # as the desktop's sync worker: the loop survives anything
            log.exception("sync run failed")
            pipe.send({"event": "failed", "error": f"{type(error).__name__}: {error}"})
            time.sleep(AFTER_FAILURE_S)
            continue
        pipe.send(
            {
                "event": "run",
                "standing_by": report.standing_by,
                "outcome": report.outcome.value,
                "pushed": report.pushed,
            }
        )
        time.sleep(RUN_INTERVAL_S)
    engine.close()  # hands the sync lease on at once
    pipe.send({"event": "stopped"})


# --- the parent ---------------------------------------------------------------------------
_context: ForkServerContext | None = None


def fork_server() -> ForkServerContext:
    """The one fork server of this process, which has imported this module (and with it the
    sync) before it forks any pusher."""
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload([__name__])
    return _context


class Pusher:
    """One started pusher process, seen from the campaign."""

    def __init__(self, name: str, database_url: str, store_url: str, log_path: str) -> None:
        context = fork_server()
        self.name = name
        self._pipe, child_end = context.Pipe()
        self.process = context.Process(
            target=run, args=(name, database_url, store_url, log_path, child_end), name=name, daemon=True
        )
        self.process.start()
        child_end.close()
        self.events: list[dict[str, Any]] = []

    @property
    def alive(self) -> bool:
        return self.process.exitcode is None

    def read(self) -> list[dict[str, Any]]:
        """Every report that has arrived so far (kept in `events`)."""
        try:
            while self._pipe.poll():
                self.events.append(self._pipe.recv())
        except (EOFError, OSError, ValueError):  # the process ended, maybe mid-message
            pass
        return self.events

    def wait_for(self, wanted: Callable[[dict[str, Any]], bool], timeout_s: float) -> bool:
        """Wait until a report `wanted` accepts has arrived (or the process ended)."""
        deadline = time.monotonic() + timeout_s
        while True:
            if any(wanted(event) for event in self.read()):
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self.alive:
                return False
            try:
                self._pipe.poll(min(remaining, 0.5))
            except (EOFError, OSError):
                return False

    def is_ready(self) -> bool:
        return any(event["event"] == "ready" for event in self.read())

    def has_stood_by(self) -> bool:
        return any(event.get("standing_by") for event in self.read())

    def kill(self) -> None:
        """SIGKILL: no clean-up at all, as a power cut or the task manager."""
        if self.alive:
            self.process.kill()
        self.process.join(STOP_TIMEOUT_S)
        self._pipe.close()

    def stop(self) -> None:
        """A clean stop after the run under way (the lease is handed on)."""
        if self.alive:
            with contextlib.suppress(OSError):  # it ended meanwhile
                self._pipe.send("stop")
            self.process.join(STOP_TIMEOUT_S)
        self.kill()
