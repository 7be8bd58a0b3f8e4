"""A keyring backend that keeps its entries in one JSON file, for tests that cross processes.

No OS password store runs on a test machine, and the in-memory backends of the other
tests end with their process. This one is loaded the way keyring loads any backend
(`PYTHON_KEYRING_BACKEND=tests.file_keyring.FileKeyring`, the file named by
`KEYRING_FILE_ENV`), so a desk started as a process of its own reads the very entry the
wizard wrote in the test's process.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.errors
from keyring.backend import KeyringBackend
from keyring.compat import properties

KEYRING_FILE_ENV = "AFTERSALES_TEST_KEYRING_FILE"
BACKEND_NAME = "tests.file_keyring.FileKeyring"


class FileKeyring(KeyringBackend):
    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 - keyring's classproperty
        # Not viable without its file: keyring's automatic choice (which considers every
        # backend class imported so far) must never pick it up in another test.
        if KEYRING_FILE_ENV not in os.environ:
            raise RuntimeError(f"{KEYRING_FILE_ENV} names no file")
        return 1

    def _path(self) -> Path:
        return Path(os.environ[KEYRING_FILE_ENV])

    def _entries(self) -> dict[str, str]:
        try:
            return json.loads(self._path().read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def _key(self, service: str, username: str) -> str:
        return f"{service}\n{username}"

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(self._key(service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[self._key(service, username)] = password
        self._path().write_text(json.dumps(entries), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(self._key(service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("no such entry")
        self._path().write_text(json.dumps(entries), encoding="utf-8")
