"""Importing members from a spreadsheet export: all or nothing, every problem listed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from secretariat.errors import SecretariatError
from secretariat.model import Membership, Organisation, Person, Role, Seat
from secretariat.services.members import import_csv as members_import
from secretariat.services.members import add_member, balance, member_rows
from secretariat.services.members.import_csv import import_members_csv

SAMPLE = Path(__file__).parent / "data" / "members_zh_TW.csv"
HEADER = "name,name_en,organisation,sector,role,term_start,term_end,high_level,email,phone,seat\n"


def _csv(tmp_path, text: str, *, encoding="utf-8", name="members.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _counts(session):
    return tuple(session.query(model).count() for model in (Person, Organisation, Seat, Membership))


def _import_error(session, path) -> SecretariatError:
    with pytest.raises(SecretariatError) as caught:
        import_members_csv(session, path)
    return caught.value


def test_sample_file_with_chinese_headers_and_bom(session, forum):
    report = import_members_csv(session, SAMPLE)
    session.commit()
    assert report == members_import.ImportReport(
        people_added=10, organisations_added=8, seats_added=9, memberships_added=10)
    rows = {r.name: r for r in member_rows(session, on=dt.date(2025, 6, 1))}
    assert rows["張家豪"].role == Role.CO_CHAIR and rows["張家豪"].high_level
    assert rows["吳宗翰"].term_start == dt.date(2025, 1, 1)  # 2025/01/01 accepted
    assert rows["吳宗翰"].sector_code == "subnational_government"
    assert rows["黃淑芬"].role == Role.OBSERVER and rows["黃淑芬"].term_end is None
    assert rows["王大同"].seat_label == rows["陳志明"].seat_label == "公民社會席次 2"
    assert rows["周怡君"].sector_code == "media"  # English sector name, any case
    assert rows["劉建國"].seat_label == "公民 1"  # seat created and named after its sector
    result = balance(session, on=dt.date(2025, 6, 1))
    assert (result.government, result.non_government) == (3, 5)


def test_english_headers_without_bom(session, forum, tmp_path):
    path = _csv(tmp_path, HEADER + "林美玲,,台灣透明組織,civil_society,co-chair,2025-01-01,,yes,,,\n")
    report = import_members_csv(session, path)
    assert report.memberships_added == 1
    [row] = member_rows(session, on=dt.date(2025, 1, 1))
    assert row.role == Role.CO_CHAIR and row.high_level


def test_every_bad_row_is_reported_and_nothing_imported(session, forum, tmp_path):
    path = _csv(tmp_path, HEADER
                + "林美玲,,台灣透明組織,civil_society,member,2025-01-01,,,,,\n"   # row 2 fine
                + ",,,academia,member,2025-01-01,,,,,\n"                        # row 3
                + "陳志明,,,ngo,member,2025-01-01,,,,,\n"                       # row 4
                + "黃淑芬,,,academia,chair,2025-13-01,,,,,\n"                  # row 5
                + "王大同,,,academia,member,2025-01-01,2024-12-31,maybe,,,\n"   # row 6
                + "周怡君,,,media,member,2025-01-01,,,not-an-email,,\n"        # row 7
                + "林美玲,,台灣透明組織,civil_society,member,2025-01-01,,,,,\n")  # row 8
    error = _import_error(session, path)
    assert error.translated() == "The file has 6 invalid rows; nothing was imported."
    details = "\n".join(error.details)
    assert [d.split(":")[0] for d in error.details] == [
        "Row 3", "Row 4", "Row 5", "Row 6", "Row 7", "Row 8"]
    assert "name is missing" in details
    assert "“ngo” is not a known sector" in details
    assert "“chair” is not a role" in details and "“2025-13-01” is not a date" in details
    assert "ends (2024-12-31) before it starts" in details and "“maybe”" in details
    assert "Row 8: repeats row 2" in details
    assert "Row 7: “not-an-email” is not a valid email address" in details
    assert _counts(session) == (0, 0, 0, 0)


def test_database_level_problems_roll_back_rows_already_added(session, forum, tmp_path):
    """A seat already held is only visible to the database: reported with the same row
    numbers, alongside row-content problems, and the valid rows added meanwhile vanish."""
    add_member(session, name="林美玲", sector_code="civil_society", role="member",
               term_start=dt.date(2024, 1, 1), seat_label="公民社會席次 1")
    session.commit()
    before = _counts(session)
    path = _csv(tmp_path, HEADER
                + "陳志明,,,civil_society,member,2025-01-01,,,,,\n"
                + "黃淑芬,,,civil_society,member,2025-01-01,,,,,公民社會席次 1\n"
                + "林美玲,,,civil_society,member,2025-06-01,,,,,\n"
                + "周怡君,,,media,member,someday,,,,,\n")
    error = _import_error(session, path)
    assert len(error.details) == 3
    assert error.details[0].startswith("Row 3: Seat “公民社會席次 1” is already held by 林美玲")
    assert error.details[1].startswith("Row 4: 林美玲 is already recorded in this sector")
    assert error.details[2].startswith("Row 5: the term start “someday” is not a date")
    assert _counts(session) == before  # row 2 was valid but is not kept


def test_importing_the_same_file_twice_is_refused(session, forum):
    import_members_csv(session, SAMPLE)
    session.commit()
    before = _counts(session)
    error = _import_error(session, SAMPLE)
    assert len(error.details) == 10
    assert _counts(session) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (b"\xef\xbb\xbf\r\n", "The file is empty"),
        ("姓名,部門\n林美玲,公民社會組織\n".encode(), "no column for: role, term_start"),
        (HEADER.encode(), "header row but no members"),
        ("姓名,部門,角色,任期開始\n林美玲,公民社會組織,委員,2025-01-01\n".encode("big5"),
         "not UTF-8"),
    ],
)
def test_whole_file_problems(session, forum, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    assert message in str(_import_error(session, path))
    assert _counts(session) == (0, 0, 0, 0)


def test_file_over_the_size_limit(session, forum, tmp_path, monkeypatch):
    monkeypatch.setattr(members_import, "MAX_FILE_BYTES", 100)
    path = _csv(tmp_path, HEADER + "林美玲,,,civil_society,member,2025-01-01,,,,,\n" * 3)
    assert "larger than" in str(_import_error(session, path))


def test_blank_trailing_lines_are_ignored(session, forum, tmp_path):
    path = _csv(tmp_path, HEADER + "林美玲,,,civil_society,member,2025-01-01,,,,,\n,,,,,,,,,,\n\n")
    assert import_members_csv(session, path).memberships_added == 1


def _row_details(session, tmp_path, row: str) -> list[str]:
    return _import_error(session, _csv(tmp_path, HEADER + row)).details


def test_a_rows_problems_read_as_one_sentence(session, forum, tmp_path):
    """Problems that are sentences of their own lose their full stop inside the list, and
    the row's message ends with exactly one."""
    [detail] = _row_details(session, tmp_path,
                            "王大同,,,academia,member,2025-01-01,,maybe,not-an-email,,\n")
    assert detail == ("Row 2: “not-an-email” is not a valid email address; "
                      "high level must be yes or no, not “maybe”.")


