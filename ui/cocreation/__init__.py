"""The "Co-creation records" page: a cycle's contributions from the public, newest first,
with a search, and those whose response is past its 20 days marked in words and colour."""
