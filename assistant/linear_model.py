"""Logistic models whose weights are fitted on gold questions (``bench/fit_weights.py``) and shipped as JSON.

A model is a name → weight table over named features, a bias, and the mean/scale each feature was standardised
with; a missing feature counts as 0. Fitting is L2-regularised logistic regression (scipy's L-BFGS), so the
shipped weights are reproducible from the gold data.

>>> m = LinearModel(("a", "b"), (2.0, -1.0), 0.5)
>>> round(m.logit({"a": 1.0}), 2), round(m.logit({"a": 1.0, "b": 1.0}), 2)
(2.5, 1.5)
>>> 0.9 < m.probability({"a": 1.0}) < 0.95
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib.resources import files
from typing import Any

WEIGHTS_PACKAGE = "assistant.weights"


@dataclass(frozen=True)
class LinearModel:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float = 0.0
    mean: tuple[float, ...] = ()
    scale: tuple[float, ...] = ()
    threshold: float = 0.5  # the decision threshold chosen on data (e.g. the refusal gate), if any
    info: dict[str, Any] = field(default_factory=dict, compare=False)

    def logit(self, x: Mapping[str, float]) -> float:
        mean = self.mean or (0.0,) * len(self.features)
        scale = self.scale or (1.0,) * len(self.features)
        return self.bias + sum(w * (float(x.get(f, 0.0)) - m) / s
                               for f, w, m, s in zip(self.features, self.weights, mean, scale))

    def probability(self, x: Mapping[str, float]) -> float:
        z = self.logit(x)
        return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0

    def without(self, names: Sequence[str]) -> "LinearModel":
        """The same model with the named features switched off (their weight 0): for ablations."""
        drop = set(names)
        return replace(self, weights=tuple(0.0 if f in drop else w for f, w in zip(self.features, self.weights)))

    def to_json(self) -> dict[str, Any]:
        return {"features": list(self.features), "weights": list(self.weights), "bias": self.bias,
                "mean": list(self.mean), "scale": list(self.scale), "threshold": self.threshold, "info": self.info}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "LinearModel":
        return cls(tuple(data["features"]), tuple(float(w) for w in data["weights"]), float(data.get("bias", 0.0)),
                   tuple(float(v) for v in data.get("mean", ())), tuple(float(v) for v in data.get("scale", ())),
                   float(data.get("threshold", 0.5)), dict(data.get("info", {})))


def load_model(name: str) -> LinearModel | None:
    """A shipped model (``assistant/weights/<name>.json``), or None if it has not been fitted."""
    resource = files(WEIGHTS_PACKAGE).joinpath(f"{name}.json")
    if not resource.is_file():
        return None
    return LinearModel.from_json(json.loads(resource.read_text(encoding="utf-8")))


def fit_logistic(rows: Sequence[Mapping[str, float]], labels: Sequence[int], features: Sequence[str],
                 l2: float = 1.0, sample_weight: Sequence[float] | None = None) -> LinearModel:
    """L2-regularised logistic regression over standardised features (the bias is not penalised)."""
    import numpy as np
    from scipy.optimize import minimize

    X = np.array([[float(r.get(f, 0.0)) for f in features] for r in rows], dtype=float)
    y = np.asarray(labels, dtype=float)
    sw = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    Z = (X - mean) / scale

    def loss(theta: "np.ndarray") -> tuple[float, "np.ndarray"]:
        w, b = theta[:-1], theta[-1]
        z = Z @ w + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
        eps = 1e-12
        nll = -np.sum(sw * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))) / sw.sum()
        grad_z = sw * (p - y) / sw.sum()
        grad = np.concatenate([Z.T @ grad_z + l2 * w / len(y), [grad_z.sum()]])
        return nll + 0.5 * l2 * float(w @ w) / len(y), grad

    theta0 = np.zeros(Z.shape[1] + 1)
    res = minimize(loss, theta0, jac=True, method="L-BFGS-B")
    w, b = res.x[:-1], res.x[-1]
    return LinearModel(tuple(features), tuple(float(v) for v in w), float(b), tuple(float(v) for v in mean),
                       tuple(float(v) for v in scale))
