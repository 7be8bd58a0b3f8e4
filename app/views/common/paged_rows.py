"""Rows of a big table, read a page at a time as the person scrolls to them.

Owns `PagedRows`, what the orders table and the refund queue keep instead of a list
of every row: the ordered keys of every matching row (ids — plain strings, which
Python's collector never scans, so 100k of them cost the GUI thread nothing) and the
full rows of the pages Qt has asked about, read through the screen's `fetch`
(a primary-key read of `page_rows` rows, a few milliseconds). Building 100k row
objects on every refresh was what paused the window while a sync streamed in: each
batch had to be traced by a garbage collection on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

Row = TypeVar("Row")

PAGE_ROWS = 100  # rows read per page; a screen shows about 40

# Full rows for some keys, in any order, each knowing its key through `key_of`.
Fetch = Callable[[list[str]], Sequence[Row]]


class PagedRows(Generic[Row]):
    def __init__(
        self, key_of: Callable[[Row], str], fetch: Fetch | None = None, page_rows: int = PAGE_ROWS
    ) -> None:
        self._key_of = key_of
        self._fetch = fetch
        self._page_rows = page_rows
        self._keys: list[str] = []
        self._loaded: dict[str, Row | None] = {}  # None: gone from the database since the keys
        self._position: dict[Hashable, int] | None = None

    def reset(self, keys: Sequence[str], rows: Sequence[Row] = ()) -> None:
        """New keys in display order, and the rows already read (the pages on screen)."""
        self._keys = keys if isinstance(keys, list) else list(keys)
        self._loaded = {self._key_of(row): row for row in rows}
        self._position = None

    def __len__(self) -> int:
        return len(self._keys)

    def keys(self) -> list[str]:
        return self._keys

    def key_at(self, position: int) -> str | None:
        return self._keys[position] if 0 <= position < len(self._keys) else None

    def position_of(self, key: str) -> int | None:
        if self._position is None:
            self._position = {k: i for i, k in enumerate(self._keys)}
        return self._position.get(key)

    def row_at(self, position: int) -> Row | None:
        """The full row at `position`, reading its page first if need be (None if gone)."""
        key = self.key_at(position)
        if key is None:
            return None
        if key not in self._loaded:
            self._load_page(position)
        return self._loaded.get(key)

    def replace(self, row: Row) -> bool:
        """Put a fresher copy of a row in place (a local change shown at once)."""
        key = self._key_of(row)
        if self.position_of(key) is None:
            return False
        self._loaded[key] = row
        return True

    def loaded_count(self) -> int:
        return len(self._loaded)

    def page_range(self, position: int, pages: int = 1) -> list[str]:
        """The keys of the `pages` pages from the one holding `position` (to read ahead)."""
        first = max(0, position) - max(0, position) % self._page_rows
        return self._keys[first : first + pages * self._page_rows]

    def _load_page(self, position: int) -> None:
        wanted = [key for key in self.page_range(position) if key not in self._loaded]
        found = {self._key_of(row): row for row in self._fetch(wanted)} if self._fetch else {}
        for key in wanted:
            self._loaded[key] = found.get(key)
