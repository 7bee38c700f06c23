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
    assert ev.ASKS_ORDINAL.search(fold("Nghị quyết được thông qua tại kỳ họp thứ mấy?"))
    assert ev.ASKS_ORDINAL.search(fold("hdnd khoa may"))
    assert not ev.ASKS_ORDINAL.search(fold("Có bao nhiêu doanh nghiệp được hỗ trợ?"))
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
