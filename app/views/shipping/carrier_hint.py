"""What a tracking number typed or scanned so far says about its carrier, under the field.

Owns the one hint the shipping board's scan bar and the refund queue's send-goods dialog
show beside their tracking field: recognised (one carrier fits), could be (several fit),
none recognised, or whether the number fits the carrier chosen by hand. Words in the scan
bar's context, where they were first written, so both screens say the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from app.services.shipping.carriers import (
    Carrier,
    carriers_fitting,
    fits,
    known,
    normalise_tracking,
    recognised,
)

AUTO = ""  # the carrier list's first entry: recognise the carrier from the number
STYLES = {"ok": "color: #116329; font-weight: 600;", "problem": "color: #a40e26;", "hint": ""}


# Each word is a literal QCoreApplication.translate call: lupdate reads only those (and
# self.tr, QT_TRANSLATE_NOOP); words passed through a helper were dropped from the catalogue.
def carrier_hint(
    typed: str, chosen: str | None, chosen_name: str, carriers: Sequence[Carrier]
) -> tuple[str, str]:
    """("ok" | "problem" | "hint", words) for the number `typed` and the carrier box's
    choice (`chosen`: a carrier code, or AUTO/None to recognise it from the number)."""
    number = normalise_tracking(typed)
    if not number:
        return "hint", ""
    if chosen in (AUTO, None):
        among = list(carriers) or None
        carrier = recognised(number, among)
        if carrier is not None:
            return "ok", QCoreApplication.translate("ScanBar", "Recognised: {carrier}").format(
                carrier=carrier.name
            )
        fitting = carriers_fitting(number, among)
        if fitting:
            return "hint", QCoreApplication.translate("ScanBar", "Could be {carriers}").format(
                carriers=" / ".join(c.name for c in fitting)
            )
        return "problem", QCoreApplication.translate("ScanBar", "No carrier recognised")
    if known(str(chosen)) is None:
        return "hint", ""
    if fits(str(chosen), number):
        return "ok", QCoreApplication.translate("ScanBar", "Fits {carrier}").format(carrier=chosen_name)
    return "problem", QCoreApplication.translate("ScanBar", "Not a {carrier} number").format(
        carrier=chosen_name
    )


def show_carrier_hint(label: QLabel, kind: str, text: str) -> None:
    label.setText(text)
    label.setStyleSheet(STYLES[kind])
