"""The settings file, however it is found: checked whole, repaired, kept, and told.

A settings file of the wrong shape (valid JSON or not) neither crashes the desktop nor
the headless sync: what is wrong is reset, the damaged file is kept as a numbered copy
that is never overwritten, and the person reads what was reset. A desk that used a
shared database and lost it from its settings asks before working anywhere else. The
time between syncs has one check, for the file, the desktop and `--interval`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app import config, desk
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.sync import cli

SHARED = "postgresql://desk@192.0.2.10:5432/shop"
GOOD = {
    "language": "zh_CN",
    "sync_interval_s": 30,
    "database_url": "",
    "shop": {"gateway": "https://openapi-fxg.jinritemai.com", "app_key": "7123", "shop_id": "88"},
    "stay_signed_in_user": "xiaolin",
    "extra": {"ui": {"screen": "orders"}},
}


def write(home: Path, text: str) -> Path:
    path = home / config.SETTINGS_FILE
    path.write_text(text, encoding="utf-8")
    return path


def with_(**changes: object) -> str:
    return json.dumps({**GOOD, **changes})


WRONG_SHAPES = {
    "null": "null",
    "a list": "[1, 2]",
    "a string": '"settings"',
    "not json": '{"language": "en", ',
    "interval a word": with_(sync_interval_s="abc"),
    "interval NaN": with_(sync_interval_s=float("nan")),
    "interval infinite": with_(sync_interval_s=float("inf")),
    "interval true": with_(sync_interval_s=True),
    "language a number": with_(language=5),
    "shop a string": with_(shop="7123"),
    "shop a list": with_(shop=["7123"]),
    "shop field a number": with_(shop={**GOOD["shop"], "shop_id": 88}),
    "unknown nested key": with_(shop={**GOOD["shop"], "secret": "x"}),
    "unknown key": with_(colour="blue"),
    "extra a list": with_(extra=[1]),
    "user null": with_(stay_signed_in_user=None),
    "deeply nested": "[" * 100_000 + "]" * 100_000,
}


@pytest.mark.parametrize("text", WRONG_SHAPES.values(), ids=WRONG_SHAPES.keys())
def test_a_settings_file_of_the_wrong_shape_never_stops_the_start(app_home: Path, text: str) -> None:
    write(app_home, text)
    settings = config.Settings.load()
    assert settings.language in config.LANGUAGES
    assert config.checked_sync_interval(settings.sync_interval_s) == settings.sync_interval_s
    assert settings.shop is None or all(isinstance(value, str) for value in vars(settings.shop).values())
    assert isinstance(settings.extra, dict) and isinstance(settings.stay_signed_in_user, str)


@pytest.mark.parametrize(
    ("text", "kept", "told"),
    [
        (with_(sync_interval_s="abc"), {"sync_interval_s": 15}, "The time between syncs could not be used"),
        (with_(shop="7123"), {"shop": None}, "the demo shop is used until the owner connects the shop"),
        (with_(language=5), {"language": "system"}, "follows the system's language"),
        (with_(colour="blue"), {}, "Entries this version does not know were left out: colour."),
        (
            with_(shop={**GOOD["shop"], "secret": "x"}),
            {"shop": config.ShopConnection(**GOOD["shop"])},
            "left out: shop.secret.",
        ),
    ],
    ids=["interval", "shop", "language", "unknown key", "unknown nested key"],
)
def test_only_what_is_wrong_is_reset_and_the_person_is_told_what(
    app_home: Path, text: str, kept: dict[str, object], told: str
) -> None:
    write(app_home, text)
    loaded = config.load_settings()
    expected = {**GOOD, "shop": config.ShopConnection(**GOOD["shop"]), **kept}
    assert {name: getattr(loaded.settings, name) for name in GOOD} == expected
    words = [str(note) for note in loaded.notes]
    assert any(told in line for line in words), words
    assert words[-1] == f"The damaged file was kept as {app_home / 'settings.damaged-1.json'}."
    assert loaded.kept_copy.read_text(encoding="utf-8") == text  # byte for byte
    again = config.load_settings()  # repaired in place: the next start is quiet
    assert again.notes == [] and again.settings == loaded.settings


def test_unreadable_settings_are_reset_whole_and_copies_are_never_overwritten(app_home: Path) -> None:
    write(app_home, "null")
    first = config.load_settings()
    assert str(first.notes[0]) == "The settings file was damaged, so every setting was reset to its default."
    assert first.settings == config.Settings()
    write(app_home, "\x00\x00garbage")
    second = config.load_settings()
    assert (first.kept_copy.name, second.kept_copy.name) == (
        "settings.damaged-1.json",
        "settings.damaged-2.json",
    )
    assert first.kept_copy.read_text(encoding="utf-8") == "null"
    assert second.kept_copy.read_text(encoding="utf-8") == "\x00\x00garbage"


@pytest.mark.parametrize("value", [0, -1, 0.5, 3601, 1e300, float("nan"), float("inf"), "15", True, None])
def test_a_time_between_syncs_outside_a_second_to_an_hour_is_refused(value: object) -> None:
    with pytest.raises(ValueError, match="must be a number of seconds from 1 to 3600"):
        config.checked_sync_interval(value)


@pytest.mark.parametrize("value", [1, 15, 22.5, 3600])
def test_a_sensible_time_between_syncs_is_taken(value: float) -> None:
    assert config.checked_sync_interval(value) == value


@pytest.mark.parametrize("given", ["0", "-3", "nan", "inf", "1e9", "soon"])
def test_the_sync_command_refuses_an_interval_outside_the_bounds(capsys, given: str) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.build_parser().parse_args(["--interval", given])
    assert exited.value.code == 2
    assert "seconds from 1 to 3600" in capsys.readouterr().err


@pytest.mark.parametrize("value", [0, -1, 100_000])
def test_a_settings_file_with_an_interval_outside_the_bounds_gets_the_default(
    app_home: Path, value: int
) -> None:
    write(app_home, with_(sync_interval_s=value))
    loaded = config.load_settings()
    assert loaded.settings.sync_interval_s == config.DEFAULT_SYNC_INTERVAL_S
    assert "it is 15 seconds again (it can be from 1 to 3600 seconds)" in str(loaded.notes[0])


# --- a desk on a shared database -----------------------------------------------------------------


def shared_desk(home: Path) -> config.Settings:
    settings = config.Settings(database_url=SHARED)
    settings.save()
    return settings


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(b""),
        lambda path: path.write_bytes(b"\x89\x00\xff garbage"),
        lambda path: path.write_text("null", encoding="utf-8"),
        lambda path: path.write_text(with_(database_url={"url": SHARED}), encoding="utf-8"),
        lambda path: path.unlink(),
    ],
    ids=["emptied", "garbage", "null", "wrong nesting", "deleted"],
)
def test_a_shared_database_desk_whose_settings_lost_the_database_knows_it(
    app_home: Path, damage: Callable[[Path], None]
) -> None:
    shared_desk(app_home)
    damage(app_home / config.SETTINGS_FILE)
    loaded = config.load_settings()
    assert loaded.settings.database_url == ""
    assert loaded.lost_shared_database == SHARED
    assert config.load_settings().lost_shared_database == SHARED  # asked again until answered


def test_without_the_remembered_mode_the_damaged_text_still_shows_the_shared_database(
    app_home: Path,
) -> None:
    """A desk whose settings were written before the mode was remembered beside them."""
    write(app_home, '{"database_url": "' + SHARED + '", "sync_interval_s": }')
    assert config.load_settings().lost_shared_database == SHARED


def test_a_desk_that_chose_its_own_database_is_not_asked_again(app_home: Path) -> None:
    settings = shared_desk(app_home)
    assert config.load_settings().lost_shared_database == ""  # intact settings: nothing lost
    settings.database_url = ""
    settings.save()
    (app_home / config.SETTINGS_FILE).unlink()
    assert config.load_settings().lost_shared_database == ""


def test_the_sync_command_will_not_sync_a_lost_shared_desk_into_a_local_database(
    app_home: Path, capsys
) -> None:
    shared_desk(app_home)
    write(app_home, "{ damaged")
    assert cli.run(["--once"]) == cli.EXIT_NEEDS_PERSON
    said = capsys.readouterr().out
    assert "used the shared shop database postgresql://desk@192.0.2.10:5432/shop" in said
    assert "--db" in said
    assert not (app_home / "shops").exists() and not (app_home / "sandbox").exists()  # nothing opened


def test_the_sync_command_says_in_a_line_what_was_reset(
    app_home: Path, capsys, sandbox_url: str, tmp_path: Path
) -> None:
    write(app_home, with_(sync_interval_s="abc", shop="7123"))
    argv = ["--store", sandbox_url, "--app-key", DEMO_APP_KEY, "--app-secret", DEMO_APP_SECRET]
    argv += ["--shop-id", DEMO_SHOP_ID, "--db", f"sqlite:///{tmp_path / 'mirror.sqlite'}", "--once"]
    assert cli.run(argv) == cli.EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith('Settings: The time between syncs could not be used ("abc")')
    assert lines[1].startswith("Settings: The shop's connection could not be read")
    assert lines[2].startswith("Settings: The damaged file was kept as")


# --- the desktop at start --------------------------------------------------------------------------


def press_when_shown(button_name: str, seen: list[str]) -> None:
    """Presses the button `button_name` of the next question box, keeping its text in `seen`."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        button = box.findChild(QPushButton, button_name) if isinstance(box, QMessageBox) else None
        if button is None:
            QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        button.click()

    QTimer.singleShot(0, press)


