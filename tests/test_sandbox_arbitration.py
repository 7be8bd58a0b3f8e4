"""The sandbox platform's arbitration and price protection (app/sandbox/douyin/arbitration.py,
price_protection.py): which requests go to the platform, how each case goes on the sandbox
clock, and what the List and the Detail say of it."""

from __future__ import annotations

import copy
from collections import Counter
from datetime import datetime
from typing import Any

import pytest

from app.sandbox.clock import DAY, HOUR, SHANGHAI
from app.sandbox.douyin import arbitration, generator
from app.sandbox.douyin import lifecycle as lc
from app.sandbox.douyin.codes import AfterSaleStatus, AfterSaleType, ArbitrateStatus, RefundStatus
from app.sandbox.server import SandboxServer
from tests.wire import call, control, new_token

S = AfterSaleStatus
A = ArbitrateStatus
NOW = 1796300000  # 2026-12-03 19:33:20 Shanghai


@pytest.fixture(scope="module")
def shop() -> generator.Shop:
    return generator.history(7, NOW)[0]


def actions(asale: lc.AfterSale) -> list[str]:
    return [entry["action"] for entry in asale.sim.get("record_logs", [])]


def cases(shop: generator.Shop) -> list[lc.AfterSale]:
    return [a for a in shop.after_sales.values() if a.info["arbitrate_status"] != A.NONE]


def test_every_request_says_its_arbitrate_status_as_the_list_documents_it(shop: generator.Shop) -> None:
    assert all("arbitrate_status" in a.info for a in shop.after_sales.values())
    assert {a.info["arbitrate_status"] for a in shop.after_sales.values()} <= {int(s) for s in A}


def test_only_refused_or_appealed_refunds_after_shipment_go_to_the_platform(shop: generator.Shop) -> None:
    taken = cases(shop)
    assert 10 <= len(taken) <= 80  # a few out of ~1,100 requests over 90 days
    for asale in taken:
        assert asale.type in (AfterSaleType.RETURN_AND_REFUND, AfterSaleType.REFUND_AFTER_SHIPMENT)
        case = asale.sim["arbitration"]
        # The merchant appealed a refund the platform made on timeout; else the buyer took a
        # refusal to the platform (refunded after all only when the platform decided so).
        if case["appeal"]:
            assert asale.status == S.REFUNDED
        elif asale.status == S.REFUNDED:
            assert case["for_buyer"] is True
        else:
            assert asale.status in (S.MERCHANT_REFUSED, S.REFUSED_AFTER_RETURN)
        assert case["created"] <= case["updated"] <= NOW


def staged_waiting(shop: generator.Shop) -> lc.AfterSale:
    """The case a demo shop always has awaiting its evidence: opened 20 h before now on a refused
    request (docs/sandbox.md), whatever else the history drew (its own cases may await too)."""
    [waiting] = [a for a in cases(shop) if a.sim["arbitration"]["created"] == NOW - 20 * HOUR]
    return waiting


def closed_case_outcomes(shop: generator.Shop) -> Counter[tuple[bool, bool]]:
    """Each closed case checked against the platform's decision; how many of each (appeal, for_buyer)."""
    outcomes: Counter[tuple[bool, bool]] = Counter()
    for asale in cases(shop):
        if asale.info["arbitrate_status"] != A.ENDED:
            continue
        case = asale.sim["arbitration"]
        assert case["created"] < case["deadline"] <= case["updated"]  # the evidence was asked first
        final = (asale.status, asale.info["refund_status"])
        if case["appeal"]:  # the merchant appealed the platform's refund
            assert final == (
                S.REFUNDED,
                RefundStatus.SUCCEEDED if case["for_buyer"] else RefundStatus.RECOVERED,
            )
        elif case["for_buyer"]:  # the buyer's refused request is refunded after all
            assert final == (S.REFUNDED, RefundStatus.SUCCEEDED)
        else:
            assert final in (
                (S.MERCHANT_REFUSED, RefundStatus.FAILED),
                (S.REFUSED_AFTER_RETURN, RefundStatus.FAILED),
            )
        outcomes[(case["appeal"], case["for_buyer"])] += 1
    return outcomes


