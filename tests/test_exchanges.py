"""Exchanges, resends and repairs as the public record has them (issue 15, docs/platforms/douyin.md
item 6): each decision goes out with the operate type its kind takes (302/312 refuse an
exchange, 501/502 a resend, 6xx a repair), 311 carries the new goods' carrier and tracking
number, the return address is an integer, and a resend's goods leave by
`afterSale.fillLogistics` from status 8 (待商家发货), which the queue shows as the shop's work.

The end-to-end tests drive the real sandbox store over HTTP (its ledger shows what was
applied, with the parameters it was applied with) and real databases; the services are the
ones the refund queue's dialogs call.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import Decision, RequestKind, RequestState
from app.db import open_database
from app.models import AfterSale, AuditEvent, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin import exchanges, mapping
from app.platforms.douyin.codes import FILL_LOGISTICS_METHOD, AfterSaleStatus, AfterSaleType
from app.platforms.port import DecisionToSend, Refused
from app.services import outbox
from app.services.people.permissions import Actor, Role
from app.services.platform_lists import reject_reasons
from app.services.refunds import decisions as refund_decisions
from app.services.refunds.available_decisions import decisions_for
from app.services.refunds.decisions import DecisionRefused, ShipmentProblem
from app.services.refunds.queue import list_queue
from app.services.shipping import carriers
from app.sync.engine import SyncEngine
from tests.people import seed_people
from tests.sandbox_control import control, demo_platform, inject
from tests.test_outbox_push import MovableClock, operation

K, D, S = RequestKind, Decision, AfterSaleStatus
OWNER = Actor(1, "boss", "Boss", Role.OWNER, None, None)
ADDRESS = 7100000000000000001  # the shop's return address, as the platform's address list numbers it
ZTO, ZTO_NUMBER = "zhongtong", "78812345678901"  # the contract fixtures' 中通 number (14 digits)
HOUR = 3600
ARRIVED = RequestState.RETURN_AWAITING_INSPECTION


# --- which operate type sends which decision, by kind ------------------------------------------
@pytest.mark.parametrize(
    ("kind", "decision", "operate_type"),
    [
        (K.EXCHANGE, D.AGREE_EXCHANGE, 301),
        (K.EXCHANGE, D.REFUSE_RETURN, 302),  # refuse the exchange request, not 102
        (K.EXCHANGE, D.CONFIRM_EXCHANGE_RECEIPT, 311),
        (K.EXCHANGE, D.REFUSE_RETURNED_GOODS, 312),  # refuse the returned exchange goods, not 112
        (K.RESEND, D.AGREE_EXCHANGE, 501),  # not 301
        (K.RESEND, D.REFUSE_REFUND, 502),  # not 202
        (K.REPAIR, D.AGREE_RETURN, 601),
        (K.REPAIR, D.AGREE_EXCHANGE, 602),  # nothing comes back: the shop sends (8)
        (K.REPAIR, D.REFUSE_RETURN, 603),
        (K.REPAIR, D.CONFIRM_EXCHANGE_RECEIPT, 611),
        (K.REPAIR, D.SHIP_REPLACEMENT, 611),
        (K.REPAIR, D.REFUSE_RETURNED_GOODS, 612),
        (K.RETURN_AND_REFUND, D.AGREE_RETURN, 101),
        (K.RETURN_AND_REFUND, D.REFUSE_RETURN, 102),
        (K.RETURN_AND_REFUND, D.REFUSE_RETURNED_GOODS, 112),
    ],
)
def test_each_decision_goes_out_with_the_operate_type_of_its_kind(
    kind: RequestKind, decision: Decision, operate_type: int
) -> None:
    assert int(mapping.operate_type(decision, kind)) == operate_type
    assert not mapping.sent_by_fill_logistics(decision, kind)


@pytest.mark.parametrize(
    ("kind", "decision"),
    [
        (K.EXCHANGE, D.APPROVE_REFUND),
        (K.EXCHANGE, D.SHIP_REPLACEMENT),
        (K.RESEND, D.AGREE_RETURN),
        (K.RESEND, D.CONFIRM_EXCHANGE_RECEIPT),
        (K.REPAIR, D.APPROVE_REFUND),
    ],
)
def test_a_decision_a_kind_does_not_take_has_no_operate_type(kind: RequestKind, decision: Decision) -> None:
    with pytest.raises(KeyError):
        mapping.operate_type(decision, kind)


def test_a_resends_goods_go_out_by_fill_logistics_not_by_an_operate() -> None:
    assert mapping.sent_by_fill_logistics(D.SHIP_REPLACEMENT, K.RESEND)
    with pytest.raises(KeyError):
        mapping.operate_type(D.SHIP_REPLACEMENT, K.RESEND)


@pytest.mark.parametrize(
    ("kind", "state", "yes", "no", "sends_goods"),
    [
        (K.EXCHANGE, RequestState.AWAITING_SHOP, D.AGREE_EXCHANGE, D.REFUSE_RETURN, False),
        (K.EXCHANGE, ARRIVED, D.CONFIRM_EXCHANGE_RECEIPT, D.REFUSE_RETURNED_GOODS, True),
        (K.RESEND, RequestState.AWAITING_SHOP, D.AGREE_EXCHANGE, D.REFUSE_REFUND, False),
        (K.RESEND, RequestState.AWAITING_SHOP_SHIPMENT, D.SHIP_REPLACEMENT, None, True),
        (K.REPAIR, RequestState.AWAITING_SHOP, D.AGREE_RETURN, D.REFUSE_RETURN, False),
        (K.REPAIR, ARRIVED, D.CONFIRM_EXCHANGE_RECEIPT, D.REFUSE_RETURNED_GOODS, True),
        (K.REPAIR, RequestState.AWAITING_SHOP_SHIPMENT, D.SHIP_REPLACEMENT, None, True),
    ],
)  # fmt: skip
def test_the_queue_offers_what_each_kind_takes_in_each_state(
    kind: RequestKind, state: RequestState, yes: Decision, no: Decision | None, sends_goods: bool
) -> None:
    decisions = decisions_for(kind, state)
    assert (decisions.yes, decisions.no, decisions.sends_goods) == (yes, no, sends_goods)


# --- against the sandbox store ---------------------------------------------------------------------
def ledger(url: str, method: str, entity_id: str) -> list[dict[str, Any]]:
    """The client's applied calls of `method` on `entity_id`, with their parameters."""
    entries = requests.get(f"{url}/_sandbox/ledger", params={"since": 0}, timeout=30).json()["entries"]
    return [
        entry
        for entry in entries
        if entry["actor"] == "client" and entry["method"] == method and entry["entity_id"] == entity_id
    ]


