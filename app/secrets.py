"""The shop's app secret and the shared database's password, kept in the OS password store.

Owns where secrets live: the OS keyring through the `keyring` library (Windows
Credential Manager, macOS Keychain, Secret Service on Linux), under service name
`SERVICE` and one entry per app key (`app_secret:<key>`), per TikTok shop for the tokens
its single-use authorization code was exchanged for (`shop_tokens:<key>:<shop id>`), or
per shared database (`database_password:<its URL without the password>`). Never the
settings file, never the database, never a log line: only which entry and where it went
are ever logged.

A computer without a working keyring (a headless Linux box without Secret Service)
gets `SecretStoreUnavailable`, unless the owner consented to the weaker fallback: a
file in data_dir()/secrets/ readable by this operating-system user only (mode 0600,
folder 0700). That protects against other accounts on the computer, not against
anyone who can sign in as this one, nor on Windows, where the mode is not enforced
the same way; the wizard and the settings dialog say so when they ask.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from pathlib import Path

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from app import config
from app.core.translation import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SERVICE = "AfterSalesDesk"
SECRETS_DIR = "secrets"

MSG_NO_KEYRING = QT_TRANSLATE_NOOP(
    "accounts",
    "This computer has no password store (keyring), so the app secret cannot be kept safely. "
    "You can allow keeping it in a protected file in the app's data folder instead, which is less safe.",
)
MSG_KEYRING_REFUSED = QT_TRANSLATE_NOOP(
    "accounts",
    "The computer's password store did not accept the app secret (it may be locked). "
    "Unlock it and try again, or allow keeping the secret in a protected file instead.",
)
MSG_NO_KEYRING_DATABASE = QT_TRANSLATE_NOOP(
    "accounts",
    "This computer has no password store (keyring), so the shop database's password cannot be kept "
    "safely. You can allow keeping it in a protected file in the app's data folder instead, which is "
    "less safe.",
)
MSG_KEYRING_REFUSED_DATABASE = QT_TRANSLATE_NOOP(
    "accounts",
    "The computer's password store did not accept the shop database's password (it may be locked). "
    "Unlock it and try again, or allow keeping the password in a protected file instead.",
)


class SecretStoreUnavailable(Exception):
    def __init__(self, message: str = MSG_NO_KEYRING) -> None:
        self.message = message
        super().__init__(message)


def _entry(app_key: str) -> str:
    return f"app_secret:{app_key}"


def _usable(backend: KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_usable(inner) for inner in backend.backends)
    return True


def keyring_available() -> bool:
    """False when keyring found no real store (its fail or null backend)."""
    try:
        return _usable(keyring.get_keyring())
    except Exception as error:  # a broken backend configuration must not stop the app
        log.warning("the password store could not be opened: %s", type(error).__name__)
        return False


def secret_file(app_key: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", app_key) or "_"
    return config.data_dir() / SECRETS_DIR / f"app-secret-{safe}"


def _write_private_file(path: Path, text: str) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    temporary = path.with_name(path.name + ".tmp")
    # Created 0600 from the start, so the secret is never readable by others, not even briefly.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(temporary, 0o600)  # in case the file existed with other modes
    os.replace(temporary, path)


def database_password_file(database: str) -> Path:
    # A digest, not the URL: host and user names may hold any character, and none should clash.
    digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:24]
    return config.data_dir() / SECRETS_DIR / f"database-password-{digest}"


def _save(
    entry: str, path: Path, secret: str, *, allow_plain_file: bool, no_keyring: str, refused: str
) -> str:
    if keyring_available():
        try:
            keyring.set_password(SERVICE, entry, secret)
        except keyring.errors.KeyringError as error:
            log.warning("the password store refused %s: %s", entry, type(error).__name__)
            if not allow_plain_file:
                raise SecretStoreUnavailable(refused) from None
        else:
            path.unlink(missing_ok=True)  # no weaker copy left behind
            log.info("%s kept in the password store", entry)
            return "keyring"
    elif not allow_plain_file:
        raise SecretStoreUnavailable(no_keyring)
    _write_private_file(path, secret)
    log.info("%s kept in a protected file (the owner agreed)", entry)
    return "file"


def _load(entry: str, path: Path) -> str | None:
    if keyring_available():
        try:
            found = keyring.get_password(SERVICE, entry)
        except keyring.errors.KeyringError as error:
            log.warning("the password store could not be read: %s", type(error).__name__)
            found = None
        if found is not None:
            return found
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def _delete(entry: str, path: Path) -> None:
    if keyring_available():
        try:
            keyring.delete_password(SERVICE, entry)
        except keyring.errors.PasswordDeleteError:
            pass  # there was none
        except keyring.errors.KeyringError as error:
            log.warning("the password store could not delete %s: %s", entry, type(error).__name__)
    path.unlink(missing_ok=True)


def save_app_secret(app_key: str, secret: str, *, allow_plain_file: bool = False) -> str:
    """Keep `secret` for `app_key`; returns where it went: "keyring" or "file"."""
    return _save(
        _entry(app_key),
        secret_file(app_key),
        secret,
        allow_plain_file=allow_plain_file,
        no_keyring=MSG_NO_KEYRING,
        refused=MSG_KEYRING_REFUSED,
    )


def load_app_secret(app_key: str) -> str | None:
    """The secret kept for `app_key`, from the keyring or else the protected file."""
    return _load(_entry(app_key), secret_file(app_key))


def delete_app_secret(app_key: str) -> None:
    """Forget the secret of `app_key` wherever it is kept."""
    _delete(_entry(app_key), secret_file(app_key))


def save_database_password(database: str, password: str, *, allow_plain_file: bool = False) -> str:
    """Keep the password of the shared database `database` (its URL without the password);
    returns where it went: "keyring" or "file". Same rules as the app secret."""
    return _save(
        f"database_password:{database}",
        database_password_file(database),
        password,
        allow_plain_file=allow_plain_file,
        no_keyring=MSG_NO_KEYRING_DATABASE,
        refused=MSG_KEYRING_REFUSED_DATABASE,
    )


def load_database_password(database: str) -> str | None:
    """The password kept for `database` (its URL without the password), or None."""
    return _load(f"database_password:{database}", database_password_file(database))


def delete_database_password(database: str) -> None:
    """Forget the password of `database` wherever it is kept."""
    _delete(f"database_password:{database}", database_password_file(database))


def shop_tokens_file(app_key: str, shop_id: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", f"{app_key}-{shop_id}") or "_"
    return config.data_dir() / SECRETS_DIR / f"shop-tokens-{safe}"


def save_shop_tokens(app_key: str, shop_id: str, tokens: str, *, allow_plain_file: bool = False) -> str:
    """Keep what a TikTok shop's authorization code was exchanged for (its access and refresh
    tokens, as the client's `kept()` text) for the shop `shop_id` reached with `app_key`;
    returns where it went: "keyring" or "file". The code works once, so these are the only
    way back to the shop: kept as the app secret is, written again whenever a refresh renews them."""
    return _save(
        f"shop_tokens:{app_key}:{shop_id}",
        shop_tokens_file(app_key, shop_id),
        tokens,
        allow_plain_file=allow_plain_file,
        no_keyring=MSG_NO_KEYRING,
        refused=MSG_KEYRING_REFUSED,
    )


def load_shop_tokens(app_key: str, shop_id: str) -> str | None:
    """The tokens kept for the shop `shop_id` of `app_key`, or None."""
    return _load(f"shop_tokens:{app_key}:{shop_id}", shop_tokens_file(app_key, shop_id))


def delete_shop_tokens(app_key: str, shop_id: str) -> None:
    """Forget the tokens of the shop `shop_id` of `app_key` wherever they are kept."""
    _delete(f"shop_tokens:{app_key}:{shop_id}", shop_tokens_file(app_key, shop_id))
