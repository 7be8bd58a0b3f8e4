"""A small TikTok shop written straight into a real mirror, as the TikTok adapter's readers
fill its rows (app/platforms/tiktok/parse.py: amounts in cents with currency "USD", the
platform's text codes in `type_code`/`status_code`/`arbitration_code`, Douyin's integer
codes 0 or None, the app's words beside them). For the screens' tests of issue 16."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import RequestKind, RequestState
from tests.builders import HOUR, NOW, after_sale_row, order_line_row, order_row, seed

ORDER = "576461413038785752"  # awaiting shipment, $12.99, ship by NOW + 5 h
REFUND = "4035227811111111111"  # the buyer cancels before shipment: $12.99 back, waiting for the shop
REPLACEMENT = "4035227822222222222"  # a replacement waiting for the shop
RETURN = "4035227844444444444"  # a return and refund waiting for the shop
ARBITRATED = "4035227833333333333"  # refused, with an arbitration code this app does not know
SHIP_BY = NOW + 5 * HOUR


def _tiktok_request(order: dict[str, Any], aftersale_id: str, **words: Any) -> dict[str, Any]:
    # Every row names the same columns: one executemany writes them all.
    words = {"arbitration_code": "", "arbitration": "none", "arbitrate_status": None, **words}
    row = after_sale_row(
        order,
        aftersale_id=aftersale_id,
        type=0,
        status=0,
        status_text="",
        type_text="",
        refund_amount=1_299,
        refund_post_amount=0,
        currency="USD",
        reason_text="Damaged item",
        got_pkg=None,
        **words,
    )
    return row


def tiktok_shop(session_factory: sessionmaker[Session]) -> dict[str, Any]:
    """One order to ship and four requests on it, in a TikTok shop's mirror."""
    order = order_row(
        order_id=ORDER,
        state="awaiting_shipment",
        status_desc="AWAITING_SHIPMENT",
        currency="USD",
        order_amount=1_499,
        pay_amount=1_299,
        post_amount=200,
        promotion_amount=200,
        exp_ship_time=SHIP_BY,
        items_summary="Cotton T-shirt ×1",
        receiver_name="J*** D***",
    )
    order["status"] = 0  # TikTok's orders carry no Douyin number (parse.py)
    line = order_line_row(
        order, product_name="Cotton T-shirt", spec="White, M", origin_amount=1_499, pay_amount=1_299
    )
    requests = [
        _tiktok_request(  # a buyer's cancellation of the order not yet shipped
            order, REFUND, kind=RequestKind.REFUND_BEFORE_SHIPMENT, state=RequestState.AWAITING_SHOP,
            type_code="BUYER_CANCEL", status_code="CANCELLATION_REQUEST_PENDING",
        ),
        _tiktok_request(
            order, REPLACEMENT, kind=RequestKind.EXCHANGE, state=RequestState.AWAITING_SHOP,
            type_code="REPLACEMENT", status_code="REPLACEMENT_REQUEST_PENDING",
        ),
        _tiktok_request(
            order, RETURN, kind=RequestKind.RETURN_AND_REFUND, state=RequestState.AWAITING_SHOP,
            type_code="RETURN_AND_REFUND", status_code="RETURN_OR_REFUND_REQUEST_PENDING",
        ),
        _tiktok_request(
            order, ARBITRATED, kind=RequestKind.REFUND_AFTER_SHIPMENT, state=RequestState.REFUSED,
            type_code="REFUND", status_code="REFUND_OR_RETURN_REQUEST_REJECT",
            arbitration_code="SOMETHING_NEW", arbitration=None, arbitrate_status=None,
        ),
    ]  # fmt: skip
    seed(session_factory, orders=[order], lines=[line], after_sales=requests)
    return order
