"""A refusal waits for the platform's review of its evidence pictures, and is sent once.

Douyin reviews every picture uploaded to its material centre (docs/platforms/douyin.md
"material.uploadImageSync"): a refusal whose pictures are still under review is held back,
unsent, saying so in plain words (urgently when the reply deadline is near); a rejected
picture sends the refusal to "needs attention", saying which picture and what to do. Real
sandbox over HTTP (its review runs on its clock; faults decide a review's end), real
databases, a real `main.py sync` process killed between the upload and the refusal.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import update

from app.core.problem_words import with_values
from app.models import OutboxOperation
from app.models import outbox as state
from app.sandbox.evidence import evidence_png
from app.services import outbox
from app.services.refunds.refusal_evidence import (
    PROBLEM_PICTURE_REJECTED,
    PROBLEM_REVIEW_URGENT,
    PROBLEM_REVIEW_WAITING,
    URGENT_WITHIN_S,
    rejected_picture,
)
from tests.sandbox_control import control, inject, sync_argv
from tests.test_evidence_push import (
    applied_refusals,
    assert_applied_once_with,
    materials_made,
    push_until_settled,
    refuse_with_picture,
    review_passes,
)
from tests.test_outbox_push import open_refund_requests, operation, synced_engine
from tests.test_sync_killed import wait_until

ROOT = Path(__file__).resolve().parents[1]
UPLOAD = "material.uploadImageSync"


@pytest.fixture
def photo(tmp_path: Path, app_home: Path) -> Path:
    """A picture on the clerk's desktop; the data folder (app_home) is this test's own."""
    path = tmp_path / "开箱照片.png"
    path.write_bytes(evidence_png("开箱照片"))
    return path


def test_a_refusal_waits_unsent_while_its_picture_is_reviewed_then_goes_once(
    sandbox_url: str, database_url: str, photo: Path
) -> None:
    engine, clock = synced_engine(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    seq = refuse_with_picture(engine, request.aftersale_id, photo)
    inject(sandbox_url, "review_hold", method=UPLOAD)  # a picture the platform looks at for long
    for _ in range(3):  # round after round it asks again, politely, and waits
        engine.run_once()
        op = operation(engine, seq)
        assert (op.state, op.attempts, op.problem) == (state.PENDING, 0, PROBLEM_REVIEW_WAITING)
        asked = served(sandbox_url, "material.queryMaterialDetail")
        engine.run_once()  # a round straight after asks nothing: not every second
        assert served(sandbox_url, "material.queryMaterialDetail") == asked
        review_passes(sandbox_url, clock)
    assert applied_refusals(sandbox_url, request.aftersale_id) == []
    with engine._sessions() as session:
        assert outbox.open_for(session, [request.aftersale_id])[request.aftersale_id].problem == (
            PROBLEM_REVIEW_WAITING
        )  # what the queue row and the detail pane show

    control(sandbox_url, "clock", {"advance_s": 20 * 3600})  # reviewed within a day
    push_until_settled(engine, clock, sandbox_url)
    assert (operation(engine, seq).state, operation(engine, seq).attempts) == (state.DONE, 1)
    assert_applied_once_with(sandbox_url, request.aftersale_id, photo.read_bytes())
    assert materials_made(sandbox_url) == 1


def test_a_review_still_running_close_to_the_deadline_is_said_urgently(
    sandbox_url: str, database_url: str, photo: Path
) -> None:
    engine, clock = synced_engine(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    seq = refuse_with_picture(engine, request.aftersale_id, photo)
    inject(sandbox_url, "review_hold", method=UPLOAD)
    assert request.status_deadline is not None
    clock.offset += request.status_deadline - URGENT_WITHIN_S + 60 - clock()  # hours before the deadline
    engine.run_once()
    op = operation(engine, seq)
    assert (op.state, op.problem) == (state.PENDING, PROBLEM_REVIEW_URGENT)


def test_a_rejected_picture_puts_the_refusal_in_needs_attention_saying_which_and_what_to_do(
    sandbox_url: str, database_url: str, photo: Path
) -> None:
    engine, clock = synced_engine(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    seq = refuse_with_picture(engine, request.aftersale_id, photo)
    inject(sandbox_url, "review_reject", method=UPLOAD)
    engine.run_once()
    review_passes(sandbox_url, clock)
    engine.run_once()
    with engine._sessions() as session:
        [attention] = outbox.needing_attention(session)
    assert (attention.seq, attention.state) == (seq, state.REJECTED)
    assert attention.problem == with_values(PROBLEM_PICTURE_REJECTED, number="1")  # "evidence picture 1"
    assert rejected_picture(attention.details) == 1
    assert attention.platform_message == "图片内容不符合平台规范"  # the review's own words
    # The clerk's words are kept with it, to refuse again quickly.
    assert (attention.details["reason_code"], attention.details["remark"]) == (2, "签收时外包装完好，见附图")
    assert applied_refusals(sandbox_url, request.aftersale_id) == []
    assert operation(engine, seq).attempts == 0  # the refusal itself never went


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_sync_killed_between_the_upload_and_the_refusal_sends_the_same_picture_once(
    sandbox_url: str, sqlite_url: str, photo: Path, tmp_path: Path
) -> None:
    engine, clock = synced_engine(sandbox_url, sqlite_url)
    request = open_refund_requests(engine, 1)[0]
    seq = refuse_with_picture(engine, request.aftersale_id, photo)
    engine.run_once()  # the picture went up; the refusal waits for its review
    assert materials_made(sandbox_url) == 1 and operation(engine, seq).problem == PROBLEM_REVIEW_WAITING
    control(sandbox_url, "clock", {"advance_s": 5})  # the review passed
    with engine._sessions.begin() as session:  # the headless service runs on the real clock
        session.execute(update(OutboxOperation).values(next_attempt_at=0))

    # The service asks about the review and is killed before it can send the refusal.
    inject(sandbox_url, "latency", method="material.queryMaterialDetail", ms=60_000)
    command = [sys.executable, "main.py", *sync_argv(sandbox_url, sqlite_url)]
    environment = {**os.environ, "AFTERSALES_DESK_HOME": str(tmp_path / "home")}
    killed = subprocess.Popen(
        command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wait_until(lambda: served(sandbox_url, "material.queryMaterialDetail") >= 1, 60, "the review to be asked")
    killed.send_signal(signal.SIGKILL)
    killed.wait(10)
    assert applied_refusals(sandbox_url, request.aftersale_id) == []
    control(sandbox_url, "faults", method="DELETE")

    push_until_settled(engine, clock, sandbox_url)  # started again
    assert operation(engine, seq).state == state.DONE
    assert_applied_once_with(sandbox_url, request.aftersale_id, photo.read_bytes())
    assert materials_made(sandbox_url) == 1  # the same picture, never uploaded again


def served(url: str, method: str) -> int:
    return int(control(url, "stats", method="GET")["requests_served"].get(method, 0))
