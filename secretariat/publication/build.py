"""``build_publication``: the publication package — the website, open data and PDFs — as a
signed bag folder whose ``data/`` is the site (open ``data/index.html``, or serve ``data/``).

Built from the public site data only, so nothing private can reach it (the tests plant a
marker in every private field and search every byte, PDF text included).
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from sqlalchemy.orm import Session

from secretariat.export import render_agenda_pdf, render_minutes_pdf
from secretariat.i18n import N_, _, language_override, localized
from secretariat.packages.bag_writer import BagWriter, Report
from secretariat.packages.readme import package_readme
from secretariat.packages.signing import Signer
from secretariat.publication import open_data
from secretariat.publication.pages import (
    TEMPLATES, PageWriter, environment, meeting_pdf_name, paper_path,
)
from secretariat.publication.site_data import SiteData, read_site_data
from secretariat.services.audit.package_head import chain_head_now, head_as_json
from secretariat.services.documents import stored_path

LANGUAGES = ("zh_TW", "en")
CONTENTS = (("data/index.html", N_("the website: open it in a browser, or serve data/")),
            ("data/opendata/", N_("open data: CSV and JSON, described in README.md")),
            ("data/pdf/", N_("agendas and approved minutes as PDF, in both languages")),
            ("data/papers/", N_("the public meeting papers")))


def build_publication(s: Session, documents_dir: Path, target: Path, *, signer: Signer,
                      today: dt.date | None = None, report: Report | None = None) -> Path:
    today = today or dt.date.today()
    site = read_site_data(s, on=today)
    head = chain_head_now(s)
    with tempfile.TemporaryDirectory(prefix="secretariat-site-") as scratch:
        pdfs = _render_pdfs(s, site, Path(scratch))
        files: dict[str, bytes | Path] = {f"pdf/{p.name}": p for p in pdfs}
        env = environment()
        files["index.html"] = env.get_template("choose.html.j2").render(
            name_zh=site.forum.name, name_en=site.forum.name_en).encode()
        files["style.css"] = (TEMPLATES / "style.css").read_bytes()
        for language in LANGUAGES:
            with language_override(language):
                writer = PageWriter(env, site, language, {p.name for p in pdfs})
                for path, html in writer.pages().items():
                    files[f"{language}/{path}"] = html.encode()
        for name, data in open_data.table_files(site).items():
            files[f"opendata/{name}"] = data
        for record in site.meetings:
            for item in record.agenda:
                for paper in item.papers:
                    files[paper_path(paper)] = stored_path(documents_dir, paper.sha256)
        total = sum(len(v) if isinstance(v, bytes) else v.stat().st_size for v in files.values())
        with BagWriter(target, zipped=False, bagging_date=today, report=report,
                       total_bytes=total) as bag:
            for name in sorted(files):
                value = files[name]
                (bag.add_bytes if isinstance(value, bytes) else bag.add_file)(name, value)
            bag.add_tag_bytes("audit-head.json", json.dumps(head_as_json(head)).encode())
            bag.add_tag_bytes("README.txt", package_readme(
                title=_titles(site), contents=_contents(), root=target.name,
                fingerprint=signer.fingerprint, audit_entries=head.count, private=False))
            return bag.finish(signer, {"Source-Organization": site.forum.name,
                                       "External-Description": "Publication package",
                                       "Audience": "public",
                                       "Audit-Log-Entries": str(head.count),
                                       "Audit-Log-Head": head.entry_hash})


def _render_pdfs(s: Session, site: SiteData, folder: Path) -> list[Path]:
    written = []
    for record in site.meetings:
        for language in LANGUAGES:
            if record.agenda:
                out = folder / meeting_pdf_name(record.id, "agenda", language)
                render_agenda_pdf(s, record.id, out, language=language, public=True)
                written.append(out)
            if SiteData.minutes_published(record):
                out = folder / meeting_pdf_name(record.id, "minutes", language)
                render_minutes_pdf(s, record.id, out, language=language, public=True,
                                   minutes_version=record.minutes.current.version_no)
                written.append(out)
    return written


def _titles(site: SiteData) -> dict[str, str]:
    titles = {}
    for language in LANGUAGES:
        with language_override(language):
            titles[language] = _("Publication package of {forum}").format(
                forum=localized(site.forum.name, site.forum.name_en))
    return titles


def _contents() -> list[tuple[str, dict[str, str]]]:
    listing = []
    for path, msgid in CONTENTS:
        descriptions = {}
        for language in LANGUAGES:
            with language_override(language):
                descriptions[language] = _(msgid)
        listing.append((path, descriptions))
    return listing
