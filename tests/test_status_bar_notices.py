"""Status-bar messages never count down out of date.

Where there is no system tray the alarms go to the main window's status bar, where a
message stays for a minute. One that said "reply within 51m" would be wrong a minute
later; the message names the deadline itself, which stays true for as long as it shows.
The real main window and refund queue over a real SQLite file.
"""

from __future__ import annotations

import re
import time

from app.views.common import formatting
from app.views.shell.main_window import MainWindow
from tests.refund_shop import URGENT, seed_queue

COUNTDOWN = re.compile(r"\d+\s*(m|h|min|分钟|小时)\b")


def test_the_urgent_request_alarm_in_the_status_bar_names_its_deadline_not_a_countdown(
    qtbot, english, session_factory, settings, owner, fake_worker
) -> None:
    now = int(time.time())
    seed_queue(session_factory, now=now)  # the urgent request is due in 40 minutes from now
    window = MainWindow(session_factory, settings, fake_worker, actor=owner)
    qtbot.addWidget(window)
    window.show()
    window.show_screen("refunds")
    refunds = window.screen_named("refunds")
    qtbot.waitUntil(lambda: URGENT in window.statusBar().currentMessage(), timeout=10_000)
    message = window.statusBar().currentMessage()
    deadline = refunds.model.row_at(refunds.model.row_of(URGENT)).status_deadline
    assert f"reply by {formatting.shop_time(deadline, with_year=False)}" in message
    assert not COUNTDOWN.search(message.split("—")[-1]), message
