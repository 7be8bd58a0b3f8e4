"""What the sync engine tells the rest of the app about itself.

Owns `SyncStatus`, the plain value the sync worker publishes after every step: whether
the platform can be reached, what the last run brought, and the last problem in plain
words. Screens show it; nothing here knows about Qt. It lives among the services, not in
app/sync, so that the screens read it without importing the sync engine (the layering
contracts in pyproject.toml): the sync publishes it, the views show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from app.core.translation import QT_TRANSLATE_NOOP

# Shown while another sync holds the sync lease and this one stands by, sharing the
# database it keeps up to date (ARCHITECTURE.md "Scale"). On PostgreSQL that is another
# workstation or the shop's sync service; on a SQLite file (its lease a lock file beside
# it) the other sync is on this very computer, e.g. the headless `main.py sync`.
PROBLEM_ANOTHER_WORKSTATION_SYNCING = QT_TRANSLATE_NOOP(
    "sync",
    "Another sync is running on this database (on another workstation, or a sync service on "
    "this computer); this one takes over if it stops.",
)


# Why a run had to be tried again: each is said differently (a platform that answers with
# server errors is not a network that is down).
CAUSE_NETWORK = "network"  # nothing answered: the internet connection, or the platform is gone
CAUSE_NO_ANSWER = "no_answer"  # connected, but no answer in time
CAUSE_PLATFORM = "platform"  # the platform answered with server errors or an unreadable answer
CAUSE_RATE_LIMITED = "rate_limited"  # the platform asked us to slow down
CAUSE_UNEXPECTED = "unexpected"  # something in this app failed; the log has it


class SyncState(Enum):
    STARTING = "starting"  # no run finished yet
    SYNCING = "syncing"
    ONLINE = "online"  # the last run succeeded
    OFFLINE = "offline"  # the platform could not be reached; will retry on its own
    NEEDS_ATTENTION = "needs_attention"  # a person must act (credentials, clock, authorisation)
    # Another sync (another workstation's, or a sync service, maybe on this computer) holds
    # the sync lease on the database; this one shows what that one syncs and takes over
    # if it stops.
    STANDING_BY = "standing_by"


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState = SyncState.STARTING
    last_success_at: int | None = None  # UTC Unix seconds
    orders_pulled: int = 0  # in the last run
    after_sales_pulled: int = 0
    decisions_sent: int = 0  # outbox operations the platform confirmed in the last run
    decisions_refused: int = 0  # … and ones it refused or that met a changed state
    last_error: str = ""  # plain words for people (English source; views translate, context "sync")
    error_detail: str = ""  # the platform's own words, or what could not be read
    next_attempt_in_s: float | None = None
    kinds_changed: frozenset[str] = field(default_factory=frozenset)
    # Why the platform was not reached, for the words people see (one of the CAUSE_ values);
    # empty when nothing went wrong or a person must act (`last_error` says what).
    cause: str = ""
    # A run is under way after a problem: the state stays the problem's until a run succeeds,
    # so the desk never says "online" while the platform still cannot be reached.
    retrying: bool = False
