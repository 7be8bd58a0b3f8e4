"""The Douyin dialect's code tables as the sandbox store, the platform's stand-in, keeps them.

Owns every number and word the store sends or checks: the envelope's codes and
sub-codes, order statuses, after-sale types and statuses with the platform's Chinese
texts, `afterSale.operate` types and what each does to which request, what the
platform does alone when a deadline passes, the refusals of `order.logisticsAdd` and of
pictures, who acted in a request's history, and what a picture must be.

Written for the sandbox from the public record (PLATFORM-PROTOCOL.md; docs/platforms/
douyin.md names the sources), never imported from the client (app/platforms/douyin/
codes.py): the stand-in must be able to disagree with the client, so that a client that
misreads the platform fails against it. Where the public record is silent the value is
ours and marked so; the client's copy must agree with these, and the tests that sync
against the store check that it does.
"""

from __future__ import annotations

from enum import IntEnum

# --- the envelope (PLATFORM-PROTOCOL.md §2) ------------------------------------------
CODE_SUCCESS = 10000
CODE_SERVICE_ERROR = 20000
CODE_SERVICE_TIMEOUT = 20001
CODE_AUTHORIZATION_MISSING = 30001  # 操作权限不足: authorisation, permission package, app disabled
CODE_IP_NOT_TRUSTED = 30002
CODE_PLATFORM_PARAMETER_MISSING = 40001  # 缺少必选参数（平台校验）
CODE_MISSING_PARAMETER = 40002  # 缺少必选参数（业务校验）: no sub-code in the record
CODE_AUTH_ERROR = 40003  # 非法的参数（平台校验）: signature, token, timestamp, app key
CODE_PARAMETER_INVALID = 40004
CODE_TOKEN_FAILED = 50001  # 平台处理失败: dop.token-generate-failed:*
CODE_BUSINESS_FAILED = 50002
CODE_RATE_LIMITED = 60000
CODE_SERVICE_OFF = 70000
CODE_UNKNOWN_ERROR = 90000

SUB_SIGNATURE_INVALID = "isv.signature-invalid"
SUB_TOKEN_EXPIRED = "isv.access-token-expired"
SUB_TOKEN_UNKNOWN = "isv.access-token-no-existed"
SUB_TOKEN_OF_OTHER_APP = "isv.access-token-invalid"
SUB_TIMESTAMP_INVALID = "isv.timestamp-invalid"
SUB_APP_KEY_INVALID = "isv.app-id-invalid"
SUB_APP_KEY_EXPIRED = "isv.app-id-expired"
SUB_PARAMETER_FORMAT_INVALID = "isv.parameter-format-invalid"
SUB_SIGNATURE_MISSING = "isv.signature-missing"
SUB_APP_KEY_MISSING = "isv.app-id-missing"
SUB_TOKEN_MISSING = "isv.access-token-missing"
SUB_PARAMETER_INVALID = "isv.parameter-invalid"  # followed by ":N"
SUB_BUSINESS_FAILED = "isv.business-failed"  # followed by ":N"
SUB_AUTHORIZATION_MISSING = "dop.authorization-no-existed"
SUB_PERMISSIONS_INSUFFICIENT = "isv.app-permissions-insufficient"
SUB_AUTHORIZATION_CLOSED = "dop.authorization-closed"
SUB_APP_FORBIDDEN = "dop.app-forbidden"
SUB_TOKEN_FAILED = "dop.token-generate-failed"  # followed by ":<reason>"
SUB_SERVICE_ERROR = "isp.service-error"
SUB_SERVICE_OFF = "isp.api-service-off"
SUB_UNKNOWN_ERROR = "dop.unknown-error"

