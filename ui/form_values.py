"""What the frozen dataclasses edited by dialogs and tabs share (no Qt).

A form's field names are the record's attribute names and the service's keyword
arguments, so a form reads itself from a record, passes itself to a service, and says
which fields an edit changes (only those are written, so undo restores only those).
"""

from __future__ import annotations


class FormValues:
    """Mixin for a frozen dataclass whose fields mirror a record's attributes."""

    @classmethod
    def read_from(cls, record):
        """The form filled with ``record``'s current values."""
        return cls(**{name: getattr(record, name) for name in cls.__dataclass_fields__})

    def as_fields(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    def changes_from(self, old) -> dict:
        """The fields whose value differs from ``old`` (another form of the same kind)."""
        return {name: value for name, value in self.as_fields().items()
                if value != getattr(old, name)}
