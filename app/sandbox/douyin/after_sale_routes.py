"""The dialect's after-sale routes (PLATFORM-PROTOCOL.md §6): list, detail, refusal reasons, operate.

Owns what the after-sale methods mean once a request has passed the wire checks: the
list's filters and orderings, the Detail answer (in detail.py's shape, with the request's
history when asked), the platform's refusal reasons, and `afterSale.operate` applied
all-or-nothing in one transaction through `lifecycle`, each applied change written to the
ledger; refusal evidence must be `{type 1, url, desc}` objects naming pictures whose review
passed in the material centre (`material.py`).
"""

from __future__ import annotations

from typing import Any

from app.sandbox.douyin import codes, detail, exchanges, lifecycle, material
from app.sandbox.douyin.codes import (
    BUSINESS_VERSION_CONFLICT,
    BUSINESS_WRONG_STATE,
    REJECT_REASON_EVIDENCE,
    REJECT_REASONS,
    AfterSaleType,
    ImageRefusal,
    OperateType,
    RecordRole,
)
from app.sandbox.douyin.dialect import business, invalid, missing
from app.sandbox.douyin.params import Context, Raw, int_param, paging, str_param, time_range, truthy
from app.sandbox.douyin.store import Store

MAX_OPERATE_ITEMS = 20
EVIDENCE_PICTURE = 1  # EvidenceItem.Type "1:图片"
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
