"""The dialect's business routes: orders and shipping here, and the table of every route.

Owns what the order methods mean once a request has passed the wire checks (PLATFORM-
PROTOCOL.md §4-§5): the order list and detail, the carriers, and the refusals of
`order.logisticsAdd` (applied in one transaction through `lifecycle`, each change written
to the ledger); and `ROUTES`, which method each handler answers. The parameter rules they
share are `params.py`'s, the after-sale routes (§6) `after_sale_routes.py`'s.
List answers splice the stored JSON unparsed (`Raw`), which keeps paging fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.sandbox.catalogue import CARRIERS, CARRIERS_BY_CODE, tracking_fits
from app.sandbox.douyin import after_sale_routes, codes, exchanges, lifecycle, material
from app.sandbox.douyin.codes import AfterSaleStatus, LogisticsRefusal, OrderStatus, RecordRole
from app.sandbox.douyin.dialect import ApiError, business, invalid, missing
from app.sandbox.douyin.params import Context, Raw, int_param, paging, str_param, time_range, truthy

TOKEN_METHODS = ("token.create", "token.refresh")


# --- orders and shipping (§4-§5) ----------------------------------------------------
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


Handler = Callable[[Context, dict[str, Any]], Any]
ROUTES: dict[str, Handler] = {
    "order.searchList": order_search_list,
    "order.orderDetail": order_detail,
    "order.logisticsCompanyList": logistics_company_list,
    "order.logisticsAdd": logistics_add,
    "afterSale.List": after_sale_routes.after_sale_list,
    "afterSale.Detail": after_sale_routes.after_sale_detail,
    "afterSale.rejectReasonCodeList": after_sale_routes.reject_reason_code_list,
    "afterSale.operate": after_sale_routes.after_sale_operate,
    codes.FILL_LOGISTICS_METHOD: exchanges.fill_logistics,
    material.BINARY_UPLOAD_METHOD: material.binary_upload,
    material.UPLOAD_METHOD: material.upload_image_sync,
    material.DETAIL_METHOD: material.query_material_detail,
    material.SEARCH_METHOD: material.search_material,
}
