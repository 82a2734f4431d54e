"""The site's governance pages: the terms of reference (the version in force, with every
published version as a PDF) and the public register of interests (public items only, as
``services.interests.register`` reads them)."""

from __future__ import annotations

from secretariat.decision_numbers import decision_label
from secretariat.i18n import _, format_date, localized
from secretariat.interest_vocabulary import InterestKind
from secretariat.terms_vocabulary import TOPICS


def terms_pdf_name(version_no: int) -> str:
    return f"terms-of-reference-v{version_no}.pdf"


def write_terms_for_site(value, out, *, language: str) -> None:
    """The PDF writer's shape the publication's PDF jobs use: both languages in one file."""
    from secretariat.export.pdf_terms import write_terms_pdf

    terms, forum_names = value
    write_terms_pdf(terms, forum_names, out)


def terms_page(writer) -> str:
    site = writer.site
    versions = [{"label": _("Version {version}").format(version=v.version_no),
                 "adopted": _adopted(v), "published": format_date(v.published_on)
                 if v.published_on else "", "pdf": f"../pdf/{terms_pdf_name(v.version_no)}"}
                for v in site.terms]
    current = site.terms[0] if site.terms else None
    topics = []
    if current is not None:
        for key, msgid in TOPICS:
            text = current.text(key, writer.language) or current.text(key, "zh_TW")
            if text.strip():
                topics.append({"title": _(msgid), "paragraphs": [
                    block for block in text.split("\n\n") if block.strip()]})
    return writer._render("terms.html.j2", writer._page("terms", "terms.html"),
                          versions=versions, topics=topics,
                          headers=[_("Version"), _("Adopted"), _("Published"), _("Document")])


def _adopted(version) -> str:
    day = format_date(version.adopted_on) if version.adopted_on else ""
    if version.adopted_by_decision_number:
        return _("{day}, by {decision}").format(
            day=day, decision=decision_label(version.adopted_by_decision_number))
    return day


def interests_page(writer) -> str:
    rows = [[{"text": localized(r.person, r.person_en)}, {"text": format_date(r.declared_on)},
             # The kind in the page's language (the register row's label is in the
             # language it was read in).
             {"text": _(InterestKind(r.kind).label) if r.kind else _("Nothing to declare")},
             {"text": localized(r.description, r.description_en)},
             {"text": localized(r.organisation, r.organisation_en)}]
            for r in writer.site.register]
    return writer._render(
        "table.html.j2", writer._page("interests", "interests.html"),
        caption=_("Public register of interests: each member's current declaration"),
        headers=[_("Name"), _("Declared on"), _("Interest"), _("Description"),
                 _("Organisation")], rows=rows,
        intro=_("Members declare their interests when appointed and every year. Only the "
                "items they declared as public are shown."),
        empty=_("No declarations yet."))
