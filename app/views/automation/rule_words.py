"""A decision rule in the owner's words: its action, why it stopped, and what it asks of a request.

Owns the sentences the rule list, the version history and the dry run share, in context
"AutomationWords": `action_label` (the service's own labels, context "automation"),
`status_words` (on, off, or stopped by itself and why, in plain words) and
`conditions_words` ("Douyin · Refund before shipment · up to ¥50.00 · not shipped yet"),
so a version read back months later says what it did without opening the form.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.vocabulary import REQUEST_KIND_LABELS, RequestKind
from app.services.automation.conditions import ACTION_LABELS, Conditions, RuleAction, RuleForm
from app.services.automation.stopped import REASON_WORDS
from app.views.common import formatting

SEPARATOR = " · "


def action_label(action: RuleAction | str) -> str:
    try:
        return QCoreApplication.translate("automation", ACTION_LABELS[RuleAction(action)])
    except ValueError:
        return str(action)


def _kind_label(kind: str) -> str:
    try:
        return QCoreApplication.translate("vocabulary", REQUEST_KIND_LABELS[RequestKind(kind)])
    except ValueError:
        return kind


def platform_label(platform: str) -> str:
    names = {
        "douyin": QCoreApplication.translate("AutomationWords", "Douyin"),
        "tiktok": QCoreApplication.translate("AutomationWords", "TikTok Shop"),
    }
    return names.get(platform, platform)


def status_words(enabled: bool, stopped_reason: str) -> str:
    """On, off, or why the rule switched itself off (the owner switches it on again), in the
    words the owner's "needs attention" uses (`stopped.REASON_WORDS`)."""
    if enabled:
        return QCoreApplication.translate("AutomationWords", "Deciding")
    if stopped_reason:
        reason = QCoreApplication.translate("automation", REASON_WORDS.get(stopped_reason, stopped_reason))
        return QCoreApplication.translate("AutomationWords", "Stopped itself: {reason}").format(reason=reason)
    return QCoreApplication.translate("AutomationWords", "Off")


def delay_words(seconds: int) -> str:
    return QCoreApplication.translate("AutomationWords", "{minutes} min").format(minutes=seconds // 60)


def cap_words(form: RuleForm, currency: str) -> str:
    if form.daily_cap_fen is None:
        return QCoreApplication.translate("AutomationWords", "no limit")
    return formatting.money(form.daily_cap_fen, currency)


def conditions_words(c: Conditions, currency: str) -> str:
    """Every condition that is not "any", in words; "every request" when none is set."""
    parts: list[str] = []
    if c.platforms:
        parts.append("/".join(platform_label(p) for p in c.platforms))
    if c.kinds:
        parts.append("/".join(_kind_label(kind) for kind in c.kinds))
    if c.reason_words:
        parts.append(
            QCoreApplication.translate("AutomationWords", "reason mentions {words}").format(
                words="/".join(c.reason_words)
            )
        )
    if c.max_amount_fen is not None:
        parts.append(
            QCoreApplication.translate("AutomationWords", "up to {amount}").format(
                amount=formatting.money(c.max_amount_fen, currency)
            )
        )
    if c.product_words or c.product_ids:
        parts.append(
            QCoreApplication.translate("AutomationWords", "product {words}").format(
                words="/".join(c.product_words + c.product_ids)
            )
        )
    if c.unshipped_only:
        parts.append(QCoreApplication.translate("AutomationWords", "not shipped yet"))
    if c.not_picked_up_only:
        parts.append(QCoreApplication.translate("AutomationWords", "parcel not picked up yet"))
    if c.max_buyer_requests is not None:
        parts.append(
            QCoreApplication.translate("AutomationWords", "buyer's earlier requests ≤ {count}").format(
                count=c.max_buyer_requests
            )
        )
    if c.max_buyer_refusals is not None:
        parts.append(
            QCoreApplication.translate("AutomationWords", "buyer's refused requests ≤ {count}").format(
                count=c.max_buyer_refusals
            )
        )
    if c.min_hours_left is not None:
        parts.append(
            QCoreApplication.translate("AutomationWords", "at least {hours} h before the deadline").format(
                hours=f"{c.min_hours_left:g}"
            )
        )
    return SEPARATOR.join(parts) if parts else QCoreApplication.translate("AutomationWords", "every request")
