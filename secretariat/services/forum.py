"""The forum record and the sectors its members come from."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import LANGUAGES, N_
from secretariat.model import Forum, Sector, Side
from secretariat.services.validation import (
    check_fields,
    check_time_zone,
    check_version,
    flush,
    label,
    optional_text,
    required_text,
)

# (code, side, zh_TW name, English name). Codes are stable identifiers used by the CSV
# import and the rules engine; migration 0001 seeds the same rows.
STANDARD_SECTORS: tuple[tuple[str, Side, str, str], ...] = (
    ("government_agency", Side.GOVERNMENT, "政府機關", "Government ministry or agency"),
    ("subnational_government", Side.GOVERNMENT, "地方政府", "Subnational government"),
    ("parliament", Side.GOVERNMENT, "國會", "Parliament"),
    ("judiciary", Side.GOVERNMENT, "司法機關", "Judiciary"),
    ("civil_society", Side.NON_GOVERNMENT, "公民社會組織", "Civil society organisation"),
    ("academia", Side.NON_GOVERNMENT, "學術界", "Academia"),
    ("private_sector", Side.NON_GOVERNMENT, "私部門", "Private sector"),
    ("citizen", Side.NON_GOVERNMENT, "公民", "Citizen"),
    ("media", Side.NON_GOVERNMENT, "媒體", "Media"),
    ("other", Side.NON_GOVERNMENT, "其他", "Other"),
)

_EDITABLE = (
    "name_zh_tw", "name_en", "languages", "time_zone", "jurisdiction", "website",
    "contact_point",
)
# The meeting rules (quorum, notice period…) are edited as a new version of the terms of
# reference (``services.terms``), not here.


def ensure_standard_sectors(s: Session) -> None:
    """Add any missing standard sector; existing rows (perhaps renamed by the forum) are
    left alone, so calling this again is harmless."""
    existing = set(s.scalars(select(Sector.code)))
    for order, (code, side, name_zh_tw, name_en) in enumerate(STANDARD_SECTORS, start=1):
        if code not in existing:
            s.add(Sector(code=code, side=side, name_zh_tw=name_zh_tw, name_en=name_en,
                         is_standard=True, sort_order=order * 10))
    s.flush()


def create_forum(
    s: Session,
    *,
    name_zh_tw: str,
    name_en: str,
    languages: Iterable[str] = ("zh_TW", "en"),
    time_zone: str = "Asia/Taipei",
    jurisdiction: str = "",
    website: str = "",
    contact_point: str = "",
) -> Forum:
    if get_forum(s) is not None:
        raise SecretariatError(N_("This database already holds a forum; it can hold only one."))
    forum = Forum(
        name_zh_tw=required_text(name_zh_tw, N_("The forum's Chinese name")),
        name_en=required_text(name_en, N_("The forum's English name")),
        languages=_check_languages(languages),
        time_zone=check_time_zone(time_zone),
        jurisdiction=optional_text(jurisdiction),
        website=optional_text(website),
        contact_point=optional_text(contact_point),
    )
    ensure_standard_sectors(s)
    s.add(forum)
    flush(s)
    return forum


def get_forum(s: Session) -> Forum | None:
    return s.scalars(select(Forum).order_by(Forum.id).limit(1)).first()


def require_forum(s: Session) -> Forum:
    forum = get_forum(s)
    if forum is None:
        raise SecretariatError(
            N_("No forum yet: create the forum first (or load the demo forum).")
        )
    return forum


def update_forum(s: Session, *, expected_version: int | None = None, **fields: object) -> Forum:
    check_fields(fields, _EDITABLE)
    forum = require_forum(s)
    check_version(forum, expected_version)
    values = dict(fields)
    # Validate everything before touching the record, so a refusal changes nothing.
    if "name_zh_tw" in values:
        values["name_zh_tw"] = required_text(values["name_zh_tw"], N_("The forum's Chinese name"))
    if "name_en" in values:
        values["name_en"] = required_text(values["name_en"], N_("The forum's English name"))
    if "languages" in values:
        values["languages"] = _check_languages(values["languages"])  # type: ignore[arg-type]
    if "time_zone" in values:
        values["time_zone"] = check_time_zone(values["time_zone"])  # type: ignore[arg-type]
    for key in ("jurisdiction", "website", "contact_point"):
        if key in values:
            values[key] = optional_text(values[key])  # type: ignore[arg-type]
    for key, value in values.items():
        setattr(forum, key, value)
    flush(s)
    return forum


def forum_languages(forum: Forum) -> list[str]:
    return [code for code in forum.languages.split(",") if code]


def list_sectors(s: Session) -> list[Sector]:
    return list(s.scalars(select(Sector).order_by(Sector.sort_order, Sector.id)))


def sector_by_code(s: Session, code: str) -> Sector:
    sector = s.scalars(select(Sector).where(Sector.code == (code or "").strip())).first()
    if sector is None:
        raise SecretariatError(N_("“{code}” is not a known sector."), code=code)
    return sector


def _check_languages(languages: Iterable[str] | str) -> str:
    if isinstance(languages, str):
        languages = languages.split(",")
    codes = [code.strip() for code in languages if code and code.strip()]
    if not codes:
        raise SecretariatError(N_("Choose at least one official language."))
    for code in codes:
        if code not in LANGUAGES:
            raise SecretariatError(
                N_("“{language}” is not a supported language (supported: {supported})."),
                language=code,
                supported=", ".join(LANGUAGES),
            )
    return ",".join(dict.fromkeys(codes))  # keeps order, drops repeats

