"""Tracking-number formats per carrier, scanner clean-up, and the carriers a person chooses from.

The bundled formats are checked against the sandbox's catalogue (the platform's truth):
every number the platform issues must pass here, or shipping would refuse real parcels.
"""

from __future__ import annotations

import random

import pytest

from app.db import open_database
from app.sandbox.catalogue import CARRIERS, new_tracking_no
from app.services.platform_lists import LOGISTICS_COMPANIES_LIST, store_list
from app.services.shipping import carriers
from tests.builders import NOW

GOOD = {carrier.code: carrier.example for carrier in carriers.bundled()}


def test_the_app_knows_every_carrier_the_platform_lists_and_accepts_every_number_it_issues() -> None:
    assert {c.code for c in carriers.bundled()} == {c.code for c in CARRIERS}
    rng = random.Random(5)
    for carrier in CARRIERS:
        for _ in range(50):
            number = new_tracking_no(rng, carrier)
            assert carriers.tracking_problem(carrier.code, number) is None, (carrier.code, number)


@pytest.mark.parametrize("code", sorted(GOOD))
def test_a_number_of_the_wrong_shape_is_refused_naming_the_carrier_and_an_example(code: str) -> None:
    carrier = carriers.known(code)
    assert carrier is not None and carriers.tracking_problem(code, carrier.example) is None
    for wrong in (carrier.example + "7", carrier.example[:-1], "X" + carrier.example[1:]):
        problem = carriers.tracking_problem(code, wrong)
        assert problem is not None, wrong
        assert problem.message == carriers.MSG_DOES_NOT_FIT
        assert problem.params == {"carrier": carrier.name, "example": carrier.example}
        assert carrier.name in str(problem)


def test_scanner_and_keyboard_input_is_cleaned_up_before_it_is_checked() -> None:
    for typed in (
        " sf 1420 3568 7012\n",
        "sf142035687012",
        "\tSF142035687012\r\n",
        "ＳＦ１４２０３５６８７０１２",
    ):
        assert carriers.normalise_tracking(typed) == "SF142035687012"
        assert carriers.tracking_problem("shunfeng", typed) is None
    assert carriers.tracking_problem(" shunfeng ", "sf 1420 3568 701") is not None  # a digit short


def test_a_carrier_with_no_known_format_is_accepted_unchecked_and_says_so() -> None:
    assert carriers.tracking_problem("zhaijisong", "ZJS-000123") is None
    assert carriers.unchecked_note("zhaijisong") == carriers.MSG_NOT_CHECKED
    assert carriers.unchecked_note("shunfeng") is None
    assert carriers.tracking_problem("", "SF142035687012").message == carriers.MSG_NO_CARRIER
    assert carriers.tracking_problem("zhaijisong", "   ").message == carriers.MSG_NO_TRACKING
    too_long = carriers.tracking_problem("zhaijisong", "9" * (carriers.TRACKING_MAX_LENGTH + 1))
    assert too_long.message == carriers.MSG_TOO_LONG and too_long.params == {"max": 64}


def test_carriers_are_found_by_code_or_name_and_offered_from_the_bundled_list_before_any_fetch(
    sqlite_url: str,
) -> None:
    _, sessions = open_database(sqlite_url)
    with sessions() as session:
        assert carriers.available(session) == list(carriers.bundled())
        assert (
            carriers.find(session, "SHUNFENG")
            == carriers.find(session, "顺丰速运")
            == carriers.known("shunfeng")
        )
        assert carriers.find(session, "闪电快递") is None and carriers.find(session, " ") is None
    assert carriers.load_formats().rule_set.startswith("carriers-")


def test_once_fetched_the_platforms_carrier_list_is_offered_with_the_known_formats(sqlite_url: str) -> None:
    _, sessions = open_database(sqlite_url)
    listed = [
        {"id": 7, "name": "顺丰速运", "code": "shunfeng"},
        {"id": 99, "name": "宅急送", "code": "zhaijisong"},
    ]
    with sessions.begin() as session:
        store_list(session, LOGISTICS_COMPANIES_LIST, listed, NOW)
    with sessions() as session:
        offered = carriers.available(session)
        assert carriers.find(session, "宅急送") == carriers.Carrier("zhaijisong", "宅急送")
    assert offered == [carriers.known("shunfeng"), carriers.Carrier("zhaijisong", "宅急送")]
    assert [c.checks_format for c in offered] == [True, False]


WRITTEN = {
    "shunfeng": ("顺丰", "顺丰快递", "顺丰速运有限公司", "SF Express", " sf "),
    "yuantong": ("圆通", "圆通快递", "圆通速递有限公司", "YTO"),
    "zhongtong": ("中通", "中通快递股份有限公司", "ZTO Express"),
    "yunda": ("韵达", "韵达速递", "上海韵达货运有限公司"),
    "shentong": ("申通", "申通快递有限公司", "STO"),
    "jtexpress": ("极兔", "极兔快递", "J&T", "J＆T Express", "极兔速递有限公司"),
    "ems": ("EMS", "ems", "邮政EMS", "中国邮政速递物流股份有限公司"),
    "jd": ("京东", "京东物流", "京东快递有限公司", "JD Logistics"),
}


@pytest.mark.parametrize(("code", "written"), [(c, w) for c, names in WRITTEN.items() for w in names])
def test_the_carrier_names_people_write_find_the_carrier(sqlite_url: str, code: str, written: str) -> None:
    _, sessions = open_database(sqlite_url)
    with sessions() as session:
        found = carriers.find(session, written)
    assert found is not None and found.code == code, written


def test_post_and_deppon_are_found_where_the_platform_offers_them_and_post_is_ems_where_it_does_not(
    sqlite_url: str,
) -> None:
    _, sessions = open_database(sqlite_url)
    with sessions() as session:  # the bundled list (never fetched) has EMS but no parcel post, no Deppon
        assert carriers.find(session, "邮政").code == "ems"
        assert carriers.find(session, "德邦") is None
    listed = [
        {"id": 10, "name": "EMS", "code": "ems"},
        {"id": 11, "name": "邮政快递包裹", "code": "youzhengguonei"},
        {"id": 12, "name": "德邦快递", "code": "debangkuaidi"},
        {"id": 13, "name": "中通快运", "code": "zhongtongkuaiyun"},
    ]
    with sessions.begin() as session:
        store_list(session, LOGISTICS_COMPANIES_LIST, listed, NOW)
    with sessions() as session:
        for written in ("邮政", "中国邮政", "邮政快递包裹", "中国邮政集团有限公司"):
            assert carriers.find(session, written).code == "youzhengguonei", written
        assert carriers.find(session, "EMS").code == "ems"
        for written in ("德邦", "德邦物流", "德邦快递"):
            assert carriers.find(session, written).code == "debangkuaidi", written
        # A freight arm is another company: 中通快运 is never 中通快递.
        assert carriers.find(session, "中通快运").code == "zhongtongkuaiyun"
        assert carriers.find(session, "中通").code == "zhongtong"
