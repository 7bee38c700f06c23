"""Check a generated answer against the passages the model was given, and repair it.

Every ``[n]`` must name a passage that was given; every number (percentages, years, dates, counts) and every
document number in a sentence must occur in a passage that sentence cites. A sentence that fails is dropped;
an answer left with no cited sentence is rejected (the caller then uses the extractive answer).

>>> passages = ["Tăng năng suất lao động bình quân trên 7%/năm giai đoạn 2021-2025."]
>>> v = AnswerVerifier().verify("Năng suất tăng trên 7%/năm [1]. Đến 2030 tăng 9% [1]. Xem [3].", passages)
>>> v.status, v.text
('repaired', 'Năng suất tăng trên 7%/năm [1].')
>>> v.unsupported_facts, v.invalid_markers
(('2030', '9'), (3,))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, Sequence

from common.text import fold, words
from ingest.metadata import find_doc_numbers

Status = Literal["passed", "repaired", "rejected", "refused"]

MARKER = re.compile(r"\[(\d{1,3})\]")
_MARKER_RUN = re.compile(r"\s*(?:\[\d{1,3}\]\s*)+")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_SENTENCE = re.compile(r"(?<=[.!?…])(?:\s*(?:\[\d{1,3}\]\s*)*)\s+(?=\S)")
_REFUSAL = ("khong tim thay thong tin", "khong co thong tin", "tai lieu khong de cap", "khong duoc de cap",
            "not found in the documents", "documents do not contain", "no information")


def canonical_number(token: str) -> str:
    """One form for "7,5" and "7.5"; leading zeros dropped ("05" → "5").

    >>> [canonical_number(t) for t in ("7,5", "7.5", "1.000", "05", "2025")]
    ['7.5', '7.5', '1.000', '5', '2025']
    """
    parts = re.split(r"[.,]", token)
    head = parts[0].lstrip("0") or "0"
    return ".".join([head, *parts[1:]])


def number_forms(token: str) -> set[str]:
    """The values a written number may mean: "1.000" is one thousand or (in English) one; "7,5" only 7.5.

    >>> sorted(number_forms("1.000")), sorted(number_forms("7,5"))
    (['1.000', '1000'], ['7.5'])
    """
    forms = {canonical_number(token)}
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", token):
        forms.add(canonical_number(re.sub(r"[.,]", "", token)))
    return forms


def numbers_in(text: str) -> list[str]:
    """The numbers written in ``text`` outside [n] markers; each part of a date or a range on its own.

    >>> numbers_in("Giai đoạn 2021-2025, tăng 7,5%/năm [2]; ngày 05/6/2023.")
    ['2021', '2025', '7,5', '05', '6', '2023']
    """
    text = MARKER.sub(" ", text)
    return [m.group(0).rstrip(".,") for m in _NUMBER.finditer(text)]


def number_support(text: str) -> set[str]:
    """What the numbers of a passage can support; a date's day and month do not count, its year does."""
    years = [d.rsplit("/", 1)[1] for d in dates_in(text)]
    return {f for t in numbers_in(_DATE.sub(" ", text)) + years for f in number_forms(t)}


_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)|"
                   r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", re.IGNORECASE)


def dates_in(text: str) -> list[str]:
    """Full dates as d/m/yyyy, however written.

    >>> dates_in("ngày 08/9/2023 và ngày 5 tháng 6 năm 2024")
    ['8/9/2023', '5/6/2024']
    """
    out = []
    for m in _DATE.finditer(text):
        d, mo, y = [g for g in m.groups() if g is not None]
        out.append(f"{int(d)}/{int(mo)}/{y}")
    return out


def _doc_key(number: str) -> str:
    return re.sub(r"\s+", "", number).casefold()


def is_refusal(text: str) -> bool:
    f = fold(text)
    return any(r in f for r in _REFUSAL) and not MARKER.search(text)


def echoes(answer: str, question: str) -> bool:
    """The answer only restates the question (small models do): no new word beyond markers and fillers.

    >>> echoes("Mục tiêu của Nam Định đến năm 2025 là bao nhiêu [1]", "Mục tiêu của Nam Định đến năm 2025 là bao nhiêu?")
    True
    >>> echoes("Mục tiêu của Nam Định đến năm 2025 là trên 7%/năm [1].", "Mục tiêu của Nam Định là bao nhiêu?")
    False
    """
    said = set(words(MARKER.sub(" ", answer).replace("[n]", " "))) - {"n"}
    return bool(said) and said <= set(words(question)) | {"la", "cua", "tinh", "theo", "ke", "hoach"}


@dataclass(frozen=True)
class SentenceCheck:
    text: str
    markers: tuple[int, ...]
    facts: tuple[str, ...]
    unsupported: tuple[str, ...]
    kept: bool
    recited: bool = False


@dataclass(frozen=True)
class Verification:
    """What was checked and what the checker did; ``text`` is the answer after repair."""

    status: Status
    text: str
    cited: tuple[int, ...] = ()
    sentences: tuple[SentenceCheck, ...] = ()
    invalid_markers: tuple[int, ...] = ()
    unsupported_facts: tuple[str, ...] = ()
    reason: str = ""
    checked_facts: int = 0
    checked_markers: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "reason": self.reason, "checked_markers": self.checked_markers,
                "checked_facts": self.checked_facts, "invalid_markers": list(self.invalid_markers),
                "unsupported_facts": list(self.unsupported_facts),
                "dropped_sentences": [s.text for s in self.sentences if not s.kept],
                "recited_sentences": [s.text for s in self.sentences if s.recited]}


