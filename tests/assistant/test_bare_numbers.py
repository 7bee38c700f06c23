"""A question naming documents by kind and bare number ("Quyết định 6374 ... và Kế hoạch 45 ...") is about the held
documents with those numbers: each part is answered from its own document (real pipeline, texts written here)."""

from __future__ import annotations

DECISION = """ỦY BAN NHÂN DÂN TỈNH TRÀ GIANG
Số: 6374/QĐ-UBND
Trà Giang, ngày 27 tháng 12 năm 2010

QUYẾT ĐỊNH
Phê duyệt Chương trình nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp tỉnh Trà Giang giai đoạn 2010-2020

Điều 1. Phê duyệt Chương trình nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp tỉnh Trà Giang.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
CHỦ TỊCH
Nguyễn Văn An
"""

PLAN = """ỦY BAN NHÂN DÂN TỈNH SÔNG LAM
Số: 45/KH-UBND
Sông Lam, ngày 18 tháng 3 năm 2024

KẾ HOẠCH
Hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa tỉnh Sông Lam năm 2024

I. MỤC TIÊU
Hỗ trợ 20 doanh nghiệp áp dụng hệ thống quản lý tiên tiến.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Thị Bình
"""


def test_documents_named_by_a_bare_number_are_each_answered_from_their_own_text(tmp_path, embeddings):
    from tests.conftest import assistant_over_texts

    assistant = assistant_over_texts(tmp_path, embeddings, {"tra_giang_qd_6374.txt": DECISION,
                                                            "song_lam_kh_45.txt": PLAN})
    standalone, analysis = assistant.understand("Ai ký Quyết định 6374 và ai ký Kế hoạch 45?")
    assert standalone == "Ai ký Quyết định 6374/QĐ-UBND và ai ký Kế hoạch 45/KH-UBND?"
    assert analysis.doc_numbers == ["6374/QĐ-UBND", "45/KH-UBND"]
    answer = assistant.ask("Ai ký Quyết định 6374 và ai ký Kế hoạch 45?")
    assert answer.found and "Nguyễn Văn An" in answer.text and "Trần Thị Bình" in answer.text, answer.text
    assert {c.passage.source.rsplit("/", 1)[-1] for c in answer.citations} == {"tra_giang_qd_6374.txt",
                                                                               "song_lam_kh_45.txt"}
    # A number the library does not hold under that kind is left as the user wrote it.
    assert assistant.understand("Kế hoạch 6374 do ai ký?")[0] == "Kế hoạch 6374 do ai ký?"


def test_a_programme_named_by_its_number_is_its_decisions():
    from assistant.bare_numbers import complete_numbers

    held = ["1322/QĐ-TTg", "36/QĐ-TTg", "8206/KH-UBND"]
    assert complete_numbers("Theo Chương trình 1322, số doanh nghiệp tăng bao nhiêu?", held) == \
        "Theo Chương trình 1322/QĐ-TTg, số doanh nghiệp tăng bao nhiêu?"
    assert complete_numbers("How many firms did Programme 1322 support?", held) == \
        "How many firms did Programme 1322/QĐ-TTg support?"
    assert complete_numbers("Kế hoạch 1322 ban hành ngày nào?", held) == "Kế hoạch 1322 ban hành ngày nào?"
    assert complete_numbers("Đề án 1305 của Yên Bái", ["1305/QĐ-UBND", "1305/QĐ-TTg"]) == "Đề án 1305 của Yên Bái"
