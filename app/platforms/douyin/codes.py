"""Every code table of Douyin's dialect the client reads, in one place.

Owns: order statuses, after-sale types and statuses, `afterSale.operate` types, and the
logistics and picture refusal codes with what each means for people (`refusal_problem`,
context "sync"); the envelope's errors are errors.py's. Codes are kept as the platform
sends them (ints); they meet the app's own words only in `mapping.py`, and no screen
shows them. Each value's public source, or "ours" where the record is silent, is
in docs/platforms/douyin.md ("Code tables", "afterSale.operate", "Errors").
"""

from __future__ import annotations

from enum import IntEnum

from app.core.translation import QT_TRANSLATE_NOOP

# --- refusals by number -----------------------------------------------------------
# The envelope's codes and sub-codes, and what each means, are errors.py's table.


def sub_code_number(sub_code: str) -> int | None:
    """`isv.business-failed:60110` -> 60110; no number -> None."""
    _, sep, number = sub_code.partition(":")
    return int(number) if sep and number.isdigit() else None


# --- orders (§4) -----------------------------------------------------------------
class OrderStatus(IntEnum):
    UNPAID = 1
    PAID = 105
    AWAITING_SHIPMENT = 2
    PARTLY_SHIPPED = 101
    SHIPPED = 3
    CANCELLED = 4
    COMPLETED = 5


# The platform's own Chinese descriptions, sent as `order_status_desc`.
ORDER_STATUS_DESC_ZH = {
    OrderStatus.UNPAID: "待支付",
    OrderStatus.PAID: "已支付",
    OrderStatus.AWAITING_SHIPMENT: "待发货",
    OrderStatus.PARTLY_SHIPPED: "部分发货",
    OrderStatus.SHIPPED: "已发货",
    OrderStatus.CANCELLED: "已取消",
    OrderStatus.COMPLETED: "已完成",
}

# Orders the warehouse still has to ship.
ORDER_STATUSES_TO_SHIP = (OrderStatus.PAID, OrderStatus.AWAITING_SHIPMENT, OrderStatus.PARTLY_SHIPPED)


# --- after-sales (§6) ------------------------------------------------------------
class AfterSaleType(IntEnum):
    """`aftersale_type` (List) / `after_sale_type` (Detail): zsmhub/doudian-sdk,
    api/afterSale_Detail/response/afterSale_Detail_response.go, AfterSaleInfo.AfterSaleType
    "0-售后退货退款；1-售后仅退款；2-发货前退款；3-换货；4-系统取消；5-用户取消；6-价保；7-补寄；8-维修"."""

    RETURN_AND_REFUND = 0
    REFUND_AFTER_SHIPMENT = 1
    REFUND_BEFORE_SHIPMENT = 2
    EXCHANGE = 3
    CANCELLED_BY_SYSTEM = 4  # 系统取消
    CANCELLED_BY_BUYER = 5  # 用户取消
    PRICE_PROTECTION = 6  # 价保
    RESEND = 7
    REPAIR = 8  # 维修 (in the Detail and the List request; the List answer's comment omits it)


class AfterSaleStatus(IntEnum):
    """`aftersale_status` / `after_sale_status`: the same SDK file, AfterSaleInfo.AfterSaleStatus
    (6-29 agree with the List's comment and its `standard_aftersale_status` filter)."""

    AWAITING_MERCHANT = 6
    AWAITING_BUYER_RETURN = 7
    AWAITING_MERCHANT_SHIPMENT = 8  # 补寄/维修: 售后待商家发货
    RETURN_AWAITING_RECEIPT = 11
    REFUNDED = 12
    EXCHANGE_IN_PROGRESS = 13  # 换货/补寄/维修: 商家已发货，待用户收货
    EXCHANGE_DONE = 14  # 换货/补寄/维修: 用户已收货
    MERCHANT_REFUSED = 27
    CLOSED = 28
    REFUSED_AFTER_RETURN = 29
    ORDER_CANCELLED = 51  # 订单取消成功
    REVERSE_COMPLETED = 53  # 逆向交易已完成


