"""PlanStore against a real ``chroma run`` server (Chroma's client/server mode)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from vs_cases import BAC_NINH, NAM_DINH, check_put_search_replace, ids_of, put

from common.errors import StoreError
from common.settings import Settings
from tests.servers import chroma_server, free_port
from vectorstore import PlanStore

pytestmark = [pytest.mark.server, pytest.mark.timeout(300)]

START_TIMEOUT_S = 60.0


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with chroma_server(tmp_path_factory.mktemp("chroma-server"), START_TIMEOUT_S) as url:
        yield url


def test_put_search_replace_through_the_server(chroma_url: str, tmp_path: Path, e5) -> None:
    settings = Settings(data_dir=tmp_path, chroma_url=chroma_url, collection="plans_server")
    store = PlanStore.from_settings(settings, e5)
    check_put_search_replace(store)
    assert not (tmp_path / "chroma").exists()  # nothing embedded
    assert list((tmp_path / "lexical").iterdir())  # the lexical cache lives locally


def test_two_clients_of_one_server_stay_consistent(chroma_url: str, tmp_path: Path, e5) -> None:
    reader = PlanStore.from_settings(Settings(data_dir=tmp_path / "a", chroma_url=chroma_url, collection="plans_two"), e5)
    writer = PlanStore.from_settings(Settings(data_dir=tmp_path / "b", chroma_url=chroma_url, collection="plans_two"), e5)
    put(writer, NAM_DINH, [("I", "Sở Khoa học và Công nghệ chủ trì.")])
    assert ids_of(reader.lexical_search("so khoa hoc", k=1))[0].startswith("nd285-")
    new = put(writer, NAM_DINH, [("I", "Sở Công Thương chủ trì thay thế.")])
    put(writer, BAC_NINH, [("I", "Bắc Ninh tăng năng suất 7%/năm.")])
    hits = reader.lexical_search("chu tri", k=10)
    assert [d.metadata["content_hash"] for d, _ in hits] == [new]
    assert reader.count() == 2 and reader.fingerprint() == writer.fingerprint()
    assert writer.delete_document("nd285")
    assert reader.lexical_search("chu tri", k=10) == []
    assert reader.dense_search("Sở Công Thương", k=5)[0][0].metadata["doc_id"] == "bn112"


def test_an_unreachable_server_is_a_store_error(tmp_path: Path, e5) -> None:
    settings = Settings(data_dir=tmp_path, chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(StoreError, match="127.0.0.1"):
        PlanStore.from_settings(settings, e5)
