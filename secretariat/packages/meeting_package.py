"""``export_meeting_package``: one meeting's evidence as a signed bag.

Holds the agenda and the approved minutes as PDFs in both languages, attendance
(CSV), decisions with votes, recusals and dissents (JSON), the notice record, the papers,
and ``metadata.json`` in Popolo's shapes. By default only what may be published goes in
(the public projection); ``include_private`` is for the secretariat's own archive or an
IRM request, and says so in the README and bag-info.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from sqlalchemy.orm import Session

from secretariat.export import render_agenda_pdf, render_minutes_pdf
from secretariat.i18n import N_, _, language_override
from secretariat.packages import meeting_contents as contents
from secretariat.packages.bag_paths import safe_file_name
from secretariat.packages.bag_writer import BagWriter, Report
from secretariat.packages.popolo import meeting_popolo
from secretariat.packages.readme import package_readme
from secretariat.packages.signing import Signer
from secretariat.services.audit.package_head import chain_head_now, head_as_json
from secretariat.services.documents import stored_path
from secretariat.services.meetings import meeting_record, public_projection
from secretariat.services.members.views import member_rows

LANGUAGES = ("zh_TW", "en")
DESCRIPTIONS = {
    "agenda-zh_TW.pdf": N_("the agenda, in Chinese"), "agenda-en.pdf": N_("the agenda, in English"),
    "minutes-zh_TW.pdf": N_("the approved minutes, in Chinese"),
    "minutes-en.pdf": N_("the approved minutes, in English"),
    "attendance.csv": N_("attendance: who was expected and who came (UTF-8 CSV)"),
    "decisions.json": N_("decisions with their votes, recusals and dissents"),
    "notice.json": N_("when the notice of the meeting was sent"),
    "metadata.json": N_("the meeting in Popolo's JSON shapes (organisation, seats, members, "
                        "event, motions, votes)"),
    "papers": N_("a meeting paper"),
}


def export_meeting_package(s: Session, documents_dir: Path, meeting_id: int, target: Path, *,
                           signer: Signer, zipped: bool = True, include_private: bool = False,
                           today: dt.date | None = None, report: Report | None = None) -> Path:
    record = meeting_record(s, meeting_id)
    shown = record if include_private else public_projection(record)
    roster = [m for m in member_rows(s, on=record.details.day) if m.active]
    head = chain_head_now(s)
    public = not include_private
    files: dict[str, Path | bytes] = {}
    with tempfile.TemporaryDirectory(prefix="secretariat-package-") as scratch:
        minutes_version = contents.approved_minutes_version(record)
        for language in LANGUAGES:
            agenda = Path(scratch) / f"agenda-{language}.pdf"
            render_agenda_pdf(s, meeting_id, agenda, language=language, public=public)
            files[agenda.name] = agenda
            if minutes_version is not None:
                minutes = Path(scratch) / f"minutes-{language}.pdf"
                render_minutes_pdf(s, meeting_id, minutes, language=language, public=public,
                                   minutes_version=minutes_version)
                files[minutes.name] = minutes
        files["attendance.csv"] = contents.attendance_csv(shown)
        files["decisions.json"] = contents.decisions_json(shown)
        files["notice.json"] = contents.notice_json(shown)
        files["metadata.json"] = contents.to_json(meeting_popolo(shown, roster))
        for item in shown.agenda:
            for paper in item.papers:
                name = f"papers/{paper.id}-{safe_file_name(paper.file_name)}"
                files[name] = stored_path(documents_dir, paper.sha256)
        total = sum(len(v) if isinstance(v, bytes) else v.stat().st_size
                    for v in files.values())
        root = target.stem if zipped else target.name
        with BagWriter(target, zipped=zipped, bagging_date=today or dt.date.today(),
                       report=report, total_bytes=total) as bag:
            for name in sorted(files):
                value = files[name]
                if isinstance(value, bytes):
                    bag.add_bytes(name, value)
                else:
                    bag.add_file(name, value)
            bag.add_tag_bytes("audit-head.json", json.dumps(head_as_json(head)).encode())
            bag.add_tag_bytes("README.txt", package_readme(
                title=_titles(record), contents=_listing(sorted(files)), root=root,
                fingerprint=signer.fingerprint, audit_entries=head.count,
                private=include_private))
            return bag.finish(signer, {
                "Source-Organization": record.details.forum_name,
                "External-Identifier": f"meeting-{meeting_id}",
                "External-Description": f"{record.details.title} ({record.details.day})",
                "Audience": "internal" if include_private else "public",
                "Audit-Log-Entries": str(head.count),
                "Audit-Log-Head": head.entry_hash})


def _titles(record) -> dict[str, str]:
    titles = {}
    for language in LANGUAGES:
        with language_override(language):
            title = record.details.title if language == "zh_TW" else (
                record.details.title_en or record.details.title)
            titles[language] = _("Evidence of the meeting “{title}” of {day}").format(
                title=title, day=record.details.day.isoformat())
    return titles


def _listing(names: list[str]) -> list[tuple[str, dict[str, str]]]:
    listing = []
    for name in names:
        key = "papers" if name.startswith("papers/") else name
        descriptions = {}
        for language in LANGUAGES:
            with language_override(language):
                descriptions[language] = _(DESCRIPTIONS[key])
        listing.append((f"data/{name}", descriptions))
    return listing
