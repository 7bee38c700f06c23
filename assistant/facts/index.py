"""The facts of every indexed document, kept in step with the store.

Facts are extracted when a document is ingested (``refresh`` is called by the ingest job) and saved as JSON per
document version under the data directory, so a restart or another process reads them instead of extracting
again; a replaced or deleted document's file is dropped on the next refresh. Readers always see the facts of the
documents currently registered.

>>> index = FactIndex(store, Path("data/facts"))  # doctest: +SKIP
>>> index.refresh()  # doctest: +SKIP
>>> [t.value_text for t in index.targets(province="Bắc Ninh", indicator="labour_productivity")]  # doctest: +SKIP
['khoảng 12,5%/năm']
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
import uuid
from pathlib import Path

from assistant.facts.extract import extract_facts
from assistant.facts.indicators import asked_indicator
from assistant.facts.targets import folded
from assistant.facts.types import NATIONAL_LABEL, EligibilityRule, PlanFacts, Responsibility, Target
from common.errors import StoreError

logger = logging.getLogger(__name__)

EXTRACT_BATCH_DOCS = 200  # documents whose chunks are read together when facts are extracted
_RULE_MODULES = ("extract.py", "targets.py", "indicators.py", "agencies.py", "eligibility.py", "types.py")


def rules_signature() -> str:
    """Changes whenever the extraction rules change, so saved facts of older rules are extracted again."""
    h = hashlib.sha256()
    for name in _RULE_MODULES:
        h.update((Path(__file__).parent / name).read_bytes())
    return h.hexdigest()[:12]


def _matches_province(where: str, province: str | None) -> bool:
    if not province:
        return True
    wanted = folded(province).strip()
    if wanted in ("toan quoc", "quoc gia", "national"):
        return where == NATIONAL_LABEL
    return folded(where) == wanted or folded(where).endswith(wanted)


class FactIndex:
    """Targets, responsibilities and eligibility rules of the documents in ``store``."""

    def __init__(self, store, directory: Path | str):  # noqa: ANN001 - a vectorstore.PlanStore
        self.store = store
        self.directory = Path(directory) / rules_signature()
        self._facts: dict[str, PlanFacts] = {}
        self._names: dict[str, str] = {}
        self._fingerprint = ""
        self._lock = threading.Lock()

    def _path(self, doc_id: str, content_hash: str) -> Path:
        return self.directory / f"{doc_id}-{content_hash[:16]}.json"

    def _load(self, path: Path) -> PlanFacts | None:
        try:
            return PlanFacts.from_json(json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as e:
            logger.warning("re-extracting facts: %s is not usable (%s)", path, e)
            return None

    def _save(self, path: Path, facts: PlanFacts) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".tmp-{uuid.uuid4().hex}.json")
            tmp.write_text(json.dumps(facts.to_json(), ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        except OSError as e:  # the facts in memory still serve this process
            logger.warning("could not save facts to %s: %s", path, e)

    def refresh(self) -> dict[str, PlanFacts]:
        """Facts for the registered documents: from memory, from disk, else extracted from the chunks."""
        current = self.store.fingerprint()  # cached by the store per registry version: cheap on every question
        if current == self._fingerprint:
            return self._facts
        registry = self.store.documents()  # read after the fingerprint: a newer registry is refreshed next time
        with self._lock:
            facts: dict[str, PlanFacts] = {}
            missing = []
            for doc_id, doc in sorted(registry.items()):
                path = self._path(doc_id, doc.content_hash)
                got = self._facts.get(doc_id) if self._names.get(doc_id) == path.name else None
                got = got or self._load(path)
                if got is None:
                    missing.append(doc)
                else:
                    facts[doc_id] = got
            facts.update(self._extract(missing))
            self._prune({self._path(d, registry[d].content_hash).name for d in facts})
            self._names = {d: self._path(d, registry[d].content_hash).name for d in facts}
            self._facts, self._fingerprint = facts, current
            return facts

    def _extract(self, docs: list) -> dict[str, PlanFacts]:  # noqa: ANN001 - vectorstore.StoredDoc
        """Facts of ``docs`` from their chunks, read from the store a batch of documents at a time (one read per
        document cost ~20-180 ms at a million chunks), and saved."""
        facts: dict[str, PlanFacts] = {}
        for start in range(0, len(docs), EXTRACT_BATCH_DOCS):
            batch = docs[start:start + EXTRACT_BATCH_DOCS]
            by_doc: dict[str, list] = {}
            for chunk in self.store.get_chunks([cid for doc in batch for cid in doc.chunk_ids]):
                by_doc.setdefault(chunk.metadata.get("doc_id"), []).append(chunk)
            for doc in batch:
                chunks = by_doc.get(doc.doc_id)
                if not chunks:
                    continue
                got = extract_facts(chunks, {**doc.metadata, "doc_id": doc.doc_id})
                self._save(self._path(doc.doc_id, doc.content_hash), got)
                logger.info("extracted facts of %s: %d targets, %d responsibilities, %d eligibility lines",
                            doc.doc_id, len(got.targets), len(got.responsibilities), len(got.eligibility))
                facts[doc.doc_id] = got
        return facts

    def _prune(self, keep: set[str]) -> None:
        if not self.directory.is_dir():
            return
        for old in self.directory.parent.iterdir():  # facts of older rules
            if old.is_dir() and old != self.directory:
                shutil.rmtree(old, ignore_errors=True)
        for path in self.directory.glob("*.json"):
            if path.name not in keep:
                try:
                    path.unlink()
                except OSError as e:
                    raise StoreError(f"could not remove stale facts file {path}: {e}") from e

    # -- queries -----------------------------------------------------------------------------------------------

    def plans(self) -> list[PlanFacts]:
        return sorted(self.refresh().values(), key=lambda p: (p.province, p.issued_date, p.title))

    def targets(self, province: str | None = None, indicator: str | None = None, year: int | None = None,
                include_subsets: bool = False) -> list[Target]:
        key = asked_indicator(indicator) if indicator else None
        if indicator and key is None:
            return []
        out = [t for p in self.plans() for t in p.targets
               if _matches_province(t.province, province) and (key is None or t.indicator == key)
               and (year is None or t.year == year) and (include_subsets or not t.subset)]
        return sorted(out, key=lambda t: (t.indicator, t.province == NATIONAL_LABEL, t.province, t.year or 0))

    def responsibilities(self, province: str | None = None, agency: str | None = None,
                         role: str | None = None) -> list[Responsibility]:
        wanted = folded(agency) if agency else ""
        out = [r for p in self.plans() for r in p.responsibilities
               if _matches_province(r.source.where, province)
               and (not wanted or wanted in folded(r.agency) or wanted in folded(r.agency_text))
               and (not role or folded(r.role) == folded(role))]
        return out

    def eligibility(self, province: str | None = None, kind: str | None = None) -> list[EligibilityRule]:
        return [e for p in self.plans() for e in p.eligibility
                if _matches_province(e.source.where, province) and (not kind or e.kind == kind)]
