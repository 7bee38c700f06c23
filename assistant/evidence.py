"""Recognise the kind of fact a sentence carries: numbers with units, dates, document numbers, agencies, people.

Pure functions over text, used to score answer units against the question's intent.

>>> percentages("tăng bình quân trên 11%/năm; TFP khoảng 45-47%")
[(11.0, 20), (47.0, 40)]
"""

from __future__ import annotations

import re

from common.abbreviations import expand_inline
from common.text import UPPER, fold
from ingest.metadata import DOC_NUMBER
from ingest.official_header import iso, type_from_number

NUMBER = re.compile(r"(?<![\w/])\d+(?:[.,]\d+)?(?!\w)")
# A percentage: "12,5%", "29-32%", and in words as Vietnamese and English write it ("80 phần trăm", "80.5 per cent").
PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:[-–]\s*(\d+(?:[.,]\d+)?)\s*)?(?:%|(?:phần trăm|per ?cent)\b)",
                     re.IGNORECASE)
# A full date: day, month and year as groups 1-3 ("14/4/2021"), 4-6 ("ngày 14 tháng 4 năm 2021") or 7-9 (the
# press's "23-6-2018" and "5.3.2014": the same separator twice, so a range of years "2021-2025" is none).
DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|"
                  r"(?<![\d/.,-])(\d{1,2})([.-])(\d{1,2})\8(\d{4})(?![\d/-]|[.,]\d)", re.IGNORECASE)
# "có hiệu lực (từ) ngày nào" asks when a document takes effect, not when it was issued.
# (a rule applies from the day it takes effect: "áp dụng từ khi nào", "bắt đầu áp dụng", "applies from when")
ASKS_EFFECTIVE = re.compile(r"\b(hiệu lực|hieu luc|take[sn]? effect|effective|into force|in force|"
                            r"(?:áp dụng|thi hành|ap dung|thi hanh)\s+(?:(?:kể từ|từ|ke tu|tu)\s+)?"
                            r"(?:khi nào|ngày nào|bao giờ|lúc nào|khi nao|ngay nao|bao gio|luc nao)|"
                            r"bắt đầu áp dụng|bat dau ap dung|appl(?:y|ies) from)\b", re.IGNORECASE)
# A document's effect clause states when it takes effect, often relative to its signing rather than as a date
# ("Quyết định này có hiệu lực thi hành kể từ ngày ký", "... sau 10 ngày, kể từ ngày ký ban hành").
EFFECT_CLAUSE = re.compile(r"\bcó hiệu lực(?:\s+thi hành)?\s*(?:,\s*)?(?:kể từ|từ|sau|trong)\b", re.IGNORECASE)
# A text that speaks of when something takes effect: "hiệu lực" in its date fields and clauses, in English "comes
# into force", "takes effect", "effective (date)".
SPEAKS_OF_EFFECT = re.compile(r"\b(?:hiệu lực|into force|in force|takes? effect|effective)\b", re.IGNORECASE)
# A date labelled as the day a text was issued ("Ngày ban hành: 26/12/2019", "Issuing date:", "ban hành ngày").
ISSUE_FIELD = re.compile(r"\b(?:ngày ban hành|ban hành ngày|issuing date|issued date|issued on|dated)\b", re.IGNORECASE)


def _iso(m: re.Match[str]) -> str:
    """A :data:`DATE` match as an ISO string, whichever of its spellings it is."""
    return iso(*(m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6) if m.group(4) else m.group(7, 9, 10)))


def iso_dates(text: str) -> set[str]:
    """The dates ``text`` states, as ISO strings ("ngày 14 tháng 4 năm 2021" → "2021-04-14").

    >>> sorted(iso_dates("Lâm Đồng, ngày 14 tháng 4 năm 2021; trước ngày 25/01/2020"))
    ['2020-01-25', '2021-04-14']
    """
    dates = (_iso(m) for m in DATE.finditer(text))
    return {d for d in dates if len(d) == 10}  # iso() gives only the year or month of an impossible date


# A sum of money: "65 triệu đồng", "1,2 tỷ VNĐ" ("tỉ": Vietnamese spells it either way), "84,3 nghìn tỷ đồng" (two
# scale words); English pages put the currency first ("VNĐ36 trillion", "US$19.6 billion", "USD 6.40") or name it
# after the scale ("3 million dollars"). Named as money just before it, a sum is often written without its currency
# ("với kinh phí tổ chức 150 triệu", "tổng vốn 2,5 tỷ"), where no other thing counted follows its scale word.
MONEY = re.compile(r"\d+(?:[.,]\d+)*\s*(?:(?:nghìn|ngàn|triệu)\s+)?(?:tỷ|tỉ|triệu|nghìn|ngàn|trillion|billion|million)?\s*"
                   r"(?:đồng|VNĐ|VND|USD|dollars?)\b|"
                   r"(?:VNĐ|VND|USD|US\$|\$)\s?\d+(?:[.,]\d+)*|"
                   r"\b(?:kinh phí|chi phí|số tiền|ngân sách|tổng vốn|nguồn vốn|vốn|mức hỗ trợ|tài trợ)(?:\s+[^\s\d]+){0,4}?\s+"
                   r"\d+(?:[.,]\d+)*\s*(?:(?:nghìn|ngàn|triệu)\s+)?(?:tỷ|tỉ|triệu)"
                   r"(?=\s*(?:[,.;:)]|$)|\s+(?:cho|và|để|từ|trong|mỗi|một|năm|/)\b)", re.IGNORECASE)
