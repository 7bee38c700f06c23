"""The default answerer: no LLM. It picks the sentences or list items that carry the asked fact from the best
passages and quotes them with [n] markers, naming the document and section. It never writes a number of its own.

>>> answerer = ExtractiveAnswerer()
>>> answerer.compose(analysis, passages).text  # doctest: +SKIP
'Theo Kế hoạch ... tỉnh Nam Định, mục “I. MỤC TIÊU > ...”: “- Góp phần đạt mục tiêu ... trên 7%/năm.” [1]'
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from assistant import evidence as ev
from assistant.bare_numbers import names_by_kind
from assistant.english import english_keywords, english_reading, english_units, is_english, with_lemmas
from assistant.injection import is_instruction
from assistant.linear_model import LinearModel
from assistant.named_documents import number_key
from assistant.outline import heading_lines
from assistant.question import (
    BARE_TITLE_ASKED, CLOSING_CONTEXT, ROLE_HOLDER_ASKED, STOPWORDS, YEAR_ASKED, QuestionAnalysis, content_words,
)
from assistant.sentences import Unit, split_units
from assistant.types import Citation, Passage
from common.abbreviations import defined_acronyms, expansion_text
from common.text import bigrams, diacritic_share, fold, is_vietnamese_text, opens_in_vietnamese, words
from ingest.official_header import number_parts, type_from_number

# A year, not the edition of a standard ("ISO 9001:2015", "TCVN 8244:2009").
_YEAR = re.compile(r"(?<![\d:])20\d{2}(?!\d)")
# A period with its end year shortened ("2021-30", "the 2021–25 period"): the end is in the same century.
_SHORT_PERIOD = re.compile(r"(?<![\d:])(20)(\d{2})\s*[-–]\s*(\d{2})(?![\d%.,])")


# The year a figure is compared with ("tăng 6,4% so với năm 2014", "up 6.4% against 2014", "compared with the same
# period of 2023") is its base, not the year the figure is for.
_BASE_YEAR = re.compile(r"\b(?:so với|so voi|against|compared (?:with|to)|than)\s+(?:(?:cùng kỳ|cung ky|the same period|"
                        r"năm|nam|in|of|the|year)\s+)*20\d{2}(?!\d)", re.IGNORECASE)


def _stated_years(unit: str) -> set[str]:
    """The years a unit states its facts for: those it names, without the years it compares with.

    >>> sorted(_stated_years("Năm 2015 đạt 79,3 triệu đồng, tăng 6,4% so với năm 2014"))
    ['2015']
    >>> sorted(_stated_years("up 6.4% against 2014")), sorted(_stated_years("from 2014 to 2020"))
    ([], ['2014', '2020'])
    """
    return set(_YEAR.findall(_BASE_YEAR.sub(" ", unit)))


# A period ("2019-2020", "2021 – 2025", "2021-30"): its years are not stated one by one.
_PERIOD = re.compile(r"(?<![\d:])20\d{2}\s*[-–]\s*(?:20)?\d{2}(?!\d)")


def _single_years(text: str) -> set[str]:
    """The years ``text`` states one by one: not those of a period, nor the base of a comparison, nor those inside
    a date ("Ngày 10.05.2019, Thủ tướng đã ký ...": when it was done, not what year it is about) or a document's
    number ("15/2022/TT-BKHCN").

    >>> sorted(_single_years("Năm 2019 có 61 doanh nghiệp, năm 2020 có 55 (giai đoạn 2016-2020)"))
    ['2019', '2020']
    >>> sorted(_single_years("National Quality Awards 2019-2020 bestowed on 116 businesses"))
    []
    >>> sorted(_single_years("Ngày 10.05.2019, Thủ tướng tặng Giải thưởng năm 2018 cho 53 doanh nghiệp"))
    ['2018']
    """
    return _stated_years(_PERIOD.sub(" ", ev.DOC_NUMBER.sub(" ", ev.DATE.sub(" ", text))))


# A thing named with its year in a quote ("Giải Vàng Chất lượng Quốc gia năm 2018", "the National Productivity Forum
# in 2023"): the words before the year.
_THING_YEAR = re.compile(r"((?:[\w&.-]+[\s,]+){2,6})(?:năm|in|of)\s+(20\d{2})(?!\d)", re.IGNORECASE)
# A year a figure is counted up to ("tính đến lễ trao giải năm 2018", "as of 2018", "by 2025").
_CUTOFF_YEAR = re.compile(r"\b(?:tính đến|tinh den|đến|den|tới|as of|by|until|up to)\s+(?:[\w.-]+\s+){0,4}?20\d{2}(?!\d)",
                          re.IGNORECASE)


def _name_ending(text: str, k: int) -> str:
    """The last ``k`` words of ``text`` with the capitalised words before them, of the name they end ("tặng Giải
    Vàng Chất lượng Quốc gia", 4 → "Giải Vàng Chất lượng Quốc gia").

    >>> _name_ending("tặng Giải Vàng Chất lượng Quốc gia ", 4), _name_ending("the National Productivity Forum ", 2)
    ('Giải Vàng Chất lượng Quốc gia', 'National Productivity Forum')
    >>> _name_ending("tổ chức Diễn đàn Năng suất Quốc gia ", 4)
    'Diễn đàn Năng suất Quốc gia'
    """
    tokens = text.split()
    start = max(0, len(tokens) - k)
    while start > 0:
        if tokens[start - 1][:1].isupper():
            start -= 1
        elif start > 1 and tokens[start - 2][:1].isupper() and tokens[start][:1].isupper():
            start -= 2  # a word of two syllables, the second in lower case ("Diễn đàn Năng suất")
        else:
            break
    return " ".join(tokens[start:]).strip(" ,")


def _years(text: str) -> list[int]:
    """The years ``text`` names, a shortened period's end year included.

    >>> _years("in the 2021-30 period, from 2024")
    [2021, 2024, 2030]
    """
    found = [int(y) for y in _YEAR.findall(text)]
    found += [int(m.group(1) + m.group(3)) for m in _SHORT_PERIOD.finditer(text) if m.group(3) > m.group(2)]
    return found
# "ai là người ...", "người nào", "những người nào": the question asks for a person, not for a body.
_ASKS_A_PERSON = re.compile(r"\b(?:la nguoi|nguoi nao|nhung nguoi)\b")
_ASKS_AMOUNT = re.compile(r"\b(bao nhieu|bao lau|may|so luong)\b")
MIN_RELEVANCE = 0.34
PART_SHARE = 0.5  # how likely, against a part's best unit quoted already, a unit holding its own words must be
OTHER_PART_MIN_COVER = 0.5  # share (by weight) of the words left unanswered a second unit must hold
NOT_FOUND = "Không tìm thấy thông tin trả lời câu hỏi này trong các tài liệu đã lập chỉ mục."


@dataclass
class Composition:
    text: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    evidence_score: float | None = None  # what the fitted gate compared with its threshold; None: no gate applied

    @property
    def quoted(self) -> str:
        """Everything the answer quotes so far, in one string."""
        return " ".join(q for c in self.citations for q in c.quotes)


@dataclass(frozen=True)
class Candidate:
    passage: Passage
    unit: Unit
    relevance: float
    typed: bool
    score: float
    features: dict[str, float] = field(default_factory=dict, compare=False, repr=False)


# The answer-unit model's features (``unit_features``); fitted by bench/fit_weights.py.
UNIT_MODEL_FEATURES = ("relevance", "ranked_relevance", "typed", "year", "scope", "role", "passage_score",
                       "passage_first", "list_item", "introduces_list", "is_heading", "log_length", "signature",
                       "unit_keywords", "strict_untyped", "missing_keywords", "missing_share", "province_match",
                       "province_other", "number_match", "rule_score", "title_echo", "novel_words",
                       "focus_relevance", "asked_year", "other_year", "names_organization", "own_date", "named_date",
                       "kind_number", "period_other")
# How likely, relative to the best unit, the named document's own best unit must be to lead (see
# ExtractiveAnswerer._own_document_first).
OWN_DOCUMENT_SHARE = 0.5
# How likely a unit in the question's language must be, relative to the best unit in another language, to be
# quoted instead (:meth:`ExtractiveAnswerer._in_question_language`).
LANGUAGE_SHARE = 0.25
# How likely a unit naming the asked province must be, relative to a best unit that names none, to be quoted
# instead (:meth:`ExtractiveAnswerer._naming_the_place`).
PLACE_SHARE = 0.5
# Questions whose answer is one kind of fact (a date, a number, a name): a unit without it cannot answer them.
_ASKS_YEAR = re.compile(r"\bnam (?:nao|bao nhieu|may)\b")
STRICT_INTENTS = ("date", "docnumber", "person", "signer", "compare", "funding", "place", "quantity")
# A council's session line and the line naming its term ("HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA KHOÁ XV").
_SESSION = re.compile(r"^KỲ HỌP\b", re.IGNORECASE)
_TERM = re.compile(r"\bKH(?:OÁ|ÓA)\s+[IVXLC]+\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def _stated_numbers(question: str) -> frozenset[str]:
    """The amounts and years a question states itself (read once a question, not once a unit).

    >>> sorted(_stated_numbers("Năm 2024 hoàn thành bao nhiêu trong số 102 nhiệm vụ?"))
    ['102', '2024']
    """
    return frozenset(ev.amounts(question)) | frozenset(_YEAR.findall(question))


def _outside_period(years: list[str], period: str) -> bool:
    """Whether a document's period ("2010-2020", "2025", "đến 2030") holds none of the years a question asks of
    ("giai đoạn 2021-2030"): a plan for another period. A period "đến 2030" has no known start.

    >>> _outside_period(["2021", "2030"], "2010-2020"), _outside_period(["2025"], "2021-2025")
    (True, False)
    >>> _outside_period(["2011", "2015"], "2025"), _outside_period(["2011"], "đến 2030"), _outside_period(["2025"], "")
    (True, False, False)
    """
    bounds = ev.period_bounds(period)
    if not years or bounds is None:
        return False
    return not any(bounds[0] <= int(y) <= bounds[1] for y in years)


# What follows a term where a text defines it: "X là ...", "X (Total ...) là", "X: ...", "X – ...", "X được hiểu
# là", "X hay còn gọi là", "X is / stands for / refers to".
_DEFINES_AFTER = (r"\s*(?:\([^)]{1,120}\)\s*)?(?::(?!\d)|[–-]\s|la\b|duoc hieu|duoc goi|duoc xem|duoc dinh nghia|hay con goi|"
                  r"con goi|goi tat|viet tat|is\b|are\b|stands for|refers to|means)")


def defines(term: tuple[str, ...], unit: str) -> bool:
    """Whether ``unit`` defines the term (its folded words): the term followed by a defining phrase, or the term in
    parentheses after its long form ("Mô hình cải tiến năng suất tổng thể (TPI)", "... (Total Productivity
    Improvement – TPI)"). "ISO 9001:2015" is an edition, not a definition.

    >>> defines(("tpi",), "Mô hình cải tiến năng suất tổng thể (TPI) được xem là công cụ chiến lược")
    True
    >>> defines(("5s",), "5S là một phương pháp quản lý"), defines(("5s",), "Doanh nghiệp áp dụng 5S và Kaizen")
    (True, False)
    >>> defines(("tieu", "chuan", "iso", "9001"), "ISO 9001 là tiêu chuẩn về hệ thống quản lý chất lượng")
    True
    >>> defines(("seiton",), "- Seiton (Sắp xếp): Sắp xếp các vật dụng"), defines(("gp", "2", "0"), "GP 2.0 là ...")
    (True, True)
    >>> defines(("tpi",), "mô hình cải tiến (Total Productivity Improvement – TPI) trong nhiều doanh nghiệp")
    True
    >>> defines(("iso", "9001"), "Tiêu chuẩn ISO 9001:2015 hệ thống quản lý chất lượng")
    False
    """
    folded = fold(unit).lower()
    # "Tiêu chuẩn ISO 9001" is defined as "ISO 9001 là ...": a term may lose the words before its code
    code = next((i for i, w in enumerate(term) if any(ch.isdigit() for ch in w)), 0)
    shapes = [term] + [term[i:] for i in range(1, code)]
    for shape in shapes:
        phrase = r"\W+".join(map(re.escape, shape))  # "GP 2.0" is ("gp", "2", "0")
        followed = rf"\b{phrase}\b{_DEFINES_AFTER}"
        in_parentheses = rf"[(][^()]{{0,80}}\b{phrase}\b[^()]{{0,80}}[)]"
        if re.search(followed, folded) or re.search(in_parentheses, folded):
            return True
    return False


@lru_cache(maxsize=20_000)  # a question's words are read for every unit of every passage, a unit's for each reading
def _spelled_out(text: str) -> tuple[str, ...]:
    """The words of ``text`` (folded), then those of its abbreviations spelled out ("KH&CN" → "khoa học và công
    nghệ").

    >>> _spelled_out("Sở KH&CN")
    ('so', 'kh', 'cn', 'khcn', 'khoa', 'hoc', 'va', 'cong', 'nghe', 'khoa', 'hoc', 'cong', 'nghe')
    """
    spelled = tuple(words(f"{text} {expansion_text(text)}"))
    # an English text's inflected words are also their base forms, as an English question's are read
    return spelled if is_vietnamese_text(text) else with_lemmas(spelled)


def _question_bigrams(a: QuestionAnalysis) -> list[str]:
    """Word pairs of the question made of two keywords ("nang_suat", "co_quan"), not of filler or names."""
    keys = set(a.keywords)
    return [b for b in dict.fromkeys(bigrams(_spelled_out(a.text)))
            if all(part in keys for part in b.split("_"))]


def _overlap(kw: list[str], qb: list[str], uw: set[str], cw: set[str], ub: set[str],
             w: dict[str, float]) -> float:
    total = sum(w.get(t, 1.0) for t in kw) or 1.0
    uni = sum(w.get(t, 1.0) * (1.0 if t in uw else 0.5 if t in cw else 0.0) for t in kw) / total
    if not qb:
        return uni
    total_b = sum(w.get(b, 1.0) for b in qb) or 1.0
    return 0.5 * uni + 0.5 * sum(w.get(b, 1.0) for b in qb if b in ub) / total_b


def _asks_announced(a: QuestionAnalysis, unit: str) -> bool:
    """The question asks for the things a unit only counts ("What four areas did ... outline?" and "... outlined
    four overarching areas to ..."): it asks a list, or states the same count; the next sentence names them."""
    count = ev.announced_count(unit)
    return count is not None and (a.intent == "list" or a.plural or ev.stated_count(a.text) == count)


def _introduction(units: list[Unit], idx: int) -> str | None:
    """The line introducing the list item ``units[idx]`` (the line ending in ":" above its run of items), if the
    passage holds it and it is short enough to quote with the item."""
    j = idx - 1
    while j >= 0 and ev.LIST_ITEM.match(units[j].text) and not units[j].text.rstrip().endswith(":"):
        j -= 1
    if j >= 0 and units[j].text.rstrip().endswith(":") and len(units[j].text) <= 200:
        return units[j].text
    return None


def _placed(c: "Candidate") -> tuple[list[Unit], int | None]:
    """The units of the candidate's passage and the chosen unit's index among them (None if not found)."""
    units = split_units(c.passage.text)
    return units, next((i for i, u in enumerate(units) if u.start == c.unit.start), None)


# The provinces a text names, every mention in order, by any spelling ("TP.HCM", "Hanoi"): ProvinceGazetteer.mentions
PlaceFinder = Callable[[str], list[str]]


def _province_spoken_of(a: QuestionAnalysis, c: "Candidate", places: PlaceFinder | None = None) -> str:
    """The province a unit is about: its document's, or, in a page about several or none (national news on every
    province's new department), the asked province the unit names first, else the one its previous sentence names
    last ("UBND tỉnh Cà Mau công bố ... / Theo đó, ông ... giữ chức Giám đốc Sở"), the other way round for a
    sentence that goes on with the one before it (:data:`_CONTINUES`); "" when none."""
    own = c.passage.metadata.get("province") or ""
    if own in a.provinces:
        return own
    units, idx = _placed(c)
    readings = [(c.unit.text, 0), (units[idx - 1].text if idx else "", -1)]
    if _CONTINUES.match(c.unit.text):  # "Theo đó, ...", "Cụ thể, ...": about what the sentence before it names
        readings.reverse()
    for text, nearest in readings:
        named = _places_named(a, text, places)
        if named:  # a sentence is about the place it names first; the one before it, about the last it names
            return named[nearest]
    return own


# A sentence that goes on with the one before it ("Theo đó", accordingly; "Cụ thể", specifically; "Trong đó", of
# which; "Tại đây", there).
_CONTINUES = re.compile(r"^(?:Theo đó|Trong đó|Cụ thể|Tại đây)\b")


_RELEVANCE_FEATURES = ("relevance", "ranked_relevance", "focus_relevance")


def _on_one_scale(cands: list["Candidate"]) -> None:
    """An English question is read in English on English pages and in the glossary's Vietnamese on the others;
    the two readings' overlaps are on different scales (the translation keeps only the domain terms, which the
    plans repeat). The English units' overlaps are scaled so that the best of them equals the best Vietnamese
    one's (in place)."""
    vietnamese_page = {c.passage.chunk_id: opens_in_vietnamese(c.passage.text) for c in cands}  # once a passage
    english = [c for c in cands if not vietnamese_page[c.passage.chunk_id]]
    vietnamese = [c for c in cands if vietnamese_page[c.passage.chunk_id]]
    if not english or not vietnamese:
        return
    for name in _RELEVANCE_FEATURES:
        top_en = max(c.features[name] for c in english)
        top_vi = max(c.features[name] for c in vietnamese)
        if 0 < top_en < top_vi:
            for c in english:
                if name == "ranked_relevance":  # the hand-set blend holds it at 0.55
                    c.features["rule_score"] += 0.55 * c.features[name] * (top_vi / top_en - 1)
                c.features[name] *= top_vi / top_en


def _places_named(a: QuestionAnalysis, text: str, places: PlaceFinder | None = None) -> list[str]:
    """The asked provinces that ``text`` names, in the order it names them: by any spelling ``places`` knows, else
    by their names with diacritics folded (a question typed without them names the same places).

    >>> a = QuestionAnalysis("", "", ["Hồ Chí Minh", "Hà Nội"], [], [], "general", [])
    >>> _places_named(a, "Ha Noi và Hồ Chí Minh"), _places_named(a, "TP.HCM", lambda t: ["Hồ Chí Minh"])
    (['Hà Nội', 'Hồ Chí Minh'], ['Hồ Chí Minh'])
    """
    if places is not None:
        return [p for p in places(text) if p in a.provinces]
    folded = fold(text).lower()
    return [p for _, p in sorted((m.start(), p) for p in a.provinces
                                 for m in re.finditer(rf"(?<!\w){re.escape(fold(p).lower())}(?!\w)", folded))]


def _own_number(c: "Candidate") -> str:
    """The candidate's document's own number, as compared (:func:`number_key`); "" when it has none."""
    return number_key(c.passage.metadata.get("doc_number") or "")


def _only_other_documents_dates(c: "Candidate") -> bool:
    """Whether every date of the unit is written right after a document number other than its own document's
    (the date of a document it cites)."""
    dates = ev.iso_dates(c.unit.text)
    own = _own_number(c)
    cited = {d for n, d in ev.dated_numbers(c.unit.text) if number_key(n) != own}
    return bool(dates) and set(dates) <= cited


def _states_own_number(c: "Candidate", kind: str = "") -> bool:
    """Whether the unit gives its own document's number ("Số: 6374/QĐ-UBND"), the document being of ``kind`` if
    one is given; a news article has no number of its own (the one it is filed under is the document it reports
    on)."""
    own = _own_number(c)
    doc_type = c.passage.metadata.get("doc_type")
    return bool(own) and doc_type != "tin tức" and kind in ("", doc_type) and \
        any(number_key(n) == own for n in ev.document_numbers(c.unit.text))


def _only_other_documents_numbers(c: "Candidate") -> bool:
    """Whether the unit gives document numbers and none is its own document's (the documents it cites)."""
    own = _own_number(c)
    numbers = ev.document_numbers(c.unit.text)
    return bool(numbers) and all(number_key(n) != own for n in numbers)


# Kinds of legal instrument whose own number carries the kind's code (Nghị định 30/2020/NĐ-CP: "26/2021/NQ-HĐND"
# is a nghị quyết). A plan, programme or project is often issued by a decision and known by its number, so those
# kinds are not here.
_INSTRUMENT_KINDS = {"quyết định", "nghị quyết", "nghị định", "thông tư", "chỉ thị", "tờ trình"}


def _only_references(references: Sequence[str], unit: str) -> bool:
    """Whether every document number ``unit`` gives is one the question names as what the asked document carries
    out or amends ("Kế hoạch thực hiện QĐ 36/QĐ-TTg ... có số hiệu là gì?" is not answered by "Quyết định số
    36/QĐ/TTg"), compared by number and codes however they are separated.

    >>> _only_references(["36/QĐ-TTg"], "Thủ tướng ký Quyết định số 36/QĐ/TTg"), _only_references([], "Số 36/QĐ-TTg")
    (True, False)
    >>> _only_references(["36/QĐ-TTg"], "Kế hoạch số 45/KH-UBND thực hiện Quyết định 36/QĐ-TTg")
    False
    """
    numbers = ev.document_numbers(unit)
    if not references or not numbers:
        return False

    def key(number: str) -> tuple[str, tuple[str, ...]]:
        digits, codes = number_parts(number)
        return digits.lstrip("0"), tuple(codes)

    named = {key(n) for n in references}
    return all(key(n) in named for n in numbers)


def _wrong_instrument(asked_kind: str, unit: str) -> bool:
    """Whether a question asking the number of an instrument of ``asked_kind`` ("Nghị quyết ... có số hiệu là
    gì?") meets a unit whose coded numbers are all of other kinds ("Số: 331/QĐ-UBND"): that does not answer it.

    >>> _wrong_instrument("nghị quyết", "Số: 331/QĐ-UBND"), _wrong_instrument("nghị quyết", "Số: 26/2021/NQ-HĐND")
    (True, False)
    >>> _wrong_instrument("kế hoạch", "Số: 36/QĐ-TTg"), _wrong_instrument("quyết định", "Văn bản số 103/KHCN-TĐC")
    (False, False)
    """
    if asked_kind not in _INSTRUMENT_KINDS:
        return False
    kinds = {type_from_number(n) for n in ev.document_numbers(unit)} - {"", "công văn"}
    return bool(kinds) and not ev.numbers_of_kind(unit, asked_kind)


def _led_by(first: Candidate | None, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with ``first`` (one of them) moved to the front; unchanged when ``first`` is None."""
    return cands if first is None else [first, *(c for c in cands if c is not first)]


# A name the question quotes ("dự án “Nâng cao năng suất ... giai đoạn 2013 – 2020”"): it says which thing is
# asked about, not what is asked, in any passage (a news sentence repeating the name does not answer by it).
_QUOTED_NAME = re.compile(r"[“\"]([^”\"]{12,})[”\"]")


@lru_cache(maxsize=256)  # read for every passage of a question
def _quoted_name_words(question: str) -> frozenset[str]:
    """The words of the names ``question`` quotes (folded).

    >>> sorted(_quoted_name_words("Ai chủ trì dự án “Nâng cao năng suất tỉnh X”?"))
    ['cao', 'nang', 'suat', 'tinh', 'x']
    """
    return frozenset(words(" ".join(_QUOTED_NAME.findall(question))))


# The publication a question names as its source ("Theo tin VietnamPlus, ...", "Trong bài Vietnam Briefing, ...",
# "... according to Viet Nam News?", "... cited by Vietnam Briefing?"): it says where to look, not what the answer
# sentence says. In English only a capitalised name that ends the clause ("according to the ILO figure" names a
# figure's owner, which the answer may well state).
_SOURCE_NAME = re.compile(
    r"\b(?:[Tt]heo|[Tt]rong|[Tt]rên)\s+(?:tin|bài viết|bài báo|bài|báo|tạp chí|Tạp chí|trang|cổng thông tin|"
    r"thông báo|bản tin)\s+([^,?.;:]{2,60})|"
    # "Bài về truyền thông NSCL cho sinh viên nói ...": an article named by its subject, then what it says
    r"\b(?:[Bb]ài|[Tt]in|[Bb]ản tin)(?: viết| báo)?\s+(?:về|của|trên)\s+([^,?.;:]{2,60}?)\s+"
    r"(?:nói|nêu|cho biết|viết|đề cập|kể)\b|"
    r"\b(?:according to|cited by|reported by|quoted by|published by|as reported (?:in|by))\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’&.-]*\s?){1,4})(?=[?,.;:]|$)")


@lru_cache(maxsize=256)  # read for every passage of a question
def _source_name_words(question: str) -> frozenset[str]:
    """The words of the publication ``question`` names as its source (folded).

    >>> sorted(_source_name_words("Theo tin VietnamPlus, bao nhiêu doanh nghiệp đạt giải?"))
    ['vietnamplus']
    >>> sorted(_source_name_words("What was the figure in 2021 according to the ILO data cited by Vietnam Briefing?"))
    ['briefing', 'vietnam']
    """
    return frozenset(w for m in _SOURCE_NAME.finditer(question) for w in words(next(g for g in m.groups() if g)))


# Words that say what kind of piece a source is, not which one ("bài trên", "tin của", "the ... report").
_SOURCE_KIND_WORDS = frozenset({"tren", "bai", "viet", "tin", "report", "article", "news", "story"})


def _described_document(source_words: frozenset[str], passages: list[Passage]) -> str | None:
    """The document at hand the question names as its source ("Theo bài về lộ trình APO", "theo tin VietnamPlus"):
    the one whose title and file name hold the most of the source's words, at least half of them and more than
    any other document holds (None otherwise).

    >>> from assistant.types import Passage
    >>> ps = [Passage(1, "a", "A", "/c/022_truyen-thong-nscl-cho-sinh-vien.txt", "Truyền thông", "", None, "x", 0.9),
    ...       Passage(2, "b", "B", "/c/003_soc-trang.txt", "Sóc Trăng: hội nghị truyền thông", "", None, "x", 0.8)]
    >>> _described_document(_source_name_words("Bài về truyền thông NSCL cho sinh viên nói gì?"), ps)
    'A'
    """
    wanted = {w for w in source_words if w not in STOPWORDS and w not in _SOURCE_KIND_WORDS}
    if not wanted:
        return None
    held: dict[str, int] = {}
    for p in passages:
        if p.doc_id not in held:
            stem = re.sub(r"[_\-.]+", " ", Path(p.source).stem)
            held[p.doc_id] = len(wanted & set(words(f"{p.title} {stem}")))
    ranked = sorted(held.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or 2 * ranked[0][1] < len(wanted) or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


# A phrase the question puts in quotes, of two words or more: "tiêu chí 'kết quả hoạt động'", “Nâng cao năng suất”
# (single quotes only around words, not an apostrophe: "Vietnam's").
_QUOTED_PHRASE = re.compile(r"[“\"‘]([^”\"’]+)[”\"’]|(?<!\w)'([^']+)'(?!\w)")


def quoted_phrases(question: str) -> list[str]:
    """The phrases ``question`` quotes, as typed.

    >>> quoted_phrases("Tiêu chí 'kết quả hoạt động' được bao nhiêu điểm, theo “Quyết định 1322”?")
    ['kết quả hoạt động', 'Quyết định 1322']
    >>> quoted_phrases("What is Vietnam's target for 'green productivity'?")
    ['green productivity']
    """
    found = [(m.group(1) or m.group(2)).strip() for m in _QUOTED_PHRASE.finditer(question)]
    return [f for f in found if len(words(f)) >= 2]


@lru_cache(maxsize=20_000)  # the same passages' units are read for every question
def _unit_content_words(unit: str) -> tuple[str, ...]:
    """A unit's content words, judged as written when it carries diacritics (:func:`content_words`)."""
    return tuple(content_words(unit, written=diacritic_share(unit) > 0))


def _echo_features(unit: str, title_words: set[str], asked: set[str]) -> dict[str, float]:
    """How much of a unit only repeats what the reader already has: ``title_echo`` is the share of its words in
    the document's title (a body line that restates the title names the document, it does not answer about it);
    ``novel_words`` counts (log) its content words found in neither the question nor the title: an answer says
    something the question did not."""
    unit_words = _unit_content_words(unit)
    if not unit_words:
        return {"title_echo": 0.0, "novel_words": 0.0}
    echo = sum(w in title_words for w in unit_words) / len(unit_words)
    novel = len({w for w in unit_words if w not in title_words and w not in asked})
    return {"title_echo": echo, "novel_words": math.log1p(novel)}


CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"}


def place_name(province: str) -> str:
    """"Tỉnh Bắc Ninh", but "Thành phố Hà Nội" for the five centrally-run cities."""
    return f"{'Thành phố' if province in CITIES else 'Tỉnh'} {province}"


def doc_label(meta: dict) -> str:
    """How the answer names a document: "Kế hoạch ... (số 285/KH-UBND)" or "bài viết “...”"."""
    title = (meta.get("title") or "").strip().rstrip(".")
    number = meta.get("doc_number") or ""
    if meta.get("doc_type") == "tin tức":
        label = f"bài viết “{title}”"
        province = meta.get("province")
        if province and province not in title:
            label += f" (tỉnh {province})"
        return label
    label = title or (meta.get("doc_type") or "văn bản").capitalize()
    if number and number not in label:
        label += f" (số {number})"
    return label


class ExtractiveAnswerer:
    """Scores every unit of the top passages for relevance, fact type, year and rank; quotes the best."""

    def __init__(self, max_passages: int = 6, min_relevance: float = MIN_RELEVANCE,
                 model: LinearModel | None = None, require_type: bool = True, order: str = "learned",
                 other_parts: bool = True, places: PlaceFinder | None = None):
        self.max_passages = max_passages
        self.places = places  # the provinces a text names, by any spelling; None: by their names, folded
        self.min_relevance = min_relevance
        self.model = model  # fitted unit model: ranks units and gates refusals; None: the hand-set weights
        self.require_type = require_type
        # Which score orders the units: "learned" (the fitted model's probability) or "rule" (the hand-set blend,
        # one of the model's features). The fitted model always gates refusals and chooses the second quote.
        # Measured on eval/real with the weights of this commit: "learned" answers 0.778 of the untouched half and
        # 0.798 of the tuned one, "rule" 0.733 and 0.742, the same questions retrieved and refused.
        self.order = order
        self.other_parts = other_parts  # a question asking two things gets a unit for the part left out

    # ---- scoring ---------------------------------------------------------------------------------------------
    @staticmethod
    def keyword_weights(a: QuestionAnalysis, passages: list[Passage]) -> dict[str, float]:
        """IDF of the question's words and word pairs over the passages at hand: words every passage shares
        ("năng suất" in a plan about productivity) count little, the distinctive ones ("kinh phí") much."""
        terms = set(a.keywords) | set(_question_bigrams(a))
        n = len(passages)
        df = dict.fromkeys(terms, 0)
        for p in passages:
            text_words = _spelled_out(p.text)
            present = set(text_words) | set(bigrams(text_words))
            for t in terms & present:
                df[t] += 1
        # A term no passage holds cannot tell passages apart: it gets no weight (it still counts in the plain
        # overlap that decides whether anything answers).
        return {t: math.log((n + 1) / (df[t] + 0.5)) if df[t] else 0.0 for t in terms}

    @staticmethod
    def _relevance(a: QuestionAnalysis, unit: str, context_words: list[str], qb: list[str],
                   weights: dict[str, float] | None = None) -> tuple[float, float]:
        """(plain, weighted) overlap of the question's words and word pairs (``qb``: :func:`_question_bigrams`)
        with the unit (and, at half weight, the words of its section and title, ``context_words``). The plain one
        decides whether anything answers; the weighted one ranks."""
        kw = list(dict.fromkeys(a.keywords))
        if not kw:
            return 0.0, 0.0
        unit_words = _spelled_out(unit)
        uw, cw = set(unit_words), set(context_words)
        uw |= cw & _quoted_name_words(a.text)  # the quoted name in the title names it too
        ub = set(bigrams(unit_words)) | set(bigrams(context_words))
        plain = _overlap(kw, qb, uw, cw, ub, {})
        return plain, (_overlap(kw, qb, uw, cw, ub, weights) if weights else plain)

    @staticmethod
    def _focus_relevance(focus: list[str], focus_pairs: list[str], unit: str,
                         weights: dict[str, float] | None) -> float:
        """Weighted overlap of the question's focus words and word pairs with the unit alone (not its section)."""
        if not focus:
            return 0.0
        unit_words = _spelled_out(unit)
        return _overlap(focus, focus_pairs, set(unit_words), set(), set(bigrams(unit_words)), weights or {})

    def _typed(self, a: QuestionAnalysis, unit: str, p: Passage) -> float:
        heading = p.section_path.rsplit(" > ", 1)[-1]
        intent = a.intent
        if ev.asks_ordinal(a.text):  # "khóa mấy, kỳ họp thứ mấy": a term or a session, not an amount
            return 1.0 if ev.ORDINAL.search(unit) else 0.0
        if ev.ASKS_ACHIEVED.search(a.folded) and not ev.ASKS_TARGET.search(a.folded) and ev.only_a_target(unit):
            return 0.0  # "thực tế đã đạt bao nhiêu": a target set is no result reached
        # "bao nhiêu / mấy" asks an amount: a sentence with no number (a year is none) does not give it, nor one
        # whose only numbers the question states: a year it names ("the 2017 National Quality Awards"), or a
        # number of the same thing ("bao nhiêu nhiệm vụ trong số 102 nhiệm vụ")
        asks_amount = bool(_ASKS_AMOUNT.search(a.folded))
        if asks_amount and intent not in ("date", "docnumber"):
            given = _stated_numbers(a.text)
            if all(n in given and (_YEAR.fullmatch(n) or ev.states_same(n, unit, a.text)) for n in ev.amounts(unit)):
                return 0.0
        if a.wants_money:
            return 1.0 if ev.MONEY.search(unit) else 0.0
        if intent in ("quantity", "which_docs", "compare"):
            if a.wants_percent:
                base = 1.0 if ev.PERCENT.search(unit) else 0.0
            else:
                # (asked "bao nhiêu", the unit holds an amount: checked above)
                base = 1.0 if asks_amount or ev.quantities(unit) else 0.0
            if base and (ev.has_number_with_unit(unit, a.unit_words)
                         or ev.has_number_with_any(unit, a.unit_alternatives)):
                base += 0.5
            return base
        if intent == "date":
            if a.deadline:  # "trước ngày nào": a deadline, possibly a yearly one with no year
                return 1.0 if ev.DEADLINE.search(unit) else 0.0
            if ev.ASKS_EFFECTIVE.search(a.text):
                # "có hiệu lực khi nào": a text takes effect on a day of its own, often not the day it was issued;
                # a unit gives it where it speaks of taking effect ("Ngày có hiệu lực 01/01/2022", "comes into
                # force as of ..."), "có hiệu lực kể từ ngày ký" even with no date of its own
                if ev.EFFECT_CLAUSE.search(unit):
                    return 1.0
                effect = ev.SPEAKS_OF_EFFECT.search(unit)
                if effect is None:
                    return 0.0
                # its date follows ("hiệu lực từ ngày 18/5/2014"), or precedes it in a unit that gives no issue
                # date ("Ngày ban hành: 26/12/2019 Ngày hiệu lực: Đã biết" gives none for the effect)
                if ev.has_kind("date", unit[effect.start():]):
                    return 1.0
                return 1.0 if ev.has_kind("date", unit) and not ev.ISSUE_FIELD.search(unit) else 0.0
            if ev.has_kind("date", unit):
                return 1.0
            # "năm nào" asks a year: a year answers it fully, other date questions in part; not a year the question
            # states itself ("kế hoạch năm 2025 ban hành ngày nào" is not answered by "năm 2025")
            if set(ev.YEAR.findall(unit)) - set(a.years):
                return 1.0 if _ASKS_YEAR.search(a.folded) else 0.5
            return 0.0
        if intent == "docnumber":
            if _wrong_instrument(a.asked_doc_kind, unit) or _only_references(a.reference_numbers, unit):
                return 0.0
            return 1.0 if ev.DOC_NUMBER.search(unit) else 0.5 if ev.NUMBERED_DOC.search(unit) else 0.0
        if intent == "signer":
            if p.metadata.get("section_kind") == "signature":
                return 1.0
            if ev.ROLE_NAME.search(unit):  # "Người ký: X", "Phó Chủ tịch X đã ký" over a title named in passing
                return 1.0 if ev.SIGNED.search(unit) else 0.5
            return 0.0
        if intent == "person":
            # (a name alone on its line, or over its title: :func:`assistant.sentences.split_units`)
            if ev.PERSON.search(unit) or ev.NAME_LINE.match(unit.split("\n")[0]) or ev.ROLE_NAME.search(unit):
                return 1.0
            # A question naming the role ("Thứ trưởng Bộ KH&CN nào phát biểu") asks its holder: no office or body
            # answers it
            offices = {fold(m.group(1) or m.group(2)) for m in ev.OFFICE_HOLDER.finditer(unit)}
            bare = BARE_TITLE_ASKED.search(a.folded)
            if bare and bare.group(1) in offices:
                return 0.5
            if ROLE_HOLDER_ASKED.search(a.folded):
                return 0.0
            # an office answers who holds a role, less well; not an office the question names itself ("được Thủ
            # tướng ban hành theo đề nghị của ai?" is not answered by "Thủ tướng Chính phủ")
            if any(o not in a.folded for o in offices):
                return 0.5
            # "ai" asks for a body as well as a person ("nhờ khoản tài trợ của ai": "Chính phủ Nhật Bản"), or people
            # named by what they are ("lấy ai làm trung tâm": "người dân"); "ai là người ...", "người nào" ask for a
            # person (not "người" of the subject asked about: "... của người đứng đầu?")
            if not _ASKS_A_PERSON.search(a.folded) and (ev.AGENCY.search(unit) or ev.ORGANIZATION.search(unit)
                                                         or ev.PEOPLE.search(unit)):
                return 0.5
            return 0.0
        if intent == "agency":
            return 1.0 if ev.AGENCY.search(unit) or ev.AGENCY.search(heading) else 0.0
        if intent == "funding":
            return 1.0 if ev.FUNDING.search(unit) or ev.MONEY.search(unit) else 0.0
        if intent == "place":
            return 1.0 if ev.PLACE.search(unit) else 0.0
        if intent == "list":  # "những gì, what criteria": several things, as a list or a sentence enumerating them
            # (legal texts list without markers, each member ending in ";": "Căn cứ Luật ...;")
            return 1.0 if ev.LIST_ITEM.match(unit) or ev.ENUMERATION.search(unit) or unit.rstrip().endswith(";") \
                else 0.5
        if intent == "eligibility":
            if a.negated:  # "không được hỗ trợ": the exclusions, not the beneficiaries
                return 1.0 if ev.NEGATION.search(unit) or ev.NEGATION.search(heading) else 0.0
            return 1.0 if ev.ELIGIBILITY.search(unit) or ev.ELIGIBILITY.search(heading) else 0.0
        if a.defined_term and defines(a.defined_term, unit):
            return 1.0
        return 0.5

    @staticmethod
    def _year_adjust(a: QuestionAnalysis, unit_years: set[str], p: Passage) -> float:
        """Hand-set weight of the years a unit states (``unit_years``, :func:`_stated_years`) against the asked."""
        if not a.years:
            return 0.0
        asked = set(a.years)
        section_years = set(_YEAR.findall(p.section_path))
        if (unit_years | section_years) & asked:
            return 0.15
        if unit_years - {"2021", "2020"}:
            return -0.2  # the sentence speaks of another year
        if set(_YEAR.findall(p.title)) & asked:  # a yearly plan or report: "Báo cáo ... năm 2024"
            return 0.08
        return -0.2 if section_years else 0.0

    @staticmethod
    def _year_features(a: QuestionAnalysis, unit_years: set[str]) -> dict[str, float]:
        """Whether the unit states a year the question asks about (``unit_years``), or only other years."""
        if not a.years:
            return {"asked_year": 0.0, "other_year": 0.0}
        asked = bool(unit_years & set(a.years))
        return {"asked_year": float(asked), "other_year": float(bool(unit_years) and not asked)}

    @staticmethod
    def _scope_adjust(a: QuestionAnalysis, p: Passage) -> float:
        """A national passage answers a national question, not a question about a province (and vice versa)."""
        national = p.metadata.get("scope") == "quốc gia"
        if a.national:
            return 0.1 if national else 0.0
        if (a.provinces or a.intent == "which_docs") and national:
            return -0.15
        return 0.0

    @staticmethod
    def _role_adjust(a: QuestionAnalysis, unit: str) -> float:
        """For "which agency leads" questions, the lead agency is the "đầu mối"/"chủ trì", not a "phối hợp" one."""
        if a.intent != "agency" or not re.search(r"\b(chu tri|dau moi)\b", a.folded):
            return 0.0
        folded = fold(unit)
        if re.search(r"\bdau moi\b", folded):
            return 0.1
        return -0.1 if folded.startswith("phoi hop") else 0.0

    def unit_scores(self, a: QuestionAnalysis, p: Passage,
                    weights: dict[str, float] | None = None) -> list[Candidate]:
        """Every answer unit of ``p`` scored on its own merits (no retrieval prior)."""
        context = f"{p.section_path} {p.title}"
        title_words = set(words(p.title))
        meta = p.metadata
        reference = " ".join(str(meta.get(k) or "") for k in ("doc_number", "doc_type", "issuer", "province"))
        named = title_words | set(words(f"{reference} {expansion_text(reference)} {expansion_text(p.title)}"))
        named |= _quoted_name_words(a.text)  # a name the question quotes names, wherever
        named |= _source_name_words(f"{a.asked_as} \n {a.text}")  # so does the publication it cites as its source
        asked = set(_spelled_out(a.text))
        # The question's focus: its keywords that do not merely name this passage's document ("Quyết định 1305
        # ... được ban hành theo đề nghị của bộ nào" → "đề nghị", "bộ"): a unit answers by matching these.
        focus = [k for k in dict.fromkeys(a.keywords) if k not in named and (not a.own_words or k in a.own_words)]
        keep = set(focus)
        pairs = _question_bigrams(a)
        focus_pairs = [b for b in pairs if any(part in keep for part in b.split("_"))]
        context_words = words(context)
        # acronyms the passage coins ("Hệ thống quản lý chất lượng (HTQLCL)"): a unit using one speaks of its long
        # form, as it does of the long forms of the abbreviations every plan uses (expansion_text)
        coined = defined_acronyms(p.text)
        out = []
        for unit in split_units(p.text):
            if len(unit.text) < 4 or not any(ch.isalnum() for ch in unit.text):  # "--------" rules
                continue
            said = set(_spelled_out(unit.text)) if coined else set()
            used = [long for short, long in coined.items() if short in said]
            spelled = f"{unit.text} ({', '.join(used)})" if used else unit.text
            rel, ranked_rel = self._relevance(a, spelled, context_words, pairs, weights)
            typed = self._typed(a, unit.text, p)
            unit_years = _stated_years(unit.text) if a.years else set()  # read once, for the weight and the features
            year, scope, role = self._year_adjust(a, unit_years, p), self._scope_adjust(a, p), self._role_adjust(a, unit.text)
            score = 0.55 * ranked_rel + 0.25 * typed + year + scope + role
            heading = p.section_path.rsplit(" > ", 1)[-1].strip()
            keys = set(a.keywords)
            features = {
                "relevance": rel, "ranked_relevance": ranked_rel, "typed": typed, "year": year, "scope": scope,
                "role": role, "list_item": float(bool(ev.LIST_ITEM.match(unit.text))),
                "introduces_list": float(unit.text.endswith(":")),
                "is_heading": float(bool(heading) and unit.text.strip() == heading),
                "log_length": math.log(1 + len(unit.text)),
                "signature": float(a.intent == "signer" and (p.metadata.get("section_kind") == "signature"
                                                             or bool(ev.SIGNER_FIELD.search(unit.text)))),
                "unit_keywords": len(keys & set(words(unit.text))) / len(keys) if keys else 0.0,
                **_echo_features(unit.text, title_words, asked),
                "focus_relevance": self._focus_relevance(focus, focus_pairs, spelled, weights),
                **self._year_features(a, unit_years),
            }
            out.append(Candidate(p, unit, rel, typed > 0, score, features))
        return out

    def reading(self, a: QuestionAnalysis, passages: list[Passage]):  # noqa: ANN201 - a function of a passage
        """How each passage is read: ``reading(p)`` is (question, p, keyword weights), what :meth:`unit_scores`
        takes. A passage in Vietnamese is
        read with the question's Vietnamese words (an English question's put into Vietnamese); a passage in English
        with English words: an English question's own, a Vietnamese question's domain terms in English and the
        names and codes it holds (:func:`english_reading`), the provinces asked about left to the province features
        in both. Each language's overlap is on its own scale."""
        weights = self.keyword_weights(a, passages)
        in_english = {p.chunk_id for p in passages if not opens_in_vietnamese(p.text)}
        if not in_english:
            return lambda p: (a, p, weights)
        # The provinces asked about are matched by the province features, not as words (as in Vietnamese): "Hai
        # Phong" in every sentence of a page about Hai Phong says nothing of which sentence answers.
        places = {w for name in a.provinces for w in words(name)}
        english_words = english_keywords(a.asked_as) if a.asked_as else english_reading(a.text)
        english = replace(a, keywords=[w for w in english_words if w not in places], unit_words=[],
                          unit_alternatives=english_units(a.text, a.asked_as))
        english_weights = self.keyword_weights(english, passages)
        return lambda p: (english, p, english_weights) if p.chunk_id in in_english else (a, p, weights)

    def candidates(self, a: QuestionAnalysis, passages: list[Passage]) -> list[Candidate]:
        across = a.intent in ("which_docs", "compare") or a.per_document
        top = passages if across else passages[: self.max_passages]
        best_score = max((p.score for p in top), default=1.0) or 1.0
        reading = self.reading(a, passages)
        # Question words no passage at hand holds ("tôm hùm" asked of plans that never name it): the library
        # likely does not answer, whatever sentence looks close.
        keys = list(dict.fromkeys(a.keywords))
        present: set[str] = set()
        for p in top:
            present.update(words(f"{p.text} {expansion_text(p.text)} {p.section_path} {p.title}"))
        missing = sum(1 for k in keys if k not in present)
        strict = a.wants_money or a.negated or a.intent in STRICT_INTENTS
        own_numbers = {number_key(n) for n in a.subject_numbers}
        # (an English question as typed: "which companies" is read as "doanh nghiệp")
        asks_organization = "organization" in ev.asked_kinds(f"{a.asked_as}\n{a.text}")
        # A date question about a document asks its own date: when it takes effect ("có hiệu lực") or else when
        # it was issued (its place-date line, a legal site's "Ngày ban hành"), not the dates of documents it cites.
        own_date_field = ("effective_date" if ev.ASKS_EFFECTIVE.search(a.text) else "issued_date") \
            if a.intent == "date" else ""
        described = _described_document(_source_name_words(f"{a.asked_as} \n {a.text}"), passages)
        out = []
        for p in top:
            for c in self.unit_scores(*reading(p)):
                if is_instruction(c.unit.text):  # an order to the assistant inside a document is not a fact
                    continue
                province = p.metadata.get("province") or ""
                c.features.update(province_match=float(bool(a.provinces) and province in a.provinces),
                                  province_other=float(bool(a.provinces and province) and province not in a.provinces),
                                  number_match=float(bool(own_numbers) and number_key(p.metadata.get("doc_number") or "")
                                                     in own_numbers))
                # "doanh nghiệp nào / which companies": a unit naming one ("Công ty TNHH ...") can answer.
                c.features["names_organization"] = float(asks_organization and ev.has_kind("organization", c.unit.text))
                # (a news article's date is when it was published, not the date of the document it reports on; a
                # question naming a document by number asks that document's date, not the date of another one)
                own = (p.metadata.get(own_date_field) or "") if own_date_field and \
                    p.metadata.get("doc_type") != "tin tức" and (not own_numbers or c.features["number_match"]) else ""
                c.features["own_date"] = float(bool(own) and own in ev.iso_dates(c.unit.text))
                # In any text, the date given right after the named document's number is its issue date ("Thực
                # hiện Kế hoạch số 45/KH-UBND ngày 18/3/2024"): marked when it is the first date the unit states
                # (not a sentence about another document's date that cites the named one in passing)
                dated = ev.dated_numbers(c.unit.text) if own_date_field == "issued_date" and own_numbers else []
                c.features["named_date"] = float(bool(dated) and number_key(dated[0][0]) in own_numbers
                                                 and dated[0][1] == ev.first_date(c.unit.text))
                c.features["period_other"] = float(_outside_period(a.years, p.metadata.get("period") or ""))
                c.features["source_match"] = float(p.doc_id == described)
                # "theo tờ trình số mấy": a number of that kind of document, not one the question already names
                c.features["kind_number"] = float(bool(a.asked_doc_kind) and any(
                    number_key(n) not in own_numbers for n in ev.numbers_of_kind(c.unit.text, a.asked_doc_kind)))
                c.features.update(passage_score=p.score / best_score, passage_first=float(p.rank == 1),
                                  strict_untyped=float(strict and not c.typed), missing_keywords=float(missing),
                                  missing_share=missing / len(keys) if keys else 0.0)
                c.features["rule_score"] = c.score + 0.2 * p.score / best_score  # the hand-set blend (fitted weight)
                out.append(c)
        if a.asked_as:
            _on_one_scale(out)
        for i, c in enumerate(out):
            rule = c.features["rule_score"]
            c.features["probability"] = self.model.probability(c.features) if self.model is not None else rule
            out[i] = replace(c, score=c.features["probability"] if self.order == "learned" else rule)
        out.sort(key=lambda c: c.score, reverse=True)
        return out

    # ---- composing -------------------------------------------------------------------------------------------
    def compose(self, a: QuestionAnalysis, passages: list[Passage], missing_provinces: list[str] | None = None,
                outline: list[Passage] | None = None) -> Composition:
        """The answer to ``a`` from ``passages``; ``outline`` (the sub-sections of the section a list question
        names) is listed, each item cited, when given."""
        if missing_provinces and not any(p.metadata.get("province") in a.provinces for p in passages):
            names = ", ".join(missing_provinces)
            return Composition(f"{NOT_FOUND} Thư viện chưa có tài liệu nào của {names}.", False)
        if a.intent == "list" and outline:
            return self._outline(outline)
        uncovered = self._uncovered_years(a, passages)
        if uncovered:
            return Composition(f"{NOT_FOUND} Các tài liệu không đề cập đến năm {', '.join(uncovered)}.", False)
        absent = self._absent_phrases(a, passages)
        if absent:
            return Composition(f"{NOT_FOUND} Các tài liệu không nhắc đến " + ", ".join(f"“{p}”" for p in absent)
                               + ".", False)
        if self.model is not None:
            answer = self._compose_learned(a, passages)
            other = self._another_years(a, answer) if answer.found else None
            if other is not None:
                asked, thing, year = other
                return Composition(f"{NOT_FOUND} Các tài liệu nói về {thing} năm {year}, không phải năm {asked}.",
                                   False, evidence_score=answer.evidence_score)
            return answer
        # A signer question needs only the signature block of the document in scope, whatever the wording.
        threshold = 0.0 if a.intent == "signer" else self.min_relevance
        if a.intent == "which_docs" and not (a.condition or a.wants_percent):
            threshold = max(threshold, 0.5)  # listing documents: each must really speak of the asked thing
        scored = self.candidates(a, passages)
        cands = [c for c in scored if c.relevance >= threshold]
        strict = a.wants_money or a.intent in ("date", "docnumber", "person", "signer", "compare", "funding",
                                               "place") or a.negated
        if strict or a.intent == "quantity" or (a.intent == "which_docs" and (a.condition or a.wants_percent)):
            cands = [c for c in cands if c.typed]
        if a.condition:
            cands = [c for c in cands if self._meets(a, c.unit.text)]
        if not cands:
            return Composition(NOT_FOUND, False)
        if a.intent in ("which_docs", "compare"):
            return self._per_document(a, cands)
        if a.places >= 2:  # two places asked of: one line each (not a province and the one it merged into)
            each = self._per_document(a, cands, by_province=True)
            if each.citations:
                return each
        answer = self._single(a, cands[0])
        runner_up = self._corroborating(cands)
        if runner_up is not None and answer.citations and len(answer.citations) == 1:
            self._add_second(answer, runner_up, cands[0])
        other = self._other_part(a, scored, answer)
        if other is not None:
            self._add_second(answer, other, cands[0])
        return answer

    def answer_candidates(self, a: QuestionAnalysis, passages: list[Passage],
                          scored: list[Candidate] | None = None) -> list[Candidate]:
        """The units that may answer, best first: of the kind of fact asked (a date, an amount, a name) when the
        question asks one, and meeting its condition ("trên 10%"). ``scored``: ``candidates(a, passages)`` if
        already computed."""
        cands = self.candidates(a, passages) if scored is None else scored
        if self.require_type:
            cands = [c for c in cands if not c.features.get("strict_untyped")]
        if a.condition:
            cands = [c for c in cands if self._meets(a, c.unit.text)]
        if a.unit_words and _ASKS_AMOUNT.search(a.folded) and any(c.features["typed"] > 1 and c.relevance > 0
                                                                  for c in cands):
            # "bao nhiêu doanh nghiệp" asks a count of enterprises: where units give a number of that very thing,
            # a number of something else ("2,4 tỷ đồng") does not answer. (A page in English cannot show the
            # Vietnamese name of the thing counted: its numbers are left to the model. A unit sharing no word with
            # the question is about something else, whatever it counts.)
            cands = [c for c in cands if c.features["typed"] > 1 or not opens_in_vietnamese(c.passage.text)]
        if a.intent == "date" and any(c.features["own_date"] for c in cands):
            # "ban hành ngày nào": where a unit states the document's own date (its place-date line, its
            # "Ngày ban hành"), a unit whose every date is another document's ("Xét Tờ trình số 1505/TTr-UBND ngày
            # 24/02/2021") does not answer, nor one with no date at all (a year or a period answers only "năm nào").
            cands = [c for c in cands if c.features["own_date"]
                     or (c.features["typed"] >= 1.0 and not _only_other_documents_dates(c))]
        if a.intent == "docnumber" and not a.doc_numbers and not names_by_kind(a.text) \
                and not ev.ASKS_BASIS.search(a.text):
            # "được phê duyệt bằng quyết định số mấy" (no document named) asks a document's own number: of a
            # document that states it ("Số: 6374/QĐ-UBND"), and is of the kind asked if one is, the units giving
            # only numbers of documents it cites ("Căn cứ Quyết định số 712/QĐ-TTg") do not answer.
            stating = {c.passage.doc_id for c in cands if _states_own_number(c, a.asked_doc_kind)}
            cands = [c for c in cands if c.passage.doc_id not in stating or not _only_other_documents_numbers(c)]
        codes = set(ev.named_codes(a.text))
        if codes:
            # "công cụ 5S được hỗ trợ bao nhiêu": a passage naming no such tool or standard speaks of others ("ISO
            # 9001, 14000, HACCP ..."); each passage read once, not once per unit
            by_id = {c.passage.chunk_id: c.passage for c in cands}
            naming = {i for i, p in by_id.items()
                      if codes & set(ev.named_codes(f"{p.title}\n{p.section_path}\n{p.text}"))}
            cands = [c for c in cands if c.passage.chunk_id in naming]
        if a.asked_doc_kind and any(c.features["kind_number"] for c in cands):
            # "theo tờ trình số mấy": where units give the number of a tờ trình, the number of another kind of
            # document (the decision that cites it) does not answer.
            cands = [c for c in cands if c.features["kind_number"]]
        cands = self._asked_year_first(a, cands)
        if ev.ASKS_PROPOSER.search(a.folded):
            # "ban hành theo đề nghị của ai": a text's proposer line ("Theo đề nghị của Chủ tịch Ủy ban ...") answers
            # before its issuer's ("Bộ trưởng Bộ KH&CN ban hành Thông tư ...")
            cands = self._lead_if_sure(cands, lambda c: bool(ev.PROPOSER.search(c.unit.text)))
        return self._named_document_first(a, cands)

    def _lead_if_sure(self, cands: list[Candidate], wanted: Callable[[Candidate], bool]) -> list[Candidate]:
        """``cands`` with the likeliest ``wanted`` unit first, when the likeliest of all is not wanted and that one
        clears the gate too: a rule on what answers only picks among units the fitted model finds likely enough."""
        if not cands or self.model is None or wanted(cands[0]):
            return cands
        gate = self.model.threshold
        better = next((c for c in cands[1:] if wanted(c) and c.features["probability"] >= gate), None)
        return cands if better is None else [better, *(c for c in cands if c is not better)]

    def _named_document_first(self, a: QuestionAnalysis, cands: list[Candidate]) -> list[Candidate]:
        """``cands`` with the likeliest unit of the document the question names by number first, when the likeliest
        of all is another document's and the named one's clears the gate too: a document is the primary source on
        itself ("Quyết định 1322/QĐ-TTg được ban hành theo đề nghị của ai?" is answered by the decision's "Theo đề
        nghị của Bộ trưởng Bộ KH&CN", not by news retelling it). A question asking which document is another
        matter: it asks for a document the named one is not."""
        if not a.doc_numbers or {a.intent, *(part.intent for part in a.parts)} & {"docnumber", "which_docs", "compare"}:
            return cands
        named = {number_key(n) for n in a.subject_numbers}

        def of_named(c: Candidate) -> bool:  # the document itself: news reporting on it carries its number too
            meta = c.passage.metadata
            return meta.get("doc_type") != "tin tức" and number_key(meta.get("doc_number") or "") in named

        return self._lead_if_sure(cands, of_named) if named else cands

    def _asked_year_first(self, a: QuestionAnalysis, cands: list[Candidate]) -> list[Candidate]:
        """``cands`` with the likeliest unit that states no other year first, when the likeliest of all states only
        another year than the one asked (one by one, not in a date or a period) and the other clears the gate too:
        "Năm 2024 đã hỗ trợ bao nhiêu doanh nghiệp?" is answered by "Đã hỗ trợ 34/80 doanh nghiệp" of the 2024
        report, not by its plan "hỗ trợ ít nhất 46 doanh nghiệp" for 2025. (The year features weigh a unit's years;
        this only keeps one of another year from leading an answer that a unit of no other year gives as well.)"""
        if not cands or not a.years or _PERIOD.search(a.text) or self.model is None:
            return cands
        asked = set(a.years)

        def of_another_year(c: Candidate) -> bool:  # (years it states one by one: not a date's, a number's, a period's)
            years = _single_years(c.unit.text)
            return bool(years) and not years & asked

        return self._lead_if_sure(cands, lambda c: not of_another_year(c))

    def _compose_learned(self, a: QuestionAnalysis, passages: list[Passage]) -> Composition:
        """The fitted unit model chooses: the best unit answers if its probability clears the gate fitted on data
        (``model.threshold``), else nothing does; a second unit as likely, from another sentence, is quoted too
        (facts stated twice). A question asking several things is also read part by part: it is answered if the
        whole or any part clears the gate, and each part gets its own quote."""
        assert self.model is not None
        gate = self.model.threshold
        scored = self.candidates(a, passages)
        cands = self.answer_candidates(a, passages, scored)
        parts = [[c for c in self.answer_candidates(part, passages) if not c.features["is_heading"]]
                 for part in (a.parts if self.other_parts else ())]
        whole = self.gate_score(cands)
        score = max([whole, *(self.gate_score(p) for p in parts)])
        if (not cands or whole < gate) and parts:  # the whole is unsure: its best part leads
            cands = max(parts, key=self.gate_score)
        elif parts and self.gate_score(parts[0]) > whole:
            # The whole question's words mix its parts' ("bao nhiêu tiền" of one, "hồ sơ" of another): a unit the
            # first part alone finds likelier answers at least that part, the whole's best may answer none.
            cands = parts[0]
        if not cands or score < gate:
            return Composition(NOT_FOUND, False, evidence_score=score)
        if a.intent in ("which_docs", "compare"):
            return replace(self._per_document(a, [c for c in cands if c.features["probability"] >= gate]),
                           evidence_score=score)
        if a.per_document:
            each = self._per_named_document(a, passages)
            if each is not None:
                return replace(each, evidence_score=score)
        if a.intent == "docnumber" and a.plural and (not a.doc_numbers or a.asked_doc_kind not in {
                "", *(type_from_number(n) for n in a.doc_numbers)}):
            # "những kế hoạch nào (số hiệu) ... thực hiện Quyết định 1322": each document (of the kind asked, not
            # one the question names) that states its own number and clears the gate, one line each
            stating = [c for c in cands if c.features["probability"] >= gate and not c.features["number_match"]
                       and _states_own_number(c, a.asked_doc_kind)]
            if len({c.passage.doc_id for c in stating}) >= 2:
                return replace(self._per_document(a, stating), evidence_score=score)
        if a.places >= 2:  # two places asked of: one line each (not a province and the one it merged into)
            # a part naming one of them asks of that place: its own reading chooses that place's line
            own = [c for part, part_cands in zip(a.parts, parts) if len(part.provinces) == 1 for c in part_cands
                   if c.features["probability"] >= gate
                   and _province_spoken_of(a, c, self.places) == part.provinces[0]]
            each = self._per_document(a, own + [c for c in cands if c.features["probability"] >= gate],
                                      by_province=True)
            if each.citations:  # (else no unit says which place it is about: answered as one question)
                return replace(each, evidence_score=score)
        cands = self._own_document_first(a, self._naming_the_place(a, self._in_question_language(a, cands, gate),
                                                                   gate), gate)
        answer = self._single(a, cands[0])
        answer.evidence_score = score
        quoted = answer.quoted
        best = cands[0].features["probability"]
        seconds = [c for c in cands[1:6] if c.features["probability"] >= max(gate, 0.5 * best)
                   and c.unit.text not in quoted and c.typed and not c.features["is_heading"]]
        if a.intent == "list":  # a list goes on in its own document ("gồm 7 tiêu chí" / "Cụ thể, ... bao gồm: ..."),
            # in a unit that enumerates, not in a title line that only names the list
            seconds.sort(key=lambda c: (c.features["typed"] < 1.0, c.passage.doc_id != cands[0].passage.doc_id))
        second = seconds[0] if seconds else None
        if second is not None and len(answer.citations) == 1:
            self._add_second(answer, second, cands[0])
        answered = 0  # parts whose own best unit is quoted
        for i, (part, part_cands) in enumerate(zip(a.parts, parts)):
            # a later part asking the same kind of fact as an earlier one asks another fact of that kind ("cơ quan
            # nào chủ trì, và cơ quan nào quản lý?"): a unit not quoted yet, from a document already cited
            again = any(p.intent == part.intent for p in a.parts[:i])
            extra = self._part_answer(part, part_cands, answer, another=again)
            if extra is not None:
                self._add_second(answer, extra, cands[0])
            answered += extra is not None or bool(part_cands) and part_cands[0].unit.text in answer.quoted
        # A unit for what the quotes leave out, unless every part already has its own
        other = None if a.parts and answered == len(a.parts) else self._other_part(a, scored, answer)
        if other is not None:
            self._add_second(answer, other, cands[0])
        for year in self._years_left_out(a, answer):
            # a question on two years ("năm 2019 và năm 2020 lần lượt ...") gets each year's figure
            each = next((c for c in cands if c.features["probability"] >= gate and not c.features["is_heading"]
                         and c.unit.text not in answer.quoted and year in _single_years(c.unit.text)), None)
            if each is not None:
                self._add_second(answer, each, cands[0])
        return answer

    @staticmethod
    def _years_left_out(a: QuestionAnalysis, answer: Composition) -> list[str]:
        """Of the years a question asks one by one (two or more, not a period: "năm 2019 và năm 2020", "in 2015 and
        in 2019"), those no quote states one by one yet, in the question's order."""
        asked = _single_years(a.text)
        if len(asked) < 2:
            return []
        quoted = _single_years(answer.quoted)
        return sorted(asked - quoted, key=a.text.index)

    @staticmethod
    def _in_question_language(a: QuestionAnalysis, cands: list[Candidate], gate: float) -> list[Candidate]:
        """A user reads the quote in the language they asked in, when the library says it in that language too.
        A page that gives a decision both in Vietnamese and in an English translation answers a Vietnamese
        question with the Vietnamese sentence: if the best unit is English, the page's best Vietnamese unit leads
        when it clears the gate and is at least ``LANGUAGE_SHARE`` as likely (the English words the unit model
        reads for English text can make the translation look likelier). An English page alone still answers.
        An English question (``asked_as``) whose best unit is Vietnamese is answered, on the same terms, by the
        best English unit of any page among the next ones."""
        asked_in_english = bool(a.asked_as)
        if not cands or is_english(cands[0].unit.text) == asked_in_english:
            return cands
        first = cands[0]
        floor = max(gate, LANGUAGE_SHARE * first.features["probability"])
        return _led_by(next((c for c in cands[1:8] if c.typed and is_english(c.unit.text) == asked_in_english
                             and c.features["probability"] >= floor
                             and (asked_in_english or c.passage.doc_id == first.passage.doc_id)), None), cands)

    def _naming_the_place(self, a: QuestionAnalysis, cands: list[Candidate], gate: float) -> list[Candidate]:
        """A page about several provinces (the list of mergers, award winners by province) or about none answers
        a question on one of them in the sentence that names it: when the best unit neither names an asked province
        nor comes from a document of one, the best of the next units that names one leads, if it clears the gate
        and is at least ``PLACE_SHARE`` as likely. (The province features see a passage's province, not which of
        its sentences speaks of the place, and the question's place names are no keywords.)"""
        if not a.provinces or not cands:
            return cands
        first = cands[0]
        if first.passage.metadata.get("province") in a.provinces or _places_named(a, first.unit.text, self.places):
            return cands
        floor = max(gate, PLACE_SHARE * first.features["probability"])
        return _led_by(next((c for c in cands[1:8] if c.features["probability"] >= floor
                             and _places_named(a, c.unit.text, self.places)), None), cands)

    @staticmethod
    def _own_document_first(a: QuestionAnalysis, cands: list[Candidate], gate: float) -> list[Candidate]:
        """A document is the primary source on itself: when the question names a document the library holds, its
        own best unit leads if it clears the gate and is at least half as likely as the best unit (news and other
        documents that restate it come after). So does the article a question names as its source ("Theo bài về
        lộ trình APO, ..."): the user asks what that article says. The fitted model cannot learn this: a copy of
        the fact in another document answers as well by the answer strings it is fitted on."""
        def own_text(c: Candidate) -> bool:
            return bool(c.features["source_match"]) or (bool(c.features["number_match"])
                                                        and c.passage.metadata.get("doc_type") != "tin tức")

        if not cands or own_text(cands[0]) or not (a.subject_numbers
                                                   or any(c.features["source_match"] for c in cands)):
            return cands
        best = cands[0].features["probability"]
        # who signed a document is what its own signature or "Người ký" field says, however a news item puts it
        share = 0.0 if a.intent == "signer" else OWN_DOCUMENT_SHARE
        own = next((c for c in cands[1:] if own_text(c) and c.typed
                    and c.features["probability"] >= max(gate, share * best)), None)
        return _led_by(own, cands)

    def _part_answer(self, part: QuestionAnalysis, cands: list[Candidate], answer: Composition,
                     another: bool = False) -> Candidate | None:
        """Of ``cands`` (one part of a question read alone, "... ngày nào" / "trên cơ sở tờ trình số mấy?", best
        first), the unit that clears the gate, preferably from a document already cited (the other part of a
        question about one document is in that document), if the answer does not quote it yet. ``another``: the
        part asks another fact of a kind already asked, so only a unit not quoted yet, of a cited document, does."""
        assert self.model is not None
        quoted = answer.quoted
        cited = {c.passage.doc_id for c in answer.citations}
        cands = [c for c in cands if c.features["probability"] >= self.model.threshold and not (
            another and (c.unit.text in quoted or c.passage.doc_id not in cited))]
        if len(part.doc_numbers) < 2:
            cands.sort(key=lambda c: c.passage.doc_id not in cited)  # stable: best first within each group
        if not cands:
            return None
        if cands[0].unit.text in quoted:
            # The part's best is quoted already: it may hold only the subject the parts share ("productivity per
            # hour in 2020" of "... and how much did it grow?"); a unit holding the part's own words, at least
            # half as likely, answers it.
            if not part.own_words:
                return None
            floor = PART_SHARE * cands[0].features["probability"]
            return next((c for c in cands[1:] if c.unit.text not in quoted
                         and c.features["focus_relevance"] > 0 and c.features["probability"] >= floor), None)
        return cands[0]

    @staticmethod
    def gate_score(cands: list[Candidate]) -> float:
        """What the refusal gate compares with its threshold: the fitted probability of the likeliest of the first
        five answer candidates (0 when there are none)."""
        return max((c.features["probability"] for c in cands[:5]), default=0.0)

    @staticmethod
    def _add_second(answer: Composition, second: Candidate, first: Candidate) -> None:
        """Quote ``second`` after the answer, cited (with the number of its passage when that is cited already)."""
        p = second.passage
        cited = next((c for c in answer.citations if c.passage.chunk_id == p.chunk_id), None)
        n = cited.n if cited is not None else len(answer.citations) + 1
        where = "cũng theo văn bản này" if p.doc_id == first.passage.doc_id else f"theo {doc_label(p.metadata)}"
        section = f", mục “{p.section_path}”" if p.section_path else ""
        answer.text += f"\nNgoài ra, {where}{section}: “{second.unit.text}” [{n}]"
        if cited is not None:
            answer.citations[answer.citations.index(cited)] = Citation(n, p, (*cited.quotes, second.unit.text))
        else:
            answer.citations.append(Citation(n, p, (second.unit.text,)))

    def _other_part(self, a: QuestionAnalysis, scored: list[Candidate], answer: Composition) -> Candidate | None:
        """For a question that asks two things ("ban hành ngày nào, trên cơ sở tờ trình số mấy?"), the unit among
        ``scored`` (every unit of the passages read, best first) that gives what the quotes so far leave out: a kind
        of fact asked and not quoted yet (a date, an amount, a name, a document number), else at least half (by
        weight) of the question's words the quotes do not hold; preferably from a document already cited. None for
        a one-part question or when no unit does."""
        if not self.other_parts or a.asks < 2 or not answer.found or not answer.citations:
            return None
        quoted = answer.quoted
        missing = [kind for kind in ev.asked_kinds(a.text) if not ev.has_kind(kind, quoted)]
        have = set(words(f"{quoted} {expansion_text(quoted)} {answer.citations[0].passage.title}"))
        passages = list({c.passage.chunk_id: c.passage for c in scored}.values())
        weights = self.keyword_weights(a, passages)
        residual = [k for k in dict.fromkeys(a.keywords) if k not in have and weights.get(k, 0.0) > 0]
        total = sum(weights[k] for k in residual)
        # The other part of a question about one document is in that document; a question naming two documents
        # ("Quyết định 1305 và Quyết định 1322 lần lượt ...") may take it from another.
        cited_docs = {c.passage.doc_id for c in answer.citations}
        one_document = len(a.doc_numbers) < 2
        best, best_key = None, (False, -1.0 if missing else OTHER_PART_MIN_COVER)
        for c in scored:
            if (c.unit.text in quoted or c.features["is_heading"]
                    or (missing and not any(ev.has_kind(k, c.unit.text) for k in missing))):
                continue  # a heading names a section, it states no fact
            unit_words = set(_spelled_out(c.unit.text))
            cover = sum(weights[k] for k in residual if k in unit_words) / total if total else 0.0
            key = (one_document and c.passage.doc_id in cited_docs, cover)
            if key > best_key:  # candidates come best first: ties keep the better-scored unit
                best, best_key = c, key
        return best

    @staticmethod
    def _corroborating(cands: list[Candidate]) -> Candidate | None:
        """A second sentence as good as the best one, from another passage of the same document: quoting both
        lets the reader see the plan say it twice (targets and task assignments often repeat a fact)."""
        best = cands[0]
        for c in cands[1:4]:
            if c.score < 0.98 * best.score:
                return None
            if (c.passage.doc_id == best.passage.doc_id and c.passage.chunk_id != best.passage.chunk_id
                    and c.typed and c.relevance >= 0.6 and not c.features["is_heading"]):
                return c
        return None

    @staticmethod
    def _uncovered_years(a: QuestionAnalysis, passages: list[Passage]) -> list[str]:
        """Asked years outside every period the retrieved documents speak of ("giai đoạn 2031-2035" when the
        plans run to 2030), and years the question names itself that no passage at hand names (a figure of 2024
        asked of pages on 2021-2023 and 2025; not a year an earlier turn gave, which says what is spoken of): the
        documents cannot answer, whatever sentence looks close."""
        if not a.years or not passages:
            return []
        mentioned = set()
        for p in passages:
            meta = p.metadata
            blob = f"{p.text} {p.section_path} {p.title} {meta.get('period', '')} {meta.get('issued_date', '')}"
            mentioned.update(_years(blob))
        if not mentioned:
            return []
        low, high = min(mentioned), max(mentioned)
        own = set(YEAR_ASKED.findall(CLOSING_CONTEXT.sub("", a.text)))
        return [y for y in a.years if not low <= int(y) <= high or (y in own and int(y) not in mentioned)]

    @staticmethod
    def _another_years(a: QuestionAnalysis, answer: Composition) -> tuple[str, str, str] | None:
        """A question on one year of a thing named by its year (an award, a forum, a yearly plan: "Diễn đàn Năng
        suất Quốc gia năm 2024") that the answer quotes only for another year ("... Diễn đàn Năng suất Quốc gia
        năm 2023") is not answered: (the asked year, the thing as quoted, the quote's year), else None. Not when
        the question counts up to its year ("tính đến năm 2018", "as of 2018"): an earlier count may answer it."""
        body = CLOSING_CONTEXT.sub("", a.text)  # (an earlier turn's year says what is spoken of)
        asked = _single_years(body)
        if len(asked) != 1 or _CUTOFF_YEAR.search(f"{a.asked_as} {body}"):
            return None
        year = next(iter(asked))
        if year in answer.text:
            return None
        question = f" {' '.join(words(f'{a.asked_as} {body}'))} "
        for m in _THING_YEAR.finditer(answer.quoted):
            said = words(m.group(1))
            for k in (4, 3, 2):
                thing = said[-k:]
                if len(thing) == k and not set(thing) <= STOPWORDS and f" {' '.join(thing)} " in question:
                    return year, _name_ending(m.group(1), k), m.group(2)
        return None

    @staticmethod
    def _absent_phrases(a: QuestionAnalysis, passages: list[Passage]) -> list[str]:
        """Phrases the question quotes that no passage at hand holds (folded, word for word): a quoted name is
        what the user asks about exactly, so a sentence that merely looks close does not answer."""
        phrases = quoted_phrases(a.asked_as or a.text)
        if not phrases or not passages:
            return []
        held = [" ".join(words(f"{p.title} \n {p.section_path} \n {p.text}")) for p in passages]
        return [f for f in phrases if not any(f" {' '.join(words(f))} " in f" {h} " for h in held)]

    def _meets(self, a: QuestionAnalysis, unit: str) -> bool:
        cond = a.condition
        assert cond is not None
        value = ev.attached_percentage(unit, set(_question_bigrams(a))) if cond.percent else None
        if value is None and not cond.percent:
            nums = [ev.to_float(n) for n in ev.NUMBER.findall(unit)]
            value = max(nums) if nums else None
        return value is not None and cond.holds(value)

    def quoted(self, c: Candidate, a: QuestionAnalysis | None = None) -> tuple[str, ...]:
        """The sentences to quote: the chosen one, and, after a heading or an introduction ending in ":",
        the items that follow it (the first sentence of the section, after a section heading); after a sentence
        announcing a count of things it does not name, asked for those things, the sentence that names them; before
        a list item, the line introducing its list."""
        units, idx = _placed(c)
        text = c.unit.text
        if idx is not None and (text.endswith(":") or ev.LIST_ITEM.match(text) and len(text) < 40):
            following = tuple(u.text for u in units[idx + 1 : idx + 6])
            if following:
                return (text, *following)
        if idx is not None and idx + 1 < len(units) and a is not None and _asks_announced(a, text):
            return (text, units[idx + 1].text)
        intro = _introduction(units, idx) if idx is not None and ev.LIST_ITEM.match(text) else None
        if intro:  # an item means what its list says of it: "Thông tư này không áp dụng đối với: - ..."
            return (intro, text)
        if idx is not None and c.features.get("is_heading") and idx + 1 < len(units):
            return (text, units[idx + 1].text)  # a heading names a section: its first sentence says what it holds
        if idx and _SESSION.match(text) and _TERM.search(units[idx - 1].text):
            # a council numbers its sessions within its term: "KỲ HỌP THỨ 5" is named with "HĐND TỈNH X KHÓA X"
            return (units[idx - 1].text, text)
        return (text,)

    def _single(self, a: QuestionAnalysis, c: Candidate) -> Composition:
        p = c.passage
        label = doc_label(p.metadata)
        section = f", mục “{p.section_path}”" if p.section_path else ""
        block = self._signature_block(a, p)
        if block:
            text = f"Theo {label}, văn bản được ký bởi: “{' / '.join(block)}” [1]."
            return Composition(text, True, [Citation(1, p, block)])
        if a.intent == "list":
            heading = p.section_path.rsplit(" > ", 1)[-1]
            items = [u.text for u in split_units(p.text) if ev.LIST_ITEM.match(u.text) and u.text != heading
                     and any(ch.isalnum() for ch in u.text)]
            if len(items) >= 2:
                return self._listed(f"Theo {label}{section}:", p, items[:12])
        if ev.LIST_ITEM.match(c.unit.text) and (a.intent in ("eligibility", "list") or a.plural):
            items = self._sibling_items(c)
            if len(items) >= 2:  # "những doanh nghiệp nào ...": every item of the list, not just the best one
                return self._listed(f"Theo {label}{section}:", p, items)
        if (a.intent == "list" or a.plural) and c.unit.text.rstrip().endswith(";"):
            items = self._enumeration(c)
            if len(items) >= 2:  # "Căn cứ Luật ...;" lines: the enumeration the chosen line belongs to
                return self._listed(f"Theo {label}{section}:", p, items)
        quotes = self.quoted(c, a)
        text = f"Theo {label}{section}: “{' '.join(quotes)}” [1]"
        return Composition(text, True, [Citation(1, p, quotes)])

    @staticmethod
    def _signature_block(a: QuestionAnalysis, p: Passage) -> tuple[str, ...]:
        """Every line of a signature passage when the question asks who signed (the signer's name with the title
        and "KT. CHỦ TỊCH" lines that say in whose name), else ()."""
        if a.intent == "signer" and p.metadata.get("section_kind") == "signature":
            return tuple(u.text for u in split_units(p.text))
        return ()

    @staticmethod
    def _listed(lead: str, p: Passage, items: list[str]) -> Composition:
        """``lead`` then one line per item of passage ``p``, each cited [1]."""
        body = "\n".join(f"{item} [1]" for item in items)
        return Composition(f"{lead}\n{body}", True, [Citation(1, p, tuple(items))])

    @staticmethod
    def _sibling_items(c: Candidate, limit: int = 10) -> list[str]:
        """The run of list items (same marker) around the chosen item in its passage."""
        units, idx = _placed(c)
        if idx is None:
            return []
        marker = c.unit.text[:1]
        start = idx
        while start > 0 and units[start - 1].text[:1] == marker:
            start -= 1
        end = idx
        while end + 1 < len(units) and units[end + 1].text[:1] == marker:
            end += 1
        return [u.text for u in units[start : end + 1] if any(ch.isalnum() for ch in u.text)][:limit]

    @staticmethod
    def _enumeration(c: Candidate, limit: int = 10) -> list[str]:
        """The run of lines around the chosen one that open with the same two words and end with ";" (the way a
        legal text enumerates without markers: "Căn cứ Luật ...;", "Căn cứ Luật ...;"), the chosen one included."""
        units, idx = _placed(c)
        if idx is None:
            return []
        opening = fold(" ".join(c.unit.text.split()[:2]))

        def same(u: Unit) -> bool:
            return fold(" ".join(u.text.split()[:2])) == opening and u.text.rstrip()[-1:] in (";", ".")

        start, end = idx, idx
        while start > 0 and same(units[start - 1]) and units[start - 1].text.rstrip().endswith(";"):
            start -= 1
        while end + 1 < len(units) and same(units[end + 1]) and units[end].text.rstrip().endswith(";"):
            end += 1
        return [u.text for u in units[start : end + 1]][:limit]

    @staticmethod
    def _outline(outline: list[Passage]) -> Composition:
        """The sub-sections ``outline`` holds, one cited line each: the heading with the lines continuing it."""
        first = outline[0]
        paths = [p.section_path.split(" > ") for p in outline]
        depth = len(os.path.commonprefix(paths))  # the listed section's own path; its sub-sections one below
        parent = paths[0][depth - 1]
        lines, citations = [], []
        for n, (p, path) in enumerate(zip(outline[:15], paths), start=1):
            label = path[depth]
            shown = heading_lines(p.text)
            heading = " ".join(shown) if label.rstrip(" …") and shown[0].startswith(label.rstrip(" …")) else label
            lines.append(f"- {heading} [{n}]")
            citations.append(Citation(n, p, tuple(shown)))
        text = f"Theo {doc_label(first.metadata)}, mục “{parent}” gồm:\n" + "\n".join(lines)
        return Composition(text, True, citations)

    def _per_named_document(self, a: QuestionAnalysis, passages: list[Passage]) -> Composition | None:
        """A question asking the same of each document it names ("Quyết định 1305 và Quyết định 1322 lần lượt
        ..."): the question (or the part of it that names the document) asked of each named document's passages
        alone, one cited line per document in the question's order, its best unit, from the document itself if
        it is held rather than a news article about it; None when fewer than two named documents have one."""
        lines, citations = [], []
        for number in dict.fromkeys(number_key(n) for n in a.doc_numbers):
            part = next((pt for pt in a.parts if number in {number_key(n) for n in pt.doc_numbers}), a)
            asked = replace(part, doc_numbers=[n for n in a.doc_numbers if number_key(n) == number],
                            per_document=False, parts=())
            own = [p for p in passages if number_key(p.metadata.get("doc_number") or "") == number]
            # (the question as a whole cleared the gate; each document it names then shows its best unit)
            cands = [c for c in self.answer_candidates(asked, own) if not c.features["is_heading"]]
            cands.sort(key=lambda c: c.passage.metadata.get("doc_type") == "tin tức")  # stable: best first
            if not cands:
                continue
            best = cands[0]
            n = len(citations) + 1
            p = best.passage
            block = self._signature_block(a, p)
            quotes = block or self.quoted(best)
            quote = (" / " if block else " ").join(quotes)
            lines.append(f"- {p.metadata.get('doc_number') or number} — theo {doc_label(p.metadata)}: “{quote}” [{n}]")
            citations.append(Citation(n, p, quotes))
        if len(citations) < 2:
            return None
        return Composition("Các tài liệu cho thấy:\n" + "\n".join(lines), True, citations)

    def _per_document(self, a: QuestionAnalysis, cands: list[Candidate], by_province: bool = False) -> Composition:
        """One cited line per document (or per province the question names), best unit first; a heading names a
        section and states no fact, so it is not a document's line."""
        by_doc: dict[str, Candidate] = {}
        for c in cands:
            key = _province_spoken_of(a, c, self.places) if by_province else c.passage.doc_id
            if (by_province and key not in a.provinces) or c.features.get("is_heading"):
                continue
            by_doc.setdefault(key, c)
        lines, citations = [], []
        for n, (key, c) in enumerate(list(by_doc.items())[:8], start=1):
            m = c.passage.metadata
            place = key if by_province else m.get("province")
            lead = f"{place_name(place)} — theo" if place else "Theo"  # a national page: its title
            lines.append(f"- {lead} {doc_label(m)}: “{c.unit.text}” [{n}]")
            citations.append(Citation(n, c.passage, (c.unit.text,)))
        return Composition("Các tài liệu cho thấy:\n" + "\n".join(lines), True, citations)
