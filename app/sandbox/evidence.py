"""Small generated PNG images served as after-sale evidence.

Owns drawing a deterministic 96x96 picture per name (a coloured card with a
darker "photo" block) and encoding it as PNG with zlib and struct only.
"""

from __future__ import annotations

import hashlib
import struct
import zlib

SIZE = 96
# Where the control surface serves them: EVIDENCE_PATH + "<name>.png".
EVIDENCE_PATH = "/_sandbox/evidence/"


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )


def evidence_png(name: str) -> bytes:
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    background = (200 + digest[0] % 56, 200 + digest[1] % 56, 200 + digest[2] % 56)
    block = (digest[3] % 160, digest[4] % 160, digest[5] % 160)
    x0, y0 = 12 + digest[6] % 24, 12 + digest[7] % 24
    rows = []
    for y in range(SIZE):
        row = bytearray(b"\x00")  # filter type 0 for each scanline
        for x in range(SIZE):
            inside = x0 <= x < x0 + 48 and y0 <= y < y0 + 40
            row += bytes(block if inside else background)
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _chunk(b"IEND", b"")
    )
