"""The exactly-once check reads `afterSale.Detail` as documented (issue 15 items 1 and 2).

After a lost answer the push re-reads the request (`DouyinPlatform.reread_request`,
app/platforms/douyin/detail.py) before anything may be sent again. The sandbox answers the
documented Detail (`process_info{after_sale_info, arbitrate_info, logistics_info,
record_logs_list}`, `order_info`; int64 ids) and gives the history only when
`need_operation_record` asks for it; the desk must conclude "applied" from that and send
nothing twice. Real sandbox over HTTP, real databases; the sandbox's ledger and its count of
requests served are the proof.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.vocabulary import RequestState
from app.db import open_database
from app.models import AfterSale, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.codes import FILL_LOGISTICS_METHOD, AfterSaleType
from app.platforms.douyin.detail import read_detail
from app.platforms.douyin.parse import parse_after_sales
from app.platforms.port import PROBLEM_UNREADABLE, Mover, RetryLater, ShopMove
from app.platforms.records import MalformedAnswer
from app.services.refunds import decisions as refund_decisions
from app.sync.ingest import store_after_sales
from tests.contract.douyin.test_sandbox_shapes import differences, documented
from tests.sandbox_control import (
    applied_by_client,
    demo_client,
    demo_platform,
    inject,
    queue_refund_approval,
    queue_refund_refusal,
    sandbox_now,
)
from tests.test_exchanges import ZTO, ZTO_NUMBER, a_shop_with, decide, ledger, until_done
from tests.test_outbox_push import approve, open_refund_requests, operation, push_until_settled, synced_engine

SYNCED_AT = 1796140800


def served(sandbox_url: str, method: str) -> int:
    stats = requests.get(f"{sandbox_url}/_sandbox/stats", timeout=30).json()
    return int(stats["requests_served"].get(method, 0))


@pytest.mark.parametrize(
    ("queue", "moved_to", "shop_move"),
    [
        (queue_refund_approval, RequestState.REFUNDED, ShopMove.AGREED),
        (queue_refund_refusal, RequestState.REFUSED, ShopMove.REFUSED),
    ],
    ids=["agreement", "refusal"],
)
def test_a_lost_answer_re_read_through_the_documented_detail_is_applied_and_never_sent_twice(
    sandbox_url: str,
    database_url: str,
    queue: Callable[[Session, AfterSale], int],
    moved_to: str,
    shop_move: ShopMove,
) -> None:
    engine, clock = synced_engine(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    with engine._sessions.begin() as session:
        seq = queue(session, request)
    inject(sandbox_url, "drop_response", method="afterSale.operate")  # applied, its answer lost
    assert engine.run_once().pushed == {state.PENDING: 1}
    assert operation(engine, seq).verify_before_send
    details_before = served(sandbox_url, "afterSale.Detail")

    push_until_settled(engine, clock)

    op = operation(engine, seq)
    assert (op.state, op.attempts) == (state.DONE, 1)  # found applied by the re-read: never resent
    assert served(sandbox_url, "afterSale.operate") == 1
    assert applied_by_client(sandbox_url, request.aftersale_id) == 1
    assert served(sandbox_url, "afterSale.Detail") > details_before
    # What the re-read read: the documented Detail, with the history that says the shop moved it.
    answer = demo_client(sandbox_url).call(
        "afterSale.Detail", {"after_sale_id": request.aftersale_id, "need_operation_record": True}
    )
    assert differences(documented("afterSale.Detail.answer.json")["data"], answer.data) == []
    reread = read_detail(answer.data, request.aftersale_id, sandbox_now(sandbox_url))
    assert reread.row["state"] == moved_to
    assert reread.history and (reread.history[-1].mover, reread.history[-1].shop_move) == (
        Mover.SHOP,
        shop_move,
    )
    with engine._sessions() as session:
        assert session.get(AfterSale, request.aftersale_id).state == moved_to


def test_the_history_comes_only_when_asked(sandbox_url: str, sqlite_url: str) -> None:
    engine, _ = synced_engine(sandbox_url, sqlite_url)
    request = open_refund_requests(engine, 1)[0]
    client = demo_client(sandbox_url)
    plain = client.call("afterSale.Detail", {"after_sale_id": request.aftersale_id}).data
    asked = client.call(
        "afterSale.Detail", {"after_sale_id": request.aftersale_id, "need_operation_record": True}
    )
    assert plain["process_info"]["record_logs_list"] == []
    assert asked.data["process_info"]["record_logs_list"]  # at least the buyer's application
    assert demo_platform(sandbox_url).reread_request(request.aftersale_id, SYNCED_AT).history


def test_an_unreadable_detail_is_retried_and_names_the_method(sandbox_url: str, sqlite_url: str) -> None:
    engine, clock = synced_engine(sandbox_url, sqlite_url)
    request = open_refund_requests(engine, 1)[0]
    platform = demo_platform(sandbox_url)
    inject(sandbox_url, "malformed", method="afterSale.Detail")
    with pytest.raises(RetryLater) as unreadable:
        platform.reread_request(request.aftersale_id, SYNCED_AT)
    assert unreadable.value.problem == PROBLEM_UNREADABLE
    assert unreadable.value.detail.startswith(f"afterSale.Detail {request.aftersale_id}")
    # A decision whose answer was lost waits for a readable Detail; it is never resent blind.
    seq = approve(engine, request)
    inject(sandbox_url, "drop_response", method="afterSale.operate")
    engine.run_once()
    inject(sandbox_url, "malformed", method="afterSale.Detail")
    clock.offset += operation(engine, seq).next_attempt_at - clock() + 1
    engine.run_once()
    assert operation(engine, seq).state == state.PENDING and served(sandbox_url, "afterSale.operate") == 1
    push_until_settled(engine, clock)
    assert operation(engine, seq).state == state.DONE and served(sandbox_url, "afterSale.operate") == 1


def test_a_list_pull_keeps_the_buyers_pictures_a_detail_read_stored(database_url: str) -> None:
    """The List does not carry the buyer's pictures (docs/platforms/douyin.md item 10); a List
    row stored after a Detail read leaves them, and the Detail's reason, as they are."""
    detail = read_detail(documented("afterSale.Detail.answer.json")["data"], "7300000000000000001", SYNCED_AT)
    listed = documented("afterSale.List.answer.json")["data"]["items"]
    newer = json.loads(json.dumps(listed))
    newer[0]["aftersale_info"]["update_time"] += 60  # the List's later version of the request
    _, sessions = open_database(database_url)
    with sessions.begin() as session:
        store_after_sales(session, [detail.row])
    with sessions.begin() as session:
        store_after_sales(session, parse_after_sales(newer, SYNCED_AT))
    with sessions() as session:
        stored = session.scalars(select(AfterSale)).one()
    assert json.loads(stored.evidence) == ["https://p3-aio.ecombdimg.com/obj/ecom-aftersale/evidence-1.jpg"]
    assert stored.update_time == newer[0]["aftersale_info"]["update_time"]


