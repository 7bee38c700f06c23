"""The 63 provinces and centrally-run cities named in the 2021-2030 plans, with their common spellings, and the
34 they were merged into on 1 July 2025 (Nghị quyết 202/2025/QH15).

>>> g = ProvinceGazetteer()
>>> g.find_all("Kế hoạch của UBND tỉnh Bắc Ninh và TP.HCM")
['Bắc Ninh', 'Hồ Chí Minh']
>>> g.find_all("co quan nao chu tri ke hoach cua nam dinh")
['Nam Định']
>>> g.successor("Nam Định"), g.members("Ninh Bình"), g.related("nam dinh")
('Ninh Bình', ('Ninh Bình', 'Hà Nam', 'Nam Định'), ['Nam Định', 'Ninh Bình'])
>>> g.describe("Nam Định"), g.label("Nam Định"), g.label("Ninh Bình")
('tỉnh Nam Định (cũ), nay thuộc tỉnh Ninh Bình', 'Nam Định (nay: Ninh Bình)', 'Ninh Bình')
>>> ProvinceGazetteer.for_questions().find_all("Kế hoạch của Nha Trang")  # cities, for questions
['Khánh Hòa']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from common.province_data import (
    CENTRAL_CITIES,
    CITIES,
    CITIES_NEEDING_PREFIX,
    CURRENT_NAMES,
    MERGERS_2025,
    NOT_FOLLOWED_BY,
    PART_OF_LONGER_NAME,
)
from common.text import fold, nfc, strip_diacritics, unify_tones

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
_NEEDS_PREFIX = {"hue", "hcm", *CITIES_NEEDING_PREFIX}
_PREFIX = r"(?i:tinh|tỉnh|thanh pho|thành phố|tp\.?|t\.p\.?)\s*"
_LEADING_PREFIX = re.compile(rf"^{_PREFIX}")  # "thanh pho Hue": the name is "Hue", typed as a name
_NOT_AFTER_A_MIDDLE_NAME = r"(?<!\bthi )(?<!\bvan )"
# Words after which a name typed without diacritics is a place: "của hue", "ở hue", "HĐND hue".
_PLACE_BEFORE = re.compile(r"\b(?:cua|o|tai|tinh|thanh pho|tp\.?|hdnd|ubnd)\s*$")
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


def _compile(variants: dict[str, str], case_forms: bool,
             bare: frozenset[str] = frozenset()) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every spelling; ``bare``: folded names that need no "tỉnh / thành phố" before them here."""
    forms: dict[str, str] = {}
    for v, name in variants.items():
        for form in ((v, v.upper()) if case_forms else (v.lower(),)):
            forms.setdefault(form, name)
    parts, names = [], {}
    for i, v in enumerate(sorted(forms, key=len, reverse=True)):
        body = r"[\s\-–.]*".join(re.escape(p) for p in v.split())
        prefix = _PREFIX if fold(v) in _NEEDS_PREFIX and fold(v) not in bare else ""
        if prefix:  # "tinh vinh long" is Vĩnh Long, not "tỉnh" + the city Vinh
            body += _not_followed_by(fold(v), forms)
        elif fold(v) in bare and not case_forms:  # typed without diacritics: not a person's "Thị Huệ", "Văn Huệ"
            body = _NOT_AFTER_A_MIDDLE_NAME + body
        parts.append(f"(?P<v{i}>{prefix}{body})")
        names[f"v{i}"] = forms[v]
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)"), names


def _not_followed_by(key: str, forms: dict[str, str]) -> str:
    """A lookahead refusing the words that continue ``key`` into a longer name ("vinh" + "long", "yen")."""
    nxt = {fold(f)[len(key) + 1:].split()[0] for f in forms if fold(f).startswith(key + " ")}
    nxt |= set(NOT_FOLLOWED_BY.get(key, ()))
    if not nxt:
        return ""
    return rf"(?![\s\-–.]+(?i:{'|'.join(sorted(map(re.escape, nxt)))})(?!\w))"