# An agency's name: a kind of body and its capitalised name ("Sở Khoa học"), or a committee, council or steering
# board, often named in lower case after its capitalised kind ("Ủy ban nhân dân tỉnh Bến Tre", "Hội đồng nhân dân
# tỉnh", "Ủy ban năng suất quốc gia"; "ủy ban" in lower case is no name); international bodies too ("Tổ chức Năng
# suất Châu Á", "Asian Productivity Organization").
AGENCY = re.compile(r"\b(?:Sở|Ban|UBND|Ủy ban|Uỷ ban|Bộ|Tổng cục|Chi cục|Cục|Trung tâm|Viện|Hội|Liên minh|"
                    rf"Hiệp hội|Đài|Báo|Văn phòng|Trường|Vụ|Phòng|Quỹ|Học viện|Đại học|Liên hiệp|Tổ chức)\s+[{UPPER}&]|"
                    r"\b(?:Ủy ban|Uỷ ban|Hội đồng|Ban chỉ đạo)\s+\w|\bHĐND\b|"
                    # a body named by what it does before whose it is ("Trung tâm phục vụ Hành chính công tỉnh"):
                    # words that name nothing but a body
                    rf"\b(?:Trung tâm|Tổng cục|Chi cục|Văn phòng|Học viện|Hiệp hội|Liên hiệp)(?:\s+[^\W\d]+){{1,2}}?"
                    rf"\s+[{UPPER}]|"
                    # a country's government ("Chính phủ Nhật Bản", "the Government of Japan"), not the title of
                    # its head ("Thủ tướng Chính phủ Phạm Minh Chính")
                    rf"(?<!tướng )\bChính phủ\s+[{UPPER}]|\bGovernment\s+of\s+[A-Z]|"
                    # the same bodies named in English ("the Ministry of Science and Technology", "the provincial
                    # Department of ...", "Viet Nam Productivity Institute", "People's Committee")
                    r"\b(?:Ministry|Department|Directorate|Committee|Council|Agency|Institute|Centre|Center|Commission|"
                    r"Board|Association|Chamber|Bureau|Authority|Office|Union|Federation|Organi[sz]ation)\s+(?:of|for)\s+"
                    r"[A-Z]|"
                    r"\b(?:[A-Z][\w'&-]*\s+){1,5}(?:Ministry|Department|Directorate|Committee|Council|Institute|Centre|"
                    r"Center|Association|Chamber|Union|Federation|Organi[sz]ation)\b")
# A person: after "ông / bà / đồng chí", or an academic title ("TS. Nguyễn Tùng Lâm", "PGS.TS Trần Văn A"), or a name
# followed by a dash and an office ("Nguyễn Tùng Lâm - Viện trưởng Viện Năng suất Việt Nam").
_OFFICES = (r"Viện trưởng|Phó Viện trưởng|Cục trưởng|Phó Cục trưởng|Chi cục trưởng|Phó Chi cục trưởng|Vụ trưởng|"
            r"Phó Vụ trưởng|Giám đốc|Phó Giám đốc|Tổng Giám đốc|Chủ tịch|Phó Chủ tịch|Trưởng phòng|Phó Trưởng phòng|"
            r"Bộ trưởng|Thứ trưởng|Tổng cục trưởng|Phó Tổng cục trưởng|Trưởng ban|Phó Trưởng ban|Bí thư|Phó Bí thư")
PERSON = re.compile(rf"\b(?:ông|bà|đồng chí|Ông|Bà|Đồng chí)\s+([{UPPER}][a-zà-ỹđ]+(?:\s+[{UPPER}][a-zà-ỹđ]+){{1,3}})|"
                    r"\b(?:GS|PGS|TS|ThS|TSKH|KS|BS)\.?(?:\s*[,.]?\s*(?:TS|ThS|TSKH)\.?)?\s+"
                    rf"([{UPPER}][a-zà-ỹđ]+(?:\s+[{UPPER}][a-zà-ỹđ]+){{1,3}})|"
                    rf"([{UPPER}][a-zà-ỹđ]+(?:\s+[{UPPER}][a-zà-ỹđ]+){{1,3}})\s*[-–]\s*(?:" + _OFFICES + r")\b")
NAME_LINE = re.compile(rf"^[{UPPER}][a-zà-ỹđ]+(?:\s+[{UPPER}][a-zà-ỹđ]+){{1,4}}$")
FUNDING = re.compile(r"\b(kinh phí|ngân sách|nguồn vốn|vốn đầu tư|vốn đối ứng|xã hội hóa|nguồn sự nghiệp|"
                     r"nguồn kinh phí|nguồn ngân sách|huy động hợp pháp)\b", re.IGNORECASE)
# A day and month with no year, after a word that says so: yearly deadlines ("trước ngày 20/11 hằng năm"), news
# ("Ngày 21/12"). The press writes it with a hyphen too ("Ngày 21-12", "sáng 23-6"), which only such a word tells
# from a range ("2-3 doanh nghiệp").
DAY_MONTH = re.compile(r"(?:ngày|trước|hạn|sáng|chiều|tối|trưa)\s+(?:ngày\s+)?\d{1,2}(?:/\d{1,2}(?![\d/])|-\d{1,2}(?![\d/-]))",
                       re.IGNORECASE)
DEADLINE = re.compile(r"\b(trước|chậm nhất|hạn chót|không muộn hơn|hoàn thành trong|hoàn thành trước)\b[^.;]{0,20}"
                      r"(?:\d{1,2}/\d{1,2}|tháng|quý|năm)", re.IGNORECASE)
