"""The meeting editor: one window per meeting with tabs for details, agenda and papers,
attendance with quorum, minutes with versions, decisions and action items, and exports.

``data`` reads everything the window shows in one worker job; ``ops_*`` are the writes
(plain functions over a session, each returning a ``Change``); ``commands`` wraps them
as undoable commands; the remaining modules are the tabs and their dialogs.
"""

from ui.meeting_editor.window import MeetingEditor, open_meeting_editor  # noqa: F401
