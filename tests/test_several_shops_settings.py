"""One desk, several shops: what the settings keep, and adding a shop.

A desk keeps a list of shops (each with a stable local key, its platform, its name, its
shop id, demo or real; never a secret) and the one on screen. A settings file written by
the previous release, with its one shop (or none: the demo shop), loads as a list of one
without anything for the person to do, and is written so that release can still open it.
Adding a shop creates its own database and carries the owner into it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app import config
from app.db import open_database
from app.models import AfterSale, AuditEvent, OutboxOperation, User
from app.models import outbox as outbox_state
from app.services.people import accounts
from app.services.setup.shop_adding import ShopNotRemoved, take_shop_off_desk
from app.services.setup.shop_list import add_shop, database_url_of, remove_shop, select_shop
from app.services.setup.shop_setup import actor_named
from app.shop_entries import DOUYIN_DEMO_KEY, ShopEntry, demo_entry, entry_key
from tests.builders import after_sale_row, order_row, seed
from tests.sandbox_control import queue_refund_approval

# As the previous release wrote it (app/config.py at e253c36: `asdict(Settings)`).
PREVIOUS_RELEASE = {
    "language": "zh_CN",
    "sync_interval_s": 15,
    "database_url": "",
    "shop": {
        "gateway": "https://openapi-fxg.jinritemai.com",
        "app_key": "7123456789012345678",
        "shop_id": "88001234",
    },
    "stay_signed_in_user": "xiaolin",
    "extra": {"ui": {"screen": "refunds"}},
}
SECOND = ShopEntry(
    key=entry_key("douyin", "66005500", demo=False),
    platform="douyin",
    name="小林的第二家店",
    shop_id="66005500",
    gateway="http://127.0.0.1:9",
    app_key="7000000000000000009",
)


def write(home: Path, data: object) -> Path:
    path = home / config.SETTINGS_FILE
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_settings_file_of_the_previous_release_loads_as_a_list_of_one_shop(app_home: Path) -> None:
    write(app_home, PREVIOUS_RELEASE)
    loaded = config.load_settings()
    assert loaded.notes == []  # nothing for the person to do
    (only,) = loaded.settings.shops
    assert (only.platform, only.shop_id, only.app_key, only.demo) == (
        "douyin",
        "88001234",
        "7123456789012345678",
        False,
    )
    assert only.gateway == "https://openapi-fxg.jinritemai.com"
    assert loaded.settings.current_entry() == only
    assert loaded.settings.shop == config.ShopConnection(**PREVIOUS_RELEASE["shop"])  # type: ignore[arg-type]
    # Its data stays where the previous release kept it.
    assert database_url_of(only) == config.shop_database_url("88001234", demo=False)
    assert loaded.settings.language == "zh_CN" and loaded.settings.stay_signed_in_user == "xiaolin"


def test_a_settings_file_of_the_previous_release_without_a_shop_is_the_demo_shop(app_home: Path) -> None:
    write(app_home, {**PREVIOUS_RELEASE, "shop": None})
    loaded = config.load_settings()
    assert loaded.notes == []
    assert [entry.key for entry in loaded.settings.shops] == [DOUYIN_DEMO_KEY]
    assert loaded.settings.shop is None
    demo = loaded.settings.shops[0]
    assert database_url_of(demo) == config.shop_database_url("1234567", demo=True)  # its old file


def test_several_shops_and_the_one_on_screen_survive_a_restart(app_home: Path) -> None:
    write(app_home, PREVIOUS_RELEASE)
    settings = config.Settings.load()
    tiktok = ShopEntry(
        key="tiktok-7494", platform="tiktok", name="Lin's Goods", shop_id="7494", app_key="6a1"
    )
    settings.shops += [SECOND, tiktok, demo_entry("演示店")]
    assert select_shop(settings, SECOND.key)
    again = config.Settings.load()
    assert again == settings
    assert again.current_entry() == SECOND
    assert [entry.platform for entry in again.shops] == ["douyin", "douyin", "tiktok", "douyin"]
    # Each keeps its own database, however alike their ids.
    assert len({database_url_of(entry) for entry in again.shops}) == 4
    # The previous release still finds "its" shop: the one on screen, in its shape.
    raw = json.loads((app_home / config.SETTINGS_FILE).read_text(encoding="utf-8"))
    assert raw["shop"] == {"gateway": SECOND.gateway, "app_key": SECOND.app_key, "shop_id": SECOND.shop_id}
    assert "app_secret" not in json.dumps(raw)


def test_an_unreadable_shop_entry_is_left_out_and_the_person_told(app_home: Path) -> None:
    good = {"key": SECOND.key, "platform": "douyin", "shop_id": SECOND.shop_id, "app_key": SECOND.app_key}
    write(app_home, {**PREVIOUS_RELEASE, "shops": [{"key": 5}, good, {"key": "x", "platform": "ebay"}],
                     "current_shop": "gone"})  # fmt: skip
    loaded = config.load_settings()
    assert [entry.key for entry in loaded.settings.shops] == [SECOND.key]
    assert loaded.settings.current_shop == SECOND.key  # a key no longer listed: the first shop
    assert any("place in the list: 1, 3" in str(note) for note in loaded.notes)


def test_adding_a_shop_gives_it_its_own_database_with_the_owner_in_it(app_home: Path) -> None:
    settings = config.Settings(language="en")
    first = settings.current_entry()
    engine, sessions = open_database(database_url_of(first))
    with sessions.begin() as session:
        owner = accounts.create_owner(session, "xiaolin", "小林", "correct horse 42", now=0)
    try:
        where = add_shop(settings, SECOND, owner=owner, owner_sessions=sessions, now=100)
    finally:
        engine.dispose()
    assert where == ""  # no secret given: none written
    assert [entry.key for entry in config.Settings.load().shops] == [first.key, SECOND.key]
    assert config.Settings.load().current_shop == SECOND.key
    other_engine, other = open_database(database_url_of(SECOND))
    with other() as session:
        assert session.scalars(select(User.username)).all() == ["xiaolin"]  # same sign-in
    other_engine.dispose()
    remove_shop(settings, SECOND.key)
    assert [entry.key for entry in config.Settings.load().shops] == [first.key]
    remove_shop(settings, first.key)  # the last shop stays: a desk always has one
    assert [entry.key for entry in config.Settings.load().shops] == [first.key]


def test_the_first_run_puts_its_shop_in_place_of_the_demo_shop(app_home: Path) -> None:
    settings = config.Settings(language="en")
    add_shop(settings, SECOND, now=0, replacing=settings.current_shop)
    assert [entry.key for entry in settings.shops] == [SECOND.key]
    assert settings.current_entry() == SECOND


def test_a_shop_with_decisions_not_yet_sent_is_not_taken_off_the_desk(app_home: Path) -> None:
    settings = config.Settings(language="en")
    first = settings.current_entry()
    first_engine, first_sessions = open_database(database_url_of(first))
    with first_sessions.begin() as session:
        owner = accounts.create_owner(session, "xiaolin", "小林", "correct horse 42", now=0)
    add_shop(settings, SECOND, owner=owner, owner_sessions=first_sessions, now=0, make_current=False)
    engine, sessions = open_database(database_url_of(SECOND))
    with sessions() as session:
        there = actor_named(session, "xiaolin")
    order = order_row(status=3)
    seed(sessions, orders=[order], after_sales=[after_sale_row(order, type=1)])
    with sessions.begin() as session:
        queue_refund_approval(session, session.scalars(select(AfterSale)).one())
    with pytest.raises(ShopNotRemoved) as refused:
        take_shop_off_desk(settings, SECOND.key, there, sessions, now=10)
    assert str(refused.value).startswith("1 decisions or shipments made in this shop have not reached")
    assert [entry.key for entry in config.Settings.load().shops] == [first.key, SECOND.key]
    with sessions.begin() as session:  # the platform confirmed it
        session.execute(update(OutboxOperation).values(state=outbox_state.DONE))
    take_shop_off_desk(settings, SECOND.key, there, sessions, now=20)
    assert [entry.key for entry in config.Settings.load().shops] == [first.key]
    with sessions() as session:  # who took it off, in its own trail
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "settings.change")).one()
        assert event.actor_id == there.user_id and SECOND.key in event.before
    with pytest.raises(ShopNotRemoved):  # the desk's only shop stays
        take_shop_off_desk(settings, first.key, owner, first_sessions, now=30)
    engine.dispose()
    first_engine.dispose()


def test_a_shop_list_of_the_wrong_shape_is_the_demo_shop_and_the_person_told(app_home: Path) -> None:
    write(app_home, {**PREVIOUS_RELEASE, "shops": "douyin-88001234"})
    loaded = config.load_settings()
    assert [entry.key for entry in loaded.settings.shops] == [DOUYIN_DEMO_KEY]
    assert any("the demo shop is used until the owner connects" in str(note) for note in loaded.notes)
