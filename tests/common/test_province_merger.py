"""The provinces since 1 July 2025 (Nghị quyết 202/2025/QH15): the 63 → 34 map, related/describe/label for typed
names, well-known cities in questions (and no false hits in ordinary text), and both names shown in tables."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

import docx
import pytest

from assistant import facts_pages as fp
from assistant.facts.summary import NOW_LABEL, plan_summary_docx
from assistant.facts.tables import CURRENT_COLUMN, TARGET_COLUMNS, target_rows, to_csv
from assistant.facts.types import NATIONAL_LABEL, FactSource, PlanFacts, Target
from common.province_data import CITIES, MERGERS_2025
from common.provinces import MERGER_2025, PROVINCES, ProvinceGazetteer, ProvinceMerger, with_cities
from common.text import strip_diacritics

G = ProvinceGazetteer()
Q = ProvinceGazetteer.for_questions()

# Typed here from the resolution, independently of common/province_data.py: former province → 2025 province.
UNCHANGED = ("Hà Nội", "Thừa Thiên Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
             "Nghệ An", "Hà Tĩnh", "Cao Bằng")
MERGED = {
    "Hà Giang": "Tuyên Quang", "Yên Bái": "Lào Cai", "Bắc Kạn": "Thái Nguyên", "Vĩnh Phúc": "Phú Thọ",
    "Hòa Bình": "Phú Thọ", "Bắc Giang": "Bắc Ninh", "Thái Bình": "Hưng Yên", "Hải Dương": "Hải Phòng",
    "Hà Nam": "Ninh Bình", "Nam Định": "Ninh Bình", "Quảng Bình": "Quảng Trị", "Quảng Nam": "Đà Nẵng",
    "Kon Tum": "Quảng Ngãi", "Bình Định": "Gia Lai", "Ninh Thuận": "Khánh Hòa", "Đắk Nông": "Lâm Đồng",
    "Bình Thuận": "Lâm Đồng", "Phú Yên": "Đắk Lắk", "Bình Dương": "Hồ Chí Minh", "Bà Rịa - Vũng Tàu": "Hồ Chí Minh",
    "Bình Phước": "Đồng Nai", "Long An": "Tây Ninh", "Sóc Trăng": "Cần Thơ", "Hậu Giang": "Cần Thơ",
    "Bến Tre": "Vĩnh Long", "Trà Vinh": "Vĩnh Long", "Tiền Giang": "Đồng Tháp", "Bạc Liêu": "Cà Mau",
    "Kiên Giang": "An Giang",
}
SURVIVING = sorted(set(MERGED.values()))
EXPECTED = {**{p: p for p in PROVINCES}, **MERGED}
CITIES_6 = {"Hà Nội", "Thừa Thiên Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}


# ------------------------------------------------------------------------------------------- the 63 → 34 map


def test_the_map_covers_the_63_and_names_34_successors() -> None:
    assert len(PROVINCES) == 63 and len(MERGED) == 29 and len(SURVIVING) == 23
    assert set(MERGED).isdisjoint(SURVIVING) and set(MERGED).isdisjoint(UNCHANGED)
    successors = {G.successor(p) for p in PROVINCES}
    assert len(successors) == 34 and successors == set(MERGER_2025.current) == set(UNCHANGED) | set(SURVIVING)
    assert successors <= set(PROVINCES)  # every 2025 province carries the canonical name of a former one


@pytest.mark.parametrize(("old", "new"), sorted(EXPECTED.items()))
def test_successor_of_every_former_province(old: str, new: str) -> None:
    assert G.successor(old) == new
    assert old in G.members(new)
    assert G.successor(new) == new


def test_members_partition_the_63() -> None:
    seen = [old for new in MERGER_2025.current for old in G.members(new)]
    assert sorted(seen) == sorted(PROVINCES) and len(seen) == len(set(seen)) == 63
    for new in MERGER_2025.current:
        assert G.members(new)[0] == new
        assert sorted(G.members(new)) == sorted(p for p, s in EXPECTED.items() if s == new)


@pytest.mark.parametrize("name", UNCHANGED)
def test_unchanged_provinces_are_their_own_group(name: str) -> None:
    assert G.members(name) == (name,) and G.related(name) == [name]


def test_the_data_is_checked_when_a_merger_is_built() -> None:
    with pytest.raises(ValueError, match="Hà Nam"):
        ProvinceMerger({"Ninh Bình": ("Ninh Bình", "Hà Nam"), "Nam Định": ("Nam Định", "Hà Nam")})
    with pytest.raises(ValueError, match="start with"):
        ProvinceMerger({"Ninh Bình": ("Hà Nam", "Ninh Bình")})


def test_data_is_nfc() -> None:
    names = [n for olds in MERGERS_2025.values() for n in olds] + [c for cs in CITIES.values() for c in cs]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert set(CITIES) <= set(PROVINCES)


# ------------------------------------------------------------------------------- related / describe / label


@pytest.mark.parametrize(("name", "related"), [
    ("Ninh Bình", ["Ninh Bình", "Hà Nam", "Nam Định"]),
    ("Nam Định", ["Nam Định", "Ninh Bình"]),
    ("Hà Nam", ["Hà Nam", "Ninh Bình"]),
    ("Hồ Chí Minh", ["Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"]),
    ("Bà Rịa - Vũng Tàu", ["Bà Rịa - Vũng Tàu", "Hồ Chí Minh"]),
    ("Hà Nội", ["Hà Nội"]),
    ("Thừa Thiên Huế", ["Thừa Thiên Huế"]),
    # typed: without diacritics, other spellings, with "tỉnh"/"TP", decomposed
    ("ninh binh", ["Ninh Bình", "Hà Nam", "Nam Định"]),
    ("NAM DINH", ["Nam Định", "Ninh Bình"]),
    ("tỉnh Nam Định", ["Nam Định", "Ninh Bình"]),
    ("TP.HCM", ["Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"]),
    ("thanh pho ho chi minh", ["Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"]),
    ("Vũng Tàu", ["Bà Rịa - Vũng Tàu", "Hồ Chí Minh"]),
    ("Bà Rịa-Vũng Tàu", ["Bà Rịa - Vũng Tàu", "Hồ Chí Minh"]),
    ("Khánh Hoà", ["Khánh Hòa", "Ninh Thuận"]),
    (unicodedata.normalize("NFD", "Quảng Nam"), ["Quảng Nam", "Đà Nẵng"]),
    ("Huế", ["Thừa Thiên Huế"]),
    ("Sông Lam", ["Sông Lam"]),  # not a real province: passed through
])
def test_related(name: str, related: list[str]) -> None:
    assert G.related(name) == related


@pytest.mark.parametrize(("name", "text"), [
    ("Nam Định", "tỉnh Nam Định (cũ), nay thuộc tỉnh Ninh Bình"),
    ("nam dinh", "tỉnh Nam Định (cũ), nay thuộc tỉnh Ninh Bình"),
    ("Hải Dương", "tỉnh Hải Dương (cũ), nay thuộc thành phố Hải Phòng"),
    ("Quảng Nam", "tỉnh Quảng Nam (cũ), nay thuộc thành phố Đà Nẵng"),
    ("Bình Dương", "tỉnh Bình Dương (cũ), nay thuộc thành phố Hồ Chí Minh"),
    ("Sóc Trăng", "tỉnh Sóc Trăng (cũ), nay thuộc thành phố Cần Thơ"),
    ("Kiên Giang", "tỉnh Kiên Giang (cũ), nay thuộc tỉnh An Giang"),
    ("Hà Nội", "thành phố Hà Nội"),
    ("Ninh Bình", "tỉnh Ninh Bình"),
    ("Hồ Chí Minh", "thành phố Hồ Chí Minh"),
    ("Lạng Sơn", "tỉnh Lạng Sơn"),
    ("Thừa Thiên Huế", "thành phố Huế (trước đây: tỉnh Thừa Thiên Huế)"),
    ("thành phố Huế", "thành phố Huế (trước đây: tỉnh Thừa Thiên Huế)"),
    ("Sông Lam", "tỉnh Sông Lam"),
])
def test_describe(name: str, text: str) -> None:
    assert G.describe(name) == text
    assert unicodedata.is_normalized("NFC", G.describe(name))


@pytest.mark.parametrize("name", sorted(PROVINCES))
def test_describe_and_label_of_every_province(name: str) -> None:
    new = EXPECTED[name]
    kind = "thành phố" if new in CITIES_6 else "tỉnh"
    if new != name:
        assert G.describe(name) == f"tỉnh {name} (cũ), nay thuộc {kind} {new}"
        assert G.label(name) == f"{name} (nay: {new})"
    elif name == "Thừa Thiên Huế":
        assert G.label(name) == "Thừa Thiên Huế (nay: Huế)"
    else:
        assert G.describe(name) == f"{kind} {name}" and G.label(name) == name


def test_label_of_names_that_are_not_provinces_is_the_name() -> None:
    assert G.label(NATIONAL_LABEL) == NATIONAL_LABEL and G.label("Sông Lam") == "Sông Lam"
    assert G.label("nam dinh") == "Nam Định (nay: Ninh Bình)"


def test_a_gazetteer_with_an_extra_province_still_knows_the_merger() -> None:
    g = ProvinceGazetteer({**PROVINCES, "Sông Lam": ()})
    assert g.related("Sông Lam") == ["Sông Lam"] and g.related("Nam Định") == ["Nam Định", "Ninh Bình"]


# --------------------------------------------------------------------------------------- cities in questions


CITY_QUESTIONS = [
    ("Kế hoạch năng suất của Nha Trang", "Khánh Hòa"),
    ("Cam Ranh có doanh nghiệp được hỗ trợ không?", "Khánh Hòa"),
    ("Phan Rang - Tháp Chàm", "Ninh Thuận"),
    ("Phan Rang-Tháp Chàm", "Ninh Thuận"),
    ("doanh nghiệp ở Phan Rang", "Ninh Thuận"),
    ("Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    ("thành phố Huế", "Thừa Thiên Huế"), ("TP Huế", "Thừa Thiên Huế"),
    ("Đà Lạt", "Lâm Đồng"), ("Bảo Lộc", "Lâm Đồng"),
    ("Hạ Long", "Quảng Ninh"), ("Móng Cái", "Quảng Ninh"), ("Cẩm Phả", "Quảng Ninh"),
    ("Quy Nhơn", "Bình Định"), ("Buôn Ma Thuột", "Đắk Lắk"), ("Pleiku", "Gia Lai"), ("Phan Thiết", "Bình Thuận"),
    ("Biên Hòa", "Đồng Nai"), ("Biên Hoà", "Đồng Nai"), ("Thủ Dầu Một", "Bình Dương"), ("Mỹ Tho", "Tiền Giang"),
    ("Rạch Giá", "Kiên Giang"), ("Phú Quốc", "Kiên Giang"), ("Sa Pa", "Lào Cai"), ("Sapa", "Lào Cai"),
    ("Hội An", "Quảng Nam"), ("Tam Kỳ", "Quảng Nam"), ("Việt Trì", "Phú Thọ"), ("Long Xuyên", "An Giang"),
    ("Tuy Hòa", "Phú Yên"), ("Đồng Hới", "Quảng Bình"),
    ("thành phố Vinh", "Nghệ An"), ("TP Vinh", "Nghệ An"), ("TP. Vinh", "Nghệ An"), ("tp.Vinh", "Nghệ An"),
]


@pytest.mark.parametrize(("text", "province"), CITY_QUESTIONS)
def test_city_in_a_question(text: str, province: str) -> None:
    assert Q.find_all(f"Mục tiêu năng suất của {text} đến năm 2025?") == [province]


@pytest.mark.parametrize(("text", "province"), CITY_QUESTIONS)
def test_city_typed_without_diacritics(text: str, province: str) -> None:
    plain = strip_diacritics(text)
    assert Q.find_all(f"muc tieu nang suat cua {plain.lower()} den nam 2025") == [province]
    assert Q.find_all(f"Ke hoach cua {plain}") == [province]


@pytest.mark.parametrize(("text", "related"), [
    ("Nha Trang", ["Khánh Hòa", "Ninh Thuận"]),
    ("Phan Rang", ["Ninh Thuận", "Khánh Hòa"]),
    ("Hội An", ["Quảng Nam", "Đà Nẵng"]),
    ("thành phố Vinh", ["Nghệ An"]),
])
def test_city_leads_to_every_province_that_can_answer(text: str, related: list[str]) -> None:
    (found,) = Q.find_all(f"Kế hoạch của {text}")
    assert Q.related(found) == related


def test_documents_keep_the_plain_gazetteer() -> None:
    assert G.find_all("Hội nghị tổ chức tại Đà Lạt và Nha Trang") == []
    assert Q.find_all("Hội nghị tổ chức tại Đà Lạt và Nha Trang") == ["Lâm Đồng", "Khánh Hòa"]
    assert G.names == Q.names == list(PROVINCES)  # the cities are spellings, not provinces


def test_a_question_gazetteer_rebuilt_from_its_provinces_keeps_the_cities() -> None:
    g = ProvinceGazetteer({**Q.provinces, "Sông Lam": ()})
    assert g.find_all("Nha Trang và tỉnh Sông Lam") == ["Khánh Hòa", "Sông Lam"]
    assert with_cities({"Sông Lam": ()}) == {"Sông Lam": ()}


def test_city_and_province_in_one_question() -> None:
    assert Q.find_all("So sánh Nam Định với Nha Trang, Hạ Long") == ["Nam Định", "Khánh Hòa", "Quảng Ninh"]
    (m,) = Q.matches("Kế hoạch của Nha Trang năm 2025")
    assert "Kế hoạch của Nha Trang năm 2025"[m.start:m.end] == "Nha Trang"


@pytest.mark.parametrize("text", [
    "Doanh nghiệp được vinh danh và khen thưởng",
    "vinh dự được đón nhận Huân chương",
    "VINH DỰ VÀ TRÁCH NHIỆM",
    "Vinh quang thuộc về người lao động",
    "Hội an toàn giao thông của thành phố",
    "hội an toàn thực phẩm",
    "Việt Nam định hướng phát triển năng suất",
    "Nhà nước trì hoãn việc xét duyệt; Việt trì hoãn",
    "cam kết ranh giới rõ ràng",
    "tăng năng suất lao động bảo lộc",  # lower-case with diacritics is ordinary text, not a name
    "vinh danh doanh nghiệp tiêu biểu",
    "hue",  # typed without diacritics, alone: not told from other words; "thanh pho hue" is the city
    "ba nguyen thi hue la ai",  # a person's name after a middle name
    "Ông Lê Văn Hue phát biểu",
])
def test_no_false_city(text: str) -> None:
    assert Q.find_all(text) == []


@pytest.mark.parametrize("text", ["Kế hoạch năng suất của Huế", "Huế đặt mục tiêu gì?", "HUẾ", "thanh pho hue"])
def test_hue_in_a_question_is_the_city(text: str) -> None:
    # the example: well-known cities (Nha Trang, Vũng Tàu, Huế) lead to their province in questions
    assert Q.find_all(text) == ["Thừa Thiên Huế"]
    assert G.find_all(text) == ([] if "pho" not in text else ["Thừa Thiên Huế"])  # documents keep the prefix rule


@pytest.mark.parametrize("text", ["Which plan did Hue issue on productivity?", "ke hoach nang suat cua hue nam 2022",
                                  "nghi quyet 03/2021/NQ-HDND hue ve ho tro doanh nghiep", "doanh nghiep o hue"])
def test_hue_typed_without_diacritics_as_a_name_or_a_place_is_the_city(text: str) -> None:
    """Typed as a name ("Hue", as English writes it) or after a word for where ("của", "ở", "HĐND"), "hue" is the
    city in a question; documents still need "thành phố"."""
    assert Q.find_all(text) == ["Thừa Thiên Huế"]
    assert G.find_all(text) == []


def test_known_limit_of_text_typed_without_diacritics() -> None:
    # "phú quốc gia" typed without diacritics cannot be told from the island; with diacritics it can
    assert Q.find_all("phu quoc gia") == ["Kiên Giang"] and Q.find_all("phú quốc gia") == []


@pytest.mark.parametrize(("text", "province"), [
    ("tinh vinh long", "Vĩnh Long"),
    ("thanh pho vinh long", "Vĩnh Long"),
    ("tỉnh Vĩnh Phúc", "Vĩnh Phúc"),
    ("tinh vinh phuc", "Vĩnh Phúc"),
    ("Du lịch thành phố Hạ Long an toàn, thân thiện", "Quảng Ninh"),  # not Long An
])
def test_longer_names_win_over_a_city(text: str, province: str) -> None:
    assert Q.find_all(text) == [province]


def test_a_district_named_after_vinh_is_not_the_city() -> None:
    assert Q.find_all("tp vinh yen") == [] and Q.find_all("TP Vĩnh Yên") == []


# ------------------------------------------------------------------------------------------- shown to users


def _source(province: str) -> FactSource:
    return FactSource("d1", "d1-c1", "Kế hoạch 285/KH-UBND", "285/KH-UBND", province, "tỉnh", "I. MỤC TIÊU", 1,
                      "Tăng 7%/năm.", 0, 12)


def _target(province: str, year: int = 2025) -> Target:
    return Target("labour_productivity", "Tăng năng suất lao động (%/năm)", "trên 7%/năm", "trên", 7.0, 7.0, "%/năm",
                  year, "", _source(province))


def test_targets_table_shows_the_current_province_beside_the_documents_one() -> None:
    frame = fp.targets_frame([_target("Nam Định"), _target("Bắc Ninh"), _target("Thừa Thiên Huế")])
    assert list(frame["Tỉnh/TP"]) == ["Nam Định", "Bắc Ninh", "Thừa Thiên Huế"]
    assert list(frame[CURRENT_COLUMN]) == ["Ninh Bình", "Bắc Ninh", "Huế"]
    rows = target_rows([_target("Bình Dương")])
    assert rows[0]["Tỉnh/TP"] == "Bình Dương" and rows[0][CURRENT_COLUMN] == "Hồ Chí Minh"
    assert "Bình Dương,Hồ Chí Minh" in to_csv(rows, TARGET_COLUMNS)


def test_province_filter_shows_both_names_and_keeps_the_value() -> None:
    choices = fp.province_choices(["Nam Định", "Bắc Ninh", "", NATIONAL_LABEL, "Nam Định"])
    assert choices == [("Bắc Ninh", "Bắc Ninh"), ("Nam Định (nay: Ninh Bình)", "Nam Định"),
                       (NATIONAL_LABEL, NATIONAL_LABEL)]


def test_comparison_notes_where_former_provinces_belong() -> None:
    html = fp.comparison_html([_target("Nam Định"), _target("Bắc Ninh")])
    assert "<th>Nam Định</th>" in html
    assert "tỉnh Nam Định (cũ), nay thuộc tỉnh Ninh Bình" in html and "Bắc Ninh (cũ)" not in html
    assert "merged-note" not in fp.comparison_html([_target("Bắc Ninh")])


@pytest.mark.parametrize(("province", "line"), [
    ("Nam Định", f"{NOW_LABEL}: thuộc tỉnh Ninh Bình (sáp nhập từ 01/7/2025)"),
    ("Bà Rịa - Vũng Tàu", f"{NOW_LABEL}: thuộc thành phố Hồ Chí Minh (sáp nhập từ 01/7/2025)"),
    ("Thừa Thiên Huế", f"{NOW_LABEL}: thành phố Huế"),
    ("Bắc Ninh", None),
])
def test_briefing_note_adds_the_current_province(province: str, line: str | None) -> None:
    plan = PlanFacts("d1", "Kế hoạch nâng cao năng suất", province, "285/KH-UBND", "kế hoạch", "2023-03-01",
                     targets=(_target(province),))
    document = docx.Document(io.BytesIO(plan_summary_docx([plan], today=date(2025, 7, 2))))
    texts = [p.text for p in document.paragraphs]
    i = texts.index(f"Tỉnh/thành phố: {province}")
    if line is None:
        assert not any(t.startswith(f"{NOW_LABEL}:") for t in texts)
    else:
        assert texts[i + 1] == line