def _documented_detail() -> dict:
    return documented("afterSale.Detail.answer.json")["data"]


def _without(path: str) -> dict:
    data = _documented_detail()
    *parents, last = path.split(".")
    part = data
    for name in parents:
        part = part[name]
    del part[last]
    return data


def _with(path: str, value: object) -> dict:
    data = _documented_detail()
    *parents, last = path.split(".")
    part = data
    for name in parents:
        part = part[name]
    part[last] = value
    return data


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (None, "'process_info' is missing"),
        (_without("process_info"), "'process_info' is missing"),
        (_without("order_info"), "'order_info' is missing"),
        (_with("process_info.after_sale_info", "unexpected"), "'process_info.after_sale_info' is missing"),
        (_without("process_info.after_sale_info.after_sale_id"), "'after_sale_id' is missing or not an id"),
        (_without("order_info.shop_order_id"), "'shop_order_id' is missing or not an id"),
        (_without("process_info.after_sale_info.update_time"), "'update_time' is missing"),
        (
            _with("process_info.after_sale_info.after_sale_status", "六"),
            "'after_sale_status' is not a number",
        ),
        (_with("order_info.sku_order_infos", {}), "'order_info.sku_order_infos' is not a list"),
        (_with("process_info.after_sale_info.after_sale_id", 7300000000000000009), "is about request"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_a_detail_of_the_wrong_shape_is_named_not_guessed(data: object, words: str) -> None:
    with pytest.raises(MalformedAnswer) as unreadable:
        read_detail(data, "7300000000000000001", SYNCED_AT)
    assert str(unreadable.value).startswith("afterSale.Detail 7300000000000000001")
    assert words in str(unreadable.value)


def test_a_detail_without_history_or_with_an_unplaceable_entry_has_none() -> None:
    assert (
        read_detail(_with("process_info.record_logs_list", []), "7300000000000000001", SYNCED_AT).history
        is None
    )
    assert (
        read_detail(_without("process_info.record_logs_list"), "7300000000000000001", SYNCED_AT).history
        is None
    )
    entry = _documented_detail()["process_info"]["record_logs_list"][0]
    odd = _with("process_info.record_logs_list", [entry, {**entry, "time": "yesterday"}])
    assert read_detail(odd, "7300000000000000001", SYNCED_AT).history is None


def test_a_resends_goods_lost_before_the_platform_took_them_are_sent_again_once(
    sandbox_url: str, database_url: str
) -> None:
    """The goods of an agreed resend (status 8) are decided on the version the agreement made:
    the agreement's own history entry, in that very second, is not taken for the shipment
    (request_history `after_shop_move`), so goods the platform never took go out again, once."""
    engine, (resend,) = a_shop_with(sandbox_url, database_url, AfterSaleType.RESEND, 1)
    decide(engine, refund_decisions.approve_exchange, resend)  # 501: the resend waits at 8
    assert engine.run_once().pushed == {state.DONE: 1}
    queued = decide(
        engine, refund_decisions.approve_exchange, resend, carrier_code=ZTO, tracking_no=ZTO_NUMBER
    )
    inject(sandbox_url, "http_5xx", method=FILL_LOGISTICS_METHOD)  # not taken, but who can tell
    engine.push.push_once()
    with engine._sessions() as session:
        op = session.scalars(select(OutboxOperation).where(OutboxOperation.op_id == queued.op_id)).one()
    assert op.verify_before_send and ledger(sandbox_url, FILL_LOGISTICS_METHOD, resend) == []

    until_done(engine, op.seq)  # the Detail re-read finds it not applied: sent again

    assert len(ledger(sandbox_url, FILL_LOGISTICS_METHOD, resend)) == 1
    assert served(sandbox_url, FILL_LOGISTICS_METHOD) == 2  # the lost one and the one that went out
