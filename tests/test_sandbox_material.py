"""`material.uploadImage` (ours): evidence pictures uploaded to the platform, and refusals
that may carry only those.

Signed requests over HTTP to the real sandbox, as any client of the dialect sends them.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest
import requests

from app.platforms.douyin.codes import ImageRefusal, OperateType
from app.sandbox.douyin.codes import IMAGE_MAX_BYTES
from app.sandbox.evidence import evidence_png
from app.sandbox.server import SandboxServer
from tests.test_sandbox_after_sales import detail, fresh_request, operate, uploaded_picture
from tests.wire import call, control, new_token

PNG = evidence_png("开箱照片")
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256))
WEBP = b"RIFF\x24\x01\x00\x00WEBPVP8 " + bytes(range(256))
GIF = b"GIF89a" + bytes(range(256))


@pytest.fixture
def api(sandbox: SandboxServer) -> Any:
    token = new_token(sandbox.url)["access_token"]

    def request(method: str, params: dict[str, Any] | None = None, **options: Any) -> dict[str, Any]:
        return call(sandbox.url, method, params, access_token=token, **options)

    request.url = sandbox.url  # type: ignore[attr-defined]
    return request


def upload(api: Any, data: bytes, file_name: str = "photo.png", **options: Any) -> dict[str, Any]:
    encoded = base64.b64encode(data).decode("ascii")
    return api("material.uploadImage", {"file_name": file_name, "image_base64": encoded}, **options)


def refused_as(answer: dict[str, Any], refusal: ImageRefusal) -> bool:
    return (answer["code"], answer["sub_code"]) == (40004, f"isv.parameter-invalid:{refusal}")


@pytest.mark.parametrize(
    ("data", "content_type"), [(PNG, "image/png"), (JPEG, "image/jpeg"), (WEBP, "image/webp")]
)
def test_an_uploaded_picture_is_served_back_at_the_absolute_url_it_was_given(
    api: Any, data: bytes, content_type: str
) -> None:
    answer = upload(api, data)
    assert answer["code"] == 10000, answer
    url = answer["data"]["url"]
    assert url.startswith(f"{api.url}/_sandbox/material/")
    served = requests.get(url, timeout=10)
    assert (served.status_code, served.headers["Content-Type"], served.content) == (200, content_type, data)


def test_the_same_bytes_always_get_the_same_url_so_uploading_again_is_harmless(api: Any) -> None:
    first = upload(api, PNG, "a.png")["data"]["url"]
    assert upload(api, PNG, "a.png")["data"]["url"] == first
    assert upload(api, PNG, "another name.png")["data"]["url"] == first  # named by content, not name
    assert upload(api, evidence_png("another picture"))["data"]["url"] != first
    # MIME-style base64 with line breaks is the same picture too.
    wrapped = base64.encodebytes(PNG).decode("ascii")  # a line break every 76 characters
    again = api("material.uploadImage", {"file_name": "a.png", "image_base64": wrapped})
    assert again["data"]["url"] == first


def test_a_picture_is_judged_by_its_bytes_not_its_name(api: Any) -> None:
    assert refused_as(upload(api, GIF, "looks-like.png"), ImageRefusal.NOT_AN_IMAGE)
    assert refused_as(upload(api, "签收照片".encode(), "signed.jpg"), ImageRefusal.NOT_AN_IMAGE)
    assert upload(api, JPEG, "no-extension")["code"] == 10000


def test_a_picture_of_up_to_5_mb_is_taken_and_a_larger_one_refused(api: Any) -> None:
    at_the_limit = PNG + bytes(IMAGE_MAX_BYTES - len(PNG))
    assert upload(api, at_the_limit)["code"] == 10000
    assert refused_as(upload(api, at_the_limit + b"\x00"), ImageRefusal.TOO_LARGE)


def test_missing_or_unreadable_parameters_are_refused(api: Any) -> None:
    encoded = base64.b64encode(PNG).decode("ascii")
    assert api("material.uploadImage", {"image_base64": encoded})["code"] == 40002
    assert api("material.uploadImage", {"file_name": "a.png"})["code"] == 40002
    unreadable = api("material.uploadImage", {"file_name": "a.png", "image_base64": "not base64!"})
    assert refused_as(unreadable, ImageRefusal.UNREADABLE)


def test_the_upload_is_signed_and_needs_a_token_like_every_other_method(api: Any) -> None:
    wrong_secret = upload(api, PNG, secret="not-the-secret")
    assert (wrong_secret["code"], wrong_secret["sub_code"]) == (40003, "isv.signature-invalid")
    no_token = call(api.url, "material.uploadImage", {"file_name": "a.png", "image_base64": "iVBO"})
    assert no_token["code"] == 40003 and no_token["sub_code"].startswith("isv.access-token")
    for md5_signed in (upload(api, PNG, sign_method="md5"), upload(api, PNG, sign_method=None)):
        assert md5_signed["code"] == 10000


def test_a_refusal_may_carry_only_pictures_the_platform_issued(api: Any) -> None:
    info = fresh_request(api, 1)
    refusal = {"aftersale_id": info["aftersale_id"], "reject_reason_code": 2, "remark": "签收无问题"}
    issued = uploaded_picture(api)
    never_uploaded = issued.replace(issued.rsplit("/", 1)[1], "0" * 64 + ".png")
    for foreign in ("file:///home/clerk/开箱照片.png", "https://example.invalid/1.png", never_uploaded):
        answer = operate(api, OperateType.REFUSE_REFUND, {**refusal, "evidence": [issued, foreign]})
        assert refused_as(answer, ImageRefusal.EVIDENCE_NOT_UPLOADED), (foreign, answer)
    assert detail(api, info["aftersale_id"])["aftersale_status"] == 6  # nothing applied

    # Its own URL is accepted whatever port it was issued on: a restarted sandbox listens elsewhere.
    elsewhere = issued.replace(api.url, "http://127.0.0.1:1")
    answer = operate(api, OperateType.REFUSE_REFUND, {**refusal, "evidence": [issued, elsewhere]})
    assert answer["code"] == 10000, answer
    assert detail(api, info["aftersale_id"])["aftersale_status"] == 27
    applied = [e for e in control(api.url, "GET", "ledger")["entries"] if e["actor"] == "client"]
    assert [e["params"]["evidence"] for e in applied] == [[issued, elsewhere]]


def test_uploaded_pictures_outlive_a_reset_of_the_shop(api: Any) -> None:
    url = upload(api, PNG)["data"]["url"]
    control(api.url, "POST", "reset", {"seed": 3, "history_orders": 50})
    assert requests.get(url, timeout=10).content == PNG  # URLs the platform issued stay valid
