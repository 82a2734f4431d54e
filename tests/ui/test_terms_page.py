"""The Terms of reference page: the versions table and the unsigned members (both pass
qtmodeltester), the selected version's fields in both languages side by side, the
changes from the version before, a new draft undone, adoption through the worker; and
screenshots in both languages for a person to look at."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from secretariat.services.members import add_member
from secretariat.services.terms import adopting, drafting, ethics
from tests.ui.window_helpers import settle
from ui.terms.model import UnsignedModel, VersionsModel


@pytest.fixture
def terms_store(forum_store):
    with forum_store.session() as s:
        alice = add_member(s, name="林美玲", name_en="Lin Mei-ling", sector_code="civil_society",
                           role="member", term_start=dt.date(2025, 1, 1))
        add_member(s, name="陳大文", name_en="Chen Ta-wen", sector_code="government_agency",
                   role="member", term_start=dt.date(2025, 1, 1))
        drafting.draft_version(s, rules={"quorum_percent": 50}, texts={
            "mandate": {"zh_TW": "監督行動方案。", "en": "Oversee the action plan."},
            "ethics": {"zh_TW": "本人承諾誠信行事。", "en": "I undertake to act with integrity."}},
            seats={"civil_society": (6, 6)})
        adopting.adopt_version(s, 1, on=dt.date(2025, 1, 1))
        drafting.draft_version(s, rules={"quorum_percent": 60},
                               texts={"mandate": {"zh_TW": "監督並共創行動方案。"}})
        adopting.adopt_version(s, 2, on=dt.date(2025, 6, 1))
        ethics.sign_statement(s, alice.person_id, 2, on=dt.date(2025, 6, 2), method="paper")
        s.commit()
    return forum_store


def _page(qtbot, window):
    from ui.terms.page import TermsPage

    page = TermsPage(window.context, window)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.refresh()
    settle(qtbot, window)
    settle(qtbot, window)  # the detail of the selected version
    return page


def test_models_pass_the_tester(qtmodeltester, qtbot, terms_store, window):
    qtmodeltester.check(VersionsModel())
    qtmodeltester.check(UnsignedModel())
    page = _page(qtbot, window)
    qtmodeltester.check(page.versions)
    qtmodeltester.check(page.unsigned)
    assert page.versions.rowCount() == 2


def test_the_newest_version_shows_both_languages_and_what_changed(qtbot, terms_store, window):
    page = _page(qtbot, window)
    assert page.selected().version_no == 2
    fields = page.fields.toPlainText()
    assert "監督並共創行動方案。" in fields and "Oversee the action plan." in fields
    assert "60 % of the members" in fields
    changes = page.changes.toPlainText()
    assert "Quorum: 50 % of the members → 60 % of the members" in changes
    assert "並共創" in changes
    # Alice signed version 2's statement; Chen has not.
    assert [page.unsigned.row_at(n).name_en for n in range(page.unsigned.rowCount())] == [
        "Chen Ta-wen"]


def test_a_new_draft_can_be_undone_and_adopting_it_cannot(qtbot, terms_store, window):
    page = _page(qtbot, window)
    assert not page.adopt_button.isEnabled()
    page.new_draft()
    settle(qtbot, window)
    settle(qtbot, window)
    assert page.versions.rowCount() == 3 and page.selected().version_no == 3
    assert page.adopt_button.isEnabled() and not page.draft_button.isEnabled()
    window.context.stack.undo()
    settle(qtbot, window)
    settle(qtbot, window)
    assert page.versions.rowCount() == 2
    window.context.stack.redo()
    settle(qtbot, window)
    settle(qtbot, window)
    assert page.versions.rowCount() == 3
    page.adopt_with(3, "date", dt.date.today())
    settle(qtbot, window)
    settle(qtbot, window)
    assert page.selected().status.value == "adopted"
    assert not window.context.stack.canUndo()  # adoption closed the history


def test_screenshots_in_both_languages(qtbot, terms_store, window, tmp_path):
    """Writes PNGs (into SECRETARIAT_SCREENSHOTS, if set) for a person to look at."""
    from ui.language import apply_language

    folder = os.environ.get("SECRETARIAT_SCREENSHOTS") or str(tmp_path)
    for language in ("en", "zh_TW"):
        apply_language(language)
        page = _page(qtbot, window)
        page.show()
        qtbot.waitExposed(page)
        path = os.path.join(folder, f"terms-page-{language}.png")
        assert page.grab().save(path)
        page.tabs.setCurrentIndex(1)
        assert page.grab().save(path.replace(".png", "-changes.png"))
    apply_language("en")


def test_the_attendance_panel_names_the_terms_that_judge_the_meeting():
    from secretariat.services.meetings.agenda import AttendanceSummary
    from ui.meeting_editor.attendance_tab import summary_texts

    counts = dict(meeting_id=1, present=2, remote=0, apologies=0, proxy=0, absent=0,
                  observers=0, guests=0, members_entitled=5, members_attending=2,
                  quorum_required=3, quorum_met=False, government=0, non_government=2)
    quorum, balance, _met = summary_texts(AttendanceSummary(
        **counts, terms_version=2, quorum_percent=60, balance_required=1, balance_met=False))
    assert "terms of reference version 2: quorum 60 %" in quorum
    assert "not balanced: at least 1 from each side needed" in balance
    quorum, balance, _met = summary_texts(AttendanceSummary(**counts))
    assert "no terms of reference adopted yet: quorum 50 %" in quorum
    assert "balanced" not in balance


def test_a_signature_is_recorded_from_the_page_and_undone(qtbot, terms_store, window,
                                                          monkeypatch):
    from ui.terms.record_dialogs import SignatureDialog

    page = _page(qtbot, window)
    assert not page.sign_button.isEnabled()  # nobody chosen yet
    page.unsigned_table.selectRow(0)
    assert page.sign_button.isEnabled()
    monkeypatch.setattr(SignatureDialog, "exec", lambda self: SignatureDialog.DialogCode.Accepted)
    page.record_signature()
    settle(qtbot, window)
    settle(qtbot, window)
    assert page.unsigned.rowCount() == 0  # Chen has signed now
    window.context.stack.undo()
    settle(qtbot, window)
    settle(qtbot, window)
    assert [page.unsigned.row_at(n).name_en for n in range(page.unsigned.rowCount())] == [
        "Chen Ta-wen"]


def test_an_adopted_version_is_published_from_the_page(qtbot, terms_store, window,
                                                        monkeypatch):
    from secretariat.terms_vocabulary import TermsStatus
    from ui.terms.record_dialogs import PublishDialog

    page = _page(qtbot, window)
    assert page.selected().status == TermsStatus.ADOPTED and page.publish_button.isEnabled()
    monkeypatch.setattr(PublishDialog, "exec", lambda self: PublishDialog.DialogCode.Accepted)
    page.publish()
    settle(qtbot, window)
    settle(qtbot, window)
    assert page.selected().status == TermsStatus.PUBLISHED
    assert not page.publish_button.isEnabled()  # published once


def test_a_draft_is_edited_in_the_page_and_the_edit_undone(qtbot, terms_store, window,
                                                            monkeypatch):
    from ui.terms.draft_editor import DraftEditor

    page = _page(qtbot, window)
    page.new_draft()
    settle(qtbot, window)
    settle(qtbot, window)
    assert page.edit_button.isEnabled() and page.selected().version_no == 3

    def edit(dialog):
        dialog._rules["quorum_percent"].setValue(75)
        dialog._texts["mandate"][1].setPlainText("Oversee and co-create the action plan.")
        dialog._seats["academia"][0].setValue(2)  # two academic seats, none before
        return DraftEditor.DialogCode.Accepted

    monkeypatch.setattr(DraftEditor, "exec", edit)
    page.edit_draft()
    settle(qtbot, window)
    settle(qtbot, window)
    settle(qtbot, window)
    fields = page.fields.toPlainText()
    assert "75 % of the members" in fields and "Oversee and co-create" in fields
    assert "Academia" in fields
    window.context.stack.undo()
    settle(qtbot, window)
    settle(qtbot, window)
    settle(qtbot, window)
    assert "60 % of the members" in page.fields.toPlainText()
    assert "Academia" not in page.fields.toPlainText()
