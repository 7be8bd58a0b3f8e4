"""The TikTok sandbox store's decisions and shipments over real HTTP: approving and rejecting
returns under idempotency keys (applied once, answered the same, a lost answer harmless), partial
refunds, the pictures a refusal shows, shipping by the seller's carrier or TikTok Shipping, and the
label PDF the sandbox serves."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from app.sandbox.evidence import evidence_png
from tests.tiktok_wire import Wire, small_shop

ORDERS = "/order/202309/orders/search"
RETURNS = "/return_refund/202309/returns/search"
APPROVE_FOR = {
    "REFUND": "APPROVE_REFUND",
    "RETURN_AND_REFUND": "APPROVE_RETURN",
    "REPLACEMENT": "APPROVE_REPLACEMENT",
}


@pytest.fixture
def wire(tmp_path: Path) -> Iterator[Wire]:
    with small_shop(tmp_path) as shop_wire:
        yield shop_wire


@pytest.fixture
def shop(wire: Wire) -> Wire:
    """The shop with a token: its authorisation code exchanged."""
    wire.authorise()
    return wire


# --- decisions and idempotency keys -------------------------------------------------------------
def _pending_return(shop: Wire) -> dict:
    pending = shop.call(
        "POST",
        RETURNS,
        {"page_size": "50"},
        {"return_status": ["RETURN_OR_REFUND_REQUEST_PENDING", "REPLACEMENT_REQUEST_PENDING"]},
    )["data"]["return_orders"]
    assert pending, "seed 7 has requests awaiting the seller"
    return pending[0]


def test_the_same_idempotency_key_applies_a_decision_once_and_answers_the_same(shop: Wire) -> None:
    ret = _pending_return(shop)
    path = f"/return_refund/202309/returns/{ret['return_id']}/approve"
    body = {"decision": APPROVE_FOR[ret["return_type"]]}
    since = max((e["seq"] for e in shop.control("GET", "ledger")["entries"]), default=0)
    first = shop.call("POST", path, {"idempotency_key": "op-42"}, body)
    second = shop.call("POST", path, {"idempotency_key": "op-42"}, body)
    assert first["code"] == second["code"] == 0
    assert first["data"] == second["data"] == {}
    entries = [
        e
        for e in shop.control("GET", f"ledger?since={since}")["entries"]
        if e["entity_id"] == ret["return_id"]
    ]
    assert len(entries) == 1
    assert entries[0]["params"]["idempotency_key"] == "op-42"
    records = shop.call("GET", f"/return_refund/202309/returns/{ret['return_id']}/records")["data"]["records"]
    assert [r["role"] for r in records].count("SELLER") == 1
    # Another key is another request: the request has moved on, so it is refused in the page's code.
    third = shop.call("POST", path, {"idempotency_key": "op-43"}, body)
    assert third["code"] in (25011012, 25011013)
    # A key used for one request is not another's.
    other = shop.call("POST", "/return_refund/202309/returns/401/approve", {"idempotency_key": "op-42"}, body)
    assert other["code"] == 25001001


def test_a_decision_whose_answer_was_lost_is_sent_again_harmlessly(shop: Wire) -> None:
    ret = _pending_return(shop)
    path = f"/return_refund/202309/returns/{ret['return_id']}/approve"
    body = {"decision": APPROVE_FOR[ret["return_type"]]}
    shop.control(
        "POST",
        "faults",
        {"kind": "drop_response", "method": "/return_refund/202309/returns/{return_id}/approve"},
    )
    with pytest.raises(requests.ConnectionError):
        shop.send("POST", path, {"idempotency_key": "op-lost"}, body)
    again = shop.call("POST", path, {"idempotency_key": "op-lost"}, body)
    assert (again["code"], again["message"], again["data"]) == (0, "Success", {})
    applied = [e for e in shop.control("GET", "ledger")["entries"] if e["entity_id"] == ret["return_id"]]
    assert [e["params"]["idempotency_key"] for e in applied if e["actor"] == "seller"] == ["op-lost"]


def test_a_partial_refund_is_offered_with_its_amount(shop: Wire) -> None:
    body = {"return_status": ["RETURN_OR_REFUND_REQUEST_PENDING"], "return_types": ["REFUND"]}
    pending = shop.call("POST", RETURNS, {"page_size": "50"}, body)["data"]["return_orders"]
    if not pending:
        shop.control("POST", "tick", {"new_orders": 0, "new_after_sales": 1, "after_sale_type": 0})
        pending = shop.call("POST", RETURNS, {"page_size": "50"}, body)["data"]["return_orders"]
    ret = pending[0]
    path = f"/return_refund/202309/returns/{ret['return_id']}/approve"
    too_much = {
        "decision": "OFFER_PARTIAL_REFUND",
        "partial_refund": {"currency": "USD", "amount": "999999.00"},
    }
    assert shop.call("POST", path, {"idempotency_key": "too-much"}, too_much)["code"] == 25001001
    offer = {"decision": "OFFER_PARTIAL_REFUND", "partial_refund": {"currency": "USD", "amount": "1.00"}}
    assert shop.call("POST", path, {"idempotency_key": "partial"}, offer)["code"] == 0
    after = shop.call("POST", RETURNS, {"page_size": "10"}, {"return_ids": [ret["return_id"]]})["data"]
    assert after["return_orders"][0]["return_status"] == "AWAITING_BUYER_RESPONSE"


def test_a_refusal_keeps_nothing_so_the_key_may_be_sent_again(shop: Wire) -> None:
    ret = _pending_return(shop)
    path = f"/return_refund/202309/returns/{ret['return_id']}/reject"
    reasons = shop.call(
        "GET", "/return_refund/202309/reject_reasons", {"return_or_cancel_id": ret["return_id"]}
    )
    names = [r["name"] for r in reasons["data"]["reasons"]]
    decision = {
        "REFUND": "REJECT_REFUND",
        "RETURN_AND_REFUND": "REJECT_RETURN",
        "REPLACEMENT": "REJECT_REPLACEMENT",
    }
    body = {"decision": decision[ret["return_type"]], "reject_reason": "no_such_reason", "comment": "no"}
    assert shop.call("POST", path, {"idempotency_key": "op-7"}, body)["code"] == 25001014
    body["reject_reason"] = names[0]
    assert shop.call("POST", path, {"idempotency_key": "op-7"}, body)["code"] == 0
    wrong_type = {
        "REFUND": "REJECT_REPLACEMENT",
        "RETURN_AND_REFUND": "REJECT_REFUND",
        "REPLACEMENT": "REJECT_REFUND",
    }
    body["decision"] = wrong_type[ret["return_type"]]
    assert shop.call("POST", path, {"idempotency_key": "op-8"}, body)["code"] == 25020004


def test_a_refusal_shows_the_pictures_uploaded_for_it(shop: Wire) -> None:
    picture = evidence_png("dented-tin")
    uploaded = shop.upload(picture)
    assert uploaded["code"] == 0, uploaded
    data = uploaded["data"]
    assert data["uri"].startswith("tos-") and data["use_case"] == "MAIN_IMAGE"
    assert (data["width"], data["height"]) == (struct.unpack(">II", picture[16:24]))
    assert shop.session.get(data["url"], timeout=30).content == picture
    ret = _pending_return(shop)
    reasons = shop.call(
        "GET", "/return_refund/202309/reject_reasons", {"return_or_cancel_id": ret["return_id"]}
    )
    decision = {
        "REFUND": "REJECT_REFUND",
        "RETURN_AND_REFUND": "REJECT_RETURN",
        "REPLACEMENT": "REJECT_REPLACEMENT",
    }
    body = {
        "decision": decision[ret["return_type"]],
        "reject_reason": reasons["data"]["reasons"][0]["name"],
        "comment": "Not our tin.",
        "images": [{"image_id": "tos-never-uploaded", "mime_type": "image/png", "width": 1, "height": 1}],
    }
    path = f"/return_refund/202309/returns/{ret['return_id']}/reject"
    assert shop.call("POST", path, {"idempotency_key": "pic"}, body)["code"] == 25001001
    body["images"] = [
        {"image_id": data["uri"], "mime_type": "image/png", "width": data["width"], "height": data["height"]}
    ]
    assert shop.call("POST", path, {"idempotency_key": "pic"}, body)["code"] == 0
    records = shop.call("GET", f"/return_refund/202309/returns/{ret['return_id']}/records")["data"]["records"]
    shown = [
        image["url"] for record in records if record["role"] == "SELLER" for image in record.get("images", [])
    ]
    assert shown == [data["url"]]
    assert shop.upload(b"not a picture")["code"] == 25001001


# --- shipping and labels ---------------------------------------------------------------------------
def _awaiting_shipment(shop: Wire) -> list[dict]:
    body = {"order_status": "AWAITING_SHIPMENT"}
    return shop.call("POST", ORDERS, {"page_size": "50"}, body)["data"]["orders"]


def test_shipping_a_package_by_the_sellers_carrier(shop: Wire) -> None:
    orders = [
        o
        for o in _awaiting_shipment(shop)
        if o.get("shipping_type") == "SELLER" and not o.get("is_buyer_request_cancel")
    ]
    assert orders
    order = orders[0]
    package_id = order["packages"][0]["id"]
    providers = shop.call(
        "GET", f"/logistics/202309/delivery_options/{order['delivery_option_id']}/shipping_providers"
    )
    provider = providers["data"]["shipping_providers"][0]
    path = f"/fulfillment/202309/packages/{package_id}/ship"
    body = {
        "self_shipment": {"tracking_number": "9400111899223197428490", "shipping_provider_id": provider["id"]}
    }
    first = shop.call("POST", path, body=body)
    assert first["code"] == 0 and first["data"] == {}
    shipped = shop.call("GET", "/order/202309/orders", {"ids": order["id"]})["data"]["orders"][0]
    assert shipped["status"] == "AWAITING_COLLECTION"
    assert shop.call("POST", path, body=body)["code"] == 21011040  # already shipped
    documents = shop.call(
        "GET",
        f"/fulfillment/202309/packages/{package_id}/shipping_documents",
        {"document_type": "SHIPPING_LABEL"},
    )
    assert documents["code"] == 11034002  # seller shipping prints its own label


def test_a_tiktok_shipping_package_has_a_label_pdf_the_sandbox_serves(shop: Wire) -> None:
    orders = [
        o
        for o in _awaiting_shipment(shop)
        if o.get("shipping_type") == "TIKTOK" and not o.get("is_buyer_request_cancel")
    ]
    assert orders, "the shop has TikTok Shipping orders awaiting shipment"
    package_id = orders[0]["packages"][0]["id"]
    documents_path = f"/fulfillment/202309/packages/{package_id}/shipping_documents"
    before = shop.call("GET", documents_path, {"document_type": "SHIPPING_LABEL"})
    assert before["code"] == 21023035  # arrange shipment first
    ship = shop.call(
        "POST", f"/fulfillment/202309/packages/{package_id}/ship", body={"handover_method": "DROP_OFF"}
    )
    assert ship["code"] == 0, ship
    documents = shop.call("GET", documents_path, {"document_type": "SHIPPING_LABEL", "document_size": "A6"})
    assert documents["code"] == 0
    assert documents["data"]["doc_url"].startswith(shop.url)
    pdf = shop.session.get(documents["data"]["doc_url"], timeout=30)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-") and pdf.content.rstrip().endswith(b"%%EOF")
    assert documents["data"]["tracking_number"].encode() in pdf.content
