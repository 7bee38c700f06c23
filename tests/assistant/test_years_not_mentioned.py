"""A question naming a year that no passage at hand names (a 2024 figure asked of pages on 2022, 2023 and the
2021-2025 period) is refused, saying which year the documents do not mention; a year they name is answered, and a
year that only an earlier turn gave (what a follow-up speaks of) does not refuse. Real pipeline over pages written
here."""

from __future__ import annotations

NEWS = """Hà Giang hỗ trợ doanh nghiệp nâng cao năng suất chất lượng
Năm 2022, Sở Khoa học và Công nghệ tỉnh Hà Giang đã hỗ trợ 12 doanh nghiệp áp dụng hệ thống quản lý chất lượng ISO 9001.
Năm 2023, Sở tiếp tục hỗ trợ 15 doanh nghiệp áp dụng công cụ cải tiến năng suất 5S và Kaizen, với tổng kinh phí 1,2 tỷ đồng.
Kế hoạch giai đoạn 2021-2025 của tỉnh đặt mục tiêu hỗ trợ 60 doanh nghiệp nâng cao năng suất chất lượng.
Hồ sơ đề nghị hỗ trợ gửi về Sở Khoa học và Công nghệ trước ngày 30/9 hằng năm.
"""


def _assistant(tmp_path, embeddings):  # noqa: ANN001, ANN202
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path, embeddings, {"ha_giang_nang_suat.txt": NEWS})


def test_a_year_no_passage_names_is_not_answered(tmp_path, embeddings):  # noqa: ANN001
    assistant = _assistant(tmp_path, embeddings)
    refused = assistant.ask("Năm 2024 Hà Giang hỗ trợ bao nhiêu doanh nghiệp áp dụng công cụ cải tiến năng suất?")
    assert not refused.found and not refused.citations
    assert "không đề cập đến năm 2024" in refused.text
    answered = assistant.ask("Năm 2023 Hà Giang hỗ trợ bao nhiêu doanh nghiệp áp dụng công cụ cải tiến năng suất?")
    assert answered.found and "15 doanh nghiệp" in answered.text, answered.text
    # an earlier turn's year says what is spoken of; the follow-up asks its own question
    followup = assistant.ask("Hồ sơ đề nghị hỗ trợ gửi về đâu, hạn khi nào?",
                             ["Năm 2024 Hà Giang hỗ trợ bao nhiêu doanh nghiệp?"])
    assert followup.found and "30/9" in followup.text, followup.text
