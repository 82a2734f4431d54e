"""``export_irm_package``: the evidence of a period for OGP's Independent Reporting
Mechanism, as one signed bag.

``data/`` holds every meeting of the period (cancelled ones have no evidence) in a folder
``meetings/<date>-<title>/`` with exactly what its own meeting package holds, the
sections of ``irm_sections.SECTIONS`` (membership history now; terms of reference,
selection rounds, the register of interests, co-creation records and the compliance
report once they exist), and ``manifest.json``: what is included, file by file, and which
sections this version cannot make yet. Public content only unless ``include_private``.

Two phases like the other packages: ``read_irm_package`` (database thread, plain values)
and ``write_irm_package`` (no session).
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _, language_override
from secretariat.packages import meeting_package as meetings
from secretariat.packages.bag_paths import collision_key, safe_file_name
from secretariat.packages.bag_writer import BagWriter, Report
from secretariat.packages.irm_sections import SECTIONS, IrmSection, Period
from secretariat.packages.meeting_contents import to_json
from secretariat.packages.readme import package_readme
from secretariat.packages.signing import Signer
from secretariat.packages.target_folder import check_writable_target, writing_into
from secretariat.services.audit.package_head import chain_head_now, head_as_json
from secretariat.services.forum import require_forum
from secretariat.services.meetings import list_meetings
from secretariat.services.members.views import member_rows
from secretariat.vocabulary import MeetingStatus

LANGUAGES = ("zh_TW", "en")
MANIFEST = "manifest.json"
TITLE_CHARS = 60  # of a meeting's folder name: paths stay well under Windows' limit


@dataclass(frozen=True)
class IrmPackageData:
    period: Period
    include_private: bool
    forum_name: str
    meetings: tuple[meetings.MeetingPackageData, ...]  # oldest first
    sections: Mapping[str, object]  # key -> the section's read data (available ones)
    head: object

    def folder_names(self) -> dict[int, str]:
        """meeting id -> ``meetings/<date>-<title>`` (unique, even by case)."""
        names, taken = {}, set()
        for data in self.meetings:
            d = data.record.details
            stem = f"{d.day.isoformat()}-{safe_file_name(d.title)[:TITLE_CHARS].rstrip('. ')}"
            name = stem if collision_key(stem) not in taken else f"{stem}-{d.id}"
            taken.add(collision_key(name))
            names[d.id] = f"meetings/{name}"
        return names


def meetings_in_period(s: Session, period: Period) -> list[int]:
    rows = [m for m in list_meetings(s) if m.status != MeetingStatus.CANCELLED
            and period.date_from <= m.starts_at.astimezone(ZoneInfo(m.time_zone)).date()
            <= period.date_to]
    return [m.id for m in sorted(rows, key=lambda m: (m.starts_at, m.id))]


def read_irm_package(s: Session, documents_dir: Path, date_from: dt.date, date_to: dt.date,
                     *, include_private: bool = False, report: Report | None = None,
                     sections: list[IrmSection] | None = None) -> IrmPackageData:
    """The read phase (database thread)."""
    if date_to < date_from:
        raise SecretariatError(N_("The period ends ({end}) before it begins ({start})."),
                               start=date_from, end=date_to)
    period = Period(date_from, date_to)
    head = chain_head_now(s)
    ids = meetings_in_period(s, period)
    everyone = member_rows(s, include_past=True)  # every meeting's roster from these
    read = []
    for done, meeting_id in enumerate(ids):
        if report is not None:
            report(done, len(ids), "")
        read.append(meetings.read_meeting_package(s, documents_dir, meeting_id,
                                                  include_private=include_private, head=head,
                                                  all_memberships=everyone))
    section_data = {section.key: section.read(s, period, include_private)
                    for section in (sections or SECTIONS) if section.available}
    return IrmPackageData(period, include_private, require_forum(s).name_zh_tw, tuple(read),
                          section_data, head)


def write_irm_package(data: IrmPackageData, target: Path, *, signer: Signer,
                      zipped: bool = True, today: dt.date | None = None,
                      report: Report | None = None,
                      sections: list[IrmSection] | None = None) -> Path:
    """The compute phase (any thread, no session)."""
    target = Path(target)
    check_writable_target(target)
    sections = sections or SECTIONS
    with tempfile.TemporaryDirectory(prefix="secretariat-irm-") as scratch:
        files: dict[str, Path | bytes] = {}
        listing: list[tuple[str, dict[str, str]]] = []
        folders = data.folder_names()
        manifest_meetings = []
        for number, meeting in enumerate(data.meetings):
            folder = folders[meeting.meeting_id]
            own = meetings.meeting_files(meeting, Path(scratch) / str(number), report)
            for name, value in own.items():
                files[f"{folder}/{name}"] = value
                listing.append((f"data/{folder}/{name}", meetings.describe(name)))
            manifest_meetings.append(_meeting_entry(meeting, folder, sorted(own)))
        manifest_sections = []
        for section in sections:
            entry = {"key": section.key, "title": _in_languages(section.title)["en"]}
            if section.available and section.key in data.sections:
                own = (section.write(data.sections[section.key], Path(scratch) / section.key,
                                     folders) if section.needs_folders else
                       section.write(data.sections[section.key], Path(scratch) / section.key))
                files.update(own)
                listing += [(f"data/{n}", _in_languages(section.title)) for n in sorted(own)]
                entry.update(status="included", files=[f"data/{n}" for n in sorted(own)])
            else:
                entry["status"] = "not_available_in_this_version"
            manifest_sections.append(entry)
        files[MANIFEST] = to_json({
            "period": {"from": data.period.date_from.isoformat(),
                       "to": data.period.date_to.isoformat()},
            "audience": "internal" if data.include_private else "public",
            "meetings": manifest_meetings, "sections": manifest_sections})
        listing.insert(0, (f"data/{MANIFEST}", _in_languages(N_(
            "what this package includes, file by file, and what it cannot include yet"))))
        total = sum(meetings.file_size(v) for v in files.values())
        root = target.stem if zipped else target.name
        missing = [_in_languages(s.title) for s in sections if not s.available]
        head = data.head
        with writing_into(target), BagWriter(
                target, zipped=zipped, bagging_date=today or dt.date.today(), report=report,
                total_bytes=total) as bag:
            meetings.add_files(bag, files)
            bag.add_tag_bytes("audit-head.json", json.dumps(head_as_json(head)).encode())
            bag.add_tag_bytes("README.txt", package_readme(
                title=_titles(data), contents=listing, root=root,
                fingerprint=signer.fingerprint, audit_entries=head.count,
                private=data.include_private, missing=missing))
            period = f"{data.period.date_from.isoformat()}/{data.period.date_to.isoformat()}"
            return bag.finish(signer, {
                "Source-Organization": data.forum_name,
                "External-Identifier": f"irm-{period}",
                "External-Description": f"IRM evidence package {period}",
                "Audience": "internal" if data.include_private else "public",
                "Audit-Log-Entries": str(head.count),
                "Audit-Log-Head": head.entry_hash})


def export_irm_package(s: Session, documents_dir: Path, target: Path, *, signer: Signer,
                       date_from: dt.date, date_to: dt.date, include_private: bool = False,
                       zipped: bool = True, today: dt.date | None = None,
                       report: Report | None = None) -> Path:
    """Both phases at once (the command line)."""
    data = read_irm_package(s, documents_dir, date_from, date_to,
                            include_private=include_private)
    return write_irm_package(data, target, signer=signer, zipped=zipped, today=today,
                             report=report)


def _meeting_entry(meeting, folder: str, names: list[str]) -> dict:
    d = meeting.record.details
    return {"meeting": d.id, "date": d.day.isoformat(), "title": d.title,
            "title_en": d.title_en, "status": d.status.value, "public_meeting": d.is_public,
            "folder": f"data/{folder}", "files": [f"data/{folder}/{n}" for n in names]}


def _in_languages(msgid: str) -> dict[str, str]:
    out = {}
    for language in LANGUAGES:
        with language_override(language):
            out[language] = _(msgid)
    return out


def _titles(data: IrmPackageData) -> dict[str, str]:
    titles = {}
    for language in LANGUAGES:
        with language_override(language):
            titles[language] = _("Evidence for the Independent Reporting Mechanism, "
                                 "{start} to {end}").format(
                start=data.period.date_from.isoformat(), end=data.period.date_to.isoformat())
    return titles
