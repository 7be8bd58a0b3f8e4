"""The TikTok sandbox shop's state in its own SQLite file.

Owns the schema and every query: orders, returns (with their records) and cancellations —
each stored as the exact JSON the public API answers (spliced into answers unparsed), beside
indexed columns for the filters (status, type, create/update time, the next platform step,
the seller's deadline) and a `sim` JSON of the simulation's private state — and packages
(their tracking numbers), tokens, the idempotency keys already answered, the ledger of
applied operations and a key/value meta table. The searches are search.py's. One connection
guarded by one lock: the sandbox serves one desk, and serialising keeps transactions simple.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from app.sandbox.sqlite_store import SqliteStore, dumps
from app.sandbox.tiktok.cancellations import Cancellation
from app.sandbox.tiktok.lifecycle import Order, Return
from app.sandbox.tiktok.search import TABLES, Searches

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS orders (
    id TEXT PRIMARY KEY, status TEXT NOT NULL, create_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL, rts_sla_time INTEGER, next_at INTEGER,
    data TEXT NOT NULL, sim TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ix_orders_update ON orders (update_time, id);
CREATE INDEX IF NOT EXISTS ix_orders_create ON orders (create_time, id);
CREATE INDEX IF NOT EXISTS ix_orders_next ON orders (next_at) WHERE next_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_orders_status ON orders (status, rts_sla_time);
CREATE TABLE IF NOT EXISTS returns (
    id TEXT PRIMARY KEY, order_id TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,
    arbitration_status TEXT, create_time INTEGER NOT NULL, update_time INTEGER NOT NULL,
    deadline INTEGER, next_at INTEGER, data TEXT NOT NULL, records TEXT NOT NULL, sim TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ix_returns_update ON returns (update_time, id);
CREATE INDEX IF NOT EXISTS ix_returns_create ON returns (create_time, id);
CREATE INDEX IF NOT EXISTS ix_returns_order ON returns (order_id);
CREATE INDEX IF NOT EXISTS ix_returns_next ON returns (next_at) WHERE next_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_returns_status ON returns (status, deadline);
CREATE TABLE IF NOT EXISTS cancellations (
    id TEXT PRIMARY KEY, order_id TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,
    create_time INTEGER NOT NULL, update_time INTEGER NOT NULL, deadline INTEGER, next_at INTEGER,
    data TEXT NOT NULL, sim TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ix_cancellations_update ON cancellations (update_time, id);
CREATE INDEX IF NOT EXISTS ix_cancellations_create ON cancellations (create_time, id);
CREATE INDEX IF NOT EXISTS ix_cancellations_order ON cancellations (order_id);
CREATE INDEX IF NOT EXISTS ix_cancellations_next ON cancellations (next_at) WHERE next_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS packages (
    id TEXT PRIMARY KEY, order_id TEXT NOT NULL, tracking_number TEXT, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ix_packages_order ON packages (order_id);
CREATE INDEX IF NOT EXISTS ix_packages_tracking ON packages (tracking_number);
CREATE TABLE IF NOT EXISTS tokens (
    access_token TEXT PRIMARY KEY, refresh_token TEXT NOT NULL UNIQUE, app_key TEXT NOT NULL,
    shop_id TEXT NOT NULL, expires_at INTEGER NOT NULL, refresh_expires_at INTEGER NOT NULL,
    issued_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (
    key TEXT NOT NULL, method TEXT NOT NULL, entity_id TEXT NOT NULL, answer BLOB NOT NULL,
    at INTEGER NOT NULL, PRIMARY KEY (key, method));
CREATE TABLE IF NOT EXISTS ledger (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT NOT NULL, method TEXT NOT NULL,
    entity_id TEXT NOT NULL, params TEXT NOT NULL, outcome TEXT NOT NULL);
"""
# Tokens survive a reset: they belong to the app's authorisation, not to the shop's data.
RESET_TABLES = ("meta", "orders", "returns", "cancellations", "packages", "idempotency", "ledger")


def _order_row(order: Order) -> tuple[Any, ...]:
    data = order.data
    sim = {key: value for key, value in order.sim.items() if key != "packages"}
    row = (data["id"], data["status"], data["create_time"], data["update_time"], data.get("rts_sla_time"))
    return (*row, order.next_at(), dumps(data), dumps(sim))


def _package_rows(order: Order) -> Iterator[tuple[Any, ...]]:
    for package in order.sim["packages"]:
        yield package["id"], order.id, package["tracking_number"] or None, dumps(package)


