"""Benchmark support: deterministic synthetic seeds for ``make bench`` and the tests."""
