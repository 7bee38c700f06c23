"""ingest.scope: national passages of news about a province are "quốc gia"; the province's own are "tỉnh"."""

from __future__ import annotations

import pytest
from ingest_cases import CORPUS_DIR, ND_PLAN, QN_NEWS, SAMPLE_FILES, flat

from ingest.pipeline import parse_bytes
from ingest.scope import NATIONAL, PROVINCIAL, chunk_scope

QN_NATIONAL_TARGETS = ("Về mục tiêu cụ thể, phấn đấu đến năm 2025 góp phần đạt mục tiêu tăng năng suất lao động bình "
                       "quân trên 7%/năm")
QN_DECISION = "Hồi tháng 1/2021, Thủ tướng Chính phủ ký Quyết định số 36/QĐ/TTg"
QN_PROVINCE_TARGET = "góp phần đạt mục tiêu tăng năng suất lao động bình quân của tỉnh trên 11%/năm"
QN_DIRECTOR = "ông Hoàng Bá Nam, Giám đốc Sở KH&CN"


def scopes_of(doc, needle: str) -> list[str]:
    found = [c.metadata["scope"] for c in doc.chunks if flat(needle) in flat(c.page_content)]
    assert found, f"no chunk holds {needle!r}"
    return found


@pytest.mark.parametrize(
    ("text", "provinces", "level", "doc_type", "expected"),
    [
        ("Thủ tướng Chính phủ ký Quyết định số 36/QĐ-TTg ... cả nước", ["Quảng Ninh"], "tỉnh", "tin tức", NATIONAL),
        ("Từ 12 đến 15 tỉnh, thành phố trực thuộc trung ương hoàn thành kế hoạch", [], "tỉnh", "tin tức", NATIONAL),
        ("Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất", [], "tỉnh", "tin tức", NATIONAL),
        ("Thủ tướng Chính phủ ký Quyết định số 36/QĐ-TTg", ["Nam Định"], "tỉnh", "kế hoạch", PROVINCIAL),
        ("Quyết định 36/QĐ-TTg được Quảng Ninh triển khai", ["Quảng Ninh"], "tỉnh", "tin tức", PROVINCIAL),
        ("Thủ tướng Chính phủ giao UBND tỉnh xây dựng kế hoạch", [], "tỉnh", "tin tức", PROVINCIAL),
        (QN_PROVINCE_TARGET, [], "tỉnh", "tin tức", PROVINCIAL),
        ("Tăng năng suất lao động 7%/năm.", [], "tỉnh", "tin tức", PROVINCIAL),  # no marker: the document's level
        ("Tăng năng suất lao động 7%/năm.", [], "quốc gia", "quyết định", NATIONAL),
        ("Sở Khoa học và Công nghệ tỉnh Bắc Ninh chủ trì", ["Bắc Ninh"], "tỉnh", "báo cáo", PROVINCIAL),
        ("Thủ tướng Chính phủ ký Quyết định 36", [], "", "tin tức", NATIONAL),
        ("Kế hoạch của huyện", [], "", "tin tức", PROVINCIAL),  # no level known: provincial by default
        ("THỦ TƯỚNG CHÍNH PHỦ ban hành", ["Quảng Ninh"], "tỉnh", "tin tức", NATIONAL),  # folded, any case
        ("thu tuong chinh phu ban hanh, quang ninh trien khai", ["Quảng Ninh"], "tỉnh", "tin tức", PROVINCIAL),
    ],
)
def test_chunk_scope(text, provinces, level, doc_type, expected) -> None:
    assert chunk_scope(text, provinces, level, doc_type) == expected


def test_docstring_default_doc_type_is_news() -> None:
    assert chunk_scope("Thủ tướng Chính phủ ký Quyết định số 36/QĐ-TTg ... cả nước", ["Quảng Ninh"], "tỉnh") == NATIONAL


def test_quang_ninh_news_national_passages_are_national(gazetteer) -> None:
    # Chunks of about a paragraph each: a chunk of the default size packs the national paragraph with provincial
    # ones, and its scope is the one covering most of its characters.
    doc = parse_bytes((CORPUS_DIR / QN_NEWS).read_bytes(), str(CORPUS_DIR / QN_NEWS), gazetteer, max_chars=600)
    assert scopes_of(doc, QN_NATIONAL_TARGETS) == [NATIONAL]
    assert scopes_of(doc, QN_DECISION) == [NATIONAL]
    assert scopes_of(doc, "đóng góp khoảng 45% vào tăng trưởng kinh tế") == [NATIONAL]


def test_quang_ninh_news_own_passages_are_provincial(corpus_docs) -> None:
    doc = corpus_docs[QN_NEWS]
    assert scopes_of(doc, "tăng năng suất lao động bình quân của tỉnh trên 11%/năm") == [PROVINCIAL]
    assert scopes_of(doc, QN_DIRECTOR) == [PROVINCIAL]
    assert {c.metadata["scope"] for c in doc.chunks} == {NATIONAL, PROVINCIAL}


def test_every_chunk_of_an_official_provincial_plan_is_provincial(corpus_docs, sample_docs) -> None:
    plans = [corpus_docs[ND_PLAN]] + [sample_docs[n] for n in SAMPLE_FILES if not n.endswith(".html")]
    for doc in plans:
        assert doc.meta.doc_type != "tin tức" and doc.meta.level == PROVINCIAL
        assert {c.metadata["scope"] for c in doc.chunks} == {PROVINCIAL}
    # Their "Căn cứ Quyết định 36/QĐ-TTg của Thủ tướng Chính phủ" legal basis stays the plan's own.
    assert scopes_of(corpus_docs[ND_PLAN], "Quyết định số 36/QĐ-TTg ngày 11/01/2021") == [PROVINCIAL]


def test_quang_ninh_scopes_do_not_depend_on_chunk_size(gazetteer) -> None:
    doc = parse_bytes((CORPUS_DIR / QN_NEWS).read_bytes(), QN_NEWS, gazetteer, max_chars=300)
    assert set(scopes_of(doc, QN_NATIONAL_TARGETS)) == {NATIONAL}
    assert set(scopes_of(doc, QN_DIRECTOR)) == {PROVINCIAL}
