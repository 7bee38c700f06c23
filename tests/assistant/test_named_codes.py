"""A tool or standard named by a code ("5S", "ISO 9001", "TCVN 5814") or by its own name ("Lean", "Six Sigma",
"VietGAP") is what the question is about: a passage
naming no such code speaks of other tools ("hỗ trợ 50% kinh phí áp dụng ISO 9001, 14000, HACCP ..." does not say
what applying 5S is given), so the question is refused rather than answered with it. Real pipeline over two pages
written here."""

from __future__ import annotations

import pytest

from assistant.evidence import named_codes

RESOLUTION = """Tỉnh Sông Lam: hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa
HĐND tỉnh Sông Lam đã thông qua Nghị quyết quy định mức chi hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng.
Cụ thể, chi hỗ trợ doanh nghiệp 50% kinh phí thực hiện áp dụng các hệ thống quản lý chất lượng tiên tiến như ISO 9001, 14000, 22000, HACCP, tối đa 60 triệu đồng mỗi doanh nghiệp.
Doanh nghiệp được hỗ trợ một lần cho mỗi hệ thống quản lý.
"""
PLAN = """Tỉnh Sông Lam triển khai kế hoạch năng suất năm 2024
Năm 2024, tỉnh hỗ trợ 12 doanh nghiệp áp dụng các công cụ cải tiến năng suất chất lượng như Kaizen, 5S, Six Sigma.
Mỗi doanh nghiệp áp dụng công cụ 5S được hỗ trợ tối đa 20 triệu đồng.
"""


@pytest.mark.parametrize(("text", "codes"), [
    ("Mỗi doanh nghiệp áp dụng công cụ 5S được hỗ trợ bao nhiêu?", ["5s"]),
    ("Áp dụng ISO 9001:2015 và TCVN 5814 thế nào?", ["iso9001", "tcvn5814"]),
    ("Quyết định 1322/QĐ-TTg năm 2022 trong 3 tháng, công nghiệp 4.0, tăng 12,5%", []),
    ("Doanh nghiệp áp dụng Lean 6 Sigma, VietGAP và các KPIs", ["lean", "sixsigma", "vietgap", "kpi"]),
    ("Kế hoạch hỗ trợ doanh nghiệp nâng cao năng suất lao động, chất lượng sản phẩm", []),
    # a product's rating is a class of its own: "OCOP 4 sao" is "four stars", not "3 sao"
    ("Có bao nhiêu sản phẩm OCOP 4 sao, bao nhiêu 5 sao?", ["4sao", "5sao"]),
    ("73.9 per cent achieved the three-star status, 24.7 per cent got four stars", ["3sao", "4sao"]),
])
def test_codes_named(text: str, codes: list[str]) -> None:
    assert named_codes(text) == codes


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("named-codes"), embeddings, {"song_lam_nq.txt": RESOLUTION})


@pytest.fixture(scope="module")
def assistant_with_plan(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("named-codes-plan"), embeddings,
                                {"song_lam_nq.txt": RESOLUTION, "song_lam_kh_2024.txt": PLAN})


QUESTION = "Mỗi doanh nghiệp ở Sông Lam áp dụng công cụ 5S được hỗ trợ tối đa bao nhiêu tiền?"


def test_a_sentence_about_other_tools_does_not_answer_for_5s(assistant):  # noqa: ANN001
    answer = assistant.ask(QUESTION)
    assert not answer.found and "60 triệu" not in answer.text, answer.text


def test_the_sentence_about_5s_answers(assistant_with_plan):  # noqa: ANN001
    answer = assistant_with_plan.ask(QUESTION)
    assert answer.found and "20 triệu đồng" in answer.text, answer.text


def test_a_tool_named_by_its_name_is_asked_about(assistant, assistant_with_plan):  # noqa: ANN001
    """"Lean" is named by no passage: the ISO sentence does not say what applying Lean is given; "Six Sigma" is."""
    lean = assistant.ask("Nghị quyết của Sông Lam hỗ trợ tối đa bao nhiêu cho doanh nghiệp áp dụng công cụ Lean?")
    assert not lean.found and "60 triệu" not in lean.text, lean.text
    six_sigma = assistant_with_plan.ask("Năm 2024 Sông Lam hỗ trợ bao nhiêu doanh nghiệp áp dụng Six Sigma?")
    assert six_sigma.found and "12 doanh nghiệp" in six_sigma.text, six_sigma.text


OCOP = """Tỉnh Sông Lam công nhận sản phẩm OCOP năm 2023
UBND tỉnh Sông Lam vừa công nhận kết quả đánh giá, phân hạng sản phẩm OCOP cấp tỉnh năm 2023.
Theo đó, toàn tỉnh có 36 sản phẩm của 20 chủ thể được cấp giấy chứng nhận đạt 4 sao OCOP cấp tỉnh năm 2023.
Lễ trao giấy chứng nhận diễn ra tại Hội chợ OCOP Sông Lam - Xuân 2024.
"""


def test_a_rating_asked_is_answered_only_where_it_is_named(tmp_path, embeddings):  # noqa: ANN001
    """Asked how many 3-star products, the count of 4-star products is no answer; asked 4-star, it is."""
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"song_lam_ocop_2023.txt": OCOP})
    three = assistant.ask("Năm 2023 tỉnh Sông Lam có bao nhiêu sản phẩm được công nhận OCOP 3 sao cấp tỉnh?")
    assert not three.found and "36 sản phẩm" not in three.text, three.text
    four = assistant.ask("Năm 2023 tỉnh Sông Lam có bao nhiêu sản phẩm được công nhận OCOP 4 sao cấp tỉnh?")
    assert four.found and "36 sản phẩm" in four.text, four.text
