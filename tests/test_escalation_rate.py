"""The dashboard's escalation figure (RULES.md: after-sales taken to platform arbitration ÷
after-sales) against the sandbox platform's own truth, after a real sync over HTTP, on
SQLite and PostgreSQL; and the rows behind it."""

from __future__ import annotations

from app.services.metrics.drill_down import drill_down
from app.services.metrics.service_metrics import compute_metrics, window_for
from tests.sandbox_control import make_engine, sandbox_now
from tests.wire import call, new_token


def platform_requests(url: str) -> list[dict]:
    token, items, page = new_token(url)["access_token"], [], 0
    while True:
        data = call(url, "afterSale.List", {"page": page, "size": 100}, access_token=token)["data"]
        items += [item["aftersale_info"] for item in data["items"]]
        if not data["has_more"]:
            return items
        page += 1


def test_the_escalation_rate_is_the_share_the_platforms_arbitration_took_up(
    sandbox_url: str, database_url: str
) -> None:
    engine = make_engine(sandbox_url, database_url)
    engine.run_once()
    now = sandbox_now(sandbox_url)
    start, end = window_for(90, now)
    applied = [i for i in platform_requests(sandbox_url) if start <= i["apply_time"] < end]
    taken_up = {i["aftersale_id"] for i in applied if i["arbitrate_status"] != 0}
    assert taken_up  # the demo shop always has a case awaiting the shop's evidence
    with engine._sessions() as session:
        figure = compute_metrics(session, start=start, end=end, now=now).metrics["escalation_rate"]
        rows = drill_down(session, "escalation_rate", start=start, end=end, now=now)
    assert figure.available
    assert (figure.numerator, figure.denominator) == (len(taken_up), len(applied))
    assert figure.value == len(taken_up) / len(applied)
    assert sum(n for n, _ in figure.series_counts.values()) == len(taken_up)
    assert {row.id for row in rows} == taken_up
