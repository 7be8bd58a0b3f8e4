"""The after-sale rules in plain words: what each rule says and why it suggests what it does.

Owns the English source texts (context "refunds", `{names}` filled from an assessment's
params after translation) that `after_sale_rules.assess` picks by key: `RULE_TEXTS` per
rule, `REASONS` per suggestion's reason. Kept apart from the judging so the rules read
as steps and the words as a table.
"""

from __future__ import annotations

from app.core.translation import QT_TRANSLATE_NOOP

# rule_key -> the rule in plain words ({names} filled from Assessment.params after translation).
RULE_TEXTS = {
    "return_fast_refund": QT_TRANSLATE_NOOP(
        "refunds",
        "Return fast refund: the buyer may be refunded when the parcel is handed over (up to {cap}).",
    ),
    "return_inspection": QT_TRANSLATE_NOOP("refunds", "Returned goods are inspected before the refund."),
    "exchange_receipt": QT_TRANSLATE_NOOP(
        "refunds", "Exchanged goods are inspected before the replacement is sent."
    ),
    "refund_before_shipment_shipped": QT_TRANSLATE_NOOP(
        "refunds", "A refund before shipment on an order that already has a tracking number."
    ),
    "fast_refund_before_shipment": QT_TRANSLATE_NOOP(
        "refunds", "Fast refund before shipment: no tracking number and paid at most {cap}."
    ),
    "refund_before_shipment": QT_TRANSLATE_NOOP("refunds", "Refund before shipment."),
    "exchange": QT_TRANSLATE_NOOP("refunds", "Exchange request."),
    "resend": QT_TRANSLATE_NOOP("refunds", "Resend request for missing or damaged items."),
    "repair": QT_TRANSLATE_NOOP("refunds", "Repair request."),
    "goods_to_send": QT_TRANSLATE_NOOP(
        "refunds", "Agreed resend or repair: the shop sends the goods before the deadline."
    ),
    "not_received": QT_TRANSLATE_NOOP("refunds", "The buyer says the goods never arrived."),
    "refund_in_transit": QT_TRANSLATE_NOOP(
        "refunds",
        "Refund in transit: the parcel has shipped and has not been received; "
        "the platform may already have refunded the buyer.",
    ),
    "fresh_claim": QT_TRANSLATE_NOOP(
        "refunds",
        "Fresh produce: claims within {hours} h of receipt; up to {bad}% bad goods, up to {refund}% refund.",
    ),
    "fresh_no_reason": QT_TRANSLATE_NOOP("refunds", "Fresh produce has no 7-day no-reason return."),
    "cosmetics_allergy": QT_TRANSLATE_NOOP(
        "refunds", "Cosmetics allergy: within {days} days of receipt, evidence by the product's value."
    ),
    "no_reason_7d": QT_TRANSLATE_NOOP(
        "refunds", "7 days no reason: {hours} h from 00:00 of the day after delivery, goods intact."
    ),
    "quality": QT_TRANSLATE_NOOP("refunds", "Quality or description complaint."),
    "general": QT_TRANSLATE_NOOP("refunds", "No special rule applies."),
}

REASONS = {
    "inspect_maybe_refunded": QT_TRANSLATE_NOOP(
        "refunds", "Inspect the goods on arrival; the buyer may already have been refunded."
    ),
    "inspect": QT_TRANSLATE_NOOP("refunds", "Inspect the returned goods, then refund or refuse."),
    "shipped_intercept": QT_TRANSLATE_NOOP(
        "refunds", "The goods have left: refuse (goods shipped) or intercept the parcel and refund."
    ),
    "fast_refund": QT_TRANSLATE_NOOP(
        "refunds", "The platform would refund this at once; approving matches what it does."
    ),
    "not_shipped": QT_TRANSLATE_NOOP(
        "refunds", "Not shipped yet: approve, after making sure no parcel left without a tracking number."
    ),
    "exchange": QT_TRANSLATE_NOOP("refunds", "Agree when the wanted size or model is in stock."),
    "resend": QT_TRANSLATE_NOOP("refunds", "Check the packing record, then agree or refuse."),
    "repair": QT_TRANSLATE_NOOP(
        "refunds", "Agree when the fault is one the shop repairs; the goods come back first."
    ),
    "send_goods": QT_TRANSLATE_NOOP(
        "refunds", "Agreed: send the goods and enter their tracking number before the deadline."
    ),
    "inspect_then_send": QT_TRANSLATE_NOOP(
        "refunds",
        "Check the returned goods, then send the new (or repaired) goods with their tracking number, "
        "or refuse them.",
    ),
    "check_tracking": QT_TRANSLATE_NOOP(
        "refunds",
        "Check the parcel's tracking: refund if it was lost, refuse with proof if it was signed for.",
    ),
    "outside_window": QT_TRANSLATE_NOOP("refunds", "The buyer applied after the window closed."),
    "intercept_refunded": QT_TRANSLATE_NOOP(
        "refunds",
        "The platform marks this a fast refund: the buyer may already have the money. "
        "Ask the carrier to intercept the parcel so the goods come back, and agree.",
    ),
    "intercept_in_transit": QT_TRANSLATE_NOOP(
        "refunds",
        "Ask the carrier to intercept the parcel (or the buyer to refuse it) and agree; "
        "refuse only if the tracking shows it was delivered.",
    ),
    "window_unknown": QT_TRANSLATE_NOOP(
        "refunds",
        "The platform has not reported the goods received, so the window has not started; "
        "look at the parcel's tracking.",
    ),
    "within_band": QT_TRANSLATE_NOOP("refunds", "The refund ({share}%) is within what the rule allows."),
    "check_bad_share": QT_TRANSLATE_NOOP(
        "refunds", "A refund of {share}% needs more than {bad}% of the goods bad; check the photos."
    ),
    "fresh_no_reason": QT_TRANSLATE_NOOP(
        "refunds", "Refuse: fresh produce is excluded from no-reason returns."
    ),
    "allergy_evidence": QT_TRANSLATE_NOOP("refunds", "Within the window; check the evidence: {tier_text}."),
    "no_reason_return": QT_TRANSLATE_NOOP(
        "refunds", "Within 7 days: agree to the return; the buyer pays postage."
    ),
    "no_reason_refund_only": QT_TRANSLATE_NOOP(
        "refunds", "A no-reason request should return the goods; ask the buyer or decide yourself."
    ),
    "quality_return": QT_TRANSLATE_NOOP(
        "refunds", "Agree to the return and inspect the goods when they arrive."
    ),
    "quality_refund_only": QT_TRANSLATE_NOOP(
        "refunds", "A refund without return: compare the buyer's photos with the complaint."
    ),
}
