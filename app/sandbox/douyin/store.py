"""The sandbox shop's state in its own SQLite file.

Owns the schema and every query: orders and after-sales (indexed columns for the
filters plus the JSON payload the platform sends, spliced into answers unparsed),
tracking numbers in use, tokens, uploaded images, the ledger of applied operations and
a key/value meta table (seed, id sequence, settings, clock offset). One connection
guarded by one lock: the sandbox serves one desk, and serialising keeps transactions
simple.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.sandbox.douyin import detail
from app.sandbox.douyin.lifecycle import AfterSale, Order
from app.sandbox.douyin.order_shape import documented
from app.sandbox.sqlite_store import SqliteStore, dumps

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS orders (
    order_id TEXT PRIMARY KEY, status INTEGER NOT NULL, create_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL, exp_ship_time INTEGER NOT NULL, next_at INTEGER,
    has_after_sale INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL, sim TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ix_orders_update ON orders (update_time, order_id);
CREATE INDEX IF NOT EXISTS ix_orders_create ON orders (create_time, order_id);
CREATE INDEX IF NOT EXISTS ix_orders_next ON orders (next_at) WHERE next_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_orders_status ON orders (status, exp_ship_time);
CREATE TABLE IF NOT EXISTS after_sales (
    aftersale_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, type INTEGER NOT NULL, status INTEGER NOT NULL,
    apply_time INTEGER NOT NULL, update_time INTEGER NOT NULL, status_deadline INTEGER NOT NULL,
    next_at INTEGER, data TEXT NOT NULL, sim TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ix_after_sales_update ON after_sales (update_time, aftersale_id);
CREATE INDEX IF NOT EXISTS ix_after_sales_apply ON after_sales (apply_time, aftersale_id);
CREATE INDEX IF NOT EXISTS ix_after_sales_order ON after_sales (order_id);
CREATE INDEX IF NOT EXISTS ix_after_sales_next ON after_sales (next_at) WHERE next_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_after_sales_status ON after_sales (status, status_deadline);
CREATE TABLE IF NOT EXISTS tracking (tracking_no TEXT PRIMARY KEY, order_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
    access_token TEXT PRIMARY KEY, refresh_token TEXT NOT NULL UNIQUE, app_key TEXT NOT NULL,
    shop_id TEXT NOT NULL, expires_at INTEGER NOT NULL, refresh_expires_at INTEGER NOT NULL,
    issued_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS ledger (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT NOT NULL, method TEXT NOT NULL,
    entity_id TEXT NOT NULL, params TEXT NOT NULL, outcome TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS images (
    name TEXT PRIMARY KEY, content_type TEXT NOT NULL, data BLOB NOT NULL, stored_at INTEGER NOT NULL);
"""
# Tokens survive a reset: they belong to the app's authorisation, not to the shop's data.
# So do uploaded images: URLs the platform issued stay valid, as on a real image service.
RESET_TABLES = ("meta", "orders", "after_sales", "tracking", "ledger")


def _order_row(order: Order) -> tuple[Any, ...]:
    data = order.data
    has_after_sale = any(
        (line.get("after_sale_info") or {}).get("after_sale_status") for line in data["sku_order_list"]
    )
    return (
        data["order_id"],
        data["order_status"],
        data["create_time"],
        data["update_time"],
        data["exp_ship_time"],
        order.next_at(),
        int(has_after_sale),
        dumps(documented(data)),  # the answer's documented shape, however the lifecycle moved it
        dumps(order.sim),
    )


def _after_sale_row(asale: AfterSale) -> tuple[Any, ...]:
    info = asale.info
    return (
        info["aftersale_id"],
        asale.order_id,
        info["aftersale_type"],
        info["aftersale_status"],
        info["apply_time"],
        info["update_time"],
        info["status_deadline"],
        asale.next_at(),
        dumps(asale.data),
        dumps(asale.sim),
    )


