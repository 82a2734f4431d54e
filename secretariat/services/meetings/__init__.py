"""Meetings: scheduling, agenda and attendance, minutes, decisions and action items.

The package itself answers for scheduling, the agenda and attendance (``schedule``,
``agenda``); the other records have their own modules: ``minutes``, ``decisions``,
``decision_log``, ``actions``. ``guards`` refuses edits of approved records.
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
