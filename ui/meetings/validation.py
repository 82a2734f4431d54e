"""What the meeting dialog and the editor's Details tab check before saving a meeting.

One list of checks for both, worded for the clerk and shown beside the field, so neither
form lets through what the service would refuse (``services.meetings`` has the final say).
"""

from __future__ import annotations

from secretariat.i18n import _
from secretariat.model import Modality
from secretariat.services.meetings import MAX_DURATION


def meeting_problems(form, zone_known: bool) -> dict[str, str]:
    """Field key -> message for what the service would refuse (shown before saving).

    Works on any object with the meeting's field names (MeetingForm or DetailsForm)."""
    found: dict[str, str] = {}
    if not form.title.strip():
        found["title"] = _("Enter the meeting's title.")
    if not zone_known:
        found["time_zone"] = _("Choose a time zone from the list, e.g. Asia/Taipei.")
    if form.ends_at <= form.starts_at:
        found["ends_at"] = _("The meeting must end after it starts.")
    elif form.ends_at - form.starts_at > MAX_DURATION:
        found["ends_at"] = _("A meeting cannot last more than 24 hours.")
    if form.modality in (Modality.IN_PERSON, Modality.HYBRID) and not form.location:
        found["location"] = _("An in-person or hybrid meeting needs a location.")
    if form.modality in (Modality.REMOTE, Modality.HYBRID) and not form.remote_link:
        found["remote_link"] = _("A remote or hybrid meeting needs a link.")
    elif form.remote_link and not form.remote_link.lower().startswith(("https://", "http://")):
        found["remote_link"] = _("The link should be a web address starting with https://.")
    notice = getattr(form, "notice_sent_at", None)
    if notice is not None and not getattr(form, "notice_recipients", "").strip():
        found["notice_recipients"] = _("Say to whom the notice was sent.")
    return found
