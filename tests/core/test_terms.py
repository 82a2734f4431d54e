"""Terms of reference: versions drafted, adopted (by a decision or on a date) and
published; an adopted version never changes, even by code that bypasses the services;
the rules of the version in force on a meeting's date are the rules it is judged by."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from secretariat.errors import SecretariatError
from secretariat.model import Meeting, TermsClause, TermsOfReference, TermsSeats
from secretariat.services.meetings import attendance_summary, update_meeting
from secretariat.services.meetings.decisions import record_decision
from secretariat.services.terms import adopting, diff, drafting, in_force, versions
from secretariat.services.terms.compliance import meeting_frequency, notice_check
from secretariat.terms_vocabulary import TermsStatus
from tests.core.factories import TAIPEI, make_forum, make_meeting, make_members

V2_DAY = dt.date(2026, 3, 1)


def _adopted_v1(s, *, quorum=50, on=dt.date(2025, 12, 1)):
    make_forum(s)
    drafting.draft_version(s, rules={"quorum_percent": quorum, "notice_days": 7},
                           texts={"mandate": {"zh_TW": "監督行動方案。", "en": "Oversee the plan."}},
                           seats={"civil_society": (6, 6), "government_agency": (6, 0)})
    return adopting.adopt_version(s, 1, on=on)


def test_a_draft_copies_the_version_in_force_and_changes_what_it_is_given(session):
    _adopted_v1(session)
    draft = drafting.draft_version(session, rules={"quorum_percent": 60},
                                   today=dt.date(2026, 1, 1))
    shown = versions.view(session, draft)
    assert (shown.version_no, shown.status) == (2, TermsStatus.DRAFT)
    assert shown.rules["quorum_percent"] == 60 and shown.rules["notice_days"] == 7
    assert shown.texts["mandate"] == ("監督行動方案。", "Oversee the plan.")
    assert [(r.sector_code, r.seats, r.alternates) for r in shown.seats] == [
        ("government_agency", 6, 0), ("civil_society", 6, 6)]


def test_only_one_draft_at_a_time(session):
    _adopted_v1(session)
    drafting.draft_version(session)
    with pytest.raises(SecretariatError, match="Version 2 .* is still a draft"):
        drafting.draft_version(session)


def test_rules_are_checked_before_anything_is_written(session):
    make_forum(session)
    with pytest.raises(SecretariatError, match="Quorum must be a whole number from 1 to 100"):
        drafting.draft_version(session, rules={"quorum_percent": 0})
    with pytest.raises(SecretariatError, match="qualified majority needs"):
        drafting.draft_version(session, rules={"decision_rule": "qualified_majority"})
    with pytest.raises(SecretariatError, match="not a topic"):
        drafting.draft_version(session, texts={"weather": {"en": "sunny"}})
    assert versions.all_versions(session) == []


def test_adopted_by_a_decision_takes_the_decision_meetings_date(session):
    _adopted_v1(session)
    meeting = make_meeting(session, starts_at=dt.datetime(2026, 3, 1, 14, tzinfo=TAIPEI))
    decision = record_decision(session, meeting_id=meeting.id, text="通過職權範圍修正。")
    drafting.draft_version(session, rules={"quorum_percent": 60})
    adopted = adopting.adopt_version(session, 2, decision_id=decision.id)
    assert (adopted.status, adopted.adopted_on) == (TermsStatus.ADOPTED, V2_DAY)
    assert versions.view_version(session, 2).adopted_by_decision_number == decision.number


def test_a_date_stands_in_for_the_decision_only_before_the_decision_log(session):
    _adopted_v1(session)
    meeting = make_meeting(session, starts_at=dt.datetime(2026, 3, 1, 14, tzinfo=TAIPEI))
    record_decision(session, meeting_id=meeting.id, text="第一個登錄的決議。")
    drafting.draft_version(session, rules={"quorum_percent": 60})
    with pytest.raises(SecretariatError, match="records its decisions since 2026-03-01"):
        adopting.adopt_version(session, 2, on=dt.date(2026, 3, 2))
    assert adopting.adopt_version(session, 2, on=dt.date(2026, 2, 28)).adopted_on == \
        dt.date(2026, 2, 28)


def test_a_version_cannot_come_into_force_before_an_earlier_one(session):
    _adopted_v1(session, on=dt.date(2026, 2, 1))
    drafting.draft_version(session)
    with pytest.raises(SecretariatError, match="Version 1 was adopted on 2026-02-01"):
        adopting.adopt_version(session, 2, on=dt.date(2026, 1, 1))
    with pytest.raises(SecretariatError, match="still to come"):
        adopting.adopt_version(session, 2, on=dt.date(2026, 3, 1), today=dt.date(2026, 2, 2))


def test_the_version_in_force_follows_the_adoption_dates(session):
    _adopted_v1(session, quorum=50)
    drafting.draft_version(session, rules={"quorum_percent": 60})
    adopting.adopt_version(session, 2, on=V2_DAY)
    assert in_force.terms_in_force(session, dt.date(2025, 11, 30)) is None
    assert in_force.rules_on(session, dt.date(2025, 11, 30)).quorum_percent == 50  # default
    assert in_force.rules_on(session, V2_DAY - dt.timedelta(days=1)).version_no == 1
    assert in_force.rules_on(session, V2_DAY).quorum_percent == 60


def test_a_meeting_before_version_2_is_judged_by_version_1s_quorum(session):
    """Five members, three attending: 60 % of five is three (met) under version 1's 60 %,
    but version 2's 70 % needs four."""
    make_forum(session)
    members = make_members(session, 5)
    _adopted_v1(session, quorum=60)
    drafting.draft_version(session, rules={"quorum_percent": 70})
    adopting.adopt_version(session, 2, on=V2_DAY)
    before = make_meeting(session, starts_at=dt.datetime(2026, 2, 10, 14, tzinfo=TAIPEI),
                          attendees=members[:3])
    after = make_meeting(session, starts_at=dt.datetime(2026, 3, 10, 14, tzinfo=TAIPEI),
                         attendees=members[:3])
    old, new = attendance_summary(session, before.id), attendance_summary(session, after.id)
    assert (old.terms_version, old.quorum_required, old.quorum_met) == (1, 3, True)
    assert (new.terms_version, new.quorum_required, new.quorum_met) == (2, 4, False)


