"""Document-level metadata read from the text: title, type, number, issuer, province, level, dates, signer.

Works on official documents (the header block of :mod:`ingest.official_header`: "Số: 285/KH-UBND",
"Bắc Ninh, ngày 08 tháng 9 năm 2023", "KẾ HOẠCH"), on legal-document websites' pages (their field block, read by
:mod:`ingest.header_fields`: "Số hiệu 36/QĐ-TTg", "Người ký Vũ Đức Đam") and on news articles about a plan ("UBND
tỉnh Bắc Ninh đã ban hành Kế hoạch số 285/KH-UBND ngày 08/9/2023", :mod:`ingest.news_meta`), in Vietnamese
or English.

Each field takes the first source that states it: the header block, the site's fields, the number's codes
("…/NQ-HĐND" is a resolution of a provincial council), the title, the page's title, the body, and last the file
name or URL ("dong-nai-nq-20-2021.txt"). A national issuer (the Prime Minister, the Government, a ministry, its
directorate) makes the document national whatever place its date line names.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlparse

from common.districts import district_counts
from common.provinces import ProvinceGazetteer
from common.text import UPPER, fold
from ingest.header_fields import read_site_fields
from ingest.news_meta import (
    DOC_NUMBER,
    NEWS_ISSUER,
    NUM_DATE,
    dominant,
    find_doc_numbers,
    headline,
    lead,
    news_date,
    news_issuer,
    normalise_doc_number,
    reported_number,
    with_province,
)
from ingest.official_header import (
    DOC_TYPES,
    ENGLISH_DOC_TYPES,
    NATIONAL,
    PROVINCIAL,
    Agency,
    OfficialHeader,
    is_upper,
    iso,
    issuer_from_number,
    read_agency,
    read_header,
    sentence_case,
    type_from_number,
)
from ingest.types import DocumentMeta, Section

__all__ = ["DOC_NUMBER", "DOC_TYPES", "extract_metadata", "find_doc_numbers", "normalise_doc_number"]

_VN_DATE = re.compile(r"ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_PERIOD = re.compile(r"(?:giai đoạn|thời kỳ)?\s*(20\d{2})\s*[-–—]\s*(20\d{2})", re.IGNORECASE)
_TEXT_PERIOD = re.compile(r"(?:giai đoạn|thời kỳ)\s*(20\d{2})\s*[-–—]\s*(20\d{2})", re.IGNORECASE)
_YEAR_OF = re.compile(r"\bnăm\s+(20\d{2})\b", re.IGNORECASE)
_UNTIL = re.compile(r"(?:đến|tới)\s+(?:năm\s+)?(20\d{2})", re.IGNORECASE)
# A personal name: 2-5 capitalised words; Central Highlands names have one-letter words and apostrophes
# ("Y Thuân Byă", "H'Lim Niê").
_NAME_WORD = rf"[{UPPER}](?:'[{UPPER}])?[a-zà-ỹđ]*"
_PERSON = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}$")
_SIGNER_TITLE = re.compile(r"\b(PHÓ CHỦ TỊCH|CHỦ TỊCH|PHÓ GIÁM ĐỐC|GIÁM ĐỐC|PHÓ THỦ TƯỚNG|THỦ TƯỚNG|BỘ TRƯỞNG|"
                           r"THỨ TRƯỞNG|PHÓ CHỦ NHIỆM|CHỦ NHIỆM|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|CHÁNH VĂN PHÒNG|"
                           r"TỔNG CỤC TRƯỞNG|PHÓ TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|CHI CỤC TRƯỞNG)\b")
# "Quyết định này có hiệu lực (thi hành) (kể) từ ngày ký / từ ngày 01 tháng 01 năm 2022".
_EFFECTIVE = re.compile(r"(?:Quyết định|Nghị quyết|Thông tư|Chỉ thị|Nghị định|Kế hoạch|Quy chế|Quy định)\s+này\s+"
                        r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày\s+(ký|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+"
                        r"\d{4}|\d{1,2}/\d{1,2}/\d{4})", re.IGNORECASE)
def _head(text: str, n: int = 30) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()][:n]


def _num_date(value: str) -> str:
    m = NUM_DATE.search(value or "")
    return iso(m.group(1), m.group(2), m.group(3)) if m else ""


def _kind_title(kind: str, body: str, gazetteer: ProvinceGazetteer) -> str:
    """"Kế hoạch" + the title under the type line, upper-case titles in sentence case."""
    if not body:
        return kind.capitalize()
    if is_upper(body):
        body = sentence_case(body, gazetteer)
    first = body.split(" ", 1)[0]
    if body[:1].isupper() and first.upper() != first and not gazetteer.find_all(first):
        body = body[0].lower() + body[1:]
    return " ".join(f"{kind.capitalize()} {body}".split())


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


def source_provinces(source: str | None, gazetteer: ProvinceGazetteer) -> list[str]:
    """Provinces a file name or URL names: its slug's words ("dong-nai-nq-20-2021.txt", ".../tinh-Lam-Dong-534796")
    or a provincial portal's host ("skhcn.dongthap.gov.vn")."""
    if not source:
        return []
    if source.startswith(("http://", "https://")):
        parsed = urlparse(source)
        path, host = unquote(parsed.path), parsed.hostname or ""
    else:
        path, host = re.split(r"[\\/]", source)[-1], ""
    path = re.sub(r"\.(?:txt|pdf|docx?|html?|aspx?|php|vnp|htm)$", "", path, flags=re.IGNORECASE)
    tokens = re.split(r"[-_/.+\s]+", path)
    found = gazetteer.find_all(" ".join(tokens))
    if found:
        return found
    # Names written without spaces, as in host names and many slugs ("namdinh_kh_2024", "skhcn.dongthap.gov.vn"),
    # and run into a neighbouring word ("baogialai", "kontumtv") for names of 6 letters or more (a shorter one
    # such as "hanam" turns up inside other words).
    compact = {fold(name).replace(" ", ""): name for name in gazetteer.names}
    labels = [fold(t) for t in tokens] + [fold(label) for label in host.split(".")[:-1]]
    for label in labels:
        hit = compact.get(label) or next((name for key, name in compact.items() if len(key) >= 6 and key in label),
                                         None)
        if hit and hit not in found:
            found.append(hit)
    return found


