"""The client speaks the material centre and refusal evidence as documented.

The documented answers beside this file (`open.binaryupload`, `material.uploadImageSync`,
`material.queryMaterialDetail`, `material.searchMaterial`, `afterSale.operate`; README.md names
their structs) are handed to the client as the gateway would send them, each through the
client's own reading of an envelope (`classify_response`); what the client sends is compared
field by field with the documented requests. Nothing here reaches a network: the live
sandbox's answers are compared with the same fixtures in test_sandbox_shapes.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.core.vocabulary import Decision, RequestKind
from app.platforms.douyin import material
from app.platforms.douyin.adapter import DouyinPlatform, error_of
from app.platforms.douyin.client import ApiResult, classify_response
from app.platforms.port import DecisionToSend, PictureReview

HERE = Path(__file__).parent
# The documented name: "desk-" and the picture's sha256 cut to the record's 50 characters.
SHA = "9e1df78157524c63abf7caa9bb1e88e0a1b2c3d4e" + "5f" * 11 + "0"
KEPT_AS = f"{SHA}.png"


def documented(name: str) -> Any:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


class Gateway:
    """Answers each method with its documented answer, and keeps what was sent."""

    def __init__(self, **answers: dict[str, Any]) -> None:
        self.answers = {
            method: documented(f"{method}.answer.json")
            for method in (
                "open.binaryupload",
                "material.uploadImageSync",
                "material.queryMaterialDetail",
                "material.searchMaterial",
                "afterSale.operate",
            )
        }
        self.answers.update(answers)
        self.sent: list[tuple[str, dict[str, Any]]] = []

    def call(self, method: str, params: dict[str, Any] | None = None) -> ApiResult:
        self.sent.append((method, dict(params or {})))
        wire = json.dumps(self.answers[method], ensure_ascii=False).encode("utf-8")
        return classify_response(method, 200, wire)

    def checked(self, method: str, params: dict[str, Any]) -> ApiResult:
        result = self.call(method, params)
        if not result.ok:
            raise error_of(result)
        return result

    def methods(self) -> list[str]:
        return [method for method, _ in self.sent]


def nothing_found() -> dict[str, Any]:
    answer = documented("material.searchMaterial.answer.json")
    return {**answer, "data": {"material_info_list": [], "total": 0}}


def test_the_material_name_is_the_documented_one_within_50_characters() -> None:
    name = material.material_name(KEPT_AS)
    assert name == documented("material.searchMaterial.request.json")["material_name"]
    assert len(name) == material.MATERIAL_NAME_MAX


def test_a_new_picture_goes_up_as_a_binary_then_by_its_file_uri_as_documented() -> None:
    gateway = Gateway(**{"material.searchMaterial": nothing_found()})
    picture = material.upload(gateway.checked, KEPT_AS, b"\x89PNG\r\n\x1a\n")
    assert gateway.methods() == ["material.searchMaterial", "open.binaryupload", "material.uploadImageSync"]
    sent = dict(gateway.sent)
    assert set(sent["material.searchMaterial"]) == set(documented("material.searchMaterial.request.json"))
    assert set(sent["open.binaryupload"]) == set(documented("open.binaryupload.request.json"))
    upload = documented("material.uploadImageSync.file_uri.request.json")
    assert sent["material.uploadImageSync"] == upload  # the store_uri the binary upload answered
    # The documented answer: audit_status 1 (等待审核), no URL yet.
    assert (picture.platform_id, picture.review, picture.url) == (
        "7180000000000000001",
        PictureReview.WAITING,
        "",
    )


def test_a_picture_found_by_its_name_is_not_uploaded_again() -> None:
    gateway = Gateway()  # the documented search finds it, under review (2)
    picture = material.upload(gateway.checked, KEPT_AS, b"\x89PNG\r\n\x1a\n")
    assert gateway.methods() == ["material.searchMaterial"]
    assert (picture.platform_id, picture.review) == ("7180000000000000001", PictureReview.WAITING)


def test_a_passed_review_gives_the_documented_byte_url() -> None:
    gateway = Gateway()
    [picture] = material.reviews(gateway.checked, ["7180000000000000001"])
    info = documented("material.queryMaterialDetail.answer.json")["data"]["material_info"]
    assert (picture.review, picture.url) == (PictureReview.PASSED, info["byte_url"])
    assert gateway.sent == [
        ("material.queryMaterialDetail", documented("material.queryMaterialDetail.request.json"))
    ]


def test_a_rejected_review_keeps_the_platforms_words() -> None:
    answer = documented("material.queryMaterialDetail.answer.json")
    info = {
        **answer["data"]["material_info"],
        "audit_status": 4,
        "byte_url": "",
        "audit_reject_desc": "图片模糊",
    }
    gateway = Gateway(**{"material.queryMaterialDetail": {**answer, "data": {"material_info": info}}})
    [picture] = material.reviews(gateway.checked, ["7180000000000000001"])
    assert (picture.review, picture.rejected_because) == (PictureReview.REJECTED, "图片模糊")


def test_a_refusal_sends_its_pictures_as_documented_evidence_objects() -> None:
    gateway = Gateway()
    platform = DouyinPlatform(gateway)  # type: ignore[arg-type]
    documented_request = documented("afterSale.operate.refuse.request.json")
    item = documented_request["items"][0]
    decision = DecisionToSend(
        request_id=item["aftersale_id"],
        decision=Decision.REFUSE_REFUND,
        based_on_version=item["update_time"],
        kind=RequestKind.REFUND_AFTER_SHIPMENT,
        reason_code=item["reject_reason_code"],
        reason=item["reason"],
        remark=item["remark"],
        evidence=tuple(e["url"] for e in item["evidence"]),
    )
    platform.decide(decision, "op-1")
    [(method, sent)] = gateway.sent
    assert method == "afterSale.operate"
    [sent_item] = sent["items"]
    assert set(sent_item) == set(item)
    for evidence, documented_evidence in zip(sent_item["evidence"], item["evidence"], strict=True):
        assert set(evidence) == set(documented_evidence) == {"type", "url", "desc"}
        assert (evidence["type"], evidence["url"]) == (1, documented_evidence["url"])  # 1: 图片
