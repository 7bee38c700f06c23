"""Generative answers: an LLM writes the answer from numbered passages (``prompts/``), then every marker and
every number is checked (:mod:`assistant.verify`). What fails is dropped; an answer with nothing left, or a model
that cannot be reached, gives way to the extractive answer, and the answer says so.

>>> answerer = GenerativeAnswerer(make_chat_model(settings))  # doctest: +SKIP
>>> for part in answerer.stream(question, passages, extractive):  # doctest: +SKIP
...     print(part if isinstance(part, str) else part.composition.text)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from langchain_core.prompts import ChatPromptTemplate

import prompts
from assistant.extractive import NOT_FOUND, Composition, doc_label
from assistant.injection import REMOVED, without_instructions
from assistant.sentences import split_units
from assistant.types import Citation, Passage
from assistant.verify import MARKER, AnswerVerifier, Verification, canonical_number, numbers_in
from common.text import words

log = logging.getLogger(__name__)

MODEL_UNAVAILABLE = ("Không kết nối được mô hình ngôn ngữ; câu trả lời dưới đây được trích nguyên văn từ tài "
                     "liệu.")
_TAG = re.compile(r"<\s*/?\s*(tai_lieu|lich_su)\s*>", re.IGNORECASE)


_YEARLIKE = re.compile(r"^(?:19|20)\d{2}$")


@dataclass(frozen=True)
class Expectation:
    """What the extractive reader's answer lets us expect of the model's: for a question asking a figure, the
    figures of the quoted sentence (two readers must agree on a number); for "which provinces / compare"
    questions, every province the per-document answer names."""

    figure: bool = False
    provinces: tuple[str, ...] = ()

    def disagreement(self, answer: str, extractive: Composition) -> str:
        if self.figure:
            quoted = {canonical_number(n) for c in extractive.citations for q in c.quotes for n in numbers_in(q)}
            said = {canonical_number(n) for n in numbers_in(answer)}
            quoted, said = ({n for n in x if not _YEARLIKE.match(n)} for x in (quoted, said))
            if quoted and (not said or 2 * len(said & quoted) <= len(said)):  # most of its figures, not one
                return ("the model's figures disagree with the passage sentence that answers the question "
                        f"(model: {sorted(said)}, passage: {sorted(quoted)})")
        missing = [p for p in self.provinces if p not in answer]
        if missing:
            return f"the model's answer leaves out provinces the passages name: {', '.join(missing)}"
        return ""


@dataclass
class Generation:
    """The composed answer plus what happened on the way: ``mode`` is ``generative`` when the model's (checked)
    text is the answer, ``extractive`` when the extractive answer stands in for it."""

    composition: Composition
    mode: str
    checks: dict[str, Any] = field(default_factory=dict)


def as_data(text: str) -> str:
    """Passage text cannot close or open the prompt's data tags."""
    return _TAG.sub(" ", text)


