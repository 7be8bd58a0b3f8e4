"""TikTokPlatform, the port's TikTok Shop adapter, against the TikTok sandbox over real HTTP:
windows paged by cursor without a repeat or a gap (returns and cancellations as one list),
re-reads with history, decisions and shipments applied once however often they are sent
with one idempotency key, the label PDF, and the published lists."""

from __future__ import annotations

import json
import struct
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.vocabulary import Decision, RequestKind
from app.platforms.douyin.adapter import PROBLEM_LABEL_BY_DOUYIN, DouyinPlatform
from app.platforms.douyin.client import PlatformClient, ShopCredentials
from app.platforms.port import DecisionToSend, PictureReview, PulledPage, Refused, ShipmentToSend, Window
from app.platforms.tiktok import authorise
from app.platforms.tiktok.adapter import TikTokPlatform
from app.platforms.tiktok.client import TikTokClient
from app.platforms.tiktok.shipping import (
    PROBLEM_LABEL_AFTER_SHIPPING,
    PROBLEM_NO_LABEL,
    PROBLEM_NO_SUCH_ORDER,
)
from app.sandbox.server import SandboxServer


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    path: Path = tmp_path_factory.mktemp("tiktok-adapter") / "sandbox.sqlite"
    server = SandboxServer(path, port=0, seed=11, live=False, history_orders=300, dialect="tiktok")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def platform(sandbox: SandboxServer) -> Iterator[TikTokPlatform]:
    credentials, _ = authorise(sandbox.url, sandbox.app_key, sandbox.app_secret, sandbox.auth_code)
    adapter = TikTokPlatform(TikTokClient(credentials))
    yield adapter
    adapter.close()


def ids_where(sandbox: SandboxServer, sql: str, *args: Any) -> list[str]:
    return [str(row[0]) for row in sandbox.store.db.execute(sql, args).fetchall()]


def all_pages(fetch: Any, page_size: int) -> list[PulledPage]:
    pages, cursor = [], None
    while True:
        page = fetch(Window(0), cursor, page_size)
        pages.append(page)
        cursor = page.next_page
        if cursor is None:
            return pages


def seller_entries(sandbox: SandboxServer, entity_id: str) -> list[dict[str, Any]]:
    return [
        e for e in sandbox.store.ledger_since(0) if e["entity_id"] == entity_id and e["actor"] == "seller"
    ]


def test_orders_page_through_a_window_by_cursor_never_repeating_never_skipping(
    sandbox: SandboxServer, platform: TikTokPlatform
) -> None:
    pages = all_pages(platform.changed_orders, 37)
    records = [record for page in pages for record in page.records]
    ids = [record["id"] for record in records]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(ids_where(sandbox, "SELECT id FROM orders"))
    times = [record["update_time"] for record in records]
    assert times == sorted(times)
    assert all(len(page.records) == 37 for page in pages[:-1])


def test_returns_and_cancellations_come_as_one_list_in_update_time_order(
    sandbox: SandboxServer, platform: TikTokPlatform
) -> None:
    # 7 is below the returns search's smallest page (10): the adapter asks for more and keeps the rest.
    pages = all_pages(platform.changed_requests, 7)
    records = [record for page in pages for record in page.records]
    ids = [record.get("return_id") or record.get("cancel_id") for record in records]
    assert len(ids) == len(set(ids))
    expected = ids_where(sandbox, "SELECT id FROM returns") + ids_where(
        sandbox, "SELECT id FROM cancellations"
    )
    assert set(ids) == set(expected)
    times = [record["update_time"] for record in records]
    assert times == sorted(times)
    assert all(len(page.records) == 7 for page in pages[:-1])
    # Both streams are there, each read into the app's words.
    assert any("return_id" in r for r in records) and any("cancel_id" in r for r in records)
    synced_at = int(time.time())
    for index, record in enumerate(records):
        row = platform.read_request(record, index, synced_at)
        assert row["aftersale_id"] == (record.get("return_id") or record.get("cancel_id"))


