"""What the refund screens say of a request's arbitration by the platform.

Owns the words of the mark in the refund queue's row (`queue_mark`, with its tooltip) and
of the line in the request's detail pane (`arbitration_line`), from the queue row's
`arbitration` (the app's word, vocabulary `ArbitrationState`), the platform's code beside it
and the deadline for the shop's evidence. A code the app does not know is shown as the
platform sent it, with what to do, never hidden. Context "RefundArbitration".
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.core.shop_time import SHOP_TZ
from app.core.vocabulary import ARBITRATION_OPEN, STATES_AWAITING_SHOP, ArbitrationState
from app.services.refunds.queue import QueueRow
from app.views.common import formatting

# The mark's colours: violet, apart from the queue's amber (pending) and red (attention).
MARK = QColor("#6639ba")
MARK_BG = QColor("#eee6ff")


def has_arbitration(row: QueueRow) -> bool:
    """Whether the platform's arbitration took the request up (or sent a code we do not know:
    Douyin's integer `arbitrate_status`, a text code's platform's `arbitration_code`)."""
    if row.arbitration is None:
        return row.arbitrate_status not in (None, 0) or bool(row.arbitration_code)
    return row.arbitration != ArbitrationState.NONE


def _code(row: QueueRow) -> str:
    """The arbitration's code as the platform sent it (TikTok Shop's text, Douyin's number)."""
    return row.arbitration_code or str(row.arbitrate_status)


def is_open(row: QueueRow) -> bool:
    """An arbitration the platform has not decided (or one whose code we do not know)."""
    return has_arbitration(row) and (row.arbitration is None or row.arbitration in ARBITRATION_OPEN)


def queue_mark(row: QueueRow) -> str:
    """The short mark in the queue's row for an open arbitration; "" for none."""
    if not is_open(row):
        return ""
    if row.arbitration == ArbitrationState.AWAITING_SHOP_EVIDENCE:
        return QCoreApplication.translate("RefundArbitration", "evidence due")
    return QCoreApplication.translate("RefundArbitration", "in arbitration")


def sample_marks() -> list[str]:
    """Every mark, for sizing the column."""
    return [
        QCoreApplication.translate("RefundArbitration", "evidence due"),
        QCoreApplication.translate("RefundArbitration", "in arbitration"),
    ]


def arbitration_line(row: QueueRow, tz: tzinfo = SHOP_TZ) -> str:
    """The sentence the detail pane and the mark's tooltip show, its times on the shop's
    clock `tz`; "" for no arbitration."""
    if not has_arbitration(row):
        return ""
    state = row.arbitration
    if state is None:
        return QCoreApplication.translate(
            "RefundArbitration",
            "The platform's arbitration reports status {code}, which this app does not know. "
            "See the request in the platform's back office.",
        ).format(code=_code(row))
    if state == ArbitrationState.AWAITING_SHOP_EVIDENCE:
        if row.arbitration_deadline:
            return QCoreApplication.translate(
                "RefundArbitration",
                "In arbitration: the platform asks for the shop's evidence by {time}. "
                "Give it in the platform's back office, or the platform decides without it.",
            ).format(time=formatting.shop_time(row.arbitration_deadline, tz=tz))
        return QCoreApplication.translate(
            "RefundArbitration",
            "In arbitration: the platform asks for the shop's evidence. Its deadline is not read yet; "
            "see the request in the platform's back office.",
        )
    sentences = {
        ArbitrationState.IN_PROGRESS: QCoreApplication.translate(
            "RefundArbitration", "In arbitration: the platform is judging the dispute."
        ),
        ArbitrationState.NEGOTIATION: QCoreApplication.translate(
            "RefundArbitration",
            "In arbitration: the platform gives the shop and the buyer time to agree first.",
        ),
        ArbitrationState.DECIDED_FOR_BUYER: QCoreApplication.translate(
            "RefundArbitration", "Arbitration: the platform decided for the buyer."
        ),
        ArbitrationState.DECIDED_FOR_SHOP: QCoreApplication.translate(
            "RefundArbitration", "Arbitration: the platform decided for the shop."
        ),
        ArbitrationState.ENDED: QCoreApplication.translate(
            "RefundArbitration", "Arbitration: the platform has closed the case."
        ),
        ArbitrationState.CANCELLED: QCoreApplication.translate(
            "RefundArbitration", "Arbitration: the case was withdrawn."
        ),
    }
    return sentences.get(state, "")  # a word of a later release: its mark says enough


def sample_suggestion() -> str:
    """What `instead_of_suggestion` says, for sizing the column."""
    return QCoreApplication.translate("RefundArbitration", "give evidence")


def instead_of_suggestion(row: QueueRow) -> str:
    """What the suggestion column says of a request in the queue for its arbitration alone
    (refused, and the platform asks the shop's evidence): no decision of the app's fits it."""
    if row.arbitration == ArbitrationState.AWAITING_SHOP_EVIDENCE and row.state not in STATES_AWAITING_SHOP:
        return QCoreApplication.translate("RefundArbitration", "give evidence")
    return ""
