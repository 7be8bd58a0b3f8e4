"""Shipping labels of the TikTok sandbox shop: a small real PDF per shipped package.

Owns drawing a 4 x 6 inch label (the size US thermal label printers take) for a package
that has a tracking number — provider, tracking number under a bar pattern, the
recipient's name and address, the sender, the order and package ids — as a minimal valid
PDF 1.4 written with the standard library only (one page, Helvetica, an uncompressed
content stream, a correct cross-reference table), so any PDF reader opens and prints it.
The bars are drawn from the tracking number's characters: a likeness, not a scannable code.
"""

from __future__ import annotations

import json
from typing import Any

from app.sandbox.tiktok import catalogue as cat

WIDTH, HEIGHT = 288, 432  # points: 4 x 6 inches


def _text(value: str) -> str:
    """A PDF literal string of `value`, ASCII only (Helvetica's standard encoding)."""
    ascii_only = value.encode("ascii", "replace").decode("ascii")
    return "(" + ascii_only.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def _line(x: float, y: float, size: int, value: str, bold: bool = False) -> str:
    font = "/F2" if bold else "/F1"
    return f"BT {font} {size} Tf {x:.1f} {y:.1f} Td {_text(value)} Tj ET"


def _bars(tracking_number: str, x: float, y: float, width: float, height: float) -> list[str]:
    """A bar pattern from the characters: each gives four bars of widths 1-3 modules."""
    widths = [1 + (ord(ch) >> shift) % 3 for ch in tracking_number for shift in (0, 2, 4, 1)]
    module = width / (sum(widths) * 2)
    ops, cursor = [], x
    for index, bar in enumerate(widths):
        if index % 2 == 0:
            ops.append(f"{cursor:.2f} {y:.1f} {bar * module:.2f} {height:.1f} re f")
        cursor += bar * module * 2
    return ops


def content(package: dict[str, Any], order: dict[str, Any]) -> str:
    """The page's drawing operators for one package of `order` (the wire JSON of the order)."""
    address = order.get("recipient_address") or {}
    # "street, City, ST 12345, United States": the city line is the two parts before the country.
    parts = address.get("full_address", "").split(", ")
    locality = ", ".join(parts[-3:-1]) if len(parts) >= 3 else address.get("postal_code", "")
    sender_name, sender_street, sender_city = cat.SELLER_ADDRESS
    tracking, provider = package["tracking_number"], package.get("shipping_provider_name", "")
    ops = [
        "0.5 w 10 10 268 412 re S",
        _line(18, 398, 9, "FROM:"),
        _line(18, 386, 9, sender_name),
        _line(18, 375, 9, sender_street),
        _line(18, 364, 9, sender_city),
        # Right-aligned by Helvetica-Bold's average width (about 0.6 em): long names stay on the label.
        _line(max(140.0, 272 - 9.6 * len(provider)), 392, 16, provider, bold=True),
        "10 352 m 278 352 l S",
        _line(18, 334, 10, "SHIP TO:", bold=True),
        _line(30, 316, 13, address.get("name", ""), bold=True),
        _line(30, 300, 12, address.get("address_line1", "")),
    ]
    y = 285.0
    if address.get("address_line2"):
        ops.append(_line(30, y, 12, address["address_line2"]))
        y -= 15
    ops += [
        _line(30, y, 12, locality),
        _line(30, y - 15, 12, "UNITED STATES"),
    ]
    ops += ["10 236 m 278 236 l S", _line(18, 220, 9, "TRACKING #:")]
    ops += _bars(tracking, 24, 140, 240, 70)
    ops += [
        _line(24, 124, 14, tracking, bold=True),
        "10 110 m 278 110 l S",
        _line(18, 94, 8, f"Order: {order.get('id', '')}"),
        _line(18, 82, 8, f"Package: {package['id']}"),
        _line(18, 70, 8, f"Items: {len(package.get('order_line_item_ids') or [])}"),
        _line(18, 30, 7, "TikTok Shop sandbox label - not valid for postage"),
    ]
    return "\n".join(ops) + "\n"


def render(package: dict[str, Any], order: dict[str, Any]) -> bytes:
    """A complete one-page PDF of the label."""
    stream = content(package, order).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] /Contents 4 0 R "
            "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>"
        ).encode("ascii"),
        b"<< /Length " + str(len(stream)).encode("ascii") + b" >>\nstream\n" + stream + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        b"<< /Title " + _text(f"Shipping label {package['tracking_number']}").encode("ascii") + b" >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode("ascii") + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode("ascii")
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
    out += trailer.encode("ascii") + f"startxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out)


def label_pdf(store: Any, package_id: str) -> bytes | None:
    """The label of a package that has shipped (has a tracking number); None otherwise."""
    package = store.package(package_id)
    if package is None or not package.get("tracking_number"):
        return None
    rows = store.orders_json([package["order_id"]])
    if not rows:
        return None
    return render(package, json.loads(rows[0]))