class ArbitrateStatus(IntEnum):
    """`aftersale_info.arbitrate_status` in the List's answer, and (the nearest table the SDK
    gives) `process_info.arbitrate_info.arbitrate_status` in the Detail's: zsmhub/doudian-sdk,
    api/afterSale_List/response/afterSale_List_response.go, AftersaleInfo.ArbitrateStatus
    "0(无仲裁记录),1(仲裁中),2(客服同意),3(客服拒绝),4(待商家举证),5(协商期),255(仲裁结束)"."""

    NONE = 0  # 无仲裁记录
    IN_PROGRESS = 1  # 仲裁中
    AGREED = 2  # 客服同意: the platform's staff agreed to the buyer's request
    REFUSED = 3  # 客服拒绝
    AWAITING_MERCHANT_EVIDENCE = 4  # 待商家举证
    NEGOTIATION = 5  # 协商期
    ENDED = 255  # 仲裁结束


class ArbitrateFilterStatus(IntEnum):
    """The `arbitrate_status[]` filter of the List's request: a different table from the
    answer's (zsmhub/doudian-sdk, api/afterSale_List/request/afterSale_List_request.go,
    AfterSaleListParam.ArbitrateStatus "0(未介入),1(客服处理中),2(仲裁结束-支持买家),
    3(仲裁结束-支持卖家),4(待商家举证),5(待与买家协商),6(仲裁结束),255(取消)"). The desk
    sends no filter; the table is here so that the two are never confused."""

    NOT_INVOLVED = 0  # 未介入
    IN_PROGRESS = 1  # 客服处理中
    FOR_BUYER = 2  # 仲裁结束-支持买家
    FOR_MERCHANT = 3  # 仲裁结束-支持卖家
    AWAITING_MERCHANT_EVIDENCE = 4  # 待商家举证
    NEGOTIATION = 5  # 待与买家协商
    ENDED = 6  # 仲裁结束
    CANCELLED = 255  # 取消


class OperateType(IntEnum):
    """`afterSale.operate` types. The SDK names 101, 301 and 311; the others come from our
    design notes and are unconfirmed (docs/platforms/douyin.md "afterSale.operate", issue 15)."""

    AGREE_REFUND = 201  # unconfirmed
    REFUSE_REFUND = 202  # unconfirmed
    AGREE_RETURN = 101
    REFUSE_RETURN = 102  # unconfirmed
    CONFIRM_RETURN_AND_REFUND = 111  # unconfirmed
    REFUSE_RETURNED_GOODS = 112  # unconfirmed
    AGREE_EXCHANGE = 301
    CONFIRM_EXCHANGE_RECEIPT = 311
    # A refund before shipment (type 2) is agreed with 401 (unconfirmed: PLATFORM-PROTOCOL.md
    # §9; a public PHP client names 201 "发货后同意仅退款", after shipment) and refused only by
    # shipping (`order.logisticsAdd` with `is_refund_reject`): no operate type refuses it.
    AGREE_REFUND_BEFORE_SHIPMENT = 401  # unconfirmed
    # Exchanges, resends and repairs (docs/platforms/douyin.md "afterSale.operate"): 301/311
    # are the SDK's; the others are in a public admin client's table of operate types by
    # after-sale type and status, not in the SDK: unconfirmed.
    REFUSE_EXCHANGE = 302  # unconfirmed: 拒绝换货申请（一次审核）
    REFUSE_EXCHANGE_GOODS = 312  # unconfirmed: 拒绝换货（二次审核）
    AGREE_RESEND = 501  # unconfirmed: 同意补寄
    REFUSE_RESEND = 502  # unconfirmed: 拒绝补寄
    AGREE_REPAIR = 601  # unconfirmed: 同意维修申请，需买家退货（一次审核）
    AGREE_REPAIR_NO_RETURN = 602  # unconfirmed: 同意维修申请，无需买家退货（一次审核）
    REFUSE_REPAIR = 603  # unconfirmed: 拒绝维修申请（一次审核）
    CONFIRM_REPAIR_RECEIPT = 611  # unconfirmed: 同意维修申请，立即发货（二次审核）
    REFUSE_REPAIR_GOODS = 612  # unconfirmed: 拒绝维修申请（二次审核）


# The shop's shipment of a resend's goods is not an operate type: `afterSale.fillLogistics`
# with `send_type` 1 ("用于补寄商家发货"), `company_code` and `tracking_no` (zsmhub/doudian-sdk,
# api/afterSale_fillLogistics/request/afterSale_fillLogistics_request.go).
FILL_LOGISTICS_METHOD = "afterSale.fillLogistics"
SEND_TYPE_RESEND = 1


