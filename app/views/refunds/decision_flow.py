"""From a key press to a decision in the outbox: the refund queue's dialogs and services.

Owns `DecisionFlow`: which dialog a request's "approve" or "refuse" opens (for the
decision the service says it stands for, `available_decisions`), running the chosen
service in one transaction on the database lane (`BackgroundTasks.run`, never on the
GUI thread), and what happens to the answer — a refusal (`DecisionRefused`,
`PermissionDenied`) goes into the open dialog in plain words, keeping what was typed;
a decision that committed closes it and emits `decided`, on which the queue refreshes
(the row now reads "pending") and asks the sync worker to push at once. Handing a
request to the owner (a clerk) and handing it back (the owner) go the same way,
through `owner_handover`, with a note the other person reads.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QPlainTextEdit, QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.core.vocabulary import Decision, RequestKind
from app.services.people.permissions import Actor, PermissionDenied
from app.services.platform_lists import reject_reasons_for
from app.services.refunds import decisions as refund_decisions
from app.services.refunds import owner_handover, refusal_evidence
from app.services.refunds.available_decisions import decisions_for, names_return_address
from app.services.refunds.bulk import BulkResult, BulkSummary, bulk_approve, bulk_approve_summary
from app.services.refunds.decisions import DecisionRefused
from app.services.refunds.queue import QueueRow
from app.services.refunds.refusal_evidence import EarlierRefusal
from app.services.rule_history import rules_in_force
from app.services.shipping import carriers
from app.services.shipping.refuse_by_shipping import refuse_by_shipping
from app.services.shipping.shipments import ShipmentRefused
from app.views.common.background import BackgroundTasks
from app.views.common.people_words import refusal_text
from app.views.refunds import arbitration_marks
from app.views.refunds.bulk_dialog import BulkApproveDialog
from app.views.refunds.dialogs import (
    ApproveRefundDialog,
    ApproveReturnDialog,
    DecisionDialog,
    request_sentence,
    return_addresses,
)
from app.views.refunds.exchange_dialogs import SendGoodsDialog
from app.views.refunds.refusal_dialogs import InspectDialog, RefuseDialog
from app.views.refunds.refuse_by_shipping_dialog import RefuseByShippingDialog

log = logging.getLogger(__name__)


class ConfirmDialog(DecisionDialog):
    """A decision with nothing to fill in (agree a resend)."""

    def __init__(self, row: QueueRow, title: str, sentence: str, button: str, parent: QWidget | None = None):
        super().__init__(row, parent)
        self.setObjectName("confirmDecisionDialog")
        self.setWindowTitle(title)
        self.intro.setText(request_sentence(row) + "\n\n" + sentence)
        self.confirm_button().setText(button)


class NoteDialog(DecisionDialog):
    """A step that needs a few words for the other person (handing over, handing back)."""

    def __init__(
        self, row: QueueRow, title: str, sentence: str, button: str, *, required: str = "",
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(row, parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(title)
        self.intro.setText(request_sentence(row) + "\n\n" + sentence)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("handoverNote")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self.form.addRow(self.note_edit)
        self._required = required  # the words shown when the note is left empty, if it must not be
        self.confirm_button().setText(button)
        # A top-level dialog does not grow for its wrapped sentence by itself: make room for it.
        self.intro.setMinimumHeight(self.intro.heightForWidth(self.minimumWidth() - 24))
        self.note_edit.setFocus()

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def local_problem(self) -> str:
        return self._required if self._required and not self.note() else ""


class DecisionFlow(QObject):
    """Opens decision dialogs over `parent` and carries them out for `actor`."""

    # A decision (or several) committed; the ids of the requests it concerned.
    decided = Signal(object)

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        actor: Actor | None,
        parent: QWidget,
        *,
        clock: Callable[[], float] = time.time,
        settings: Settings | None = None,
        platform: str | None = None,
    ) -> None:
        """`platform`: the shop's ("douyin", "tiktok"; None: Douyin), whose moves say what
        agreeing asks for (`available_decisions`)."""
        super().__init__(parent)
        self._platform = platform
        self._tasks = tasks
        self._sessions = sessions
        self._actor = actor
        self._parent = parent
        self._clock = clock
        self._settings = settings
        self.dialog: QDialog | None = None  # the one open now (tests drive it)

    # --- what the screen asks for ---------------------------------------------------------
    def approve(self, row: QueueRow) -> None:
        """The request's "yes": refund, agree a return or exchange, or inspect what came back
        (which of them, the service says: `available_decisions`)."""
        if self._only_for_arbitration(row):
            return
        decisions = decisions_for(row.kind, row.state, self._platform)
        if decisions.inspection:
            self.inspect(row)
        elif decisions.yes is Decision.APPROVE_REFUND:
            self._open(ApproveRefundDialog(row, self._parent), refund_decisions.approve_refund)
        elif decisions.yes is Decision.AGREE_RETURN and decisions.goods_come_back:
            dialog = ApproveReturnDialog(row, return_addresses(self._settings), self._parent)
            self._open(dialog, refund_decisions.approve_return)
        elif decisions.yes is Decision.AGREE_RETURN:  # the platform names its own return warehouse
            texts = (
                self.tr("Agree to the return"),
                self.tr("The buyer then sends the goods back to the return address the platform gives."),
                self.tr("Agree to the return"),
            )
            agree = partial(refund_decisions.approve_return, platform=self._platform)
            self._open(ConfirmDialog(row, *texts, parent=self._parent), agree)
        elif decisions.yes is Decision.AGREE_EXCHANGE and decisions.goods_come_back:
            dialog = ApproveReturnDialog(row, return_addresses(self._settings), self._parent)
            self._open(dialog, refund_decisions.approve_exchange)
        elif decisions.sends_goods:
            self.send_goods(row, decisions.yes)
        elif decisions.yes is Decision.AGREE_EXCHANGE and row.kind == RequestKind.EXCHANGE:
            # A replacement done at once (TikTok Shop): nothing comes back, no address to name.
            texts = (
                self.tr("Approve replacement"),
                self.tr("The platform then makes a new order for the replacement, for you to ship."),
                self.tr("Approve replacement"),
            )
            agree = partial(refund_decisions.approve_exchange, platform=self._platform)
            self._open(ConfirmDialog(row, *texts, parent=self._parent), agree)
        else:
            texts = (
                self.tr("Agree to resend"),
                self.tr("The request then waits for you to send the items, with their tracking number."),
                self.tr("Agree to resend"),
            )
            self._open(ConfirmDialog(row, *texts, parent=self._parent), refund_decisions.approve_exchange)

    def send_goods(self, row: QueueRow, decision: Decision) -> None:
        """Goods the shop sends out (an exchange's new goods, a resend, a repair): their
        carrier and tracking number, from the shipping board's carriers (read off the GUI thread)."""

        def opened(offered: list) -> None:
            dialog = SendGoodsDialog(row, decision, offered, self._parent)
            self._open(dialog, refund_decisions.approve_exchange)

        self._tasks.read("refunds.carriers", self._sessions, carriers.available, opened)

    def _only_for_arbitration(self, row: QueueRow) -> bool:
        """A request in the queue for the platform's arbitration alone (the shop refused it; the
        platform asks for the shop's evidence) takes no decision from here: say what to do."""
        if not arbitration_marks.instead_of_suggestion(row):
            return False
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Nothing to decide here"), "", parent=self._parent
        )
        box.setText(arbitration_marks.arbitration_line(row, rules_in_force(self._platform).shipping.tz))
        self._show(box)
        return True

    def refuse(self, row: QueueRow) -> None:
        """The request's "no", with a reason from the platform's list (fetched off the GUI
        thread); for returned goods awaiting inspection, the inspection answering no; for a
        refund requested before shipment, shipping the order (the platform's only refusal)."""
        if self._only_for_arbitration(row):
            return
        decisions = decisions_for(row.kind, row.state, self._platform)
        if decisions.refuse_by_shipping:
            self.refuse_by_shipping(row)
            return
        if decisions.sends_goods and decisions.no is None:
            # A resend or repair agreed and waiting for the shop's parcel: nothing to refuse.
            box = QMessageBox(
                QMessageBox.Icon.Information, self.tr("Nothing to refuse"), "", parent=self._parent
            )
            box.setText(
                self.tr(
                    "This request was agreed and waits for you to send the goods; the platform takes no "
                    "refusal now. Send them with \u201cApprove\u201d (A): carrier and tracking number."
                )
            )
            self._show(box)
            return
        inspection = decisions.inspection

        def read(session: Session) -> tuple[list, EarlierRefusal | None]:
            return reject_reasons_for(session, row.kind), refusal_evidence.refusal_stopped_by_review(
                session, row.aftersale_id
            )

        def opened(found: tuple[list, EarlierRefusal | None]) -> None:
            reasons, earlier = found
            if inspection:
                dialog = InspectDialog(row, reasons, self._parent)
                dialog.refuse_button.setChecked(True)
                self._open(dialog, refund_decisions.inspect_return)
            else:
                self._open(RefuseDialog(row, reasons, self._parent, earlier), refund_decisions.refuse)

        self._tasks.read("refunds.reasons", self._sessions, read, opened)

    def refuse_by_shipping(self, row: QueueRow) -> None:
        """A refund before shipment is refused by shipping its order: the parcel's carrier
        and tracking number, from the shipping board's carriers (read off the GUI thread)."""

        def opened(offered: list) -> None:
            self._open(
                RefuseByShippingDialog(row, offered, self._parent), refuse_by_shipping, keeps_seen=False
            )

        self._tasks.read("refunds.carriers", self._sessions, carriers.available, opened)

    def inspect(self, row: QueueRow) -> None:
        def opened(reasons: list) -> None:
            self._open(InspectDialog(row, reasons, self._parent), refund_decisions.inspect_return)

        def read(session: Session) -> list:
            return reject_reasons_for(session, row.kind)  # the platform's reasons for its kind

        self._tasks.read("refunds.reasons", self._sessions, read, opened)

    def open_suggested(self, row: QueueRow) -> None:
        """Enter on a row: the decision its rule suggests."""
        if row.suggestion == "refuse":
            self.refuse(row)
        else:
            self.approve(row)

    def hand_to_owner(self, row: QueueRow, why: str = "") -> None:
        """A clerk hands the request to the owner, saying why (`why`: the limit it exceeds)."""
        dialog = NoteDialog(
            row,
            self.tr("Hand to the owner"),
            (why + "\n\n" if why else "")
            + self.tr("The owner sees it in their queue with your name and these words."),
            self.tr("Hand to the owner"),
            required=self.tr("Say in a few words why the owner should decide this request."),
            parent=self._parent,
        )
        self._open(
            dialog,
            lambda s, a, i, *, now: owner_handover.hand_to_owner(s, a, i, reason=dialog.note(), now=now),
            keeps_seen=False,
        )

    def hand_back(self, row: QueueRow) -> None:
        """The owner hands a request back undecided, with a note for the clerk."""
        dialog = NoteDialog(
            row,
            self.tr("Hand back"),
            self.tr("Handed to you by {name}: {reason}").format(name=row.handed_by, reason=row.handed_reason)
            + "\n\n"
            + self.tr("It goes back to the queue undecided; your note is kept in the audit trail."),
            self.tr("Hand back"),
            parent=self._parent,
        )
        self._open(
            dialog,
            lambda s, a, i, *, now: owner_handover.hand_back(s, a, i, note=dialog.note(), now=now),
            keeps_seen=False,
        )

    def bulk_approve(self, ids: Sequence[str]) -> None:
        """The summary first (nothing sent; the person's limits looked at), then
        `bulk_approve` once the person confirms: refunds approved, returns agreed."""
        wanted, actor, now = list(ids), self._actor, int(self._clock())

        def opened(summary: BulkSummary) -> None:
            names = names_return_address(self._platform)  # TikTok Shop names its own return warehouse
            addresses = return_addresses(self._settings) if names else []
            dialog = BulkApproveDialog(summary, self._parent, addresses=addresses, names_address=names)
            dialog.submitted.connect(lambda: self._run_bulk(dialog, wanted))
            self._show(dialog)

        def summarise(session: Session) -> BulkSummary:
            return bulk_approve_summary(session, wanted, actor=actor, now=now)

        self._tasks.read("refunds.bulk_summary", self._sessions, summarise, opened)

    # --- carrying it out ----------------------------------------------------------------
    def _open(self, dialog: DecisionDialog, service: Callable[..., Any], *, keeps_seen: bool = True) -> None:
        """`keeps_seen`: the service takes `seen` (every refund decision; refusing by shipping,
        a shipment, does not)."""
        dialog.submitted.connect(lambda: self._run(dialog, service, keeps_seen))
        self._show(dialog)

    def _show(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        dialog.open()  # window-modal, not a nested event loop: answers keep arriving

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _run(self, dialog: DecisionDialog, service: Callable[..., Any], keeps_seen: bool = True) -> None:
        actor, sessions, aftersale_id = self._actor, self._sessions, dialog.row.aftersale_id
        values, now = dialog.values(), int(self._clock())
        if keeps_seen:  # the rule set and suggestion on screen go into the decision's audit event
            row = dialog.row
            values["seen"] = refund_decisions.Seen(row.rule_set, row.rule_key, row.suggestion)
        if actor is None:
            dialog.show_error(self.tr("Sign in to decide requests."))
            return

        def decide() -> Any:
            with sessions.begin() as session:
                return service(session, actor, aftersale_id, now=now, **values)

        def done(_queued: Any) -> None:
            dialog.accept()
            self.decided.emit((aftersale_id,))

        self._tasks.run("refunds.decide", decide, done, lambda error: self._refused(dialog, error))

    def _run_bulk(self, dialog: BulkApproveDialog, ids: list[str]) -> None:
        actor, sessions, now, platform = self._actor, self._sessions, int(self._clock()), self._platform
        address = dialog.return_address_id()
        if actor is None:
            dialog.show_error(self.tr("Sign in to decide requests."))
            return

        def decide() -> BulkResult:
            with sessions.begin() as session:
                return bulk_approve(
                    session, actor, ids, now=now, return_address_id=address, platform=platform
                )

        def done(result: BulkResult) -> None:
            dialog.show_result(result)
            if result.approved:
                self.decided.emit(result.approved)

        self._tasks.run("refunds.decide", decide, done, lambda error: self._refused(dialog, error))

    def _refused(self, dialog: DecisionDialog | BulkApproveDialog, error: BaseException) -> None:
        if not isinstance(error, DecisionRefused | ShipmentRefused | PermissionDenied):
            log.error("a refund decision failed", exc_info=error)
        dialog.show_error(refusal_text(error))
