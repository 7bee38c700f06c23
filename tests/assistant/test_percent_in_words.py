"""A percentage written in words ("80.5 per cent", "30 percent", "12 phần trăm") is a percentage: it answers "tỷ lệ
... là bao nhiêu?" as "80,5%" does (it was no percentage, so a Vietnamese question on an English page that writes
its share in words was refused). Real pipeline over pages written here."""

from __future__ import annotations

import pytest

from assistant.evidence import percentages

PAGE = """Ha Noi expands QR traceability for fresh produce
HA NOI - The city's agriculture department said on Monday that its traceability system now covers most fruit shops.
The system has helped 72.4 per cent of fruit shops in the inner districts of Ha Noi use QR codes for traceability.
Officials plan to extend the scheme to vegetable markets in the suburban districts next year.
"""


@pytest.mark.parametrize(("text", "value"), [("helped 72.4 per cent of shops", 72.4), ("about 30 percent", 30.0),
                                             ("đạt 12 phần trăm", 12.0), ("tăng 29-32%", 32.0)])
def test_percentages_in_figures_and_in_words(text: str, value: float) -> None:
    assert [v for v, _ in percentages(text)] == [value]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings):  # noqa: ANN001, ANN201
    from tests.conftest import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("percent-in-words"), embeddings, {"ha_noi_qr_en.txt": PAGE})


def test_a_share_in_words_answers_a_vietnamese_question(assistant):  # noqa: ANN001
    answer = assistant.ask("Tỷ lệ cửa hàng trái cây ở các quận nội thành Hà Nội dùng mã QR để truy xuất nguồn gốc là "
                           "bao nhiêu?")
    assert answer.found and "72.4 per cent" in answer.text, answer.text
