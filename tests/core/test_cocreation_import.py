"""CSV import of contributions: all or nothing, every bad row named by its row number,
UTF-8 with or without the BOM, Chinese or English headers."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from secretariat.errors import SecretariatError
from secretariat.model import Contribution
from secretariat.services.cocreation.consultations import open_consultation
from secretariat.services.cocreation.import_contributions import import_contributions_csv
from tests.core.cocreation_helpers import make_cycle

HEADER = "received_on,stakeholder,channel,text,region,topic,response,responded_on\n"


@pytest.fixture
def cycle(session, forum):
    return make_cycle(session)


def write(tmp_path, text: str, *, bom: bool = False):
    path = tmp_path / "contributions.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def stored(session) -> int:
    return session.scalar(select(func.count(Contribution.id)))


@pytest.mark.parametrize("bom", [False, True])
def test_a_valid_file_is_imported_with_or_without_bom(session, cycle, tmp_path, bom):
    path = write(tmp_path, HEADER
                 + "2025-03-01,civil_society,written,請公開預算,臺北市,預算,已回應,2025-03-20\n"
                 + "2025/03/02,citizen,survey,\"多一點, 線上會議\",花蓮縣,參與,,\n", bom=bom)
    assert import_contributions_csv(session, cycle.id, path) == 2
    rows = session.scalars(select(Contribution).order_by(Contribution.id)).all()
    assert [(r.received_on, r.channel.value, r.responded_on) for r in rows] == [
        (dt.date(2025, 3, 1), "written", dt.date(2025, 3, 20)),
        (dt.date(2025, 3, 2), "survey", None)]
    assert rows[1].text == "多一點, 線上會議"


def test_chinese_headers_are_understood(session, cycle, tmp_path):
    path = write(tmp_path, "收到日期,利害關係人,管道,內容\n2025-03-01,academia,in_person,建議\n")
    assert import_contributions_csv(session, cycle.id, path) == 1


def test_every_bad_row_is_reported_and_nothing_is_imported(session, cycle, tmp_path):
    path = write(tmp_path, HEADER
                 + "2025-03-01,civil_society,written,好的一列,,,,\n"          # row 2 fine
                 + "2025-02-30,civil_society,written,壞日期,,,,\n"            # row 3
                 + "2025-03-01,civil_society,fax,未知管道,,,,\n"              # row 4
                 + "2025-03-01,civil_society,written,,,,,\n"                  # row 5
                 + "2025-03-05,citizen,survey,回應太早,,,謝謝,2025-03-04\n")  # row 6
    with pytest.raises(SecretariatError) as caught:
        import_contributions_csv(session, cycle.id, path)
    error = caught.value
    assert error.params["count"] == 4
    assert [line.split(":")[0] for line in error.details] == ["Row 3", "Row 4", "Row 5",
                                                              "Row 6"]
    assert "2025-02-30" in error.details[0]
    assert "Channel" in error.details[1]
    assert "Contribution text" in error.details[2]
    assert "before the contribution" in error.details[3]
    assert stored(session) == 0


def test_a_file_without_a_required_column_is_refused(session, cycle, tmp_path):
    path = write(tmp_path, "received_on,channel,text\n2025-03-01,written,x\n")
    with pytest.raises(SecretariatError, match="no column for: stakeholder"):
        import_contributions_csv(session, cycle.id, path)


def test_not_utf8_is_refused(session, cycle, tmp_path):
    path = tmp_path / "big5.csv"
    path.write_bytes((HEADER + "2025-03-01,citizen,written,請公開預算,,,,\n").encode("big5"))
    with pytest.raises(SecretariatError, match="not UTF-8"):
        import_contributions_csv(session, cycle.id, path)


def test_a_consultation_of_another_cycle_is_refused(session, cycle, tmp_path):
    consultation = open_consultation(session, cycle.id, subject="draft_commitments",
                                     title="草案", opens_on=dt.date(2025, 5, 1),
                                     closes_on=dt.date(2025, 5, 20), channels=["written"])
    path = write(tmp_path, "received_on,stakeholder,channel,text,consultation\n"
                 f"2025-05-02,citizen,written,好,{consultation.id}\n"
                 f"2025-05-02,citizen,written,好,{consultation.id + 99}\n")
    with pytest.raises(SecretariatError) as caught:
        import_contributions_csv(session, cycle.id, path)
    assert caught.value.details[0].startswith("Row 3")
