"""Fault injection: each kind does what it says, only to its method, only `count` times."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from app.sandbox.server import SandboxServer
from tests.wire import call, control, new_token, signed_post


@pytest.fixture
def setup(sandbox: SandboxServer) -> tuple[str, str, str]:
    """(url, access token, an order awaiting shipment with nothing pending)."""
    token = new_token(sandbox.url)["access_token"]
    order_id = sandbox.store.ids(
        "SELECT order_id FROM orders WHERE status = 2 AND has_after_sale = 0 ORDER BY order_id LIMIT 1"
    )[0]
    return sandbox.url, token, order_id


def fault(url: str, kind: str, **extra: Any) -> None:
    control(url, "POST", "faults", {"kind": kind, **extra})


def ship_request(
    url: str, token: str, order_id: str, session: requests.Session | None = None
) -> requests.Response:
    return signed_post(
        url,
        "order.logisticsAdd",
        {"order_id": order_id, "company_code": "shunfeng", "logistics_code": "SF555555555555"},
        access_token=token,
        session=session,
    )


def client_entries(url: str) -> list[dict[str, Any]]:
    return [e for e in control(url, "GET", "ledger")["entries"] if e["actor"] == "client"]


@pytest.mark.parametrize(
    ("kind", "status", "code", "sub_code"),
    [
        ("http_5xx", 503, None, None),
        ("service_error", 200, 20000, "isp.service-error"),
        ("rate_limit", 200, 60000, ""),
        ("token_expired", 200, 40003, "isv.access-token-expired"),
        ("clock_skew", 200, 40003, "isv.timestamp-invalid"),
    ],
)
def test_answering_faults_do_not_apply_the_request(
    setup: tuple[str, str, str], kind: str, status: int, code: int | None, sub_code: str | None
) -> None:
    url, token, order_id = setup
    fault(url, kind, method="order.logisticsAdd")
    response = ship_request(url, token, order_id)
    assert response.status_code == status
    if code is not None:
        assert (response.json()["code"], response.json()["sub_code"]) == (code, sub_code)
    assert client_entries(url) == []
    assert ship_request(url, token, order_id).json()["code"] == 10000  # the fault fired once and is gone


def test_latency_delays_the_answer_and_applies_the_request(setup: tuple[str, str, str]) -> None:
    url, token, order_id = setup
    fault(url, "latency", ms=300)
    response = ship_request(url, token, order_id)
    assert response.json()["code"] == 10000 and response.elapsed.total_seconds() >= 0.3
    assert len(client_entries(url)) == 1


def test_a_truncated_answer_is_cut_but_the_request_applied(setup: tuple[str, str, str]) -> None:
    url, token, order_id = setup
    fault(url, "truncated")
    response = ship_request(url, token, order_id)
    assert int(response.headers["Content-Length"]) == len(response.content)
    with pytest.raises(ValueError):
        response.json()
    assert len(client_entries(url)) == 1


def test_a_malformed_answer_has_items_without_ids(setup: tuple[str, str, str]) -> None:
    url, token, _ = setup
    fault(url, "malformed", method="order.searchList")
    now = control(url, "GET", "clock")["now"]
    answer = call(
        url, "order.searchList", {"update_time_start": now - 86400 * 30, "size": 5}, access_token=token
    )
    assert answer["code"] == 10000
    rows = answer["data"]["shop_order_list"]
    assert rows and all("order_id" not in row for row in rows)


def test_a_malformed_answer_can_put_a_string_where_a_list_belongs(setup: tuple[str, str, str]) -> None:
    url, token, _ = setup
    fault(url, "malformed")
    answer = call(url, "order.logisticsCompanyList", access_token=token)
    assert answer["code"] == 10000 and isinstance(answer["data"], str)


def test_a_dropped_response_closes_the_connection_after_applying(setup: tuple[str, str, str]) -> None:
    url, token, order_id = setup
    fault(url, "drop_response", method="order.logisticsAdd")
    session = requests.Session()
    with pytest.raises(requests.ConnectionError):
        ship_request(url, token, order_id, session)
    assert [e["entity_id"] for e in client_entries(url)] == [order_id]
    again = ship_request(url, token, order_id, session).json()  # re-sending would ship twice: refused
    assert again["sub_code"] == "isv.business-failed:60110"
    assert len(client_entries(url)) == 1


def test_a_fault_for_one_method_leaves_the_others_alone(setup: tuple[str, str, str]) -> None:
    url, token, _ = setup
    fault(url, "service_error", method="afterSale.operate", count=2)
    assert call(url, "order.logisticsCompanyList", access_token=token)["code"] == 10000
    pending = control(url, "GET", "faults")["faults"]
    assert [(f["kind"], f["count"], f["method"]) for f in pending] == [
        ("service_error", 2, "afterSale.operate")
    ]


def test_faults_fire_count_times_then_disappear_and_can_be_cleared(setup: tuple[str, str, str]) -> None:
    url, token, _ = setup
    fault(url, "service_error", count=2)
    codes = [call(url, "order.logisticsCompanyList", access_token=token)["code"] for _ in range(3)]
    assert codes == [20000, 20000, 10000]
    fault(url, "http_5xx", count=5)
    assert control(url, "DELETE", "faults") == {"cleared": 1}
    assert control(url, "GET", "faults") == {"faults": []}


def test_an_unknown_fault_kind_is_refused(sandbox_url: str) -> None:
    response = requests.post(f"{sandbox_url}/_sandbox/faults", json={"kind": "gremlins"}, timeout=10)
    assert response.status_code == 400 and "gremlins" in response.json()["error"]
