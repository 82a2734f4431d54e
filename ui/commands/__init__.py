"""One small QUndoCommand per domain action, run on the database worker."""
