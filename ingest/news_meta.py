"""News articles (and the news-like parts of any page): headline, date, the province an article is about, and
the document it reports on.

A news article about a provincial plan often restates the national programme it carries out; an article about a
national decision often names the provinces of the firms it lists, or the capital where an event was held. The
province of an article is the one its headline names, or the one it names far more than any other; the document
it reports on is the province's own when it is about a province, else the national one its headline or lead names.
"""

from __future__ import annotations

import re
from collections import Counter

from common.districts import district_counts
from common.provinces import ProvinceGazetteer
from common.text import UPPER, fold, sentence_breaks
from ingest.official_header import NATIONAL, PROVINCIAL, is_header_line, iso, issuer_from_number, number_parts

# "285/KH-UBND", "20/2021/NQ-HĐND", "1078/VPCP-KGVX"; a code ends at a word boundary ("299/QĐ-UBND - Tổng thể"
# is 299/QĐ-UBND, not 299/QĐ-UBND-T).
# "285/KH-UBND", "15/2022/TT-BKHCN", and the National Assembly's "202/2025/QH15" (a code ending in its term); a
# code may join two offices with "&" ("45/SKH&CN-QLCN", "31/SKHĐT-TTXTĐT&HTDN").
# The Party numbers its documents with a hyphen before the kind and the committee after a slash: "57-NQ/TW" (the
# Politburo's resolution), "36-CT/TU" (a provincial committee's directive), "86-CTr/TU", "402-CV/VPĐU".
DOC_NUMBER = re.compile(r"(?<![\w/])(\d{1,5})\s*/\s*(?:(\d{4})\s*/\s*)?([A-ZĐ][A-Za-zĐđ&]{0,5}(?:(?:\s*[-/]\s*[A-ZĐ][A-Za-zĐđ0-9&]{0,12}(?![\wÀ-ỹ&]))+|(?(2)(?<=[A-Z])\d{1,2}(?![\w/])|(?!))))|"
                        r"(?<![\w/-])\d{1,5}-[A-ZĐ][A-Za-zĐđ]{0,3}/[A-ZĐƯ][A-ZĐƯ]{1,5}\d{0,2}(?![\wÀ-ỹ&/-])")
NUM_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_MONTHS_EN = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                               "nov", "dec"))}
_EN_DATE = re.compile(r"\b(?:(\d{1,2})\s+)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+"
                      r"(?:(\d{1,2}),?\s+)?(\d{4})\b")
# WordPress in Vietnamese: "Thứ Tư, Tháng Một 8, 2020".
_VN_MONTH_WORDS = {"một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
                   "mười": 10, "mười một": 11, "mười hai": 12}