def test_a_window_with_an_end_holds_only_what_changed_in_it(platform: TikTokPlatform) -> None:
    everything = [r for page in all_pages(platform.changed_orders, 100) for r in page.records]
    middle = everything[len(everything) // 2]["update_time"]
    page = platform.changed_orders(Window(middle, middle), None, 100)
    assert page.records and all(record["update_time"] == middle for record in page.records)


def test_a_return_is_reread_with_its_records_a_cancellation_without(
    sandbox: SandboxServer, platform: TikTokPlatform
) -> None:
    synced_at = int(time.time())
    return_id = ids_where(sandbox, "SELECT id FROM returns ORDER BY update_time DESC LIMIT 1")[0]
    reread = platform.reread_request(return_id, synced_at)
    assert reread.row["aftersale_id"] == return_id
    assert reread.history, "a return's records are its history"
    assert [entry.at for entry in reread.history] == sorted(entry.at for entry in reread.history)
    cancel_id = ids_where(sandbox, "SELECT id FROM cancellations LIMIT 1")[0]
    assert platform.reread_request(cancel_id, synced_at).row["aftersale_id"] == cancel_id
    with pytest.raises(Refused):
        platform.reread_request("1", synced_at)


def test_an_order_is_reread_and_an_unknown_one_is_refused(
    sandbox: SandboxServer, platform: TikTokPlatform
) -> None:
    order_id = ids_where(sandbox, "SELECT id FROM orders LIMIT 1")[0]
    page = platform.reread_order(order_id, int(time.time()))
    assert [row["order_id"] for row in page.orders] == [order_id]
    with pytest.raises(Refused) as unknown:
        platform.reread_order("1", int(time.time()))
    assert unknown.value.problem == PROBLEM_NO_SUCH_ORDER


def test_refusal_reasons_are_those_of_the_requests_waiting_for_the_shop(
    sandbox: SandboxServer, platform: TikTokPlatform
) -> None:
    reasons = platform.refusal_reasons()
    assert reasons and all(isinstance(r.code, str) and r.code and r.reason for r in reasons)
    waiting = ids_where(sandbox, "SELECT id FROM returns WHERE status = 'RETURN_OR_REFUND_REQUEST_PENDING'")
    one = {str(r.code) for r in platform.refusal_reasons_for(waiting[0])}
    assert one <= {str(r.code) for r in reasons}


def test_carriers_are_the_providers_of_the_shops_delivery_options(platform: TikTokPlatform) -> None:
    carriers = platform.carriers()
    assert carriers
    assert all(c.code == c.id and c.name for c in carriers)
    assert len({c.id for c in carriers}) == len(carriers)


def test_a_decision_sent_twice_with_one_key_is_applied_once(
    sandbox: SandboxServer, platform: TikTokPlatform
) -> None:
    return_id = ids_where(
        sandbox,
        "SELECT id FROM returns WHERE type = 'REFUND' AND status = 'RETURN_OR_REFUND_REQUEST_PENDING'",
    )[0]
    decision = DecisionToSend(return_id, Decision.APPROVE_REFUND, 0, RequestKind.REFUND_AFTER_SHIPMENT)
    first = platform.decide(decision, "op-approve-1")
    again = platform.decide(decision, "op-approve-1")  # its answer was lost, say: sent again
    assert first == again
    assert len(seller_entries(sandbox, return_id)) == 1
    # The same decision under another key meets a request that moved on: re-read, not refused outright.
    with pytest.raises(Refused) as moved:
        platform.decide(decision, "op-approve-2")
    assert moved.value.moved_on
    assert len(seller_entries(sandbox, return_id)) == 1


def a_png(width: int = 2, height: int = 2) -> bytes:
    """A real PNG picture (grey pixels): the evidence a person attaches."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_a_refusal_sends_a_reason_of_the_request_its_words_and_its_pictures(
    sandbox: SandboxServer, platform: TikTokPlatform
) -> None:
    return_id = ids_where(
        sandbox,
        "SELECT id FROM returns WHERE type = 'RETURN_AND_REFUND' "
        "AND status = 'RETURN_OR_REFUND_REQUEST_PENDING'",
    )[0]
    reason = platform.refusal_reasons_for(return_id)[0]
    picture = platform.upload_picture("parcel.png", a_png())
    assert picture.review is PictureReview.PASSED and picture.url == picture.platform_id
    assert platform.picture_reviews([picture.platform_id]) == [picture]
    decision = DecisionToSend(
        return_id,
        Decision.REFUSE_RETURN,
        0,
        RequestKind.RETURN_AND_REFUND,
        reason_code=reason.code,
        reason=reason.reason,
        remark="The parcel was delivered to the address given.",
        evidence=(picture.url,),
    )
    platform.decide(decision, "op-refuse-1")
    platform.decide(decision, "op-refuse-1")
    entries = seller_entries(sandbox, return_id)
    assert len(entries) == 1
    assert reason.code in json.dumps(entries[0]["params"])
    assert entries[0]["params"]["images"] == 1  # the one picture, named by its uri, was taken


def test_a_buyers_cancellation_is_approved_once_by_its_path(
    sandbox: SandboxServer, platform: TikTokPlatform
) -> None:
    cancel_id = ids_where(
        sandbox, "SELECT id FROM cancellations WHERE status = 'CANCELLATION_REQUEST_PENDING'"
    )[0]
    decision = DecisionToSend(cancel_id, Decision.APPROVE_REFUND, 0, RequestKind.REFUND_BEFORE_SHIPMENT)
    platform.decide(decision, "op-cancel-1")
    platform.decide(decision, "op-cancel-1")
    assert len(seller_entries(sandbox, cancel_id)) == 1


def orders_awaiting_shipment(sandbox: SandboxServer, shipping_type: str) -> list[str]:
    """Orders awaiting shipment with no cancellation waiting, shipped by `shipping_type`."""
    waiting = ids_where(
        sandbox,
        "SELECT id FROM orders WHERE status = 'AWAITING_SHIPMENT' "
        "AND json_extract(data, '$.shipping_type') = ? AND id NOT IN "
        "(SELECT order_id FROM cancellations WHERE status = 'CANCELLATION_REQUEST_PENDING')",
        shipping_type,
    )
    assert waiting, f"the sandbox's history has an order shipped by {shipping_type} to ship"
    return waiting


def test_an_order_the_seller_ships_goes_out_once_with_its_carrier_and_tracking_number(
    sandbox: SandboxServer, platform: TikTokPlatform
) -> None:
    order_id = orders_awaiting_shipment(sandbox, "SELLER")[0]
    carrier = platform.carriers()[0]
    shipment = ShipmentToSend(order_id, str(carrier.code), "9400111899223100000001")
    platform.ship(shipment, "op-ship-1")
    with pytest.raises(Refused) as again:  # TikTok's ship takes no key: shipped already
        platform.ship(shipment, "op-ship-1")
    assert again.value.moved_on
    shipped = [e for e in sandbox.store.ledger_since(0) if "9400111899223100000001" in json.dumps(e)]
    assert len(shipped) == 1
    order = platform.reread_order(order_id, int(time.time()))
    assert "9400111899223100000001" in json.dumps(order.parcels + order.orders, default=str)


def test_an_order_tiktok_shipping_carries_ships_without_a_tracking_number_and_its_label_is_a_pdf(
    sandbox: SandboxServer, platform: TikTokPlatform
) -> None:
    order_id = orders_awaiting_shipment(sandbox, "TIKTOK")[0]
    platform.ship(ShipmentToSend(order_id, "", ""), "op-ship-2")
    label = platform.shipping_label(order_id)
    assert label.startswith(b"%PDF-")


def test_shipping_that_refuses_the_buyers_cancellation_rejects_it_once_then_ships(
    sandbox: SandboxServer, platform: TikTokPlatform
) -> None:
    made = sandbox.platform.tick(new_after_sales=1, after_sale_type=3)  # a buyer asks to cancel
    cancel_id = made["cancellations"][0]
    order_id = str(sandbox.store.cancellation(cancel_id).data["order_id"])
    carrier = platform.carriers()[0]
    shipment = ShipmentToSend(order_id, str(carrier.code), "9400111899223100000077", refuse_refund=True)
    platform.ship(shipment, "op-ship-refusing")
    with pytest.raises(Refused) as again:  # its answer lost, say: sent again under its key
        platform.ship(shipment, "op-ship-refusing")
    assert again.value.moved_on  # shipped already: the push re-reads the order
    rejected = seller_entries(sandbox, cancel_id)
    assert len(rejected) == 1 and "packed" in json.dumps(rejected[0]["params"])
    assert sandbox.store.cancellation(cancel_id).status != "CANCELLATION_REQUEST_PENDING"
    assert sandbox.store.order(order_id).status != "AWAITING_SHIPMENT"


def test_douyin_gives_no_label_document_and_says_where_to_print() -> None:
    nowhere = ShopCredentials(gateway="http://127.0.0.1:9", app_key="1", app_secret="s", shop_id="1")
    douyin = DouyinPlatform(PlatformClient(nowhere))
    with pytest.raises(Refused) as refused:
        douyin.shipping_label("1")
    douyin.close()
    assert refused.value.problem == PROBLEM_LABEL_BY_DOUYIN


def test_a_label_is_refused_in_plain_words_before_shipping_and_for_the_sellers_own_carrier(
    sandbox: SandboxServer, platform: TikTokPlatform
) -> None:
    with pytest.raises(Refused) as not_yet:
        platform.shipping_label(orders_awaiting_shipment(sandbox, "TIKTOK")[-1])
    assert not_yet.value.problem == PROBLEM_LABEL_AFTER_SHIPPING
    with pytest.raises(Refused) as sellers_own:
        platform.shipping_label(orders_awaiting_shipment(sandbox, "SELLER")[-1])
    assert sellers_own.value.problem == PROBLEM_NO_LABEL
