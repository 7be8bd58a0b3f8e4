"""The after-sale rules, at and around every boundary the rule set names (douyin.json)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.core.vocabulary import RequestKind, RequestState
from app.sandbox.catalogue import PRODUCTS
from app.services.refunds.after_sale_rules import Facts, assess, delivered_at, no_reason_window_end
from app.services.rules import load_rules

SHANGHAI = timezone(timedelta(hours=8))
H, D = 3600, 86400
# Received 2026-11-10 15:00 Shanghai: the 7-day window runs from 11-11 00:00 to 11-18 00:00.
RECEIVED = int(datetime(2026, 11, 10, 15, 0, tzinfo=SHANGHAI).timestamp())
NO_REASON_END = int(datetime(2026, 11, 18, 0, 0, tzinfo=SHANGHAI).timestamp())
NOW = RECEIVED + 90 * D
RULES = load_rules()

RETURN, REFUND_ONLY = RequestKind.RETURN_AND_REFUND, RequestKind.REFUND_AFTER_SHIPMENT
BEFORE_SHIPMENT, EXCHANGE, RESEND = (
    RequestKind.REFUND_BEFORE_SHIPMENT,
    RequestKind.EXCHANGE,
    RequestKind.RESEND,
)
INSPECTION = RequestState.RETURN_AWAITING_INSPECTION  # the returned goods arrived

CLOTHES, LIPSTICK, ORANGES, NUTS = (
    "纯棉宽松短袖T恤 男女同款",
    "丝绒哑光口红",
    "赣南脐橙 新鲜现摘",
    "每日坚果 30袋",
)


def shipped(kind: RequestKind, reason: str, product: str, applied: int, **over: object) -> Facts:
    values: dict = {
        "kind": kind,
        "state": RequestState.AWAITING_SHOP,
        "reason_text": reason,
        "product_name": product,
        "refund_amount": 10_000,
        "apply_time": applied,
        "has_tracking": True,
        "order_pay_amount": 10_000,
        "line_pay_amount": 10_000,
        "ship_time": RECEIVED - 2 * D,
        "receipt_time": RECEIVED,
    }
    values.update(over)
    return Facts(**values)


CASES = [
    # 7 days no reason: open up to and including the last second, refused after it.
    (
        "no reason, window's last second",
        shipped(RETURN, "七天无理由退货", CLOTHES, NO_REASON_END),
        "no_reason_7d",
        True,
        "approve",
    ),
    (
        "no reason, one second late",
        shipped(RETURN, "七天无理由退货", CLOTHES, NO_REASON_END + 1),
        "no_reason_7d",
        False,
        "refuse",
    ),
    (
        "no reason, the day of delivery",
        shipped(RETURN, "七天无理由退货", CLOTHES, RECEIVED + 60),
        "no_reason_7d",
        True,
        "approve",
    ),
    (
        "no reason, refund only",
        shipped(REFUND_ONLY, "七天无理由退货", CLOTHES, RECEIVED + D),
        "no_reason_7d",
        True,
        "review",
    ),
    (
        "no reason, delivery unknown",
        shipped(RETURN, "七天无理由退货", CLOTHES, RECEIVED, ship_time=None, receipt_time=None),
        "no_reason_7d",
        None,
        "review",
    ),
    (
        "size does not fit counts as no reason",
        shipped(RETURN, "尺码不合适", CLOTHES, NO_REASON_END + 1),
        "no_reason_7d",
        False,
        "refuse",
    ),
    (
        "fresh produce has no no-reason return",
        shipped(RETURN, "七天无理由退货", ORANGES, RECEIVED + H),
        "fresh_no_reason",
        False,
        "refuse",
    ),
    # Fresh produce claims: 24 h damaged, 48 h visible rot, 5 days hidden rot.
    (
        "fresh damaged at 24 h",
        shipped(REFUND_ONLY, "包装破损", ORANGES, RECEIVED + 24 * H, refund_amount=3000),
        "fresh_claim",
        True,
        "approve",
    ),
    (
        "fresh damaged after 24 h",
        shipped(REFUND_ONLY, "包装破损", ORANGES, RECEIVED + 24 * H + 1, refund_amount=3000),
        "fresh_claim",
        False,
        "refuse",
    ),
    (
        "fresh visible rot at 48 h",
        shipped(REFUND_ONLY, "商品变质/腐烂", ORANGES, RECEIVED + 48 * H, refund_amount=3000),
        "fresh_claim",
        True,
        "approve",
    ),
    (
        "fresh visible rot after 48 h",
        shipped(REFUND_ONLY, "商品变质/腐烂", ORANGES, RECEIVED + 48 * H + 1, refund_amount=3000),
        "fresh_claim",
        False,
        "refuse",
    ),
    (
        "fresh hidden rot at 5 days",
        shipped(REFUND_ONLY, "内部腐烂", ORANGES, RECEIVED + 5 * D, refund_amount=3000),
        "fresh_claim",
        True,
        "approve",
    ),
    (
        "fresh hidden rot after 5 days",
        shipped(REFUND_ONLY, "内部腐烂", ORANGES, RECEIVED + 5 * D + 1, refund_amount=3000),
        "fresh_claim",
        False,
        "refuse",
    ),
    (
        "fresh refund 31% needs >30% bad",
        shipped(REFUND_ONLY, "商品变质/腐烂", ORANGES, RECEIVED + H, refund_amount=3001),
        "fresh_claim",
        True,
        "review",
    ),
    (
        "fresh refund 100% needs >50% bad",
        shipped(REFUND_ONLY, "商品变质/腐烂", ORANGES, RECEIVED + H, refund_amount=10_000),
        "fresh_claim",
        True,
        "review",
    ),
    # Cosmetics allergy: 60 days.
    (
        "allergy at 60 days",
        shipped(REFUND_ONLY, "使用后过敏", LIPSTICK, RECEIVED + 60 * D),
        "cosmetics_allergy",
        True,
        "review",
    ),
    (
        "allergy after 60 days",
        shipped(REFUND_ONLY, "使用后过敏", LIPSTICK, RECEIVED + 60 * D + 1),
        "cosmetics_allergy",
        False,
        "refuse",
    ),
    # Refund before shipment: fast refund up to ¥8,000 without tracking.
    (
        "fast refund at ¥8,000",
        shipped(
            BEFORE_SHIPMENT,
            "不想要了",
            NUTS,
            NOW,
            has_tracking=False,
            order_pay_amount=800_000,
            ship_time=None,
            receipt_time=None,
        ),
        "fast_refund_before_shipment",
        None,
        "approve",
    ),
    (
        "above ¥8,000",
        shipped(
            BEFORE_SHIPMENT,
            "不想要了",
            NUTS,
            NOW,
            has_tracking=False,
            order_pay_amount=800_001,
            ship_time=None,
            receipt_time=None,
        ),
        "refund_before_shipment",
        None,
        "approve",
    ),
    (
        "tracking already uploaded",
        shipped(BEFORE_SHIPMENT, "不想要了", NUTS, NOW, order_pay_amount=100),
        "refund_before_shipment_shipped",
        None,
        "review",
    ),
    # Returned goods: return fast refund up to ¥1,500, inspection either way.
    (
        "returned, ¥1,500",
        shipped(RETURN, "质量问题", CLOTHES, NOW, state=INSPECTION, refund_amount=150_000),
        "return_fast_refund",
        None,
        "inspect",
    ),
    (
        "returned, above ¥1,500",
        shipped(RETURN, "质量问题", CLOTHES, NOW, state=INSPECTION, refund_amount=150_001),
        "return_inspection",
        None,
        "inspect",
    ),
    (
        "exchange returned",
        shipped(EXCHANGE, "尺码不合适", CLOTHES, NOW, state=INSPECTION),
        "exchange_receipt",
        None,
        "inspect",
    ),
    ("quality return", shipped(RETURN, "质量问题（开线/起球）", CLOTHES, NOW), "quality", None, "approve"),
    (
        "quality refund only",
        shipped(REFUND_ONLY, "质量问题（开线/起球）", CLOTHES, NOW),
        "quality",
        None,
        "review",
    ),
    ("not received", shipped(REFUND_ONLY, "未收到货", CLOTHES, NOW), "not_received", None, "review"),
    ("exchange", shipped(EXCHANGE, "尺码不合适", CLOTHES, NOW), "exchange", None, "review"),
    ("resend", shipped(RESEND, "少件/漏发", ORANGES, NOW), "resend", None, "review"),
    ("no rule", shipped(REFUND_ONLY, "地址填写错误", "神秘商品", NOW), "general", None, "review"),
    # Not received yet: no window is counted from a guess.
    (
        "no reason, shipped but not received",
        shipped(RETURN, "七天无理由退货", CLOTHES, RECEIVED, receipt_time=None),
        "no_reason_7d",
        None,
        "review",
    ),
    # 在途极速退: a refund only while the parcel is on its way.
    (
        "refund only in transit",
        shipped(REFUND_ONLY, "不想要了", CLOTHES, RECEIVED - D, receipt_time=None),
        "refund_in_transit",
        None,
        "review",
    ),
    (
        "not received, parcel still in transit",
        shipped(REFUND_ONLY, "未收到货", CLOTHES, RECEIVED - D, receipt_time=None),
        "refund_in_transit",
        None,
        "review",
    ),
    (
        "a return is not a refund in transit",
        shipped(RETURN, "质量问题", CLOTHES, RECEIVED - D, receipt_time=None),
        "quality",
        None,
        "approve",
    ),
    # The articles' own cases: a rotten durian, a face cream that caused an allergy, flowers.
    (
        "durian gone bad at 48 h",
        shipped(REFUND_ONLY, "榴莲腐坏", "泰国金枕榴莲 3-4斤", RECEIVED + 48 * H, refund_amount=3000),
        "fresh_claim",
        True,
        "approve",
    ),
    (
        "durian gone bad after 48 h",
        shipped(REFUND_ONLY, "收到已腐坏", "泰国金枕榴莲", RECEIVED + 48 * H + 1, refund_amount=3000),
        "fresh_claim",
        False,
        "refuse",
    ),
    (
        "durian, no reason",
        shipped(RETURN, "不想要了", "猫山王榴莲", RECEIVED + H),
        "fresh_no_reason",
        False,
        "refuse",
    ),
    (
        "face cream allergy at 60 days",
        shipped(REFUND_ONLY, "使用后过敏", "玻尿酸保湿面霜 50g", RECEIVED + 60 * D),
        "cosmetics_allergy",
        True,
        "review",
    ),
    (
        "eye cream allergy after 60 days",
        shipped(REFUND_ONLY, "用后眼周红肿过敏", "淡纹眼霜", RECEIVED + 60 * D + 1),
        "cosmetics_allergy",
        False,
        "refuse",
    ),
    (
        "flowers wilted and damaged",
        shipped(REFUND_ONLY, "花材压坏", "鲜花速递 玫瑰花束", RECEIVED + 24 * H, refund_amount=3000),
        "fresh_claim",
        True,
        "approve",
    ),
]


@pytest.mark.parametrize(
    ("name", "facts", "rule", "window_open", "suggestion"), CASES, ids=[c[0] for c in CASES]
)
def test_each_rule_at_its_boundaries(
    name: str, facts: Facts, rule: str, window_open: bool | None, suggestion: str
) -> None:
    assessment = assess(facts, NOW)
    assert (assessment.rule_key, assessment.window_open, assessment.suggestion) == (
        rule,
        window_open,
        suggestion,
    )
    assert assessment.rule_set == RULES.rule_set == "douyin-2026-12"
    assert assessment.rule_text() and assessment.suggestion_reason()  # every {field} is filled


@pytest.mark.parametrize(
    ("value", "tier"),
    [
        (9_999, "photos"),
        (10_000, "photos_80_percent_left"),
        (49_999, "photos_80_percent_left"),
        (50_000, "hospital_diagnosis"),
    ],
)
def test_allergy_evidence_tier_by_value(value: int, tier: str) -> None:
    facts = shipped(
        REFUND_ONLY, "使用后过敏", LIPSTICK, RECEIVED + D, line_pay_amount=value, refund_amount=value
    )
    assert assess(facts, NOW).evidence_tier == tier


def test_fresh_refund_bands_name_the_bad_share_needed() -> None:
    def bad(refund: int) -> str:
        return dict(
            assess(
                shipped(REFUND_ONLY, "商品变质/腐烂", ORANGES, RECEIVED + H, refund_amount=refund), NOW
            ).params
        )["bad"]

    assert (bad(3000), bad(3001), bad(5000), bad(5001)) == ("30", "30", "30", "50")


def test_suggested_reject_codes_come_from_the_rule_set() -> None:
    assert assess(shipped(RETURN, "七天无理由退货", ORANGES, RECEIVED), NOW).suggested_reject_code == 7
    tracked = shipped(BEFORE_SHIPMENT, "不想要了", NUTS, NOW, order_pay_amount=100)
    assert assess(tracked, NOW).suggested_reject_code == 1


def test_delivery_is_the_platforms_receipt_time_never_a_guess() -> None:
    assert delivered_at(shipped(RETURN, "七天无理由退货", CLOTHES, NOW)) == RECEIVED
    # Shipped, not received: no delivery (the old guess was ship time + 72 h).
    assert delivered_at(shipped(RETURN, "七天无理由退货", CLOTHES, NOW, receipt_time=None)) is None
    # Delivered at 23:59:59 Shanghai: the window still starts at the next midnight.
    late = int(datetime(2026, 11, 10, 23, 59, 59, tzinfo=SHANGHAI).timestamp())
    assert no_reason_window_end(late, RULES) == NO_REASON_END


def test_every_catalogue_product_maps_to_its_category() -> None:
    rules = RULES.after_sales
    assert {p.name: rules.category_of(p.name) for p in PRODUCTS} == {p.name: p.category for p in PRODUCTS}
    assert rules.category_of("神秘商品") == "other"


GOODS_OUT = [
    # (what, kind, state, rule, suggestion, reason's words)
    (
        "an agreed resend waits for its parcel",
        RESEND,
        RequestState.AWAITING_SHOP_SHIPMENT,
        "goods_to_send",
        "approve",
        "Agreed: send the goods and enter their tracking number before the deadline.",
    ),
    (
        "an agreed repair waits for the repaired goods",
        RequestKind.REPAIR,
        RequestState.AWAITING_SHOP_SHIPMENT,
        "goods_to_send",
        "approve",
        "Agreed: send the goods and enter their tracking number before the deadline.",
    ),
    (
        "an exchange's goods came back",
        EXCHANGE,
        INSPECTION,
        "exchange_receipt",
        "inspect",
        "Check the returned goods, then send the new (or repaired) goods with their tracking number, "
        "or refuse them.",
    ),
    (
        "a repair's goods came back",
        RequestKind.REPAIR,
        INSPECTION,
        "exchange_receipt",
        "inspect",
        "Check the returned goods, then send the new (or repaired) goods with their tracking number, "
        "or refuse them.",
    ),
    (
        "a repair asked for",
        RequestKind.REPAIR,
        RequestState.AWAITING_SHOP,
        "repair",
        "review",
        "Agree when the fault is one the shop repairs; the goods come back first.",
    ),
]


@pytest.mark.parametrize(
    ("what", "kind", "state", "rule", "suggestion", "reason"), GOODS_OUT, ids=[c[0] for c in GOODS_OUT]
)
def test_requests_whose_yes_sends_goods_out_are_advised_to_send_them_never_to_refund(
    what: str, kind: RequestKind, state: RequestState, rule: str, suggestion: str, reason: str
) -> None:
    found = assess(shipped(kind, "尺码不合适", CLOTHES, RECEIVED + D, state=state), NOW, RULES)
    assert (found.rule_key, found.suggestion, found.suggestion_reason()) == (rule, suggestion, reason)