NEGATION = re.compile(r"\b(không (?:được|áp dụng|thuộc|hỗ trợ)|trừ|ngoại trừ|loại trừ|không bao gồm)\b", re.IGNORECASE)
PLACE = re.compile(rf"\b(?:tỉnh|thành phố|TP\.?|huyện|thị xã|thị trấn|xã|phường|quận)\s*[{UPPER}]|"
                   r"\b(?:in|at)\s+(?:the\s+)?[A-Z][\w'-]+")  # in English: "held in Hanoi", "at the National ..."
# (an English page states them in its own words: "To be eligible for the award, businesses must ...")
ELIGIBILITY = re.compile(r"\b(đối tượng|được hỗ trợ|ưu tiên|điều kiện|áp dụng đối với|áp dụng cho|dành cho|hướng tới|"
                         r"eligib\w*|entitled|qualif(?:y|ies|ied)|conditions?|priority|prioriti[sz]ed)\b",
                         re.IGNORECASE)
# A month or months of a year ("tháng 6/2025", "Tháng 6 - 8/2025"), an English date ("July 30, 2021", "26 July
# 2019"), a year ("năm 1998", "in 2021").
MONTH_YEAR = re.compile(r"(?:tháng\s*)?\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*/\s*(?:19|20)\d{2}(?!\d)", re.IGNORECASE)
_MONTHS_EN = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
EN_DATE = re.compile(rf"\b{_MONTHS_EN}\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTHS_EN},?\s+\d{{4}}\b")
EN_DAY_MONTH = re.compile(rf"\b{_MONTHS_EN}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS_EN}\b")
YEAR = re.compile(r"(?<![\d/.,])(?:19|20)\d{2}(?![\d/])")
# A person's name after a title or role ("Phó Thủ tướng Trần Hồng Hà", "Người ký: Nguyễn Thái Hưng",
# "Minister Chu Ngoc Anh"); Vietnamese names are two to four capitalised words, and not the words of a kind of
# document or body ("Thủ tướng Chính phủ ký Quyết định ..." names no one).
_NOT_A_NAME = (r"(?!(?:Quyết định|Kế hoạch|Nghị quyết|Nghị định|Thông tư|Chỉ thị|Công văn|Chương trình|Chính phủ|"
               r"Ban hành|Ủy ban|Uỷ ban|Hội đồng|Văn phòng|Nhân dân|Khoa học|Công nghệ|Sở|Bộ|Cục|Tổng cục|Trung tâm|"
               r"Viện|Tỉnh|Thành phố)\b)")
_NAME = _NOT_A_NAME + rf"[{UPPER}][a-zà-ỹđ]+(?:\s+[{UPPER}][a-zà-ỹđ]+){{1,3}}"
ROLE_NAME = re.compile(r"(?:Người ký|Signer|Chủ tịch|Phó Chủ tịch|Thủ tướng|Phó Thủ tướng|Bộ trưởng|Thứ trưởng|Giám đốc|"
                       r"Phó Giám đốc|Tổng cục trưởng|Chánh Văn phòng|Trưởng ban|Minister|Deputy Minister|President|"
                       r"Chairman|Director|Mr\.?|Ms\.?|Mrs\.?)\s*:?\s*(?:[^\s,.;:]+\s+){0,6}?" + _NAME)
# An office named by its holder's title and body ("Bộ trưởng Bộ KH&CN", "Chủ tịch UBND tỉnh", "Giám đốc Sở Khoa học
# và Công nghệ"): plans assign duties and chairs to offices, so "Ai làm Trưởng ban?" is answered by one.
OFFICE_HOLDER = re.compile(r"\b(Thủ tướng|Phó Thủ tướng|Bộ trưởng|Thứ trưởng|Chủ tịch|Phó Chủ tịch|Giám đốc|"
                           r"Phó Giám đốc|Tổng cục trưởng|Cục trưởng|Chi cục trưởng|Viện trưởng|Chánh Văn phòng)\s+"
                           r"(?:Chính phủ|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Bộ|Sở|Tổng cục|Cục|Chi cục|Viện|Văn phòng)\b|"
                           # the same offices in English pages ("At the proposal of the Minister of Industry and Trade")
                           r"\b((?:Deputy |Vice )?(?:Prime Minister|Minister|Chairman|Chairwoman|Director(?: General)?))"
                           r"\s+of\s+(?:the\s+)?[A-Z]")
# A legal text names who proposed it in its preamble ("Theo đề nghị của Bộ trưởng Bộ Khoa học và Công nghệ"; a
# council's resolution: "Xét Tờ trình số 12/TTr-UBND của ..."; English: "At the proposal of the Minister of ...").
PROPOSER = re.compile(r"\b(?:theo|xét) (?:đề nghị|đề xuất) của\b|\bxét tờ trình\b|\bat the (?:proposal|request) of\b",
                      re.IGNORECASE)
# "Ban hành theo đề nghị của ai / cơ quan nào", "Bộ nào đề xuất", "at whose proposal": asks who proposed it.
ASKS_PROPOSER = re.compile(r"\b(?:de nghi|de xuat|to trinh) cua (?:ai|co quan nao|bo nao|so nao|don vi nao|nganh nao)\b|"
                           r"\b(?:ai|co quan nao|bo nao|so nao|don vi nao|nganh nao) (?:da )?(?:de nghi|de xuat|trinh)\b|"
                           r"\bat whose (?:proposal|request)\b|\bwho proposed\b")
