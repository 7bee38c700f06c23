"""A follow-up that asks two things ("Lễ vinh danh đó tổ chức ngày nào và ai là Bộ trưởng phát biểu?") is read
with the earlier turn as context for both parts, but each part is answered by its own words: the earlier turn's
words (its years, its subject) do not choose the quote for the person asked. Real pipeline over a news item written
here; the question analysis is checked on its own too."""

from __future__ import annotations

import pytest

from assistant.question import QuestionAnalyzer
from common.provinces import ProvinceGazetteer

NEWS = """Bộ Khoa học và Công nghệ vinh danh 116 doanh nghiệp đạt Giải thưởng Chất lượng quốc gia

116 doanh nghiệp đoạt Giải thưởng Chất lượng quốc gia năm 2019 – 2020 đã được Bộ Khoa học và Công nghệ vinh danh tại Hà Nội vào ngày 25/04/2021.
Cụ thể, trong năm 2019 và 2020, căn cứ vào đề nghị của Bộ Khoa học và Công nghệ, Thủ tướng Chính phủ đã ký quyết định tặng Giải thưởng Chất lượng quốc gia cho 61 doanh nghiệp (năm 2019) và 55 doanh nghiệp (năm 2020).
Giải thưởng Chất lượng quốc gia được xét tặng dựa trên 7 tiêu chí về lãnh đạo, chiến lược, khách hàng và kết quả hoạt động.
Bộ trưởng Bộ Khoa học và Công nghệ Trần Quang Minh phát biểu tại buổi lễ.
Các doanh nghiệp đạt giải đã chia sẻ kinh nghiệm nâng cao năng suất và chất lượng sản phẩm.
"""

HISTORY = ["Năm 2019 và 2020 lần lượt có bao nhiêu doanh nghiệp được Thủ tướng tặng Giải thưởng Chất lượng Quốc gia?"]
QUESTION = "Lễ vinh danh đó tổ chức ngày nào và ai là Bộ trưởng KH&CN phát biểu?"


def test_a_part_owns_its_words_not_the_closing_context():
    analyzer = QuestionAnalyzer(ProvinceGazetteer())
    a = analyzer.analyze("Lễ vinh danh tổ chức ngày nào và ai là Bộ trưởng phát biểu? (Năm 2019 có bao nhiêu "
                         "doanh nghiệp đạt giải)")
    assert len(a.parts) == 2
    for part in a.parts:
        assert part.own_words and "2019" not in part.own_words  # the earlier turn is context, not the part's own
        assert "2019" in part.text  # but every part is read with it
    assert {"bo", "truong", "phat", "bieu"} <= set(a.parts[1].own_words)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("follow-up-parts"), embeddings,
                                {"vinh_danh_giai_thuong_chat_luong.txt": NEWS})


def test_each_part_of_a_follow_up_is_answered(assistant):  # noqa: ANN001
    answer = assistant.ask(QUESTION, HISTORY)
    assert answer.found
    assert "25/04/2021" in answer.text and "Trần Quang Minh" in answer.text, answer.text
    assert any("Trần Quang Minh" in q for c in answer.citations for q in c.quotes)
