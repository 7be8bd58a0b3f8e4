"""An amount of money with its currency.

Owns `Money`: an integer count of the currency's minor unit (fen for CNY, cents for
USD) and the ISO 4217 code it counts in, as ARCHITECTURE.md's data conventions say.
The mirror stores the two side by side (an amount column in minor units, the row's
`currency`); a Douyin shop's amounts are all fen of CNY. Amounts in different
currencies never add up: that raises rather than mixing them. How money is shown stays
with the views (app/views/common/formatting.py).
"""

from __future__ import annotations

from dataclasses import dataclass

CNY = "CNY"


@dataclass(frozen=True, slots=True)
class Money:
    """`minor` units (fen, cents) of `currency`, an ISO 4217 code such as "CNY"."""

    minor: int
    currency: str = CNY

    def __post_init__(self) -> None:
        if isinstance(self.minor, bool) or not isinstance(self.minor, int):
            raise TypeError(f"an amount is a whole number of minor units, not {self.minor!r}")
        if len(self.currency) != 3 or not self.currency.isascii() or not self.currency.isupper():
            raise ValueError(f"not an ISO 4217 currency code: {self.currency!r}")

    def __add__(self, other: Money) -> Money:
        return Money(self.minor + self._same_currency(other).minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.minor - self._same_currency(other).minor, self.currency)

    def _same_currency(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")
        return other
