"""The Meetings page: list (next meeting first) and the create/edit dialog.

Later work (agenda, attendance, minutes) extends this package with its own modules and
opens them from ``MeetingsPage.open_meeting``.
"""
