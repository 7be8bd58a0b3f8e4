"""Install the agreed update at the start, before Qt and the desk's screens load.

Owns `apply_agreed_update` (the install folder replaced by the unpacked release the owner
agreed to) and `apply_at_start` (app/desktop.py's first step: an installed desk that
finds an agreed update installs it and starts the new version in its place).

How the folder is replaced. On Linux and macOS the running program's files may be
renamed while it runs, so the install folder is moved aside as `<name>.previous`, the
unpacked release moved into its place and the old folder removed; if the move fails, the
old folder is put back and the update stays agreed for the next start. On Windows a
running program's files are locked, so tufup's installer script does it (robocopy, run
once this process has ended) and starts the new version. The data folder — the shops'
databases with their unsent decisions, the settings, the logs — is never inside the
install folder: an update that would touch it is refused.

Standard library only (tufup only on Windows, only when an update is installed).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

from app.services.updates.folders import APP_NAME, Installation, UpdateFolders
from app.services.updates.pending import (
    InstalledUpdate,
    PendingUpdate,
    forget_pending,
    read_pending,
    write_installed,
    write_pending,
)

log = logging.getLogger(__name__)

# Waits for the desk (process {pid}) to end, then moves the release into the install
# folder (tufup's robocopy options, purge included) and starts the new version.
WINDOWS_SCRIPT = """@echo off
{log_lines}
:wait
tasklist /FI "PID eq {pid}" 2>NUL | find "{pid}" >NUL && (timeout /t 1 /nobreak >NUL & goto wait)
robocopy "{src_dir}" "{dst_dir}" {robocopy_options}
start "" "{executable}"
{delete_self}
"""


def apply_agreed_update(install_dir: Path, folders: UpdateFolders, *, now: int | None = None) -> str | None:
    """Replace `install_dir` with the update the owner agreed to; its version, or None
    when nothing agreed waits (or it could not be installed: logged, tried again next start).
    On Windows this hands over to the installer script and does not return."""
    pending = read_pending(folders)
    if pending is None or not pending.agreed:
        return None
    if not pending.staged.is_dir() or not any(pending.staged.iterdir()):
        log.warning(
            "agreed update %s has no unpacked files at %s; forgotten", pending.version, pending.staged
        )
        forget_pending(folders)
        return None
    if folders.inside(install_dir):
        reason = f"the data folder {folders.base} is inside the install folder {install_dir}"
        _not_installed(folders, pending, reason)
        return None
    installed = InstalledUpdate(
        pending.version, pending.from_version, int(time.time()) if now is None else now
    )
    if os.name == "nt":
        _hand_to_windows_script(pending.staged, install_dir, folders, installed)
    previous = install_dir.with_name(install_dir.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)  # a start that stopped half-way left it
    try:
        install_dir.rename(previous)
    except OSError as error:
        _not_installed(folders, pending, f"{install_dir}: {error.strerror or error}")
        return None
    try:
        shutil.move(str(pending.staged), str(install_dir))
    except OSError as error:
        shutil.rmtree(install_dir, ignore_errors=True)
        previous.rename(install_dir)  # the installed version back in its place
        _not_installed(folders, pending, f"{pending.staged}: {error.strerror or error}")
        return None
    shutil.rmtree(previous, ignore_errors=True)
    write_installed(folders, installed)
    forget_pending(folders)
    _keep_only_archive_of(folders, pending.version)
    log.info("update %s installed in %s (was %s)", pending.version, install_dir, pending.from_version)
    return pending.version


def _keep_only_archive_of(folders: UpdateFolders, version: str) -> None:
    """Older downloads go (a hundred megabytes each); the installed version's archive stays,
    the base a later patch would apply to."""
    kept = f"{APP_NAME}-{version}.tar.gz"
    for archive in folders.targets_dir.glob("*"):
        if archive.name != kept and archive.is_file():
            archive.unlink(missing_ok=True)


def _not_installed(folders: UpdateFolders, pending: PendingUpdate, reason: str) -> None:
    """Logged, and kept beside the agreed update for the window to say; tried again next start."""
    log.error("update %s not installed: %s", pending.version, reason)
    write_pending(folders, replace(pending, not_installed=reason))


def apply_at_start(data_dir: Path) -> None:
    """An installed desk with an agreed update installs it and runs the new version in
    this process's place; otherwise nothing happens."""
    installation = Installation.running()
    if installation is None:
        return
    version = apply_agreed_update(installation.install_dir, UpdateFolders.of_data_folder(data_dir))
    if version is None:
        return
    executable = installation.install_dir / Path(sys.executable).resolve().relative_to(
        installation.install_dir
    )
    os.execv(executable, [str(executable), *sys.argv[1:]])


def _hand_to_windows_script(
    staged: Path, install_dir: Path, folders: UpdateFolders, installed: InstalledUpdate
) -> None:
    from tufup.utils.platform_specific import install_update  # type: ignore[import-untyped]

    write_installed(folders, installed)  # the script ends this process: said before, not after
    folders.pending_file.unlink(missing_ok=True)
    executable = install_dir / Path(sys.executable).name
    install_update(
        src_dir=staged,
        dst_dir=install_dir,
        purge_dst_dir=True,
        batch_template=WINDOWS_SCRIPT,
        batch_template_extra_kwargs={"pid": os.getpid(), "executable": executable},
        process_creation_flags=0x08000000,  # CREATE_NO_WINDOW: no console flashes up
    )
