"""Uploaded images **(ours)**: `material.uploadImage` and the URLs it issues.

The dialect documents no image upload (PLATFORM-PROTOCOL.md); Douyin's open platform
has one, and the real platform takes as refusal evidence only pictures it hosts. Owns
the sandbox's minimal version of it: `{file_name, image_base64}` -> `data{url}`; PNG,
JPEG or WEBP by their first bytes and at most 5 MB (`codes.image_extension`,
`codes.IMAGE_MAX_BYTES`, the same rule the app checks when a person decides), anything
else refused with `isv.parameter-invalid:N` (`codes.ImageRefusal`).

Content-addressed: an image's name is the sha256 of its bytes, so the same picture
always gets the same URL and uploading it again (say, after a lost answer) changes
nothing. Images live in the store and are served at `/_sandbox/material/<name>`; the
answer carries that path, which the HTTP layer makes absolute as it does for the
buyers' evidence links. `issued()` tells `afterSale.operate` whether an evidence URL is
one of these.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from app.sandbox.douyin.codes import IMAGE_CONTENT_TYPES, IMAGE_MAX_BYTES, ImageRefusal, image_extension
from app.sandbox.douyin.dialect import invalid, missing

if TYPE_CHECKING:
    from app.sandbox.douyin.handlers import Context
    from app.sandbox.douyin.store import Store

MATERIAL_PATH = "/_sandbox/material/"
_NAME = re.compile(r"[0-9a-f]{64}\.(?:png|jpg|webp)")


def upload_image(ctx: Context, params: dict[str, Any]) -> Any:
    """`material.uploadImage`: keep the picture, answer where it is served."""
    file_name, encoded = params.get("file_name"), params.get("image_base64")
    if not isinstance(file_name, str) or not file_name.strip():
        raise missing("file_name")
    if encoded is None or encoded == "":
        raise missing("image_base64")
    try:
        # Line breaks are allowed (MIME-style base64); anything else that is not base64 is not.
        data = base64.b64decode("".join(str(encoded).split()), validate=True)
    except (binascii.Error, ValueError):
        raise invalid("image_base64 不是合法的 base64 编码", ImageRefusal.UNREADABLE) from None
    if len(data) > IMAGE_MAX_BYTES:
        raise invalid(f"图片 {file_name} 超过 5MB", ImageRefusal.TOO_LARGE)
    extension = image_extension(data)
    if extension is None:
        raise invalid(f"图片 {file_name} 格式不支持，仅支持 PNG、JPEG、WEBP", ImageRefusal.NOT_AN_IMAGE)
    name = f"{hashlib.sha256(data).hexdigest()}.{extension}"
    ctx.store.save_image(name, IMAGE_CONTENT_TYPES[extension], data, ctx.clock.now())
    return {"url": MATERIAL_PATH + name}


def _name_in(path: str) -> str | None:
    name = path[len(MATERIAL_PATH) :] if path.startswith(MATERIAL_PATH) else ""
    return name if _NAME.fullmatch(name) else None


def issued(store: Store, url: object) -> bool:
    """Whether `url` is an image uploaded here. Host and port are not compared: a
    sandbox restarted on another port still serves what it issued before."""
    if not isinstance(url, str):
        return False
    parts = urlsplit(url)
    name = _name_in(parts.path)
    return parts.scheme in ("http", "https") and name is not None and store.has_image(name)


def served(store: Store, path: str) -> tuple[bytes, str] | None:
    """(bytes, content type) of the image at a `/_sandbox/material/…` path, or None."""
    name = _name_in(path)
    return store.image(name) if name is not None else None
