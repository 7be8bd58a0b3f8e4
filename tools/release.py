"""Write a release of the desk that any static web server can serve (`python3 tasks.py release`).

    python3 tasks.py release --notes "What changed, in a sentence or two"
    python3 tasks.py release --notes-file notes.md [--bundle dist/AfterSalesDesk] [--version 0.2.0]

Owns `make_release`, the one way a release is made (the tests make theirs with it too):
the frozen bundle (`tasks.py package`'s dist/AfterSalesDesk/) gets the release's trusted
root metadata as `update-root.json` (the key an installed desk checks updates with), is
archived as `targets/AfterSalesDesk-<version>.tar.gz`, and the TUF metadata (root,
targets with the release notes inside, snapshot, timestamp) is signed and written to
`metadata/` — through tufup's repository tools. The notes are also kept as
`notes/<version>.txt` for people. Serve the repository folder as it is; point the
desks' update address (Settings) at it.

Keys. The signing keys live outside the project (`AFTERSALES_RELEASE_KEYS`, default
~/.aftersales-desk/release-keys), are made on the first release of a development machine
and are never committed. The repository (`AFTERSALES_RELEASE_DIR`, default
releases/repository, ignored by git) must be kept between releases: its root metadata is
what every installed desk trusts. A repository whose keys are not found is refused rather
than signed with new ones that no installed desk would accept.

Expiry. Timestamp, snapshot and targets metadata expire after 180 days (root after a
year): a desk refuses expired release information, so publish a release at least that often.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import shutil
import sys
from pathlib import Path

from app.services.updates.folders import APP_NAME, ROOT_FILE

ROOT = Path(__file__).resolve().parent.parent
KEYS_ENV = "AFTERSALES_RELEASE_KEYS"
RELEASE_DIR_ENV = "AFTERSALES_RELEASE_DIR"
DEFAULT_BUNDLE = ROOT / "dist" / APP_NAME
EXPIRATION_DAYS = {"root": 365, "targets": 180, "snapshot": 180, "timestamp": 180}


class ReleaseRefused(Exception):
    """A release that cannot be made, in plain words."""


def default_keys_dir() -> Path:
    override = os.environ.get(KEYS_ENV)
    return Path(override) if override else Path.home() / ".aftersales-desk" / "release-keys"


def default_repository_dir() -> Path:
    override = os.environ.get(RELEASE_DIR_ENV)
    return Path(override) if override else ROOT / "releases" / "repository"


def make_release(bundle_dir: Path, version: str, notes: str, repository_dir: Path, keys_dir: Path) -> Path:
    """Archive `bundle_dir` as release `version` with `notes` into `repository_dir`, signed
    with the keys in `keys_dir` (made if this is a first release); the archive's path."""
    from tufup.repo import Repository

    if not bundle_dir.is_dir() or not any(bundle_dir.iterdir()):
        raise ReleaseRefused(f"no build in {bundle_dir}: run `python3 tasks.py package` first")
    if not notes.strip():
        raise ReleaseRefused("a release says what changed: give --notes or --notes-file")
    archive = repository_dir / "targets" / f"{APP_NAME}-{version}.tar.gz"
    if archive.exists():
        raise ReleaseRefused(f"version {version} is already released ({archive}); raise app/version.py first")
    if (repository_dir / "metadata" / "root.json").exists() and not any(keys_dir.glob("*.pub")):
        raise ReleaseRefused(
            f"the repository {repository_dir} was signed with keys not found in {keys_dir} "
            f"(set {KEYS_ENV}); new keys would not be trusted by the installed desks"
        )
    keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    repository_dir.mkdir(parents=True, exist_ok=True)
    # tufup keeps its settings in the working folder (.tufup-repo-config): next to the
    # repository, never in the project's root.
    with contextlib.chdir(repository_dir.parent):
        repository = Repository(
            app_name=APP_NAME,
            repo_dir=repository_dir,
            keys_dir=keys_dir,
            expiration_days=dict(EXPIRATION_DAYS),  # type: ignore[arg-type]
        )
        if (repository.metadata_dir / "root.json").exists():
            # initialize() would ask on the terminal whether to overwrite the existing keys;
            # this is its step that loads them and the metadata, without making any.
            repository._load_keys_and_roles(create_keys=False)
        else:
            repository.initialize()  # a first release: the keys and the root metadata
        shutil.copyfile(repository.metadata_dir / "root.json", bundle_dir / ROOT_FILE)
        # No patches: bsdiff over two whole bundles needs gigabytes; desks fetch the archive.
        repository.add_bundle(
            new_bundle_dir=bundle_dir, new_version=version, skip_patch=True, custom_metadata={"notes": notes}
        )
        repository.publish_changes(private_key_dirs=[keys_dir])
    for private_key in (path for path in keys_dir.iterdir() if path.suffix != ".pub"):
        private_key.chmod(0o600)  # the signing keys are the releaser's alone
    notes_dir = repository_dir / "notes"
    notes_dir.mkdir(exist_ok=True)
    (notes_dir / f"{version}.txt").write_text(notes.strip() + "\n", encoding="utf-8")
    return archive


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tasks.py release", description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", default="", help="what changed in this release")
    parser.add_argument("--notes-file", type=Path, help="what changed, from a text file")
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE, help="the frozen build's folder")
    parser.add_argument("--version", default="", help="the release's version (default: app/version.py)")
    parser.add_argument(
        "--repository", type=Path, default=None, help=f"default: ${RELEASE_DIR_ENV} or releases/repository"
    )
    parser.add_argument(
        "--keys", type=Path, default=None, help=f"default: ${KEYS_ENV} or ~/.aftersales-desk/release-keys"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    notes = args.notes_file.read_text(encoding="utf-8") if args.notes_file else args.notes
    if args.version:
        version = args.version
    else:
        from app.version import VERSION

        version = VERSION
    repository_dir = (args.repository or default_repository_dir()).resolve()
    keys_dir = (args.keys or default_keys_dir()).resolve()
    try:
        archive = make_release(args.bundle.resolve(), version, notes, repository_dir, keys_dir)
    except ReleaseRefused as refused:
        print(f"[release] {refused}", file=sys.stderr)
        return 1
    print(f"[release] {APP_NAME} {version}: {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
    print(f"[release] serve {repository_dir} as it is; keys in {keys_dir} (never commit them)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
