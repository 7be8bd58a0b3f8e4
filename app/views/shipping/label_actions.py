"""The shipping board's labels: "Print label" and the scanner's print-and-ship mode.

Owns `LabelActions`, which the board builds beside its tree and scan bar:
- "Print label" (button, the tree's context menu, Ctrl+Shift+P) for the selected
  orders of a TikTok shop, or the order just scanned in the scan bar (a reprint, also of
  an order shipped since): each label fetched off the GUI thread on the network lane
  (the kept copy when there is one: a reprint needs no network), then Qt's print preview
  of them all; "Save label as PDF…" keeps the platform's file where the person says.
  A Douyin shop's action is disabled, its tooltip saying why (Douyin prints its waybills
  with its own print component);
- print and ship (the scan bar's checkbox): the scanned order's label fetched (the order
  handed to TikTok Shipping first where TikTok gives the label only then), printed on
  the label printer chosen once (the print dialog at the first scan, kept for the next
  scans until the mode is turned off), and the order shipped with the provider and tracking number the
  platform gave (services/shipping/label_shipping.py). Each failure is said in plain
  words in the bar, the order number kept and selected so Enter tries again.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton, QTreeView, QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.services.people.permissions import Action, Actor, allowed
from app.services.shipping import label_shipping
from app.services.shipping.label_shipping import LabelDesk, ReadyToPrint
from app.services.shipping.labels import Label, LabelUnavailable
from app.services.shipping.shipments import QueuedShipment
from app.views.common.background import NET_LANE, BackgroundTasks
from app.views.common.people_words import refusal_text
from app.views.shipping.label_print import LabelPrinting
from app.views.shipping.scan_bar import ScanBar

TIKTOK = "tiktok"  # the shop's platform name as the settings keep it
SHORTCUT = "Ctrl+Shift+P"


def problem_words(error: BaseException) -> str:
    """A label refusal in plain words, the platform's own words beside ours."""
    text = refusal_text(error)
    said = getattr(error, "platform_words", "")
    return f"{text} ({said})" if said and said not in text else text


