"""Agencies named in plans, normalised ("Sở KH&CN" = "Sở KHCN" = "Sở Khoa học và Công nghệ"), and their roles.

>>> [m.name for m in find_agencies("Sở KHCN tỉnh Khánh Hòa được giao là cơ quan đầu mối")]
['Sở Khoa học và Công nghệ']
>>> roles_in("Là cơ quan đầu mối, chủ trì triển khai Kế hoạch; phối hợp với các cơ quan liên quan")
['đầu mối', 'chủ trì', 'phối hợp']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.facts.targets import folded
from common.text import UPPER

# canonical name → folded spellings (full names, abbreviations); longest spellings are tried first.
CANONICAL = {
    "Sở Khoa học và Công nghệ": ("so khoa hoc va cong nghe", "so khoa hoc - cong nghe", "so kh&cn", "so khcn",
                                 "so kh va cn", "so kh-cn"),
    "Sở Công Thương": ("so cong thuong", "so ct"),
    "Sở Kế hoạch và Đầu tư": ("so ke hoach va dau tu", "so kh&dt", "so khdt", "so kh va dt"),
    "Sở Tài chính": ("so tai chinh",),
    "Sở Nông nghiệp và Phát triển nông thôn": ("so nong nghiep va phat trien nong thon", "so nn&ptnt",
                                               "so nnptnt", "so nong nghiep va moi truong"),
    "Sở Giáo dục và Đào tạo": ("so giao duc va dao tao", "so giao duc dao tao", "so gd&dt", "so gddt"),
    "Sở Lao động - Thương binh và Xã hội": ("so lao dong - thuong binh va xa hoi", "so lao dong thuong binh va xa hoi",
                                            "so ldtb&xh", "so ldtbxh"),
    "Sở Thông tin và Truyền thông": ("so thong tin va truyen thong", "so tt&tt", "so tttt"),
    "Sở Y tế": ("so y te",),
    "Sở Xây dựng": ("so xay dung",),
    "Sở Nội vụ": ("so noi vu",),
    "Sở Tư pháp": ("so tu phap",),
    "Sở Tài nguyên và Môi trường": ("so tai nguyen va moi truong", "so tn&mt", "so tnmt"),
    "Sở Giao thông Vận tải": ("so giao thong van tai", "so gtvt"),
    "Sở Văn hóa, Thể thao và Du lịch": ("so van hoa, the thao va du lich", "so van hoa the thao va du lich",
                                        "so vhtt&dl", "so vhttdl"),
    "UBND tỉnh": ("uy ban nhan dan tinh", "ubnd tinh"),
    "UBND cấp huyện": ("uy ban nhan dan cac huyen", "ubnd cac huyen", "ubnd huyen", "ubnd cap huyen"),
    "Ban Quản lý các khu công nghiệp, khu kinh tế": ("ban quan ly khu kinh te", "ban quan ly cac khu cong nghiep",
                                                     "ban quan ly cac khu kinh te", "ban quan ly khu cong nghiep"),
    "Chi cục Tiêu chuẩn Đo lường Chất lượng": ("chi cuc tieu chuan do luong chat luong", "chi cuc tcdlcl"),
    "Tổng cục Tiêu chuẩn Đo lường Chất lượng": ("tong cuc tieu chuan do luong chat luong", "tong cuc tcdlcl"),
    "Bộ Khoa học và Công nghệ": ("bo khoa hoc va cong nghe", "bo kh&cn", "bo khcn"),
    "Hiệp hội Doanh nghiệp": ("hiep hoi doanh nghiep",),
    "Liên minh Hợp tác xã": ("lien minh cac hop tac xa", "lien minh hop tac xa", "lien minh htx"),
    "Đài Phát thanh và Truyền hình": ("dai phat thanh va truyen hinh", "dai pt-th", "dai ptth"),
    "Cục Thống kê": ("cuc thong ke",),
    "Hội Nông dân": ("hoi nong dan",),
    "Hội Liên hiệp Phụ nữ": ("hoi lien hiep phu nu", "hoi phu nu"),
    "Trung tâm Ứng dụng tiến bộ KH&CN": ("trung tam ung dung tien bo",),
}
_SPELLINGS = sorted(((sp, name) for name, sps in CANONICAL.items() for sp in sps), key=lambda x: -len(x[0]))
_SPELLING_RE = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(sp) for sp, _ in _SPELLINGS) + r")(?![a-z])")
_BY_SPELLING = dict(_SPELLINGS)
# An agency not in the table: "Sở/Ban/Báo ... " up to a delimiter or a verb.
_GENERIC = re.compile(rf"\b(?:(?:Sở|Báo|Ban|Viện|Trung tâm|Văn phòng|Công an|Bộ|Trường)\s+[{UPPER}]|"
                      r"Ban (?:điều hành|chỉ đạo) )[\wÀ-ỹđĐ&\- ]{1,50}?"
                      r"(?=\s*(?:[,;:.()]|$| là | chủ trì| phối hợp| có trách nhiệm| thực hiện| tham mưu| được | và "
                      r"| căn cứ| hướng dẫn| tổ chức))")
_ROLE_WORDS = (("đầu mối", re.compile(r"dau moi|thuong truc")), ("chủ trì", re.compile(r"chu tri")),
               ("báo cáo", re.compile(r"\bbao cao\b")))


@dataclass(frozen=True)
class AgencyMention:
    name: str
    text: str
    start: int
    end: int


def find_agencies(text: str) -> list[AgencyMention]:
    """Agencies named in ``text``, in order, normalised; the same agency once."""
    low = folded(text)
    found: list[AgencyMention] = []
    taken: list[tuple[int, int]] = []
    for m in _SPELLING_RE.finditer(low):
        name = _BY_SPELLING[m.group(0)]
        found.append(AgencyMention(name, text[m.start():m.end()], m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in _GENERIC.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        raw = m.group(0).strip()
        raw = re.sub(r"\s+tỉnh\s*$", "", raw)
        if len(raw.split()) < 2 or folded(raw).startswith(("ban hanh", "bo sung", "bo tri")):
            continue
        found.append(AgencyMention(raw, raw, m.start(), m.start() + len(raw)))
    found.sort(key=lambda a: a.start)
    seen: set[str] = set()
    unique = []
    for a in found:
        if a.name not in seen:
            seen.add(a.name)
            unique.append(a)
    return unique


def roles_in(text: str) -> list[str]:
    """The roles a task text gives its agency, clause by clause (";"): a lead role named (đầu mối, chủ trì,
    báo cáo), "phối hợp" for a clause that opens with it, else "thực hiện" for a clause that is an action.
    "Chủ trì, phối hợp với Sở ..." is a lead role: the agencies it coordinates are the partners."""
    roles: list[str] = []
    for clause in re.split(r";", folded(text)):
        if not clause.strip(" .:"):
            continue
        found = [role for role, pattern in _ROLE_WORDS if pattern.search(clause)]
        if not [r for r in found if r != "báo cáo"] and re.match(
                r"\s*(?:[-+•]\s*)?(?:dong thoi,?\s*)?(?:co trach nhiem\s+)?phoi hop", clause):
            found.insert(0, "phối hợp")
        roles += found or ["thực hiện"]
    return list(dict.fromkeys(roles))
