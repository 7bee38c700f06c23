"""A page about several provinces, or filed under none (national news on the 2025 mergers, on every province's new
department), answers a question on one of them in the sentence that names it: not the likeliest sentence about
another province. A question on two of them gets one line for each, each under the province its sentence (or the
sentence before it) names by any spelling ("UBND TP.HCM" is Thành phố Hồ Chí Minh), also where a scraped page glued
two sentences ("Phó Giám đốc: ... Ấn.Sáng ngày ..."); never an empty list. Its second part asks the first part's
question of its own place. Real pipeline over pages written here."""

from __future__ import annotations

import pytest

from common.text import normalise_for_match

MERGERS = """Phương án sắp xếp đơn vị hành chính cấp tỉnh năm 2025

Theo phương án sắp xếp, cả nước còn 34 đơn vị hành chính cấp tỉnh từ ngày 1/7/2025. PHƯƠNG ÁN SẮP XẾP CẤP TỈNH (1) Hợp nhất tỉnh Hà Giang và tỉnh Tuyên Quang thành tỉnh mới có tên gọi là tỉnh Tuyên Quang, trung tâm chính trị - hành chính đặt tại tỉnh Tuyên Quang hiện nay. (2) Hợp nhất tỉnh Yên Bái và tỉnh Lào Cai thành tỉnh mới có tên gọi là tỉnh Lào Cai, trung tâm chính trị - hành chính đặt tại tỉnh Yên Bái hiện nay. (3) Hợp nhất tỉnh Bắc Giang và tỉnh Bắc Ninh thành tỉnh mới có tên gọi là tỉnh Bắc Ninh, trung tâm chính trị - hành chính đặt tại tỉnh Bắc Giang hiện nay. (4) Hợp nhất tỉnh Hải Dương và thành phố Hải Phòng thành thành phố mới có tên gọi là thành phố Hải Phòng, trung tâm chính trị - hành chính đặt tại thành phố Hải Phòng hiện nay. (5) Hợp nhất tỉnh Hà Nam, tỉnh Ninh Bình và tỉnh Nam Định thành tỉnh mới có tên gọi là tỉnh Ninh Bình, trung tâm chính trị - hành chính đặt tại tỉnh Ninh Bình hiện nay.
"""

DIRECTORS = """Sở Khoa học và Công nghệ mới đi vào hoạt động tại các địa phương

Việc hợp nhất Sở Khoa học và Công nghệ và Sở Thông tin và Truyền thông thành Sở Khoa học và Công nghệ mới đã hoàn thành trên cả nước.
Ngày 24/02/2025, UBND tỉnh Sóc Trăng công bố các quyết định về tổ chức bộ máy. Theo đó, ông Lê Văn Khải giữ chức Giám đốc Sở Khoa học và Công nghệ cùng ba Phó Giám đốc: Lý Thị Hoa, Trịnh Văn Ấn.Sáng ngày 20/02/2025, UBND tỉnh Phú Yên tổ chức hội nghị công bố quyết định thành lập Sở. Theo quyết định, ông Đặng Minh Tâm được bổ nhiệm giữ chức vụ Giám đốc Sở Khoa học và Công nghệ.
Các Sở Khoa học và Công nghệ sau hợp nhất đã đi vào hoạt động từ ngày 1/3/2025.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("places-in-a-page"), embeddings,
                                {"phuong_an_sap_xep_tinh_2025.txt": MERGERS,
                                 "so_khcn_hop_nhat_2025.txt": DIRECTORS})


def _first_quote(answer) -> str:  # noqa: ANN001
    return answer.citations[0].quotes[0]


@pytest.mark.parametrize("question, named, not_named", [
    ("Nam Định sáp nhập với tỉnh nào và tỉnh mới tên gì?", "tỉnh Nam Định thành tỉnh mới", "Hà Giang"),
    # typed without diacritics; the answer is a province the question names ("đặt tại tỉnh Bắc Giang" is a place)
    ("bac giang nhap voi bac ninh thi trung tam hanh chinh dat o dau?", "tỉnh Bắc Giang và tỉnh Bắc Ninh", "Hà Giang"),
])
def test_the_sentence_naming_the_asked_province_answers(assistant, question, named, not_named):  # noqa: ANN001
    answer = assistant.ask(question)
    assert answer.found
    assert named in _first_quote(answer) and not_named not in _first_quote(answer)
    assert normalise_for_match(_first_quote(answer)) in normalise_for_match(answer.citations[0].passage.text)


def test_two_provinces_each_get_the_sentence_about_them(assistant):  # noqa: ANN001
    answer = assistant.ask("Ai được bổ nhiệm Giám đốc Sở KH&CN Phú Yên sau hợp nhất, còn ở Sóc Trăng là ai?")
    assert answer.found and answer.citations
    lines = answer.text.splitlines()
    phu_yen = next(ln for ln in lines if ln.startswith("- Tỉnh Phú Yên"))
    soc_trang = next(ln for ln in lines if ln.startswith("- Tỉnh Sóc Trăng"))
    # each under the province its sentence (or the sentence before it) names
    assert "Đặng Minh Tâm" in phu_yen and "Lê Văn Khải" not in phu_yen
    assert "Lê Văn Khải" in soc_trang and "Đặng Minh Tâm" not in soc_trang


def test_a_later_part_naming_its_own_place_asks_the_same_of_it(assistant):  # noqa: ANN001
    _, analysis = assistant.understand("Ai được bổ nhiệm Giám đốc Sở KH&CN Phú Yên sau hợp nhất, còn ở Sóc Trăng là ai?",
                                       None)
    second = analysis.parts[1].text
    assert "Sóc Trăng" in second and "Phú Yên" not in second and "Giám đốc" in second


CITIES = """Các thành phố công bố Sở Khoa học và Công nghệ mới

Việc hợp nhất Sở Khoa học và Công nghệ và Sở Thông tin và Truyền thông đã hoàn thành tại các thành phố trực thuộc trung ương.
Ngày 28/02/2025, UBND TP.HCM công bố quyết định thành lập Sở Khoa học và Công nghệ. Theo đó, ông Nguyễn Hữu Bình giữ chức Giám đốc Sở cùng bốn Phó Giám đốc.
Ngày 01/3/2025, UBND TP Cần Thơ tổ chức hội nghị công bố quyết định thành lập Sở. Theo quyết định, bà Trần Thu Hà được bổ nhiệm giữ chức vụ Giám đốc Sở Khoa học và Công nghệ.
Các Sở sau hợp nhất đã đi vào hoạt động ổn định từ giữa tháng 3/2025.
"""


@pytest.fixture(scope="module")
def cities(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("places-by-any-spelling"), embeddings,
                                {"so_khcn_cac_thanh_pho_2025.txt": CITIES})


def test_a_place_written_short_is_the_place(cities):  # noqa: ANN001
    answer = cities.ask("Ai giữ chức Giám đốc Sở KH&CN Thành phố Hồ Chí Minh sau hợp nhất, còn ở Cần Thơ là ai?")
    lines = answer.text.splitlines()
    hcm = next(ln for ln in lines if ln.startswith("- Thành phố Hồ Chí Minh"))
    can_tho = next(ln for ln in lines if ln.startswith("- Thành phố Cần Thơ"))
    assert "Nguyễn Hữu Bình" in hcm and "Trần Thu Hà" in can_tho, answer.text
