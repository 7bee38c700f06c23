"""Which term of a council and which session passed a resolution ("HĐND khóa mấy, kỳ họp thứ mấy?"): terms are
numbered in Roman numerals and sessions in words or digits, so the answer is the header line that names them, not
a line with an amount (real pipeline, two real HĐND resolutions from ../shared)."""

from __future__ import annotations

import pytest

from assistant import evidence as ev
from common.text import fold

SON_LA = "son-la-nq-10-2021-muc-chi.txt"
DONG_NAI = "dong-nai-nq-20-2021-noi-dung-chi-muc-chi.txt"


def test_ordinals():
    assert ev.asks_ordinal("Nghị quyết được thông qua tại kỳ họp thứ mấy?")
    assert ev.asks_ordinal("hdnd khoa may")
    assert not ev.asks_ordinal("Có bao nhiêu doanh nghiệp được hỗ trợ?")
    # "tiêu thụ" (consumed) folds like "tiêu thứ": with its diacritics it asks an amount, not an ordinal
    assert not ev.asks_ordinal("Công ty giảm lượng nước và điện tiêu thụ bao nhiêu?")
    assert ev.ASKS_ORDINAL.search(fold("Công ty giảm lượng nước và điện tiêu thụ bao nhiêu?"))  # folded, it cannot tell
    assert ev.ORDINAL.search("HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA KHOÁ XV")
    assert ev.ORDINAL.search("KỲ HỌP CHUYÊN ĐỀ LẦN THỨ HAI")
    assert not ev.ORDINAL.search("Hỗ trợ tối đa 50 triệu đồng cho mỗi doanh nghiệp")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("council-sessions"), embeddings, {}, real=(SON_LA, DONG_NAI))


def test_the_term_and_the_session(assistant):  # noqa: ANN001
    answer = assistant.ask("nghi quyet muc chi nang suat chat luong son la thong qua o ky hop nao, hdnd khoa may")
    assert answer.found, answer.text
    assert "KHOÁ XV" in answer.text and "LẦN THỨ HAI" in answer.text, answer.text
    answer = assistant.ask("Nghị quyết 20/2021/NQ-HĐND của Đồng Nai được thông qua tại kỳ họp thứ mấy?")
    assert answer.found, answer.text
    assert "KỲ HỌP THỨ 5" in answer.text, answer.text


def test_a_session_is_named_with_its_councils_term(assistant):  # noqa: ANN001
    """Sessions are numbered within a term: "kỳ họp nào" alone is answered by the session line and the term line
    above it."""
    answer = assistant.ask("Nghị quyết 10/2021 của HĐND Sơn La được thông qua tại kỳ họp nào?")
    assert answer.found, answer.text
    assert "KHOÁ XV" in answer.text and "LẦN THỨ HAI" in answer.text, answer.text


GREEN = """Năng suất xanh giúp doanh nghiệp tiết kiệm chi phí
Ví dụ như tại Công ty TNHH Rau Quả Thiên Long, việc áp dụng năng suất xanh đã giúp lượng nước và điện tiêu thụ giảm đến 15%, tiết kiệm từ 33 – 46% lượng than đốt lò hơi.
Chương trình năng suất xanh được Viện Năng suất Việt Nam triển khai từ năm 2016.
"""


def test_an_amount_consumed_is_not_an_ordinal(tmp_path, embeddings):  # noqa: ANN001
    from tests.conftest import assistant_over_texts

    green = assistant_over_texts(tmp_path, embeddings, {"nang_suat_xanh.txt": GREEN})
    answer = green.ask("Áp dụng năng suất xanh giúp Công ty Rau Quả Thiên Long giảm lượng nước và điện tiêu thụ "
                       "bao nhiêu?")
    assert answer.found and "15%" in answer.text, answer.text