def _return_row(ret: Return) -> tuple[Any, ...]:
    data = ret.data
    return (
        data["return_id"],
        data["order_id"],
        data["return_type"],
        data["return_status"],
        data.get("arbitration_status"),
        data["create_time"],
        data["update_time"],
        ret.deadline(),
        ret.next_at(),
        dumps(data),
        dumps(ret.records),
        dumps(ret.sim),
    )


def _cancel_row(cancel: Cancellation) -> tuple[Any, ...]:
    data = cancel.data
    row: tuple[Any, ...] = (data["cancel_id"], data["order_id"], data["cancel_type"], data["cancel_status"])
    row += (data["create_time"], data["update_time"], cancel.deadline(), cancel.next_at())
    return (*row, dumps(data), dumps(cancel.sim))


class Store(Searches, SqliteStore):
    STATUS_TABLES = TABLES

    def __init__(self, path: Path) -> None:
        super().__init__(path, SCHEMA)

    def replace_all(
        self,
        orders: Iterable[Order],
        returns: Iterable[Return],
        cancellations: Iterable[Cancellation],
        meta: dict[str, Any],
    ) -> None:
        """Throw the shop away and store a new one (reset)."""
        orders = list(orders)
        with self.transaction():
            for table in RESET_TABLES:
                self.db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            self.db.execute("DELETE FROM sqlite_sequence WHERE name = 'ledger'")
            # Indexes built once after the rows go in, not kept up row by row: a third faster.
            for (index,) in self.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'"
            ).fetchall():
                self.db.execute(f"DROP INDEX {index}")
            self.db.executemany("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?)", map(_order_row, orders))
            self.db.executemany(
                "INSERT INTO packages VALUES (?,?,?,?)",
                (row for order in orders for row in _package_rows(order)),
            )
            self.db.executemany(
                "INSERT INTO returns VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", map(_return_row, returns)
            )
            self.db.executemany(
                "INSERT INTO cancellations VALUES (?,?,?,?,?,?,?,?,?,?)", map(_cancel_row, cancellations)
            )
            self.db.executemany(
                "INSERT INTO meta VALUES (?, ?)", ((k, json.dumps(v)) for k, v in meta.items())
            )
            for statement in SCHEMA.split(";"):
                if "CREATE INDEX" in statement:
                    self.db.execute(statement)

    # --- entities ------------------------------------------------------------------------
    def _one(self, sql: str, key: str) -> tuple[Any, ...] | None:
        with self.lock:
            row: tuple[Any, ...] | None = self.db.execute(sql, (key,)).fetchone()
        return row

    def order(self, order_id: str) -> Order | None:
        row = self._one("SELECT data, sim FROM orders WHERE id = ?", order_id)
        if row is None:
            return None
        sim = json.loads(row[1])
        with self.lock:
            packages = self.db.execute(
                "SELECT data FROM packages WHERE order_id = ? ORDER BY id", (order_id,)
            )
            sim["packages"] = [json.loads(data) for (data,) in packages.fetchall()]
        return Order(json.loads(row[0]), sim)

    def save_order(self, order: Order) -> None:
        with self.lock:
            self.db.execute("INSERT OR REPLACE INTO orders VALUES (?,?,?,?,?,?,?,?)", _order_row(order))
            self.db.executemany("INSERT OR REPLACE INTO packages VALUES (?,?,?,?)", _package_rows(order))

    def orders_json(self, ids: Sequence[str]) -> list[str]:
        """The wire JSON of each order asked for, in the asked order; unknown ids left out."""
        found: dict[str, str] = {}
        with self.lock:
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                sql = f"SELECT id, data FROM orders WHERE id IN ({','.join('?' * len(chunk))})"  # noqa: S608
                found.update(self.db.execute(sql, chunk).fetchall())
        return [found[i] for i in ids if i in found]

    def ret(self, return_id: str) -> Return | None:
        row = self._one("SELECT data, records, sim FROM returns WHERE id = ?", return_id)
        return Return(json.loads(row[0]), json.loads(row[1]), json.loads(row[2])) if row else None

    def return_json(self, return_id: str) -> str | None:
        row = self._one("SELECT data FROM returns WHERE id = ?", return_id)
        return row[0] if row else None

    def records_json(self, return_id: str) -> str | None:
        """The return's `records[]` as the wire JSON array, oldest first; None for no such return."""
        row = self._one("SELECT records FROM returns WHERE id = ?", return_id)
        return row[0] if row else None

    def save_return(self, ret: Return) -> None:
        with self.lock:
            self.db.execute(
                "INSERT OR REPLACE INTO returns VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", _return_row(ret)
            )

    def returns_of_order(self, order_id: str) -> list[Return]:
        with self.lock:
            rows = self.db.execute(
                "SELECT data, records, sim FROM returns WHERE order_id = ? ORDER BY id", (order_id,)
            ).fetchall()
        return [Return(json.loads(d), json.loads(r), json.loads(s)) for d, r, s in rows]

    def cancellation(self, cancel_id: str) -> Cancellation | None:
        row = self._one("SELECT data, sim FROM cancellations WHERE id = ?", cancel_id)
        return Cancellation(json.loads(row[0]), json.loads(row[1])) if row else None

    def cancellations_of_order(self, order_id: str) -> list[Cancellation]:
        with self.lock:
            rows = self.db.execute(
                "SELECT data, sim FROM cancellations WHERE order_id = ? ORDER BY id", (order_id,)
            ).fetchall()
        return [Cancellation(json.loads(d), json.loads(s)) for d, s in rows]

    def save_cancellation(self, cancel: Cancellation) -> None:
        with self.lock:
            self.db.execute(
                "INSERT OR REPLACE INTO cancellations VALUES (?,?,?,?,?,?,?,?,?,?)", _cancel_row(cancel)
            )

    def package(self, package_id: str) -> dict[str, Any] | None:
        """{id, order_id, status, tracking_number, shipping_provider_id, shipping_provider_name,
        create_time, update_time, order_line_item_ids}, or None."""
        row = self._one("SELECT data FROM packages WHERE id = ?", package_id)
        return json.loads(row[0]) if row else None

    def tracking_owner(self, tracking_number: str) -> str | None:
        """The package already shipped under `tracking_number`, if any."""
        row = self._one("SELECT id FROM packages WHERE tracking_number = ?", tracking_number)
        return row[0] if row else None

    def due(self, table: str, now: int, limit: int = 500) -> list[tuple[str, int]]:
        assert table in TABLES
        with self.lock:
            return self.db.execute(
                f"SELECT id, next_at FROM {table} WHERE next_at IS NOT NULL AND next_at <= ? "  # noqa: S608
                "ORDER BY next_at, id LIMIT ?",
                (now, limit),
            ).fetchall()

    # --- idempotency: a repeated key gets the first answer, applied once -------------------
    def idempotent(self, key: str, method: str) -> bytes | None:
        with self.lock:
            row = self.db.execute(
                "SELECT answer FROM idempotency WHERE key = ? AND method = ?", (key, method)
            ).fetchone()
        return bytes(row[0]) if row else None

    def remember(self, key: str, method: str, entity_id: str, answer: bytes, at: int) -> None:
        with self.lock:
            self.db.execute(
                "INSERT OR IGNORE INTO idempotency VALUES (?, ?, ?, ?, ?)",
                (key, method, entity_id, answer, at),
            )

    # --- tokens ---------------------------------------------------------------------------------
    def _token_row(self, sql: str, args: Sequence[Any]) -> dict[str, Any] | None:
        with self.lock:
            cursor = self.db.execute(sql, args)
            row = cursor.fetchone()
            names = [description[0] for description in cursor.description]
        return dict(zip(names, row, strict=True)) if row else None

    def token(self, column: str, value: str) -> dict[str, Any] | None:
        assert column in ("access_token", "refresh_token")
        return self._token_row(f"SELECT * FROM tokens WHERE {column} = ?", (value,))  # noqa: S608

    def newest_token(self, app_key: str, shop_id: str) -> dict[str, Any] | None:
        return self._token_row(
            "SELECT * FROM tokens WHERE app_key = ? AND shop_id = ? "
            "ORDER BY issued_at DESC, rowid DESC LIMIT 1",
            (app_key, shop_id),
        )

    def save_token(self, token: dict[str, Any]) -> None:
        with self.lock:
            self.db.execute(
                "INSERT OR REPLACE INTO tokens (access_token, refresh_token, app_key, shop_id, expires_at,"
                " refresh_expires_at, issued_at) VALUES (:access_token, :refresh_token, :app_key,"
                " :shop_id, :expires_at, :refresh_expires_at, :issued_at)",
                token,
            )