# The envelope's `msg` for each code (tb07/jinritemai src/Error/ErrorCode.php).
MESSAGES = {
    CODE_SUCCESS: "success",
    CODE_SERVICE_ERROR: "服务不可用",
    CODE_SERVICE_TIMEOUT: "内部服务超时",
    CODE_AUTHORIZATION_MISSING: "操作权限不足",
    CODE_IP_NOT_TRUSTED: "请求来源IP不可信，请检查IP白名单",
    CODE_PLATFORM_PARAMETER_MISSING: "缺少必选参数（平台校验）",
    CODE_MISSING_PARAMETER: "缺少必选参数（业务校验）",
    CODE_AUTH_ERROR: "非法的参数（平台校验）",
    CODE_PARAMETER_INVALID: "非法的参数（业务校验）",
    CODE_TOKEN_FAILED: "平台处理失败",
    CODE_BUSINESS_FAILED: "业务处理失败",
    CODE_RATE_LIMITED: "触发限流，请稍后重试",
    CODE_SERVICE_OFF: "接口服务已下线",
    CODE_UNKNOWN_ERROR: "其他异常",
}
# The `sub_msg` of each sub-code, as the same table words it.
SUB_MESSAGES = {
    SUB_SIGNATURE_MISSING: "获取签名失败，请根据文档确保参数拼装正确",
    SUB_APP_KEY_MISSING: "认证失败，app_key不存在",
    SUB_TOKEN_MISSING: "认证失败，access_token不能为空",
    SUB_TOKEN_OF_OTHER_APP: "app_key和access_token不匹配，请仔细检查",
    SUB_APP_KEY_INVALID: "认证失败，app_key格式不正确，应为19位纯数字",
    SUB_APP_KEY_EXPIRED: "app_key已过期失效，请前往抖店开放平台进行升级",
    SUB_PARAMETER_FORMAT_INVALID: "业务参数json解析失败，所有参数需为string类型",
    SUB_PERMISSIONS_INSUFFICIENT: "应用无权限调用该接口，请先申请接口权限包",
    SUB_AUTHORIZATION_CLOSED: "店铺授权已被关闭，请联系商家打开授权开关",
    SUB_APP_FORBIDDEN: "应用已被系统禁用",
    SUB_AUTHORIZATION_MISSING: "店铺授权已失效，请重新授权",
    f"{SUB_TOKEN_FAILED}:token-expired": "生成token失败，token已过期",
    f"{SUB_TOKEN_FAILED}:token-invalid": "生成token失败，token不存在",
    f"{SUB_TOKEN_FAILED}:no-authorization": "生成token失败，店铺授权已失效，请重新引导商家完成店铺授权",
    f"{SUB_TOKEN_FAILED}:app-secret-invalid": "生成token失败，app_key不存在或者与app_secret不匹配",
    SUB_SERVICE_OFF: "API不存在或API已下线",
    SUB_UNKNOWN_ERROR: "未知错误",
}


# --- orders (§4) ---------------------------------------------------------------------
class OrderStatus(IntEnum):
    UNPAID = 1
    PAID = 105
    AWAITING_SHIPMENT = 2
    PARTLY_SHIPPED = 101
    SHIPPED = 3
    CANCELLED = 4
    COMPLETED = 5


# Sent as `order_status_desc`.
ORDER_STATUS_DESC_ZH = {
    OrderStatus.UNPAID: "待支付",
    OrderStatus.PAID: "已支付",
    OrderStatus.AWAITING_SHIPMENT: "待发货",
    OrderStatus.PARTLY_SHIPPED: "部分发货",
    OrderStatus.SHIPPED: "已发货",
    OrderStatus.CANCELLED: "已取消",
    OrderStatus.COMPLETED: "已完成",
}


# --- after-sales (§6) ----------------------------------------------------------------
class AfterSaleType(IntEnum):
    """zsmhub/doudian-sdk, api/afterSale_Detail/response/afterSale_Detail_response.go,
    AfterSaleInfo.AfterSaleType "0-售后退货退款；1-售后仅退款；2-发货前退款；3-换货；4-系统取消；
    5-用户取消；6-价保；7-补寄；8-维修"."""

    RETURN_AND_REFUND = 0
    REFUND_AFTER_SHIPMENT = 1
    REFUND_BEFORE_SHIPMENT = 2
    EXCHANGE = 3
    CANCELLED_BY_SYSTEM = 4
    CANCELLED_BY_BUYER = 5
    PRICE_PROTECTION = 6
    RESEND = 7
    REPAIR = 8


AFTER_SALE_TYPE_TEXT_ZH = {
    AfterSaleType.RETURN_AND_REFUND: "退货退款",
    AfterSaleType.REFUND_AFTER_SHIPMENT: "已发货仅退款",
    AfterSaleType.REFUND_BEFORE_SHIPMENT: "未发货仅退款",
    AfterSaleType.EXCHANGE: "换货",
    AfterSaleType.CANCELLED_BY_SYSTEM: "系统取消",
    AfterSaleType.CANCELLED_BY_BUYER: "用户取消",
    AfterSaleType.PRICE_PROTECTION: "价保",
    AfterSaleType.RESEND: "补寄",
    AfterSaleType.REPAIR: "维修",
}


