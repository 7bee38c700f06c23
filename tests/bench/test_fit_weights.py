"""The refusal gate's threshold: best accuracy on the training questions, then fewest right answers refused,
then the middle of the tied range; the held-out log-loss breaks ties between L2 strengths."""

from __future__ import annotations

import pytest

from bench.fit_weights import cross_validate, threshold_from_points


def test_the_gate_separates_unanswerable_from_right_answers_by_the_exact_scores():
    """A right answer scoring 0.18357 is not refused by a grid point rounded up to 0.1836; the threshold is the
    middle between the highest unanswerable and the lowest right answer."""
    points = [(0.0465, None, False, False), (0.0498, None, False, False), (0.18357, None, True, True),
              (0.2045, None, True, True), (0.5, None, True, True), (0.7, None, True, False)]
    t, info = threshold_from_points(points)
    assert 0.0498 < t < 0.18357 and t == pytest.approx((0.0498 + 0.18357) / 2)
    assert info["refused_unanswerable"] == 2 and info["refused_answerable"] == 0 and info["accuracy"] == 0.8333


def test_answers_decided_before_the_gate_do_not_move_it():
    points = [(0.0, False, False, False), (0.0, True, True, True), (0.1, None, False, False), (0.3, None, True, True)]
    t, info = threshold_from_points(points)
    assert 0.1 < t <= 0.3 and info["refused_before_gate"] == 1


def test_ties_in_top1_go_to_the_better_calibrated_strength():
    """Two questions whose labelled row always comes first (top-1 ties at every L2): the L2 with the lowest
    held-out log-loss is chosen, not simply the strongest."""
    groups = []
    for i in range(16):
        q = {"id": f"q-{i}", "evidence": [{"doc": f"doc-{i}.txt"}]}
        rows = [{"x": 3.0 + 0.1 * (i % 3)}, {"x": -3.0}, {"x": -2.5}]
        groups.append((q, rows, [1, 0, 0]))
    best, scores = cross_validate(groups, ("x",))
    assert set(scores.values()) == {1.0}
    assert best != 100.0  # the strongest regularisation flattens the probabilities of a clean signal
