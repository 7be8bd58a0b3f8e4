"""Tracking-number formats per carrier, scanner clean-up, and the carriers a person chooses from.

The bundled formats are checked against the sandbox's catalogue (the platform's truth):
every number the platform issues must pass here, or shipping would refuse real parcels.
"""

from __future__ import annotations

import random

import pytest

from app.db import open_database
from app.sandbox.catalogue import CARRIERS, new_tracking_no, tracking_fits
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


# Numbers the public record gives as each carrier's (docs/platforms/douyin.md,
# "resources/rules/carriers.json"): BF-zh/Courier-Validation's tests and README, the examples in
# phillip2019/hive-third-functions' UDFLogisticNoValid, and the contract fixtures' 中通 number.
PUBLIC_EXAMPLES = {
    "shunfeng": ("SF1385628716739", "SF1000000000000"),
    "zhongtong": ("73610555582883", "78812345678901"),
    "yuantong": ("YT8962646785389",),
    "yunda": ("463431409940372", "462598779470531"),
    "shentong": ("773277027280336", "77316523125896"),
    "jtexpress": ("JT5261988016578", "JT0006968326954", "JT3002232682242"),
    "ems": ("1207119765021",),
    "jd": ("JDX024407261700", "JDVA11408814483"),
}
# Other shapes the sources accept, with digits of ours.
OTHER_SHAPES = {
    "shunfeng": ("SF142035687012", "142035687012"),  # SF + 12 digits, 12 digits alone
    "zhongtong": ("546789012345", "780123456789", "571112345678"),  # 12-digit prefixes
    "yuantong": ("YT1234567890", "D01234567890", "612345678901234567", "DD8123456789012345"),
    "yunda": ("4312087465093",),  # 13 digits
    "shentong": ("268123456789", "368012345678901", "STO0123456789", "4301234567890123"),
    "jtexpress": ("JT540291837640",),  # JT + 12
    "ems": ("5012345678901", "9812345678901", "PA12345678901", "EA123456785CN"),  # the last: UPU S10
    "jd": ("JD0087120394651", "JDK012345678901"),
}
# Obviously wrong: too short or long, a letter out of place, another carrier's own prefix.
WRONG = {
    "shunfeng": ("SF12345", "SF14203568701234", "SX1420356870125", "14203568701", "JT5402918376405"),
    "zhongtong": ("7881234567890", "788123456789012", "ZT78812345678901", "100000000000", "SF1420356870125"),
    "yuantong": ("YT12345", "YT12345678901234", "YTO123456789", "SF1420356870125", "JDX024407261700"),
    "yunda": ("43120874650931", "4312087465093123", "YD431208746509"),
    "shentong": ("12345", "770281946573", "STO12345", "ST773028194657302"),
    "jtexpress": ("JT12345678901", "JT54029183764051", "5402918376405", "JTX540291837640"),
    "ems": ("EA123456785", "2187203946512", "118720394651", "E1234567890CN"),
    "jd": ("JD008712039465", "JDX0087120394651", "JX0087120394651", "JDX02440726170A"),
}
CONTRACT_NUMBER = "78812345678901"  # tests/contract/douyin/order.logisticsAdd.request.json, 中通


@pytest.mark.parametrize(
    ("code", "number"),
    [
        (code, number)
        for table in (PUBLIC_EXAMPLES, OTHER_SHAPES)
        for code, ns in table.items()
        for number in ns
    ],
)
def test_every_number_of_the_public_record_is_accepted_for_its_carrier(code: str, number: str) -> None:
    assert carriers.tracking_problem(code, number) is None
    assert carriers.fits(code, number)


def test_the_contract_fixtures_number_is_a_zhongtong_number_and_the_examples_fit_their_carrier() -> None:
    assert carriers.tracking_problem("zhongtong", CONTRACT_NUMBER) is None
    for carrier in carriers.bundled():
        assert carriers.tracking_problem(carrier.code, carrier.example) is None, carrier.code
    assert set(PUBLIC_EXAMPLES) == set(WRONG) == {carrier.code for carrier in carriers.bundled()}


