"""The desk updates itself from signed releases: version N finds N+1 at a loopback update
address, downloads and unpacks it into the data folder, waits for the owner, and the next
start installs it in place of the install folder; a tampered release is refused in plain
words and nothing is installed. Releases are made by the release tool itself
(tools/release.py, what `tasks.py release` runs) from stand-in bundles (tests/update_releases.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import AuditEvent
from app.services.people.permissions import Actor, Role
from app.services.updates.agreement import AgreementRefused, agree_to_install
from app.services.updates.apply import apply_agreed_update
from app.services.updates.check import (
    MSG_REFUSED,
    MSG_UNREACHABLE,
    UpdateProblem,
    UpdateStopped,
    check_and_download,
)
from app.services.updates.folders import APP_NAME, ROOT_FILE, Installation
from app.services.updates.pending import read_installed, read_pending
from tests.fixtures_views import PEOPLE_NOW, actor_of, add_person
from tests.update_releases import ReleaseShelf, data_folders, installed_version, serving
from tools.release import ReleaseRefused, make_release


@pytest.fixture
def shelf(tmp_path: Path) -> ReleaseShelf:
    return ReleaseShelf(tmp_path / "publisher")


@pytest.fixture
def installed(shelf: ReleaseShelf, tmp_path: Path) -> Installation:
    """Version 1.0.0, released and installed; then 1.1.0 released."""
    first = shelf.release("1.0.0", "The first release.", extra="only-in-1.0.0.txt")
    installation = shelf.install(first, tmp_path / "programs" / APP_NAME)
    shelf.release("1.1.0", "Refunds open twice as fast.\nThe dashboard names the shop's clock.")
    return installation


def shop_data(data_dir: Path) -> dict[str, bytes]:
    """A shop's database (with its unsent decisions) and the settings, as the data folder holds them."""
    (data_dir / "shops").mkdir(parents=True)
    (data_dir / "shops" / "shop-1.sqlite").write_bytes(b"SQLite format 3\x00 unsent decisions")
    (data_dir / "settings.json").write_text('{"language": "zh_CN"}')
    return {
        str(path.relative_to(data_dir)): path.read_bytes() for path in data_dir.rglob("*") if path.is_file()
    }


def test_an_installed_build_is_updated_from_n_to_n_plus_1_on_the_next_start_after_the_owner_agrees(
    installed: Installation,
    shelf: ReleaseShelf,
    tmp_path: Path,
    session_factory: sessionmaker[Session],
    owner: Actor,
) -> None:
    data_dir = tmp_path / "data"
    kept = shop_data(data_dir)
    folders = data_folders(data_dir)
    assert installed.version == "1.0.0" and installed.trusted_root.is_file()

    with serving(shelf.repository) as url:
        pending = check_and_download(installed, url, folders)
    assert pending is not None and pending.version == "1.1.0" and pending.from_version == "1.0.0"
    assert pending.notes == "Refunds open twice as fast.\nThe dashboard names the shop's clock."
    assert pending.staged.is_relative_to(data_dir) and (pending.staged / "version.txt").read_text() == "1.1.0"
    # Downloaded, not installed: the owner has not agreed yet, so a start changes nothing.
    assert apply_agreed_update(installed.install_dir, folders) is None
    assert installed_version(installed.install_dir) == "1.0.0"

    agreed = agree_to_install(folders, session_factory, owner, now=PEOPLE_NOW)
    assert agreed.agreed_by == owner.username and read_pending(folders) == agreed

    assert apply_agreed_update(installed.install_dir, folders, now=PEOPLE_NOW + 60) == "1.1.0"
    assert installed_version(installed.install_dir) == "1.1.0"
    assert (installed.install_dir / APP_NAME).read_text() == "#!/bin/sh\necho 1.1.0\n"
    assert (installed.install_dir / ROOT_FILE).is_file()  # the next update is checked with it
    assert not (installed.install_dir / "_internal" / "only-in-1.0.0.txt").exists()  # replaced, not merged
    assert not installed.install_dir.with_name(APP_NAME + ".previous").exists()
    assert read_pending(folders) is None
    installed_update = read_installed(folders)
    assert installed_update is not None and (installed_update.version, installed_update.previous) == (
        "1.1.0",
        "1.0.0",
    )
    assert [path.name for path in folders.targets_dir.iterdir()] == [f"{APP_NAME}-1.1.0.tar.gz"]
    for name, content in kept.items():  # the data folder is untouched
        assert (data_dir / name).read_bytes() == content

    # The new version finds nothing newer.
    with serving(shelf.repository) as url:
        assert check_and_download(Installation(installed.install_dir, "1.1.0"), url, folders) is None


