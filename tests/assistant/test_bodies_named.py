"""A committee, council or steering board is an agency however its name is cased after its capitalised kind
("Ủy ban năng suất quốc gia", "Ủy ban nhân dân tỉnh"); "ủy ban" in lower case is no name. Real pipeline over the
real Prime Minister's decision 1305/QĐ-TTg from ../shared and a call for comments written here, whose sentence
names bodies only in lower case."""

from __future__ import annotations

import pytest

from assistant import evidence as ev

QD_1305 = "qd-1305-qd-ttg-2023-tang-nang-suat-lao-dong.txt"
CALL_FOR_COMMENTS = """Góp ý dự thảo Chương trình quốc gia về năng suất đến năm 2030
Để hoàn chỉnh dự thảo trình Thủ tướng Chính phủ xem xét, phê duyệt, Bộ KHCN đề nghị các Bộ, ngành, địa phương, cơ quan, đơn vị quan tâm, nghiên cứu, đóng góp ý kiến cho dự thảo Chương trình quốc gia về năng suất.
Ý kiến góp ý của đơn vị xin gửi về Bộ Khoa học và Công nghệ trước ngày 15/3.
"""


def test_bodies():
    assert ev.AGENCY.search("Nghiên cứu, đề xuất việc thành lập Ủy ban năng suất quốc gia")
    assert ev.AGENCY.search("Ủy ban nhân dân tỉnh Bến Tre chủ trì")
    assert ev.AGENCY.search("Ban chỉ đạo thực hiện Chương trình")
    assert not ev.AGENCY.search("các ủy ban và hội đồng địa phương")
    # international bodies and the departments of a ministry or province
    assert ev.AGENCY.search("do Tổ chức Năng suất Châu Á (APO) chứng nhận")
    assert ev.AGENCY.search("the Asian Productivity Organization (APO) certified them")
    assert ev.AGENCY.search("the International Labour Organization said")
    assert ev.AGENCY.search("Vụ Khoa học và Công nghệ các ngành kinh tế chủ trì")
    assert ev.AGENCY.search("Phòng Thương mại và Công nghiệp Việt Nam (VCCI) phối hợp")
    assert not ev.AGENCY.search("IV. TỔ CHỨC THỰC HIỆN")
    assert not ev.AGENCY.search("tổ chức hội nghị tập huấn")


AWARDS_NEWS = """Giải thưởng Chất lượng Quốc gia năm 2024 mời doanh nghiệp tham dự
Năm 2024, Bộ Khoa học và Công nghệ tiếp tục tổ chức Giải thưởng Chất lượng Quốc gia.
Giải thưởng Chất lượng Quốc gia là một phần của Giải thưởng Chất lượng Toàn cầu châu Á - Thái Bình Dương (GPEA) do Tổ chức Chất lượng Châu Á - Thái Bình Dương (APQO) trao tặng.
Doanh nghiệp tham dự Giải thưởng được đánh giá theo 7 tiêu chí của mô hình quản lý chất lượng toàn diện.
"""


def test_an_international_body_answers_which_organisation(tmp_path, embeddings):  # noqa: ANN001
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"gtclqg_2024.txt": AWARDS_NEWS})
    _, analysis = assistant.understand("Giải thưởng GPEA là của tổ chức nào?")
    assert analysis.intent == "agency"
    answer = assistant.ask("Giải thưởng GPEA là của tổ chức nào?")
    assert answer.found and "Tổ chức Chất lượng Châu Á" in answer.text, answer.text


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("bodies-named"), embeddings,
                                {"gop_y_du_thao_ctqg.txt": CALL_FOR_COMMENTS}, real=(QD_1305,))


def test_a_body_to_be_set_up(assistant):  # noqa: ANN001
    answer = assistant.ask("Theo Quyết định 1305, cần nghiên cứu đề xuất thành lập cơ quan mới nào về năng suất?")
    assert answer.found, answer.text
    assert "Ủy ban năng suất quốc gia" in answer.text, answer.text
