"""Douyin's code tables, every code of every table, as the public record documents them
(tests/contract/douyin/code_tables.json, from zsmhub/doudian-sdk), and the app's word each
one means. An unknown code is kept with no word, and reading it never fails."""

from __future__ import annotations

import copy
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.shop_time import from_wall_time
from app.core.vocabulary import (
    ARBITRATION_ESCALATED,
    ARBITRATION_LABELS,
    FINAL_STATES,
    REFUND_STATE_LABELS,
    REQUEST_KIND_LABELS,
    REQUEST_STATE_LABELS,
    ArbitrationState,
    RefundState,
    RequestKind,
    RequestState,
)
from app.platforms.douyin import arbitration, codes, mapping
from app.platforms.douyin.parse import parse_after_sale

CONTRACT = Path(__file__).parent / "contract" / "douyin"
TABLES = json.loads((CONTRACT / "code_tables.json").read_text(encoding="utf-8"))
UNKNOWN_CODES = (-1, 9, 99, 1000)

# The specification: each documented code and the app's word for it.
KINDS = {
    0: RequestKind.RETURN_AND_REFUND,  # 售后退货退款
    1: RequestKind.REFUND_AFTER_SHIPMENT,  # 售后仅退款
    2: RequestKind.REFUND_BEFORE_SHIPMENT,  # 发货前退款
    3: RequestKind.EXCHANGE,  # 换货
    4: RequestKind.CANCELLED_BY_SYSTEM,  # 系统取消
    5: RequestKind.CANCELLED_BY_BUYER,  # 用户取消
    6: RequestKind.PRICE_PROTECTION,  # 价保
    7: RequestKind.RESEND,  # 补寄
    8: RequestKind.REPAIR,  # 维修
}
STATES = {
    6: RequestState.AWAITING_SHOP,
    7: RequestState.AWAITING_BUYER_RETURN,
    8: RequestState.AWAITING_SHOP_SHIPMENT,  # 补寄/维修: 售后待商家发货
    11: RequestState.RETURN_AWAITING_INSPECTION,
    12: RequestState.REFUNDED,
    13: RequestState.REPLACEMENT_IN_PROGRESS,
    14: RequestState.REPLACEMENT_DONE,
    27: RequestState.REFUSED,
    28: RequestState.CLOSED,
    29: RequestState.REFUSED_AFTER_RETURN,
    51: RequestState.ORDER_CANCELLED,  # 订单取消成功
    53: RequestState.COMPLETED,  # 逆向交易已完成
}
REFUNDS = {
    1: RefundState.PENDING,  # 待退款
    2: RefundState.IN_PROGRESS,  # 退款中
    3: RefundState.SUCCEEDED,  # 退款成功
    4: RefundState.FAILED,  # 退款失败
    5: RefundState.RECOVERED,  # 追缴成功
}
ARBITRATIONS = {
    0: ArbitrationState.NONE,  # 无仲裁记录
    1: ArbitrationState.IN_PROGRESS,  # 仲裁中
    2: ArbitrationState.DECIDED_FOR_BUYER,  # 客服同意
    3: ArbitrationState.DECIDED_FOR_SHOP,  # 客服拒绝
    4: ArbitrationState.AWAITING_SHOP_EVIDENCE,  # 待商家举证
    5: ArbitrationState.NEGOTIATION,  # 协商期
    255: ArbitrationState.ENDED,  # 仲裁结束
}
# The List request's filter: another table, the same words.
ARBITRATION_FILTERS = {
    0: ArbitrationState.NONE,  # 未介入
    1: ArbitrationState.IN_PROGRESS,  # 客服处理中
    2: ArbitrationState.DECIDED_FOR_BUYER,  # 仲裁结束-支持买家
    3: ArbitrationState.DECIDED_FOR_SHOP,  # 仲裁结束-支持卖家
    4: ArbitrationState.AWAITING_SHOP_EVIDENCE,  # 待商家举证
    5: ArbitrationState.NEGOTIATION,  # 待与买家协商
    6: ArbitrationState.ENDED,  # 仲裁结束
    255: ArbitrationState.CANCELLED,  # 取消
}