def test_balance_needs_the_members_the_terms_ask_of_each_side(session):
    make_forum(session)
    members = make_members(session, 4)  # civil society, government, civil society, government
    drafting.draft_version(session, rules={"min_attending_per_side": 1})
    adopting.adopt_version(session, 1, on=dt.date(2025, 12, 1))
    one_side = make_meeting(session, attendees=[members[0], members[2]])
    both = make_meeting(session, attendees=[members[0], members[1]])
    assert attendance_summary(session, one_side.id).balance_met is False
    assert attendance_summary(session, both.id).balance_met is True


def test_notice_is_judged_by_the_period_in_force_on_the_meeting_day(session):
    _adopted_v1(session)  # notice 7 days
    meeting = make_meeting(session, starts_at=dt.datetime(2026, 2, 10, 14, tzinfo=TAIPEI))
    update_meeting(session, meeting.id, notice_sent_at=dt.datetime(2026, 2, 5, 9, tzinfo=TAIPEI),
                   notice_recipients="members@example.org")
    check = notice_check(session, meeting)
    assert (check.terms_version, check.required_days, check.given_days, check.met) == (
        1, 7, 5, False)


def test_meeting_frequency_against_the_terms(session):
    _adopted_v1(session)  # development 4 a year, implementation 2 (defaults)
    for month in (1, 2):
        make_meeting(session, starts_at=dt.datetime(2026, month, 10, 14, tzinfo=TAIPEI),
                     phase="implementation")
    rows = meeting_frequency(session, 2026, today=dt.date(2026, 12, 31)).rows
    assert [(r.phase.value, r.required, r.held, r.met) for r in rows] == [
        ("development", 4, 0, False), ("implementation", 2, 2, True)]


# --- adopted versions never change --------------------------------------------------------


def test_an_adopted_version_cannot_be_edited_through_the_services(session):
    _adopted_v1(session)
    with pytest.raises(SecretariatError, match="Version 1 of the terms of reference is adopted"):
        drafting.update_draft(session, 1, rules={"quorum_percent": 99})
    with pytest.raises(SecretariatError, match="is adopted"):
        drafting.discard_draft(session, 1)


@pytest.mark.parametrize("change", ["rule", "clause", "new clause", "seats", "delete",
                                    "status back to draft"])
def test_the_store_refuses_changing_an_adopted_version_behind_the_services(session, change):
    _adopted_v1(session)
    session.commit()
    terms = session.scalars(select(TermsOfReference)).one()
    if change == "rule":
        terms.quorum_percent = 99
    elif change == "clause":
        terms.clauses[0].text_en = "Rewritten."
    elif change == "new clause":
        session.add(TermsClause(terms_id=terms.id, topic="powers", text_zh_tw="", text_en="x"))
    elif change == "seats":
        session.scalars(select(TermsSeats)).first().seats = 1
    elif change == "delete":
        session.delete(terms)
    else:
        terms.status = TermsStatus.DRAFT
    with pytest.raises(SecretariatError, match="adopted and cannot change"):
        session.flush()
    session.rollback()
    assert versions.view_version(session, 1).rules["quorum_percent"] == 50


