"""Supplements to the Qt translations PySide6 ships (see the .ts file)."""
