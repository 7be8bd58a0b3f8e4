"""The refund queue's right-hand pane: one after-sale request, everything about it.

Owns `RefundDetailPane`, which renders a `QueueDetail` as one read-only rich-text
page: the request (type, amount, how long is left to reply), the rule and the
suggestion, the buyer's words and evidence images, the order and its lines, the
parcels out and the return parcel back, and the request's history (audit events and
the outbox operations that carried decisions to the platform, with the pictures a
refusal carries: the clerk's own, kept in the database while the refusal waits to be
sent, the platform's copies after). Evidence thumbnails are fetched off the GUI thread
(kept pictures on the database lane, the others on the "net" lane) and put into the
page as document resources; a picture that cannot be fetched shows a grey placeholder.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

import requests
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.core.pictures import IMAGE_MAX_BYTES
from app.core.vocabulary import (
    ORDER_STATE_LABELS,
    REFUND_STATE_LABELS,
    REQUEST_KIND_LABELS,
    REQUEST_STATE_LABELS,
    RefundState,
)
from app.services.refunds import refusal_evidence
from app.services.refunds.detail import QueueDetail, queue_detail
from app.services.refunds.queue import QueueRow
from app.services.rules import RuleSet, rules_for
from app.views.common import formatting
from app.views.common.background import NET_LANE, BackgroundTasks
from app.views.common.formatting import refunds_text, word_label
from app.views.orders.detail_pane import CSS
from app.views.refunds import arbitration_marks
from app.views.refunds.queue_columns import AMBER_WITHIN_S, RED_WITHIN_S

THUMB = 96
# Refund states worth a word beside the amount: the money has moved, or failed to.
MONEY_MOVED = (RefundState.IN_PROGRESS, RefundState.SUCCEEDED, RefundState.FAILED, RefundState.RECOVERED)
# The arbitration line: the queue mark's violet (arbitration_marks.py).
ARBITRATION_CSS = (
    f".arbitration {{ background-color: {arbitration_marks.MARK_BG.name()}; "
    f"color: {arbitration_marks.MARK.name()}; font-weight: bold; }}"
)
FETCH_TIMEOUT_S = 5
MAX_IMAGE_BYTES = IMAGE_MAX_BYTES  # the platform's own limit for a picture


def fetch_image(url: str) -> bytes:
    """The bytes of an evidence picture (http(s), or a file:// picked here); raises on
    failure. A refusal's `local-evidence:` pictures are read from the database instead."""
    if url.startswith("file://"):
        return Path(QUrl(url).toLocalFile()).read_bytes()[:MAX_IMAGE_BYTES]
    answer = requests.get(url, timeout=FETCH_TIMEOUT_S)
    answer.raise_for_status()
    return answer.content[:MAX_IMAGE_BYTES]


def image_urls(detail: QueueDetail) -> list[str]:
    """Every picture the page shows: the buyer's evidence first, then each decision's."""
    urls = list(detail.evidence_urls)
    for op in detail.operations:
        urls += [url for url in refusal_evidence.evidence_of(op.details) if url not in urls]
    return urls


def _placeholder(mark: str) -> QImage:
    image = QImage(THUMB, THUMB, QImage.Format.Format_RGB32)
    image.fill(QColor("#eaeef2"))
    painter = QPainter(image)
    painter.setPen(QColor("#8a8f98"))
    painter.drawRect(0, 0, THUMB - 1, THUMB - 1)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, mark)
    painter.end()
    return image