@pytest.mark.parametrize(
    ("table", "spec"),
    [
        ("after_sale_type", KINDS),
        ("after_sale_status", STATES),
        ("refund_status", REFUNDS),
        ("arbitrate_status", ARBITRATIONS),
        ("arbitrate_status_filter", ARBITRATION_FILTERS),
    ],
)
def test_every_documented_code_has_a_word(table: str, spec: dict[int, Any]) -> None:
    assert set(spec) == {int(code) for code in TABLES[table]}


@pytest.mark.parametrize(
    ("enum", "table"),
    [
        (codes.AfterSaleType, "after_sale_type"),
        (codes.AfterSaleStatus, "after_sale_status"),
        (codes.ArbitrateStatus, "arbitrate_status"),
        (codes.ArbitrateFilterStatus, "arbitrate_status_filter"),
    ],
)
def test_the_client_knows_exactly_the_documented_codes(enum: Any, table: str) -> None:
    assert {int(member) for member in enum} == {int(code) for code in TABLES[table]}


def test_the_client_knows_every_documented_refund_status_and_its_own_zero() -> None:
    assert {int(s) for s in codes.RefundStatus} == {int(c) for c in TABLES["refund_status"]} | {0}
    assert mapping.refund_state(0) is RefundState.NONE


@pytest.mark.parametrize(("code", "kind"), KINDS.items())
def test_after_sale_type(code: int, kind: RequestKind) -> None:
    assert mapping.request_kind(code) is kind
    assert kind in REQUEST_KIND_LABELS


@pytest.mark.parametrize(("code", "state"), STATES.items())
def test_after_sale_status(code: int, state: RequestState) -> None:
    assert mapping.request_state(code) is state
    assert state in REQUEST_STATE_LABELS


@pytest.mark.parametrize(("code", "refund"), REFUNDS.items())
def test_refund_status(code: int, refund: RefundState) -> None:
    assert mapping.refund_state(code) is refund
    assert refund in REFUND_STATE_LABELS


@pytest.mark.parametrize(("code", "word"), ARBITRATIONS.items())
def test_arbitrate_status_of_an_answer(code: int, word: ArbitrationState) -> None:
    assert mapping.arbitration(code) is word
    assert word in ARBITRATION_LABELS


@pytest.mark.parametrize(("code", "word"), ARBITRATION_FILTERS.items())
def test_arbitrate_status_filter_of_the_list_request(code: int, word: ArbitrationState) -> None:
    assert int(mapping.arbitration_filter(word)) == code


def test_the_two_arbitration_tables_differ_where_the_record_says() -> None:
    # 6 and 255 mean different things in the answer and the filter.
    assert mapping.arbitration(255) is ArbitrationState.ENDED
    assert int(mapping.arbitration_filter(ArbitrationState.ENDED)) == 6
    assert mapping.arbitration(6) is None


def test_a_request_cancelled_or_completed_by_the_platform_is_final() -> None:
    assert RequestState.ORDER_CANCELLED in FINAL_STATES
    assert RequestState.COMPLETED in FINAL_STATES
    # A resend or repair waiting for the shop's parcel is not.
    assert RequestState.AWAITING_SHOP_SHIPMENT not in FINAL_STATES


def test_every_arbitration_but_none_is_an_escalation() -> None:
    assert set(ARBITRATION_ESCALATED) == set(ArbitrationState) - {ArbitrationState.NONE}


@pytest.mark.parametrize("code", UNKNOWN_CODES)
def test_an_unknown_code_has_no_word(code: int) -> None:
    assert mapping.request_kind(code) is None
    assert mapping.request_state(code) is None
    assert mapping.refund_state(code) is None
    assert mapping.arbitration(code) is None


# --- reading a List item and a Detail -----------------------------------------------------------
def list_item(**info: Any) -> dict[str, Any]:
    """The documented List item (tests/contract/douyin) with `aftersale_info` changed."""
    answer = json.loads((CONTRACT / "afterSale.List.answer.json").read_text(encoding="utf-8"))
    item = copy.deepcopy(answer["data"]["items"][0])
    item["aftersale_info"].update(info)
    return item


