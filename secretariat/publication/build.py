"""``build_publication``: the publication package — the website, open data and PDFs — as a
signed bag folder whose ``data/`` is the site (open ``data/index.html``, or serve ``data/``).

Two phases, so the application can build it without holding the one database thread:
``read_publication`` (the session: public site data, where the papers are, the audit
head) and ``write_publication`` (no session: PDFs, pages, open data, the bag).

Built from the public site data only, so nothing private can reach it (the tests plant a
marker in every private field and search every byte, PDF text included).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from secretariat.export.meeting_data import meeting_data, minutes_record
from secretariat.export.pdf_cache import PdfCache
from secretariat.i18n import N_, _, language_override, localized
from secretariat.packages.bag_writer import BagWriter, Report
from secretariat.packages.readme import package_readme
from secretariat.packages.signing import Signer
from secretariat.packages.target_folder import check_writable_target, writing_into
from secretariat.publication import open_data
from secretariat.publication.pages import (
    TEMPLATES, PageWriter, environment, meeting_pdf_name, paper_path,
)
from secretariat.publication.site_data import SiteData, read_site_data
from secretariat.services.audit.package_head import chain_head_now, head_as_json
from secretariat.paths import cache_dir
from secretariat.services.documents import stored_path

LANGUAGES = ("zh_TW", "en")
CONTENTS = (("data/index.html", N_("the website: open it in a browser, or serve data/")),
            ("data/opendata/", N_("open data: CSV and JSON, described in README.md")),
            ("data/pdf/", N_("agendas and approved minutes as PDF, in both languages")),
            ("data/papers/", N_("the public meeting papers")))


@dataclass(frozen=True)
class PublicationData:
    """What the publication holds, read from the database: plain values only."""

    site: SiteData  # public projections and public fields only
    papers: Mapping[str, Path]  # "papers/<id>-<name>" -> the stored file
    head: object  # services.audit.package_head.Head at reading time


def read_publication(s: Session, documents_dir: Path, *,
                     today: dt.date | None = None) -> PublicationData:
    """The read phase (database thread)."""
    site = read_site_data(s, on=today or dt.date.today())
    papers = {paper_path(paper): stored_path(documents_dir, paper.sha256)
              for record in site.meetings for item in record.agenda for paper in item.papers}
    return PublicationData(site, papers, chain_head_now(s))


def pdf_jobs(site: SiteData) -> list[tuple[str, Callable, object, str]]:
    """(file name, writer, its data, language) of every PDF the site links to. The
    records are already the public projections, the minutes the approved version, so
    the PDFs' data is made from them without the database."""
    from secretariat.export import write_agenda_pdf, write_minutes_pdf

    from secretariat.publication.governance_pages import terms_pdf_name, write_terms_for_site

    jobs = [(terms_pdf_name(v.version_no), write_terms_for_site,
             (v, (site.forum.name, site.forum.name_en)), "zh_TW") for v in site.terms]
    for record in site.meetings:
        for language in LANGUAGES:
            if record.agenda:
                jobs.append((meeting_pdf_name(record.id, "agenda", language), write_agenda_pdf,
                             meeting_data(record, language), language))
            if SiteData.minutes_published(record):
                version = record.minutes.current.version_no
                jobs.append((meeting_pdf_name(record.id, "minutes", language),
                             write_minutes_pdf,
                             minutes_record(record, language, version=version), language))
    return jobs


def write_publication(data: PublicationData, target: Path, *, signer: Signer,
                      report: Report | None = None, pdf_cache: PdfCache | None = None) -> Path:
    """The compute phase (any thread, no session): PDFs, pages, open data, then the bag.
    PDFs come from ``pdf_cache`` (the user's cache folder by default), rendered only when
    their record, the language or the program changed since they were kept."""
    target = Path(target)
    check_writable_target(target)
    site, head = data.site, data.head
    cache = pdf_cache or PdfCache(cache_dir() / "publication-pdfs")
    jobs = pdf_jobs(site)
    rendered = cache.render_all([(write, value, language) for _n, write, value, language in jobs],
                                report)
    files: dict[str, bytes | Path] = {f"pdf/{name}": path
                                      for (name, *_job), path in zip(jobs, rendered)}
    pdfs = [Path(name) for name in files]
    env = environment()
    files["index.html"] = env.get_template("choose.html.j2").render(
        name_zh=site.forum.name, name_en=site.forum.name_en).encode()
    files["style.css"] = (TEMPLATES / "style.css").read_bytes()
    for language in LANGUAGES:
        with language_override(language):
            writer = PageWriter(env, site, language, {p.name for p in pdfs})
            for path, html in writer.pages().items():
                files[f"{language}/{path}"] = html.encode()
    for name, table in open_data.table_files(site).items():
        files[f"opendata/{name}"] = table
    for selection_round in (site.cocreation.rounds if site.cocreation else ()):
        for name, text in selection_round.files.items():
            files[f"opendata/selection/{selection_round.id}/{name}"] = text.encode("utf-8")
    files.update(data.papers)
    total = sum(len(v) if isinstance(v, bytes) else v.stat().st_size for v in files.values())
    with writing_into(target), BagWriter(target, zipped=False, bagging_date=site.built_on,
                                         report=report, total_bytes=total) as bag:
        for name in sorted(files):
            value = files[name]
            (bag.add_bytes if isinstance(value, bytes) else bag.add_file)(name, value)
        bag.add_tag_bytes("audit-head.json", json.dumps(head_as_json(head)).encode())
        bag.add_tag_bytes("README.txt", package_readme(
            title=_titles(site), contents=_contents(), root=target.name,
            fingerprint=signer.fingerprint, audit_entries=head.count, private=False))
        written = bag.finish(signer, {"Source-Organization": site.forum.name,
                                      "External-Description": "Publication package",
                                      "Audience": "public",
                                      "Audit-Log-Entries": str(head.count),
                                      "Audit-Log-Head": head.entry_hash})
    cache.prune()
    return written


def build_publication(s: Session, documents_dir: Path, target: Path, *, signer: Signer,
                      today: dt.date | None = None, report: Report | None = None) -> Path:
    """Both phases at once (the command line)."""
    data = read_publication(s, documents_dir, today=today)
    return write_publication(data, target, signer=signer, report=report)


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
