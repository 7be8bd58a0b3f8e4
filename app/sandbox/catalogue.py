"""What the sandbox shop sells and the world around it.

Owns the product catalogue (~40 products in five categories with SKUs, prices in fen
and shipping promises), the carrier list with tracking-number formats, after-sale
reasons per category with their rates, and the pools that masked receivers are drawn
from. Pure data plus tiny helpers; no I/O. The platform's own lists (the merchant's
reasons to refuse) are its dialect's (e.g. douyin/codes.py).
"""

from __future__ import annotations

import hashlib
import itertools
import random
import re
from dataclasses import dataclass, field

# Shipping promises (RULES.md "Promised ship-by").
PROMISE_48H = "48h"
PROMISE_NEXT_DAY = "next_day"
PROMISE_SAME_DAY = "same_day"
PROMISE_PRESALE = "presale"


@dataclass(frozen=True)
class Sku:
    sku_id: str
    spec: tuple[tuple[str, str], ...]
    price: int  # fen
    code: str = ""  # the merchant's own code (商家编码, `code` in orders); some shops set none


@dataclass(frozen=True)
class Product:
    product_id: str
    name: str
    category: str
    promise: str
    weight: float  # relative popularity
    skus: tuple[Sku, ...] = field(default_factory=tuple)
    presale_days: int = 0  # ships this many days after payment (≤ 15)


