"""Who sees what: every role reads the service figures, money is the owner's.

The dashboard is everyone's: a clerk is judged by review time, refund time and timeout
approvals, the warehouse by ship time and the late rate, and all of them by the
experience-score estimate. What a late order costs the shop (late compensation, and the
shipping board's columns of what shipping late would cost) is the owner's
(`Action.VIEW_MONEY`): the services leave it out of a clerk's or the warehouse's
figures and refuse a money query outright, and the screens and the exports agree. A
clerk still sees a request's own refund amount: deciding it within their limits needs it.
"""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.db import open_database
from app.services.metrics import definitions as metric_definitions
from app.services.metrics import drill_down as metric_drill_down
from app.services.metrics import service_metrics as metrics
from app.services.people import accounts
from app.services.people.permissions import Action, Actor, PermissionDenied, Role, reading_sessions
from app.services.shipping import board as shipping_board
from app.views.shipping.board_model import COL_AT_STAKE, COL_OUT_OF_STOCK, COL_STATE
from app.views.shipping.ship_flow import RefundBlockedDialog
from tests.builders import NOW as BOARD_NOW
from tests.dashboard_shop import seed_dashboard_shop
from tests.fixtures_views import actor_of, add_person
from tests.metric_shop import at
from tests.test_dashboard_export import make_dashboard
from tests.test_shipping_board_view import board_shop, make_board

NOW = at(20, 12)
WEEK = 7 * 86_400
MONEY_KEY = "late_compensation_fen"
SERVICE_KEYS = ("review_time_h", "refund_time_h", "timeout_approvals", "ship_time_h", "late_rate")


def people_of(sessions, owner: Actor) -> dict[Role, Actor]:
    clerk = add_person(sessions, owner, "li", "Li", Role.CLERK,
                       refund_limit_single_fen=500_00, refund_limit_daily_fen=1_000_00)  # fmt: skip
    warehouse = add_person(sessions, owner, "wu", "Wu", Role.WAREHOUSE)
    return {Role.OWNER: owner, Role.CLERK: actor_of(clerk), Role.WAREHOUSE: actor_of(warehouse)}


@pytest.fixture
def people(session_factory, owner) -> dict[Role, Actor]:
    return people_of(session_factory, owner)


@pytest.fixture
def shop_db(database_url: str):
    """The dashboard's shop and its three people, on SQLite and on PostgreSQL."""
    sessions = open_database(database_url)[1]
    with sessions.begin() as session:
        owner = accounts.create_owner(session, "xiaolin", "小林", "owner-pass-1", now=NOW - WEEK)
    seed_dashboard_shop(sessions, NOW)
    return sessions, people_of(sessions, owner)


@pytest.fixture
def shop(session_factory):
    return seed_dashboard_shop(session_factory, NOW)


def figures_for(session_factory, actor: Actor) -> metric_definitions.MetricsReport:
    with reading_sessions(session_factory, actor, Action.VIEW_DASHBOARD)() as session:
        return metrics.compute_metrics(session, start=NOW - WEEK, end=NOW + 1, now=NOW, viewer=actor)


def test_every_role_gets_the_service_figures_and_only_the_owner_the_money(shop_db) -> None:
    session_factory, people = shop_db
    owners = figures_for(session_factory, people[Role.OWNER])
    assert owners.metrics[MONEY_KEY].value > 0  # the shop's late orders cost something
    assert owners.withheld == ()
    for role in (Role.CLERK, Role.WAREHOUSE):
        report = figures_for(session_factory, people[role])
        assert MONEY_KEY not in report.metrics
        assert report.withheld == (MONEY_KEY,)
        for key in (*SERVICE_KEYS, "experience_score"):
            assert report.metrics[key] == owners.metrics[key], (role, key)
        assert report.score.score == owners.score.score


