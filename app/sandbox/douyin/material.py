"""The material centre (素材中心): evidence pictures go up, are reviewed, then usable.

Owns the sandbox's version of the public record's picture path (docs/sandbox.md
"The material centre"), in tables of its own:

- `open.binaryupload` `{file_content}` -> `data{store_uri}`: a picture's bytes, kept under
  a uri (the record: "二进制内容，utf-8编码"; the bytes as base64 are ours).
- `material.uploadImageSync` `{folder_id, url | file_uri, material_name (≤ 50), need_distinct}`
  -> `data{material_id, folder_id, is_new, audit_status, byte_url ""}`; PNG or JPEG ("支持的
  格式有：png/jpg") of at most 10 MB. `need_distinct` returns an existing picture only when
  one with the same content has already passed review, as the record says.
- `material.queryMaterialDetail` `{material_id}` -> `data{material_info{…, audit_status,
  audit_reject_desc, byte_url}}`, `byte_url` only once passed.
- `material.searchMaterial` `{material_name (fuzzy), folder_id, material_id, audit_status[],
  page_num, page_size}` -> `data{material_info_list, total}`.

Review runs on the simulation clock (ours, after the record's "非风险图片99%在4s内完成审核，
风险图片我们会在24h内审核完成"): waiting (1) on upload, under review (2) a second later,
passed (3) four seconds after upload. The faults `review_reject` and `review_hold` decide an
upload's fate instead (the gateway hands them over in `UPLOAD_FATE`): rejected (4) at four
seconds, or under review for `RISKY_REVIEW_S` before it passes. A passed picture's bytes are
served at `byte_url` (`/_sandbox/material/<sha256>.<ext>`, made absolute by the gateway);
`passed_url()` tells `afterSale.operate` whether an evidence URL is one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from app.sandbox.clock import HOUR, shanghai
from app.sandbox.douyin.dialect import business, invalid, missing
from app.sandbox.douyin.store import Store
from app.sandbox.evidence import EVIDENCE_PATH, evidence_png

if TYPE_CHECKING:
    from app.sandbox.douyin.params import Context

BINARY_UPLOAD_METHOD = "open.binaryupload"
UPLOAD_METHOD = "material.uploadImageSync"
DETAIL_METHOD = "material.queryMaterialDetail"
SEARCH_METHOD = "material.searchMaterial"
MATERIAL_PATH = "/_sandbox/material/"
ROOT_FOLDER = "0"
NAME_MAX = 50
IMAGE_MAX_BYTES = 10 * 1024 * 1024  # "单个图片最大不能超过10M"
CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg"}
STORE_URI_PREFIX = "tos-cn-i-sandbox/"  # ours, shaped like the record's example uri

# Audit status (1-等待审核 2-审核中 3-通过 4-拒绝) and operate status (1-有效), the sandbox's own.
WAITING, REVIEWING, PASSED, REJECTED = 1, 2, 3, 4
VALID = 1
REVIEW_STARTS_S = 1
REVIEW_S = 4
RISKY_REVIEW_S = 20 * HOUR
REJECT_WORDS = "图片内容不符合平台规范"  # ours: the sandbox's audit_reject_desc

# Refusals (a public C# client's DouyinRetCode for these methods).
FORMAT_UNREADABLE = 20001  # 40004 解析素材格式失败
NO_SUCH_MATERIAL = 22002  # 40004 素材不存在或已被删除
TOO_LARGE = 22001  # 50002 素材大小超出限制
DOWNLOAD_FAILED = 10010  # 50002 素材下载失败，请重新上传
WRONG_FOLDER = 22006  # 50002 当前文件夹下不支持创建该类素材

# Fault kinds (app/sandbox/faults.py) that decide the fate of the upload they hit.
FATES = {"review_reject": "reject", "review_hold": "hold"}
UPLOAD_FATE: ContextVar[str] = ContextVar("upload_fate", default="")

SCHEMA = """
CREATE TABLE IF NOT EXISTS material_files (
    store_uri TEXT PRIMARY KEY, data BLOB NOT NULL, stored_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS materials (
    material_id TEXT PRIMARY KEY, folder_id TEXT NOT NULL, name TEXT NOT NULL, image TEXT NOT NULL,
    origin_url TEXT NOT NULL, size INTEGER NOT NULL, created_at INTEGER NOT NULL, fate TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ix_materials_image ON materials (image);
"""
_IMAGE = re.compile(r"[0-9a-f]{64}\.(?:png|jpg)")


def open_store(path: Path) -> Store:
    """The shop's store with the material centre's tables (they survive a reset, as
    pictures on a real platform do)."""
    store = Store(path)
    with store.lock:
        store.db.executescript(SCHEMA)
    return store


def binary_upload(ctx: Context, params: dict[str, Any]) -> Any:
    encoded = params.get("file_content")
    if not encoded:
        raise missing("file_content")
    try:
        data = base64.b64decode("".join(str(encoded).split()), validate=True)
    except (binascii.Error, ValueError):
        raise invalid("file_content 无法解析", FORMAT_UNREADABLE) from None
    if len(data) > IMAGE_MAX_BYTES:
        raise business(TOO_LARGE, "素材大小超出限制")
    uri = STORE_URI_PREFIX + hashlib.sha256(data).hexdigest()
    with ctx.store.lock:
        ctx.store.db.execute(
            "INSERT OR IGNORE INTO material_files VALUES (?, ?, ?)", (uri, data, ctx.clock.now())
        )
    return {"store_uri": uri}


def upload_image_sync(ctx: Context, params: dict[str, Any]) -> Any:
    folder = str(params.get("folder_id") if params.get("folder_id") is not None else "")
    name = str(params.get("material_name") or "")
    if not folder:
        raise missing("folder_id")
    if not name:
        raise missing("material_name")
    if len(name) > NAME_MAX:
        raise invalid("material_name 不得超过50个字符")
    if folder != ROOT_FOLDER:  # the sandbox's shop has no other folder
        raise business(WRONG_FOLDER, "当前文件夹下不支持创建该类素材")
    url, uri = str(params.get("url") or ""), str(params.get("file_uri") or "")
    if not url and not uri:
        raise missing("url")
    data = _fetched(ctx.store, url) if url else _stored(ctx.store, uri)
    extension = _extension(data)
    if len(data) > IMAGE_MAX_BYTES:
        raise business(TOO_LARGE, "素材大小超出限制")
    if extension is None:
        raise invalid("解析素材格式失败", FORMAT_UNREADABLE)
    image = f"{hashlib.sha256(data).hexdigest()}.{extension}"
    now = ctx.clock.now()
    with ctx.store.transaction() as store:
        if params.get("need_distinct") is True:
            for row in store.db.execute(
                "SELECT * FROM materials WHERE image = ? ORDER BY created_at", (image,)
            ):
                if _audit(row, now) == PASSED:  # "存在已经审核通过且内容相同的图片，直接返回"
                    return _upload_answer(row, now, is_new=False)
        store.save_image(image, CONTENT_TYPES[extension], data, now)
        material_id = str(7_180_000_000_000_000_000 + _next_number(store))
        row = (material_id, folder, name, image, url, len(data), now, FATES.get(UPLOAD_FATE.get(), "pass"))
        store.db.execute("INSERT INTO materials VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)
        store.ledger_append(
            now, "client", UPLOAD_METHOD, material_id, {"material_name": name}, {"fate": row[-1]}
        )
    return _upload_answer(row, now, is_new=True)


def query_material_detail(ctx: Context, params: dict[str, Any]) -> Any:
    material_id = str(params.get("material_id") or "")
    if not material_id:
        raise missing("material_id")
    with ctx.store.lock:
        row = ctx.store.db.execute("SELECT * FROM materials WHERE material_id = ?", (material_id,)).fetchone()
    if row is None:
        raise invalid("素材不存在或已被删除", NO_SUCH_MATERIAL)
    return {"material_info": _info(row, ctx.clock.now())}


def search_material(ctx: Context, params: dict[str, Any]) -> Any:
    page = max(int(params.get("page_num") or 1), 1)
    size = min(max(int(params.get("page_size") or 50), 1), 100)
    now = ctx.clock.now()
    with ctx.store.lock:
        rows = ctx.store.db.execute(
            "SELECT * FROM materials ORDER BY created_at DESC, material_id"
        ).fetchall()
    name = str(params.get("material_name") or "")
    wanted_ids = {str(i) for i in params.get("material_id_list") or []} | (
        {str(params["material_id"])} if params.get("material_id") else set()
    )
    audits = {int(a) for a in params.get("audit_status") or []}
    found = [
        _info(row, now, searched=True)
        for row in rows
        if name in row[2]
        and (not wanted_ids or row[0] in wanted_ids)
        and (not params.get("folder_id") or str(params["folder_id"]) == row[1])
        and (not audits or _audit(row, now) in audits)
    ]
    return {"material_info_list": found[(page - 1) * size : page * size], "total": len(found)}


def passed_url(store: Store, url: object, now: int) -> bool:
    """Whether `url` is the byte_url of a picture whose review passed. Host and port are not
    compared: a sandbox restarted on another port still serves what it issued before."""
    if not isinstance(url, str):
        return False
    parts = urlsplit(url)
    image = _image_in(parts.path)
    if parts.scheme not in ("http", "https") or image is None:
        return False
    with store.lock:
        rows = store.db.execute("SELECT * FROM materials WHERE image = ?", (image,)).fetchall()
    return any(_audit(row, now) == PASSED for row in rows)


def served(store: Store, path: str) -> tuple[bytes, str] | None:
    """(bytes, content type) of the picture at a `/_sandbox/material/…` path, or None."""
    image = _image_in(path)
    return store.image(image) if image is not None else None


# --- helpers ---------------------------------------------------------------------------
def _audit(row: Any, now: int) -> int:
    age, fate = now - row[6], row[7]
    if age < REVIEW_STARTS_S:
        return WAITING
    if fate == "hold":
        return PASSED if age >= RISKY_REVIEW_S else REVIEWING
    if age < REVIEW_S:
        return REVIEWING
    return REJECTED if fate == "reject" else PASSED


def _info(row: Any, now: int, *, searched: bool = False) -> dict[str, Any]:
    """A material as `queryMaterialDetail` (SDK MaterialInfo) or `searchMaterial`
    (MaterialInfoListItem) answers it: the two spell the name and measure the size apart."""
    audit = _audit(row, now)
    created = shanghai(row[6]).strftime("%Y-%m-%d %H:%M:%S")
    return {
        "material_id": row[0],
        "folder_id": row[1],
        "origin_url": row[4],
        "byte_url": MATERIAL_PATH + row[3] if audit == PASSED else "",
        # "materil_name" is the detail's own spelling (SDK MaterialInfo.MaterilName).
        "material_name" if searched else "materil_name": row[2],
        "material_type": "photo",
        "operate_status": VALID,
        "audit_status": audit,
        "audit_reject_desc": REJECT_WORDS if audit == REJECTED else "",
        "size": row[5] // 1024 if searched else row[5],  # KB in the search, bytes in the detail
        "create_time": created,
        "update_time": created,
        "delete_time": "",
    }


def _upload_answer(row: Any, now: int, *, is_new: bool) -> dict[str, Any]:
    # byte_url is 【已下线】 in the upload answer: empty; the URL comes from the detail.
    return {
        "material_id": row[0],
        "folder_id": row[1],
        "is_new": is_new,
        "audit_status": _audit(row, now),
        "byte_url": "",
    }


def _next_number(store: Store) -> int:
    return int(store.db.execute("SELECT COUNT(*) FROM materials").fetchone()[0]) + 1


def _stored(store: Store, uri: str) -> bytes:
    with store.lock:
        row = store.db.execute("SELECT data FROM material_files WHERE store_uri = ?", (uri,)).fetchone()
    if row is None:
        raise business(DOWNLOAD_FAILED, "素材下载失败，请重新上传")
    return bytes(row[0])


def _fetched(store: Store, url: str) -> bytes:
    """A picture by URL: the sandbox reaches only its own pictures (loopback, no internet)."""
    path = urlsplit(url).path
    if path.startswith(EVIDENCE_PATH) and path.endswith(".png"):
        return evidence_png(path[len(EVIDENCE_PATH) : -len(".png")])
    image = served(store, path)
    if image is None:
        raise business(DOWNLOAD_FAILED, "素材下载失败，请重新上传")
    return image[0]


def _extension(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    return None


def _image_in(path: str) -> str | None:
    image = path[len(MATERIAL_PATH) :] if path.startswith(MATERIAL_PATH) else ""
    return image if _IMAGE.fullmatch(image) else None