class LabelActions(QObject):
    printed = Signal(str)  # an order whose label was shown for printing
    shipped = Signal(object)  # QueuedShipment of a print-and-ship

    def __init__(
        self,
        board: QWidget,
        tree: QTreeView,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        actor: Actor | None,
        desk: LabelDesk | None,
        *,
        selected: Callable[[], list[str]],
        platform: str | None,
    ) -> None:
        super().__init__(board)
        self._board, self._tree, self._tasks, self._sessions = board, tree, tasks, sessions
        self._actor, self._desk, self._selected = actor, desk, selected
        self._tiktok = platform == TIKTOK and desk is not None
        self.printing = LabelPrinting(board)
        # The label printer chosen in print-and-ship's print dialog, used for every next scan
        # until the mode is turned off (`forget_printer`): one dialog per session at the bench.
        self.printer: QPrinter | None = None
        self.problem: QMessageBox | None = None  # the last "No label" message, for tests
        self._scan_bar: ScanBar | None = None
        self.button = QPushButton(board)
        self.button.setObjectName("printLabelButton")
        self.print_action = QAction(board)
        self.print_action.setShortcut(QKeySequence(SHORTCUT))
        self.print_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action = QAction(board)
        board.addAction(self.print_action)
        for action in (self.print_action, self.save_action):
            action.setEnabled(self._tiktok)
        self.button.setEnabled(self._tiktok)
        self.button.clicked.connect(self.print_selected)
        self.print_action.triggered.connect(self.print_selected)
        self.save_action.triggered.connect(self.save_selected)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._menu)
        self.retranslate_ui()

    @property
    def can_print_and_ship(self) -> bool:
        return self._tiktok and self._actor is not None and allowed(self._actor, Action.SHIP_ORDER)

    # --- Print label -----------------------------------------------------------------
    def orders(self) -> list[str]:
        """Whose labels to print: the order just scanned while the cursor is in the scan bar
        (a reprint, also of an order shipped since and gone from the board), else the board's
        selection."""
        field = self._scan_bar.order_edit if self._scan_bar is not None else None
        scanned = field.text().strip() if field is not None else ""
        if field is not None and scanned and (field.hasFocus() or not self._selected()):
            return [scanned]
        return self._selected()

    def print_selected(self) -> None:
        orders = self.orders()
        if not self._tiktok or not orders:
            return
        self._fetch(orders, lambda labels: self.show_preview(labels))

    def save_selected(self) -> None:
        orders = self.orders()[:1]
        if self._tiktok and orders:
            self._fetch(orders, self._save)

    def _save(self, labels: list[Label]) -> None:
        self.printing.save_as(labels[0].order_id, labels[0].pdf, self.tr("Save label as PDF"))

    def show_preview(self, labels: list[Label]) -> None:
        dialog = self.printing.open_preview([label.pdf for label in labels])
        dialog.setWindowTitle(
            self.tr("Print label: {orders}").format(orders=", ".join(label.order_id for label in labels))
        )
        for label in labels:
            self.printed.emit(label.order_id)
        dialog.open()

    def _fetch(self, orders: list[str], then: Callable[[list[Label]], None]) -> None:
        """Each order's label on the network lane; those got go to `then`, and every order
        without one is named with the reason in one message (nothing is dropped silently)."""
        assert self._desk is not None
        desk = self._desk
        self.button.setEnabled(False)

        def fetch_all() -> list[Label | LabelUnavailable]:
            got: list[Label | LabelUnavailable] = []
            for order_id in orders:
                try:
                    got.append(desk.labels.label(order_id))
                except LabelUnavailable as refused:
                    got.append(refused)
            return got

        def done(answers: list[Label | LabelUnavailable]) -> None:
            self.button.setEnabled(True)
            labels = [answer for answer in answers if isinstance(answer, Label)]
            missing = [
                (order_id, answer)
                for order_id, answer in zip(orders, answers, strict=True)
                if not isinstance(answer, Label)
            ]
            if missing:
                self._tell("\n\n".join(f"{order_id}: {problem_words(error)}" for order_id, error in missing))
            if labels:
                then(labels)

        def failed(error: BaseException) -> None:
            self.button.setEnabled(True)
            self._tell(problem_words(error))

        self._tasks.run("shipping.labels", fetch_all, done, failed, lane=NET_LANE)

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("No label"), text, parent=self._board)
        box.setObjectName("labelProblem")
        self.problem = box
        box.open()

    def _menu(self, at: QPoint) -> None:
        menu = QMenu(self._tree)
        menu.setObjectName("boardMenu")
        menu.addAction(self.print_action)
        menu.addAction(self.save_action)
        menu.popup(self._tree.viewport().mapToGlobal(at))

    # --- print and ship ---------------------------------------------------------------
    def attach(self, scan_bar: ScanBar, ok: Callable[[QueuedShipment, str], None]) -> None:
        """The scan bar's print-and-ship box, shown where this person may use it; a scanned
        order goes to `print_and_ship`, failures to the bar, `ok` when shipped."""
        self._scan_bar = scan_bar
        scan_bar.print_and_ship.setVisible(self.can_print_and_ship)
        scan_bar.print_and_ship.toggled.connect(lambda on: on or self.forget_printer())
        scan_bar.print_and_ship_requested.connect(
            lambda order_id: self.print_and_ship(order_id, scan_bar.show_order_problem, ok)
        )

    def print_and_ship(
        self, order_id: str, tell: Callable[[str, str], None], ok: Callable[[QueuedShipment, str], None]
    ) -> None:
        """The scanned order's label printed and the order shipped; `tell(order, words)`
        says a failure in the bar, `ok(queued, carrier name)` the shipment."""
        if self._desk is None or not self.can_print_and_ship:
            tell(order_id, self.tr("This shop's platform gives no labels to print from here."))
            return
        desk, actor, sessions = self._desk, self._actor, self._sessions

        def ready(answer: object) -> None:
            assert isinstance(answer, ReadyToPrint)
            self._print_then_ship(answer, tell, ok)

        def hand_over(_checked: object) -> None:
            self._tasks.run(
                f"shipping.print_and_ship.{order_id}",
                lambda: label_shipping.prepare(desk, order_id),
                ready,
                lambda error: tell(order_id, problem_words(error)),
                lane=NET_LANE,
            )

        def check() -> None:
            # The app's own checks first (refund request waiting, queued already…): the
            # platform is asked for nothing when the shipment would be refused here.
            assert actor is not None  # can_print_and_ship
            with sessions() as session:
                label_shipping.precheck(session, actor, order_id, now=int(time.time()))

        self._tasks.run(
            f"shipping.print_and_ship.{order_id}",
            check,
            hand_over,
            lambda error: tell(order_id, problem_words(error)),
        )

    def forget_printer(self) -> None:
        self.printer = None

    def _print_then_ship(
        self, ready: ReadyToPrint, tell: Callable[[str, str], None], ok: Callable[[QueuedShipment, str], None]
    ) -> None:
        order_id, shipment = ready.label.order_id, ready.shipment
        printer = self.printer or self.printing.choose_printer()
        if printer is None:
            tell(order_id, self.tr(
                "Not printed, not shipped here. TikTok Shipping has the order (tracking number {tracking}); "
                "press Enter to print its label again."
            ).format(tracking=shipment.tracking_no))  # fmt: skip
            return
        self.printer = printer
        try:
            self.printing.print_now(printer, ready.label.pdf)
        except (OSError, ValueError) as error:
            tell(order_id, self.tr("The label could not be printed: {why}").format(why=error))
            return
        self.printed.emit(order_id)
        actor = self._actor

        sessions = self._sessions

        def work() -> QueuedShipment:
            assert actor is not None
            with sessions.begin() as session:
                return label_shipping.record(session, actor, shipment, now=int(time.time()))

        def shipped(queued: QueuedShipment) -> None:
            self.shipped.emit(queued)
            ok(queued, shipment.carrier_name or shipment.carrier_code)

        def refused(error: BaseException) -> None:
            words = self.tr("Printed, but not shipped here: {why}").format(why=problem_words(error))
            tell(order_id, words)

        self._tasks.run(f"shipping.ship.{order_id}", work, shipped, refused)

    def retranslate_ui(self) -> None:
        self.button.setText(self.tr("Print label"))
        self.print_action.setText(self.tr("Print label…"))
        self.save_action.setText(self.tr("Save label as PDF…"))
        why = (
            self.tr("Print the platform's shipping label of the selected orders ({key}).").format(
                key=SHORTCUT
            )
            if self._tiktok
            else self.tr(
                "Douyin prints its shipping labels (electronic waybills) with its own print component: "
                "print them from Douyin's shop backend."
            )
        )
        self.button.setToolTip(why)
        self.print_action.setToolTip(why)
