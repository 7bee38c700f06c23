"""Fitted model weights (JSON), written by ``bench/fit_weights.py`` from the tuned half of the gold questions."""
