"""A refusal's pictures reach the platform as pictures it hosts, once, whatever goes wrong.

The clerk's pictures wait in the database (`local-evidence:` references to
`evidence_pictures`), so whichever workstation pushes can read them; before the push
sends the refusal it uploads each to the material centre (`material.uploadImageSync`),
waits for the platform's review, and commits the URLs of the passed pictures into the
operation; once no operation still needs a picture it is forgotten.
Real sandbox over HTTP, real databases (SQLite and PostgreSQL), a data folder of the
test's own. The sandbox's ledger shows what the platform applied; its image URLs serve
what it stored.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import delete, select, update

from app.config import HOME_ENV
from app.core.vocabulary import Decision, RequestState
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.models import AfterSale, EvidencePicture, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.codes import AfterSaleStatus, OperateType
from app.platforms.douyin.material import PICTURE_REFUSALS
from app.sandbox.evidence import evidence_png
from app.services import outbox
from app.services.people.permissions import Actor, Role
from app.services.refunds import decisions as refund_decisions
from app.services.refunds.refusal_evidence import PROBLEM_REVIEW_WAITING
from app.sync.engine import SyncEngine
from app.sync.evidence_upload import PROBLEM_PICTURE_DAMAGED, PROBLEM_PICTURE_GONE, REVIEW_CHECK_DELAYS
from tests.people import seed_people
from tests.sandbox_control import control, demo_platform, inject
from tests.test_outbox_push import MovableClock, open_refund_requests, operation, synced_engine
from tests.test_shipping_push import closed_port_url

OWNER = Actor(1, "boss", "Boss", Role.OWNER, None, None)
NEEDS_PICTURES = 2  # 买家已签收，商品无质量问题
REPO = Path(__file__).resolve().parents[1]


def refuse_with_picture(engine: SyncEngine, aftersale_id: str, photo: Path) -> int:
    """What the refuse dialog does: the service, with the picked picture's file:// URL."""
    with engine._sessions.begin() as session:
        seed_people(session, OWNER)
        queued = refund_decisions.refuse(
            session,
            OWNER,
            aftersale_id,
            reject_reason_code=NEEDS_PICTURES,
            remark="签收时外包装完好，见附图",
            evidence_urls=[photo.as_uri()],
            now=int(time.time()),
        )
    with engine._sessions() as session:
        return next(
            row.seq for row in outbox.operations_for(session, aftersale_id) if row.op_id == queued.op_id
        )


def sent_evidence(engine: SyncEngine, seq: int) -> list[str]:
    return json.loads(operation(engine, seq).details)["evidence"]


def kept_pictures(engine: SyncEngine) -> list[str]:
    """The names of the pictures the database keeps."""
    with engine._sessions() as session:
        return list(session.scalars(select(EvidencePicture.name).order_by(EvidencePicture.name)))


def name_of(picture: bytes) -> str:
    return f"{hashlib.sha256(picture).hexdigest()}.png"


def queue_refusal_with(engine: SyncEngine, request: AfterSale, reference: str) -> int:
    """A refusal queued as an older version queued it, or with a picture the service
    refuses today; returns its seq."""
    details = {"reason_code": NEEDS_PICTURES, "reason": "买家已签收，商品无质量问题", "remark": "见附图"}
    with engine._sessions.begin() as session:
        queued = refund_decisions.queue_decision(
            session,
            OWNER,
            request,
            Decision.REFUSE_REFUND,
            RequestState.REFUSED,
            action=refund_decisions.REFUND_REFUSE,
            now=int(time.time()),
            details={**details, "evidence": [reference]},
        )
    with engine._sessions() as session:
        operations = outbox.operations_for(session, request.aftersale_id)
    return next(row.seq for row in operations if row.op_id == queued.op_id)


def applied_refusals(url: str, aftersale_id: str) -> list[dict[str, Any]]:
    """The parameters of every operation the platform applied to `aftersale_id` for us."""
    entries = requests.get(f"{url}/_sandbox/ledger", params={"since": 0}, timeout=30).json()["entries"]
    return [e["params"] for e in entries if e["actor"] == "client" and e["entity_id"] == aftersale_id]


