"""Benchmarks for issue 8: a national library of plans (scale, concurrency)."""
