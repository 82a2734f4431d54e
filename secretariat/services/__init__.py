"""Use cases: one function per thing a user does, over a SQLAlchemy session.

The GUI and the command line call only these. Functions validate their input and raise
``SecretariatError`` with a message a clerk understands; they flush but never commit, so
the caller decides what one transaction (and one undo step) contains.
"""
