"""Legacy Vietnamese encodings: real TCVN3 / VNI / Windows-1258 / UTF-16 byte sequences through ingest.encoding.

The TCVN3 and VNI fixtures are built by a small explicit encoder written here (the published TCVN 5712:1993 "ABC"
byte table and the VNI-Windows base+mark scheme) — viparse ships decoders only, and building the fixtures from its
own tables would test nothing. The bytes are then decoded as cp1252, the way a PDF/DOCX extractor presents text
typed in a .VnTime or VNI-Times font, and must come back as the original through ``fix_legacy``.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ingest.encoding import decode_bytes, fix_legacy, legacy_encoding_of, normalise_vietnamese
from ingest_cases import CORPUS_DIR, cp1258_bytes
from ingest.loaders.text import decode_text
from ingest.pipeline import parse_bytes


# ----------------------------------------------------------------------------------- fixture encoders

# TCVN3 (ABC): one byte per letter; no uppercase accented letters (a .VnTimeH font draws the lowercase bytes as
# capitals), so the encoder writes an uppercase accented letter with its lowercase byte.
_TCVN3 = {
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
    "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9, "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE,
    "ặ": 0xC6, "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB, "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF,
    "é": 0xD0, "ẹ": 0xD1, "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6, "ì": 0xD7, "ỉ": 0xD8,
    "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE, "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4, "ồ": 0xE5,
    "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9, "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4, "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8,
    "ự": 0xF9, "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}


def tcvn3_bytes(text: str) -> bytes:
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        code = _TCVN3.get(ch, _TCVN3.get(ch.lower()))
        out += bytes([code]) if code is not None else ch.encode("ascii")
    return bytes(out)


# VNI-Windows: base letter + mark byte(s); đ ư ơ and the i-family are single bytes. Marks shown as cp1252.
_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_CIRCUMFLEX = {None: "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_BREVE = {None: "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_I = {None: "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def vni_bytes(text: str) -> bytes:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        nfd = unicodedata.normalize("NFD", ch.lower())
        base, marks = nfd[0], nfd[1:]
        tone = next((m for m in marks if m in _TONE), None)
        if ch.lower() == "đ":
            seq = "ñ"
        elif base == "i":
            seq = _I[tone]
        elif "\u0302" in marks:
            seq = base + _CIRCUMFLEX[tone]
        elif "\u0306" in marks:
            seq = base + _BREVE[tone]
        elif "\u031b" in marks:
            seq = {"o": "ô", "u": "ö"}[base] + (_TONE[tone] if tone else "")
        else:
            seq = base + (_TONE[tone] if tone else "")
        out.append(seq.upper() if ch.isupper() else seq)
    return "".join(out).encode("cp1252")




SENTENCES = [
    "Kế hoạch nâng cao năng suất lao động tỉnh Nam Định",
    "Sở Khoa học và Công nghệ là cơ quan đầu mối",
    "Điều 1. Phê duyệt Kế hoạch số 285/KH-UBND, tăng 12,5%/năm giai đoạn 2021 - 2030",
    "Tăng cường ứng dụng khoa học công nghệ, đổi mới sáng tạo trong doanh nghiệp",
    "Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành triển khai thực hiện",
]


def test_fixture_bytes_are_the_real_legacy_sequences() -> None:
    assert tcvn3_bytes("Kế hoạch") == b"K\xd5 ho\xb9ch"
    assert tcvn3_bytes("Kế hoạch").decode("cp1252") == "KÕ ho¹ch"
    assert vni_bytes("Kế hoạch").decode("cp1252") == "Keá hoaïch"
    assert vni_bytes("Định").decode("cp1252") == "Ñònh"


# ---------------------------------------------------------------------------------------- fix_legacy


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize(("label", "encode"), [("tcvn3", tcvn3_bytes), ("vni", vni_bytes)])
def test_fix_legacy_restores_the_sentence(label: str, encode, sentence: str) -> None:
    mojibake = encode(sentence).decode("cp1252")
    assert mojibake != sentence
    fixed = fix_legacy(mojibake)
    if label == "tcvn3":
        # TCVN3 has no uppercase accented letters: "Ủy", "Điều" capitals come back lower-case where accented.
        assert fixed.casefold() == sentence.casefold(), (label, mojibake, fixed)
    else:
        assert fixed == sentence, (label, mojibake, fixed)
    assert fixed == unicodedata.normalize("NFC", fixed)
    assert legacy_encoding_of(mojibake) == label


def test_tcvn3_uppercase_heading_inside_a_tcvn3_document() -> None:
    # A lone heading has too little evidence on its own; inside a TCVN3 document it follows the document.
    text = tcvn3_bytes("KẾ HOẠCH\n" + SENTENCES[0] + "\n" + SENTENCES[1]).decode("cp1252")
    assert fix_legacy(text).split("\n") == ["Kế HOạCH", SENTENCES[0], SENTENCES[1]]


@pytest.mark.parametrize(
    "text",
    [
        "Kế hoạch nâng cao năng suất lao động tỉnh Nam Định",
        "Chú ý: Hà Nam, hoà bình, văn hoá",  # Unicode Vietnamese that only uses Latin-1 letters
        "12,5%", "285/KH-UBND", "Tăng 7,5%/năm", "",
        "Productivity plan (English), café, naïve résumé",
        "Copyright © 2024 VietQ", "Microsoft® Word", "½ cup", "25 °C ± 2",
        "Señor Müller spricht Deutsch über Straße", "El niño comió jamón español", "Ça coûte très cher à Noël",
    ],
)
def test_fix_legacy_leaves_clean_text_alone(text: str) -> None:
    assert fix_legacy(text) == text


def test_mixed_document_fixes_only_the_legacy_lines() -> None:
    unicode_lines = ["Sở Khoa học và Công nghệ là cơ quan đầu mối.", "Chú ý: Hà Nam", "Tăng 12,5%/năm."]
    lines = [
        tcvn3_bytes(SENTENCES[0]).decode("cp1252"),
        unicode_lines[0],
        vni_bytes(SENTENCES[3]).decode("cp1252"),
        unicode_lines[1],
        "",
        unicode_lines[2],
    ]
    for newline in ("\n", "\r\n"):
        fixed = fix_legacy(newline.join(lines)).split(newline)
        assert fixed == [SENTENCES[0], unicode_lines[0], SENTENCES[3], unicode_lines[1], "", unicode_lines[2]]


CORPUS_FILES = sorted(CORPUS_DIR.glob("*.txt"))


@pytest.mark.skipif(not CORPUS_FILES, reason="no shared corpus")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_clean_corpus_is_unchanged(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for line in text.split("\n"):
        assert fix_legacy(line) == line
    assert fix_legacy(text) == text
    assert decode_text(path.read_bytes()) == unicodedata.normalize("NFC", text.replace("\ufeff", "", 1))


# -------------------------------------------------------------------------------------- decode_bytes

TEXT = "KẾ HOẠCH\nNâng cao năng suất lao động tỉnh Nam Định giai đoạn 2021 - 2030, tăng 7,5%/năm."


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("utf-8", TEXT.encode("utf-8")),
        ("utf-8 BOM", TEXT.encode("utf-8-sig")),
        ("utf-8 NFD", unicodedata.normalize("NFD", TEXT).encode("utf-8")),
        ("utf-16 LE BOM", b"\xff\xfe" + TEXT.encode("utf-16-le")),
        ("utf-16 BE BOM", b"\xfe\xff" + TEXT.encode("utf-16-be")),
        ("utf-16 LE no BOM", TEXT.encode("utf-16-le")),
        ("utf-16 BE no BOM", TEXT.encode("utf-16-be")),
        ("utf-32 BOM", TEXT.encode("utf-32")),
        ("windows-1258", cp1258_bytes(TEXT)),
    ],
)
def test_decode_bytes(label: str, data: bytes) -> None:
    assert decode_bytes(data) == TEXT, label
    assert decode_text(data) == TEXT, label


def test_windows_1258_really_uses_combining_tone_marks() -> None:
    data = cp1258_bytes("Kế hoạch")
    assert data == b"K\xea\xec hoa\xf2ch"  # ê + U+0301 (0xEC), a + U+0323 (0xF2)
    assert decode_bytes(data) == "Kế hoạch"


@pytest.mark.parametrize("sentence", SENTENCES)
def test_windows_1258_sentences_round_trip(sentence: str) -> None:
    assert decode_bytes(cp1258_bytes(sentence)) == sentence


@pytest.mark.parametrize(("label", "encode"), [("tcvn3", tcvn3_bytes), ("vni", vni_bytes)])
def test_legacy_font_bytes_are_not_read_as_windows_1258(label: str, encode) -> None:
    data = encode("\n".join(SENTENCES))
    assert decode_bytes(data) == data.decode("cp1252")  # left for fix_legacy, as an extractor would give it
    expected = "\n".join(SENTENCES)
    got = decode_text(data)
    assert (got.casefold() == expected.casefold()) if label == "tcvn3" else (got == expected)


def test_cp1252_is_the_last_resort() -> None:
    assert decode_bytes(b"caf\xe9 \x80 5") == "café € 5"  # 0x80 is € in cp1252 and in cp1258
    assert decode_bytes(b"\x8a\x9a") == "Šš"  # undefined in cp1258, defined in cp1252
    assert "\ufffd" in decode_bytes(b"ab\x81cd\xff\xfe"[:5])  # undefined in both: replaced, never raises


def test_normalise_vietnamese_is_nfc_only() -> None:
    assert normalise_vietnamese(unicodedata.normalize("NFD", TEXT)) == TEXT
    assert normalise_vietnamese("hoà hoá") == "hoà hoá"  # old-style tone placement is kept for display


# ---------------------------------------------------------------------------------------- end to end

PLAN = ("KẾ HOẠCH\n"
        "Nâng cao năng suất lao động tỉnh Nam Định giai đoạn 2021 - 2030\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Ủy ban nhân dân tỉnh Nam Định ban hành Kế hoạch nâng cao năng suất lao động, tăng bình quân 6,5%/năm.\n"
        "Sở Khoa học và Công nghệ là cơ quan đầu mối, chủ trì phối hợp với các sở, ngành.\n")


@pytest.mark.parametrize(("label", "data"), [("windows-1258", cp1258_bytes(PLAN)), ("tcvn3", tcvn3_bytes(PLAN)),
                                             ("vni", vni_bytes(PLAN))])
def test_parse_bytes_of_a_legacy_plan(gazetteer, label: str, data: bytes) -> None:
    doc = parse_bytes(data, "ke_hoach.txt", gazetteer)
    assert doc.meta.province == "Nam Định", label
    text = doc.text.casefold()
    for words in ("kế hoạch", "nâng cao năng suất lao động", "sở khoa học và công nghệ là cơ quan đầu mối",
                  "6,5%/năm"):
        assert words in text, (label, words)
    if label != "tcvn3":
        assert doc.text.startswith("KẾ HOẠCH")
    assert "¹" not in doc.text and "aï" not in doc.text
