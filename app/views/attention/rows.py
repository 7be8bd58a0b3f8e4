"""What each row of the "needs attention" screen says, in the person's language.

Owns `row_texts()`, the four cells of an `AttentionItem` (what it concerns, what was
done, the platform's state, what happened). The rows themselves, and what the person
may do with each, come from the service (`services.attention.items`).
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication

from app.core.shop_time import SHOP_TZ
from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import ORDER_STATE_LABELS, REQUEST_STATE_LABELS, Decision
from app.models import outbox as outbox_state
from app.services.attention.items import AttentionItem
from app.views.common import formatting

# The screen's strings keep the screen's context, whichever module words them (lupdate
# needs the context written out in each QT_TRANSLATE_NOOP).
CONTEXT = "NeedsAttentionView"
DECISION_WORDS = {
    Decision.APPROVE_REFUND: QT_TRANSLATE_NOOP("NeedsAttentionView", "Approve the refund"),
    Decision.REFUSE_REFUND: QT_TRANSLATE_NOOP("NeedsAttentionView", "Refuse the refund"),
    Decision.AGREE_RETURN: QT_TRANSLATE_NOOP("NeedsAttentionView", "Agree to the return"),
    Decision.REFUSE_RETURN: QT_TRANSLATE_NOOP("NeedsAttentionView", "Refuse the return"),
    Decision.ACCEPT_RETURNED_GOODS: QT_TRANSLATE_NOOP("NeedsAttentionView", "Refund after inspection"),
    Decision.REFUSE_RETURNED_GOODS: QT_TRANSLATE_NOOP("NeedsAttentionView", "Refuse the returned goods"),
    Decision.AGREE_EXCHANGE: QT_TRANSLATE_NOOP("NeedsAttentionView", "Agree to the exchange or resend"),
    Decision.CONFIRM_EXCHANGE_RECEIPT: QT_TRANSLATE_NOOP(
        "NeedsAttentionView", "Confirm the exchanged goods arrived"
    ),
    Decision.SHIP_REPLACEMENT: QT_TRANSLATE_NOOP("NeedsAttentionView", "Send the resend's or repaired goods"),
}
SHIP_WITH = QT_TRANSLATE_NOOP("NeedsAttentionView", "Ship with {carrier}, tracking {tracking}")
SHIP_REFUSING_REFUND = QT_TRANSLATE_NOOP(
    "NeedsAttentionView", "Ship with {carrier}, tracking {tracking}, refusing the buyer's refund request"
)
ORDER_NUMBERED = QT_TRANSLATE_NOOP("NeedsAttentionView", "Order {order}")
MADE_AT = QT_TRANSLATE_NOOP("NeedsAttentionView", "{decision}\nmade {time}")
REFUSED = QT_TRANSLATE_NOOP("NeedsAttentionView", "refused")
REQUEST_CHANGED = QT_TRANSLATE_NOOP("NeedsAttentionView", "the request had changed")
ORDER_CHANGED = QT_TRANSLATE_NOOP("NeedsAttentionView", "the order had changed")
UNKNOWN = QT_TRANSLATE_NOOP("NeedsAttentionView", "unknown")
REFUND_ASKED = QT_TRANSLATE_NOOP("NeedsAttentionView", "The buyer asks for a refund of {amount}")
PLATFORM_SAID = QT_TRANSLATE_NOOP("NeedsAttentionView", "The platform said: {words}")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _platform_label(item: AttentionItem) -> str | None:
    """Where the request or order stands now, in the app's words, translated; None: unknown."""
    words = ORDER_STATE_LABELS if item.is_shipment else REQUEST_STATE_LABELS
    source = words.get(item.state_now) if item.state_now is not None else None
    return QCoreApplication.translate("vocabulary", source) if source else None


def _shipment_words(item: AttentionItem) -> str:
    details = item.op.details
    words = _tr(SHIP_REFUSING_REFUND if details.get("refuse_refund") else SHIP_WITH)
    return words.format(carrier=item.carrier_name, tracking=details.get("tracking_no", ""))


def row_texts(item: AttentionItem, tz: tzinfo = SHOP_TZ) -> list[str]:
    """The cells: what it concerns, what was done, the platform's state, what happened; its
    amounts in their currency, its time on the shop's clock `tz`."""
    op = item.op
    if item.is_shipment:
        subject = _tr(ORDER_NUMBERED).format(order=op.entity_id)
        done = _shipment_words(item)
        state = _tr(REFUSED if op.state == outbox_state.REJECTED else ORDER_CHANGED)
    else:
        subject = op.entity_id
        kind = DECISION_WORDS.get(item.decision) if item.decision is not None else None
        done = _tr(kind) if kind else op.decision
        if op.details.get("tracking_no"):  # the goods it sent out: which parcel
            done += "\n" + _shipment_words(item)
        state = _tr(REFUSED if op.state == outbox_state.REJECTED else REQUEST_CHANGED)
    platform = _platform_label(item) or _tr(UNKNOWN)
    platform = f"{platform}\n({state})"
    if item.refund_waiting:
        platform += "\n" + _tr(REFUND_ASKED).format(
            amount=formatting.money(item.refund_waiting, item.currency)
        )
    problem = formatting.problem_text(op.problem)
    said = _tr(PLATFORM_SAID).format(words=op.platform_message or "—")
    return [
        f"{subject}\n{item.subject} · {formatting.money(item.amount, item.currency)}",
        _tr(MADE_AT).format(decision=done, time=formatting.shop_time(op.created_at, tz=tz)),
        platform,
        "\n".join(part for part in (problem, said) if part),
    ]
