"""Who signed a document, and when it takes effect, on pages as they come (real pipeline, generated pages):

- a legal site's page cut before the signature block still names the signer in its "Người ký" field, in
  Vietnamese ("Người ký: | ... |") and on the site's English page ("Signer: ...");
- a document the library does not hold is answered "who signed it" only where a passage reports the signing
  ("Phó Thủ tướng ... ký ban hành Quyết định số ...");
- "có hiệu lực từ ngày nào" is answered by a date the text gives as the day it takes effect, not by the day it
  was issued.
"""

from __future__ import annotations

import pytest

from assistant.named_documents import NamedDocuments
from assistant.question import QuestionAnalyzer
from common.provinces import ProvinceGazetteer

SITE_PAGE = """Quyết định 57/QĐ-UBND năm 2022 về Quy chế xét tặng Giải thưởng chất lượng tỉnh Lâm Đồng
Số hiệu: | 57/QĐ-UBND | Loại văn bản: | Quyết định |
Nơi ban hành: | Tỉnh Lâm Đồng | Người ký: | Trần Minh Khoa |
Ngày ban hành: | 14/01/2022 | Ngày hiệu lực: | Đang cập nhật |
ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG |
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 57/QĐ-UBND |
Lâm Đồng, ngày 14 tháng 01 năm 2022 |
QUYẾT ĐỊNH
BAN HÀNH QUY CHẾ XÉT TẶNG GIẢI THƯỞNG CHẤT LƯỢNG TỈNH LÂM ĐỒNG
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
Xét đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 210/TTr-SKHCN ngày 20/12/2021,
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế xét tặng Giải thưởng chất lượng tỉnh Lâm Đồng.
Điều 2. Giao Sở Khoa học và Công nghệ chủ trì tổ chức xét tặng giải thưởng hằng năm cho các doanh nghiệp
"""

ENGLISH_SITE_PAGE = """Directive No. 19/CT-TTg on measures to raise the productivity of small enterprises

ATTRIBUTE

Directive No. 19/CT-TTg dated June 02, 2021 of the Prime Minister on measures to raise the productivity of small enterprises
Issuing body: Prime Minister Effective date:
Known

Official number: 19/CT-TTg Signer: Pham Van Hieu
Type: Directive Expiry date: Updating
Issuing date: 02/06/2021 Effect status:
Known

SUMMARY

The Prime Minister asks ministries and provinces to help small enterprises adopt lean production, 5S and
Kaizen, to train productivity consultants and to report on the results every year to the Ministry of Science and
Technology.
"""

NEWS_REPORTING_SIGNER = """Đắk Lắk triển khai chương trình hỗ trợ doanh nghiệp đổi mới công nghệ

Ngày 12/9/2023, Phó Thủ tướng Chính phủ Lê Văn Thành đã ký ban hành Quyết định số 999/QĐ-TTg phê duyệt Chương
trình hỗ trợ doanh nghiệp đổi mới công nghệ vùng Tây Nguyên đến năm 2030. Sở Khoa học và Công nghệ tỉnh Đắk Lắk
đang xây dựng kế hoạch thực hiện chương trình trên địa bàn tỉnh.

Tỉnh đặt mục tiêu hỗ trợ 50 doanh nghiệp đổi mới công nghệ và nâng cao năng suất lao động.
"""

