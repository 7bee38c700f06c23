"""A question naming a document the library holds is answered from that document first; news restating the
same fact comes after (real pipeline, real embedding model, documents written in the test)."""

from __future__ import annotations

import pytest

DECISION = """ỦY BAN NHÂN DÂN TỈNH TRÀ GIANG
Số: 77/QĐ-UBND
Trà Giang, ngày 09 tháng 03 năm 2021

QUYẾT ĐỊNH
Ban hành Kế hoạch nâng cao năng suất lao động tỉnh Trà Giang giai đoạn 2021-2025

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch nâng cao năng suất lao động tỉnh Trà Giang giai đoạn 2021-2025.
Điều 2. Chỉ tiêu chủ yếu đến năm 2025: NSLĐ bình quân tăng trên 6,8%/năm; 40 doanh nghiệp được hỗ trợ áp dụng công cụ cải tiến.
Điều 3. Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành tổ chức thực hiện.
"""

NEWS = """Trà Giang đặt mục tiêu năng suất lao động tăng trên 6,8%/năm (Báo Trà Giang)

Ngày 09/3/2021, UBND tỉnh Trà Giang ban hành Quyết định 77/QĐ-UBND về Kế hoạch nâng cao năng suất lao động.
Quyết định 77/QĐ-UBND đặt mục tiêu tăng năng suất lao động trên 6,8% mỗi năm.
Theo Quyết định 77/QĐ-UBND, tỉnh hỗ trợ 40 doanh nghiệp áp dụng công cụ cải tiến năng suất.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):
    from tests.conftest import assistant_over_texts

    page = ("<html><head><title>" + NEWS.splitlines()[0] + "</title></head><body>"
            + "".join(f"<p>{line}</p>" for line in NEWS.splitlines()[2:]) + "</body></html>")
    return assistant_over_texts(tmp_path_factory.mktemp("own"), embeddings,
                                {"tra_giang_qd_77.txt": DECISION, "tin_tra_giang_nang_suat.html": page})


def test_the_named_document_is_quoted_first(assistant):
    """The news sentence echoes the question's words more closely; the decision's own line states the same fact
    and is likely enough, so it leads."""
    question, fact = ("Theo Quyết định 77/QĐ-UBND, tỉnh hỗ trợ bao nhiêu doanh nghiệp áp dụng công cụ cải tiến "
                      "năng suất?", "40 doanh nghiệp")
    answer = assistant.ask(question)
    assert answer.found and fact in answer.text, answer.text
    first = answer.citations[0]
    assert first.passage.source.endswith("tra_giang_qd_77.txt") and fact in " ".join(first.quotes), answer.text
    assert answer.passages[0].source.endswith("tra_giang_qd_77.txt")


def test_without_a_named_document_the_best_unit_leads_whatever_its_source(assistant):
    answer = assistant.ask("Trà Giang đặt mục tiêu tăng năng suất lao động bao nhiêu mỗi năm?")
    assert answer.found and "6,8%" in answer.text
