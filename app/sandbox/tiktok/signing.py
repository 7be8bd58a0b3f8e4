"""How the TikTok Shop gateway checks a request's signature, as the sandbox store does it.

Owns the sign string and its HMAC, and the method name a URL path stands for. The
sandbox's own implementation, from the public record, never the client's
(app/platforms/tiktok/signing.py): if the client signs wrongly, the stand-in refuses it as
the platform would.

Public record: EcomPHP/tiktokshop-php src/Client.php `prepareSignature` (after
https://partner.tiktokshop.com/doc/page/274638): take every query parameter except `sign`
and `access_token` (and the `x-tts-access-token` some clients also put there), sorted by
name, each as name + value; put the request path in front; unless the body is
multipart/form-data (or the request a GET, which has none), append the body exactly as sent;
wrap the whole in the app secret on both sides; the signature is the lowercase hex
HMAC-SHA256 of it keyed by the app secret.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping

UNSIGNED_PARAMETERS = ("sign", "access_token", "x-tts-access-token")

# The API's paths, each as its template: the template is the method name a fault's
# `method` names and the ledger records.
TEMPLATES = (
    "/api/v2/token/get",
    "/api/v2/token/refresh",
    "/authorization/202309/shops",
    "/order/202309/orders/search",
    "/order/202309/orders",
    "/return_refund/202309/returns/search",
    "/return_refund/202309/returns/{return_id}/records",
    "/return_refund/202309/returns/{return_id}/approve",
    "/return_refund/202309/returns/{return_id}/reject",
    "/return_refund/202309/reject_reasons",
    "/return_refund/202309/cancellations/search",
    "/return_refund/202309/cancellations/{cancel_id}/approve",
    "/return_refund/202309/cancellations/{cancel_id}/reject",
    "/fulfillment/202309/packages/{package_id}/ship",
    "/fulfillment/202309/orders/{order_id}/packages",
    "/fulfillment/202309/packages/{package_id}/shipping_documents",
    "/logistics/202309/delivery_options/{delivery_option_id}/shipping_providers",
    "/product/202309/images/upload",
    "/logistics/202309/warehouses",
    "/logistics/202309/warehouses/{warehouse_id}/delivery_options",
)


# The verb each path takes: searches and every write POST, the rest GET
# (EcomPHP/tiktokshop-php src/Resources/*.php; PC each page's method).
VERBS = {
    template: "POST"
    if template.endswith(("/search", "/approve", "/reject", "/ship", "/packages", "/upload"))
    else "GET"
    for template in TEMPLATES
}


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[a-z_]+\})", template)
    regex = "".join(
        f"(?P<{part[1:-1]}>[A-Za-z0-9_.-]{{1,64}})" if part.startswith("{") else re.escape(part)
        for part in parts
    )
    return re.compile(regex)


_PATTERNS = [(template, _pattern(template)) for template in TEMPLATES]


def match(path: str) -> tuple[str, dict[str, str]] | None:
    """(the path's template, its path parameters), or None for a path the API has not."""
    path = path.rstrip("/") or "/"
    for template, pattern in _PATTERNS:
        found = pattern.fullmatch(path)
        if found:
            return template, found.groupdict()
    return None


def method_from_path(path: str) -> str:
    """`/return_refund/202309/returns/4035/approve` -> its template
    `/return_refund/202309/returns/{return_id}/approve`; an unknown path stays itself."""
    found = match(path)
    return found[0] if found else path


def sign_string(
    secret: str, path: str, query: Mapping[str, str], body: bytes, *, multipart: bool = False
) -> bytes:
    """The bytes the signature is the HMAC of."""
    pairs = "".join(f"{name}{query[name]}" for name in sorted(query) if name not in UNSIGNED_PARAMETERS)
    text = f"{path}{pairs}".encode()
    if not multipart:
        text += body
    return secret.encode("utf-8") + text + secret.encode("utf-8")


def signature(
    secret: str, path: str, query: Mapping[str, str], body: bytes, *, multipart: bool = False
) -> str:
    """The lowercase hex signature the gateway expects for this exact request."""
    text = sign_string(secret, path, query, body, multipart=multipart)
    return hmac.new(secret.encode("utf-8"), text, hashlib.sha256).hexdigest()


def signature_matches(
    secret: str, path: str, query: Mapping[str, str], body: bytes, given: str, *, multipart: bool = False
) -> bool:
    return hmac.compare_digest(signature(secret, path, query, body, multipart=multipart), given.lower())
