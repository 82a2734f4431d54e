"""Meetings as documents show them: plain frozen values built from the meeting record
(``services.meetings.meeting_record``), the one read model of a meeting.

The renderers (PDF, calendar) see only these values: every choice of language (the
``*_en`` field when it is filled in, else the Chinese one), local time and grouping is
made here once, so the renderers only lay things out.

This module is the import path the renderers, the CLI and the tests use; the values live
in ``document_language`` (language choice), ``agenda_data`` (a meeting and its agenda)
and ``minutes_data`` (attendance, minutes, decisions and actions).
"""

from __future__ import annotations

from secretariat.export.agenda_data import (  # noqa: F401  (public API of this module)
    ItemData,
    MeetingData,
    forum_slug,
    load_meeting,
    meeting_data,
)
from secretariat.export.document_language import (  # noqa: F401  (public API of this module)
    organisation_name,
    person_name,
    pick,
    rendering_language,
)
from secretariat.export.minutes_data import (  # noqa: F401  (public API of this module)
    ActionData,
    AttendanceData,
    AttendeeData,
    DecisionData,
    DissentData,
    MinutesData,
    MinutesRecord,
    load_minutes_record,
    minutes_record,
)