# The desk's first step (app/desktop.py), in a process that takes itself for the installed
# program: a one-folder build is `sys.frozen`, and its `sys.executable` is its program file.
START_AS_INSTALLED = """
import sys
from pathlib import Path
sys.frozen, sys.executable = True, {program!r}
from app.services.updates.apply import apply_at_start
apply_at_start(Path({data_dir!r}))
print("the old version kept running")
"""


def test_the_next_start_installs_the_agreed_update_and_runs_the_new_version_in_its_place(
    installed: Installation,
    shelf: ReleaseShelf,
    tmp_path: Path,
    session_factory: sessionmaker[Session],
    owner: Actor,
) -> None:
    data_dir = tmp_path / "data"
    folders = data_folders(data_dir)
    with serving(shelf.repository) as url:
        check_and_download(installed, url, folders)
    agree_to_install(folders, session_factory, owner, now=PEOPLE_NOW)
    program = str(installed.install_dir / APP_NAME)

    start = subprocess.run(
        [sys.executable, "-c", START_AS_INSTALLED.format(program=program, data_dir=str(data_dir))],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )

    assert start.returncode == 0, start.stderr
    assert start.stdout == "1.1.0\n"  # the new program, started in the old one's place
    assert installed_version(installed.install_dir) == "1.1.0"
    assert read_pending(folders) is None


def test_only_the_owner_may_agree_and_the_agreement_is_in_the_audit_trail(
    installed: Installation,
    shelf: ReleaseShelf,
    tmp_path: Path,
    session_factory: sessionmaker[Session],
    owner: Actor,
) -> None:
    folders = data_folders(tmp_path / "data")
    with serving(shelf.repository) as url:
        check_and_download(installed, url, folders)
    clerk = actor_of(add_person(session_factory, owner, "xiaowang", "小王", Role.CLERK))

    with pytest.raises(AgreementRefused, match="Only the shop owner"):
        agree_to_install(folders, session_factory, clerk, now=PEOPLE_NOW)
    waiting = read_pending(folders)
    assert waiting is not None and not waiting.agreed
    assert apply_agreed_update(installed.install_dir, folders) is None

    agree_to_install(folders, session_factory, owner, now=PEOPLE_NOW)
    with session_factory() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == "update")).one()
    assert event.actor_id == owner.user_id
    assert (json.loads(event.before), json.loads(event.after)) == ({"update": "1.0.0"}, {"update": "1.1.0"})


def test_an_archive_whose_bytes_were_changed_is_refused_and_nothing_is_installed(
    installed: Installation, shelf: ReleaseShelf, tmp_path: Path
) -> None:
    archive = shelf.archive("1.1.0")
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same length, one byte changed
    archive.write_bytes(bytes(data))
    folders = data_folders(tmp_path / "data")

    with serving(shelf.repository) as url, pytest.raises(UpdateProblem) as refused:
        check_and_download(installed, url, folders)

    assert refused.value.message == MSG_REFUSED
    assert "did not match its signed release information, so it was refused and nothing was installed" in str(
        refused.value
    )
    assert read_pending(folders) is None
    assert not any(folders.staged_dir.glob("*/*"))
    assert installed_version(installed.install_dir) == "1.0.0"


