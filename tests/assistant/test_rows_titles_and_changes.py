"""Three ways a question or a passage reads as a person reads it. Real pipeline over a resolution written here.

- A table row is one record: "| 2. | Xây dựng Đề án ... công chức. Công bố kết quả ... | Sở Nội vụ | ... |" is not
  cut between the sentences of its task cell, so the row quoted for "ai chủ trì ..." still names its lead agency.
  And "người" in the subject asked about ("... của người đứng đầu?") does not make "ai" ask for a person only.
- "từ X ... lên bao nhiêu" names the start of a change, not a lower bound on the answer: "tăng từ 19% năm 2010
  lên bao nhiêu năm 2020?" is answered with the end of the change.
- "bao lâu" asks how long, a length of time ("05 ngày làm việc"), not a date, and is a part of its own: "Đơn vị nào
  chủ trì ..., và trong thời hạn bao lâu?" gets the agency and the time limit.
- A title asked without its body ("các bộ trưởng nào đề nghị?") asks which office: "Bộ trưởng Bộ Khoa học và Công
  nghệ" answers it, though a title asked with its body ("Thứ trưởng Bộ KH&CN nào") asks for a holder's name.
"""

from __future__ import annotations

import pytest

from assistant.question import QuestionAnalyzer
from common.provinces import ProvinceGazetteer

RESOLUTION = """NGHỊ QUYẾT VỀ CHƯƠNG TRÌNH HÀNH ĐỘNG NÂNG CAO NĂNG SUẤT TỈNH SÔNG LAM
ỦY BAN NHÂN DÂN TỈNH SÔNG LAM
Số: 21/NQ-UBND
Sông Lam, ngày 09 tháng 01 năm 2025

NGHỊ QUYẾT
Ban hành Chương trình hành động nâng cao năng suất lao động tỉnh Sông Lam

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ và Giám đốc Sở Tài chính tại Tờ trình số 04/TTr-SKHCN-STC ngày 02 tháng 01 năm 2025.

I. KẾT QUẢ GIAI ĐOẠN TRƯỚC
1. Tỷ trọng giá trị sản phẩm công nghiệp chế biến trong tổng giá trị sản xuất tăng từ 21% năm 2010 lên khoảng 48% năm 2020.
2. Tốc độ tăng năng suất lao động bình quân giai đoạn 2016-2020 là 5,9%/năm.

II. NHIỆM VỤ
| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
| 1. | Xây dựng văn bản quy định trách nhiệm người đứng đầu các cơ quan nhà nước trong triển khai nhiệm vụ năng suất của cơ quan. | Sở Khoa học và Công nghệ | Các sở, ngành | 3/2025 |
| 2. | Xây dựng, ban hành Đề án đánh giá mức độ hoàn thành nhiệm vụ chuyển đổi số của cơ quan nhà nước, người đứng đầu và cán bộ, công chức. Công bố kết quả đánh giá hằng năm. | Sở Nội vụ | Các sở, ngành | 6/2025 |
| 3. | Tổ chức tập huấn về công cụ cải tiến năng suất cho doanh nghiệp. | Sở Công Thương | Hiệp hội doanh nghiệp | 9/2025 |

III. TỔ CHỨC THỰC HIỆN
1. Giao Văn phòng UBND tỉnh chủ trì, phối hợp với Sở Tài chính cung cấp dịch vụ công trực tuyến trên Cổng dịch vụ công quốc gia trong thời gian 05 ngày làm việc kể từ ngày Nghị quyết có hiệu lực.
2. Các sở, ngành báo cáo kết quả thực hiện trước ngày 15 tháng 12 hằng năm.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("rows-titles"), embeddings,
                                {"song_lam_nq_21_2025.txt": RESOLUTION})


def test_a_table_row_is_quoted_whole_with_its_lead_agency(assistant):  # noqa: ANN001
    answer = assistant.ask("Ai chủ trì xây dựng đề án đánh giá mức độ hoàn thành nhiệm vụ chuyển đổi số của cơ quan "
                           "nhà nước và người đứng đầu?")
    assert answer.found and "Sở Nội vụ" in answer.text, answer.text


@pytest.mark.parametrize(("question", "bound"), [
    ("Tỷ trọng đã tăng từ 21% năm 2010 lên bao nhiêu năm 2020?", None),
    ("Chỉ tiêu nào giảm từ 30% xuống bao nhiêu?", None),
    ("Có bao nhiêu doanh nghiệp có từ 10 lao động trở lên?", 10.0),
    ("Tỉnh nào có tốc độ tăng từ 7% trở lên?", 7.0),
])
def test_from_x_to_is_a_change_not_a_bound(question: str, bound: float | None) -> None:
    condition = QuestionAnalyzer(ProvinceGazetteer()).analyze(question).condition
    assert (condition.value if condition else None) == bound


def test_the_end_of_a_change_answers(assistant):  # noqa: ANN001
    answer = assistant.ask("Tỷ trọng giá trị sản phẩm công nghiệp chế biến đã tăng từ 21% năm 2010 lên bao nhiêu "
                           "năm 2020?")
    assert answer.found and "48%" in answer.text, answer.text


def test_a_title_asked_without_its_body_is_answered_by_the_offices(assistant):  # noqa: ANN001
    answer = assistant.ask("Nghị quyết 21/NQ-UBND do các giám đốc nào đề nghị ban hành?")
    assert answer.found, answer.text
    assert "Giám đốc Sở Khoa học và Công nghệ" in answer.text and "Giám đốc Sở Tài chính" in answer.text


def test_how_long_asks_a_length_of_time_in_a_part_of_its_own(assistant):  # noqa: ANN001
    question = ("Đơn vị nào chủ trì cung cấp dịch vụ công trực tuyến trên Cổng dịch vụ công quốc gia, và trong thời "
                "hạn bao lâu?")
    analysis = QuestionAnalyzer(ProvinceGazetteer()).analyze(question)
    assert [p.intent for p in analysis.parts] == ["agency", "quantity"]
    answer = assistant.ask(question)
    assert answer.found and "Văn phòng UBND tỉnh" in answer.text and "05 ngày làm việc" in answer.text, answer.text