# (name, category, promise, popularity, {spec name: [values]}, base price yuan, price step per option)
_RAW: list[tuple[str, str, str, float, dict[str, list[str]], float]] = [
    (
        "纯棉宽松短袖T恤 男女同款",
        "服饰",
        PROMISE_48H,
        9,
        {"颜色": ["白色", "黑色", "雾霾蓝"], "尺码": ["S", "M", "L", "XL"]},
        39.9,
    ),
    (
        "冰丝阔腿裤 夏季垂感休闲裤",
        "服饰",
        PROMISE_48H,
        7,
        {"颜色": ["黑色", "杏色"], "尺码": ["S", "M", "L", "XL"]},
        59.0,
    ),
    (
        "加绒连帽卫衣 秋冬款",
        "服饰",
        PROMISE_48H,
        8,
        {"颜色": ["灰色", "藏青", "燕麦色"], "尺码": ["M", "L", "XL", "XXL"]},
        89.0,
    ),
    (
        "高腰直筒牛仔裤",
        "服饰",
        PROMISE_48H,
        6,
        {"颜色": ["浅蓝", "深蓝"], "尺码": ["25", "26", "27", "28", "29"]},
        119.0,
    ),
    (
        "轻薄羽绒服 90白鸭绒",
        "服饰",
        PROMISE_48H,
        5,
        {"颜色": ["黑色", "奶白", "卡其"], "尺码": ["M", "L", "XL"]},
        299.0,
    ),
    (
        "法式碎花连衣裙",
        "服饰",
        PROMISE_48H,
        4,
        {"颜色": ["蓝色碎花", "黄色碎花"], "尺码": ["S", "M", "L"]},
        139.0,
    ),
    ("运动速干袜 5双装", "服饰", PROMISE_NEXT_DAY, 6, {"颜色": ["白色", "黑色", "混色"]}, 19.9),
    ("羊毛混纺围巾", "服饰", PROMISE_48H, 3, {"颜色": ["驼色", "酒红", "灰色"]}, 69.0),
    (
        "冬季加厚雪地靴 预售",
        "服饰",
        PROMISE_PRESALE,
        2,
        {"颜色": ["栗色", "黑色"], "尺码": ["36", "37", "38", "39", "40"]},
        159.0,
    ),
    ("氨基酸洗面奶 120g", "美妆", PROMISE_48H, 8, {"规格": ["120g", "120g*2"]}, 49.0),
    ("玻尿酸补水面膜 10片", "美妆", PROMISE_NEXT_DAY, 9, {"规格": ["10片装", "20片装"]}, 59.9),
    ("丝绒哑光口红", "美妆", PROMISE_48H, 7, {"色号": ["#888 复古红", "#520 豆沙", "#316 奶茶"]}, 89.0),
    ("清爽防晒霜 SPF50+", "美妆", PROMISE_48H, 6, {"规格": ["50ml", "50ml*2"]}, 79.0),
    ("烟酰胺精华液 30ml", "美妆", PROMISE_48H, 5, {"规格": ["30ml", "30ml+小样"]}, 129.0),
    ("控油散粉 定妆", "美妆", PROMISE_48H, 4, {"色号": ["01 自然色", "02 象牙白"]}, 69.9),
    ("卸妆水 500ml", "美妆", PROMISE_NEXT_DAY, 5, {"规格": ["500ml", "500ml*2"]}, 45.0),
    ("香氛身体乳 250g", "美妆", PROMISE_48H, 3, {"香型": ["白茶", "玫瑰", "柑橘"]}, 59.0),
    ("赣南脐橙 新鲜现摘", "生鲜", PROMISE_SAME_DAY, 9, {"规格": ["5斤 中果", "5斤 大果", "10斤 中果"]}, 29.9),
    ("丹东99草莓 礼盒装", "生鲜", PROMISE_SAME_DAY, 6, {"规格": ["2斤", "3斤"]}, 89.0),
    ("阳光玫瑰青提", "生鲜", PROMISE_NEXT_DAY, 5, {"规格": ["2斤装", "4斤装"]}, 49.9),
    ("冷冻黑虎虾 大号", "生鲜", PROMISE_NEXT_DAY, 4, {"规格": ["500g", "1000g"]}, 79.0),
    ("农家散养土鸡蛋 30枚", "生鲜", PROMISE_SAME_DAY, 5, {"规格": ["30枚", "60枚"]}, 39.9),
    ("云南高山小土豆", "生鲜", PROMISE_48H, 3, {"规格": ["5斤", "10斤"]}, 19.9),
    ("海南贵妃芒", "生鲜", PROMISE_NEXT_DAY, 4, {"规格": ["3斤", "5斤"]}, 35.9),
    ("每日坚果 30袋", "零食", PROMISE_48H, 8, {"规格": ["30袋", "15袋"]}, 69.0),
    (
        "麻辣牛肉干 内蒙古风干",
        "零食",
        PROMISE_48H,
        6,
        {"口味": ["麻辣", "五香"], "规格": ["250g", "500g"]},
        49.9,
    ),
    ("海苔脆片 儿童零食", "零食", PROMISE_48H, 5, {"规格": ["12包", "24包"]}, 25.9),
    ("手工蛋黄酥 6枚装", "零食", PROMISE_NEXT_DAY, 6, {"口味": ["原味", "紫薯"]}, 29.9),
    ("低糖全麦面包 整箱", "零食", PROMISE_48H, 5, {"规格": ["1000g", "2000g"]}, 32.9),
    ("螺蛳粉 柳州正宗 5包", "零食", PROMISE_48H, 7, {"口味": ["原味", "加辣"]}, 39.9),
    ("冻干草莓脆", "零食", PROMISE_48H, 3, {"规格": ["50g", "100g"]}, 22.9),
    ("双十一限定零食大礼包 预售", "零食", PROMISE_PRESALE, 2, {"规格": ["标准款", "豪华款"]}, 99.0),
    ("20W PD快充充电器", "手机配件", PROMISE_48H, 7, {"规格": ["单头", "套装含线"]}, 39.9),
    (
        "苹果15 磁吸手机壳",
        "手机配件",
        PROMISE_48H,
        8,
        {"型号": ["iPhone 15", "iPhone 15 Pro", "iPhone 15 Pro Max"], "颜色": ["透明", "黑色"]},
        29.9,
    ),
    (
        "钢化膜 防窥高清 2片装",
        "手机配件",
        PROMISE_NEXT_DAY,
        7,
        {"型号": ["iPhone 15", "华为 Mate 60", "小米 14"]},
        19.9,
    ),
    (
        "数据线 编织款 1.5米",
        "手机配件",
        PROMISE_48H,
        6,
        {"接口": ["Type-C", "Lightning"], "规格": ["1根", "3根"]},
        15.9,
    ),
    ("10000mAh 超薄充电宝", "手机配件", PROMISE_48H, 5, {"颜色": ["白色", "黑色"]}, 89.0),
    ("蓝牙耳机 半入耳式", "手机配件", PROMISE_48H, 4, {"颜色": ["白色", "黑色"]}, 129.0),
    ("车载手机支架 出风口", "手机配件", PROMISE_48H, 3, {"规格": ["标准款", "无线充款"]}, 49.0),
    ("桌面手机支架 可折叠", "手机配件", PROMISE_48H, 3, {"颜色": ["银色", "深空灰"]}, 25.9),
]


