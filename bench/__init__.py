"""Benchmarks of Forum Secretariat (not tests: timings vary by machine; run by hand).

Each benchmark is a module runnable as ``python -m bench.<name>`` from the repository
root; ``bench.harness`` holds what they share (timed subprocess runs, medians, report).
"""
