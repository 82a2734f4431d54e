"""What the Exports view does, as plain functions: the database jobs (read phase, run on
the worker, returning plain data and its preview), the computations (write phase, run on
a compute thread without a session) and the signing key. No Qt here.

Nothing is changed in the records by an export, so no job returns ``Changes``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from secretariat.packages import preview as previews
from secretariat.packages.bag_paths import safe_file_name
from secretariat.packages.irm_package import read_irm_package, write_irm_package
from secretariat.packages.meeting_package import read_meeting_package, write_meeting_package
from secretariat.packages.signing import Signer, forum_signer
from secretariat.publication.build import read_publication, write_publication
from secretariat.publication.preview import publication_preview
from secretariat.services.meetings import list_meetings
from secretariat.vocabulary import MeetingStatus

MEETING, IRM, PUBLICATION = "meeting", "irm", "publication"
KINDS = (MEETING, IRM, PUBLICATION)


@dataclass(frozen=True)
class Request:
    """What the clerk chose: the kind and its subject."""

    kind: str
    meeting_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    include_private: bool = False
    today: dt.date | None = None  # the publication's date (tests fix it)


@dataclass(frozen=True)
class MeetingChoice:
    id: int
    day: dt.date
    title: str


@dataclass(frozen=True)
class KeyInfo:
    fingerprint: str
    where: str  # "keyring" or the key file's path


def meeting_choices(s) -> list[MeetingChoice]:
    """Meetings with evidence to package (not cancelled), the latest first."""
    from zoneinfo import ZoneInfo

    rows = [m for m in list_meetings(s) if m.status != MeetingStatus.CANCELLED]
    rows.sort(key=lambda m: (m.starts_at, m.id), reverse=True)
    return [MeetingChoice(m.id, m.starts_at.astimezone(ZoneInfo(m.time_zone)).date(), m.title)
            for m in rows]


def read(documents_dir: Path, request: Request):
    """The database job of an export or a preview: returns (data, preview)."""
    def job(s):
        if request.kind == MEETING:
            data = read_meeting_package(s, documents_dir, request.meeting_id,
                                        include_private=request.include_private)
            return data, previews.meeting_preview(data)
        if request.kind == IRM:
            data = read_irm_package(s, documents_dir, request.date_from, request.date_to,
                                    include_private=request.include_private)
            return data, previews.irm_preview(data)
        data = read_publication(s, documents_dir, today=request.today)
        return data, publication_preview(s, documents_dir, today=request.today)
    return job


def write(request: Request, target: Path, signer: Signer):
    """The computation of an export: ``compute((data, preview), progress) -> path``."""
    def compute(read_result, progress) -> Path:
        data, _preview = read_result
        if request.kind == MEETING:
            return write_meeting_package(data, target, signer=signer, report=progress.report)
        if request.kind == IRM:
            return write_irm_package(data, target, signer=signer, report=progress.report)
        return write_publication(data, target, signer=signer, report=progress.report)
    return compute


def load_signer(key_folder: Path, passphrase: str | None = None) -> Signer:
    """The forum's signer (made on first use). Raises ``PassphraseNeeded`` when there is
    no keyring and no passphrase was given; the passphrase is used, never kept."""
    return forum_signer(key_folder, passphrase=passphrase)


def key_info(signer: Signer) -> KeyInfo:
    return KeyInfo(signer.fingerprint, signer.where)


def default_name(request: Request, meetings: list[MeetingChoice], today: dt.date) -> str:
    """The file or folder name offered: the meeting's date and title, the period, or
    "publication YYYY-MM-DD"."""
    if request.kind == MEETING:
        chosen = next((m for m in meetings if m.id == request.meeting_id), None)
        stem = f"{chosen.day.isoformat()} {chosen.title}" if chosen else "meeting"
        return safe_file_name(stem) + ".zip"
    if request.kind == IRM:
        return f"IRM {request.date_from.isoformat()} – {request.date_to.isoformat()}.zip"
    return f"publication {(request.today or today).isoformat()}"
