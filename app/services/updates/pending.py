"""The update waiting for the next start, what changed in it, and who agreed to it.

Owns `PendingUpdate` and its file in the data folder (`UpdateFolders.pending_file`,
written atomically): a downloaded, checked and unpacked release waits there until the
owner agrees (`agreed_by`), and is installed at the next start only then
(app/services/updates/apply.py). Also `InstalledUpdate`, what the last start installed,
so the window can say so once. Standard library only: read before Qt loads.

A damaged file is treated as no update waiting (and logged): the next check finds the
release again and downloads it anew, so nothing is installed that was not agreed.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app.services.updates.folders import UpdateFolders

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PendingUpdate:
    version: str
    notes: str  # what changed, as the signed release metadata carries it
    staged: Path  # the unpacked release, in the data folder
    from_version: str  # the version it was downloaded by
    agreed_by: str = ""  # the owner's user name once they agreed; "" waits
    agreed_at: int = 0
    # Why the last start could not install it (an OS error, in its words); tried again next start.
    not_installed: str = ""

    @property
    def agreed(self) -> bool:
        return bool(self.agreed_by)


@dataclass(frozen=True)
class InstalledUpdate:
    version: str
    previous: str
    at: int


def read_pending(folders: UpdateFolders) -> PendingUpdate | None:
    raw = _read(folders.pending_file)
    try:
        return PendingUpdate(
            version=str(raw["version"]),
            notes=str(raw.get("notes", "")),
            staged=Path(str(raw["staged"])),
            from_version=str(raw.get("from_version", "")),
            agreed_by=str(raw.get("agreed_by", "")),
            agreed_at=int(raw.get("agreed_at", 0)),
            not_installed=str(raw.get("not_installed", "")),
        )
    except (KeyError, TypeError, ValueError):
        if raw:
            log.warning("pending update file %s unreadable; treated as none", folders.pending_file)
        return None


def write_pending(folders: UpdateFolders, pending: PendingUpdate) -> None:
    data = asdict(pending)
    data["staged"] = str(pending.staged)
    _write(folders.pending_file, data)


def forget_pending(folders: UpdateFolders) -> None:
    """No update waits any more: its file and its unpacked copy go."""
    pending = read_pending(folders)
    folders.pending_file.unlink(missing_ok=True)
    if pending is not None and pending.staged.is_relative_to(folders.staged_dir):
        shutil.rmtree(pending.staged, ignore_errors=True)


def read_installed(folders: UpdateFolders) -> InstalledUpdate | None:
    raw = _read(folders.installed_file)
    try:
        return InstalledUpdate(str(raw["version"]), str(raw.get("previous", "")), int(raw.get("at", 0)))
    except (KeyError, TypeError, ValueError):
        return None


def take_installed(folders: UpdateFolders) -> InstalledUpdate | None:
    """What the last start installed, said once: the file goes as it is read."""
    installed = read_installed(folders)
    folders.installed_file.unlink(missing_ok=True)
    return installed


def write_installed(folders: UpdateFolders, installed: InstalledUpdate) -> None:
    _write(folders.installed_file, asdict(installed))


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("update file %s unreadable (%s)", path, error)
        return {}
    return raw if isinstance(raw, dict) else {}


def _write(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)
