"""The TikTok client against the documented calls (tests/contract/tiktok/, written by `docs`
from Partner Center's API reference): it signs the documented vectors, reads every documented
answer — each error into the outcome and words it means, each success into what the adapter
takes from it — and sends the documented request bodies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.core.vocabulary import Decision, RequestKind
from app.platforms.port import (
    PROBLEM_OUR_FAULT,
    PROBLEM_PLATFORM_UNEXPECTED,
    PROBLEM_RATE_LIMITED,
    PROBLEM_REJECTED,
    DecisionToSend,
    Outcome,
    Window,
)
from app.platforms.tiktok import errors, feed, lists, mapping, shipping
from app.platforms.tiktok.adapter import decision_body
from app.platforms.tiktok.answers import classify_response, read_tokens, shop_of
from app.platforms.tiktok.signing import sign, sign_string

CONTRACT = Path(__file__).parent / "contract" / "tiktok"


def fixture(name: str) -> Any:
    return json.loads((CONTRACT / name).read_text(encoding="utf-8"))


def answer_bytes(name: str) -> bytes:
    return (CONTRACT / name).read_bytes()


@pytest.mark.parametrize("vector", fixture("signing.vectors.json")["vectors"], ids=lambda v: v["path"])
def test_the_documented_signing_vectors(vector: dict[str, Any]) -> None:
    args = (vector["app_secret"], vector["path"], vector["query"], vector["body"])
    assert sign_string(*args).decode() == vector["string_to_sign"]
    assert sign(*args) == vector["sign"]


# What each documented error means to the desk: (outcome, words, moved on, renew the token).
CONFIG, REFUSED = Outcome.CONFIG_ERROR, Outcome.REJECTED
ERRORS: dict[str, tuple[Outcome, str, bool, bool]] = {
    "error.105002.expired_token.answer.json": (CONFIG, errors.PROBLEM_TOKEN, False, True),
    "error.105005.scope_missing.answer.json": (CONFIG, errors.PROBLEM_SCOPE, False, False),
    "error.106001.invalid_sign.answer.json": (CONFIG, errors.PROBLEM_SIGNATURE, False, False),
    "error.106013.shop_cipher_missing.answer.json": (CONFIG, PROBLEM_OUR_FAULT, False, False),
    "error.11034002.not_tiktok_shipping.answer.json": (REFUSED, PROBLEM_REJECTED, False, False),
    "error.21008044.after_sale_pending.answer.json": (REFUSED, errors.PROBLEM_AFTER_SALE_FIRST, False, False),
    "error.21011022.invalid_tracking_or_provider.answer.json": (
        REFUSED,
        errors.PROBLEM_TRACKING_OR_CARRIER,
        False,
        False,
    ),
    "error.21011025.duplicate_tracking.answer.json": (REFUSED, errors.PROBLEM_TRACKING_USED, True, False),
    "error.21011040.already_shipped.answer.json": (REFUSED, errors.PROBLEM_SHIPPED_ALREADY, True, False),
    "error.25001001.invalid_parameter.answer.json": (REFUSED, PROBLEM_REJECTED, False, False),
    "error.25001014.unknown_reason.answer.json": (REFUSED, errors.PROBLEM_REASON_NOT_OFFERED, False, False),
    "error.25001045.cancellation_after_shipment.answer.json": (
        REFUSED,
        errors.PROBLEM_CANCEL_AFTER_SHIPPING,
        True,
        False,
    ),
    "error.25011012.cannot_approve_in_status.answer.json": (REFUSED, PROBLEM_REJECTED, True, False),
    "error.25020004.decision_not_match.answer.json": (
        REFUSED,
        errors.PROBLEM_DECISION_NOT_FOR_TYPE,
        False,
        False,
    ),
    "error.25020009.already_cancelled.answer.json": (REFUSED, PROBLEM_REJECTED, True, False),
    "error.25020010.already_approved.answer.json": (REFUSED, PROBLEM_REJECTED, True, False),
    "error.36009002.rate_limited.answer.json": (Outcome.RETRY, PROBLEM_RATE_LIMITED, False, False),
    "error.36009003.internal_error.answer.json": (Outcome.RETRY, PROBLEM_PLATFORM_UNEXPECTED, False, False),
    "error.36009004.invalid_access_token.answer.json": (CONFIG, errors.PROBLEM_TOKEN, False, True),
    "error.36009004.timestamp_too_old.answer.json": (CONFIG, errors.PROBLEM_CLOCK, False, False),
}
TOKEN_SERVICE_ERRORS = {
    "error.36004001.refresh_token_expired.answer.json": errors.PROBLEM_REAUTHORISE,
    "error.36004004.invalid_auth_code.answer.json": errors.PROBLEM_AUTH_CODE,
    "error.36004005.auth_record_missing.answer.json": errors.PROBLEM_REAUTHORISE,
}


def test_every_documented_error_is_named_here() -> None:
    documented = {path.name for path in CONTRACT.glob("error.*.answer.json")}
    assert documented == set(ERRORS) | set(TOKEN_SERVICE_ERRORS)


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_each_documented_error_means_what_the_desk_does_about_it(name: str) -> None:
    outcome, problem, moved_on, renew = ERRORS[name]
    # The record names no HTTP status for most errors: the code decides, whatever the status.
    result = classify_response(200, answer_bytes(name))
    assert (result.outcome, result.problem, result.token_refused) == (outcome, problem, renew)
    assert result.platform_code == str(fixture(name)["code"])
    assert result.platform_message == fixture(name)["message"]
    if outcome is Outcome.REJECTED:
        error = errors.error_of(result)
        assert error.moved_on == moved_on
        assert error.refund_request_waiting == (result.code == errors.CODE_AFTER_SALE_WAITING)


@pytest.mark.parametrize("name", sorted(TOKEN_SERVICE_ERRORS))
def test_each_documented_token_service_refusal_asks_for_the_right_act(name: str) -> None:
    envelope = fixture(name)
    meaning = errors.token_service_meaning(
        200, envelope["code"], envelope["message"], refreshing="refresh" in name or "record" in name
    )
    assert (meaning.outcome, meaning.problem) == (Outcome.CONFIG_ERROR, TOKEN_SERVICE_ERRORS[name])


@pytest.mark.parametrize(
    "name", sorted(p.name for p in CONTRACT.glob("*.answer.json") if not p.name.startswith("error."))
)
def test_every_documented_success_is_done(name: str) -> None:
    assert classify_response(200, answer_bytes(name)).ok


@pytest.mark.parametrize("name", ["token.get.answer.json", "token.refresh.answer.json"])
def test_the_token_answers_expiry_is_read_as_the_timestamp_it_is(name: str) -> None:
    data = fixture(name)["data"]
    tokens = read_tokens(data, now=data["access_token_expire_in"] - 3600)
    assert tokens is not None
    assert tokens.access_expires_at == data["access_token_expire_in"]
    assert tokens.refresh_expires_at == data["refresh_token_expire_in"]
    assert tokens.access_token == data["access_token"] and tokens.refresh_token == data["refresh_token"]


def test_the_authorised_shop_gives_its_cipher_and_name() -> None:
    data = fixture("authorization.shops.answer.json")["data"]
    first = data["shops"][0]
    shop = shop_of(data)
    assert shop is not None and (shop.id, shop.cipher, shop.name) == (
        first["id"],
        first["cipher"],
        first["name"],
    )
    assert shop_of(data, "no-such-shop") is None


def test_the_published_lists_read_as_documented() -> None:
    reasons = lists.read_reasons(fixture("returns.reject_reasons.answer.json")["data"])
    documented = fixture("returns.reject_reasons.answer.json")["data"]["reasons"]
    assert [(r.code, r.reason) for r in reasons] == [(d["name"], d["text"]) for d in documented]
    carriers = lists.read_providers(fixture("shipping_providers.answer.json")["data"])
    providers = fixture("shipping_providers.answer.json")["data"]["shipping_providers"]
    assert [(c.id, c.name, c.code) for c in carriers] == [(p["id"], p["name"], p["id"]) for p in providers]


def test_an_orders_package_and_its_ship_body_as_documented() -> None:
    orders = (
        fixture("orders.get.answer.json")["data"]["orders"]
        + fixture("orders.search.answer.json")["data"]["orders"]
    )
    for order in orders:
        assert shipping.package_of(order) in {p["id"] for p in order["packages"]}
    documented = fixture("packages.ship.request.json")["self_shipment"]
    sellers = [o for o in orders if o.get("shipping_type") == "SELLER"]
    tiktoks = [o for o in orders if o.get("shipping_type") == "TIKTOK"]
    assert sellers and tiktoks
    body = shipping.ship_body(sellers[0], documented["tracking_number"], documented["shipping_provider_id"])
    assert body == fixture("packages.ship.request.json")
    assert shipping.ship_body(tiktoks[0], "", "") == {}


@pytest.mark.parametrize("stream", ["orders", "returns", "cancellations"])
def test_a_windows_search_body_is_the_documented_one(stream: str) -> None:
    documented = fixture(f"{stream}.search.request.json")
    window = Window(documented["update_time_ge"], documented["update_time_lt"] - 1)
    assert feed.window_body(window) == documented


def test_decisions_send_the_documented_bodies() -> None:
    approve = DecisionToSend(
        "4036701234567890001", Decision.APPROVE_REFUND, 0, RequestKind.REFUND_AFTER_SHIPMENT
    )
    call = mapping.decision_call(approve.decision, approve.kind)
    assert decision_body(approve, call) == fixture("returns.approve.request.json")

    documented = fixture("returns.reject.request.json")
    refuse = DecisionToSend(
        "4036701234567890001",
        Decision.REFUSE_REFUND,
        0,
        RequestKind.REFUND_AFTER_SHIPMENT,
        reason_code=documented["reject_reason"],
        remark=documented["comment"],
        evidence=tuple(image["image_id"] for image in documented["images"]),
    )
    body = decision_body(refuse, mapping.decision_call(refuse.decision, refuse.kind))
    assert body is not None
    # The documented request also gives each picture's size and type; only `image_id` is required.
    assert body == {**documented, "images": [{"image_id": i["image_id"]} for i in documented["images"]]}

    documented = fixture("cancellations.reject.request.json")
    cancel = DecisionToSend(
        "4036709876543200001",
        Decision.REFUSE_REFUND,
        0,
        RequestKind.REFUND_BEFORE_SHIPMENT,
        reason_code=documented["reject_reason"],
        remark=documented["comment"],
    )
    assert decision_body(cancel, mapping.decision_call(cancel.decision, cancel.kind)) == documented
    approve_cancel = DecisionToSend(
        "4036709876543200001", Decision.APPROVE_REFUND, 0, RequestKind.REFUND_BEFORE_SHIPMENT
    )
    assert (
        decision_body(approve_cancel, mapping.decision_call(approve_cancel.decision, approve_cancel.kind))
        is None
    )