def test_the_desktop_tells_what_was_reset_before_the_window(qapp, english, app_home: Path) -> None:
    write(app_home, with_(sync_interval_s=-1))
    seen: list[str] = []
    press_when_shown("okButton", seen)
    settings = desk.settings_at_start(config.load_settings(), None)
    assert settings is not None and settings.sync_interval_s == 15
    assert seen[0].startswith("Some settings could not be used and were reset:")
    assert "The time between syncs could not be used (-1)" in seen[0]


@pytest.mark.parametrize(
    ("button", "database_url"),
    [("useSharedDatabaseAgain", SHARED), ("continueOnThisComputer", ""), ("quit", None)],
)
def test_the_desktop_asks_before_leaving_a_lost_shared_database(
    qapp, english, app_home: Path, button: str, database_url: str | None
) -> None:
    shared_desk(app_home)
    write(app_home, "")
    loaded = config.load_settings()
    seen: list[str] = []
    press_when_shown("okButton", seen)  # what was reset
    press_when_shown(button, seen)
    settings = desk.settings_at_start(loaded, None)
    assert "used the shared shop database postgresql://desk@192.0.2.10:5432/shop" in seen[1]
    if database_url is None:
        assert settings is None
        assert config.load_settings().lost_shared_database == SHARED  # still asked next time
        return
    assert settings is not None and settings.database_url == database_url
    again = config.load_settings()
    assert again.settings.database_url == database_url and again.lost_shared_database == ""


