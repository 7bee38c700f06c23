"""The header block of a Vietnamese official document (layout of Nghị định 30/2020/NĐ-CP, Phụ lục I).

Top left: the issuing agency, under its parent agency if it has one ("ỦY BAN NHÂN DÂN TỈNH X / SỞ KHOA HỌC VÀ
CÔNG NGHỆ"), then "Số: 12/KH-UBND". Top right: the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập -
Tự do - Hạnh phúc"), then the place and date ("Nam Định, ngày 08 tháng 9 năm 2023": the place is where the agency
sits, so a ministry's or the Prime Minister's text says "Hà Nội" and is still national). Then the type
("QUYẾT ĐỊNH") and the title, often over several upper-case lines; a công văn has no type line but a
"V/v ..." summary under its number. Then the issuing authority again ("THỦ TƯỚNG CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH
X") and the legal basis ("Căn cứ ...").

Text extracted from web pages and PDFs breaks these lines anywhere ("THỦ TƯỚNG CHÍNH / PHỦ", "Hà / Nội, ngày"),
puts table bars between columns and can lose a column: every reader here joins lines before matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from common.provinces import ProvinceGazetteer
from common.text import UPPER, fold, strip_diacritics

NATIONAL = "quốc gia"
PROVINCIAL = "tỉnh"

# Type line → doc_type.
DOC_TYPES = {
    "KẾ HOẠCH": "kế hoạch", "QUYẾT ĐỊNH": "quyết định", "BÁO CÁO": "báo cáo", "CHƯƠNG TRÌNH": "chương trình",
    "THÔNG BÁO": "thông báo", "NGHỊ QUYẾT": "nghị quyết", "CHỈ THỊ": "chỉ thị", "ĐỀ ÁN": "đề án",
    "HƯỚNG DẪN": "hướng dẫn", "TỜ TRÌNH": "tờ trình", "CÔNG VĂN": "công văn", "THÔNG TƯ": "thông tư",
    "THÔNG TƯ LIÊN TỊCH": "thông tư liên tịch", "NGHỊ ĐỊNH": "nghị định", "DỰ ÁN": "dự án", "QUY CHẾ": "quy chế",
    "QUY ĐỊNH": "quy định", "PHƯƠNG ÁN": "phương án", "CÔNG ĐIỆN": "công điện", "LUẬT": "luật",
    "KẾT LUẬN": "kết luận",  # of a Party body ("Kết luận số 50-KL/TW của Ban Bí thư")
}
# The same kinds as an English page of a legal site names them ("Type: Directive").
ENGLISH_DOC_TYPES = {
    "DECISION": "quyết định", "DIRECTIVE": "chỉ thị", "RESOLUTION": "nghị quyết", "CIRCULAR": "thông tư",
    "JOINT CIRCULAR": "thông tư liên tịch", "DECREE": "nghị định", "PLAN": "kế hoạch", "LAW": "luật",
    "OFFICIAL LETTER": "công văn", "OFFICIAL DISPATCH": "công văn", "PROGRAM": "chương trình",
    "PROGRAMME": "chương trình", "REPORT": "báo cáo", "NOTICE": "thông báo", "PROJECT": "đề án",
}
# Abbreviated type in a document number (Nghị định 30/2020/NĐ-CP, Phụ lục III), keyed by folded upper case so
# that "QD" (typed without diacritics, or in English news) reads as "QĐ".
NUMBER_TYPES = {
    "NQ": "nghị quyết", "QD": "quyết định", "CT": "chỉ thị", "QC": "quy chế", "QYD": "quy định",
    "TB": "thông báo", "HD": "hướng dẫn", "CTR": "chương trình", "KH": "kế hoạch", "PA": "phương án",
    "DA": "đề án", "BC": "báo cáo", "TTR": "tờ trình", "CD": "công điện", "TT": "thông tư",
    "TTLT": "thông tư liên tịch", "ND": "nghị định", "CV": "công văn", "BB": "biên bản", "GM": "giấy mời",
    "KL": "kết luận",
}
# Agency codes in document numbers → (issuer, level). Provincial codes need the province added.
NUMBER_ISSUERS: dict[str, tuple[str, str]] = {
    "TTG": ("Thủ tướng Chính phủ", NATIONAL), "CP": ("Chính phủ", NATIONAL),
    "VPCP": ("Văn phòng Chính phủ", NATIONAL), "QH": ("Quốc hội", NATIONAL),
    "UBTVQH": ("Ủy ban Thường vụ Quốc hội", NATIONAL),
    "BKHCN": ("Bộ Khoa học và Công nghệ", NATIONAL), "BTC": ("Bộ Tài chính", NATIONAL),
    "BKHDT": ("Bộ Kế hoạch và Đầu tư", NATIONAL), "BCT": ("Bộ Công Thương", NATIONAL),
    "BLDTBXH": ("Bộ Lao động - Thương binh và Xã hội", NATIONAL),
    "BNNPTNT": ("Bộ Nông nghiệp và Phát triển nông thôn", NATIONAL),
    "BTTTT": ("Bộ Thông tin và Truyền thông", NATIONAL), "BNV": ("Bộ Nội vụ", NATIONAL),
    "BTP": ("Bộ Tư pháp", NATIONAL), "BXD": ("Bộ Xây dựng", NATIONAL), "BYT": ("Bộ Y tế", NATIONAL),
    "BGDDT": ("Bộ Giáo dục và Đào tạo", NATIONAL), "BTNMT": ("Bộ Tài nguyên và Môi trường", NATIONAL),
    "TDC": ("Tổng cục Tiêu chuẩn Đo lường Chất lượng", NATIONAL),
    "TCDLCL": ("Tổng cục Tiêu chuẩn Đo lường Chất lượng", NATIONAL),
    "TW": ("Ban Chấp hành Trung ương Đảng", NATIONAL),  # the Party's "57-NQ/TW" (the Politburo's, the Central's)
    "UBND": ("UBND", PROVINCIAL), "HDND": ("HĐND", PROVINCIAL),
    "SKHCN": ("Sở Khoa học và Công nghệ", PROVINCIAL),
}
_CENTRAL_CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"}

_UP = UPPER
_AGENCY = re.compile(
    r"(?<![\wÀ-ỹ])(THỦ TƯỚNG CHÍNH PHỦ|VĂN PHÒNG CHÍNH PHỦ|VĂN PHÒNG QUỐC HỘI|[ỦU]Y BAN THƯỜNG VỤ QUỐC HỘI|"
    r"CHÍNH PHỦ|QUỐC HỘI|[ỦU]Y BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|[ỦU]Y BAN TIÊU CHUẨN|TỔNG CỤC|CHI CỤC|"
    r"CỤC|BỘ|SỞ|BAN|VĂN PHÒNG)(?![\wÀ-ỹ])")
_MOTTO = re.compile(r"C[ỘO]NG\s*H[ÒO]A\s*X[ÃA]\s*H[ỘO]I\s*CH[ỦU]\s*NGH[ĨI]A\s*VI[ỆE]T\s*NAM|"
                    r"Độc\s*lập\s*[-–—]\s*Tự\s*do\s*[-–—]\s*Hạnh\s*phúc|C[ỘO]NG\s*H[ÒO]A\s*X[ÃA]\s*H[ỘO]I|"
                    r"CH[ỦU]\s*NGH[ĨI]A\s*VI[ỆE]T\s*NAM|^C[ỘO]NG$", re.IGNORECASE)
_NUMBER_LINE = re.compile(r"^Số\s*:", re.IGNORECASE)
_PLACE_DATE = re.compile(r"([^\d,|:/;]{2,60}),\s*ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)


def is_header_line(line: str) -> bool:
    """A line of an official header that is no title though it may name a place: the number line ("Số:
    1288/QĐ-TTg"), the place-date line ("Hà Nội, ngày 01 tháng 08 năm 2014") or the national motto.

    >>> is_header_line("Số: 1288/QĐ-TTg | Hà Nội, ngày 01 tháng 08 năm 2014 |"), is_header_line("Kế hoạch năm 2024")
    (True, False)
    """
    return bool(_NUMBER_LINE.match(line) or _PLACE_DATE.search(line) or _MOTTO.search(line))


# A numbered article or heading ("Điều 1", "I.", "a)"). A body's opening words ("Thực hiện Kế hoạch số ...") in
# capitals right under the kind line open its title ("KẾ HOẠCH / THỰC HIỆN CHƯƠNG TRÌNH QUỐC GIA ..."); a numbered
# heading never does.
_NUMBERED = re.compile(r"^(?:Điều\s+\d|Chương\s+[IVX\d]|Phần\s|[IVX]+\s*\.|\d+\s*\.|[a-zđ]\))", re.IGNORECASE)
# Lines that end the title: the legal basis, the authority line, the enacting word, the first article or heading.
_BODY_START = re.compile(rf"^(?:Căn cứ|Thực hiện|Triển khai|Theo đề nghị|Theo|Xét|Kính gửi)|{_NUMBERED.pattern}",
                         re.IGNORECASE)
_AUTHORITY = re.compile(rf"^(?:KT\.\s*|TM\.\s*)?(?:PHÓ\s+)?(?:THỦ TƯỚNG|CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|CHÍNH PHỦ|QUỐC HỘI|"
                        rf"[ỦU]Y BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|UBND|HĐND|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|"
                        rf"BỘ\s+[{_UP}]|VĂN PHÒNG CHÍNH PHỦ)\b")
_ENACT = re.compile(r"^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ QUYẾT|BAN HÀNH|CHỈ THỊ)\s*:")
_SUBJECT = re.compile(r"^(?:V/v|V/V|Về việc)\b\.?\s*:?\s*")
_VOWEL = set("AEIOUY")
# Upper-case words kept as they are in a sentence-cased title although they hold a vowel.
_ABBREVIATIONS = {"UBND", "ISO", "OCOP", "GRDP", "GDP", "APO", "FDI", "ASEAN", "EU", "WTO", "AI", "IOT", "ICT",
                  "VIETGAP", "GLOBALGAP", "HACCP", "TQM", "KAIZEN", "LEAN", "ODA", "PPP", "COVID", "EVFTA", "CPTPP",
                  "ĐBSCL"}
_PROPER = [("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"), ("CHÍNH PHỦ", "Chính phủ"), ("VIỆT NAM", "Việt Nam"),
           ("QUỐC HỘI", "Quốc hội"), ("HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân"), ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),
           ("UỶ BAN NHÂN DÂN", "Ủy ban nhân dân")]


def is_upper(line: str) -> bool:
    """All letters upper case (digit-only lines count: "2021-2030" continues an upper-case title)."""
    return line == line.upper()


def has_letters(line: str) -> bool:
    return any(ch.isalpha() for ch in line)


def iso(day: str | None, month: str, year: str) -> str:
    m, y = int(month), int(year)
    if not 1 <= m <= 12:
        return year
    if day and 1 <= int(day) <= 31:
        return f"{y:04d}-{m:02d}-{int(day):02d}"
    return f"{y:04d}-{m:02d}"


def conjunct_case(name: str) -> str:
    """"KHOA HỌC VÀ CÔNG NGHỆ" → "Khoa học và Công nghệ": each part of an agency name is capitalised."""
    parts = re.split(r"(\s+(?:và|VÀ)\s+|\s*[-–,]\s*)", " ".join(name.split()).lower())
    return "".join(p if i % 2 else p[:1].upper() + p[1:] for i, p in enumerate(parts))


def _is_abbreviation(word: str) -> bool:
    bare = strip_diacritics(word).upper()
    letters = [c for c in bare if c.isalpha()]
    if not letters or word != word.upper():
        return False
    return (not _VOWEL.intersection(letters) or any(c.isdigit() for c in word) or "&" in word
            or word.strip("().,;:“”\"'") in _ABBREVIATIONS)


def sentence_case(text: str, gazetteer: ProvinceGazetteer) -> str:
    """An upper-case title in sentence case, keeping province names, abbreviations ("TFP", "KH&CN", "HĐND"),
    a few proper names ("Việt Nam", "Chính phủ") and the first word of a quoted name capitalised."""
    out = list(text.lower())

    def put(start: int, value: str) -> None:
        out[start:start + len(value)] = list(value)

    for m in re.finditer(r"[\wÀ-ỹ&]+", text):
        if _is_abbreviation(m.group(0)):
            put(m.start(), m.group(0))
    for upper, proper in _PROPER:
        for m in re.finditer(rf"(?<![\wÀ-ỹ]){upper}(?![\wÀ-ỹ])", text):
            put(m.start(), proper)
    for m in gazetteer.matches(text):
        span = text[m.start:m.end]
        words = re.split(r"([\s\-–.]+)", span)
        cased = "".join(w if i % 2 or _is_abbreviation(w) else w[:1].upper() + w[1:].lower()
                        for i, w in enumerate(words))
        cased = re.sub(r"^(?:Thành\s+Phố|Tỉnh|Tp\.?)(?=\s)", lambda p: p.group(0).lower(), cased)
        if fold(m.name) in fold(span) or len(cased) == len(span):
            put(m.start, cased)
    result = "".join(out)
    result = re.sub(r"([“\"(]\s*)([a-zà-ỹđ])", lambda mm: mm.group(1) + mm.group(2).upper(), result)
    return result


@dataclass(frozen=True)
class Agency:
    name: str  # "UBND tỉnh Nam Định", "Thủ tướng Chính phủ", "Sở Khoa học và Công nghệ tỉnh Sông Lam"
    level: str  # NATIONAL, PROVINCIAL or "" when the header does not say
    province: str = ""


def _segments(text: str) -> list[tuple[str, str]]:
    """(agency word, full segment) for each agency named in a header's upper-case text, in order."""
    found = list(_AGENCY.finditer(text))
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        out.append((m.group(1), " ".join(text[m.start():end].split()).strip(" -–|,.")))
    return out


def read_agency(text: str, gazetteer: ProvinceGazetteer, province_hint: str = "") -> Agency | None:
    """The issuing agency named in ``text`` (a header block or an authority line, upper case): the last agency
    named, under its parent. None when no agency is named."""
    segs = _segments(text)
    if not segs:
        return None
    provinces = gazetteer.find_all(text)
    province = provinces[0] if provinces else province_hint
    named = re.search(rf"\b(?:TỈNH|THÀNH PHỐ)\s+([{_UP}]+(?:\s+[{_UP}]+){{0,3}})", text)
    if not province and named:  # a province the gazetteer does not know; "TỈNH X SỞ ..." ends before "SỞ"
        rest = _AGENCY.search(named.group(1))
        province = named.group(1)[:rest.start() if rest else None].strip().title()
    word, seg = segs[-1]
    parent = segs[-2][0] if len(segs) > 1 else ""
    w = word.replace("UỶ", "ỦY")
    if w == "THỦ TƯỚNG CHÍNH PHỦ":
        return Agency("Thủ tướng Chính phủ", NATIONAL)
    if w in ("CHÍNH PHỦ", "QUỐC HỘI", "VĂN PHÒNG CHÍNH PHỦ", "VĂN PHÒNG QUỐC HỘI", "ỦY BAN THƯỜNG VỤ QUỐC HỘI"):
        return Agency(w.capitalize().replace("chính phủ", "Chính phủ").replace("quốc hội", "Quốc hội")
                      .replace("Ủy ban thường vụ", "Ủy ban Thường vụ"), NATIONAL)
    if w == "BỘ":
        return Agency("Bộ " + conjunct_case(seg[3:]), NATIONAL)
    if w in ("TỔNG CỤC", "ỦY BAN TIÊU CHUẨN") or (w == "CỤC" and parent in ("", "BỘ", "TỔNG CỤC")):
        return Agency(seg[:1] + " ".join(x.capitalize() for x in seg.lower().split())[1:].replace(
            "Cục ", "cục ", 1).replace("Ban ", "ban ", 1), NATIONAL)
    city = bool(re.search(r"\b(THÀNH PHỐ|TP)\b", seg)) or province in _CENTRAL_CITIES
    where = (" thành phố " if city else " tỉnh ") + province if province else ""
    if w in ("ỦY BAN NHÂN DÂN", "UBND"):
        return Agency("UBND" + where, PROVINCIAL, province)
    if w in ("HỘI ĐỒNG NHÂN DÂN", "HĐND"):
        return Agency("HĐND" + where, PROVINCIAL, province)
    if w in ("SỞ", "CHI CỤC") or (w in ("BAN", "VĂN PHÒNG", "CỤC") and parent in ("ỦY BAN NHÂN DÂN", "UBND", "SỞ")):
        own = re.split(r"\b(?:TỈNH|THÀNH PHỐ|TP)\b", seg)[0]
        for name in gazetteer.find_all(own):  # "SỞ KHOA HỌC VÀ CÔNG NGHỆ HÀ NỘI"
            own = own.upper().split(name.upper())[0]
        words = own.split(" ", 1)
        label = words[0].capitalize() + (" " + conjunct_case(words[1]) if len(words) > 1 else "")
        if w == "CHI CỤC":
            label = "Chi cục " + conjunct_case(own[len("CHI CỤC"):])
        return Agency(label + where, PROVINCIAL, province)
    return None


def number_parts(number: str) -> tuple[str, list[str]]:
    """"20/2021/NQ-HĐND" → ("20", ["NQ", "HDND"]): the codes after the number and year, folded upper case."""
    parts = [p for p in re.split(r"[/\-]", number) if p]
    if not parts:
        return "", []
    codes = [strip_diacritics(p).upper() for p in parts[1:] if not re.fullmatch(r"\d{4}", p)]
    return parts[0], codes


def type_from_number(number: str) -> str:
    """The document type its number says: "…/TT-BKHCN" → thông tư; "1078/VPCP-KGVX" (an agency code first) →
    công văn."""
    _, codes = number_parts(number)
    if not codes:
        return ""
    if codes[0] in NUMBER_TYPES:
        return NUMBER_TYPES[codes[0]]
    if codes[0] in NUMBER_ISSUERS or re.fullmatch(r"(?:B|S|UB|TC|VP)[A-Z]{1,8}", codes[0]):
        return "công văn"
    return ""


def issuer_from_number(number: str) -> tuple[str, str]:
    """(issuer, level) the agency code of a number gives: "36/QĐ-TTg" → ("Thủ tướng Chính phủ", quốc gia)."""
    _, codes = number_parts(number)
    agencies = codes[1:] if codes and codes[0] in NUMBER_TYPES else codes[:1]
    for code in agencies:
        if code in NUMBER_ISSUERS:
            return NUMBER_ISSUERS[code]
    return "", ""


@dataclass
class OfficialHeader:
    """What the header block of an official document states; empty fields where it does not."""

    agency: Agency | None = None
    authority: Agency | None = None  # the authority line under the title ("THỦ TƯỚNG CHÍNH PHỦ")
    number: str = ""
    number_blank: bool = False  # "Số: /KH-UBND": a number line whose number is not filled in
    codes: str = ""  # the number's codes ("KH-UBND"), known even when the number is blank
    place: str = ""
    date: str = ""
    doc_type: str = ""
    title: str = ""
    subject: str = ""  # a công văn's "V/v ..." summary
    start: int = -1  # index of the first header line, -1 when there is no header block


def _motto_index(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if _MOTTO.search(line):
            return i
    return -1


def _strip_motto(line: str) -> str:
    return _MOTTO.sub(" ", line)


def _title_lines(lines: list[str], start: int) -> list[str]:
    """The title lines from ``lines[start]`` on: consecutive upper-case lines for an upper-case title; for a
    sentence-case title, lines that carry on the one before (it ends on a comma or a joining word, or the next
    one starts lower case)."""
    out: list[str] = []
    upper = None
    for line in lines[start:start + 12]:
        line = line.strip(" |")
        if not line or re.fullmatch(r"[-_=.*|\s]+", line):
            if out:
                break
            continue
        # (the line under the type is its subject, even one carrying another out: "KẾ HOẠCH" / "Thực hiện Nghị quyết
        # số 61-NQ/TU của Tỉnh ủy ...", unless it is a sentence of the body, ending on a stop)
        opens_title = not out and not _NUMBERED.match(line) and (
            (is_upper(line) and has_letters(line))
            or (re.match(r"(?:Thực hiện|Triển khai)\b", line) is not None and not line.endswith((".", ":", ";"))))
        if (_BODY_START.match(line) and not opens_title) or _ENACT.match(line) or \
                (out and _AUTHORITY.match(line) and is_upper(line)):
            break
        if upper is None:
            upper = is_upper(line) and has_letters(line)
        elif upper and not is_upper(line):
            # a capitals title goes on over a line that holds no letters after a broken period ("... 2021 -",
            # "2025")
            if has_letters(line) or not out[-1].endswith(("-", "–")):
                break
        elif not upper:
            prev = out[-1]
            if not (prev.endswith((",", " và", " của", " về", " các", " cho", " trên", "-", "–")) or
                    line[:1].islower() or line[:1].isdigit()):
                break
        if sum(len(x) for x in out) + len(line) > 600:
            break
        out.append(line)
    return out


def read_header(lines: list[str], gazetteer: ProvinceGazetteer) -> OfficialHeader:
    """The header block among the first lines of a document (``lines``: non-empty, stripped)."""
    head = OfficialHeader()
    motto = _motto_index(lines[:60])
    number_at = next((i for i, ln in enumerate(lines[:60]) if _NUMBER_LINE.match(ln)), -1)
    anchor = motto if motto >= 0 else number_at
    if anchor < 0:
        return head
    # The issuer block: upper-case lines just above the anchor (and the left column of a table row or of a
    # two-column line that also holds the motto), plus upper-case lines between the motto and "Số:".
    block: list[str] = []
    i = anchor - 1
    while i >= 0 and anchor - i <= 6:
        line = lines[i].strip(" |")
        if re.fullmatch(r"[-_=.*|\s]*", line):
            i -= 1
            continue
        if _NUMBER_LINE.match(line):  # "Số:" under the issuer, above the motto of the right column
            i -= 1
            continue
        if not (is_upper(line) and has_letters(line)):
            break
        block.insert(0, line)
        i -= 1
    head.start = i + 1
    stop = number_at if number_at > anchor else min(len(lines), anchor + 6)
    for line in lines[anchor:stop + 1 if number_at == anchor else stop]:
        if line.strip(" |:") in DOC_TYPES or _PLACE_DATE.search(line) or _SUBJECT.match(line):
            break
        left = _strip_motto(line.split("|")[0] if "|" in line else line)
        left = re.split(r"\bSố\s*:", left)[0]
        if is_upper(left) and has_letters(left):
            block.append(left)
    issuer_text = " ".join(" ".join(block).replace("|", " ").split())
    # The rest of the header: number, place-date, type, title, up to the legal basis.
    if 0 <= number_at < anchor:
        anchor = number_at
    body_at = next((j for j in range(anchor, min(len(lines), anchor + 40)) if _BODY_START.match(lines[j])),
                   min(len(lines), anchor + 40))
    region = lines[anchor:body_at]
    joined = " ".join(region)
    m = re.search(r"\bSố\s*:?\s*(\d*)\s*/\s*((?:\d{4}\s*/\s*)?)([A-ZĐ][\w\-/Đđ.]*)", joined)
    if m:
        head.codes = m.group(3).rstrip(".-/")
        if m.group(1):
            head.number = re.sub(r"\s+", "", f"{m.group(1)}/{m.group(2)}{m.group(3)}").rstrip(".-/")
        else:
            head.number_blank = True
    d = _PLACE_DATE.search(joined)
    if d:
        head.place = " ".join(d.group(1).split()).strip(" -–")
        head.date = iso(d.group(2), d.group(3), d.group(4))
    for j, line in enumerate(region):
        bare = line.strip(" |")
        if bare in DOC_TYPES and is_upper(bare):
            head.doc_type = DOC_TYPES[bare]
            title = _title_lines(lines, anchor + j + 1)
            head.title = " ".join(" ".join(title).split())
            after = anchor + j + 1 + len(title)
            for k in range(after, min(len(lines), after + 3)):  # the authority line under the title
                nxt = lines[k].strip(" |")
                if _AUTHORITY.match(nxt) and is_upper(nxt):
                    head.authority = read_agency(re.sub(r"^(?:KT\.|TM\.)?\s*(?:PHÓ\s+)?(?:CHỦ TỊCH|BỘ TRƯỞNG|"
                                                        r"GIÁM ĐỐC)\s*", "", nxt), gazetteer)
                    break
            break
        sm = _SUBJECT.match(bare)
        if sm and not head.subject:
            subject = _title_lines(lines, anchor + j)
            head.subject = " ".join(" ".join(subject).split())[sm.end():].rstrip(" .")
    province_hint = ""
    if head.place:
        places = gazetteer.find_all(head.place)
        province_hint = places[0] if places else ""
    head.agency = read_agency(issuer_text, gazetteer)
    if head.agency and head.agency.level == PROVINCIAL and not head.agency.province and province_hint:
        head.agency = read_agency(issuer_text, gazetteer, province_hint)
    return head
