"""Build a scale-benchmark index of a given number of chunks, growing an existing one, and time each stage.

    .venv/bin/python -m bench.scale.build --data /tmp/scale --chunks 10000 --real-limit 1000

Documents come from ``bench.scale.corpus`` (generated plans, news and reports for the 63 provinces). Each is
parsed with the real pipeline (``ingest.pipeline.parse_bytes``). The first ``--real-limit`` chunks of the library
are embedded with the real model (its throughput is what ingestion is compared with); above that, embedding a
million chunks on 2 cores is not practical (≈3-6 chunks/s), so each further chunk gets a vector DERIVED from a
real one: the real vector of the chunk at the same position of a document of the same kind, plus Gaussian noise
(σ=0.03 per dimension before renormalising, cosine ≈ 0.75-0.9 to its source), deterministic per chunk. The
texts, metadata and the lexical index are real at every size. Writing goes through ``PlanStore.put_document``
(registry, atomic replace) with the vectors given. Prints one JSON line of measurements.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from common.provinces import ProvinceGazetteer  # noqa: E402
from common.settings import Settings  # noqa: E402
from ingest.pipeline import content_hash_for, doc_id_for, parse_bytes  # noqa: E402
from vectorstore import DocumentVersion, PlanStore, make_embeddings  # noqa: E402

REAL_VECTORS = "real_vectors.npz"  # beside the index: the real vectors derived ones are made from
NOISE = 0.03


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def documents(start: int):  # noqa: ANN201
    """Generated documents from index ``start`` on (name, text)."""
    from bench.scale.corpus import iter_documents

    for i, doc in enumerate(iter_documents()):
        if i >= start:
            yield doc.file, doc.text, doc.kind


def _derive(real: dict[str, np.ndarray], key: str, seed: str, rng_dim: int) -> list[float]:
    pool = real.get(key) if key in real else real["*"]
    h = int(hashlib.sha256(seed.encode()).hexdigest()[:16], 16)
    base = pool[h % len(pool)]
    rng = np.random.default_rng(h)
    v = base + rng.normal(0.0, NOISE, rng_dim).astype(np.float32)
    return (v / np.linalg.norm(v)).tolist()


def build(data: Path, target_chunks: int, real_limit: int, batch_docs: int = 200, lexical: bool = True) -> dict:
    settings = Settings(data_dir=data)
    embeddings = make_embeddings(settings)
    store = PlanStore.from_settings(settings, embeddings)
    gazetteer = ProvinceGazetteer()
    state_path = data / "build_state.json"
    state = json.loads(state_path.read_text()) if state_path.exists() else {"docs": 0, "chunks": 0}
    real_path = data / REAL_VECTORS
    real: dict[str, list[np.ndarray]] = {}
    if real_path.exists():
        with np.load(real_path) as z:
            real = {k: list(z[k]) for k in z.files}
    t_parse = t_embed = t_write = 0.0
    docs = chunks = embedded = derived = 0
    dim = 0
    pending: list[DocumentVersion] = []
    for name, text, kind in documents(state["docs"]):
        if state["chunks"] + chunks >= target_chunks:
            break
        data_bytes = text.encode("utf-8")
        t0 = time.perf_counter()
        parsed = parse_bytes(data_bytes, name, gazetteer, settings.chunk_chars)
        t1 = time.perf_counter()
        n_real = max(0, min(len(parsed.chunks), real_limit - (state["chunks"] + chunks)))
        vectors: list[list[float]] = []
        if n_real:
            vectors = embeddings.embed_documents(store.embedding_texts(parsed.chunks[:n_real]))
            for i, v in enumerate(vectors):
                arr = np.asarray(v, dtype=np.float32)
                real.setdefault(f"{kind}:{i}", []).append(arr)
                real.setdefault("*", []).append(arr)
        t2 = time.perf_counter()
        dim = dim or (len(vectors[0]) if vectors else len(real["*"][0]))
        for i in range(n_real, len(parsed.chunks)):
            vectors.append(_derive(real, f"{kind}:{i}", f"{name}:{i}", dim))
        t3 = time.perf_counter()
        meta = {**parsed.meta.as_metadata(), "source": name, "abs_path": ""}
        pending.append(DocumentVersion(doc_id_for(name), content_hash_for(data_bytes, settings.chunk_chars), meta,
                                       parsed.chunks, vectors))
        if len(pending) >= batch_docs:
            store.put_documents(pending)
            pending.clear()
            # a checkpoint: a stopped build goes on from here
            done = {"docs": state["docs"] + docs + 1, "chunks": state["chunks"] + chunks + len(parsed.chunks)}
            state_path.write_text(json.dumps(done))
        t4 = time.perf_counter()
        t_parse += t1 - t0
        t_embed += t2 - t1
        t_write += t4 - t3
        docs += 1
        chunks += len(parsed.chunks)
        embedded += n_real
        derived += len(parsed.chunks) - n_real
    t3 = time.perf_counter()
    store.put_documents(pending)
    t_write += time.perf_counter() - t3
    np.savez(real_path, **{k: np.stack(v) for k, v in real.items()})
    state = {"docs": state["docs"] + docs, "chunks": state["chunks"] + chunks}
    state_path.write_text(json.dumps(state))
    t5 = time.perf_counter()
    lexical_chunks = len(store.lexical_index()) if lexical else None
    t_lexical = time.perf_counter() - t5
    return {
        "total_docs": state["docs"], "total_chunks": state["chunks"], "added_docs": docs, "added_chunks": chunks,
        "embedded_real": embedded, "derived": derived, "parse_s": round(t_parse, 2), "embed_s": round(t_embed, 2),
        "write_s": round(t_write, 2), "lexical_s": round(t_lexical, 2), "lexical_chunks": lexical_chunks,
        "embed_chunks_per_s": round(embedded / t_embed, 2) if embedded and t_embed else None,
        "parse_docs_per_s": round(docs / t_parse, 1) if t_parse else None,
        "write_chunks_per_s": round(chunks / t_write, 1) if t_write else None,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--chunks", type=int, required=True, help="grow the index to at least this many chunks")
    ap.add_argument("--real-limit", type=int, default=1000, help="chunks embedded with the real model")
    ap.add_argument("--batch-docs", type=int, default=200, help="documents per put_documents call (1: one by one)")
    ap.add_argument("--no-lexical", action="store_true", help="only write; build the lexical index later")
    args = ap.parse_args(argv)
    print(json.dumps(build(args.data, args.chunks, args.real_limit, args.batch_docs, lexical=not args.no_lexical)))


if __name__ == "__main__":
    main()