class RecordRole(IntEnum):
    """Who acted, in a request's history: `afterSale.Detail` →
    `process_info.record_logs_list[]{operator, time, text, action, role, …}`. The public
    record has the field ("角色"; zsmhub/doudian-sdk, api/afterSale_Detail/response/
    afterSale_Detail_response.go, RecordLogsListItem) but not its values: ours."""

    BUYER = 1  # ours
    MERCHANT = 2  # ours
    PLATFORM = 3  # ours: the platform on its own (a deadline passed, a fast refund)


# (ours) The `action` ("动作") of the merchant's entries in a request's history, written when
# `afterSale.operate` applies, or a shipment refuses the refund (`is_refund_reject`): the
# public record names the field but not its values.
RECORD_ACTION_MERCHANT_AGREED = "商家同意"
RECORD_ACTION_MERCHANT_REFUSED = "商家拒绝"
RECORD_ACTION_MERCHANT_SHIPPED_REFUSING = "商家已发货，拒绝退款"

BUSINESS_WRONG_STATE = 20309541  # afterSale.operate on a request in the wrong state
BUSINESS_VERSION_CONFLICT = 20309542  # ours: `update_time` sent is not the current one


# --- shipping (§5) -----------------------------------------------------------------
class LogisticsRefusal(IntEnum):
    ALREADY_SHIPPED = 60110
    CANCELLED = 60021
    COMPLETED = 60113
    REFUNDED = 60068
    REFUND_PENDING = 60040
    UNKNOWN_CARRIER = 60018
    TRACKING_DOES_NOT_FIT = 60017
    NO_SUCH_ORDER = 60033
    TRACKING_USED_ELSEWHERE = 70022


# What each refusal means for the person who shipped, and what to do; shown in "needs
# attention" instead of the platform's own words (which stay beside it).
LOGISTICS_REFUSAL_PROBLEMS: dict[int, str] = {
    LogisticsRefusal.ALREADY_SHIPPED: QT_TRANSLATE_NOOP(
        "sync",
        "The order had already been shipped on the platform, so this tracking number was not added. "
        "Check the order, then discard this shipment.",
    ),
    LogisticsRefusal.CANCELLED: QT_TRANSLATE_NOOP(
        "sync", "The order was cancelled on the platform. Do not send the parcel; discard this shipment."
    ),
    LogisticsRefusal.COMPLETED: QT_TRANSLATE_NOOP(
        "sync", "The order is already completed on the platform and cannot be shipped. Discard this shipment."
    ),
    LogisticsRefusal.REFUNDED: QT_TRANSLATE_NOOP(
        "sync",
        "The buyer was refunded before shipment and the order is closed. Do not send the parcel; "
        "discard this shipment.",
    ),
    LogisticsRefusal.REFUND_PENDING: QT_TRANSLATE_NOOP(
        "sync",
        "The buyer has asked for a refund before shipment, so the platform did not take the shipment. "
        "Decide the refund first, or have someone allowed to refuse refunds apply the shipment again, "
        "refusing the refund.",
    ),
    LogisticsRefusal.UNKNOWN_CARRIER: QT_TRANSLATE_NOOP(
        "sync",
        "The platform does not know this carrier. Discard this shipment and ship again with a carrier "
        "from the platform's list.",
    ),
    LogisticsRefusal.TRACKING_DOES_NOT_FIT: QT_TRANSLATE_NOOP(
        "sync",
        "The platform says the tracking number does not fit the carrier. Check the number and the "
        "carrier on the parcel's label, discard this shipment and ship again.",
    ),
    LogisticsRefusal.NO_SUCH_ORDER: QT_TRANSLATE_NOOP(
        "sync", "The platform has no such order. Discard this shipment."
    ),
    LogisticsRefusal.TRACKING_USED_ELSEWHERE: QT_TRANSLATE_NOOP(
        "sync",
        "The platform says this tracking number is already used by another order. Check the parcel's "
        "label, discard this shipment and ship again with the right number.",
    ),
}


# --- refusal evidence -----------------------------------------------------------------------
# Pictures go up through the material centre (material.py, docs/platforms/douyin.md
# "material.uploadImageSync"); a refusal may name only pictures whose review passed. The
# number of that refusal is ours (the sandbox's; the record gives none).


class ImageRefusal(IntEnum):
    """`isv.parameter-invalid:N` numbers of evidence refusals (40004); ours."""

    EVIDENCE_NOT_UPLOADED = 62004  # afterSale.operate: evidence not a picture whose review passed


