"""A sync mirrors the platform's arbitration of each request in the app's words beside its code,
and reads, from the request's detail, when the platform wants the shop's evidence (the sandbox
over real HTTP, the mirror on SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.core.vocabulary import ArbitrationState
from app.models import AfterSale
from app.platforms.douyin import arbitration, mapping
from tests.sandbox_control import make_engine
from tests.wire import call, new_token


def platform_requests(url: str) -> dict[str, dict[str, Any]]:
    token, items, page = new_token(url)["access_token"], {}, 0
    while True:
        data = call(url, "afterSale.List", {"page": page, "size": 100}, access_token=token)["data"]
        items.update(
            {item["aftersale_info"]["aftersale_id"]: item["aftersale_info"] for item in data["items"]}
        )
        if not data["has_more"]:
            return items
        page += 1


def evidence_deadline(url: str, aftersale_id: str) -> int | None:
    token = new_token(url)["access_token"]
    answer = call(url, "afterSale.Detail", {"after_sale_id": aftersale_id}, access_token=token)
    return arbitration.deadline_of(
        answer["data"]["process_info"]["arbitrate_info"]["arbitrate_status_deadline"]
    )


def test_the_mirror_holds_each_requests_arbitration_and_the_evidence_deadline(
    sandbox_url: str, database_url: str
) -> None:
    engine = make_engine(sandbox_url, database_url)
    engine.run_once()
    truth = platform_requests(sandbox_url)
    with engine._sessions() as session:
        mirrored = {r.aftersale_id: r for r in session.scalars(select(AfterSale))}
    assert mirrored.keys() == truth.keys()
    for aftersale_id, info in truth.items():
        request = mirrored[aftersale_id]
        assert request.arbitrate_status == info["arbitrate_status"]
        assert request.arbitration == mapping.arbitration(info["arbitrate_status"])
        assert request.refund_status == info["refund_status"]
        assert request.refund_state == mapping.refund_state(info["refund_status"])
    # The sandbox stages one such case in every history; its own draws may add another.
    waiting = [r for r in mirrored.values() if r.arbitration == ArbitrationState.AWAITING_SHOP_EVIDENCE]
    assert waiting
    for request in waiting:
        deadline = evidence_deadline(sandbox_url, request.aftersale_id)
        assert deadline is not None and deadline > request.update_time
        assert request.arbitration_deadline == deadline  # read from the request's detail in the same run
    # Read once: the next run asks the platform for no detail.
    assert engine.arbitration_deadlines.wanted() == []