def test_a_closed_case_ends_as_the_platform_decided(shop: generator.Shop) -> None:
    outcomes = closed_case_outcomes(shop)
    # Both courses of a refusal taken to the platform happen in 90 days of this shop.
    assert outcomes[(False, True)] and outcomes[(False, False)]


def test_an_appealed_refund_in_the_history_ends_as_the_platform_decided() -> None:
    """Appeals are few (a handful of timeout refunds, 15 % appealed), so whether one seed's 90 days
    hold one is luck: here every refund made on the merchant's timeout is appealed, and each closed
    appeal ends as decided (both courses step by step:
    test_an_appealed_refund_decided_for_the_shop_is_recovered)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(arbitration, "APPEALED_SHARE", 1.0)
        outcomes = closed_case_outcomes(generator.history(7, NOW)[0])
    assert outcomes[(True, True)] + outcomes[(True, False)]


@pytest.mark.parametrize(
    ("for_buyer", "expected"),
    [
        (
            False,
            [
                (A.IN_PROGRESS, 3),
                (A.AWAITING_MERCHANT_EVIDENCE, 3),
                (A.REFUSED, 3),
                (A.ENDED, 3),
                (A.ENDED, 5),
            ],
        ),
        (True, [(A.IN_PROGRESS, 3), (A.AWAITING_MERCHANT_EVIDENCE, 3), (A.AGREED, 3), (A.ENDED, 3)]),
    ],
)
def test_an_appealed_refund_decided_for_the_shop_is_recovered(
    shop: generator.Shop, monkeypatch: pytest.MonkeyPatch, for_buyer: bool, expected: list[tuple[int, int]]
) -> None:
    """A refund the platform made when the merchant's deadline passed, appealed by the merchant:
    decided for the shop, the money is recovered from the buyer (追缴成功, 5); for the buyer, it stays."""
    refunded = next(
        a
        for a in shop.after_sales.values()
        if a.type == AfterSaleType.REFUND_AFTER_SHIPMENT
        and a.status == S.REFUNDED
        and "arbitration" not in a.sim
    )
    asale, order = lc.AfterSale(*_copy(refunded)), lc.Order(*_copy(shop.orders[refunded.order_id]))
    monkeypatch.setattr(
        arbitration, "FOR_BUYER_SHARE", 1.0 if for_buyer else 0.0
    )  # which way the platform decides
    asale.sim["arbitration"] = {"step": "open", "at": NOW, "appeal": True}
    seen = []
    while (due := asale.next_at()) is not None:
        lc.run_after_sale_due(asale, order, due, due, 7)
        seen.append((asale.info["arbitrate_status"], asale.info["refund_status"]))
        assert asale.status == S.REFUNDED
    assert seen == expected


def test_a_demo_shop_has_a_case_awaiting_the_shops_evidence_and_one_just_opened(shop: generator.Shop) -> None:
    waiting = staged_waiting(shop)
    assert waiting.info["arbitrate_status"] == A.AWAITING_MERCHANT_EVIDENCE
    info = arbitration.detail_info(waiting)
    deadline = datetime.strptime(info["arbitrate_status_deadline"], "%Y-%m-%d %H:%M:%S").replace(
        tzinfo=SHANGHAI
    )
    assert NOW < deadline.timestamp() <= NOW + 2 * DAY
    assert info["is_required_evidence"] is True
    assert info["arbitrate_id"] and info["arbitrate_create_time"] < info["arbitrate_update_time"] <= NOW
    # The request stays as the shop refused it (27, or 29 after the goods came back) until decided.
    assert waiting.status in (S.MERCHANT_REFUSED, S.REFUSED_AFTER_RETURN)
    just_opened = [a for a in cases(shop) if NOW - HOUR <= a.sim["arbitration"]["created"] <= NOW]
    assert just_opened
    for asale in just_opened:
        assert asale.info["arbitrate_status"] == A.IN_PROGRESS
        assert asale.data["text_part"]["arbitrate_status_text"] == "仲裁中"


def test_a_decision_for_the_buyer_refunds_in_progress_then_paid(shop: generator.Shop) -> None:
    """The case awaiting evidence, lived on after its deadline: every step as the platform sends it."""
    asale = lc.AfterSale(*_copy(staged_waiting(shop)))
    refused = asale.status
    order = lc.Order(*_copy(shop.orders[asale.order_id]))
    seen = []
    while (due := asale.next_at()) is not None:
        lc.run_after_sale_due(asale, order, due, due, 7)
        seen.append((asale.info["arbitrate_status"], asale.status, asale.info["refund_status"]))
        assert asale.info["update_time"] == due  # an incremental pull sees every step
    decided = seen[0]
    if decided[0] == A.AGREED:
        assert seen == [
            (A.AGREED, S.REFUNDED, RefundStatus.IN_PROGRESS),
            (A.ENDED, S.REFUNDED, RefundStatus.IN_PROGRESS),
            (A.ENDED, S.REFUNDED, RefundStatus.SUCCEEDED),
        ]
    else:
        assert seen == [
            (A.REFUSED, refused, RefundStatus.FAILED),
            (A.ENDED, refused, RefundStatus.FAILED),
        ]
    assert arbitration.detail_info(asale)["arbitrate_status"] == A.ENDED


def _copy(entity: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    return copy.deepcopy(entity.data), copy.deepcopy(entity.sim)


def test_price_protection_is_paid_by_the_platform_and_completed(shop: generator.Shop) -> None:
    protected = [a for a in shop.after_sales.values() if a.type == AfterSaleType.PRICE_PROTECTION]
    assert 5 <= len(protected) <= 100
    for asale in protected:
        order = shop.orders[asale.order_id]
        line = next(
            line for line in order.data["sku_order_list"] if line["order_id"] == asale.info["related_id"]
        )
        assert 0 < asale.info["refund_amount"] < line["pay_amount"]
        assert (asale.status, asale.info["refund_status"]) == (S.REVERSE_COMPLETED, RefundStatus.SUCCEEDED)
        assert actions(asale) == ["买家申请售后", "平台同意价保", "退款成功"]
        assert asale.info["arbitrate_status"] == A.NONE


# --- over the wire ------------------------------------------------------------------------------
def list_items(url: str, token: str) -> list[dict[str, Any]]:
    items, page = [], 0
    while True:
        data = call(url, "afterSale.List", {"page": page, "size": 100}, access_token=token)["data"]
        items += data["items"]
        if not data["has_more"]:
            return items
        page += 1


def test_the_list_and_the_detail_carry_the_arbitration(tmp_path: Any) -> None:
    server = SandboxServer(tmp_path / "sandbox.sqlite", port=0, seed=7, live=False, history_orders=3000)
    server.start()
    try:
        token = new_token(server.url)["access_token"]
        items = list_items(server.url, token)
        assert all(isinstance(item["aftersale_info"]["arbitrate_status"], int) for item in items)
        # The staged case awaits the shop's evidence, and so may cases the history drew: each one.
        waiting = {
            i["aftersale_info"]["aftersale_id"]: i
            for i in items
            if i["aftersale_info"]["arbitrate_status"] == A.AWAITING_MERCHANT_EVIDENCE
        }
        assert waiting
        for aftersale_id, item in waiting.items():
            assert item["text_part"]["arbitrate_status_text"] == "待商家举证"
            answer = call(server.url, "afterSale.Detail", {"after_sale_id": aftersale_id}, access_token=token)
            info = answer["data"]["process_info"]["arbitrate_info"]
            assert (info["arbitrate_status"], info["is_required_evidence"]) == (
                A.AWAITING_MERCHANT_EVIDENCE,
                True,
            )
            assert info["arbitrate_status_deadline"]
        # Past the deadline (two days at most) the platform decides and closes, and the List says so.
        control(server.url, "POST", "clock", {"advance_s": 4 * DAY})
        token = new_token(server.url)["access_token"]
        after = {
            i["aftersale_info"]["aftersale_id"]: i["aftersale_info"]
            for i in list_items(server.url, token)
            if i["aftersale_info"]["aftersale_id"] in waiting
        }
        assert after.keys() == waiting.keys()
        for aftersale_id, info in after.items():
            assert info["arbitrate_status"] == A.ENDED
            assert info["update_time"] > waiting[aftersale_id]["aftersale_info"]["update_time"]
    finally:
        server.stop()
