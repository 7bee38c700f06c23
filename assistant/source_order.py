"""The passages an answer returns, in the order a reader checks them: the ones it cites first, then the rest, each
group as retrieval ranked it (a cited passage from beyond the list comes last of the cited).

Retrieval ranks a passage by the whole passage; the answerer then reads every sentence of the top passages with
its own fitted scorer and picks the one that answers. That choice is the better ranking of the passages it
cites, so the sources list (and ``passages`` of ``ask --json``) leads with them. Ranks are renumbered 1..n.

>>> from assistant.types import Citation, Passage
>>> ps = [Passage(i, f"c{i}", "d", "s", "t", "", None, "x", 0.0) for i in (1, 2, 3)]
>>> ordered, cites = cited_first(ps, [Citation(1, ps[2]), Citation(2, ps[0])])
>>> [(p.chunk_id, p.rank) for p in ordered], [(c.n, c.passage.rank) for c in cites]
([('c1', 1), ('c3', 2), ('c2', 3)], [(1, 2), (2, 1)])
"""

from __future__ import annotations

from dataclasses import replace

from assistant.types import Citation, Passage


def cited_first(passages: list[Passage], citations: list[Citation]) -> tuple[list[Passage], list[Citation]]:
    """``passages`` with the cited ones moved to the front (a cited passage outside the list joins it there, the
    list keeping its length), and ``citations`` pointing at the renumbered passages."""
    if not citations:
        return passages, citations
    cited = {c.passage.chunk_id: c.passage for c in sorted(citations, key=lambda c: c.n)}
    listed = {p.chunk_id for p in passages}
    order = ([p for p in passages if p.chunk_id in cited] + [p for cid, p in cited.items() if cid not in listed]
             + [p for p in passages if p.chunk_id not in cited])
    seen = cited
    order = order[: max(len(passages), len(seen))]
    renumbered = {p.chunk_id: replace(p, rank=i) for i, p in enumerate(order, start=1)}
    return list(renumbered.values()), [replace(c, passage=renumbered[c.passage.chunk_id]) for c in citations]
