"""common.provinces: the gazetteer finds the 63 provinces with and without diacritics, and nothing else."""

from __future__ import annotations

import unicodedata

import pytest

from common.provinces import PROVINCES, ProvinceGazetteer
from common.text import fold, strip_diacritics

G = ProvinceGazetteer()
NAMES = list(PROVINCES)


def test_there_are_63_provinces() -> None:
    assert len(PROVINCES) == 63
    assert G.names == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_canonical_name_found_in_a_sentence(name: str) -> None:
    assert G.find_all(f"Kế hoạch của UBND tỉnh {name} về năng suất.") == [name]
    assert G.find_all(f"{name} đặt mục tiêu tăng năng suất") == [name]


@pytest.mark.parametrize("name", NAMES)
def test_name_found_without_diacritics_in_any_case(name: str) -> None:
    plain = strip_diacritics(name)
    assert G.find_all(f"ke hoach cua {plain.lower()} nam 2023") == [name]
    assert G.find_all(f"Ke hoach cua {plain} nam 2023") == [name]
    assert G.find_all(plain.upper()) == [name]


@pytest.mark.parametrize("name", NAMES)
def test_name_found_upper_case_and_decomposed(name: str) -> None:
    assert G.find_all(f"ỦY BAN NHÂN DÂN TỈNH {name.upper()}") == [name]
    assert G.find_all(unicodedata.normalize("NFD", f"tỉnh {name}")) == [name]


@pytest.mark.parametrize(
    ("name", "spelling"),
    [(name, s) for name, extra in PROVINCES.items() for s in extra if fold(s) not in {"hue", "hcm"}],
)
def test_extra_spellings(name: str, spelling: str) -> None:
    assert G.find_all(f"Kế hoạch của {spelling} năm 2024") == [name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TP.HCM", ["Hồ Chí Minh"]),
        ("TP HCM", ["Hồ Chí Minh"]),
        ("UBND TP.HCM ban hành kế hoạch", ["Hồ Chí Minh"]),
        ("Sài Gòn", ["Hồ Chí Minh"]),
        ("Thành phố Hồ Chí Minh", ["Hồ Chí Minh"]),
        ("tp hcm", ["Hồ Chí Minh"]),
        ("thành phố Huế", ["Thừa Thiên Huế"]),
        ("Khánh Hoà", ["Khánh Hòa"]),
        ("Thanh Hoá", ["Thanh Hóa"]),
        ("Hoà Bình", ["Hòa Bình"]),
        ("Bà Rịa - Vũng Tàu", ["Bà Rịa - Vũng Tàu"]),
        ("Bà Rịa-Vũng Tàu", ["Bà Rịa - Vũng Tàu"]),
        ("Thừa Thiên - Huế", ["Thừa Thiên Huế"]),
        ("Kế hoạch của UBND tỉnh Bắc Ninh và TP.HCM", ["Bắc Ninh", "Hồ Chí Minh"]),
        ("co quan nao chu tri ke hoach cua nam dinh", ["Nam Định"]),
        ("nam dinh", ["Nam Định"]),
        ("NAM DINH", ["Nam Định"]),
        ("Nam Định và Ninh Bình, Hà Nội", ["Nam Định", "Ninh Bình", "Hà Nội"]),
        ("Quảng Ninh-Hải Phòng", ["Quảng Ninh", "Hải Phòng"]),
        ("(Bắc Ninh)", ["Bắc Ninh"]),
        ("“Nam Định”", ["Nam Định"]),
    ],
)
def test_spellings_and_mixtures(text: str, expected: list[str]) -> None:
    assert G.find_all(text) == expected


def test_old_and_new_tone_placement_are_the_same_province() -> None:
    assert G.find_all("Khánh Hoà") == G.find_all("Khánh Hòa") == ["Khánh Hòa"]
    assert G.counts("Khánh Hoà và Khánh Hòa") == {"Khánh Hòa": 2}


@pytest.mark.parametrize(
    "text",
    [
        "Việt Nam định hướng phát triển năng suất",
        "nền kinh tế Việt Nam định vị lại",
        "Huế",  # also an ordinary word: needs "tỉnh/thành phố"
        "HCM",
        "Số liệu chung của cả nước",
        "hoạt động năng suất chất lượng",
    ],
)
def test_no_false_province(text: str) -> None:
    assert G.find_all(text) == []


def test_viet_nam_dinh_huong_is_not_nam_dinh_but_nam_dinh_is() -> None:
    assert "Nam Định" not in G.find_all("Việt Nam định hướng đến năm 2030")
    assert G.find_all("việc của nam dinh") == ["Nam Định"]


def test_counts_and_order_of_first_mention() -> None:
    text = "Quảng Nam, Bắc Ninh, Quảng Nam và quang nam"
    assert G.find_all(text) == ["Quảng Nam", "Bắc Ninh"]
    assert G.counts(text) == {"Quảng Nam": 3, "Bắc Ninh": 1}


def test_extra_province_can_be_added() -> None:
    g = ProvinceGazetteer({**PROVINCES, "Sông Lam": ()})
    assert g.find_all("Ủy ban nhân dân tỉnh Sông Lam") == ["Sông Lam"]
    assert g.find_all("song lam") == ["Sông Lam"]
    assert G.find_all("Ủy ban nhân dân tỉnh Sông Lam") == []


@pytest.mark.parametrize("text", ["Kế hoạch của Bắc Ninh", "Ủy ban nhân dân tỉnh Nam Định ban hành"])
def test_match_spans_point_at_the_name_in_plain_text(text: str) -> None:
    (m,) = G.matches(text)
    assert fold(text[m.start : m.end]) == fold(m.name)


@pytest.mark.parametrize(
    "text",
    ["Kế hoạch 285/KH-UBND của Bắc Ninh", "Kế hoạch  của   Bắc Ninh", "Kế\u200bhoạch của Bắc Ninh"],
)
def test_match_spans_point_at_the_name_in_the_input(text: str) -> None:
    (m,) = G.matches(text)
    assert text[m.start : m.end] == "Bắc Ninh"


@pytest.mark.parametrize(
    ("text", "name"),
    [("UBND TP.Hồ Chí Minh", "Hồ Chí Minh"), ("UBND TP.Cần Thơ", "Cần Thơ"), ("UBND Tp.HCM", "Hồ Chí Minh"),
     ("TP.Đà Nẵng", "Đà Nẵng")],
)
def test_tp_dot_glued_to_the_name(text: str, name: str) -> None:
    assert G.find_all(text) == [name]


def test_unaccented_span_inside_accented_text_is_not_a_province() -> None:
    assert G.find_all("Du lịch thành phố Hạ Long an toàn, thân thiện") == []