CLOCKS: dict[int, MovableClock] = {}  # each engine's clock, to skip a back-off delay


def a_shop_with(url: str, database_url: str, kind: AfterSaleType, count: int) -> tuple[SyncEngine, list[str]]:
    made = control(url, "tick", {"new_after_sales": count, "after_sale_type": int(kind)})
    _, sessions = open_database(database_url)
    seed_people(sessions, OWNER)
    clock = MovableClock()
    engine = SyncEngine(demo_platform(url), sessions, clock=clock)
    CLOCKS[id(engine)] = clock
    assert engine.run_once().outcome.value == "done"
    return engine, list(made["after_sales"])


def until_done(engine: SyncEngine, seq: int) -> None:
    """Run the engine until operation `seq` is done, skipping each back-off delay."""
    clock = CLOCKS[id(engine)]
    for _ in range(6):
        engine.run_once()
        op = operation(engine, seq)
        if op.state == state.DONE:
            return
        clock.offset += op.next_attempt_at - clock() + 1
    raise AssertionError(f"operation {seq} is {operation(engine, seq).state}")


def status(sessions: sessionmaker[Session], aftersale_id: str) -> int:
    with sessions() as session:
        request = session.get(AfterSale, aftersale_id)
        assert request is not None
        return request.status


def decide(engine: SyncEngine, service: Any, aftersale_id: str, **values: Any) -> refund_decisions.Queued:
    with engine._sessions.begin() as session:
        return service(session, OWNER, aftersale_id, now=int(time.time()), **values)


def outbox_size(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(OutboxOperation)) or 0


