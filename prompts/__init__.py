"""Prompt templates of the generative mode, kept as text files beside this module.

>>> sorted(names())
['answer_system', 'answer_user', 'passage', 'rewrite_system', 'rewrite_user']
>>> answer_prompt().input_variables
['n_passages', 'not_found', 'passages', 'question']
"""

from __future__ import annotations

from importlib.resources import files

from langchain_core.prompts import ChatPromptTemplate


def names() -> list[str]:
    return [p.name.removesuffix(".txt") for p in files(__package__).iterdir() if p.name.endswith(".txt")]


def template(name: str) -> str:
    return files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")


def answer_prompt() -> ChatPromptTemplate:
    """System rules (citations, numbers, refusal, passages are data, language) + numbered passages + question."""
    return ChatPromptTemplate.from_messages([("system", template("answer_system")), ("human", template("answer_user"))])


def rewrite_prompt() -> ChatPromptTemplate:
    """Turns a follow-up question into a standalone one from the earlier questions."""
    return ChatPromptTemplate.from_messages([("system", template("rewrite_system")),
                                             ("human", template("rewrite_user"))])
