"""The dashboard's exports and its score weights, over the shop of tests/dashboard_shop.py:
CSV that Excel opens in Chinese (UTF-8 with BOM) and XLSX, both read back; the chart
area as a PNG; and the weights dialog, owner only, changing the score at once and
keeping the change in the settings file."""

from __future__ import annotations

import csv
import json
import re

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QImage
from sqlalchemy import select

from app.config import Settings
from app.models import AuditEvent
from app.services.metrics.experience_score import estimate
from app.services.metrics.pace import today_start
from app.services.people.permissions import Role
from app.services.rules import load_rules
from app.views.dashboard.metric_words import bucket_text
from app.views.dashboard.view import DashboardView
from app.views.shell.i18n import install_language
from tests.dashboard_shop import seed_dashboard_shop
from tests.fixtures_views import actor_of, add_person
from tests.metric_shop import at

NOW = at(20, 12)


@pytest.fixture
def shop(session_factory):
    return seed_dashboard_shop(session_factory, NOW)


def make_dashboard(qtbot, tasks, session_factory, actor=None, **options) -> DashboardView:
    view = DashboardView(tasks, session_factory, actor, clock=lambda: NOW, **options)
    qtbot.addWidget(view)
    view.resize(1400, 1000)
    with qtbot.waitSignal(view.report_shown, timeout=10_000):
        view.show()
    return view


