"""The feedback store on a real SQLite file: what a record keeps, 20 writer threads, CSV out, bad input."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import threading
from datetime import UTC, datetime, timedelta

import pytest

from assistant.feedback import COLUMNS, FeedbackError, FeedbackStore
from assistant.types import Answer, Citation, Passage
from common.errors import PlanAssistantError
from common.settings import Settings

QUOTE = "Tốc độ tăng năng suất lao động bình quân đạt trên 6,5%/năm."
ND = Passage(1, "c-1", "doc-nd", "/corpus/nam-dinh-285.pdf", "Kế hoạch 285/KH-UBND tỉnh Nam Định",
             "I. MỤC TIÊU > 2. Mục tiêu cụ thể", 3, "a) Đến năm 2025: " + QUOTE, 0.9, {"province": "Nam Định"})
WEB = Passage(2, "c-2", "doc-web", "https://example.vn/tin", "Tin tức \"năng suất\", 2024", "", None,
              "Nội dung <script>alert(1)</script>", 0.4)


def answer(text: str = "Năng suất lao động tăng trên 6,5%/năm [1], theo tin tức [2].") -> Answer:
    return Answer("Mục tiêu của Nam Định?", text, True, [Citation(1, ND, (QUOTE,)), Citation(2, WEB)],
                  [ND, WEB], {"total": 12.5})


def test_record_keeps_everything(tmp_path):
    path = tmp_path / "sub" / "feedback.sqlite3"
    store = FeedbackStore(path)
    assert not path.exists()  # schema is created on first use
    before = datetime.now(UTC).replace(microsecond=0)
    rid = store.record("Mục tiêu của Nam Định?", answer(), "up", comment="Rất hữu ích, cảm ơn!",
                       history=["Kế hoạch nâng cao năng suất là gì?", "Tỉnh nào ban hành?"])
    assert rid == 1 and path.exists() and store.count() == 1
    [r] = store.list()
    assert (r.id, r.rating, r.question, r.found) == (1, "up", "Mục tiêu của Nam Định?", True)
    assert r.answer == answer().text and r.comment == "Rất hữu ích, cảm ơn!"
    assert r.history == ("Kế hoạch nâng cao năng suất là gì?", "Tỉnh nào ban hành?")
    created = datetime.fromisoformat(r.created_at)
    assert created.utcoffset() == timedelta(0) and before <= created <= datetime.now(UTC)
    assert r.citations == (
        {"n": 1, "title": ND.title, "section_path": ND.section_path, "page": 3, "source": ND.source,
         "doc_id": "doc-nd", "quotes": [QUOTE]},
        {"n": 2, "title": WEB.title, "section_path": "", "page": None, "source": WEB.source, "doc_id": "doc-web",
         "quotes": []},
    )
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        raw = conn.execute("SELECT history, citations FROM feedback").fetchone()
    assert "Tỉnh nào ban hành?" in raw[0] and "Mục tiêu cụ thể" in raw[1]  # readable JSON, not \u escapes
    assert r.to_json()["history"] == list(r.history) and r.to_json()["citations"][0]["quotes"] == [QUOTE]


def test_list_is_newest_first_with_limit_and_count_by_rating(tmp_path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    for i, rating in enumerate(["up", "down", "up", "UP "]):
        store.record(f"Câu hỏi {i}", answer(), rating)
    assert [r.question for r in store.list(limit=2)] == ["Câu hỏi 3", "Câu hỏi 2"]
    assert [r.question for r in store.list(limit=2, offset=2)] == ["Câu hỏi 1", "Câu hỏi 0"]
    assert len(store.list(limit=None)) == 4
    assert (store.count(), store.count("up"), store.count("down")) == (4, 3, 1)
    with pytest.raises(FeedbackError, match="-1"):
        store.list(limit=-1)


def test_twenty_threads_at_once_all_land(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    start = threading.Barrier(20)
    ids, errors = [], []

    def worker(i: int) -> None:
        try:
            start.wait()
            ids.append(store.record(f"Câu hỏi số {i} về Bắc Ninh", answer(), "up" if i % 2 else "down",
                                    comment=f"luồng {i}"))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert sorted(ids) == list(range(1, 21))
    assert store.count() == 20 and store.count("up") == 10
    assert {r.comment for r in store.list(limit=None)} == {f"luồng {i}" for i in range(20)}


def test_csv_round_trips_vietnamese_text(tmp_path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    tricky = "Dòng 1, có dấu phẩy\nDòng 2 có \"ngoặc kép\" — và Đ, ư, ơ, ỹ"
    store.record("Mục tiêu của Nam Định?", answer(), "up", comment=tricky, history=["Câu trước?"])
    store.record("Bắc Ninh hỗ trợ gì?", answer("- Hỗ trợ 50% chi phí [1]"), "down")
    text = store.to_csv()
    assert not text.startswith("\ufeff")
    out = tmp_path / "feedback.csv"
    out.write_text(text, encoding="utf-8", newline="")
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(COLUMNS)
    first, second = (dict(zip(rows[0], row, strict=True)) for row in rows[1:])
    assert (first["id"], first["rating"], first["found"]) == ("1", "up", "1")
    assert first["question"] == "Mục tiêu của Nam Định?" and first["comment"] == tricky
    assert first["answer"] == answer().text
    assert json.loads(first["history"]) == ["Câu trước?"]
    citations = json.loads(first["citations"])
    assert [c["title"] for c in citations] == [ND.title, WEB.title] and citations[0]["quotes"] == [QUOTE]
    assert second["answer"] == "- Hỗ trợ 50% chi phí [1]"  # plain CSV is left exactly as stored


def test_csv_for_excel_has_bom_and_defused_formulas(tmp_path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    store.record("=HYPERLINK(\"http://x\")", answer("- Hỗ trợ 50% chi phí [1]"), "down", comment="Sai số liệu")
    text = store.to_csv(excel=True)
    assert text.startswith("\ufeff") and text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(text[1:])))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["question"] == "'=HYPERLINK(\"http://x\")"
    assert row["answer"] == "'- Hỗ trợ 50% chi phí [1]"
    assert row["comment"] == "Sai số liệu"


@pytest.mark.parametrize("rating", ["good", "", "👍", None, 1])
def test_bad_rating_raises_and_stores_nothing(tmp_path, rating):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    with pytest.raises(FeedbackError, match="rating must be 'up' or 'down'") as err:
        store.record("Câu hỏi?", answer(), rating)
    assert repr(rating) in str(err.value)
    assert isinstance(err.value, ValueError) and isinstance(err.value, PlanAssistantError)
    assert err.value.user_message().startswith("Phản hồi không hợp lệ.")
    assert store.count() == 0


@pytest.mark.parametrize("kwargs", [{"comment": None}, {"history": "một chuỗi"}, {"history": ["ok", 3]}])
def test_bad_comment_or_history_raises(tmp_path, kwargs):
    with pytest.raises(FeedbackError):
        FeedbackStore(tmp_path / "f.sqlite3").record("Câu hỏi?", answer(), "up", **kwargs)


def test_store_in_the_data_directory(tmp_path):
    store = FeedbackStore.in_data_dir(Settings(data_dir=tmp_path / "data"))
    assert store.path == tmp_path / "data" / "feedback.sqlite3"
    store.record("Câu hỏi?", answer(), "down")
    assert FeedbackStore(tmp_path / "data" / "feedback.sqlite3").count() == 1  # a second store sees it
