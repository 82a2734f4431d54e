"""The demo forum's selection rounds: a published LEXIMIN lottery whose members start
next term (today's balance unchanged), re-checked from its open data by the public
``secretariat sortition`` command; an STV election counted and awaiting its decision."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shlex

import pytest
from sqlalchemy import select

from secretariat.cli import main
from secretariat.demo import load_demo
from secretariat.model import Membership, SelectionRound
from secretariat.services.selection.open_data import write_open_data

NOW = dt.datetime(2026, 6, 15, 3, 0, tzinfo=dt.timezone.utc)


def test_demo_round_is_published_and_rechecks_from_its_open_data(store, tmp_path, capsys):
    load_demo(store, scale="small", now=NOW)
    with store.session() as s:
        lottery, election = s.scalars(select(SelectionRound).order_by(SelectionRound.id)).all()
        assert (lottery.status, election.status) == ("published", "closed")
        seated = {a.membership_id for a in lottery.appointments}
        starts = {s.get(Membership, m).term_start for m in seated}
        assert len(seated) == 2 and starts == {dt.date(2027, 1, 1)}
        assert election.result_json  # counted, waiting for its decision
        write_open_data(s, lottery.id, tmp_path)
    record = json.loads((tmp_path / "round.json").read_text(encoding="utf-8"))
    assert [e["name"] for e in record["exclusions"]] == ["羅志偉"]
    assert record["committee"][0]["stepped_aside_for"] == ["許文華"]
    capsys.readouterr()
    assert main(shlex.split(record["recheck"])[1:]) == 0
    ticket = int(capsys.readouterr().out)
    with (tmp_path / "panels.csv").open(encoding="utf-8") as handle:
        panel = next(row for row in csv.DictReader(handle)
                     if int(row["first_ticket"]) <= ticket <= int(row["last_ticket"]))
    assert [int(m) for m in panel["members"].split()] == [r["number"] for r in record["result"]]
    # The published pool and quotas are what the public tool reads.
    assert main(["sortition", "--people", str(tmp_path / "pool.csv"), "--quotas",
                 str(tmp_path / "quotas.csv"), "--seats", "2", "--format", "json"]) == 0
    again = json.loads(capsys.readouterr().out)["probabilities"]
    assert again == pytest.approx(record["computation"]["probabilities"], abs=1e-9)
