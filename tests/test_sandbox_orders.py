"""Orders (§4) and shipping (§5) as the sandbox answers them."""

from __future__ import annotations

import random
from typing import Any

import pytest

from app.sandbox.server import SandboxServer
from tests.wire import call, control, new_token

DAY = 86400


@pytest.fixture
def api(sandbox: SandboxServer) -> Any:
    token = new_token(sandbox.url)["access_token"]

    def request(method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return call(sandbox.url, method, params, access_token=token)

    request.url = sandbox.url  # type: ignore[attr-defined]
    request.now = lambda: control(sandbox.url, "GET", "clock")["now"]  # type: ignore[attr-defined]
    return request


def all_orders(api: Any) -> list[dict[str, Any]]:
    now, rows, page = api.now(), [], 0
    while True:
        data = api(
            "order.searchList",
            {
                "page": page,
                "size": 100,
                "update_time_start": now - 90 * DAY,
                "order_by": "update_time",
                "order_asc": True,
            },
        )["data"]
        rows += data["shop_order_list"]
        if (page + 1) * 100 >= data["total"]:
            return rows
        page += 1


def find(api: Any, predicate: Any) -> dict[str, Any]:
    return next(order for order in all_orders(api) if predicate(order))


def ship(
    api: Any, order_id: str, company: str = "shunfeng", tracking: str = "SF123456789012", **extra: Any
) -> dict:
    return api(
        "order.logisticsAdd",
        {"order_id": order_id, "company_code": company, "logistics_code": tracking, **extra},
    )


def test_search_list_pages_through_every_order_once(api: Any, sandbox: SandboxServer) -> None:
    orders = all_orders(api)
    ids = [order["order_id"] for order in orders]
    assert len(ids) == len(set(ids)) == sandbox.stats()["orders"]
    assert all(isinstance(order_id, str) and len(order_id) == 19 for order_id in ids)
    times = [order["update_time"] for order in orders]
    assert times == sorted(times)


def test_time_ranges_are_inclusive_at_both_ends(api: Any) -> None:
    some = all_orders(api)[10]
    t = some["update_time"]
    data = api("order.searchList", {"update_time_start": t, "update_time_end": t, "size": 100})["data"]
    assert some["order_id"] in {order["order_id"] for order in data["shop_order_list"]}
    assert all(order["update_time"] == t for order in data["shop_order_list"])


def test_descending_is_the_default_order(api: Any) -> None:
    now = api.now()
    rows = api("order.searchList", {"create_time_start": now - 10 * DAY, "size": 50})["data"][
        "shop_order_list"
    ]
    created = [row["create_time"] for row in rows]
    assert created == sorted(created, reverse=True)


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"size": 101}, "size"),
        ({"size": 0}, "size"),
        ({"page": 501, "size": 100}, "page*size"),
    ],
)
def test_paging_beyond_the_limits_is_refused(api: Any, params: dict[str, int], fragment: str) -> None:
    answer = api("order.searchList", {"update_time_start": api.now() - DAY, **params})
    assert (answer["code"], answer["sub_code"]) == (40004, "isv.parameter-invalid")
    assert fragment in answer["sub_msg"]


def test_a_start_older_than_ninety_days_is_refused(api: Any) -> None:
    now = api.now()
    assert api("order.searchList", {"update_time_start": now - 90 * DAY})["code"] == 10000
    answer = api("order.searchList", {"update_time_start": now - 90 * DAY - 2 * 3600})
    assert (answer["code"], answer["sub_code"]) == (40004, "isv.parameter-invalid")
    assert "90" in answer["sub_msg"]


def test_a_search_without_a_start_time_answers_missing_parameter(api: Any) -> None:
    assert api("order.searchList", {"page": 0, "size": 10})["code"] == 40002


def test_order_detail_answers_the_same_shape(api: Any) -> None:
    order = all_orders(api)[0]
    detail = api("order.orderDetail", {"shop_order_id": order["order_id"]})["data"]["shop_order_detail"]
    assert detail == order


def test_the_carrier_list_has_the_common_carriers(api: Any) -> None:
    codes = {row["code"] for row in api("order.logisticsCompanyList")["data"]}
    assert {"shunfeng", "zhongtong", "yuantong", "yunda", "shentong", "jtexpress", "ems", "jd"} <= codes


def test_shipping_an_awaiting_order_moves_it_to_shipped_and_is_ledgered(api: Any) -> None:
    order = find(
        api,
        lambda o: (
            o["order_status"] == 2
            and not any(line["after_sale_info"]["after_sale_status"] for line in o["sku_order_list"])
        ),
    )
    assert ship(api, order["order_id"])["code"] == 10000
    shipped = api("order.orderDetail", {"shop_order_id": order["order_id"]})["data"]["shop_order_detail"]
    assert shipped["order_status"] == 3 and shipped["logistics_info"][0]["tracking_no"] == "SF123456789012"
    assert shipped["update_time"] == api.now() or shipped["update_time"] > order["update_time"]
    entries = control(api.url, "GET", "ledger")["entries"]
    assert [(e["actor"], e["method"], e["entity_id"]) for e in entries if e["actor"] == "client"] == [
        ("client", "order.logisticsAdd", order["order_id"])
    ]


