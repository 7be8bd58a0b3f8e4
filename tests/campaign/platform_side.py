"""The platform's side of the campaign: one sandbox store, its life, its faults, its ledger.

Owns the sandbox store the campaign talks to (one process per campaign, reset for each
database), what the platform does between two kills without the desk — buyers place
orders and ask for refunds, the clock moves on so that deadlines pass and the platform
agrees on the shop's behalf — the faults injected before a push, and reading the ledger:
every operation the platform applied, and whether the client or the platform itself
applied it. Everything goes to the store's control surface over loopback HTTP.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

from app.demo_shop import SandboxProcess
from app.platforms.douyin.codes import AfterSaleType

HISTORY_ORDERS = 300  # a small shop: every pull after the first is a page or two
LEDGER_PAGE = 5000
PUSH_METHODS = ("afterSale.operate", "order.logisticsAdd")
READ_METHODS = ("afterSale.Detail", "order.orderDetail")
PULL_METHODS = ("order.searchList", "afterSale.List")
# How often each fault is drawn. Before-kinds refuse at the door; after-kinds apply the
# request and then delay, cut, spoil or drop its answer (app/sandbox/faults.py).
FAULT_WEIGHTS = {
    "drop_response": 4,
    "http_5xx": 2,
    "latency": 3,
    "truncated": 1,
    "malformed": 1,
    "service_error": 1,
    "rate_limit": 1,
    "token_expired": 0.5,
    "clock_skew": 0.5,
}
REQUEST_TYPES = (
    AfterSaleType.REFUND_AFTER_SHIPMENT,
    AfterSaleType.REFUND_BEFORE_SHIPMENT,
    AfterSaleType.RETURN_AND_REFUND,
    AfterSaleType.EXCHANGE,
    AfterSaleType.RESEND,
)
HOUR = 3600
CLOCK_STEP_S = 2 * HOUR


class Platform:
    """The sandbox store at `url`, driven through `/_sandbox/…`."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._http = requests.Session()

    def control(self, path: str, payload: dict[str, Any] | None = None, method: str = "POST") -> Any:
        response = self._http.request(method, f"{self.url}/_sandbox/{path}", json=payload, timeout=60)
        response.raise_for_status()
        return response.json() if response.content else None

    def reset(self, seed: int, history_orders: int = HISTORY_ORDERS) -> None:
        """A new shop, its clock back at real time, its ledger empty, no faults waiting."""
        shop = {"seed": seed, "history_orders": history_orders, "live": False, "now": int(time.time())}
        self.control("reset", shop)
        self.control("settings", {"rate_limit_per_s": 0})  # rate limits come as injected faults
        self.clear_faults()

    # --- the platform's own life --------------------------------------------------------
    def live_step(self, rng: random.Random) -> None:
        """Buyers act: new orders (paid half an hour later), new after-sale requests."""
        if rng.random() < 0.6:
            self.control("tick", {"new_orders": rng.randint(1, 4), "new_after_sales": rng.randint(0, 2)})
        if rng.random() < 0.5:
            kind = int(rng.choice(REQUEST_TYPES))
            self.control("tick", {"new_after_sales": rng.randint(1, 2), "after_sale_type": kind})

    def move_clock(self, rng: random.Random) -> int:
        """Time passes on the platform: often half an hour or so (orders get paid, parcels
        scanned), sometimes past every open deadline, so that decisions queued on the desk
        meet requests the platform has already agreed on its own. Returns the seconds moved."""
        draw = rng.random()
        if draw < 0.35:
            seconds = rng.randint(1900, 2 * HOUR)
        elif draw < 0.5:
            seconds = rng.randint(6 * HOUR, 50 * HOUR)
        else:
            return 0
        # In steps of at most two hours, as a real platform lives through them: its own moves
        # on one request are hours apart (the buyer sends goods back 3 h or more after the
        # agreement), so no two are stamped in one second, as one jump's catch-up would.
        for step in range(0, seconds, CLOCK_STEP_S):
            self.control("clock", {"advance_s": min(CLOCK_STEP_S, seconds - step)})
        return seconds

    # --- faults -------------------------------------------------------------------------------
    def inject(self, kind: str, *, method: str | None = None, count: int = 1, ms: int = 200) -> None:
        payload: dict[str, Any] = {"kind": kind, "count": count, "ms": ms}
        if method is not None:
            payload["method"] = method
        self.control("faults", payload)

    def inject_random_faults(self, rng: random.Random) -> int:
        """Up to three faults, mostly on the push and its re-reads; returns how many."""
        if rng.random() < 0.35:
            return 0
        how_many = rng.randint(1, 3)
        for _ in range(how_many):
            kind = rng.choices(list(FAULT_WEIGHTS), weights=list(FAULT_WEIGHTS.values()))[0]
            draw = rng.random()
            if draw < 0.6:
                method: str | None = rng.choice(PUSH_METHODS)
            elif draw < 0.85:
                method = rng.choice(READ_METHODS)
            elif draw < 0.95:
                method = rng.choice(PULL_METHODS)
            else:
                method = None
            self.inject(kind, method=method, count=rng.randint(1, 2), ms=rng.randint(50, 2500))
        return how_many

    def clear_faults(self) -> None:
        self.control("faults", method="DELETE")

    # --- the ledger -------------------------------------------------------------------------
    def ledger(self, since: int = 0) -> list[dict[str, Any]]:
        """Every operation the platform applied after entry `since`, oldest first."""
        entries: list[dict[str, Any]] = []
        while True:
            page = self._ledger_page(since)
            entries += page
            if len(page) < LEDGER_PAGE:
                return entries
            since = page[-1]["seq"]

    def _ledger_page(self, since: int) -> list[dict[str, Any]]:
        response = self._http.get(
            f"{self.url}/_sandbox/ledger", params={"since": since, "limit": LEDGER_PAGE}, timeout=60
        )
        response.raise_for_status()
        return list(response.json()["entries"])

    def last_ledger_seq(self) -> int:
        return int(self.control("stats", method="GET")["ledger_entries"])

    def client_applied_since(self, since: int) -> bool:
        """Whether the client got an operation applied after ledger entry `since`."""
        return any(entry["actor"] == "client" for entry in self._ledger_page(since))

    def close(self) -> None:
        self._http.close()


@contextmanager
def sandbox_store(workdir: Path, seed: int) -> Iterator[Platform]:
    """The sandbox store in a process of its own for the whole campaign (quiet: nothing
    happens on it unless the campaign says so)."""
    process = SandboxProcess(
        workdir / "store.sqlite",
        seed=seed,
        log_path=workdir / "sandbox.log",
        options=["--no-live", "--history-orders", str(HISTORY_ORDERS)],
    )
    platform = Platform(process.start())
    try:
        yield platform
    finally:
        platform.close()
        process.stop()
