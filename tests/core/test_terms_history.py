"""Property: whatever a clerk does with later versions — draft, edit, discard, adopt,
publish, in any order, refused steps included — every adopted version reads exactly as
it did when it was adopted (only its publication date may be added once)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretariat.errors import SecretariatError
from secretariat.services.terms import adopting, drafting, versions
from tests.core.factories import make_forum

STEPS = st.lists(st.tuples(
    st.sampled_from(["draft", "edit", "discard", "adopt", "publish", "edit_adopted"]),
    st.integers(1, 100), st.integers(0, 30)), min_size=1, max_size=12)


@pytest.fixture
def sqlite_session(sqlite_url):
    """One SQLite database for every example (each builds on the versions before)."""
    from secretariat.store import open_store

    store = open_store(sqlite_url)
    with store.session() as s:
        yield s
    store.close()


def _frozen_part(view):
    return (view.rules, view.texts, view.seats, view.adopted_on, view.change_note)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_adopted_versions_are_never_rewritten(sqlite_session, steps):
    s = sqlite_session
    make_forum(s)
    seen = {v.version_no: _frozen_part(v) for v in versions.list_views(s)
            if v.status.value != "draft"}
    for action, number, days in steps:
        newest = max((v.version_no for v in versions.all_versions(s)), default=0)
        try:
            with s.begin_nested():
                if action == "draft":
                    drafting.draft_version(s, rules={"quorum_percent": number},
                                           texts={"mandate": {"en": f"Mandate {number}"}})
                elif action == "edit":
                    drafting.update_draft(s, newest, rules={"notice_days": days},
                                          seats={"academia": (days, 0)})
                elif action == "discard":
                    drafting.discard_draft(s, newest)
                elif action == "adopt":
                    adopting.adopt_version(s, newest, on=dt.date(2020, 1, 1)
                                           + dt.timedelta(days=30 * newest + days))
                elif action == "publish":
                    adopting.publish_version(s, 1 + number % max(newest, 1),
                                             on=dt.date(2026, 6, 1))
                else:  # try an adopted version as if it were a draft
                    drafting.update_draft(s, 1 + number % max(newest, 1),
                                          rules={"quorum_percent": number})
        except SecretariatError:
            pass  # refused: nothing changed (checked below like everything else)
        for view in versions.list_views(s):
            if view.status.value == "draft":
                continue
            assert seen.setdefault(view.version_no, _frozen_part(view)) == _frozen_part(view)