_VN_WORD_DATE = re.compile(r"Tháng\s+(Mười Một|Mười Hai|Mười|Một|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín)\s+(\d{1,2}),\s*(\d{4})",
                           re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
NEWS_ISSUER = re.compile(r"(UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)\s+(tỉnh|thành phố|TP\.?)\s+"
                          rf"([{UPPER}][\wÀ-ỹ]*(?:\s+[{UPPER}][\wÀ-ỹ]*){{0,3}})")
UNKNOWN_PROVINCE = re.compile(rf"\b(?:tỉnh|Tỉnh|TỈNH)\s+([{UPPER}][a-zà-ỹđ]+(?:\s+[{UPPER}][a-zà-ỹđ]+){{0,2}})")
# News that speaks of a national programme or decision (Vietnamese and English).
_NATIONAL_NEWS = re.compile(r"\b(thu tuong chinh phu|chuong trinh quoc gia|ke hoach tong the|qd-ttg|qd/ttg|"
                            r"prime minister|national program|national programme|master plan|decision \d+/qd-ttg)\b")
# "The province" without its name: a text written in or for one province ("HĐND tỉnh khóa XVIII", "toàn tỉnh",
# an agency of it, "Hiệp hội DNNVV tỉnh, ...").
_LOCAL_DEIXIS = re.compile(rf"\b(?:của tỉnh|toàn tỉnh|trên địa bàn tỉnh|tỉnh ta|(?:UBND|HĐND) tỉnh(?!\s+[{UPPER}])|"
                           r"(?<![\w&])[A-ZĐ][\w&]*\s+tỉnh(?=\s*[,;.)])|"
                           rf"của thành phố|toàn thành phố|(?:UBND|HĐND) (?:TP|thành phố)(?!\.?\s*[{UPPER}]))")
# Codes of a number that make it a provincial document's ("…/KH-UBND", "…/NQ-HĐND", "…/BC-SKHCN").
_LOCAL_CODE = re.compile(r"^(?:UBND|HDND|S[A-Z]{2,8})$")


def normalise_doc_number(raw: str) -> str:
    """ "285 / KH - UBND" → "285/KH-UBND"; "36/QĐ/TTg" keeps its slashes."""
    return re.sub(r"\s+", "", raw)


def find_doc_numbers(text: str) -> list[str]:
    return [normalise_doc_number(m.group(0)) for m in DOC_NUMBER.finditer(text)]


_TOPIC_WORDS = ("ke hoach", "nang suat", "chat luong", "productivity", "quality", "award")


# An item of a list ("• Tăng năng suất ...", "- ...", "+ ..."): a list comes in the body, never as a headline.
_BULLET = re.compile(r"^\s*[•●▪◦\-–+*]\s")
# A headline is made of words: a run of 30 letters and digits is an address or a file name a page leaks into its
# text ("khe1baa3i tin cue1bb99c20he1bb8dp20le1baa7n20...", a URL-encoded name with its "%" signs lost).
_NOT_WORDS = re.compile(r"[^\W_]{30,}")


def headline(lines: list[str], gazetteer: ProvinceGazetteer, hint: str | None) -> str:
    """A news article's headline: a line a page repeats (its title and its heading), else the first line that
    names a province or the topic, else the page's title, else the first headline-like line. A body sentence
    (ending on a full stop, or holding one) is not a headline, nor a line of an official header."""
    candidates = [ln for ln in lines[:10] if 25 <= len(ln) <= 250 and not NUM_DATE.search(ln[:20])
                  and not ln.endswith(".") and not sentence_breaks(ln) and not is_header_line(ln)
                  and not _BULLET.match(ln) and not _NOT_WORDS.search(ln)]
    def bare(line: str) -> str:
        return re.sub(r"\s*\([^()]*\)\s*$", "", line)

    repeated = [ln for ln in candidates
                if lines[:10].count(ln) > 1 or any(o != ln and o.startswith(bare(ln)) for o in lines[:10])]
    if repeated:
        return repeated[0]
    # A headline comes before the body: a line after the first body sentence (a line ending on a full stop, or a
    # paragraph) is body text, such as a page's last line cut mid-sentence; it is taken only when nothing before
    # the body is headline-like.
    body = next((i for i, ln in enumerate(lines[:10]) if ln.endswith(".") or sentence_breaks(ln) or len(ln) > 250),
                10)
    head = [ln for ln in candidates if ln in lines[:body]]

    def on_topic(line: str) -> bool:
        return bool(gazetteer.find_all(_mask(line))) or any(w in fold(line) for w in _TOPIC_WORDS)

    first = next((ln for ln in head if on_topic(ln)), "") or (hint.strip() if hint and len(hint) >= 10 else "")
    if first or head:
        return first or head[0]
    return next((ln for ln in candidates if on_topic(ln)), "") or (
        candidates[0] if candidates else (lines[0][:200] if lines else ""))


# Names that hold a province's name and are not about it: the Pacific ("Châu Á - Thái Bình Dương" is not Thái
# Bình), and a publisher's name in parentheses after a headline ("... (Báo Vĩnh Long, 27/05/2021)").
_NOT_A_PROVINCE = re.compile(r"Thái\s+Bình\s+Dương|THÁI\s+BÌNH\s+DƯƠNG|Thai\s+Binh\s+Duong|Asia[-\s]Pacific")
# A place where an event was held, or a news dateline: "in Hanoi", "tại Hà Nội", "HANOI, VIETNAM -", "Hanoi (VNA)".
_VENUE_BEFORE = re.compile(r"(?:\b(?:in|at|tại|ở)\s+(?:the\s+)?(?:capital\s+)?(?:city\s+of\s+)?|^\s*)$", re.IGNORECASE)
_VENUE_AFTER = re.compile(r"^\s*(?:\((?:VNA|TTXVN|VNS)\)|,\s*(?:VIETNAM|Vietnam|Việt Nam))")


_CAPITAL = "Hà Nội"


def _mask(text: str) -> str:
    return _NOT_A_PROVINCE.sub(lambda m: "#" * len(m.group(0)), text)


def _news_counts(text: str, gazetteer: ProvinceGazetteer) -> Counter[str]:
    """Province mentions in a news text, a district's ("huyện Ninh Phước") for its province; the capital named as
    the venue of an event or in a dateline counts for nothing (national events are held, and national news is
    filed, in Hà Nội)."""
    masked = _mask(text)
    counts: Counter[str] = Counter()
    for m in gazetteer.matches(masked):
        line_start = masked.rfind("\n", 0, m.start) + 1
        before, after = masked[max(line_start, m.start - 40):m.start], masked[m.end:m.end + 20]
        if m.name == _CAPITAL and _VENUE_BEFORE.search(before) and (before.strip() == "" and _VENUE_AFTER.match(after) or before.strip()):
            continue
        counts[m.name] += 1
    # "huyện Ninh Phước" names its (former) province; the capital's districts are where national events are held
    counts.update({p: n for p, n in district_counts(masked).items() if p != _CAPITAL})
    return counts


def lead(lines: list[str], title: str) -> str:
    """A news article's headline and lead: the lines after the headline up to the first paragraph-long one."""
    start = lines.index(title) + 1 if title in lines else 0
    out = [title]
    for line in lines[start:start + 6]:
        out.append(line)
        if len(line) >= 120:
            break
    return "\n".join(out)


# A document named as what another one carries out, amends or guides ("Chương trình hành động của Chính phủ thực
# hiện Nghị quyết 57-NQ/TW", "which implements Conclusion No. 123-KL/TW"): the page is that other document, or
# about it.
# (A list of them runs on over its commas: "thực hiện các Nghị quyết số 01/NQ-CP, 02/NQ-CP".)
_CARRIED_OUT = re.compile(r"\b(?:(?:kế hoạch|chương trình|phụ lục|đề án|nghị quyết|quyết định|thông tư|plan|program|"
                          r"programme)\b[^,?;]{0,80}?|which\s+)\b(?:thực hiện|triển khai|sửa đổi|bổ sung|thay thế|"
                          r"hướng dẫn|cụ thể hóa|implementing|implements|amending|amends|replacing|replaces|guiding)\b"
                          r"(?P<clause>(?:[^,?;]|,(?=(?:\s+\S+){0,3}?\s+\d))*)", re.IGNORECASE)


def carried_out(text: str) -> set[str]:
    """The numbers ``text`` names as what a document carries out, amends or guides.

    >>> sorted(carried_out("Kế hoạch 3260-KH/ĐĐQH15 của Đảng đoàn Quốc hội triển khai thực hiện Nghị quyết 57-NQ/TW"))
    ['57-NQ/TW']
    >>> carried_out("Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học")
    set()
    """
    return {n for m in _CARRIED_OUT.finditer(text) for n in find_doc_numbers(m.group("clause"))}


def reported_number(text: str, province: str, lead: str, title: str = "") -> str:
    """The document a news article reports on: a provincial one when the article is about a province (the
    national decisions it cites are its background), else a national one its headline or lead names (the
    headline's first: "Decision No. 604/QD-TTg dated May 25, 2012 ..." over the decisions its body cites), not
    one it names as what the page's document carries out."""
    numbers = find_doc_numbers(text)
    plans = [n for n in numbers if "/KH" in n.upper() or "-KH/" in n.upper()]
    if province:
        local = [n for n in numbers if any(_LOCAL_CODE.match(c) for c in _codes(n))]
        plans = plans or local
    else:
        refs = carried_out(title) | carried_out(lead)
        headline_numbers = [n for n in find_doc_numbers(title) if issuer_from_number(n)[1] == NATIONAL
                            and n not in refs]
        if headline_numbers and not plans:
            return headline_numbers[0]
        plans = plans or [n for n in find_doc_numbers(lead) if issuer_from_number(n)[1] == NATIONAL and n not in refs]
    return Counter(plans).most_common(1)[0][0] if plans else ""


def _codes(number: str) -> list[str]:
    return number_parts(number)[1]


def news_date(text: str, lines: list[str], hint: str | None = None) -> str:
    """A news article's date: the page's own (HTML metadata), else its dateline."""
    if hint:
        return hint
    # A news dateline or byline: a short line with a date, best one that also gives the time.
    datelines = [ln for ln in lines[:8] if NUM_DATE.search(ln) and (len(ln) <= 60 or _TIME.search(ln))]
    for line in sorted(datelines, key=lambda ln: not _TIME.search(ln)):
        m = NUM_DATE.search(line)
        assert m is not None
        return iso(m.group(1), m.group(2), m.group(3))
    for line in lines[:8]:
        if len(line) > 120:
            continue
        m = _EN_DATE.search(line)
        if m and (m.group(1) or m.group(3)):
            return iso(m.group(1) or m.group(3), str(_MONTHS_EN[m.group(2)[:3].lower()]), m.group(4))
        w = _VN_WORD_DATE.search(line)
        if w:
            return iso(w.group(2), str(_VN_MONTH_WORDS[w.group(1).lower()]), w.group(3))
    # A lead that opens on the date of what it reports: "Ngày 31/01/2024, Thủ tướng Chính phủ đã ký ...".
    for line in lines[:6]:
        m = re.match(r"^(?:\([^)]{1,20}\)\s*[-–]?\s*|[A-ZĐ]{2,8}\s*[-–]\s*)?(?:Ngày|Hôm nay,? ngày)\s+"
                     r"(\d{1,2})/(\d{1,2})/(\d{4})", line)
        if m:
            return iso(m.group(1), m.group(2), m.group(3))
    return ""


def dominant(counts: Counter[str], least: int = 3, ratio: float = 2.0) -> str:
    """The province a text is about: named at least ``least`` times and ``ratio`` times as often as any other."""
    ranked = counts.most_common(2)
    if not ranked:
        return ""
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= least and n >= ratio * second else ""


def with_province(name: str, province: str) -> str:
    """"UBND" + "Đồng Nai" → "UBND tỉnh Đồng Nai" (names that already hold a place are kept)."""
    if not province or name not in ("UBND", "HĐND", "Sở Khoa học và Công nghệ"):
        return name
    city = province in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")
    return f"{name} {'thành phố' if city else 'tỉnh'} {province}"


def news_issuer(text: str, title: str, number: str, gazetteer: ProvinceGazetteer) -> tuple[str, str, str]:
    """(issuer, province, level) of a news article: the province it is about (the only one its headline names,
    or the one it names most, far more than any other), and the authority of that province that issued the
    document it reports on. Without a province, a national document or programme makes it national."""
    counts = _news_counts(text, gazetteer)
    headline = re.sub(r"\s*\([^()]*\)\s*$", "", title)  # "(Báo Vĩnh Long, 27/05/2021)": the publisher
    in_title = gazetteer.find_all(_mask(headline))
    for name in in_title:
        counts[name] += 3
    if len(in_title) > 1:  # "Bia Sài Gòn - Phú Thọ": the one the text is about is named far more often
        province = dominant(Counter({k: counts[k] for k in in_title}), least=1, ratio=1.5)
    elif in_title:
        province = in_title[0]
        # A page's title can be another article's (a site's wrong <title>): a province the body never names, while
        # it names another at least twice, is not what the page is about
        body = _news_counts("\n".join(ln for ln in text.splitlines() if ln.strip() != title.strip()), gazetteer)
        if body and province not in body:
            province = dominant(body, least=2) or province
    elif len(counts) == 1:  # the only province named: twice, or once in a text that speaks of "the province"
        name, n = next(iter(counts.items()))
        province = name if n >= 2 or _LOCAL_DEIXIS.search(text) else ""
    else:
        province = dominant(counts)
    if not province and not counts:  # a province the gazetteer does not know: "tỉnh X Y" written repeatedly
        unknown = Counter(m.group(1) for m in UNKNOWN_PROVINCE.finditer(text))
        province = dominant(Counter({k: v for k, v in unknown.items() if v >= 2}))
    issuer = ""
    if province:
        for m in NEWS_ISSUER.finditer(text):
            found = gazetteer.find_all(m.group(3))
            if found == [province] or (not found and m.group(3).startswith(province)):
                kind = "HĐND" if "Hội" in m.group(1) or "HĐND" in m.group(1) else "UBND"
                issuer = with_province(kind, province)
                break
        if not issuer and number:
            kind, level = issuer_from_number(number)
            if level == PROVINCIAL:
                issuer = with_province(kind, province)
        return issuer, province, PROVINCIAL
    name, level = issuer_from_number(number) if number else ("", "")
    if level == NATIONAL:
        return name, "", NATIONAL
    return "", "", NATIONAL if _NATIONAL_NEWS.search(fold(text[:6000])) else ""
