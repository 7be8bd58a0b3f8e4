"""A refusal's evidence pictures are kept safe from the moment a person decides.

Real services on real databases (a SQLite file, and the real PostgreSQL server where
the transaction matters), a data folder of the test's own (AFTERSALES_DESK_HOME): a
refusal keeps each picture in the database (`evidence_pictures`, `<sha256>.<ext>`) in
its own transaction and its outbox operation refers to it, so the original may go; a
picture the platform would not take is refused at once in plain words, with nothing
written. A kept picture is forgotten once no operation that may still be sent needs it.
The refund screen's detail pane shows the kept pictures while the refusal waits to be
sent.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.core.pictures import IMAGE_MAX_BYTES
from app.db import open_database
from app.models import EvidencePicture, OutboxOperation
from app.models import outbox as state
from app.sandbox.evidence import evidence_png
from app.services.people import accounts
from app.services.people.permissions import Actor
from app.services.refunds import decisions as refund_decisions
from app.services.refunds import refusal_evidence
from app.services.refunds.decisions import DecisionRefused
from app.services.refunds.refusal_evidence import (
    MSG_NOT_A_PICTURE,
    MSG_PICTURE_MISSING,
    MSG_PICTURE_TOO_LARGE,
)
from app.views.refunds.detail_pane import RefundDetailPane
from tests.builders import NOW
from tests.refund_shop import BIG, RETURNED, SOON, seed_queue, written

NEEDS_PICTURES = 2  # 买家已签收，商品无质量问题 (the sandbox's list says "Y")


def picture(folder: Path, name: str, data: bytes | None = None) -> Path:
    path = folder / name
    path.write_bytes(evidence_png(name) if data is None else data)
    return path


def reference_of(path: Path) -> str:
    return f"local-evidence:{hashlib.sha256(path.read_bytes()).hexdigest()}{path.suffix}"


def refuse_in(session: Session, actor: Actor, *pictures: str, request: str = SOON) -> str:
    return refund_decisions.refuse(
        session,
        actor,
        request,
        reject_reason_code=NEEDS_PICTURES,
        remark="签收时外包装完好，见附图",
        evidence_urls=list(pictures),
        now=NOW,
    ).op_id


def refuse(sessions: sessionmaker[Session], actor: Actor, *pictures: str, request: str = SOON) -> str:
    with sessions.begin() as session:
        return refuse_in(session, actor, *pictures, request=request)


def kept_pictures(sessions: sessionmaker[Session]) -> dict[str, bytes]:
    """Every picture the database keeps, by name."""
    with sessions() as session:
        return {row.name: bytes(row.content) for row in session.scalars(select(EvidencePicture))}


def read_kept(sessions: sessionmaker[Session], reference: str) -> bytes:
    with sessions() as session:
        return refusal_evidence.read_kept(session, reference)


@pytest.fixture
def shop(database_url: str, app_home: Path) -> Iterator[tuple[sessionmaker[Session], Actor]]:
    """The refund queue's shop on SQLite and on PostgreSQL, and its owner."""
    engine, sessions = open_database(database_url)
    seed_queue(sessions)
    with sessions.begin() as session:
        owner = accounts.create_owner(session, "xiaolin", "小林", "owner-pass-1", now=NOW)
    yield sessions, owner
    engine.dispose()


def evidence_sent(sessions: sessionmaker[Session], op_id: str) -> list[str]:
    with sessions() as session:
        op = session.scalars(select(OutboxOperation).where(OutboxOperation.op_id == op_id)).one()
    return json.loads(op.details)["evidence"]


