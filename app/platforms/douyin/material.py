"""Evidence pictures on Douyin: the material centre (素材中心), as the public record has it.

Owns turning the port's `upload_picture` and `picture_reviews` into Douyin's calls and
their answers into `PictureOnPlatform`s (docs/platforms/douyin.md "material.uploadImageSync"):

1. `material.searchMaterial` by the picture's material name: a picture uploaded before
   (say, by an attempt whose answer was lost) is answered as it is, with no second upload.
   `need_distinct` alone cannot promise that: the record says it returns an existing
   picture only when one with the same content has already *passed* review.
2. `open.binaryupload` `{file_content}` -> `store_uri`: a desktop has no public URL for a
   file on disk, so the picture goes up as a binary and is named by that uri.
3. `material.uploadImageSync` `{folder_id "0", file_uri, material_name, need_distinct}`
   -> `material_id`, `audit_status` (1 waiting, 2 under review, 3 passed, 4 rejected).
4. `material.queryMaterialDetail` `{material_id}` -> `material_info{audit_status, byte_url,
   audit_reject_desc}`: the URL comes only once the review passed (3).

The material name is the picture's content address cut to the record's 50 characters
(`material_name`), so the same picture is found under the same name whoever uploads it.
Ours, where the record is silent: that `store_uri` is what `file_uri` takes, and that
`file_content` carries the bytes as base64 (the record says only "二进制内容，utf-8编码").
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from app.core.translation import QT_TRANSLATE_NOOP
from app.platforms.douyin import codes
from app.platforms.douyin.client import ApiResult
from app.platforms.port import (
    PROBLEM_REJECTED,
    PROBLEM_UNREADABLE,
    PictureOnPlatform,
    PictureReview,
    Refused,
    RetryLater,
)

BINARY_UPLOAD_METHOD = "open.binaryupload"
UPLOAD_METHOD = "material.uploadImageSync"
DETAIL_METHOD = "material.queryMaterialDetail"
SEARCH_METHOD = "material.searchMaterial"
ROOT_FOLDER = "0"  # "文件夹id，0为根目录"
MATERIAL_NAME_MAX = 50  # "不得超过50个字符"
NAME_PREFIX = "desk-"  # ours: marks the pictures this app uploaded


class AuditStatus(IntEnum):
    """`audit_status`: "1-等待审核; 2-审核中; 3-通过; 4-拒绝" (SDK MaterialUploadImageSyncData)."""

    WAITING = 1
    REVIEWING = 2
    PASSED = 3
    REJECTED = 4


class OperateStatus(IntEnum):
    """`operate_status` of a searched material: "0-待下载 1-有效 4-回收站中 6-已删除"."""

    DOWNLOADING = 0
    VALID = 1
    IN_RECYCLE_BIN = 4
    DELETED = 6


REVIEWS = {
    AuditStatus.WAITING: PictureReview.WAITING,
    AuditStatus.REVIEWING: PictureReview.WAITING,
    AuditStatus.PASSED: PictureReview.PASSED,
    AuditStatus.REJECTED: PictureReview.REJECTED,
}

# Refusals of an upload (a public C# client's `DouyinRetCode`s for /material/uploadImageSync).
PICTURE_REFUSALS: dict[int, str] = {
    20001: QT_TRANSLATE_NOOP(
        "sync",
        "The platform could not read an evidence picture of this refusal as a PNG or JPEG picture. "
        "Discard this refusal and refuse again with other pictures.",
    ),
    22001: QT_TRANSLATE_NOOP(
        "sync",
        "An evidence picture of this refusal is larger than the platform takes. Discard this refusal "
        "and refuse again with smaller pictures.",
    ),
    22007: QT_TRANSLATE_NOOP(
        "sync",
        "The platform would not take an evidence picture of this refusal: it suspects the picture "
        "breaks its rules. Discard this refusal and refuse again with another picture.",
    ),
    30001: QT_TRANSLATE_NOOP(
        "sync",
        "The shop's picture storage on the platform is full. Delete unused pictures in the shop's "
        "material centre (素材中心), then sync again.",
    ),
}
PROBLEM_PICTURE_NOT_TAKEN = QT_TRANSLATE_NOOP(
    "sync",
    "The platform did not take an evidence picture of this refusal. Discard this refusal and refuse "
    "again with other pictures.",
)

Call = Callable[[str, dict[str, Any]], ApiResult]


def material_name(file_name: str) -> str:
    """The name a picture kept as `<sha256>.<ext>` goes up under: at most 50 characters."""
    stem, dot, extension = file_name.rpartition(".")
    if not dot:
        stem, extension = file_name, ""
    room = MATERIAL_NAME_MAX - len(NAME_PREFIX) - len(dot + extension)
    return f"{NAME_PREFIX}{stem[:room]}{dot}{extension}"


def upload(call: Call, file_name: str, data: bytes) -> PictureOnPlatform:
    """The picture on the platform: the one uploaded before under its name, else a new one."""
    name = material_name(file_name)
    found = _search(call, name)
    if found is not None:
        return found
    try:
        stored = call(BINARY_UPLOAD_METHOD, {"file_content": base64.b64encode(data).decode("ascii")})
        store_uri = _text(stored.data, "store_uri")
        answer = call(
            UPLOAD_METHOD,
            {"folder_id": ROOT_FOLDER, "file_uri": store_uri, "material_name": name, "need_distinct": True},
        ).data
    except Refused as refused:
        number = codes.sub_code_number(refused.platform_code)
        refused.problem = PICTURE_REFUSALS.get(number or 0, PROBLEM_PICTURE_NOT_TAKEN)
        raise
    material_id = _text(answer, "material_id")
    status = _status(answer)
    if status is AuditStatus.PASSED:  # the answer's byte_url is 已下线: the URL comes from the detail
        return review(call, material_id)
    return PictureOnPlatform(material_id, REVIEWS[status])


def reviews(call: Call, material_ids: Sequence[str]) -> list[PictureOnPlatform]:
    return [review(call, material_id) for material_id in material_ids]


def review(call: Call, material_id: str) -> PictureOnPlatform:
    """`material.queryMaterialDetail`: where the picture's review stands, its URL once passed."""
    try:
        data = call(DETAIL_METHOD, {"material_id": material_id}).data
    except Refused as refused:
        if refused.problem == PROBLEM_REJECTED:  # 22002 素材不存在或已被删除, and the like
            refused.problem = PROBLEM_PICTURE_NOT_TAKEN
        raise
    info = data.get("material_info") if isinstance(data, dict) else None
    return _picture(info, material_id)


