"""What every dialect's store shares: one SQLite file behind one lock.

Owns the connection (WAL, one connection guarded by one lock: the sandbox serves one
desk, and serialising keeps transactions simple), transactions, the key/value meta table
(seed, id sequence, settings, clock offset), the ledger of applied operations that the
control surface reads, small counting queries and the compact JSON every store writes.
Each dialect's `Store` (app/sandbox/<name>/store.py) adds its schema's tables and queries.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar, Self

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
LEDGER_COLUMNS = ("seq", "at", "actor", "method", "entity_id", "params", "outcome")


def dumps(value: Any) -> str:
    """Compact JSON, as stored and spliced into answers."""
    return _ENCODER.encode(value)


class SqliteStore:
    # The tables with a `status` column that `counts_by_status` may count.
    STATUS_TABLES: ClassVar[tuple[str, ...]] = ()

    def __init__(self, path: Path, schema: str) -> None:
        self.path = Path(path)
        self.lock = threading.RLock()
        self.db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(schema)

    def close(self) -> None:
        with self.lock:
            self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[Self]:
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    # --- meta --------------------------------------------------------------------------
    def meta(self, key: str, default: Any = None) -> Any:
        with self.lock:
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_meta(self, key: str, value: Any) -> None:
        with self.lock:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value)))

    def is_empty(self) -> bool:
        return self.meta("seed") is None

    # --- counting ----------------------------------------------------------------------
    def ids(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        with self.lock:
            return [row[0] for row in self.db.execute(sql, args).fetchall()]

    def count(self, sql: str, args: Sequence[Any] = ()) -> int:
        with self.lock:
            return int(self.db.execute(sql, args).fetchone()[0])

    def counts_by_status(self, table: str) -> dict[str, int]:
        assert table in self.STATUS_TABLES, table
        with self.lock:
            rows = self.db.execute(f"SELECT status, count(*) FROM {table} GROUP BY status").fetchall()  # noqa: S608
        return {str(status): n for status, n in rows}

    # --- ledger: every operation the platform applied, for the tests' exactly-once checks ---
    def ledger_append(
        self, at: int, actor: str, method: str, entity_id: str, params: Any, outcome: Any
    ) -> None:
        with self.lock:
            self.db.execute(
                "INSERT INTO ledger (at, actor, method, entity_id, params, outcome) VALUES (?,?,?,?,?,?)",
                (at, actor, method, entity_id, dumps(params), dumps(outcome)),
            )

    def ledger_since(self, seq: int, limit: int = 5000) -> list[dict[str, Any]]:
        with self.lock:
            rows = self.db.execute(
                f"SELECT {', '.join(LEDGER_COLUMNS)} FROM ledger WHERE seq > ? ORDER BY seq LIMIT ?",  # noqa: S608
                (seq, limit),
            ).fetchall()
        entries = [dict(zip(LEDGER_COLUMNS, row, strict=True)) for row in rows]
        for entry in entries:
            entry["params"], entry["outcome"] = json.loads(entry["params"]), json.loads(entry["outcome"])
        return entries