class AfterSaleStatus(IntEnum):
    """The same SDK file, AfterSaleInfo.AfterSaleStatus."""

    AWAITING_MERCHANT = 6
    AWAITING_BUYER_RETURN = 7
    AWAITING_MERCHANT_SHIPMENT = 8  # 补寄/维修: 售后待商家发货
    RETURN_AWAITING_RECEIPT = 11
    REFUNDED = 12
    EXCHANGE_IN_PROGRESS = 13
    EXCHANGE_DONE = 14
    MERCHANT_REFUSED = 27
    CLOSED = 28
    REFUSED_AFTER_RETURN = 29
    ORDER_CANCELLED = 51  # 订单取消成功
    REVERSE_COMPLETED = 53  # 逆向交易已完成


AFTER_SALE_STATUS_TEXT_ZH = {
    AfterSaleStatus.AWAITING_MERCHANT: "待商家处理",
    AfterSaleStatus.AWAITING_BUYER_RETURN: "待买家退货",
    AfterSaleStatus.RETURN_AWAITING_RECEIPT: "待商家收货",
    AfterSaleStatus.REFUNDED: "退款成功",
    AfterSaleStatus.EXCHANGE_IN_PROGRESS: "换货中",
    AfterSaleStatus.EXCHANGE_DONE: "换货成功",
    AfterSaleStatus.MERCHANT_REFUSED: "商家拒绝",
    AfterSaleStatus.CLOSED: "售后关闭",
    AfterSaleStatus.REFUSED_AFTER_RETURN: "退货后拒绝",
    AfterSaleStatus.AWAITING_MERCHANT_SHIPMENT: "待商家发货",
    AfterSaleStatus.ORDER_CANCELLED: "订单取消成功",
    AfterSaleStatus.REVERSE_COMPLETED: "逆向交易已完成",
}


class RefundStatus(IntEnum):
    """`refund_status` of a request (zsmhub/doudian-sdk, api/afterSale_List/response/
    afterSale_List_response.go, AftersaleInfo.RefundStatus "1-待退款;2-退款中;3-退款成功;
    4-退款失败;5-追缴成功"); its order line's `after_sale_info` sends only 1, 3 and 4 (SDK
    order AfterSaleInfo.RefundStatus). 0 for "no refund involved" (exchanges, resends) is ours."""

    NONE = 0  # ours
    PENDING = 1
    IN_PROGRESS = 2  # the platform has decided and the money is on its way (arbitration.py)
    SUCCEEDED = 3
    FAILED = 4
    RECOVERED = 5  # a refund paid out, recovered after the platform decided for the shop


class ArbitrateStatus(IntEnum):
    """`aftersale_info.arbitrate_status` (List) and `arbitrate_info.arbitrate_status` (Detail):
    zsmhub/doudian-sdk, api/afterSale_List/response/afterSale_List_response.go,
    AftersaleInfo.ArbitrateStatus "0(无仲裁记录),1(仲裁中),2(客服同意),3(客服拒绝),4(待商家举证),
    5(协商期),255(仲裁结束)". The List request's filter has another table (its 6 is 仲裁结束,
    its 255 取消); the sandbox answers no filter."""

    NONE = 0
    IN_PROGRESS = 1
    AGREED = 2  # 客服同意: for the buyer
    REFUSED = 3  # 客服拒绝: for the merchant
    AWAITING_MERCHANT_EVIDENCE = 4
    NEGOTIATION = 5
    ENDED = 255


# Sent as `text_part.arbitrate_status_text` (the SDK's TextPart has the field; these words are
# the table's own).
ARBITRATE_STATUS_TEXT_ZH = {
    ArbitrateStatus.NONE: "",
    ArbitrateStatus.IN_PROGRESS: "仲裁中",
    ArbitrateStatus.AGREED: "客服同意",
    ArbitrateStatus.REFUSED: "客服拒绝",
    ArbitrateStatus.AWAITING_MERCHANT_EVIDENCE: "待商家举证",
    ArbitrateStatus.NEGOTIATION: "协商期",
    ArbitrateStatus.ENDED: "仲裁结束",
}


