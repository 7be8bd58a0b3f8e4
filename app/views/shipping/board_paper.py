"""The shipping board's paper and files: the pick list, packing slips, a file of shipments.

Owns `BoardPaper`, mixed into `ShippingBoardView` (before QWidget): printing the pick
list of everything due today, summed by SKU, and the packing slips of the chosen
orders (`paper.py`; to a PDF folder instead of a print dialog when the view's
"pdf_folder" property is set), and opening `ShipmentImportDialog` to ship the orders of
a carrier's file. The view supplies the board's rows, the database lane and `printed`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.services.shipping.board import packing_slips, pick_list
from app.services.shipping.deadlines import LANE_LATER, LANE_TOMORROW
from app.views.shipping import paper


class BoardPaper:
    """The board's Pick list…, Packing slips… and Ship from a file… buttons."""

    def print_pick_list(self) -> None:
        """Everything due today (overdue, within 4 h, today), summed by SKU."""
        due = [
            row.order_id
            for name, start, end in self.model.lanes()
            if name not in (LANE_TOMORROW, LANE_LATER)
            for row in self.model.rows()[start:end]
            if not row.pending_tracking
        ]
        title, now = self.tr("Pick list — due today"), int(self._clock())
        self._tasks.read(
            "board.pick",
            self._sessions,
            lambda s: pick_list(s, due),
            lambda lines: self._print(lambda d: paper.render_pick_list(d, lines, title=title, printed_at=now,
                                                                       rule_set=self._rules.rule_set,
                                                                       tz=self._rules.shipping.tz),
                                      paper.PICK_LIST_PAPER, "pick-list.pdf"),
        )  # fmt: skip

    def print_packing_slips(self) -> None:
        ids = [order.order_id for order in self.selected_orders()]
        if not ids:
            self.scan_bar.show_problem(self.tr("Select the orders to print packing slips for."))
            return
        self._tasks.read(
            "board.slips",
            self._sessions,
            lambda s: packing_slips(s, ids, self._rules),
            lambda slips: self._print(lambda d: paper.render_packing_slips(d, slips, self._rules.shipping.tz),
                                      paper.SLIP_PAPER, "packing-slips.pdf"),
        )  # fmt: skip

    def _print(self, render: Callable, size: paper.Paper, file_name: str) -> None:
        folder = self.property("pdf_folder")  # set by tests and screenshots: no print dialog
        if folder:
            paper.save_pdf(Path(str(folder)) / file_name, render, paper=size)
            self.printed.emit(str(Path(str(folder)) / file_name))
        elif paper.print_with_dialog(self, render, paper=size):
            self.printed.emit("")

    def import_file(self) -> None:
        from app.views.shipping.import_dialog import ShipmentImportDialog

        dialog = ShipmentImportDialog(self._tasks, self._sessions, self._actor, self, clock=self._clock)
        dialog.shipped.connect(lambda _ids: self.refresh())
        dialog.open()
        if not dialog.choose_file():
            dialog.reject()
