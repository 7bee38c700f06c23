"""Who a plan supports and how: beneficiaries, priorities, conditions, exclusions, support lines with their
rate and ceiling, and how to apply.

The kind of a line comes from its section heading ("Đối tượng được hỗ trợ", "Các trường hợp không được hỗ trợ",
"Nội dung và mức hỗ trợ", "Hồ sơ") or, in news text without such sections, from the sentence itself
("đối tượng DN được hỗ trợ ...; trong đó ưu tiên các DN thuộc các ngành ...").

>>> line_kind("II. ĐỐI TƯỢNG > 2. Các trường hợp không được hỗ trợ", "Doanh nghiệp có vốn nhà nước trên 50%.")
'không hỗ trợ'
>>> rate_and_ceiling("Hỗ trợ 50% chi phí tư vấn, tối đa 100 triệu đồng/doanh nghiệp.")
('50% chi phí tư vấn', 'tối đa 100 triệu đồng/doanh nghiệp')
"""

from __future__ import annotations

import re

from assistant.facts.targets import folded

BENEFICIARY, PRIORITY, CONDITION, EXCLUSION, SUPPORT, PROCEDURE = (
    "đối tượng", "ưu tiên", "điều kiện", "không hỗ trợ", "mức hỗ trợ", "hồ sơ")
KINDS = (BENEFICIARY, PRIORITY, CONDITION, EXCLUSION, SUPPORT, PROCEDURE)

_HEADING_KINDS = (
    (EXCLUSION, re.compile(r"khong (?:duoc )?ho tro|khong ap dung|loai tru|truong hop khong")),
    (BENEFICIARY, re.compile(r"doi tuong|pham vi (?:va )?doi tuong")),
    (CONDITION, re.compile(r"dieu kien|tieu chi")),
    (PRIORITY, re.compile(r"uu tien")),
    (SUPPORT, re.compile(r"muc ho tro|noi dung (?:va muc )?ho tro|chinh sach ho tro")),
    (PROCEDURE, re.compile(r"ho so|trinh tu|thu tuc|thoi han|dia diem tiep nhan|dang ky")),
)
_SENTENCE_KINDS = (
    (EXCLUSION, re.compile(r"khong (?:duoc )?ho tro\b|khong ap dung (?:doi voi|cho)|\btru (?:cac )?doanh nghiep|"
                           r"von dau tu (?:truc tiep )?nuoc ngoai|\bfdi\b")),
    (BENEFICIARY, re.compile(r"doi tuong[^.;]{0,30}(?:duoc ho tro|ho tro|ap dung)|ap dung doi voi")),
    (PRIORITY, re.compile(r"^\s*(?:[-+•]\s*)?uu tien|trong do uu tien|duoc uu tien")),
    (SUPPORT, re.compile(r"\bho tro\s+(?:\d+(?:[.,]\d+)?\s*%|toi da|\d+(?:[.,]\d+)?\s*(?:trieu|ty))|"
                         r"toi da \d+(?:[.,]\d+)? (?:trieu|ty) dong")),
)
_RATE = re.compile(r"\d+(?:[.,]\d+)?\s*%\s*(?:chi phí|học phí|giá trị|phí|kinh phí)?[^,;.]{0,40}", re.IGNORECASE)
_CEILING = re.compile(r"(?:tối đa|không quá)\s+\d+(?:[.,]\d+)?\s*(?:triệu|tỷ|tỉ|nghìn)?\s*(?:đồng|người|lượt|công cụ|dự án)?"
                      r"(?:/[\wÀ-ỹđ ]{1,20})?",
                      re.IGNORECASE)
_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?\s*(?:triệu|tỷ|tỉ)\s*đồng(?:/[\wÀ-ỹđ ]{1,20})?", re.IGNORECASE)
_WHO = (("doanh nghiệp nhỏ và vừa", re.compile(r"doanh nghiep nho va vua|dnnvv")),
        ("hợp tác xã", re.compile(r"hop tac xa|\bhtx\b")),
        ("doanh nghiệp", re.compile(r"doanh nghiep|\bdn\b")),
        ("chủ thể OCOP", re.compile(r"ocop")),
        ("cá nhân, tổ chức", re.compile(r"ca nhan|to chuc kinh te")))
_SECTORS_AFTER = re.compile(r"(?:(?:gồm|thuộc)\s+)?(?:các\s+)?(?:ngành|lĩnh vực)(?:\s+như)?\s*:\s*",
                            re.IGNORECASE)


def line_kind(section_path: str, text: str) -> str | None:
    """The kind of an eligibility line, or None when the line is not about eligibility or support."""
    low = folded(text)
    for heading in reversed([folded(h) for h in section_path.split(">")] if section_path else []):
        for kind, pattern in _HEADING_KINDS:
            if pattern.search(heading):
                if kind in (SUPPORT, BENEFICIARY) and re.search(r"khong (?:duoc )?ho tro", low):
                    return EXCLUSION
                return kind
    for kind, pattern in _SENTENCE_KINDS:
        if pattern.search(low):
            return kind
    return None


def rate_and_ceiling(text: str) -> tuple[str, str]:
    rate = _RATE.search(text)
    ceiling = _CEILING.search(text)
    rate_text = rate.group(0).strip(" ,") if rate else ""
    if not rate_text and (amount := _AMOUNT.search(text)) and not ceiling:
        rate_text = amount.group(0).strip()
    return rate_text, ceiling.group(0).strip() if ceiling else ""


def applies_to(text: str) -> tuple[str, ...]:
    low = folded(text)
    out = [who for who, pattern in _WHO if pattern.search(low)]
    if "doanh nghiệp nhỏ và vừa" in out and "doanh nghiệp" in out and not re.search(
            r"doanh nghiep(?! nho va vua)|\bdn\b", low):
        out.remove("doanh nghiệp")
    return tuple(out)


def sectors(text: str) -> tuple[str, ...]:
    """The sectors a priority line lists ("cụ thể gồm các ngành như: Dịch vụ, du lịch; công nghiệp chế biến ...")."""
    m = None
    for m in _SECTORS_AFTER.finditer(text):
        pass
    if m is None:
        return ()
    tail = text[m.end():]
    parts = [p.strip(" .…,") for p in re.split(r";|\.\s", tail)]
    return tuple(p for p in parts if 2 <= len(p) <= 120)
