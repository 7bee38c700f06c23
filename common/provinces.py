"""The 63 provinces and centrally-run cities named in the 2021-2030 plans, with their common spellings.

>>> g = ProvinceGazetteer()
>>> g.find_all("Kế hoạch của UBND tỉnh Bắc Ninh và TP.HCM")
['Bắc Ninh', 'Hồ Chí Minh']
>>> g.find_all("co quan nao chu tri ke hoach cua nam dinh")
['Nam Định']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from common.text import fold, strip_diacritics, unify_tones

# Canonical name → extra spellings (the canonical name, its folded form and "tỉnh/thành phố X" always match).
PROVINCES: dict[str, tuple[str, ...]] = {
    "An Giang": (), "Bà Rịa - Vũng Tàu": ("Bà Rịa Vũng Tàu", "Bà Rịa-Vũng Tàu", "BR-VT", "Vũng Tàu"),
    "Bắc Giang": (), "Bắc Kạn": ("Bắc Cạn",), "Bạc Liêu": (), "Bắc Ninh": (), "Bến Tre": (),
    "Bình Định": (), "Bình Dương": (), "Bình Phước": (), "Bình Thuận": (), "Cà Mau": (), "Cần Thơ": (),
    "Cao Bằng": (), "Đà Nẵng": (), "Đắk Lắk": ("Đắc Lắc", "Daklak", "Đăk Lăk", "Đắk Lắc"),
    "Đắk Nông": ("Đăk Nông", "Dak Nong"), "Điện Biên": (), "Đồng Nai": (), "Đồng Tháp": (), "Gia Lai": (),
    "Hà Giang": (), "Hà Nam": (), "Hà Nội": ("Hanoi", "Thủ đô"), "Hà Tĩnh": (), "Hải Dương": (),
    "Hải Phòng": (), "Hậu Giang": (), "Hòa Bình": (), "Hưng Yên": (), "Khánh Hòa": (), "Kiên Giang": (),
    "Kon Tum": ("Kontum",), "Lai Châu": (), "Lâm Đồng": (), "Lạng Sơn": (), "Lào Cai": (), "Long An": (),
    "Nam Định": (), "Nghệ An": (), "Ninh Bình": (), "Ninh Thuận": (), "Phú Thọ": (), "Phú Yên": (),
    "Quảng Bình": (), "Quảng Nam": (), "Quảng Ngãi": (), "Quảng Ninh": (), "Quảng Trị": (), "Sóc Trăng": (),
    "Sơn La": (), "Tây Ninh": (), "Thái Bình": (), "Thái Nguyên": (), "Thanh Hóa": (),
    "Thừa Thiên Huế": ("Thừa Thiên - Huế", "Huế", "TT-Huế"), "Tiền Giang": (),
    "Hồ Chí Minh": ("TP.HCM", "TP HCM", "TPHCM", "HCM", "HCMC", "Sài Gòn", "Saigon", "Thành phố Hồ Chí Minh"),
    "Trà Vinh": (), "Tuyên Quang": (), "Vĩnh Long": (), "Vĩnh Phúc": (), "Yên Bái": (),
}

# Spellings that are also ordinary words or parts of other names and so match only after "tỉnh"/"TP".
_NEEDS_PREFIX = {"hue", "hcm"}
_PREFIX = r"(?i:tinh|tỉnh|thanh pho|thành phố|tp\.?|t\.p\.?)\s*"
_ZERO_WIDTH = set("\u200b\u200c\u200d\u200e\u200f\ufeff")
_WORD = re.compile(r"\w+")


def _variant_key(spelling: str) -> str:
    return " ".join(unify_tones(spelling).replace("-", " ").replace(".", " ").split())


def _keyed(text: str) -> tuple[str, list[int]]:
    """The text the patterns run on: NFC, zero-width characters dropped, tone placement unified. Its length may
    differ from ``text``'s, so the second value maps each of its characters back to an index in ``text``."""
    chars, index = [], []
    for i, ch in enumerate(text):
        if ch not in _ZERO_WIDTH:
            chars.append(ch)
            index.append(i)
    return unify_tones("".join(chars)), index


def _compile(variants: dict[str, str], case_forms: bool) -> tuple[re.Pattern[str], dict[str, str]]:
    forms: dict[str, str] = {}
    for v, name in variants.items():
        for form in ((v, v.upper()) if case_forms else (v.lower(),)):
            forms.setdefault(form, name)
    parts, names = [], {}
    for i, v in enumerate(sorted(forms, key=len, reverse=True)):
        body = r"[\s\-–.]*".join(re.escape(p) for p in v.split())
        prefix = _PREFIX if fold(v) in _NEEDS_PREFIX else ""
        parts.append(f"(?P<v{i}>{prefix}{body})")
        names[f"v{i}"] = forms[v]
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)"), names


def _typed_as_a_name(span: str) -> bool:
    """A name matched without its diacritics is typed all lower-case and unaccented ("nam dinh"), or written as
    a name, title-case or upper-case, possibly with a wrong or missing tone mark ("Nam Dinh", "Nam Đinh"). A mixed
    span such as "Long an" in "Hạ Long an toàn" is two ordinary words."""
    parts = _WORD.findall(span)
    if all(p.islower() for p in parts):
        return strip_diacritics(span) == span
    return all(p[:1].isupper() and p[1:].islower() for p in parts) or all(p.isupper() for p in parts)


@dataclass(frozen=True)
class ProvinceMatch:
    name: str
    start: int
    end: int


@dataclass
class ProvinceGazetteer:
    """Finds province names in text, with or without diacritics; built once and passed around."""

    provinces: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(PROVINCES))

    def __post_init__(self) -> None:
        accented: dict[str, str] = {}
        folded: dict[str, str] = {}
        for name, extra in self.provinces.items():
            for spelling in (name, *extra):
                accented[_variant_key(spelling)] = name
                folded[fold(_variant_key(spelling))] = name
        self._accented = _compile(accented, case_forms=True)
        self._folded = _compile(folded, case_forms=False)

    def matches(self, text: str) -> list[ProvinceMatch]:
        """Province mentions with their spans in ``text`` (NFC text; pass ``nfc(text)`` for other input).

        Names written with diacritics match case-sensitively (so "Việt Nam định hướng" holds no "Nam Định");
        names typed without diacritics ("nam dinh", "Ha Noi") match in any case, but only where the words around
        written consistently as a name (so "Hạ Long an toàn" holds no "Long An")."""
        key, index = _keyed(text)
        pattern, names = self._accented
        found = [(m.start(), m.end(), names[m.lastgroup or ""]) for m in pattern.finditer(key)]
        taken = {i for a, b, _ in found for i in range(a, b)}
        lowered = strip_diacritics(key).lower()
        if len(lowered) == len(key):
            pattern, names = self._folded
            for m in pattern.finditer(lowered):
                a, b = m.start(), m.end()
                if taken.intersection(range(a, b)) or not _typed_as_a_name(key[a:b]):
                    continue
                found.append((a, b, names[m.lastgroup or ""]))
        found.sort()
        return [ProvinceMatch(name, index[a], index[b - 1] + 1) for a, b, name in found]

    def find_all(self, text: str) -> list[str]:
        """Distinct province names in order of first mention."""
        seen: dict[str, None] = {}
        for m in self.matches(text):
            seen.setdefault(m.name)
        return list(seen)

    def counts(self, text: str) -> Counter[str]:
        return Counter(m.name for m in self.matches(text))

    @property
    def names(self) -> list[str]:
        return list(self.provinces)
