"""The evidence pictures the refund detail pane shows, and where each comes from.

Owns the pictures of a request's page: which they are (`image_urls`: the buyer's evidence
first, then each decision's), fetching one off the GUI thread (`request_picture`: a
refusal's kept pictures from the database lane, the others over the network on the "net"
lane, capped at the platform's own size limit), the thumbnail size and the grey
placeholder shown while a picture is on its way or when it cannot be fetched. Putting
them into the page is `detail_pane.py`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import requests
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPainter
from sqlalchemy.orm import Session, sessionmaker

from app.core.pictures import IMAGE_MAX_BYTES
from app.services.refunds import refusal_evidence
from app.services.refunds.detail import QueueDetail
from app.views.common.background import NET_LANE, BackgroundTasks

THUMB = 96
FETCH_TIMEOUT_S = 5
MAX_IMAGE_BYTES = IMAGE_MAX_BYTES  # the platform's own limit for a picture


def fetch_image(url: str) -> bytes:
    """The bytes of an evidence picture (http(s), or a file:// picked here); raises on
    failure. A refusal's `local-evidence:` pictures are read from the database instead."""
    if url.startswith("file://"):
        return Path(QUrl(url).toLocalFile()).read_bytes()[:MAX_IMAGE_BYTES]
    answer = requests.get(url, timeout=FETCH_TIMEOUT_S)
    answer.raise_for_status()
    return answer.content[:MAX_IMAGE_BYTES]


def image_urls(detail: QueueDetail) -> list[str]:
    """Every picture the page shows: the buyer's evidence first, then each decision's."""
    urls = list(detail.evidence_urls)
    for op in detail.operations:
        urls += [url for url in refusal_evidence.evidence_of(op.details) if url not in urls]
    return urls


def placeholder(mark: str) -> QImage:
    image = QImage(THUMB, THUMB, QImage.Format.Format_RGB32)
    image.fill(QColor("#eaeef2"))
    painter = QPainter(image)
    painter.setPen(QColor("#8a8f98"))
    painter.drawRect(0, 0, THUMB - 1, THUMB - 1)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, mark)
    painter.end()
    return image


def request_picture(
    tasks: BackgroundTasks,
    sessions: sessionmaker[Session],
    fetch: Callable[[str], bytes],
    url: str,
    done: Callable[[str, bytes | None], None],
) -> None:
    """Fetch the picture at `url` off the GUI thread; `done(url, bytes or None on failure)`."""
    key = f"refunds.evidence.{url}"
    if refusal_evidence.is_local_reference(url):  # a picture a refusal keeps in the database
        tasks.read(
            key,
            sessions,
            lambda session: refusal_evidence.read_kept(session, url),
            lambda data: done(url, data),
            lambda _error: done(url, None),
        )
        return
    tasks.run(
        key,
        lambda: fetch(url),
        lambda data: done(url, data),
        lambda _error: done(url, None),
        lane=NET_LANE,
    )
