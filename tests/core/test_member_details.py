"""A seat's English label and a person's optional gender and region: what the member
services accept, refuse and show, by hand and from a member file."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.errors import SecretariatError
from secretariat.model import Person, Seat
from secretariat.services.forum import sector_by_code
from secretariat.services.members import add_member, add_seat, member_rows, membership_values
from secretariat.services.members.import_csv import import_members_csv
from secretariat.services.members.people import add_person, list_people, update_person
from secretariat.services.members.seats import update_seat

D = dt.date


def _member(session, **extra):
    membership = add_member(session, name="林美玲", organisation="開放資料促進協會",
                            sector_code="civil_society", role="member",
                            term_start=D(2026, 1, 1), **extra)
    session.commit()
    return membership


def test_add_member_keeps_gender_region_and_the_seats_english_label(session, forum):
    membership = _member(session, seat_label="公民團體席次 1",
                         seat_label_en="Civil society seat 1", gender="female", region="北部")
    row = member_rows(session, on=D(2026, 2, 1))[0]
    assert (row.seat_label, row.seat_label_en) == ("公民團體席次 1", "Civil society seat 1")
    assert (row.gender, row.region) == ("female", "北部")
    values = membership_values(session, membership.id)
    assert (values.gender, values.region, values.seat_label_en) == (
        "female", "北部", "Civil society seat 1")
    # The English label finds the member as the Chinese one does.
    assert [r.name for r in member_rows(session, on=D(2026, 2, 1), search="society seat")] \
        == ["林美玲"]


def test_gender_and_region_are_optional_and_start_not_recorded(session, forum):
    _member(session)
    person = session.query(Person).one()
    assert (person.gender, person.region) == ("", "")
    assert list_people(session)[0].gender == ""


def test_a_seat_made_on_the_fly_gets_its_sectors_english_name(session, forum):
    _member(session)
    seat = session.query(Seat).one()
    assert (seat.label, seat.label_en) == ("公民社會組織 1", "Civil society organisation 1")


@pytest.mark.parametrize("gender", ["unknown", "F", "女"])
def test_a_gender_outside_the_list_is_refused_and_nothing_written(session, forum, gender):
    with pytest.raises(SecretariatError, match="not a gender"):
        add_member(session, name="林美玲", sector_code="civil_society", role="member",
                   term_start=D(2026, 1, 1), gender=gender)
    session.rollback()
    assert session.query(Person).count() == 0 and session.query(Seat).count() == 0


def test_gender_is_read_whatever_its_case_and_region_is_trimmed(session, forum):
    person = add_person(session, name="陳志明", gender=" Male ", region="  花蓮縣 ")
    assert (person.gender, person.region) == ("male", "花蓮縣")
    update_person(session, person.id, gender="", region="")
    assert (person.gender, person.region) == ("", "")


def test_a_region_longer_than_the_column_is_refused(session, forum):
    with pytest.raises(SecretariatError, match="region is too long"):
        add_person(session, name="陳志明", region="北" * 101)


def test_a_person_reused_gets_only_the_details_missing(session, forum):
    _member(session, region="北部")
    add_member(session, name="林美玲", organisation="開放資料促進協會", sector_code="civil_society",
               role="observer", term_start=D(2026, 1, 1), gender="female", region="南部")
    person = session.query(Person).one()
    assert (person.gender, person.region) == ("female", "北部")


def test_a_seat_is_renamed_in_english_and_keeps_its_label_unique(session, forum):
    sector = sector_by_code(session, "civil_society").id
    first = add_seat(session, label="公民社會席次 1", sector_id=sector, label_en="CSO seat 1")
    second = add_seat(session, label="公民社會席次 2", sector_id=sector)
    update_seat(session, second.id, label_en=" Civil society seat 2 ")
    assert second.label_en == "Civil society seat 2"
    with pytest.raises(SecretariatError, match="already exists"):
        update_seat(session, second.id, label=first.label)


def test_member_file_columns_for_english_seat_gender_and_region(session, forum, tmp_path):
    path = tmp_path / "members.csv"
    path.write_text(
        "姓名,部門,角色,任期開始,席次,英文席次名稱,性別,地區\n"
        "林美玲,公民社會組織,委員,2026-01-01,公民團體席次 1,Civil society seat 1,女,北部\n"
        "陳志明,學術界,委員,2026-01-01,,,male,花蓮縣\n"
        "王小華,學術界,委員,2026-01-01,,,,\n", encoding="utf-8")
    import_members_csv(session, path)
    session.commit()
    rows = {row.name: row for row in member_rows(session, on=D(2026, 2, 1))}
    assert (rows["林美玲"].seat_label_en, rows["林美玲"].gender, rows["林美玲"].region) == (
        "Civil society seat 1", "female", "北部")
    assert (rows["陳志明"].gender, rows["陳志明"].region) == ("male", "花蓮縣")
    assert rows["陳志明"].seat_label_en.startswith("Academia")  # named on the fly
    assert (rows["王小華"].gender, rows["王小華"].region) == ("", "")


def test_member_file_with_an_unknown_gender_is_refused_with_its_row(session, forum, tmp_path):
    path = tmp_path / "members.csv"
    path.write_text("name,sector,role,term_start,gender\n"
                    "林美玲,civil_society,member,2026-01-01,unknown\n", encoding="utf-8")
    with pytest.raises(SecretariatError) as caught:
        import_members_csv(session, path)
    assert any("Row 2" in line and "“unknown” is not a gender" in line
               for line in caught.value.details)
    assert session.query(Person).count() == 0


def test_member_file_fills_a_stored_persons_missing_details_only(session, forum, tmp_path):
    """As ``add_member`` does: a person already on record keeps the gender and region they
    have and gets those they lack."""
    _member(session, region="北部")
    path = tmp_path / "members.csv"
    path.write_text("name,organisation,sector,role,term_start,gender,region\n"
                    "林美玲,開放資料促進協會,civil_society,observer,2026-01-01,female,南部\n",
                    encoding="utf-8")
    import_members_csv(session, path)
    session.commit()
    person = session.query(Person).one()
    assert (person.gender, person.region) == ("female", "北部")
