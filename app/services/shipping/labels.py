"""Shipping labels: an order's label PDF from the platform, kept for reprints.

Owns `ShopLabels`: the label of an order as the platform gives it (TikTok Shop: the
package's label for TikTok Shipping; Douyin prints through its own component and gives
none), fetched through a `LabelSource` the desk builds with the shop's adapter
(`app/shop_labels.py`: services never import a platform), and kept in the shop's data
folder, one file per order id, so a reprint needs no network and a label fetched once
prints again when the internet is down. Every way a label cannot be had is a `Refusal`
in plain words: the platform's own (a seller-shipped package has no label, the order is
not shipped yet — its words beside ours), or ours when the platform cannot be reached
and no copy is kept.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP

MSG_OFFLINE_NO_COPY = QT_TRANSLATE_NOOP(
    "shipping",
    "The label of order {order} cannot be fetched now: the platform cannot be reached. No copy is "
    "kept on this computer yet; try again once the internet is back.",
)
MSG_NOT_A_PDF = QT_TRANSLATE_NOOP(
    "shipping", "The platform sent something for order {order}'s label that is not a PDF; nothing was kept."
)
PDF_MAGIC = b"%PDF-"
_SAFE = re.compile(r"[^A-Za-z0-9_-]")


class LabelUnavailable(Refusal):
    """No label for the order: `message` says why in plain words; `platform_words` is
    the platform's own message ("" when it said nothing), shown beside ours."""

    context = "shipping"

    def __init__(
        self, message: str, params: dict[str, object] | None = None, *, platform_words: str = ""
    ) -> None:
        super().__init__(message, params)
        self.platform_words = platform_words


class LabelRefused(LabelUnavailable):
    """The platform refused the label (or the platform gives none): its problem in the
    adapter's plain words (context "sync"); asking again will not help."""

    context = "sync"


class LabelOffline(LabelUnavailable):
    """The platform could not be reached (network, timeout, its servers): waiting helps.
    `message` is the adapter's plain words (context "sync")."""

    context = "sync"


class LabelNotKept(LabelUnavailable):
    """The platform could not be reached and no copy of the label is kept: try again later."""


# The desk's way to the platform: order id -> the label's PDF bytes; raises LabelUnavailable.
LabelSource = Callable[[str], bytes]


@dataclass(frozen=True, slots=True)
class Label:
    order_id: str
    pdf: bytes
    path: Path  # the kept copy
    from_copy: bool  # True when read from the kept copy instead of fetched now


class ShopLabels:
    """One shop's labels: fetched through `source`, kept under `folder`."""

    def __init__(self, source: LabelSource | None, folder: Path, *, platform: str = "") -> None:
        self._source = source
        self.folder = folder
        self.platform = platform  # the shop's platform ("tiktok", "douyin"), for the screens

    @property
    def can_fetch(self) -> bool:
        return self._source is not None

    def path_for(self, order_id: str) -> Path:
        # Order ids are digits on both platforms; anything else is made safe for a file name.
        return self.folder / f"{_SAFE.sub('_', order_id)}.pdf"

    def kept(self, order_id: str) -> bytes | None:
        """The kept copy of the order's label, None when none is kept (or it is damaged)."""
        try:
            pdf = self.path_for(order_id).read_bytes()
        except OSError:
            return None
        return pdf if pdf.lstrip()[:5] == PDF_MAGIC else None

    def label(self, order_id: str, *, fresh: bool = False) -> Label:
        """The order's label: the kept copy unless `fresh`, else fetched and kept. Fetched
        anew but unreachable, the kept copy is used; with none, `LabelUnavailable`."""
        if not fresh and (pdf := self.kept(order_id)) is not None:
            return Label(order_id, pdf, self.path_for(order_id), from_copy=True)
        if self._source is None:
            raise LabelRefused(MSG_NO_SOURCE)
        try:
            pdf = self._source(order_id)
        except LabelOffline as offline:
            if (pdf_kept := self.kept(order_id)) is not None:
                return Label(order_id, pdf_kept, self.path_for(order_id), from_copy=True)
            # Ours (context "shipping"), the adapter's words on the network beside them.
            raise LabelNotKept(
                MSG_OFFLINE_NO_COPY, {"order": order_id}, platform_words=str(offline)
            ) from offline
        if pdf.lstrip()[:5] != PDF_MAGIC:
            raise LabelRefused(MSG_NOT_A_PDF, {"order": order_id})
        return Label(order_id, pdf, self._keep(order_id, pdf), from_copy=False)

    def _keep(self, order_id: str, pdf: bytes) -> Path:
        """Write the copy whole or not at all (a temporary file renamed over the old one)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.path_for(order_id)
        handle, temporary = tempfile.mkstemp(prefix=".label-", suffix=".pdf", dir=self.folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(pdf)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return path


MSG_NO_SOURCE = QT_TRANSLATE_NOOP(
    "shipping", "This shop's platform gives no shipping labels to print from here."
)
