"""A round ready to run, for the Member selection page's tests: built with the services
on the test's store, as the command line would have left it."""

from __future__ import annotations

import datetime as dt

from secretariat.services.selection.candidates import add_candidate
from secretariat.services.selection.committee import add_committee_member
from secretariat.services.selection.inputs import set_quotas
from secretariat.services.selection.rounds import create_round, move_round
from secretariat.services.selection.screening import screen_candidate
from secretariat.services.selection.sources import announce_source

PEOPLE = [("王小明", "north", "m"), ("李美玲", "north", "f"), ("陳志強", "east", "m"),
          ("林雅婷", "south", "f"), ("張家豪", "central", "m"), ("黃淑芬", "east", "f")]


def leximin_round(store) -> int:
    def build(s):
        r = create_round(s, title="公民社會席次遴選", title_en="Civil society seats",
                         sector_code="civil_society", seats=2, term_start=dt.date(2027, 1, 1),
                         term_end=dt.date(2028, 12, 31), method="leximin",
                         decision_date=dt.date(2030, 1, 20), criteria_zh="在台灣登記之公民團體",
                         criteria_en="Registered in Taiwan")
        move_round(s, r.id, "call_open")
        for name, region, gender in PEOPLE:
            c = add_candidate(s, r.id, name=name, organisation=f"{name}協會",
                              features={"region": region, "gender": gender})
            if name != "黃淑芬":
                screen_candidate(s, c.id, eligible=True)
        add_committee_member(s, r.id, name="趙委員", declaration="無")
        announce_source(s, r.id, description="今彩539 第1期", value="3 14 15 27 39")
        set_quotas(s, r.id, [{"category": "gender", "feature": "f", "min": 1, "max": 1},
                             {"category": "gender", "feature": "m", "min": 1, "max": 1}])
        return r.id

    return store.run_transaction(build)
