"""The indicators that plans share, and how a value is recognised as one of them.

A percentage is named by the words before it ("tăng năng suất lao động bình quân trên 7%/năm") or by the noun
after it ("trên 60% cơ sở khám bệnh"); a count by its noun ("10 - 15 chuyên gia", "50 DN được hỗ trợ") and the
words around it. Matching works on folded text (no diacritics, lower case).

>>> classify_percent("gop phan dat muc tieu tang nang suat lao dong binh quan tren ", "/nam.")
'labour_productivity'
>>> classify_count("chuyen gia", "dao tao ", " nscl trong tinh")
'experts'
>>> LABELS["tfp_contribution"]
'Đóng góp của TFP vào tăng trưởng (%)'
"""

from __future__ import annotations

import re

LABELS = {
    "labour_productivity": "Tăng năng suất lao động (%/năm)",
    "tfp_contribution": "Đóng góp của TFP vào tăng trưởng (%)",
    "experts": "Chuyên gia năng suất chất lượng",
    "enterprises_supported": "Doanh nghiệp, HTX được hỗ trợ",
    "leading_enterprises": "Doanh nghiệp đi đầu về năng suất",
    "pilot_models": "Mô hình điểm, dự án điểm",
    "pilot_replication": "Doanh nghiệp nhân rộng mô hình điểm",
    "clubs": "Câu lạc bộ năng suất",
    "officials_trained": "Lượt cán bộ, công chức được tập huấn",
    "business_trainees": "Lượt người của doanh nghiệp được tập huấn",
    "training_institutions": "Trường, cơ sở đào tạo về năng suất",
    "research_tasks": "Nhiệm vụ KH&CN về năng suất",
    "conformity_bodies": "Tổ chức đánh giá sự phù hợp",
    "quality_award": "Doanh nghiệp tham gia, đạt Giải thưởng Chất lượng quốc gia",
    "standards_adoption": "Doanh nghiệp áp dụng tiêu chuẩn, quy chuẩn",
    "health_facilities": "Cơ sở khám, chữa bệnh áp dụng công cụ quản lý",
    "education_facilities": "Cơ sở giáo dục áp dụng hệ thống quản lý",
    "provinces_with_plans": "Tỉnh, thành phố có kế hoạch năng suất",
    "corporations": "Tập đoàn, tổng công ty có kế hoạch năng suất",
    "support_centres": "Trung tâm hỗ trợ năng suất, đổi mới sáng tạo",
    "training_courses": "Lớp tập huấn, đào tạo",
}

# Nouns a counted target is made of (folded), longest first; the value is "N <noun>".
COUNT_NOUNS = (
    "doanh nghiep nho va vua", "co so kham benh", "co so giao duc", "co so", "chuyen gia", "doanh nghiep",
    "hop tac xa", "dnnvv", "dn", "htx", "don vi", "mo hinh", "du an diem", "cau lac bo", "clb", "luot", "can bo",
    "nguoi", "hoc vien", "truong", "nhiem vu", "to chuc", "tinh, thanh pho", "tinh", "tap doan", "trung tam", "lop",
)
ENTERPRISE_NOUNS = {"doanh nghiep", "doanh nghiep nho va vua", "hop tac xa", "dnnvv", "dn", "htx", "don vi"}

_PERCENT_BEFORE = (
    ("tfp_contribution", re.compile(r"\btfp\b|(?:nhan to|yeu to) tong hop")),
    ("labour_productivity", re.compile(r"nang suat lao dong|\bnsld\b")),
)
_PERCENT_AFTER = (
    ("health_facilities", re.compile(r"^\s*(?:cac\s+)?co so kham")),
    ("education_facilities", re.compile(r"^\s*(?:cac\s+)?co so giao duc")),
    ("enterprises_supported", re.compile(r"^\s*(?:cac\s+)?(?:doanh nghiep|dn)\b")),
)


def classify_percent(before: str, after: str) -> str | None:
    """The indicator a percentage states: the noun right after it, else the nearest indicator words before it."""
    for key, pattern in _PERCENT_AFTER:
        if pattern.search(after):
            return key
    best, best_pos = None, -1
    for key, pattern in _PERCENT_BEFORE:
        for m in pattern.finditer(before):
            if m.start() > best_pos:
                best, best_pos = key, m.start()
    return best


