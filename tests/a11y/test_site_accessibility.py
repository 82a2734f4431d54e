"""The publication website meets WCAG 2.1 AA, as axe-core judges it in a real browser, on
every kind of page in both languages."""

from __future__ import annotations

import pytest

from secretariat.publication.build import build_publication
from tests.a11y.conftest import axe_violations
from tests.core.factories import make_full_meeting
from tests.core.package_helpers import BAGGING_DATE, approve_minutes_of, file_signer


@pytest.fixture
def site_root(session, tmp_path):
    ids = make_full_meeting(session, tmp_path / "records")
    approve_minutes_of(session, ids["meeting"])
    bag = build_publication(session, tmp_path / "records" / "documents", tmp_path / "site",
                            signer=file_signer(tmp_path / "keys"), today=BAGGING_DATE)
    return bag / "data", ids


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_every_kind_of_page_passes_axe(axe_browser, site_root):
    root, ids = site_root
    pages = ["index.html"] + [f"{language}/{page}" for language in ("zh_TW", "en")
                              for page in ("index.html", "members.html", "meetings.html",
                                           "decisions.html", "documents.html", "terms.html",
                                           "interests.html", "cocreation.html", "selection.html",
                                           "compliance.html",
                                           f"meetings/{ids['meeting']}.html")]
    problems = {}
    for page in pages:
        violations = axe_violations(axe_browser, (root / page).as_uri())
        if violations:
            problems[page] = [(v["id"], v["help"], len(v["nodes"])) for v in violations]
    assert not problems, problems


def test_axe_does_catch_a_violation(axe_browser, tmp_path):
    """The check can fail: an image without alternative text and an unlabelled field."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><title>x</title></head><body>'
                    '<img src="x.png"><input type="text"></body></html>')
    ids = {v["id"] for v in axe_violations(axe_browser, page.as_uri())}
    assert {"image-alt", "html-has-lang"} <= ids
