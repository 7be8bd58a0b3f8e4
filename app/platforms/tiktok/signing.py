"""TikTok Shop's request signature: the one rule, with no I/O.

Owns the string a request signs and its `sign`, as the public record has them
(EcomPHP/tiktokshop-php src/Client.php `prepareSignature`, citing
https://partner.tiktokshop.com/doc/page/274638; hsib19/tiktok-shop-sdk
packages/sdk/src/utils/signature.ts, version "v1"):

1. every query parameter except `sign` and `access_token`, sorted by name, each as
   name + value, concatenated;
2. the request's path put in front;
3. the body appended, unless the request is multipart/form-data (nor for a GET, which
   has none);
4. the whole wrapped in the app secret, front and back;
5. HMAC-SHA256 keyed with the app secret, as lowercase hex.

The client signs with this; the sandbox's dialect checks with its own copy of the rule
(it must not import the client's), so the two can disagree and a test catches it.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping

# Never signed: the signature itself, and the token (sent as a header since 202309, and
# excluded by the rule even where a client still sends it in the query).
UNSIGNED_PARAMS = frozenset({"sign", "access_token"})


def sign_string(secret: str, path: str, query: Mapping[str, object], body: bytes | str = b"") -> bytes:
    """What is signed: secret + path + sorted name+value pairs + body + secret (UTF-8)."""
    pairs = "".join(f"{name}{query[name]}" for name in sorted(query) if name not in UNSIGNED_PARAMS)
    body_bytes = body.encode("utf-8") if isinstance(body, str) else body
    secret_bytes = secret.encode("utf-8")
    return secret_bytes + (path + pairs).encode("utf-8") + body_bytes + secret_bytes


def sign(secret: str, path: str, query: Mapping[str, object], body: bytes | str = b"") -> str:
    """The `sign` query parameter of one request: lowercase hex HMAC-SHA256 keyed with
    the app secret. `body` is the exact bytes sent (b"" for a GET or a multipart upload)."""
    text = sign_string(secret, path, query, body)
    return hmac.new(secret.encode("utf-8"), text, hashlib.sha256).hexdigest()