def classify_count(noun: str, before: str, after: str, unit_before: str = "") -> str | None:
    """The indicator of ``N <noun>``; ``before``/``after`` are the folded words of the same clause,
    ``unit_before`` the whole sentence before the value (a training verb may be said once for a list)."""
    near_after = after[:90]
    if noun == "chuyen gia":
        return "experts"
    if noun in ("mo hinh", "du an diem"):
        return "pilot_models"
    if noun in ("cau lac bo", "clb"):
        return "clubs"
    if noun == "co so kham benh":
        return "health_facilities"
    if noun == "co so giao duc":
        return "education_facilities"
    if noun == "co so" and re.search(r"kham benh|chua benh", before[-80:]):
        return "health_facilities"
    if noun in ("truong", "co so"):
        return "training_institutions" if re.search(r"dao tao|giang day|boi duong|nang suat", before[-80:] + near_after) else None
    if noun == "nhiem vu":
        return "research_tasks" if re.search(r"nghien cuu|khoa hoc|khcn|kh&cn", near_after + before[-40:]) else None
    if noun == "to chuc":
        return "conformity_bodies" if "danh gia su phu hop" in near_after else None
    if noun in ("tinh, thanh pho", "tinh"):
        return "provinces_with_plans" if "ke hoach" in near_after else None
    if noun == "lop":
        return "training_courses" if re.search(r"tap huan|dao tao|boi duong", near_after[:30]) else None
    if noun == "tap doan":
        return "corporations"
    if noun == "trung tam":
        return "support_centres"
    if noun == "luot" and re.search(r"giai thuong chat luong", near_after):
        return "quality_award"
    if noun in ("luot", "can bo", "nguoi", "hoc vien"):
        if not re.search(r"dao tao|tap huan|boi duong|kien thuc", (unit_before or before) + near_after):
            return None
        phrase = near_after[:90]
        if re.search(r"doanh nghiep|\bdn\b", phrase) and not re.match(r"\s*(?:luot\s+)?can bo, cong chuc", phrase):
            return "business_trainees"
        return "officials_trained" if re.search(r"can bo|cong chuc|vien chuc", phrase) else "business_trainees"
    if noun in ENTERPRISE_NOUNS:
        if re.search(r"giai thuong chat luong", near_after + before[-60:]):
            return "quality_award"
        if re.search(r"di dau", near_after):
            return "leading_enterprises"
        if re.search(r"nhan rong", before[-40:]):
            return "pilot_replication"
        if re.search(r"mo hinh diem|du an diem", near_after):
            return "pilot_models"
        if re.search(r"tieu chuan|quy chuan", near_after[:80]) and "ho tro" not in near_after[:30]:
            return "standards_adoption"
        if re.search(r"ho tro|ap dung|xay dung|chung nhan", near_after + before[-60:]):
            return "enterprises_supported"
    return None


# How users name an indicator in a question or a filter (folded).
_ASKED = (
    ("tfp_contribution", r"\btfp\b|nhan to tong hop|yeu to tong hop"),
    ("labour_productivity", r"nang suat lao dong|\bnsld\b|labou?r productivity"),
    ("pilot_replication", r"nhan rong"),
    ("pilot_models", r"mo hinh diem|du an diem|pilot"),
    ("clubs", r"cau lac bo|\bclb\b|club"),
    ("experts", r"chuyen gia|expert"),
    ("leading_enterprises", r"di dau"),
    ("quality_award", r"giai thuong"),
    ("standards_adoption", r"tieu chuan|quy chuan"),
    ("health_facilities", r"kham benh|chua benh|y te"),
    ("education_facilities", r"co so giao duc"),
    ("officials_trained", r"can bo|cong chuc"),
    ("business_trainees", r"tap huan|nguoi lao dong|trainee"),
    ("training_institutions", r"truong dai hoc|truong cao dang|co so dao tao"),
    ("research_tasks", r"nhiem vu"),
    ("conformity_bodies", r"danh gia su phu hop"),
    ("provinces_with_plans", r"tinh, thanh pho|so tinh"),
    ("corporations", r"tap doan|tong cong ty"),
    ("support_centres", r"trung tam"),
    ("training_courses", r"lop tap huan|lop dao tao|khoa dao tao"),
    ("enterprises_supported", r"doanh nghiep|\bdn\b|hop tac xa|\bhtx\b|enterprise"),
)


_QUALITY_AGENCY = re.compile(r"\btieu chuan\s*,?\s*do luong\s*,?\s*chat luong\b")


def asked_indicator(text: str) -> str | None:
    """The indicator a question or filter names: a key, a label, or words ("năng suất lao động", "TFP").

    >>> asked_indicator("Tỉnh nào có mục tiêu tăng năng suất lao động cao nhất?")
    'labour_productivity'
    >>> asked_indicator("so sanh dong gop TFP")
    'tfp_contribution'
    >>> asked_indicator("Những tỉnh nào giao Chi cục Tiêu chuẩn Đo lường Chất lượng làm đơn vị thường trực?") is None
    True
    """
    from assistant.facts.targets import folded

    if text in LABELS:
        return text
    # "Tiêu chuẩn Đo lường Chất lượng" names the standards, metrology and quality agencies at every level (Tổng
    # cục, Chi cục, Ủy ban ... TCĐLCL): words of an agency's name are not the indicator asked.
    low = _QUALITY_AGENCY.sub(" ", folded(text))
    for key, label in LABELS.items():
        if low.strip() == folded(label):
            return key
    for key, pattern in _ASKED:
        if re.search(pattern, low):
            return key
    return None
