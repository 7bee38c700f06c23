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


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("bodies-named"), embeddings,
                                {"gop_y_du_thao_ctqg.txt": CALL_FOR_COMMENTS}, real=(QD_1305,))


def test_a_body_to_be_set_up(assistant):  # noqa: ANN001
    answer = assistant.ask("Theo Quyết định 1305, cần nghiên cứu đề xuất thành lập cơ quan mới nào về năng suất?")
    assert answer.found, answer.text
    assert "Ủy ban năng suất quốc gia" in answer.text, answer.text
