"""The TikTok sandbox shop's life: it moves on its own, and as the seller tells it.

The platform approves at the seller's deadline, parcels are delivered, buyers send goods back,
live traffic comes in (all on a simulation clock); the seller's calls ship packages and decide
requests, each landing in the request's records and the ledger; a shipped package's label is
a real PDF.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.sandbox.clock import DAY, HOUR, SimClock
from app.sandbox.tiktok import actions, labels
from app.sandbox.tiktok.platform import Platform
from app.sandbox.tiktok.store import Store
from tests.tiktok_shop import NOW, new_store, rows, unshipped


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    shop = new_store(tmp_path / "tiktok.sqlite")
    yield shop
    shop.close()


@pytest.fixture
def platform(store: Store) -> Platform:
    clock = SimClock()
    clock.pin(NOW)
    return Platform(store, clock)


# --- the shop's life ---------------------------------------------------------------------------
def test_the_platform_approves_a_return_at_the_48_h_deadline(store: Store, platform: Platform) -> None:
    platform.run_due()
    _, found = store.search_returns(statuses=["RETURN_OR_REFUND_REQUEST_PENDING"], types=["REFUND"], limit=50)
    ret = min(
        (json.loads(row) for row in found), key=lambda r: r["seller_next_action_response"][0]["deadline"]
    )
    deadline = ret["seller_next_action_response"][0]["deadline"]
    assert deadline == ret["create_time"] + 48 * HOUR and deadline <= NOW + HOUR
    platform.clock.pin(deadline - 1)
    platform.run_due()
    assert json.loads(store.return_json(ret["return_id"]) or "{}")["return_status"] == ret["return_status"]

    platform.clock.pin(deadline + 60)
    platform.run_due()
    approved = json.loads(store.return_json(ret["return_id"]) or "{}")
    assert approved["return_status"] == "RETURN_OR_REFUND_REQUEST_SUCCESS"
    assert approved["update_time"] == deadline + 60  # a desk polling by update_time sees it
    assert approved["seller_next_action_response"] == []
    last = json.loads(store.records_json(ret["return_id"]) or "[]")[-1]
    assert (last["role"], last["event"], last["create_time"]) == ("SYSTEM", "SYSTEM_AUTO_APPROVED", deadline)
    assert any(
        e["method"] == "platform.auto_approved" and e["entity_id"] == ret["return_id"]
        for e in store.ledger_since(0)
    )

    platform.clock.pin(deadline + 3 * HOUR)  # the refund reaches the buyer
    platform.run_due()
    assert (
        json.loads(store.return_json(ret["return_id"]) or "{}")["return_status"]
        == "RETURN_OR_REFUND_REQUEST_COMPLETE"
    )


def test_a_parcel_in_transit_is_delivered_then_the_order_completes(store: Store, platform: Platform) -> None:
    order_id = store.ids("SELECT id FROM orders WHERE status = 'IN_TRANSIT' ORDER BY next_at LIMIT 1")[0]
    order = store.order(order_id)
    assert order is not None
    deliver_at = order.sim["deliver_at"]
    platform.clock.pin(deliver_at + 5)
    platform.run_due()
    delivered = store.order(order_id)
    assert delivered is not None and delivered.status == "DELIVERED"
    assert delivered.data["delivery_time"] == deliver_at and delivered.data["update_time"] == deliver_at + 5
    assert [p["status"] for p in delivered.sim["packages"]] == ["COMPLETED"]
    platform.clock.pin(deliver_at + 8 * DAY)
    platform.run_due()
    assert store.order(order_id).status == "COMPLETED"  # type: ignore[union-attr]


def test_the_seller_ships_with_a_tracking_number_used_once(store: Store) -> None:
    first = unshipped(store, "SELLER")
    # Another package of a seller-shipped order, whatever its state: the number is refused first.
    second = next(
        o
        for o in rows(store, "orders", "status != 'UNPAID'")
        if o["shipping_type"] == "SELLER" and o["id"] != first["id"]
    )
    with store.transaction():
        actions.ship_package(
            store,
            NOW,
            first["packages"][0]["id"],
            "9400111899223344556677",
            "6617675021119438849",
            idempotency_key="op-1",
        )
    shipped = store.order(first["id"])
    assert shipped is not None and shipped.status == "AWAITING_COLLECTION"
    assert (shipped.data["tracking_number"], shipped.data["shipping_provider"]) == (
        "9400111899223344556677",
        "USPS",
    )
    entry = store.ledger_since(0)[-1]
    assert (entry["method"], entry["params"]["idempotency_key"]) == ("package.ship", "op-1")
    with pytest.raises(actions.Refused) as refused:
        actions.ship_package(
            store, NOW, second["packages"][0]["id"], "9400111899223344556677", "6617675021119438849"
        )
    assert refused.value.kind == "tracking_in_use"
    with pytest.raises(actions.Refused) as again:
        actions.ship_package(
            store, NOW, first["packages"][0]["id"], "9400111899223344556678", "6617675021119438849"
        )
    assert again.value.kind == "status"


def test_seller_decisions_move_returns_and_land_in_their_records(store: Store) -> None:
    _, found = store.search_returns(statuses=["RETURN_OR_REFUND_REQUEST_PENDING"], limit=50)
    ret = json.loads(found[0])
    decision = {"REFUND": "REJECT_REFUND", "RETURN_AND_REFUND": "REJECT_RETURN"}[ret["return_type"]]
    with pytest.raises(actions.Refused) as wrong:
        actions.approve_return(store, NOW, ret["return_id"], "APPROVE_RECEIVED_PACKAGE")
    assert wrong.value.kind == "status"
    with pytest.raises(actions.Refused) as unknown:
        actions.reject_return(store, NOW, ret["return_id"], decision, "not_a_reason")
    assert unknown.value.kind == "invalid"
    reason = actions.reject_reasons(store, ret["return_id"])[0]
    actions.reject_return(
        store, NOW, ret["return_id"], decision, reason["name"], comment="Used item", idempotency_key="k"
    )
    after = json.loads(store.return_json(ret["return_id"]) or "{}")
    assert after["return_status"] == "REFUND_OR_RETURN_REQUEST_REJECT" and after["update_time"] == NOW
    last = json.loads(store.records_json(ret["return_id"]) or "[]")[-1]
    assert (last["role"], last["event"], last["reason_text"], last["note"]) == (
        "SELLER",
        decision,
        reason["text"],
        "Used item",
    )


def test_a_cancellation_before_shipment_cancels_the_order_once_approved(
    store: Store, platform: Platform
) -> None:
    _, pending = store.search_cancellations(statuses=["CANCELLATION_REQUEST_PENDING"], limit=50)
    cancel = json.loads(pending[0])
    order = store.order(cancel["order_id"])
    assert order is not None and order.data["is_buyer_request_cancel"] and order.status == "AWAITING_SHIPMENT"
    with pytest.raises(actions.Refused):  # an order with a pending cancellation does not ship
        actions.ship_package(
            store, NOW, order.data["packages"][0]["id"], "1Z0000000000000001", "6617675021119438850"
        )
    actions.approve_cancellation(store, NOW, cancel["cancel_id"])
    cancelled = store.order(cancel["order_id"])
    assert cancelled is not None and cancelled.status == "CANCELLED"
    assert cancelled.data["cancellation_initiator"] == "BUYER"
    platform.clock.pin(NOW + 3 * HOUR)
    platform.run_due()
    done = store.cancellation(cancel["cancel_id"])
    assert done is not None and done.status == "CANCELLATION_REQUEST_COMPLETE"


def test_live_traffic_makes_exactly_what_a_test_asks_for(store: Store, platform: Platform) -> None:
    made = platform.tick(new_orders=3, new_after_sales=2, after_sale_type=2)
    assert len(made["orders"]) == 3 and len(made["returns"]) == 2 and made["cancellations"] == []
    for return_id in made["returns"]:
        ret = json.loads(store.return_json(return_id) or "{}")
        assert (ret["return_type"], ret["return_status"]) == ("REPLACEMENT", "REPLACEMENT_REQUEST_PENDING")
        assert ret["seller_next_action_response"][0]["deadline"] == NOW + 24 * HOUR  # replacements: 24 h
    made = platform.tick(new_orders=0, new_after_sales=1, after_sale_type=3)
    assert len(made["cancellations"]) == 1


# --- labels ------------------------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils' pdftotext is not installed")
def test_a_shipped_package_has_a_real_pdf_label_showing_its_tracking_number(
    store: Store, tmp_path: Path
) -> None:
    order = unshipped(store, "TIKTOK")
    package_id = order["packages"][0]["id"]
    assert labels.label_pdf(store, package_id) is None  # no label before it ships
    shipped = actions.ship_package(store, NOW, package_id, handover_method="DROP_OFF")
    pdf = labels.label_pdf(store, package_id)
    assert pdf is not None and pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    (tmp_path / "label.pdf").write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "label.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert shipped["tracking_number"] in text
    assert order["recipient_address"]["name"] in text
    assert ("USPS" if shipped["shipping_provider_id"] == "6617675021119438849" else "UPS") in text


def test_the_desk_never_runs_out_of_urgent_work(store: Store, platform: Platform) -> None:
    platform.clock.pin(NOW + 12 * HOUR)  # the history's urgent work is past due by now
    platform.tick()
    now = platform.clock.now()
    ship_soon = store.count(
        "SELECT count(*) FROM orders WHERE status = 'AWAITING_SHIPMENT' "
        "AND rts_sla_time > ? AND rts_sla_time <= ?",
        (now, now + 4 * HOUR),
    )
    answer_soon = store.count(
        "SELECT count(*) FROM returns WHERE deadline > ? AND deadline <= ?", (now, now + HOUR)
    )
    assert ship_soon >= 2 and answer_soon >= 1
    # New to the desk: a poll by update_time from a moment ago finds them.
    assert store.search_returns(update_ge=now, limit=50)[0] >= 1


def test_left_alone_for_two_months_every_request_is_settled(store: Store, platform: Platform) -> None:
    platform.clock.pin(NOW + 60 * DAY)
    platform.run_due()
    waiting = ("RETURN_OR_REFUND_REQUEST_PENDING", "REPLACEMENT_REQUEST_PENDING", "AWAITING_BUYER_SHIP")
    assert not set(store.counts_by_status("returns")) & {
        *waiting,
        "BUYER_SHIPPED_ITEM",
        "RETURN_OR_REFUND_REQUEST_SUCCESS",
    }
    assert set(store.counts_by_status("cancellations")) <= {
        "CANCELLATION_REQUEST_COMPLETE",
        "CANCELLATION_REQUEST_CANCEL",
    }
    # Only the seller's own work is left: orders awaiting shipment; every parcel has arrived.
    assert set(store.counts_by_status("orders")) <= {"COMPLETED", "CANCELLED", "AWAITING_SHIPMENT"}
    methods = Counter(entry["method"] for entry in store.ledger_since(0))
    assert methods["platform.auto_approved"] and methods["platform.cancellation_auto_approved"]
    assert methods["platform.delivered"] and methods["platform.completed"]


def test_an_approved_replacement_becomes_an_order_to_ship(store: Store, platform: Platform) -> None:
    made = platform.tick(new_orders=0, new_after_sales=1, after_sale_type=2)
    return_id = made["returns"][0]
    actions.approve_return(
        store, platform.clock.now(), return_id, "APPROVE_REPLACEMENT", idempotency_key="swap"
    )
    ret = store.ret(return_id)
    assert ret is not None and ret.status == "REPLACEMENT_REQUEST_COMPLETE"
    replacement = store.order(ret.sim["replacement_order_id"])
    assert replacement is not None and replacement.status == "AWAITING_SHIPMENT"
    assert replacement.data["is_replacement_order"] and replacement.data["replaced_order_id"] == ret.order_id
    returned = {line["sku_id"] for line in ret.data["return_line_items"]}
    assert {line["sku_id"] for line in replacement.data["line_items"]} == returned
    assert replacement.data["recipient_address"] == store.order(ret.order_id).data["recipient_address"]  # type: ignore[union-attr]
    assert replacement.data["payment"]["total_amount"] == "0.00"


def test_a_returnless_refund_skips_the_parcel(store: Store) -> None:
    _, found = store.search_returns(
        statuses=["RETURN_OR_REFUND_REQUEST_PENDING"], types=["RETURN_AND_REFUND"], limit=50
    )
    if not found:  # seed 7's history holds one; say so plainly if a change ever loses it
        pytest.fail("no pending return-and-refund in seed 7's 300 orders")
    return_id = json.loads(found[0])["return_id"]
    actions.approve_return(store, NOW, return_id, "APPROVE_RETURN", buyer_keep_item=True)
    after = json.loads(store.return_json(return_id) or "{}")
    assert after["return_status"] == "RETURN_OR_REFUND_REQUEST_SUCCESS" and after["can_buyer_keep_item"]


def test_the_live_thread_brings_traffic_by_itself(store: Store, platform: Platform) -> None:
    store.set_meta("orders_per_hour", 3_600_000.0)  # about one order a millisecond of real time
    before = store.count("SELECT count(*) FROM orders")
    platform.start_live(0.01)
    try:
        deadline = time.monotonic() + 30
        while store.count("SELECT count(*) FROM orders") == before and time.monotonic() < deadline:
            time.sleep(0.01)  # waiting on the condition: new orders in the store
    finally:
        platform.stop_live()
    assert store.count("SELECT count(*) FROM orders") > before
    assert any(e["method"] == "platform.buyer_placed_order" for e in store.ledger_since(0))


def test_a_partial_refund_offer_waits_for_the_buyers_answer(store: Store, platform: Platform) -> None:
    _, found = store.search_returns(statuses=["RETURN_OR_REFUND_REQUEST_PENDING"], types=["REFUND"], limit=50)
    ret = json.loads(found[0])
    with pytest.raises(actions.Refused) as too_much:
        actions.approve_return(
            store, NOW, ret["return_id"], "OFFER_PARTIAL_REFUND", partial_refund={"amount": "99999.00"}
        )
    assert too_much.value.kind == "invalid"
    offer = {"currency": "USD", "amount": "1.50"}
    actions.approve_return(store, NOW, ret["return_id"], "OFFER_PARTIAL_REFUND", partial_refund=offer)
    offered = store.ret(ret["return_id"])
    assert offered is not None and offered.status == "AWAITING_BUYER_RESPONSE"
    assert offered.data["partial_refund"] == offer
    assert offered.data["seller_proposed_return_type"] == "PARTIAL_REFUND"
    assert offered.data["seller_next_action_response"] == []  # the buyer's turn
    platform.clock.pin(offered.sim["buyer_answer_at"] + 1)
    platform.run_due()
    answered = store.ret(ret["return_id"])
    assert answered is not None and answered.records[-1]["role"] == "BUYER"
    if answered.status == "RETURN_OR_REFUND_REQUEST_SUCCESS":  # taken: refunded that much
        assert answered.data["refund_amount"]["refund_total"] == "1.50"
    else:  # refused: the seller answers again, by a new deadline
        assert answered.status == "RETURN_OR_REFUND_REQUEST_PENDING"
        assert answered.data["buyer_rejected_partial_refund"] is True
        assert answered.deadline() == offered.sim["buyer_answer_at"] + 48 * HOUR
