"""Three workstations deciding at once on one PostgreSQL database (issue 7).

- `shared_db_decisions_per_s`: refund decisions made on three workstation processes at
  once, as fast as each can, divided by the seconds from the first decision until the
  platform (the sandbox, over loopback HTTP) has confirmed the last; the lease holder
  pushes everyone's, the other two stand by.
- `cross_ws_latency_p95_ms`: for every decision and every other workstation, the time
  from its commit on one to the moment the other can read it, having been told by the
  change feed (95th percentile; the target is 2,000 ms).

The database is a fresh one on the PostgreSQL server named by
AFTERSALES_TEST_DATABASE_URL (default: the one these machines run on 127.0.0.1).
"""

from __future__ import annotations

import os
import statistics
import threading
import time
import uuid

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app.db import open_database
from app.models import OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.codes import AfterSaleType
from tests.fixtures_db import DEFAULT_TEST_DATABASE_URL, TEST_DATABASE_ENV, _psycopg_url
from tests.sandbox_control import control
from tests.shared_workstation import Running, start_workstation

WORKSTATIONS = 3
DECISIONS_EACH = 40
SETTLE_TIMEOUT_S = 300.0


def _settled_count(sessions: object) -> tuple[int, int]:
    with sessions() as session:  # type: ignore[operator]
        total = session.scalar(select(func.count()).select_from(OutboxOperation))
        done = session.scalar(
            select(func.count()).select_from(OutboxOperation).where(OutboxOperation.state == state.DONE)
        )
    return int(total or 0), int(done or 0)


def _latencies_ms(stations: list[Running]) -> list[float]:
    found = []
    seen_at = [{event["aftersale_id"]: event["t"] for event in station.of("seen")} for station in stations]
    for deciding in stations:
        for decided in deciding.of("decided"):
            for other, sightings in zip(stations, seen_at, strict=True):
                if other is not deciding and decided["aftersale_id"] in sightings:
                    found.append((sightings[decided["aftersale_id"]] - decided["t"]) * 1000)
    return found


def measure_shared_db(sandbox_url: str) -> dict[str, float]:
    server_url = os.environ.get(TEST_DATABASE_ENV, DEFAULT_TEST_DATABASE_URL)
    admin = create_engine(_psycopg_url(server_url), isolation_level="AUTOCOMMIT")
    name = f"aftersales_bench_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        print(f"  skipped: no PostgreSQL at {server_url} ({error})", flush=True)
        return {}
    database_url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    stations: list[Running] = []
    try:
        engine, sessions = open_database(database_url)
        control(
            sandbox_url,
            "tick",
            {
                # Twice what is decided: each workstation's share is a hash of the ids.
                "new_after_sales": 2 * WORKSTATIONS * DECISIONS_EACH,
                "after_sale_type": int(AfterSaleType.REFUND_AFTER_SHIPMENT),
            },
        )
        for index in range(WORKSTATIONS):
            station = start_workstation(
                database_url,
                sandbox_url,
                f"workstation {index + 1}",
                share=f"{index}/{WORKSTATIONS}",
                decide=DECISIONS_EACH,
                sync_every=0.2,
            )
            stations.append(station)
            if index == 0:
                station.wait_until_held()  # the first holds the lease and has pulled
        started = time.perf_counter()
        for station in stations:
            station.go()
        expected = WORKSTATIONS * DECISIONS_EACH
        waiting = threading.Event()
        deadline = started + SETTLE_TIMEOUT_S
        while _settled_count(sessions)[1] < expected and time.perf_counter() < deadline:
            waiting.wait(0.02)
        elapsed = time.perf_counter() - started
        total, done = _settled_count(sessions)
        latencies = _latencies_ms(stations)
        engine.dispose()
        print(
            f"  {done} of {total} decisions confirmed by the platform in {elapsed:.1f} s; "
            f"{len(latencies)} cross-workstation sightings",
            flush=True,
        )
        if done < expected or not latencies:
            print("  incomplete: figures left out", flush=True)
            return {}
        return {
            "shared_db_decisions_per_s": done / elapsed,
            "cross_ws_latency_p95_ms": statistics.quantiles(latencies, n=20)[-1],
            "cross_ws_latency_max_ms": max(latencies),
        }
    finally:
        for station in stations:
            station.stop()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
