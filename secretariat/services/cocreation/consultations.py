"""Open a consultation: a window (first and last day), its subject, the channels it
takes responses through, and its materials."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy.orm import Session

from secretariat.cocreation_vocabulary import Channel, ConsultationSubject
from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import ActionPlanCycle, Consultation
from secretariat.services.cocreation.checks import check_day
from secretariat.services.validation import (
    coerce_enum,
    flush,
    get_or_error,
    optional_text,
    required_text,
)


def check_channels(channels: Iterable[Channel | str]) -> list[Channel]:
    """Known channels, each once, in the order given; at least one."""
    chosen: list[Channel] = []
    for value in channels:
        channel = coerce_enum(Channel, value, N_("Channel"))
        if channel not in chosen:
            chosen.append(channel)
    if not chosen:
        raise SecretariatError(N_("Name at least one channel the consultation takes "
                                  "responses through."))
    return chosen


def open_consultation(s: Session, cycle_id: int, *, subject: ConsultationSubject | str,
                      title: str, opens_on: dt.date, closes_on: dt.date,
                      channels: Iterable[Channel | str], materials: str = "") -> Consultation:
    cycle = get_or_error(s, ActionPlanCycle, cycle_id, N_("action-plan cycle"))
    opens_on = check_day(opens_on, N_("Opening date"))
    closes_on = check_day(closes_on, N_("Closing date"))
    if closes_on < opens_on:
        raise SecretariatError(N_("The consultation closes on {closes}, before it opens on "
                                  "{opens}."), closes=closes_on, opens=opens_on)
    consultation = Consultation(
        cycle_id=cycle.id, subject=coerce_enum(ConsultationSubject, subject, N_("Subject")),
        title=required_text(title, N_("Title")), opens_on=opens_on, closes_on=closes_on,
        channels=",".join(channel.value for channel in check_channels(channels)),
        materials=optional_text(materials, N_("Materials")))
    s.add(consultation)
    flush(s)
    return consultation


def window_days(consultation: Consultation) -> int:
    """Days the window is open, both ends counted (1 to 14 June: 14 days)."""
    return (consultation.closes_on - consultation.opens_on).days + 1
