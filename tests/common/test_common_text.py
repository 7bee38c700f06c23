"""common.text: NFC, folding, tone placement, tokens."""

from __future__ import annotations

import unicodedata

import pytest

from common.text import (
    bigrams,
    clean_spaces,
    collapse_ws,
    fold,
    nfc,
    normalise_for_match,
    strip_diacritics,
    tokens,
    unify_tones,
    words,
)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


# ---------------------------------------------------------------------------------------------- nfc


@pytest.mark.parametrize("text", ["Kế hoạch", "Đắk Lắk", "Thừa Thiên Huế", "Quảng Ngãi", "ỦY BAN NHÂN DÂN"])
def test_nfc_composes_decomposed_vietnamese(text: str) -> None:
    decomposed = nfd(text)
    assert decomposed != text  # the input really is decomposed
    assert nfc(decomposed) == text
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


@pytest.mark.parametrize("zw", ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff"])
def test_nfc_removes_zero_width_characters(zw: str) -> None:
    assert nfc(f"Kế{zw} hoạch{zw}") == "Kế hoạch"


def test_nfc_keeps_ordinary_spaces_and_newlines() -> None:
    assert nfc("a b\nc\u00a0d") == "a b\nc\u00a0d"


# --------------------------------------------------------------------------------- strip / fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đà Nẵng", "Da Nang"),
        ("ĐẮK LẮK", "DAK LAK"),
        ("Sở Khoa học và Công nghệ", "So Khoa hoc va Cong nghe"),
        ("Thừa Thiên Huế", "Thua Thien Hue"),
        ("đường Trần Hưng Đạo", "duong Tran Hung Dao"),
        ("12,5%/năm", "12,5%/nam"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_strip_diacritics_keeps_case(text: str, expected: str) -> None:
    assert strip_diacritics(text) == expected
    assert strip_diacritics(nfd(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Khoa học và Công nghệ", "so khoa hoc va cong nghe"),
        ("  Đà   Nẵng\n\tTP.HCM ", "da nang tp.hcm"),
        ("KẾ HOẠCH 285/KH-UBND", "ke hoach 285/kh-ubnd"),
        ("Khánh Hoà", "khanh hoa"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected
    assert fold(nfd(text)) == expected


def test_fold_makes_spellings_of_one_name_equal() -> None:
    assert fold("Khánh Hoà") == fold("Khánh Hòa") == fold("khanh hoa") == fold(nfd("KHÁNH HÒA"))


def test_collapse_ws_and_normalise_for_match() -> None:
    assert collapse_ws(" a \n\n b\t c ") == "a b c"
    assert normalise_for_match(nfd("  Kế   HOẠCH\nSố 12 ")) == "kế hoạch số 12"


def test_clean_spaces_keeps_line_breaks_and_trims_lines() -> None:
    assert clean_spaces("  a \t b  \n\u00a0 c\u3000d  \n") == "a b\nc d"


# -------------------------------------------------------------------------------------- tones


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Hoà", "Hòa"),
        ("Thuý", "Thúy"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("HOÀ BÌNH", "HÒA BÌNH"),
        ("thoả thuận", "thỏa thuận"),
        ("Uỷ ban", "Ủy ban"),
        ("UỶ BAN", "ỦY BAN"),
        ("sức khoẻ", "sức khỏe"),
        ("tuỳ", "tùy"),
    ],
)
def test_unify_tones_moves_old_placement(old: str, new: str) -> None:
    assert unify_tones(old) == new
    assert unify_tones(nfd(old)) == new  # NFD input is normalised first


@pytest.mark.parametrize("text", ["Hòa", "Thúy", "Khánh Hòa", "Ủy ban nhân dân", "năng suất", "Nam Định", ""])
def test_unify_tones_leaves_new_placement_alone(text: str) -> None:
    assert unify_tones(text) == text


@pytest.mark.parametrize("text", ["Kế hoạch", "toàn tỉnh", "Hoàng Bá Nam", "hoàn thành", "Quý IV/2025", "Quỳnh"])
def test_unify_tones_keeps_words_whose_tone_never_moves(text: str) -> None:
    assert unify_tones(text) == text


# ------------------------------------------------------------------------------------- tokens


def test_tokens_docstring_example() -> None:
    assert tokens("Kế hoạch 285/KH-UBND: 12,5%/năm") == [
        "ke", "hoach", "285/kh-ubnd", "285", "kh", "ubnd", "12,5%", "12,5", "12", "5", "nam"]


@pytest.mark.parametrize(
    ("text", "compound", "parts"),
    [
        ("Kế hoạch số 285/KH-UBND", "285/kh-ubnd", ["285", "kh", "ubnd"]),
        ("tăng 12,5% mỗi năm", "12,5%", ["12,5", "12", "5"]),
        ("Quyết định 36/QĐ-TTg", "36/qd-ttg", ["36", "qd", "ttg"]),
        ("Sở KH&CN", "kh&cn", ["kh", "cn"]),
        ("đạt 45-47%.", "45-47%", ["45-47", "45", "47"]),
        ("Nghị quyết 09/2024/NQ-HĐND", "09/2024/nq-hdnd", ["09", "2024", "nq", "hdnd"]),
    ],
)
def test_tokens_keep_compounds_then_parts(text: str, compound: str, parts: list[str]) -> None:
    toks = tokens(text)
    assert compound in toks
    i = toks.index(compound)
    assert toks[i + 1 : i + 1 + len(parts)] == parts


def test_tokens_of_nfd_input_equal_tokens_of_nfc_input() -> None:
    text = "Kế hoạch 285/KH-UBND của tỉnh Bắc Ninh: 12,5%/năm"
    assert tokens(nfd(text)) == tokens(text)
    assert "bac" in tokens(nfd(text)) and "ninh" in tokens(nfd(text))


def test_tokens_do_not_swallow_sentence_punctuation() -> None:
    assert tokens("đến năm 2025. Hỗ trợ") == ["den", "nam", "2025", "ho", "tro"]


def test_words_and_bigrams() -> None:
    assert words("Hà Nội, 285/KH") == ["ha", "noi", "285", "kh"]
    assert bigrams(["nang", "suat", "lao"]) == ["nang_suat", "suat_lao"]
    assert bigrams(["mot"]) == []


def test_fast_diacritic_stripping_equals_decomposition():
    """The translate table gives exactly what NFD + dropping combining marks gave, for every BMP character."""
    import unicodedata

    from common.text import strip_diacritics

    def by_decomposition(text: str) -> str:
        base = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        return unicodedata.normalize("NFC", base.replace("đ", "d").replace("Đ", "D"))

    vietnamese = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
    sample = vietnamese + vietnamese.lower() + "e\u0301 o\u0323\u0302 Hoà ≠ ﬁ ² ǅ"
    assert strip_diacritics(sample) == by_decomposition(sample)
    different = [c for c in map(chr, range(0x10000)) if not 0xD800 <= ord(c) < 0xE000
                 and strip_diacritics(c) != by_decomposition(c)]
    assert len(different) <= 1, different  # U+0DDD (a Sinhala vowel sign) decomposes into two marks


def test_upper_case_letters_hold_no_lower_case_letter():
    """A range "À-Ỹ" holds "á", "đ", "ư" too: patterns that look for a capital (a name after "xã", a sentence after
    "…", a company after "Công ty") read common.text.UPPER."""
    import re

    from assistant import evidence as ev
    from common.text import UPPER

    upper = re.compile(f"[{UPPER}]")
    assert all(upper.fullmatch(c) for c in "AĐÀẤỆƯỸ") and not any(upper.fullmatch(c) for c in "ađàấệưỹ")
    assert ev.PLACE.search("thành phố Đà Nẵng") and not ev.PLACE.search("các xã đặc biệt khó khăn")
    assert ev.ORGANIZATION.search("Công ty Ánh Dương") and not ev.ORGANIZATION.search("Công ty đã nộp hồ sơ")
