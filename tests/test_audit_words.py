"""Every audit event reads as a sentence: who did what to which request or order, in
yuan, with statuses and types by their names and times in the shop's time. Every
action name the code base records has its words (walked from the source, so a new
action cannot be added without them); the record as stored stays behind
"Technical details"."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import AfterSale, AuditEvent
from app.services.people import audit
from app.services.people.audit import AuditRow
from app.services.people.permissions import Role
from app.services.refunds import decisions as refund_decisions
from app.services.refunds import owner_handover
from app.services.shipping import shipments as shipping
from app.views.people import audit_words
from app.views.people.audit_table_model import COL_CHANGE, COL_ENTITY, COL_NOTE, COL_PERSON
from app.views.people.audit_view import AuditView
from app.views.shell.i18n import install_language
from tests.fixtures_views import PEOPLE_NOW, actor_of, add_person
from tests.refund_shop import BIG, EXPIRED, RETURNED, SOON, URGENT, seed_queue

APP = Path(__file__).resolve().parents[1] / "app"
TRACKING = "SF700000000003"  # a 顺丰速运 number


# --- every action the code base records ------------------------------------------------
def _modules() -> dict[Path, ast.Module]:
    """The desk's modules; not the sandbox store's, which writes no audit (its own
    `record` functions keep a request's history on the platform's side)."""
    sandbox = APP / "sandbox"
    return {
        path: ast.parse(path.read_text(encoding="utf-8"))
        for path in APP.rglob("*.py")
        if sandbox not in path.parents
    }


def _constants(modules: dict[Path, ast.Module]) -> dict[str, str]:
    """Module-level NAME = "text" of every module (action names are such constants)."""
    found: dict[str, str] = {}
    for tree in modules.values():
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                for target in node.targets:
                    if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                        found[target.id] = node.value.value
    return found


def _is_record_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (
        isinstance(func, ast.Attribute) and func.attr == "record" and getattr(func.value, "id", "") == "audit"
    ) or (isinstance(func, ast.Name) and func.id == "record")


class _Walker:
    """Resolves the action argument of every `audit.record(...)` call to its strings,
    following names to constants, local assignments and, for a parameter, to the
    arguments every caller of the function passes."""

    def __init__(self) -> None:
        self.modules = _modules()
        self.constants = _constants(self.modules)
        self.functions: dict[str, ast.FunctionDef] = {}
        self.parents: dict[ast.AST, ast.AST] = {}
        for tree in self.modules.values():
            for node in ast.walk(tree):
                for child in ast.iter_child_nodes(node):
                    self.parents[child] = node
                if isinstance(node, ast.FunctionDef):
                    self.functions.setdefault(node.name, node)

    def _function_of(self, node: ast.AST) -> ast.FunctionDef | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef):
                return node
        return None

    def _argument(self, call: ast.Call, function: ast.FunctionDef, name: str) -> ast.expr | None:
        for keyword in call.keywords:
            if keyword.arg == name:
                return keyword.value
        positional = [a.arg for a in function.args.posonlyargs + function.args.args]
        if name in positional and positional.index(name) < len(call.args):
            return call.args[positional.index(name)]
        return None

    def resolve(self, expr: ast.expr, where: ast.AST, depth: int = 0) -> Iterator[str]:
        assert depth < 8, ast.unparse(expr)
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            yield expr.value
        elif isinstance(expr, ast.IfExp):
            yield from self.resolve(expr.body, where, depth + 1)
            yield from self.resolve(expr.orelse, where, depth + 1)
        elif isinstance(expr, ast.Attribute) and getattr(expr.value, "id", "") == "audit":
            yield getattr(audit, expr.attr)
        elif isinstance(expr, ast.Name):
            function = self._function_of(where)
            assigned = [
                node.value
                for node in ast.walk(function) if function is not None
                for node in [node]
                if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == expr.id for t in node.targets)
            ] if function is not None else []  # fmt: skip
            if assigned:
                for value in assigned:
                    yield from self.resolve(value, value, depth + 1)
            elif function is not None and expr.id in {
                a.arg for a in function.args.args + function.args.kwonlyargs
            }:
                for tree in self.modules.values():
                    for call in ast.walk(tree):
                        if (
                            isinstance(call, ast.Call)
                            and getattr(call.func, "id", getattr(call.func, "attr", "")) == function.name
                        ):
                            passed = self._argument(call, function, expr.id)
                            if passed is not None:
                                yield from self.resolve(passed, call, depth + 1)
            else:
                yield self.constants[expr.id]
        else:
            raise AssertionError(f"cannot tell which action {ast.unparse(expr)} records")

    def actions(self) -> set[str]:
        found: set[str] = set()
        audit_module = self.modules[APP / "services" / "people" / "audit.py"]
        record = next(n for n in audit_module.body if isinstance(n, ast.FunctionDef) and n.name == "record")
        for tree in self.modules.values():
            for node in ast.walk(tree):
                if _is_record_call(node):
                    action = self._argument(node, record, "action")
                    if action is not None:
                        found.update(self.resolve(action, node))
        return found


def test_every_action_the_code_base_records_reads_as_a_sentence(english) -> None:
    actions = _Walker().actions()
    # The walk finds what it should: the kinds of events the desk is known to write.
    assert {
        "session.sign_in_failed",
        "user.password_change",
        "settings.change",
        "shop.connect",
        "refund.refuse",
        "return.approve",
        "return.inspect",
        "exchange.approve",
        "order.ship",
        "outbox.discard",
        "outbox.reapply",
        "set_aside.dismiss",
        "request.hand_to_owner",
        "request.hand_back",
        "platform.answer",
    } <= actions
    without_words = []
    for action in sorted(actions):
        row = AuditRow(1, PEOPLE_NOW, 1, "王姐", action, "after_sale", "7001", "", "", "", None, "")
        words = audit_words.sentence(row, {}, {})
        if not words or "{" in words or action in words:
            without_words.append(action)
    assert without_words == []


# --- a real trail, written by the real services ------------------------------------------
def real_trail(session_factory, owner) -> None:
    """A morning at the desk: decisions of every kind, a shipment that refuses a refund,
    a hand-over to the owner and back, and the platform's answers."""
    seed_queue(session_factory, now=PEOPLE_NOW)
    wang = add_person(session_factory, owner, "wang", "王姐", Role.CLERK)
    clerk = actor_of(wang)
    with session_factory.begin() as session:
        approved = refund_decisions.approve_refund(session, owner, URGENT, now=PEOPLE_NOW + 60)
        refund_decisions.refuse(
            session, owner, SOON, reject_reason_code=1, remark="已发出，单号可查", now=PEOPLE_NOW + 120
        )
        refund_decisions.inspect_return(
            session,
            owner,
            RETURNED,
            outcome="damaged",
            note="外壳有裂痕",
            then="refund",
            now=PEOPLE_NOW + 180,
        )
        expired_order = session.get(AfterSale, EXPIRED).order_id
        shipping.ship_order(
            session, owner, expired_order, "shunfeng", TRACKING, now=PEOPLE_NOW + 240, refuse_refund=True
        )
        owner_handover.hand_to_owner(session, clerk, BIG, reason="金额超过我的权限", now=PEOPLE_NOW + 300)
        owner_handover.hand_back(session, owner, BIG, note="请先联系买家", now=PEOPLE_NOW + 360)
        event = session.scalars(select(AuditEvent.id).where(AuditEvent.action == "refund.approve")).first()
        # The platform's answers, as the push engine writes them (app/sync/push.py).
        on_its_own = "the platform approved it on its own when the deadline passed"
        for outcome, decided_by, note in (("done", "shop", ""), ("conflict", "platform", on_its_own)):
            audit.record(
                session,
                None,
                audit.PLATFORM_ANSWER,
                entity_type="after_sale",
                entity_id=URGENT,
                refers_to=event,
                note=note,
                now=PEOPLE_NOW + 420,
                after={
                    "operation": approved.op_id,
                    "outcome": outcome,
                    "platform_code": "",
                    "platform_message": "",
                    "decided_by": decided_by,
                },
            )


