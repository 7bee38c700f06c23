"""Document-level metadata read from the text: title, type, number, issuer, province, date, period, signer.

Works on official documents (header block "Số: 285/KH-UBND", "Bắc Ninh, ngày 08 tháng 9 năm 2023", "KẾ HOẠCH")
and on news articles about a plan ("UBND tỉnh Bắc Ninh đã ban hành Kế hoạch số 285/KH-UBND ngày 08/9/2023").
"""

from __future__ import annotations

import re
from collections import Counter

from common.provinces import ProvinceGazetteer
from common.text import fold
from ingest.types import DocumentMeta, Section

DOC_TYPES = {
    "KẾ HOẠCH": "kế hoạch", "QUYẾT ĐỊNH": "quyết định", "BÁO CÁO": "báo cáo", "CHƯƠNG TRÌNH": "chương trình",
    "THÔNG BÁO": "thông báo", "NGHỊ QUYẾT": "nghị quyết", "CHỈ THỊ": "chỉ thị", "ĐỀ ÁN": "đề án",
    "HƯỚNG DẪN": "hướng dẫn", "TỜ TRÌNH": "tờ trình", "CÔNG VĂN": "công văn",
}
_NUMBER_KINDS = {"KH": "kế hoạch", "QĐ": "quyết định", "BC": "báo cáo", "NQ": "nghị quyết", "CT": "chỉ thị",
                 "TB": "thông báo", "HD": "hướng dẫn", "TTr": "tờ trình"}
DOC_NUMBER = re.compile(r"(?<![\w/])(\d{1,5})\s*/\s*(?:(\d{4})\s*/\s*)?([A-ZĐ][A-Za-zĐđ]{0,5}(?:\s*[-/]\s*[A-ZĐ][A-Za-zĐđ0-9]{0,12})+)")
_HEADER_NUMBER = re.compile(r"^Số\s*:?\s*(\S*)\s*/\s*([A-ZĐ][\w\-/Đđ]+)", re.MULTILINE)
_VN_DATE = re.compile(r"ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_NUM_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_PERIOD = re.compile(r"(?:giai đoạn|thời kỳ)?\s*(20\d{2})\s*[-–—]\s*(20\d{2})", re.IGNORECASE)
_TEXT_PERIOD = re.compile(r"(?:giai đoạn|thời kỳ)\s*(20\d{2})\s*[-–—]\s*(20\d{2})", re.IGNORECASE)
_YEAR_OF = re.compile(r"\bnăm\s+(20\d{2})\b", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_UNTIL = re.compile(r"(?:đến|tới)\s+(?:năm\s+)?(20\d{2})", re.IGNORECASE)
_ISSUER_HEADER = re.compile(r"^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|SỞ [A-ZĐÀ-Ỹ ,]+|BỘ [A-ZĐÀ-Ỹ ,]+|THỦ TƯỚNG CHÍNH PHỦ|"
                            r"CHÍNH PHỦ|HỘI ĐỒNG NHÂN DÂN)\s*(TỈNH|THÀNH PHỐ)?\s*(.*)$", re.MULTILINE)
_NEWS_ISSUER = re.compile(r"(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(tỉnh|thành phố|TP\.?)\s+([A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})")
_UNKNOWN_PROVINCE = re.compile(r"\b(?:tỉnh|Tỉnh|TỈNH)\s+([A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){0,2})")
# A personal name: 2-5 capitalised words; Central Highlands names have one-letter words and apostrophes
# ("Y Thuân Byă", "H'Lim Niê").
_NAME_WORD = r"[A-ZĐÀ-Ỹ](?:'[A-ZĐÀ-Ỹ])?[a-zà-ỹđ]*"
_PERSON = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}$")
_SIGNER_TITLE = re.compile(r"\b(PHÓ CHỦ TỊCH|CHỦ TỊCH|PHÓ GIÁM ĐỐC|GIÁM ĐỐC|PHÓ THỦ TƯỚNG|THỦ TƯỚNG|BỘ TRƯỞNG|"
                           r"THỨ TRƯỞNG|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|CHI CỤC TRƯỞNG)\b")


def _iso(day: str | None, month: str, year: str) -> str:
    m, y = int(month), int(year)
    if not 1 <= m <= 12:
        return year
    if day and 1 <= int(day) <= 31:
        return f"{y:04d}-{m:02d}-{int(day):02d}"
    return f"{y:04d}-{m:02d}"


def normalise_doc_number(raw: str) -> str:
    """ "285 / KH - UBND" → "285/KH-UBND"; "36/QĐ/TTg" keeps its slashes."""
    return re.sub(r"\s+", "", raw)


def find_doc_numbers(text: str) -> list[str]:
    return [normalise_doc_number(m.group(0)) for m in DOC_NUMBER.finditer(text)]


def _head(text: str, n: int = 30) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()][:n]


