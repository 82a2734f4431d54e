"""The compliance engine: membership checks at their thresholds, attestations, how an
all_of rule combines its parts, and the whole catalogues judged without a fake "met"."""

from __future__ import annotations

import pytest

from secretariat.compliance.checks_forum import (
    co_chairs,
    forum_details,
    high_level_member,
    membership_balance,
    sector_diversity,
    terms_of_reference,
    working_groups,
)
from secretariat.compliance.engine import CHECKS, NOT_DECIDABLE, combine, evaluate, evaluate_catalogue
from secretariat.compliance.facts import (
    AttestationFact,
    CommitmentFact,
    DocumentFact,
    MembershipFact,
)
from secretariat.compliance.result import Message, Outcome, Status
from secretariat.standards.catalogue import load
from secretariat.standards.rules import CHECKS as RULE_CHECKS
from tests.core.compliance_helpers import DEV, D, facts

START = DEV[0]


def members(government: int, other: int, *, start=START, ends_on=None, first_id=1):
    out, n = [], first_id
    for side, count, sector in (("government", government, "government_agency"),
                                ("non_government", other, "civil_society")):
        for _ in range(count):
            out.append(MembershipFact(n, side, sector, "member", False, start, ends_on))
            n += 1
    return out


@pytest.mark.parametrize("government, other, status", [
    (4, 6, Status.MET), (6, 4, Status.MET), (3, 7, Status.NOT_MET)])
def test_balance_at_forty_percent(government, other, status):
    params = {"min_share_each_side": 0.4}
    records = facts(memberships=tuple(members(government, other)))
    assert membership_balance(params, records, D(2025, 6, 1)).status == status


def test_a_past_imbalance_is_partly_met():
    params = {"min_share_each_side": 0.4}
    early = members(3, 6)  # 3 of 9: a third, short
    later = [MembershipFact(50, "government", "parliament", "member", False,
                            D(2025, 3, 1), None)]  # 4 of 10 from March
    records = facts(memberships=tuple(early + later))
    outcome = membership_balance(params, records, D(2025, 6, 1))
    assert outcome.status == Status.PARTLY_MET
    assert outcome.explanation.params["day"] == START


def test_no_members_cannot_be_told():
    assert membership_balance({"min_share_each_side": 0.4}, facts(),
                              D(2025, 6, 1)).status == Status.CANNOT_TELL


def test_sector_diversity_high_level_and_co_chairs():
    records = facts(memberships=(
        MembershipFact(1, "government", "government_agency", "co_chair", True, START, None),
        MembershipFact(2, "non_government", "civil_society", "member", False, START, None),
        MembershipFact(3, "non_government", "academia", "co_chair", False, START, None)))
    day = D(2025, 6, 1)
    assert sector_diversity({"min_sectors_per_side": 2}, records, day).status \
        == Status.PARTLY_MET
    assert sector_diversity({"min_sectors_per_side": 1}, records, day).status == Status.MET
    assert high_level_member({"side": "government", "min_count": 1}, records, day).status \
        == Status.MET
    assert high_level_member({"side": "government", "min_count": 2}, records, day).status \
        == Status.PARTLY_MET
    both = {"sides": ["government", "non_government"]}
    assert co_chairs(both, records, day).status == Status.MET
    ended = facts(memberships=(
        MembershipFact(1, "government", "government_agency", "co_chair", True, START,
                       D(2025, 5, 31)), *records.memberships[1:]))
    assert co_chairs(both, ended, day).status == Status.PARTLY_MET
    assert co_chairs(both, ended, D(2025, 5, 31)).status == Status.MET


def test_forum_details_and_terms_of_reference():
    fields = {"fields": ["contact_point", "website"]}
    assert forum_details(fields, facts(website="https://ogp.tw"), D(2025, 2, 1)).status \
        == Status.PARTLY_MET
    assert forum_details(fields, facts(website="https://ogp.tw", contact_point="秘書處"),
                         D(2025, 2, 1)).status == Status.MET
    tor = facts(documents=(DocumentFact(4, "terms_of_reference", True, D(2025, 1, 10)),))
    assert terms_of_reference({"published": True}, tor, D(2025, 2, 1)).status == Status.MET
    assert terms_of_reference({"published": True}, tor, D(2025, 1, 9)).status \
        == Status.NOT_MET
    assert terms_of_reference({"published": True, "adopted_by_forum_decision": True}, tor,
                              D(2025, 2, 1)).status == Status.CANNOT_TELL
    private = facts(documents=(DocumentFact(4, "terms_of_reference", False, D(2025, 1, 10)),))
    assert terms_of_reference({"published": True}, private, D(2025, 2, 1)).status \
        == Status.NOT_MET


