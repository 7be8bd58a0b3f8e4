"""An amount of money with its currency.

Owns `Money`: an integer count of the currency's minor unit (fen for CNY, cents for
USD) and the ISO 4217 code it counts in, as ARCHITECTURE.md's data conventions say.
The mirror stores the two side by side (an amount column in minor units, the row's
`currency`); a Douyin shop's amounts are all fen of CNY. Amounts in different
currencies never add up: that raises rather than mixing them. How an amount reads is
`money_text` ("$12.99"), for the screens (app/views/common/formatting.money) and the
services' messages alike.

Also owns reading an amount a platform sends as a decimal string with its currency
(TikTok Shop: `"12.99"` USD) into minor units, exactly (`minor_units`, by the currency's
ISO 4217 exponent, `minor_digits`): through `Decimal`, never a float, and refusing an
amount finer than the currency's minor unit rather than rounding it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

CNY = "CNY"
USD = "USD"

# ISO 4217 minor-unit exponents that are not 2 (the ISO 4217 list, "Minor unit" column:
# https://www.six-group.com/en/products-services/financial-information/data-standards.html);
# every other currency counts in hundredths. Those TikTok Shop sells in are among them
# (JPY, KRW, VND 0) or are 2 (USD, GBP, EUR, MXN, BRL, MYR, THB, PHP, SGD, IDR).
MINOR_DIGITS_NOT_2 = {
    "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
    "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
    "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    "CLF": 4, "UYW": 4,
}  # fmt: skip


# The symbol an amount is shown with; a currency without one here is shown by its code.
CURRENCY_SYMBOLS = {"CNY": "¥", "USD": "$", "GBP": "£", "EUR": "€", "JPY": "JP¥"}


def money_text(minor: int, currency: str = CNY) -> str:
    """An amount in minor units of `currency` (fen of CNY by default) as "¥1,234.50",
    "$12.99", "JP¥2,980", "MYR 12.50": by the currency's own number of decimals."""
    sign = "-" if minor < 0 else ""
    digits = minor_digits(currency)
    whole, part = divmod(abs(minor), 10**digits)
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    return f"{sign}{symbol}{whole:,}" + (f".{part:0{digits}d}" if digits else "")


def minor_digits(currency: str) -> int:
    """How many decimal places the currency's minor unit has (CNY, USD 2; JPY 0; KWD 3)."""
    return MINOR_DIGITS_NOT_2.get(currency.upper(), 2)


def minor_units(amount: str | int, currency: str) -> int:
    """An amount sent as a decimal string ("12.99", "-3", "0.5", "1,299.00" is refused) in
    whole minor units of `currency` (1299, -300, 50); ValueError for text that is not a
    plain decimal number or that is finer than the currency's minor unit ("12.999" USD):
    an amount is never rounded."""
    if isinstance(amount, bool) or not isinstance(amount, str | int):
        raise ValueError(f"not an amount: {amount!r}")
    text = str(amount).strip()
    try:
        value = Decimal(text)
    except InvalidOperation as error:
        raise ValueError(f"not an amount: {amount!r}") from error
    # Decimal also reads "NaN", "Infinity" and "1e3": an amount on the wire is none of those.
    if not value.is_finite() or not text.lstrip("+-").replace(".", "", 1).isdigit():
        raise ValueError(f"not an amount: {amount!r}")
    scaled = value.scaleb(minor_digits(currency))
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{amount!r} is finer than a minor unit of {currency}")
    return int(scaled)


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

    @classmethod
    def of(cls, amount: str | int, currency: str) -> Money:
        """The amount a platform sends as a decimal string in `currency` (`minor_units`)."""
        return cls(minor_units(amount, currency), currency)

    def _same_currency(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")
        return other