def uploads_served(url: str) -> int:
    stats = requests.get(f"{url}/_sandbox/stats", timeout=30).json()
    return stats["requests_served"].get("material.uploadImageSync", 0)


def materials_made(url: str) -> int:
    """How many pictures the platform's material centre holds from this test."""
    entries = requests.get(f"{url}/_sandbox/ledger", params={"since": 0}, timeout=30).json()["entries"]
    return sum(1 for e in entries if e["method"] == "material.uploadImageSync")


def review_passes(url: str, clock: MovableClock) -> None:
    """The platform's review takes four seconds of its clock; the push asks again after its delay."""
    control(url, "clock", {"advance_s": 5})
    clock.offset += REVIEW_CHECK_DELAYS[0] + 1


def push_until_settled(engine: SyncEngine, clock: MovableClock, url: str, rounds: int = 10) -> None:
    """Run the engine until nothing is open, skipping each back-off delay; the platform's
    review of a picture takes four seconds of its clock, moved on as well."""
    for _ in range(rounds):
        engine.run_once()
        with engine._sessions() as session:
            waiting = session.scalars(
                select(OutboxOperation).where(OutboxOperation.state.in_(state.OPEN_STATES))
            ).all()
        if not waiting:
            return
        clock.offset += max(op.next_attempt_at for op in waiting) - clock() + 1
        control(url, "clock", {"advance_s": 5})
    raise AssertionError("operations still open after every retry")


def assert_applied_once_with(url: str, aftersale_id: str, picture: bytes) -> None:
    """One refusal applied, carrying a URL of the platform's that serves exactly `picture`."""
    applied = applied_refusals(url, aftersale_id)
    assert len(applied) == 1 and applied[0]["type"] == OperateType.REFUSE_REFUND
    [evidence] = applied[0]["evidence"]
    assert evidence["type"] == 1 and isinstance(evidence["desc"], str)  # the record's EvidenceItem
    evidence_url = evidence["url"]
    assert evidence_url.startswith(f"{url}/_sandbox/material/")
    assert requests.get(evidence_url, timeout=10).content == picture


@pytest.fixture
def photo(tmp_path: Path, app_home: Path) -> Path:
    """A picture on the clerk's desktop; the data folder (app_home) is this test's own."""
    path = tmp_path / "开箱照片.png"
    path.write_bytes(evidence_png("开箱照片"))
    return path


