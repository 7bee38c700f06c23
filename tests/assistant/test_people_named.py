"""People as news and English questions name them: after an academic title ("TS. Nguyễn Tùng Lâm"), before a dash
and their office ("Nguyễn Tùng Lâm - Viện trưởng ..."); "Who is the Director ...?" and "Which Prime Minister ...?"
ask for a person, "Who organised ...?" may ask for a body (real pipeline, texts written here)."""

from __future__ import annotations

import pytest

from assistant import evidence as ev
from assistant.english import to_vietnamese
from assistant.question import QuestionAnalyzer
from common.provinces import ProvinceGazetteer

NEWS = """Năng suất xanh 2.0 – Giải pháp chuyển đổi xanh cho doanh nghiệp
Việc áp dụng năng suất xanh giúp doanh nghiệp giảm phát thải và tiết kiệm chi phí sản xuất.
TS. Nguyễn Tùng Lâm - Viện trưởng Viện Năng suất Việt Nam cho biết, năng suất xanh 2.0 đưa giảm phát thải khí nhà kính thành một chỉ tiêu bắt buộc.
Hội thảo thu hút hơn 200 doanh nghiệp tham dự.
"""


def test_people_named_by_title_or_office():
    assert ev.PERSON.search("TS. Nguyễn Tùng Lâm - Viện trưởng Viện Năng suất Việt Nam cho biết")
    assert ev.PERSON.search("PGS.TS Trần Văn Tùng phát biểu tại hội thảo")
    assert not ev.PERSON.search("Hội thảo tại Việt Nam, Chủ tịch nước dự")
    assert not ev.PERSON.search("Sở Khoa học và Công nghệ chủ trì thực hiện")


@pytest.mark.parametrize(("question", "person"), [
    ("Who is the Director of the Vietnam Productivity Institute?", True),
    ("Which Prime Minister issued Decision 1322/QD-TTg?", True),
    ("Who organised the 5S/Kaizen forum in Hanoi?", False),
])
def test_english_questions_asking_for_a_person(question, person):  # noqa: ANN001
    analysis = QuestionAnalyzer(ProvinceGazetteer()).analyze(to_vietnamese(question))
    assert (analysis.intent == "person") is person


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("people-named"), embeddings,
                                {"nang_suat_xanh_2_0.txt": NEWS})


def test_the_person_holding_an_office_is_answered(assistant):  # noqa: ANN001
    answer = assistant.ask("Viện trưởng Viện Năng suất Việt Nam được nêu trong bài về năng suất xanh 2.0 là ai?")
    assert answer.found, answer.text
    assert "Nguyễn Tùng Lâm" in answer.text, answer.text
