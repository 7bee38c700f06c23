"""A configured model that cannot be reached: the extractive answer, a Vietnamese note saying so, and a record
of the attempts; the real LangChain clients (OpenAI-compatible, Ollama) against a closed port on 127.0.0.1."""

from __future__ import annotations

import pytest

from assistant.generative import MODEL_UNAVAILABLE
from assistant.llm import make_chat_model
from assistant.service import Assistant
from common.errors import ConfigError
from common.settings import Settings
from tests.servers import free_port

QUESTION = "Cơ quan nào chủ trì kế hoạch của tỉnh Nam Định?"


@pytest.mark.parametrize("backend", ["openai", "ollama"])
def test_unreachable_model_falls_back_to_the_extractive_answer(indexed_assistant, backend):
    port = free_port()  # nobody listens: connections are refused
    url = f"http://127.0.0.1:{port}/v1" if backend == "openai" else f"http://127.0.0.1:{port}"
    settings = Settings(data_dir=indexed_assistant.settings.data_dir, llm_backend=backend, llm_model="qwen",
                        llm_base_url=url, llm_timeout_s=2, llm_retries=1)
    assistant = Assistant(indexed_assistant.store, settings, llm=make_chat_model(settings))
    extractive = indexed_assistant.ask(QUESTION)
    answer = assistant.ask(QUESTION)
    assert answer.text.startswith(MODEL_UNAVAILABLE)
    assert answer.text.endswith(extractive.text)  # the extractive answer, word for word
    assert answer.found and [c.passage.chunk_id for c in answer.citations] == \
        [c.passage.chunk_id for c in extractive.citations]
    assert answer.mode == "extractive"
    checks = answer.to_json()["verification"]
    assert checks["status"] == "model_unavailable" and checks["attempts"] == 2
    assert "Connect" in checks["error"] or "connect" in checks["error"]


def test_backends_say_what_they_need():
    with pytest.raises(ConfigError, match="LLM_BASE_URL"):
        make_chat_model(Settings(llm_backend="openai"))
    with pytest.raises(ConfigError, match="LLM_MODEL"):
        make_chat_model(Settings(llm_backend="ollama"))
    with pytest.raises(ConfigError, match="not found"):
        make_chat_model(Settings(llm_backend="gguf", llm_gguf_path="/nonexistent/model.gguf"))
    assert make_chat_model(Settings()) is None
