"""Who signed a document is what its own "Người ký" field or signature says: asked "Quyết định 1305/QĐ-TTg do ai
ký?", the decision's own text is quoted first, before a news item that restates the signing (real pipeline: the
real decision from ../shared, a news item written here)."""

from __future__ import annotations

from pathlib import Path

import pytest

QD_1305 = "qd-1305-qd-ttg-2023-tang-nang-suat-lao-dong.txt"
NEWS = """Việt Nam phấn đấu nằm trong nhóm 3 nước dẫn đầu ASEAN về tốc độ tăng năng suất lao động
Ngày 8/11/2023, Phó Thủ tướng Chính phủ Trần Hồng Hà ký Quyết định 1305/QĐ-TTg phê duyệt Chương trình quốc gia về tăng năng suất lao động đến năm 2030.
Chương trình đặt mục tiêu tốc độ tăng năng suất lao động bình quân đạt trên 6,5%/năm.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("own-signature"), embeddings,
                                {"bao_thai_binh_qd_1305.txt": NEWS}, real=(QD_1305,))


def test_the_documents_own_signer_leads(assistant):  # noqa: ANN001
    answer = assistant.ask("Quyết định 1305/QĐ-TTg về Chương trình quốc gia tăng năng suất lao động đến 2030 do ai ký?")
    assert answer.found, answer.text
    assert "Trần Hồng Hà" in answer.text, answer.text
    assert Path(answer.citations[0].passage.source).name == QD_1305, answer.text
