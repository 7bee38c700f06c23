"""What the learned passage ranker knows about a candidate passage: where each search ranked it, and how its
document's metadata relates to what the question names (province, document number, year, national scope).

Question metadata is evidence here, never a filter: a passage of another province or with no province keeps its
place in the pool and its search ranks; the fitted weights decide how much the match counts.

>>> f = retrieval_rank_feature(0, rrf_k=60)
>>> round(f, 3), retrieval_rank_feature(None, rrf_k=60)
(1.0, 0.0)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.named_documents import mentions, number_key
from assistant.question import QuestionAnalysis
from common.text import words

_YEAR = re.compile(r"(?<!\d)20\d{2}(?!\d)")

# Features grouped by the stage they belong to (ablations switch a group off).
RANK_FEATURES = ("dense", "lexical", "scoped_dense", "scoped_lexical", "signature")
METADATA_FEATURES = ("province_match", "province_related", "province_other", "province_none", "number_match",
                     "number_text", "number_other", "year_section", "year_other_section", "year_text",
                     "national_match", "national_mismatch", "title_overlap", "section_overlap")
UNIT_FEATURES = ("unit_best",)
PASSAGE_FEATURES = RANK_FEATURES + METADATA_FEATURES + UNIT_FEATURES


def retrieval_rank_feature(rank: int | None, rrf_k: int) -> float:
    """1 for the first result, falling like reciprocal rank fusion's terms; 0 when the search missed it."""
    return 0.0 if rank is None else (rrf_k + 1) / (rrf_k + rank + 1)


def metadata_features(a: QuestionAnalysis, meta: Mapping[str, Any], text: str,
                      related_provinces: Sequence[str]) -> dict[str, float]:
    """How the passage's document matches the question's province, number, year and scope."""
    f: dict[str, float] = {}
    province = meta.get("province") or ""
    if a.provinces:
        if province in a.provinces:
            f["province_match"] = 1.0
        elif province and province in related_provinces:
            f["province_related"] = 1.0
        elif province:
            f["province_other"] = 1.0
        else:
            f["province_none"] = 1.0
    if a.doc_numbers:
        asked = {number_key(n) for n in a.subject_numbers}  # not a document the asked one implements
        own = number_key(meta.get("doc_number") or "")
        if own and own in asked:
            f["number_match"] = 1.0
        elif own:
            f["number_other"] = 1.0
        if any(mentions(text, n) for n in a.doc_numbers):
            f["number_text"] = 1.0
    if a.years:
        asked_years = set(a.years)
        section_years = set(_YEAR.findall(meta.get("section_path", "")))
        if section_years & asked_years:
            f["year_section"] = 1.0
        elif section_years:
            f["year_other_section"] = 1.0
        if set(_YEAR.findall(text)) & asked_years:
            f["year_text"] = 1.0
    national = meta.get("scope") == "quốc gia" or meta.get("level") == "quốc gia"
    if a.national and national:
        f["national_match"] = 1.0
    elif national and (a.provinces or a.intent == "which_docs") and not a.national:
        f["national_mismatch"] = 1.0
    keys = set(a.keywords)
    if keys:
        title = set(words(f"{meta.get('title', '')} {meta.get('doc_number', '')}"))
        section = set(words(meta.get("section_path", "")))
        f["title_overlap"] = len(keys & title) / len(keys)
        f["section_overlap"] = len(keys & section) / len(keys)
    return f