def _begins_longer_name(key: str, a: int, b: int) -> bool:
    """The match is the start of a longer common name ("Thái Bình Dương", the Pacific)."""
    following = PART_OF_LONGER_NAME.get(fold(key[a:b]).replace("-", " ").strip())
    if not following:
        return False
    nxt = re.match(r"[\s\-–]*(\w+)", fold(key[b : b + 20]))
    return bool(nxt) and nxt.group(1) in following


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


def with_cities(provinces: Mapping[str, tuple[str, ...]] = PROVINCES) -> dict[str, tuple[str, ...]]:
    """``provinces`` with the well-known cities of ``province_data.CITIES`` added to their province's spellings."""
    out = dict(provinces)
    for name, cities in CITIES.items():
        if name in out:
            out[name] = (*out[name], *(c for c in cities if c not in out[name]))
    return out


@dataclass(frozen=True)
class ProvinceMerger:
    """The provinces since 1 July 2025: each → the former provinces it was formed from (itself first). Works on
    canonical names; a name it does not know (a province added to the gazetteer) is its own successor, unchanged.

    >>> m = ProvinceMerger()
    >>> len(m.current), m.successor("Bình Dương"), m.members("Hồ Chí Minh")
    (34, 'Hồ Chí Minh', ('Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu'))
    >>> m.describe("Bình Dương")
    'tỉnh Bình Dương (cũ), nay thuộc thành phố Hồ Chí Minh'
    >>> m.describe("Hà Nội"), m.describe("Thừa Thiên Huế")
    ('thành phố Hà Nội', 'thành phố Huế (trước đây: tỉnh Thừa Thiên Huế)')
    """

    groups: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(MERGERS_2025))
    central_cities: frozenset[str] = CENTRAL_CITIES
    current_names: Mapping[str, str] = field(default_factory=lambda: dict(CURRENT_NAMES))

    def __post_init__(self) -> None:
        successor: dict[str, str] = {}
        for new, olds in self.groups.items():
            if not olds or olds[0] != new:
                raise ValueError(f"the members of {new!r} must start with {new!r}: {olds!r}")
            for old in olds:
                if old in successor:
                    raise ValueError(f"{old!r} belongs to both {successor[old]!r} and {new!r}")
                successor[old] = new
        object.__setattr__(self, "_successor", successor)

    @property
    def current(self) -> tuple[str, ...]:
        """The provinces and centrally-run cities in force since 1 July 2025 (canonical names)."""
        return tuple(self.groups)

    def successor(self, old: str) -> str:
        """The 2025 province ``old`` belongs to; itself if unchanged, surviving or unknown."""
        return self._successor.get(old, old)  # type: ignore[attr-defined]

    def members(self, new: str) -> tuple[str, ...]:
        """The former provinces of the 2025 province ``new``, itself first; ``(new,)`` for any other name."""
        return tuple(self.groups.get(new, (new,)))

    def is_former(self, name: str) -> bool:
        """True for a province merged into another one (Nam Định), False for one that still exists (Ninh Bình)."""
        return self.successor(name) != name

    def related(self, name: str) -> list[str]:
        """Every province whose documents can answer about ``name``: itself first, then its former members (a 2025
        province) or its successor (a former province)."""
        out = [name, *self.members(name)[1:]]
        if self.is_former(name):
            out.append(self.successor(name))
        return out

    def kind(self, name: str) -> str:
        """"thành phố" for a centrally-run city, "tỉnh" otherwise."""
        return "thành phố" if name in self.central_cities else "tỉnh"

    def current_name(self, name: str) -> str:
        """The name the 2025 unit of ``name`` carries today: "Ninh Bình" for Nam Định, "Huế" for Thừa Thiên Huế."""
        new = self.successor(name)
        return self.current_names.get(new, new)

    def describe(self, name: str) -> str:
        """Vietnamese for answers: "tỉnh Nam Định (cũ), nay thuộc tỉnh Ninh Bình", "thành phố Hà Nội"."""
        new = self.successor(name)
        if new != name:
            return f"{self.kind(name)} {name} (cũ), nay thuộc {self.kind(new)} {self.current_name(new)}"
        if name in self.current_names:  # renamed, not merged: Thừa Thiên Huế was a "tỉnh" until 2025
            return f"{self.kind(name)} {self.current_names[name]} (trước đây: tỉnh {name})"
        return f"{self.kind(name)} {name}"

    def label(self, name: str) -> str:
        """For filters and tables, both names: "Nam Định (nay: Ninh Bình)", "Thừa Thiên Huế (nay: Huế)"; a name
        that is still current as it is ("Ninh Bình")."""
        now = self.current_name(name)
        return f"{name} (nay: {now})" if now != name else name