def test_the_service_refuses_a_clerks_money_query(shop_db) -> None:
    session_factory, people = shop_db

    def rows_behind_money(actor: Actor) -> list[metric_drill_down.DrillRow]:
        with reading_sessions(session_factory, actor, Action.VIEW_DASHBOARD)() as session:
            return metric_drill_down.drill_down(
                session, MONEY_KEY, start=NOW - WEEK, end=NOW + 1, now=NOW, viewer=actor
            )

    assert rows_behind_money(people[Role.OWNER])  # the late orders and what each cost
    for role in (Role.CLERK, Role.WAREHOUSE):
        with pytest.raises(PermissionDenied) as refused:
            rows_behind_money(people[role])
        assert refused.value.action == Action.VIEW_MONEY
    with reading_sessions(session_factory, people[Role.CLERK], Action.VIEW_DASHBOARD)() as session:
        late = metric_drill_down.drill_down(
            session, "late_rate", start=NOW - WEEK, end=NOW + 1, now=NOW, viewer=people[Role.CLERK]
        )
    assert late and all("{amount}" not in row.detail and "amount" not in row.params for row in late)


def test_the_clerks_dashboard_shows_the_service_tiles_and_no_money(
    qtbot, english, tasks, session_factory, shop, people
) -> None:
    clerk = make_dashboard(qtbot, tasks, session_factory, people[Role.CLERK])
    keys = {tile.key for tile in clerk.tiles.tiles() if tile.isVisibleTo(clerk)}
    assert set(SERVICE_KEYS) | {"experience_score"} <= keys
    assert MONEY_KEY not in keys
    assert not any("¥" in tile.value.text() for tile in clerk.tiles.tiles())
    assert clerk.open_drill(MONEY_KEY) is None  # no tile to click, and no way round it

    owner = make_dashboard(qtbot, tasks, session_factory, people[Role.OWNER])
    tile = owner.tiles.tile(MONEY_KEY)
    assert tile.isVisibleTo(owner) and tile.value.text().startswith("¥")


def test_the_warehouse_sees_the_dashboards_shipping_figures(
    qtbot, english, tasks, session_factory, shop, people
) -> None:
    view = make_dashboard(qtbot, tasks, session_factory, people[Role.WAREHOUSE])
    shown = {tile.key: tile.value.text() for tile in view.tiles.tiles() if tile.isVisibleTo(view)}
    assert shown["ship_time_h"].endswith("h") and shown["late_rate"].endswith("%")
    assert MONEY_KEY not in shown


def test_a_clerks_export_holds_no_money(
    qtbot, english, tasks, session_factory, shop, people, tmp_path
) -> None:
    clerk = make_dashboard(qtbot, tasks, session_factory, people[Role.CLERK])
    with clerk.export_csv(tmp_path / "clerk.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    names = [row[0] for row in rows]
    assert "Average review time" in names and "Timeout approvals" in names
    assert "Late compensation paid" not in names
    assert not any("¥" in cell or cell == "yuan" for row in rows for cell in row)
    owner = make_dashboard(qtbot, tasks, session_factory, people[Role.OWNER])
    with owner.export_csv(tmp_path / "owner.csv").open(encoding="utf-8-sig", newline="") as file:
        assert "Late compensation paid" in [row[0] for row in csv.reader(file)]


def test_the_warehouse_board_shows_deadlines_and_no_money(
    qtbot, english, tasks, session_factory, people
) -> None:
    orders = board_shop(session_factory)
    with reading_sessions(session_factory, people[Role.WAREHOUSE], Action.VIEW_SHIPPING_BOARD)() as session:
        rows = shipping_board.list_board(session, now=BOARD_NOW, viewer=people[Role.WAREHOUSE])
    assert rows and all(row.pay_amount == 0 and row.refund_amount == 0 for row in rows)

    board = make_board(qtbot, tasks, session_factory, people[Role.WAREHOUSE])
    assert board.tree.isColumnHidden(COL_AT_STAKE) and board.tree.isColumnHidden(COL_OUT_OF_STOCK)
    blocked = board.model.index_of(orders["blocked"]["order_id"]).siblingAtColumn(COL_STATE)
    tip = board.model.data(blocked, Qt.ItemDataRole.ToolTipRole)
    assert "¥" not in tip and "refund" in tip.lower()
    dialog = RefundBlockedDialog(board.model.find(orders["blocked"]["order_id"]), may_refuse=False)
    qtbot.addWidget(dialog)
    said = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "asked for a refund before shipment" in said and "¥" not in said

    owners = make_board(qtbot, tasks, session_factory, people[Role.OWNER])
    assert not owners.tree.isColumnHidden(COL_AT_STAKE)
    late = owners.model.index_of(orders["late"]["order_id"]).siblingAtColumn(COL_OUT_OF_STOCK)
    assert owners.model.data(late).startswith("¥")  # what not shipping at all would cost
