"""Rewrite a follow-up question into a standalone one from the earlier turns, without an LLM.

>>> r = FollowUpRewriter(ProvinceGazetteer())
>>> r.rewrite("Còn đến năm 2030 thì sao?", ["Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?"])
'Mục tiêu tăng năng suất lao động của Nam Định đến năm 2030 là bao nhiêu?'
>>> r.rewrite("Thế còn TFP?", ["Mục tiêu tăng năng suất lao động của Nam Định đến năm 2025 là bao nhiêu?"])
'Mục tiêu TFP của Nam Định đến năm 2025 là bao nhiêu?'
>>> r.rewrite("Kế hoạch đó do ai ký?", ["Kế hoạch 285/KH-UBND của Bắc Ninh ban hành ngày nào?"])
'Kế hoạch đó do ai ký? (Bắc Ninh, 285/KH-UBND)'
>>> r.rewrite("Còn số chuyên gia được đào tạo thì sao?", ["Nam Định hỗ trợ bao nhiêu doanh nghiệp đến năm 2025?"])
'Số chuyên gia được đào tạo là bao nhiêu? (Nam Định, 2025)'
>>> r.rewrite("Trong số đó có bao nhiêu lượt nhận Giải Vàng?", ["Năm 2024 có bao nhiêu lượt doanh nghiệp được tặng GTCLQG?"])
'Trong số đó có bao nhiêu lượt nhận Giải Vàng? (Năm 2024 có lượt doanh nghiệp được tặng GTCLQG)'
>>> r.rewrite("Năm 2016 vinh danh bao nhiêu doanh nghiệp, trong đó bao nhiêu giải Vàng?", ["Ai ký Kế hoạch 45/KH-UBND?"])
'Năm 2016 vinh danh bao nhiêu doanh nghiệp, trong đó bao nhiêu giải Vàng?'
>>> r.rewrite("Cơ quan nào đề xuất ban hành, qua tờ trình số mấy?", ["Chương trình NSCL của Hà Nội 2010-2020 do ai ký?"])
'Cơ quan nào đề xuất ban hành, qua tờ trình số mấy? (Hà Nội, 2020)'
>>> r.rewrite("Sửa đổi đó nhằm mục đích gì?", ["Văn bản nào sửa đổi, bổ sung Thông tư 15/2022/TT-BKHCN?"])
'Sửa đổi đó nhằm mục đích gì? (15/2022/TT-BKHCN, 2022)'
>>> r.rewrite("Quảng Ninh đặt mục tiêu gì cho doanh nghiệp của tỉnh?", ["Ai ký Kế hoạch 45/KH-UBND?"])
'Quảng Ninh đặt mục tiêu gì cho doanh nghiệp của tỉnh?'
"""

from __future__ import annotations

import re

from common.provinces import ProvinceGazetteer
from common.text import fold, words
from assistant.question import YEAR_ASKED as _YEAR
from assistant.question import interrogative_phrases
from ingest.metadata import find_doc_numbers

# Words that mark a turn leaning on the previous one: "còn ... thì sao", "thế còn", "kế hoạch đó", "tỉnh này".
_FOLLOWUP = re.compile(r"^(con|the con|vay con|con ve)\b|\b(thi sao|the nao|ra sao|nhu the nao)\s*\??$|"
                       r"\b(do|nay|ay|tren|vua roi|kia)\s*\??$|\b(ke hoach|van ban|quyet dinh|tinh|tai lieu) "
                       r"(do|nay|ay|tren)\b")
