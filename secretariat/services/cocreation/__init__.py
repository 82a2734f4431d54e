"""Co-creation records of an action-plan cycle, one verb per module:

``cycles`` (record a cycle and its timeline), ``web`` (the national OGP web page and the
publication log), ``consultations`` (open a consultation window), ``contributions``
(record a contribution, respond to it, the overdue list), ``import_contributions`` (CSV,
all or nothing), ``proposals`` (assess and decide commitment proposals), ``commitments``
(commitments, milestones and progress updates), ``outreach`` (activities, questions and
answers), ``attestations`` (a statement with its evidence). Each validates, then writes:
a refused input saves nothing. ``checks`` holds the validations they share.
"""
