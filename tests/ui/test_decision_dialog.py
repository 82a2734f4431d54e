"""The decision dialog records who voted how (or counts only, for a secret ballot) and
dissenting statements by member or unnamed; a recused member's vote is refused by the
service with its message, and nothing is saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from secretariat.model import Decision, DecisionMethod, VoteChoice
from secretariat.services.meetings import decisions as decision_service
from tests.ui.editor_helpers import attend, settle
from tests.ui.mnemonic_helpers import duplicates, mnemonics
from ui.meeting_editor.decision_dialogs import NAMED
from ui.widgets import select_data


def vote_dialog(qtbot, editor, attending: int = 3):
    attend(qtbot, editor, attending)
    dialog = editor.decisions.record_decision()
    dialog.text.setPlainText("通過國家行動方案草案。")
    select_data(dialog.method, DecisionMethod.VOTE)
    select_data(dialog.ballot, NAMED)
    return dialog, list(dialog.voters.recused)  # the voters' ids, in the order shown


def saved_decisions(env) -> list[tuple]:
    """(for, against, abstain, named votes, dissents) of each decision of the meeting."""
    with env.store.session() as s:
        rows = s.query(Decision).filter_by(meeting_id=env.first_id).all()
        return [(d.votes_for, d.votes_against, d.votes_abstain,
                 sorted((v.person_id, v.choice) for v in d.votes),
                 [(x.person_id, x.statement) for x in d.dissents]) for d in rows]


def test_named_votes_make_the_counts_and_dissents_name_their_member(qtbot, editor, env):
    dialog, (first, second, third) = vote_dialog(qtbot, editor)
    assert not dialog.votes["for"].isEnabled()  # counted from the named votes
    dialog.voters.set_vote(first, VoteChoice.FOR)
    dialog.voters.set_vote(second, VoteChoice.FOR)
    dialog.voters.set_vote(third, VoteChoice.AGAINST)
    assert [dialog.votes[k].value() for k in ("for", "against", "abstain")] == [2, 1, 0]
    named = dialog.dissents.add_row()
    select_data(named.member, third)
    named.statement.setText("本席認為公眾諮詢期間不足兩週。")
    dialog.dissents.add_row().statement.setText("有委員認為應延後決議。")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert not dialog.isVisible(), dialog.submit_error.text()
    assert saved_decisions(env) == [(
        2, 1, 0,
        sorted([(first, VoteChoice.FOR), (second, VoteChoice.FOR), (third, VoteChoice.AGAINST)]),
        [(third, "本席認為公眾諮詢期間不足兩週。"), (None, "有委員認為應延後決議。")])]


def test_counts_only_for_a_secret_ballot_record_no_names(qtbot, editor, env):
    dialog, (first, *_rest) = vote_dialog(qtbot, editor)
    dialog.voters.set_vote(first, VoteChoice.FOR)  # chosen, then the ballot turned secret
    select_data(dialog.ballot, "counts")
    assert not dialog.voters.votes[first].isVisibleTo(dialog)
    dialog.votes["for"].setValue(2)
    dialog.votes["abstain"].setValue(1)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert not dialog.isVisible(), dialog.submit_error.text()
    assert saved_decisions(env) == [(2, 0, 1, [], [])]


def test_a_recused_member_voting_is_refused_with_the_services_message(qtbot, editor, env):
    dialog, (first, second, _third) = vote_dialog(qtbot, editor)
    dialog.voters.set_recused(first)
    dialog.voters.set_vote(first, VoteChoice.FOR)
    dialog.voters.set_vote(second, VoteChoice.AGAINST)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert dialog.isVisible()
    name = dialog.voters.names[first]
    assert f"{name} is recused from this decision and cannot vote" in \
        dialog.submit_error.text()
    with env.store.session() as s:
        assert decision_service.decision_count(s, meeting_id=env.first_id) == 0

    dialog.voters.set_vote(first, None)  # corrected: the recused member's vote is removed
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert not dialog.isVisible(), dialog.submit_error.text()
    assert saved_decisions(env)[0][:4] == (0, 1, 0, [(second, VoteChoice.AGAINST)])


def test_a_named_dissent_needs_its_statement(qtbot, editor, env):
    dialog, (first, *_rest) = vote_dialog(qtbot, editor)
    row = dialog.dissents.add_row()
    select_data(row.member, first)
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_for("dissents") == "Write the member's statement, or remove the row."
    row.remove.click()
    assert dialog.ok_button.isEnabled() and dialog.dissents.rows == []


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_the_dialog_is_keyboard_accessible(qtbot, editor, env, language):
    from ui.language import apply_language

    apply_language(language)
    dialog, voters = vote_dialog(qtbot, editor)
    dialog.show()
    row = dialog.dissents.add_row()
    assert dialog.focusWidget() is row.statement  # ready to type
    assert duplicates(mnemonics(dialog)) == {}
    order, widget = [dialog.text], dialog.text.nextInFocusChain()
    while widget is not dialog.text:
        order.append(widget)
        widget = widget.nextInFocusChain()
    position = {id(w): i for i, w in enumerate(order)}
    sequence = [dialog.voters.recused[voters[-1]], row.member, row.statement, row.remove,
                dialog.dissents.add_button, dialog.rationale, dialog.ok_button]
    assert [position[id(w)] for w in sequence] == sorted(position[id(w)] for w in sequence)
    assert all(w.accessibleName() for w in (row.member, row.statement,
                                            dialog.voters.votes[voters[0]],
                                            dialog.voters.recused[voters[0]]))
