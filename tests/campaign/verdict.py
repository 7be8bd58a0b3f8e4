"""The campaign's verdict: what the desk believes (the outbox) against what the platform did (its ledger).

Owns matching each outbox operation with the ledger entries of the client applying it
— an `afterSale.operate` by request, operation type and the request's version it was
based on, an `order.logisticsAdd` by order and tracking number (the campaign never
repeats either, see `desk.py`; an operation a person applied again is matched with its
replacement, not with the discarded one) — and with the platform's own moves on that
request, and counting:

- lost: the desk believes it done, or still has it queued after the campaign settled,
  and the platform never applied it (nor did the platform make that very move on its own)
- duplicated: the platform applied it twice or more (or applied a client operation the
  desk has no record of)
- misattributed: the desk records as its own a move the platform made on its own at the
  deadline, or records as not applied (conflict, refusal) a move its own attempt made
- needs_attention: operations waiting for a person (refused, or in conflict)

Each finding is kept with the operation's row and the ledger entries behind it.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import Decision, RequestKind
from app.models import AfterSale, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin import mapping

OPERATE, SHIP = "afterSale.operate", "order.logisticsAdd"
# What the desk records about who moved the request: its own push (done), nobody yet
# (open), or not its own (refused, in conflict, dropped by a person).
OURS, OPEN, NOT_OURS = "ours", "open", "not ours"


@dataclass
class Tally:
    kills: int = 0
    cuts: int = 0  # PostgreSQL sessions of pushers ended by the server
    operations: int = 0
    lost: int = 0
    duplicated: int = 0
    needs_attention: int = 0
    misattributed: int = 0
    unsettled: int = 0  # still open after the campaign settled (counted in `lost` if never applied)
    kills_by_moment: Counter[str] = field(default_factory=Counter)  # which moment each kill hit
    findings: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for counter in fields(self):
            setattr(self, counter.name, getattr(self, counter.name) + getattr(other, counter.name))

    def summary(self) -> dict[str, int]:
        """The campaign's last line."""
        return {
            "kills": self.kills,
            "operations": self.operations,
            "lost": self.lost,
            "duplicated": self.duplicated,
            "needs_attention": self.needs_attention,
            "misattributed": self.misattributed,
        }


def desk_believes(op: OutboxOperation) -> str:
    """Who the desk records as having moved the entity for this operation."""
    if op.state in state.OPEN_STATES:
        return OPEN
    if op.state == state.DONE:
        return OURS
    return NOT_OURS


def _key(method: str, entity_id: str, params: dict[str, Any]) -> tuple[str, str, str, str]:
    """What the platform's ledger says of a call it applied."""
    if method == SHIP:
        return (method, entity_id, str(params.get("logistics_code", "")), "")
    item = (params.get("items") or [{}])[0] if "items" in params else params
    return (method, entity_id, str(params.get("type", "")), str(item.get("update_time", "")))


def _key_of(op: OutboxOperation) -> tuple[str, str, str, str]:
    """The same, for an operation the outbox keeps in the app's words (Douyin's calls:
    `app/platforms/douyin/adapter.py`)."""
    if op.action == "ship":
        return (SHIP, op.entity_id, str(json.loads(op.details).get("tracking_no", "")), "")
    kind = json.loads(op.details or "{}").get("kind")
    if not kind:  # queued before decisions kept their request's kind: the mirror's
        session = Session.object_session(op)
        request = session.get(AfterSale, op.entity_id) if session is not None else None
        kind = request.kind if request is not None else None
    operate_type = int(mapping.operate_type(Decision(op.decision), RequestKind(kind)))
    return (OPERATE, op.entity_id, str(operate_type), str(op.based_on_update_time))


def _word_of(op: OutboxOperation, code: Any) -> str | None:
    """The app's word for a status code the platform's ledger gives for the op's entity."""
    if not isinstance(code, int):
        return None
    return mapping.order_state(code) if op.action == "ship" else mapping.request_state(code)


def judge(sessions: sessionmaker[Session], ledger: list[dict[str, Any]], backend: str) -> Tally:
    applied: dict[tuple[str, str, str, str], list[dict[str, Any]]] = defaultdict(list)
    platform_moves: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in ledger:
        if entry["actor"] == "client":
            if entry["method"] == SHIP and "logistics_code" not in entry["params"]:
                continue  # the refund refused by shipping (`is_refund_reject`), told on the request
            applied[_key(entry["method"], entry["entity_id"], entry["params"])].append(entry)
        else:
            platform_moves[entry["entity_id"]].append(entry)

    tally = Tally()
    with sessions() as session:
        ops = session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).all()
    keys = {op.seq: _key_of(op) for op in ops}
    latest = {key: seq for seq, key in sorted(keys.items())}  # a shipment applied again keeps its key
    for op in ops:
        key = keys[op.seq]
        replaced = op.state == state.DISCARDED and latest[key] != op.seq
        entries = [] if replaced else applied.get(key, [])
        believed = desk_believes(op)
        moved_alone = [
            move
            for move in platform_moves.get(op.entity_id, [])
            if _word_of(op, move["outcome"].get("to")) == op.expected_to_state
        ]
        tally.operations += 1
        tally.needs_attention += op.state in state.ATTENTION_STATES
        tally.unsettled += believed == OPEN
        problem = ""
        if len(entries) > 1:
            tally.duplicated += 1
            problem = "duplicated"
        elif entries and believed == NOT_OURS:
            tally.misattributed += 1
            problem = "misattributed: applied by the desk's push, recorded as not its own"
        elif not entries and believed == OURS and moved_alone:
            tally.misattributed += 1
            problem = "misattributed: the platform moved it on its own, recorded as the desk's"
        elif not entries and believed in (OURS, OPEN):
            tally.lost += 1
            problem = "lost" if believed == OURS else "lost: still queued after the campaign settled"
        if problem:
            tally.findings.append(
                _finding(backend, problem, op, entries, platform_moves.get(op.entity_id, []))
            )
    for key, entries in applied.items():
        if key not in latest:
            tally.duplicated += 1
            tally.findings.append(
                {
                    "backend": backend,
                    "problem": "applied by a client, unknown to the outbox",
                    "ledger": entries,
                }
            )
    return tally


def _finding(
    backend: str,
    problem: str,
    op: OutboxOperation,
    entries: list[dict[str, Any]],
    moves: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "backend": backend,
        "problem": problem,
        "operation": {
            "seq": op.seq,
            "action": op.action,
            "decision": op.decision,
            "entity_id": op.entity_id,
            "details": json.loads(op.details),
            "state": op.state,
            "attempts": op.attempts,
            "created_at": op.created_at,
            "finished_at": op.finished_at,
            "from": op.expected_from_state,
            "to": op.expected_to_state,
            "based_on": op.based_on_update_time,
            "problem": op.problem,
            "platform_code": op.platform_code,
            "platform_state": op.platform_state,
        },
        "applied_by_client": entries,
        "platform_moves": moves,
    }