# A turn opening with "Trong số đó ...", "Số đó ..." asks about the set the previous question counted or named (a
# question with "trong đó" further on is a question of its own: "... bao nhiêu doanh nghiệp, trong đó bao nhiêu ...").
_ANAPHOR = re.compile(r"^(trong so (do|nay|tren)|trong (do|nay)|so (do|nay|tren)|among (them|those|these))\b")
# "Sửa đổi đó", "chương trình này": a thing named by a demonstrative is one the conversation already named (not
# "trong đó / sau đó / khi đó", which point inside the same question or at a time).
_DEMONSTRATIVE = re.compile(r"\b(?!(?:trong|sau|khi|từ|đến|tới|do|vì|bởi|như)\b)\w+\s+(?:đó|này|ấy)\b", re.IGNORECASE)
# What makes a question stand on its own: a province, a year or another number (a document's, a programme's).
_ANCHOR = re.compile(r"\d{2,}")
_FILLER = re.compile(r"^(?:còn|thế còn|vậy còn|còn về)\s+|\s*(?:thì sao|thế nào|ra sao|như thế nào)\s*\??\s*$",
                     re.IGNORECASE)


class FollowUpRewriter:
    """Substitutes what the follow-up changes (year, province, topic) into the last self-contained question."""

    def __init__(self, gazetteer: ProvinceGazetteer):
        self.gazetteer = gazetteer

    def is_followup(self, question: str) -> bool:
        """Whether a turn leans on the earlier ones: it says so ("còn ... thì sao", "văn bản đó", "trong số đó"),
        is a few words long, or names nothing of its own to be about (no province, no year, no number): "Cơ quan
        nào đề xuất ban hành?" after a question on one programme asks about that programme."""
        f = fold(question)
        return (bool(_FOLLOWUP.search(f) or _ANAPHOR.search(f) or _DEMONSTRATIVE.search(question))
                or len(words(question)) <= 4
                or not (_ANCHOR.search(question) or self.gazetteer.find_all(question)))

    def rewrite(self, question: str, history: list[str] | None) -> str:
        history = [h for h in (history or []) if h and h.strip()]
        if not history or not self.is_followup(question):
            return question
        base = history[-1]
        if _ANAPHOR.search(fold(question)):  # what "đó" points at is the previous question's subject
            return f"{question.rstrip()} ({_subject(base)})"
        new_years = _YEAR.findall(question)
        new_provinces = self.gazetteer.find_all(question)
        old_years = _YEAR.findall(base)
        old_provinces = self.gazetteer.find_all(base)
        changed = False
        rewritten = base
        if new_years and old_years:
            rewritten = rewritten.replace(old_years[-1], new_years[-1])
            changed = True
        if new_provinces and old_provinces:
            rewritten = self.gazetteer.rename(rewritten, {old_provinces[0]: new_provinces[0]})
            changed = True
        if changed and len(words(_FILLER.sub("", question))) <= len(new_years) + 3 * len(new_provinces) + 3:
            return rewritten
        topic = _FILLER.sub("", question).strip(" ?")
        asks = set(words(topic)) & _QUESTION_WORDS
        if not changed and topic and not asks:
            # "Còn doanh nghiệp vừa thì sao?" after a question on "doanh nghiệp siêu nhỏ"; "Thế còn TFP?" after one
            # on labour productivity: the same question on the other kind or indicator
            swapped = _swap_kind(base, topic) or (_swap_indicator(base, topic) if len(words(topic)) <= 4 else None)
            if swapped:
                return swapped
        # "Còn <topic> thì sao?" with no interrogative of its own asks the previous question's ("bao nhiêu") of
        # the new topic.
        asked = interrogative_phrases(base)
        if not asks and topic and asked and question != topic and not interrogative_phrases(topic):
            link = " là " if asked[0].lower() in ("bao nhiêu", "gì") else " "
            question = f"{topic[0].upper()}{topic[1:]}{link}{asked[0]}?"
        # Otherwise the follow-up asks something new about the same subject: carry the context over.
        old_numbers = find_doc_numbers(base)
        if _DEMONSTRATIVE.search(question) and not old_provinces and not old_numbers:
            # "Quyết định đó ..." after a question that names its document by description only ("Quyết định trao
            # Giải thưởng Chất lượng Quốc gia năm 2022"): that description is what the demonstrative points at
            return f"{question.rstrip()} ({_subject(base)})"
        context = [p for p in old_provinces if p not in new_provinces]
        context += [n for n in old_numbers if n not in question]
        if not new_years and old_years:
            context += old_years[-1:]
        if not context:
            topic = _FILLER.sub("", question).strip(" ?")
            return f"{base} {topic}".strip() if topic and topic.lower() not in base.lower() else base
        return f"{question.rstrip()} ({', '.join(context)})"


