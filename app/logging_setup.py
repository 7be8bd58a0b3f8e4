"""Logging for the desktop app and the headless service.

Owns the log format and where logs go: a rotating file in the data folder (what a
shop owner sends when something went wrong) and stderr. Nothing in the app logs a
secret or a token; the client's `ApiResult.describe()` is what gets logged of calls.
"""

from __future__ import annotations

import logging
import logging.handlers

from app import config

LOG_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def setup_logging(verbose: bool = False, file_name: str = "aftersales-desk.log") -> None:
    """Log to `file_name` in the data folder (one file per process: rotating a file that
    another process writes fails on Windows) and warnings to stderr."""
    root = logging.getLogger()
    if root.handlers:  # already configured (tests, or a second call)
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    log_dir = config.data_dir() / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    file_handler = logging.handlers.RotatingFileHandler(
        log_dir / file_name, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    stream_handler = logging.StreamHandler()
    stream_handler.setLevel(logging.INFO if verbose else logging.WARNING)
    for handler in (file_handler, stream_handler):
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
    # urllib3 logs every connection at DEBUG with full URLs, which carry the access token.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