def _official_type_and_title(lines: list[str]) -> tuple[str, str]:
    for i, line in enumerate(lines):
        if line.upper() == line and line.strip(" :") in DOC_TYPES:
            kind = DOC_TYPES[line.strip(" :")]
            rest: list[str] = []
            for nxt in lines[i + 1 : i + 4]:
                if nxt.startswith(("Căn cứ", "Thực hiện", "Theo", "I.", "Điều", "Chương")) or len(nxt) > 250:
                    break
                rest.append(nxt)
                if not nxt.endswith((",", "và", "của")):
                    break
            title = " ".join(rest)
            title = kind.capitalize() + (" " + title[0].lower() + title[1:] if title[:1].isupper() and
                                         title.split(" ", 1)[0].upper() != title.split(" ", 1)[0] else f" {title}")
            return kind, " ".join(title.split())
    return "", ""


def _headline(lines: list[str], gazetteer: ProvinceGazetteer, hint: str | None) -> str:
    candidates = [ln for ln in lines[:10] if 25 <= len(ln) <= 250 and not _NUM_DATE.search(ln[:20])]
    for ln in candidates:
        f = fold(ln)
        if gazetteer.find_all(ln) or "ke hoach" in f or "nang suat" in f:
            return ln
    if hint and len(hint) >= 10:
        return hint.strip()
    return candidates[0] if candidates else (lines[0][:200] if lines else "")


def _doc_number(text: str, header_lines: list[str], doc_type: str) -> str:
    m = _HEADER_NUMBER.search("\n".join(header_lines))
    if m:
        return normalise_doc_number(f"{m.group(1)}/{m.group(2)}") if m.group(1) else ""
    # A news article: the plan it reports on, "Kế hoạch (số) 285/KH-UBND"; national decisions are references.
    numbers = find_doc_numbers(text)
    plans = [n for n in numbers if "/KH" in n.upper()]
    if plans:
        return Counter(plans).most_common(1)[0][0]
    return ""


def _issued_date(text: str, header_lines: list[str], hint: str | None = None) -> str:
    for line in header_lines[:12]:
        m = _VN_DATE.search(line)
        if m and "," in line[: m.start() + 1]:
            return _iso(m.group(1), m.group(2), m.group(3))
    if hint:  # the page's own publication date (HTML metadata)
        return hint
    # A news dateline or byline: a short line with a date, best one that also gives the time.
    datelines = [ln for ln in header_lines[:8] if _NUM_DATE.search(ln) and (len(ln) <= 60 or _TIME.search(ln))]
    for line in sorted(datelines, key=lambda ln: not _TIME.search(ln)):
        m = _NUM_DATE.search(line)
        assert m is not None
        return _iso(m.group(1), m.group(2), m.group(3))
    m = _NUM_DATE.search(text)
    return _iso(m.group(1), m.group(2), m.group(3)) if m else ""


def _period(title: str, text: str) -> str:
    """From the title first ("giai đoạn 2023-2030", "đến 2030"), else the first period the text names."""
    m = _PERIOD.search(title)
    if m and m.group(1) < m.group(2):
        return f"{m.group(1)}-{m.group(2)}"
    m = _UNTIL.search(title)
    if m:
        return f"đến {m.group(1)}"
    m = _YEAR_OF.search(title)
    if m:  # a yearly plan: "Kế hoạch ... năm 2025"
        return m.group(1)
    # Otherwise the first period the text names, except in the legal basis ("Căn cứ / Thực hiện Quyết định
    # 36/QĐ-TTg ... giai đoạn 2021-2030" is the national programme's period, not this document's).
    for line in text[:4000].split("\n"):
        if line.startswith(("Căn cứ", "Thực hiện")) or "QĐ-TTg" in line:
            continue
        m = _TEXT_PERIOD.search(line)
        if m and m.group(1) < m.group(2):
            return f"{m.group(1)}-{m.group(2)}"
    return ""


