"""Data on Vietnam's provinces since 1 July 2025 (Nghị quyết 202/2025/QH15) and well-known cities within them.

Names are the gazetteer's canonical names (``common.provinces.PROVINCES``), NFC. Thừa Thiên Huế keeps that name
here (documents written before 2025 use it) although the unit is now called "thành phố Huế".
"""

from __future__ import annotations

# Each province or centrally-run city in force since 1 July 2025 → the provinces it was formed from, itself first.
# 11 kept their territory; 23 were formed by merging 2 or 3 former provinces; 34 in all, covering the former 63.
MERGERS_2025: dict[str, tuple[str, ...]] = {
    # unchanged
    "Hà Nội": ("Hà Nội",),
    "Thừa Thiên Huế": ("Thừa Thiên Huế",),
    "Lai Châu": ("Lai Châu",),
    "Điện Biên": ("Điện Biên",),
    "Sơn La": ("Sơn La",),
    "Lạng Sơn": ("Lạng Sơn",),
    "Quảng Ninh": ("Quảng Ninh",),
    "Thanh Hóa": ("Thanh Hóa",),
    "Nghệ An": ("Nghệ An",),
    "Hà Tĩnh": ("Hà Tĩnh",),
    "Cao Bằng": ("Cao Bằng",),
    # merged
    "Tuyên Quang": ("Tuyên Quang", "Hà Giang"),
    "Lào Cai": ("Lào Cai", "Yên Bái"),
    "Thái Nguyên": ("Thái Nguyên", "Bắc Kạn"),
    "Phú Thọ": ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
    "Bắc Ninh": ("Bắc Ninh", "Bắc Giang"),
    "Hưng Yên": ("Hưng Yên", "Thái Bình"),
    "Hải Phòng": ("Hải Phòng", "Hải Dương"),
    "Ninh Bình": ("Ninh Bình", "Hà Nam", "Nam Định"),
    "Quảng Trị": ("Quảng Trị", "Quảng Bình"),
    "Đà Nẵng": ("Đà Nẵng", "Quảng Nam"),
    "Quảng Ngãi": ("Quảng Ngãi", "Kon Tum"),
    "Gia Lai": ("Gia Lai", "Bình Định"),
    "Khánh Hòa": ("Khánh Hòa", "Ninh Thuận"),
    "Lâm Đồng": ("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    "Đắk Lắk": ("Đắk Lắk", "Phú Yên"),
    "Hồ Chí Minh": ("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"),
    "Đồng Nai": ("Đồng Nai", "Bình Phước"),
    "Tây Ninh": ("Tây Ninh", "Long An"),
    "Cần Thơ": ("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
    "Vĩnh Long": ("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    "Đồng Tháp": ("Đồng Tháp", "Tiền Giang"),
    "Cà Mau": ("Cà Mau", "Bạc Liêu"),
    "An Giang": ("An Giang", "Kiên Giang"),
}

# The 6 centrally-run cities ("thành phố"); every other unit is a "tỉnh".
CENTRAL_CITIES: frozenset[str] = frozenset(
    {"Hà Nội", "Thừa Thiên Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"})

# Where the name the unit carries today differs from the canonical name.
CURRENT_NAMES: dict[str, str] = {"Thừa Thiên Huế": "Huế"}

# Well-known cities and towns → the (former) province they lie in. Used for questions ("Nha Trang" means Khánh
# Hòa); see ``ProvinceGazetteer.for_questions``. Spellings are matched like province spellings: with or without
# diacritics, hyphens and spaces interchangeable.
CITIES: dict[str, tuple[str, ...]] = {
    "Khánh Hòa": ("Nha Trang", "Cam Ranh"),
    "Ninh Thuận": ("Phan Rang - Tháp Chàm", "Phan Rang"),
    "Lâm Đồng": ("Đà Lạt", "Bảo Lộc"),
    "Quảng Ninh": ("Hạ Long", "Móng Cái", "Cẩm Phả"),
    "Bình Định": ("Quy Nhơn", "Qui Nhơn"),
    "Đắk Lắk": ("Buôn Ma Thuột", "Buôn Mê Thuột", "Ban Mê Thuột"),
    "Gia Lai": ("Pleiku", "Plei Ku"),
    "Bình Thuận": ("Phan Thiết",),
    "Đồng Nai": ("Biên Hòa",),
    "Bình Dương": ("Thủ Dầu Một",),
    "Tiền Giang": ("Mỹ Tho",),
    "Kiên Giang": ("Rạch Giá", "Phú Quốc"),
    "Lào Cai": ("Sa Pa", "Sapa"),
    "Quảng Nam": ("Hội An", "Tam Kỳ"),
    "Phú Thọ": ("Việt Trì",),
    "An Giang": ("Long Xuyên",),
    "Phú Yên": ("Tuy Hòa",),
    "Quảng Bình": ("Đồng Hới",),
    "Nghệ An": ("Vinh",),  # an ordinary word ("vinh dự"): matches only after "thành phố"/"TP"
}

# City spellings that are ordinary words, matched only after "tỉnh"/"thành phố"/"TP" (folded forms).
CITIES_NEEDING_PREFIX: frozenset[str] = frozenset({"vinh"})
# Words that, following such a spelling, make it part of another place name ("TP Vĩnh Yên" typed "tp vinh yen").
NOT_FOLLOWED_BY: dict[str, tuple[str, ...]] = {"vinh": ("yen", "chau", "loi", "thanh", "an", "bao", "linh")}

# Province names that begin a longer common name: "Thái Bình Dương" is the Pacific Ocean ("Châu Á - Thái Bình
# Dương"), not the province Thái Bình (folded name → folded next words).
PART_OF_LONGER_NAME: dict[str, tuple[str, ...]] = {"thai binh": ("duong",)}
