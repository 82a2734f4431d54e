"""The Member selection page: rounds, candidates, the method\x27s inputs, the run, the result."""
