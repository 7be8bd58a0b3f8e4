"""What the app takes as an evidence picture: its kind by its first bytes, and its size.

Owns the one rule the app checks when a person attaches a picture to a refusal, so a
picture the platform would refuse is refused while the person can still pick another:
PNG or JPEG (told by the bytes, never the name) of at most 10 MB. Douyin's material
centre takes exactly these ("单个图片最大不能超过10M；支持的格式有：png/jpg", the
`material.uploadImageSync` description; docs/platforms/douyin.md); a platform that takes
less needs its own check in its adapter.
"""

from __future__ import annotations

IMAGE_MAX_BYTES = 10 * 1024 * 1024
IMAGE_CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg"}


def image_extension(data: bytes) -> str | None:
    """The picture's kind ("png" or "jpg") by its first bytes, never its name; or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    return None
