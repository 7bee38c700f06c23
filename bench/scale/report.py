"""Tables (Markdown) and plots (PNG, matplotlib) of the scale benchmark's ``results.json``."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _sizes(results: dict[str, Any]) -> list[str]:
    return sorted(results["sizes"], key=int)


def render(results: dict[str, Any], out: Path) -> str:
    lines = ["# Scale benchmark", ""]
    ing = results.get("ingest")
    if ing:
        model = ing["model_only"]["chunks_per_s"]
        lines += ["## Ingestion end to end (real parsing and embeddings) vs the embedding model alone", "",
                  "| path | documents | chunks | seconds | docs/s | chunks/s | share of the model's throughput |",
                  "|---|---|---|---|---|---|---|"]
        for label in ("batched", "one_by_one"):
            r = ing[label]
            lines.append(f"| Library.ingest, {label.replace('_', ' ')} | {r['docs']} | {r['chunks']} | {r['seconds']} | "
                         f"{r['docs_per_s']} | {r['chunks_per_s']} | {r['chunks_per_s'] / model:.0%} |")
        m = ing["model_only"]
        lines += [f"| the model alone (embed_documents) | - | {m['chunks']} | {m['seconds']} | - | {model} | 100% |", ""]
    lines += ["## Building each size (grown from the previous one)", "",
              "| chunks | documents | added | real vectors | derived | parse docs/s | embed chunks/s (real) | write chunks/s "
              "| lexical index s | build peak RSS MB |", "|---|---|---|---|---|---|---|---|---|---|"]
    for s in _sizes(results):
        b = results["sizes"][s].get("build", {})
        lines.append(f"| {b.get('total_chunks')} | {b.get('total_docs')} | {b.get('added_chunks')} | {b.get('embedded_real')} | "
                     f"{b.get('derived')} | {b.get('parse_docs_per_s')} | {b.get('embed_chunks_per_s') or '-'} | "
                     f"{b.get('write_chunks_per_s')} | {b.get('lexical_s')} | {b.get('peak_rss_mb')} |")
    lines += ["", "## Answer latency (ms) and quality on the same generated questions", "",
              "| chunks | store | variant | retrieve p50/p95/p99 | answer p50/p95/p99 | total p50/p95/p99 | first question (cold) "
              "| hit@1 | hit@5 | hit@5 any doc | lexical only hit@5 | answer acc. | peak RSS MB |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for s in _sizes(results):
        for variant in ("after", "chroma_filter", "previous_round_after", "before", "server", "previous_round_server"):
            r = results["sizes"][s].get(variant)
            if not r:
                continue
            store = "chroma run" if r.get("server") else "embedded"
            label = {"after": "this issue", "chroma_filter": "Chroma applies the filters", "before": "before (no caches)",
                     "server": "this issue", "previous_round_after": "previous round's code",
                     "previous_round_server": "previous round's code"}[variant]
            rss = f"{r['peak_rss_mb']}" + (f" (+ server {r['chroma_server_peak_rss_mb']:.0f})"
                                           if r.get("chroma_server_peak_rss_mb") else "")
            lines.append(
                f"| {r['chunks']} | {store} | {label} | {r['retrieve_p50']}/{r['retrieve_p95']}/{r['retrieve_p99']} | "
                f"{r['answer_p50']}/{r['answer_p95']}/{r['answer_p99']} | {r['total_p50']}/{r['total_p95']}/{r['total_p99']} | "
                f"{r['cold_first_question_ms']:.0f} | {r['hit@1']} | {r['hit@5']} | {r['hit@5_any_doc']} | "
                f"{r.get('lexical_only_hit@5', '-')} | "
                f"{r['answer_accuracy']} | {rss} |")
    _plots(results, out)
    lines += ["", "Plots: `latency.png`, `build.png`, `memory.png`."]
    return "\n".join(lines) + "\n"


def _plots(results: dict[str, Any], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = _sizes(results)
    xs = [int(s) for s in sizes]

    def series(variant: str, key: str) -> tuple[list[int], list[float]]:
        pts = [(int(s), results["sizes"][s][variant][key]) for s in sizes if variant in results["sizes"][s]]
        return [p[0] for p in pts], [p[1] for p in pts]

    fig, ax = plt.subplots(figsize=(7, 4))
    for variant, label in (("after", "embedded"), ("server", "chroma run"), ("before", "embedded, before"),
                           ("chroma_filter", "embedded, Chroma filters")):
        for key, style in (("total_p50", "-o"), ("total_p95", "--o")):
            x, y = series(variant, key)
            if x:
                ax.plot(x, y, style, label=f"{label} {key.split('_')[1]}")
    ax.axhline(300, color="grey", lw=0.8, ls=":")
    ax.axhline(1000, color="grey", lw=0.8, ls=":")
    ax.set(xscale="log", yscale="log", xlabel="chunks", ylabel="answer time (ms)", title="Answer latency by size")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "latency.png", dpi=120)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 4))
    for key, label in (("parse_docs_per_s", "parse (docs/s)"), ("write_chunks_per_s", "write (chunks/s)")):
        ax.plot(xs, [results["sizes"][s]["build"].get(key) or 0 for s in sizes], "-o", label=label)
    ax.set(xscale="log", yscale="log", xlabel="chunks in the index", title="Build throughput by size")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "build.png", dpi=120)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(xs, [results["sizes"][s]["build"].get("peak_rss_mb") for s in sizes], "-o", label="build")
    x, y = series("after", "peak_rss_mb")
    ax.plot(x, y, "-o", label="serving (embedded)")
    x, y = series("server", "chroma_server_peak_rss_mb")
    if x:
        ax.plot(x, y, "-o", label="chroma run server")
    ax.set(xscale="log", xlabel="chunks", ylabel="peak RSS (MB)", title="Memory by size")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "memory.png", dpi=120)
    plt.close(fig)
