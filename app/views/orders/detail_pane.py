"""The orders screen's right-hand pane: one order, everything about it.

Owns `OrderDetailPane`, which renders an `OrderDetail` as a read-only rich-text page:
status and deadline, the SKU lines with their specs, the amounts (goods, shipping,
discounts and paid, which add up to the lines shown), the receiver (masked),
the buyer's and seller's notes, parcels with tracking numbers (selectable, to paste
into a carrier's site) and the order's after-sale requests. It re-renders itself on
a language change and when the countdown ticks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from app.core.shop_time import SHOP_TZ
from app.core.vocabulary import ORDER_STATE_LABELS, REQUEST_KIND_LABELS, REQUEST_STATE_LABELS, OrderState
from app.services.orders.queries import OrderDetail
from app.services.people.masking import mask_address, mask_name, mask_phone
from app.views.common import formatting
from app.views.common.formatting import Urgency, word_label

CSS = """
h2 { font-size: 15pt; margin: 0 0 2px 0; }
h3 { font-size: 11pt; color: #57606a; margin: 14px 0 4px 0; }
.muted { color: #6e7781; }
.chip { background-color: #ddf4ff; color: #0969da; }
.done { background-color: #dafbe1; color: #1a7f37; }
.gone { background-color: #eaeef2; color: #57606a; text-decoration: line-through; }
.overdue { color: #c62828; font-weight: 600; }
.urgent { color: #d84315; font-weight: 600; }
.soon { color: #9a6700; font-weight: 600; }
.note { background-color: #fff8c5; }
.amount { text-align: right; }
td { padding: 2px 8px 2px 0; }
"""
URGENCY_CLASSES = {Urgency.OVERDUE: "overdue", Urgency.URGENT: "urgent", Urgency.SOON: "soon"}


def _muted(text: str) -> str:
    return f"<span class='muted'>{escape(text)}</span>"


def _muted_paragraph(text: str) -> str:
    return f"<p class='muted'>{escape(text)}</p>"


class OrderDetailPane(QWidget):
    """Shows one order, or a short sentence when none is selected."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], int] = formatting.now_utc,
        tz: tzinfo = SHOP_TZ,
    ) -> None:
        """`tz`: the shop's clock (its rule set's), every time is shown on."""
        super().__init__(parent)
        self._clock, self._tz = clock, tz
        self._detail: OrderDetail | None = None
        self._placeholder: str | None = None
        self._browser = QTextBrowser(self)
        self._browser.setObjectName("orderDetail")
        self._browser.setOpenLinks(False)
        self._browser.document().setDefaultStyleSheet(CSS)
        self._browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._browser)
        self.show_placeholder(None)

    def detail(self) -> OrderDetail | None:
        return self._detail

    def status_class(self) -> str:
        """How the shown order's status is marked: completed green, cancelled grey and
        struck through (so the two finished states never look alike), others blue."""
        detail = self.detail()
        state = detail.row.state if detail is not None else None
        return {OrderState.COMPLETED: "chip done", OrderState.CANCELLED: "chip gone"}.get(state or "", "chip")

    def text(self) -> str:
        return self._browser.toPlainText()

    def show_detail(self, detail: OrderDetail) -> None:
        self._detail = detail
        self._render()

    def show_placeholder(self, text: str | None) -> None:
        """No order to show; `text` says why (None: "Select an order")."""
        self._detail = None
        self._placeholder = text
        self._render()

    def refresh_countdown(self) -> None:
        if self._detail is not None and self._detail.row.to_ship:
            self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    def _render(self) -> None:
        scroll = self._browser.verticalScrollBar().value()
        if self._detail is None:
            text = self._placeholder or self.tr("Select an order to see its items, parcels and after-sales.")
            self._browser.setHtml(f"<p class='muted' align='center'><br><br>{escape(text)}</p>")
            return
        self._browser.setHtml(self._html(self._detail))
        self._browser.verticalScrollBar().setValue(scroll)

    def _html(self, d: OrderDetail) -> str:
        return "".join(
            (
                self._header_html(d),
                self._section(self.tr("Items"), self._lines_html(d)),
                self._section(self.tr("Amounts"), self._amounts_html(d)),
                self._section(self.tr("Receiver"), self._receiver_html(d)),
                self._notes_html(d),
                self._section(self.tr("Parcels"), self._parcels_html(d)),
                self._section(self.tr("After-sales"), self._after_sales_html(d)),
            )
        )

    def _header_html(self, d: OrderDetail) -> str:
        row = d.row
        now = self._clock()
        created = self.tr("Created {time}").format(time=formatting.shop_time(row.create_time, tz=self._tz))
        status = word_label(ORDER_STATE_LABELS, row.state)
        facts: list[tuple[str, str]] = []
        if row.to_ship and row.ship_by is not None:
            css = URGENCY_CLASSES.get(formatting.urgency(row.ship_by - now), "")
            if row.exp_ship_time:
                promise = self.tr("platform promise")
            else:
                promise = self.tr("default promise, rule set {rule_set}").format(rule_set=d.rule_set)
            when = self.tr("{time}, {promise}").format(
                time=formatting.shop_time(row.ship_by, tz=self._tz), promise=promise
            )
            countdown = formatting.countdown(row.ship_by, now)
            facts.append(
                (self.tr("Ship by"), f"<span class='{css}'>{escape(countdown)}</span> {_muted(when)}")
            )
        if row.pay_time:
            facts.append((self.tr("Paid at"), escape(formatting.shop_time(row.pay_time, tz=self._tz))))
        if d.ship_time:
            facts.append((self.tr("Shipped at"), escape(formatting.shop_time(d.ship_time, tz=self._tz))))
            # Delivery is the platform's receipt time, never a guess from the shipping time.
            received = (
                escape(formatting.shop_time(d.receipt_time, tz=self._tz))
                if d.receipt_time
                else _muted(self.tr("not yet: the platform has not reported the goods received"))
            )
            facts.append((self.tr("Received at"), received))
        facts.append((self.tr("Amount"), f"<b>{escape(formatting.money(row.pay_amount, row.currency))}</b>"))
        return (
            f"<h2>{escape(row.order_id)}</h2>"
            f"<p><span class='{self.status_class()}'>&nbsp;{escape(status)}&nbsp;</span>"
            f"&nbsp;&nbsp;{_muted(created)}</p>" + self._facts(facts)
        )

    def _lines_html(self, d: OrderDetail) -> str:
        if not d.lines:
            return f"<p>{escape(d.row.items_summary)}</p>"
        cells = []
        for line in d.lines:
            after_sale = ""
            if line.after_sale_state:  # None means "no after-sale" on a line
                label = word_label(REQUEST_STATE_LABELS, line.after_sale_state)
                text = self.tr("After-sale: {status}").format(status=label)
                after_sale = f"<br><span class='urgent'>{escape(text)}</span>"
            # The line at list price, as the goods figure below adds it up; its share of
            # the discounts beside its spec.
            discount = ""
            if line.pay_amount < line.origin_amount:
                text = self.tr("Discount {amount}").format(
                    amount=formatting.money(line.pay_amount - line.origin_amount, d.row.currency)
                )
                discount = "<br>" + _muted(text)
            cells.append(
                f"<tr><td>{escape(line.product_name)}<br>{_muted(line.spec)}{discount}{after_sale}</td>"
                f"<td align='right'>×{line.item_num}</td>"
                f"<td align='right'>{escape(formatting.money(line.origin_amount, d.row.currency))}</td></tr>"
            )
        return "<table width='100%'>" + "".join(cells) + "</table>"

    def _amounts_html(self, d: OrderDetail) -> str:
        """Goods + shipping - discounts = paid, each the platform's own figure."""
        # Without lines: the platform's order amount is the goods at list price plus shipping.
        goods = sum(line.origin_amount for line in d.lines) if d.lines else d.order_amount - d.post_amount
        rows = [
            (self.tr("Goods"), goods),
            (self.tr("Shipping"), d.post_amount),
            (self.tr("Discounts"), -d.promotion_amount),
        ]
        # A price the shop changed after the order was placed is in what the buyer paid
        # but in none of the figures above: say so rather than show a sum that is wrong.
        adjustment = d.row.pay_amount - (goods + d.post_amount - d.promotion_amount)
        if adjustment:
            rows.append((self.tr("Price adjustments"), adjustment))
        cells = [
            f"<tr><td class='muted'>{escape(label)}</td>"
            f"<td align='right'>{escape(formatting.money(amount, d.row.currency))}</td></tr>"
            for label, amount in rows
        ]
        paid = self.tr("Paid")
        cells.append(
            f"<tr><td><b>{escape(paid)}</b></td>"
            f"<td align='right'><b>{escape(formatting.money(d.row.pay_amount, d.row.currency))}</b></td></tr>"
        )
        return "<table width='100%'>" + "".join(cells) + "</table>"

    def _receiver_html(self, d: OrderDetail) -> str:
        return (
            f"<p>{escape(mask_name(d.receiver_name))}&nbsp;&nbsp;{escape(mask_phone(d.receiver_tel))}"
            f"<br>{escape(mask_address(d.receiver_address))}</p>"
        )

    def _notes_html(self, d: OrderDetail) -> str:
        parts = []
        # lupdate does not look inside f-strings: every tr() stays outside them.
        if d.buyer_words:
            buyer = self.tr("Buyer:")
            parts.append(
                "<table width='100%' cellpadding='6'><tr><td class='note'>"
                f"<b>{escape(buyer)}</b> {escape(d.buyer_words)}</td></tr></table>"
            )
        if d.seller_words:
            seller = self.tr("Seller:")
            parts.append(f"<p><b>{escape(seller)}</b> {escape(d.seller_words)}</p>")
        return self._section(self.tr("Notes"), "".join(parts)) if parts else ""

    def _parcels_html(self, d: OrderDetail) -> str:
        if not d.parcels:
            return _muted_paragraph(self.tr("Not shipped yet."))
        facts = [
            (
                parcel.company_name or self.tr("Carrier"),
                f"<b>{escape(parcel.tracking_no)}</b> "
                + _muted(formatting.shop_time(parcel.ship_time, tz=self._tz)),
            )
            for parcel in d.parcels
        ]
        return self._facts(facts)

    def _after_sales_html(self, d: OrderDetail) -> str:
        if not d.after_sales:
            return _muted_paragraph(self.tr("No after-sale requests."))
        parts = []
        for request in d.after_sales:
            applied = self.tr("Applied {time}: {reason}").format(
                time=formatting.shop_time(request.apply_time, tz=self._tz), reason=request.reason_text or "—"
            )
            deadline = ""
            if request.status_deadline:
                reply_by = self.tr("Reply by {time}").format(
                    time=formatting.shop_time(request.status_deadline, tz=self._tz)
                )
                deadline = "<br>" + _muted(reply_by)
            parts.append(
                f"<p><b>{escape(word_label(REQUEST_KIND_LABELS, request.kind))}</b> · "
                f"{escape(word_label(REQUEST_STATE_LABELS, request.state))} · "
                f"{escape(formatting.money(request.refund_amount, request.currency))}"
                f"<br>{_muted(applied)}{deadline}</p>"
            )
        return "".join(parts)

    @staticmethod
    def _section(title: str, body: str) -> str:
        return f"<h3>{escape(title)}</h3>{body}"

    @staticmethod
    def _facts(facts: list[tuple[str, str]]) -> str:
        """A two-column table: plain-text keys, HTML values."""
        rows = "".join(
            f"<tr><td class='muted'>{escape(key)}</td><td>{value}</td></tr>" for key, value in facts
        )
        return f"<table>{rows}</table>"
