"""Which plans and support lines may apply to an enterprise: each criterion of each plan compared with what the
enterprise told us, with the plan's own words cited, and what to check next. Never a bare yes or no: a plan's
conditions can only be confirmed by the agency that runs it.

>>> profile = EnterpriseProfile(province="Sông Lam", sector="chế biến thủy sản", size="nhỏ", ownership="tư nhân")
>>> results = check_eligibility(index, profile)  # doctest: +SKIP
>>> results[0].assessment  # doctest: +SKIP
'Có thể thuộc đối tượng hỗ trợ; cần đối chiếu các điều kiện dưới đây.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.facts.eligibility import BENEFICIARY, CONDITION, EXCLUSION, PRIORITY, PROCEDURE, SUPPORT
from assistant.facts.index import FactIndex, _matches_province
from assistant.facts.targets import folded
from assistant.facts.types import NATIONAL_LABEL, EligibilityRule, PlanFacts, Responsibility

SIZES = ("siêu nhỏ", "nhỏ", "vừa", "lớn")
OWNERSHIPS = ("tư nhân", "nhà nước (trên 50% vốn)", "có vốn đầu tư nước ngoài (FDI)", "hợp tác xã", "hộ kinh doanh")
MEETS, FAILS, CHECK, INFO = "đáp ứng", "không đáp ứng", "cần kiểm tra", "ưu đãi"
LIKELY = "Có thể thuộc đối tượng hỗ trợ; cần đối chiếu các điều kiện dưới đây."
UNLIKELY = "Có thể không thuộc đối tượng hỗ trợ của kế hoạch này (xem tiêu chí không đáp ứng)."
UNKNOWN = "Văn bản đã nạp không nêu rõ đối tượng hỗ trợ; cần hỏi cơ quan đầu mối."
_STOP = {"va", "cac", "nganh", "san", "xuat", "cong", "nghiep", "linh", "vuc", "kinh", "doanh", "hang", "dich", "vu"}


@dataclass(frozen=True)
class EnterpriseProfile:
    province: str
    sector: str = ""
    size: str = ""
    ownership: str = ""


@dataclass(frozen=True)
class CriterionCheck:
    rule: EligibilityRule
    status: str
    note: str


@dataclass(frozen=True)
class PlanEligibility:
    plan: PlanFacts
    assessment: str
    checks: tuple[CriterionCheck, ...]
    support: tuple[EligibilityRule, ...]
    procedure: tuple[EligibilityRule, ...]
    contacts: tuple[Responsibility, ...]
    next_steps: tuple[str, ...]


def _is_cooperative(profile: EnterpriseProfile) -> bool:
    return "hợp tác xã" in profile.ownership


def _sector_overlap(sector: str, text: str) -> bool:
    asked = [w for w in re.findall(r"\w+", folded(sector)) if w not in _STOP]
    words = set(re.findall(r"\w+", folded(text)))
    pairs = {f"{a} {b}" for a, b in zip(asked, asked[1:])}
    low = folded(text)
    return any(p in low for p in pairs) or (len(asked) == 1 and asked[0] in words) or \
        sum(w in words for w in asked) >= max(2, len(asked) // 2 + 1)


def _beneficiary(rule: EligibilityRule, profile: EnterpriseProfile) -> CriterionCheck:
    low = folded(rule.text)
    if re.search(r"nho va vua|dnnvv", low) and profile.size:
        if profile.size == "lớn":
            return CriterionCheck(rule, FAILS, "Dòng này dành cho doanh nghiệp nhỏ và vừa; quy mô đã chọn là lớn.")
        return CriterionCheck(rule, MEETS, f"Quy mô {profile.size} thuộc nhóm doanh nghiệp nhỏ và vừa (cần đáp ứng "
                                           "tiêu chí của Nghị định về DNNVV).")
    if re.search(r"hop tac xa|\bhtx\b", low) and not re.search(r"doanh nghiep|\bdn\b", low):
        if _is_cooperative(profile):
            return CriterionCheck(rule, MEETS, "Đơn vị là hợp tác xã.")
        return CriterionCheck(rule, CHECK, "Dòng này dành cho hợp tác xã.")
    if re.search(r"ocop", low):
        return CriterionCheck(rule, CHECK, "Chỉ áp dụng cho chủ thể có sản phẩm OCOP.")
    if re.search(r"doanh nghiep|\bdn\b|to chuc kinh te|ca nhan", low) and profile.province:
        return CriterionCheck(rule, MEETS, f"Doanh nghiệp hoạt động trên địa bàn {profile.province}.")
    return CriterionCheck(rule, CHECK, "Đối chiếu với thông tin của đơn vị.")


def _exclusion(rule: EligibilityRule, profile: EnterpriseProfile) -> CriterionCheck:
    low = folded(rule.text)
    if "nha nuoc" in folded(profile.ownership) and re.search(r"von nha nuoc|doanh nghiep nha nuoc", low):
        return CriterionCheck(rule, FAILS, "Đơn vị có vốn nhà nước: thuộc trường hợp không được hỗ trợ nếu tỷ lệ vốn "
                                           "đúng như mô tả.")
    if "FDI" in profile.ownership and re.search(r"nuoc ngoai|\bfdi\b", low):
        return CriterionCheck(rule, FAILS, "Đơn vị có vốn đầu tư nước ngoài: thuộc trường hợp bị loại trừ.")
    return CriterionCheck(rule, CHECK, "Bảo đảm đơn vị không thuộc trường hợp này.")


def _priority(rule: EligibilityRule, profile: EnterpriseProfile) -> CriterionCheck:
    listed = "; ".join(rule.sectors) or rule.text
    if profile.sector and _sector_overlap(profile.sector, listed):
        return CriterionCheck(rule, INFO, f"Ngành \"{profile.sector}\" có trong nhóm được ưu tiên.")
    if profile.sector:
        return CriterionCheck(rule, CHECK, f"Không thấy ngành \"{profile.sector}\" trong nhóm ưu tiên; ưu tiên không "
                                           "phải là điều kiện bắt buộc.")
    return CriterionCheck(rule, CHECK, "Nhóm được ưu tiên khi xét chọn.")


def _applies(rule: EligibilityRule, profile: EnterpriseProfile) -> bool:
    low = folded(rule.text)
    if low.startswith(("doi voi hop tac xa", "- doi voi hop tac xa")):
        return _is_cooperative(profile) or not profile.ownership
    if low.startswith(("doi voi doanh nghiep", "- doi voi doanh nghiep")):
        return not _is_cooperative(profile)
    return True


def _plan_result(plan: PlanFacts, profile: EnterpriseProfile) -> PlanEligibility:
    checks: list[CriterionCheck] = []
    for rule in plan.eligibility:
        if rule.kind == BENEFICIARY:
            checks.append(_beneficiary(rule, profile))
        elif rule.kind == EXCLUSION:
            checks.append(_exclusion(rule, profile))
        elif rule.kind == PRIORITY:
            checks.append(_priority(rule, profile))
        elif rule.kind == CONDITION:
            checks.append(CriterionCheck(rule, CHECK, "Điều kiện đơn vị phải tự đối chiếu và chứng minh trong hồ sơ."))
    support = tuple(r for r in plan.eligibility if r.kind == SUPPORT and _applies(r, profile))
    procedure = tuple(r for r in plan.eligibility if r.kind == PROCEDURE)
    contacts = tuple(dict((r.agency, r) for r in plan.responsibilities if r.role in ("đầu mối", "chủ trì")
                          and r.agency.startswith(("Sở", "Chi cục", "Ban"))).values())[:3]
    beneficiaries = [c for c in checks if c.rule.kind == BENEFICIARY]
    if any(c.status == FAILS for c in checks if c.rule.kind == EXCLUSION) or (
            beneficiaries and all(c.status == FAILS for c in beneficiaries)):
        assessment = UNLIKELY
    elif any(c.status == MEETS for c in beneficiaries) or (support and not beneficiaries and checks):
        assessment = LIKELY
    elif support:
        assessment = LIKELY
    else:
        assessment = UNKNOWN
    steps = []
    if any(c.status == CHECK for c in checks):
        steps.append("Đối chiếu từng điều kiện \"cần kiểm tra\" với hồ sơ của đơn vị.")
    if procedure:
        steps.append("Chuẩn bị hồ sơ và nộp đúng thời hạn nêu trong kế hoạch.")
    if contacts:
        steps.append("Liên hệ " + ", ".join(c.agency for c in contacts) + " để xác nhận trước khi nộp hồ sơ.")
    steps.append(f"Đọc toàn văn {plan.doc_number or plan.title} để biết nội dung hỗ trợ đầy đủ.")
    return PlanEligibility(plan, assessment, tuple(checks), support, procedure, contacts, tuple(steps))


def check_eligibility(index: FactIndex, profile: EnterpriseProfile) -> list[PlanEligibility]:
    """The plans of the enterprise's province (and national ones) with each criterion assessed; plans that
    state eligibility rules first."""
    plans = [p for p in index.plans()
             if (_matches_province(p.province, profile.province) or p.metadata.get("level") == "quốc gia"
                 or p.province == NATIONAL_LABEL)
             and (p.eligibility or p.responsibilities or p.targets)]
    results = [_plan_result(p, profile) for p in plans]
    return sorted(results, key=lambda r: (-len(r.plan.eligibility), r.plan.issued_date), reverse=False)
