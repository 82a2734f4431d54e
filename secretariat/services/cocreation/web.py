"""The national OGP web page (its address and contact point) and the publication log:
what was published on it, when, about what."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.cocreation_vocabulary import PublicationSubject
from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import ActionPlanCycle, OgpWebPage, PublicationEntry
from secretariat.services.cocreation.checks import check_day
from secretariat.services.forum import require_forum
from secretariat.services.validation import (
    coerce_enum,
    flush,
    get_or_error,
    optional_text,
    required_text,
)


def _check_address(value: str, field: str) -> str:
    address = optional_text(value, field)
    if address and not address.lower().startswith(("http://", "https://")):
        raise SecretariatError(N_("The address must begin with http:// or https:// "
                                  "(got “{value}”)."), value=address)
    return address


def set_web_page(s: Session, *, address: str, contact_point: str) -> OgpWebPage:
    forum = require_forum(s)
    address = _check_address(required_text(address, N_("Web address")), N_("Web address"))
    contact = required_text(contact_point, N_("Contact point"))
    page = s.scalars(select(OgpWebPage).where(OgpWebPage.forum_id == forum.id)).first()
    if page is None:
        page = OgpWebPage(forum_id=forum.id, address=address, contact_point=contact)
        s.add(page)
    else:
        page.address, page.contact_point = address, contact
    flush(s)
    return page


def web_page(s: Session) -> OgpWebPage | None:
    return s.scalars(select(OgpWebPage)).first()


def record_publication(s: Session, *, subject: PublicationSubject | str,
                       published_on: dt.date, title: str, address: str = "",
                       cycle_id: int | None = None) -> PublicationEntry:
    forum = require_forum(s)
    if cycle_id is not None:
        get_or_error(s, ActionPlanCycle, cycle_id, N_("action-plan cycle"))
    entry = PublicationEntry(
        forum_id=forum.id, cycle_id=cycle_id,
        subject=coerce_enum(PublicationSubject, subject, N_("Subject")),
        published_on=check_day(published_on, N_("Publication date")),
        title=required_text(title, N_("Title")),
        address=_check_address(address, N_("Web address")))
    s.add(entry)
    flush(s)
    return entry
