"""Early warning on the IRM's "acting contrary to process" triggers, at their boundaries:
an action plan 12 months after the previous one ended, progress on no commitment."""

from __future__ import annotations

import pytest

from secretariat.compliance.facts import CommitmentFact, ProgressFact
from secretariat.compliance.warnings import plan_trigger, progress_trigger
from tests.core.compliance_helpers import CYCLE, IMPL, D, facts, replace


def test_the_plan_is_due_12_months_after_the_previous_cycle_ended():
    cycle = replace(CYCLE, previous_end=D(2024, 8, 31))
    on_the_day = plan_trigger(facts(cycle=cycle), D(2025, 8, 31))
    assert not on_the_day.reached and on_the_day.days_left == 0
    assert plan_trigger(facts(cycle=cycle), D(2025, 9, 1)).reached
    submitted = replace(cycle, plan_submitted_on=D(2025, 8, 31))
    assert not plan_trigger(facts(cycle=submitted), D(2026, 1, 1)).reached
    late = replace(cycle, plan_submitted_on=D(2025, 9, 1))
    assert plan_trigger(facts(cycle=late), D(2026, 1, 1)).reached


def test_without_a_previous_cycle_the_development_end_is_the_due_day():
    trigger = plan_trigger(facts(), D(2025, 9, 1))
    assert trigger.days_left == (D(2026, 8, 31) - D(2025, 9, 1)).days
    assert "2026" in trigger.message.text("en")


@pytest.mark.parametrize("completions, reached", [
    (("not_started", "no_evidence"), True), (("not_started", "limited"), False)])
def test_no_progress_on_any_commitment(completions, reached):
    records = facts(commitments=(CommitmentFact(1, ""), CommitmentFact(2, "")),
                    progress=tuple(ProgressFact(n, n, D(2026, 1, 1), completion, None)
                                   for n, completion in enumerate(completions, 1)))
    assert progress_trigger(records, D(2026, 2, 1)).reached is reached
    assert not progress_trigger(records, D(2025, 8, 31)).reached  # before implementation
    assert IMPL[0] == D(2025, 9, 1)


def test_the_latest_update_of_a_commitment_counts():
    records = facts(commitments=(CommitmentFact(1, ""),), progress=(
        ProgressFact(1, 1, D(2026, 1, 1), "limited", None),
        ProgressFact(2, 1, D(2026, 3, 1), "no_evidence", None)))
    assert not progress_trigger(records, D(2026, 2, 1)).reached
    assert progress_trigger(records, D(2026, 3, 1)).reached
