"""The passages an answer returns, in the order a reader checks them: the passage of the answer's first quote
([1], what the answer rests on), then the other cited ones, then the rest; cited and uncited as retrieval ranked
them (a cited passage from beyond the list comes last of the cited).

Retrieval ranks a passage by the whole passage; the answerer then reads every sentence of the top passages with
its own fitted scorer and picks the one that answers. That choice is the better ranking of the passages it
cites, so the sources list (and ``passages`` of ``ask --json``) leads with them. Ranks are renumbered 1..n.

>>> from assistant.types import Citation, Passage
>>> ps = [Passage(i, f"c{i}", "d", "s", "t", "", None, "x", 0.0) for i in (1, 2, 3, 4)]
>>> ordered, cites = cited_first(ps, [Citation(1, ps[2]), Citation(2, ps[0]), Citation(3, ps[3])])
>>> [(p.chunk_id, p.rank) for p in ordered], [(c.n, c.passage.rank) for c in cites]
([('c3', 1), ('c1', 2), ('c4', 3), ('c2', 4)], [(1, 1), (2, 2), (3, 3)])
"""

from __future__ import annotations

from dataclasses import replace

from assistant.types import Citation, Passage


def cited_first(passages: list[Passage], citations: list[Citation]) -> tuple[list[Passage], list[Citation]]:
    """``passages`` with the first quote's passage, then the other cited ones moved to the front (a cited passage
    outside the list joins them there, the list keeping its length), and ``citations`` pointing at the renumbered
    passages."""
    if not citations:
        return passages, citations
    cited = {c.passage.chunk_id: c.passage for c in sorted(citations, key=lambda c: c.n)}
    lead = next(iter(cited.values()))
    listed = {p.chunk_id for p in passages}
    order = ([lead] + [p for p in passages if p.chunk_id in cited and p.chunk_id != lead.chunk_id]
             + [p for cid, p in cited.items() if cid not in listed and p.chunk_id != lead.chunk_id]
             + [p for p in passages if p.chunk_id not in cited])
    order = order[: max(len(passages), len(cited))]
    renumbered = {p.chunk_id: replace(p, rank=i) for i, p in enumerate(order, start=1)}
    return list(renumbered.values()), [replace(c, passage=renumbered[c.passage.chunk_id]) for c in citations]
