"""Plan intelligence: targets, responsibilities and eligibility read from every indexed plan, as tables."""

from assistant.facts.extract import extract_facts
from assistant.facts.index import FactIndex
from assistant.facts.types import EligibilityRule, FactSource, PlanFacts, Responsibility, Target

__all__ = ["EligibilityRule", "FactIndex", "FactSource", "PlanFacts", "Responsibility", "Target", "extract_facts"]
