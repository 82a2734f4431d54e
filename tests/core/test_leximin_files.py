"""The Sortition Foundation's CSV files: read with or without a BOM, every error reported
with its row."""

from __future__ import annotations

import pytest

from secretariat.errors import SecretariatError
from secretariat.selection.sortition_files import read_people, read_quotas

QUOTAS = "category,feature,min,max\ngender,F,1,2\ngender,M,1,2\nage,young,0,2\nage,old,1,3\n"
PEOPLE = "id,gender,age,email\n1,F,young,a@x\n2,M,old,b@x\n3,M,young,c@x\n"


def _write(tmp_path, name, text, bom=False):
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


@pytest.mark.parametrize("bom", [False, True])
def test_files_with_or_without_a_bom_and_extra_columns(tmp_path, bom):
    quotas = read_quotas(_write(tmp_path, "q.csv", QUOTAS, bom))
    assert [(q.category, q.value, q.minimum, q.maximum) for q in quotas][0] == ("gender", "F", 1, 2)
    pool = read_people(_write(tmp_path, "p.csv", PEOPLE, bom), quotas)
    assert pool.categories == ("gender", "age")
    assert pool.people == (("F", "young"), ("M", "old"), ("M", "young"))


def test_every_quota_error_is_reported_with_its_row(tmp_path):
    text = ("Category,Feature,Min,Max,notes\n"
            "gender,F,1,x,\n"        # row 1: max not a number
            ",M,1,2,\n"              # row 2: no category
            "\n"                     # blank line: skipped, not a row
            "age,old,3,1,\n"         # row 3 (line 5): min > max
            "gender,F,0,1,\n"        # row 4: duplicate
            "age,young,-1,2,\n")     # row 5: negative
    with pytest.raises(SecretariatError) as raised:
        read_quotas(_write(tmp_path, "q.csv", text))
    error = raised.value
    assert len(error.details) == 5
    assert error.details[0].startswith("row 1 (line 2): max")
    assert error.details[1].startswith("row 2 (line 3)")
    assert error.details[2].startswith("row 3 (line 5): min (3) is larger than max (1)")
    assert "already has a quota in row 1" in error.details[3]
    assert error.details[4].startswith("row 5 (line 7): min")


def test_quota_file_without_the_columns(tmp_path):
    with pytest.raises(SecretariatError, match="min, max"):
        read_quotas(_write(tmp_path, "q.csv", "category,feature,minimum,max\ngender,F,1,2\n"))


def test_every_people_error_is_reported_with_its_row(tmp_path):
    quotas = read_quotas(_write(tmp_path, "q.csv", QUOTAS))
    text = "gender,age\nF,young\nX,old\nM,\nF,old\n"
    with pytest.raises(SecretariatError) as raised:
        read_people(_write(tmp_path, "p.csv", text), quotas)
    details = raised.value.details
    assert details == [
        "row 2 (line 3): gender is “X”, which has no quota (the quotas file gives F, M).",
        "row 3 (line 4): age is “”, which has no quota (the quotas file gives young, old).",
    ]


def test_people_file_missing_a_category_column(tmp_path):
    quotas = read_quotas(_write(tmp_path, "q.csv", QUOTAS))
    with pytest.raises(SecretariatError) as raised:
        read_people(_write(tmp_path, "p.csv", "gender,region\nF,north\n"), quotas)
    assert raised.value.details == ["There is no column “age” (a category of the quotas file)."]


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"category,feature,min,max\n\xff\xfe\n", "not UTF-8"),
])
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "q.csv"
    path.write_bytes(content)
    with pytest.raises(SecretariatError, match=message):
        read_quotas(path)


def test_a_missing_file(tmp_path):
    with pytest.raises(SecretariatError, match="does not exist"):
        read_quotas(tmp_path / "nope.csv")
