"""Districts of the 63 former provinces, as the plans and news of those years name them ("huyện Ninh Phước",
"thị xã Phú Mỹ", "TP. Bảo Lộc"): a page that names only its districts is about their province.

The table is ``vietnamadminunits``' dataset of the 63 provinces and their 696 districts (the district level was
abolished on 1 July 2025; the documents in the library are mostly older). Its data file is read, its parser (which
pulls in geometry libraries) is not imported. A district name shared by several provinces ("Châu Thành", "Tân
Phú") tells none of them and is left out.

>>> district_counts("Ngày 21-12, Sở KH&CN trao chứng nhận cho các hợp tác xã ở huyện Ninh Phước và huyện Ninh Sơn.")
Counter({'Ninh Thuận': 2})
>>> district_counts("thuộc địa bàn các huyện: Ninh Hải, Ninh Sơn, Ninh Phước, Thuận Nam.")
Counter({'Ninh Thuận': 4})
>>> district_counts("huyện Châu Thành, xã Tân Phú")
Counter()
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

# How a text names a district: its kind, then its name ("TP." for a provincial city).
_KINDS = r"(?:huyện|Huyện|quận|Quận|thị xã|Thị xã|thành phố|Thành phố|TP\.?)"


def _dataset() -> dict:  # type: ignore[type-arg]
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "parser_legacy.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@functools.cache
def district_provinces() -> dict[str, str]:
    """District name (as written, "Ninh Phước") → its province's name (as the gazetteer writes it, "Ninh Thuận"),
    for the names only one province has."""
    data = _dataset()
    provinces = data.get("DICT_PROVINCE", {})
    seen: dict[str, set[str]] = {}
    for key, districts in data.get("DICT_PROVINCE_DISTRICT", {}).items():
        province = provinces.get(key, {}).get("provinceShort", "")
        for d in districts.values():
            name = d.get("districtShort", "")
            if province and name and not name[0].isdigit():  # "Quận 1": a number tells no province
                seen.setdefault(name, set()).add(_gazetteer_name(province))
    return {name: next(iter(ps)) for name, ps in seen.items() if len(ps) == 1}


def _gazetteer_name(province: str) -> str:
    """The dataset names the former Thừa Thiên Huế by its present name, "Huế"."""
    return "Thừa Thiên Huế" if province == "Huế" else province


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    names = "|".join(map(re.escape, sorted(district_provinces(), key=len, reverse=True)))
    if not names:
        return None
    # a kind then a name, or a list of names after it ("các huyện: Ninh Hải, Ninh Sơn và Ninh Phước")
    first = re.compile(rf"(?<!\w){_KINDS}\s*:?\s+({names})(?![\w-])")
    more = re.compile(rf"\s*(?:,|và|and)\s*({names})(?![\w-])")
    return first, more


def district_counts(text: str) -> Counter[str]:
    """Province → how many times ``text`` names one of its districts (with the district's kind before it, or in a
    list of districts after it)."""
    patterns = _patterns()
    if patterns is None:
        return Counter()
    first, more = patterns
    table = district_provinces()
    counts: Counter[str] = Counter()
    for m in first.finditer(text):
        counts[table[m.group(1)]] += 1
        end = m.end()
        while (n := more.match(text, end)) is not None:
            counts[table[n.group(1)]] += 1
            end = n.end()
    return counts
