"""The round report PDF (each language, fonts embedded, text extractable) and the open
data: what a re-check needs, and nothing private."""

from __future__ import annotations

import json

from secretariat.services.members import add_member
from secretariat.services.selection.inputs import set_quotas
from secretariat.services.selection.open_data import round_open_data
from secretariat.services.selection.report import report_data, write_report
from secretariat.services.selection.rounds import move_round
from secretariat.services.selection.running import run_round
from tests.core.export_helpers import pdf_fonts, pdf_text
from tests.core.selection_helpers import make_round

MARKER = "PRIVATE-MARKER-7731"


def _leximin_round(session):
    r, _ = make_round(session, "leximin", seats=3, close=False)
    set_quotas(session, r.id, [{"category": "gender", "feature": "f", "min": 1, "max": 2}])
    move_round(session, r.id, "closed")
    run_round(session, r.id)
    return r


def test_report_in_both_languages_with_embedded_fonts(session, forum, tmp_path):
    r = _leximin_round(session)
    written = write_report(report_data(session, r.id), tmp_path)
    assert {p.name for p in written} >= {"report-zh_TW.pdf", "report-en.pdf", "round.json",
                                         "pool.csv", "quotas.csv", "panels.csv",
                                         "probabilities.csv", "exclusions.csv", "sources.csv"}
    english = pdf_text(tmp_path / "report-en.pdf")
    assert "Selection round report" in english and "Civil society seats" in english
    assert "王小明" in english and "非公民團體成員" in english  # the pool and the exclusion
    assert "secretariat sortition" in english.replace("\n", " ")
    chinese = pdf_text(tmp_path / "report-zh_TW.pdf")
    assert "公民社會席次遴選" in chinese and "在台灣登記之公民團體" in chinese
    for row in pdf_fonts(tmp_path / "report-zh_TW.pdf"):
        assert row[-5:-2] == ["yes", "yes", "yes"], row  # embedded, subset, unicode map


def test_open_data_holds_nothing_private(session, forum):
    # A candidate who is already a person with private contact details and notes.
    add_member(session, name="王小明", organisation="台灣開放資料協會", sector_code="civil_society",
               role="member", term_start="2024-01-01", term_end="2025-12-31",
               email=f"{MARKER}@example.org", phone=MARKER)
    r = _leximin_round(session)
    files = round_open_data(session, r.id)
    assert all(MARKER not in text for text in files.values())
    record = json.loads(files["round.json"])
    assert set(record["pool"][0]) == {"number", "name", "name_en", "organisation", "features"}
