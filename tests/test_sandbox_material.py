"""The material centre as the public record has it: a picture goes up (`open.binaryupload`,
`material.uploadImageSync`), is reviewed on the sandbox's clock, and only a picture whose
review passed may be a refusal's `{type, url, desc}` evidence.

Signed requests over HTTP to the real sandbox, as any client of the dialect sends them.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest
import requests

from app.platforms.douyin.codes import ImageRefusal, OperateType
from app.sandbox.evidence import evidence_png
from app.sandbox.server import SandboxServer
from tests.test_sandbox_after_sales import detail, fresh_request, operate, uploaded_picture
from tests.wire import call, control, new_token

PNG = evidence_png("开箱照片")
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256))
WEBP = b"RIFF\x24\x01\x00\x00WEBPVP8 " + bytes(range(256))
WAITING, REVIEWING, PASSED, REJECTED = 1, 2, 3, 4


@pytest.fixture
def api(sandbox: SandboxServer) -> Any:
    token = new_token(sandbox.url)["access_token"]

    def request(method: str, params: dict[str, Any] | None = None, **options: Any) -> dict[str, Any]:
        return call(sandbox.url, method, params, access_token=token, **options)

    request.url = sandbox.url  # type: ignore[attr-defined]
    return request


def store(api: Any, data: bytes) -> str:
    answer = api("open.binaryupload", {"file_content": base64.b64encode(data).decode("ascii")})
    assert answer["code"] == 10000, answer
    return answer["data"]["store_uri"]


def upload(api: Any, data: bytes, name: str = "开箱照片.png", **extra: Any) -> dict[str, Any]:
    params = {"folder_id": "0", "file_uri": store(api, data), "material_name": name, **extra}
    return api("material.uploadImageSync", params)


def review_of(api: Any, material_id: str) -> dict[str, Any]:
    answer = api("material.queryMaterialDetail", {"material_id": material_id})
    assert answer["code"] == 10000, answer
    return answer["data"]["material_info"]


def advance(api: Any, seconds: int) -> None:
    control(api.url, "POST", "clock", {"advance_s": seconds})


def test_a_picture_waits_then_is_reviewed_and_only_then_has_its_url(api: Any) -> None:
    answer = upload(api, PNG, need_distinct=True)
    assert answer["code"] == 10000, answer
    data = answer["data"]
    assert (data["audit_status"], data["is_new"], data["byte_url"], data["folder_id"]) == (
        WAITING,
        True,
        "",
        "0",
    )
    advance(api, 2)
    assert (
        review_of(api, data["material_id"])["audit_status"],
        review_of(api, data["material_id"])["byte_url"],
    ) == (
        REVIEWING,
        "",
    )
    advance(api, 3)
    info = review_of(api, data["material_id"])
    assert info["audit_status"] == PASSED and info["byte_url"].startswith(f"{api.url}/_sandbox/material/")
    served = requests.get(info["byte_url"], timeout=10)
    assert (served.status_code, served.headers["Content-Type"], served.content) == (200, "image/png", PNG)


def test_need_distinct_returns_a_passed_picture_but_not_one_still_under_review(api: Any) -> None:
    first = upload(api, PNG, need_distinct=True)["data"]
    # Still under review: the record's dedup covers only pictures that passed, so a second one is made.
    second = upload(api, PNG, need_distinct=True)["data"]
    assert second["is_new"] and second["material_id"] != first["material_id"]
    advance(api, 5)
    again = upload(api, PNG, "another name.png", need_distinct=True)["data"]
    assert (again["is_new"], again["material_id"], again["audit_status"]) == (
        False,
        first["material_id"],
        PASSED,
    )
    assert upload(api, PNG, need_distinct=False)["data"]["is_new"]


def test_a_picture_is_found_again_by_its_name(api: Any) -> None:
    made = upload(api, PNG, "desk-abc.png")["data"]
    found = api("material.searchMaterial", {"material_name": "desk-abc", "folder_id": "0"})["data"]
    assert [item["material_id"] for item in found["material_info_list"]] == [made["material_id"]]
    assert found["total"] == 1 and found["material_info_list"][0]["material_name"] == "desk-abc.png"
    assert api("material.searchMaterial", {"material_name": "nobody"})["data"]["total"] == 0


def test_review_faults_reject_a_picture_or_keep_it_under_review(api: Any) -> None:
    control(api.url, "POST", "faults", {"kind": "review_reject", "method": "material.uploadImageSync"})
    rejected = upload(api, PNG)["data"]["material_id"]
    control(api.url, "POST", "faults", {"kind": "review_hold", "method": "material.uploadImageSync"})
    held = upload(api, JPEG)["data"]["material_id"]
    advance(api, 60)
    info = review_of(api, rejected)
    assert (info["audit_status"], info["byte_url"]) == (REJECTED, "") and info["audit_reject_desc"]
    assert review_of(api, held)["audit_status"] == REVIEWING
    advance(api, 20 * 3600)
    assert review_of(api, held)["audit_status"] == PASSED  # a risky picture: reviewed within 24 h


def test_a_review_fault_names_the_upload_it_decides(api: Any) -> None:
    refused = requests.post(f"{api.url}/_sandbox/faults", json={"kind": "review_reject"}, timeout=10)
    assert refused.status_code == 400 and "method" in refused.json()["error"]
    assert control(api.url, "GET", "faults")["faults"] == []  # nothing queued to hit another request


def test_only_png_and_jpeg_of_up_to_10_mb_are_taken_judged_by_their_bytes(api: Any) -> None:
    assert upload(api, JPEG, "no-extension")["code"] == 10000
    not_taken = upload(api, WEBP, "looks-like.png")
    assert (not_taken["code"], not_taken["sub_code"]) == (40004, "isv.parameter-invalid:20001")
    too_large = api("open.binaryupload", {"file_content": base64.b64encode(PNG + bytes(10 * 2**20)).decode()})
    assert (too_large["code"], too_large["sub_code"]) == (50002, "isv.business-failed:22001")


def test_missing_parameters_unknown_uris_and_long_names_are_refused(api: Any) -> None:
    uri = store(api, PNG)
    assert api("material.uploadImageSync", {"folder_id": "0", "file_uri": uri})["code"] == 40002
    assert api("material.uploadImageSync", {"folder_id": "0", "material_name": "a.png"})["code"] == 40002
    long_name = api(
        "material.uploadImageSync", {"folder_id": "0", "file_uri": uri, "material_name": "长" * 51}
    )
    assert long_name["code"] == 40004
    unknown = api(
        "material.uploadImageSync", {"folder_id": "0", "file_uri": "tos-cn-i-sandbox/0", "material_name": "a"}
    )
    assert (unknown["code"], unknown["sub_code"]) == (50002, "isv.business-failed:10010")
    public = api(
        "material.uploadImageSync",
        {"folder_id": "0", "url": "https://example.invalid/a.png", "material_name": "a"},
    )
    assert public["sub_code"] == "isv.business-failed:10010"  # the sandbox reaches no internet
    gone = api("material.queryMaterialDetail", {"material_id": "1"})
    assert (gone["code"], gone["sub_code"]) == (40004, "isv.parameter-invalid:22002")


def test_the_upload_is_signed_and_needs_a_token_like_every_other_method(api: Any) -> None:
    wrong_secret = api("open.binaryupload", {"file_content": "iVBO"}, secret="not-the-secret")
    assert (wrong_secret["code"], wrong_secret["sub_code"]) == (40003, "isv.signature-invalid")
    no_token = call(api.url, "material.uploadImageSync", {"folder_id": "0", "material_name": "a"})
    assert (no_token["code"], no_token["sub_code"]) == (40001, "isv.access-token-missing")


def test_the_old_base64_upload_is_gone(api: Any) -> None:
    answer = api("material.uploadImage", {"file_name": "a.png", "image_base64": "iVBO"})
    assert answer["code"] == 40004  # not a method of the platform: a correct client never calls it


def test_a_refusal_carries_evidence_objects_naming_pictures_whose_review_passed(api: Any) -> None:
    info = fresh_request(api, 1)
    refusal = {"aftersale_id": info["aftersale_id"], "reject_reason_code": 2, "remark": "签收无问题"}
    passed = uploaded_picture(api)
    waiting = upload(api, JPEG)["data"]["material_id"]  # under review: no URL yet
    never_uploaded = {
        **passed,
        "url": passed["url"].replace(passed["url"].rsplit("/", 1)[1], "0" * 64 + ".png"),
    }
    for wrong in (
        [passed["url"]],  # a bare URL string, as the desk sent before issue 15
        [passed, {"type": 1, "url": "file:///home/clerk/开箱照片.png", "desc": ""}],
        [passed, never_uploaded],
        [{**passed, "type": 2}],
    ):
        answer = operate(api, OperateType.REFUSE_REFUND, {**refusal, "evidence": wrong})
        assert answer["code"] == 40004, (wrong, answer)
        if wrong[-1] is never_uploaded:
            assert answer["sub_code"] == f"isv.parameter-invalid:{ImageRefusal.EVIDENCE_NOT_UPLOADED}"
    assert waiting and detail(api, info["aftersale_id"])["aftersale_status"] == 6  # nothing applied
    # Its own URL is accepted whatever port it was issued on: a restarted sandbox listens elsewhere.
    elsewhere = {**passed, "url": passed["url"].replace(api.url, "http://127.0.0.1:1")}
    answer = operate(api, OperateType.REFUSE_REFUND, {**refusal, "evidence": [passed, elsewhere]})
    assert answer["code"] == 10000, answer
    assert detail(api, info["aftersale_id"])["aftersale_status"] == 27
    applied = [e for e in control(api.url, "GET", "ledger")["entries"] if e["method"] == "afterSale.operate"]
    assert [e["params"]["evidence"] for e in applied] == [[passed, elsewhere]]


def test_uploaded_pictures_outlive_a_reset_of_the_shop(api: Any) -> None:
    url = uploaded_picture(api)["url"]
    control(api.url, "POST", "reset", {"seed": 3, "history_orders": 50})
    assert requests.get(url, timeout=10).content == PNG  # URLs the platform issued stay valid
