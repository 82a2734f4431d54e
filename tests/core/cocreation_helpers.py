"""A cycle to hang co-creation records on, for the co-creation and compliance tests."""

from __future__ import annotations

import datetime as dt

from secretariat.services.cocreation.cycles import create_cycle

D = dt.date


def make_cycle(s, *, catalogue: str = "seed", development=(D(2025, 1, 1), D(2025, 8, 31)),
               implementation=(D(2025, 9, 1), D(2027, 8, 31))):
    cycle = create_cycle(s, name="2025–2027", catalogue=catalogue,
                         development_starts_on=development[0],
                         development_ends_on=development[1],
                         implementation_starts_on=implementation[0],
                         implementation_ends_on=implementation[1])
    s.commit()
    return cycle