class RefundDetailPane(QWidget):
    """Shows one request (`load` reads it off the GUI thread), or a short sentence."""

    loaded = Signal()  # a request asked for with `load` was read and shown (or found gone)

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = formatting.now_utc,
        fetch: Callable[[str], bytes] = fetch_image,
        rules: RuleSet | None = None,
    ) -> None:
        """`rules`: the shop's rule set (None: Douyin's)."""
        super().__init__(parent)
        self._tasks, self._sessions, self._rules = tasks, sessions, rules
        self._tz = (rules or rules_for(None)).shipping.tz  # the shop's clock, the times are shown on
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
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
        read = lambda session: queue_detail(session, aftersale_id, now=now, rules=self._rules)  # noqa: E731
        self._tasks.read("refunds.detail", self._sessions, read, self._on_loaded)

    def _on_loaded(self, detail: QueueDetail | None) -> None:
        if detail is None:
            self.show_placeholder(self.tr("This request is no longer in the local copy."))
        elif detail.row.aftersale_id == self._wanted:
            self.show_detail(detail)
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
        self._render()

    def refresh_countdown(self) -> None:
        if self._detail is not None:
            self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    # --- evidence pictures -------------------------------------------------------------
    def _request_image(self, url: str) -> None:
        key = f"refunds.evidence.{url}"
        if refusal_evidence.is_local_reference(url):  # a picture a refusal keeps in the database
            self._tasks.read(
                key,
                self._sessions,
                lambda session: refusal_evidence.read_kept(session, url),
                lambda data: self._on_image(url, data),
                lambda _error: self._on_image(url, None),
            )
            return
        self._tasks.run(
            key,
            lambda: self._fetch(url),
            lambda data: self._on_image(url, data),
            lambda _error: self._on_image(url, None),
            lane=NET_LANE,
        )

    def _on_image(self, url: str, data: bytes | None) -> None:
        image = QImage()
        if data is None or not image.loadFromData(data):
            self._failed.add(url)
            image = _placeholder("×")
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
            image = self._images.get(url) or _placeholder("…")
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
        entries: list[tuple[int, str]] = [  # (when, html)
            (
                d.row.apply_time,
                escape(
                    self.tr("The buyer applied for {kind}").format(
                        kind=word_label(REQUEST_KIND_LABELS, d.row.kind)
                    )
                ),
            )
        ]
        for event in d.audit_events:
            what = self.tr("{who}: {action}").format(who=event.actor_name, action=action_words(event.action))
            entries.append((event.at, escape(what + (f" — {event.note}" if event.note else ""))))
        images = image_urls(d)
        for op in d.operations:
            text = self.tr("Sent to the platform: {state}").format(state=state_words(op.state))
            if op.platform_message:
                text += " — " + self.tr("the platform said: {words}").format(words=op.platform_message)
            pictures = "&nbsp;".join(
                f"<img src='evidence:{images.index(url)}' width='{THUMB}' height='{THUMB}'>"
                for url in refusal_evidence.evidence_of(op.details)
            )
            entries.append((op.created_at, escape(text) + (f"<br>{pictures}" if pictures else "")))
        entries.sort(key=lambda entry: entry[0])
        return self._facts([(formatting.shop_time(at, tz=self._tz), html) for at, html in entries])

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


def action_words(action: str) -> str:
    """An audit action of the after-sale decisions in plain words."""
    words = {
        "refund.approve": QCoreApplication.translate("RefundDetailPane", "approved the refund"),
        "refund.refuse": QCoreApplication.translate("RefundDetailPane", "refused the refund"),
        "return.approve": QCoreApplication.translate("RefundDetailPane", "agreed to the return"),
        "return.refuse": QCoreApplication.translate("RefundDetailPane", "refused the return"),
        "return.inspect": QCoreApplication.translate("RefundDetailPane", "inspected the returned goods"),
        "exchange.approve": QCoreApplication.translate("RefundDetailPane", "agreed to the exchange"),
        "exchange.send": QCoreApplication.translate("RefundDetailPane", "sent the goods"),
        "outbox.discard": QCoreApplication.translate("RefundDetailPane", "discarded a decision"),
        "outbox.reapply": QCoreApplication.translate("RefundDetailPane", "applied a decision again"),
        "request.hand_to_owner": QCoreApplication.translate("RefundDetailPane", "handed it to the owner"),
        "request.hand_back": QCoreApplication.translate("RefundDetailPane", "handed it back"),
    }
    return words.get(action, action)


def state_words(state: str) -> str:
    """Where an outbox operation stands, in plain words."""
    words = {
        "pending": QCoreApplication.translate("RefundDetailPane", "waiting to be sent"),
        "sending": QCoreApplication.translate("RefundDetailPane", "sending"),
        "done": QCoreApplication.translate("RefundDetailPane", "done"),
        "rejected": QCoreApplication.translate("RefundDetailPane", "refused by the platform"),
        "conflict": QCoreApplication.translate("RefundDetailPane", "the request had changed"),
        "discarded": QCoreApplication.translate("RefundDetailPane", "discarded"),
    }
    return words.get(state, state)
