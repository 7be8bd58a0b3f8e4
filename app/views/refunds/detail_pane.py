"""The refund queue's right-hand pane: one after-sale request, everything about it.

Owns `RefundDetailPane`, which renders a `QueueDetail` as one read-only rich-text
page: the request (type, amount, how long is left to reply), the rule and the
suggestion, the buyer's words and evidence images, the order and its lines, the
parcels out and the return parcel back, and the request's history (audit events and
the outbox operations that carried decisions to the platform, with the pictures a
refusal carries: the clerk's own, kept in the database while the refusal waits to be
sent, the platform's copies after). Evidence thumbnails, fetched off the GUI thread by
`detail_evidence.py`, are put into the page as document resources; a picture that cannot
be fetched shows a grey placeholder. The History section's lines are `detail_history.py`'s.

Above the page, a request an owner's rule has decided, whose decision still waits out its
undo window in the outbox, says so ("Will be approved at 14:32 by rule 'x' v3",
`automation.pending`) with an Undo button for whoever may decide refunds; the undo runs
off the GUI thread, nothing is sent, and `undone` tells the queue to read again.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import (
    ORDER_STATE_LABELS,
    REFUND_STATE_LABELS,
    REQUEST_KIND_LABELS,
    REQUEST_STATE_LABELS,
    RefundState,
)
from app.services.automation.pending import PendingAutomatic, describe, pending_for, undo
from app.services.people.permissions import Action, Actor, allowed
from app.services.refunds import refusal_evidence
from app.services.refunds.detail import QueueDetail, queue_detail
from app.services.refunds.queue import QueueRow
from app.services.rule_history import rules_in_force
from app.services.rules import RuleSet
from app.views.common import formatting
from app.views.common.background import BackgroundTasks
from app.views.common.formatting import refunds_text, word_label
from app.views.common.people_words import refusal_text, service_words
from app.views.orders.detail_pane import CSS
from app.views.refunds import arbitration_marks
from app.views.refunds.detail_evidence import THUMB, fetch_image, image_urls, placeholder, request_picture
from app.views.refunds.detail_history import history_facts
from app.views.refunds.queue_columns import AMBER_WITHIN_S, RED_WITHIN_S

# Refund states worth a word beside the amount: the money has moved, or failed to.
MONEY_MOVED = (RefundState.IN_PROGRESS, RefundState.SUCCEEDED, RefundState.FAILED, RefundState.RECOVERED)
# The arbitration line: the queue mark's violet (arbitration_marks.py).
ARBITRATION_CSS = (
    f".arbitration {{ background-color: {arbitration_marks.MARK_BG.name()}; "
    f"color: {arbitration_marks.MARK.name()}; font-weight: bold; }}"
)


class RefundDetailPane(QWidget):
    """Shows one request (`load` reads it off the GUI thread), or a short sentence."""

    loaded = Signal()  # a request asked for with `load` was read and shown (or found gone)
    undone = Signal(str)  # a rule's decision on this request was withdrawn before it went

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = formatting.now_utc,
        fetch: Callable[[str], bytes] = fetch_image,
        rules: RuleSet | None = None,
        actor: Actor | None = None,
    ) -> None:
        """`rules`: the shop's rule set (None: Douyin's); `actor`: who may undo a rule's
        decision (None: nobody here)."""
        super().__init__(parent)
        self._actor = actor
        self._pending: PendingAutomatic | None = None
        self._tasks, self._sessions, self._rules = tasks, sessions, rules
        self._tz = (rules or rules_in_force(None)).shipping.tz  # the shop's clock, the times are shown on
        self._wanted: str | None = None  # the request last asked for with `load`
        self._clock = clock
        self._fetch = fetch
        self._detail: QueueDetail | None = None
        self._placeholder_text: str | None = None
        self._images: dict[str, QImage] = {}  # url -> thumbnail, or the failure placeholder
        self._failed: set[str] = set()
        self._browser = QTextBrowser(self)
        self._browser.setObjectName("refundDetail")
        self._browser.setOpenLinks(False)
        self._browser.document().setDefaultStyleSheet(
            CSS + ".note { background-color: #fff8c5; } " + ARBITRATION_CSS
        )
        self.pending_bar = QFrame(self)
        self.pending_bar.setObjectName("automaticPending")
        self.pending_label = QLabel(self.pending_bar)
        self.pending_label.setObjectName("automaticPendingText")
        self.pending_label.setWordWrap(True)
        self.undo_button = QPushButton(self.pending_bar)
        self.undo_button.setObjectName("undoAutomatic")
        self.undo_button.clicked.connect(self.undo_pending)
        bar = QHBoxLayout(self.pending_bar)
        bar.addWidget(self.pending_label, 1)
        bar.addWidget(self.undo_button)
        self.pending_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pending_bar)
        layout.addWidget(self._browser)
        self.show_placeholder(None)

    def detail(self) -> QueueDetail | None:
        return self._detail

    def text(self) -> str:
        return self._browser.toPlainText()

    def loaded_images(self) -> dict[str, bool]:
        """Evidence URL -> whether its picture arrived (False: the placeholder shows)."""
        return {url: url not in self._failed for url in self._images}

    def load(self, aftersale_id: str) -> None:
        """Read request `aftersale_id` on the database lane and show it (unless another
        request was asked for meanwhile)."""
        self._wanted, now = aftersale_id, int(self._clock())

        def read(session: Session) -> tuple[QueueDetail | None, PendingAutomatic | None]:
            detail = queue_detail(session, aftersale_id, now=now, rules=self._rules)
            return detail, pending_for(session, [aftersale_id]).get(aftersale_id)

        self._tasks.read("refunds.detail", self._sessions, read, self._on_loaded)

    def _on_loaded(self, answer: tuple[QueueDetail | None, PendingAutomatic | None]) -> None:
        detail, pending = answer
        if detail is None:
            self.show_placeholder(self.tr("This request is no longer in the local copy."))
        elif detail.row.aftersale_id == self._wanted:
            self.show_detail(detail)
            self._show_pending(pending)
        self.loaded.emit()

    def show_detail(self, detail: QueueDetail) -> None:
        self._detail = detail
        for url in image_urls(detail):
            if url not in self._images:
                self._request_image(url)
        self._render()

    def show_placeholder(self, text: str | None) -> None:
        self._detail = None
        self._placeholder_text = text
        self._show_pending(None)
        self._render()

    # --- a rule's decision waiting out its undo window ----------------------------------
    def pending(self) -> PendingAutomatic | None:
        return self._pending

    def _show_pending(self, pending: PendingAutomatic | None) -> None:
        self._pending = pending
        self.pending_bar.setVisible(pending is not None)
        if pending is not None:
            template, params = describe(pending, self._tz)
            self.pending_label.setText(service_words("automation", template, params))
            may_undo = self._actor is not None and allowed(self._actor, Action.DECIDE_REFUND)
            self.undo_button.setVisible(may_undo)
            self.undo_button.setEnabled(may_undo)
        self.undo_button.setText(self.tr("Undo"))

    def undo_pending(self) -> None:
        """Withdraw the rule's decision before it goes; the pane and the queue read again."""
        pending, actor = self._pending, self._actor
        if pending is None or actor is None:
            return
        aftersale_id, now = pending.aftersale_id, int(self._clock())

        def withdraw() -> None:
            with self._sessions.begin() as session:
                undo(session, actor, aftersale_id, now=now)

        def done(_: None) -> None:
            self.load(aftersale_id)
            self.undone.emit(aftersale_id)

        def refused(error: BaseException) -> None:
            self.pending_label.setText(refusal_text(error))
            self.undo_button.setEnabled(False)  # the queue's next reading shows where it went

        self.undo_button.setEnabled(False)
        self._tasks.run("refunds.undo_automatic", withdraw, done, refused)

    def refresh_countdown(self) -> None:
        if self._detail is not None:
            self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_pending(self._pending)
            self._render()
        super().changeEvent(event)

    # --- evidence pictures -------------------------------------------------------------
    def _request_image(self, url: str) -> None:
        request_picture(self._tasks, self._sessions, self._fetch, url, self._on_image)

    def _on_image(self, url: str, data: bytes | None) -> None:
        image = QImage()
        if data is None or not image.loadFromData(data):
            self._failed.add(url)
            image = placeholder("×")
        self._images[url] = image.scaled(
            THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        if self._detail is not None and url in image_urls(self._detail):
            self._render()

    # --- the page ------------------------------------------------------------------------
    def _render(self) -> None:
        scroll = self._browser.verticalScrollBar().value()
        if self._detail is None:
            text = self._placeholder_text or self.tr(
                "Select a request to see the order, the buyer's evidence and its history."
            )
            self._browser.setHtml(f"<p class='muted' align='center'><br><br>{escape(text)}</p>")
            return
        document = self._browser.document()
        for number, url in enumerate(image_urls(self._detail)):
            image = self._images.get(url) or placeholder("…")
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"evidence:{number}"), image)
        self._browser.setHtml(self._html(self._detail))
        self._browser.verticalScrollBar().setValue(scroll)

    def _html(self, d: QueueDetail) -> str:
        return "".join(
            (
                self._header_html(d),
                self._section(self.tr("The buyer says"), self._words_html(d)),
                self._section(self.tr("Order"), self._order_html(d)),
                self._section(self.tr("Shipping and return"), self._parcels_html(d)),
                self._section(self.tr("History"), self._history_html(d)),
            )
        )

    def _header_html(self, d: QueueDetail) -> str:
        row = d.row
        left = row.status_deadline - int(self._clock())
        if row.expired_while_offline or left <= 0:
            countdown, css = self.tr("expired — probably decided by the platform"), "muted"
        else:
            countdown = formatting.duration(left)
            css = "overdue" if left <= RED_WITHIN_S else "soon" if left <= AMBER_WITHIN_S else ""
        kind = word_label(REQUEST_KIND_LABELS, row.kind)
        status = word_label(REQUEST_STATE_LABELS, row.state)
        reply_by = self.tr("reply by {time}").format(
            time=formatting.shop_time(row.status_deadline, tz=self._tz)
        )
        facts = [
            (
                self.tr("Refund"),
                f"<b>{escape(formatting.money(row.refund_amount, row.currency))}</b>"
                + self._refund_progress(row),
            ),
            (
                self.tr("Reply within"),
                f"<span class='{css}'>{escape(countdown)}</span> "
                f"<span class='muted'>{escape(reply_by)}</span>",
            ),
            (self.tr("Rule"), escape(refunds_text(row.rule_text_en, row.rule_params))),
            (self.tr("Source"), f"<span class='muted'>{escape(self._rule_source(row))}</span>"),
            (
                self.tr("Suggestion"),
                # A request there for the platform's arbitration alone: no decision of the app's fits.
                escape(
                    arbitration_marks.instead_of_suggestion(row)
                    or refunds_text(row.suggestion_reason_en, row.rule_params)
                ),
            ),
        ]
        pending = ""
        if row.pending:
            badge = self.tr("pending — waiting to be sent to the platform")
            if refusal_evidence.in_picture_review(row.pending_problem):  # the push's words, context "sync"
                badge = QCoreApplication.translate("sync", row.pending_problem or "")
            pending = f"&nbsp;&nbsp;<span class='note'>&nbsp;{escape(badge)}&nbsp;</span>"
        arbitration = arbitration_marks.arbitration_line(row, self._tz)
        if arbitration:  # the platform's arbitration, with what the shop must do and by when
            arbitration = (
                "<table width='100%' cellpadding='6'><tr>"
                f"<td class='arbitration'>{escape(arbitration)}</td></tr></table>"
            )
        return (
            f"<h2>{escape(kind)} · {escape(row.aftersale_id)}</h2>"
            f"<p><span class='chip'>&nbsp;{escape(status)}&nbsp;</span>{pending}</p>"
            + arbitration
            + self._facts(facts)
        )

    def _refund_progress(self, row: QueueRow) -> str:
        """Where the money stands, when it has moved (or the platform sent a code unknown here)."""
        if row.refund_state is None and row.refund_status is not None:
            words = self.tr("refund status {code}, unknown to this app").format(code=row.refund_status)
        elif row.refund_state in MONEY_MOVED:
            words = word_label(REFUND_STATE_LABELS, row.refund_state)
        else:
            return ""
        return f" <span class='muted'>· {escape(words)}</span>"

    def _words_html(self, d: QueueDetail) -> str:
        words = escape(d.buyer_words or "—")
        parts = [f"<table width='100%' cellpadding='6'><tr><td class='note'>{words}</td></tr></table>"]
        if d.order_buyer_words:
            note = self.tr("Note on the order: {words}").format(words=d.order_buyer_words)
            parts.append(f"<p class='muted'>{escape(note)}</p>")
        if d.evidence_urls:
            images = "&nbsp;".join(
                f"<img src='evidence:{n}' width='{THUMB}' height='{THUMB}'>"
                for n in range(len(d.evidence_urls))
            )
            parts.append(f"<p>{images}</p>")
        else:
            none = self.tr("No evidence images.")  # not inside the f-string: lupdate would miss it
            parts.append(f"<p class='muted'>{escape(none)}</p>")
        return "".join(parts)

    def _order_html(self, d: QueueDetail) -> str:
        row = d.row
        status = word_label(ORDER_STATE_LABELS, row.order_state)
        head = f"<p><b>{escape(row.order_id)}</b> · {escape(status)}"
        if row.order_pay_amount is not None:
            head += f" · {escape(formatting.money(row.order_pay_amount, row.currency))}"
        head += "</p>"
        lines = "".join(
            f"<tr><td>{escape(line.product_name)}<br><span class='muted'>{escape(line.spec)}</span></td>"
            f"<td align='right'>×{line.item_num}</td>"
            f"<td align='right'>{escape(formatting.money(line.pay_amount, row.currency))}</td></tr>"
            for line in d.lines
        )
        return head + (f"<table width='100%'>{lines}</table>" if lines else "")

    def _parcels_html(self, d: QueueDetail) -> str:
        facts = [
            (
                parcel.company_name or self.tr("Carrier"),
                f"<b>{escape(parcel.tracking_no)}</b> "
                f"<span class='muted'>{escape(formatting.shop_time(parcel.ship_time, tz=self._tz))}</span>",
            )
            for parcel in d.parcels
        ]
        if not facts:
            facts.append((self.tr("Sent"), escape(self.tr("Not shipped yet."))))
        if d.return_tracking_no:
            carrier = d.return_company_name or self.tr("Carrier")
            facts.append(
                (
                    self.tr("Return"),
                    f"<b>{escape(d.return_tracking_no)}</b> <span class='muted'>{escape(carrier)}</span>",
                )
            )
        return self._facts(facts)

    def _history_html(self, d: QueueDetail) -> str:
        return self._facts(history_facts(d, self._tz))

    def _rule_source(self, row: QueueRow) -> str:
        """Where the rule's numbers come from: the rule file's source, or "ours"."""
        if row.rule_source == "ours" or not row.rule_source:
            return self.tr("ours: the project's estimate, not a published rule")
        return self.tr("{source}, in force since {date}").format(
            source=row.rule_source, date=row.rule_source_effective
        )

    @staticmethod
    def _section(title: str, body: str) -> str:
        return f"<h3>{escape(title)}</h3>{body}"

    @staticmethod
    def _facts(facts: list[tuple[str, str]]) -> str:
        rows = "".join(f"<tr><td class='muted'>{escape(k)}</td><td>{v}</td></tr>" for k, v in facts)
        return f"<table>{rows}</table>"
