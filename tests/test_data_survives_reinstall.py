"""Installing the desk again, in another folder, keeps everything the shop had.

Two copies of the program (main.py, app/, resources/) in two different folders stand for
the release installed before and the one installed now; each runs as a process of its
own, as an installed build would (`sys.frozen` set, `sys.executable` its own folder's
AfterSalesDesk), with no AFTERSALES_DESK_HOME: the data folder is the per-user one
(XDG_DATA_HOME here), never next to the program. The first copy leaves settings, a
shop mirror, an owner, a kept app secret and a decision queued but not yet sent, with the
database one migration behind (as the previous release left it); the second copy finds
all of it, runs the migration at its first start, and the decision still waits to be sent.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.db import head_revision
from app.version import VERSION
from tests.file_keyring import BACKEND_NAME, KEYRING_FILE_ENV

REPO = Path(__file__).resolve().parents[1]
NEVER_LONGER_THAN_S = 120  # only so a hang cannot hold the suite; no timing is asserted

# Run in the program's folder (its `app` comes first on the path; `tests` from the checkout).
AS_INSTALLED = """
import json, sys
from pathlib import Path
sys.frozen = True  # as an installed build: nothing may depend on where the program lies
sys.executable = str(Path.cwd() / "AfterSalesDesk")
import app
from sqlalchemy import func, select
from app import config, secrets
from app.db import MIGRATIONS_DIR, current_revision, head_revision, make_engine, open_database
from app.demo_shop import DEMO_SHOP_ID
from app.models import Order, SchemaVersion
from app.services import outbox
from app.services.people import accounts
from tests.refund_shop import SOON
KEY, SECRET = "7123456789012345678", "the-shops-app-secret"
url = config.shop_database_url(DEMO_SHOP_ID, demo=True)

def found(sessions, revision_at_start):
    loaded = config.load_settings()
    with sessions() as session:
        return {
            "program": app.__file__,
            "data_folder": str(config.data_dir()),
            "settings": [loaded.settings.language, loaded.settings.sync_interval_s,
                         loaded.settings.stay_signed_in_user, [str(note) for note in loaded.notes]],
            "secret": secrets.load_app_secret(KEY),
            "owner": accounts.has_owner(session),
            "orders": session.scalar(select(func.count()).select_from(Order)),
            "waiting_to_send": [[row.decision, row.state] for row in outbox.operations_for(session, SOON)],
            "revision_at_start": revision_at_start,
            "recorded": session.scalar(select(SchemaVersion.app_version)
                                       .where(SchemaVersion.revision == head_revision())),
        }

if sys.argv[1] == "leave-data":
    from alembic import command
    from alembic.config import Config
    from tests.builders import NOW
    from tests.refund_shop import seed_queue
    from app.services.people import sign_in
    from app.services.refunds import decisions
    config.Settings(language="zh_CN", sync_interval_s=30, stay_signed_in_user="xiaolin").save()
    secrets.save_app_secret(KEY, SECRET)
    engine, sessions = open_database(url)
    with sessions.begin() as session:
        accounts.create_owner(session, "xiaolin", "小林", "correct horse 42", now=NOW)
    seed_queue(sessions, now=NOW)
    with sessions.begin() as session:
        owner = sign_in.resume_stayed_signed_in(session, "xiaolin", now=NOW)
        decisions.approve_refund(session, owner, SOON, now=NOW)
    summary = found(sessions, None)
    alembic = Config()
    alembic.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:  # as the previous release left it: one migration behind
        alembic.attributes["connection"] = connection
        command.downgrade(alembic, "-1")
else:
    with make_engine(url).connect() as connection:
        revision_at_start = current_revision(connection)
    engine, sessions = open_database(url)  # the migrations of this release, at its first start
    summary = found(sessions, revision_at_start)
engine.dispose()
print(json.dumps(summary))
"""


def installed(tmp_path: Path, folder: str) -> Path:
    """A copy of the program, as an installer would lay it out in `folder`."""
    program = tmp_path / folder / "AfterSalesDesk"
    program.mkdir(parents=True)
    shutil.copy2(REPO / "main.py", program / "main.py")
    for part in ("app", "resources"):
        shutil.copytree(REPO / part, program / part, ignore=shutil.ignore_patterns("__pycache__"))
    return program


def run_installed(program: Path, tmp_path: Path, what: str) -> dict[str, Any]:
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("AFTERSALES_DESK_HOME", "PYTHONPATH")
    }
    environment |= {
        "XDG_DATA_HOME": str(tmp_path / "per-user-data"),  # where platformdirs puts a user's data
        "PYTHONPATH": str(REPO),  # the test helpers (`tests`); `app` comes from the program's folder
        "PYTHON_KEYRING_BACKEND": BACKEND_NAME,  # the OS keyring, as a file both processes read
        KEYRING_FILE_ENV: str(tmp_path / "os-keyring.json"),
    }
    run = subprocess.run(
        [sys.executable, "-c", AS_INSTALLED, what],
        cwd=program,
        env=environment,
        capture_output=True,
        text=True,
        timeout=NEVER_LONGER_THAN_S,
    )
    assert run.returncode == 0, run.stderr
    return dict(json.loads(run.stdout.splitlines()[-1]))


def test_a_new_install_in_another_folder_finds_the_shops_data_and_its_unsent_decision(tmp_path: Path) -> None:
    before = run_installed(installed(tmp_path, "first install"), tmp_path, "leave-data")
    after = run_installed(installed(tmp_path, "installed again elsewhere"), tmp_path, "open")

    assert Path(before["program"]).is_relative_to(tmp_path / "first install")
    assert Path(after["program"]).is_relative_to(tmp_path / "installed again elsewhere")
    data_folder = tmp_path / "per-user-data" / "AfterSalesDesk"
    assert before["data_folder"] == after["data_folder"] == str(data_folder)  # not the program's folder
    assert after["settings"] == before["settings"] == ["zh_CN", 30, "xiaolin", []]
    assert after["secret"] == "the-shops-app-secret"
    assert after["owner"] is True and after["orders"] == before["orders"] == 6
    assert after["waiting_to_send"] == before["waiting_to_send"] == [["approve_refund", "pending"]]
    # The migration the first install lacked ran at the new one's first start, and says who ran it.
    assert after["revision_at_start"] not in (None, head_revision())
    assert after["recorded"] == VERSION
    keyring_file = (tmp_path / "os-keyring.json").read_text(encoding="utf-8")
    assert "AfterSalesDesk" in keyring_file and "install" not in keyring_file  # by name, not by path
