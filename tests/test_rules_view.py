"""The Rules screen (issue 18): the owner sees each platform's rule sets with their dates and
sources, compares two side by side, and adds the shop's own set, which then shows on top."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from app.services.people.permissions import Role
from app.services.rule_history.shop_sets import shop_rule_sets
from app.views.rules.shop_set_dialog import ShopRuleSetDialog
from app.views.rules.view import RulesView
from tests.fixtures_views import actor_of, add_person
from tests.rule_history_sets import at

NOW = at(date(2026, 12, 8), 10)


def texts(table, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_the_sets_of_each_platform_with_their_day_zone_and_sources(
    qtbot, tasks, session_factory, owner, english
) -> None:
    view = RulesView(tasks, session_factory, owner, clock=lambda: NOW, platform="tiktok")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.sets.rowCount() == 3, timeout=5_000)
    assert view.platform() == "tiktok"  # the shop's own platform first
    assert texts(view.sets, 0) == ["tiktok-us-2026-01", "tiktok-us-2026-03", "tiktok-us-2026-12"]
    assert texts(view.sets, 1)[1] == "2026-03-02 00:00 (UTC-8, TikTok Shop's PST all year)"
    assert "with a public source" in texts(view.sets, 4)[0]
    # The newest restates the one before it: it is compared with the last that changed a value.
    assert (view.before_box.currentText(), view.after_box.currentText()) == (
        "tiktok-us-2026-01",
        "tiktok-us-2026-12",
    )
    assert texts(view.changes, 0) == ["Late dispatch rate · limit"]
    assert (texts(view.changes, 1), texts(view.changes, 2)) == (["0.04"], ["0.1"])
    assert texts(view.changes, 3)[0].endswith("(2026-01-09)") and texts(view.changes, 4)[0].endswith(
        "(2026-03-02)"
    )
    view.platform_box.setCurrentIndex(1)
    assert texts(view.sets, 0) == ["douyin-2026-12"] and texts(view.sets, 1) == [
        "2026-12-07 00:00 (Beijing time)"
    ]
    # One set: both sides the same, nothing changed, every value listed with its source when asked.
    assert view.changes.rowCount() == 0 and "same rule set" in view.changes_note.text()
    view.only_changes.setChecked(False)
    assert view.changes.rowCount() > 100
    sources = texts(view.changes, 4)
    assert "ours (the project's estimate)" in sources
    assert any("第二十五条" in words and "2017-03-15" in words for words in sources)


def test_the_owner_adds_the_shops_own_set_and_sees_what_it_changed(
    qtbot, tasks, session_factory, owner, english
) -> None:
    view = RulesView(tasks, session_factory, owner, clock=lambda: NOW, platform="douyin")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.sets.rowCount() == 1, timeout=5_000)
    assert view.add_button.isVisibleTo(view)
    view.open_add_dialog()
    dialog = view.findChild(ShopRuleSetDialog)
    assert dialog is not None and dialog.number.value() == 168  # starts from the value in force
    dialog.name_edit.setText("30天无理由")
    dialog.date_edit.setDate(QDate(2026, 12, 20))
    dialog.number.setValue(720)
    dialog.note_edit.setText("本店承诺 30 天无理由退货")
    with qtbot.waitSignal(view.loaded, timeout=5_000):
        dialog.confirm_button().click()
    assert texts(view.sets, 0) == ["douyin-2026-12", "douyin-2026-12+30天无理由"]
    assert texts(view.sets, 2)[1] == "this shop, on the platform's"
    assert texts(view.changes, 0) == ["No-reason return window (hours)"]
    assert (texts(view.changes, 1), texts(view.changes, 2)) == (["168"], ["720"])
    assert texts(view.changes, 4) == ["the shop's own set 30天无理由 (2026-12-20)"]
    with session_factory() as session:
        assert [s.name for s in shop_rule_sets(session)] == ["30天无理由"]


def test_a_refused_set_keeps_the_form_and_says_why(qtbot, tasks, session_factory, owner, english) -> None:
    view = RulesView(tasks, session_factory, owner, clock=lambda: NOW, platform="douyin")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.sets.rowCount() == 1, timeout=5_000)
    for attempt in range(2):  # the second one with the name the first took
        view.open_add_dialog()
        dialog = view._dialog
        assert dialog is not None
        dialog.name_edit.setText("长期退货")
        if attempt == 0:
            with qtbot.waitSignal(view.loaded, timeout=5_000):
                dialog.confirm_button().click()
    dialog.confirm_button().click()
    qtbot.waitUntil(lambda: bool(dialog.error_text()), timeout=5_000)
    assert "already has a rule set called 长期退货" in dialog.error_text()
    assert dialog.isVisible() and dialog.name_edit.text() == "长期退货"


def test_a_clerk_cannot_add_a_set(qtbot, tasks, session_factory, owner, english) -> None:
    clerk = actor_of(add_person(session_factory, owner, "xiaowang", "小王", Role.CLERK))
    view = RulesView(tasks, session_factory, clerk, clock=lambda: NOW, platform="douyin")
    qtbot.addWidget(view)
    assert not view.add_button.isVisibleTo(view)