def _build_products() -> tuple[Product, ...]:
    products = []
    for index, (name, category, promise, weight, specs, base_yuan) in enumerate(_RAW):
        # Stable 19-digit ids that look like the platform's, derived from the name.
        digest = int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16)
        product_id = f"36{digest % 10**17:017d}"
        combos: list[tuple[tuple[str, str], ...]] = [()]
        for spec_name, values in specs.items():
            combos = [combo + ((spec_name, value),) for combo in combos for value in values]
        skus = []
        for sku_index, combo in enumerate(combos):
            # Bigger packs cost more; the first option of each spec is the base price.
            steps = sum(specs[spec_name].index(value) for spec_name, value in combo if spec_name == "规格")
            price = round(base_yuan * 100 * (1 + 0.8 * steps))
            # The merchant's codes, as shops write them; every fourth product has none.
            code = f"{chr(65 + index % 26)}{index:02d}-{sku_index + 1:02d}" if index % 4 != 3 else ""
            skus.append(Sku(f"17{(digest // 7 + sku_index * 104729) % 10**17:017d}", combo, price, code))
        presale_days = 10 + index % 5 if promise == PROMISE_PRESALE else 0
        products.append(Product(product_id, name, category, promise, weight, tuple(skus), presale_days))
    return tuple(products)


PRODUCTS: tuple[Product, ...] = _build_products()
PRODUCT_WEIGHTS: tuple[float, ...] = tuple(product.weight for product in PRODUCTS)
# Cumulative weights: random.choices with cum_weights skips re-summing on every draw.
PRODUCT_CUM_WEIGHTS: tuple[float, ...] = tuple(itertools.accumulate(PRODUCT_WEIGHTS))


# --- carriers (§5) -------------------------------------------------------------
@dataclass(frozen=True)
class Carrier:
    id: int
    code: str
    name: str
    pattern: str  # the shapes of the carrier's tracking numbers it accepts
    prefix: str
    digits: int
    weight: float  # share of the shop's parcels


# The platform's own copy of the shapes it accepts (the public record's, see
# docs/platforms/douyin.md "resources/rules/carriers.json"; the desk keeps its own copy
# in carriers.json, so the two can disagree). Issued numbers take each carrier's newest shape.
CARRIERS: tuple[Carrier, ...] = (
    Carrier(7, "shunfeng", "顺丰速运", r"SF[0-9A-Z]?\d{12}|\d{12}", "SF", 13, 2),
    Carrier(
        15,
        "zhongtong",
        "中通快递",
        r"\d{14}|(2[1-9]|3[679]|4\d|5[03-6]|6[348]|72|9[0-58])\d{10}|(120|66[56]|780|88[125]|960)\d{9}"
        r"|(2008|2009|2010|2013|5711)\d{8}",
        "75",
        12,
        6,
    ),
    Carrier(
        12,
        "yuantong",
        "圆通速递",
        r"[0-9A-Z]{2}(\d{8}|\d{10,13})|[6-9]\d{17}|DD[89]\d{15}|Y\d{12}",
        "YT",
        13,
        5,
    ),
    Carrier(16, "yunda", "韵达快递", r"\d{13}|\d{15}", "43", 13, 4),
    Carrier(
        14,
        "shentong",
        "申通快递",
        r"(77|43)\d{12,15}|(88|99)\d{13}|([2-9]68|588|688|773|888)\d{9,13}|(11|22|40)\d{10}|(33|55|66)\d{11}"
        r"|4\d{12}|STO\d{10}",
        "77",
        13,
        3,
    ),
    Carrier(1003, "jtexpress", "极兔速递", r"JT\d{12,13}", "JT", 13, 4),
    Carrier(10, "ems", "EMS", r"[189]\d{12}|5[0-2]\d{11}|P[A-Z]\d{11}|[A-Z]{2}\d{9}[A-Z]{2}", "11", 11, 1),
    Carrier(44, "jd", "京东快递", r"JD[0-9A-Z]{2}\d{11}", "JDX", 12, 1),
)
CARRIERS_BY_CODE: dict[str, Carrier] = {carrier.code: carrier for carrier in CARRIERS}
_CARRIER_REGEX = {carrier.code: re.compile(carrier.pattern) for carrier in CARRIERS}
CARRIER_WEIGHTS = tuple(carrier.weight for carrier in CARRIERS)
CARRIER_CUM_WEIGHTS = tuple(itertools.accumulate(CARRIER_WEIGHTS))


