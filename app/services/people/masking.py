"""Masking of a buyer's personal data for display.

Owns how a receiver's name, phone number and address appear on screens that do not
need them in full (the orders screen, screenshots, a clerk's shared monitor): enough
to recognise a parcel on the phone with the buyer, not enough to copy an address
book. The shipping label printer, later, reads the stored values, not these.
"""

from __future__ import annotations

MASK = "*"


def mask_name(name: str) -> str:
    """张三丰 -> 张**, Li Lei -> L*****; the first character tells a parcel apart."""
    name = name.strip()
    if len(name) <= 1:
        return name
    if MASK in name:  # the platform sent it masked already
        return name
    return name[0] + MASK * (len(name) - 1)


def mask_phone(phone: str) -> str:
    """13812345678 -> 138****5678; shorter numbers keep only their last four digits."""
    phone = phone.strip()
    if MASK in phone or len(phone) <= 4:
        return phone
    if len(phone) >= 11:
        return phone[:3] + MASK * (len(phone) - 7) + phone[-4:]
    return MASK * (len(phone) - 4) + phone[-4:]


def mask_address(address: str, keep: int = 9) -> str:
    """Keep province, city and district (about the first `keep` characters), hide the
    street and house number."""
    address = address.strip()
    if MASK in address or len(address) <= keep:
        return address
    return address[:keep] + MASK * 4
