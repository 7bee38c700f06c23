"""The configured LangChain chat model, or None for the extractive default.

>>> make_chat_model(Settings()) is None
True
>>> make_chat_model(Settings(llm_backend="openai", llm_base_url="http://127.0.0.1:8080/v1")).openai_api_base
'http://127.0.0.1:8080/v1'

Backends: ``ollama`` (langchain-ollama), ``openai`` (any OpenAI-compatible server: vLLM, llama.cpp's server,
LM Studio; langchain-openai with a base URL), ``gguf`` (a local file run in process by llama-cpp-python; without
a path, the packaged Qwen2.5-Coder 1.5B model). Retries are done by the answerer, so the clients do not retry.
"""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel

from common.errors import ConfigError
from common.settings import Settings


def make_chat_model(settings: Settings) -> BaseChatModel | None:
    backend = settings.llm_backend
    if backend == "none":
        return None
    if backend == "ollama":
        from langchain_ollama import ChatOllama

        if not settings.llm_model:
            raise ConfigError("llm_backend=ollama needs PLAN_ASSISTANT_LLM_MODEL (e.g. qwen2.5:7b-instruct)")
        return ChatOllama(model=settings.llm_model, base_url=settings.llm_base_url or "http://127.0.0.1:11434",
                          temperature=settings.llm_temperature, num_predict=settings.llm_max_tokens,
                          client_kwargs={"timeout": settings.llm_timeout_s})
    if backend == "openai":
        from langchain_openai import ChatOpenAI

        if not settings.llm_base_url:
            raise ConfigError("llm_backend=openai needs PLAN_ASSISTANT_LLM_BASE_URL (e.g. http://127.0.0.1:8080/v1)")
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
        return ChatOpenAI(model=settings.llm_model or "local", base_url=settings.llm_base_url, api_key=key,
                          temperature=settings.llm_temperature, max_tokens=settings.llm_max_tokens,
                          timeout=settings.llm_timeout_s, max_retries=0, seed=7)
    if backend == "gguf":
        from assistant.gguf_chat import GGUFChatModel
        from assistant.packaged_model import PACKAGED, packaged_gguf

        path = settings.llm_gguf_path or packaged_gguf(settings.model_cache_dir, PACKAGED[settings.llm_packaged_model])
        if not path.is_file():
            raise ConfigError(f"GGUF model file not found: {path}")
        return GGUFChatModel(model_path=str(path), n_ctx=settings.llm_context_tokens, n_threads=settings.llm_threads,
                             temperature=settings.llm_temperature, max_tokens=settings.llm_max_tokens)
    raise ConfigError(f"unknown llm_backend {backend!r}")