NEWS_NAMING_A_DECISION = """Tỉnh Phú Yên triển khai kế hoạch nâng cao năng suất chất lượng

Thực hiện Quyết định số 888/QĐ-TTg ngày 15/3/2022 của Thủ tướng Chính phủ, Sở Khoa học và Công nghệ tỉnh Phú Yên
đã tổ chức tập huấn về năng suất chất lượng cho 120 doanh nghiệp trên địa bàn tỉnh.

Bên cạnh đó, Thông tư số 88/2023/TT-BKHCN ngày 10/5/2023 của Bộ Khoa học và Công nghệ đã sửa đổi một số quy định
về quản lý chương trình.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("signers"), embeddings, {
        "lam-dong-qd-57-2022.txt": SITE_PAGE, "en-directive-19.txt": ENGLISH_SITE_PAGE,
        "tin-dak-lak.txt": NEWS_REPORTING_SIGNER, "tin-phu-yen.txt": NEWS_NAMING_A_DECISION})


def _meta(assistant, name: str) -> dict:  # noqa: ANN001
    return next(d.metadata for d in assistant.store.documents().values() if d.source.endswith(name))


def test_an_english_legal_site_page_gives_its_fields(assistant):  # noqa: ANN001
    meta = _meta(assistant, "en-directive-19.txt")
    assert meta["doc_number"] == "19/CT-TTg" and meta["doc_type"] == "chỉ thị"
    assert meta["signer"] == "Pham Van Hieu" and meta["issuer"] == "Thủ tướng Chính phủ"
    # "No." is no sentence end: the first line is the title, whole
    assert meta["title"] == "Directive No. 19/CT-TTg on measures to raise the productivity of small enterprises"


def test_the_signer_field_answers_who_signed(assistant):  # noqa: ANN001
    answer = assistant.ask("Quyết định 57/QĐ-UBND năm 2022 về giải thưởng chất lượng tỉnh Lâm Đồng do ai ký?")
    assert answer.found, answer.text
    assert "Trần Minh Khoa" in answer.text
    assert answer.citations[0].passage.source.endswith("lam-dong-qd-57-2022.txt")


def test_the_english_signer_field_answers_who_signed(assistant):  # noqa: ANN001
    answer = assistant.ask("Who signed Directive No. 19/CT-TTg?")
    assert answer.found, answer.text
    assert "Pham Van Hieu" in answer.text


def test_a_signing_reported_in_the_news_answers_for_a_document_not_held(assistant):  # noqa: ANN001
    assert not NamedDocuments.resolve(["999/QĐ-TTg"], assistant.store.catalog().by_number).held
    answer = assistant.ask("Quyết định 999/QĐ-TTg do ai ký?")
    assert answer.found, answer.text
    assert "Lê Văn Thành" in answer.text


def test_a_mention_without_the_signing_does_not_answer_who_signed(assistant):  # noqa: ANN001
    assert not NamedDocuments.resolve(["888/QĐ-TTg"], assistant.store.catalog().by_number).held
    answer = assistant.ask("Quyết định 888/QĐ-TTg do ai ký?")
    assert not answer.found and not answer.citations, answer.text
    assert "888/QĐ-TTg" in answer.text and "Phú Yên" in answer.text  # the document that mentions it is named


def test_a_question_ending_on_nao_ky_asks_the_signer():
    analyzer = QuestionAnalyzer(ProvinceGazetteer.for_questions())
    assert analyzer.analyze("Kế hoạch 777/KH-UBND do Phó Chủ tịch UBND tỉnh nào ký?").intent == "signer"
    assert analyzer.analyze("Khóa nào kỳ họp thứ mấy thông qua nghị quyết?").intent != "signer"


def test_the_day_a_text_was_issued_does_not_say_when_it_takes_effect(assistant):  # noqa: ANN001
    answer = assistant.ask("Thông tư 88/2023/TT-BKHCN có hiệu lực từ ngày nào?")
    assert not answer.found, answer.text
    issued = assistant.ask("Thông tư 88/2023/TT-BKHCN được ban hành ngày nào?")
    assert issued.found and "10/5/2023" in issued.text, issued.text


def test_a_signer_field_line_reads_as_the_signature_for_the_fitted_scorer():
    """The fitted unit scorer knows a signature block by its "signature" feature; a "Người ký" field states the same
    fact, so it carries the feature too (a sentence naming an official does not)."""
    from assistant.extractive import ExtractiveAnswerer
    from assistant.types import Passage

    analysis = QuestionAnalyzer(ProvinceGazetteer.for_questions()).analyze("Quyết định 57/QĐ-UBND do ai ký?")
    text = ("Nơi ban hành: | Tỉnh Lâm Đồng | Người ký: | Trần Minh Khoa |\n"
            "Phó Chủ tịch Nguyễn Văn Bình phát biểu tại hội nghị tổng kết.")
    passage = Passage(1, "c1", "d", "s.txt", "Quyết định 57/QĐ-UBND", "", None, text, 1.0)
    features = {c.unit.text: c.features["signature"] for c in ExtractiveAnswerer().unit_scores(analysis, passage)}
    assert features == {"Nơi ban hành: | Tỉnh Lâm Đồng | Người ký: | Trần Minh Khoa |": 1.0,
                        "Phó Chủ tịch Nguyễn Văn Bình phát biểu tại hội nghị tổng kết.": 0.0}