def test_the_sandbox_platform_accepts_the_public_records_numbers_too() -> None:
    """The sandbox keeps its own copy of the shapes (it may disagree with the desk), but a
    real number must not be turned down by it either."""
    for code, numbers in PUBLIC_EXAMPLES.items():
        for number in numbers:
            assert tracking_fits(code, number), (code, number)
    assert tracking_fits("zhongtong", CONTRACT_NUMBER) and not tracking_fits("zhongtong", "7881234567890")


@pytest.mark.parametrize(("code", "wrong"), [(code, n) for code, ns in WRONG.items() for n in ns])
def test_a_number_of_the_wrong_shape_is_refused_naming_the_carrier_and_an_example(
    code: str, wrong: str
) -> None:
    carrier = carriers.known(code)
    assert carrier is not None
    problem = carriers.tracking_problem(code, wrong)
    assert problem is not None, wrong
    assert problem.message == carriers.MSG_DOES_NOT_FIT
    assert problem.params == {"carrier": carrier.name, "example": carrier.example}
    assert carrier.name in str(problem)


def names(found: list[carriers.Carrier]) -> list[str]:
    return [carrier.code for carrier in found]


def test_a_carriers_own_prefix_names_it_even_where_a_wider_shape_of_another_carrier_fits() -> None:
    for number, code in (
        ("SF1385628716739", "shunfeng"),  # 圆通's two-characters-and-digits shape takes it too
        ("JT5261988016578", "jtexpress"),
        ("JDX024407261700", "jd"),
        ("YT8962646785389", "yuantong"),
        ("STO0123456789", "shentong"),
    ):
        assert names(carriers.carriers_fitting(number)) == [code], number
        recognised = carriers.recognised(number)
        assert recognised is not None and recognised.code == code, number
    assert carriers.recognised("EA123456785CN").code == "ems"  # UPU S10: no other carrier's shape


def test_a_pure_digit_number_several_carriers_share_is_given_to_none_and_its_candidates_are_named() -> None:
    assert names(carriers.carriers_fitting(CONTRACT_NUMBER)) == ["zhongtong", "yuantong"]
    assert carriers.recognised(CONTRACT_NUMBER) is None
    assert names(carriers.carriers_fitting("463431409940372")) == ["yuantong", "yunda"]
    assert carriers.recognised("463431409940372") is None
    assert len(carriers.carriers_fitting("142035687012")) > 1  # 12 digits: 顺丰's old shape, and others'


def test_a_list_without_the_numbers_carrier_never_turns_it_into_another_carriers_number() -> None:
    offered = [carriers.known("yuantong"), carriers.known("yunda")]
    # An SF label where 顺丰 is not offered: no other carrier takes it.
    assert carriers.carriers_fitting("SF1385628716739", offered) == []
    assert carriers.recognised("SF1385628716739", offered) is None
    # A 中通 number fits only 圆通 of the offered carriers, but 中通's shape too: not recognised.
    assert names(carriers.carriers_fitting(CONTRACT_NUMBER, offered)) == ["yuantong"]
    assert carriers.recognised(CONTRACT_NUMBER, offered) is None


def test_tiktok_shipping_providers_get_no_chinese_number_check() -> None:
    """TikTok Shop names its providers by numeric ids (the sandbox's, as PC documents them):
    no bundled carrier has such a code, so a US number is sent unchecked, with the note."""
    usps = carriers.Carrier("6617675021119438849", "USPS")
    for number in ("9400100000000000000001", "1Z999AA10123456784", "123456789012"):
        assert carriers.tracking_problem(usps.code, number) is None
        assert carriers.carriers_fitting(number, [usps]) == []
        assert carriers.recognised(number, [usps]) is None
    assert carriers.unchecked_note(usps.code) == carriers.MSG_NOT_CHECKED


def test_scanner_and_keyboard_input_is_cleaned_up_before_it_is_checked() -> None:
    for typed in (
        " sf 1420 3568 7012 5\n",
        "sf1420356870125",
        "\tSF1420356870125\r\n",
        "ＳＦ１４２０３５６８７０１２５",
    ):
        assert carriers.normalise_tracking(typed) == "SF1420356870125"
        assert carriers.tracking_problem("shunfeng", typed) is None
    assert carriers.tracking_problem(" shunfeng ", "sf 1420 3568 701") is not None  # digits short


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