def trail_view(qtbot, session_factory, tasks, owner) -> AuditView:
    view = AuditView(tasks, session_factory, owner, clock=lambda: PEOPLE_NOW + 600)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and view.person_box.count() > 2, timeout=5_000)
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.refresh()  # read again now that the people are known
    return view


def sentences(view: AuditView) -> list[str]:
    return [view.model.index(row, COL_CHANGE).data() for row in range(view.model.rowCount())]


def test_a_real_trail_reads_as_sentences_in_yuan_with_names(
    qtbot, session_factory, tasks, owner, english
) -> None:
    real_trail(session_factory, owner)
    view = trail_view(qtbot, session_factory, tasks, owner)
    said = sentences(view)
    assert said[:11] == [
        "The platform had decided Refund before shipment request 7200000000000000001 on its own;"
        " the shop's decision was not applied.",
        "The platform applied the shop's decision on Refund before shipment request 7200000000000000001.",
        "小林 handed Refund only (shipped) request 7200000000000000006 back to 王姐 undecided.",
        "王姐 handed Refund only (shipped) request 7200000000000000006 (¥899.00)"
        " to the owner: “金额超过我的权限”.",
        "小林 refused the refund of ¥49.90 on Refund before shipment request 7200000000000000005"
        " (Awaiting merchant → Refused by merchant), by shipping the order (tracking number SF700000000003).",
        f"小林 shipped order {view.model.row_at(5).order_id} with 顺丰速运,"
        " tracking number SF700000000003 (Awaiting shipment → Shipped)."
        " The waiting refund request 7200000000000000005 was refused with it.",
        "小林 received the returned goods and refunded ¥139.00"
        " on Return and refund request 7200000000000000004 (Returned, awaiting receipt → Refunded).",
        "小林 inspected the goods returned on Return and refund request 7200000000000000004:"
        " Damaged; to be refunded.",
        "小林 refused the refund of ¥159.00 on Refund only (shipped) request 7200000000000000002"
        " (Awaiting merchant → Refused by merchant). Reason: 商品已发出.",
        "小林 agreed to refund ¥45.80 on Refund before shipment request 7200000000000000001"
        " (Awaiting merchant → Refunded).",
        "小林 added 王姐 as Customer service.",
    ]
    assert said[-1] == "小林 set up the desk as the shop's owner."
    # No raw fields, epoch seconds, operation ids or codes anywhere in the sentences.
    for text in said:
        assert "operate_type" not in text and "status:" not in text and "after_sale" not in text
    assert view.model.index(0, COL_PERSON).data() == "the platform"
    assert (
        view.model.index(0, COL_NOTE).data() == "The platform approved it on its own when the deadline passed"
    )
    assert view.model.index(len(said) - 1, COL_NOTE).data() == "The shop's first owner"


