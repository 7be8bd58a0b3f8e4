"""The audit screen over a real trail written by the real services: newest first,
friendly action names, the filters (person, action, shop-time days, order), the
details pane, CSV export off the GUI thread, and Chinese."""

from __future__ import annotations

import csv
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from app.services.people import accounts, audit
from app.services.people.permissions import Role
from app.views.people.audit_table_model import COL_ACTION, COL_CHANGE, COL_ORDER, COL_PERSON, COL_TIME
from app.views.people.audit_view import AuditView, day_bounds
from app.views.shell.i18n import install_language
from tests.fixtures_views import PEOPLE_NOW, actor_of, add_person

DAY = 86_400


def seed_trail(session_factory, owner) -> None:
    wang = add_person(session_factory, owner, "wang", "王姐", Role.CLERK)
    with session_factory.begin() as session:
        accounts.set_refund_limits(session, owner, wang.id, 20_000, 100_000, now=PEOPLE_NOW + 60)
        audit.record(
            session,
            actor_of(wang),
            audit.REFUND_APPROVE,
            entity_type="after_sale",
            entity_id="7001",
            order_id="6900000000000000123",
            before={"status": "waiting"},
            after={"status": "approved", "refund_amount": 4_990},
            now=PEOPLE_NOW + 120,
        )
        audit.record(
            session, owner, "shop.fancy_new_thing", note="from a newer version", now=PEOPLE_NOW - 40 * DAY
        )


def make_view(qtbot, session_factory, tasks, owner) -> AuditView:
    view = AuditView(tasks, session_factory, owner, clock=lambda: PEOPLE_NOW + 300)
    qtbot.addWidget(view)
    view.resize(1300, 600)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and view.action_box.count() > 1, timeout=5_000)
    return view


def column(view: AuditView, col: int) -> list[str]:
    return [view.model.index(row, col).data() for row in range(view.model.rowCount())]


def test_the_trail_reads_newest_first_in_words(qtbot, session_factory, tasks, owner, english) -> None:
    seed_trail(session_factory, owner)
    view = make_view(qtbot, session_factory, tasks, owner)
    assert view.screen_title() == "Audit log"
    # The event 40 days ago is outside the default 30 days.
    assert column(view, COL_ACTION) == ["Refund approved", "Person changed", "Person added", "Person added"]
    assert column(view, COL_PERSON)[:2] == ["王姐", "小林"]
    assert column(view, COL_TIME)[0] == "2026-11-18 19:08"
    assert column(view, COL_ORDER)[0] == "6900000000000000123"
    assert column(view, COL_CHANGE)[0] == "王姐 agreed to refund ¥49.90 on request 7001."
    assert (
        column(view, COL_CHANGE)[1]
        == "小林 changed 王姐: limit per refund no limit → ¥200.00; refunds per day no limit → ¥1,000.00."
    )
    assert view.count_label.text() == "4 events"

    view.table.selectRow(0)
    details = view.details.toPlainText()
    assert (
        details == "2026-11-18 19:08 · 王姐 · Refund approved\n王姐 agreed to refund ¥49.90 on request 7001."
    )
    assert '"refund_amount": 4990' in view.technical.toPlainText()
    assert view.model.index(0, COL_CHANGE).data(Qt.ItemDataRole.ToolTipRole) == column(view, COL_CHANGE)[0]


def test_the_filters_narrow_the_trail(qtbot, session_factory, tasks, owner, english) -> None:
    seed_trail(session_factory, owner)
    view = make_view(qtbot, session_factory, tasks, owner)

    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.person_box.setCurrentIndex(view.person_box.findText("王姐"))
    assert column(view, COL_ACTION) == ["Refund approved"]
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.person_box.setCurrentIndex(0)

    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.action_box.setCurrentIndex(view.action_box.findData("user.create"))
    assert column(view, COL_ACTION) == ["Person added", "Person added"]

    # An action without a friendly name is offered and shown by its own name.
    assert view.action_box.findText("shop.fancy_new_thing") > 0
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.action_box.setCurrentIndex(view.action_box.findData("shop.fancy_new_thing"))
    assert view.model.rowCount() == 0
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.from_date.setDate(QDate(2026, 10, 1))
    assert column(view, COL_ACTION) == ["shop.fancy_new_thing"]
    assert column(view, COL_CHANGE) == [""]  # an action without words shows its record as it is
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.action_box.setCurrentIndex(0)

    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.order_edit.setText("6900000000000000123")
    assert column(view, COL_ACTION) == ["Refund approved"]


def test_days_are_whole_days_in_shop_time() -> None:
    since, until = day_bounds(date(2026, 11, 18), date(2026, 11, 18))
    assert until - since == DAY
    assert since == 1_795_000_000 - (19 * 3600 + 6 * 60 + 40)  # 00:00 Beijing that day


def test_export_writes_the_rows_shown(
    qtbot, session_factory, tasks, owner, english, tmp_path, monkeypatch
) -> None:
    seed_trail(session_factory, owner)
    view = make_view(qtbot, session_factory, tasks, owner)
    target = tmp_path / "trail.csv"
    asked = []

    def save_file_name(*args, **kwargs):
        asked.append(args)
        return str(target), "CSV files (*.csv)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file_name))
    with qtbot.waitSignal(view.exported, timeout=5_000) as exported:
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert exported.args == [str(target)]
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(audit.CSV_COLUMNS)
    assert [row[2] for row in rows[1:]] == ["refund.approve", "user.update", "user.create", "user.create"]
    assert view.count_label.text() == f"4 events written to {target}"


def test_cancelling_the_export_writes_nothing(
    qtbot, session_factory, tasks, owner, english, monkeypatch
) -> None:
    view = make_view(qtbot, session_factory, tasks, owner)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    view.export_csv()
    assert view.export_button.isEnabled() and not tasks.is_busy()


def test_the_screen_speaks_chinese(qtbot, session_factory, tasks, owner, english) -> None:
    seed_trail(session_factory, owner)
    view = make_view(qtbot, session_factory, tasks, owner)
    install_language("zh_CN")
    qtbot.waitUntil(lambda: view.export_button.text() == "导出 CSV(&E)…", timeout=2_000)
    assert view.screen_title() == "操作记录"
    assert column(view, COL_ACTION)[0] == "批准退款"
    assert view.model.headerData(COL_PERSON, Qt.Orientation.Horizontal) == "人员"
    assert view.person_box.itemText(0) == "所有人"
    assert view.count_label.text() == "4 条记录"


def test_a_hidden_screen_reads_again_when_shown(qtbot, session_factory, tasks, owner, english) -> None:
    view = make_view(qtbot, session_factory, tasks, owner)
    before = view.model.rowCount()
    view.hide()
    with session_factory.begin() as session:
        audit.record(session, owner, audit.SETTINGS_CHANGE, after={"language": "zh_CN"}, now=PEOPLE_NOW + 200)
    view.on_data_changed(frozenset({"after_sales"}))
    assert view.model.rowCount() == before  # nothing read while nobody looks
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.show()
    assert column(view, COL_ACTION)[0] == "Settings changed"
