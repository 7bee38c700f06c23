"""English questions about Vietnamese plans: translate the domain terms with a glossary, so the Vietnamese
pipeline (intent, keywords, lexical index) can work on them. Answers stay Vietnamese quotes.

>>> to_vietnamese("What labour productivity growth does Thai Binh target for 2025?")
'tăng năng suất lao động Thai Binh mục tiêu năm 2025 bao nhiêu'
>>> is_english("Mục tiêu của Nam Định là gì?")
False
"""

from __future__ import annotations

import re

from bm25s.stopwords import STOPWORDS_EN_PLUS

from assistant.evidence import YEAR
from assistant.question import split_parts
from common.text import words

_ENGLISH_WORDS = set("""what which who whom whose how when where does do did is are was were the of for in to by
with and or a an its their this that plan plans province provinces target targets agency agencies support
many much year years per each signed lead leads funding budget""".split())

# Longest phrases first; each maps to Vietnamese words the documents use.
GLOSSARY: list[tuple[str, str]] = [
    (r"total factor productivity", "TFP"),
    (r"labou?r productivity growth", "tăng năng suất lao động"),
    (r"labou?r productivity", "năng suất lao động"),
    (r"productivity and quality", "năng suất chất lượng"),
    (r"small and medium(?:-sized)? enterprises|smes?", "doanh nghiệp nhỏ và vừa"),
    (r"department of science and technology|dost", "Sở Khoa học và Công nghệ"),
    (r"people'?s committee", "Ủy ban nhân dân"),
    (r"which provinces?|what provinces?", "tỉnh nào"),
    (r"which (?:agency|department|body|office|organi[sz]ation)|what (?:agency|department|body)", "cơ quan nào"),
    (r"who signed|who signs|signed by|signatory", "ai ký"),
    (r"how many|how much|what percentage|what percent|what share|what rate|what level", "bao nhiêu"),
    (r"focal (?:point|agency)", "đầu mối"),
    (r"in charge of|responsible for|leads?|chairs?|presides?", "chủ trì"),
    (r"coordinat\w*|cooperat\w*|collaborat\w*", "phối hợp"),
    (r"eligib\w*|who can (?:receive|get|apply)", "đối tượng được hỗ trợ"),
    (r"funding|budget|funds?|financ\w*|costs?", "kinh phí"),
    (r"billion (?:dong|vnd)", "tỷ đồng"),
    (r"million (?:dong|vnd)", "triệu đồng"),
    (r"sources?", "nguồn"),
    (r"pilot models?|model projects?", "mô hình điểm"),
    (r"clubs?", "câu lạc bộ"),
    (r"universit(?:y|ies)|colleges?", "trường đại học, cao đẳng"),
    (r"experts?|specialists?", "chuyên gia"),
    (r"train(?:ed|ing|s)?", "đào tạo"),
    (r"enterprises?|businesses|companies|firms", "doanh nghiệp"),
    (r"cooperatives?", "hợp tác xã"),
    (r"support(?:ed|s)?|assist\w*|help", "hỗ trợ"),
    (r"productivity", "năng suất"),
    (r"quality", "chất lượng"),
    (r"growth|increase|raise|grow", "tăng"),
    (r"contribut\w*", "đóng góp"),
    (r"targets?|goals?|objectives?|aims?", "mục tiêu"),
    (r"tasks?|solutions?|measures?", "nhiệm vụ, giải pháp"),
    (r"main|key|major", "chính"),
    (r"groups?", "nhóm"),
    (r"document number|number of the plan|reference number", "số hiệu"),
    (r"issued|promulgated|adopted", "ban hành"),
    (r"deadline|due date", "thời hạn"),
    (r"report(?:s|ing)?", "báo cáo"),
    (r"when|what date|which date", "ngày nào"),
    (r"national|nationwide|country", "quốc gia"),
    (r"hospitals?|health (?:care )?facilities", "cơ sở khám bệnh, chữa bệnh"),
    (r"more than|over|above|exceeding", "trên"),
    (r"less than|below|under", "dưới"),
    (r"plans?", "kế hoạch"),
    (r"provinces?", "tỉnh"),
    (r"by (20\d{2})|until (20\d{2})|in (20\d{2})|for (20\d{2})", r"năm \1\2\3\4"),
    (r"per year|a year|annually|each year|yearly", "mỗi năm"),
]
_GLOSSARY = [(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), vi) for pattern, vi in GLOSSARY]
_DROP = re.compile(r"\b(?:what|which|who|how|does|do|did|is|are|was|were|the|of|in|to|a|an|its|their|this|that|"
                   r"set|sets|has|have|had|will|should|must|be|been|and|or|on|at|from|with|about|'s|s)\b",
                   re.IGNORECASE)


def is_english(text: str) -> bool:
    """ASCII text with several English function words (Vietnamese typed without diacritics has none)."""
    if any(ord(c) > 127 for c in text):
        return False
    found = [w for w in re.findall(r"[a-z']+", text.lower()) if w in _ENGLISH_WORDS]
    return len(found) >= 2


# What each English interrogative asks, for a question asking several things ("When ..., and who ...?"): each
# part keeps its own, so that it is read as a part of its own.
_ASKS = [(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), vi) for pattern, vi in (
    (r"who|whom", "ai"), (r"where", "ở đâu"), (r"which|what", "nào"))]


def to_vietnamese(question: str) -> str:
    """The glossary's Vietnamese for every domain phrase; names, numbers and unknown words are kept. A question
    asking several things is put into Vietnamese part by part, each part with its interrogative.

    >>> to_vietnamese("How many firms won in 2021, and who spoke for Vietnam?")
    'bao nhiêu doanh nghiệp won năm 2021, và ai spoke for Vietnam'
    """
    parts = split_parts(question)
    if len(parts) >= 2:
        return ", và ".join(_translate(part, keep_asks=True) for part in parts)
    return _translate(question)


def _translate(question: str, keep_asks: bool = False) -> str:
    text = question.rstrip("?!. ")
    placeholders: list[str] = []

    def keep(m: re.Match[str], vi: str) -> str:
        placeholders.append(m.expand(vi))
        return f" \x00{len(placeholders) - 1}\x00 "

    for pattern, vi in _GLOSSARY + (_ASKS if keep_asks else []):
        text = pattern.sub(lambda m, vi=vi: keep(m, vi), text)
    text = _DROP.sub(" ", text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: placeholders[int(m.group(1))], text)
    if re.match(r"\s*what\b", question, re.IGNORECASE) and re.search(
            r"\b(growth|rate|share|percent\w*|number|amount|target|increase)\b", question, re.IGNORECASE):
        text += " bao nhiêu"  # "What growth does X target?" asks for an amount
    return " ".join(text.replace(",", " ").split())


_NOT_KEYWORDS = set(STOPWORDS_EN_PLUS) | {"many", "much", "whose", "according"}


def english_keywords(question: str) -> list[str]:
    """The content words of an English question (folded like :func:`common.text.words`; no function words, no
    years), to read English passages with: the glossary's Vietnamese words are not in them.

    >>> english_keywords("What was Vietnam's labor productivity per hour in 2021, and what was Thailand's?")
    ['vietnam', 'labor', 'productivity', 'per', 'hour', 'thailand']
    """
    return [w for w in dict.fromkeys(words(question)) if w not in _NOT_KEYWORDS and not YEAR.fullmatch(w)
            and len(w) > 1]