def test_the_details_tell_the_event_and_keep_the_record_behind_technical_details(
    qtbot, session_factory, tasks, owner, english
) -> None:
    real_trail(session_factory, owner)
    view = trail_view(qtbot, session_factory, tasks, owner)
    row = max(r for r in range(view.model.rowCount()) if view.model.row_at(r).action == "refund.approve")
    view.table.selectRow(row)
    details = view.details.toPlainText()
    assert details.startswith("2026-11-18 19:07 · 小林 · Refund approved\n小林 agreed to refund ¥45.80")
    assert "4580" not in details and "{" not in details
    assert not view.technical.isVisibleTo(view)  # folded away until asked for
    qtbot.mouseClick(view.technical_button, Qt.MouseButton.LeftButton)
    assert view.technical.isVisibleTo(view)
    record = view.technical.toPlainText()
    assert (
        record.startswith("refund.approve #")
        and '"refund_amount": 4580' in record
        and '"decision": "approve_refund"' in record
    )


def test_shop_and_desk_notes_read_in_words_not_placeholders(english) -> None:
    shop = AuditRow(
        2, PEOPLE_NOW, 1, "小林", audit.SHOP_CONNECT, "shop", "demo", "", "", '{"demo":true}', None, ""
    )
    from app.views.people.audit_table_model import AuditTableModel

    model = AuditTableModel()
    model.set_rows([shop])
    assert model.index(0, COL_ENTITY).data() == "Demo shop"
    assert model.index(0, COL_CHANGE).data() == "小林 connected the desk to the demo shop."
    assert audit_words.note_text("first owner") == "The shop's first owner"
    assert audit_words.note_text("请先联系买家") == "请先联系买家"  # a person's own words stay as written


def test_the_trail_speaks_chinese_with_the_apps_own_names(
    qtbot, session_factory, tasks, owner, english
) -> None:
    real_trail(session_factory, owner)
    view = trail_view(qtbot, session_factory, tasks, owner)
    install_language("zh_CN")
    qtbot.waitUntil(lambda: view.technical_button.text() == "技术详情", timeout=2_000)
    said = sentences(view)
    assert said[0] == "平台已自行处理未发货仅退款售后单 7200000000000000001，店铺的决定未生效。"
    assert said[9].startswith("小林 同意") and "售后单 7200000000000000001" in said[9]
    assert said[9].endswith("¥45.80（待商家处理 → 退款成功）。")
    assert said[-1] == "小林 以店主身份设置了工作台。"
    assert view.model.index(len(said) - 1, COL_NOTE).data() == "店铺的第一位店主"
    assert view.model.index(0, COL_PERSON).data() == "平台"


def test_events_written_before_the_apps_vocabulary_read_as_they_did(english) -> None:
    """Decisions and shipments audited with Douyin's codes (operate type, status) read as
    the same sentences as those audited in the app's words (decision, state)."""
    older = AuditRow(
        3, PEOPLE_NOW, 1, "小林", "refund.approve", "after_sale", "7001", "", '{"status": 6}',
        '{"operate_type": 201, "status": 12, "refund_amount": 4580}', None, "",
    )  # fmt: skip
    newer = AuditRow(
        4, PEOPLE_NOW, 1, "小林", "refund.approve", "after_sale", "7001", "", '{"state": "awaiting_shop"}',
        '{"decision": "approve_refund", "state": "refunded", "refund_amount": 4580}', None, "",
    )  # fmt: skip
    said = words_of(newer)
    assert words_of(older) == said
    assert said.startswith("小林 agreed to refund ¥45.80") and "(Awaiting merchant → Refunded)" in said
    shipped_then = AuditRow(
        5, PEOPLE_NOW, 1, "小林", "order.ship", "order", "6901", "6901", '{"status": 2}',
        '{"status": 3, "company_code": "shunfeng", "tracking_no": "SF1"}', None, "",
    )  # fmt: skip
    shipped_now = AuditRow(
        6, PEOPLE_NOW, 1, "小林", "order.ship", "order", "6901", "6901", '{"state": "awaiting_shipment"}',
        '{"state": "shipped", "company_code": "shunfeng", "tracking_no": "SF1"}', None, "",
    )  # fmt: skip
    assert words_of(shipped_then) == words_of(shipped_now)
    assert "(Awaiting shipment → Shipped)" in words_of(shipped_now)


def words_of(row: AuditRow) -> str | None:
    return audit_words.sentence(row, json.loads(row.before), json.loads(row.after))