MERGER_2025 = ProvinceMerger()
_LEADING_KIND = re.compile(r"^(?:tinh|thanh pho|tp)\s+")


@dataclass
class ProvinceGazetteer:
    """Finds province names in text, with or without diacritics; built once and passed around. It also answers
    for the 1 July 2025 merger (``successor``, ``members``, ``related``, ``describe``, ``label``), accepting any
    spelling the gazetteer knows ("nam dinh", "TP.HCM")."""

    provinces: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(PROVINCES))
    merger: ProvinceMerger = field(default_factory=lambda: MERGER_2025)
    # folded names that, written with their diacritics, need no "tỉnh / thành phố" before them (questions: "Huế")
    bare_names: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        accented: dict[str, str] = {}
        folded: dict[str, str] = {}
        for name, extra in self.provinces.items():
            for spelling in (name, *extra):
                accented[_variant_key(spelling)] = name
                folded[fold(_variant_key(spelling))] = name
        self._accented = _compile(accented, case_forms=True, bare=self.bare_names)
        self._folded = _compile(folded, case_forms=False, bare=self.bare_names)
        self._by_key = {fold(_variant_key(now)): name for name, now in self.merger.current_names.items()
                        if name in self.provinces}
        self._by_key.update(folded)

    @classmethod
    def for_questions(cls, provinces: Mapping[str, tuple[str, ...]] = PROVINCES) -> ProvinceGazetteer:
        """A gazetteer that also knows well-known cities ("Nha Trang" → Khánh Hòa, "TP Vinh" → Nghệ An): for
        reading questions. Documents keep the plain gazetteer, so a plan that mentions a city it does not govern
        ("hội nghị tại Đà Lạt") is not counted as that province's. The cities live in ``provinces``, so a
        gazetteer rebuilt from ``g.provinces`` keeps them. "Huế" written with its diacritics needs no "thành phố"
        here (a document's "ca Huế" or "bún bò Huế" does not make it the city's plan; a question's "Huế" is the
        city), nor typed without them as a name or after a word for where ("Which plan did Hue issue?", "ke hoach
        cua hue"), unless it follows a middle name ("ba nguyen thi hue"); "hue" alone in lower case still does.

        >>> ProvinceGazetteer.for_questions().find_all("Kế hoạch năng suất của Huế"), ProvinceGazetteer().find_all("Huế")
        (['Thừa Thiên Huế'], [])
        >>> g = ProvinceGazetteer.for_questions()
        >>> g.find_all("ke hoach cua hue"), g.find_all("Which plan did Hue issue?"), g.find_all("ba Nguyen Thi Hue")
        (['Thừa Thiên Huế'], ['Thừa Thiên Huế'], [])
        >>> g.find_all("hue"), g.find_all("hoa hue dep")
        ([], [])
        """
        return cls(with_cities(provinces), bare_names=frozenset({"hue"}))

    def canonical(self, name: str) -> str:
        """The canonical name for a typed one ("nam dinh", "TP.HCM", "thành phố Huế", "Huế"); else ``name``
        tidied (NFC, single spaces)."""
        text = " ".join(nfc(name).split())
        if text in self.provinces:
            return text
        key = fold(_variant_key(text))
        return self._by_key.get(key) or self._by_key.get(_LEADING_KIND.sub("", key)) or text

    def successor(self, old: str) -> str:
        """The province since 1 July 2025 that ``old`` belongs to (itself if unchanged)."""
        return self.merger.successor(self.canonical(old))

    def members(self, new: str) -> tuple[str, ...]:
        """The former provinces that form ``new`` since 1 July 2025, ``new`` first."""
        return self.merger.members(self.canonical(new))

    def related(self, name: str) -> list[str]:
        """Every province whose documents can answer about ``name``: the name itself first, then its former
        members (a 2025 province) or its successor (a former province).

        >>> g = ProvinceGazetteer()
        >>> g.related("Ninh Bình"), g.related("Nam Định"), g.related("Hà Nội")
        (['Ninh Bình', 'Hà Nam', 'Nam Định'], ['Nam Định', 'Ninh Bình'], ['Hà Nội'])
        """
        return self.merger.related(self.canonical(name))

    def describe(self, name: str) -> str:
        """Vietnamese for answers: "tỉnh Nam Định (cũ), nay thuộc tỉnh Ninh Bình"; "thành phố Hà Nội"."""
        return self.merger.describe(self.canonical(name))

    def label(self, name: str) -> str:
        """Both names for filters and tables: "Nam Định (nay: Ninh Bình)"; "Ninh Bình" as it is."""
        return self.merger.label(self.canonical(name))

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
                span = _LEADING_PREFIX.sub("", key[a:b])
                if taken.intersection(range(a, b)) or not _typed_as_a_name(span):
                    continue
                if span == key[a:b] and fold(span) in self.bare_names and not (
                        span[:1].isupper() or _PLACE_BEFORE.search(lowered[:a])):
                    continue  # "hue" alone in lower case is not told from other words; "Hue", "cua hue" are the city
                found.append((a, b, names[m.lastgroup or ""]))
        found.sort()
        return [ProvinceMatch(name, index[a], index[b - 1] + 1) for a, b, name in found
                if not _begins_longer_name(key, a, b)]

    def rename(self, text: str, names: Mapping[str, str] | None = None) -> str:
        """``text`` with each province it mentions written as ``names`` maps that province (others left as written);
        with no ``names``, each written by its canonical name ("Hanoi" → "Hà Nội").

        >>> g = ProvinceGazetteer()
        >>> g.rename("TFP of Hanoi and Da Nang"), g.rename("Nam Định và Hà Nam", {"Nam Định": "Thái Bình"})
        ('TFP of Hà Nội and Đà Nẵng', 'Thái Bình và Hà Nam')
        """
        for m in reversed(self.matches(text)):
            value = m.name if names is None else names.get(m.name)
            if value is not None:
                text = f"{text[:m.start]}{value}{text[m.end:]}"
        return text

    def find_all(self, text: str) -> list[str]:
        """Distinct province names in order of first mention."""
        seen: dict[str, None] = {}
        for m in self.matches(text):
            seen.setdefault(m.name)
        return list(seen)

    def mentions(self, text: str) -> list[str]:
        """Every province mention of ``text`` in order, by any spelling the gazetteer knows.

        >>> ProvinceGazetteer().mentions("TP.HCM, Hà Nội và Thành phố Hồ Chí Minh")
        ['Hồ Chí Minh', 'Hà Nội', 'Hồ Chí Minh']
        """
        return [m.name for m in self.matches(nfc(text))]

    def counts(self, text: str) -> Counter[str]:
        return Counter(m.name for m in self.matches(text))

    @property
    def names(self) -> list[str]:
        return list(self.provinces)
