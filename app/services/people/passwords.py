"""Password hashing with scrypt from the standard library.

Owns the one stored format, "scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>", and the three
things done with it: hash a new password, verify one in constant time, and tell when
a stored hash was made with weaker parameters than today's (so sign-in re-hashes it).
scrypt is memory-hard (16 MiB per hash at n=2**14, r=8), which makes guessing on
graphics cards expensive, and needs nothing outside Python.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os

SCHEME = "scrypt"
N = 2**14
R = 8
P = 1
SALT_BYTES = 16
HASH_BYTES = 32
# Refuse stored parameters that would take unreasonable memory or time to check.
MAX_N = 2**20
MAX_R = 32
MAX_P = 16
MAX_MEMORY = 256 * 1024 * 1024


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int = HASH_BYTES) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=min(MAX_MEMORY, 128 * r * (n + p + 2) + 1024 * 1024),
        dklen=dklen,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    """A new salted hash of `password` in the stored format."""
    salt = os.urandom(SALT_BYTES)
    digest = _scrypt(password, salt, N, R, P)
    return f"{SCHEME}${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    if not (1 < n <= MAX_N and n & (n - 1) == 0 and 0 < r <= MAX_R and 0 < p <= MAX_P):
        return None
    if not salt or not digest:
        return None
    return n, r, p, salt, digest


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches `stored`; a damaged or foreign hash never matches."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, digest = parsed
    try:
        candidate = _scrypt(password, salt, n, r, p, len(digest))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, digest)


def needs_rehash(stored: str) -> bool:
    """True when `stored` was not made with today's parameters (or cannot be read)."""
    parsed = _parse(stored)
    if parsed is None:
        return True
    n, r, p, salt, digest = parsed
    return (n, r, p, len(salt), len(digest)) != (N, R, P, SALT_BYTES, HASH_BYTES)


# Verified against when the user name is unknown, so a wrong name takes as long to
# refuse as a wrong password and timing does not tell which names exist.
_DUMMY_HASH: str | None = None


def dummy_hash() -> str:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password(_b64(os.urandom(12)))
    return _DUMMY_HASH
