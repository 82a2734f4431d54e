"""See ``ui/operations/__init__.py``: a forwarding name for data.py only."""

from ui.meetings.actions import MeetingForm  # noqa: F401
