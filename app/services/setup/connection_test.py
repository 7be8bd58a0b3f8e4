"""The first-run wizard's "Test connection": does the platform accept this shop's keys?

Owns `check_shop_connection`, which signs one real token request with the credentials a
person typed (before anything is saved) and answers in plain values: connected or not,
the problem in plain words (English source, context "sync", as the sync status shows
its problems) and the platform's own words. It blocks on the network: the wizard runs it
on the network lane of the background helper. No Qt.

The call itself is in `_sign_a_token`, the one place this service meets a platform's
client: the platform port (`app.platforms.port`) has no connection test yet, so the
Douyin client is named there until the port's factory answers for a shop not yet saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.platforms.douyin.client import Outcome, PlatformClient, ShopCredentials


@dataclass(frozen=True)
class ShopKeys:
    """What a person typed to connect a real shop."""

    gateway: str
    app_key: str
    app_secret: str = field(repr=False)
    shop_id: str


@dataclass(frozen=True)
class ConnectionTest:
    """What the test found; `problem` is empty when connected."""

    connected: bool
    problem: str = ""  # plain words for people (English source, context "sync")
    platform_words: str = ""  # the platform's own words, shown as sent
    shop_name: str = ""  # the name the platform gave the shop, when connected


def check_shop_connection(keys: ShopKeys) -> ConnectionTest:
    """Sign one token request with `keys`; blocks on the network (a few seconds at most)."""
    return _sign_a_token(keys)


def _sign_a_token(keys: ShopKeys) -> ConnectionTest:
    """Douyin's `token.create`, the connection test of a self-use app's credentials."""
    client = PlatformClient(ShopCredentials(keys.gateway, keys.app_key, keys.app_secret, keys.shop_id))
    try:
        answer = client.create_token()
        return ConnectionTest(
            connected=answer.outcome is Outcome.DONE,
            problem=answer.problem,
            platform_words=answer.platform_message,
            shop_name=client.shop_name,
        )
    finally:
        client.close()