# A person named as the one who signed ("Người ký: Vũ Đức Đam", a legal site's field; "Phó Thủ tướng Trần Hồng Hà
# vừa ký Quyết định ..."), not merely someone with a title in a text about the document.
SIGNED = re.compile(r"\b(?:Người ký|vừa ký|đã ký|ký ban hành|ký Quyết định|signed|Signer)\b", re.IGNORECASE)
# A legal site's "Người ký" field ("Người ký: | Đoàn Văn Việt |", "Signer: Nguyen Xuan Phuc"): it names the signer
# of the page's document, as its signature block does.
SIGNER_FIELD = re.compile(r"(?:^|(?<=[\s|]))(?:Người ký|Signer)\s*:?\s*\|?\s*" + _NAME)
# "Nghị quyết số 26", "Decision No. 1322": a number named without its code.
NUMBERED_DOC = re.compile(r"\b(?:số|No\.?)\s*\d{1,5}\b", re.IGNORECASE)
LIST_ITEM = re.compile(r"^(?:[-+•–]|[a-zđ]\)|\d{1,2}[.)])\s*")
# A sentence that enumerates: items after "including / such as / bao gồm / gồm / như / :", or a run of short items
# closed by "and / và / or / hoặc" ("Bangladesh, Cambodia, and Fiji"); or an introduction to a list (ending in ":").
ENUMERATION = re.compile(r"(?:\b(?:including|includes?|such as|namely|bao gồm|gồm|như)\b|:)\s*[^,;.]{2,60}[,;]"
                         r"[^,;.]{2,60}[,;]|[^,;.]{2,40}[,;] [^,;.]{2,40}[,;]? (?:and|or|và|hoặc) \w|:\s*$",
                         re.IGNORECASE)


def numbers_of_kind(text: str, kind: str) -> list[str]:
    """The document numbers ``text`` states of ``kind``: those whose type code is of that kind (a number's code
    names its kind of document, Nghị định 30/2020/NĐ-CP: "442/TTr-SKHCN" is a tờ trình), and numbers written
    after the kind's name without a code ("Kế hoạch số 45", "Quyết định 1322").

    >>> numbers_of_kind("Quyết định 6374/QĐ-UBND; theo Tờ trình số 442/TTr-SKHCN", "tờ trình")
    ['442/TTr-SKHCN']
    >>> numbers_of_kind("ban hành Kế hoạch số 45 ngày 3/4/2023", "kế hoạch")
    ['45']
    """
    coded = [m.group(0) for m in DOC_NUMBER.finditer(text) if type_from_number(m.group(0)) == kind]
    named = re.findall(rf"\b{re.escape(kind)}\s+(?:số\s+)?(\d{{1,5}})(?![\d/.,])", text, re.IGNORECASE)
    return coded + named


def document_numbers(text: str) -> list[str]:
    """The document numbers (with a type code) ``text`` states.

    >>> document_numbers("Căn cứ Quyết định số 712/QĐ-TTg ngày 21/5/2010; Số: 6374/QĐ-UBND")
    ['712/QĐ-TTg', '6374/QĐ-UBND']
    """
    return [m.group(0) for m in DOC_NUMBER.finditer(text)]


# A question about what a document is based on or carries out asks the number of another document, one it cites
# ("căn cứ thông tư nào", "để thực hiện Kết luận nào"), not the document's own number; a document described by what
# it carries out ("Kế hoạch thực hiện Chương trình ... bằng quyết định số nào") is not such a question.
_DOC_KINDS = r"(?:văn bản|van ban|quyết định|quyet dinh|nghị quyết|nghi quyet|nghị định|nghi dinh|thông tư|thong tu|" \
             r"kết luận|ket luan|chỉ thị|chi thi|công văn|cong van|kế hoạch|ke hoach|chương trình|chuong trinh|" \
             r"decision|resolution|decree|circular)"
ASKS_BASIS = re.compile(r"\b(?:căn cứ|can cu|thực hiện|thuc hien|triển khai|trien khai|lồng ghép|long ghep|"
                        r"sửa đổi|sua doi|thay thế|thay the|viện dẫn|vien dan|dẫn chiếu|dan chieu|based on|"
                        r"implement\w*|amend\w*|cite[sd]?|refer\w*)\s+(?:vào\s+|vao\s+|the\s+)?(?:những\s+|nhung\s+|"
                        rf"các\s+|cac\s+)?{_DOC_KINDS}(?:\s+\S+){{0,3}}?\s+(?:nào|nao|gì|gi|số|so|which)\b",
                        re.IGNORECASE)


def first_date(text: str) -> str:
    """The first full date ``text`` states, as an ISO string ("" if none).

    >>> first_date("Ngày 21 tháng 01 năm 2022, UBND ban hành Quyết định số 299/QĐ-UBND thực hiện ... 11/01/2021")
    '2022-01-21'
    """
    m = DATE.search(text)
    return _iso(m) if m else ""


def dated_numbers(text: str) -> list[tuple[str, str]]:
    """Each document number ``text`` gives with its date right after it, the way texts cite a document
    ("Kế hoạch số 45/KH-UBND ngày 18/3/2024"), as (number, ISO date).

    >>> dated_numbers("Thực hiện Kế hoạch số 45/KH-UBND ngày 18/3/2024 của UBND tỉnh; Quyết định 1322/QĐ-TTg")
    [('45/KH-UBND', '2024-03-18')]
    """
    out = []
    for m in DOC_NUMBER.finditer(text):
        d = DATE.match(text, m.end() + len(re.match(r"\s*,?\s*(?:ngày\s+(?=\d{1,2}[/.-]))?", text[m.end():]).group(0)))
        if d:
            out.append((m.group(0), _iso(d)))
    return out


def to_float(raw: str) -> float:
    return float(raw.replace(",", "."))


