"""Meetings: scheduling, agenda and attendance, minutes, decisions and action items.

The package itself answers for scheduling, the agenda and attendance (``schedule``,
``agenda``); the other records have their own modules: ``minutes``, ``decisions``,
``decision_log``, ``actions``. ``guards`` refuses edits of approved records. ``record``
reads a meeting's whole record (``meeting_record``) and ``public_record`` decides what of
it may be published (``public_projection``).
"""

from secretariat.services.meetings.schedule import (  # noqa: F401  (the package's public face)
    AttendanceSummary,
    add_agenda_item,
    attendance_summary,
    move_agenda_item,
    remove_agenda_item,
    remove_attendance,
    set_attendance,
    update_agenda_item,
    MAX_DURATION,
    MeetingRow,
    MeetingProblem,
    check_meeting,
    MeetingValues,
    meeting_values,
    schedule_meeting,
    update_meeting,
    cancel_meeting,
    delete_meeting,
    list_meetings,
    next_meeting,
    local_time,
)
# The meeting record: one read model for the editor, the command line and the documents,
# and the one decision of what of it may be published.
from secretariat.services.meetings.record import (  # noqa: F401,E402
    MeetingRecord,
    meeting_record,
)
from secretariat.services.meetings.public_record import public_projection  # noqa: F401,E402