def test_version_history_never_rewrites_an_adopted_version(session):
    """Drafting, editing, adopting and publishing later versions leaves version 1 exactly
    as it was adopted."""
    _adopted_v1(session)
    session.commit()
    first = versions.view_version(session, 1)
    drafting.draft_version(session, rules={"quorum_percent": 60},
                           texts={"mandate": {"en": "Oversee and co-create the plan."}},
                           seats={"civil_society": (0, 0)})
    drafting.update_draft(session, 2, rules={"notice_days": 10})
    adopting.adopt_version(session, 2, on=V2_DAY)
    adopting.publish_version(session, 1, on=dt.date(2025, 12, 5))
    drafting.draft_version(session, rules={"quorum_percent": 70})
    drafting.discard_draft(session, 3)
    session.commit()
    again = versions.view_version(session, 1)
    assert (again.rules, again.texts, again.seats, again.adopted_on) == (
        first.rules, first.texts, first.seats, first.adopted_on)
    assert again.status == TermsStatus.PUBLISHED and again.published_on == dt.date(2025, 12, 5)
    assert [v.version_no for v in versions.all_versions(session)] == [1, 2]


def test_a_published_date_is_set_once(session):
    _adopted_v1(session)
    adopting.publish_version(session, 1, on=dt.date(2025, 12, 5))
    with pytest.raises(SecretariatError, match="was published on 2025-12-05"):
        adopting.publish_version(session, 1, on=dt.date(2025, 12, 6))
    terms = versions.get_version(session, 1)
    terms.published_on = dt.date(2025, 12, 6)
    with pytest.raises(SecretariatError, match="adopted and cannot change"):
        session.flush()


def test_differences_between_versions(session):
    _adopted_v1(session)
    drafting.draft_version(session, rules={"quorum_percent": 60},
                           texts={"mandate": {"zh_TW": "監督並共創行動方案。"}},
                           seats={"civil_society": (7, 6)})
    changes = diff.terms_diff(session, 1, 2)
    assert [(c.field.key, c.old, c.new) for c in changes.rules] == [("quorum_percent", 50, 60)]
    assert [(c.sector_code, c.old, c.new) for c in changes.seats] == [
        ("civil_society", (6, 6), (7, 6))]
    [text] = changes.texts
    assert (text.topic, text.language) == ("mandate", "zh_TW")
    assert ("insert", "並共創") in text.segments
    assert not diff.terms_diff(session, 1, 1).changed


def test_meetings_are_not_frozen_by_the_terms(session):
    """Sanity: recording attendance under adopted terms still works (the guard is about
    the terms' own rows)."""
    _adopted_v1(session)
    meeting = make_meeting(session)
    assert session.get(Meeting, meeting.id) is not None


# --- the audit log -------------------------------------------------------------------------


def test_adopting_and_publishing_enter_the_audit_log_and_tampering_shows(session):
    from sqlalchemy import text

    from secretariat.services import audit

    _adopted_v1(session)
    terms = versions.get_version(session, 1)
    assert audit.is_chained(session, "terms_of_reference", terms.id)
    adopting.publish_version(session, 1, on=dt.date(2025, 12, 5))
    session.commit()
    assert audit.verify_chain(session).ok
    # Behind the program's back (the ORM guard cannot see raw SQL): the chain does.
    session.execute(text("UPDATE terms_clause SET text_en = 'Rewritten.'"))
    session.commit()
    report = audit.verify_chain(session)
    assert not report.ok and report.first_problem.record_type == "terms_of_reference"
    assert "Version 1 of the terms of reference" in report.first_problem.message


def test_the_compliance_engine_reads_the_notice_period_of_each_day(session):
    from secretariat.compliance.terms import notice_days_by_day

    _adopted_v1(session, on=dt.date(2025, 1, 1))
    drafting.draft_version(session, rules={"notice_days": 10})
    adopting.adopt_version(session, 2, on=dt.date(2025, 6, 1))
    session.commit()
    on = notice_days_by_day(session)
    assert (on(dt.date(2024, 12, 31)), on(dt.date(2025, 5, 31)), on(dt.date(2025, 6, 1))) == (
        14, 7, 10)  # before any version: the default; then each version's own
