"""Crafting raw dialect requests for tests: deliberate bad signatures, other timestamp
forms, raw bodies. The app's own client is tested elsewhere; this helper is only for
the wire."""

from __future__ import annotations

import json
import time
from typing import Any

import requests

from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.platforms.douyin.signing import canonical_json, path_from_method, sign


def signed_post(
    url: str,
    method: str,
    params: dict[str, Any] | None = None,
    *,
    app_key: str = DEMO_APP_KEY,
    secret: str = DEMO_APP_SECRET,
    access_token: str = "",
    timestamp: str | None = None,
    sign_method: str | None = "hmac-sha256",
    body: str | bytes | None = None,
    sign_over: str | None = None,
    session: requests.Session | None = None,
    query: dict[str, str] | None = None,
) -> requests.Response:
    """POST one dialect request. `body` replaces the JSON sent; `sign_over` replaces the signed param_json."""
    params = params or {}
    timestamp = timestamp if timestamp is not None else str(int(time.time()))
    param_json = sign_over if sign_over is not None else canonical_json(params)
    signature = sign(secret, app_key, method, param_json, timestamp, sign_method or "md5")
    q = {
        "app_key": app_key,
        "method": method,
        "access_token": access_token,
        "timestamp": timestamp,
        "v": "2",
        "sign": signature,
    }
    if sign_method is not None:
        q["sign_method"] = sign_method
    q.update(query or {})
    data = body if body is not None else json.dumps(params, ensure_ascii=False)
    if isinstance(data, str):
        data = data.encode("utf-8")
    return (session or requests).post(
        f"{url}{path_from_method(method)}",
        params=q,
        data=data,
        headers={"Content-Type": "application/json"},
        timeout=30,
    )


def call(url: str, method: str, params: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
    """A signed request's decoded envelope."""
    response = signed_post(url, method, params, **kwargs)
    assert response.status_code == 200, response.text
    return response.json()


def new_token(url: str, **kwargs: Any) -> dict[str, Any]:
    answer = call(
        url,
        "token.create",
        {"grant_type": "authorization_self", "code": "", "shop_id": DEMO_SHOP_ID},
        **kwargs,
    )
    assert answer["code"] == 10000, answer
    return answer["data"]


def control(url: str, verb: str, route: str, payload: dict[str, Any] | None = None) -> Any:
    response = requests.request(verb, f"{url}/_sandbox/{route}", json=payload, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()
