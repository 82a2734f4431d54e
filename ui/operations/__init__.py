"""Kept only for ``ui/meeting_editor/data.py``, which imports ``MeetingForm`` from here and
is being rewritten on another branch (readmodel). User actions live in each page's
``actions.py`` (see README, "Contributing: how a user action is built"); delete this
package once data.py imports ``ui.meetings.actions``."""
