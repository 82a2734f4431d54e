"""The terms-of-reference PDF read back with pdftotext: both languages by default, one
when asked; the rules and texts of the version printed, a draft marked as such, the
fonts embedded."""

from __future__ import annotations

import datetime as dt

from secretariat.export import render_terms_pdf
from secretariat.services.terms import adopting, drafting
from tests.core.export_helpers import pdf_fonts, pdf_text
from tests.core.factories import make_forum

MANDATE = ("本論壇監督國家開放政府行動方案之共同創建與執行。",
           "The forum oversees the co-creation of the action plan.")
ETHICS = ("本人承諾誠信行事，揭露任何利益衝突。", "I undertake to act with integrity.")


def _versions(s):
    make_forum(s)
    drafting.draft_version(
        s, rules={"quorum_percent": 50},
        texts={"mandate": dict(zip(("zh_TW", "en"), MANDATE)),
               "ethics": dict(zip(("zh_TW", "en"), ETHICS))},
        seats={"civil_society": (8, 8), "government_agency": (8, 0)})
    adopting.adopt_version(s, 1, on=dt.date(2025, 1, 15))
    drafting.draft_version(s, rules={"quorum_percent": 60})


def _flat(text: str) -> str:
    return "".join(text.split())  # lines may break anywhere in Chinese


def test_both_languages_by_default(session, tmp_path):
    _versions(session)
    out = tmp_path / "tor1.pdf"
    render_terms_pdf(session, 1, out)
    text = pdf_text(out)
    flat = _flat(text)
    for zh, en in (MANDATE, ETHICS):
        assert _flat(zh) in flat and _flat(en) in flat
    # The fixed words are the first language's (Chinese); an adopted version is public.
    assert "公開版" in text and "草案" not in text
    assert "公民社會組織" in text and "政府機關" in text
    fonts = pdf_fonts(out)
    assert fonts
    for row in fonts:  # name type encoding emb sub uni object-id generation
        assert row[-5:-2] == ["yes", "yes", "yes"], row


def test_one_language_when_asked(session, tmp_path):
    _versions(session)
    out = tmp_path / "tor1-en.pdf"
    render_terms_pdf(session, 1, out, languages=("en",))
    text = pdf_text(out)
    flat = _flat(text)
    assert _flat(MANDATE[1]) in flat and _flat(MANDATE[0]) not in flat
    assert "Version 1" in text and "50 % of the members" in text
    assert "Civil society organisation" in text and "Public version" in text


def test_a_draft_says_it_is_not_adopted(session, tmp_path):
    _versions(session)
    out = tmp_path / "tor2.pdf"
    render_terms_pdf(session, 2, out, languages=("en",))
    text = pdf_text(out)
    assert "Draft — not adopted" in text and "Internal document" in text
    assert "60 % of the members" in text
