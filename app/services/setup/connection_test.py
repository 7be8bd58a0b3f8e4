"""The first-run wizard's "Test connection": what it asks and what it answers.

Owns the plain values of the test: `ShopKeys` (what a person typed to connect a real
shop, before anything is saved: a Douyin shop's app key, secret and shop id, or a TikTok
Shop's app key, secret and authorization code) and `ConnectionTest` (connected or not,
the problem in plain words — English source, context "sync", as the sync status shows
its problems — the platform's own words, and for TikTok what the single-use code was
exchanged for), `ConnectionTester`, the shape of the function that runs it, and
`authorization_code`, which finds the code in what the person pasted. The test itself
signs real requests through the shop's platform adapter; a service may not reach a
platform, so the composition root (`app.shop.check_shop_keys`) runs it and the desk
hands that function to the wizard, which calls it on the network lane of the
background helper. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from app.core.translation import QT_TRANSLATE_NOOP

# The platforms a shop can sell on, as settings and the registry name them.
DOUYIN = "douyin"
TIKTOK = "tiktok"
PLATFORMS = (DOUYIN, TIKTOK)


@dataclass(frozen=True)
class ShopKeys:
    """What a person typed to connect a real shop."""

    gateway: str
    app_key: str
    app_secret: str = field(repr=False)
    shop_id: str = ""  # Douyin's shop id; a TikTok shop's is learnt from the platform
    platform: str = DOUYIN
    # TikTok Shop: the code the seller's authorisation handed back (single-use, short-lived).
    auth_code: str = field(default="", repr=False)
    # TikTok Shop: what an earlier test got before it failed (`ConnectionTest.kept`): with it
    # the spent code is not sent again (a clock set right after a refused call, say).
    kept: str = field(default="", repr=False)


@dataclass(frozen=True)
class ConnectionTest:
    """What the test found; `problem` is empty when connected."""

    connected: bool
    problem: str = ""  # plain words for people (English source, context "sync")
    platform_words: str = ""  # the platform's own words, shown as sent
    shop_name: str = ""  # the name the platform gave the shop, when connected
    shop_id: str = ""  # the shop's id as the platform gave it (TikTok: not typed, learnt)
    # TikTok Shop: what the authorization code was exchanged for (tokens, as JSON), to be
    # kept in the password store when the person finishes. The code cannot be used twice,
    # so this is the only copy: the wizard carries it, unread, to `save_shop_choice` — and
    # after a test that failed once the code was spent, back into the next test (`ShopKeys.kept`).
    kept: str = field(default="", repr=False)


# Blocks on the network (a few seconds at most); never raises for what the network or the
# platform does: a failed test is a `ConnectionTest` that says why.
ConnectionTester = Callable[[ShopKeys], ConnectionTest]


MSG_CODE_MISSING = QT_TRANSLATE_NOOP(
    "first_run",
    "Enter the authorization code, or paste the whole address your browser showed after you "
    "authorised the app.",
)
MSG_URL_WITHOUT_CODE = QT_TRANSLATE_NOOP(
    "first_run",
    "This address holds no authorization code (there is no code= in it). Authorise the app in TikTok Shop "
    "again and copy the address your browser shows afterwards.",
)
MSG_URL_REFUSED = QT_TRANSLATE_NOOP(
    "first_run",
    "This address says the authorisation did not happen ({reason}). Authorise the app in TikTok Shop "
    "again and copy the address your browser shows afterwards.",
)
MSG_CODE_HAS_SPACES = QT_TRANSLATE_NOOP(
    "first_run",
    "The authorization code has no spaces; copy it again, or paste the whole address instead.",
)


@dataclass(frozen=True)
class CodeInText:
    """What `authorization_code` found: the code, or the problem (English source words,
    context "first_run") with the reason the address gave, for its `{reason}`."""

    code: str
    problem: str = ""
    reason: str = ""


def authorization_code(text: str) -> CodeInText:
    """The authorization code in what a person pasted, or why there is none.

    `text` is the code itself, or the whole address the seller's browser was sent back to
    after authorising the app (`https://…/callback?code=…&state=…`: TikTok Shop hands the
    code to the app's redirect address as the `code` query parameter — EcomPHP/tiktokshop-php
    README.md, "Get authentication code when redirected back … $_GET['code']"), or just its
    query (`code=…&state=…`).
    """
    text = text.strip()
    if not text:
        return CodeInText("", MSG_CODE_MISSING)
    pieces: tuple[str, ...]
    if "://" in text:
        parts = urlsplit(text)
        pieces = (parts.query, parts.fragment)  # some redirect pages put them after a "#"
    elif "?" in text or "code=" in text or "error=" in text:  # the address's query alone
        pieces = (text.split("?", 1)[-1],)
    elif any(character.isspace() for character in text):
        return CodeInText("", MSG_CODE_HAS_SPACES)
    else:
        return CodeInText(text)
    for piece in pieces:
        found = parse_qs(piece, keep_blank_values=True)
        code = next((value.strip() for value in found.get("code", []) if value.strip()), "")
        if code:
            return CodeInText(code)
        if found.get("error"):
            reason = (found.get("error_description") or found["error"])[0].strip() or found["error"][0]
            return CodeInText("", MSG_URL_REFUSED, reason)
    return CodeInText("", MSG_URL_WITHOUT_CODE)