def percentages(text: str) -> list[tuple[float, int]]:
    """Each percentage (the upper end of a range) with its position."""
    out = []
    for m in PERCENT.finditer(text):
        value = to_float(m.group(2) or m.group(1))
        out.append((value, m.start()))
    return out


# Word pairs every target sentence shares ("đạt mục tiêu", "bình quân"): they say nothing of WHICH indicator.
GENERIC_PAIRS = {"muc_tieu", "dat_muc", "phan_dat", "gop_phan", "binh_quan", "moi_nam", "phan_tram", "dat_khoang",
                 "tieu_tang", "quan_tren", "quan_khoang", "tinh_dat", "cua_tinh"}


def attached_percentage(text: str, cue_pairs: set[str]) -> float | None:
    """The percentage that the asked indicator names: the one whose preceding words share most word pairs with
    ``cue_pairs`` (folded bigrams of the question, e.g. "nang_suat", "lao_dong"), generic target phrasing not
    counted. "TFP đóng góp 40%" is not the labour-productivity target even in a sentence about targets."""
    cues = cue_pairs - GENERIC_PAIRS
    best, best_overlap = None, 0
    for value, pos in percentages(text):
        ws = fold(text[max(0, pos - 70) : pos]).replace(",", " ").split()
        before = {f"{a}_{b}" for a, b in zip(ws, ws[1:])}
        overlap = len(before & cues)
        if overlap > best_overlap:
            best, best_overlap = value, overlap
    return best


UNIT_HEAD = 2  # words of the asked unit a number must be followed by


def has_number_with_unit(text: str, unit_words: list[str]) -> bool:
    """A number followed, within three words, by the asked unit ("bao nhiêu chuyên gia" → "10 - 15 chuyên gia"),
    or by its initialism: administrative texts shorten a term of several words to its initials ("bao nhiêu thủ tục
    hành chính" → "05 TTHC"), and write a term out before its initials in parentheses ("bao nhiêu QCVN" → "62 Quy
    chuẩn Việt Nam (QCVN)").

    >>> has_number_with_unit("62 Quy chuẩn Việt Nam (QCVN), 71 Tiêu chuẩn Việt Nam (TCVN)", ["tcvn"])
    True
    >>> has_number_with_unit("468 mô hình điểm (mô hình)", ["qcvn"])
    False
    """
    if not unit_words:
        return False
    folded = expand_inline(fold(text))  # "50 DN" counts as "50 doanh nghiệp"
    forms = [r"\s+".join(map(re.escape, unit_words[:UNIT_HEAD]))]
    forms += ["".join(w[0] for w in unit_words[:k]) for k in range(3, len(unit_words) + 1)]
    unit = "|".join(forms)
    number = r"\d+(?:[.,]\d+)?(?:\s*(?:-|–|/|den)\s*\d+)?\s+"
    # A count of recipients counts what they receive: "40 doanh nghiệp được trao giải Vàng" is 40 giải Vàng.
    received = rf"(?:\S+\s+){{1,2}}(?:duoc\s+)?(?:trao|tang|nhan|dat|doat|cap)\s+(?:\S+\s+)?"
    # a term written out, its initials after it in parentheses: "62 Quy chuẩn Việt Nam (QCVN)" counts QCVN
    spelled = r"(?:[^\W\d]+\s+){1,5}\(\s*"
    return bool(re.search(rf"{number}(?:(?:\S+\s+){{0,2}}|{received}|{spelled})(?:{unit})\b", folded))


def has_number_with_any(text: str, alternatives: tuple[str, ...] | list[str]) -> bool:
    """A number followed, within three words, by any one of ``alternatives`` (single words of a page in English:
    "6,400 enterprises", "about 600 quality productivity experts")."""
    if not alternatives:
        return False
    unit = "|".join(re.escape(fold(w)) for w in alternatives)
    number = rf"(?:\d+(?:[.,]\d+)*(?:\s*(?:-|–|/|to)\s*\d+)?|{_ENGLISH_NUMBER_WORDS})\s+"
    return bool(re.search(rf"{number}(?:\S+\s+){{0,2}}(?:{unit})\b", fold(text)))


# A number that names a document or programme after its kind ("Nghị quyết 57", "Decision 1322", "Programme 1322"),
# or a date written year first ("2025-12-16"), states no amount ("Kế hoạch 5 năm" does: a span of years).
NAMING_NUMBER = re.compile(r"\b(?:Quyết định|Nghị quyết|Nghị định|Thông tư|Chỉ thị|Công văn|Chương trình|Kế hoạch|"
                           r"Đề án|Decision|Resolution|Decree|Circular|Directive|Programme|Program|Plan)\s+\d+"
                           r"(?![\d.,]|\s*(?:năm|tháng|years?|months?)\b)|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)|"
                           # a part of a legal text ("Điều 2. Quyết định này có hiệu lực", "khoản 3 Điều 4")
                           r"\b(?:Điều|Khoản|Chương|Mục|Article|Clause|Chapter)\s+\d+(?!\d|[.,]\d)",
                           re.IGNORECASE)


# Which term of a council, which session, which time: councils' terms are numbered in Roman numerals ("HĐND tỉnh
# khóa XV"), sessions and rounds in words or digits ("kỳ họp thứ 5", "lần thứ hai").
ASKS_ORDINAL = re.compile(r"\b(?:khoa|nhiem ky|ky hop|lan thu|thu) (?:may|nao|bao nhieu)\b")
_ASKS_ORDINAL_ACCENTED = re.compile(r"\b(?:khóa|khoá|nhiệm kỳ|kỳ họp|lần thứ|thứ) (?:mấy|nào|bao nhiêu)\b")