def _subject(question: str) -> str:
    """A question without its interrogative phrases: what it asks about."""
    for phrase in interrogative_phrases(question):
        question = question.replace(phrase, " ")
    return " ".join(question.strip(" ?").split())


# Where a noun phrase's modifiers end: a verb, a preposition, a clause or the question's end.
_PHRASE_END = re.compile(r"\s+(?:được|là|có|của|tại|ở|trong|đến|theo|thì|với|cho|phải|đã|sẽ|đang|do|bị|từ|và)\b|[,?.;:]|$",
                         re.IGNORECASE)


def _swap_kind(base: str, topic: str) -> str | None:
    """The previous question asked of another kind of the same thing: "Còn doanh nghiệp vừa thì được hỗ trợ thế
    nào?" after "... doanh nghiệp siêu nhỏ được hỗ trợ chi phí tư vấn tối đa bao nhiêu?" asks that of medium-sized
    firms. The follow-up's phrase (before "thì") opens with the noun of a phrase of the previous question, and
    names another kind of it.

    >>> _swap_kind("Doanh nghiệp siêu nhỏ được hỗ trợ chi phí tư vấn tối đa bao nhiêu mỗi năm?",
    ...            "doanh nghiệp vừa thì được hỗ trợ")
    'Doanh nghiệp vừa được hỗ trợ chi phí tư vấn tối đa bao nhiêu mỗi năm?'
    >>> _swap_kind("Doanh nghiệp siêu nhỏ được hỗ trợ bao nhiêu?", "hợp tác xã") is None
    True
    """
    phrase = re.split(r"\s+thì\b", topic, maxsplit=1, flags=re.IGNORECASE)[0].strip()
    tokens = phrase.split()
    if len(tokens) < 3 or len(tokens) > 6:
        return None
    head = r"\s+".join(re.escape(t) for t in tokens[:2])
    m = re.search(rf"(?<!\w){head}(?!\w)", base, re.IGNORECASE)
    if m is None:
        return None
    end = _PHRASE_END.search(base, m.end())
    old = base[m.start(): end.start()] if end else base[m.start():]
    if len(old.split()) < 3 or fold(old) == fold(phrase):
        return None  # the previous phrase names no kind of its own to replace
    new = phrase[0].upper() + phrase[1:] if m.start() == 0 else phrase
    return base[: m.start()] + new + base[m.start() + len(old):]


# What plans set targets on: a short follow-up naming another of these asks the same question about it.
INDICATORS = (
    "tỷ trọng đóng góp của TFP", "tăng năng suất lao động", "năng suất lao động", "TFP", "chuyên gia",
    "doanh nghiệp", "mô hình điểm", "câu lạc bộ", "kinh phí", "lớp tập huấn", "cơ sở khám bệnh, chữa bệnh",
    "đơn vị", "hợp tác xã", "trường đại học",
)
# A follow-up holding these asks a new question ("Ai ký?"), it does not name another indicator ("Thế còn TFP?").
_QUESTION_WORDS = {"ai", "gi", "nao", "bao", "nhieu", "ky", "khi", "dau", "sao", "may", "ngay", "nguon"}
_INDICATOR_RE = re.compile("|".join(re.escape(i) for i in INDICATORS), re.IGNORECASE)


def _swap_indicator(base: str, topic: str) -> str | None:
    m = _INDICATOR_RE.search(base)
    if not m or m.group(0).lower() == topic.lower():
        return None
    return base[: m.start()] + topic + base[m.end():]
