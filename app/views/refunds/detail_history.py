"""The History section of the refund detail pane: what happened to the request, in order.

Owns turning a `QueueDetail`'s history into the page's lines: the buyer's application,
each audit event (who did what, in plain words: `action_words`), and each outbox operation
that carried a decision to the platform (where it stands: `state_words`, what the platform
said, and the pictures a refusal carries), sorted by time and dated in the shop's clock.
Words in the pane's translation context, "RefundDetailPane".
"""

from __future__ import annotations

from datetime import tzinfo
from html import escape

from PySide6.QtCore import QCoreApplication

from app.core.vocabulary import REQUEST_KIND_LABELS
from app.services.refunds import refusal_evidence
from app.services.refunds.detail import QueueDetail
from app.views.common import formatting
from app.views.common.formatting import word_label
from app.views.people.audit_words import automation_text, note_text
from app.views.refunds.detail_evidence import THUMB, image_urls


def history_facts(d: QueueDetail, tz: tzinfo) -> list[tuple[str, str]]:
    """The request's history as (shop time, html) lines, oldest first."""
    entries: list[tuple[int, str]] = [  # (when, html)
        (
            d.row.apply_time,
            escape(
                QCoreApplication.translate("RefundDetailPane", "The buyer applied for {kind}").format(
                    kind=word_label(REQUEST_KIND_LABELS, d.row.kind)
                )
            ),
        )
    ]
    for event in d.audit_events:
        what = QCoreApplication.translate("RefundDetailPane", "{who}: {action}").format(
            who=event.actor_name, action=action_words(event.action)
        )
        said = [words for words in (automation_text(event.after), note_text(event.note)) if words]
        entries.append((event.at, escape(" — ".join([what, *said]))))
    images = image_urls(d)
    for op in d.operations:
        text = QCoreApplication.translate("RefundDetailPane", "Sent to the platform: {state}").format(
            state=state_words(op.state)
        )
        if op.platform_message:
            text += " — " + QCoreApplication.translate(
                "RefundDetailPane", "the platform said: {words}"
            ).format(words=op.platform_message)
        pictures = "&nbsp;".join(
            f"<img src='evidence:{images.index(url)}' width='{THUMB}' height='{THUMB}'>"
            for url in refusal_evidence.evidence_of(op.details)
        )
        entries.append((op.created_at, escape(text) + (f"<br>{pictures}" if pictures else "")))
    entries.sort(key=lambda entry: entry[0])
    return [(formatting.shop_time(at, tz=tz), html) for at, html in entries]


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
