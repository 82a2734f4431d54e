"""The demo forum's terms of reference: version 1, adopted on a date before the decision
log was kept (quorum 50 %), and version 2, adopted by a decision recorded at the last
forum meeting held (quorum raised to 60 %, notice cut to 10 days), so the rule change
shows in the meetings' quorum and in ``tor diff 1 2``. Every member in office has signed
version 2's ethics statement but one, whom ``ethics unsigned`` lists.

Called once from ``small.build_small`` after the meeting records.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.demo.schedule import ZONE
from secretariat.model import Meeting, MeetingKind, MeetingStatus, Seat, Sector
from secretariat.services.meetings import decisions
from secretariat.services.terms import adopting, drafting, ethics

TEXTS = {
    "mandate": ("本論壇監督國家開放政府行動方案之共同創建與執行，並促進政府與公民社會之對話。",
                "The forum oversees the co-creation and implementation of the national open "
                "government action plan and fosters dialogue between government and civil "
                "society."),
    "composition": ("政府與非政府代表席次相等；每席得置代理人一名。",
                    "Government and non-government members hold equal numbers of seats; each "
                    "seat may have one alternate."),
    "selection": ("非政府委員由公民社會以公開、透明之程序自行推選，政府不介入。",
                  "Non-government members are chosen by civil society itself through an open, "
                  "transparent process, without government involvement."),
    "terms": ("委員任期兩年，得連任一次。", "Members serve two years and may serve one further term."),
    "meetings": ("行動方案研擬期間每季至少開會一次，執行期間每半年至少一次。",
                 "The forum meets at least quarterly while the action plan is developed, and "
                 "at least every six months during implementation."),
    "notice": ("會議通知及議程應於會前送達全體委員。",
               "Notice and agenda reach every member before the meeting."),
    "agenda": ("議程由共同主席會同秘書處擬定，委員得提案。",
               "The co-chairs set the agenda with the secretariat; any member may propose "
               "items."),
    "decisions": ("決議以共識為原則；無法達成共識時，以出席委員過半數決之。",
                  "Decisions are taken by consensus; failing consensus, by a majority of the "
                  "members present."),
    "conflicts": ("委員就涉及本身利益之議案應揭露並迴避。",
                  "Members declare any interest in a matter and recuse themselves from it."),
    "minutes": ("會議紀錄載明討論摘要、決議及不同意見。",
                "Minutes record a summary of the discussion, the decisions and any dissent."),
    "powers": ("本論壇就行動方案之承諾內容及優先順序作成決議，送請政府採納。",
               "The forum decides on the commitments of the action plan and their priority, "
               "for adoption by the government."),
    "co_chairs": ("本論壇置共同主席二人，由政府及非政府委員各推選一人。",
                  "The forum has two co-chairs, one chosen by the government members and one "
                  "by the non-government members."),
    "publication": ("會議紀錄、決議及本職權範圍均公開於論壇網站。",
                    "Minutes, decisions and these terms of reference are published on the "
                    "forum's website."),
    "ethics": ("本人承諾以公共利益為先，誠實、公正執行委員職務，並揭露任何利益衝突。",
               "I undertake to put the public interest first, to serve honestly and "
               "impartially, and to declare any conflict of interest."),
}
V2_TEXTS = {
    "notice": ("會議通知及議程應於會前十日送達全體委員；緊急會議不在此限。",
               "Notice and agenda reach every member ten days before the meeting, except for "
               "urgent meetings."),
    "decisions": ("決議以共識為原則；無法達成共識時，以出席委員過半數決之。法定出席人數為委員"
                  "百分之六十。",
                  "Decisions are taken by consensus; failing consensus, by a majority of the "
                  "members present. The quorum is sixty per cent of the members."),
}
METHODS = ("paper", "electronic", "in_meeting")


def add_terms(s: Session, rng: random.Random, now: dt.datetime) -> None:
    meetings = list(s.scalars(select(Meeting).order_by(Meeting.starts_at)))
    first_day = meetings[0].starts_at.date() - dt.timedelta(days=30)
    seats = Counter(s.scalars(select(Sector.code).join(Seat, Seat.sector_id == Sector.id)))
    drafting.draft_version(
        s, rules={"quorum_percent": 50, "notice_days": 14},
        texts={topic: {"zh_TW": zh, "en": en} for topic, (zh, en) in TEXTS.items()},
        seats={code: (count, count) for code, count in seats.items()},
        change_note="第一版職權範圍。")
    adopting.adopt_version(s, 1, on=first_day)

    forum_meetings = [m for m in meetings if m.kind == MeetingKind.FORUM
                      and m.status == MeetingStatus.HELD]
    deciding = forum_meetings[-1]
    decision = decisions.record_decision(
        s, meeting_id=deciding.id, text="通過職權範圍第2版：法定出席人數提高為百分之六十，"
        "通知期間縮短為十日。", text_en="Version 2 of the terms of reference is adopted: the "
        "quorum rises to sixty per cent, the notice period becomes ten days.")
    drafting.draft_version(
        s, rules={"quorum_percent": 60, "notice_days": 10},
        texts={topic: {"zh_TW": zh, "en": en} for topic, (zh, en) in V2_TEXTS.items()},
        change_note="法定出席人數 50% → 60%；通知期間 14 日 → 10 日。")
    terms = adopting.adopt_version(s, 2, decision_id=decision.id)
    adopting.publish_version(s, 2, on=terms.adopted_on + dt.timedelta(days=3))
    adopting.publish_version(s, 1, on=first_day + dt.timedelta(days=7))

    today = now.astimezone(ZONE).date()
    version_1_signed = first_day + dt.timedelta(days=14)
    _sign(s, rng, 1, version_1_signed, on=version_1_signed, leave_out=0)
    _sign(s, rng, 2, today, on=min(today, terms.adopted_on + dt.timedelta(days=5)),
          leave_out=1, meeting_id=deciding.id)


def _sign(s: Session, rng: random.Random, version_no: int, in_office: dt.date, *,
          on: dt.date, leave_out: int, meeting_id: int | None = None) -> None:
    """Everyone in office on ``in_office`` signs on ``on``, but the last ``leave_out``."""
    unsigned = ethics.unsigned_members(s, in_office).members
    for member in unsigned[:len(unsigned) - leave_out]:
        method = rng.choice(METHODS if meeting_id is not None else METHODS[:2])
        ethics.sign_statement(s, member.person_id, version_no, on=on, method=method,
                              meeting_id=meeting_id if method == "in_meeting" else None,
                              today=on)
