"""The owner's Automatic decisions screen and the refund pane's undo (issue 18 part 2), on real
widgets over a real SQLite mirror: rules listed in order with their status in words, moved and
switched; written in a form whose mistakes are said in plain words; every edit a version kept;
a dry run from the editor that says what the service says and sends nothing; and a rule's
decision waiting in the outbox shown in the queue's row and pane with its Undo, which withdraws it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.core import shop_time
from app.core.vocabulary import RequestKind
from app.models import OutboxOperation
from app.models import outbox as outbox_state
from app.services.automation import dry_run as dry_runs
from app.services.automation import evaluation, pending, rule_book
from app.services.automation.conditions import Conditions, RuleAction, RuleForm
from app.services.refunds.detail import queue_detail
from app.views.automation.rule_editor import RuleEditorDialog
from app.views.automation.view import AutomationView
from app.views.refunds.detail_history import history_facts
from app.views.refunds.detail_pane import RefundDetailPane
from app.views.refunds.queue_columns import COL_PENDING
from app.views.refunds.queue_view import RefundQueueView
from app.views.shell.i18n import install_language
from app.views.shell.main_window import MainWindow
from tests.automation_shop import CLERK, OWNER, owner_rule, requests_waiting
from tests.builders import NOW
from tests.people import seed_people

SMALL_UNSHIPPED = RuleForm(
    name="small unshipped refunds",
    conditions=Conditions(
        kinds=(RequestKind.REFUND_BEFORE_SHIPMENT,), max_amount_fen=5_000, unshipped_only=True
    ),
    action=RuleAction.APPROVE_REFUND,
    delay_s=600,
    daily_cap_fen=1_000_000,
)
LEAVE_FIRST_TIMERS = RuleForm("first-time buyers", Conditions(max_buyer_requests=0))


def make_view(qtbot, tasks, sessions: sessionmaker[Session]) -> AutomationView:
    """The screen, once its first reading of the rules is on it."""
    seed_people(sessions, OWNER, CLERK)
    view = AutomationView(tasks, sessions, OWNER, clock=lambda: NOW, platform="douyin")
    qtbot.addWidget(view)
    qtbot.waitSignal(view.rules_loaded, timeout=5_000).wait()
    return view


def column(view: AutomationView, number: int) -> list[str]:
    model = view.model
    return [model.index(row, number).data() for row in range(model.rowCount())]


def open_editor(qtbot, view: AutomationView, edit: bool = False) -> RuleEditorDialog:
    view.edit_rule() if edit else view.new_rule()
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=5_000)
    assert view.dialog is not None
    return view.dialog


def test_the_rules_in_order_with_their_status_in_words_moved_and_switched(
    qtbot, tasks, session_factory, english
) -> None:
    first = owner_rule(session_factory, LEAVE_FIRST_TIMERS)
    second = owner_rule(session_factory, SMALL_UNSHIPPED, switch_on=False)
    with session_factory.begin() as session:
        rule_book.stop_rule(session, first, evaluation.STOP_CAP, now=NOW)
    view = make_view(qtbot, tasks, session_factory)
    assert column(view, 1) == ["first-time buyers", "small unshipped refunds"]
    assert column(view, 3) == [
        "Stopped itself: it reached its daily limit of money decided automatically",
        "Off",
    ]
    assert column(view, 6)[1] == "Refund before shipment · up to ¥50.00 · not shipped yet"
    assert view.selected_rule().rule_id == first and not view.up_button.isEnabled()

    view.select_rule(second)
    with qtbot.waitSignal(view.rules_loaded, timeout=5_000):
        view.move_selected(-1)
    assert column(view, 1) == ["small unshipped refunds", "first-time buyers"]
    assert view.selected_rule().rule_id == second  # the moved rule stays chosen
    assert view.switch_button.text() == "Switch &on"
    with qtbot.waitSignal(view.rules_loaded, timeout=5_000):
        view.switch_button.click()
    assert column(view, 3)[0] == "Deciding" and column(view, 4)[0] == "老板"  # acts with 老板's rights
    assert view.switch_button.text() == "Switch &off"
    with session_factory() as session:
        assert [r.rule_id for r in rule_book.enabled_rules(session)] == [second]


def test_a_rule_written_in_the_form_is_refused_in_plain_words_then_kept_and_each_edit_is_a_version(
    qtbot, tasks, session_factory, english
) -> None:
    view = make_view(qtbot, tasks, session_factory)
    dialog = open_editor(qtbot, view)
    dialog.name_edit.setText("小额未发货")
    dialog.kind_boxes[RequestKind.REFUND_BEFORE_SHIPMENT].setChecked(True)
    dialog.reason_edit.setText("拍错了，不想要了")
    dialog.amount_edit.setText("50")
    dialog.unshipped_box.setChecked(True)
    dialog.refusals_spin.setValue(0)
    dialog.action_box.setCurrentIndex(dialog.action_box.findData(str(RuleAction.APPROVE_REFUND)))
    dialog.delay_spin.setValue(15)
    dialog.confirm_button().click()  # no daily limit yet: the service's own words, nothing kept
    assert (
        dialog.error_text() == "A rule that approves refunds needs a daily limit on the money it may approve."
    )
    dialog.cap_edit.setText("abc")
    assert dialog.error_text() == "“abc” is not an amount. Write it like 50 or 49.90."
    dialog.cap_edit.setText("300")
    assert dialog.error_text() == ""
    with qtbot.waitSignal(view.rules_loaded, timeout=5_000):
        dialog.confirm_button().click()
    qtbot.waitUntil(lambda: view.dialog is None, timeout=5_000)
    with session_factory() as session:
        [row] = rule_book.list_rules(session, OWNER)
    assert row.form == RuleForm(
        name="小额未发货",
        conditions=Conditions(
            kinds=(RequestKind.REFUND_BEFORE_SHIPMENT,), reason_words=("拍错了", "不想要了"),
            max_amount_fen=5_000, unshipped_only=True, max_buyer_refusals=0,
        ),
        action=RuleAction.APPROVE_REFUND, delay_s=900, daily_cap_fen=30_000,
    )  # fmt: skip
    assert not row.enabled  # a new rule starts switched off

    dialog = open_editor(qtbot, view, edit=True)
    assert dialog.amount_edit.text() == "50.00" and dialog.reason_edit.text() == "拍错了、不想要了"
    dialog.amount_edit.setText("80")
    with qtbot.waitSignal(view.versions_loaded, timeout=5_000):
        dialog.confirm_button().click()
    qtbot.waitUntil(lambda: view.versions_model.rowCount() == 2, timeout=5_000)
    versions = view.versions_model
    assert [versions.index(r, 0).data() for r in range(2)] == ["v1", "v2"]
    assert [versions.index(r, 2).data() for r in range(2)] == ["老板", "老板"]
    assert "up to ¥50.00" in versions.index(0, 7).data() and "up to ¥80.00" in versions.index(1, 7).data()
    assert column(view, 2) == ["v2"]


def test_the_dry_run_from_the_editor_says_what_the_service_says_and_sends_nothing(
    qtbot, tasks, session_factory, english
) -> None:
    requests_waiting(session_factory, 80, seed=3, answered=40)
    view = make_view(qtbot, tasks, session_factory)
    dialog = open_editor(qtbot, view)
    dialog.name_edit.setText("cheap goods")
    dialog.amount_edit.setText("90")
    dialog.action_box.setCurrentIndex(dialog.action_box.findData(str(RuleAction.APPROVE_REFUND)))
    dialog.cap_edit.setText("4000")
    tried = dialog.rule_form()
    with qtbot.waitSignal(dialog.dry_run.shown, timeout=30_000):
        dialog.dry_run.buttons[90].click()
    with session_factory() as session:
        expected = dry_runs.dry_run(session, OWNER, tried, days=90, now=NOW, platform="douyin")
        assert session.scalar(select(func.count()).select_from(OutboxOperation)) == 0
    report = dialog.dry_run.report()
    assert report == expected and expected.matched > 0
    summary = dialog.dry_run.summary.text()
    assert summary.startswith(
        f"Over the last 90 days it would have decided {expected.matched} of {expected.requests_looked_at} "
        "requests, ¥"
    )
    assert f"People decided otherwise on {expected.disagreements} of them." in summary
    table = dialog.dry_run.model
    assert table.rowCount() == expected.matched
    dialog.dry_run.only_disagreements.setChecked(True)
    assert table.rowCount() == expected.disagreements
    assert all(table.index(r, 5).data().endswith("— differs") for r in range(table.rowCount()))
    assert dialog.isVisible()  # trying a rule keeps nothing and closes nothing


def test_an_edit_of_a_rule_that_is_on_is_tried_in_its_own_place(
    qtbot, tasks, session_factory, english
) -> None:
    requests_waiting(session_factory, 20, seed=6)
    rule_id = owner_rule(session_factory, SMALL_UNSHIPPED)
    view = make_view(qtbot, tasks, session_factory)
    dialog = open_editor(qtbot, view, edit=True)
    dialog.amount_edit.setText("100")
    with qtbot.waitSignal(dialog.dry_run.shown, timeout=30_000):
        dialog.dry_run.buttons[30].click()
    with session_factory() as session:
        expected = dry_runs.dry_run(
            session, OWNER, dialog.rule_form(), days=30, now=NOW, platform="douyin", rule_id=rule_id
        )
    # Not shadowed by its own kept version, which would take every request it matches first.
    assert dialog.dry_run.report() == expected and expected.matched > 0


def test_only_the_owner_has_the_screen(qtbot, session_factory, settings) -> None:
    seed_people(session_factory, OWNER, CLERK)
    for actor, has_it in ((OWNER, True), (CLERK, False)):
        window = MainWindow(session_factory, settings, actor=actor)
        qtbot.addWidget(window)
        assert ("automation" in window.screen_keys()) is has_it
        window.tasks.shutdown()


def pending_request(sessions: sessionmaker[Session]) -> str:
    requests_waiting(sessions, 20, seed=6)
    owner_rule(sessions, SMALL_UNSHIPPED)
    evaluation.evaluate_open_requests(sessions, now=NOW, platform="douyin")
    with sessions() as session:
        ids = [op.entity_id for op in session.scalars(select(OutboxOperation))]
        return sorted(pending.pending_for(session, ids))[0]


def test_a_rules_decision_waiting_in_the_outbox_shows_in_the_pane_and_undo_withdraws_it(
    qtbot, tasks, session_factory, english
) -> None:
    aftersale_id = pending_request(session_factory)
    pane = RefundDetailPane(tasks, session_factory, clock=lambda: NOW + 60, actor=CLERK)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.loaded, timeout=5_000):
        pane.load(aftersale_id)
    assert pane.pending_bar.isVisibleTo(pane)
    assert pane.pending_label.text().startswith("Will be approved at ")
    assert pane.pending_label.text().endswith(" by rule 'small unshipped refunds' v1")
    assert pane.undo_button.isVisibleTo(pane) and pane.undo_button.text() == "Undo"
    with qtbot.waitSignal(pane.undone, timeout=5_000) as undone, qtbot.waitSignal(pane.loaded, timeout=5_000):
        pane.undo_button.click()
    assert undone.args == [aftersale_id]
    assert not pane.pending_bar.isVisibleTo(pane)
    with session_factory() as session:
        assert pending.pending_for(session, [aftersale_id]) == {}
        op = session.scalars(select(OutboxOperation).where(OutboxOperation.entity_id == aftersale_id)).one()
        assert op.state == outbox_state.DISCARDED and op.attempts == 0  # nothing was sent


def test_too_late_to_undo_is_said_in_plain_words_and_nobody_without_the_right_sees_undo(
    qtbot, tasks, session_factory, english
) -> None:
    aftersale_id = pending_request(session_factory)
    pane = RefundDetailPane(tasks, session_factory, clock=lambda: NOW + 60, actor=CLERK)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.loaded, timeout=5_000):
        pane.load(aftersale_id)
    with session_factory.begin() as session:  # another workstation undid it meanwhile
        pending.undo(session, OWNER, aftersale_id, now=NOW + 30)
    pane.undo_button.click()
    qtbot.waitUntil(lambda: pane.pending_label.text().startswith("Too late to undo"), timeout=5_000)
    assert not pane.undo_button.isEnabled()

    nobody = RefundDetailPane(tasks, session_factory, clock=lambda: NOW + 60)
    qtbot.addWidget(nobody)
    other = pending_request_of_another(session_factory, aftersale_id)
    with qtbot.waitSignal(nobody.loaded, timeout=5_000):
        nobody.load(other)
    assert nobody.pending_bar.isVisibleTo(nobody) and not nobody.undo_button.isVisibleTo(nobody)


def pending_request_of_another(sessions: sessionmaker[Session], besides: str) -> str:
    with sessions() as session:
        ids = [op.entity_id for op in session.scalars(select(OutboxOperation))]
        return sorted(set(pending.pending_for(session, ids)) - {besides})[0]


def test_in_the_refund_queue_undo_withdraws_the_rules_decision_and_the_row_is_waiting_again(
    qtbot, tasks, session_factory, english
) -> None:
    aftersale_id = pending_request(session_factory)
    queue = RefundQueueView(tasks, session_factory, CLERK, clock=lambda: NOW + 60)
    qtbot.addWidget(queue)
    queue.resize(1400, 700)
    queue.show()
    qtbot.waitUntil(lambda: queue.model.rowCount() > 0, timeout=5_000)
    with qtbot.waitSignal(queue.detail_loaded, timeout=5_000):
        assert queue.select_request(aftersale_id)
    pane = queue.detail_pane
    assert pane.pending_label.text().endswith("by rule 'small unshipped refunds' v1")
    assert queue.current_row().pending  # the row says a decision waits, when it goes and which rule
    cell = queue.model.index(queue.model.row_of(aftersale_id), COL_PENDING)
    goes = pane.pending().not_before
    assert cell.data() == "auto " + shop_time.datetime_of(goes).strftime("%H:%M")
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == pane.pending_label.text()
    with qtbot.waitSignal(queue.rows_loaded, timeout=5_000):
        pane.undo_button.click()
    qtbot.waitUntil(lambda: not pane.pending_bar.isVisibleTo(pane), timeout=5_000)
    assert queue.current_row().aftersale_id == aftersale_id and not queue.current_row().pending
    assert queue.model.index(queue.model.row_of(aftersale_id), COL_PENDING).data() == ""


def test_the_history_names_the_rule_that_decided_in_the_persons_language(
    qtbot, tasks, session_factory, english
) -> None:
    """The rule's name and version come from the event's marker through translated words, so
    the Chinese history reads as Chinese, not a stored English note."""
    aftersale_id = pending_request(session_factory)
    with session_factory() as session:
        detail = queue_detail(session, aftersale_id, now=NOW + 60)
    assert detail is not None
    english_lines = [html for _when, html in history_facts(detail, shop_time.SHOP_TZ)]
    assert any(line.endswith("by rule &#x27;small unshipped refunds&#x27; v1") for line in english_lines)
    install_language("zh_CN")
    chinese_lines = [html for _when, html in history_facts(detail, shop_time.SHOP_TZ)]
    assert not any("by rule" in line for line in chinese_lines)
    assert any("small unshipped refunds" in line for line in chinese_lines)