def test_a_refusal_keeps_a_copy_of_each_picture_and_no_longer_needs_the_original(
    session_factory: sessionmaker[Session], owner: Actor, app_home: Path, tmp_path: Path
) -> None:
    seed_queue(session_factory)
    box, sleeve = picture(tmp_path, "开箱照片.png"), picture(tmp_path, "袖口.png")
    jpeg = picture(tmp_path, "label.jpeg", b"\xff\xd8\xff\xe0" + bytes(64))
    on_the_platform = "https://p3-aftersale.example/evidence/1.png"
    op_id = refuse(
        session_factory, owner, box.as_uri(), str(sleeve), box.as_uri(), jpeg.as_uri(), on_the_platform
    )
    references = [reference_of(box), reference_of(sleeve), reference_of(jpeg).replace(".jpeg", ".jpg")]
    assert evidence_sent(session_factory, op_id) == [*references, on_the_platform]  # each once, in order
    for original in (box, sleeve, jpeg):
        kept = read_kept(session_factory, reference_of(original).replace(".jpeg", ".jpg"))
        assert kept == original.read_bytes()
        original.unlink()  # the clerk tidies the desktop …
    kept = kept_pictures(session_factory)  # … the database keeps the pictures
    assert sorted(kept) == sorted(r.removeprefix("local-evidence:") for r in references)
    assert not (app_home / "evidence").exists()  # nothing in this computer's data folder


def test_refusing_returned_goods_keeps_the_pictures_too(
    session_factory: sessionmaker[Session], owner: Actor, app_home: Path, tmp_path: Path
) -> None:
    seed_queue(session_factory)
    photo = picture(tmp_path, "退回商品.png")
    with session_factory.begin() as session:
        queued = refund_decisions.inspect_return(
            session,
            owner,
            RETURNED,
            outcome="damaged",
            note="外壳碎裂",
            then="refuse",
            reject_reason_code=3,
            remark="退回商品影响二次销售，见附图",
            evidence_urls=[photo.as_uri()],
            now=NOW,
        )
    assert evidence_sent(session_factory, queued.op_id) == [reference_of(photo)]
    assert kept_pictures(session_factory) == {
        reference_of(photo).removeprefix("local-evidence:"): photo.read_bytes()
    }


def test_the_pictures_commit_with_the_decision_and_roll_back_with_it(
    shop: tuple[sessionmaker[Session], Actor], tmp_path: Path
) -> None:
    sessions, owner = shop
    photo = picture(tmp_path, "开箱照片.png")
    reference = reference_of(photo)
    name = reference.removeprefix("local-evidence:")
    with pytest.raises(RuntimeError), sessions.begin() as session:
        refuse_in(session, owner, photo.as_uri())
        assert session.get(EvidencePicture, name) is not None
        raise RuntimeError("the app stops before the decision commits")
    assert kept_pictures(sessions) == {} and written(sessions, SOON) == ([], [])

    op_id = refuse(sessions, owner, photo.as_uri())
    assert evidence_sent(sessions, op_id) == [reference]
    assert kept_pictures(sessions) == {name: photo.read_bytes()}
    with sessions() as session:
        assert session.get(EvidencePicture, name).byte_size == len(photo.read_bytes())
    refuse(sessions, owner, photo.as_uri(), request=BIG)  # the same picture, another refusal …
    assert list(kept_pictures(sessions)) == [name]  # … one row


def finish(sessions: sessionmaker[Session], op_id: str, new_state: str) -> int:
    """What the push does when it records an answer: the operation's new state, then the
    sweep, in one transaction; returns how many pictures were forgotten."""
    with sessions.begin() as session:
        session.execute(update(OutboxOperation).where(OutboxOperation.op_id == op_id).values(state=new_state))
        return refusal_evidence.forget_unneeded_pictures(session)


