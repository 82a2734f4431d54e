"""Conflicts of interest (利益衝突), one verb per module: ``declare`` (declarations of
interests, item by item, public or private), ``listing`` (reading them back),
``overdue`` (who owes a declaration), ``meeting_declare`` (interests declared on agenda
items, which become recusals), ``flags`` (likely conflicts before a meeting),
``breaches`` (breaches and sanctions), ``register`` (the public register, public items
only).

The package's __init__ imports nothing, so ``services.meetings`` can be imported by
these modules without a cycle; import from the modules.
"""
