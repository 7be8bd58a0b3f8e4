"""The pictures a person attaches to a refusal: checked, kept safe, referred to.

Owns what happens to evidence pictures between the moment a person refuses and the
moment the platform has them (the push uploads them, `app/sync/evidence_upload.py`). A
picture picked on this computer (a `file://` URL or a path) is checked against what the
platform takes (`app/core/pictures.py`), so a picture it would refuse is refused now,
while the person can still pick another; then its bytes are kept
in the `evidence_pictures` table in the decision's own transaction, and the outbox
carries `local-evidence:<sha256>.<ext>`, which no longer depends on the original staying
where it was. The database rather than the data folder, because on a shop's shared
PostgreSQL database the process that pushes the refusal may run on another computer
(ARCHITECTURE.md "Scale"). The push replaces each reference with the URL the platform
issues. Pictures already on the platform (http and https URLs) pass unchanged.

Pictures are named by their content, so the same picture kept twice is one row. A row is
forgotten once no operation that may still be sent refers to it
(`forget_unneeded_pictures`, run by the push when it records an answer).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import config
from app.core.pictures import IMAGE_MAX_BYTES, image_extension
from app.core.problem_words import source_of
from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.db import upsert
from app.models import EvidencePicture, OutboxOperation
from app.models import outbox as outbox_state

LOCAL_PREFIX = "local-evidence:"
# Where versions before migration 0009 kept the pictures, inside the data folder.
OLD_EVIDENCE_FOLDER = "evidence"
_LOCAL_NAME = re.compile(r"[0-9a-f]{64}\.(?:png|jpg|webp)")
# Operations that may still be sent: waiting, on their way, or waiting for a person (who
# may apply a conflicting one again, `needs_attention.reapply`, pictures and all). A done
# operation's pictures are on the platform; a discarded one is never sent.
NEEDS_ITS_PICTURES = (*outbox_state.OPEN_STATES, *outbox_state.ATTENTION_STATES)

# Where each kept picture stands on the platform, in the operation's details, written by the
# push (`app/sync/evidence_upload.py`): {reference: {id, review, url, why}}.
PICTURES_KEY = "evidence_pictures"
# The words "needs attention" shows for a picture the platform's review rejected; {number}
# is the picture's place among the refusal's pictures (`rejected_picture`).
PROBLEM_PICTURE_REJECTED = QT_TRANSLATE_NOOP(
    "sync",
    "The platform's review rejected evidence picture {number} of this refusal (its words are below), "
    "so the refusal was not sent. Discard it, then refuse again with another picture in its place: "
    "the reason and remark are filled in as you wrote them.",
)

# The words an operation holding back a refusal carries while the platform reviews its
# pictures (the push writes them, `app/sync/evidence_upload.py`; the queue, the detail pane
# and the status bar show them): urgent once the reply deadline is within URGENT_WITHIN_S.
PROBLEM_REVIEW_WAITING = QT_TRANSLATE_NOOP(
    "sync",
    "Waiting for the platform to review the evidence pictures. The refusal is sent as soon as they "
    "pass; nothing to do for now.",
)
PROBLEM_REVIEW_URGENT = QT_TRANSLATE_NOOP(
    "sync",
    "Urgent: the platform is still reviewing the evidence pictures and the reply deadline is near. If "
    "the review has not passed by the deadline, the platform approves the request on its own. Refuse "
    "it in the shop's back office if it cannot wait.",
)
URGENT_WITHIN_S = 6 * 3600  # ours: "the deadline is near", for words that ask a person to act

MSG_PICTURE_MISSING = QT_TRANSLATE_NOOP(
    "refunds", "The picture \u201c{name}\u201d cannot be found or read. Add it again, or remove it."
)
MSG_NOT_A_PICTURE = QT_TRANSLATE_NOOP(
    "refunds",
    "\u201c{name}\u201d is not a PNG or JPEG picture, the only kinds the platform takes. "
    "Remove it, or add another.",
)
MSG_PICTURE_TOO_LARGE = QT_TRANSLATE_NOOP(
    "refunds",
    "The picture \u201c{name}\u201d is larger than the platform takes (10 MB). Use a smaller one.",
)


class PictureRefused(Refusal):
    """A picture that cannot be evidence, in plain words."""

    context = "refunds"


class PictureGone(LookupError):
    """A kept picture that neither the database nor this computer's data folder holds."""


