"""Small Vietnamese plan documents and the checks shared by the embedded and the server tests."""

from __future__ import annotations

import hashlib
from typing import Any

from langchain_core.documents import Document

from vectorstore import PlanStore

NAM_DINH = {
    "doc_id": "nd285",
    "source": "samples/nam-dinh-285-kh-ubnd.pdf",
    "title": "Kế hoạch nâng cao năng suất lao động tỉnh Nam Định giai đoạn 2023-2030",
    "doc_type": "kế hoạch",
    "doc_number": "285/KH-UBND",
    "issuer": "UBND tỉnh Nam Định",
    "province": "Nam Định",
    "level": "tỉnh",
    "issued_date": "2023-06-15",
    "period": "2023-2030",
    "signer": "Trần Anh Dũng",
    "signer_title": "Phó Chủ tịch",
}
NAM_DINH_SECTIONS = [
    ("I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức của các cấp, các ngành, doanh nghiệp và người dân về vai trò của năng suất "
     "đối với tăng trưởng kinh tế của tỉnh."),
    ("II. MỤC TIÊU > 2. Mục tiêu cụ thể", "Phấn đấu tốc độ tăng năng suất lao động bình quân đạt 12,5%/năm trong giai đoạn "
     "2023-2025 và 8%/năm trong giai đoạn 2026-2030."),
    ("III. NHIỆM VỤ, GIẢI PHÁP > 1. Tuyên truyền", "Tổ chức các hoạt động tuyên truyền, phổ biến kiến thức về năng suất chất "
     "lượng trên các phương tiện thông tin đại chúng."),
    ("IV. TỔ CHỨC THỰC HIỆN > 1. Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ là cơ quan chủ trì, đầu mối tổ chức triển "
     "khai Kế hoạch; hướng dẫn, đôn đốc các sở, ngành thực hiện và tổng hợp báo cáo Ủy ban nhân dân tỉnh."),
]

BAC_NINH = {
    "doc_id": "bn112",
    "source": "https://bacninh.gov.vn/ke-hoach-112",
    "title": "Kế hoạch nâng cao năng suất dựa trên khoa học, công nghệ và đổi mới sáng tạo tỉnh Bắc Ninh",
    "doc_type": "kế hoạch",
    "doc_number": "112/KH-UBND",
    "issuer": "UBND tỉnh Bắc Ninh",
    "province": "Bắc Ninh",
    "level": "tỉnh",
    "issued_date": "2022-03-01",
    "period": "2022-2030",
    "signer": "Đào Quang Khải",
    "signer_title": "Phó Chủ tịch",
}
BAC_NINH_SECTIONS = [
    ("I. MỤC TIÊU", "Tăng năng suất lao động bình quân 7%/năm; đến năm 2030 có 50% doanh nghiệp ứng dụng công cụ cải tiến."),
    ("II. NHIỆM VỤ", "Hỗ trợ doanh nghiệp áp dụng các công cụ cải tiến năng suất như 5S, Kaizen, Lean và hệ thống quản lý "
     "tiên tiến."),
    ("III. TỔ CHỨC THỰC HIỆN", "Sở Công Thương phối hợp với Sở Kế hoạch và Đầu tư theo dõi việc thực hiện và báo cáo định kỳ."),
]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_chunks(doc: dict[str, Any], sections: list[tuple[str, str]], version_hash: str) -> list[Document]:
    """Chunks with the metadata ingestion produces (flat scalars)."""
    chunks, pos = [], 0
    for i, (path, text) in enumerate(sections):
        meta = {
            **doc,
            "section_path": path,
            "section_kind": "body",
            "page": i + 1,
            "chunk_index": i,
            "char_start": pos,
            "char_end": pos + len(text),
            "media_type": "pdf" if doc["source"].endswith(".pdf") else "html",
            "content_hash": version_hash,
        }
        pos += len(text) + 1
        chunks.append(Document(page_content=text, metadata=meta))
    return chunks


def doc_level(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k not in ("doc_id", "source")} | {"source": doc["source"], "abs_path": ""}


def put(store: PlanStore, doc: dict[str, Any], sections: list[tuple[str, str]]) -> str:
    """Store a document as ingestion would; return its content hash."""
    h = content_hash(doc["title"] + "\n".join(t for _, t in sections))
    store.put_document(doc["doc_id"], h, doc_level(doc), make_chunks(doc, sections, h))
    return h


def ids_of(hits: list[tuple[Document, float]]) -> list[str]:
    return [d.metadata["chunk_id"] for d, _ in hits]


def check_put_search_replace(store: PlanStore) -> None:
    """Put two plans, search both ways, replace one: the checks both deployment modes must pass."""
    h_nd = put(store, NAM_DINH, NAM_DINH_SECTIONS)
    h_bn = put(store, BAC_NINH, BAC_NINH_SECTIONS)
    assert store.count() == 7
    docs = store.documents()
    assert {d: s.content_hash for d, s in docs.items()} == {"nd285": h_nd, "bn112": h_bn}
    assert docs["nd285"].n_chunks == 4 and docs["nd285"].source == NAM_DINH["source"]
    assert docs["nd285"].metadata["province"] == "Nam Định"

    top, score = store.dense_search("Cơ quan nào chủ trì triển khai kế hoạch năng suất của tỉnh Nam Định?", k=3)[0]
    assert top.metadata["doc_id"] == "nd285" and top.metadata["chunk_index"] == 3
    assert top.page_content == NAM_DINH_SECTIONS[3][1]  # own text, no context header
    assert 0.0 < score <= 1.0

    assert ids_of(store.lexical_search("co quan nao chu tri", k=3))[0] == f"nd285-{h_nd[:12]}-0003"
    assert ids_of(store.lexical_search("12,5%", k=3))[0] == f"nd285-{h_nd[:12]}-0001"
    exact = store.lexical_search("285/KH-UBND", k=10)
    assert exact[0][0].metadata["doc_number"] == "285/KH-UBND"
    assert {d.metadata["doc_id"] for d, _ in exact[:4]} == {"nd285"}

    # Replace Bắc Ninh's plan: only the new version remains, for every kind of reader.
    new_sections = [("I. MỤC TIÊU", "Tăng năng suất lao động bình quân 9,5%/năm đến năm 2030."),
                    ("II. TỔ CHỨC THỰC HIỆN", "Sở Khoa học và Công nghệ Bắc Ninh chủ trì tổng kết hằng năm.")]
    h_bn2 = put(store, BAC_NINH, new_sections)
    assert h_bn2 != h_bn
    assert store.count() == 6
    assert store.documents()["bn112"].content_hash == h_bn2
    for hits in (store.dense_search("năng suất lao động Bắc Ninh", k=10, where={"doc_id": "bn112"}),
                 store.lexical_search("nang suat", k=10, where={"doc_id": "bn112"})):
        assert {d.metadata["content_hash"] for d, _ in hits} == {h_bn2}
        assert len(hits) == 2
    assert store.lexical_search("Kaizen", k=5) == []
    assert ids_of(store.lexical_search("9,5%", k=1)) == [f"bn112-{h_bn2[:12]}-0000"]
    got = store.get_chunks([f"bn112-{h_bn[:12]}-0000", f"bn112-{h_bn2[:12]}-0001"])  # the first is superseded
    assert [d.metadata["chunk_id"] for d in got] == [f"bn112-{h_bn2[:12]}-0001"]