class OperateType(IntEnum):
    """`afterSale.operate` types. 201/202 are on the public record; the rest are ours."""

    AGREE_REFUND = 201
    REFUSE_REFUND = 202
    AGREE_RETURN = 101  # ours
    REFUSE_RETURN = 102  # ours
    CONFIRM_RETURN_AND_REFUND = 111  # ours
    REFUSE_RETURNED_GOODS = 112  # ours
    AGREE_EXCHANGE = 301  # ours
    CONFIRM_EXCHANGE_RECEIPT = 311  # ours
    # A refund before shipment (type 2): agreed with 401 (PLATFORM-PROTOCOL.md §9, unconfirmed);
    # 201/202 on it are refused as a wrong state (ours: the record names no error for it),
    # and it is refused only by shipping (`order.logisticsAdd` with `is_refund_reject`).
    AGREE_REFUND_BEFORE_SHIPMENT = 401
    # Exchanges, resends and repairs, as a public admin client's table of operate types by
    # after-sale type and status lists them (docs/platforms/douyin.md "afterSale.operate"):
    # 102/112 are for returns only, an exchange is refused with 302/312.
    REFUSE_EXCHANGE = 302
    REFUSE_EXCHANGE_GOODS = 312
    AGREE_RESEND = 501
    REFUSE_RESEND = 502
    AGREE_REPAIR = 601  # the buyer sends the goods in for repair
    AGREE_REPAIR_NO_RETURN = 602  # 同意维修申请，无需买家退货: the shop sends (8)
    REFUSE_REPAIR = 603
    CONFIRM_REPAIR_RECEIPT = 611  # 同意维修申请，立即发货: the repaired goods go out
    REFUSE_REPAIR_GOODS = 612


# A resend's goods leave the shop by `afterSale.fillLogistics` (zsmhub/doudian-sdk,
# AfterSaleFillLogisticsParam: `aftersale_id` int64, `send_type` 1 "用于补寄商家发货",
# `company_code`, `tracking_no`).
FILL_LOGISTICS_METHOD = "afterSale.fillLogistics"
SEND_TYPE_RESEND = 1
# Operate types whose `logistics` must carry the shop's return address (`receiver_address_id`,
# int64: SDK `Logistics` "当前type=101，301，311是该集合需要传值"), and those that send goods out and
# must carry `company_code` + `logistics_code` (311: SDK "type=311仅换货时需要填入"; 611: ours).
ADDRESS_OPERATIONS = (101, 301, 601)
SHIPPING_OPERATIONS = (311, 611)


class RecordRole(IntEnum):
    """`role` ("角色") of an entry in `afterSale.Detail` → `process_info.record_logs_list`:
    the field is public (zsmhub/doudian-sdk, api/afterSale_Detail/response/
    afterSale_Detail_response.go, RecordLogsListItem), its values are ours."""

    BUYER = 1  # ours
    MERCHANT = 2  # ours
    PLATFORM = 3  # ours: the platform on its own (a deadline passed, a fast refund)


# (ours) The `action` ("动作") of the merchant's entries in a request's history.
RECORD_ACTION_MERCHANT_AGREED = "商家同意"
RECORD_ACTION_MERCHANT_REFUSED = "商家拒绝"
RECORD_ACTION_MERCHANT_SHIPPED_REFUSING = "商家已发货，拒绝退款"

BUSINESS_WRONG_STATE = 20309541  # afterSale.operate on a request in the wrong state
BUSINESS_VERSION_CONFLICT = 20309542  # ours: `update_time` sent is not the current one

S = AfterSaleStatus
T = AfterSaleType