def is_local_reference(value: object) -> bool:
    return isinstance(value, str) and value.startswith(LOCAL_PREFIX)


def picture_name(reference: str) -> str:
    """The kept picture's name (`<sha256>.<ext>`) in a `local-evidence:` reference;
    ValueError for anything else."""
    name = reference[len(LOCAL_PREFIX) :] if is_local_reference(reference) else ""
    if not _LOCAL_NAME.fullmatch(name):
        raise ValueError(f"not a local evidence reference: {reference!r}")
    return name


def read_kept(session: Session, reference: str) -> bytes:
    """The kept picture's bytes. Raises PictureGone when it is nowhere, ValueError when
    the reference is not one or the bytes are not the picture its name says (damaged)."""
    name = picture_name(reference)
    data = session.scalar(select(EvidencePicture.content).where(EvidencePicture.name == name))
    if data is None:
        # A refusal queued by a version before 0009 kept its pictures as files in the data
        # folder; read them from there, so that what was queued before the upgrade still
        # uploads (from the computer that decided it).
        data = _old_copy(name)
    data = bytes(data)
    if hashlib.sha256(data).hexdigest() != name.partition(".")[0]:
        raise ValueError(f"{name} is not the picture it is named for")
    return data


def _old_copy(name: str) -> bytes:
    try:
        return (config.data_dir() / OLD_EVIDENCE_FOLDER / name).read_bytes()
    except OSError:
        raise PictureGone(name) from None


def evidence_of(details: Mapping[str, Any]) -> list[str]:
    """Every evidence picture in a decision's details (`outbox.DECISION_DETAILS`)."""
    evidence = details.get("evidence")
    return [str(url) for url in evidence] if isinstance(evidence, list) else []


def in_picture_review(problem: str | None) -> bool:
    """Whether an open operation's words say it waits for the platform's picture review."""
    return problem in (PROBLEM_REVIEW_WAITING, PROBLEM_REVIEW_URGENT)


def held_for_review(session: Session) -> tuple[int, int]:
    """(refusals held back while the platform reviews their pictures, of which urgent)."""
    problems = session.scalars(
        select(OutboxOperation.problem).where(
            OutboxOperation.state.in_(outbox_state.OPEN_STATES),
            OutboxOperation.problem.in_((PROBLEM_REVIEW_WAITING, PROBLEM_REVIEW_URGENT)),
        )
    ).all()
    return len(problems), sum(1 for problem in problems if problem == PROBLEM_REVIEW_URGENT)


@dataclass(frozen=True)
class EarlierRefusal:
    """The reason and remark of a refusal the platform's review stopped (a picture rejected),
    to fill in when the person refuses the request again with another picture."""

    reason_code: int | str | None
    remark: str


def refusal_stopped_by_review(session: Session, aftersale_id: str) -> EarlierRefusal | None:
    """The latest refusal of this request that a rejected picture stopped, whether still in
    "needs attention" or discarded by then; None when its latest decision was not one."""
    latest = session.scalars(
        select(OutboxOperation)
        .where(OutboxOperation.entity_id == aftersale_id)
        .order_by(OutboxOperation.seq.desc())
        .limit(1)
    ).first()
    if latest is None or source_of(latest.problem or "") != PROBLEM_PICTURE_REJECTED:
        return None
    details = json.loads(latest.details or "{}")
    return EarlierRefusal(details.get("reason_code"), str(details.get("remark") or ""))


def rejected_picture(details: Mapping[str, Any]) -> int | None:
    """The place (from 1) among a refusal's pictures of the first one the platform's review
    rejected, or None."""
    pictures = details.get(PICTURES_KEY)
    if not isinstance(pictures, dict):
        return None
    for number, reference in enumerate(dict.fromkeys(evidence_of(details)), start=1):
        kept = pictures.get(reference)
        if isinstance(kept, dict) and kept.get("review") == "rejected":
            return number
    return None


