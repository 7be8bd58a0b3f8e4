"""The sandbox's after-sale records in the documented shapes: the List item's quiet fields
and the `afterSale.Detail` answer, from its own tables.

Owns the fields of a List item (zsmhub/doudian-sdk `api/afterSale_List/response/
afterSale_List_response.go`: `AftersaleInfo`, `OrderInfo`, `RelatedOrderInfoItem`,
`TextPart`, `SellerLogs`) that the sandbox's story does not move — set once when the buyer
applies (`complete_list_item`), with the zero value where it has nothing to say — and
building `data{process_info{after_sale_info, arbitrate_info, after_sale_service_tag,
logistics_info, after_sale_shop_remarks, price_protection_detail, record_logs_list},
order_info{shop_order_id, sku_order_infos[]}}` as the public record documents it
(zsmhub/doudian-sdk `api/afterSale_Detail/response/afterSale_Detail_response.go`,
`AfterSaleDetailData`; tests/contract/douyin/afterSale.Detail.answer.json) out of what the
sandbox keeps for a request: its List item (`asale.data`), what only the Detail shows
(`asale.sim`: the buyer's `reason` and `evidence` pictures, the return address id, the
history `record_logs`) and its order. Every field of the documented structs is sent, with
its zero value where the sandbox has nothing to say (as the SDK decodes a missing field);
ids are int64 here, strings in the List. The history is sent only when asked
(`need_operation_record`, "是否需要协商记录").
"""

from __future__ import annotations

import sqlite3
from typing import Any

from app.sandbox.douyin import arbitration
from app.sandbox.douyin.lifecycle import AfterSale, Order

# A store written before the List item lost the buyer's reason and pictures (the record's List
# has neither): they move to the request's own state, where the Detail reads them.
_LIFT_BUYER_WORDS = """
UPDATE after_sales SET
    sim = json_set(sim,
        '$.reason', coalesce(json_extract(data, '$.aftersale_info.reason_text'), ''),
        '$.evidence', json(coalesce(json_extract(data, '$.aftersale_info.evidence'), '[]'))),
    data = json_remove(data, '$.aftersale_info.reason_text', '$.aftersale_info.evidence')
WHERE json_type(data, '$.aftersale_info.reason_text') IS NOT NULL
   OR json_type(data, '$.aftersale_info.evidence') IS NOT NULL
"""


def lift_buyer_words(db: sqlite3.Connection) -> None:
    """Upgrade an older store's List items in place (once: afterwards nothing matches)."""
    db.execute(_LIFT_BUYER_WORDS)


def complete_list_item(data: dict[str, Any], order: Order, line: dict[str, Any]) -> None:
    """Give a new request's List item (`data`, as the buyer opened it on `line` of `order`)
    every documented field it does not have yet; what the story sets stays as it is."""
    info, text = data["aftersale_info"], data["text_part"]
    parcels = order.data.get("logistics_info") or []
    count = line.get("item_num", 1)
    for name, value in {
        "aftersale_order_type": 1,  # 1 商品单
        "aftersale_num": count,
        "part_type": 0,
        "aftersale_refund_type": 0,
        "refund_type": 2,  # 售后小助手 (ours: the sandbox has no refund assistant of its own)
        "create_time": info["apply_time"],
        "refund_tax_amount": 0,
        "left_urge_sms_count": 0,
        "risk_decision_code": 0,
        "risk_decision_reason": "",
        "risk_decision_description": "",
        "return_promotion_amount": 0,
        "arbitrate_blame": 0,
        "exchange_logistics_company_name": "",
        "remark": "",
        # 商家首次发货的正向物流信息, as it stood when the buyer applied.
        "order_logistics": [
            {
                "tracking_no": parcel.get("tracking_no", ""),
                "company_name": parcel.get("company_name", ""),
                "company_code": parcel.get("company", ""),
                "logistics_time": parcel.get("ship_time", 0),
                "logistics_state": 0,
            }
            for parcel in parcels
        ],
        "is_agree_refuse_sign": 0,
        "reason_second_labels": [],
        "aftersale_tags": [],
        "store_id": 0,
        "store_name": "",
        "aftersale_sub_type": 0,
    }.items():
        info.setdefault(name, value)
    data["order_info"].setdefault("order_flag", 0)
    for related in data["order_info"]["related_order_info"]:
        for name, value in {
            "order_status": line.get("order_status", 0),
            "post_amount": 0,
            "create_time": order.data.get("create_time", 0),
            "tax_amount": 0,
            "is_oversea_order": 0,
            "product_id": _int64(line.get("product_id")),
            "product_image": "",
            "tags": [],
            "sku_spec": [
                {"name": s.get("name", ""), "value": s.get("value", "")} for s in line.get("spec") or []
            ],
            "shop_sku_code": line.get("code", ""),
            "logistics_code": parcels[0].get("tracking_no", "") if parcels else "",
            "aftersale_pay_amount": info.get("refund_amount", 0),
            "aftersale_post_amount": 0,
            "aftersale_tax_amount": 0,
            "aftersale_item_num": count,
            "promotion_pay_amount": 0,
            "price": line.get("origin_amount", 0),
            "given_sku_order_ids": [],
        }.items():
            related.setdefault(name, value)
    for name, value in {
        "logistics_text": "已发货" if parcels else "未发货",
        "return_logistics_text": "",
        "aftersale_refund_type_text": "原路退款",
        "bad_item_text": "",
    }.items():
        text.setdefault(name, value)
    data.setdefault("seller_logs", [])