def _picture(info: Any, material_id: str) -> PictureOnPlatform:
    status = _status(info)
    if status is AuditStatus.PASSED:
        url = info.get("byte_url") if isinstance(info, dict) else None
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise RetryLater(PROBLEM_UNREADABLE, detail=f"material {material_id} passed without a byte_url")
        return PictureOnPlatform(material_id, PictureReview.PASSED, url)
    why = str(info.get("audit_reject_desc") or "") if isinstance(info, dict) else ""
    return PictureOnPlatform(material_id, REVIEWS[status], rejected_because=why)


def _search(call: Call, name: str) -> PictureOnPlatform | None:
    """The usable picture uploaded before under exactly this name, if any."""
    data = call(
        SEARCH_METHOD,
        {
            "material_name": name,
            "folder_id": ROOT_FOLDER,
            "material_type": ["photo"],
            "page_num": 1,
            "page_size": 50,
        },
    ).data
    items = data.get("material_info_list") if isinstance(data, dict) else None
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or item.get("material_name") != name:
            continue  # the search matches names fuzzily
        if item.get("operate_status") in (OperateStatus.IN_RECYCLE_BIN, OperateStatus.DELETED):
            continue
        if _status(item) is AuditStatus.REJECTED:
            continue  # upload it again: a rejected picture is never usable
        material_id = _text(item, "material_id")
        if _status(item) is AuditStatus.PASSED:
            return review(call, material_id)  # its URL as the detail gives it
        return _picture(item, material_id)
    return None


def _status(data: Any) -> AuditStatus:
    value = data.get("audit_status") if isinstance(data, dict) else None
    try:
        return AuditStatus(value)  # type: ignore[arg-type]
    except ValueError:
        raise RetryLater(PROBLEM_UNREADABLE, detail=f"audit_status {value!r} is not one of 1-4") from None


def _text(data: Any, key: str) -> str:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, str) or not value:
        raise RetryLater(PROBLEM_UNREADABLE, detail=f"'{key}' is missing from the answer")
    return value
