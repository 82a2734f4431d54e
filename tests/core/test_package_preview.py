"""The preview before an export: what goes in (counts and names) and what is held back
(counts; no private title ever shown)."""

from __future__ import annotations

import pytest

from secretariat.i18n import language_override
from secretariat.packages.meeting_package import read_meeting_package
from secretariat.packages.preview import describe, meeting_preview
from secretariat.publication.preview import publication_preview
from tests.core.factories import SECRETS, make_full_meeting
from tests.core.package_helpers import BAGGING_DATE, approve_minutes_of


@pytest.fixture
def meeting(session, tmp_path):
    ids = make_full_meeting(session, tmp_path / "records")
    approve_minutes_of(session, ids["meeting"])
    return ids


def _words(preview) -> str:
    with language_override("en"):
        return "\n".join(describe(line, max_names=100)
                         for line in (*preview.included, *preview.held_back))


def test_a_public_meeting_package_preview_counts_what_goes_in_and_what_stays(
        session, tmp_path, meeting):
    data = read_meeting_package(session, tmp_path / "records" / "documents",
                                meeting["meeting"])
    preview = meeting_preview(data)
    assert preview.count("papers") == 3 and preview.count("restricted_papers") == 3
    assert preview.count("decisions") == 1 and preview.count("private_decisions") == 1
    assert preview.count("pdfs") == 4
    assert preview.count("internal_notes") == 1 and preview.count("closed_links") == 1
    words = _words(preview)
    assert "3 restricted papers" in words and "公開文件00" in words
    assert not any(secret in words for secret in SECRETS.values())


def test_with_private_content_nothing_is_held_back(session, tmp_path, meeting):
    data = read_meeting_package(session, tmp_path / "records" / "documents",
                                meeting["meeting"], include_private=True)
    preview = meeting_preview(data)
    assert preview.held_back == () and preview.count("papers") == 6


def test_the_publication_preview_names_what_is_held_back_without_private_titles(
        session, tmp_path, meeting):
    from secretariat.services.members import people

    people.update_person(session, meeting["people"][0], email="secret-member@example.tw")
    session.commit()
    preview = publication_preview(session, tmp_path / "records" / "documents",
                                  today=BAGGING_DATE)
    assert preview.count("meetings") == 2  # the meeting and the one approving its minutes
    assert preview.count("restricted_papers") == 3
    assert preview.count("private_decisions") == 1
    assert preview.count("recipient_lists") == 1
    assert preview.count("contact_details") == 1
    words = _words(preview)
    assert "第5次論壇會議" in words  # a meeting's title is public: the notes line names it
    assert not any(secret in words for secret in SECRETS.values())


def test_a_long_list_of_names_is_cut_with_a_count_of_the_rest():
    from secretariat.packages.preview import PreviewLine

    line = PreviewLine("papers", 12, tuple(f"paper {n}" for n in range(12)))
    with language_override("en"):
        assert describe(line, max_names=3) == "12 papers: paper 0; paper 1; paper 2; and 9 more"