def _signer(sections: list[Section]) -> tuple[str, str]:
    """The signer's name (the last name line of the signature block) and title (the last title named)."""
    for s in sections:
        if s.kind == "signature":
            lines = [ln.strip() for ln in s.text.split("\n") if ln.strip()]
            names = [ln for ln in lines if _PERSON.match(ln) and ln.upper() != ln]
            titles = _SIGNER_TITLE.findall(s.text)
            return (names[-1] if names else "", titles[-1].capitalize() if titles else "")
    return "", ""


def _effective_date(text: str, issued: str) -> str:
    m = None
    for m in _EFFECTIVE.finditer(text):
        pass
    if not m:
        return ""
    value = m.group(1)
    if value.lower() == "ký":
        return issued
    vn = _VN_DATE.search("ngày " + value)
    return iso(vn.group(1), vn.group(2), vn.group(3)) if vn else _num_date(value)


def _authority_lines(lines: list[str], header: OfficialHeader, gazetteer: ProvinceGazetteer) -> list[Agency]:
    """Agencies named by upper-case lines of the header region ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG")."""
    out = []
    start = max(header.start, 0)
    for line in lines[start:start + 40]:
        bare = line.strip(" |")
        if line.startswith(("Căn cứ", "Thực hiện")):
            break
        if is_upper(bare) and re.match(r"^(?:KT\.\s*|TM\.\s*)?(?:PHÓ\s+)?(?:CHỦ TỊCH\s+)?(?:[ỦU]Y BAN NHÂN DÂN|HỘI ĐỒNG "
                                       r"NHÂN DÂN|THỦ TƯỚNG CHÍNH PHỦ|BỘ TRƯỞNG BỘ)", bare):
            agency = read_agency(re.sub(r"^(?:KT\.|TM\.)?\s*(?:PHÓ\s+)?(?:CHỦ TỊCH|BỘ TRƯỞNG)\s+", "", bare), gazetteer)
            if agency:
                out.append(agency)
    return out


