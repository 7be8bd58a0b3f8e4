"""How a service says no, in words a screen can put in the person's language.

Owns `Refusal`, the one base of the services' refusals: `message` is an English
source string marked for translation in the class's `context` ("refunds",
"shipping", "accounts"), its `{name}` fields filled from `params` after translation
(money already written as yuan, "¥12.30"). `str()` gives the English words, for logs
and tests. Screens translate with `app/views/people_words.refusal_text`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar


class Refusal(Exception):
    context: ClassVar[str] = "accounts"

    def __init__(self, message: str, params: Mapping[str, object] | None = None) -> None:
        self.message = message
        self.params: Mapping[str, object] = dict(params or {})
        super().__init__(message.format(**self.params) if self.params else message)
