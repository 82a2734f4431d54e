"""The ethics statement of each terms-of-reference version and the members' signatures:
who signed which version, when and how; who in office on a day has not signed the
statement of the version in force that day."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.errors import SecretariatError
from secretariat.model import Role
from secretariat.services.terms import adopting, drafting, ethics
from tests.core.factories import make_forum, make_person_with_membership

STATEMENT = {"ethics": {"zh_TW": "本人承諾誠信行事。", "en": "I undertake to act with integrity."}}


def _two_versions(s):
    make_forum(s)
    drafting.draft_version(s, texts=STATEMENT)
    adopting.adopt_version(s, 1, on=dt.date(2025, 1, 1))
    drafting.draft_version(s, rules={"quorum_percent": 60})
    adopting.adopt_version(s, 2, on=dt.date(2026, 3, 1))


def test_members_who_have_not_signed_the_version_in_force(session):
    _two_versions(session)
    alice, _ = make_person_with_membership(session, "Alice")
    bob, _ = make_person_with_membership(session, "Bob", sector_code="government_agency")
    carol, _ = make_person_with_membership(session, "Carol", role=Role.OBSERVER)
    dave, _ = make_person_with_membership(session, "Dave", term_end=dt.date(2025, 12, 31))
    ethics.sign_statement(session, alice.id, 1, on="2025-02-01", method="paper")
    ethics.sign_statement(session, bob.id, 2, on=dt.date(2026, 3, 1), method="electronic")

    before = ethics.unsigned_members(session, dt.date(2025, 6, 1))
    assert before.version_no == 1
    assert [m.name for m in before.members] == ["Bob", "Dave"]  # observers do not sign
    after = ethics.unsigned_members(session, dt.date(2026, 6, 1))
    # Version 2's statement is signed anew; Dave's term is over.
    assert (after.version_no, [m.name for m in after.members]) == (2, ["Alice"])
    assert carol.id not in {m.person_id for m in after.members}


def test_a_signature_records_the_day_and_how(session):
    _two_versions(session)
    alice, _ = make_person_with_membership(session, "Alice")
    ethics.sign_statement(session, alice.id, 2, on="2026-03-02", method="electronic")
    [row] = ethics.signatures(session, 2)
    assert (row.name, row.version_no, row.signed_on, row.method.value) == (
        "Alice", 2, dt.date(2026, 3, 2), "electronic")
    with pytest.raises(SecretariatError, match="Alice signed the ethics statement of version 2"):
        ethics.sign_statement(session, alice.id, 2, on="2026-03-03", method="paper")


def test_a_signature_dated_later_does_not_count_before_it(session):
    _two_versions(session)
    alice, _ = make_person_with_membership(session, "Alice")
    ethics.sign_statement(session, alice.id, 2, on="2026-05-01", method="paper")
    assert [m.name for m in ethics.unsigned_members(session, dt.date(2026, 4, 1)).members] \
        == ["Alice"]


def test_drafts_are_not_signed_and_meeting_signatures_name_the_meeting(session):
    _two_versions(session)
    alice, _ = make_person_with_membership(session, "Alice")
    drafting.draft_version(session)
    with pytest.raises(SecretariatError, match="is a draft"):
        ethics.sign_statement(session, alice.id, 3, on="2026-05-01", method="paper")
    with pytest.raises(SecretariatError, match="in which meeting"):
        ethics.sign_statement(session, alice.id, 2, on="2026-05-01", method="in_meeting")
    with pytest.raises(SecretariatError, match="not a valid choice"):
        ethics.sign_statement(session, alice.id, 2, on="2026-05-01", method="telepathy")
