"""Minutes and action items of the large demo, in bulk (see ``large`` for why bulk).

Every held meeting gets one version of minutes with an entry per agenda item, in Chinese
(minutes have no English field), so full-text search and the minutes PDF have ten years
of text to work on.
The minutes stay *circulated* (the most recent ones *draft*): approving them means
entering them, and their meetings' decisions, in the hash-chained audit log one by one,
which is what ``services.minutes.approve_minutes`` is for; bulk rows must not pretend to
be approved without those entries. About one decision in ten has an action item.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from secretariat.demo import texts
from secretariat.model import (
    ActionItem,
    ActionStatus,
    MeetingStatus,
    Minutes,
    MinutesEntry,
    MinutesStatus,
)

if TYPE_CHECKING:
    from secretariat.demo.large import _Builder

RECENT_DRAFTS = 3  # the last held meetings still have draft minutes


def add_large_meeting_records(builder: _Builder) -> None:
    rng = builder.rng
    held = [i for i, p in enumerate(builder.plans) if p.status == MeetingStatus.HELD]
    drafts = set(held[-RECENT_DRAFTS:])
    minutes_rows = []
    for index in held:
        plan = builder.plans[index]
        circulated = index not in drafts
        minutes_rows.append({
            "meeting_id": builder.meeting_ids[index], "version_no": 1,
            "status": MinutesStatus.CIRCULATED if circulated else MinutesStatus.DRAFT,
            "circulated_at": plan.ends_at + dt.timedelta(days=7) if circulated else None,
            "circulated_to": texts.ALL_MEMBERS if circulated else "",
            "general_text": texts.CLOSING_REMARKS.format(title=plan.title),
        })
    minutes_ids = builder.insert(Minutes, minutes_rows, span=(0.0, 0.3))
    entry_rows = []
    for minutes_id, index in zip(minutes_ids, held, strict=True):
        for position, (item_id, _purpose, title) in enumerate(
                builder.items_by_meeting[index], 1):
            presenter = builder.person_names[rng.randrange(len(builder.person_names))]
            entry_rows.append({
                "minutes_id": minutes_id, "agenda_item_id": item_id, "position": position,
                "text": texts.minutes_entry(rng, title, presenter),
            })
    builder.insert(MinutesEntry, entry_rows, ids=False, span=(0.3, 0.8))
    builder.insert(ActionItem, _action_rows(builder), ids=False, span=(0.8, 1.0))


def _action_rows(builder: _Builder) -> list[dict]:
    rng = builder.rng
    rows = []
    for decision_id, index, item_id in builder.decisions:
        if rng.random() >= 0.1:
            continue
        day = builder.plans[index].local_date
        due = day + dt.timedelta(days=rng.choice((30, 60, 90)))
        status = rng.choice((ActionStatus.DONE, ActionStatus.DONE, ActionStatus.IN_PROGRESS,
                             ActionStatus.OPEN))
        rows.append({
            "meeting_id": builder.meeting_ids[index], "agenda_item_id": item_id,
            "decision_id": decision_id, "owner_person_id": rng.choice(builder.person_ids),
            "description": texts.ACTION_DESCRIPTION_UNNUMBERED,
            "due_on": due, "status": status,
            "completed_on": due - dt.timedelta(days=2) if status == ActionStatus.DONE else None,
        })
    return rows
