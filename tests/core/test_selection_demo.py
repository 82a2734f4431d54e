"""The demo forum's selection rounds: a published LEXIMIN lottery whose members start
next term (today's balance unchanged), re-checked from its open data by the public
``secretariat sortition`` command; an STV election counted and awaiting its decision."""

from __future__ import annotations

import datetime as dt
import json
import shlex

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
    args = [str(tmp_path / a) if a in ("pool.csv", "quotas.csv") else a
            for a in shlex.split(record["recheck"])[1:]]
    capsys.readouterr()
    assert main(args) == 0
    rows = [int(line) for line in capsys.readouterr().out.split()[-2:]]
    assert rows == [r["number"] for r in record["result"]]
