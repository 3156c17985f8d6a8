"""Benchmarks, run by `make bench` (`python -m bench`); never part of `make test`.

Every module in this package that defines `run() -> list[str]` is one benchmark: `run` does its
own timing and returns the lines to print. Timing assertions live here, never in tests.
"""
