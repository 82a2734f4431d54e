"""People, their private contact details and their organisations."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.errors import ConflictError, SecretariatError
from secretariat.model import Person, PersonContact
from secretariat.services.meetings import schedule_meeting, set_attendance
from secretariat.services.members import add_member
from secretariat.services.members.people import (
    add_person,
    delete_person,
    get_or_create_organisation,
    list_organisations,
    list_people,
    update_person,
)

TPE = dt.timezone(dt.timedelta(hours=8))


def test_contact_details_are_kept_apart_from_the_public_record(session, forum):
    person = add_person(session, name="林美玲", name_en="Lin Mei-ling", job_title="研究員",
                        organisation="台灣透明組織", email="meiling@example.org",
                        phone="02-2345-6789")
    session.commit()
    contact = session.get(PersonContact, person.id)
    assert (contact.email, contact.phone) == ("meiling@example.org", "02-2345-6789")
    assert person.organisation.name == "台灣透明組織"
    assert not hasattr(Person, "email")  # the public table has no contact columns


def test_organisation_by_name_is_reused_not_duplicated(session, forum):
    add_person(session, name="甲", organisation=" 國家發展委員會 ")
    add_person(session, name="乙", organisation="國家發展委員會")
    assert [o.name for o in list_organisations(session)] == ["國家發展委員會"]


def test_organisation_gets_its_sector_when_first_known(session, forum):
    from secretariat.services.forum import sector_by_code

    org = get_or_create_organisation(session, "中央研究院")
    assert org.sector_id is None
    academia = sector_by_code(session, "academia")
    assert get_or_create_organisation(session, "中央研究院", sector_id=academia.id).sector_id == academia.id


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"name": " "}, "Name cannot be empty"), ({"email": "not-an-address"}, "not a valid email")],
)
def test_bad_person_input_saves_nothing(session, forum, kwargs, message):
    with pytest.raises(SecretariatError, match=message):
        add_person(session, **{"name": "王小明", "organisation": "新組織", **kwargs})
    assert list_people(session) == []
    assert list_organisations(session) == []


def test_update_person_changes_public_and_contact_fields(session, forum):
    person = add_person(session, name="陳志明")
    session.commit()
    update_person(session, person.id, expected_version=person.version, name_en="Chen Chih-ming",
                  email="chen@example.tw", organisation="數位發展部")
    session.commit()
    [row] = list_people(session)
    assert (row.name_en, row.email, row.organisation) == ("Chen Chih-ming", "chen@example.tw",
                                                          "數位發展部")


def test_update_person_refuses_stale_version(session, forum):
    person = add_person(session, name="陳志明")
    session.commit()
    opened = person.version
    update_person(session, person.id, job_title="司長")
    session.commit()
    with pytest.raises(ConflictError):
        update_person(session, person.id, expected_version=opened, job_title="處長")
    assert session.get(Person, person.id).job_title == "司長"


def test_unknown_field_is_a_programming_error(session, forum):
    person = add_person(session, name="陳志明")
    with pytest.raises(TypeError):
        update_person(session, person.id, nickname="x")


def test_search_finds_chinese_substrings_english_names_and_organisations(session, forum):
    add_person(session, name="林美玲", name_en="Lin Mei-ling", organisation="台灣透明組織")
    add_person(session, name="張家豪", name_en="Chang Chia-hao", organisation="國家發展委員會")
    assert [r.name for r in list_people(session, "美玲")] == ["林美玲"]
    assert [r.name for r in list_people(session, "chang")] == ["張家豪"]
    assert [r.name for r in list_people(session, "透明")] == ["林美玲"]
    assert list_people(session, "100%") == []  # wildcards in the input are literal
    assert len(list_people(session, "")) == 2


def test_delete_person_entered_by_mistake(session, forum):
    person = add_person(session, name="打錯的名字", email="x@example.org")
    session.commit()
    delete_person(session, person.id)
    session.commit()
    assert list_people(session) == []
    assert session.get(PersonContact, person.id) is None


def test_delete_refused_for_member_and_says_why(session, forum):
    membership = add_member(session, name="林美玲", sector_code="civil_society", role="member",
                            term_start=dt.date(2025, 1, 1))
    session.commit()
    with pytest.raises(SecretariatError, match="林美玲 cannot be deleted: they hold or held a seat"):
        delete_person(session, membership.person_id)


def test_delete_refused_for_meeting_attendee(session, forum):
    guest = add_person(session, name="來賓")
    meeting = schedule_meeting(session, title="第一次會議", location="會議室",
                               starts_at=dt.datetime(2026, 3, 2, 14, tzinfo=TPE),
                               ends_at=dt.datetime(2026, 3, 2, 16, tzinfo=TPE))
    set_attendance(session, meeting.id, person_id=guest.id, status="present", capacity="guest")
    session.commit()
    with pytest.raises(SecretariatError, match="attendance"):
        delete_person(session, guest.id)


def test_missing_person_is_a_clear_error(session, forum):
    with pytest.raises(SecretariatError, match="does not exist"):
        update_person(session, 9999, name="x")
