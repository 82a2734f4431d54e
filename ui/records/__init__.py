"""Records across meetings: the decision log, action items and the global search.

``page.MinutesDecisionsPage`` is the "Minutes and decisions" navigation page (a tab per
list); ``search_panel.install_search`` puts the search box in a main window's toolbar.
Queries run on the shell's database worker (``ui.worker``), or on any object with the
same ``submit(job, on_done, on_error)`` shape (``runner.SessionRunner`` in tests and
benchmarks).
"""
