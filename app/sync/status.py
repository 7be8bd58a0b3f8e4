"""How a sync says the shop cannot even be called.

Owns `ShopNotReachable`. What the sync tells the rest of the app about itself after
every step (`SyncStatus`) is in app/services/sync_status.py, where the screens may read it.
"""

from __future__ import annotations


class ShopNotReachable(RuntimeError):
    """The shop cannot even be called (the demo shop did not start, the secret is missing).

    `problem` is plain words for people (English source, translated in context "sync");
    the worker shows it as "needs attention" rather than retrying blindly.
    """

    def __init__(self, problem: str, detail: str = "") -> None:
        super().__init__(f"{problem} {detail}".strip())
        self.problem = problem
        self.detail = detail
