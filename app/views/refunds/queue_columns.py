"""The refund queue's columns, and how each cell of them reads.

Owns the column numbers, the colours and the deadline thresholds, and `QueueColumns`,
mixed into `RefundQueueModel` (before the Qt base class): each cell's text, colour
and tooltip — the live countdown to the request's `status_deadline` coloured by how
close it is (under an hour red and bold, under six hours amber; a deadline that
passed while the mirror still shows the request open reads "expired — probably
decided by the platform"), the request's type, reason, refund, product, the order's
state and parcels, the buyer's history, the rule that applies and its suggestion,
and the "pending" badge while a decision waits in the outbox (an owner's rule's says when it
goes, and the tooltip which rule: `automatic`, read with the rows); in the same column, a
request handed to the owner (who handed it and why in the tooltip) and, for a clerk,
one beyond their refund limits, so they know before opening a dialog — and the
widest words of each column, for sizing it without the data. `column_map()` hands
`ColumnTableModel` one `Column` per column (views/common/table_model.py), with the
service's sort key of the columns that sort. The model supplies the rows, the clock
and the translated words (`headers`, `_words`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont

from app.core import shop_time
from app.core.vocabulary import ORDER_STATE_LABELS, REQUEST_KIND_LABELS
from app.services.automation.pending import PendingAutomatic, describe
from app.services.refunds.after_sale_rules import EVIDENCE_TIER_TEXTS
from app.services.refunds.queue import QueueRow
from app.services.refunds.refusal_evidence import PROBLEM_REVIEW_URGENT, in_picture_review
from app.views.common import formatting
from app.views.common.formatting import HOUR, refunds_text, word_label
from app.views.common.people_words import refusal_text, service_words
from app.views.common.table_model import ALIGN_CENTER, ALIGN_LEFT, ALIGN_RIGHT, Column
from app.views.refunds import arbitration_marks

COL_DEADLINE = 0
COL_PENDING = 1
COL_TYPE = 2
COL_REASON = 3
COL_AMOUNT = 4
COL_SUGGESTION = 5  # before the wide columns: what to do next is what the clerk reads first
COL_PRODUCT = 6
COL_ORDER = 7
COL_BUYER = 8
COL_RULE = 9
COLUMN_COUNT = 10

RED_WITHIN_S = HOUR  # impossible to miss: top of the queue, red and bold
AMBER_WITHIN_S = 6 * HOUR
RED = QColor("#c62828")
AMBER = QColor("#9a6700")
MUTED = QColor("#8a8f98")
PENDING_BG = QColor("#fff1c2")
ATTENTION_BG = QColor("#ffd8d3")
HANDED_BG = QColor("#dbe9ff")
HANDED = QColor("#0550ae")
SUGGESTION_COLOURS = {"approve": QColor("#1a7f37"), "refuse": RED, "inspect": QColor("#0969da")}
REPEAT_BUYER = 3  # from this many requests in 90 days the history is worth a look

# The `list_queue` sort key behind each sortable column; the others do not sort.
COLUMN_SORT_KEYS = {
    COL_DEADLINE: "deadline",
    COL_TYPE: "kind",
    COL_AMOUNT: "refund_amount",
    COL_PRODUCT: "product_name",
    COL_BUYER: "buyer_requests",
}
SORT_KEY_COLUMNS = {key: column for column, key in COLUMN_SORT_KEYS.items()}


class QueueColumns:
    """How the queue's cells read; the model holds the rows, the words and the shop's clock."""

    _tz: tzinfo  # the shop's clock (its rule set's), every time is shown on
    automatic: dict[str, PendingAutomatic]  # a rule's decision waiting in the outbox, by request

    def column_map(self) -> list[Column]:
        """The queue's columns, in column-number order. The refund's header and cells are
        right-aligned, the pending badge's cells centred under a left-aligned header."""

        def cell(
            text: Callable[[QueueRow], str], number: int, align: int = ALIGN_LEFT, **readers: Any
        ) -> Column:
            header_align = ALIGN_RIGHT if align == ALIGN_RIGHT else ALIGN_LEFT
            return Column(text, align, header_align, COLUMN_SORT_KEYS.get(number), **readers)

        return [
            cell(self._deadline_text, COL_DEADLINE, tooltip=self._deadline_tooltip,
                 foreground=self._deadline_colour, font=self._deadline_font),
            cell(self._pending_text, COL_PENDING, ALIGN_CENTER, tooltip=self._pending_tooltip,
                 foreground=self._pending_colour, background=self._pending_background,
                 font=lambda _row: self._bold),
            cell(self._type_text, COL_TYPE),
            cell(lambda row: row.reason_text, COL_REASON, tooltip=lambda row: row.reason_text),
            cell(lambda row: formatting.money(row.refund_amount, row.currency), COL_AMOUNT, ALIGN_RIGHT),
            cell(self._suggestion_text, COL_SUGGESTION, tooltip=self._suggestion_tooltip,
                 foreground=self._suggestion_colour),
            cell(_product_text, COL_PRODUCT, tooltip=_product_text),
            cell(self._order_text, COL_ORDER, tooltip=self._order_text),
            cell(self._buyer_text, COL_BUYER,
                 foreground=lambda row: AMBER if row.buyer_requests_90d >= REPEAT_BUYER else None),
            cell(self._rule_text, COL_RULE, tooltip=self._rule_tooltip,
                 foreground=lambda row: RED if row.window_open is False else None),
        ]  # fmt: skip

    def sample_texts(self) -> dict[int, list[str]]:
        """The widest texts each column shows in this language, for sizing without the data."""
        types = [word_label(REQUEST_KIND_LABELS, kind) for kind in REQUEST_KIND_LABELS]
        words = self._words
        return {
            COL_DEADLINE: [
                self.headers[COL_DEADLINE],
                formatting.duration(23 * HOUR + 59 * 60),
                words["expired"],
            ],
            COL_PENDING: [
                self.headers[COL_PENDING],
                *(words[key] for key in ("pending", "picture_review", "attention", "handed", "beyond")),
                words["automatic"].format(time="23:59"),
                *arbitration_marks.sample_marks(),
            ],
            COL_TYPE: [self.headers[COL_TYPE], *types],
            COL_REASON: ["质量问题，不出雾气了"],
            COL_AMOUNT: ["¥12,345.00"],
            COL_PRODUCT: ["家用静音加湿器 白色 ×1"],
            COL_ORDER: [self.headers[COL_ORDER], self._order_sample()],
            COL_BUYER: [words["first"], self.tr("{count} requests in 90 days").format(count=12)],
            COL_RULE: ["M" * 24],
            COL_SUGGESTION: [
                self.headers[COL_SUGGESTION],
                words["review"],
                words["inspect"],
                arbitration_marks.sample_suggestion(),
            ],
        }

    # --- how each cell reads ---------------------------------------------------------------
    def _deadline_text(self, row: QueueRow) -> str:
        if self.is_expired(row):
            return self._words["expired"]
        return formatting.duration(self.seconds_left(row))

    def _pending_text(self, row: QueueRow) -> str:
        if row.pending and (rule := self.automatic.get(row.aftersale_id)) is not None:
            return self._words["automatic"].format(
                time=shop_time.datetime_of(rule.not_before, self._tz).strftime("%H:%M")
            )
        if row.pending:
            return self._words["picture_review" if in_picture_review(row.pending_problem) else "pending"]
        if row.needs_attention:
            return self._words["attention"]
        if mark := arbitration_marks.queue_mark(row):
            return mark
        if row.handed_reason:
            return self._words["handed"]
        return self._words["beyond"] if self.beyond_limits(row) is not None else ""

    def _suggestion_text(self, row: QueueRow) -> str:
        return arbitration_marks.instead_of_suggestion(row) or self._words.get(row.suggestion, row.suggestion)

    def _suggestion_tooltip(self, row: QueueRow) -> str:
        if arbitration_marks.instead_of_suggestion(row):
            return arbitration_marks.arbitration_line(row, self._tz)
        return refunds_text(row.suggestion_reason_en, row.rule_params)

    def _suggestion_colour(self, row: QueueRow) -> QColor | None:
        if arbitration_marks.instead_of_suggestion(row):
            return arbitration_marks.MARK
        return SUGGESTION_COLOURS.get(row.suggestion)

    def _type_text(self, row: QueueRow) -> str:
        return word_label(REQUEST_KIND_LABELS, row.kind)

    def _buyer_text(self, row: QueueRow) -> str:
        if row.buyer_requests_90d <= 1:
            return self._words["first"]
        return self.tr("{count} requests in 90 days").format(count=row.buyer_requests_90d)

    def _order_sample(self) -> str:
        """The longest order-and-logistics words: the longest order status, shipped or
        not, and a return parcel's number (what `_order_text` writes at its longest)."""
        status = max((word_label(ORDER_STATE_LABELS, state) for state in ORDER_STATE_LABELS), key=len)
        sent = max(self._words["shipped"], self._words["not_shipped"], key=len)
        back = self.tr("return {tracking}").format(tracking="SF1400000000001")
        return f"{status} · {sent} · {back}"

    def _order_text(self, row: QueueRow) -> str:
        parts = [word_label(ORDER_STATE_LABELS, row.order_state)]
        parts.append(self._words["shipped"] if row.has_tracking else self._words["not_shipped"])
        if row.return_tracking_no:
            parts.append(self.tr("return {tracking}").format(tracking=row.return_tracking_no))
        return " · ".join(parts)

    def _rule_text(self, row: QueueRow) -> str:
        parts = [refunds_text(row.rule_text_en, row.rule_params)]
        if row.window_open is not None:
            parts.append(self._words["open"] if row.window_open else self._words["closed"])
        if row.evidence_tier:
            tier = _evidence_words(row.evidence_tier)
            parts.append(self.tr("evidence: {tier}").format(tier=tier))
        return " · ".join(parts)

    def _deadline_colour(self, row: QueueRow) -> QColor | None:
        if self.is_expired(row):
            return MUTED
        left = self.seconds_left(row)
        if left <= RED_WITHIN_S:
            return RED
        return AMBER if left <= AMBER_WITHIN_S else None

    def _deadline_font(self, row: QueueRow) -> QFont | None:
        return self._bold if self.is_red(row) else None

    def _pending_colour(self, row: QueueRow) -> QColor:
        if row.pending:
            return RED if row.pending_problem == PROBLEM_REVIEW_URGENT else AMBER
        if row.needs_attention:
            return RED
        if arbitration_marks.queue_mark(row):
            return arbitration_marks.MARK
        return HANDED if row.handed_reason else AMBER

    def _pending_background(self, row: QueueRow) -> QColor | None:
        if row.pending:
            return PENDING_BG
        if row.needs_attention:
            return ATTENTION_BG
        if arbitration_marks.queue_mark(row):
            return arbitration_marks.MARK_BG
        return HANDED_BG if row.handed_by or row.handed_reason else None

    def _deadline_tooltip(self, row: QueueRow) -> str:
        text = self.tr("Reply by {time}").format(time=formatting.shop_time(row.status_deadline, tz=self._tz))
        if self.is_expired(row):
            text += "\n" + self.tr(
                "The deadline passed while this copy still shows the request open; "
                "the platform has probably agreed on the shop's behalf. Sync to be sure."
            )
        return text

    def _rule_tooltip(self, row: QueueRow) -> str:
        return self._rule_text(row) + "\n" + self.tr("Rule set: {name}").format(name=row.rule_set)

    def _pending_tooltip(self, row: QueueRow) -> str | None:
        if row.pending and in_picture_review(row.pending_problem):  # the push's words: context "sync"
            return QCoreApplication.translate("sync", row.pending_problem or "")
        if row.pending and (rule := self.automatic.get(row.aftersale_id)) is not None:
            return service_words("automation", *describe(rule, self._tz))  # when it goes, and which rule
        if row.pending:
            return self.tr("A decision made here is waiting to be sent to the platform.")
        if row.needs_attention:
            return self.tr("The platform did not take a decision on this request; see Needs attention.")
        if arbitration_marks.queue_mark(row):
            return arbitration_marks.arbitration_line(row, self._tz)
        if row.handed_reason:
            return self.tr("Handed to the owner by {name}: {reason}").format(
                name=row.handed_by, reason=row.handed_reason
            )
        if (denied := self.beyond_limits(row)) is not None:
            return refusal_text(denied) + "\n" + self.tr("Hand it to the owner with H.")
        return None


def _product_text(row: QueueRow) -> str:
    return f"{row.product_name} ×{row.item_num}"


def _evidence_words(tier: str) -> str:
    return QCoreApplication.translate("refunds", EVIDENCE_TIER_TEXTS.get(tier, tier))
