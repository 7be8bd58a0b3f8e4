"""After-sales (§6): listing, the merchant's operations, and the platform acting alone."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from app.platforms.douyin.codes import OPERATE_TRANSITIONS, OperateType
from app.sandbox.evidence import evidence_png
from app.sandbox.server import SandboxServer
from tests.wire import call, control, new_token

HOUR = 3600


@pytest.fixture
def api(sandbox: SandboxServer) -> Any:
    """Signed calls with a token; a new one when simulated days have expired it."""
    token = [new_token(sandbox.url)["access_token"]]

    def request(method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        answer = call(sandbox.url, method, params, access_token=token[0])
        if answer["sub_code"] == "isv.access-token-expired":
            token[0] = new_token(sandbox.url)["access_token"]
            answer = call(sandbox.url, method, params, access_token=token[0])
        return answer

    request.url = sandbox.url  # type: ignore[attr-defined]
    return request


def requests_in(api: Any, *statuses: int) -> list[dict[str, Any]]:
    items, page = [], 0
    while True:
        data = api(
            "afterSale.List",
            {
                "page": page,
                "size": 100,
                "standard_aftersale_status": list(statuses),
                "order_by": ["status_deadline asc"],
            },
        )["data"]
        items += [item["aftersale_info"] for item in data["items"]]
        if not data["has_more"]:
            return items
        page += 1


def fresh_request(api: Any, aftersale_type: int) -> dict[str, Any]:
    """A new request of the wanted type awaiting the merchant, made by one live-traffic step."""
    made = control(
        api.url, "POST", "tick", {"new_orders": 0, "new_after_sales": 1, "after_sale_type": aftersale_type}
    )
    assert len(made["after_sales"]) == 1, made
    info = detail(api, made["after_sales"][0])
    assert (info["aftersale_type"], info["aftersale_status"]) == (aftersale_type, 6)
    return info


def detail(api: Any, aftersale_id: str) -> dict[str, Any]:
    """The request's `aftersale_info` as the List has it (filtered by its id)."""
    [item] = api("afterSale.List", {"aftersale_id": aftersale_id, "page": 0, "size": 1})["data"]["items"]
    return item["aftersale_info"]


def operate(api: Any, operate_type: int, *items: dict[str, Any]) -> dict[str, Any]:
    return api("afterSale.operate", {"type": operate_type, "items": list(items)})


def uploaded_picture(api: Any, name: str = "开箱照片") -> dict[str, Any]:
    """An evidence picture uploaded to the material centre and passed by its review, as the
    refusal's `{type, url, desc}` evidence: the only kind a refusal may carry."""
    content = base64.b64encode(evidence_png(name)).decode("ascii")
    uri = api("open.binaryupload", {"file_content": content})["data"]["store_uri"]
    params = {"folder_id": "0", "file_uri": uri, "material_name": f"{name}.png", "need_distinct": True}
    material_id = api("material.uploadImageSync", params)["data"]["material_id"]
    control(api.url, "POST", "clock", {"advance_s": 5})  # the review takes four seconds
    info = api("material.queryMaterialDetail", {"material_id": material_id})["data"]["material_info"]
    assert info["audit_status"] == 3, info
    return {"type": 1, "url": info["byte_url"], "desc": name}


def test_list_filters_by_status_and_sorts_by_deadline(api: Any) -> None:
    pending = requests_in(api, 6, 11)
    assert pending and {item["aftersale_status"] for item in pending} <= {6, 11}
    deadlines = [item["status_deadline"] for item in pending]
    assert deadlines == sorted(deadlines)


def test_reject_reasons_say_which_need_evidence(api: Any) -> None:
    items = api("afterSale.rejectReasonCodeList")["data"]["items"]
    assert {item["evidence_need"] for item in items} == {"Y", "N"}


def test_agreeing_a_refund_refunds_it_and_touches_the_order(api: Any) -> None:
    info = fresh_request(api, 1)
    answer = operate(
        api,
        OperateType.AGREE_REFUND,
        {"aftersale_id": info["aftersale_id"], "update_time": info["update_time"]},
    )
    assert answer["code"] == 10000, answer
    after = detail(api, info["aftersale_id"])
    assert (after["aftersale_status"], after["refund_status"]) == (12, 3)
    order_id = api("afterSale.Detail", {"after_sale_id": info["aftersale_id"]})["data"]["order_info"][
        "shop_order_id"
    ]
    order = api("order.orderDetail", {"shop_order_id": order_id})["data"]["shop_order_detail"]
    assert order["update_time"] == after["update_time"]
    line = next(line for line in order["sku_order_list"] if line["order_id"] == info["related_id"])
    assert line["after_sale_info"]["after_sale_status"] == 12


def test_a_return_goes_agree_then_buyer_ships_back_then_confirm_refunds(api: Any) -> None:
    returned: dict[str, Any] = {}
    for _ in range(5):  # about one buyer in twelve never sends the parcel back; try another
        info = fresh_request(api, 0)
        # 101 names the return address, an int64 from the shop's address list (SDK `Logistics`).
        agree = {"aftersale_id": info["aftersale_id"], "logistics": {"receiver_address_id": 71001}}
        assert operate(api, OperateType.AGREE_RETURN, agree)["code"] == 10000
        assert detail(api, info["aftersale_id"])["aftersale_status"] == 7
        for _ in range(25):  # buyers ship back within 3 days; look every 3 simulated hours
            control(api.url, "POST", "clock", {"advance_s": 3 * HOUR})
            returned = detail(api, info["aftersale_id"])
            if returned["aftersale_status"] != 7:
                break
        if returned["aftersale_status"] == 11:
            break
    assert returned["aftersale_status"] == 11 and returned["return_logistics_code"]
    assert returned["status_deadline"] > returned["update_time"]
    answer = operate(api, OperateType.CONFIRM_RETURN_AND_REFUND, {"aftersale_id": returned["aftersale_id"]})
    assert answer["code"] == 10000, answer
    assert detail(api, returned["aftersale_id"])["aftersale_status"] == 12