EVIDENCE_REFUSAL_PROBLEMS: dict[int, str] = {
    ImageRefusal.EVIDENCE_NOT_UPLOADED: QT_TRANSLATE_NOOP(
        "sync",
        "The platform takes only evidence pictures uploaded to it whose review passed, and this refusal "
        "pointed to other pictures. Discard this refusal and refuse again with the pictures.",
    ),
}
_REFUSAL_PROBLEMS_BY_METHOD: dict[str, dict[int, str]] = {
    "order.logisticsAdd": LOGISTICS_REFUSAL_PROBLEMS,
    "afterSale.operate": EVIDENCE_REFUSAL_PROBLEMS,
}


def refusal_problem(method: str, sub_code: str) -> str | None:
    """Plain words for a refusal of `method` the tables above know (by the number in
    `sub_code`), or None."""
    number = sub_code_number(sub_code)
    return _REFUSAL_PROBLEMS_BY_METHOD.get(method, {}).get(number) if number is not None else None


class RefundType(IntEnum):
    """`refund_type` (退款方式) of an after-sale: zsmhub/doudian-sdk,
    api/afterSale_List/response/afterSale_List_response.go, AftersaleInfo.RefundType
    "退款方式，枚举为1(极速退款助手)、2(售后小助手)、3(售后急速退)、4(闪电退货)" (the Detail's
    `AfterSaleInfo.RefundType` "退款方式", with `refund_type_text`). Which of them the platform
    pays before the shop decides is not in the record: FAST_REFUND_TYPES is ours.
    """

    FAST_REFUND_ASSISTANT = 1  # 极速退款助手
    AFTER_SALE_ASSISTANT = 2  # 售后小助手
    AFTER_SALE_FAST_REFUND = 3  # 售后急速退
    LIGHTNING_RETURN = 4  # 闪电退货


# (ours) The refund ways whose names say the platform refunds fast (极速, 急速, 闪电).
FAST_REFUND_TYPES = frozenset(
    {RefundType.FAST_REFUND_ASSISTANT, RefundType.AFTER_SALE_FAST_REFUND, RefundType.LIGHTNING_RETURN}
)


class RefundStatus(IntEnum):
    """`refund_status` of an after-sale (and of a SKU line's `after_sale_info`): zsmhub/doudian-sdk,
    api/afterSale_List/response/afterSale_List_response.go, AftersaleInfo.RefundStatus
    "1-待退款;2-退款中;3-退款成功;4-退款失败;5-追缴成功" (the Detail's says the same; the order
    line's `after_sale_info` lists only 1, 3, 4). 0 for "no refund involved" (exchanges,
    resends) is ours.
    """

    NONE = 0  # ours
    PENDING = 1  # 待退款
    IN_PROGRESS = 2  # 退款中
    SUCCEEDED = 3  # 退款成功
    FAILED = 4  # 退款失败
    RECOVERED = 5  # 追缴成功: a refund paid out was recovered


# --- what an operation leads to (§6) ---------------------------------------------
# The app checks a decision's effect with these after a lost answer; the sandbox
# store follows them. Shorthands keep the tables readable.
S = AfterSaleStatus
T = AfterSaleType