def test_the_csv_holds_every_metric_by_day_in_utf8_with_a_bom(
    qtbot, english, tasks, session_factory, shop, tmp_path
) -> None:
    view = make_dashboard(qtbot, tasks, session_factory)
    path = view.export_csv(tmp_path / "figures.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # what makes Excel read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as file:
        header, *rows = list(csv.reader(file))
    assert header[:6] == ["Metric", "Unit", "Whole window", "Target", "Limit", "2026-10-22"]
    assert header[-1] == "2026-11-20" and len(header) == 5 + 30
    by_name = {row[0]: row for row in rows}
    late = by_name["Late-shipment rate"]
    assert late[:5] == ["Late-shipment rate", "%", "50.0", "", ""]  # Douyin sets it no target
    late_day = today_start(shop["orders"]["late"][0]["exp_ship_time"])
    assert late[header.index(bucket_text(late_day, "day"))] == "100.0"  # the day it was due
    assert by_name["Average ship time"][:4] == ["Average ship time", "h", "26.0", "24.0"]
    assert by_name["After-sales by type: Refund only (shipped)"][2] == "3"
    assert by_name["Escalation rate"][2] == "0.0"  # none of the 3 went to the platform's arbitration
    assert len(rows) == 12 + 1  # every metric, and one row per after-sale type present


def test_the_chinese_csv_names_each_type_row_with_a_full_width_colon(
    qtbot, english, tasks, session_factory, shop, tmp_path
) -> None:
    install_language("zh_CN")  # the `english` fixture switches back
    view = make_dashboard(qtbot, tasks, session_factory)
    with view.export_csv(tmp_path / "figures.csv").open(encoding="utf-8-sig", newline="") as file:
        names = [row[0] for row in csv.reader(file)]
    assert "各类型售后：已发货仅退款" in names
    assert [name for name in names if re.search(r"[\u4e00-\u9fff]:", name)] == []


def test_the_workbook_holds_the_figures_the_score_and_what_they_cover(
    qtbot, english, tasks, session_factory, shop, tmp_path
) -> None:
    view = make_dashboard(qtbot, tasks, session_factory)
    workbook = load_workbook(view.export_xlsx(tmp_path / "figures.xlsx"))
    assert workbook.sheetnames == ["Metrics", "Score", "About"]
    metrics = workbook["Metrics"]
    rows = {row[0]: row for row in metrics.iter_rows(min_row=2, values_only=True)}
    assert rows["Late-shipment rate"][1:5] == ("%", 50.0, None, None)  # Douyin sets it no target
    assert rows["Average review time"][1:5] == ("h", 27.0, 24.0, 48.0)
    assert rows["Timeout approvals"][2] == 1
    score_rows = list(workbook["Score"].iter_rows(min_row=2, values_only=True))
    assert score_rows[-1][0] == "Experience score (estimate)"
    assert score_rows[-1][4] == pytest.approx(view.report().score.score, abs=0.01)
    contributions = [row[6] for row in score_rows if row[1] is not None]
    assert sum(contributions) == pytest.approx(view.report().score.score, abs=0.05)
    about = dict(workbook["About"].iter_rows(values_only=True))
    assert about["Rule set"] == "douyin-2026-12" and about["Product"] == "All products"
    assert about["From"] == "2026-10-22 00:00"


def test_the_charts_save_as_one_png(qtbot, english, tasks, session_factory, shop, tmp_path) -> None:
    view = make_dashboard(qtbot, tasks, session_factory)
    path = view.export_png(tmp_path / "charts.png")
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (
        view.charts.width() * image.devicePixelRatio(),
        view.charts.height() * image.devicePixelRatio(),
    )


def test_the_owners_weights_change_the_score_at_once_and_are_kept(
    qtbot, english, tasks, session_factory, shop, owner, tmp_path
) -> None:
    settings, settings_path = Settings(language="en"), tmp_path / "settings.json"
    view = make_dashboard(
        qtbot, tasks, session_factory, owner, settings=settings, settings_path=settings_path
    )
    before = view.report()
    dialog = view.edit_weights()
    assert dialog.spin("product").value() == 0.4 and dialog.spin("late_rate").value() == 0.5
    dialog.spin("product").setValue(0.0)  # this shop's products never come back
    dialog.spin("late_rate").setValue(1.0)
    with qtbot.waitSignal(view.report_shown, timeout=5_000):
        dialog.accept()
    kept = {"product": 0.0, "late_rate": 1.0}
    assert settings.extra["score_weights"] == kept
    assert json.loads(settings_path.read_text(encoding="utf-8"))["extra"]["score_weights"] == kept
    values = {key: result.value for key, result in before.metrics.items()}
    expected = estimate(values, load_rules(), kept).score
    assert view.report().score.score == pytest.approx(expected)
    assert view.report().score.score != pytest.approx(before.score.score)
    assert view.score_panel.weights_note.text() == "Weights: this shop's own"
    tasks.wait_for_idle()
    with session_factory() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "settings.change")).one()
    assert (event.actor_id, event.entity_id) == (owner.user_id, "score_weights")
    assert json.loads(event.after) == {"score_weights": kept}

    again = view.edit_weights()
    assert again.spin("product").value() == 0.0  # it opens on the shop's own
    again.restore_defaults()
    with qtbot.waitSignal(view.report_shown, timeout=5_000):
        again.accept()
    assert "score_weights" not in settings.extra
    assert view.report().score.score == pytest.approx(before.score.score)


def test_no_dimension_weighed_is_refused(qtbot, english, tasks, session_factory, shop, owner) -> None:
    view = make_dashboard(qtbot, tasks, session_factory, owner)
    dialog = view.edit_weights()
    for dimension in ("product", "logistics", "service"):
        dialog.spin(dimension).setValue(0.0)
    assert (
        dialog.problem.isVisible()
        and dialog.problem.text() == "At least one dimension needs a weight above 0."
    )
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_a_clerk_sees_the_score_but_cannot_weigh_it(
    qtbot, english, tasks, session_factory, shop, owner
) -> None:
    clerk = actor_of(add_person(session_factory, owner, "wang", "王姐", Role.CLERK))
    view = make_dashboard(qtbot, tasks, session_factory, clerk)
    assert view.score_panel.score.text() != "—"
    assert not view.score_panel.weights_button.isVisible()
    assert view.edit_weights() is None
