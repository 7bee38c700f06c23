"""A LangChain chat model over a local GGUF file, run in process by llama-cpp-python.

>>> model = GGUFChatModel(model_path="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf")  # doctest: +SKIP
>>> model.invoke("Xin chào").content  # doctest: +SKIP
'Xin chào! ...'

The file is loaded on first use; llama.cpp is not thread-safe, so calls are serialised by a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr

from common.errors import ModelUnavailableError

_ROLES = {"human": "user", "ai": "assistant", "system": "system"}


class GGUFChatModel(BaseChatModel):
    model_path: str
    n_ctx: int = 4096
    n_threads: int = 2
    temperature: float = 0.0
    max_tokens: int = 400
    seed: int = 7

    _llama: Any = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp-gguf"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_path": self.model_path, "n_ctx": self.n_ctx, "temperature": self.temperature}

    def _client(self) -> Any:
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError as exc:
                raise ModelUnavailableError("llama-cpp-python is not installed (pip install llama-cpp-python)") \
                    from exc
            try:
                self._llama = Llama(model_path=self.model_path, n_ctx=self.n_ctx, n_threads=self.n_threads,
                                    seed=self.seed, verbose=False)
            except (ValueError, OSError, RuntimeError) as exc:
                raise ModelUnavailableError(f"cannot load GGUF model {self.model_path}: {exc}") from exc
        return self._llama

    @staticmethod
    def _messages(messages: list[BaseMessage]) -> list[dict[str, str]]:
        return [{"role": _ROLES.get(m.type, "user"), "content": str(m.content)} for m in messages]

    def _params(self, stop: list[str] | None, **kwargs: Any) -> dict[str, Any]:
        return {"temperature": kwargs.get("temperature", self.temperature),
                "max_tokens": kwargs.get("max_tokens", self.max_tokens), "stop": stop or [], "seed": self.seed}

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        llama = self._client()
        with self._lock:
            out = llama.create_chat_completion(messages=self._messages(messages), **self._params(stop, **kwargs))
        choice = out["choices"][0]
        usage = out.get("usage") or {}
        message = AIMessage(content=choice["message"].get("content") or "",
                            response_metadata={"finish_reason": choice.get("finish_reason"), "usage": usage})
        return ChatResult(generations=[ChatGeneration(message=message)], llm_output={"usage": usage})

    def _stream(self, messages: list[BaseMessage], stop: list[str] | None = None,
                run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        llama = self._client()
        with self._lock:
            for part in llama.create_chat_completion(messages=self._messages(messages), stream=True,
                                                     **self._params(stop, **kwargs)):
                token = part["choices"][0].get("delta", {}).get("content") or ""
                if not token:
                    continue
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=token))
                if run_manager:
                    run_manager.on_llm_new_token(token, chunk=chunk)
                yield chunk