@pytest.mark.parametrize(
    ("type_code", "status", "refund", "arbitrate"),
    [
        (6, 12, 2, 0),  # price protection, refund in progress
        (8, 8, 0, 0),  # repair awaiting the shop's shipment
        (1, 27, 1, 4),  # refused, the platform asks the shop's evidence
        (0, 12, 5, 2),  # refund recovered after arbitration for the buyer
        (4, 51, 3, 255),
        (5, 53, 3, 3),
    ],
)
def test_a_list_item_is_read_in_the_apps_words_with_its_codes(
    type_code: int, status: int, refund: int, arbitrate: int
) -> None:
    row = parse_after_sale(
        list_item(
            aftersale_type=type_code,
            aftersale_status=status,
            refund_status=refund,
            arbitrate_status=arbitrate,
        ),
        0,
        1,
    )
    assert (row["type"], row["status"], row["refund_status"], row["arbitrate_status"]) == (
        type_code,
        status,
        refund,
        arbitrate,
    )
    assert row["kind"] == KINDS[type_code]
    assert row["state"] == STATES[status]
    assert row["refund_state"] == (REFUNDS.get(refund) or RefundState.NONE)
    assert row["arbitration"] == ARBITRATIONS[arbitrate]
    # The List carries no deadline: a row from it leaves the stored one alone.
    assert "arbitration_deadline" not in row


def test_a_list_item_with_unknown_codes_is_kept_without_words() -> None:
    row = parse_after_sale(
        list_item(aftersale_type=77, aftersale_status=99, refund_status=9, arbitrate_status=7), 0, 1
    )
    assert (row["type"], row["status"], row["refund_status"], row["arbitrate_status"]) == (77, 99, 9, 7)
    assert (row["kind"], row["state"], row["refund_state"], row["arbitration"]) == (None, None, None, None)


@pytest.mark.parametrize("odd", [None, "", "n/a", True, {"x": 1}])
def test_an_odd_arbitrate_status_is_read_as_not_said(odd: Any) -> None:
    item = list_item(arbitrate_status=odd)
    row = parse_after_sale(item, 0, 1)
    assert (row["arbitrate_status"], row["arbitration"]) == (None, None)


def documented_arbitrate_info(**fields: Any) -> dict[str, Any]:
    answer = json.loads((CONTRACT / "afterSale.Detail.answer.json").read_text(encoding="utf-8"))
    info = copy.deepcopy(answer["data"]["process_info"]["arbitrate_info"])
    info.update(fields)
    return info


def test_the_documented_detail_without_arbitration_says_none() -> None:
    assert arbitration.detail_fields(documented_arbitrate_info()) == {
        "arbitrate_status": 0,
        "arbitration": ArbitrationState.NONE,
        "arbitration_deadline": None,
    }


@pytest.mark.parametrize(
    ("deadline", "expected"),
    [
        ("2026-12-09 18:00:00", from_wall_time(datetime(2026, 12, 9, 18, 0, 0))),
        ("1796300000", 1796300000),
        (1796300000, 1796300000),
        ("", None),
        ("0", None),
        ("next week", None),
        (None, None),
    ],
)
def test_a_detail_awaiting_the_shops_evidence_gives_its_deadline(deadline: Any, expected: int | None) -> None:
    fields = arbitration.detail_fields(
        documented_arbitrate_info(
            arbitrate_status=4, is_required_evidence=True, arbitrate_status_deadline=deadline
        )
    )
    assert fields == {
        "arbitrate_status": 4,
        "arbitration": ArbitrationState.AWAITING_SHOP_EVIDENCE,
        "arbitration_deadline": expected,
    }


@pytest.mark.parametrize("odd", [None, [], "none", 3])
def test_a_detail_without_an_arbitrate_info_object_says_nothing(odd: Any) -> None:
    assert arbitration.detail_fields(odd) == {
        "arbitrate_status": None,
        "arbitration": None,
        "arbitration_deadline": None,
    }
