"""Follow-up rewriting by the configured LLM, with the rule-based rewriter as the fallback and the judge of
whether a question is a follow-up at all.

>>> rewriter = LLMFollowUpRewriter(make_chat_model(settings), FollowUpRewriter(ProvinceGazetteer()))  # doctest: +SKIP
>>> rewriter.rewrite("Còn TFP thì sao?", ["Mục tiêu năng suất lao động của Nam Định đến 2025?"])  # doctest: +SKIP
'Mục tiêu TFP của Nam Định đến 2025 là bao nhiêu?'
"""

from __future__ import annotations

import logging
import re

from langchain_core.language_models import BaseChatModel

import prompts
from assistant.followup import FollowUpRewriter
from assistant.generative import as_data
from common.text import words

log = logging.getLogger(__name__)
_PREFIX = re.compile(r"^(?:câu hỏi viết lại|câu hỏi mới|câu hỏi|rewritten question)\s*:\s*", re.IGNORECASE)


def clean_rewrite(raw: str, question: str, history: list[str]) -> str | None:
    """The model's first non-empty line without labels or quotes; None when it is not a plausible question.

    >>> clean_rewrite('Câu hỏi viết lại: "Mục tiêu TFP của Nam Định?"\\nGiải thích ...', "Còn TFP?", ["..."])
    'Mục tiêu TFP của Nam Định?'
    >>> clean_rewrite("", "Còn TFP?", []) is None
    True
    """
    line = next((x.strip() for x in raw.splitlines() if x.strip()), "")
    line = _PREFIX.sub("", line).strip(" \"'“”`*")
    limit = 2 * (len(question) + max((len(h) for h in history), default=0)) + 40
    if not line or len(line) > limit or not words(line):
        return None
    return line


class LLMFollowUpRewriter:
    def __init__(self, model: BaseChatModel, fallback: FollowUpRewriter, history_turns: int = 3):
        self.model = model
        self.fallback = fallback
        self.history_turns = history_turns
        self.prompt = prompts.rewrite_prompt()

    @property
    def gazetteer(self):  # noqa: ANN201 - the same gazetteer as the rule-based rewriter
        return self.fallback.gazetteer

    def rewrite(self, question: str, history: list[str] | None) -> str:
        history = [h for h in (history or []) if h and h.strip()]
        if not history or not self.fallback.is_followup(question):
            return question
        recent = history[-self.history_turns:]
        messages = self.prompt.format_messages(history="\n".join(f"- {as_data(h)}" for h in recent),
                                               question=as_data(question))
        try:
            raw = self.model.invoke(messages).content
        except Exception as exc:  # noqa: BLE001 - any model failure: the rules still rewrite
            log.warning("follow-up rewriting by the model failed, using the rules: %s", exc)
            return self.fallback.rewrite(question, history)
        rewritten = clean_rewrite(raw if isinstance(raw, str) else "", question, recent)
        return rewritten or self.fallback.rewrite(question, history)
