"""The structured facts of a plan: targets, responsibilities, eligibility and support rules, each with the
passage it was read from. The CLI, the UI tabs, the summary drafts and the chat all consume these types.

>>> src = FactSource("d1", "d1-c3", "Kế hoạch 45/KH-UBND", "45/KH-UBND", "Sông Lam", "tỉnh", "I. MỤC TIÊU", 1,
...                  "Đào tạo 12 chuyên gia.", 0, 22)
>>> Target("experts", "Chuyên gia năng suất được đào tạo", "12 chuyên gia", "", 12.0, 12.0, "chuyên gia",
...        2025, "", src).value_display
'12 chuyên gia'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

NATIONAL_LABEL = "Toàn quốc"


@dataclass(frozen=True)
class FactSource:
    """Where a fact was read: the chunk (the citable passage) and the sentence within it."""

    doc_id: str
    chunk_id: str
    title: str
    doc_number: str
    province: str
    level: str  # "quốc gia" for a passage about the national programme, else "tỉnh"
    section_path: str
    page: int | None
    quote: str  # the sentence or list item, verbatim from the chunk
    start: int  # offsets of ``quote`` in the chunk's text
    end: int
    issued_date: str = ""
    source: str = ""
    doc_type: str = ""

    @property
    def where(self) -> str:
        """Province shown in tables: the national programme's passages are "Toàn quốc"."""
        return NATIONAL_LABEL if self.level == "quốc gia" else (self.province or "")

    @property
    def plan_label(self) -> str:
        number = f" ({self.doc_number})" if self.doc_number else ""
        return f"{self.where or self.title[:40]}{number}"


@dataclass(frozen=True)
class Target:
    """A target (chỉ tiêu): indicator, value as written, year, and its source.

    ``low``/``high`` are the numeric range ("10 - 15" → 10, 15; "trên 7%" → 7, 7); ``qualifier`` keeps
    "trên", "khoảng", "ít nhất", ... so that "> 7%" is never shown as "7%"."""

    indicator: str
    label: str
    value_text: str
    qualifier: str
    low: float
    high: float
    unit: str
    year: int | None
    period: str
    source: FactSource
    subset: bool = False  # a "trong đó" part of a larger target

    @property
    def value_display(self) -> str:
        return self.value_text

    @property
    def province(self) -> str:
        return self.source.where


@dataclass(frozen=True)
class Responsibility:
    """An agency's role in a plan: đầu mối, chủ trì, phối hợp, báo cáo or thực hiện, with the task text."""

    agency: str  # normalised name ("Sở Khoa học và Công nghệ")
    agency_text: str  # as written ("Sở KH&CN")
    role: str
    task: str
    deadline: str
    source: FactSource


@dataclass(frozen=True)
class EligibilityRule:
    """A line of a plan about who may be supported and how: đối tượng, ưu tiên, điều kiện, không hỗ trợ (an
    exclusion), mức hỗ trợ (support offered, with its rate and ceiling) or hồ sơ (how and when to apply)."""

    kind: str
    text: str
    applies_to: tuple[str, ...]  # "doanh nghiệp", "hợp tác xã", "doanh nghiệp nhỏ và vừa", ...
    sectors: tuple[str, ...]
    rate: str
    ceiling: str
    source: FactSource


@dataclass(frozen=True)
class PlanFacts:
    """Everything extracted from one document."""

    doc_id: str
    title: str
    province: str
    doc_number: str
    doc_type: str
    issued_date: str
    targets: tuple[Target, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    eligibility: tuple[EligibilityRule, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "PlanFacts":
        def source(d: dict[str, Any]) -> FactSource:
            return FactSource(**d)

        def build(kind: type, d: dict[str, Any]) -> Any:
            values = {f.name: d[f.name] for f in fields(kind) if f.name in d}
            values["source"] = source(d["source"])
            for name in ("applies_to", "sectors"):
                if name in values:
                    values[name] = tuple(values[name])
            return kind(**values)

        return cls(
            doc_id=data["doc_id"], title=data["title"], province=data["province"], doc_number=data["doc_number"],
            doc_type=data["doc_type"], issued_date=data["issued_date"],
            targets=tuple(build(Target, t) for t in data.get("targets", [])),
            responsibilities=tuple(build(Responsibility, r) for r in data.get("responsibilities", [])),
            eligibility=tuple(build(EligibilityRule, e) for e in data.get("eligibility", [])),
            metadata=dict(data.get("metadata", {})),
        )