def test_a_database_given_on_the_command_line_needs_no_question(qapp, english, app_home: Path) -> None:
    shared_desk(app_home)
    (app_home / config.SETTINGS_FILE).unlink()
    settings = desk.settings_at_start(config.load_settings(), "sqlite:///elsewhere.sqlite")
    assert settings is not None and settings.database_url == ""


UI_STATES = {
    "a word": "orders",
    "a list": [1],
    "screen a list": {"screen": ["orders"]},
    "geometry not base64": {"geometry": "几何"},
    "screens a list": {"screens": ["orders"]},
    "a screen's header not base64": {"screens": {"orders": {"header": "表头", "splitter": "分隔"}}},
    "dashboard range a list": {"screens": {"dashboard": {"controls": {"range": [7], "from": []}}}},
}


@pytest.mark.parametrize("ui", UI_STATES.values(), ids=UI_STATES.keys())
def test_a_saved_window_layout_of_the_wrong_shape_never_stops_the_window(
    qtbot, english, app_home: Path, session_factory, owner, ui: object
) -> None:
    from app.views.shell.main_window import MainWindow

    write(app_home, with_(extra={"ui": ui}))
    window = MainWindow(session_factory, config.Settings.load(), actor=owner)
    qtbot.addWidget(window)
    window.show()
    assert window.current_screen_key()
