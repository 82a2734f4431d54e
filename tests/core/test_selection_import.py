"""Candidates from CSV: UTF-8 with or without BOM, Big5 refused, every bad row reported
with its number, duplicates found, and nothing imported unless the whole file is valid."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.errors import SecretariatError
from secretariat.model import SelectionCandidate
from secretariat.services.selection.candidate_import import import_candidates_csv
from secretariat.services.selection.candidates import add_candidate
from secretariat.services.selection.rounds import create_round, move_round

GOOD = "name,name_en,organisation,region\n王小明,Wang,甲協會,north\n李美玲,,乙協會,south\n"


@pytest.fixture
def round_id(session, forum):
    r = create_round(session, title="遴選", sector_code="civil_society", seats=1,
                     term_start=dt.date(2027, 1, 1), method="rfc3797")
    move_round(session, r.id, "call_open")
    return r.id


def _count(session):
    return session.query(SelectionCandidate).count()


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_with_or_without_bom_is_imported_in_file_order(session, round_id, tmp_path, bom):
    path = tmp_path / "c.csv"
    path.write_bytes(bom + GOOD.encode("utf-8"))
    report = import_candidates_csv(session, round_id, path)
    assert report.added == 2 and report.features == ("region",)
    rows = session.query(SelectionCandidate).order_by(SelectionCandidate.position).all()
    assert [(c.position, c.name, c.features_json) for c in rows] == [
        (1, "王小明", '{"region": "north"}'), (2, "李美玲", '{"region": "south"}')]


def test_big5_is_refused_with_the_way_out(session, round_id, tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(GOOD.encode("big5"))
    with pytest.raises(SecretariatError, match="Big5.*CSV UTF-8"):
        import_candidates_csv(session, round_id, path)
    assert _count(session) == 0


def test_every_bad_row_is_reported_and_nothing_is_imported(session, round_id, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("name,organisation,region\n王小明,甲,north\n,乙,south\n王小明 ,甲,east\n"
                    "林,丙\n陳,丁,\n", encoding="utf-8")
    with pytest.raises(SecretariatError) as raised:
        import_candidates_csv(session, round_id, path)
    details = raised.value.details
    assert [d.split(":")[0] for d in details] == ["Row 3", "Row 4", "Row 5", "Row 6"]
    assert "same candidate as row 2" in details[1]
    assert _count(session) == 0


def test_a_candidate_already_in_the_round_is_a_duplicate(session, round_id, tmp_path):
    add_candidate(session, round_id, name="李美玲", organisation="乙協會")
    path = tmp_path / "c.csv"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(SecretariatError) as raised:
        import_candidates_csv(session, round_id, path)
    assert raised.value.details == ["Row 3: 李美玲 has already applied to this round."]
    assert _count(session) == 1


def test_no_candidates_once_the_call_is_closed(session, round_id, tmp_path):
    move_round(session, round_id, "closed")
    path = tmp_path / "c.csv"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(SecretariatError, match="call is closed"):
        import_candidates_csv(session, round_id, path)
