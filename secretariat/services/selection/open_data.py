"""A round's open data: every file needed to re-check its result without this program's
database, and nothing private (candidates and committee members are named with their
organisation only: no contact details exist in a round, and none are read).

Files (UTF-8; CSV with a header row):
- ``round.json``: the whole record (criteria, timeline, committee and conflicts, pool in
  order, exclusions with reasons, sources, the method's computation, the result) and the
  command that re-checks it;
- ``pool.csv``: the eligible pool, numbered as the method numbered it, with the features
  quotas use (also the people file of ``secretariat sortition``); ``exclusions.csv``;
  ``sources.csv``; ``result.csv``;
- by method: ``steps.csv`` (draw), ``quotas.csv``, ``probabilities.csv``, ``panels.csv``
  (LEXIMIN), ``ballots.blt`` and ``stages.csv`` (elections), ``rubric.csv``,
  ``scores.csv``, ``ranking.csv`` (scored assessment).
"""

from __future__ import annotations

import csv
import io
import json
import shlex
from pathlib import Path

from sqlalchemy.orm import Session

from secretariat.atomic_files import write_atomically
from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.selection.round_vocabulary import SelectionMethod
from secretariat.services.selection.views import RoundDetail, round_detail


def round_open_data(s: Session, round_id: int) -> dict[str, str]:
    return open_data_files(round_detail(s, round_id))


def write_open_data(s: Session, round_id: int, folder: Path) -> list[Path]:
    files = round_open_data(s, round_id)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        write_atomically(folder / name, text.encode("utf-8"))
        written.append(folder / name)
    return written


def recheck_command(detail: RoundDetail) -> str:
    """The command line anyone can run on the open data to get the result again."""
    result = detail.result or {}
    method = detail.row.method
    sources = [arg for src in detail.sources for arg in ("--source", src["value"])]
    hash_args = ["--hash", detail.hash_name]
    if method == SelectionMethod.DRAW:
        words = ["secretariat", "lottery", "--pool-size", str(result["pool_size"]),
                 "--seats", str(detail.row.seats), *sources, *hash_args]
    elif method == SelectionMethod.LEXIMIN:
        # The draw is checked against the published list of panels (panels.csv): another
        # machine's solver may list other panels with the same probabilities per person.
        words = ["secretariat", "lottery", "--pool-size", str(result["resolution"]),
                 "--seats", "1", *sources, *hash_args]
    elif method in (SelectionMethod.STV_SCOTTISH, SelectionMethod.STV_MEEK):
        words = ["secretariat", "stv", "--ballots", "ballots.blt", "--method",
                 "meek" if method == SelectionMethod.STV_MEEK else "scottish"]
        if result.get("key_string"):
            words += ["--seed", result["key_string"]]
    else:
        return ""
    return shlex.join(words)


def _recheck_explained(method: SelectionMethod, seats: int) -> str:
    """How to read the re-check command's output (English: the open data's README
    language; the report says it in the report's language)."""
    if method == SelectionMethod.DRAW:
        return "The command prints the chosen pool numbers (pool.csv) in the order drawn."
    if method == SelectionMethod.LEXIMIN:
        return ("The command prints the winning ticket; the selected panel is the row of "
                "panels.csv whose first_ticket-last_ticket range holds it. "
                f"'secretariat sortition --people pool.csv --quotas quotas.csv --seats {seats} "
                "--format json' recomputes each person's probability (probabilities.csv).")
    if method in (SelectionMethod.STV_SCOTTISH, SelectionMethod.STV_MEEK):
        return "The command prints the elected candidates in order of election."
    return "No command re-counts this method; the files hold every vote or score."


