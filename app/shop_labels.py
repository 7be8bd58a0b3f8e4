"""The desk's live way to a shop's shipping labels, built in the desk's own process.

Owns `shop_labels`: the `ShopLabels` (app/services/shipping/labels.py) of one shop, whose
source is the shop's adapter built here (the screens and services never import a
platform; the sync runs in another process, so the desk holds its own adapter, as the
connection test does in app/shop.py), kept under `<data dir>/labels/<shop key>/`. The
platform's errors become the service's plain-words refusals: waiting helps (network,
timeout, its servers busy) → `LabelOffline`; anything else → `LabelRefused`, the
platform's own words beside.

And for print-and-ship, `hand_over`: the order handed to the platform's own carrier
(TikTok Shipping's Ship Package without a tracking number, PC ship-package-202309) when
the platform gives the label only after that (TikTok's 21023035 "Please arrange shipment
before retrieving the shipping document"); and `shipment_of`: its provider and tracking
number as the platform now lists them on the order. A package handed over already is
refused as moved on (21011040): taken as done.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import config
from app.platforms.port import PlatformError, RetryLater, ShipmentToSend, ShopPlatform
from app.platforms.registry import TIKTOK, connect
from app.platforms.tiktok.shipping import PROBLEM_LABEL_AFTER_SHIPPING
from app.services.shipping.label_shipping import ArrangedShipment
from app.services.shipping.labels import (
    MSG_NO_SOURCE,
    LabelOffline,
    LabelRefused,
    LabelUnavailable,
    ShopLabels,
)

LABELS_FOLDER = "labels"


def labels_folder(shop_key: str) -> Path:
    return config.data_dir() / LABELS_FOLDER / (shop_key or "shop")


def _plain(error: PlatformError) -> LabelUnavailable:
    kind = LabelOffline if isinstance(error, RetryLater) else LabelRefused
    return kind(error.problem, platform_words=error.platform_message)


class PlatformLabels:
    """The shop's adapter, built once on first use (a demo store may still be starting)."""

    def __init__(self, credentials: Callable[[], object], platform: str) -> None:
        self._credentials, self._platform = credentials, platform
        self._adapter: ShopPlatform | None = None
        # One call at a time on the one client: the network lane may run two label jobs at
        # once, and a token renewal must not race another call.
        self._lock = threading.Lock()

    def _platform_adapter(self) -> ShopPlatform:
        if self._adapter is None:
            self._adapter = connect(self._credentials(), self._platform)  # type: ignore[arg-type]
        return self._adapter

    def label(self, order_id: str) -> bytes:
        with self._lock:
            try:
                return self._platform_adapter().shipping_label(order_id)
            except PlatformError as error:
                raise _plain(error) from error

    def hand_over(self, order_id: str) -> None:
        """The order's package shipped with the platform's own carrier (no tracking number
        of ours: TikTok Shipping gives it). One handed over already is moved on: done."""
        with self._lock:
            try:
                self._platform_adapter().ship(
                    ShipmentToSend(order_id, "", ""), idempotency_key=f"label-{order_id}"
                )
            except PlatformError as error:
                if not error.moved_on:
                    raise _plain(error) from error

    def shipment_of(self, order_id: str) -> ArrangedShipment:
        """Who carries the order's parcel under which number, as the platform lists them now."""
        with self._lock:
            try:
                page = self._platform_adapter().reread_order(order_id, int(time.time()))
            except PlatformError as error:
                raise _plain(error) from error
        for parcel in page.parcels:
            if parcel.get("tracking_no"):
                return ArrangedShipment(
                    order_id, str(parcel.get("company_code") or ""), str(parcel.get("company_name") or ""),
                    str(parcel["tracking_no"]),
                )  # fmt: skip
        # Handed over, but the platform names no number yet: its words for a label not ready.
        raise LabelRefused(PROBLEM_LABEL_AFTER_SHIPPING)


@dataclass
class LabelShipping:
    """A shop's `LabelDesk` (app/services/shipping/label_shipping.py): the kept copies and
    the live calls."""

    labels: ShopLabels
    platform: PlatformLabels | None

    def hand_over(self, order_id: str) -> None:
        if self.platform is None:
            raise LabelRefused(MSG_NO_SOURCE)
        self.platform.hand_over(order_id)

    def shipment_of(self, order_id: str) -> ArrangedShipment:
        if self.platform is None:
            raise LabelRefused(MSG_NO_SOURCE)
        return self.platform.shipment_of(order_id)

    def needs_arranging(self, error: LabelRefused) -> bool:
        """The platform gives the label only once the order is handed to its carrier."""
        return error.message == PROBLEM_LABEL_AFTER_SHIPPING


def shop_labels(shop_key: str, platform: str, credentials: Callable[[], object] | None) -> LabelShipping:
    """The labels of one shop of the desk. Only TikTok Shop gives labels as documents; a
    Douyin shop's labels refuse in Douyin's adapter's words when asked (the screens
    disable the action for it anyway)."""
    live = PlatformLabels(credentials, platform) if credentials is not None else None
    source = live.label if live is not None else None
    labels = ShopLabels(source, labels_folder(shop_key), platform=platform)
    return LabelShipping(labels, live if platform == TIKTOK else None)
