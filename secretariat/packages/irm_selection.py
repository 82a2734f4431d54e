"""The IRM package's selection rounds: every published round (decided ones too in the
internal package) with its open data — criteria, committee, pool, exclusions, sources and
digests or ballots, the computation — and its report in both languages, so the IRM can
re-check each result with ``secretariat lottery | sortition | stv`` as its README says."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from secretariat.packages.bag_paths import safe_file_name


def read_selection(s: Session, _period, include_private: bool):
    from secretariat.selection.round_vocabulary import RoundStatus
    from secretariat.services.selection.report import report_data
    from secretariat.services.selection.views import round_rows

    wanted = {RoundStatus.PUBLISHED} | ({RoundStatus.DECIDED} if include_private else set())
    return tuple((row.id, row.title, report_data(s, row.id))
                 for row in round_rows(s) if row.status in wanted)


def write_selection(rounds, scratch: Path) -> dict:
    from secretariat.services.selection.report import write_pdf

    files: dict = {}
    scratch.mkdir(parents=True, exist_ok=True)
    for round_id, title, data in rounds:
        folder = f"selection/{round_id}-{safe_file_name(title)[:60]}"
        for name, text in data.files.items():
            files[f"{folder}/{name}"] = text.encode("utf-8")
        for language in ("zh_TW", "en"):
            out = scratch / f"round-{round_id}-report-{language}.pdf"
            write_pdf(data, out, language)
            files[f"{folder}/report-{language}.pdf"] = out
    return files
