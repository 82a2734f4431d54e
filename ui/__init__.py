"""The PySide6 desktop application: a thin layer over ``secretariat.services``.

One package per navigation entry (``members``, ``meetings`` with ``meeting_editor``,
``records`` for "Minutes and decisions" and the search), each with its page, its
``actions.py`` (one function per user action, run on the database worker, calling
services and returning ``ui.changes.Changes``) and its ``undo.py`` (one named command per
undoable action, on the shared ``ui.undo.UndoStack``). Views refresh only when the
``Changes`` the worker announces touch what they show. See README, "Contributing".
"""