def _int64(value: Any) -> int:
    """An id the Detail sends as a number (the sandbox keeps it as the List's text)."""
    text = str(value or "").strip()
    return int(text) if text.isdigit() else 0


def detail_answer(asale: AfterSale, order: Order | None, *, with_records: bool) -> dict[str, Any]:
    """The whole `data` of the Detail of `asale` (its order None only if the store lost it)."""
    process: dict[str, Any] = {
        "after_sale_info": _after_sale_info(asale),
        "arbitrate_info": _arbitrate_info(asale),
        "after_sale_service_tag": {"after_sale_service_tag": []},
        "logistics_info": _logistics_info(asale, order),
        "after_sale_shop_remarks": [],
        "price_protection_detail": None,
        # Asked for or not, the key is there; its entries only when asked.
        "record_logs_list": list(asale.sim.get("record_logs", [])) if with_records else [],
    }
    return {
        "process_info": process,
        "order_info": {
            "shop_order_id": _int64(asale.order_id),
            "sku_order_infos": _sku_order_infos(asale, order),
        },
    }


def _arbitrate_info(asale: AfterSale) -> dict[str, Any]:
    """`ArbitrateInfo`: the request's arbitration (app/sandbox/douyin/arbitration.py); the SDK's
    empty one when the platform never took it up."""
    return arbitration.detail_info(asale)


def _after_sale_info(asale: AfterSale) -> dict[str, Any]:
    """`AfterSaleInfo`, every field; from the List item's `aftersale_info` and `text_part`."""
    info, text = asale.info, asale.data.get("text_part") or {}
    # Stores written before the reason and pictures moved out of the List item keep them there.
    reason = asale.sim.get("reason", info.get("reason_text") or text.get("reason_text") or "")
    evidence = asale.sim.get("evidence", info.get("evidence") or [])
    refund, post = info.get("refund_amount") or 0, info.get("refund_post_amount") or 0
    return {
        "after_sale_id": _int64(asale.id),
        "after_sale_status": info["aftersale_status"],
        "after_sale_status_desc": text.get("aftersale_status_text", ""),
        "refund_type": info.get("refund_type", 0),
        "refund_type_text": "",
        "refund_status": info.get("refund_status", 0),
        "refund_total_amount": refund + post,  # 售后总金额（含运费）
        "refund_post_amount": post,
        "refund_promotion_amount": 0,
        "apply_time": info["apply_time"],
        "update_time": info["update_time"],
        "reason": reason,
        "reason_code": 0,
        "after_sale_type": info["aftersale_type"],
        "after_sale_type_text": text.get("aftersale_type_text", ""),
        "reason_remark": asale.sim.get("reason_remark", ""),
        "evidence": list(evidence),
        "after_sale_apply_count": _item_count(asale),
        "need_return_count": 0,
        "deduction_amount": 0,
        "disable_coupon_id": "",
        "platform_discount_return_amount": 0,
        "platform_discount_return_status": 0,
        "kol_discount_return_amount": 0,
        "kol_discount_return_status": 0,
        "post_receiver": "",
        "encrypt_post_receiver": "",
        "post_tel_sec": "",
        "encrypt_post_tel_sec": "",
        "post_address": None,
        "risk_decsison_code": 0,  # sic: the record's spelling
        "risk_decsison_reason": "",
        "risk_decsison_description": "",
        "return_address": None,
        "real_refund_amount": refund if info.get("refund_status") == 3 else 0,  # 3 退款成功
        "got_pkg": info.get("got_pkg", 0),
        "status_deadline": info.get("status_deadline", 0),
        "return_address_id": _int64(asale.sim.get("return_address_id")),
        "exchange_sku_info": None,
        "post_discount_return_amount": 0,
        "post_discount_return_status": 0,
        "part_type": 0,
        "reason_second_labels": [],
        "refund_voucher_num": 0,
        "refund_voucher_times": 0,
        "gold_coin_return_amount": 0,
        "refund_fail_reason": "",
        "aftersale_tags": [],
        "store_id": "",
        "store_name": "",
        "after_sale_order_type": 1,  # 1 商品单: a request is on one SKU line
        "refund_packing_charge_amount": 0,
        "shop_discount_return_amount": 0,
        "after_sale_sub_type": 0,
    }