def test_release_information_whose_signature_is_broken_is_refused(
    installed: Installation, shelf: ReleaseShelf, tmp_path: Path
) -> None:
    targets = shelf.repository / "metadata" / "targets.json"
    metadata = json.loads(targets.read_text())
    entry = metadata["signed"]["targets"][f"{APP_NAME}-1.1.0.tar.gz"]
    entry["custom"]["user"]["notes"] = "Nothing to see here."  # changed after it was signed
    targets.write_text(json.dumps(metadata))
    folders = data_folders(tmp_path / "data")

    with serving(shelf.repository) as url, pytest.raises(UpdateProblem) as refused:
        check_and_download(installed, url, folders)

    assert refused.value.message == MSG_REFUSED
    assert read_pending(folders) is None
    assert installed_version(installed.install_dir) == "1.0.0"


def test_a_release_signed_with_other_keys_is_refused(installed: Installation, tmp_path: Path) -> None:
    impostor = ReleaseShelf(tmp_path / "impostor")  # its own keys, its own root
    impostor.release("1.0.0", "Looks like the first release.")
    impostor.release("9.0.0", "Install me.")
    folders = data_folders(tmp_path / "data")

    with serving(impostor.repository) as url, pytest.raises(UpdateProblem) as refused:
        check_and_download(installed, url, folders)

    assert refused.value.message == MSG_REFUSED
    assert read_pending(folders) is None


def test_an_update_address_that_does_not_answer_is_said_plainly(
    installed: Installation, tmp_path: Path
) -> None:
    with serving(tmp_path) as url:  # a server that was there a moment ago, now stopped
        pass
    with pytest.raises(UpdateProblem) as refused:
        check_and_download(installed, url, data_folders(tmp_path / "data"))
    assert refused.value.message == MSG_UNREACHABLE
    assert str(refused.value).startswith(f"The update address {url} could not be reached")


def test_a_download_stops_when_the_desk_closes_and_leaves_nothing_half_done(
    installed: Installation, shelf: ReleaseShelf, tmp_path: Path
) -> None:
    closing = threading.Event()
    closing.set()
    folders = data_folders(tmp_path / "data")
    with serving(shelf.repository) as url, pytest.raises(UpdateStopped):
        check_and_download(installed, url, folders, stop=closing)
    assert read_pending(folders) is None
    assert not any(folders.staged_dir.glob("*/*"))
    assert not any(folders.targets_dir.glob("*.tar.gz"))


def test_an_update_is_not_installed_over_a_data_folder_inside_the_install_folder(
    installed: Installation, shelf: ReleaseShelf, session_factory: sessionmaker[Session], owner: Actor
) -> None:
    folders = data_folders(installed.install_dir / "data")  # a person pointed the data folder there
    with serving(shelf.repository) as url:
        check_and_download(installed, url, folders)
    agree_to_install(folders, session_factory, owner, now=PEOPLE_NOW)

    assert apply_agreed_update(installed.install_dir, folders) is None
    assert installed_version(installed.install_dir) == "1.0.0"
    waiting = read_pending(folders)  # still agreed, with why it was not installed, for the window
    assert waiting is not None and waiting.agreed
    assert (
        waiting.not_installed
        == f"the data folder {folders.base} is inside the install folder {installed.install_dir}"
    )


def test_the_release_tool_refuses_a_version_already_released_and_keys_it_does_not_have(
    shelf: ReleaseShelf, tmp_path: Path
) -> None:
    bundle = shelf.release("1.0.0", "The first release.")
    with pytest.raises(ReleaseRefused, match="already released"):
        make_release(bundle, "1.0.0", "Again.", shelf.repository, shelf.keys)
    with pytest.raises(ReleaseRefused, match="keys not found"):
        make_release(bundle, "1.0.1", "Elsewhere.", shelf.repository, tmp_path / "no-keys")
    with pytest.raises(ReleaseRefused, match="says what changed"):
        make_release(bundle, "1.0.1", " ", shelf.repository, shelf.keys)