# The merchant's moves: operate type -> {(after-sale type, from status): to status}.
# Which types apply where: docs/platforms/douyin.md "afterSale.operate" (sources, and what is ours).
OPERATE_TRANSITIONS: dict[int, dict[tuple[int, int], int]] = {
    OperateType.AGREE_REFUND: {(T.REFUND_AFTER_SHIPMENT, S.AWAITING_MERCHANT): S.REFUNDED},
    # A refund before shipment: agreed with 401, refused only by shipping (no operate type).
    OperateType.AGREE_REFUND_BEFORE_SHIPMENT: {(T.REFUND_BEFORE_SHIPMENT, S.AWAITING_MERCHANT): S.REFUNDED},
    OperateType.REFUSE_REFUND: {(T.REFUND_AFTER_SHIPMENT, S.AWAITING_MERCHANT): S.MERCHANT_REFUSED},
    OperateType.AGREE_RETURN: {(T.RETURN_AND_REFUND, S.AWAITING_MERCHANT): S.AWAITING_BUYER_RETURN},
    OperateType.REFUSE_RETURN: {(T.RETURN_AND_REFUND, S.AWAITING_MERCHANT): S.MERCHANT_REFUSED},
    OperateType.CONFIRM_RETURN_AND_REFUND: {(T.RETURN_AND_REFUND, S.RETURN_AWAITING_RECEIPT): S.REFUNDED},
    OperateType.REFUSE_RETURNED_GOODS: {
        (T.RETURN_AND_REFUND, S.RETURN_AWAITING_RECEIPT): S.REFUSED_AFTER_RETURN
    },
    # Exchanges: 301 with the return address, 302 refuses; 311 with the new goods' logistics, 312 refuses.
    OperateType.AGREE_EXCHANGE: {(T.EXCHANGE, S.AWAITING_MERCHANT): S.AWAITING_BUYER_RETURN},
    OperateType.REFUSE_EXCHANGE: {(T.EXCHANGE, S.AWAITING_MERCHANT): S.MERCHANT_REFUSED},
    OperateType.CONFIRM_EXCHANGE_RECEIPT: {(T.EXCHANGE, S.RETURN_AWAITING_RECEIPT): S.EXCHANGE_IN_PROGRESS},
    OperateType.REFUSE_EXCHANGE_GOODS: {(T.EXCHANGE, S.RETURN_AWAITING_RECEIPT): S.REFUSED_AFTER_RETURN},
    # Resends: agreed (501), the request waits for the shop's shipment (8), sent by
    # afterSale.fillLogistics (FILL_LOGISTICS_TRANSITIONS); 502 refuses.
    OperateType.AGREE_RESEND: {(T.RESEND, S.AWAITING_MERCHANT): S.AWAITING_MERCHANT_SHIPMENT},
    OperateType.REFUSE_RESEND: {(T.RESEND, S.AWAITING_MERCHANT): S.MERCHANT_REFUSED},
    # Repairs: the goods come back (601) or are refused (603); the repaired goods go out
    # (611, at 11 or at 8) or the returned goods are refused (612). 611's logistics: ours.
    OperateType.AGREE_REPAIR: {(T.REPAIR, S.AWAITING_MERCHANT): S.AWAITING_BUYER_RETURN},
    OperateType.AGREE_REPAIR_NO_RETURN: {(T.REPAIR, S.AWAITING_MERCHANT): S.AWAITING_MERCHANT_SHIPMENT},
    OperateType.REFUSE_REPAIR: {(T.REPAIR, S.AWAITING_MERCHANT): S.MERCHANT_REFUSED},
    OperateType.CONFIRM_REPAIR_RECEIPT: {
        (T.REPAIR, S.RETURN_AWAITING_RECEIPT): S.EXCHANGE_IN_PROGRESS,
        (T.REPAIR, S.AWAITING_MERCHANT_SHIPMENT): S.EXCHANGE_IN_PROGRESS,
    },
    OperateType.REFUSE_REPAIR_GOODS: {(T.REPAIR, S.RETURN_AWAITING_RECEIPT): S.REFUSED_AFTER_RETURN},
}
# `afterSale.fillLogistics` (send_type 1): the resend's goods leave the shop.
FILL_LOGISTICS_TRANSITIONS: dict[tuple[int, int], int] = {
    (T.RESEND, S.AWAITING_MERCHANT_SHIPMENT): S.EXCHANGE_IN_PROGRESS,
}
# What the platform does alone when `status_deadline` passes: agreement on the merchant's behalf.
PLATFORM_TIMEOUT: dict[tuple[int, int], int] = {
    (T.RETURN_AND_REFUND, S.AWAITING_MERCHANT): S.AWAITING_BUYER_RETURN,
    (T.REFUND_AFTER_SHIPMENT, S.AWAITING_MERCHANT): S.REFUNDED,
    (T.REFUND_BEFORE_SHIPMENT, S.AWAITING_MERCHANT): S.REFUNDED,
    (T.EXCHANGE, S.AWAITING_MERCHANT): S.AWAITING_BUYER_RETURN,
    (T.RESEND, S.AWAITING_MERCHANT): S.AWAITING_MERCHANT_SHIPMENT,  # ours: agreed, then the shop ships
    (T.RETURN_AND_REFUND, S.RETURN_AWAITING_RECEIPT): S.REFUNDED,
    (T.EXCHANGE, S.RETURN_AWAITING_RECEIPT): S.EXCHANGE_IN_PROGRESS,
    # ours: a repair is agreed alone as an exchange is
    (T.REPAIR, S.AWAITING_MERCHANT): S.AWAITING_BUYER_RETURN,
    (T.REPAIR, S.RETURN_AWAITING_RECEIPT): S.EXCHANGE_IN_PROGRESS,
}
