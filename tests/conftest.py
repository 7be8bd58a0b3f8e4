"""Shared fixtures: Qt runs offscreen, and a started sandbox store per test that wants one."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from app.sandbox.server import SandboxServer  # noqa: E402

# Database fixtures (SQLite and PostgreSQL) and the window fixtures, for every test module.
pytest_plugins = ["tests.fixtures_db", "tests.fixtures_views"]


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    """A small, quiet shop (300 orders of history, no live traffic) on a free port."""
    server = SandboxServer(tmp_path / "sandbox.sqlite", port=0, seed=7, live=False, history_orders=300)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sandbox_url(sandbox: SandboxServer) -> str:
    return sandbox.url


FULL_COLLECTION_EVERY = 50
_tests_since_full_collection = 0


@pytest.fixture(autouse=True)
def collect_garbage_on_the_main_thread() -> Iterator[None]:
    """As the app does (app/views/shell/main_thread_gc.py): no automatic collection, which could
    free a test's closed widgets on a worker thread and leave Qt a dangling timer; instead,
    after each test, closed widgets are deleted and cycles collected here."""
    gc.disable()
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # The young generations after every test (a test's own cycles), everything every 50th:
    # a full collection walks every object the worker still holds, and after a thousand
    # tests that cost 0.3 s a test.
    global _tests_since_full_collection
    _tests_since_full_collection += 1
    if _tests_since_full_collection >= FULL_COLLECTION_EVERY:
        _tests_since_full_collection = 0
        gc.collect()
    else:
        gc.collect(1)
