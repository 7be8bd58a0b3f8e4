"""What the app takes as an evidence picture: its kind by its first bytes, and its size.

Owns the one rule the app checks when a person attaches a picture to a refusal, so a
picture the platform would refuse is refused while the person can still pick another:
PNG, JPEG or WEBP (told by the bytes, never the name) of at most 5 MB. Douyin's picture
upload takes exactly these (`app/platforms/douyin/codes.py`, PLATFORM-PROTOCOL.md
"evidence pictures"); a platform that takes less needs its own check in its adapter.
"""

from __future__ import annotations

IMAGE_MAX_BYTES = 5 * 1024 * 1024
IMAGE_CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}


def image_extension(data: bytes) -> str | None:
    """The picture's kind ("png", "jpg" or "webp") by its first bytes, never its name; or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None
