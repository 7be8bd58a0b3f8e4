"""The TikTok sandbox store speaks the dialect over real HTTP: tokens, the signature and
timestamp checks, paging by page_token, the documented filters, faults, the control surface and
the command line. Decisions, idempotency keys, shipping and labels: test_tiktok_sandbox_decisions.py."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from app.demo_shop import DEMO_TIKTOK_SHOP_ID
from app.sandbox.faults import BEFORE_KINDS, PERSON_KINDS
from app.sandbox.server import SandboxServer
from app.sandbox.tiktok import signing
from tests.tiktok_wire import Wire, small_shop

DAY = 86400
ORDERS = "/order/202309/orders/search"
RETURNS = "/return_refund/202309/returns/search"
CANCELLATIONS = "/return_refund/202309/cancellations/search"
FIXTURES = Path(__file__).parent / "contract" / "tiktok"
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


# --- tokens -----------------------------------------------------------------------------------
def test_the_authorisation_code_is_exchanged_once_for_tokens_that_expire(wire: Wire) -> None:
    first = wire.token_get()
    assert first["code"] == 0 and first["message"] == "success"
    data = first["data"]
    now = wire.control("GET", "clock")["now"]
    # Expiry instants in Unix seconds: seven days for the access token.
    assert data["access_token_expire_in"] == pytest.approx(now + 7 * DAY, abs=5)
    assert data["refresh_token_expire_in"] > data["access_token_expire_in"]
    assert data["seller_name"] == wire.sandbox.shop_name and data["user_type"] == 0
    again = wire.token_get()
    assert again["code"] == 36004004 and "data" not in again

    wire.access_token = data["access_token"]
    assert wire.call("GET", "/authorization/202309/shops")["code"] == 0
    wire.control("POST", "clock", {"advance_s": 7 * DAY + 60})
    expired = wire.send("GET", "/authorization/202309/shops")
    assert expired.status_code == 200
    assert expired.json()["code"] == 105002

    refreshed = wire.token_refresh(data["refresh_token"])
    assert refreshed["code"] == 0
    assert refreshed["data"]["refresh_token"] == data["refresh_token"]
    assert refreshed["data"]["refresh_token_expire_in"] == data["refresh_token_expire_in"]
    wire.access_token = refreshed["data"]["access_token"]
    assert wire.call("GET", "/authorization/202309/shops")["code"] == 0
    assert wire.token_refresh("TTP_no-such-token")["code"] == 36004005


def test_the_authorisation_code_expires_half_an_hour_after_it_was_handed_over(wire: Wire) -> None:
    wire.control("POST", "clock", {"advance_s": 31 * 60})
    assert wire.token_get()["code"] == 36004004
    wire.control("POST", "reset", {"seed": 7, "history_orders": 300})  # the seller authorises anew
    assert wire.token_get()["code"] == 0


def test_a_restarted_store_hands_its_unused_code_over_again(tmp_path: Path) -> None:
    def started() -> SandboxServer:
        sandbox = SandboxServer(
            tmp_path / "again.sqlite", port=0, seed=7, live=False, history_orders=300, dialect="tiktok"
        )
        sandbox.start()
        return sandbox

    first = started()
    Wire(first).control("POST", "clock", {"advance_s": 2 * DAY})  # the shop's time runs on
    first.stop()
    again = started()
    try:
        assert Wire(again).token_get()["code"] == 0
    finally:
        again.stop()


def test_a_wrong_secret_or_code_gets_no_token(wire: Wire) -> None:
    assert wire.token_get(app_secret="not-the-secret")["code"] == 36009004
    assert wire.token_get(auth_code="TTP_some_other_code")["code"] == 36004004
    assert wire.token_get()["code"] == 0  # the refused attempts did not use the code up


def test_the_authorised_shop_names_its_cipher_and_every_shop_call_needs_it(shop: Wire) -> None:
    shops = shop.call("GET", "/authorization/202309/shops")["data"]["shops"]
    assert [s["cipher"] for s in shops] == [shop.sandbox.context.shop_cipher]
    assert shops[0]["id"] == shop.sandbox.shop_id and shops[0]["region"] == "US"
    query = {"page_size": "5"}
    assert shop.call("POST", ORDERS, query, {}, shop_cipher=False)["code"] == 106013
    wrong = shop.call("POST", ORDERS, {**query, "shop_cipher": "ROW_other"}, {}, shop_cipher=False)
    assert wrong["code"] == 36009004 and "shop_cipher" in wrong["message"]
    unexpected = shop.call("GET", "/authorization/202309/shops", {"shop_cipher": "ROW_x"}, shop_cipher=False)
    assert unexpected["code"] == 36009004 and "Unexpected identifier" in unexpected["message"]


def test_a_call_without_a_valid_access_token_is_refused(shop: Wire) -> None:
    refused = shop.call("GET", "/authorization/202309/shops", access_token="TTP_forged")
    assert refused == {
        "code": 36009004,
        "message": "Invalid credentials. The `x-tts-access-token` header is invalid.",
        "request_id": refused["request_id"],
    }
    assert shop.call("GET", "/authorization/202309/shops", access_token="")["code"] == 36009004


# --- the signature and the timestamp ---------------------------------------------------------
def test_the_sandbox_signs_as_the_documented_vectors_do() -> None:
    vectors = json.loads((FIXTURES / "signing.vectors.json").read_text(encoding="utf-8"))["vectors"]
    for vector in vectors:
        body = vector["body"].encode()
        text = signing.sign_string(vector["app_secret"], vector["path"], vector["query"], body)
        assert text.decode() == vector["string_to_sign"]
        assert (
            signing.signature(vector["app_secret"], vector["path"], vector["query"], body) == vector["sign"]
        )


def test_a_bad_signature_is_refused_with_106001(shop: Wire) -> None:
    refused = shop.send("POST", ORDERS, {"page_size": "5"}, {}, secret="not-the-secret")
    assert refused.status_code == 200
    assert refused.json()["code"] == 106001
    assert refused.json()["message"] == "Invalid credentials. The `sign` query parameter is invalid."
    # The body is signed: the same query with another body than the one signed is refused.
    query = {"page_size": "5", "app_key": shop.sandbox.app_key, "timestamp": str(int(time.time()))}
    query["shop_cipher"] = shop.sandbox.context.shop_cipher
    query["sign"] = signing.signature(shop.sandbox.app_secret, ORDERS, query, b"{}")
    tampered = shop.session.post(
        f"{shop.url}{ORDERS}",
        params=query,
        data=b'{"order_status":"CANCELLED"}',
        headers={"x-tts-access-token": shop.access_token, "content-type": "application/json"},
    )
    assert tampered.json()["code"] == 106001


def test_a_timestamp_outside_the_window_is_refused(shop: Wire) -> None:
    old = shop.call("POST", ORDERS, {"page_size": "5"}, {}, timestamp=int(time.time()) - 6 * 60)
    assert old["code"] == 36009004
    assert old["message"] == (
        "Invalid timestamp. The value of the `timestamp` query parameter must not be earlier "
        "than 5 minutes before the current time."
    )
    ahead = shop.call("POST", ORDERS, {"page_size": "5"}, {}, timestamp=int(time.time()) + 120)
    assert ahead["code"] == 36009004 and "Invalid timestamp" in ahead["message"]
    recent = shop.call("POST", ORDERS, {"page_size": "5"}, {}, timestamp=int(time.time()) - 4 * 60)
    assert recent["code"] == 0


# --- paging -------------------------------------------------------------------------------------
def test_paging_by_page_token_gives_every_record_once_in_order(shop: Wire) -> None:
    orders = shop.search_all(ORDERS, "orders", {}, page_size=17)
    first = shop.call("POST", ORDERS, {"page_size": "17"}, {})["data"]
    assert len(orders) == first["total_count"] == len({o["id"] for o in orders}) >= 300
    keys = [(o["update_time"], o["id"]) for o in orders]
    assert keys == sorted(keys)
    returns = shop.search_all(RETURNS, "return_orders", {}, page_size=10)
    assert len(returns) == len({r["return_id"] for r in returns}) > 0
    newest_first = shop.call("POST", ORDERS, {"page_size": "100"}, {})["data"]["orders"]
    created = [o["create_time"] for o in newest_first]
    assert created == sorted(created, reverse=True)  # the documented default: create_time, DESC


def test_a_record_leaving_the_search_between_pages_skips_no_other(shop: Wire) -> None:
    body = {"order_status": "AWAITING_SHIPMENT"}
    waiting = {o["id"] for o in shop.search_all(ORDERS, "orders", body, page_size=50)}
    query = {"page_size": "3", "sort_field": "update_time", "sort_order": "ASC"}
    first = shop.call("POST", ORDERS, query, body)["data"]
    shippable = [o for o in first["orders"] if not o["is_buyer_request_cancel"]]
    assert shippable, "seed 7's first page of orders awaiting shipment holds one the seller can ship"
    # One order already paged past ships now: it leaves the search, every later record moves up one.
    order = shippable[0]
    ship: dict[str, Any] = {"handover_method": "DROP_OFF"}  # TikTok Shipping: the platform's carrier
    if order["shipping_type"] == "SELLER":
        ship = {
            "self_shipment": {
                "tracking_number": "9400111899223197420001",
                "shipping_provider_id": shop.provider_id(),
            }
        }
    shipped = shop.call("POST", f"/fulfillment/202309/packages/{order['packages'][0]['id']}/ship", body=ship)
    assert shipped["code"] == 0, shipped
    seen = [o["id"] for o in first["orders"]]
    query["page_token"] = first["next_page_token"]
    while query["page_token"]:
        page = shop.call("POST", ORDERS, query, body)["data"]
        seen += [o["id"] for o in page["orders"]]
        query["page_token"] = page["next_page_token"]
    assert sorted(seen) == sorted(waiting)


def test_the_documented_filters_narrow_a_search(shop: Wire) -> None:
    tiktok = shop.search_all(ORDERS, "orders", {"shipping_type": "TIKTOK"}, page_size=100)
    seller = shop.search_all(ORDERS, "orders", {"shipping_type": "SELLER"}, page_size=100)
    assert tiktok and seller and {o["shipping_type"] for o in tiktok} == {"TIKTOK"}
    assert {o["shipping_type"] for o in seller} == {"SELLER"}
    asked = shop.search_all(ORDERS, "orders", {"is_buyer_request_cancel": True}, page_size=100)
    assert all(o["is_buyer_request_cancel"] for o in asked)
    buyer = tiktok[0]["user_id"]
    assert {
        o["user_id"] for o in shop.search_all(ORDERS, "orders", {"buyer_user_id": buyer}, page_size=100)
    } == {buyer}
    some = shop.call("POST", RETURNS, {"page_size": "50"}, {})["data"]["return_orders"][0]
    only = shop.call("POST", RETURNS, {"page_size": "50"}, {"return_ids": [some["return_id"]]})["data"]
    assert [r["return_id"] for r in only["return_orders"]] == [some["return_id"]] and only["total_count"] == 1
    assert shop.call("POST", ORDERS, {"page_size": "5"}, {"shipping_type": "DRONE"})["code"] == 36009004


def test_the_shops_carriers_are_found_from_its_warehouse(shop: Wire) -> None:
    [warehouse] = shop.call("GET", "/logistics/202309/warehouses")["data"]["warehouses"]
    options = shop.call("GET", f"/logistics/202309/warehouses/{warehouse['id']}/delivery_options")["data"]
    types = {option["type"]: option["id"] for option in options["delivery_options"]}
    assert set(types) == {"STANDARD", "SEND_BY_SELLER"}
    path = f"/logistics/202309/delivery_options/{types['SEND_BY_SELLER']}/shipping_providers"
    names = {provider["name"] for provider in shop.call("GET", path)["data"]["shipping_providers"]}
    assert {"USPS", "UPS"} <= names
    platforms = shop.call("GET", f"/logistics/202309/delivery_options/{types['STANDARD']}/shipping_providers")
    assert platforms["code"] == 21008117  # TikTok Shipping brings its own carrier
    assert shop.call("GET", "/logistics/202309/delivery_options/1/shipping_providers")["code"] == 21008116


def test_a_page_token_belongs_to_its_search(shop: Wire) -> None:
    token = shop.call("POST", ORDERS, {"page_size": "5"}, {})["data"]["next_page_token"]
    assert token
    other = shop.call("POST", ORDERS, {"page_size": "5", "page_token": token}, {"order_status": "COMPLETED"})
    assert other["code"] == 36009004
    garbage = shop.call("POST", RETURNS, {"page_size": "10", "page_token": "not-a-token"}, {})
    assert garbage["code"] == 25001001
    assert shop.call("POST", ORDERS, {}, {})["code"] == 36009004  # page_size is required for orders
    assert shop.call("POST", CANCELLATIONS, {"page_size": "51"}, {})["code"] == 25001001


def test_order_detail_answers_the_asked_orders(shop: Wire) -> None:
    ids = [o["id"] for o in shop.call("POST", ORDERS, {"page_size": "3"}, {})["data"]["orders"]]
    answer = shop.call("GET", "/order/202309/orders", {"ids": ",".join(ids)})
    assert [o["id"] for o in answer["data"]["orders"]] == ids
    assert shop.call("GET", "/order/202309/orders", {"ids": ",".join(["1"] * 51)})["code"] == 36009004


ODD_CALLS = [
    ("POST", ORDERS, {"page_size": "abc"}, {}),
    ("POST", ORDERS, {"page_size": "5", "sort_field": "id"}, {}),
    ("POST", ORDERS, {"page_size": "5"}, {"create_time_ge": "yesterday"}),
    ("POST", ORDERS, {"page_size": "5"}, {"order_status": ["CANCELLED"]}),
    ("POST", ORDERS, {"page_size": "5"}, [1, 2]),
    ("POST", RETURNS, {}, {"return_ids": [{"id": 1}]}),
    ("POST", RETURNS, {}, {"update_time_ge": 10, "update_time_lt": 5}),
    ("GET", "/return_refund/202309/returns/999/records", {}, None),
    ("GET", "/return_refund/202309/reject_reasons", {}, None),
    (
        "POST",
        "/return_refund/202309/returns/999/approve",
        {"idempotency_key": "k"},
        {"decision": "APPROVE_REFUND"},
    ),
    (
        "POST",
        "/return_refund/202309/returns/999/reject",
        {},
        {"decision": "X", "reject_reason": "y", "images": "z"},
    ),
    ("POST", "/return_refund/202309/cancellations/999/reject", {}, {"reject_reason": "r"}),
    ("POST", "/fulfillment/202309/packages/999/ship", {}, {"self_shipment": "x"}),
    (
        "POST",
        "/fulfillment/202309/orders/999/packages",
        {},
        {"tracking_number": "1", "shipping_provider_id": "2"},
    ),
    ("GET", "/fulfillment/202309/packages/999/shipping_documents", {"document_type": "SHIPPING_LABEL"}, None),
    ("GET", "/order/202309/orders", {}, None),
]


def test_a_path_answers_only_its_own_verb(shop: Wire) -> None:
    wrong = shop.send("GET", ORDERS, {"page_size": "5"})
    assert wrong.status_code == 405 and wrong.json()["code"] == 36009010
    assert shop.send("POST", "/authorization/202309/shops", body={}).json()["code"] == 36009010
    assert shop.send("GET", "/no/such/path").status_code == 404


def test_odd_requests_are_refused_in_words_never_as_internal_errors(shop: Wire) -> None:
    for verb, path, query, body in ODD_CALLS:
        answer = shop.send(verb, path, query, body)
        assert answer.status_code == 200
        assert answer.json()["code"] not in (0, 36009003), (path, query, body, answer.json())


# --- faults and the control surface --------------------------------------------------------------
def test_the_faults_speak_the_dialect(shop: Wire) -> None:
    shop.control("POST", "faults", {"kind": "rate_limit", "method": ORDERS})
    limited = shop.send("POST", ORDERS, {"page_size": "5"}, {})
    assert limited.status_code == 429 and limited.json()["code"] == 36009002
    shop.control("POST", "faults", {"kind": "token_expired"})
    assert shop.call("GET", "/authorization/202309/shops")["code"] == 105002
    shop.control("POST", "faults", {"kind": "malformed", "method": ORDERS})
    spoiled = shop.call("POST", ORDERS, {"page_size": "5"}, {})
    assert spoiled["code"] == 0 and all("id" not in o for o in spoiled["data"]["orders"])
    shop.control("POST", "faults", {"kind": "plant_record", "method": ORDERS, "record": {"id": "x"}})
    planted = shop.call(
        "POST", ORDERS, {"page_size": "5", "sort_field": "update_time", "sort_order": "ASC"}, {}
    )
    assert {"id": "x"} in planted["data"]["orders"]
    shop.control("POST", "faults", {"kind": "http_5xx"})
    assert shop.send("GET", "/authorization/202309/shops").status_code == 503
    assert shop.control("GET", "faults")["faults"] == []


def test_the_rate_limit_counts_each_api_apart(shop: Wire) -> None:
    shop.control("POST", "settings", {"rate_limit_per_s": 0.001})  # one call, then none for long
    assert shop.call("GET", "/authorization/202309/shops")["code"] == 0
    limited = shop.send("GET", "/authorization/202309/shops")
    assert limited.status_code == 429 and limited.json()["code"] == 36009002
    assert shop.call("POST", ORDERS, {"page_size": "5"}, {})["code"] == 0  # another API has its own
    shop.control("POST", "settings", {"rate_limit_per_s": 200})


def test_the_control_surface_resets_and_reports_the_tiktok_shop(shop: Wire) -> None:
    stats = shop.control("GET", "stats")
    assert stats["orders"] >= 300 and "returns_by_status" in stats and "cancellations" in stats
    assert stats["requests_served"].get("/api/v2/token/get") == 1
    shop.control("POST", "settings", {"authorized": False})  # the seller takes the app's access back
    assert shop.call("GET", "/authorization/202309/shops")["code"] == 36009004
    shop.control("POST", "settings", {"authorized": True})
    assert shop.call("GET", "/authorization/202309/shops")["code"] == 0
    again = shop.control("POST", "reset", {"seed": 8, "history_orders": 300})
    assert again["seed"] == 8 and again["orders"] >= 300
    assert shop.token_get()["code"] == 0  # a new shop: its seller authorises anew


@pytest.mark.parametrize("kind", [k for k in BEFORE_KINDS + PERSON_KINDS if k != "http_5xx"])
def test_every_refusing_fault_answers_a_tiktok_envelope(shop: Wire, kind: str) -> None:
    shop.control("POST", "faults", {"kind": kind, "method": "/authorization/202309/shops"})
    refused = shop.send("GET", "/authorization/202309/shops")
    # The rate limit is documented with 429; a method gone answers as an unknown path does.
    assert refused.status_code == {"rate_limit": 429, "method_offline": 404}.get(kind, 200)
    envelope = refused.json()
    assert set(envelope) == {"code", "message", "request_id"} and envelope["code"] != 0
    assert shop.call("GET", "/authorization/202309/shops")["code"] == 0  # the fault hit once


def test_the_networks_faults_apply_the_call_then_spoil_its_answer(shop: Wire) -> None:
    path = "/authorization/202309/shops"
    shop.control("POST", "faults", {"kind": "latency", "method": path, "ms": 50})
    assert shop.call("GET", path)["code"] == 0
    shop.control("POST", "faults", {"kind": "truncated", "method": path})
    with pytest.raises(ValueError):
        json.loads(shop.send("GET", path).content)
    shop.control("POST", "faults", {"kind": "deep_nesting", "method": path})
    with pytest.raises(RecursionError):
        json.loads(shop.send("GET", path).content)
    shop.control("POST", "faults", {"kind": "drop_response", "method": path})
    with pytest.raises(requests.ConnectionError):
        shop.send("GET", path)


def test_the_command_line_serves_tiktok_with_the_given_credentials(tmp_path: Path) -> None:
    command = [sys.executable, "main.py", "sandbox", "--platform", "tiktok", "--port", "0", "--seed", "3"]
    command += ["--no-live", "--history-orders", "50", "--db", str(tmp_path / "cli.sqlite")]
    command += ["--app-key", "K1", "--app-secret", "S1", "--auth-code", "C1"]
    process = subprocess.Popen(
        command, cwd=Path(__file__).resolve().parents[1], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(6)]
        url = lines[0].split()[-1]
        assert [line.split()[-1] for line in lines[1:6]] == ["K1", "S1", DEMO_TIKTOK_SHOP_ID, "C1", "tiktok"]
        query = {"app_key": "K1", "app_secret": "S1", "auth_code": "C1", "grant_type": "authorized_code"}
        assert requests.get(f"{url}/api/v2/token/get", params=query, timeout=30).json()["code"] == 0
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
