"""TikTok Shop's records read into the mirror's rows: the documented answers of
tests/contract/tiktok (orders, returns, cancellations, a return's records) give exact money in
their currency, the dispatch deadline, the shop's deadline, kinds and states in the app's words,
TikTok's codes kept verbatim; a record of the wrong shape is a MalformedRecord saying what is
wrong and whose it is."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from app.core.vocabulary import (
    ArbitrationState,
    CancelFault,
    OrderState,
    RefundState,
    RequestKind,
    RequestState,
)
from app.platforms.port import Mover, ShopMove
from app.platforms.records import (
    BAD_UPDATE_TIME,
    NO_ID,
    NO_UPDATE_TIME,
    NOT_A_RECORD,
    MalformedAnswer,
    MalformedRecord,
)
from app.platforms.tiktok import history, parse

FIXTURES = Path(__file__).parent / "contract" / "tiktok"
SYNCED = 1_796_700_000


def answer(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.answer.json").read_text(encoding="utf-8"))["data"]


def orders() -> list[dict[str, Any]]:
    return answer("orders.search")["orders"]


def order(order_id: str) -> dict[str, Any]:
    return copy.deepcopy(next(o for o in orders() if o["id"] == order_id))


def returns() -> list[dict[str, Any]]:
    return answer("returns.search")["return_orders"]


def cancellation() -> dict[str, Any]:
    return copy.deepcopy(answer("cancellations.search")["cancellations"][0])


# --- orders ----------------------------------------------------------------------------------
def test_an_order_awaiting_shipment_reads_its_money_exactly_in_dollars_and_its_dispatch_deadline() -> None:
    page = parse.parse_order(order("578316230155960002"), 0, SYNCED)
    (row,) = page.orders
    # payment: 21.00 of goods + 5.99 shipping, 2.50 + 5.99 off, 1.48 tax: paid 19.98
    assert (row["order_amount"], row["promotion_amount"], row["post_amount"], row["pay_amount"]) == (
        2699,
        849,
        599,
        1998,
    )
    assert row["currency"] == "USD"
    assert row["order_amount"] - row["promotion_amount"] + 148 == row["pay_amount"]  # the tax on top
    assert row["exp_ship_time"] == 1796740200  # rts_sla_time, not the later auto-cancel deadlines
    assert (row["state"], row["status"], row["status_desc"]) == (
        OrderState.AWAITING_SHIPMENT,
        0,
        "AWAITING_SHIPMENT",
    )
    assert (row["ship_time"], row["pickup_time"], row["receipt_time"]) == (
        None,
        None,
        None,
    )  # 0 and "" are unset
    assert row["cancel_fault"] is None
    assert page.parcels == []
    (line,) = page.lines
    assert (line["origin_amount"], line["pay_amount"], line["item_num"], line["sku_code"]) == (
        2100,
        1850,
        1,
        "JASMINE-PEARL-100",
    )


def test_a_delivered_order_counts_two_line_items_as_two_units_with_one_parcel_the_carrier_scanned() -> None:
    record = order("578316230155960001")
    page = parse.parse_order(record, 0, SYNCED)
    (row,) = page.orders
    assert row["state"] == OrderState.DELIVERED
    assert row["items_summary"].endswith(" ×2")
    assert len(page.lines) == 2 and {line["item_num"] for line in page.lines} == {1}
    (parcel,) = page.parcels
    assert (parcel["tracking_no"], parcel["company_name"]) == (record["tracking_number"], "USPS")
    assert (
        row["ship_time"] == record["rts_time"] and parcel["ship_time"] == record["line_items"][0]["rts_time"]
    )
    assert row["pickup_time"] == parcel["pickup_time"] == record["collection_time"]
    assert row["receipt_time"] == record["delivery_time"]


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("UNPAID", OrderState.UNPAID),
        ("ON_HOLD", OrderState.ON_HOLD),
        ("PARTIALLY_SHIPPING", OrderState.PARTLY_SHIPPED),
        ("AWAITING_COLLECTION", OrderState.SHIPPED),
        ("IN_TRANSIT", OrderState.SHIPPED),
        ("COMPLETED", OrderState.COMPLETED),
        ("CANCELLED", OrderState.CANCELLED),
        ("SOMETHING_NEW", None),  # kept verbatim, no word guessed
    ],
)
def test_every_order_status_is_kept_verbatim_beside_its_word(status: str, state: OrderState | None) -> None:
    (row,) = parse.parse_order({**order("578316230155960002"), "status": status}, 0, SYNCED).orders
    assert (row["status_desc"], row["state"]) == (status, state)


@pytest.mark.parametrize(
    ("initiator", "reason", "fault"),
    [
        ("SELLER", "Pricing error", CancelFault.SELLER),
        ("SELLER", "Out of stock", CancelFault.SELLER),
        ("SELLER", "Buyer requested cancellation", CancelFault.BUYER),
        ("BUYER", "No longer needed", CancelFault.BUYER),
        ("BUYER", "Item wasn't shipped on time", CancelFault.SELLER),
        ("SYSTEM", "Automatically cancelled due to collection time out", CancelFault.SELLER),
        ("SYSTEM", "Buyer payment overdue", CancelFault.BUYER),  # never paid: not the seller's
        ("SYSTEM", "Package lost", CancelFault.PLATFORM),
        ("OPERATOR", "Failed to pass risk review", CancelFault.PLATFORM),
        ("", "", None),
    ],
)
def test_a_cancelled_order_says_whose_fault_it_was(
    initiator: str, reason: str, fault: CancelFault | None
) -> None:
    record = {**order("578316230155960002"), "status": "CANCELLED"}
    record.update(cancellation_initiator=initiator, cancel_reason=reason)
    (row,) = parse.parse_order(record, 0, SYNCED).orders
    assert row["cancel_fault"] == fault


def test_money_is_read_by_the_currency_s_own_minor_unit() -> None:
    record = order("578316230155960002")
    record["payment"] = {"currency": "JPY", "total_amount": "2980", "original_total_product_price": "2980"}
    for line in record["line_items"]:
        line.update(currency="JPY", original_price="2980", sale_price="2980")
    (row,) = parse.parse_order(record, 0, SYNCED).orders
    assert (row["pay_amount"], row["order_amount"], row["currency"]) == (2980, 2980, "JPY")


# --- returns and cancellations ------------------------------------------------------------------
def test_a_refund_only_request_awaits_the_shop_until_its_deadline() -> None:
    row = parse.parse_request(returns()[0], 0, SYNCED)
    assert (row["aftersale_id"], row["order_id"], row["related_id"]) == (
        "4036701234567890001",
        "578316230155960001",
        "578316230156025601",
    )
    assert (row["kind"], row["state"], row["refund_state"]) == (
        RequestKind.REFUND_AFTER_SHIPMENT,
        RequestState.AWAITING_SHOP,
        RefundState.PENDING,
    )
    assert (row["type"], row["status"], row["type_code"], row["status_code"]) == (
        0,
        0,
        "REFUND",
        "RETURN_OR_REFUND_REQUEST_PENDING",
    )
    assert row["status_deadline"] == 1796634760  # seller_next_action_response[].deadline
    assert (row["refund_amount"], row["refund_post_amount"], row["currency"]) == (1998, 0, "USD")
    assert row["arbitration"] == ArbitrationState.NONE
    assert row["reason_text"] == "Damaged item or packaging"


def test_a_returned_parcel_awaits_inspection_with_its_tracking_number() -> None:
    row = parse.parse_request(returns()[1], 1, SYNCED)
    assert (row["kind"], row["state"]) == (
        RequestKind.RETURN_AND_REFUND,
        RequestState.RETURN_AWAITING_INSPECTION,
    )
    assert (row["return_tracking_no"], row["return_company_name"]) == ("9202090153540012345678", "USPS")
    assert row["status_deadline"] == 1797422400


def test_a_buyer_s_cancellation_before_shipment_is_a_refund_before_shipment_awaiting_the_shop() -> None:
    row = parse.parse_request(cancellation(), 0, SYNCED)
    assert (row["aftersale_id"], row["kind"], row["state"]) == (
        "4036709876543200001",
        RequestKind.REFUND_BEFORE_SHIPMENT,
        RequestState.AWAITING_SHOP,
    )
    assert (row["type_code"], row["status_code"], row["status_deadline"]) == (
        "BUYER_CANCEL",
        "CANCELLATION_REQUEST_PENDING",
        1796784000,
    )
    assert (row["refund_amount"], row["currency"], row["product_name"]) == (
        1998,
        "USD",
        "Hand-Rolled Jasmine Pearl Green Tea, 100 g Tin",
    )
    # Returns and cancellations make rows of the same columns: one page stores both.
    assert row.keys() == parse.parse_request(returns()[0], 0, SYNCED).keys()


def test_a_cancellation_granted_is_refunded_and_one_made_by_the_shop_cancels_the_order() -> None:
    granted = parse.parse_request(
        {**cancellation(), "cancel_status": "CANCELLATION_REQUEST_COMPLETE"}, 0, SYNCED
    )
    assert (granted["state"], granted["refund_state"], granted["status_deadline"]) == (
        RequestState.REFUNDED,
        RefundState.SUCCEEDED,
        1796784000,
    )
    made = {
        **cancellation(),
        "cancel_type": "CANCEL",
        "role": "SELLER",
        "cancel_status": "CANCELLATION_REQUEST_SUCCESS",
    }
    row = parse.parse_request(made, 0, SYNCED)
    assert (row["kind"], row["state"]) == (RequestKind.CANCELLED_BY_SHOP, RequestState.ORDER_CANCELLED)


def test_a_return_in_arbitration_keeps_its_code_beside_the_word() -> None:
    row = parse.parse_request({**returns()[0], "arbitration_status": "SUPPORT_SELLER"}, 0, SYNCED)
    assert (row["arbitration_code"], row["arbitration"]) == (
        "SUPPORT_SELLER",
        ArbitrationState.DECIDED_FOR_SHOP,
    )


# --- a return re-read, with its history ---------------------------------------------------------
def test_a_return_re_read_carries_its_history_and_the_buyer_s_pictures() -> None:
    records = answer("returns.records")
    reread = parse.read_reread(returns()[0], records, "4036701234567890001", SYNCED)
    assert reread.row["state"] == RequestState.AWAITING_SHOP
    assert json.loads(reread.row["evidence"]) == [records["records"][0]["images"][0]["url"]]
    assert reread.history is not None
    assert [(entry.at, entry.mover) for entry in reread.history] == [(1796461960, Mover.BUYER)]
    with pytest.raises(MalformedAnswer):
        parse.read_reread(returns()[1], records, "4036701234567890001", SYNCED)


def test_the_history_names_who_moved_in_any_case_and_what_the_seller_did_oldest_first() -> None:
    records = [
        {"event": "ORDER_RETURN", "role": "Buyer", "create_time": 100},
        {"event": "REJECT_REFUND", "role": "SELLER", "create_time": 300},
        {"event": "APPROVE_RETURN", "role": "SELLER", "create_time": 200},
        {"event": "SELLER_UPLOADED_PROOF", "role": "SELLER", "create_time": 300},
        {"event": "ISSUE_REPLACEMENT_REFUND", "role": "SELLER", "create_time": 350},
        {"event": "AUTO_APPROVE", "role": "SYSTEM", "create_time": 400},
        {"event": "ARBITRATION", "role": "OPERATOR", "create_time": 500},
        {"event": "X", "role": "COURIER", "create_time": 600},
    ]
    entries = history.history_of({"records": records})
    assert entries is not None
    assert [(e.at, e.place, e.mover, e.shop_move) for e in entries] == [
        (100, 0, Mover.BUYER, None),
        (200, 2, Mover.SHOP, ShopMove.AGREED),
        (300, 1, Mover.SHOP, ShopMove.REFUSED),
        (300, 3, Mover.SHOP, ShopMove.OTHER),
        (350, 4, Mover.SHOP, ShopMove.AGREED),  # declines the replacement by refunding: the approve call
        (400, 5, Mover.PLATFORM, None),
        (500, 6, Mover.PLATFORM, None),
        (600, 7, None, None),
    ]
    assert history.history_of([{"role": "BUYER", "create_time": "soon"}]) is None  # cannot be placed
    assert history.history_of([]) is None and history.history_of(None) is None


# --- malformed records ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda r: ["not", "a", "record"], NOT_A_RECORD),
        (lambda r: {**r, "id": ""}, NO_ID),
        (lambda r: {k: v for k, v in r.items() if k != "update_time"}, NO_UPDATE_TIME),
        (lambda r: {**r, "update_time": "yesterday"}, BAD_UPDATE_TIME),
        (lambda r: {**r, "payment": {**r["payment"], "total_amount": "19.985"}}, ""),  # finer than a cent
        (lambda r: {**r, "payment": {**r["payment"], "total_amount": "19,98"}}, ""),
        (lambda r: {**r, "payment": {**r["payment"], "currency": "US"}}, ""),
        (lambda r: {**r, "line_items": [{**r["line_items"][0], "currency": "EUR"}]}, ""),  # mixed currencies
        (lambda r: {**r, "line_items": "none"}, ""),
        (lambda r: {**r, "status": ""}, ""),
    ],
)
def test_an_order_of_the_wrong_shape_is_malformed_with_its_problem_and_identity(
    change: Any, problem: str
) -> None:
    with pytest.raises(MalformedRecord) as caught:
        parse.parse_order(change(order("578316230155960002")), 0, SYNCED)
    assert caught.value.problem == problem
    if problem not in (NOT_A_RECORD, NO_ID):
        assert caught.value.record_id == "578316230155960002"
    if problem not in (NOT_A_RECORD, NO_UPDATE_TIME, BAD_UPDATE_TIME):
        assert caught.value.update_time == 1796611200


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda r: "4036709876543200001", NOT_A_RECORD),
        (lambda r: {**r, "cancel_id": None}, NO_ID),
        (lambda r: {**r, "update_time": None}, NO_UPDATE_TIME),
        (lambda r: {**r, "update_time": 17.5}, BAD_UPDATE_TIME),
        (lambda r: {**r, "cancel_status": ""}, ""),
        (lambda r: {**r, "refund_amount": {**r["refund_amount"], "refund_total": "lots"}}, ""),
        (lambda r: {**r, "refund_amount": {}, "cancel_line_items": []}, ""),  # no currency anywhere
        (
            lambda r: {
                **r,
                "seller_next_action_response": [{"action": "SELLER_RESPOND_CANCEL", "deadline": "x"}],
            },
            "",
        ),
        (lambda r: {**r, "order_id": ""}, ""),
    ],
)
def test_a_request_of_the_wrong_shape_is_malformed_with_its_problem(change: Any, problem: str) -> None:
    with pytest.raises(MalformedRecord) as caught:
        parse.parse_request(change(cancellation()), 0, SYNCED)
    assert caught.value.problem == problem
    if problem == "":
        assert (caught.value.record_id, caught.value.update_time) == ("4036709876543200001", 1796611200)


def test_a_return_without_its_id_is_set_aside_as_one_without_an_id() -> None:
    record = {k: v for k, v in returns()[0].items() if k != "return_id"}
    with pytest.raises(MalformedRecord) as caught:
        parse.parse_request(record, 3, SYNCED)
    assert (caught.value.problem, caught.value.update_time) == (NO_ID, 1796461960)


# --- what the sandbox store (written apart, from the public record) holds ---------------------
def test_every_record_of_a_sandbox_shop_reads_with_the_app_s_word_for_every_code(tmp_path: Path) -> None:
    from app.sandbox.tiktok import generator
    from app.sandbox.tiktok.store import Store

    store = Store(tmp_path / "shop.sqlite")
    generator.new_shop(store, 11, SYNCED, 300, {})
    _total, order_records = store.search_orders(limit=100_000)
    _total, return_records = store.search_returns(limit=100_000)
    _total, cancel_records = store.search_cancellations(limit=100_000)
    store.close()
    rows = [parse.parse_order(json.loads(text), 0, SYNCED).orders[0] for text in order_records]
    assert len(rows) >= 300
    assert all(row["state"] is not None and row["currency"] == "USD" for row in rows)
    to_ship = [row for row in rows if row["state"] == OrderState.AWAITING_SHIPMENT]
    assert to_ship and all(row["exp_ship_time"] for row in to_ship)
    requests = [parse.parse_request(json.loads(text), 0, SYNCED) for text in return_records + cancel_records]
    assert requests and all(row["kind"] in set(RequestKind) for row in requests)
    assert all(row["arbitration"] in set(ArbitrationState) for row in requests)
    assert all(
        row["state"] is not None for row in requests if row["status_code"] != "AWAITING_BUYER_RESPONSE"
    )
    waiting = [row for row in requests if row["state"] == RequestState.AWAITING_SHOP]
    assert all(row["status_deadline"] for row in waiting)
