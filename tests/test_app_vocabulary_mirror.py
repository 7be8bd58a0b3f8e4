"""The local mirror speaks the app's vocabulary, the platform's codes kept beside it.

Douyin's codes meet the app's words in one place (app/platforms/douyin/mapping.py);
its parser fills the mirror's `kind`, `state` and `currency` from there, the sync's
ingest records each status change in both, and a code the mapping does not know is
stored with no word rather than a guessed one (nobody decides on it, as before).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.core.money import Money
from app.core.vocabulary import Decision, OrderState, RequestKind, RequestState
from app.db import open_database
from app.models import AfterSale, AfterSaleStatusChange, Order, OrderLine
from app.platforms.douyin import mapping
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType, OperateType, OrderStatus
from app.platforms.douyin.parse import parse_after_sales, parse_orders
from app.platforms.records import MalformedRecord
from app.sync.ingest import store_after_sales, store_orders
from tests.sandbox_control import make_engine
from tests.test_storage import platform_after_sale, platform_order


def test_every_douyin_code_has_a_word_of_the_app() -> None:
    assert set(mapping.REQUEST_KINDS) == set(AfterSaleType)
    assert set(mapping.REQUEST_STATES) == set(AfterSaleStatus)
    assert set(mapping.ORDER_STATES) == set(OrderStatus)
    by_kind = {decision for decision, _kind in mapping.OPERATE_TYPES_BY_KIND}
    filled = {decision for decision, _kind in mapping.FILLED_LOGISTICS}
    assert set(mapping.OPERATE_TYPES) | by_kind | filled == set(Decision)
    assert set(mapping.DECISIONS) == set(OperateType)


def test_paid_and_awaiting_shipment_are_both_awaiting_shipment_for_the_app() -> None:
    assert mapping.order_state(OrderStatus.PAID) is OrderState.AWAITING_SHIPMENT
    assert mapping.order_state(OrderStatus.AWAITING_SHIPMENT) is OrderState.AWAITING_SHIPMENT


def test_a_decision_goes_to_its_operate_type_and_comes_back() -> None:
    after, before = RequestKind.REFUND_AFTER_SHIPMENT, RequestKind.REFUND_BEFORE_SHIPMENT
    assert mapping.operate_type(Decision.APPROVE_REFUND, after) is OperateType.AGREE_REFUND
    assert mapping.operate_type(Decision.APPROVE_REFUND, before) is OperateType.AGREE_REFUND_BEFORE_SHIPMENT
    returned = RequestKind.RETURN_AND_REFUND
    assert (
        mapping.operate_type(Decision.ACCEPT_RETURNED_GOODS, returned)
        is OperateType.CONFIRM_RETURN_AND_REFUND
    )
    for decision in mapping.OPERATE_TYPES:
        assert mapping.decision_of(mapping.operate_type(decision, RequestKind.RETURN_AND_REFUND)) is decision
    assert mapping.decision_of(OperateType.AGREE_REFUND_BEFORE_SHIPMENT) is Decision.APPROVE_REFUND
    with pytest.raises(KeyError):
        mapping.decision_of(999)


def test_an_unknown_code_has_no_word() -> None:
    assert mapping.request_kind(99) is None
    assert mapping.request_state(99) is None
    assert mapping.order_state(99) is None
    assert mapping.request_state(None) is None


def test_the_parser_fills_the_words_and_the_currency_beside_the_codes() -> None:
    order = platform_order(order_status=OrderStatus.PAID)
    order["sku_order_list"][0]["after_sale_info"] = {"after_sale_status": 6, "after_sale_type": 0}
    page = parse_orders([order], synced_at=1)
    assert page.orders[0]["status"] == OrderStatus.PAID
    assert (page.orders[0]["state"], page.orders[0]["currency"]) == (OrderState.AWAITING_SHIPMENT, "CNY")
    line = page.lines[0]
    assert (line["after_sale_state"], line["after_sale_kind"]) == (
        RequestState.AWAITING_SHOP,
        RequestKind.RETURN_AND_REFUND,
    )
    [row] = parse_after_sales([platform_after_sale()], synced_at=1)
    assert (row["type"], row["status"]) == (
        AfterSaleType.REFUND_BEFORE_SHIPMENT,
        AfterSaleStatus.AWAITING_MERCHANT,
    )
    assert (row["kind"], row["state"], row["currency"]) == (
        RequestKind.REFUND_BEFORE_SHIPMENT,
        RequestState.AWAITING_SHOP,
        "CNY",
    )


def test_a_line_without_an_after_sale_has_no_kind_though_its_type_is_zero() -> None:
    order = platform_order()
    order["sku_order_list"][0]["after_sale_info"] = {"after_sale_status": 0, "after_sale_type": 0}
    line = parse_orders([order], synced_at=1).lines[0]
    assert (line["after_sale_state"], line["after_sale_kind"]) == (None, None)


def test_a_record_with_an_unknown_code_is_kept_with_its_code_and_no_word(database_url: str) -> None:
    _, sessions = open_database(database_url)
    request = platform_after_sale()
    request["aftersale_info"].update(aftersale_type=42, aftersale_status=99)
    with sessions.begin() as session:
        store_orders(session, parse_orders([platform_order(order_status=77)], synced_at=1))
        store_after_sales(session, parse_after_sales([request], synced_at=1))
    with sessions() as session:
        order = session.scalars(select(Order)).one()
        stored = session.scalars(select(AfterSale)).one()
        assert (order.status, order.state) == (77, None)
        assert (stored.type, stored.kind, stored.status, stored.state) == (42, None, 99, None)


def test_a_record_of_the_wrong_shape_is_still_refused_by_the_parser() -> None:
    with pytest.raises(MalformedRecord, match="aftersale_status"):
        bad = platform_after_sale()
        bad["aftersale_info"]["aftersale_status"] = "refunded"
        parse_after_sales([bad], synced_at=1)


def test_each_status_change_is_recorded_in_the_app_words_too(database_url: str) -> None:
    _, sessions = open_database(database_url)
    first = platform_after_sale(update_time=1_000)
    refunded = platform_after_sale(update_time=2_000)
    refunded["aftersale_info"]["aftersale_status"] = AfterSaleStatus.REFUNDED
    with sessions.begin() as session:
        store_after_sales(session, parse_after_sales([first], synced_at=1))
    with sessions.begin() as session:
        store_after_sales(session, parse_after_sales([refunded], synced_at=2))
    with sessions() as session:
        changes = session.scalars(select(AfterSaleStatusChange).order_by(AfterSaleStatusChange.id)).all()
        assert [(c.from_status, c.to_status, c.from_state, c.to_state) for c in changes] == [
            (None, AfterSaleStatus.AWAITING_MERCHANT, None, RequestState.AWAITING_SHOP),
            (
                AfterSaleStatus.AWAITING_MERCHANT,
                AfterSaleStatus.REFUNDED,
                RequestState.AWAITING_SHOP,
                "refunded",
            ),
        ]
        assert session.scalars(select(AfterSale.state)).one() == RequestState.REFUNDED


def _words_match_codes(row: Any, pairs: list[tuple[str, str, Any]]) -> bool:
    return all(getattr(row, word) == convert(getattr(row, code)) for word, code, convert in pairs)


def test_a_synced_mirror_holds_every_row_in_the_words_the_mapping_gives(
    sandbox_url: str, database_url: str
) -> None:
    engine = make_engine(sandbox_url, database_url)
    engine.run_once()
    with engine._sessions() as session:
        orders = session.scalars(select(Order)).all()
        requests = session.scalars(select(AfterSale)).all()
        lines = session.scalars(select(OrderLine)).all()
        changes = session.scalars(select(AfterSaleStatusChange)).all()
        assert orders and requests and changes
        assert all(
            order.state == mapping.order_state(order.status) and order.currency == "CNY" for order in orders
        )
        assert all(order.state is not None for order in orders)
        for request in requests:
            assert _words_match_codes(
                request, [("kind", "type", mapping.request_kind), ("state", "status", mapping.request_state)]
            )
            assert request.kind is not None and request.state is not None and request.currency == "CNY"
        for line in lines:
            assert line.after_sale_state == mapping.request_state(line.after_sale_status)
        for change in changes:
            # A change replayed from the request's own history (app/sync/history_replay.py)
            # names moves, not codes: where a code is absent the word stands alone and is
            # the app's; where the platform's code is kept, the word is its mapping.
            for word, code in (("from_state", "from_status"), ("to_state", "to_status")):
                if getattr(change, code) is None:
                    assert getattr(change, word) is None or getattr(change, word) in set(RequestState)
                else:
                    assert getattr(change, word) == mapping.request_state(getattr(change, code))


def test_money_keeps_its_currency_and_never_mixes_two() -> None:
    refund = Money(4_580) + Money(800)
    assert refund == Money(5_380, "CNY")
    assert Money(500, "USD") - Money(200, "USD") == Money(300, "USD")
    with pytest.raises(ValueError, match="cannot mix"):
        Money(500, "USD") + Money(500, "CNY")
    with pytest.raises(ValueError):
        Money(1, "yuan")
    with pytest.raises(TypeError):
        Money(1.5)  # type: ignore[arg-type]