def _item_count(asale: AfterSale) -> int:
    related = (asale.data.get("order_info") or {}).get("related_order_info") or []
    return sum(int(line.get("item_num") or 0) for line in related) or 1


PARCEL_FIELDS = {"tracking_no": "", "company_name": "", "company_code": "", "logistics_time": 0}


def _parcel(kept: Any) -> dict[str, Any]:
    """`Return` / `Exchange` / `Resend`: the same four fields, from a dict the sandbox keeps
    under those names in `asale.sim`; empty when there is no parcel."""
    kept = kept if isinstance(kept, dict) else {}
    return {name: kept.get(name) or empty for name, empty in PARCEL_FIELDS.items()}


def _logistics_info(asale: AfterSale, order: Order | None) -> dict[str, Any]:
    info = asale.info
    shipped = order.data.get("logistics_info") or [] if order is not None else []
    return {
        "return": _parcel(
            {
                "tracking_no": info.get("return_logistics_code"),
                "company_name": info.get("return_logistics_company_name"),
                **(asale.sim.get("return_logistics") or {}),
            }
        ),
        # The shop's parcels for an exchange and a resend, kept by whoever ships them.
        "exchange": _parcel(asale.sim.get("exchange_logistics")),
        "order": [
            {
                "tracking_no": parcel.get("tracking_no", ""),
                "company_name": parcel.get("company_name", ""),
                "company_code": parcel.get("company", ""),
                "logistics_time": parcel.get("ship_time", 0),
                "logistics_state": 0,  # the record gives no values for 正向物流状态
                "value_added_services": [],
            }
            for parcel in shipped
        ],
        "resend": _parcel(asale.sim.get("resend_logistics")),
    }


def _sku_order_infos(asale: AfterSale, order: Order | None) -> list[dict[str, Any]]:
    """`SkuOrderInfosItem` of the request's line, from the order's `sku_order_list`."""
    if order is None:
        return []
    related = asale.info.get("related_id")
    return [
        {
            "sku_order_id": _int64(line["order_id"]),
            "order_status": line.get("order_status", 0),
            "pay_amount": line.get("pay_amount", 0),
            "post_amount": 0,
            "item_quantity": line.get("item_num", 1),
            "create_time": order.data.get("create_time", 0),
            "tax_amount": 0,
            "is_oversea_order": 0,
            "product_name": line.get("product_name", ""),
            "product_id": _int64(line.get("product_id")),
            "product_image": "",
            "tags": [],
            "sku_spec": [
                {"name": s.get("name", ""), "value": s.get("value", "")} for s in line.get("spec") or []
            ],
            "shop_sku_code": line.get("code", ""),
            "sku_id": _int64(line.get("sku_id")),
            "item_sum_amount": line.get("origin_amount", 0),
            "sku_pay_amount": line.get("pay_amount", 0),
            "promotion_amount": max(line.get("origin_amount", 0) - line.get("pay_amount", 0), 0),
            "pay_type": 1,
            "insurance_tags": [],
            "after_sale_item_count": line.get("item_num", 1),
            "given_sku_details": [],
        }
        for line in order.data.get("sku_order_list") or []
        if line.get("order_id") == related
    ]
