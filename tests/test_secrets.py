"""The app secret goes to the OS keyring (or, with consent, a private file) and nowhere else."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from app import config, secrets
from app.db import open_database
from app.logging_setup import setup_logging
from app.services.people import accounts
from app.services.people.permissions import Role
from tests.memory_keyring import MemoryKeyring

SECRET = "s3cr3t-Ω-9f8e7d6c5b4a3210"
APP_KEY = "7311234567890123456"
T0 = 1_795_000_000


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("the collection is locked")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(config.HOME_ENV, str(tmp_path))
    return tmp_path


@pytest.fixture
def use_backend() -> Iterator[object]:
    previous = keyring.get_keyring()

    def use(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield use
    keyring.set_keyring(previous)


def test_the_secret_round_trips_through_the_keyring(home: Path, use_backend) -> None:
    backend = use_backend(MemoryKeyring())
    assert secrets.keyring_available()
    assert secrets.save_app_secret(APP_KEY, SECRET) == "keyring"
    assert backend.entries == {(secrets.SERVICE, f"app_secret:{APP_KEY}"): SECRET}
    assert secrets.load_app_secret(APP_KEY) == SECRET
    secrets.delete_app_secret(APP_KEY)
    assert secrets.load_app_secret(APP_KEY) is None and backend.entries == {}
    secrets.delete_app_secret(APP_KEY)  # forgetting twice is harmless
    assert not (home / "secrets").exists()


def test_without_a_keyring_the_secret_is_refused_unless_the_owner_consents(home: Path, use_backend) -> None:
    use_backend(fail.Keyring())
    assert not secrets.keyring_available()
    with pytest.raises(secrets.SecretStoreUnavailable) as info:
        secrets.save_app_secret(APP_KEY, SECRET)
    assert info.value.message == secrets.MSG_NO_KEYRING and "keyring" in info.value.message
    assert secrets.load_app_secret(APP_KEY) is None
    assert not (home / "secrets").exists()


def test_with_consent_the_secret_goes_to_a_file_only_this_user_can_read(home: Path, use_backend) -> None:
    use_backend(fail.Keyring())
    assert secrets.save_app_secret(APP_KEY, SECRET, allow_plain_file=True) == "file"
    path = secrets.secret_file(APP_KEY)
    assert path.parent == home / "secrets" and path.read_text(encoding="utf-8") == SECRET
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left
    assert secrets.load_app_secret(APP_KEY) == SECRET
    secrets.delete_app_secret(APP_KEY)
    assert not path.exists() and secrets.load_app_secret(APP_KEY) is None


def test_a_locked_keyring_refuses_in_plain_words_and_consent_falls_back_to_the_file(
    home: Path, use_backend
) -> None:
    use_backend(LockedKeyring())
    with pytest.raises(secrets.SecretStoreUnavailable) as info:
        secrets.save_app_secret(APP_KEY, SECRET)
    assert info.value.message == secrets.MSG_KEYRING_REFUSED
    assert secrets.save_app_secret(APP_KEY, SECRET, allow_plain_file=True) == "file"
    assert secrets.load_app_secret(APP_KEY) == SECRET


def test_once_a_keyring_takes_the_secret_the_weaker_file_copy_is_removed(home: Path, use_backend) -> None:
    use_backend(fail.Keyring())
    secrets.save_app_secret(APP_KEY, "old-secret", allow_plain_file=True)
    use_backend(MemoryKeyring())
    assert secrets.save_app_secret(APP_KEY, SECRET) == "keyring"
    assert not secrets.secret_file(APP_KEY).exists() and secrets.load_app_secret(APP_KEY) == SECRET


@pytest.fixture
def app_logging(home: Path) -> Iterator[Path]:
    """The app's own log set-up, writing into `home`; pytest's capture handlers put back after."""
    root = logging.getLogger()
    kept, level = root.handlers[:], root.level
    root.handlers.clear()
    setup_logging(verbose=True)
    try:
        yield home / "logs"
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:] = kept
        root.setLevel(level)


def test_after_a_whole_session_no_secret_or_password_is_in_any_file(
    home: Path, use_backend, app_logging: Path
) -> None:
    use_backend(MemoryKeyring())
    engine, sessions = open_database(config.shop_database_url("4463798", demo=False))
    with sessions.begin() as session:
        boss = accounts.create_owner(session, "boss", "王老板", "boss-pass-1", now=T0)
    with sessions.begin() as session:
        boss = accounts.authenticate(session, "boss", "boss-pass-1", now=T0 + 1)
        accounts.add_user(
            session, boss, username="xiaoli", display_name="小李", role=Role.CLERK, password="clerk-pass-1",
            refund_limit_single_fen=100_00, refund_limit_daily_fen=300_00, now=T0 + 2,
        )  # fmt: skip
    assert secrets.save_app_secret(APP_KEY, SECRET) == "keyring"
    settings = config.Settings(shop=config.ShopConnection(app_key=APP_KEY, shop_id="4463798"))
    settings.save()
    logging.getLogger("app.test").info("connected shop %s with app key %s", "4463798", APP_KEY)
    assert secrets.load_app_secret(APP_KEY) == SECRET
    engine.dispose()
    for handler in logging.getLogger().handlers:
        handler.flush()

    files = [path for path in home.rglob("*") if path.is_file()]
    names = {path.name for path in files}
    assert {"settings.json", "shop-4463798.sqlite", "aftersales-desk.log"} <= names
    assert APP_KEY.encode() in (app_logging / "aftersales-desk.log").read_bytes()  # the log does work
    for secret in (SECRET, "boss-pass-1", "clerk-pass-1"):
        assert [path.name for path in files if secret.encode("utf-8") in path.read_bytes()] == []