def _issuer_and_province(text: str, header_lines: list[str], title: str,
                         gazetteer: ProvinceGazetteer) -> tuple[str, str, str]:
    issuer, province = "", ""
    # A two-column header breaks "ỦY BAN NHÂN DÂN / TỈNH X" over two lines: read them as one.
    joined = [f"{a} {b}" if re.match(r"^(TỈNH|THÀNH PHỐ)\b", b) and not re.search(r"\b(TỈNH|THÀNH PHỐ)\b", a)
              else a for a, b in zip(header_lines[:8], header_lines[1:9] + [""])]
    for line in joined:
        m = _ISSUER_HEADER.match(line)
        if m:
            body = m.group(1)
            if "THỦ TƯỚNG" in body or body == "CHÍNH PHỦ":
                return "Thủ tướng Chính phủ", "", "quốc gia"
            found = gazetteer.find_all(line) or ([m.group(3).strip().title()] if m.group(2) and m.group(3).strip()
                                                 else [])
            if found:
                province = found[0]
                kind = "UBND" if "NHÂN DÂN" in body or body == "UBND" else body.title()
                issuer = f"{kind} {'thành phố' if m.group(2) == 'THÀNH PHỐ' else 'tỉnh'} {province}"
                # "ỦY BAN NHÂN DÂN TỈNH X / SỞ KHOA HỌC VÀ CÔNG NGHỆ": the department under it issues the text.
                idx = joined.index(line)
                below = joined[idx + 1] if idx + 1 < len(joined) else ""
                if kind == "UBND" and re.match(r"^(SỞ|BAN|CHI CỤC|VĂN PHÒNG)\s+[A-ZĐÀ-Ỹ ,]+$", below):
                    issuer = f"{below.capitalize()} tỉnh {province}"
            break
    if not province:
        counts = gazetteer.counts(text)
        for name in gazetteer.find_all(title):
            counts[name] += 3
        if not counts:  # a province the gazetteer does not know: "tỉnh X Y" written the same way repeatedly
            counts.update(m.group(1) for m in _UNKNOWN_PROVINCE.finditer(text))
            counts = Counter({k: v for k, v in counts.items() if v >= 2})
        if counts:
            province = counts.most_common(1)[0][0]
    if not issuer and province:
        for m in _NEWS_ISSUER.finditer(text):
            if gazetteer.find_all(m.group(3)) == [province]:
                issuer = f"UBND tỉnh {province}"
                break
    return issuer, province, "tỉnh" if province else ""


def _signer(sections: list[Section]) -> tuple[str, str]:
    """The signer's name (the last name line of the signature block) and title (the last title named)."""
    for s in sections:
        if s.kind == "signature":
            lines = [ln.strip() for ln in s.text.split("\n") if ln.strip()]
            names = [ln for ln in lines if _PERSON.match(ln) and ln.upper() != ln]
            titles = _SIGNER_TITLE.findall(s.text)
            return (names[-1] if names else "", titles[-1].capitalize() if titles else "")
    return "", ""


def extract_metadata(text: str, sections: list[Section], gazetteer: ProvinceGazetteer,
                     title_hint: str | None = None, date_hint: str | None = None) -> DocumentMeta:
    """Read document metadata from cleaned ``text`` and its parsed ``sections``."""
    lines = _head(text)
    doc_type, title = _official_type_and_title(lines)
    if not title:
        title = _headline(lines, gazetteer, title_hint)
    is_official = bool(doc_type) or bool(_HEADER_NUMBER.search("\n".join(lines[:12])))
    number = _doc_number(text, lines[:12], doc_type)
    if not doc_type:
        if is_official and number:
            suffix = number.split("/", 1)[1].split("-")[0]
            doc_type = _NUMBER_KINDS.get(suffix, "văn bản")
        else:
            doc_type = "tin tức"
    issuer, province, level = _issuer_and_province(text, lines, title, gazetteer)
    signer, signer_title = _signer(sections)
    return DocumentMeta(
        title=title, doc_type=doc_type, doc_number=number, issuer=issuer, province=province, level=level,
        issued_date=_issued_date(text, lines, date_hint), period=_period(title, text), signer=signer,
        signer_title=signer_title,
    )