def _site_agency(value: str, number: str, gazetteer: ProvinceGazetteer) -> Agency | None:
    """A legal site's "Cơ quan ban hành" value: "Thủ tướng Chính phủ", "Bộ Khoa học và Công nghệ", "Tỉnh Đồng Nai"."""
    if not value:
        return None
    agency = read_agency(value.upper(), gazetteer)
    if agency and agency.level == NATIONAL:
        return agency
    provinces = gazetteer.find_all(value)
    if provinces:
        kind, _ = issuer_from_number(number)
        kind = kind if kind in ("UBND", "HĐND") else (agency.name.split(" ")[0] if agency else "UBND")
        return read_agency(("HỘI ĐỒNG NHÂN DÂN " if kind == "HĐND" else "ỦY BAN NHÂN DÂN ") + value.upper(),
                           gazetteer) or Agency("", PROVINCIAL, provinces[0])
    return agency


def _official_issuer(lines: list[str], header: OfficialHeader, fields: dict[str, str], number: str, title: str,
                     text: str, gazetteer: ProvinceGazetteer, title_hint: str | None,
                     source: str | None) -> tuple[str, str, str]:
    """(issuer, province, level) of an official document or a legal site's page."""
    candidates: list[Agency] = []
    for agency in (header.agency, header.authority, *_authority_lines(lines, header, gazetteer),
                   _site_agency(fields.get("issuer", ""), number, gazetteer)):
        if agency:
            candidates.append(agency)
    name, level = issuer_from_number(number or (f"0/{header.codes}" if header.codes else ""))
    if name:
        candidates.append(Agency(name, level))
    level = next((a.level for a in candidates if a.level), "")
    if level == NATIONAL:
        issuer = next((a.name for a in candidates if a.level == NATIONAL and a.name), "")
        return issuer, "", NATIONAL
    issuer = next((a.name for a in candidates if a.name and a.province), "") or \
        next((a.name for a in candidates if a.name), "")
    # A province the gazetteer knows, from any of the document's own lines, before a name it does not know: a
    # header line broken inside the name ("TỈNH KHÁNH H / ÒA") reads as an unknown province.
    province = next((a.province for a in candidates if a.province and gazetteer.find_all(a.province)), "")
    if not province:
        fallbacks = [header.place, title, title_hint or ""]
        for value in fallbacks:
            found = gazetteer.find_all(value) if value else []
            if found:
                province = found[0]
                break
    if not province:
        province = next((a.province for a in candidates if a.province), "")
    if not province:
        named = gazetteer.counts(text) + district_counts(text)  # a district names its province
        province = dominant(named) or (named.most_common(1) or [("", 0)])[0][0]
    if not province:
        found = source_provinces(source, gazetteer)
        province = found[0] if found else ""
    if province and not issuer:  # "Ủy ban nhân dân tỉnh Nam Định ban hành Kế hoạch ..." in the opening lines
        for m in NEWS_ISSUER.finditer(text[:3000]):
            if gazetteer.find_all(m.group(3)) == [province]:
                issuer = "HĐND" if "Hội" in m.group(1) or "HĐND" in m.group(1) else "UBND"
                break
    if province and issuer and province not in issuer:
        issuer = with_province(issuer.split(" tỉnh ")[0].split(" thành phố ")[0], province)
    return issuer, province, PROVINCIAL if (province or level == PROVINCIAL) else ""