def test_a_rows_problems_in_chinese_use_chinese_punctuation(session, forum, tmp_path):
    from secretariat import i18n

    i18n.set_language("zh_TW")
    [detail] = _row_details(session, tmp_path,
                            "王大同,,,academia,member,2025-01-01,,maybe,not-an-email,,\n")
    assert "；" in detail and "; " not in detail and "。；" not in detail
    assert detail.endswith("」。") and detail.count("。") == 1


def test_a_database_problem_ends_with_one_full_stop(session, forum, tmp_path):
    add_member(session, name="林美玲", sector_code="civil_society", role="member",
               term_start=dt.date(2024, 1, 1), seat_label="公民社會席次 1")
    session.commit()
    [detail] = _row_details(session, tmp_path,
                            "黃淑芬,,,civil_society,member,2025-01-01,,,,,公民社會席次 1\n")
    assert detail.startswith("Row 2: Seat “公民社會席次 1” is already held by 林美玲")
    assert detail.endswith(".") and not detail.endswith("..")


def test_an_unknown_role_lists_the_role_names_in_the_users_language(session, forum, tmp_path):
    [detail] = _row_details(session, tmp_path, "黃淑芬,,,academia,chair,2025-01-01,,,,,\n")
    assert "Co-chair, Member, Alternate, Observer" in detail
    assert "co_chair" not in detail


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp: tmp / "nope.csv", "The file {path} does not exist."),
        (lambda tmp: tmp, "{path} is a folder, not a file."),
    ],
)
def test_unreadable_file_messages_are_translated(session, forum, tmp_path, make, expected):
    from secretariat import i18n

    path = make(tmp_path)
    message = str(_import_error(session, path))
    assert message == expected.format(path=path)
    i18n.set_language("zh_TW")
    message = str(_import_error(session, path))
    assert str(path) in message and "No such file" not in message
    assert "Is a directory" not in message and message.endswith("。")


def test_a_file_without_permission(session, forum, tmp_path, monkeypatch):
    # Tests may run as root, who can read anything: the refusal is simulated.
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    path = _csv(tmp_path, HEADER)
    monkeypatch.setattr(Path, "open", refuse)
    assert str(_import_error(session, path)) == f"The file {path} cannot be read (no permission)."
