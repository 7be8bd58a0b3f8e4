"""The pictures a person attaches to a refusal: checked, kept safe, referred to.

Owns what happens to evidence pictures between the moment a person refuses and the
moment the push uploads them (`app/sync/evidence_upload.py`). A picture picked on
this computer (a `file://` URL or a path) is checked against what the platform takes
(`codes.image_extension`, `codes.IMAGE_MAX_BYTES`), so a picture it would refuse is
refused now, while the person can still pick another; then it is copied into the data
folder as `evidence/<sha256>.<ext>` and the outbox carries `local-evidence:<sha256>.<ext>`,
which no longer depends on the original staying where it was. The push replaces each
reference with the URL the platform issues. Pictures already on the platform (http and
https URLs) pass unchanged.

Copies are named by their content, so the same picture kept twice is one file, and a
copy left behind by a decision whose transaction rolled back is harmless.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from app import config
from app.services.refusal import Refusal
from app.sync.codes import IMAGE_MAX_BYTES, QT_TRANSLATE_NOOP, image_extension

LOCAL_PREFIX = "local-evidence:"
EVIDENCE_FOLDER = "evidence"  # inside the data folder
_LOCAL_NAME = re.compile(r"[0-9a-f]{64}\.(?:png|jpg|webp)")

MSG_PICTURE_MISSING = QT_TRANSLATE_NOOP(
    "refunds", "The picture \u201c{name}\u201d cannot be found or read. Add it again, or remove it."
)
MSG_NOT_A_PICTURE = QT_TRANSLATE_NOOP(
    "refunds",
    "\u201c{name}\u201d is not a PNG, JPEG or WEBP picture, the only kinds the platform takes. "
    "Remove it, or add another.",
)
MSG_PICTURE_TOO_LARGE = QT_TRANSLATE_NOOP(
    "refunds",
    "The picture \u201c{name}\u201d is larger than the platform takes (5 MB). Use a smaller one.",
)
MSG_PICTURE_NOT_KEPT = QT_TRANSLATE_NOOP(
    "refunds",
    "The picture \u201c{name}\u201d could not be copied into the app's data folder ({problem}). "
    "Check that the disk has free space, then try again.",
)


class PictureRefused(Refusal):
    """A picture that cannot be evidence, in plain words."""

    context = "refunds"


def evidence_folder() -> Path:
    return config.data_dir() / EVIDENCE_FOLDER


def is_local_reference(value: object) -> bool:
    return isinstance(value, str) and value.startswith(LOCAL_PREFIX)


def local_path(reference: str) -> Path:
    """Where a `local-evidence:` picture is kept; ValueError for anything else."""
    name = reference[len(LOCAL_PREFIX) :] if is_local_reference(reference) else ""
    if not _LOCAL_NAME.fullmatch(name):
        raise ValueError(f"not a local evidence reference: {reference!r}")
    return evidence_folder() / name


def read_local(reference: str) -> bytes:
    """The kept picture's bytes; OSError when it is gone, ValueError when it is not the
    picture its name says (damaged on disk)."""
    path = local_path(reference)
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != path.stem:
        raise ValueError(f"{path} does not hold the picture it is named for")
    return data


def evidence_of(params: Mapping[str, Any]) -> list[str]:
    """Every evidence picture in an `afterSale.operate` operation's parameters."""
    items = params.get("items")
    return [
        str(url)
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, dict) and isinstance(item.get("evidence"), list)
        for url in item["evidence"]
    ]


def keep_pictures(sources: Sequence[str]) -> list[str]:
    """The evidence list for the outbox: each picture on this computer checked and copied
    into the data folder (as a `local-evidence:` reference), URLs on the platform as they
    are. Raises PictureRefused when any picture will not do (having copied nothing) or
    cannot be copied."""
    evidence: list[str] = []  # in the person's order, each picture once
    to_copy: dict[str, tuple[bytes, str]] = {}  # reference -> (bytes, the picture's name)
    for source in dict.fromkeys(text.strip() for text in sources if text.strip()):
        if source.startswith(("http://", "https://")):
            evidence.append(source)
            continue
        data, name = _checked_picture(source)
        reference = f"{LOCAL_PREFIX}{hashlib.sha256(data).hexdigest()}.{image_extension(data)}"
        if reference not in to_copy:
            to_copy[reference] = (data, name)
            evidence.append(reference)
    for reference, (data, name) in to_copy.items():
        try:
            _write_copy(local_path(reference), data)
        except OSError as error:
            problem = error.strerror or type(error).__name__
            raise PictureRefused(MSG_PICTURE_NOT_KEPT, {"name": name, "problem": problem}) from None
    return evidence


def _path_of(source: str) -> Path:
    if is_local_reference(source):
        return local_path(source)
    if not source.startswith("file:"):
        return Path(source)
    parts = urlsplit(source)
    path = url2pathname(parts.path)  # percent-decoded; on Windows "/C:/x" becomes "C:\\x"
    if parts.netloc and parts.netloc != "localhost":
        path = f"//{parts.netloc}{path}"  # a picture on a network share
    return Path(path)


def _checked_picture(source: str) -> tuple[bytes, str]:
    """The picture's bytes and its file name, if the platform would take it."""
    try:
        path = _path_of(source)
    except ValueError:
        raise PictureRefused(MSG_PICTURE_MISSING, {"name": source}) from None
    name = path.name or source
    try:
        with path.open("rb") as file:
            data = file.read(IMAGE_MAX_BYTES + 1)  # enough to know it is too large, no more
    except OSError:
        raise PictureRefused(MSG_PICTURE_MISSING, {"name": name}) from None
    if len(data) > IMAGE_MAX_BYTES:
        raise PictureRefused(MSG_PICTURE_TOO_LARGE, {"name": name})
    if image_extension(data) is None:
        raise PictureRefused(MSG_NOT_A_PICTURE, {"name": name})
    return data, name


def _write_copy(path: Path, data: bytes) -> None:
    """Write the copy whole or not at all (a crash never leaves half a picture under its name)."""
    if path.exists():
        return  # named by its content: the same picture is already kept
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
