"""The demo forum's action-plan cycle: judged on the demo's day, the dashboard shows every
status, and the evidence points at records that exist."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from secretariat.compliance.result import Status
from secretariat.compliance.service import check_cycle
from secretariat.demo import load_demo
from secretariat.model import Contribution, Meeting
from secretariat.store import open_store

NOW = dt.datetime(2026, 6, 15, 3, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}")
    load_demo(store, scale="small", now=NOW)
    yield store
    store.close()


def test_every_status_appears_on_the_demo_day(demo):
    with demo.session() as s:
        report = check_cycle(s, day=NOW.date())
        assert s.scalar(select(func.count(Contribution.id))) == 40
    assert {result.status for result in report.results} == set(Status)


def test_the_demo_shows_the_cases_it_was_built_for(demo):
    with demo.session() as s:
        results = {r.entry_id: r for r in check_cycle(s, day=NOW.date()).results}
        meeting_ids = set(s.scalars(select(Meeting.id)))
    assert results["seed.cycle.info.b3"].status == Status.ATTESTED
    assert results["seed.cycle.spaces.a1"].status == Status.NOT_MET  # attested not met
    assert results["seed.dev.info.b2"].status == Status.PARTLY_MET  # a six-week gap
    assert results["seed.impl.info.a2"].status == Status.PARTLY_MET  # 2 of 3 commitments
    assert results["seed.impl.spaces.a1"].status == Status.NOT_YET_DUE  # self-assessment
    assert results["seed.cycle.own.b3"].status == Status.CANNOT_TELL
    for result in results.values():
        for evidence in result.outcome.evidence:
            if evidence.kind == "meeting":
                assert evidence.id in meeting_ids
