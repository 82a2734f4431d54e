"""Likely conflicts before a meeting: a member's declared interest names an organisation
(on record in either language, or typed) that an agenda item or one of its papers names."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.interest_vocabulary import InterestKind, MeetingInterestAction
from secretariat.services import documents
from secretariat.services.interests import flags, meeting_declare
from secretariat.services.interests.declare import ItemInput, declare_interests
from secretariat.services.members.people import get_or_create_organisation
from tests.core.factories import make_meeting, make_person_with_membership

DECLARED = dt.date(2026, 1, 2)


@pytest.fixture
def members(session):
    chen, _ = make_person_with_membership(session, "陳大文")
    lin, _ = make_person_with_membership(session, "林美玲")
    return chen, lin


def _declare(session, person, **item):
    declare_interests(session, person_id=person.id, declared_on=DECLARED,
                      items=[ItemInput(kind=InterestKind.BOARD_SEAT, **item)])


def _flagged(session, meeting):
    return [(f.person_name, f.item_title, f.organisation, f.where)
            for f in flags.likely_conflicts(session, meeting.id)]


def test_an_organisation_on_record_named_in_an_item_title_is_flagged(session, members):
    chen, lin = members
    foundation = get_or_create_organisation(session, "臺灣開放資料基金會")
    foundation.name_en = "Taiwan Open Data Foundation"
    _declare(session, chen, organisation_id=foundation.id, description="董事")
    meeting = make_meeting(session, items=["開幕", "補助台灣開放資料基金會案",
                                           "Report by the TAIWAN OPEN DATA Foundation"])
    assert _flagged(session, meeting) == [
        # 臺 and 台 are one name; English matches whatever the case.
        ("陳大文", "補助台灣開放資料基金會案", "臺灣開放資料基金會", flags.IN_ITEM_TITLE),
        ("陳大文", "Report by the TAIWAN OPEN DATA Foundation", "Taiwan Open Data Foundation",
         flags.IN_ITEM_TITLE),
    ]


def test_a_typed_organisation_named_in_a_paper_is_flagged(session, members, tmp_path):
    chen, lin = members
    _declare(session, lin, organisation_name="公民科技協會", is_public=False)
    meeting = make_meeting(session, items=["開幕", "預算"])
    source = tmp_path / "budget.pdf"
    source.write_bytes(b"%PDF-1.4 budget")
    paper = documents.add_document(session, documents_dir=tmp_path / "docs", source=source,
                                   title="預算書", description="含公民科技協會之委辦經費")
    documents.attach_document(session, meeting.agenda_items[1].id, paper.id)
    found = flags.likely_conflicts(session, meeting.id)
    assert [(f.person_name, f.item_title, f.where, f.paper, f.is_private) for f in found] \
        == [("林美玲", "預算", flags.IN_PAPER, "預算書", True)]


def test_nothing_is_flagged_when_no_declared_organisation_is_named(session, members):
    chen, _ = members
    _declare(session, chen, organisation_name="公民科技協會")
    meeting = make_meeting(session, items=["開幕", "行動方案進度"])
    assert flags.likely_conflicts(session, meeting.id) == []


def test_people_who_are_not_members_nor_attending_are_not_flagged(session, members):
    chen, _ = members
    outsider, _ = make_person_with_membership(session, "前委員",
                                              term_start=dt.date(2020, 1, 1),
                                              term_end=dt.date(2021, 1, 1))
    _declare(session, outsider, organisation_name="公民科技協會")
    meeting = make_meeting(session, items=["公民科技協會報告"])
    assert flags.likely_conflicts(session, meeting.id) == []


def test_a_flag_says_whether_the_member_already_declared_it(session, members):
    chen, _ = members
    _declare(session, chen, organisation_name="公民科技協會")
    meeting = make_meeting(session, items=["公民科技協會報告"], attendees=[chen],
                           starts_at=dt.datetime(2026, 2, 1, 10, tzinfo=dt.timezone.utc))
    meeting_declare.declare_at_meeting(
        session, meeting_id=meeting.id, agenda_item_id=meeting.agenda_items[0].id,
        person_id=chen.id, nature="理事", action=MeetingInterestAction.RECUSED)
    (flag,) = flags.likely_conflicts(session, meeting.id)
    assert flag.declared_action == MeetingInterestAction.RECUSED


def test_folding_ignores_width_case_and_spaces():
    assert flags.folded("ＯＧＰ  Taiwan") == flags.folded("ogp taiwan")
    assert flags.folded("臺北") == flags.folded("台北")
