"""Running a round's method: inputs read, the method computed, the result stored with
the candidates' order of selection. Running again (while undecided) replaces the result.

``run_round`` does all three in one transaction (the command line). The application
reads the inputs, computes on its worker with no transaction open, then calls
``store_result`` with the round's version as read, so an edit made meanwhile is not
overwritten by a result computed from the older inputs.
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.selection.round_vocabulary import RoundStatus
from secretariat.services.selection.computation import Progress, compute
from secretariat.services.selection.guards import round_for_change
from secretariat.services.selection.round_inputs import RoundInputs, method_inputs
from secretariat.services.validation import flush


def run_round(s: Session, round_id: int, progress: Progress | None = None) -> dict:
    inputs = method_inputs(s, round_id)
    return store_result(s, inputs, compute(inputs, progress))


def store_result(s: Session, inputs: RoundInputs, record: dict) -> dict:
    selection_round = round_for_change(s, inputs.round_id, expected_version=inputs.version,
                                       keeps_result=True)
    if selection_round.status != RoundStatus.CLOSED:
        raise SecretariatError(N_("Close the call before running the method: the pool must "
                                  "not change any more."))
    by_number = {m.number: m.candidate_id for m in inputs.pool}
    rank = {by_number[number]: i for i, number in enumerate(record["selected"], start=1)}
    for candidate in selection_round.candidates:
        candidate.selected_rank = rank.get(candidate.id)
    record = {**record, "pool": [{"number": m.number, "name": m.name, "name_en": m.name_en,
                                  "organisation": m.organisation, "features": m.features}
                                 for m in inputs.pool]}
    selection_round.result_json = json.dumps(record, ensure_ascii=False)
    flush(s)
    return record
