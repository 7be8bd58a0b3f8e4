"""Releases for the update tests: stand-in bundles, released by the real release tool, served
over loopback HTTP.

A full PyInstaller build takes minutes, too slow to make twice in the suite; a stand-in
bundle is a small folder shaped like one (the program, a file under _internal, a version
file), released through `tools.release.make_release`, the code `tasks.py release` runs,
with keys of the test's own, and served by `http.server` on 127.0.0.1 (port 0) as any
static web server would serve the repository folder.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.services.updates.folders import APP_NAME, Installation, UpdateFolders
from tools.release import make_release

VERSION_FILE = "version.txt"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """`folder` served over HTTP on 127.0.0.1; yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def stand_in_bundle(folder: Path, version: str, *, extra: str = "") -> Path:
    """A folder shaped like `tasks.py package`'s build, saying which version it is."""
    folder.mkdir(parents=True)
    (folder / APP_NAME).write_text(f"#!/bin/sh\necho {version}\n")
    (folder / APP_NAME).chmod(0o755)
    (folder / VERSION_FILE).write_text(version)
    (folder / "_internal").mkdir()
    (folder / "_internal" / "base_library.txt").write_text(f"the libraries of {version}\n" * 50)
    if extra:
        (folder / "_internal" / extra).write_text(extra)
    return folder


class ReleaseShelf:
    """A release repository with its own keys, as a publisher keeps it between releases."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.repository = root / "releases" / "repository"
        self.keys = root / "release-keys"

    def release(self, version: str, notes: str, *, extra: str = "") -> Path:
        """A stand-in bundle of `version` released; the bundle's folder (with its trusted root)."""
        bundle = stand_in_bundle(self.root / "dist" / version / APP_NAME, version, extra=extra)
        make_release(bundle, version, notes, self.repository, self.keys)
        return bundle

    def install(self, bundle: Path, where: Path) -> Installation:
        """`bundle` installed at `where`, as the installer would put it."""
        shutil.copytree(bundle, where)
        return Installation(where, installed_version(where))

    def archive(self, version: str) -> Path:
        return self.repository / "targets" / f"{APP_NAME}-{version}.tar.gz"


def installed_version(install_dir: Path) -> str:
    return (install_dir / VERSION_FILE).read_text()


def data_folders(data_dir: Path) -> UpdateFolders:
    data_dir.mkdir(parents=True, exist_ok=True)
    return UpdateFolders.of_data_folder(data_dir)
