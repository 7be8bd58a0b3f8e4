"""The platform port, as the Douyin adapter keeps it (issue 14 item 2).

The sync and push engines ask a shop's platform only what `app/platforms/port.py`
offers, and hear back only the app's words: pages of records with an opaque cursor,
rows in the app's vocabulary, a request's history as who moved it, and one family of
errors — try again later, refused (with the platform's own code and words), or not
authorised. Each is checked here against the real sandbox store over HTTP.
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest

from app.core.vocabulary import Decision, OrderState, RequestKind, RequestState
from app.demo_shop import DEMO_APP_KEY, DEMO_SHOP_ID
from app.platforms.douyin.adapter import DouyinPlatform
from app.platforms.douyin.client import PlatformClient, ShopCredentials
from app.platforms.douyin.codes import (
    LOGISTICS_REFUSAL_PROBLEMS,
    LogisticsRefusal,
)
from app.platforms.douyin.material import PICTURE_REFUSALS
from app.platforms.port import (
    PROBLEM_NETWORK,
    Carrier,
    DecisionToSend,
    Mover,
    NotAuthorised,
    Outcome,
    PictureReview,
    RefusalReason,
    Refused,
    RetryLater,
    ShipmentToSend,
    ShopMove,
    ShopPlatform,
    Window,
)
from app.platforms.records import MalformedRecord
from app.platforms.registry import DOUYIN, platform_for
from app.sync import request_history
from tests.sandbox_control import (
    control,
    demo_platform,
    new_refunds_after_shipment,
    platform_orders,
    sandbox_now,
)
from tests.test_shipping_push import closed_port_url, tracking

DAY = 86400
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def every_page(platform: ShopPlatform, window: Window, size: int) -> tuple[list[dict], int]:
    """Every order record in `window`, following the platform's page cursor; and how many pages."""
    records, page, pages = [], None, 0
    while True:
        pulled = platform.changed_orders(window, page, size)
        records += pulled.records
        pages += 1
        if len(pulled.records) < size or pulled.next_page is None:
            return records, pages
        page = pulled.next_page


def waiting_refund(platform: ShopPlatform, url: str) -> dict:
    """A new refund-after-shipment request waiting for the shop, as the mirror's row."""
    aftersale_id = new_refunds_after_shipment(url, 1)["after_sales"][0]
    row = platform.reread_request(aftersale_id, sandbox_now(url)).row
    assert (row["kind"], row["state"]) == (RequestKind.REFUND_AFTER_SHIPMENT, RequestState.AWAITING_SHOP)
    return row


def an_order_to_ship(platform: ShopPlatform, url: str) -> str:
    control(url, "tick", {"new_orders": 12})
    control(url, "clock", {"advance_s": 1900})  # paid half an hour later
    records, _ = every_page(platform, Window(sandbox_now(url) - 3600), 100)
    now = sandbox_now(url)
    rows = [platform.read_order(record, index, now).orders[0] for index, record in enumerate(records)]
    return next(row["order_id"] for row in rows if row["state"] == OrderState.AWAITING_SHIPMENT)


def test_the_shops_platform_chooses_its_adapter_douyin_when_it_names_none(sandbox_url: str) -> None:
    credentials = ShopCredentials(sandbox_url, DEMO_APP_KEY, "secret", DEMO_SHOP_ID)
    assert platform_for(SimpleNamespace(credentials=credentials)).name == DOUYIN
    assert isinstance(
        platform_for(SimpleNamespace(credentials=credentials, platform="douyin")), DouyinPlatform
    )
    with pytest.raises(ValueError, match="tiktok"):
        platform_for(SimpleNamespace(credentials=credentials, platform="tiktok"))


def test_changed_orders_come_page_by_page_with_the_platforms_cursor(sandbox_url: str) -> None:
    platform = demo_platform(sandbox_url)
    since = sandbox_now(sandbox_url) - 89 * DAY
    records, pages = every_page(platform, Window(since), 40)
    assert pages > 2  # 300 orders of history, 40 a page
    assert {r["order_id"]: r["update_time"] for r in records} == platform_orders(
        sandbox_url, updated_since=since
    )


def test_records_are_read_into_the_apps_words_and_a_bad_one_is_named_not_guessed(sandbox_url: str) -> None:
    platform = demo_platform(sandbox_url)
    now = sandbox_now(sandbox_url)
    orders = platform.changed_orders(Window(now - 89 * DAY), None, 100).records
    states = {platform.read_order(record, i, now).orders[0]["state"] for i, record in enumerate(orders)}
    assert states and states <= set(OrderState)
    requests = platform.changed_requests(Window(now - 89 * DAY), None, 100).records
    rows = [platform.read_request(record, i, now) for i, record in enumerate(requests)]
    assert rows and {row["kind"] for row in rows} <= set(RequestKind)
    with pytest.raises(MalformedRecord):
        platform.read_request({"aftersale_info": {}}, 0, now)


