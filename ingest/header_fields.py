"""The field block that legal-document websites put above a document's text.

Sites that republish Vietnamese legal documents head each page with labelled fields, one per line
("Số hiệu 36/QĐ-TTg"), several on a line ("Số hiệu: 10/2021/NQ-HĐND Loại văn bản: Nghị quyết"), as table
cells ("Số hiệu: | 36/QĐ-TTg |") or label and value on consecutive lines. Values such as "Đã biết" or
"Đang cập nhật" (shown to visitors who are not logged in) say nothing and are dropped.

>>> fields = read_site_fields(["Số hiệu 36/QĐ-TTg", "Ngày ban hành 11/01/2021", "Người ký", "Vũ Đức Đam"])
>>> fields["number"], fields["issued"], fields["signer"]
('36/QĐ-TTg', '11/01/2021', 'Vũ Đức Đam')
"""

from __future__ import annotations

import re

# label → field key; the longer labels first so that "Ngày có hiệu lực" is not read as "Ngày ... hiệu lực".
_LABELS: dict[str, str] = {
    "Số hiệu": "number", "Số ký hiệu": "number", "Ký hiệu": "number", "Số hiệu văn bản": "number",
    "Số văn bản": "number",
    "Loại văn bản": "type",
    "Nơi ban hành": "issuer", "Cơ quan ban hành": "issuer",
    "Người ký": "signer", "Người ký duyệt": "signer",
    "Ngày ban hành": "issued",
    "Ngày có hiệu lực": "effective", "Ngày hiệu lực": "effective", "Ngày bắt đầu hiệu lực": "effective",
    "Ngày hết hiệu lực": "expired",
    "Ngày công báo": "gazette_date", "Ngày đăng công báo": "gazette_date", "Số công báo": "gazette_number",
    "Lĩnh vực": "field", "Tình trạng": "status", "Tình trạng hiệu lực": "status",
    "Thời gian bắt đầu hiệu lực": "effective",
    # the English pages of these sites (LuatVietnam: "Official number: 07/CT-TTg Signer: Nguyen Xuan Phuc"), each
    # label with its colon: a bare "Type" or "Signer" starts English sentences too
    "Official number:": "number", "Document number:": "number", "Type:": "type", "Document type:": "type",
    "Issuing body:": "issuer", "Issuing agency:": "issuer", "Signer:": "signer",
    "Issuing date:": "issued", "Issued date:": "issued", "Effective date:": "effective", "Expiry date:": "expired",
    "Effect status:": "status", "Fields:": "field",
}
_LABEL = re.compile(
    r"(?:^|(?<=[\s|]))(" + "|".join(re.escape(k) for k in sorted(_LABELS, key=len, reverse=True)) +
    r")\s*:?(?=\s|$|\|)", re.IGNORECASE)
# Values a site shows instead of the real one.
_NO_VALUE = re.compile(r"^(?:đã biết|đang cập nhật|chưa xác định|không xác định|không có|known|updating|unknown|"
                       r"\.{2,}|-+|…)$", re.IGNORECASE)
# Fields needed before the block counts as a legal site's (one label alone may be a sentence of the text).
MIN_FIELDS = 2


def _canonical(label: str) -> str:
    for k, v in _LABELS.items():
        if k.lower() == label.lower():
            return v
    return ""


def _clean(value: str) -> str:
    value = " ".join(value.replace("|", " ").split()).strip(" :;,")
    return "" if _NO_VALUE.match(value) else value


def read_site_fields(lines: list[str], max_lines: int = 40) -> dict[str, str]:
    """Field key → value from a legal site's field block among the first ``max_lines`` lines; {} when there is
    no such block. Keys: number, type, issuer, signer, issued, effective (and a few that are only delimiters)."""
    out: dict[str, str] = {}
    window = lines[:max_lines]
    i = 0
    while i < len(window):
        line = window[i]
        found = list(_LABEL.finditer(line))
        # A field line starts with its label; a label in mid-sentence is text, not a field.
        if not found or line[: found[0].start()].strip(" |"):
            i += 1
            continue
        for n, m in enumerate(found):
            end = found[n + 1].start() if n + 1 < len(found) else len(line)
            key = _canonical(m.group(1))
            value = _clean(line[m.end():end])
            if not value and n + 1 == len(found) and i + 1 < len(window) and not _LABEL.match(window[i + 1]):
                # Label on its own line, its value on the next one.
                nxt = window[i + 1].strip()
                if nxt and len(nxt) <= 120:
                    value = _clean(nxt)
                    i += 1
            if key and value and key not in out:
                out[key] = value
        i += 1
    core = {"number", "type", "issuer", "signer", "issued", "effective"}
    return out if len(core.intersection(out)) >= MIN_FIELDS else {}
