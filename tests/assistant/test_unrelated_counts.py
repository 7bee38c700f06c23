"""“Bao nhiêu / mấy X”: where a unit gives a number of X, units giving a number of something else do not answer.
A unit that shares no word with the question is about something else, whatever it counts, and does not trigger
that filter (real pipeline, texts written here: a Vietnamese page and an English translation)."""

from __future__ import annotations

import pytest

NEWS_VI = """Việt Nam phấn đấu nằm trong nhóm 3 nước dẫn đầu ASEAN về tốc độ tăng năng suất lao động vào năm 2030
Ngày 8/11/2023, Phó Thủ tướng Chính phủ Trần Hồng Hà ký Quyết định 1305/QĐ-TTg phê duyệt Chương trình quốc gia về tăng năng suất lao động đến năm 2030.
Chương trình phấn đấu đến năm 2030, Việt Nam nằm trong nhóm 3 nước dẫn đầu ASEAN về tốc độ tăng năng suất lao động.
Tốc độ tăng năng suất lao động bình quân đạt trên 6,5%/năm.
"""

DECISION_EN = """Decision 1305/QD-TTg approving National Program for increasing labor productivity by 2030 (English translation)
Pursuant to the Law on Government Organization dated June 19, 2015;
a) The average labor productivity growth is set to reach over 6.5%/year.
c) Vietnam strives to be in the top 03 ASEAN countries in terms of labor productivity growth by 2030.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("unrelated-counts"), embeddings,
                                {"bao_thai_binh_qd_1305.txt": NEWS_VI, "qd_1305_en.txt": DECISION_EN})


def test_a_count_in_an_unrelated_unit_does_not_filter_the_answer_out(assistant):  # noqa: ANN001
    answer = assistant.ask("chuong trinh tang nang suat lao dong den 2030 viet nam phan dau dung top may asean")
    assert answer.found, answer.text
    assert "nhóm 3 nước" in answer.text or "top 03" in answer.text, answer.text
