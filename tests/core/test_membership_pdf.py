"""The membership PDF: every member in office, the balance, and a chart whose numbers are
text in the PDF; fonts embedded; no contact details."""

from __future__ import annotations

import datetime as dt
import subprocess

from secretariat.export.pdf_membership import load_membership, write_membership_pdf
from tests.core.export_helpers import pdf_text
from tests.core.factories import make_person_with_membership


def test_members_balance_and_chart_numbers_are_in_the_pdf(session, tmp_path):
    from secretariat.services.members import people

    person, _ = make_person_with_membership(session, "理事長丙", organisation="開放文化基金會")
    make_person_with_membership(session, "部長甲", sector_code="government_agency")
    people.update_person(session, person.id, email="private-mail-77@example.tw")
    session.commit()
    for language, words in (("zh_TW", "理事長丙"), ("en", "Membership and balance")):
        out = tmp_path / f"membership-{language}.pdf"
        write_membership_pdf(load_membership(session, on=dt.date(2026, 1, 1)), out,
                             language=language)
        text = pdf_text(out)
        assert words in text and "開放文化基金會" in text
        assert "private-mail-77" not in text
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
        assert "Helvetica" not in fonts  # the chart's labels use the embedded font too
    # The quarter chart labels its bars with the seat counts: 1 and 1 in the last quarter.
    assert text.count("2025") >= 4