def test_working_groups_per_commitment():
    params = {"per_commitment": True, "phase": "implementation"}
    records = facts(commitments=(CommitmentFact(1, "採購工作小組"), CommitmentFact(2, "")))
    assert working_groups(params, records, D(2026, 1, 1)).status == Status.PARTLY_MET
    assert working_groups({"both_sides": True}, records, D(2026, 1, 1)).status \
        == Status.CANNOT_TELL


def test_attestation_status_follows_the_latest_statement_by_the_day():
    catalogue = load("seed")
    entry = catalogue.entry("seed.cycle.info.b3")
    assert evaluate(entry, facts(), D(2025, 6, 1)).status == Status.CANNOT_TELL
    records = facts(attestations=(AttestationFact(1, entry.id, True, D(2025, 3, 1)),
                                  AttestationFact(2, entry.id, False, D(2025, 7, 1))))
    assert evaluate(entry, records, D(2025, 2, 28)).status == Status.CANNOT_TELL
    assert evaluate(entry, records, D(2025, 6, 1)).status == Status.ATTESTED
    assert evaluate(entry, records, D(2025, 7, 1)).status == Status.NOT_MET


def _o(status):
    return Outcome.of(status, Message("x"))


@pytest.mark.parametrize("parts, status", [
    ((Status.MET, Status.MET), Status.MET),
    ((Status.MET, Status.ATTESTED), Status.ATTESTED),
    ((Status.MET, Status.NOT_MET), Status.PARTLY_MET),
    ((Status.NOT_MET, Status.NOT_MET), Status.NOT_MET),
    ((Status.NOT_MET, Status.CANNOT_TELL), Status.NOT_MET),
    ((Status.MET, Status.CANNOT_TELL), Status.CANNOT_TELL),
    ((Status.NOT_YET_DUE, Status.CANNOT_TELL), Status.CANNOT_TELL),
    ((Status.MET, Status.NOT_YET_DUE), Status.NOT_YET_DUE),
    ((Status.PARTLY_MET, Status.CANNOT_TELL), Status.PARTLY_MET),
])
def test_all_of_combines_its_parts(parts, status):
    assert combine(tuple(_o(p) for p in parts)).status == status


def test_every_rule_check_is_implemented_or_named_undecidable():
    assert set(RULE_CHECKS) == set(CHECKS) | set(NOT_DECIDABLE)


@pytest.mark.parametrize("name", ["seed", "2021"])
def test_with_no_records_nothing_is_met(name):
    """An empty forum meets nothing: no check says "met" without records."""
    catalogue = load(name)
    for day in (D(2024, 12, 1), D(2025, 6, 1), D(2027, 12, 1)):
        results = evaluate_catalogue(catalogue, facts(), day)
        assert len(results) == len(catalogue.entries)
        assert not [r.entry_id for r in results if r.status in (Status.MET, Status.ATTESTED)]
        for result in results:  # every explanation reads in both languages
            assert result.outcome.explanation.text("en")
            assert result.outcome.explanation.text("zh_TW")


def test_undecidable_checks_say_why():
    entry = load("seed").entry("seed.cycle.own.b3")  # member_selection
    result = evaluate(entry, facts(), D(2025, 6, 1))
    assert result.status == Status.CANNOT_TELL
    assert "Selection rounds" in result.outcome.explanation.text("en")


def test_terms_of_reference_read_from_their_versions():
    from secretariat.compliance.facts import TermsFact

    by_date = facts(terms=(TermsFact(1, D(2024, 12, 1), False, D(2024, 12, 5)),))
    by_decision = facts(terms=(TermsFact(1, D(2024, 12, 1), False, D(2024, 12, 5)),
                               TermsFact(2, D(2025, 3, 1), True, D(2025, 3, 4))))
    assert terms_of_reference({"published": True}, by_date, D(2025, 2, 1)).status == Status.MET
    assert terms_of_reference({"published": True}, by_date, D(2024, 12, 4)).status \
        == Status.NOT_MET  # adopted, not yet published
    decided = {"published": True, "adopted_by_forum_decision": True}
    assert terms_of_reference(decided, by_date, D(2025, 2, 1)).status == Status.NOT_MET
    assert terms_of_reference(decided, by_decision, D(2025, 2, 1)).status == Status.NOT_MET
    assert terms_of_reference(decided, by_decision, D(2025, 3, 5)).status == Status.MET