def tracking_fits(company_code: str, tracking_no: str) -> bool:
    regex = _CARRIER_REGEX.get(company_code)
    return bool(regex and regex.fullmatch(tracking_no))


def new_tracking_no(rng: random.Random, carrier: Carrier) -> str:
    return f"{carrier.prefix}{rng.randrange(10**carrier.digits):0{carrier.digits}d}"


# --- after-sale reasons by category --------------------------------------------
# (reason, possible after-sale types, relative weight). Types: 0 return, 1 refund only
# after shipment, 3 exchange, 7 resend.
AFTER_SALE_REASONS: dict[str, list[tuple[str, tuple[int, ...], float]]] = {
    "服饰": [
        ("七天无理由退货", (0,), 6),
        ("尺码不合适", (0, 3), 4),
        ("颜色/款式与描述不符", (0,), 1.5),
        ("质量问题（开线/起球）", (0, 3, 1), 1),
        ("未收到货", (1,), 0.4),
    ],
    "美妆": [
        ("七天无理由退货", (0,), 2),
        ("使用后过敏", (0, 1), 1.5),
        ("商品与描述不符", (0,), 1),
        ("质量问题（漏液/破损）", (0, 7, 1), 1),
        ("未收到货", (1,), 0.4),
    ],
    "生鲜": [
        ("商品变质/腐烂", (1,), 4),
        ("少件/漏发", (7, 1), 1.5),
        ("包装破损", (1,), 1),
        ("未收到货", (1,), 0.5),
    ],
    "零食": [
        ("临近保质期", (0, 1), 1),
        ("包装破损", (1, 7), 1),
        ("七天无理由退货", (0,), 1),
        ("未收到货", (1,), 0.4),
    ],
    "手机配件": [
        ("质量问题（无法充电）", (0, 3, 7), 2),
        ("型号不匹配", (0, 3), 2),
        ("七天无理由退货", (0,), 1.5),
        ("商品与描述不符", (0,), 1),
        ("未收到货", (1,), 0.4),
    ],
}
# Share of delivered order lines that get an after-sale request, by category.
AFTER_SALE_RATE = {"服饰": 0.13, "美妆": 0.06, "生鲜": 0.08, "零食": 0.03, "手机配件": 0.05}
# Share of paid orders whose buyer asks for a refund before shipment.
REFUND_BEFORE_SHIPMENT_RATE = 0.04
REFUND_BEFORE_SHIPMENT_REASONS = ("不想要了", "拍错/多拍", "地址填写错误", "协商一致退款", "发货太慢")

BUYER_WORDS = (
    "请尽快发货，谢谢",
    "送人的，麻烦包装好一点",
    "不要放驿站，放门口就行",
    "周末家里没人，工作日送",
    "麻烦多给几个小样",
    "发顺丰可以吗，补差价",
    "急用！今天能发吗",
)

# --- masked receivers ----------------------------------------------------------
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
PHONE_PREFIXES = (
    "138",
    "139",
    "135",
    "136",
    "137",
    "150",
    "151",
    "152",
    "158",
    "159",
    "186",
    "187",
    "188",
    "130",
    "131",
    "132",
    "155",
    "156",
    "176",
    "133",
    "153",
    "177",
    "180",
    "181",
    "189",
    "199",
)
REGIONS = (
    ("浙江省", "杭州市", "西湖区"),
    ("浙江省", "宁波市", "鄞州区"),
    ("广东省", "深圳市", "南山区"),
    ("广东省", "广州市", "天河区"),
    ("江苏省", "南京市", "鼓楼区"),
    ("江苏省", "苏州市", "工业园区"),
    ("上海市", "上海市", "浦东新区"),
    ("北京市", "北京市", "朝阳区"),
    ("四川省", "成都市", "武侯区"),
    ("湖北省", "武汉市", "洪山区"),
    ("山东省", "青岛市", "崂山区"),
    ("福建省", "厦门市", "思明区"),
    ("河南省", "郑州市", "金水区"),
    ("湖南省", "长沙市", "岳麓区"),
    ("陕西省", "西安市", "雁塔区"),
    ("重庆市", "重庆市", "渝北区"),
    ("安徽省", "合肥市", "蜀山区"),
    ("辽宁省", "沈阳市", "和平区"),
)
