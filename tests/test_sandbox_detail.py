"""The sandbox keeps the buyer's reason and pictures where the record has them: in the Detail.

A store written before issue 15 kept them in its List items (`aftersale_info.reason_text`,
`.evidence`, which the record's List does not have); opening it moves them to the request's
own state, so its List answers as documented and its Detail still shows them.
"""

from __future__ import annotations

import json
from pathlib import Path

from app.sandbox.douyin import detail
from app.sandbox.douyin.lifecycle import AfterSale
from app.sandbox.douyin.store import Store

OLD_ITEM = {
    "aftersale_info": {
        "aftersale_id": "7300000000000000001",
        "aftersale_type": 1,
        "aftersale_status": 6,
        "related_id": "6800000000000000001",
        "apply_time": 1796091330,
        "update_time": 1796091330,
        "status_deadline": 1796264130,
        "refund_amount": 5400,
        "refund_post_amount": 0,
        "refund_status": 1,
        "reason_text": "商品变质/腐烂",
        "got_pkg": 1,
        "return_logistics_code": "",
        "return_logistics_company_name": "",
        "evidence": ["/_sandbox/evidence/7300000000000000001-0.png"],
    },
    "order_info": {"shop_order_id": "6900000000000000001", "related_order_info": []},
    "text_part": {
        "aftersale_status_text": "待商家处理",
        "aftersale_type_text": "已发货仅退款",
        "reason_text": "商品变质/腐烂",
    },
}


def test_an_older_stores_list_items_give_up_the_buyers_words_to_the_detail(tmp_path: Path) -> None:
    store = Store(tmp_path / "old.sqlite")
    store.save_after_sale(AfterSale(json.loads(json.dumps(OLD_ITEM)), {"record_logs": []}))
    store.close()

    reopened = Store(tmp_path / "old.sqlite")
    asale = reopened.after_sale("7300000000000000001")
    assert asale is not None
    assert not {"reason_text", "evidence"} & set(asale.info)  # the List item, as documented
    assert asale.data["text_part"]["reason_text"] == "商品变质/腐烂"  # the List's own reason stays
    info = detail.detail_answer(asale, None, with_records=False)["process_info"]["after_sale_info"]
    assert (info["reason"], info["evidence"]) == ("商品变质/腐烂", OLD_ITEM["aftersale_info"]["evidence"])
    assert asale.sim["record_logs"] == []  # the rest of its state as it was
    reopened.close()


def test_a_request_without_pictures_lifts_an_empty_list(tmp_path: Path) -> None:
    item = json.loads(json.dumps(OLD_ITEM))
    del item["aftersale_info"]["evidence"]
    store = Store(tmp_path / "old.sqlite")
    store.save_after_sale(AfterSale(item, {}))
    store.close()
    reopened = Store(tmp_path / "old.sqlite")
    asale = reopened.after_sale("7300000000000000001")
    assert asale is not None and (asale.sim["reason"], asale.sim["evidence"]) == ("商品变质/腐烂", [])
    reopened.close()
