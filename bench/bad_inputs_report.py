"""Run the robustness batch of bad inputs through `plan-assistant ingest` and print a Markdown table: each input,
what happened (its FAILED reason, or "indexed"), the exit code and the documents in the index afterwards.

    .venv/bin/python bench/bad_inputs_report.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.robustness.conftest import build_bad_batch, reason_for, run_cli  # noqa: E402


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bad-inputs-") as tmp:
        batch = build_bad_batch(Path(tmp) / "inbox")
        data = Path(tmp) / "data"
        res = run_cli(["ingest", str(batch.folder)], data)
        listing = run_cli(["docs", "--json"], data)
        rows = [json.loads(line) for line in listing.stdout.splitlines() if line.strip()]
        indexed = {Path(r["source"]).name: r["chunks"] for r in rows}
        print("| input | kind | what happened |")
        print("|---|---|---|")
        for name, kind in {**batch.bad, **batch.good}.items():
            reasons = reason_for(name, batch.folder, res.stderr)
            if reasons:
                what = "; ".join(f"FAILED: {r}" for r in reasons)
            elif name in indexed:
                what = f"indexed ({indexed[name]} chunks)"
            else:
                what = "**no FAILED line and not indexed**"
            shown = name if len(name) <= 60 else f"{name[:57]}… ({len(name)} chars, {len(name.encode())} bytes)"
            print(f"| `{cell(shown)}` | {cell(kind)} | {cell(what)} |")
        summary = res.stderr.strip().splitlines()[-1] if res.stderr.strip() else ""
        print()
        print(f"Exit code: {res.returncode}. Summary: `{summary}`")
        for note in batch.notes:
            print(f"Note: {note}")
        print(f"Index afterwards ({len(rows)} documents): "
              + ", ".join(f"`{Path(r['source']).name[:60]}` ({r['chunks']} chunks)" for r in rows))
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
