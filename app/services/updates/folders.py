"""Where the desk is installed, which version it is, and where its updates are kept.

Owns `Installation` (the install folder, the version running from it, the release name
its archives carry) and `UpdateFolders`, the one place in the data folder where updates
are kept: the trusted TUF metadata, the downloaded archives, the unpacked update waiting
for the next start, and the files that say what waits and what was installed. Nothing
of an update lives in the install folder, which an update replaces whole; and the data
folder (the shops' databases, their unsent decisions, the settings) is never inside it
(`UpdateFolders.inside`, checked before anything is replaced).

A copy run from the source tree (`python main.py`) is not an installation: it has no
install folder to replace and no trusted release key, so it never updates itself.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

# Archives are named <APP_NAME>-<version>.tar.gz (tufup's naming); the build's folder name.
APP_NAME = "AfterSalesDesk"
# The release's trusted root metadata (public keys only), at the top of every bundle the
# release tool archives (tools/release.py): the first key an installation trusts.
ROOT_FILE = "update-root.json"


@dataclass(frozen=True)
class Installation:
    """An installed desk: its folder (replaced whole by an update) and its version."""

    install_dir: Path
    version: str
    app_name: str = APP_NAME

    @property
    def trusted_root(self) -> Path:
        return self.install_dir / ROOT_FILE

    @classmethod
    def running(cls) -> Installation | None:
        """The installation this process runs from; None from the source tree."""
        if not getattr(sys, "frozen", False):
            return None
        from app.version import VERSION  # the one place the version is written

        return cls(install_dir_of(Path(sys.executable)), VERSION)


def install_dir_of(executable: Path) -> Path:
    """The folder an update replaces: the one-folder build's folder, or on macOS the
    whole `.app` bundle (its executable sits in Contents/MacOS, its files beside that)."""
    folder = executable.resolve().parent
    if folder.name == "MacOS" and folder.parent.name == "Contents" and folder.parent.parent.suffix == ".app":
        return folder.parent.parent
    return folder


@dataclass(frozen=True)
class UpdateFolders:
    """The updates' corner of the data folder."""

    base: Path

    @classmethod
    def of_data_folder(cls, data_dir: Path) -> UpdateFolders:
        return cls(data_dir / "updates")

    @property
    def metadata_dir(self) -> Path:  # the TUF metadata this desk trusts so far
        return self.base / "metadata"

    @property
    def targets_dir(self) -> Path:  # downloaded archives (the installed one is a patch's base)
        return self.base / "archives"

    @property
    def staged_dir(self) -> Path:  # unpacked updates waiting for the next start
        return self.base / "staged"

    @property
    def pending_file(self) -> Path:  # what waits to be installed and whether the owner agreed
        return self.base / "pending.json"

    @property
    def installed_file(self) -> Path:  # the last update installed, for the window to say so
        return self.base / "installed.json"

    def inside(self, install_dir: Path) -> bool:
        """Whether these folders lie in `install_dir` (an update would wipe them)."""
        return self.base.resolve().is_relative_to(install_dir.resolve())
