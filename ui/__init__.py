"""The PySide6 desktop application: a thin layer over ``secretariat.services``.

Each user action is a named operation in ``ui.operations`` run on the single database
worker (``ui.worker``) and wrapped in an undo command (``ui.commands``); views only
display rows and refresh what an operation reports as changed.
"""
