"""A problem's plain words that name a value known only when it happened.

Problems travel as English source text (context "sync") from the platform adapters through
the sync status, an outbox operation's `problem` and the connection test, and are
translated where they are shown. A few name a value only the moment knows: the internet
address the platform saw a request come from, say. Such a problem is still one string —
the source with `{name}` placeholders, then `VALUES_MARK`, then the values as JSON — so it
goes through every place a problem goes unchanged (and is kept in the database as it is),
and its source is still what the translation catalogue knows it by.

`with_values` makes one; `words` is how a screen shows any problem, with or without values.
"""

from __future__ import annotations

import json
from collections.abc import Callable

# The ASCII unit separator: never part of words for people.
VALUES_MARK = "\x1f"


def with_values(source: str, **values: str) -> str:
    """`source` (English, with `{name}` placeholders) carrying the values it names."""
    return source + VALUES_MARK + json.dumps(values, ensure_ascii=False, sort_keys=True)


def source_of(problem: str) -> str:
    """The English source of a problem, without its values."""
    return problem.partition(VALUES_MARK)[0]


def values_of(problem: str) -> dict[str, str]:
    """The values a problem carries ({} when none, or when they cannot be read)."""
    _, mark, text = problem.partition(VALUES_MARK)
    if not mark:
        return {}
    try:
        values = json.loads(text)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in values.items()} if isinstance(values, dict) else {}


def words(problem: str, translate: Callable[[str], str]) -> str:
    """The problem in the person's language: its source translated, then its values put in.
    A translation whose placeholders do not fit the values is shown as it is, never lost."""
    text = translate(source_of(problem))
    values = values_of(problem)
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text
