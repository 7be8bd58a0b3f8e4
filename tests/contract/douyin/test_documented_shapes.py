"""Douyin's methods as documented: the contract fixtures beside this file, and what the desk
already agrees with.

The fixtures are each method's request and answer as the public record documents them
(README.md names the SDK struct of each file; docs/platforms/douyin.md the sources). These
tests hold what is true today: every fixture reads and has the documented shape, the client
takes every documented success envelope, the parsers read the documented answers where the
desk already follows the record, and the desk's code tables stay inside the documented ones.
Where the desk disagrees with the record the test is not here: the disagreement is listed
in docs/platforms/douyin.md, "Where the desk differs from the record today" (issue 15).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.core.vocabulary import RequestKind, RequestState
from app.platforms.douyin import codes, errors
from app.platforms.douyin.adapter import parse_carriers, parse_reject_reasons
from app.platforms.douyin.client import classify_response
from app.platforms.douyin.detail import detail_params, read_detail
from app.platforms.douyin.errors import (
    PROBLEM_CLOCK,
    PROBLEM_NOT_AUTHORISED,
    PROBLEM_SIGNATURE,
    PROBLEM_TOKEN,
)
from app.platforms.douyin.parse import parse_after_sales, parse_orders
from app.platforms.port import (
    PROBLEM_OUR_FAULT,
    PROBLEM_PLATFORM_BUSY,
    PROBLEM_RATE_LIMITED,
    PROBLEM_REJECTED,
    Mover,
    Outcome,
)

HERE = Path(__file__).parent
ERRORS = HERE / "errors"
SYNCED_AT = 1796140800

# BaseDoudianOpApiResponse (zsmhub/doudian-sdk core/doudian_op_api_base_response.go) and the
# `data` every response struct adds: the documented envelope, field by field, with its type.
ENVELOPE_TYPES: dict[str, type] = {"code": int, "msg": str, "sub_code": str, "sub_msg": str, "log_id": str}

METHODS = (
    "token.create",
    "token.refresh",
    "order.searchList",
    "order.orderDetail",
    "order.logisticsAdd",
    "order.logisticsCompanyList",
    "afterSale.List",
    "afterSale.Detail",
    "afterSale.operate",
    "afterSale.fillLogistics",
    "afterSale.rejectReasonCodeList",
    "open.binaryupload",
    "material.uploadImageSync",
    "material.queryMaterialDetail",
    "material.searchMaterial",
)


def read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def answer(method: str) -> dict[str, Any]:
    return read(HERE / f"{method}.answer.json")


def wire(envelope: dict[str, Any]) -> bytes:
    return json.dumps(envelope, ensure_ascii=False).encode("utf-8")


ANSWERS = sorted(HERE.glob("*.answer.json"))
REQUESTS = sorted(HERE.glob("*.request.json"))
ERROR_ANSWERS = sorted(ERRORS.glob("*.answer.json"))


# --- the fixtures themselves -------------------------------------------------------------------
def test_every_method_the_desk_uses_has_a_documented_request_and_answer() -> None:
    for method in METHODS:
        assert (HERE / f"{method}.answer.json").is_file(), method
        assert list(HERE.glob(f"{method}*.request.json")), method
    assert {path.name.removesuffix(".answer.json") for path in HERE.glob("*.answer.json")} == set(METHODS)


@pytest.mark.parametrize("path", ANSWERS + ERROR_ANSWERS, ids=lambda p: p.name)
def test_an_answer_is_the_documented_envelope(path: Path) -> None:
    envelope = read(path)
    assert set(envelope) == {*ENVELOPE_TYPES, "data"}
    for field, kind in ENVELOPE_TYPES.items():
        assert isinstance(envelope[field], kind), field


@pytest.mark.parametrize("path", REQUESTS, ids=lambda p: p.name)
def test_a_request_is_a_json_object_of_business_parameters(path: Path) -> None:
    params = read(path)
    assert isinstance(params, dict)
    # The signed parameters never carry the query's own fields (PLATFORM-PROTOCOL.md §1).
    assert not {"app_key", "method", "access_token", "timestamp", "sign", "sign_method"} & set(params)


def test_the_readme_names_the_struct_of_every_fixture() -> None:
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    for path in ANSWERS + REQUESTS + ERROR_ANSWERS:
        assert f"`{path.relative_to(HERE)}`" in readme, path.name


# --- the client reads every documented envelope -------------------------------------------------
@pytest.mark.parametrize("path", ANSWERS, ids=lambda p: p.name)
def test_the_client_takes_every_documented_success_answer(path: Path) -> None:
    envelope = read(path)
    method = path.name.removesuffix(".answer.json")
    result = classify_response(method, 200, wire(envelope))
    assert result.outcome is Outcome.DONE
    assert result.data == envelope["data"]
    assert result.log_id == envelope["log_id"]


# Every documented error, read as the record means it (docs/platforms/douyin.md "Errors").
AGREED_ERRORS = {
    "20000.isp.service-error_10002": (Outcome.RETRY, PROBLEM_PLATFORM_BUSY),
    "30001.dop.authorization-no-existed": (Outcome.CONFIG_ERROR, PROBLEM_NOT_AUTHORISED),
    "30001.dop.authorization-closed": (Outcome.CONFIG_ERROR, errors.PROBLEM_AUTHORISATION_CLOSED),
    "30001.isv.app-permissions-insufficient": (Outcome.CONFIG_ERROR, errors.PROBLEM_PERMISSION_MISSING),
    "30002": (Outcome.CONFIG_ERROR, errors.PROBLEM_IP_NOT_WHITELISTED),
    "40001.isv.access-token-missing": (Outcome.CONFIG_ERROR, PROBLEM_OUR_FAULT),
    "40001.isv.signature-missing": (Outcome.CONFIG_ERROR, PROBLEM_OUR_FAULT),
    "40002": (Outcome.REJECTED, PROBLEM_REJECTED),
    "50001.dop.token-generate-failed_no-authorization": (Outcome.CONFIG_ERROR, PROBLEM_NOT_AUTHORISED),
    "50001.dop.token-generate-failed_token-expired": (
        Outcome.CONFIG_ERROR,
        errors.PROBLEM_ACCESS_NOT_RENEWED,
    ),
    "40003.isv.signature-invalid": (Outcome.CONFIG_ERROR, PROBLEM_SIGNATURE),
    "40003.isv.access-token-expired": (Outcome.CONFIG_ERROR, PROBLEM_TOKEN),
    "40003.isv.access-token-no-existed": (Outcome.CONFIG_ERROR, PROBLEM_TOKEN),
    "40003.isv.timestamp-invalid": (Outcome.CONFIG_ERROR, PROBLEM_CLOCK),
    "60000": (Outcome.RETRY, PROBLEM_RATE_LIMITED),
}


@pytest.mark.parametrize("name", sorted(AGREED_ERRORS))
def test_the_client_reads_a_documented_error_as_the_record_means_it(name: str) -> None:
    envelope = read(ERRORS / f"{name}.answer.json")
    result = classify_response("afterSale.List", 200, wire(envelope))
    assert (result.outcome, result.problem) == AGREED_ERRORS[name]
    assert (result.code, result.sub_code) == (envelope["code"], envelope["sub_code"])


@pytest.mark.parametrize("name", ["40004.isv.parameter-invalid_11000", "50002.isv.business-failed_20309541"])
def test_a_documented_refusal_is_not_sent_again(name: str) -> None:
    envelope = read(ERRORS / f"{name}.answer.json")
    result = classify_response("afterSale.operate", 200, wire(envelope))
    assert result.outcome is Outcome.REJECTED
    assert result.sub_code == envelope["sub_code"]


# --- the parsers, where the desk follows the record ----------------------------------------------
def test_the_documented_order_list_parses() -> None:
    data = answer("order.searchList")["data"]
    documented = data["shop_order_list"][0]
    page = parse_orders(data["shop_order_list"], SYNCED_AT)
    order, line, parcel = page.orders[0], page.lines[0], page.parcels[0]
    assert (order["order_id"], order["status"], order["update_time"]) == (
        documented["order_id"],
        documented["order_status"],
        documented["update_time"],
    )
    assert (order["pay_amount"], order["post_amount"], order["promotion_amount"]) == (5400, 0, 500)
    assert (line["sku_order_id"], line["sku_code"], line["item_num"]) == ("6930000000000000002", "TEA-500", 1)
    assert (line["after_sale_status"], line["after_sale_type"], line["refund_status"]) == (6, 1, 1)
    assert (parcel["tracking_no"], parcel["company_code"]) == ("78812345678901", "zhongtong")


def test_the_documented_order_detail_parses() -> None:
    detail = answer("order.orderDetail")["data"]["shop_order_detail"]
    page = parse_orders([detail], SYNCED_AT)
    assert [order["order_id"] for order in page.orders] == [detail["order_id"]]
    assert [line["sku_order_id"] for line in page.lines] == [detail["sku_order_list"][0]["order_id"]]


def test_the_documented_after_sale_list_parses() -> None:
    items = answer("afterSale.List")["data"]["items"]
    row = parse_after_sales(items, SYNCED_AT)[0]
    info = items[0]["aftersale_info"]
    assert (row["aftersale_id"], row["order_id"], row["type"], row["status"]) == (
        info["aftersale_id"],
        items[0]["order_info"]["shop_order_id"],
        info["aftersale_type"],
        info["aftersale_status"],
    )
    assert (row["refund_amount"], row["refund_status"], row["status_deadline"]) == (5400, 1, 1796264130)
    assert row["reason_text"] == items[0]["text_part"]["reason_text"]


def test_the_documented_after_sale_detail_parses_into_the_lists_row() -> None:
    """afterSale.Detail is not a List item (docs/platforms/douyin.md "afterSale.Detail"): its
    names differ, its ids are int64; it reads into the same row, with its history."""
    data = answer("afterSale.Detail")["data"]
    info = data["process_info"]["after_sale_info"]
    reread = read_detail(data, "7300000000000000001", SYNCED_AT)
    row = reread.row
    assert (row["aftersale_id"], row["order_id"], row["related_id"]) == (
        "7300000000000000001",
        "6930000000000000001",
        "6930000000000000002",
    )
    assert (row["type"], row["status"], row["refund_status"]) == (1, 6, 1)
    assert (row["kind"], row["state"]) == (RequestKind.REFUND_AFTER_SHIPMENT, RequestState.AWAITING_SHOP)
    assert (row["apply_time"], row["update_time"], row["status_deadline"]) == (
        info["apply_time"],
        info["update_time"],
        info["status_deadline"],
    )
    assert (row["refund_amount"], row["refund_post_amount"], row["got_pkg"]) == (5400, 0, 1)
    # What only the Detail carries, where the mirror has a column.
    assert row["reason_text"] == info["reason"]
    assert json.loads(row["evidence"]) == info["evidence"]
    assert (row["product_name"], row["item_num"]) == ("高山绿茶 500g", 1)
    assert (row["status_text"], row["type_text"]) == (
        info["after_sale_status_desc"],
        info["after_sale_type_text"],
    )
    # The List's row and the Detail's have the same columns, but for what only the Detail
    # carries: the buyer's pictures and the arbitration's deadline.
    list_row = parse_after_sales(answer("afterSale.List")["data"]["items"], SYNCED_AT)[0]
    assert set(row) - set(list_row) == {"evidence", "arbitration_deadline"}
    assert set(list_row) <= set(row)
    assert [(entry.mover, entry.shop_move) for entry in reread.history or ()] == [(Mover.BUYER, None)]


def test_the_client_asks_the_detail_for_its_history_as_documented() -> None:
    assert detail_params("7300000000000000001") == read(HERE / "afterSale.Detail.request.json")


def test_the_documented_after_sale_list_carries_no_pictures_and_its_reason_in_the_text_part() -> None:
    items = answer("afterSale.List")["data"]["items"]
    assert not {"evidence", "reason_text"} & set(items[0]["aftersale_info"])
    row = parse_after_sales(items, SYNCED_AT)[0]
    assert "evidence" not in row  # a List row never erases the pictures a Detail read stored
    assert row["reason_text"] == items[0]["text_part"]["reason_text"]


def test_the_documented_reject_reasons_parse() -> None:
    reasons = parse_reject_reasons(answer("afterSale.rejectReasonCodeList")["data"])
    assert [(r.code, r.evidence_needed) for r in reasons] == [(1, True), (2, False)]


def test_the_documented_carrier_list_parses() -> None:
    carriers = parse_carriers(answer("order.logisticsCompanyList")["data"])
    assert [(c.id, c.code) for c in carriers] == [(7, "zhongtong"), (12, "shunfeng"), (15, "yuantong")]


# --- the desk's code tables stay inside the documented ones --------------------------------------
def test_the_desk_knows_exactly_the_documented_order_statuses() -> None:
    documented = read(HERE / "code_tables.json")["order_status"]
    assert {int(code) for code in documented} == {int(status) for status in codes.OrderStatus}


@pytest.mark.parametrize(
    ("table", "desk_codes"),
    [
        ("after_sale_type", {int(t) for t in codes.AfterSaleType}),
        ("after_sale_status", {int(s) for s in codes.AfterSaleStatus}),
        # 0 ("no refund involved") is ours: the record lists 1-5 only.
        ("refund_status", {int(s) for s in codes.RefundStatus} - {codes.RefundStatus.NONE}),
    ],
)
def test_every_code_the_desk_knows_is_documented(table: str, desk_codes: set[int]) -> None:
    documented = {int(code) for code in read(HERE / "code_tables.json")[table]}
    assert desk_codes <= documented
