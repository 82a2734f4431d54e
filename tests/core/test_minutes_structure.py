"""The minutes PDF states what Taiwan's rules of meetings (內政部《會議規範》) ask of a
minutes record: those present co-chairs first and then by seat, reports with their
presenter and 決定, motions with who proposed them, 說明 and 決議, how a vote was taken
and who voted how by roll call, other business, the close, and the confirmation with
the chair's and the note-taker's lines."""

from __future__ import annotations

import re

from secretariat.export import render_minutes_pdf
from secretariat.model import ItemPurpose, MeetingKind, Role, VoteChoice
from secretariat.services import meetings as meeting_service
from secretariat.services.meetings import decisions as decision_service
from secretariat.services.meetings import minutes as minutes_service
from tests.core.export_helpers import pdf_text
from tests.core.factories import make_meeting, make_person_with_membership


def squeezed(path) -> str:
    return re.sub(r"\s+", "", pdf_text(path))


def _meeting(s, kind=MeetingKind.FORUM):
    zhao, _m = make_person_with_membership(s, "Zhao Member")
    adams, _m = make_person_with_membership(s, "Adams Member")
    young, _m = make_person_with_membership(s, "Young Cochair", role=Role.CO_CHAIR)
    meeting = make_meeting(s, items=(), attendees=[adams, young, zhao], kind=kind)
    report = meeting_service.add_agenda_item(s, meeting.id, title="Report of the secretariat",
                                             purpose=ItemPurpose.INFORMATION,
                                             presenter="Secretariat head")
    motion = meeting_service.add_agenda_item(s, meeting.id, title="Draft commitments",
                                             purpose=ItemPurpose.DECISION)
    decision_service.record_decision(s, meeting_id=meeting.id, agenda_item_id=report.id,
                                     text="The report is noted.")
    decision_service.record_decision(
        s, meeting_id=meeting.id, agenda_item_id=motion.id, text="The drafts are adopted.",
        method="vote", named_votes={zhao.id: VoteChoice.FOR, young.id: VoteChoice.FOR,
                                    adams.id: VoteChoice.AGAINST})
    decision_service.record_decision(s, meeting_id=meeting.id, text="A site visit in May.")
    minutes = minutes_service.start_minutes(s, meeting.id)
    minutes_service.set_minutes_text(s, minutes.id, agenda_item_id=motion.id,
                                     text="The secretariat explained the drafts.")
    s.commit()
    return meeting.id


def test_minutes_follow_the_rules_of_meetings(session, forum, tmp_path):
    out = tmp_path / "minutes.pdf"
    render_minutes_pdf(session, _meeting(session), out, language="en")
    text = squeezed(out)
    # Co-chairs first, then seat order (Zhao's seat before Adams's), not by name.
    assert "YoungCochair(" not in text  # no organisation: the co-chair mark follows
    assert "Present(3)YoungCochair,co-chair;ZhaoMember;AdamsMember" in text
    assert "3presentwiththerighttotakepart" in text
    order = ["Reports", "Item1:Reportofthesecretariat", "Presentedby:Secretariathead",
             "Decisiononthereport·Decision", "Motionsfordiscussion", "Item2:Draftcommitments",
             "Proposedby:Government", "Explanation:", "Thedraftsareadopted.", "Byrollcall.",
             "Votes:2for,1against,0abstaining", "For:ZhaoMember;YoungCochair",
             "Against:AdamsMember", "Otherbusiness", "AsitevisitinMay.",
             "Themeetingclosedat", "Tobeconfirmedatthenextmeeting.", "Chair:", "Note-taker:"]
    positions = [text.find(part) for part in order]
    assert -1 not in positions, [p for p, at in zip(order, positions) if at == -1]
    assert positions == sorted(positions), list(zip(order, positions))


def test_a_working_group_records_conclusions(session, forum, tmp_path):
    out = tmp_path / "minutes.pdf"
    render_minutes_pdf(session, _meeting(session, MeetingKind.WORKING_GROUP), out, language="en")
    text = squeezed(out)
    assert text.count("Conclusion·Decision") == 3
    assert "Decisiononthereport" not in text