def test_a_kept_picture_is_forgotten_once_no_operation_that_may_still_be_sent_needs_it(
    shop: tuple[sessionmaker[Session], Actor], tmp_path: Path
) -> None:
    sessions, owner = shop
    box, sleeve = picture(tmp_path, "开箱照片.png"), picture(tmp_path, "袖口.png")
    soon = refuse(sessions, owner, box.as_uri())
    big = refuse(sessions, owner, sleeve.as_uri(), request=BIG)
    for waiting in (state.SENDING, state.REJECTED, state.CONFLICT, state.PENDING):
        assert finish(sessions, soon, waiting) == 0 and finish(sessions, big, waiting) == 0
    assert len(kept_pictures(sessions)) == 2

    assert finish(sessions, soon, state.DONE) == 1  # the platform has it now
    assert list(kept_pictures(sessions)) == [reference_of(sleeve).removeprefix("local-evidence:")]
    assert finish(sessions, big, state.DISCARDED) == 1  # never to be sent
    assert kept_pictures(sessions) == {}


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_sweep_passes_over_a_picture_another_workstation_is_keeping_right_now(
    database_url: str, shop: tuple[sessionmaker[Session], Actor], tmp_path: Path
) -> None:
    """Two workstations on one PostgreSQL database: a sweep runs while a clerk's refusal
    keeps a picture that a done operation had kept before. The sweep cannot see the new
    refusal until it commits, and must not take the picture from under it."""
    sessions, owner = shop
    photo = picture(tmp_path, "开箱照片.png")
    name = reference_of(photo).removeprefix("local-evidence:")
    first = refuse(sessions, owner, photo.as_uri())
    with sessions.begin() as session:  # done, and not swept yet
        done = update(OutboxOperation).where(OutboxOperation.op_id == first).values(state=state.DONE)
        session.execute(done)

    with sessions() as deciding:
        second = refuse_in(deciding, owner, photo.as_uri(), request=BIG)
        with sessions.begin() as sweeping:
            assert refusal_evidence.forget_unneeded_pictures(sweeping) == 0
        deciding.commit()
    assert list(kept_pictures(sessions)) == [name]
    assert finish(sessions, second, state.DONE) == 1


def too_large(folder: Path) -> str:
    return str(picture(folder, "huge.png", evidence_png("huge") + bytes(IMAGE_MAX_BYTES)))


CASES = {
    "missing": (lambda folder: (folder / "gone.png").as_uri(), MSG_PICTURE_MISSING, "gone.png"),
    "a folder": (lambda folder: str(folder), MSG_PICTURE_MISSING, "pictures"),
    "not a picture": (
        lambda folder: str(picture(folder, "notes.png", "签收单".encode())),
        MSG_NOT_A_PICTURE,
        "notes.png",
    ),
    "a GIF": (
        lambda folder: str(picture(folder, "a.gif", b"GIF89a" + bytes(64))),
        MSG_NOT_A_PICTURE,
        "a.gif",
    ),
    "over 5 MB": (too_large, MSG_PICTURE_TOO_LARGE, "huge.png"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_picture_the_platform_would_not_take_is_refused_in_plain_words_and_nothing_is_written(
    session_factory: sessionmaker[Session], owner: Actor, app_home: Path, tmp_path: Path, case: str
) -> None:
    seed_queue(session_factory)
    folder = tmp_path / "pictures"
    folder.mkdir()
    make, message, name = CASES[case]
    good = picture(folder, "good.png")
    with pytest.raises(DecisionRefused) as refused:
        refuse(session_factory, owner, good.as_uri(), make(folder))
    assert (refused.value.message, refused.value.params) == (message, {"name": name})
    assert written(session_factory, SOON) == ([], [])
    assert kept_pictures(session_factory) == {}  # not even the good picture was kept


def test_the_detail_pane_shows_the_clerks_own_pictures_of_a_waiting_refusal(
    qtbot,
    english,
    tasks,
    session_factory: sessionmaker[Session],
    owner: Actor,
    app_home: Path,
    tmp_path: Path,
) -> None:
    seed_queue(session_factory)
    photo = picture(tmp_path, "开箱照片.png")
    refuse(session_factory, owner, photo.as_uri())
    reference, data = reference_of(photo), photo.read_bytes()
    photo.unlink()
    assert read_kept(session_factory, reference) == data  # read from the database

    pane = RefundDetailPane(tasks, session_factory, clock=lambda: NOW)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.loaded, timeout=5_000):
        pane.load(SOON)
    qtbot.waitUntil(lambda: reference in pane.loaded_images(), timeout=5_000)
    assert pane.loaded_images()[reference] is True  # a real thumbnail, not the placeholder
    assert "waiting to be sent" in pane.text()
