"""The sandbox's `afterSale.Detail` answer, in the documented shape, from its own tables.

Owns building `data{process_info{after_sale_info, arbitrate_info, after_sale_service_tag,
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

from typing import Any

from app.sandbox.douyin import arbitration
from app.sandbox.douyin.lifecycle import AfterSale, Order


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