@pytest.mark.parametrize(
    ("status", "sub_code"),
    [
        (3, "isv.business-failed:60110"),
        (5, "isv.business-failed:60113"),
    ],
)
def test_shipping_refusals_by_order_state(api: Any, status: int, sub_code: str) -> None:
    order = find(api, lambda o: o["order_status"] == status)
    answer = ship(api, order["order_id"])
    assert (answer["code"], answer["sub_code"]) == (50002, sub_code)


def test_shipping_a_cancelled_order_is_refused(api: Any) -> None:
    order = find(
        api,
        lambda o: (
            o["order_status"] == 4
            and not any(line["after_sale_info"]["refund_status"] == 3 for line in o["sku_order_list"])
        ),
    )
    assert ship(api, order["order_id"])["sub_code"] == "isv.business-failed:60021"


def test_shipping_an_order_refunded_before_shipment_is_refused(api: Any) -> None:
    order = find(
        api,
        lambda o: (
            o["order_status"] == 4
            and all(line["after_sale_info"]["refund_status"] == 3 for line in o["sku_order_list"])
        ),
    )
    assert ship(api, order["order_id"])["sub_code"] == "isv.business-failed:60068"


def test_a_pending_refund_blocks_shipping_unless_the_merchant_rejects_it(
    api: Any, sandbox: SandboxServer
) -> None:
    order = find(api, lambda o: o["order_status"] == 2)
    # The platform opens a refund-before-shipment request on it (not a fast one: it waits for the merchant).
    from app.sandbox.douyin import lifecycle
    from app.sandbox.douyin.buyers import IdMint, open_after_sale

    with sandbox.store.transaction() as store:
        stored = store.order(order["order_id"])
        assert stored is not None
        rng = random.Random(1)
        while True:
            asale = open_after_sale(
                rng,
                IdMint(900),
                7,
                lifecycle.Order(dict(stored.data), dict(stored.sim)),
                api.now(),
                api.now(),
                before_shipment=True,
            )
            if not asale.sim.get("fast_refund"):
                break
        fresh = store.order(order["order_id"])
        assert fresh is not None
        lifecycle.set_after_sale_status(asale, fresh, 6, api.now(), api.now(), 7)
        store.save_after_sale(asale)
        store.save_order(fresh)
    assert ship(api, order["order_id"])["sub_code"] == "isv.business-failed:60040"
    assert ship(api, order["order_id"], is_refund_reject=True)["code"] == 10000
    refused = api("afterSale.Detail", {"after_sale_id": asale.id})["data"]["process_info"]["after_sale_info"]
    assert refused["after_sale_status"] == 27


@pytest.mark.parametrize(
    ("company", "tracking", "sub_code"),
    [
        ("dhl", "SF123456789012", "isv.parameter-invalid:60018"),
        ("shunfeng", "YT1234567890123", "isv.parameter-invalid:60017"),
        ("shunfeng", "SF12345", "isv.parameter-invalid:60017"),
    ],
)
def test_shipping_with_a_bad_carrier_or_tracking_number_is_refused(
    api: Any, company: str, tracking: str, sub_code: str
) -> None:
    order = find(api, lambda o: o["order_status"] == 2)
    answer = ship(api, order["order_id"], company, tracking)
    assert (answer["code"], answer["sub_code"]) == (40004, sub_code)


def test_shipping_a_missing_order_is_refused(api: Any) -> None:
    assert ship(api, "6999999999999999999")["sub_code"] == "isv.parameter-invalid:60033"


def test_a_tracking_number_used_by_another_order_is_refused(api: Any) -> None:
    used = find(api, lambda o: o["order_status"] in (3, 5))["logistics_info"][0]
    order = find(api, lambda o: o["order_status"] == 2)
    answer = ship(api, order["order_id"], used["company"], used["tracking_no"])
    assert (answer["code"], answer["sub_code"]) == (50002, "isv.business-failed:70022")


def test_shipping_without_a_tracking_number_answers_missing_parameter(api: Any) -> None:
    answer = api("order.logisticsAdd", {"order_id": "1", "company_code": "shunfeng"})
    assert answer["code"] == 40002


def test_offset_paging_over_one_instant_returns_each_tied_order_once(api: Any) -> None:
    made = control(api.url, "POST", "tick", {"new_orders": 7, "new_after_sales": 0})
    t = made["now"]
    seen = []
    for page in range(10):
        data = api(
            "order.searchList",
            {
                "update_time_start": t,
                "update_time_end": t,
                "size": 2,
                "page": page,
                "order_by": "update_time",
                "order_asc": True,
            },
        )["data"]
        seen += [order["order_id"] for order in data["shop_order_list"]]
    assert set(made["orders"]) <= set(seen) and len(seen) == len(set(seen))