def asks_ordinal(question: str) -> bool:
    """Whether ``question`` asks which term, session or time ("khóa mấy", "kỳ họp thứ mấy"). With its diacritics
    "thứ" is told from "thụ" ("tiêu thụ bao nhiêu" asks an amount); typed without them, the folded form decides.

    >>> asks_ordinal("Nghị quyết được thông qua tại kỳ họp thứ mấy?"), asks_ordinal("ky hop thu may")
    (True, True)
    >>> asks_ordinal("Lượng điện tiêu thụ giảm bao nhiêu?"), asks_ordinal("Điện tiêu thụ bao nhiêu?")
    (False, False)
    """
    lowered = " ".join(question.lower().split())
    if fold(lowered) != lowered:
        return bool(_ASKS_ORDINAL_ACCENTED.search(lowered))
    return bool(ASKS_ORDINAL.search(fold(lowered)))
ORDINAL = re.compile(r"\b(?:khóa|khoá|nhiệm kỳ)\s+[IVXLC]+\b|\bthứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|"
                     r"\d+)\b", re.IGNORECASE)


# What was achieved is not what was aimed at: a question asking what a plan actually reached ("thực tế đã đạt bao
# nhiêu", folded) is not answered by a sentence that only sets a target ("Phấn đấu đến năm 2020 đạt 30 - 40%").
ASKS_ACHIEVED = re.compile(r"\b(?:thuc te|da dat|da dat duoc|ket qua dat duoc|ket qua thuc hien)\b")
ASKS_TARGET = re.compile(r"\b(?:muc tieu|phan dau|chi tieu|du kien|ke hoach dat|dat ra)\b")
TARGET_CUE = re.compile(r"\b(?:phấn đấu|mục tiêu|chỉ tiêu|dự kiến|aims?|aimed|targets?|targeted|strives?|goals?|"
                        r"objectives?)\b", re.IGNORECASE)
ACHIEVED_CUE = re.compile(r"\b(?:đã|kết quả|thực tế|hoàn thành|vượt|achieved|reached|recorded|attained)\b",
                          re.IGNORECASE)


def only_a_target(text: str) -> bool:
    """Whether a sentence sets a target and reports nothing achieved.

    >>> only_a_target("Phấn đấu đến năm 2020 đạt tỷ lệ 30 - 40% DN áp dụng hệ thống quản lý chất lượng")
    True
    >>> only_a_target("Đến nay đã có 35% doanh nghiệp áp dụng, vượt mục tiêu đề ra")
    False
    """
    return bool(TARGET_CUE.search(text)) and not ACHIEVED_CUE.search(text)


# A count written in words before what it counts ("seven key tasks", "đề xuất hai nhiệm vụ"), in lower case (a
# capital starts a name: "Six Sigma"). Not "one / một" (an article as often as a count), nor "năm" (a year as
# often as five).
_ENGLISH_NUMBER_WORDS = (r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                         r"forty|fifty)")
NUMBER_WORD = re.compile(rf"{_ENGLISH_NUMBER_WORDS}(?=\s+[^\W\d])|\b(?:hai|ba|bốn|sáu|bảy|tám|chín|mười)(?=\s+[^\W\d])")

_COUNT_VALUES = {w: n for n, ws in enumerate([(), (), ("two", "hai"), ("three", "ba"), ("four", "bốn"), ("five",),
                                               ("six", "sáu"), ("seven", "bảy"), ("eight", "tám"), ("nine", "chín"),
                                               ("ten", "mười"), ("eleven",), ("twelve",)]) for w in ws}
# a count of a few things in digits before what it counts ("5 nhóm giải pháp", "3 key pillars")
_DIGIT_COUNT = re.compile(r"(?<![\d.,/%])\b([2-9]|1[0-2])\s+(?=[^\W\d])(?!(?:năm|tháng|ngày|tuổi|giờ|%)\b)")


def announced_count(text: str) -> int | None:
    """The number of things a sentence announces without naming them: a count of a few (2-12) in words or digits
    before what it counts, in a sentence with fewer separators (",", ";") than the items would need ("Prime
    Minister Pham outlined four overarching areas to ...", "Kế hoạch đề ra 5 nhóm giải pháp chính."); None when
    it names them or counts nothing. A sentence ending in ":" introduces its items another way.

    >>> announced_count("Prime Minister Pham outlined four overarching areas to put growth back on track.")
    4
    >>> announced_count("Kế hoạch đề ra 5 nhóm giải pháp chính.")
    5
    >>> announced_count("Ba trụ cột gồm thể chế, nhân lực và quản trị.") is None
    True
    >>> announced_count("Có 49 doanh nghiệp đạt giải.") is None
    True
    """
    if text.rstrip().endswith(":"):
        return None
    count = stated_count(text)
    if count is None or len(re.findall(r"[,;]", text)) >= count - 1:
        return None
    return count


def stated_count(text: str) -> int | None:
    """The first count of a few things (2-12) a text states, in words or digits before what it counts ("What four
    areas ...", "3 nhóm"); None when it states none."""
    m = NUMBER_WORD.search(text)
    if m and m.group(0).lower() in _COUNT_VALUES:
        return _COUNT_VALUES[m.group(0).lower()]
    d = _DIGIT_COUNT.search(text)
    return int(d.group(1)) if d else None


