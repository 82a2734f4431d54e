"""The Meetings page: list (next meeting first) and the create/edit dialog.

The agenda, attendance, minutes and decisions of one meeting live in ``ui.meeting_editor``,
opened from ``MeetingsPage.open_meeting``.
"""
