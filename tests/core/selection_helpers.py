"""Rounds ready to run, for the selection tests: built through the services a clerk uses."""

from __future__ import annotations

import datetime as dt

from secretariat.services.selection.candidates import add_candidate
from secretariat.services.selection.committee import add_committee_member
from secretariat.services.selection.rounds import create_round, move_round
from secretariat.services.selection.screening import screen_candidate
from secretariat.services.selection.sources import announce_source

BEFORE_DRAW = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.timezone.utc)
DRAW_DAY = dt.date(2026, 11, 20)
# (name, organisation, region, gender)
PEOPLE = [
    ("王小明", "台灣開放資料協會", "north", "m"), ("李美玲", "民間司法改革基金會", "north", "f"),
    ("陳志強", "花蓮社區大學", "east", "m"), ("林雅婷", "高雄公民監督聯盟", "south", "f"),
    ("張家豪", "台中環境聯盟", "central", "m"), ("黃淑芬", "台東原住民族協會", "east", "f"),
    ("吳建宏", "台南透明協會", "south", "m"), ("劉怡君", "新竹公民科技社", "north", "f"),
]


def make_round(s, method: str, *, seats: int = 2, exclude: int | None = 7,
               sources: tuple[str, ...] = ("3 14 15 92 65", "2718"), close: bool = True):
    r = create_round(s, title="公民社會席次遴選", title_en="Civil society seats", sector_code="civil_society",
                     seats=seats, term_start=dt.date(2027, 1, 1), term_end=dt.date(2028, 12, 31),
                     method=method, call_opens=dt.date(2026, 10, 1),
                     call_closes=dt.date(2026, 10, 31), decision_date=DRAW_DAY,
                     criteria_zh="在台灣登記之公民團體", criteria_en="Registered in Taiwan")
    move_round(s, r.id, "call_open")
    candidates = [add_candidate(s, r.id, name=n, organisation=o,
                                features={"region": reg, "gender": g})
                  for n, o, reg, g in PEOPLE]
    for i, c in enumerate(candidates):
        if i == exclude:
            screen_candidate(s, c.id, eligible=False, reason="非公民團體成員")
        else:
            screen_candidate(s, c.id, eligible=True)
    add_committee_member(s, r.id, name="趙委員", organisation="社區協會",
                         declaration="與王小明同屬一個聯盟")
    add_committee_member(s, r.id, name="錢委員", declaration="無")
    for text in sources:
        announce_source(s, r.id, description=f"source {text}", value=text,
                        announced_at=BEFORE_DRAW)
    if close:
        move_round(s, r.id, "closed")
    s.flush()
    return r, candidates