# A year as a year is written: after a word of time ("năm 2021", "giai đoạn 2021", "đến 2030", "by 2025") or as an
# end of a period ("2021 - 2025"); a month ("tháng 3", "tháng 3/2022").
TIME_SPOKEN = re.compile(r"(?:\b(?:năm|giai đoạn|thời kỳ|đến|tới|từ|trước|sau|cuối|đầu|in|by|since|from|until|to|of|"
                         r"during)\s+|(?<=[-–])\s*)(?:19|20)\d{2}(?![\d/.,]\d)|(?<![\d/.,])(?:19|20)\d{2}(?=\s*[-–]\s*(?:19|20)\d{2})|"
                         r"\btháng\s+\d{1,2}(?:/(?:19|20)\d{2})?(?![\d/.,]\d)|"
                         # a day and month after a word for a day or its time ("Sáng 15/5", "ngày 12/12"): a date
                         r"\b(?:ngày|sáng|chiều|tối|trưa|đêm|hôm)\s+\d{1,2}/\d{1,2}(?![\d/])",
                         re.IGNORECASE)


def quantities(text: str) -> list[str]:
    """Numbers that state an amount: dates and document numbers ("12/7/2024", "45/KH-UBND", "Nghị quyết 57") do
    not count. Counts written in words do.

    >>> quantities("Resolution 57 pilot models spread, date 2025-12-16, after Decision 1322 reached 6,400 firms")
    ['6,400']
    >>> quantities("Kế hoạch 5 năm hỗ trợ 30 doanh nghiệp"), quantities("to implement seven key tasks")
    (['5', '30'], ['seven'])
    >>> quantities("áp dụng Lean, Six Sigma"), quantities("đề xuất hai nhiệm vụ")
    ([], ['hai'])
    >>> quantities("Điều 2. Quyết định này có hiệu lực"), quantities("theo khoản 3 Điều 4, hỗ trợ 30 doanh nghiệp")
    ([], ['30'])
    """
    stripped = NAMING_NUMBER.sub(" ", DOC_NUMBER.sub(" ", DATE.sub(" ", text)))
    return NUMBER.findall(stripped) + NUMBER_WORD.findall(stripped)


def amounts(text: str) -> list[str]:
    """The quantities that can answer "bao nhiêu / how many": not years ("giai đoạn 2021 - 2030", "năm 2021", "by
    2025"), which a goal states its period with, nor months ("tháng 3").

    >>> amounts("Kế hoạch năm 2021 giai đoạn 2021 - 2025, đến 2030, phiên họp tháng 3 năm 2022, ngày 08 tháng 4 năm 2022")
    []
    >>> amounts("hỗ trợ 2021 doanh nghiệp trong 3 tháng")
    ['2021', '3']
    >>> amounts("Sáng 15/5, hội nghị khai mạc"), amounts("Hội nghị diễn ra trong 2 ngày"), amounts("2/3 số doanh nghiệp")
    ([], ['2'], ['2'])
    """
    return quantities(TIME_SPOKEN.sub(" ", DATE.sub(" ", text)))


def states_same(number: str, text: str, question: str) -> bool:
    """Whether ``question`` states ``number`` of the same thing ``text`` does wherever the text writes it: with a
    word beside it that is beside it in the text too ("trong số 102 nhiệm vụ" / "đề ra 102 nhiệm vụ", "ISO 9001"),
    not of something else ("20 năm Giải thưởng" / "20 DN điển hình trong 20 năm qua").

    >>> states_same("102", "Nghị quyết đề ra 102 nhiệm vụ.", "hoàn thành bao nhiêu trong số 102 nhiệm vụ?")
    True
    >>> states_same("20", "Bộ sẽ chọn ra 20 DN điển hình trong 20 năm qua", "Nhân dịp 20 năm, chọn bao nhiêu DN?")
    False
    """
    pattern = re.compile(rf"(?:(\w+)\W+)?(?<![\w.,]){re.escape(number)}(?!\w|[.,]\d)(?:\W+(\w+))?")
    asked = {w for m in pattern.finditer(fold(question)) for w in m.groups() if w}
    written = [{w for w in m.groups() if w} for m in pattern.finditer(fold(text))]
    return bool(written) and all(beside & asked for beside in written)


# The kind of fact each interrogative phrase asks for ("ngày nào" a date, "bao nhiêu" an amount, "ai" a person,
# "số hiệu" a document number), and whether a text states one.
_ASKED_KINDS = (
    ("date", re.compile(r"\b(ngày nào|khi nào|bao giờ|thời gian nào|when|what date)\b", re.IGNORECASE)),
    ("number", re.compile(r"\b(bao nhiêu|(?<!số )mấy|how many|how much)\b", re.IGNORECASE)),
    ("person", re.compile(r"\b(?:[aA]i|(?i:who))\b|^AI\b")),  # "AI" inside a sentence is artificial intelligence
    ("docnumber", re.compile(r"\b(số hiệu|số mấy|số nào|văn bản nào|quyết định nào|nghị quyết nào)\b", re.IGNORECASE)),
    # "doanh nghiệp nào", and a business with what tells it apart ("doanh nghiệp sản xuất bao bì nào"), not a
    # business's place, field or prize ("doanh nghiệp ở tỉnh nào", "thuộc lĩnh vực nào")
    ("organization", re.compile(r"\b((?:doanh nghiệp|DN|công ty|đơn vị|tổ chức|hiệp hội|hợp tác xã|HTX|tập đoàn)\s+"
                                r"(?:nào|gì)|(?:doanh nghiệp|DN|công ty|hợp tác xã|HTX|tập đoàn)(?:\s+(?!(?:tỉnh|huyện|thành|"
                                r"năm|ngày|ngành|lĩnh|loại|hình|giải|địa|cấp|sở|bộ|quốc|nước|nào)\b)\w+){1,4}\s+nào|"
                                r"which (?:compan(?:y|ies)|enterprises?|firms?|businesses|associations?))\b",
                                re.IGNORECASE)),
)
# A named enterprise or organisation ("Công ty TNHH ...", "Tập đoàn ...", "Tien Phong Plastic Joint Stock Company").
ORGANIZATION = re.compile(rf"\b(?:Công ty|Tập đoàn|CTCP|Tổng công ty|Hợp tác xã|HTX|Hiệp hội|Liên hiệp)\s+[{UPPER}0-9]|"
                          r"\b(?:Company|Corporation|Co\.,? Ltd|JSC|Joint Stock|Association)\b")

