"""Shared fixtures for the ingestion tests: the gazetteer and the real and sample documents, parsed once.

Nothing here loads an embedding model: ingestion needs none.
"""

from __future__ import annotations

import pytest
from ingest_cases import CORPUS_DIR, CORPUS_FILES, SAMPLE_FILES, SAMPLES_DIR

from common.provinces import ProvinceGazetteer
from ingest.pipeline import parse_bytes
from ingest.types import ParsedDocument


@pytest.fixture(scope="session")
def gazetteer() -> ProvinceGazetteer:
    return ProvinceGazetteer()


@pytest.fixture(scope="session")
def corpus_docs(gazetteer: ProvinceGazetteer) -> dict[str, ParsedDocument]:
    """Every corpus file parsed with the default chunk size, by file name."""
    return {name: parse_bytes((CORPUS_DIR / name).read_bytes(), str(CORPUS_DIR / name), gazetteer)
            for name in CORPUS_FILES}


@pytest.fixture(scope="session")
def sample_docs(gazetteer: ProvinceGazetteer) -> dict[str, ParsedDocument]:
    """The four fictional samples parsed with the default gazetteer (which does not list "Sông Lam")."""
    return {name: parse_bytes((SAMPLES_DIR / name).read_bytes(), str(SAMPLES_DIR / name), gazetteer)
            for name in SAMPLE_FILES}