def split_sentences(text: str) -> list[str]:
    """Sentences with the [n] markers that follow them; lines and list items are sentences too."""
    out = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        pos = 0
        for m in _SENTENCE.finditer(line):
            end = m.start() + len(m.group(0).rstrip())
            out.append(line[pos:end].strip())
            pos = end
        out.append(line[pos:].strip())
    merged: list[str] = []
    for s in out:
        if merged and s and not MARKER.sub("", s).strip():  # "... 8%/năm. [2]": the marker closes that sentence
            merged[-1] = f"{merged[-1]} {s}"
        elif s:
            merged.append(s)
    return merged


class AnswerVerifier:
    """Checks citations and facts sentence by sentence. A sentence without its own marker is covered by the
    markers of the next cited sentence of the same paragraph ("Kế hoạch đặt hai mục tiêu: ... [2]")."""

    def facts(self, sentence: str) -> list[str]:
        """Numbers, full dates (d/m/yyyy) and document numbers of a sentence; a date's or a document number's
        digits are not checked again as numbers."""
        body = MARKER.sub(" ", sentence)
        docs = find_doc_numbers(body)
        rest = re.sub("|".join(map(re.escape, docs)), " ", body) if docs else body
        dates = dates_in(rest)
        nums = numbers_in(_DATE.sub(" ", rest))
        return list(dict.fromkeys(nums)) + dates + docs

    def verify(self, answer: str, passages: Sequence[str], question: str = "") -> Verification:
        answer = answer.strip()
        if not answer:
            return Verification("rejected", "", reason="empty answer")
        if question and echoes(answer, question):
            return Verification("rejected", "", reason="the model repeated the question instead of answering")
        if is_refusal(answer):
            return Verification("refused", answer, reason="the model said the documents do not answer")
        n_given = len(passages)
        support_nums = [number_support(p) for p in passages]
        support_docs = [{_doc_key(d) for d in find_doc_numbers(p)} | set(dates_in(p)) for p in passages]
        passage_words = [set(words(p)) for p in passages]

        def unsupported_in(facts: list[str], cover: tuple[int, ...]) -> tuple[str, ...]:
            nums = set().union(*(support_nums[n - 1] for n in cover)) if cover else set()
            docs = set().union(*(support_docs[n - 1] for n in cover)) if cover else set()
            return tuple(f for f in facts if (_doc_key(f) not in docs and f not in docs if "/" in f
                                              else not number_forms(f) & nums))

        def best_source(s: str, facts: list[str]) -> int | None:
            """The given passage that holds every fact of ``s`` (or, with no fact, most of its words)."""
            said = set(words(MARKER.sub(" ", s)))
            pool = [n for n in range(1, n_given + 1) if not unsupported_in(facts, (n,))] if facts else \
                list(range(1, n_given + 1))
            if not pool or len(said) < (1 if facts else 4):
                return None
            best = max(pool, key=lambda n: len(said & passage_words[n - 1]))
            share = len(said & passage_words[best - 1]) / len(said)
            return best if share >= (0.3 if facts else 0.6) else None

        paragraphs = [split_sentences(par) for par in answer.split("\n") if par.strip()]
        checks: list[SentenceCheck] = []
        invalid: list[int] = []
        kept_lines: list[str] = []
        n_markers = n_facts = recited = 0
        for sentences in paragraphs:
            own = [tuple(int(x) for x in MARKER.findall(s)) for s in sentences]
            kept_sentences = []
            for i, s in enumerate(sentences):
                valid = tuple(n for n in own[i] if 1 <= n <= n_given)
                invalid += [n for n in own[i] if not 1 <= n <= n_given]
                n_markers += len(own[i])
                cover = valid or next((tuple(n for n in o if 1 <= n <= n_given) for o in own[i + 1:]
                                       if any(1 <= n <= n_given for n in o)), ())
                facts = self.facts(s)
                n_facts += len(facts)
                unsupported = unsupported_in(facts, cover)
                body = MARKER.sub("", s).strip()
                out = MARKER.sub(lambda m: m.group(0) if 1 <= int(m.group(1)) <= n_given else "", s).strip()
                ok = bool(body.strip(" .")) and not unsupported and bool(cover or not facts) \
                    and not (own[i] and not valid)
                markers = valid
                if body.strip(" .") and (not ok or not cover):
                    # Cited to the wrong passage, or not cited: the passage that holds the facts is cited instead.
                    source = best_source(s, facts)
                    if source is not None:
                        end = "." if body.endswith(".") else ""
                        out, markers, ok = f"{body.rstrip(' .')} [{source}]{end}", (source,), True
                        recited += 1
                checks.append(SentenceCheck(s, markers, tuple(facts), () if ok else unsupported, ok,
                                            recited=bool(ok and markers != valid)))
                if ok:
                    kept_sentences.append(re.sub(r"\s+([.,;:])", r"\1", out) if not MARKER.search(out) else out)
            if kept_sentences:
                kept_lines.append(" ".join(kept_sentences))
        text = "\n".join(kept_lines).strip()
        cited = tuple(dict.fromkeys(int(x) for x in MARKER.findall(text)))
        unsupported_all = tuple(dict.fromkeys(f for c in checks for f in c.unsupported))
        common = dict(sentences=tuple(checks), invalid_markers=tuple(invalid), unsupported_facts=unsupported_all,
                      checked_facts=n_facts, checked_markers=n_markers)
        if not cited:
            return Verification("rejected", "", reason="no sentence with a valid citation survived the check",
                                **common)
        dropped = sum(not c.kept for c in checks)
        if not dropped and not recited:
            return Verification("passed", text, cited, reason="", **common)
        return Verification("repaired", text, cited, reason=f"dropped {dropped} unsupported sentence(s), "
                            f"cited {recited} sentence(s) to the passage that holds their facts", **common)
