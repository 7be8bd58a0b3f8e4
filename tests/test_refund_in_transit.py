"""在途极速退: a refund asked while the parcel is in transit is recognised (issue 15 "Rules").

The record marks how a refund is made with `refund_type` (退款方式; SDK zsmhub/doudian-sdk at
b020c05, afterSale.List `AftersaleInfo.RefundType` "1(极速退款助手)、2(售后小助手)、3(售后急速退)、
4(闪电退货)", the Detail's `AfterSaleInfo.RefundType`); which of them is the platform's own fast
refund is ours (codes.FAST_REFUND_TYPES). The desk reads it into the mirror and, for a refund
only on a shipped order the platform has not reported received, shows the in-transit rule, and
says the buyer may already have the money when the platform marks it fast. End to end: the
sandbox opens such a request, the sync reads it, the queue assesses it.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.vocabulary import RequestKind, RequestState
from app.db import open_database
from app.models import AfterSale
from app.platforms.douyin import mapping
from app.platforms.douyin.client import Outcome
from app.platforms.douyin.codes import AfterSaleType, OrderStatus
from app.platforms.douyin.detail import read_detail
from app.platforms.douyin.parse import parse_after_sales
from app.sandbox.douyin import buyers, lifecycle
from app.sandbox.douyin.codes import RecordRole
from app.sandbox.server import SandboxServer
from app.services.refunds.after_sale_rules import REASONS, Facts, assess
from app.services.refunds.queue import list_queue
from app.sync.engine import SyncEngine
from tests.sandbox_control import demo_platform, sandbox_now

CONTRACT = Path(__file__).parent / "contract" / "douyin"
SHIPPED_AT, NOW = 1_795_000_000, 1_795_100_000


@pytest.mark.parametrize(
    ("code", "fast"),
    [(None, None), (0, None), (1, True), (2, False), (3, True), (4, True), (9, None)],
)
def test_the_refund_way_says_whether_the_platform_refunds_fast(code: int | None, fast: bool | None) -> None:
    assert mapping.fast_refund(code) is fast


def test_the_documented_list_and_detail_give_the_refund_way() -> None:
    listed = json.loads((CONTRACT / "afterSale.List.answer.json").read_text(encoding="utf-8"))
    [row] = parse_after_sales(listed["data"]["items"][:1], NOW)
    assert (row["refund_type"], row["fast_refund"]) == (2, False)  # 售后小助手
    detail = json.loads((CONTRACT / "afterSale.Detail.answer.json").read_text(encoding="utf-8"))
    row = read_detail(detail["data"], "7300000000000000001", NOW).row
    assert (row["refund_type"], row["fast_refund"]) == (2, False)


def refund_only(**over: object) -> Facts:
    values: dict = {
        "kind": RequestKind.REFUND_AFTER_SHIPMENT,
        "state": RequestState.AWAITING_SHOP,
        "reason_text": "不想要了",
        "product_name": "纯棉宽松短袖T恤",
        "refund_amount": 5_900,
        "apply_time": SHIPPED_AT + 20 * 3600,
        "has_tracking": True,
        "ship_time": SHIPPED_AT,
        "receipt_time": None,
    }
    values.update(over)
    return Facts(**values)


CASES = [
    ("in transit, marked fast", refund_only(fast_refund=True), "refund_in_transit", "intercept_refunded"),
    ("in transit, not marked", refund_only(fast_refund=False), "refund_in_transit", "intercept_in_transit"),
    ("in transit, never said", refund_only(), "refund_in_transit", "intercept_in_transit"),
    (
        "received: the reason's rule",
        refund_only(receipt_time=SHIPPED_AT + 86400, reason_text="地址填写错误"),
        "general",
        "quality_refund_only",
    ),
    (
        "a return is no refund in transit",
        refund_only(kind=RequestKind.RETURN_AND_REFUND, reason_text="质量问题"),
        "quality",
        "quality_return",
    ),
    (
        "the shop already answered",
        refund_only(state=RequestState.REFUNDED, reason_text="质量问题"),
        "quality",
        "quality_refund_only",
    ),
    (
        "not shipped",
        refund_only(ship_time=None, has_tracking=False, reason_text="地址填写错误"),
        "general",
        "quality_refund_only",
    ),
]


@pytest.mark.parametrize(("case", "facts", "rule", "reason"), CASES, ids=[c[0] for c in CASES])
def test_a_refund_on_a_parcel_still_on_its_way_gets_the_in_transit_rule(
    case: str, facts: Facts, rule: str, reason: str
) -> None:
    assessment = assess(facts, NOW)
    assert (assessment.rule_key, assessment.suggestion_reason_en) == (rule, REASONS[reason])


# --- end to end -----------------------------------------------------------------------------------
@pytest.fixture
def engine(sandbox: SandboxServer, database_url: str) -> SyncEngine:
    _, sessions = open_database(database_url)
    return SyncEngine(demo_platform(sandbox.url), sessions)


def buyer_asks_for_a_refund(sandbox: SandboxServer, *, received: bool) -> str:
    """A buyer opens a refund-only request on a scanned parcel that is (not) received yet,
    as the sandbox's buyers do (the request's id from a mint of its own)."""
    receipt = "json_extract(data, '$.sku_order_list[0].logistics_receipt_time')"
    order_id = sandbox.store.ids(
        "SELECT order_id FROM orders WHERE status = ? AND has_after_sale = 0 "
        "AND json_extract(data, '$.logistics_info[0].pickup_time') != 0 "
        f"AND {receipt} {'!=' if received else '='} 0 ORDER BY order_id LIMIT 1",
        (int(OrderStatus.SHIPPED),),
    )[0]
    now = sandbox_now(sandbox.url)
    with sandbox.store.transaction() as store:
        order = store.order(order_id)
        assert order is not None
        asale = buyers.open_after_sale(
            random.Random(order_id), buyers.IdMint(seq=9_000_000 + int(received)), sandbox.seed, order,
            now, now, before_shipment=False, kind=AfterSaleType.REFUND_AFTER_SHIPMENT,
        )  # fmt: skip
        lifecycle.record(asale, RecordRole.BUYER, "buyer_applied", now)
        store.save_after_sale(asale)
        store.save_order(order)
    return asale.id


def test_the_sandbox_marks_a_refund_in_transit_fast_and_the_queue_says_so(
    sandbox: SandboxServer, engine: SyncEngine
) -> None:
    in_transit = buyer_asks_for_a_refund(sandbox, received=False)
    delivered = buyer_asks_for_a_refund(sandbox, received=True)
    assert engine.run_once().outcome is Outcome.DONE
    with engine._sessions() as session:
        marks = dict(
            session.execute(
                select(AfterSale.aftersale_id, AfterSale.refund_type).where(
                    AfterSale.aftersale_id.in_((in_transit, delivered))
                )
            ).all()
        )
        rows = {row.aftersale_id: row for row in list_queue(session, now=sandbox_now(sandbox.url))}
    assert marks == {in_transit: 3, delivered: 2}  # 售后急速退 while in transit (ours), else 售后小助手
    assert (rows[in_transit].rule_key, rows[in_transit].fast_refund) == ("refund_in_transit", True)
    assert rows[in_transit].suggestion_reason_en == REASONS["intercept_refunded"]
    assert rows[in_transit].receipt_time is None and rows[delivered].receipt_time is not None
    assert rows[delivered].rule_key != "refund_in_transit" and rows[delivered].fast_refund is False