def a_reason(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return next(int(r.code) for r in reject_reasons(session) if not r.evidence_needed)


def test_an_exchange_is_refused_with_302_and_its_returned_goods_with_312_or_confirmed_with_311(
    sandbox_url: str, database_url: str
) -> None:
    engine, made = a_shop_with(sandbox_url, database_url, AfterSaleType.EXCHANGE, 6)
    sessions, refused, agreed = engine._sessions, made[0], made[1:]
    code = a_reason(sessions)
    decide(engine, refund_decisions.refuse, refused, reject_reason_code=code, remark="尺码齐全，无法换货")
    for aftersale_id in agreed:  # agreed to the shop's return address, an integer
        decide(engine, refund_decisions.approve_exchange, aftersale_id, return_address_id=str(ADDRESS))
    assert engine.run_once().pushed == {state.DONE: 6}
    assert status(sessions, refused) == S.MERCHANT_REFUSED
    assert [e["params"]["type"] for e in ledger(sandbox_url, "afterSale.operate", refused)] == [302]
    agreement = ledger(sandbox_url, "afterSale.operate", agreed[0])
    assert [(e["params"]["type"], e["params"]["logistics"]) for e in agreement] == [
        (301, {"receiver_address_id": ADDRESS})
    ]

    # The buyers send the goods back over the next days: half a day at a time, so each
    # parcel is seen while it waits for the shop (48 h), and decided as it arrives.
    decided: dict[str, int] = {}
    for _ in range(8):
        control(sandbox_url, "clock", {"advance_s": 12 * HOUR})
        engine.run_once()
        for aftersale_id in agreed:
            if aftersale_id in decided or status(sessions, aftersale_id) != S.RETURN_AWAITING_RECEIPT:
                continue
            if 311 not in decided.values():
                before = outbox_size(sessions)
                with pytest.raises(ShipmentProblem) as wrong:  # not a 中通 number: refused here
                    decide(
                        engine,
                        refund_decisions.approve_exchange,
                        aftersale_id,
                        carrier_code=ZTO,
                        tracking_no="SF1234",
                    )
                assert "does not look like a 中通快递 number" in str(wrong.value)
                with pytest.raises(ShipmentProblem, match="Enter or scan the tracking number"):
                    decide(engine, refund_decisions.approve_exchange, aftersale_id, carrier_code=ZTO)
                assert outbox_size(sessions) == before  # nothing queued
                decide(
                    engine,
                    refund_decisions.approve_exchange,
                    aftersale_id,
                    carrier_code=ZTO,
                    tracking_no=" 7881 2345 6789 01 ",  # as a scanner with spaces delivers it
                )
                decided[aftersale_id] = 311
            elif 312 not in decided.values():
                decide(
                    engine, refund_decisions.refuse, aftersale_id, reject_reason_code=code, remark="包装缺失"
                )
                decided[aftersale_id] = 312
        engine.run_once()
        if sorted(decided.values()) == [311, 312]:
            break
    assert sorted(decided.values()) == [311, 312], "two of five buyers send the goods back within four days"
    for aftersale_id, operate_type in decided.items():
        (applied,) = ledger(sandbox_url, "afterSale.operate", aftersale_id)[1:]
        assert applied["params"]["type"] == operate_type
        if operate_type == 311:
            assert applied["params"]["logistics"] == {"company_code": ZTO, "logistics_code": ZTO_NUMBER}
            assert status(sessions, aftersale_id) == S.EXCHANGE_IN_PROGRESS
        else:
            assert status(sessions, aftersale_id) == S.REFUSED_AFTER_RETURN


def test_the_sandbox_refuses_a_returns_codes_on_an_exchange_and_311_without_its_logistics(
    sandbox_url: str, database_url: str
) -> None:
    engine, made = a_shop_with(sandbox_url, database_url, AfterSaleType.EXCHANGE, 1)
    client = demo_platform(sandbox_url).client
    refusal = {"aftersale_id": made[0], "reject_reason_code": 1, "reason": "商品已发出", "remark": "已发出"}
    answer = client.call("afterSale.operate", {"type": 102, "items": [refusal]})
    assert answer.sub_code == "isv.business-failed:20309541"  # 102 is a return's: the wrong state
    address = {"aftersale_id": made[0], "logistics": {"receiver_address_id": str(ADDRESS)}}
    answer = client.call("afterSale.operate", {"type": 301, "items": [address]})
    assert answer.code == 40004 and "receiver_address_id" in answer.platform_message  # an int64, not text
    assert client.call("afterSale.operate", {"type": 311, "items": [{"aftersale_id": made[0]}]}).code != 10000
    assert ledger(sandbox_url, "afterSale.operate", made[0]) == []


def test_a_resend_waits_in_the_queue_for_the_shops_shipment_which_goes_out_once_though_its_answer_was_lost(
    sandbox_url: str, database_url: str
) -> None:
    engine, (resend,) = a_shop_with(sandbox_url, database_url, AfterSaleType.RESEND, 1)
    sessions = engine._sessions
    decide(engine, refund_decisions.approve_exchange, resend)  # agree: 501, nothing to fill in
    assert engine.run_once().pushed == {state.DONE: 1}
    assert [e["params"]["type"] for e in ledger(sandbox_url, "afterSale.operate", resend)] == [501]
    assert status(sessions, resend) == S.AWAITING_MERCHANT_SHIPMENT
    with sessions() as session:  # the shop's work, with its deadline
        (row,) = [r for r in list_queue(session, now=int(time.time())) if r.aftersale_id == resend]
    assert row.state == RequestState.AWAITING_SHOP_SHIPMENT and row.status_deadline > 0
    assert decisions_for(row.kind, row.state).yes is D.SHIP_REPLACEMENT

    queued = decide(
        engine, refund_decisions.approve_exchange, resend, carrier_code=ZTO, tracking_no=ZTO_NUMBER
    )
    inject(sandbox_url, "drop_response", method=FILL_LOGISTICS_METHOD)  # sent, the answer lost
    engine.push.push_once()
    with sessions() as session:
        op = session.scalars(select(OutboxOperation).where(OutboxOperation.op_id == queued.op_id)).one()
    assert op.state == state.PENDING and op.verify_before_send  # re-read before anything is sent again
    until_done(engine, op.seq)
    (shipped,) = ledger(sandbox_url, FILL_LOGISTICS_METHOD, resend)  # applied once
    assert shipped["params"] == {"send_type": 1, "company_code": ZTO, "tracking_no": ZTO_NUMBER}
    assert status(sessions, resend) == S.EXCHANGE_IN_PROGRESS


def test_goods_sent_while_offline_are_queued_and_go_out_once_the_platform_answers(
    sandbox_url: str, database_url: str
) -> None:
    engine, (resend,) = a_shop_with(sandbox_url, database_url, AfterSaleType.RESEND, 1)
    decide(engine, refund_decisions.approve_exchange, resend)
    engine.run_once()
    sessions = engine._sessions
    offline = SyncEngine(demo_platform("http://127.0.0.1:9"), sessions, clock=MovableClock())  # nothing there
    queued = decide(
        engine, refund_decisions.approve_exchange, resend, carrier_code=ZTO, tracking_no=ZTO_NUMBER
    )
    offline.push.push_once()
    with sessions() as session:
        op = session.scalars(select(OutboxOperation).where(OutboxOperation.op_id == queued.op_id)).one()
        kept = outbox.details_of(op)
    assert op.state == state.PENDING and op.problem  # kept, with why it has not gone yet
    assert (kept["carrier_code"], kept["tracking_no"], kept["kind"]) == (ZTO, ZTO_NUMBER, K.RESEND)
    assert ledger(sandbox_url, FILL_LOGISTICS_METHOD, resend) == []
    until_done(engine, op.seq)  # back online
    assert len(ledger(sandbox_url, FILL_LOGISTICS_METHOD, resend)) == 1


def test_a_return_address_that_is_not_the_platforms_number_is_refused_before_anything_is_queued(
    sandbox_url: str, database_url: str
) -> None:
    engine, (exchange,) = a_shop_with(sandbox_url, database_url, AfterSaleType.EXCHANGE, 1)
    for address, words in (("", "Choose the return address"), ("addr-1", "has no id the platform knows")):
        with pytest.raises(DecisionRefused, match=words):
            decide(engine, refund_decisions.approve_exchange, exchange, return_address_id=address)
    assert outbox_size(engine._sessions) == 0
    with engine._sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 0
        assert carriers.available(session)  # the shipping board's carriers, for the dialog


# --- the documented requests (tests/contract/douyin/) ---------------------------------------------
CONTRACT = Path(__file__).parent / "contract" / "douyin"


def documented(name: str) -> Any:
    return json.loads((CONTRACT / name).read_text(encoding="utf-8"))


def test_the_goods_sent_out_go_as_the_record_documents_them() -> None:
    shipped = DecisionToSend(
        "7300000000000000003", D.SHIP_REPLACEMENT, 0, K.RESEND, carrier_code=ZTO, tracking_no=ZTO_NUMBER
    )
    assert exchanges.resend_shipment(shipped) == documented("afterSale.fillLogistics.request.json")
    new_goods = DecisionToSend(
        "7300000000000000001",
        D.CONFIRM_EXCHANGE_RECEIPT,
        0,
        K.EXCHANGE,
        carrier_code=ZTO,
        tracking_no="78812345670000",
    )
    (item,) = documented("afterSale.operate.ship_exchange.request.json")["items"]
    assert exchanges.operate_logistics(new_goods) == item["logistics"]
    agreed = DecisionToSend(
        "7300000000000000002", D.AGREE_EXCHANGE, 0, K.EXCHANGE, return_address_id="7100000000000000001"
    )
    (item,) = documented("afterSale.operate.agree_exchange.request.json")["items"]
    assert exchanges.operate_logistics(agreed) == item["logistics"]  # an older release's text id: the number
    assert documented("afterSale.operate.refuse_exchange.request.json")["type"] == mapping.operate_type(
        D.REFUSE_RETURN, K.EXCHANGE
    )


def test_goods_sent_without_their_carrier_or_an_address_that_is_no_number_are_refused_not_sent() -> None:
    old_311 = DecisionToSend("7300000000000000001", D.CONFIRM_EXCHANGE_RECEIPT, 0, K.EXCHANGE)
    with pytest.raises(Refused, match="carrier and tracking number"):
        exchanges.operate_logistics(old_311)
    old_address = DecisionToSend(
        "7300000000000000002", D.AGREE_EXCHANGE, 0, K.EXCHANGE, return_address_id="addr-1"
    )
    with pytest.raises(Refused, match="not a number the platform knows"):
        exchanges.operate_logistics(old_address)
