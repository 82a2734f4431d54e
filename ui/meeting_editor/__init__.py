"""The meeting editor: one window per meeting with tabs for details, agenda and papers,
attendance with quorum, minutes with versions, decisions and action items, and exports.

``data`` reads everything the window shows in one worker job; ``actions`` are the writes
(plain functions over a session calling services, each returning ``Changes``); ``undo``
has one named command per undoable action; the remaining modules are the tabs and their
dialogs.
"""

from ui.meeting_editor.window import MeetingEditor, open_meeting_editor  # noqa: F401
