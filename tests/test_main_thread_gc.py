"""The GUI-thread collector: young generations when due, and a full collection held
back while a sync runs (it would pause the window), then run once the sync is done —
or anyway, past a bound, so garbage cannot pile up for ever."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, Signal

from app.services.sync_status import SyncState, SyncStatus
from app.views.shell import main_thread_gc
from app.views.shell.main_thread_gc import THRESHOLDS, MainThreadGarbageCollector


class Worker(QObject):
    status_changed = Signal(object)


def make_full_collection_due() -> None:
    gc.collect(2)
    for _ in range(THRESHOLDS[2] + 1):
        gc.collect(1)  # each middle collection counts towards the old generation
    assert gc.get_count()[2] > THRESHOLDS[2]


def test_a_full_collection_waits_while_a_sync_runs_and_runs_after(qapp) -> None:
    collector, worker = MainThreadGarbageCollector(), Worker()
    collector.watch(worker)
    try:
        worker.status_changed.emit(SyncStatus(SyncState.SYNCING))
        make_full_collection_due()
        assert collector.collect_if_due() != 2
        worker.status_changed.emit(SyncStatus(SyncState.ONLINE))
        assert collector.collect_if_due() == 2
        assert gc.get_count()[2] == 0
    finally:
        collector.stop()


def test_past_the_bound_a_full_collection_runs_even_during_a_sync(qapp, monkeypatch) -> None:
    monkeypatch.setattr(main_thread_gc, "FULL_DEFERRED_UP_TO", THRESHOLDS[2] + 1)
    collector, worker = MainThreadGarbageCollector(), Worker()
    collector.watch(worker)
    try:
        worker.status_changed.emit(SyncStatus(SyncState.SYNCING))
        make_full_collection_due()
        gc.collect(1)
        assert collector.collect_if_due() == 2
    finally:
        collector.stop()


def test_young_objects_are_collected_when_their_threshold_is_passed(qapp) -> None:
    collector = MainThreadGarbageCollector()
    try:
        gc.collect()
        garbage = []
        for _ in range(THRESHOLDS[0] + 100):
            cycle: list = []
            cycle.append(cycle)
            garbage.append(cycle)
        del garbage, cycle
        assert collector.collect_if_due() in (0, 1)
        assert gc.get_count()[0] < THRESHOLDS[0]
    finally:
        collector.stop()
