"""The forum's terms of reference (職權範圍) as numbered versions — drafted, adopted by
a decision (or on a date), published; never changed once adopted — the rules they set
for meetings (read as in force on a meeting's date), the differences between versions,
and the members' signatures of each version's ethics statement.

One verb per module: ``drafting``, ``adopting``, ``in_force``, ``diff``, ``ethics``,
``compliance``; ``versions`` reads them, ``fields`` describes the structured rules and
``draft_file`` reads a draft written as a TOML or JSON file.
"""
