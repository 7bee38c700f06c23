"""The answer checker, table-driven: markers, numbers, dates and document numbers against the given passages."""

from __future__ import annotations

import pytest

from assistant.verify import AnswerVerifier, echoes, is_refusal, number_forms, split_sentences

P = [
    "[1] Kế hoạch số 285/KH-UBND ngày 08/9/2023 của tỉnh Bắc Ninh\nTỷ trọng đóng góp của TFP giai đoạn 2023-2025 "
    "đạt khoảng từ 45-47%; giai đoạn 2026-2030 đạt trên 50%.",
    "[2] Kế hoạch tỉnh Nam Định\nTăng năng suất lao động bình quân trên 7%/năm; đến năm 2030 trên 7,5%/năm.",
    "[3] Sở Khoa học và Công nghệ là cơ quan đầu mối, chủ trì triển khai Kế hoạch.",
]


@pytest.mark.parametrize(("answer", "status", "text"), [
    # everything cited and every number in the cited passage
    ("Bắc Ninh đặt TFP giai đoạn 2026-2030 trên 50% [1].", "passed",
     "Bắc Ninh đặt TFP giai đoạn 2026-2030 trên 50% [1]."),
    # decimal comma written as a point, in an English answer
    ("Nam Dinh targets over 7.5% a year by 2030 [2].", "passed", "Nam Dinh targets over 7.5% a year by 2030 [2]."),
    # a number that no passage holds: the sentence is dropped, the rest stays
    ("Nam Định tăng trên 7%/năm [2]. GRDP năm 2030 đạt 120.000 tỷ đồng [2].", "repaired",
     "Nam Định tăng trên 7%/năm [2]."),
    # cited to the wrong passage: cited to the one that holds the facts
    ("Bắc Ninh đạt TFP 45-47% giai đoạn 2023-2025 [2].", "repaired", "Bắc Ninh đạt TFP 45-47% giai đoạn 2023-2025 [1]."),
    # a marker beyond the given passages, nothing else to keep
    ("Theo kế hoạch [7].", "rejected", ""),
    # a date and a document number checked against the cited passage
    ("Kế hoạch số 285/KH-UBND ban hành ngày 08/9/2023 [1].", "passed",
     "Kế hoạch số 285/KH-UBND ban hành ngày 08/9/2023 [1]."),
    ("Kế hoạch số 286/KH-UBND ban hành ngày 08/9/2023 [1].", "rejected", ""),
    ("Kế hoạch ban hành ngày 09/9/2023 [1].", "rejected", ""),
    # no marker at all: attributed to the passage that holds its words
    ("Sở Khoa học và Công nghệ là cơ quan đầu mối, chủ trì triển khai.", "repaired",
     "Sở Khoa học và Công nghệ là cơ quan đầu mối, chủ trì triển khai [3]."),
    # a paragraph whose last sentence carries the marker covers the sentences before it
    ("Nam Định đặt hai mục tiêu. Tăng trên 7%/năm và đến năm 2030 trên 7,5%/năm [2].", "passed",
     "Nam Định đặt hai mục tiêu. Tăng trên 7%/năm và đến năm 2030 trên 7,5%/năm [2]."),
])
def test_verify_cases(answer, status, text):
    v = AnswerVerifier().verify(answer, P)
    assert (v.status, v.text) == (status, text), v.to_json()


def test_json_records_what_was_checked():
    v = AnswerVerifier().verify("Nam Định tăng trên 7%/năm [2]. Năm 2030 tăng 9% [2] [9].", P)
    j = v.to_json()
    assert j["status"] == "repaired"
    assert j["unsupported_facts"] == ["9"] and j["invalid_markers"] == [9]
    assert j["checked_markers"] == 3 and j["checked_facts"] == 3
    assert j["dropped_sentences"] == ["Năm 2030 tăng 9% [2] [9]."]


@pytest.mark.parametrize(("text", "refusal"), [
    ("Không tìm thấy thông tin trả lời câu hỏi này trong các tài liệu đã lập chỉ mục.", True),
    ("Khong tim thay thong tin.", True),
    ("The documents do not contain this.", True),
    ("Không tìm thấy thông tin về năm 2035, nhưng năm 2030 là 50% [1].", False),
])
def test_refusals(text, refusal):
    assert is_refusal(text) is refusal
    if refusal:
        assert AnswerVerifier().verify(text, P).status == "refused"


def test_echo_of_the_question_is_rejected():
    q = "Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?"
    assert echoes("Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu? [1]", q)
    assert AnswerVerifier().verify(f"{q} [2]", P, question=q).status == "rejected"
    assert not echoes("Nam Định đặt mục tiêu trên 7%/năm [2].", q)


@pytest.mark.parametrize(("token", "forms"), [
    ("7,5", {"7.5"}), ("7.5", {"7.5"}), ("1.000", {"1.000", "1000"}), ("08", {"8"}), ("2.500.000", {"2.500.000",
                                                                                                  "2500000"}),
])
def test_number_forms(token, forms):
    assert number_forms(token) == forms


def test_sentences_keep_their_markers():
    assert split_sentences("A là 5%. [1] B là 6% [2].\n- C [3]") == ["A là 5%. [1]", "B là 6% [2].", "- C [3]"]
