"""The dialect's business routes: orders, shipping and after-sales (PLATFORM-PROTOCOL.md §4-§6).

Owns what each method means once a request has passed the wire checks: parameter
rules (paging limits, the 90-day window, required fields), the
the refusals of `order.logisticsAdd`, and `afterSale.operate` applied all-or-nothing
in one transaction through `lifecycle`, each applied change written to the ledger;
refusal evidence must be `{type 1, url, desc}` objects naming pictures whose review passed
in the material centre (`material.py`).
List answers splice the stored JSON unparsed (`Raw`), which keeps paging fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.sandbox.catalogue import CARRIERS, CARRIERS_BY_CODE, tracking_fits
from app.sandbox.clock import DAY, HOUR, SimClock
from app.sandbox.douyin import codes, detail, exchanges, lifecycle, material
from app.sandbox.douyin.codes import (
    BUSINESS_VERSION_CONFLICT,
    BUSINESS_WRONG_STATE,
    REJECT_REASON_EVIDENCE,
    REJECT_REASONS,
    AfterSaleStatus,
    AfterSaleType,
    ImageRefusal,
    LogisticsRefusal,
    OperateType,
    OrderStatus,
    RecordRole,
)
from app.sandbox.douyin.dialect import ApiError, business, invalid, missing
from app.sandbox.douyin.platform import Platform
from app.sandbox.douyin.store import Store

MAX_PAGE_SIZE = 100
MAX_PAGE_DEPTH = 50_000
HISTORY_WINDOW_S = 90 * DAY + HOUR  # 90 days, plus an hour of grace for clients' clocks
MAX_OPERATE_ITEMS = 20
EVIDENCE_PICTURE = 1  # EvidenceItem.Type "1:图片"
TOKEN_METHODS = ("token.create", "token.refresh")


class Raw(str):
    """A JSON text to splice into the envelope as `data` without re-encoding."""


@dataclass
class Context:
    store: Store
    clock: SimClock
    platform: Platform
    shop_id: str
    shop_name: str


# --- parameters --------------------------------------------------------------------
def int_param(
    params: dict[str, Any], name: str, default: int | None = None, *, required: bool = False
) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        if required:
            raise missing(name)
        return default
    if isinstance(value, bool) or not (
        isinstance(value, int) or (isinstance(value, str) and value.lstrip("-").isdigit())
    ):
        raise invalid(f"参数 {name} 必须是整数")
    return int(value)


def str_param(params: dict[str, Any], name: str) -> str:
    value = params.get(name)
    if value is None or value == "":
        raise missing(name)
    return str(value)


def paging(params: dict[str, Any]) -> tuple[int, int]:
    page = int_param(params, "page", 0) or 0
    size = int_param(params, "size", 20) or 0
    if size < 1 or size > MAX_PAGE_SIZE:
        raise invalid(f"size 必须在 1 到 {MAX_PAGE_SIZE} 之间")
    if page < 0:
        raise invalid("page 从 0 开始，不能为负数")
    if page * size > MAX_PAGE_DEPTH:
        raise invalid(f"page*size 不能超过 {MAX_PAGE_DEPTH}，请缩小时间范围")
    return page, size


def time_range(
    params: dict[str, Any],
    column: str,
    start_name: str,
    end_name: str,
    now: int,
    where: list[str],
    args: list[Any],
) -> bool:
    start, end = int_param(params, start_name), int_param(params, end_name)
    if start is None and end is None:
        return False
    if start is None:
        raise missing(start_name)
    if start < now - HISTORY_WINDOW_S:
        raise invalid(f"{start_name} 超出可查询范围：只能查询最近90天的数据")
    if end is not None and end < start:
        raise invalid(f"{end_name} 不能早于 {start_name}")
    where.append(f"{column} >= ?")  # both ends inclusive
    args.append(start)
    if end is not None:
        where.append(f"{column} <= ?")
        args.append(end)
    return True


def truthy(value: Any) -> bool:
    return value is True or value in (1, "1", "true", "True")


# --- tokens (§3) ----------------------------------------------------------------------
def order_search_list(ctx: Context, params: dict[str, Any]) -> Any:
    page, size = paging(params)
    now = ctx.clock.now()
    where: list[str] = []
    args: list[Any] = []
    by_update = time_range(params, "update_time", "update_time_start", "update_time_end", now, where, args)
    by_create = time_range(params, "create_time", "create_time_start", "create_time_end", now, where, args)
    if not (by_update or by_create):
        raise missing("create_time_start 或 update_time_start")
    status = int_param(params, "order_status")
    if status is not None:
        where.append("status = ?")
        args.append(status)
    order_by = params.get("order_by") or "create_time"
    if order_by not in ("create_time", "update_time"):
        raise invalid("order_by 只能是 create_time 或 update_time")
    total, rows = ctx.store.search(
        "orders", where, args, [(order_by, truthy(params.get("order_asc")))], size, page * size
    )
    return Raw(f'{{"page":{page},"size":{size},"total":{total},"shop_order_list":[{",".join(rows)}]}}')


def order_detail(ctx: Context, params: dict[str, Any]) -> Any:
    text = ctx.store.order_json(str_param(params, "shop_order_id"))
    if text is None:
        raise invalid("订单不存在", LogisticsRefusal.NO_SUCH_ORDER)
    return Raw(f'{{"shop_order_detail":{text}}}')


def logistics_company_list(ctx: Context, params: dict[str, Any]) -> Any:
    return [{"id": carrier.id, "name": carrier.name, "code": carrier.code} for carrier in CARRIERS]


def logistics_add(ctx: Context, params: dict[str, Any]) -> Any:
    order_id = str_param(params, "order_id")
    company_code = str_param(params, "company_code")
    tracking_no = str_param(params, "logistics_code").strip()
    # The SDK names both spellings, "随机使用一个即可" (docs/platforms/douyin.md "order.logisticsAdd").
    refund_reject = truthy(params.get("is_refund_reject")) or truthy(params.get("is_reject_refund"))
    now = ctx.clock.now()
    with ctx.store.transaction() as store:
        order = store.order(order_id)
        if order is None:
            raise invalid(f"订单 {order_id} 不存在", LogisticsRefusal.NO_SUCH_ORDER)
        carrier = CARRIERS_BY_CODE.get(company_code)
        if carrier is None:
            raise invalid(f"不支持的物流公司 {company_code}", LogisticsRefusal.UNKNOWN_CARRIER)
        if not tracking_fits(company_code, tracking_no):
            raise invalid(
                f"运单号 {tracking_no} 不符合{carrier.name}的单号规则", LogisticsRefusal.TRACKING_DOES_NOT_FIT
            )
        status = order.status
        if status == OrderStatus.CANCELLED and order.sim.get("refunded"):
            raise business(LogisticsRefusal.REFUNDED, "订单已在发货前退款，不能发货")
        if status == OrderStatus.CANCELLED:
            raise business(LogisticsRefusal.CANCELLED, "订单已取消，不能发货")
        if status == OrderStatus.COMPLETED:
            raise business(LogisticsRefusal.COMPLETED, "订单已完成，不能发货")
        if status == OrderStatus.SHIPPED:
            raise business(LogisticsRefusal.ALREADY_SHIPPED, "订单已发货，请勿重复发货")
        if status == OrderStatus.UNPAID:
            raise ApiError(codes.CODE_BUSINESS_FAILED, codes.SUB_BUSINESS_FAILED, "订单未支付，不能发货")
        if lifecycle.pending_refund_before_shipment(order) and not refund_reject:
            raise business(
                LogisticsRefusal.REFUND_PENDING, "订单有待处理的退款申请；如需发货请传 is_refund_reject=true"
            )
        owner = store.tracking_owner(tracking_no)
        if owner is not None and owner != order_id:
            raise business(LogisticsRefusal.TRACKING_USED_ELSEWHERE, f"运单号 {tracking_no} 已被其他订单使用")
        if refund_reject:
            for asale in store.after_sales_of_order(order_id):
                if asale.type == 2 and asale.status == AfterSaleStatus.AWAITING_MERCHANT:
                    lifecycle.set_after_sale_status(
                        asale, order, AfterSaleStatus.MERCHANT_REFUSED, now, now, ctx.platform.seed
                    )
                    lifecycle.record(asale, RecordRole.MERCHANT, "merchant_shipped_refusing", now)
                    store.save_after_sale(asale)
                    store.ledger_append(
                        now,
                        "client",
                        "order.logisticsAdd",
                        asale.id,
                        {"order_id": order_id, "is_refund_reject": True},
                        {"from": int(AfterSaleStatus.AWAITING_MERCHANT), "to": asale.status},
                    )
        rng = lifecycle.entity_rng(ctx.platform.seed, order_id, "ship")
        lifecycle.ship(order, carrier.code, carrier.name, tracking_no, now, now, rng, ctx.platform.seed)
        store.save_order(order)
        store.ledger_append(
            now,
            "client",
            "order.logisticsAdd",
            order_id,
            {"company_code": company_code, "logistics_code": tracking_no, "is_refund_reject": refund_reject},
            {"from": int(status), "to": order.status},
        )
    return {}


# --- after-sales (§6) ---------------------------------------------------------------------------
AFTER_SALE_ORDER_COLUMNS = {
    "status_deadline": "status_deadline",
    "update_time": "update_time",
    "apply_time": "apply_time",
    "create_time": "apply_time",
}


def after_sale_list(ctx: Context, params: dict[str, Any]) -> Any:
    page, size = paging(params)
    now = ctx.clock.now()
    where: list[str] = []
    args: list[Any] = []
    time_range(params, "update_time", "update_start_time", "update_end_time", now, where, args)
    time_range(params, "apply_time", "start_time", "end_time", now, where, args)
    statuses = params.get("standard_aftersale_status")
    if statuses not in (None, []):
        if not isinstance(statuses, list) or not all(
            isinstance(s, int) and not isinstance(s, bool) for s in statuses
        ):
            raise invalid("standard_aftersale_status 必须是整数数组")
        where.append(f"status IN ({','.join('?' * len(statuses))})")
        args += statuses
    for name, column in (
        ("aftersale_type", "type"),
        ("order_id", "order_id"),
        ("aftersale_id", "aftersale_id"),
    ):
        value = params.get(name)
        if value not in (None, ""):
            where.append(f"{column} = ?")
            args.append(int_param(params, name) if name == "aftersale_type" else str(value))
    ordering = []
    raw_order = params.get("order_by") or ["apply_time desc"]
    for term in raw_order if isinstance(raw_order, list) else [raw_order]:
        column, _, direction = str(term).strip().partition(" ")
        if column not in AFTER_SALE_ORDER_COLUMNS or direction.strip().lower() not in ("", "asc", "desc"):
            raise invalid(f"不支持的排序 {term}")
        ordering.append((AFTER_SALE_ORDER_COLUMNS[column], direction.strip().lower() == "asc"))
    total, rows = ctx.store.search("after_sales", where, args, ordering, size, page * size)
    has_more = "true" if (page + 1) * size < total else "false"
    return Raw(
        f'{{"page":{page},"size":{size},"total":{total},"has_more":{has_more},"items":[{",".join(rows)}]}}'
    )


def after_sale_detail(ctx: Context, params: dict[str, Any]) -> Any:
    """The request in the documented Detail shape (detail.py), its history of who did what
    (`process_info.record_logs_list`) only when `need_operation_record` asks for it."""
    asale = ctx.store.after_sale(str_param(params, "after_sale_id"))
    if asale is None:
        raise invalid("售后单不存在")
    order = ctx.store.order(asale.order_id)
    return detail.detail_answer(asale, order, with_records=truthy(params.get("need_operation_record")))


def reject_reason_code_list(ctx: Context, params: dict[str, Any]) -> Any:
    """Every field of the record's item; the sandbox's reasons fit every request (-1 通用)."""
    return {
        "items": [
            {
                "reject_reason_code": code,
                "reason": reason,
                "evidence_description": "请上传凭证图片" if need == "Y" else "",
                "evidence_need": need,
                "image": "",
                "order_type": -1,
                "pkg": -1,
            }
            for code, reason, need in REJECT_REASONS
        ]
    }


def after_sale_operate(ctx: Context, params: dict[str, Any]) -> Any:
    operate_type = int_param(params, "type", required=True)
    if operate_type not in {int(op) for op in OperateType}:
        raise invalid(f"不支持的操作类型 type={operate_type}")
    items = params.get("items")
    if not items:
        raise missing("items")
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise invalid("items 必须是对象数组")
    if len(items) > MAX_OPERATE_ITEMS:
        raise invalid(f"一次最多操作 {MAX_OPERATE_ITEMS} 个售后单")
    refusing = operate_type in codes.REFUSING_OPERATIONS
    now = ctx.clock.now()
    results = []
    # One transaction: any refused item rolls every earlier one back (all or nothing).
    with ctx.store.transaction() as store:
        for item in items:
            aftersale_id = str_param(item, "aftersale_id")
            if refusing:
                _check_refusal(store, item, now)
            asale = store.after_sale(aftersale_id)
            if asale is None:
                raise invalid(f"售后单 {aftersale_id} 不存在")
            expected = int_param(item, "update_time")
            if expected is not None and expected != asale.info["update_time"]:
                raise business(BUSINESS_VERSION_CONFLICT, f"售后单 {aftersale_id} 已变更，请刷新后重试")
            target = lifecycle.operate_target(operate_type, asale)
            if target is None and asale.type == AfterSaleType.REFUND_BEFORE_SHIPMENT:
                # Ours: the record names no error for it; the wrong-state code, with words that help.
                raise business(
                    BUSINESS_WRONG_STATE,
                    f"售后单 {aftersale_id} 为发货前退款：同意请用 type=401，"
                    "拒绝请发货并传 is_refund_reject=true",
                )
            if target is None:
                raise business(
                    BUSINESS_WRONG_STATE, f"售后单 {aftersale_id} 当前状态({asale.status})不支持该操作"
                )
            exchanges.check_logistics(operate_type, item)  # the address; the goods sent out
            order = store.order(asale.order_id)
            assert order is not None
            before = asale.status
            lifecycle.set_after_sale_status(asale, order, target, now, now, ctx.platform.seed)
            what = "merchant_refused" if refusing else "merchant_agreed"
            lifecycle.record(asale, RecordRole.MERCHANT, what, now)
            exchanges.keep_operated_goods(asale, operate_type, item, now)
            if refusing:
                asale.sim["refusal"] = {
                    k: item.get(k) for k in ("reject_reason_code", "reason", "remark", "evidence")
                }
            store.save_after_sale(asale)
            store.save_order(order)
            store.ledger_append(
                now,
                "client",
                "afterSale.operate",
                aftersale_id,
                {"type": operate_type, **item},
                {"from": before, "to": target},
            )
            # The answer's id is an int64 (SDK afterSale_operate_response.go), the request's a string.
            results.append({"aftersale_id": int(aftersale_id), "status_code": 0, "status_msg": "success"})
    return {"items": results}


def _check_refusal(store: Store, item: dict[str, Any], now: int) -> None:
    code = int_param(item, "reject_reason_code", required=True)
    if code not in REJECT_REASON_EVIDENCE:
        raise invalid(f"无效的拒绝原因 reject_reason_code={code}")
    if not str(item.get("remark") or "").strip():
        raise missing("remark")
    evidence = item.get("evidence") or []
    # The record's EvidenceItem: {type int32 (1 图片), url, desc}.
    if not isinstance(evidence, list) or not all(isinstance(e, dict) for e in evidence):
        raise invalid("evidence 必须是凭证对象数组 [{type, url, desc}]")
    if REJECT_REASON_EVIDENCE[code] == "Y" and not evidence:
        raise invalid(f"拒绝原因 {code} 需要上传凭证图片 evidence")
    for proof in evidence:
        kind, url = proof.get("type"), proof.get("url")
        if kind != EVIDENCE_PICTURE or not isinstance(proof.get("desc", ""), str):
            # Ours: the sandbox takes pictures only (the record lists 2 视频, 3 音频, 4 文字 too).
            raise invalid(f"凭证类型 {kind!r} 不支持，仅支持 1（图片）")
        if not material.passed_url(store, url, now):  # only pictures its review passed
            raise invalid(
                f"凭证图片 {url} 不是审核通过的素材，请先通过 {material.UPLOAD_METHOD} 上传并等待审核通过",
                ImageRefusal.EVIDENCE_NOT_UPLOADED,
            )


Handler = Callable[[Context, dict[str, Any]], Any]
ROUTES: dict[str, Handler] = {
    "order.searchList": order_search_list,
    "order.orderDetail": order_detail,
    "order.logisticsCompanyList": logistics_company_list,
    "order.logisticsAdd": logistics_add,
    "afterSale.List": after_sale_list,
    "afterSale.Detail": after_sale_detail,
    "afterSale.rejectReasonCodeList": reject_reason_code_list,
    "afterSale.operate": after_sale_operate,
    codes.FILL_LOGISTICS_METHOD: exchanges.fill_logistics,
    material.BINARY_UPLOAD_METHOD: material.binary_upload,
    material.UPLOAD_METHOD: material.upload_image_sync,
    material.DETAIL_METHOD: material.query_material_detail,
    material.SEARCH_METHOD: material.search_material,
}
