"""An amount a platform sends as a decimal string is read exactly into its currency's minor
units (never through a float, never rounded), and shown in that currency."""

from __future__ import annotations

import pytest

from app.core.money import Money, minor_digits, minor_units
from app.views.common.formatting import money


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [
        ("12.99", "USD", 1299),
        ("21.3", "USD", 2130),
        ("0.10", "USD", 10),
        ("0.29", "USD", 29),  # 0.29 * 100 is 28.999… as a float
        ("19.990", "USD", 1999),
        ("-3.5", "USD", -350),
        ("2980", "JPY", 2980),
        ("1.234", "KWD", 1234),
        ("95000", "IDR", 9500000),
        (7, "USD", 700),
    ],
)
def test_a_decimal_string_is_read_exactly_in_minor_units(amount: str, currency: str, minor: int) -> None:
    assert minor_units(amount, currency) == minor
    assert Money.of(amount, currency) == Money(minor, currency)


@pytest.mark.parametrize(
    "amount", ["12.999", "1e3", "NaN", "Infinity", "", "12,99", "1,299.00", "$5", "1.5.0"]
)
def test_anything_but_a_plain_amount_in_whole_minor_units_is_refused(amount: str) -> None:
    with pytest.raises(ValueError):
        minor_units(amount, "USD")
    with pytest.raises(ValueError):
        minor_units(12.5, "USD")  # type: ignore[arg-type]


def test_amounts_are_shown_in_their_own_currency() -> None:
    assert (minor_digits("CNY"), minor_digits("jpy"), minor_digits("KWD")) == (2, 0, 3)
    assert [money(123450), money(-5), money(1299, "USD"), money(298000, "JPY"), money(1250, "MYR")] == [
        "¥1,234.50",
        "-¥0.05",
        "$12.99",
        "JP¥298,000",
        "MYR 12.50",
    ]