# People named by what they are, not by name ("người dân", "tất cả nhân viên", "người lao động"): "lấy ai làm trung
# tâm", "dựa vào ai" may be answered by them.
PEOPLE = re.compile(r"\b(?:người dân|nhân dân|nhân viên|người lao động|cán bộ|công chức|viên chức|chuyên gia|"
                    r"khách hàng|người tiêu dùng|citizens|employees|workers|the people)\b", re.IGNORECASE)


# A tool, standard or scheme named by a code ("5S", "3R", "ISO 9001", "TCVN 5814:2020") or by its own name (the
# productivity tools and management and farming standards the programmes support: Lean, Kaizen, Six Sigma, TPM, TQM,
# KPI, BSC, HACCP, GMP, VietGAP, GlobalGAP, SA 8000): a sentence about another one ("ISO 9001, 14000, HACCP ...")
# does not answer a question about it.
_CODE = re.compile(r"(?<![\w/.,-])(?:\d[A-Za-z]{1,3}|(?:ISO|TCVN|IEC|QCVN)\s?\d{3,5}(?:-\d+)?)(?![\w/])|"
                   r"(?i:\b(?:lean|kaizen|(?:six|6)\s?sigma|tpm|tqm|kpis?|bsc|haccp|gmp|vietgap|globalgap|sa\s?8000)\b)|"
                   # a product's rating ("OCOP 4 sao", "four-star"): a sentence on 4-star products does not answer
                   # for 3-star ones
                   r"(?i:\b(?:[1-5]|one|two|three|four|five)[- ]?(?:sao|stars?)\b)")
_CODE_SPELLINGS = {"6sigma": "sixsigma", "kpis": "kpi"}
_RATING = re.compile(r"^(\d|one|two|three|four|five)-?(?:sao|stars?)$")
_DIGITS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5"}


def named_codes(text: str) -> list[str]:
    """The codes ``text`` names a tool or a standard by, folded and without spaces.

    >>> named_codes("Mỗi doanh nghiệp áp dụng công cụ 5S được hỗ trợ bao nhiêu? Và ISO 9001:2015?")
    ['5s', 'iso9001']
    >>> named_codes("Quyết định 1322/QĐ-TTg năm 2022, 3 tháng, 4.0, 12,5%")
    []
    >>> named_codes("Doanh nghiệp áp dụng Lean 6 Sigma, VietGAP và các KPIs"), named_codes("lean production, Six Sigma")
    (['lean', 'sixsigma', 'vietgap', 'kpi'], ['lean', 'sixsigma'])
    >>> named_codes("40 sản phẩm OCOP 4 sao, 2 sản phẩm 5 sao"), named_codes("three-star status, 24.7 per cent four stars")
    (['4sao', '5sao'], ['3sao', '4sao'])
    """
    codes = [re.sub(r"\s", "", m.group(0)).lower() for m in _CODE.finditer(text)]
    ratings = [_RATING.match(c) for c in codes]
    return [f"{_DIGITS.get(r.group(1), r.group(1))}sao" if r else _CODE_SPELLINGS.get(c, c)
            for c, r in zip(codes, ratings)]


def asked_kinds(question: str) -> list[str]:
    """The kinds of fact a question asks for, in the order of the kinds.

    >>> asked_kinds("Được phê duyệt ngày nào, trên cơ sở tờ trình số mấy?")
    ['date', 'docnumber']
    >>> asked_kinds("Doanh nghiệp sản xuất bao bì nào tham gia?"), asked_kinds("Doanh nghiệp ở tỉnh nào nhận giải?")
    (['organization'], [])
    """
    return [kind for kind, pattern in _ASKED_KINDS if pattern.search(question)]


def has_kind(kind: str, text: str) -> bool:
    """Whether ``text`` states a fact of ``kind`` (see :func:`asked_kinds`)."""
    if kind == "date":
        return bool(DATE.search(text) or DAY_MONTH.search(text) or EN_DATE.search(text) or MONTH_YEAR.search(text)
                    or EN_DAY_MONTH.search(text))
    if kind == "number":  # an amount: not a year ("năm 2024") nor the number of a list item
        return any(not YEAR.fullmatch(n) for n in quantities(LIST_ITEM.sub(" ", text.lstrip(), count=1)))
    if kind == "person":
        return bool(PERSON.search(text) or ROLE_NAME.search(text))
    if kind == "organization":
        return bool(ORGANIZATION.search(text))
    return bool(DOC_NUMBER.search(text))


def period_bounds(period: str) -> tuple[int, int] | None:
    """The first and last year of a plan's period ("2021-2025", "2025", "giai đoạn 2021 - 2030"); a period
    "đến 2030" has no known start (0). None when it names no year, or more than two.

    >>> period_bounds("2021-2025"), period_bounds("đến 2030"), period_bounds("2025"), period_bounds("")
    ((2021, 2025), (0, 2030), (2025, 2025), None)
    """
    found = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", period)]
    if not found or len(found) > 2:
        return None
    return (0 if re.match(r"\s*(?:đến|den)\b", period, re.IGNORECASE) else found[0]), found[-1]