def test_a_decision_goes_out_in_the_apps_words_and_the_history_says_the_shop_moved_it(
    sandbox_url: str,
) -> None:
    platform = demo_platform(sandbox_url)
    row = waiting_refund(platform, sandbox_url)
    decision = DecisionToSend(row["aftersale_id"], Decision.APPROVE_REFUND, row["update_time"], row["kind"])

    platform.decide(decision, idempotency_key="op-1")  # Douyin takes no key: ignored

    reread = platform.reread_request(row["aftersale_id"], sandbox_now(sandbox_url))
    assert reread.row["state"] == RequestState.REFUNDED
    assert reread.history is not None
    assert (reread.history[-1].mover, reread.history[-1].shop_move) == (Mover.SHOP, ShopMove.AGREED)
    assert request_history.who_moved_it_on(reread.history, row["update_time"], refusing=False) == "shop"
    # Sent again, the platform refuses it: the request has moved on (perhaps by this very
    # decision, whose answer could have been lost), in its own code and words.
    with pytest.raises(Refused) as refused:
        platform.decide(decision, idempotency_key="op-1")
    assert refused.value.outcome is Outcome.REJECTED and refused.value.moved_on
    assert refused.value.platform_code and refused.value.platform_message


def test_a_shipment_is_added_once_and_a_second_one_is_refused_in_plain_words(sandbox_url: str) -> None:
    platform = demo_platform(sandbox_url)
    order_id = an_order_to_ship(platform, sandbox_url)
    carrier = next(c for c in platform.carriers() if c.code == "shunfeng")

    platform.ship(ShipmentToSend(order_id, carrier.code, tracking(1)), idempotency_key="op-2")

    page = platform.reread_order(order_id, sandbox_now(sandbox_url))
    assert [parcel["tracking_no"] for parcel in page.parcels] == [tracking(1)]
    with pytest.raises(Refused) as refused:
        platform.ship(ShipmentToSend(order_id, carrier.code, tracking(2)), idempotency_key="op-3")
    assert refused.value.moved_on
    assert refused.value.problem == LOGISTICS_REFUSAL_PROBLEMS[LogisticsRefusal.ALREADY_SHIPPED]


def test_a_picture_goes_up_is_reviewed_and_a_non_picture_is_refused(sandbox_url: str) -> None:
    platform = demo_platform(sandbox_url)
    uploaded = platform.upload_picture(f"{'a' * 64}.png", PNG)
    assert (uploaded.review, uploaded.url) == (PictureReview.WAITING, "")  # the platform reviews it
    assert platform.upload_picture(f"{'a' * 64}.png", PNG).platform_id == uploaded.platform_id  # found again
    control(sandbox_url, "clock", {"advance_s": 5})
    [reviewed] = platform.picture_reviews([uploaded.platform_id])
    assert reviewed.review == PictureReview.PASSED and reviewed.url.startswith(("http://", "https://"))
    with pytest.raises(Refused) as refused:
        platform.upload_picture(f"{'b' * 64}.png", b"not a picture at all")
    assert refused.value.problem == PICTURE_REFUSALS[20001]


def test_the_published_lists_come_in_the_apps_words(sandbox_url: str) -> None:
    platform = demo_platform(sandbox_url)
    reasons, carriers = platform.refusal_reasons(), platform.carriers()
    assert reasons and all(isinstance(reason, RefusalReason) and reason.reason for reason in reasons)
    assert any(reason.evidence_needed for reason in reasons)
    assert carriers and all(isinstance(carrier, Carrier) and carrier.code for carrier in carriers)


def test_an_unreachable_platform_is_retry_later_and_a_lost_write_may_have_been_applied(
    sandbox_url: str,
) -> None:
    client = demo_platform(sandbox_url).client
    assert client.create_token().ok  # a token held: the write itself goes out, unanswered
    client.credentials = replace(client.credentials, gateway=closed_port_url())
    platform = DouyinPlatform(client)
    with pytest.raises(RetryLater) as unreachable:
        platform.changed_orders(Window(0), None, 100)
    assert unreachable.value.problem == PROBLEM_NETWORK and unreachable.value.outcome is Outcome.RETRY
    with pytest.raises(RetryLater) as lost:
        platform.decide(
            DecisionToSend("a1", Decision.APPROVE_REFUND, 0, RequestKind.REFUND_AFTER_SHIPMENT),
            idempotency_key="op-4",
        )
    assert lost.value.maybe_applied


def test_a_write_never_sent_for_want_of_a_token_was_not_applied() -> None:
    platform = DouyinPlatform(
        PlatformClient(ShopCredentials(closed_port_url(), DEMO_APP_KEY, "secret", DEMO_SHOP_ID))
    )
    with pytest.raises(RetryLater) as unsent:
        platform.decide(
            DecisionToSend("a1", Decision.APPROVE_REFUND, 0, RequestKind.REFUND_AFTER_SHIPMENT),
            idempotency_key="op-5",
        )
    assert unsent.value.problem == PROBLEM_NETWORK and not unsent.value.maybe_applied


def test_the_shops_keys_are_checked_before_anything_is_saved(sandbox_url: str) -> None:
    assert demo_platform(sandbox_url).check_connection()  # the shop's name, as the platform gives it
    wrong = DouyinPlatform(PlatformClient(ShopCredentials(sandbox_url, DEMO_APP_KEY, "wrong", DEMO_SHOP_ID)))
    with pytest.raises(NotAuthorised):
        wrong.check_connection()


def test_a_wrong_secret_is_not_authorised_and_waits_for_a_person(sandbox_url: str) -> None:
    platform = DouyinPlatform(
        PlatformClient(ShopCredentials(sandbox_url, DEMO_APP_KEY, "wrong", DEMO_SHOP_ID))
    )
    with pytest.raises(NotAuthorised) as refused:
        platform.carriers()
    assert refused.value.outcome is Outcome.CONFIG_ERROR and "secret" in refused.value.problem