# The merchant's moves: operate type -> {(after-sale type, from status): to status}.
# 201/202 are on the public record; the rest, and resend via 301, are ours.
OPERATE_TRANSITIONS: dict[int, dict[tuple[int, int], int]] = {
    OperateType.AGREE_REFUND: {(T.REFUND_AFTER_SHIPMENT, S.AWAITING_MERCHANT): S.REFUNDED},
    OperateType.AGREE_REFUND_BEFORE_SHIPMENT: {(T.REFUND_BEFORE_SHIPMENT, S.AWAITING_MERCHANT): S.REFUNDED},
    OperateType.REFUSE_REFUND: {(T.REFUND_AFTER_SHIPMENT, S.AWAITING_MERCHANT): S.MERCHANT_REFUSED},
    OperateType.AGREE_RETURN: {(T.RETURN_AND_REFUND, S.AWAITING_MERCHANT): S.AWAITING_BUYER_RETURN},
    OperateType.REFUSE_RETURN: {(T.RETURN_AND_REFUND, S.AWAITING_MERCHANT): S.MERCHANT_REFUSED},
    OperateType.CONFIRM_RETURN_AND_REFUND: {(T.RETURN_AND_REFUND, S.RETURN_AWAITING_RECEIPT): S.REFUNDED},
    OperateType.REFUSE_RETURNED_GOODS: {
        (T.RETURN_AND_REFUND, S.RETURN_AWAITING_RECEIPT): S.REFUSED_AFTER_RETURN
    },
    OperateType.AGREE_EXCHANGE: {(T.EXCHANGE, S.AWAITING_MERCHANT): S.AWAITING_BUYER_RETURN},
    OperateType.REFUSE_EXCHANGE: {(T.EXCHANGE, S.AWAITING_MERCHANT): S.MERCHANT_REFUSED},
    OperateType.CONFIRM_EXCHANGE_RECEIPT: {(T.EXCHANGE, S.RETURN_AWAITING_RECEIPT): S.EXCHANGE_IN_PROGRESS},
    OperateType.REFUSE_EXCHANGE_GOODS: {(T.EXCHANGE, S.RETURN_AWAITING_RECEIPT): S.REFUSED_AFTER_RETURN},
    OperateType.AGREE_RESEND: {(T.RESEND, S.AWAITING_MERCHANT): S.AWAITING_MERCHANT_SHIPMENT},
    OperateType.REFUSE_RESEND: {(T.RESEND, S.AWAITING_MERCHANT): S.MERCHANT_REFUSED},
    OperateType.AGREE_REPAIR: {(T.REPAIR, S.AWAITING_MERCHANT): S.AWAITING_BUYER_RETURN},
    OperateType.AGREE_REPAIR_NO_RETURN: {(T.REPAIR, S.AWAITING_MERCHANT): S.AWAITING_MERCHANT_SHIPMENT},
    OperateType.REFUSE_REPAIR: {(T.REPAIR, S.AWAITING_MERCHANT): S.MERCHANT_REFUSED},
    OperateType.CONFIRM_REPAIR_RECEIPT: {
        (T.REPAIR, S.RETURN_AWAITING_RECEIPT): S.EXCHANGE_IN_PROGRESS,
        (T.REPAIR, S.AWAITING_MERCHANT_SHIPMENT): S.EXCHANGE_IN_PROGRESS,
    },
    OperateType.REFUSE_REPAIR_GOODS: {(T.REPAIR, S.RETURN_AWAITING_RECEIPT): S.REFUSED_AFTER_RETURN},
}
REFUSING_OPERATIONS = (
    OperateType.REFUSE_REFUND,
    OperateType.REFUSE_RETURN,
    OperateType.REFUSE_RETURNED_GOODS,
    OperateType.REFUSE_EXCHANGE,
    OperateType.REFUSE_EXCHANGE_GOODS,
    OperateType.REFUSE_RESEND,
    OperateType.REFUSE_REPAIR,
    OperateType.REFUSE_REPAIR_GOODS,
)
# `afterSale.fillLogistics` send_type 1: the resend's goods leave the shop.
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


# The merchant's reasons to refuse (afterSale.rejectReasonCodeList): (code, reason, evidence
# needed "Y"/"N"). The fields are public; the entries are ours, to be checked (issue 15).
REJECT_REASONS: tuple[tuple[int, str, str], ...] = (
    (1, "商品已发出", "N"),
    (2, "买家已签收，商品无质量问题", "Y"),
    (3, "退回商品影响二次销售", "Y"),
    (4, "买家未退货或退回商品与原商品不符", "Y"),
    (5, "已与买家协商一致不退款", "Y"),
    (6, "申请金额超出实际应退金额", "N"),
    (7, "定制/生鲜类商品不支持七天无理由", "N"),
    (8, "其他", "Y"),
)
REJECT_REASON_EVIDENCE = {code: need for code, _, need in REJECT_REASONS}


# --- shipping (§5) -------------------------------------------------------------------
class LogisticsRefusal(IntEnum):
    """`order.logisticsAdd` refusals: the N of `isv.business-failed:N` / `isv.parameter-invalid:N`."""

    ALREADY_SHIPPED = 60110
    CANCELLED = 60021
    COMPLETED = 60113
    REFUNDED = 60068
    REFUND_PENDING = 60040
    UNKNOWN_CARRIER = 60018
    TRACKING_DOES_NOT_FIT = 60017
    NO_SUCH_ORDER = 60033
    TRACKING_USED_ELSEWHERE = 70022


# --- refusal evidence (the material centre is material.py) ------------------------------


class ImageRefusal(IntEnum):
    """`isv.parameter-invalid:N` numbers of evidence refusals (40004); ours."""

    EVIDENCE_NOT_UPLOADED = 62004  # afterSale.operate: evidence not a picture whose review passed
