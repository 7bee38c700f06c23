"""Documents a question names by number ("Quyết định 1305/QĐ-TTg", "Nghị quyết 20/2021/NQ-HĐND"), resolved
against the library: which numbers are documents it holds, and which are not.

A number is held when an indexed document carries it as its own number (its header, legal-site fields, or the
plan a news article reports on). A number the library does not hold may still be mentioned by documents it holds
(a plan that carries out "Quyết định 1322/QĐ-TTg"): what they say of it is all the library can tell, and a question
that only the document itself answers (who signed it) cannot be answered.

>>> number_key("36/QD-TTg") == number_key("36/QĐ-TTg") == number_key("36 / QĐ - TTg")
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from assistant import evidence as ev
from assistant.sentences import split_units
from assistant.types import Passage
from common.text import fold


def number_key(number: str) -> str:
    """A document number (or a text naming one) compared without spaces around its separators, case or
    diacritics."""
    return fold(re.sub(r"\s*([/-])\s*", r"\1", number.strip())).upper()


@dataclass(frozen=True)
class NamedDocuments:
    """The numbers a question names: ``held`` maps each held number to its documents' ids; ``absent`` lists
    the others as the question wrote them."""

    held: dict[str, tuple[str, ...]]
    absent: list[str]

    @property
    def only_absent(self) -> bool:
        """Every number the question names is missing from the library."""
        return bool(self.absent) and not self.held

    @classmethod
    def resolve(cls, numbers: Sequence[str], by_number: Mapping[str, Sequence[str]]) -> "NamedDocuments":
        keyed: dict[str, list[str]] = {}
        for number, ids in by_number.items():
            keyed.setdefault(number_key(number), []).extend(ids)
        held: dict[str, tuple[str, ...]] = {}
        absent: list[str] = []
        for n in dict.fromkeys(numbers):
            ids = keyed.get(number_key(n))
            if ids:
                held[n] = tuple(dict.fromkeys(ids))
            else:
                absent.append(n)
        return cls(held, absent)


def own_first(passages: Sequence[Passage], named: NamedDocuments) -> list[Passage]:
    """``passages`` with the best passage of each document the question names by number (and the library holds)
    first: a document is the primary source on itself, and the user asked about that one. Other passages keep
    their order.

    >>> from types import SimpleNamespace as Doc  # only the document id is read
    >>> ps = [Doc(doc_id="news"), Doc(doc_id="qd"), Doc(doc_id="qd"), Doc(doc_id="other")]
    >>> [p.doc_id for p in own_first(ps, NamedDocuments({"1322/QĐ-TTg": ("qd",)}, []))]
    ['qd', 'news', 'qd', 'other']
    """
    ids = {i for held in named.held.values() for i in held}
    lead: list[Passage] = []
    for p in passages:
        if p.doc_id in ids and not any(q.doc_id == p.doc_id for q in lead):
            lead.append(p)
    return lead + [p for p in passages if not any(p is q for q in lead)]


def of_another_document(passage: Passage, named: NamedDocuments) -> bool:
    """``passage`` is of another numbered document that does not name the question's held ones: it speaks of itself,
    so it does not answer for them ("Nghị định 269/2025/NĐ-CP có hiệu lực từ ngày nào" is not answered by Nghị định
    55/2023/NĐ-CP's effect clause). Passages of the named documents, naming their numbers, or of documents with no
    number of their own (news reporting on one) are not.

    >>> from types import SimpleNamespace as Doc
    >>> named = NamedDocuments({"269/2025/NĐ-CP": ("nd269",)}, [])
    >>> [of_another_document(Doc(doc_id=i, text=t, metadata=m), named) for i, t, m in [
    ...     ("nd55", "Nghị định này có hiệu lực từ ngày 05/9/2023.", {"doc_number": "55/2023/NĐ-CP"}),
    ...     ("nd269", "...", {"doc_number": "269/2025/NĐ-CP"}), ("news", "Đô thị thông minh ...", {}),
    ...     ("kh", "Thực hiện Nghị định 269/2025/NĐ-CP ...", {"doc_number": "12/KH-UBND"})]]
    [True, False, False, False]
    """
    ids = {i for held in named.held.values() for i in held}
    return bool(passage.doc_id not in ids and passage.metadata.get("doc_number")
                and not any(mentions(passage.text, n) for n in named.held))


def mentions(text: str, number: str) -> bool:
    """``text`` names the document ``number`` (not as part of a longer number: "36/QĐ-TTg" is not in
    "136/QĐ-TTg")."""
    key = number_key(number)
    return bool(re.search(rf"(?<![\w/]){re.escape(key)}(?![\w])", number_key(text)))


def _reports_signing(text: str, number: str) -> bool:
    """A sentence of ``text`` names the document ``number`` and who signed it ("Phó Thủ tướng Trần Hồng Hà ký ban
    hành Quyết định số 1305/QĐ-TTg"): news reports a decision's signer, as its signature block states it.

    >>> _reports_signing("Ngày 8/11, Phó Thủ tướng Trần Hồng Hà ký ban hành Quyết định số 1305/QĐ-TTg.", "1305/QĐ-TTg")
    True
    >>> _reports_signing("Sở KH&CN tham mưu UBND tỉnh ban hành Kế hoạch 573/KH-UBND.", "573/KH-UBND")
    False
    """
    return any(mentions(u.text, number) and ev.SIGNED.search(u.text) and ev.ROLE_NAME.search(u.text)
               for u in split_units(text))


class AbsentDocuments:
    """Answers about documents the library does not hold come only from passages that mention them; a question
    only the document itself answers (its signer, unless a passage reports the signing), or one about a document
    nothing mentions, is refused, naming the indexed documents that mention it."""

    def __init__(self, store, search_depth: int = 30):  # noqa: ANN001 - PlanStore
        self.store = store
        self.search_depth = search_depth

    def narrow(self, analysis, named: NamedDocuments, passages: list, where=None):  # noqa: ANN001, ANN201
        """``(passages, refusal)``: the passages that mention an absent number (the pool's first, then the
        library's), or a refusal :class:`~assistant.extractive.Composition`."""
        from assistant.extractive import NOT_FOUND, Composition, doc_label
        from assistant.retriever import HybridRetriever

        def mentioning(items: list) -> list:  # (a document titled after the one it carries out speaks of it all through)
            return [p for p in items if any(mentions(f"{p.title}\n{p.text}", n) for n in named.absent)]

        found = mentioning(passages)
        if not found:
            hits = [h for n in named.absent for h in self.store.lexical_search(n, self.search_depth, where)]
            found = mentioning([HybridRetriever._passage(i + 1, doc.metadata["chunk_id"], doc, score)
                                for i, (doc, score) in enumerate(hits)])
        names = ", ".join(named.absent)
        answering = found
        if analysis.intent == "signer":  # a document's signer: only where a passage reports who signed it
            answering = [p for p in found if any(_reports_signing(p.text, n) for n in named.absent)]
        if answering:
            return [replace(p, rank=i + 1) for i, p in enumerate(answering)], None
        text = f"{NOT_FOUND} Thư viện chưa có văn bản {names}."
        labels = list(dict.fromkeys(doc_label(p.metadata) for p in found))[:5]
        if labels:
            text += " Các tài liệu đã lập chỉ mục có nhắc đến văn bản này: " + "; ".join(labels) + "."
        return passages, Composition(text, False)