def keep_pictures(session: Session, sources: Sequence[str], *, now: int) -> list[str]:
    """The evidence list for the outbox: each picture on this computer checked and kept in
    the database (as a `local-evidence:` reference), URLs on the platform as they are.

    Writes in the caller's transaction, so the pictures commit with the decision and its
    operation or not at all. Raises PictureRefused (having written nothing) when any
    picture will not do."""
    evidence: list[str] = []  # in the person's order, each picture once
    to_keep: dict[str, bytes] = {}  # name -> the picture
    for source in dict.fromkeys(text.strip() for text in sources if text.strip()):
        if source.startswith(("http://", "https://")):
            evidence.append(source)
            continue
        data = _checked_picture(session, source)
        name = f"{hashlib.sha256(data).hexdigest()}.{image_extension(data)}"
        if name not in to_keep:
            to_keep[name] = data
            evidence.append(LOCAL_PREFIX + name)
    # An upsert rather than an insert-if-absent: on PostgreSQL updating a row that is
    # already there locks it until this decision commits, so a sweep running meanwhile,
    # which cannot see this decision's operation yet, passes the picture over. In name
    # order, so two decisions keeping the same pictures never wait for each other in a
    # circle.
    rows = [
        {"name": name, "content": data, "byte_size": len(data), "created_at": now}
        for name, data in sorted(to_keep.items())
    ]
    upsert(session, EvidencePicture.__table__, rows, key=["name"])
    return evidence


def forget_unneeded_pictures(session: Session) -> int:
    """Delete the kept pictures no operation that may still be sent refers to; returns how
    many. A pushed operation carries the platform's URLs from the moment its pictures are
    uploaded, so its pictures go at the next sweep after that.

    Call it in a transaction that has already written. On SQLite that transaction holds
    the one write lock, so no decision is half-way through keeping a picture; on
    PostgreSQL a picture that a decision is keeping right now is locked by its upsert and
    passed over here."""
    session.flush()
    names = session.scalars(select(EvidencePicture.name).with_for_update(skip_locked=True)).all()
    if not names:
        return 0
    # Read after taking the locks: on PostgreSQL each statement sees what committed before
    # it, so a decision that kept one of these pictures and committed meanwhile is seen.
    needed = {
        url.removeprefix(LOCAL_PREFIX)
        for details in session.scalars(
            select(OutboxOperation.details).where(OutboxOperation.state.in_(NEEDS_ITS_PICTURES))
        )
        for url in evidence_of(json.loads(details))
        if is_local_reference(url)
    }
    unneeded = [name for name in names if name not in needed]
    if unneeded:
        session.execute(delete(EvidencePicture).where(EvidencePicture.name.in_(unneeded)))
    return len(unneeded)


def _path_of(source: str) -> Path:
    if not source.startswith("file:"):
        return Path(source)
    parts = urlsplit(source)
    path = url2pathname(parts.path)  # percent-decoded; on Windows "/C:/x" becomes "C:\\x"
    if parts.netloc and parts.netloc != "localhost":
        path = f"//{parts.netloc}{path}"  # a picture on a network share
    return Path(path)


def _checked_picture(session: Session, source: str) -> bytes:
    """The picture's bytes, if the platform would take it."""
    data, name = _picture_of(session, source)
    if len(data) > IMAGE_MAX_BYTES:
        raise PictureRefused(MSG_PICTURE_TOO_LARGE, {"name": name})
    if image_extension(data) is None:
        raise PictureRefused(MSG_NOT_A_PICTURE, {"name": name})
    return data


def _picture_of(session: Session, source: str) -> tuple[bytes, str]:
    """The bytes (no more than enough to tell a picture is too large) and the name people
    know the picture by."""
    if is_local_reference(source):  # a picture kept already, e.g. a refusal made again
        try:
            return read_kept(session, source), picture_name(source)
        except (PictureGone, ValueError):
            raise PictureRefused(MSG_PICTURE_MISSING, {"name": source}) from None
    path = _path_of(source)
    name = path.name or source
    try:
        with path.open("rb") as file:
            return file.read(IMAGE_MAX_BYTES + 1), name
    except (OSError, ValueError):  # ValueError: a NUL in the path
        raise PictureRefused(MSG_PICTURE_MISSING, {"name": name}) from None
