"""The refund queue pages lazily: opening it reads the order of every waiting request
but full rows only for what is on screen; scrolling reads the next page; a request
that disappears between the two reads leaves an empty row, not a crash; and the
lazily paged model still keeps Qt's model contract."""

from __future__ import annotations

from sqlalchemy import delete

from app.models import AfterSale
from app.services.refunds.queue import list_queue, list_queue_keys, queue_rows
from app.views.common.paged_rows import PAGE_ROWS
from app.views.refunds.queue_columns import COL_AMOUNT
from app.views.refunds.queue_model import RefundQueueModel
from app.views.refunds.queue_view import RefundQueueView
from tests.builders import HOUR, NOW, after_sale_row, order_row, seed

WAITING = 2 * PAGE_ROWS + 50


def seed_many(session_factory) -> list[str]:
    orders = [order_row(pay_amount=1_000 + n) for n in range(WAITING)]
    requests = [
        after_sale_row(order, status_deadline=NOW + HOUR + n * 60, apply_time=NOW - HOUR)
        for n, order in enumerate(orders)
    ]
    seed(session_factory, orders=orders, after_sales=requests)
    return [request["aftersale_id"] for request in requests]


def reader(session_factory, calls: list[list[str]]):
    def read(ids: list[str]):
        calls.append(list(ids))
        with session_factory() as session:
            return queue_rows(session, ids, now=NOW)

    return read


def test_keys_and_rows_read_apart_agree_with_the_whole_list(session_factory) -> None:
    ids = seed_many(session_factory)
    with session_factory() as session:
        keys = list_queue_keys(session, now=NOW)
        whole = list_queue(session, now=NOW)
        some = queue_rows(session, [ids[5], "no-such-request", ids[2]], now=NOW)
    assert [key.aftersale_id for key in keys] == [row.aftersale_id for row in whole] == ids
    assert [key.status_deadline for key in keys] == [row.status_deadline for row in whole]
    assert [row.aftersale_id for row in some] == [ids[5], ids[2]]  # asked order, unknown left out


def test_the_model_reads_a_page_only_when_a_row_of_it_is_asked_for(session_factory) -> None:
    ids = seed_many(session_factory)
    calls: list[list[str]] = []
    model = RefundQueueModel(clock=lambda: NOW, fetch_rows=reader(session_factory, calls))
    with session_factory() as session:
        keys = list_queue_keys(session, now=NOW)
        first_page = queue_rows(session, ids[:PAGE_ROWS], now=NOW)
    model.set_keys(keys, first_page)

    assert model.rowCount() == WAITING
    assert model.index(3, COL_AMOUNT).data() == "¥10.03"
    assert calls == []  # the first page came with the keys
    assert model.index(WAITING - 1, COL_AMOUNT).data() == f"¥{(1_000 + WAITING - 1) / 100:.2f}"
    assert calls == [ids[2 * PAGE_ROWS :]]  # only the last page, once
    model.index(WAITING - 2, COL_AMOUNT).data()
    assert len(calls) == 1
    assert model.loaded_count() == PAGE_ROWS + (WAITING - 2 * PAGE_ROWS)


def test_a_request_gone_between_the_reads_shows_an_empty_row(session_factory) -> None:
    ids = seed_many(session_factory)
    model = RefundQueueModel(clock=lambda: NOW, fetch_rows=reader(session_factory, []))
    with session_factory() as session:
        model.set_keys(list_queue_keys(session, now=NOW))
    with session_factory.begin() as session:
        session.execute(delete(AfterSale).where(AfterSale.aftersale_id == ids[1]))
    assert model.row_at(1) is None
    assert model.index(1, COL_AMOUNT).data() is None
    assert model.row_at(2) is not None


def test_the_paged_model_keeps_qts_contract(qtmodeltester, english, session_factory) -> None:
    seed_many(session_factory)
    model = RefundQueueModel(clock=lambda: NOW, fetch_rows=reader(session_factory, []))
    with session_factory() as session:
        model.set_keys(list_queue_keys(session, now=NOW))
    qtmodeltester.check(model)


def test_the_screen_opens_with_the_visible_pages_read_ahead(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_many(session_factory)
    view = RefundQueueView(tasks, session_factory, owner, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1400, 700)
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.show()
    assert view.model.rowCount() == WAITING
    assert view.model.loaded_count() == 2 * PAGE_ROWS  # never the whole queue
    view.table().scrollToBottom()
    qtbot.waitUntil(lambda: view.model.loaded_count() == WAITING, timeout=5_000)
