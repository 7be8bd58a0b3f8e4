"""TikTok Shop's calls as documented: the contract fixtures beside this file are well formed.

The fixtures are each call's body (`*.request.json`) and whole answer (`*.answer.json`) as the
public record documents them (README.md names the page of each file; docs/platforms/tiktok.md the
sources). These tests only hold the fixtures themselves to the documented envelope; the parser's
and the sandbox's agreement with them are tested by their owners (`mapping`, `sandbox-http`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent

# Every Partner Center answer: `code` (int, 0 is success), `message`, `request_id`, `data`
# (Get Access Token guide; every API page's "Response Parameters").
ENVELOPE_TYPES: dict[str, type] = {"code": int, "message": str, "request_id": str}

# The calls the desk makes (README.md names the page of each); a new fixture adds its name.
CALLS = (
    "token.get",
    "token.refresh",
    "authorization.shops",
    "orders.search",
    "orders.get",
    "returns.search",
    "returns.records",
    "returns.reject_reasons",
    "returns.approve",
    "returns.reject",
    "cancellations.search",
    "cancellations.approve",
    "cancellations.reject",
    "packages.ship",
    "packages.mark_shipped",
    "shipping_providers",
    "shipping_documents",
)
# The calls that send a JSON body (the rest send only query parameters).
WITH_BODY = {
    "orders.search",
    "returns.search",
    "returns.approve",
    "returns.reject",
    "cancellations.search",
    "cancellations.reject",
    "packages.ship",
    "packages.mark_shipped",
}
# Common query parameters and the token header: never part of a body (common-parameters guide).
COMMON = {"app_key", "sign", "timestamp", "shop_cipher", "access_token", "x-tts-access-token"}

EXTRAS = [HERE / "signing.vectors.json", HERE / "code_tables.json", HERE / "reasons.us.json"]
SUCCESSES = sorted(p for p in HERE.glob("*.answer.json") if not p.name.startswith("error."))
ERRORS = sorted(HERE.glob("error.*.answer.json"))
REQUESTS = sorted(HERE.glob("*.request.json"))


def read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_call_the_desk_makes_has_a_documented_answer_and_body() -> None:
    answered = {p.name.removesuffix(".answer.json") for p in SUCCESSES}
    assert answered == set(CALLS)
    assert {p.name.removesuffix(".request.json") for p in REQUESTS} == WITH_BODY


@pytest.mark.parametrize("path", SUCCESSES, ids=lambda p: p.name)
def test_a_success_is_the_documented_envelope_with_code_zero(path: Path) -> None:
    answer = read(path)
    assert set(answer) == {*ENVELOPE_TYPES, "data"}
    for field, kind in ENVELOPE_TYPES.items():
        assert isinstance(answer[field], kind), field
    assert answer["code"] == 0
    assert isinstance(answer["data"], dict)


@pytest.mark.parametrize("path", ERRORS, ids=lambda p: p.name)
def test_an_error_is_the_envelope_with_its_documented_code(path: Path) -> None:
    """An error names its code in the file name; it carries no `data` (as seen in the wild:
    EcomPHP/tiktokshop-php issue #40), which a reader must take as well as an empty one."""
    answer = read(path)
    assert set(answer) == set(ENVELOPE_TYPES)
    for field, kind in ENVELOPE_TYPES.items():
        assert isinstance(answer[field], kind), field
    assert answer["code"] == int(path.name.split(".")[1]) != 0


@pytest.mark.parametrize("path", REQUESTS, ids=lambda p: p.name)
def test_a_body_is_a_json_object_without_the_common_parameters(path: Path) -> None:
    body = read(path)
    assert isinstance(body, dict) and body
    assert not COMMON & set(body)


def test_money_is_a_decimal_string_and_times_are_unix_seconds() -> None:
    order = read(HERE / "orders.search.answer.json")["data"]["orders"][0]
    assert all(isinstance(value, str) for value in order["payment"].values())
    for field in ("create_time", "update_time", "paid_time", "rts_sla_time", "tts_sla_time"):
        assert isinstance(order[field], int) and order[field] > 1_700_000_000, field
    token = read(HERE / "token.get.answer.json")["data"]
    # The expiries are the moments of expiry, not durations (Get Access Token guide).
    assert token["access_token_expire_in"] > 1_700_000_000


def test_the_readme_names_every_fixture() -> None:
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    for path in [*SUCCESSES, *ERRORS, *REQUESTS, *EXTRAS]:
        assert f"`{path.name}`" in readme, path.name


def test_the_documented_signing_vectors_hold() -> None:
    """The vectors are the record's own; recomputing them here keeps a typo out of the file
    that the client and the sandbox test their signing against."""
    for vector in read(HERE / "signing.vectors.json")["vectors"]:
        secret = vector["app_secret"]
        query = "".join(f"{key}{value}" for key, value in sorted(vector["query"].items()))
        wrapped = f"{secret}{vector['path']}{query}{vector['body']}{secret}"
        assert wrapped == vector["string_to_sign"]
        digest = hmac.new(secret.encode(), wrapped.encode(), hashlib.sha256).hexdigest()
        assert digest == vector["sign"]


def test_every_code_in_the_fixtures_is_in_the_documented_tables() -> None:
    tables = read(HERE / "code_tables.json")
    for order in read(HERE / "orders.search.answer.json")["data"]["orders"]:
        assert order["status"] in tables["order_status"]
        assert order["shipping_type"] in tables["shipping_type"]
        assert {line["package_status"] for line in order["line_items"]} <= set(tables["line_package_status"])
    for request in read(HERE / "returns.search.answer.json")["data"]["return_orders"]:
        assert request["return_type"] in tables["return_type"]
        assert request["return_status"] in tables["return_status"]
        assert request["role"] in tables["return_role"]
        actions = {a["action"] for a in request["seller_next_action_response"]}
        assert actions <= set(tables["seller_next_action"])
    for cancellation in read(HERE / "cancellations.search.answer.json")["data"]["cancellations"]:
        assert cancellation["cancel_type"] in tables["cancel_type"]
        assert cancellation["cancel_status"] in tables["cancel_status"]
    for record in read(HERE / "returns.records.answer.json")["data"]["records"]:
        assert record["role"] in tables["record_role"]
    assert read(HERE / "returns.approve.request.json")["decision"] in tables["approve_decision"]
    assert read(HERE / "returns.reject.request.json")["decision"] in tables["reject_decision"]


def test_every_reason_in_the_fixtures_is_a_documented_us_reason() -> None:
    reasons = read(HERE / "reasons.us.json")
    documented = {r["name"] for table, rows in reasons.items() if not table.startswith("_") for r in rows}
    named = {r["return_reason"] for r in read(HERE / "returns.search.answer.json")["data"]["return_orders"]}
    named |= {
        c["cancel_reason"] for c in read(HERE / "cancellations.search.answer.json")["data"]["cancellations"]
    }
    named |= {r["name"] for r in read(HERE / "returns.reject_reasons.answer.json")["data"]["reasons"]}
    named.add(read(HERE / "returns.reject.request.json")["reject_reason"])
    named.add(read(HERE / "cancellations.reject.request.json")["reject_reason"])
    assert named <= documented
