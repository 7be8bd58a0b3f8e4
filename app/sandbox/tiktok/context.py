"""What the TikTok dialect's routes share: the shop, its store, its clock, and the reading of parameters.

Owns `Context` (the one authorised shop: its id, name, region, code and cipher, the opaque
identifier the API's shop-scoped paths take in `shop_cipher`) and the helpers every
route reads its query and body with, refusing a parameter in the dialect's words.
The shop's fields are the record's (`GET /authorization/202309/shops` →
`shops[]{id, name, region, seller_type, cipher, code}`: hsib19/tiktok-shop-sdk and
EcomPHP/tiktokshop-php src/Resources/Authorization.php `getAuthorizedShop`).
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from app.sandbox.clock import SimClock
from app.sandbox.tiktok import errors

REGION = "US"  # the demo shop sells in the United States, in USD
SELLER_TYPE = "LOCAL"


def shop_cipher_of(shop_id: str) -> str:
    """A stable opaque cipher per shop id, in the form real ones take (`ROW_` and base64url)."""
    digest = hashlib.sha256(f"tts-shop-cipher:{shop_id}".encode()).digest()[:24]
    return "ROW_" + base64.urlsafe_b64encode(digest).decode().rstrip("=")


@dataclass
class Context:
    store: Any  # app/sandbox/tiktok/store.py Store
    clock: SimClock
    platform: Any  # app/sandbox/tiktok/platform.py Platform
    shop_id: str
    shop_name: str
    shop_cipher: str = field(init=False)
    shop_code: str = field(init=False)
    started_at: int = field(init=False)  # when the store started: its seller's code is handed over

    def __post_init__(self) -> None:
        self.started_at = self.clock.now()
        self.shop_cipher = shop_cipher_of(self.shop_id)
        self.shop_code = "USLC" + hashlib.sha256(self.shop_id.encode()).hexdigest()[:6].upper()

    def shop(self) -> dict[str, Any]:
        """The one shop the app is authorised for, as `authorization/202309/shops` lists it."""
        return {
            "id": self.shop_id,
            "name": self.shop_name,
            "region": REGION,
            "seller_type": SELLER_TYPE,
            "cipher": self.shop_cipher,
            "code": self.shop_code,
        }

    def printed(self) -> dict[str, str]:
        """What `main.py sandbox` prints besides the credentials."""
        return {"shop name": self.shop_name, "shop cipher": self.shop_cipher}


@dataclass(frozen=True)
class Call:
    """One API call that passed the wire checks, as a route reads it."""

    template: str  # the path's template, e.g. /return_refund/202309/returns/{return_id}/approve
    path_params: dict[str, str]  # e.g. {"return_id": "4035..."}
    query: dict[str, str]
    body: dict[str, Any]  # the JSON body ({} for a multipart one)
    app_key: str
    raw: bytes = b""  # the body as sent
    content_type: str = ""


# --- reading parameters -----------------------------------------------------------------
def body_of(raw: bytes) -> dict[str, Any]:
    text = raw.decode("utf-8", errors="replace").strip()
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        raise errors.body_format_invalid("The body is not valid JSON.") from None
    if not isinstance(value, dict):
        raise errors.body_format_invalid("The body must be a JSON object.")
    return value


def required_text(params: dict[str, Any], name: str) -> str:
    value = params.get(name)
    if value is None or value == "":
        raise errors.invalid(f"`{name}` is required.")
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise errors.invalid(f"`{name}` must be a string.")
    return str(value)


def optional_int(params: dict[str, Any], name: str) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not (
        isinstance(value, int) or (isinstance(value, str) and value.lstrip("-").isdigit())
    ):
        raise errors.invalid(f"`{name}` must be an integer.")
    return int(value)


def text_list(params: dict[str, Any], name: str, most: int | None = None) -> list[str] | None:
    """A list of strings from a JSON array (or a comma-separated query value); None if absent."""
    value = params.get(name)
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, str):
        value = [part for part in value.split(",") if part]
    if not isinstance(value, list) or not all(
        isinstance(v, str | int) and not isinstance(v, bool) for v in value
    ):
        raise errors.invalid(f"`{name}` must be an array of strings.")
    if most is not None and len(value) > most:
        raise errors.invalid(f"`{name}` takes at most {most} values.")
    return [str(v) for v in value]