class GenerativeAnswerer:
    """Streams the model's tokens, then yields one :class:`Generation` with the checked answer."""

    def __init__(self, model: BaseChatModel, verifier: AnswerVerifier | None = None, max_passages: int = 5,
                 passage_chars: int = 1200, retries: int = 1, prompt: ChatPromptTemplate | None = None):
        self.model = model
        self.verifier = verifier or AnswerVerifier()
        self.max_passages = max_passages
        self.passage_chars = passage_chars
        self.retries = retries
        self.prompt = prompt or prompts.answer_prompt()
        self.passage_template = prompts.template("passage")

    def select(self, passages: list[Passage], extractive: Composition) -> list[Passage]:
        """The passages the extractive answer quoted first (they hold the fact), then the best of the rest."""
        chosen: dict[str, Passage] = {}
        for p in [c.passage for c in extractive.citations] + passages:
            chosen.setdefault(p.chunk_id, p)
        return list(chosen.values())[: self.max_passages]

    def passage_block(self, n: int, p: Passage, focus: tuple[str, ...] = ()) -> str:
        """Passage ``n`` as the model sees it; a long one cut to a window around ``focus`` (the quoted fact)."""
        text = without_instructions(window(p.text, focus, self.passage_chars))[0]
        return self.passage_template.format(n=n, label=as_data(doc_label(p.metadata or {"title": p.title})),
                                            section=as_data(p.section_path or "(không có)"), text=as_data(text)).strip()

    def blocks(self, given: list[Passage], extractive: Composition) -> list[str]:
        focus = {c.passage.chunk_id: c.quotes for c in extractive.citations}
        return [self.passage_block(i, p, focus.get(p.chunk_id, ())) for i, p in enumerate(given, 1)]

    def messages(self, question: str, blocks: list[str]) -> list[BaseMessage]:
        return self.prompt.format_messages(n_passages=len(blocks), not_found=NOT_FOUND, passages="\n\n".join(blocks),
                                           question=as_data(question))

    def stream(self, question: str, passages: list[Passage], extractive: Composition,
               expect: Expectation | None = None) -> Iterator[str | Generation]:
        if not extractive.found or not passages:
            yield Generation(extractive, "extractive", {"status": "not_called",
                                                        "reason": "no passage answers the question"})
            return
        given = self.select(passages, extractive)
        blocks = self.blocks(given, extractive)
        messages = self.messages(question, blocks)
        text, attempts, error = "", 0, ""
        for attempts in range(1, self.retries + 2):
            try:
                for chunk in self.model.stream(messages):
                    token = chunk.content if isinstance(chunk.content, str) else ""
                    if token:
                        text += token
                        yield token
                error = ""
                break
            except Exception as exc:  # noqa: BLE001 - any client error means the model is unavailable
                error = f"{type(exc).__name__}: {exc}"
                log.warning("language model call failed (attempt %d): %s", attempts, error)
                if text:  # a stream cut half-way cannot be resumed
                    break
        checks: dict[str, Any] = {"model": self.model._llm_type, "passages_given": len(given),  # noqa: SLF001
                                  "attempts": attempts, "raw_answer": text,
                                  "instructions_removed": sum(b.count(REMOVED) for b in blocks)}
        if error:
            fallback = Composition(f"{MODEL_UNAVAILABLE}\n\n{extractive.text}", extractive.found,
                                   extractive.citations)
            yield Generation(fallback, "extractive", {**checks, "status": "model_unavailable", "error": error})
            return
        verification = self.verifier.verify(text, blocks, question)
        checks.update(verification.to_json())
        if verification.status == "refused":
            # The relevance gate found passages that answer; a model that still refuses is not trusted over it.
            checks.update(status="rejected", reason="the model refused although the passages answer the question")
        elif verification.status != "rejected":
            disagreement = (expect or Expectation()).disagreement(verification.text, extractive)
            if not disagreement:
                yield Generation(self._compose(verification, given), "generative", checks)
                return
            checks.update(status="rejected", reason=disagreement)
        yield Generation(extractive, "extractive", checks)

    def compose(self, question: str, passages: list[Passage], extractive: Composition,
                expect: Expectation | None = None) -> Generation:
        *_, last = self.stream(question, passages, extractive, expect)
        assert isinstance(last, Generation)
        return last

    @staticmethod
    def _compose(v: Verification, given: list[Passage]) -> Composition:
        """Markers renumbered by first appearance ([1], [2], ...), each citation with the passage sentences
        that carry the facts of the answer sentences citing it."""
        order = {old: new for new, old in enumerate(v.cited, 1)}
        text = MARKER.sub(lambda m: f"[{order[int(m.group(1))]}]", v.text)
        citations = []
        for old, new in order.items():
            p = given[old - 1]
            citing = [s.text for s in v.sentences if s.kept and old in s.markers]
            citations.append(Citation(new, p, _quotes(p.text, citing)))
        return Composition(text, True, citations)


def window(text: str, quotes: tuple[str, ...], limit: int) -> str:
    """At most ``limit`` characters of ``text``, around the first quoted sentence when there is one.

    >>> window("a " * 10 + "MỤC TIÊU 7%" + " b" * 10, ("MỤC TIÊU 7%",), 16)
    '… a MỤC TIÊU 7% b …'
    """
    if len(text) <= limit:
        return text
    at = next((text.find(q) for q in quotes if q and text.find(q) >= 0), 0)
    start = max(0, min(at - limit // 4, len(text) - limit))
    if start:
        start = text.find(" ", start) + 1 or start
    end = start + limit
    piece = text[start:end] if end >= len(text) else text[start:end].rsplit(" ", 1)[0]
    return ("… " if start else "") + piece.strip() + (" …" if end < len(text) else "")


def _quotes(passage: str, sentences: list[str], limit: int = 3) -> tuple[str, ...]:
    """Passage units sharing a number with the answer sentences, else the unit sharing most words."""
    facts = {n for s in sentences for n in numbers_in(s)}
    units = split_units(passage)
    with_facts = [u.text for u in units if facts & set(numbers_in(u.text))]
    if with_facts:
        return tuple(with_facts[:limit])
    said = {w for s in sentences for w in words(MARKER.sub(" ", s))}
    best = max(units, key=lambda u: len(said & set(words(u.text))), default=None)
    return (best.text,) if best and said & set(words(best.text)) else ()