def test_a_refusal_made_offline_reaches_the_platform_once_with_its_picture_uploaded(
    sandbox_url: str, database_url: str, photo: Path
) -> None:
    engine, clock = synced_engine(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    picture = photo.read_bytes()
    seq = refuse_with_picture(engine, request.aftersale_id, photo)
    photo.unlink()  # the clerk tidies the desktop; the database keeps the picture

    offline = SyncEngine(demo_platform(closed_port_url()), engine._sessions, clock=clock)
    assert offline.run_once().outcome.value != "done"
    op = operation(engine, seq)
    assert op.state == state.PENDING and op.attempts == 0  # nothing sent, not even the picture
    assert sent_evidence(engine, seq) == [f"local-evidence:{name_of(picture)}"]
    assert kept_pictures(engine) == [name_of(picture)]

    push_until_settled(engine, clock, sandbox_url)  # the internet is back
    op = operation(engine, seq)
    assert (op.state, op.attempts) == (state.DONE, 1)
    assert_applied_once_with(sandbox_url, request.aftersale_id, picture)
    [applied] = applied_refusals(sandbox_url, request.aftersale_id)
    assert sent_evidence(engine, seq) == [evidence["url"] for evidence in applied["evidence"]]
    engine.run_once()
    with engine._sessions() as session:
        assert session.get(AfterSale, request.aftersale_id).status == AfterSaleStatus.MERCHANT_REFUSED


@pytest.mark.parametrize("fault", ["http_5xx", "drop_response", "rate_limit", "malformed"])
def test_a_failed_upload_is_tried_again_and_the_refusal_applied_exactly_once(
    sandbox_url: str, database_url: str, photo: Path, fault: str
) -> None:
    engine, clock = synced_engine(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    seq = refuse_with_picture(engine, request.aftersale_id, photo)
    inject(sandbox_url, fault, method="material.uploadImageSync")
    engine.run_once()
    op = operation(engine, seq)
    assert (op.state, op.attempts, op.verify_before_send) == (state.PENDING, 0, False)  # refusal not sent
    assert op.problem  # in words while it waits
    push_until_settled(engine, clock, sandbox_url)
    assert (operation(engine, seq).state, operation(engine, seq).attempts) == (state.DONE, 1)
    assert_applied_once_with(sandbox_url, request.aftersale_id, photo.read_bytes())
    assert materials_made(sandbox_url) == 1  # a lost answer is found again by its name


def test_the_uploaded_urls_are_committed_before_the_refusal_is_sent(
    sandbox_url: str, sqlite_url: str, photo: Path
) -> None:
    engine, clock = synced_engine(sandbox_url, sqlite_url)
    request = open_refund_requests(engine, 1)[0]
    seq = refuse_with_picture(engine, request.aftersale_id, photo)
    engine.run_once()  # uploaded, and held back while the platform reviews it
    assert operation(engine, seq).problem == PROBLEM_REVIEW_WAITING
    review_passes(sandbox_url, clock)
    inject(sandbox_url, "drop_response", method="afterSale.operate")  # applied, the answer lost
    engine.run_once()
    op = operation(engine, seq)
    assert op.state == state.PENDING and op.verify_before_send
    [url] = sent_evidence(engine, seq)  # already the platform's URL: a retry sends the same
    assert url.startswith(f"{sandbox_url}/_sandbox/material/")
    push_until_settled(engine, clock, sandbox_url)
    assert operation(engine, seq).state == state.DONE
    assert_applied_once_with(sandbox_url, request.aftersale_id, photo.read_bytes())
    assert uploads_served(sandbox_url) == 1


def test_a_wrong_clock_during_the_upload_stops_the_round_and_keeps_the_refusal(
    sandbox_url: str, sqlite_url: str, photo: Path
) -> None:
    engine, clock = synced_engine(sandbox_url, sqlite_url)
    request = open_refund_requests(engine, 1)[0]
    seq = refuse_with_picture(engine, request.aftersale_id, photo)
    inject(sandbox_url, "clock_skew", method="material.uploadImageSync")
    assert engine.run_once().outcome.value == "config_error"
    assert operation(engine, seq).state == state.PENDING
    push_until_settled(engine, clock, sandbox_url)
    assert_applied_once_with(sandbox_url, request.aftersale_id, photo.read_bytes())


def test_a_picture_the_platform_refuses_is_shown_to_a_person_in_plain_words(
    sandbox_url: str, database_url: str, app_home: Path
) -> None:
    """A picture kept under rules older than the platform's (here: a GIF); the service
    refuses GIFs today, so the operation is queued as the service would have queued it."""
    engine, clock = synced_engine(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    gif = b"GIF89a" + bytes(64)
    name = name_of(gif)
    with engine._sessions.begin() as session:
        session.add(EvidencePicture(name=name, content=gif, byte_size=len(gif), created_at=int(time.time())))
    queue_refusal_with(engine, request, f"local-evidence:{name}")
    engine.run_once()
    with engine._sessions() as session:
        [attention] = outbox.needing_attention(session)
    assert (attention.entity_id, attention.state) == (request.aftersale_id, state.REJECTED)
    assert attention.problem == PICTURE_REFUSALS[20001]
    assert attention.platform_message  # the platform's own words, kept beside ours
    assert operation(engine, attention.seq).platform_code == "isv.parameter-invalid:20001"
    assert applied_refusals(sandbox_url, request.aftersale_id) == []
    assert kept_pictures(engine) == [name]  # kept while a person looks at the refusal


@pytest.mark.parametrize(
    ("spoil", "problem"),
    [("delete", PROBLEM_PICTURE_GONE), ("overwrite", PROBLEM_PICTURE_DAMAGED)],
)
def test_a_kept_picture_gone_or_damaged_is_never_sent_and_a_person_is_told(
    sandbox_url: str, sqlite_url: str, photo: Path, spoil: str, problem: str
) -> None:
    engine, clock = synced_engine(sandbox_url, sqlite_url)
    request = open_refund_requests(engine, 1)[0]
    seq = refuse_with_picture(engine, request.aftersale_id, photo)
    with engine._sessions.begin() as session:
        if spoil == "delete":
            session.execute(delete(EvidencePicture))
        else:
            session.execute(update(EvidencePicture).values(content=evidence_png("another picture")))
    engine.run_once()
    op = operation(engine, seq)
    assert (op.state, op.problem, op.attempts) == (state.REJECTED, problem, 0)
    assert uploads_served(sandbox_url) == 0 and applied_refusals(sandbox_url, request.aftersale_id) == []


def test_a_refusal_decided_here_is_pushed_by_the_shop_service_on_another_computer(
    sandbox_url: str, database_url: str, photo: Path, tmp_path: Path
) -> None:
    """ARCHITECTURE.md "Scale": the headless sync service (`main.py sync`, its own process
    with a data folder of its own, as on an always-on machine) pushes a refusal a clerk
    decided at a workstation; all the two share is the database."""
    engine, _clock = synced_engine(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    picture = photo.read_bytes()
    seq = refuse_with_picture(engine, request.aftersale_id, photo)
    photo.unlink()

    elsewhere = tmp_path / "the shop server's data folder"
    elsewhere.mkdir()
    for _ in ("upload the picture", "send the refusal once its review passed"):
        service = subprocess.run(
            [sys.executable, "main.py", "sync", "--once", "--store", sandbox_url, "--app-key", DEMO_APP_KEY,
             "--app-secret", DEMO_APP_SECRET, "--shop-id", DEMO_SHOP_ID, "--db", database_url],
            cwd=REPO,
            env={**os.environ, HOME_ENV: str(elsewhere)},
            capture_output=True,
            text=True,
            timeout=120,
        )  # fmt: skip
        assert service.returncode == 0, service.stdout + service.stderr
        control(sandbox_url, "clock", {"advance_s": 5})  # the review takes four seconds
        with engine._sessions.begin() as session:  # skip the polite wait before asking again
            session.execute(update(OutboxOperation).values(next_attempt_at=0))
    assert operation(engine, seq).state == state.DONE
    assert_applied_once_with(sandbox_url, request.aftersale_id, picture)
    assert kept_pictures(engine) == []  # the platform has it now
    assert not (elsewhere / "evidence").exists()


def test_a_picture_an_older_version_kept_in_the_data_folder_still_uploads(
    sandbox_url: str, database_url: str, app_home: Path
) -> None:
    """Refusals queued before the upgrade refer to files in this computer's data folder."""
    engine, clock = synced_engine(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    picture = evidence_png("开箱照片")
    (app_home / "evidence").mkdir()
    (app_home / "evidence" / name_of(picture)).write_bytes(picture)
    seq = queue_refusal_with(engine, request, f"local-evidence:{name_of(picture)}")
    assert kept_pictures(engine) == []
    push_until_settled(engine, clock, sandbox_url)
    assert operation(engine, seq).state == state.DONE
    assert_applied_once_with(sandbox_url, request.aftersale_id, picture)


def test_a_kept_picture_is_forgotten_once_every_refusal_carrying_it_is_done_and_not_before(
    sandbox_url: str, database_url: str, photo: Path
) -> None:
    engine, clock = synced_engine(sandbox_url, database_url)
    first, second = open_refund_requests(engine, 2)
    first_seq = refuse_with_picture(engine, first.aftersale_id, photo)
    second_seq = refuse_with_picture(engine, second.aftersale_id, photo)  # the same picture
    assert kept_pictures(engine) == [name_of(photo.read_bytes())]  # kept once

    inject(sandbox_url, "http_5xx", method="material.uploadImageSync")  # the first refusal's upload fails
    engine.run_once()
    assert operation(engine, first_seq).state == state.PENDING  # to be tried again
    assert operation(engine, second_seq).problem == PROBLEM_REVIEW_WAITING  # uploaded, under review
    assert kept_pictures(engine) == [name_of(photo.read_bytes())]  # both still need it

    push_until_settled(engine, clock, sandbox_url)
    assert operation(engine, first_seq).state == state.DONE
    assert kept_pictures(engine) == []
    assert_applied_once_with(sandbox_url, first.aftersale_id, photo.read_bytes())
    assert_applied_once_with(sandbox_url, second.aftersale_id, photo.read_bytes())
    assert materials_made(sandbox_url) == 1  # one picture on the platform, found by its name
