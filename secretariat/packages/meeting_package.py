"""``export_meeting_package``: one meeting's evidence as a signed bag.

Holds the agenda and the approved minutes as PDFs in both languages, attendance
(CSV), decisions with votes, recusals and dissents (JSON), the notice record, the papers,
and ``metadata.json`` in Popolo's shapes. By default only what may be published goes in
(the public projection); ``include_private`` is for the secretariat's own archive or an
IRM request, and says so in the README and bag-info.

Two phases, so the application can build a package without holding the one database
thread: ``read_meeting_package`` (needs the session, returns plain frozen values: the
records, the PDFs' input data, where the papers are) and ``write_meeting_package`` (no
session: renders the PDFs and writes the bag, reporting progress).
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from secretariat.export.meeting_data import (
    MeetingData, MinutesRecord, meeting_data, minutes_record,
)
from secretariat.i18n import N_, _, language_override
from secretariat.packages import meeting_contents as contents
from secretariat.packages.bag_paths import safe_file_name
from secretariat.packages.bag_writer import BagWriter, Report
from secretariat.packages.popolo import meeting_popolo
from secretariat.packages.readme import package_readme
from secretariat.packages.signing import Signer
from secretariat.packages.target_folder import check_writable_target, writing_into
from secretariat.services.audit.package_head import chain_head_now, head_as_json
from secretariat.services.documents import stored_path
from secretariat.services.meetings import meeting_record, public_projection
from secretariat.services.meetings.record_rows import MeetingRecord
from secretariat.services.members.views import MemberRow, member_rows, rows_active_on

LANGUAGES = ("zh_TW", "en")
DESCRIPTIONS = {
    "agenda-zh_TW.pdf": N_("the agenda, in Chinese"), "agenda-en.pdf": N_("the agenda, in English"),
    "minutes-zh_TW.pdf": N_("the approved minutes, in Chinese"),
    "minutes-en.pdf": N_("the approved minutes, in English"),
    "attendance.csv": N_("attendance: who was expected and who came (UTF-8 CSV)"),
    "decisions.json": N_("decisions with their votes, recusals and dissents"),
    "notice.json": N_("when the notice of the meeting was sent"),
    "declarations.json": N_("interests declared on agenda items, and whether the member "
                            "was recused, abstained or only declared"),
    "metadata.json": N_("the meeting in Popolo's JSON shapes (organisation, seats, members, "
                        "event, motions, votes)"),
    "papers": N_("a meeting paper"),
}


@dataclass(frozen=True)
class MeetingPackageData:
    """Everything a meeting package holds, read from the database: plain values only."""

    record: MeetingRecord  # the whole record (titles; never written as such)
    shown: MeetingRecord  # what goes in: the public projection unless private was asked
    roster: tuple[MemberRow, ...]  # members active on the meeting day
    agendas: Mapping[str, MeetingData]  # the agenda PDF's data, by language
    minutes: Mapping[str, MinutesRecord]  # the approved minutes PDF's data (empty: none)
    papers: Mapping[str, Path]  # "papers/<id>-<name>" -> the stored file
    include_private: bool
    head: object  # services.audit.package_head.Head at reading time
    # Interests declared on agenda items (services.interests.meeting_declare rows).
    declarations: tuple = ()

    @property
    def meeting_id(self) -> int:
        return self.record.details.id


def read_meeting_package(s: Session, documents_dir: Path, meeting_id: int, *,
                         include_private: bool = False, head=None,
                         all_memberships=None) -> MeetingPackageData:
    """The read phase (database thread). ``head`` and ``all_memberships``
    (``member_rows(include_past=True)``): read once when one package holds several
    meetings. The roster comes from the same rows as the record's own."""
    if all_memberships is None:
        all_memberships = member_rows(s, include_past=True)
    record = meeting_record(s, meeting_id, all_memberships=all_memberships)
    shown = record if include_private else public_projection(record)
    roster = tuple(rows_active_on(all_memberships, record.details.day))
    version = record.minutes.newest_approved()
    minutes = {}
    if version is not None:
        approved = record if record.minutes.current and \
            record.minutes.current.version_no == version else \
            meeting_record(s, meeting_id, minutes_version=version,
                           all_memberships=all_memberships)
        approved = approved if include_private else public_projection(approved)
        minutes = {language: minutes_record(approved, language, version=version)
                   for language in LANGUAGES}
    papers = {f"papers/{paper.id}-{safe_file_name(paper.file_name)}":
              stored_path(documents_dir, paper.sha256)
              for item in shown.agenda for paper in item.papers}
    from secretariat.services.interests.meeting_declare import meeting_declarations

    return MeetingPackageData(
        declarations=tuple(meeting_declarations(s, meeting_id)),
        record=record, shown=shown, roster=roster,
        agendas={language: meeting_data(shown, language) for language in LANGUAGES},
        minutes=minutes, papers=papers, include_private=include_private,
        head=head if head is not None else chain_head_now(s))


