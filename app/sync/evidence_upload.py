"""Evidence pictures go up to the platform, and pass its review, before the refusal that carries them.

Owns the step the push engine runs before a refusal whose items still carry
`local-evidence:` references (pictures kept in the database when the person decided,
`app/services/refunds/refusal_evidence.py`, so whichever workstation pushes can read
them). Each round the operation's time has come:

1. every picture not yet on the platform goes up through the port's `upload_picture`,
   and what the platform answers (its id for the picture, where its review stands) is
   committed into the operation's details (`evidence_pictures`) at once, so after a crash
   the same picture is asked about, never uploaded again (Douyin's adapter also finds a
   picture uploaded before by its name, for an answer lost on the way);
2. pictures still under review are asked about (`picture_reviews`), not more often than
   `REVIEW_CHECK_DELAYS` allow: Douyin reviews most pictures within seconds and risky ones
   within a day (docs/platforms/douyin.md "material.uploadImageSync");
3. while any picture waits, the refusal is held back, unsent, its operation saying so in
   plain words (urgent words once the request's reply deadline is near: the platform
   approves on its own at the deadline);
4. a rejected picture ends the refusal: "needs attention" says which picture and what to do;
5. once every picture passed, each reference is replaced by the picture's URL, and the
   engine commits these parameters with the operation marked "sending", so a resend after
   a crash carries the same URLs.

Answers are classified as the engine's are: network, 5xx, rate limit and unreadable
answers are tried again later; a picture the platform refuses, or one no longer kept
anywhere, is a problem for a person.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.core.problem_words import with_values
from app.core.translation import QT_TRANSLATE_NOOP
from app.models import AfterSale, OutboxOperation
from app.platforms.port import (
    PROBLEM_REJECTED,
    PictureOnPlatform,
    PictureReview,
    PlatformError,
    Refused,
    ShopPlatform,
)
from app.services import outbox_states
from app.services.refunds.refusal_evidence import (
    PICTURES_KEY,
    PROBLEM_PICTURE_REJECTED,
    PROBLEM_REVIEW_URGENT,
    PROBLEM_REVIEW_WAITING,
    URGENT_WITHIN_S,
    PictureGone,
    evidence_of,
    is_local_reference,
    picture_name,
    read_kept,
)

PROBLEM_PICTURE_GONE = QT_TRANSLATE_NOOP(
    "sync",
    "An evidence picture of this refusal cannot be found (a refusal made before the app was updated "
    "keeps its pictures on the computer where it was made). Discard this refusal and refuse again "
    "with the pictures.",
)
PROBLEM_PICTURE_DAMAGED = QT_TRANSLATE_NOOP(
    "sync",
    "The copy of an evidence picture kept for this refusal is damaged. Discard this refusal and refuse "
    "again with the pictures.",
)
PROBLEM_PICTURE_REFUSED = QT_TRANSLATE_NOOP(
    "sync",
    "The platform did not take an evidence picture of this refusal. Discard this refusal and refuse "
    "again with other pictures.",
)
# Ours: how long to wait before asking about a picture's review again, by how often it
# was asked already (the last delay repeats). Polite, and quick for the usual few seconds.
REVIEW_CHECK_DELAYS = (10, 30, 60, 120, 300, 600)
CHECKS_KEY = "evidence_checks"


@dataclass(frozen=True)
class Upload:
    """The operation's parameters with the platform's URLs; or the failure; or a hold."""

    params: dict[str, Any]
    failed: PlatformError | None = None
    waiting: bool = False  # a picture is still under the platform's review


def has_local_pictures(params: dict[str, Any]) -> bool:
    return any(is_local_reference(url) for url in evidence_of(params))


def upload_pictures(
    platform: ShopPlatform, sessions: sessionmaker[Session], seq: int, params: dict[str, Any]
) -> Upload:
    """Bring every kept picture the parameters refer to onto the platform (steps 1-5 above)."""
    params = copy.deepcopy(params)
    known: dict[str, Any] = params.setdefault(PICTURES_KEY, {})
    references = list(dict.fromkeys(url for url in evidence_of(params) if is_local_reference(url)))
    uploaded_now: set[str] = set()
    for reference in references:
        if reference in known:
            continue
        try:
            with sessions() as session:  # one picture at a time, no session held over the network
                data = read_kept(session, reference)
        except PictureGone:
            return Upload(params, Refused(PROBLEM_PICTURE_GONE))
        except ValueError:
            return Upload(params, Refused(PROBLEM_PICTURE_DAMAGED))
        try:
            picture = platform.upload_picture(picture_name(reference), data)
        except Refused as refused:
            if refused.problem == PROBLEM_REJECTED:  # a refusal the platform's tables have no words for
                refused.problem = PROBLEM_PICTURE_REFUSED
            return Upload(params, refused)
        except PlatformError as failed:
            return Upload(params, failed)
        known[reference] = _kept(picture)
        uploaded_now.add(reference)
        _save(sessions, seq, params)  # committed before anything else may fail: never uploaded twice
    to_ask = [r for r in references if known[r]["review"] == PictureReview.WAITING and r not in uploaded_now]
    if to_ask:
        try:
            answers = platform.picture_reviews([known[r]["id"] for r in to_ask])
        except PlatformError as failed:
            return Upload(params, failed)
        for reference, picture in zip(to_ask, answers, strict=True):
            known[reference] = _kept(picture)
        params[CHECKS_KEY] = int(params.get(CHECKS_KEY, 0)) + 1
        _save(sessions, seq, params)
    for number, reference in enumerate(references, start=1):
        if known[reference]["review"] == PictureReview.REJECTED:
            why = known[reference].get("why", "")
            return Upload(
                params,
                Refused(
                    with_values(PROBLEM_PICTURE_REJECTED, number=str(number)),
                    platform_message=why,
                    detail=f"picture {number}",
                ),
            )
    if any(known[r]["review"] == PictureReview.WAITING for r in references):
        return Upload(params, waiting=True)
    urls = {reference: known[reference]["url"] for reference in references}
    params["evidence"] = [urls.get(url, url) for url in params["evidence"]]
    return Upload(params)


def hold(sessions: sessionmaker[Session], seq: int, params: dict[str, Any], *, now: int) -> None:
    """Keep the refusal back until its pictures' review is asked about again, saying why."""
    delay = REVIEW_CHECK_DELAYS[min(int(params.get(CHECKS_KEY, 0)), len(REVIEW_CHECK_DELAYS) - 1)]
    with sessions.begin() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None
        request = session.get(AfterSale, op.entity_id)
        deadline = request.status_deadline if request is not None else None
        urgent = deadline is not None and deadline - now <= URGENT_WITHIN_S
        outbox_states.back_to_pending(op, next_attempt_at=now + delay)
        op.problem = PROBLEM_REVIEW_URGENT if urgent else PROBLEM_REVIEW_WAITING
        op.platform_code = op.platform_message = ""


def _kept(picture: PictureOnPlatform) -> dict[str, Any]:
    return {
        "id": picture.platform_id,
        "review": picture.review.value,
        "url": picture.url,
        "why": picture.rejected_because,
    }


def _save(sessions: sessionmaker[Session], seq: int, params: dict[str, Any]) -> None:
    with sessions.begin() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None
        op.details = json.dumps(params, ensure_ascii=False, sort_keys=True)