def test_every_operate_type_has_a_transition_and_wrong_states_are_refused(api: Any) -> None:
    assert set(OPERATE_TRANSITIONS) == set(OperateType)
    done = requests_in(api, 12)[0]
    for operate_type in OperateType:
        answer = operate(
            api,
            operate_type,
            {
                "aftersale_id": done["aftersale_id"],
                "reject_reason_code": 1,
                "remark": "x",
                "evidence": [uploaded_picture(api)],
            },
        )
        assert (answer["code"], answer["sub_code"]) == (50002, "isv.business-failed:20309541"), operate_type


def test_a_stale_update_time_is_a_version_conflict(api: Any) -> None:
    info = fresh_request(api, 1)
    answer = operate(
        api,
        OperateType.AGREE_REFUND,
        {"aftersale_id": info["aftersale_id"], "update_time": info["update_time"] - 1},
    )
    assert (answer["code"], answer["sub_code"]) == (50002, "isv.business-failed:20309542")
    assert detail(api, info["aftersale_id"])["aftersale_status"] == 6


def test_operate_is_all_or_nothing(api: Any) -> None:
    good = fresh_request(api, 1)
    done = requests_in(api, 12)[0]
    answer = operate(
        api,
        OperateType.AGREE_REFUND,
        {"aftersale_id": good["aftersale_id"]},
        {"aftersale_id": done["aftersale_id"]},
    )
    assert answer["sub_code"] == "isv.business-failed:20309541"
    assert detail(api, good["aftersale_id"])["aftersale_status"] == 6
    assert not [e for e in control(api.url, "GET", "ledger")["entries"] if e["actor"] == "client"]


def test_more_than_twenty_items_are_refused(api: Any) -> None:
    items = [{"aftersale_id": str(n)} for n in range(21)]
    assert operate(api, OperateType.AGREE_REFUND, *items)["code"] == 40004


def test_refusing_needs_a_valid_reason_a_remark_and_evidence_when_the_reason_says_so(api: Any) -> None:
    info = fresh_request(api, 1)
    base = {"aftersale_id": info["aftersale_id"], "reason": "拒绝"}
    assert operate(api, OperateType.REFUSE_REFUND, {**base, "remark": "r"})["code"] == 40002
    assert (
        operate(api, OperateType.REFUSE_REFUND, {**base, "reject_reason_code": 99, "remark": "r"})["code"]
        == 40004
    )
    assert operate(api, OperateType.REFUSE_REFUND, {**base, "reject_reason_code": 1})["code"] == 40002
    assert (
        operate(api, OperateType.REFUSE_REFUND, {**base, "reject_reason_code": 2, "remark": "r"})["code"]
        == 40004
    )
    answer = operate(
        api,
        OperateType.REFUSE_REFUND,
        {
            **base,
            "reject_reason_code": 2,
            "remark": "签收无问题",
            "evidence": [uploaded_picture(api)],
        },
    )
    assert answer["code"] == 10000, answer
    assert detail(api, info["aftersale_id"])["aftersale_status"] == 27


def test_a_deadline_passing_makes_the_platform_agree_on_the_merchants_behalf(api: Any) -> None:
    info = fresh_request(api, 1)
    control(api.url, "POST", "clock", {"advance_s": 48 * HOUR + 1})
    after = detail(api, info["aftersale_id"])
    assert after["aftersale_status"] == 12 and after["update_time"] > info["update_time"]
    entries = control(api.url, "GET", "ledger")["entries"]
    assert any(
        e["entity_id"] == info["aftersale_id"]
        and e["method"] == "platform.auto_agreed_on_timeout"
        and e["actor"] == "platform"
        for e in entries
    )


def test_a_clock_advance_runs_due_actions_without_any_request(api: Any, sandbox: SandboxServer) -> None:
    before = len(requests_in(api, 6, 11))
    assert before
    moved = control(api.url, "POST", "clock", {"advance_s": 3 * 24 * HOUR})
    assert moved["applied"] >= before
    assert all(item["status_deadline"] > moved["now"] for item in requests_in(api, 6, 11))


def test_the_ledger_lists_each_applied_operation_once_in_order(api: Any) -> None:
    info = fresh_request(api, 1)
    start = control(api.url, "GET", "ledger")["entries"][-1]["seq"]
    operate(api, OperateType.AGREE_REFUND, {"aftersale_id": info["aftersale_id"]})
    operate(api, OperateType.AGREE_REFUND, {"aftersale_id": info["aftersale_id"]})  # refused: wrong state now
    entries = control(api.url, "GET", f"ledger?since={start}")["entries"]
    assert [(e["actor"], e["method"], e["entity_id"], e["outcome"]) for e in entries] == [
        ("client", "afterSale.operate", info["aftersale_id"], {"from": 6, "to": 12})
    ]
    assert entries[0]["params"]["type"] == 201