def own_number_line(lines: list[str]) -> str:
    """The number a line holding nothing else states ("Số 402-CV/VPĐU", "Số: 45/KH-UBND"): a header's number line.

    >>> own_number_line(["ĐẢNG ỦY CHÍNH PHỦ", "Số 402-CV/VPĐU", "V/v xin ý kiến"])
    '402-CV/VPĐU'
    >>> own_number_line(["Số 120 doanh nghiệp được hỗ trợ theo Kế hoạch 45/KH-UBND"])
    ''
    """
    for line in lines:
        m = re.fullmatch(r"\s*Số\s*:?\s*(.+?)\s*", line.strip(" |*"))
        if m:
            found = find_doc_numbers(m.group(1))
            if found and normalise_doc_number(m.group(1)) == found[0]:
                return found[0]
    return ""


def extract_metadata(text: str, sections: list[Section], gazetteer: ProvinceGazetteer,
                     title_hint: str | None = None, date_hint: str | None = None,
                     source: str | None = None) -> DocumentMeta:
    """Read document metadata from cleaned ``text`` and its parsed ``sections``. ``title_hint`` and ``date_hint``
    are what the source itself says (an HTML page's title and date); ``source`` is its file name or URL, the
    last place a province is looked for."""
    lines = _head(text, 80)
    fields = read_site_fields(lines)
    header = read_header(lines, gazetteer)
    official = bool(fields) or bool(header.doc_type or header.number or header.number_blank or header.agency
                                    or header.subject)
    if not official:
        title = headline(lines, gazetteer, title_hint)
        _, province, _ = news_issuer(text, title, "", gazetteer)
        opening = lead(lines, title)
        # a number line of its own among the first lines ("Số 402-CV/VPĐU": a Party office's letter, whose header
        # is not the state's) is the page's number, before any number it reports on
        number = own_number_line(lines[:15]) or reported_number(text, province, opening,
                                                                f"{lines[0] if lines else ''} {title}")
        issuer, province, level = news_issuer(text, title, number, gazetteer)
        # No province in the text: the file name or URL may name one ("kontumtv.vn", "namdinh_tin.txt"), also for a
        # province's news on carrying out a national decision (its issuer stays the national one).
        found = source_provinces(source, gazetteer) if not province else []
        if found and not gazetteer.find_all(text):
            province, level = found[0], PROVINCIAL
        signer, signer_title = _signer(sections)
        return DocumentMeta(
            title=title, doc_type="tin tức", doc_number=number, issuer=issuer, province=province, level=level,
            issued_date=news_date(text, lines, date_hint), period=_period(title, text), signer=signer,
            signer_title=signer_title,
        )
    number = header.number or ("" if header.number_blank else re.sub(r"\s+", "", fields.get("number", ""))
                               or own_number_line(lines[:15]))
    site_type = fields.get("type", "")
    site_type = DOC_TYPES.get(site_type.upper()) or ENGLISH_DOC_TYPES.get(site_type.upper()) or site_type.lower()
    doc_type = (header.doc_type or site_type or ("công văn" if header.subject else "") or type_from_number(number)
                or "văn bản")
    if header.title or header.doc_type:
        title = _kind_title(header.doc_type, header.title, gazetteer)
    elif header.subject and doc_type == "công văn":
        title = _kind_title("công văn về việc", header.subject, gazetteer)
    else:
        title = headline(lines, gazetteer, title_hint)
    issuer, province, level = _official_issuer(lines, header, fields, number, title, text, gazetteer, title_hint,
                                               source)
    issued = header.date or _num_date(fields.get("issued", "")) or news_date(text, lines, date_hint)
    signer, signer_title = _signer(sections)
    if not signer and fields.get("signer") and _PERSON.match(fields["signer"]):
        signer = fields["signer"]
    effective = _num_date(fields.get("effective", "")) or _effective_date(text, issued)
    return DocumentMeta(
        title=title, doc_type=doc_type, doc_number=number, issuer=issuer, province=province, level=level,
        issued_date=issued, period=_period(title, text), signer=signer, signer_title=signer_title,
        effective_date=effective,
    )