class Store(SqliteStore):
    STATUS_TABLES = ("orders", "after_sales")

    def __init__(self, path: Path) -> None:
        super().__init__(path, SCHEMA)
        detail.lift_buyer_words(self.db)  # a store from before the List item lost them

    def replace_all(
        self, orders: Sequence[Order], after_sales: Sequence[AfterSale], meta: dict[str, Any]
    ) -> None:
        """Throw the shop away and store a new one (reset)."""
        with self.transaction():
            for table in RESET_TABLES:
                self.db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            self.db.execute("DELETE FROM sqlite_sequence WHERE name = 'ledger'")
            self.db.executemany("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?,?)", map(_order_row, orders))
            self.db.executemany(
                "INSERT INTO after_sales VALUES (?,?,?,?,?,?,?,?,?,?)", map(_after_sale_row, after_sales)
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO tracking VALUES (?, ?)",
                (
                    (info["tracking_no"], order.id)
                    for order in orders
                    for info in order.data["logistics_info"]
                ),
            )
            self.db.executemany(
                "INSERT INTO meta VALUES (?, ?)", ((k, json.dumps(v)) for k, v in meta.items())
            )

    # --- entities ----------------------------------------------------------------------
    def order(self, order_id: str) -> Order | None:
        with self.lock:
            row = self.db.execute("SELECT data, sim FROM orders WHERE order_id = ?", (order_id,)).fetchone()
        return Order(json.loads(row[0]), json.loads(row[1])) if row else None

    def order_json(self, order_id: str) -> str | None:
        with self.lock:
            row = self.db.execute("SELECT data FROM orders WHERE order_id = ?", (order_id,)).fetchone()
        return row[0] if row else None

    def save_order(self, order: Order) -> None:
        with self.lock:
            self.db.execute("INSERT OR REPLACE INTO orders VALUES (?,?,?,?,?,?,?,?,?)", _order_row(order))
            for info in order.data["logistics_info"]:
                self.db.execute(
                    "INSERT OR IGNORE INTO tracking VALUES (?, ?)", (info["tracking_no"], order.id)
                )

    def after_sale(self, aftersale_id: str) -> AfterSale | None:
        with self.lock:
            row = self.db.execute(
                "SELECT data, sim FROM after_sales WHERE aftersale_id = ?", (aftersale_id,)
            ).fetchone()
        return AfterSale(json.loads(row[0]), json.loads(row[1])) if row else None

    def after_sale_json(self, aftersale_id: str) -> str | None:
        with self.lock:
            row = self.db.execute(
                "SELECT data FROM after_sales WHERE aftersale_id = ?", (aftersale_id,)
            ).fetchone()
        return row[0] if row else None

    def after_sales_of_order(self, order_id: str) -> list[AfterSale]:
        with self.lock:
            rows = self.db.execute(
                "SELECT data, sim FROM after_sales WHERE order_id = ? ORDER BY aftersale_id", (order_id,)
            ).fetchall()
        return [AfterSale(json.loads(data), json.loads(sim)) for data, sim in rows]

    def save_after_sale(self, asale: AfterSale) -> None:
        with self.lock:
            self.db.execute(
                "INSERT OR REPLACE INTO after_sales VALUES (?,?,?,?,?,?,?,?,?,?)", _after_sale_row(asale)
            )

    def tracking_owner(self, tracking_no: str) -> str | None:
        with self.lock:
            row = self.db.execute(
                "SELECT order_id FROM tracking WHERE tracking_no = ?", (tracking_no,)
            ).fetchone()
        return row[0] if row else None

    # --- queries -------------------------------------------------------------------------
    def search(
        self,
        table: str,
        where: list[str],
        args: list[Any],
        order_by: list[tuple[str, bool]],
        limit: int,
        offset: int,
    ) -> tuple[int, list[str]]:
        """Total and one page of JSON payloads; `table` and column names come from fixed lists."""
        clause = " AND ".join(where) or "1"
        key = "order_id" if table == "orders" else "aftersale_id"
        ordering = ", ".join(f"{column} {'ASC' if asc else 'DESC'}" for column, asc in order_by)
        # The id breaks ties the same way on every page, so offset paging over equal times is stable.
        ordering = f"{ordering}, {key} {'ASC' if not order_by or order_by[0][1] else 'DESC'}"
        with self.lock:
            total = self.db.execute(f"SELECT count(*) FROM {table} WHERE {clause}", args).fetchone()[0]  # noqa: S608
            rows = self.db.execute(
                f"SELECT data FROM {table} WHERE {clause} ORDER BY {ordering} LIMIT ? OFFSET ?",  # noqa: S608
                [*args, limit, offset],
            ).fetchall()
        return total, [row[0] for row in rows]

    def due(self, table: str, now: int, limit: int = 500) -> list[tuple[str, int]]:
        key = "order_id" if table == "orders" else "aftersale_id"
        with self.lock:
            return self.db.execute(
                f"SELECT {key}, next_at FROM {table} WHERE next_at IS NOT NULL AND next_at <= ? "  # noqa: S608
                f"ORDER BY next_at, {key} LIMIT ?",
                (now, limit),
            ).fetchall()

    # --- pictures of the material centre (material.py), served at their byte_url ---------------
    def save_image(self, name: str, content_type: str, data: bytes, at: int) -> None:
        """Keep an image under its content address; the same name again changes nothing."""
        with self.lock:
            self.db.execute(
                "INSERT OR IGNORE INTO images VALUES (?, ?, ?, ?)", (name, content_type, data, at)
            )

    def image(self, name: str) -> tuple[bytes, str] | None:
        """(bytes, content type) of an uploaded image, or None."""
        with self.lock:
            row = self.db.execute("SELECT data, content_type FROM images WHERE name = ?", (name,)).fetchone()
        return (bytes(row[0]), row[1]) if row else None

    def has_image(self, name: str) -> bool:
        with self.lock:
            return self.db.execute("SELECT 1 FROM images WHERE name = ?", (name,)).fetchone() is not None

    # --- tokens -------------------------------------------------------------------------------
    def token(self, column: str, value: str) -> dict[str, Any] | None:
        assert column in ("access_token", "refresh_token")
        with self.lock:
            cursor = self.db.execute(f"SELECT * FROM tokens WHERE {column} = ?", (value,))  # noqa: S608
            row = cursor.fetchone()
            names = [description[0] for description in cursor.description]
        return dict(zip(names, row, strict=True)) if row else None

    def newest_token(self, app_key: str, shop_id: str) -> dict[str, Any] | None:
        with self.lock:
            cursor = self.db.execute(
                "SELECT * FROM tokens WHERE app_key = ? AND shop_id = ? "
                "ORDER BY issued_at DESC, rowid DESC LIMIT 1",
                (app_key, shop_id),
            )
            row = cursor.fetchone()
            names = [description[0] for description in cursor.description]
        return dict(zip(names, row, strict=True)) if row else None

    def save_token(self, token: dict[str, Any]) -> None:
        with self.lock:
            self.db.execute(
                "INSERT OR REPLACE INTO tokens (access_token, refresh_token, app_key, shop_id, expires_at,"
                " refresh_expires_at, issued_at) VALUES (:access_token, :refresh_token, :app_key,"
                " :shop_id, :expires_at, :refresh_expires_at, :issued_at)",
                token,
            )
