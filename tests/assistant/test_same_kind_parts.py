"""Two parts asking the same kind of fact ("Cơ quan nào chủ trì dự án “...”, và cơ quan nào quản lý dự án?") ask
two facts: each part is read by its own words, and the second gets a unit of its own, not the one quoted for the
first. A people's committee ("Ủy ban nhân dân tỉnh ...") is an agency. A news sentence repeating the quoted name
of the project does not answer by that name (real pipeline, texts written here)."""

from __future__ import annotations

import pytest

from assistant import evidence as ev
from assistant.extractive import _question_bigrams
from common.text import words

NAME = "Nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp nhỏ và vừa tỉnh Sông Lam giai đoạn 2013 – 2020"

PROJECT = f"""Sông Lam phê duyệt dự án nâng cao năng suất và chất lượng sản phẩm hàng hóa của doanh nghiệp nhỏ và vừa tỉnh Sông Lam giai đoạn 2013-2020
GIỚI THIỆU CHUNG VỀ DỰ ÁN.
1. Tên dự án: “{NAME}”
2. Thuộc chương trình: Chương trình quốc gia nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp Việt Nam đến năm 2020.
3. Cơ quan quản lý: Ủy ban nhân dân tỉnh Sông Lam
4. Cơ quan chủ trì: Sở Khoa học và Công nghệ
5. Thời gian thực hiện: từ năm 2013 đến 2020.
"""

NEWS = """Hiệu quả dự án năng suất chất lượng tỉnh Sông Lam
Nhằm giảm bớt áp lực cho các doanh nghiệp, Chi cục Tiêu chuẩn Đo lường Chất lượng thuộc Sở Khoa học và Công nghệ đã triển khai hỗ trợ doanh nghiệp áp dụng hệ thống quản lý chất lượng thông qua Dự án Nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp nhỏ và vừa tỉnh giai đoạn 2013 - 2020.
Dự án đã giúp nhiều doanh nghiệp nâng cao năng lực cạnh tranh.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("same-kind-parts"), embeddings,
                                {"song_lam_du_an_nscl_2013_2020.txt": PROJECT,
                                 "song_lam_hieu_qua_du_an.txt": NEWS})


def test_a_peoples_committee_is_an_agency():
    assert ev.AGENCY.search("3. Cơ quan quản lý: Ủy ban nhân dân tỉnh Sông Lam")
    assert ev.AGENCY.search("Hội đồng nhân dân tỉnh quyết định mức chi")
    assert not ev.AGENCY.search("ủy ban nhân dân")  # a word in running lower-case text is no name


def test_a_later_part_is_read_by_its_own_words(assistant):  # noqa: ANN001
    _, analysis = assistant.understand(f"Cơ quan nào chủ trì dự án “{NAME}”, và cơ quan nào quản lý dự án?", None)
    later = analysis.parts[1]
    assert "quan" in later.own_words and "ly" in later.own_words and "tri" not in later.own_words
    assert analysis.parts[0].own_words == ()  # the first part is read with its own words only anyway


def test_two_parts_of_one_kind_get_two_units(assistant):  # noqa: ANN001
    answer = assistant.ask(f"Cơ quan nào chủ trì dự án “{NAME}”, và cơ quan nào quản lý dự án?")
    assert answer.found, answer.text
    first = answer.text.split("[1]")[0]
    assert "Cơ quan chủ trì: Sở Khoa học và Công nghệ" in first, answer.text
    assert "Cơ quan quản lý: Ủy ban nhân dân tỉnh Sông Lam" in answer.text, answer.text


def test_a_quoted_name_counts_where_the_title_holds_it(assistant):  # noqa: ANN001
    """The name a question quotes identifies the project; found in a passage's title it counts as fully as in the
    sentence (a news sentence restating the name gains nothing over the project's own line)."""
    answerer = assistant.answerer
    unit, title = "4. Cơ quan chủ trì: Sở Khoa học và Công nghệ", f"Dự án “{NAME}”"
    _, quoted = assistant.understand(f"Cơ quan nào chủ trì dự án “{NAME}”?", None)
    _, plain = assistant.understand(f"Cơ quan nào chủ trì dự án {NAME}?", None)
    def relevance(a) -> float:  # noqa: ANN001
        return answerer._relevance(a, unit, words(title), _question_bigrams(a))[0]  # noqa: SLF001

    assert relevance(quoted) > relevance(plain)
