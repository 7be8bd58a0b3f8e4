"""Reading when the platform wants the shop's evidence in an arbitration.

Owns, once a sync run after the pulls, reading the detail of the requests whose arbitration
awaits the shop's evidence (`ArbitrationState.AWAITING_SHOP_EVIDENCE`) while the mirror has
no deadline for it: a platform's list says only that a case waits for the shop (Douyin's
`afterSale.List` `arbitrate_status` 4), its detail says by when (Douyin's `afterSale.Detail`
`process_info.arbitrate_info.arbitrate_status_deadline`; docs/platforms/douyin.md "Code
tables"). The detail is read through the port (`ShopPlatform.reread_request`) and stored as
the push's re-read stores a request: guarded by `update_time`.

At most `PER_RUN` details a run, the newest cases first. Nothing is decided on arbitration
(it is shown), so an answer failing for now does not stop the run: the request is asked
again next run. One whose detail names no deadline is asked again only when the platform
changes it (a new `update_time`), remembered for the engine's life.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import ArbitrationState
from app.models import AfterSale
from app.platforms.port import NotAuthorised, PlatformError, Refused, ShopPlatform
from app.sync.ingest import store_after_sales

log = logging.getLogger(__name__)

PER_RUN = 10  # details a run: one call each; a run must not hold up the next pull


class ArbitrationDeadlines:
    """Fills the mirror's `arbitration_deadline` from each waiting case's detail."""

    def __init__(
        self, platform: ShopPlatform, sessions: sessionmaker[Session], clock: Callable[[], float]
    ) -> None:
        self._platform, self._sessions, self._clock = platform, sessions, clock
        self._asked: dict[str, int] = {}  # request -> the version whose detail had no deadline

    def wanted(self) -> list[tuple[str, int]]:
        """(request, version) of the cases awaiting the shop's evidence with no deadline here."""
        with self._sessions() as session:
            found = session.execute(
                select(AfterSale.aftersale_id, AfterSale.update_time)
                .where(
                    AfterSale.arbitration == ArbitrationState.AWAITING_SHOP_EVIDENCE,
                    AfterSale.arbitration_deadline.is_(None),
                )
                .order_by(AfterSale.update_time.desc())
            ).all()
        return [(i, v) for i, v in found if self._asked.get(i) != v][:PER_RUN]

    def run(self) -> int:
        """Read the wanted details; returns how many were stored."""
        stored = 0
        for aftersale_id, version in self.wanted():
            try:
                reread = self._platform.reread_request(aftersale_id, int(self._clock()))
            except (NotAuthorised, Refused) as error:
                log.warning("arbitration deadline of %s not read: %s", aftersale_id, error.describe())
                self._asked[aftersale_id] = version
                continue
            except PlatformError as error:  # for now (network, rate limit): next run
                log.warning("arbitration deadlines stopped: %s", error.describe())
                break
            with self._sessions.begin() as session:
                store_after_sales(session, [reread.row])
            if reread.row.get("arbitration_deadline") is None:
                self._asked[aftersale_id] = version
            stored += 1
        return stored