def open_data_files(detail: RoundDetail) -> dict[str, str]:
    result = detail.result
    if result is None:
        raise SecretariatError(N_("The round has no result yet: run its method first."))
    row = detail.row
    pool = result["pool"]
    categories = sorted({key for member in pool for key in member["features"]})
    selected = [pool[number - 1] | {"number": number} for number in result["selected"]]
    record = {
        "round": {"id": row.id, "title": row.title, "title_en": row.title_en,
                  "sector": row.sector_code, "sector_zh": row.sector_zh,
                  "sector_en": row.sector_en, "seats": row.seats,
                  "term_start": str(row.term_start),
                  "term_end": str(row.term_end) if row.term_end else None,
                  "constituency": detail.constituency, "criteria_zh": detail.criteria_zh,
                  "criteria_en": detail.criteria_en,
                  "call_opens": _day(detail.call_opens), "call_closes": _day(detail.call_closes),
                  "decision_date": _day(row.decision_date), "method": row.method.value,
                  "status": row.status.value},
        "committee": [{k: m[k] for k in ("position", "name", "name_en", "organisation",
                                         "declaration", "stepped_aside_for")}
                      for m in detail.committee],
        "pool": pool,
        "exclusions": [{"position": c.position, "name": c.name, "organisation": c.organisation,
                        "reason": c.exclusion_reason}
                       for c in detail.candidates if c.eligible is False],
        "sources": [{"position": x["position"], "description": x["description"],
                     "value": x["value"], "announced_at": x["announced_at"].isoformat()}
                    for x in detail.sources],
        "computation": {k: v for k, v in result.items() if k != "pool"},
        "result": [{"rank": rank, "number": m["number"], "name": m["name"],
                    "name_en": m["name_en"], "organisation": m["organisation"]}
                   for rank, m in enumerate(selected, start=1)],
        "recheck": recheck_command(detail),
        "recheck_explained": _recheck_explained(row.method, row.seats),
    }
    files = {"round.json": json.dumps(record, ensure_ascii=False, indent=2) + "\n",
             "pool.csv": _csv(["number", "name", "name_en", "organisation", *categories],
                              [[m["number"], m["name"], m["name_en"], m["organisation"],
                                *(m["features"].get(c, "") for c in categories)] for m in pool]),
             "exclusions.csv": _csv(["position", "name", "organisation", "reason"],
                                    [list(e.values()) for e in record["exclusions"]]),
             "sources.csv": _csv(["position", "description", "value", "announced_at"],
                                 [list(x.values()) for x in record["sources"]]),
             "result.csv": _csv(["rank", "number", "name", "name_en", "organisation"],
                                [list(r.values()) for r in record["result"]])}
    files.update(_method_files(row.method, result))
    files["README.txt"] = _readme(record, sorted(files))
    return files


def _readme(record: dict, names: list[str]) -> str:
    lines = [f"Selection round: {record['round']['title']}",
             f"Method: {record['round']['method']}; status: {record['round']['status']}",
             "", "Files: " + ", ".join(names + ["README.txt"]), ""]
    if record["recheck"]:
        lines += ["Re-check the result (in this folder):", "", "    " + record["recheck"], ""]
    lines += [record["recheck_explained"], ""]
    return "\n".join(lines)


def _method_files(method: SelectionMethod, result: dict) -> dict[str, str]:
    if method == SelectionMethod.DRAW:
        return {"steps.csv": _csv(["index", "digest", "divisor", "position"],
                                  [list(st.values()) for st in result["steps"]])}
    if method == SelectionMethod.LEXIMIN:
        return {"quotas.csv": _csv(["category", "feature", "min", "max"],
                                   [[q["category"], q["feature"], q["min"], q["max"]]
                                    for q in result["quotas"]]),
                "probabilities.csv": _csv(["number", "probability"],
                                          [[n, repr(p)] for n, p in
                                           enumerate(result["probabilities"], start=1)]),
                "panels.csv": _csv(["panel", "first_ticket", "last_ticket", "probability",
                                    "members"],
                                   [[i, p["first_ticket"], p["last_ticket"],
                                     repr(p["probability"]),
                                     " ".join(map(str, p["members"]))]
                                    for i, p in enumerate(result["panels"], start=1)])}
    if method == SelectionMethod.SCORED:
        return {"rubric.csv": _csv(["name", "name_en", "weight", "low", "high"],
                                   [list(c.values()) for c in result["rubric"]]),
                "scores.csv": _csv(["assessor", "candidate", "criterion", "score"],
                                   [list(x.values()) for x in result["scores"]]),
                "ranking.csv": _csv(["rank", "candidate", "average", "assessors", "tie_draw"],
                                    [[i, r["candidate"], r["average"], r["assessors"],
                                      " ".join(map(str, r["tie_draw"]))]
                                     for i, r in enumerate(result["ranking"], start=1)])}
    files = {"ballots.blt": result["ballots_blt"]}
    if "stages" in result:
        names = result["candidates"]
        files["stages.csv"] = _csv(
            ["stage", "action", "candidate", *names, "non_transferable"],
            [[st["number"], st["action"], st["candidate"] or "", *st["votes"],
              st["non_transferable"]] for st in result["stages"]])
    else:
        files["votes.csv"] = _csv(["candidate", "votes"],
                                  list(zip(result["candidates"], result["votes"], strict=True)))
    return files


def _day(value) -> str | None:
    return value.isoformat() if value else None


def _csv(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
