"""A refusal's evidence pictures are kept safe from the moment a person decides.

Real services on a real SQLite file, a data folder of the test's own
(AFTERSALES_DESK_HOME): a refusal copies each picture into `evidence/<sha256>.<ext>`
and its outbox operation refers to the copy, so the original may go; a picture the
platform would not take is refused at once in plain words, with nothing written. The
refund screen's detail pane shows the copies while the refusal waits to be sent.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import OutboxOperation
from app.sandbox.evidence import evidence_png
from app.services import refund_decisions, refusal_evidence
from app.services.permissions import Actor
from app.services.refund_decisions import DecisionRefused
from app.services.refusal_evidence import MSG_NOT_A_PICTURE, MSG_PICTURE_MISSING, MSG_PICTURE_TOO_LARGE
from app.sync.codes import IMAGE_MAX_BYTES
from app.views.refund_detail_pane import RefundDetailPane, fetch_image
from tests.builders import NOW
from tests.refund_shop import RETURNED, SOON, seed_queue, written

NEEDS_PICTURES = 2  # 买家已签收，商品无质量问题 (the sandbox's list says "Y")


def picture(folder: Path, name: str, data: bytes | None = None) -> Path:
    path = folder / name
    path.write_bytes(evidence_png(name) if data is None else data)
    return path


def reference_of(path: Path) -> str:
    return f"local-evidence:{hashlib.sha256(path.read_bytes()).hexdigest()}{path.suffix}"


def refuse(sessions: sessionmaker[Session], actor: Actor, *pictures: str) -> str:
    with sessions.begin() as session:
        queued = refund_decisions.refuse(
            session,
            actor,
            SOON,
            reject_reason_code=NEEDS_PICTURES,
            remark="签收时外包装完好，见附图",
            evidence_urls=list(pictures),
            now=NOW,
        )
    return queued.op_id


def evidence_sent(sessions: sessionmaker[Session], op_id: str) -> list[str]:
    with sessions() as session:
        op = session.scalars(select(OutboxOperation).where(OutboxOperation.op_id == op_id)).one()
    return json.loads(op.params)["items"][0]["evidence"]


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
        kept = refusal_evidence.read_local(reference_of(original).replace(".jpeg", ".jpg"))
        assert kept == original.read_bytes()
        original.unlink()  # the clerk tidies the desktop …
    kept_files = sorted(path.name for path in (app_home / "evidence").iterdir())
    assert kept_files == sorted(r.removeprefix("local-evidence:") for r in references)  # … the copies stay


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
    assert (app_home / "evidence" / reference_of(photo).removeprefix("local-evidence:")).is_file()


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
    assert not (app_home / "evidence").exists()  # not even the good picture was copied


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
    assert fetch_image(reference) == data  # read from the data folder

    pane = RefundDetailPane(tasks, session_factory, clock=lambda: NOW)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.loaded, timeout=5_000):
        pane.load(SOON)
    qtbot.waitUntil(lambda: reference in pane.loaded_images(), timeout=5_000)
    assert pane.loaded_images()[reference] is True  # a real thumbnail, not the placeholder
    assert "waiting to be sent" in pane.text()
