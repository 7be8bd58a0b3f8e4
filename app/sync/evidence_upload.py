"""Evidence pictures go up to the platform before the refusal that carries them.

Owns the step the push engine runs before a refusal whose items still carry
`local-evidence:` references (pictures kept in the database when the person decided,
`app/services/refunds/refusal_evidence.py`, so whichever workstation pushes can read
them): each picture goes to the shop's platform through the port's `upload_picture`
(Douyin: `material.uploadImage`, ours, docs/sandbox.md), and each reference is replaced
by the URL the platform answers. The engine commits the new parameters before it sends the
operate, so after a crash in between the same URLs are sent. The platform names a
picture by its content, so an upload repeated after a lost answer gives the same URL and
costs nothing; unlike a decision, an upload needs no re-read before it is sent again.

Answers are classified as the engine's are: network, 5xx, rate limit and unreadable
answers are tried again later; a picture the platform refuses, or one no longer kept
anywhere, is a problem for a person.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.core.translation import QT_TRANSLATE_NOOP
from app.platforms.port import PROBLEM_REJECTED, PlatformError, Refused, ShopPlatform
from app.services.refunds.refusal_evidence import (
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


@dataclass(frozen=True)
class Upload:
    """The operation's parameters with the platform's URLs, or the upload that failed."""

    params: dict[str, Any]
    failed: PlatformError | None = None


def has_local_pictures(params: dict[str, Any]) -> bool:
    return any(is_local_reference(url) for url in evidence_of(params))


def upload_pictures(
    platform: ShopPlatform, sessions: sessionmaker[Session], params: dict[str, Any]
) -> Upload:
    """Upload every kept picture the parameters refer to; stops at the first failure."""
    urls: dict[str, str] = {}
    for reference in dict.fromkeys(url for url in evidence_of(params) if is_local_reference(url)):
        try:
            with sessions() as session:  # one picture at a time, no session held over the network
                data = read_kept(session, reference)
        except PictureGone:
            return Upload(params, Refused(PROBLEM_PICTURE_GONE))
        except ValueError:
            return Upload(params, Refused(PROBLEM_PICTURE_DAMAGED))
        try:
            urls[reference] = platform.upload_picture(picture_name(reference), data)
        except Refused as refused:
            if refused.problem == PROBLEM_REJECTED:  # a refusal the platform's tables have no words for
                refused.problem = PROBLEM_PICTURE_REFUSED
            return Upload(params, refused)
        except PlatformError as failed:
            return Upload(params, failed)
    return Upload(_with_urls(params, urls))


def _with_urls(params: dict[str, Any], urls: dict[str, str]) -> dict[str, Any]:
    """The decision's details (`outbox.DECISION_DETAILS`) with each kept picture's URL."""
    rewritten = copy.deepcopy(params)
    if isinstance(rewritten.get("evidence"), list):
        rewritten["evidence"] = [urls.get(url, url) for url in rewritten["evidence"]]
    return rewritten
