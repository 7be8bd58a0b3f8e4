"""Ask the update address for a newer release, fetch it, and refuse one that was tampered with.

Owns `check_and_download`: through tufup's client (python-tuf underneath) it reads the
release metadata at `<address>/metadata/` — root, timestamp, snapshot, targets, each
signed, checked against the keys this installation trusts (its bundled
`update-root.json`, then whatever root rotation the release signed) — and when a newer
version is listed, downloads its archive from `<address>/targets/`, checks its length
and hash against the signed metadata, and unpacks it into the data folder
(`UpdateFolders.staged_dir`), where it waits for the owner (app/services/updates/pending.py).
Nothing is installed here.

Why the refresh is done first and on its own: tufup's `check_for_updates` logs a broken
signature and answers "no update", which would hide a tampered release from the person;
here every refusal reaches them in plain words (`UpdateProblem`) and nothing is kept.

tufup is imported inside the function: the desk's start does not pay for it.
"""

from __future__ import annotations

import logging
import shutil
import threading
from pathlib import Path
from typing import Any

from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.services.updates.folders import Installation, UpdateFolders
from app.services.updates.pending import PendingUpdate, forget_pending, read_pending, write_pending

log = logging.getLogger(__name__)

MSG_UNREACHABLE = QT_TRANSLATE_NOOP(
    "updates",
    "The update address {url} could not be reached ({reason}). This version keeps working; "
    "the desk looks again at its next start.",
)
MSG_REFUSED = QT_TRANSLATE_NOOP(
    "updates",
    "The update offered at {url} did not match its signed release information, so it was refused "
    "and nothing was installed. Tell whoever publishes the desk's updates.",
)
MSG_EXPIRED = QT_TRANSLATE_NOOP(
    "updates",
    "The release information at {url} has expired, so it was not trusted and nothing was "
    "installed. Tell whoever publishes the desk's updates.",
)
MSG_NO_TRUSTED_KEY = QT_TRANSLATE_NOOP(
    "updates",
    "This installation has no release key to check updates with ({file} is missing), so it "
    "does not look for updates. Install the desk again from its installer.",
)
MSG_NOT_SAVED = QT_TRANSLATE_NOOP(
    "updates", "The update could not be saved in {folder} ({reason}). This version keeps working."
)
MSG_NOT_UNPACKED = QT_TRANSLATE_NOOP(
    "updates", "The downloaded update {version} could not be unpacked, so it was set aside."
)


class UpdateProblem(Refusal):
    context = "updates"


class UpdateStopped(Exception):
    """The desk is closing: the download stops at its next chunk (the next check starts afresh)."""


def check_and_download(
    installation: Installation, url: str, folders: UpdateFolders, *, stop: threading.Event | None = None
) -> PendingUpdate | None:
    """The newer release, downloaded, checked and unpacked, waiting for the owner; None
    when this is the newest. An update already waiting for that version is kept as it is
    (with the owner's agreement, if given). Raises UpdateProblem in plain words, and
    UpdateStopped once `stop` is set (a download of a hundred megabytes must not hold
    the desk's quitting up)."""
    from tuf.api.exceptions import (
        DownloadError,
        DownloadLengthMismatchError,
        ExpiredMetadataError,
        RepositoryError,
    )

    base = url.rstrip("/")
    try:
        client = _client(installation, base, folders)
        client.refresh()
        found = client.check_for_updates(patch=True)
    except ExpiredMetadataError as error:
        raise _problem(MSG_EXPIRED, base, error) from error
    except (RepositoryError, DownloadLengthMismatchError) as error:
        raise _problem(MSG_REFUSED, base, error) from error
    except DownloadError as error:
        raise _problem(MSG_UNREACHABLE, base, error, reason=_reason(error)) from error
    except OSError as error:
        raise UpdateProblem(
            MSG_NOT_SAVED, {"folder": str(folders.base), "reason": error.strerror or str(error)}
        ) from error
    if found is None:
        return None
    version = str(found.version)
    waiting = read_pending(folders)
    if waiting is not None and waiting.version == version and waiting.staged.is_dir():
        return waiting
    forget_pending(folders)  # an older waiting update gives way to the newest
    staged = folders.staged_dir / version
    shutil.rmtree(staged, ignore_errors=True)
    staged.mkdir(parents=True)
    client.extract_dir = staged
    unpacked: list[Path] = []

    def progress(bytes_downloaded: int, bytes_expected: int) -> None:  # tufup calls it per chunk
        if stop is not None and stop.is_set():
            raise UpdateStopped

    try:
        client.download_and_apply_update(
            skip_confirmation=True,
            install=lambda src_dir, dst_dir, **_: unpacked.append(Path(src_dir)),
            progress_hook=progress,
        )
    except UpdateStopped:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    except (RepositoryError, DownloadLengthMismatchError) as error:
        shutil.rmtree(staged, ignore_errors=True)
        raise _problem(MSG_REFUSED, base, error) from error
    except DownloadError as error:
        shutil.rmtree(staged, ignore_errors=True)
        raise _problem(MSG_UNREACHABLE, base, error, reason=_reason(error)) from error
    if not unpacked or not any(staged.iterdir()):  # tufup logged why (a patch that failed)
        shutil.rmtree(staged, ignore_errors=True)
        raise UpdateProblem(MSG_NOT_UNPACKED, {"version": version})
    notes = found.custom.get("notes", "") if isinstance(found.custom, dict) else ""
    pending = PendingUpdate(version, str(notes), staged, from_version=installation.version)
    write_pending(folders, pending)
    log.info("update %s downloaded and unpacked into %s; waiting for the owner", version, staged)
    return pending


def _client(installation: Installation, base: str, folders: UpdateFolders) -> Any:
    from tufup.client import Client  # type: ignore[import-untyped]

    class _Client(Client):
        """tufup's client whose refresh runs once: the first call raises what it finds."""

        _refreshed = False

        def refresh(self) -> None:
            if not self._refreshed:
                super().refresh()
                self._refreshed = True

    trusted = folders.metadata_dir / "root.json"
    if not trusted.exists():
        if not installation.trusted_root.is_file():
            raise UpdateProblem(MSG_NO_TRUSTED_KEY, {"file": str(installation.trusted_root)})
        folders.metadata_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(installation.trusted_root, trusted)
    folders.targets_dir.mkdir(parents=True, exist_ok=True)
    return _Client(
        app_name=installation.app_name,
        app_install_dir=installation.install_dir,
        current_version=installation.version,
        metadata_dir=folders.metadata_dir,
        metadata_base_url=base + "/metadata/",
        target_dir=folders.targets_dir,
        target_base_url=base + "/targets/",
        refresh_required=False,
    )


def _problem(message: str, url: str, error: BaseException, **params: object) -> UpdateProblem:
    log.warning("update check at %s: %s: %s", url, type(error).__name__, error)
    return UpdateProblem(message, {"url": url, **params})


def _reason(error: BaseException) -> str:
    cause = error.__cause__ or error.__context__
    text = str(cause or error) or type(error).__name__
    return text if len(text) <= 120 else text[:119] + "…"
