"""The member import against hostile or careless files: hidden characters, odd addresses,
repeated columns, huge cells; who counts as the same person; messages in the user's
language; and a cost per row that does not grow with the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import event

from secretariat import i18n
from secretariat.errors import SecretariatError
from secretariat.model import Membership, Organisation, Person, Seat
from secretariat.services.members import add_member, member_rows
from secretariat.services.members.import_csv import import_members_csv
from secretariat.services.members.people import add_person

HEADER = "name,name_en,organisation,sector,role,term_start,term_end,high_level,email,phone,seat\n"


def _csv(tmp_path, text: str):
    path = tmp_path / "members.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _counts(session):
    return tuple(session.query(model).count() for model in (Person, Organisation, Seat, Membership))


def _details(session, tmp_path, text: str) -> list[str]:
    with pytest.raises(SecretariatError) as caught:
        import_members_csv(session, _csv(tmp_path, text))
    assert _counts(session) == (0, 0, 0, 0)
    return caught.value.details


def _row(name="林美玲", organisation="", email="", sector="civil_society", seat=""):
    return f"{name},,{organisation},{sector},member,2025-01-01,,,{email},,{seat}\n"


@pytest.mark.parametrize("name", ["林\x00美玲", "林\x1b[31m美玲", "林\u202e美玲", "林\u2066美玲",
                                  "林\x85美玲"])
def test_control_characters_and_direction_overrides_are_refused(session, forum, tmp_path, name):
    [detail] = _details(session, tmp_path, HEADER + _row(name=name))
    assert detail.startswith("Row 2: name contains an invisible control character (U+")


@pytest.mark.parametrize("name", ["\u200b\u200b", "\u200b \u3000\u200d", "\ufeff"])
def test_a_name_of_invisible_characters_is_missing(session, forum, tmp_path, name):
    assert _details(session, tmp_path, HEADER + _row(name=name)) == [
        "Row 2: the name is missing."]


@pytest.mark.parametrize(("email", "message"), [
    ("<script>@x.y", "is not a valid email address"),
    ("a b@example.org", "is not a valid email address"),
    ("a" * 65 + "@example.org", "The email address is too long"),
    ("a@" + "b" * 250 + ".org", "The email address is too long"),
])
def test_odd_email_addresses_are_refused(session, forum, tmp_path, email, message):
    [detail] = _details(session, tmp_path, HEADER + _row(email=email))
    assert message in detail


def test_text_rules_apply_to_every_service(session, forum):
    with pytest.raises(SecretariatError, match="Name cannot be empty"):
        add_person(session, name="\u200b")
    with pytest.raises(SecretariatError, match="U\\+202E"):
        add_person(session, name="林美玲", job_title="主任\u202e")
    assert add_person(session, name="林美玲", job_title="主任\t秘書").job_title == "主任\t秘書"


@pytest.mark.parametrize(("header", "named"), [
    ("name,sector,role,term_start,name\n", "“name” and “name”"),
    ("name,sector,role,term_start,姓名\n", "“name” and “姓名”"),
    ("name,sector,role,term_start,organization,organisation\n",
     "“organization” and “organisation”"),
])
def test_a_column_given_twice_is_refused(session, forum, tmp_path, header, named):
    with pytest.raises(SecretariatError) as caught:
        import_members_csv(session, _csv(tmp_path, header + "林美玲,civil_society,member,2025-01-01,x\n"))
    assert named in str(caught.value) and "keep one of them" in str(caught.value)


def test_a_huge_cell_is_a_row_problem_not_a_crash(session, forum, tmp_path):
    details = _details(session, tmp_path, HEADER + _row(name="林" * 200_000)
                       + _row(name="陳" * 201, organisation="組" * 301))
    assert details == [
        "Row 2: the name column holds 200000 characters (at most 200).",
        "Row 3: the name column holds 201 characters (at most 200); "
        "the organisation column holds 301 characters (at most 300).",
    ]


def test_names_at_the_length_limit_are_accepted(session, forum, tmp_path):
    report = import_members_csv(session, _csv(tmp_path, HEADER + _row(name="林" * 200)))
    assert report.people_added == 1


def test_an_empty_organisation_finds_the_member_of_that_name(session, forum, tmp_path):
    """A clerk leaving the organisation blank means "not given", not "none"."""
    add_member(session, name="林美玲", organisation="台灣透明組織", sector_code="civil_society",
               role="member", term_start=dt.date(2024, 1, 1), term_end=dt.date(2024, 12, 31))
    session.commit()
    report = import_members_csv(session, _csv(tmp_path, HEADER + _row(email="lin@example.org")))
    assert (report.people_added, report.memberships_added) == (0, 1)
    assert session.query(Person).count() == 1
    assert {row.organisation for row in member_rows(session, on=dt.date(2025, 1, 1))} == {
        "台灣透明組織"}


def test_an_empty_organisation_prefers_the_person_without_one(session, forum, tmp_path):
    add_person(session, name="林美玲", organisation="台灣透明組織")
    lone = add_person(session, name="林美玲")
    session.commit()
    import_members_csv(session, _csv(tmp_path, HEADER + _row()))
    assert [r.person_id for r in member_rows(session, on=dt.date(2025, 1, 1))] == [lone.id]


def test_an_empty_organisation_with_two_namesakes_asks_which(session, forum, tmp_path):
    add_person(session, name="林美玲", organisation="台灣透明組織")
    add_person(session, name="林美玲", organisation="開放文化基金會")
    session.commit()
    with pytest.raises(SecretariatError) as caught:
        import_members_csv(session, _csv(tmp_path, HEADER + _row()))
    assert caught.value.details == [
        "Row 2: Several people are called 林美玲 (台灣透明組織, 開放文化基金會); give the "
        "organisation to say which one."]


def test_a_given_organisation_still_tells_namesakes_apart(session, forum, tmp_path):
    add_person(session, name="林美玲", organisation="台灣透明組織")
    session.commit()
    report = import_members_csv(session, _csv(tmp_path, HEADER + _row(organisation="某大學")))
    assert (report.people_added, report.organisations_added) == (1, 1)


def test_an_unknown_sector_lists_the_sectors(session, forum, tmp_path):
    [detail] = _details(session, tmp_path, HEADER + _row(sector="政府"))
    assert "“政府” is not a known sector (one of Government ministry or agency " \
           "(government_agency), " in detail
    assert "Civil society organisation (civil_society)" in detail
    i18n.set_language("zh_TW")
    [detail] = _details(session, tmp_path, HEADER + _row(sector="政府"))
    assert "政府機關 (government_agency)" in detail and "公民社會組織 (civil_society)" in detail
    assert "Government ministry" not in detail


def test_a_missing_column_is_named_in_the_users_language(session, forum, tmp_path):
    i18n.set_language("zh_TW")
    with pytest.raises(SecretariatError) as caught:
        import_members_csv(session, _csv(tmp_path, "姓名,部門\n林美玲,公民社會組織\n"))
    message = str(caught.value)
    assert "角色、任期開始" in message or "角色, 任期開始" in message, message
    assert "role, term_start" not in message.split("(")[0]


def test_progress_reaches_the_end(session, forum, tmp_path):
    seen = []
    rows = "".join(_row(name=f"委員{n}", seat=f"席次 {n}") for n in range(2500))
    import_members_csv(session, _csv(tmp_path, HEADER + rows), progress=lambda *a: seen.append(a))
    assert seen[-1] == (5000, 5000)
    assert all(done <= total == 5000 for done, total in seen) and len(seen) > 5
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)


def _statements(session, tmp_path, rows: int) -> int:
    """SQL statements an import of ``rows`` new members runs (over a few stored ones)."""
    body = "".join(
        f"委員{n},,組織{n % 7},{('civil_society', 'academia')[n % 2]},"
        f"{('member', 'alternate')[n % 3 == 2]},2025-01-01,,,m{n}@example.org,,\n"
        for n in range(rows))
    path = tmp_path / f"members-{rows}.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    count = [0]

    def counted(*_args):
        count[0] += 1

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", counted)
    try:
        assert import_members_csv(session, path).memberships_added == rows
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    session.rollback()
    return count[0]


def test_the_statements_do_not_grow_with_the_rows(session, forum, tmp_path):
    """Linear, without timing anything: the stored records are read once and written in
    batches, so ten times the rows runs about as many statements (not one per row)."""
    add_member(session, name="林美玲", sector_code="civil_society", role="member",
               term_start=dt.date(2024, 1, 1))
    session.commit()
    small, large = _statements(session, tmp_path, 100), _statements(session, tmp_path, 1000)
    assert large <= small + 5, (small, large)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_file_is_refused_without_filling_the_memory(session, forum):
    # /dev/zero reports a size of 0: only a bounded read stops it.
    with pytest.raises(SecretariatError, match="larger than 10 MB"):
        import_members_csv(session, Path("/dev/zero"))
    assert session.query(Person).count() == 0
