"""The TikTok dialect's image upload: the pictures a seller's refusal shows as its evidence.

Owns `POST /product/202309/images/upload` (multipart/form-data: the file in the field `data`,
`use_case` beside it) — keeping the picture in the shop's store, answering its `uri` (what a
refusal's `images[].image_id` names) and a `url` the sandbox serves
(`/_sandbox/uploads/<digest>.<ext>`, made absolute by the gateway) — and what a refusal's
images become in the request's records: the uploaded pictures' links.

Public record (PC = Partner Center API reference, lazykern/ecommerce-api-docs at eba059e,
data/raw/tiktok/api-reference/product/upload-product-image.spec.json; EcomPHP/tiktokshop-php
src/Resources/Product.php `uploadProductImage`, src/Client.php): the body is multipart with
`data` and `use_case` (MAIN_IMAGE, ATTRIBUTE_IMAGE, DESCRIPTION_IMAGE, CERTIFICATION_IMAGE,
SIZE_CHART_IMAGE), the path takes no `shop_cipher` and its body is not signed; the answer is
`data{uri, url, width, height, use_case}`; a return's refusal names the picture by that `uri`
(PC return-and-refund/reject-return: "Image URI obtained from the Upload Product Image API").
Ours: the pictures are kept in the store's meta table (they go with the shop on reset), a
picture other than PNG or JPEG is refused, and so is a refusal naming a picture never uploaded.
"""

from __future__ import annotations

import base64
import hashlib
import struct
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

from app.sandbox.tiktok import errors
from app.sandbox.tiktok.context import Call, Context
from app.sandbox.tiktok.errors import dumps

UPLOAD_PATH = "/_sandbox/uploads/"
URI_PREFIX = "tos-maliva-i-o3syd03w52-us/"
USE_CASES = ("MAIN_IMAGE", "ATTRIBUTE_IMAGE", "DESCRIPTION_IMAGE", "CERTIFICATION_IMAGE", "SIZE_CHART_IMAGE")
MAX_BYTES = 5 * 1024 * 1024  # ours
_META = "upload:"


def _parts(raw: bytes, content_type: str) -> dict[str, bytes]:
    """The named fields of a multipart/form-data body."""
    head = b"Content-Type: " + content_type.encode() + b"\r\n\r\n"
    message = BytesParser(policy=HTTP).parsebytes(head + raw)
    fields: dict[str, bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            fields[name] = payload
    return fields


def picture_size(data: bytes) -> tuple[str, int, int] | None:
    """(extension, width, height) of a PNG or JPEG, read from its header; None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return "png", width, height
    if data.startswith(b"\xff\xd8"):
        at = 2
        while at + 9 < len(data):
            if data[at] != 0xFF:
                return None
            marker, length = data[at + 1], struct.unpack(">H", data[at + 2 : at + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):  # a start of frame: its height and width
                height, width = struct.unpack(">HH", data[at + 5 : at + 9])
                return "jpeg", width, height
            at += 2 + length
    return None


def upload_image(ctx: Context, call: Call) -> str:
    if "multipart/form-data" not in call.content_type:
        raise errors.invalid("The body must be multipart/form-data with the picture in `data`.")
    fields = _parts(call.raw, call.content_type)
    data = fields.get("data", b"")
    use_case = fields.get("use_case", b"MAIN_IMAGE").decode("utf-8", errors="replace") or "MAIN_IMAGE"
    if use_case not in USE_CASES:
        raise errors.invalid(f"`use_case` must be one of {', '.join(USE_CASES)}.")
    if not data or len(data) > MAX_BYTES:
        raise errors.invalid(f"`data` must be a picture of at most {MAX_BYTES} bytes.")
    size = picture_size(data)
    if size is None:
        raise errors.invalid("`data` must be a PNG or JPEG picture.")
    extension, width, height = size
    digest = hashlib.sha256(data).hexdigest()
    kept = {"ext": extension, "width": width, "height": height, "data": base64.b64encode(data).decode()}
    ctx.store.set_meta(_META + digest[:32], kept)
    return dumps(
        {
            "uri": URI_PREFIX + digest[:32],
            "url": f"{UPLOAD_PATH}{digest[:32]}.{extension}",
            "width": width,
            "height": height,
            "use_case": use_case,
        }
    )


def evidence(store: Any, images: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A refusal's `images[]` with each uploaded picture's link and size; refused when one
    names a picture never uploaded."""
    shown = []
    for image in images:
        image_id = str(image.get("image_id", ""))
        name = image_id.removeprefix(URI_PREFIX)
        kept = store.meta(_META + name) if image_id.startswith(URI_PREFIX) else None
        if kept is None:
            raise errors.invalid(f"`images[].image_id` {image_id!r} is not an uploaded picture.")
        url = f"{UPLOAD_PATH}{name}.{kept['ext']}"
        shown.append({**image, "url": url, "width": kept["width"], "height": kept["height"]})
    return shown


def served(store: Any, path: str) -> tuple[bytes, str] | None:
    """(the picture, its content type) for a `/_sandbox/uploads/<name>.<ext>` path."""
    if not path.startswith(UPLOAD_PATH):
        return None
    name, _, extension = path.removeprefix(UPLOAD_PATH).partition(".")
    kept = store.meta(_META + name) if name.isalnum() else None
    if kept is None or kept["ext"] != extension:
        return None
    return base64.b64decode(kept["data"]), f"image/{extension}"
