"""Conflicts of interest (利益衝突), one verb per module: ``declare`` (declarations of
interests, item by item, public or private), ``listing`` (reading them back),
``overdue`` (who owes a declaration), ``meeting_declare`` (interests declared on agenda
items, which become recusals), ``flags`` (likely conflicts before a meeting),
``breaches`` (breaches and sanctions), ``register`` (the public register, public items
only).

Import from the modules. They use ``services.meetings`` (entitled voters, the meeting's
local day); ``services.meetings.decisions`` reads the declarations straight from the
model, so the two packages never import each other.
"""
