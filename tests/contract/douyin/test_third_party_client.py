"""A correct third-party client of the public API works against the sandbox unchanged.

The client here is written from the public record only, never from the desk: it imports
nothing of `app.platforms` (not its signing, its client or its codes) and nothing of the
sandbox but the server it starts. It does what the official Go SDK does, as mirrored in
zsmhub/doudian-sdk (docs/platforms/douyin.md, Sources "SDK"):

- `utils/sign_util.go` `Sign`: HMAC-SHA256 keyed with the app secret over
  secret + "app_key…method…param_json…timestamp…v2" + secret, lowercase hex;
- `utils/sign_util.go` `Marshal`: the parameters as JSON with sorted keys, no spaces,
  no HTML escaping (Go's encoder still escapes U+2028 and U+2029);
- `core/doudian_op_api_client.go` `Request`: the query `app_key`, `method`, `timestamp`
  (Unix seconds), `sign`, `v=2`, `sign_method=hmac-sha256`, `access_token`; the body is the
  signed JSON; the URL is the gateway, "/", then the request's path, which itself starts
  with "/" (`"/afterSale/List"`): a double slash; headers `from`, `sdk-type`,
  `sdk-version`, `x-open-no-old-err-code`;
- `core/http/doudian_op_http_client.go` `Post`: the query encoded with sorted keys (Go's
  `url.Values.Encode`) and the header `Content-Type` set to the literal text
  "Content-Type: application/json";
- the request structs' `omitempty` tags: a zero value (0, "", false, an empty list) is
  not sent at all; `page` and `size` are pointers and are sent even when 0.

The requests are the documented ones (tests/contract/douyin/*.request.json) with the
sandbox's own ids and times put in, and the answers are read by their documented field
names. The sandbox's control routes (/_sandbox/…) set the scene; the client never uses them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.sandbox.server import SandboxServer

HERE = Path(__file__).parent
DAY = 86400
SDK_VERSION = "doudian-sdk-golang-1.1.0"  # core/constant.go
POINTER_FIELDS = {"page", "size"}  # `*int64` in the request structs: sent even when 0


def documented(name: str) -> Any:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


# --- the client, from the record -------------------------------------------------------------
def omit_empty(value: Any) -> Any:
    """What Go's `omitempty` leaves of the parameters (pointer fields kept)."""
    if isinstance(value, dict):
        return {
            name: omit_empty(field)
            for name, field in value.items()
            if name in POINTER_FIELDS or field not in (0, "", False, None, [], {})
        }
    if isinstance(value, list):
        return [omit_empty(element) for element in value]
    return value


def go_marshal(params: dict[str, Any]) -> str:
    """utils.Marshal: sorted keys at every level, compact, no HTML escaping."""
    text = json.dumps(params, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def go_sign(app_key: str, secret: str, method: str, timestamp: int, param_json: str) -> str:
    """utils.Sign."""
    pattern = f"app_key{app_key}method{method}param_json{param_json}timestamp{timestamp}v2"
    return hmac.new(secret.encode(), f"{secret}{pattern}{secret}".encode(), hashlib.sha256).hexdigest()


class RecordClient:
    """The official SDK's request, rewritten with the standard library."""

    def __init__(self, gateway: str, app_key: str, secret: str) -> None:
        self.gateway, self.app_key, self.secret = gateway, app_key, secret
        self.access_token: str | None = None

    def request(self, url_path: str, params: dict[str, Any]) -> dict[str, Any]:
        method = url_path.lstrip("/").replace("/", ".")
        param_json = go_marshal(omit_empty(params))
        timestamp = int(time.time())
        query = {
            "app_key": self.app_key,
            "method": method,
            "timestamp": str(timestamp),
            "sign": go_sign(self.app_key, self.secret, method, timestamp, param_json),
            "v": "2",
            "sign_method": "hmac-sha256",
        }
        if self.access_token is not None:
            query["access_token"] = self.access_token
        url = f"{self.gateway}/{url_path}?{urllib.parse.urlencode(sorted(query.items()))}"
        headers = {
            "Content-Type": "Content-Type: application/json",  # sic: the SDK's own value
            "from": "sdk",
            "sdk-type": "golang",
            "sdk-version": SDK_VERSION,
            "x-open-no-old-err-code": "1",
        }
        sent = urllib.request.Request(url, data=param_json.encode(), headers=headers, method="POST")
        with urllib.request.urlopen(sent, timeout=30) as answer:  # noqa: S310 (loopback only)
            assert answer.status == 200
            return json.loads(answer.read())


# --- the scene -------------------------------------------------------------------------------
def control(url: str, route: str, payload: dict[str, Any] | None = None) -> Any:
    body = None if payload is None else json.dumps(payload).encode()
    verb = "GET" if payload is None else "POST"
    sent = urllib.request.Request(
        f"{url}/_sandbox/{route}", data=body, method=verb, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(sent, timeout=60) as answer:  # noqa: S310 (loopback only)
        return json.loads(answer.read())


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, RecordClient]]:
    server = SandboxServer(
        tmp_path_factory.mktemp("record") / "sandbox.sqlite", port=0, seed=7, live=False, history_orders=300
    )
    server.start()
    try:
        client = RecordClient(server.url, DEMO_APP_KEY, DEMO_APP_SECRET)
        created = client.request(
            "/token/create", {**documented("token.create.request.json"), "shop_id": DEMO_SHOP_ID}
        )
        assert created["code"] == 10000, created
        client.access_token = created["data"]["access_token"]
        yield server.url, client
    finally:
        server.stop()


