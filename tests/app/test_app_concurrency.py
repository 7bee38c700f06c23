"""Concurrent questions: the app's concurrency setting reaches Gradio's queue, ``settings.concurrency`` questions
are answered at once (never more), and answers given side by side are the ones given alone."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from gradio_client import Client

from tests.servers import running_app

QUESTIONS = [
    ("Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?", [], "7%"),
    ("Còn đến năm 2030 thì sao?", ["Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?"], "7,5%"),
    ("Bắc Ninh đặt mục tiêu tăng năng suất lao động bao nhiêu phần trăm mỗi năm?", [], "12,5%"),
    ("Ai ký ban hành kế hoạch nâng cao năng suất của Nam Định?", [], "Trần Lê Đoài"),
    ("Giám đốc Sở KH&CN Quảng Ninh là ai?", [], "Hoàng Bá Nam"),
    ("Cơ quan nào là đầu mối, chủ trì triển khai kế hoạch nâng cao năng suất của tỉnh Nam Định?", [],
     "Sở Khoa học và Công nghệ"),
]
HOLD_S = 0.4  # each question is held this long in the server, so overlapping calls overlap whatever the CPU


class InFlight:
    """Wraps ``assistant.ask``: counts the calls running at the same moment (the most seen in ``peak``)."""

    def __init__(self, ask) -> None:  # noqa: ANN001
        self.ask, self.now, self.peak, self.lock = ask, 0, 0, threading.Lock()

    def __call__(self, *args, **kwargs):  # noqa: ANN002, ANN003
        with self.lock:
            self.now += 1
            self.peak = max(self.peak, self.now)
        try:
            time.sleep(HOLD_S)
            return self.ask(*args, **kwargs)
        finally:
            with self.lock:
                self.now -= 1


def _server(app_assistant, limit: int):
    return running_app(app_assistant, app_assistant.settings.model_copy(update={"concurrency": limit}))


@pytest.fixture(scope="module")
def url_limit_2(app_assistant):
    with _server(app_assistant, 2) as url:
        yield url


@pytest.fixture(scope="module")
def url_limit_1(app_assistant):
    with _server(app_assistant, 1) as url:
        yield url


def _ask_all(url: str, questions=QUESTIONS) -> list[dict]:  # noqa: ANN001
    def one(item):  # noqa: ANN001, ANN202
        question, history, _ = item
        return Client(url, verbose=False).predict(question, history, api_name="/ask")

    with ThreadPoolExecutor(len(questions)) as pool:
        return list(pool.map(one, questions))


def _without_timings(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "timings_ms"}


def test_the_setting_reaches_the_queue(app_assistant):
    import app as web

    demo = web.build_app(app_assistant, app_assistant.settings.model_copy(update={"concurrency": 3}))
    assert demo._queue.default_concurrency_limit == 3
    questions = {f.fn.__name__: f for f in demo.fns.values() if f.fn and f.fn.__name__ in ("ask_api", "export_api",
                                                                                           "respond")}
    assert set(questions) == {"ask_api", "export_api", "respond"}
    for f in questions.values():  # one group: three questions at once in all, not three per event
        assert (f.concurrency_limit, f.concurrency_id) == (3, web.QUESTIONS)


def test_concurrent_answers_are_the_sequential_ones_and_two_run_at_once(url_limit_2, app_assistant, monkeypatch):
    client = Client(url_limit_2, verbose=False)
    alone = [client.predict(q, h, api_name="/ask") for q, h, _ in QUESTIONS]
    counter = InFlight(app_assistant.ask)
    monkeypatch.setattr(app_assistant, "ask", counter)
    together = _ask_all(url_limit_2)
    assert counter.peak == 2, counter.peak  # two at once, never more
    for (question, _, fact), one, many in zip(QUESTIONS, alone, together, strict=True):
        assert many["question"] == question and fact in many["answer"], many["answer"]
        assert many["found"] is True and many["citations"]
        assert _without_timings(many) == _without_timings(one)


def test_limit_one_answers_one_at_a_time(url_limit_1, app_assistant, monkeypatch):
    counter = InFlight(app_assistant.ask)
    monkeypatch.setattr(app_assistant, "ask", counter)
    answers = _ask_all(url_limit_1, QUESTIONS[:4])
    assert counter.peak == 1
    assert all(fact in a["answer"] for (_, _, fact), a in zip(QUESTIONS, answers))
