"""A round's method run on its inputs, calling the pure methods of
``secretariat.selection``; the result is the full computation record as plain JSON
values (what the round report and the open data publish).

Every record has ``method``, ``seats``, ``pool_size`` and ``selected`` (1-based pool
numbers, in the order the method chose them); the rest depends on the method.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.selection import blt, meek, rfc3797, scottish, scoring, simple_counts
from secretariat.selection.round_vocabulary import SelectionMethod
from secretariat.selection.stv_report import decimal, format_report
from secretariat.services.selection.round_inputs import RoundInputs

Progress = Callable[[str], None]


def compute(inputs: RoundInputs, progress: Progress | None = None) -> dict:
    say = progress or (lambda _text: None)
    base = {"method": inputs.method.value, "seats": inputs.seats,
            "pool_size": len(inputs.pool), "hash": inputs.hash_name,
            "key_string": inputs.key}
    if inputs.method == SelectionMethod.DRAW:
        return {**base, **_draw(inputs)}
    if inputs.method == SelectionMethod.LEXIMIN:
        return {**base, **_leximin(inputs, say)}
    if inputs.method == SelectionMethod.SCORED:
        return {**base, **_scored(inputs)}
    return {**base, **_election(inputs)}


def _draw(inputs: RoundInputs) -> dict:
    steps = rfc3797.select(len(inputs.pool), inputs.seats, inputs.key, inputs.hash_name)
    return {"steps": [{"index": st.index, "digest": st.digest, "divisor": st.divisor,
                       "position": st.position} for st in steps],
            "selected": [st.position for st in steps]}


def leximin_people(inputs: RoundInputs) -> tuple[list[str], list[list[str]]]:
    """The quota categories (in the order the quotas name them) and each pool member's
    values for them; a member without a value for a category cannot be placed."""
    categories = list(dict.fromkeys(q["category"] for q in inputs.quotas))
    if not categories:
        raise SecretariatError(N_("A lottery with quotas needs quotas."))
    people, missing = [], []
    for member in inputs.pool:
        row = [member.features.get(c, "") for c in categories]
        missing += [f"{member.name} ({c})" for c, v in zip(categories, row, strict=True) if not v]
        people.append(row)
    if missing:
        raise SecretariatError(N_("Some candidates have no value for a quota's category: "
                                  "{missing}."), missing=", ".join(missing))
    return categories, people


def complete_quotas(quotas, categories, people, seats: int) -> list[dict]:
    """The quotas with a row "0 to all seats" for every value someone in the pool has and
    no quota names: the same lottery, in the form the Sortition Foundation's files (and
    ``secretariat sortition``) require, where every value of a category has its row."""
    completed = [dict(q) for q in quotas]
    named = {(q["category"], q["feature"]) for q in quotas}
    for column, category in enumerate(categories):
        for value in dict.fromkeys(row[column] for row in people):
            if (category, value) not in named:
                completed.append({"category": category, "feature": value, "min": 0,
                                  "max": seats})
    return completed


def _leximin(inputs: RoundInputs, say: Progress) -> dict:
    from secretariat.selection.leximin import leximin
    from secretariat.selection.panels import publish
    from secretariat.selection.quotas import Quota, build_problem

    categories, people = leximin_people(inputs)
    completed = complete_quotas(inputs.quotas, categories, people, inputs.seats)
    quotas = [Quota(q["category"], q["feature"], q["min"], q["max"]) for q in completed]
    problem = build_problem(categories, people, quotas, inputs.seats)
    say(N_("Computing the fairest lottery over the panels that meet the quotas…"))
    lottery = publish(leximin(problem))
    say(N_("Drawing the panel from the published list…"))
    ticket = lottery.winning_ticket(inputs.key, inputs.hash_name)
    panel = lottery.panel_for_ticket(ticket)
    probabilities = lottery.person_probabilities()
    return {
        "categories": categories, "quotas": completed,
        "resolution": lottery.resolution,
        "probabilities": [float(p) for p in probabilities],
        "minimum_probability": float(min(probabilities)),
        "panels": [{"probability": float(lottery.probability(p)), "tickets": p.tickets,
                    "first_ticket": p.first_ticket, "last_ticket": p.last_ticket,
                    "members": [m + 1 for m in p.members]} for p in lottery.panels],
        "ticket": ticket, "panel": lottery.panels.index(panel) + 1,
        "selected": [m + 1 for m in panel.members],
    }


def _election(inputs: RoundInputs) -> dict:
    election = blt.parse(inputs.ballots_blt)
    names = [m.name for m in inputs.pool]
    if sorted(election.candidates) != sorted(names):
        raise SecretariatError(N_("The ballots name other candidates than the eligible "
                                  "pool: ballots {ballots}; pool {pool}."),
                               ballots=", ".join(election.candidates), pool=", ".join(names))
    if election.seats != inputs.seats:
        raise SecretariatError(N_("The ballots are for {found} seats, the round fills "
                                  "{seats}."), found=election.seats, seats=inputs.seats)
    number = {name: i + 1 for i, name in enumerate(names)}
    if inputs.method in (SelectionMethod.APPROVAL, SelectionMethod.PLURALITY):
        if inputs.method == SelectionMethod.PLURALITY:
            tally = simple_counts.plurality(election, seed=inputs.key)
        else:
            approved = [[election.candidates[c] for c in b.ranking]
                        for b in election.effective_ballots() for _ in range(b.weight)]
            tally = simple_counts.approval(election.candidates, election.seats, approved,
                                           seed=inputs.key)
        return {"ballots_blt": inputs.ballots_blt, "candidates": list(election.candidates),
                "votes": list(tally.votes),
                "tied_for_last": [election.candidates[c] for c in tally.tied_for_last],
                "selected": [number[n] for n in tally.elected_names]}
    counter = meek if inputs.method == SelectionMethod.STV_MEEK else scottish
    result = counter.count(election, seed=inputs.key)
    return {"ballots_blt": inputs.ballots_blt, "candidates": list(result.candidates),
            "quota": decimal(result.quota, result.decimals), "valid_votes": result.valid_votes,
            "stages": [{"number": st.number, "action": st.action,
                        "candidate": None if st.candidate is None else result.candidates[st.candidate],
                        "votes": [decimal(v, result.decimals) for v in st.votes],
                        "changes": [decimal(v, result.decimals, sign=True) for v in st.changes],
                        "non_transferable": decimal(st.non_transferable, result.decimals),
                        "elected": [result.candidates[c] for c in st.elected],
                        "excluded": [result.candidates[c] for c in st.excluded],
                        "tie": st.tie} for st in result.stages],
            "report": format_report(result, election.title),
            "selected": [number[n] for n in result.elected_names]}


def _scored(inputs: RoundInputs) -> dict:
    criteria = [scoring.Criterion(c["name"], Fraction(c["weight"]), c["low"], c["high"])
                for c in inputs.rubric]
    member_index = {m: a for a, m in enumerate(inputs.assessors)}
    candidate_index = {m.candidate_id: i for i, m in enumerate(inputs.pool)}
    scores = {(member_index[m], candidate_index[c], name): value
              for (m, c, name), value in inputs.scores.items() if c in candidate_index}
    recused = {(member_index[m], candidate_index[c]) for m, c in inputs.recused
               if c in candidate_index}
    result = scoring.assess(criteria, len(inputs.pool), len(inputs.assessors), scores, recused,
                            inputs.seats, key=inputs.key, hash_name=inputs.hash_name)
    return {"rubric": list(inputs.rubric),
            "scores": [{"assessor": a + 1, "candidate": c + 1, "criterion": name, "score": v}
                       for (a, c, name), v in sorted(scores.items())],
            "recused": sorted([a + 1, c + 1] for a, c in recused),
            "ranking": [{"candidate": r.candidate + 1, "average": str(r.average),
                         "average_decimal": f"{float(r.average):.4f}",
                         "assessors": r.assessors,
                         "tie_draw": [c + 1 for c in r.tie_draw]} for r in result.ranking],
            "selected": [c + 1 for c in result.selected]}