def ok(answer: dict[str, Any]) -> Any:
    assert (answer["code"], answer["sub_code"]) == (10000, ""), answer
    return answer["data"]


def new_request(url: str, after_sale_type: int) -> str:
    made = control(url, "tick", {"new_orders": 0, "new_after_sales": 1, "after_sale_type": after_sale_type})
    return str(made["after_sales"][0])


def listed(client: RecordClient, aftersale_id: str) -> dict[str, Any]:
    [item] = ok(client.request("/afterSale/List", {"aftersale_id": aftersale_id, "page": 0, "size": 1}))[
        "items"
    ]
    return item


def detail(client: RecordClient, aftersale_id: str) -> dict[str, Any]:
    params = {**documented("afterSale.Detail.request.json"), "after_sale_id": aftersale_id}
    return ok(client.request("/afterSale/Detail", params))


# --- what such a client does ---------------------------------------------------------------------
def test_it_lists_orders_and_requests_by_update_time_with_the_documented_requests(
    shop: tuple[str, RecordClient],
) -> None:
    url, client = shop
    now = int(control(url, "clock")["now"])
    orders_asked = {**documented("order.searchList.request.json"), "update_time_start": now - 30 * DAY}
    orders = ok(client.request("/order/searchList", {**orders_asked, "update_time_end": now}))
    assert orders["shop_order_list"], "the shop sold something in 30 days"
    assert all(
        isinstance(o["order_id"], str) and isinstance(o["update_time"], int)
        for o in orders["shop_order_list"]
    )
    times = [o["update_time"] for o in orders["shop_order_list"]]
    assert times == sorted(times)  # order_asc true
    requests_asked = {**documented("afterSale.List.request.json"), "update_start_time": now - 30 * DAY}
    items = ok(client.request("/afterSale/List", {**requests_asked, "update_end_time": now}))["items"]
    assert items and all(isinstance(i["aftersale_info"]["aftersale_id"], str) for i in items)


def test_a_refund_agreed_reads_back_in_the_documented_detail_and_is_not_applied_twice(
    shop: tuple[str, RecordClient],
) -> None:
    url, client = shop
    aftersale_id = new_request(url, 1)  # 1 已发货仅退款
    info = listed(client, aftersale_id)["aftersale_info"]
    assert info["aftersale_status"] == 6  # 待商家同意
    item = {"aftersale_id": aftersale_id, "update_time": info["update_time"]}
    assert ok(client.request("/afterSale/operate", {"type": 201, "items": [item]}))["items"]
    after = detail(client, aftersale_id)["process_info"]["after_sale_info"]
    assert after["after_sale_id"] == int(aftersale_id) and after["after_sale_status"] == 12  # 售后成功
    again = client.request("/afterSale/operate", {"type": 201, "items": [item]})
    assert again["code"] == 50002  # 业务处理失败: the request has moved on, nothing is applied twice
    assert detail(client, aftersale_id)["process_info"]["after_sale_info"] == after


def test_a_refusal_carries_a_reviewed_picture_as_a_documented_evidence_object(
    shop: tuple[str, RecordClient],
) -> None:
    url, client = shop
    upload = {
        **documented("material.uploadImageSync.request.json"),
        "url": f"{url}/_sandbox/evidence/record.png",
    }
    material_id = ok(client.request("/material/uploadImageSync", upload))["material_id"]
    control(url, "clock", {"advance_s": 60})  # the platform reviews asynchronously
    picture = ok(client.request("/material/queryMaterialDetail", {"material_id": material_id}))[
        "material_info"
    ]
    assert picture["audit_status"] == 3, picture  # 审核通过
    reasons = ok(client.request("/afterSale/rejectReasonCodeList", {}))["items"]
    reason = next(r for r in reasons if r["evidence_need"] == "Y")
    aftersale_id = new_request(url, 1)
    info = listed(client, aftersale_id)["aftersale_info"]
    [documented_item] = documented("afterSale.operate.refuse.request.json")["items"]
    item = {
        **documented_item,
        "aftersale_id": aftersale_id,
        "update_time": info["update_time"],
        "reject_reason_code": reason["reject_reason_code"],
        "reason": reason["reason"],
        "evidence": [{**documented_item["evidence"][0], "url": picture["byte_url"]}],
    }
    assert ok(client.request("/afterSale/operate", {"type": 202, "items": [item]}))["items"]
    after = detail(client, aftersale_id)["process_info"]["after_sale_info"]
    assert after["after_sale_status"] == 27  # 商家一次拒绝


def test_a_refund_before_shipment_is_refused_by_shipping_with_the_documented_flag(
    shop: tuple[str, RecordClient],
) -> None:
    url, client = shop
    for _ in range(20):  # the platform refunds most such requests at once: ask until one waits
        aftersale_id = new_request(url, 2)  # 2 未发货仅退款
        item = listed(client, aftersale_id)
        if item["aftersale_info"]["aftersale_status"] == 6:
            break
    else:
        pytest.fail("no refund before shipment was left waiting for the shop")
    order_id = item["order_info"]["shop_order_id"]
    # The documented shipment (中通, is_refund_reject true), its 14-digit 中通 number as documented.
    shipment = {**documented("order.logisticsAdd.request.json"), "order_id": order_id}
    ok(client.request("/order/logisticsAdd", shipment))
    assert listed(client, aftersale_id)["aftersale_info"]["aftersale_status"] == 27
    order = ok(client.request("/order/orderDetail", {"shop_order_id": order_id}))["shop_order_detail"]
    assert order["order_status"] == 3  # 已发货