def pdf_names(data: MeetingPackageData) -> list[str]:
    names = [f"agenda-{language}.pdf" for language in data.agendas]
    return names + [f"minutes-{language}.pdf" for language in data.minutes]


def meeting_files(data: MeetingPackageData, scratch: Path,
                  report: Report | None = None) -> dict[str, Path | bytes]:
    """The compute phase's first half: render the PDFs into ``scratch`` and build the data
    files; the result maps each name inside ``data/`` to its bytes or its file."""
    from secretariat.export import write_agenda_pdf, write_minutes_pdf

    files: dict[str, Path | bytes] = {}
    jobs = [(f"agenda-{lang}.pdf", write_agenda_pdf, value, lang)
            for lang, value in data.agendas.items()]
    jobs += [(f"minutes-{lang}.pdf", write_minutes_pdf, value, lang)
             for lang, value in data.minutes.items()]
    scratch.mkdir(parents=True, exist_ok=True)
    for done, (name, write, value, language) in enumerate(jobs):
        if report is not None:
            report(done, len(jobs), name)
        write(value, scratch / name, language=language)
        files[name] = scratch / name
    shown = data.shown
    files["attendance.csv"] = contents.attendance_csv(shown)
    files["decisions.json"] = contents.decisions_json(shown)
    files["notice.json"] = contents.notice_json(shown)
    files["declarations.json"] = contents.declarations_json(data.declarations,
                                                           with_nature=data.include_private)
    files["metadata.json"] = contents.to_json(meeting_popolo(shown, list(data.roster)))
    files.update(data.papers)
    return files


def file_size(value: Path | bytes) -> int:
    return len(value) if isinstance(value, bytes) else value.stat().st_size


def add_files(bag: BagWriter, files: Mapping[str, Path | bytes], prefix: str = "") -> None:
    for name in sorted(files):
        value = files[name]
        if isinstance(value, bytes):
            bag.add_bytes(prefix + name, value)
        else:
            bag.add_file(prefix + name, value)


def write_meeting_package(data: MeetingPackageData, target: Path, *, signer: Signer,
                          zipped: bool = True, today: dt.date | None = None,
                          report: Report | None = None) -> Path:
    """The compute phase (any thread, no session): the PDFs, then the bag."""
    target = Path(target)
    check_writable_target(target)
    with tempfile.TemporaryDirectory(prefix="secretariat-package-") as scratch:
        files = meeting_files(data, Path(scratch), report)
        total = sum(file_size(v) for v in files.values())
        root = target.stem if zipped else target.name
        head = data.head
        with writing_into(target), BagWriter(
                target, zipped=zipped, bagging_date=today or dt.date.today(), report=report,
                total_bytes=total) as bag:
            add_files(bag, files)
            bag.add_tag_bytes("audit-head.json", json.dumps(head_as_json(head)).encode())
            bag.add_tag_bytes("README.txt", package_readme(
                title=_titles(data.record), contents=_listing(sorted(files)), root=root,
                fingerprint=signer.fingerprint, audit_entries=head.count,
                private=data.include_private))
            details = data.record.details
            return bag.finish(signer, {
                "Source-Organization": details.forum_name,
                "External-Identifier": f"meeting-{details.id}",
                "External-Description": f"{details.title} ({details.day})",
                "Audience": "internal" if data.include_private else "public",
                "Audit-Log-Entries": str(head.count),
                "Audit-Log-Head": head.entry_hash})


def export_meeting_package(s: Session, documents_dir: Path, meeting_id: int, target: Path, *,
                           signer: Signer, zipped: bool = True, include_private: bool = False,
                           today: dt.date | None = None, report: Report | None = None) -> Path:
    """Both phases at once (the command line)."""
    data = read_meeting_package(s, documents_dir, meeting_id, include_private=include_private)
    return write_meeting_package(data, target, signer=signer, zipped=zipped, today=today,
                                 report=report)


def _titles(record) -> dict[str, str]:
    titles = {}
    for language in LANGUAGES:
        with language_override(language):
            title = record.details.title if language == "zh_TW" else (
                record.details.title_en or record.details.title)
            titles[language] = _("Evidence of the meeting “{title}” of {day}").format(
                title=title, day=record.details.day.isoformat())
    return titles


def describe(name: str) -> dict[str, str]:
    """The README's description of one file of a meeting's evidence, by language."""
    key = "papers" if name.startswith("papers/") else name
    descriptions = {}
    for language in LANGUAGES:
        with language_override(language):
            descriptions[language] = _(DESCRIPTIONS[key])
    return descriptions


def _listing(names: list[str]) -> list[tuple[str, dict[str, str]]]:
    return [(f"data/{name}", describe(name)) for name in names]
