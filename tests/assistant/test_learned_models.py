"""The fitted models: shipped weights that match the features the code computes, a fit that recovers a known
signal, and their use over the ingested corpus (the gate refuses what the library does not answer)."""

from __future__ import annotations

import random

import pytest

from assistant.extractive import UNIT_MODEL_FEATURES
from assistant.linear_model import LinearModel, fit_logistic, load_model
from assistant.passage_features import PASSAGE_FEATURES


@pytest.mark.parametrize("name,features", [("passage_ranker", PASSAGE_FEATURES),
                                           ("answer_units", UNIT_MODEL_FEATURES)])
def test_shipped_weights_cover_the_computed_features(name, features):
    model = load_model(name)
    assert model is not None, f"assistant/weights/{name}.json is missing: run bench/fit_weights.py --write"
    assert model.features == tuple(features)
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(features)
    assert model.info["questions"] > 100 and model.info["positives"] > 50


def test_the_gate_threshold_is_a_probability_that_keeps_false_refusals_low():
    from bench.fit_weights import MAX_FALSE_REFUSALS

    model = load_model("answer_units")
    assert model is not None and 0.0 <= model.threshold < 1.0
    gate = model.info["gate"]  # chosen on the training questions by bench/fit_weights.py
    answerable = model.info["questions"] - gate["unanswerable"]
    assert gate["refused_answerable"] <= MAX_FALSE_REFUSALS * answerable


def test_fit_recovers_a_known_signal():
    rng = random.Random(3)
    rows, labels = [], []
    for _ in range(600):
        signal, noise = rng.random(), rng.random()
        rows.append({"signal": signal, "noise": noise})
        labels.append(int(signal + rng.gauss(0, 0.15) > 0.6))
    model = fit_logistic(rows, labels, ("signal", "noise"), l2=1.0)
    assert model.weights[0] > 2.0 and abs(model.weights[1]) < 0.5
    assert model.probability({"signal": 0.95, "noise": 0.5}) > 0.8 > 0.2 > model.probability({"signal": 0.1})


def test_without_switches_features_off():
    m = LinearModel(("a", "b"), (1.0, 2.0), 0.0)
    assert m.without(["b"]).logit({"a": 1.0, "b": 1.0}) == 1.0
    assert LinearModel.from_json(m.to_json()) == m


def test_the_ranker_prefers_the_named_province():
    model = load_model("passage_ranker")
    assert model is not None
    base = {"dense": 0.8, "lexical": 0.8, "scoped_dense": 0.8, "scoped_lexical": 0.8, "unit_best": 0.5}
    assert model.logit({**base, "province_match": 1.0}) > model.logit({**base, "province_other": 1.0})


def test_an_unanswerable_question_is_refused_by_the_gate(indexed_assistant):
    answer = indexed_assistant.ask("Tỉnh Nam Định hỗ trợ bao nhiêu tiền cho mỗi doanh nghiệp nuôi tôm hùm?")
    assert not answer.found and not answer.citations
