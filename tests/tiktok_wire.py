"""Calling the TikTok sandbox over real HTTP in tests, signed by hand.

A test's own signing (the record's rule: HMAC-SHA256 keyed by the app secret over
secret + path + sorted query pairs + body + secret), never the client's, so a test can
also send what a correct client never would: a wrong signature, an old timestamp, no token.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

from app.sandbox.server import SandboxServer


def sign(secret: str, path: str, query: dict[str, str], body: bytes = b"") -> str:
    pairs = "".join(f"{name}{query[name]}" for name in sorted(query) if name not in ("sign", "access_token"))
    text = secret.encode() + path.encode() + pairs.encode() + body + secret.encode()
    return hmac.new(secret.encode(), text, hashlib.sha256).hexdigest()


class Wire:
    """One test's view of a TikTok sandbox: its credentials, a token, signed calls."""

    def __init__(self, sandbox: SandboxServer) -> None:
        self.sandbox = sandbox
        self.url = sandbox.url
        self.session = requests.Session()
        self.access_token = ""

    def token_get(self, auth_code: str | None = None, **overrides: str) -> dict[str, Any]:
        query = {
            "app_key": self.sandbox.app_key,
            "app_secret": self.sandbox.app_secret,
            "auth_code": self.sandbox.auth_code if auth_code is None else auth_code,
            "grant_type": "authorized_code",
            **overrides,
        }
        answer: dict[str, Any] = self.session.get(
            f"{self.url}/api/v2/token/get", params=query, timeout=30
        ).json()
        return answer

    def token_refresh(self, refresh_token: str) -> dict[str, Any]:
        query = {
            "app_key": self.sandbox.app_key,
            "app_secret": self.sandbox.app_secret,
            "refresh_token": refresh_token,
            "grant_type": "refresh_token",
        }
        answer: dict[str, Any] = self.session.get(
            f"{self.url}/api/v2/token/refresh", params=query, timeout=30
        ).json()
        return answer

    def authorise(self) -> None:
        self.access_token = self.token_get()["data"]["access_token"]

    def send(
        self,
        verb: str,
        path: str,
        query: dict[str, str] | None = None,
        body: Any = None,
        *,
        secret: str | None = None,
        timestamp: int | None = None,
        access_token: str | None = None,
        shop_cipher: bool = True,
    ) -> requests.Response:
        q = dict(query or {})
        q["app_key"] = self.sandbox.app_key
        q["timestamp"] = str(int(time.time()) if timestamp is None else timestamp)
        if shop_cipher and not path.startswith("/authorization/"):
            q["shop_cipher"] = self.sandbox.context.shop_cipher
        raw = json.dumps(body, separators=(",", ":")).encode() if body is not None else b""
        q["sign"] = sign(self.sandbox.app_secret if secret is None else secret, path, q, raw)
        token = self.access_token if access_token is None else access_token
        headers = {"content-type": "application/json", "x-tts-access-token": token}
        return self.session.request(
            verb, f"{self.url}{path}", params=q, data=raw, headers=headers, timeout=30
        )

    def upload(self, picture: bytes, use_case: str = "MAIN_IMAGE") -> Any:
        """POST the picture to the image upload, multipart, the body unsigned (no shop_cipher)."""
        path = "/product/202309/images/upload"
        q = {"app_key": self.sandbox.app_key, "timestamp": str(int(time.time()))}
        q["sign"] = sign(self.sandbox.app_secret, path, q)  # multipart: the body is not signed
        answer = self.session.post(
            f"{self.url}{path}",
            params=q,
            files={"data": ("evidence.png", picture, "image/png")},
            data={"use_case": use_case},
            headers={"x-tts-access-token": self.access_token},
            timeout=30,
        )
        return answer.json()

    def call(
        self, verb: str, path: str, query: dict[str, str] | None = None, body: Any = None, **kw: Any
    ) -> Any:
        """The answer's JSON (an envelope), whatever its code."""
        return self.send(verb, path, query, body, **kw).json()

    def control(self, verb: str, name: str, body: Any = None) -> Any:
        answer = self.session.request(verb, f"{self.url}/_sandbox/{name}", json=body, timeout=30)
        answer.raise_for_status()
        return answer.json()

    def provider_id(self) -> str:
        """A shipping provider of the seller's own carrier's delivery option (SEND_BY_SELLER)."""
        [warehouse] = self.call("GET", "/logistics/202309/warehouses")["data"]["warehouses"]
        path = f"/logistics/202309/warehouses/{warehouse['id']}/delivery_options"
        option = next(
            o for o in self.call("GET", path)["data"]["delivery_options"] if o["type"] == "SEND_BY_SELLER"
        )
        answer = self.call("GET", f"/logistics/202309/delivery_options/{option['id']}/shipping_providers")
        return str(answer["data"]["shipping_providers"][0]["id"])

    def search_all(self, path: str, key: str, body: dict[str, Any], page_size: int) -> list[dict[str, Any]]:
        """Every record of a search, page by page, oldest update first."""
        records: list[dict[str, Any]] = []
        query = {"page_size": str(page_size), "sort_field": "update_time", "sort_order": "ASC"}
        while True:
            answer = self.call("POST", path, query, body)
            assert answer["code"] == 0, answer
            records += answer["data"][key]
            token = answer["data"]["next_page_token"]
            if not token:
                return records
            query["page_token"] = token


@contextmanager
def small_shop(folder: Path) -> Iterator[Wire]:
    """A small quiet TikTok shop of its own (300 orders, seed 7, no live traffic), not yet authorised."""
    sandbox = SandboxServer(
        folder / "tiktok.sqlite", port=0, seed=7, live=False, history_orders=300, dialect="tiktok"
    )
    sandbox.start()
    try:
        yield Wire(sandbox)
    finally:
        sandbox.stop()
