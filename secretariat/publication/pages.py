"""The site's HTML pages in one language, rendered from the public site data.

Links are relative, so the site works opened from a folder as well as on any web server,
and nothing needs a script. Each page links to the same page in the other language.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape

from secretariat.decision_numbers import decision_label
from secretariat.i18n import _, format_date, format_datetime, format_number, localized
from secretariat.publication.labels import PAGES, translated_labels
from secretariat.publication.site_data import SiteData
from secretariat.vocabulary import MeetingStatus

TEMPLATES = Path(__file__).with_name("templates")
LANG_ATTRIBUTES = {"zh_TW": "zh-Hant-TW", "en": "en"}
LANGUAGE_NAMES = {"zh_TW": "中文", "en": "English"}
OTHER = {"zh_TW": "en", "en": "zh_TW"}


def environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(
        ["html", "j2"]), keep_trailing_newline=True)


def meeting_pdf_name(meeting_id: int, kind: str, language: str) -> str:
    return f"meeting-{meeting_id}-{kind}-{language}.pdf"


def paper_path(paper) -> str:
    from secretariat.packages.bag_paths import safe_file_name

    return f"papers/{paper.id}-{safe_file_name(paper.file_name)}"


class PageWriter:
    """Renders every page of one language (call inside ``language_override``)."""

    def __init__(self, env: Environment, site: SiteData, language: str, pdfs: set[str]):
        self.env, self.site, self.language, self.pdfs = env, site, language, pdfs
        self.cocreation = site.cocreation
        self.t = translated_labels()
        self.zone = ZoneInfo(site.forum.time_zone)
        self.forum_name = localized(site.forum.name, site.forum.name_en)

    def pages(self) -> dict[str, str]:
        """Path (relative to the language's folder) → HTML."""
        out = {"index.html": self._index(), "members.html": self._members(),
               "meetings.html": self._meetings(), "decisions.html": self._decisions(),
               "documents.html": self._documents()}
        from secretariat.publication.governance_pages import interests_page, terms_page

        from secretariat.publication import cocreation_pages as co

        out["terms.html"] = terms_page(self)
        out["interests.html"] = interests_page(self)
        out["cocreation.html"] = co.action_plan_page(self)
        out["selection.html"] = co.selection_page(self)
        out["compliance.html"] = co.compliance_page(self)
        out.update(co.contribution_pages(self))
        for record in self.site.meetings:
            out[f"meetings/{record.id}.html"] = self._meeting(record)
        return out

    # --- common ---------------------------------------------------------------------
    def _page(self, key_or_title: str, path: str) -> dict:
        depth = path.count("/")
        up = "../" * (depth + 1)  # from the page to the site's root
        here = "../" * depth
        title = _(PAGES[key_or_title]) if key_or_title in PAGES else key_or_title
        nav = [{"href": f"{here}{key}.html", "label": _(msgid),
                "current": path == f"{key}.html"} for key, msgid in PAGES.items()
               if key != "open-data"]
        nav.append({"href": f"{up}opendata/README.md", "label": _(PAGES["open-data"]),
                    "current": False})
        other = OTHER[self.language]
        return {"lang_attr": LANG_ATTRIBUTES[self.language], "title": title, "root": up,
                "home": f"{here}index.html", "forum_name": self.forum_name, "nav": nav,
                "other_href": f"{up}{other}/{path}", "other_lang_attr": LANG_ATTRIBUTES[other],
                "other_label": LANGUAGE_NAMES[other]}

    def _render(self, template: str, page: dict, **values) -> str:
        return self.env.get_template(template).render(page=page, t=self.t, **values)

    def _when(self, moment) -> str:
        return format_datetime(moment, "medium", tzinfo=self.zone)

    def _title(self, record) -> str:
        return localized(record.details.title, record.details.title_en)

    # --- pages ----------------------------------------------------------------------
    def _index(self) -> str:
        upcoming = [m for m in self.site.meetings if m.details.status == MeetingStatus.PLANNED]
        held = sum(m.details.status == MeetingStatus.HELD for m in self.site.meetings)
        return self._render("index.html.j2", self._page("index", "index.html"),
                            forum=self.site.forum, members_count=format_number(len(self.site.members)),
                            held_count=format_number(held),
                            upcoming=[{"href": f"meetings/{m.id}.html",
                                       "when": self._when(m.details.starts_at),
                                       "title": self._title(m)} for m in reversed(upcoming)])

    def _members(self) -> str:
        headers = [_("Name"), _("Organisation"), _("Sector"), _("Seat"), _("Role"),
                   _("Term")]
        rows = []
        for m in self.site.members:
            term = format_date(m.term_start) + " – " + (format_date(m.term_end)
                                                        if m.term_end else "")
            rows.append([{"text": localized(m.name, m.name_en)}, {"text": m.organisation},
                         {"text": localized(m.sector_name_zh_tw, m.sector_name_en)},
                         {"text": m.seat_label}, {"text": _(m.role.label)}, {"text": term}])
        return self._render("table.html.j2", self._page("members", "members.html"),
                            caption=_("Members on {day}").format(day=format_date(self.site.built_on)),
                            headers=headers, rows=rows, intro="", empty=_("No members yet."))

    def _meetings(self) -> str:
        rows = [[{"text": self._when(m.details.starts_at)},
                 {"text": self._title(m), "href": f"meetings/{m.id}.html"},
                 {"text": _(m.details.kind.label)}, {"text": _(m.details.status.label)}]
                for m in self.site.meetings]
        return self._render("table.html.j2", self._page("meetings", "meetings.html"),
                            caption=_("Meetings, newest first"), rows=rows, intro="",
                            headers=[_("When"), _("Meeting"), _("Kind"), _("Status")],
                            empty=_("No meetings yet."))

    def _decisions(self) -> str:
        rows = [[{"text": decision_label(d.row.number)},
                 {"text": self._title(m), "href": f"meetings/{m.id}.html"},
                 {"text": localized(d.row.text, d.row.text_en)}]
                for m in self.site.meetings for d in m.decisions]
        return self._render("table.html.j2", self._page("decisions", "decisions.html"),
                            caption=_("Public decisions, newest first"), rows=rows, intro="",
                            headers=[_("Decision"), _("Meeting"), _("Text")],
                            empty=_("No decisions yet."))

    def _documents(self) -> str:
        rows = []
        for m in self.site.meetings:
            for item in m.agenda:
                for paper in item.papers:
                    rows.append([{"text": paper.title, "href": f"../{paper_path(paper)}"},
                                 {"text": self._title(m), "href": f"meetings/{m.id}.html"}])
        return self._render("table.html.j2", self._page("documents", "documents.html"),
                            caption=_("Meeting papers"), rows=rows, headers=[_("Paper"), _("Meeting")],
                            intro=_("Agendas and approved minutes are on each meeting's page, "
                                    "as PDF files."), empty=_("No papers yet."))

    def _meeting(self, record) -> str:
        path = f"meetings/{record.id}.html"
        d = record.details
        minutes = SiteData.minutes_published(record)
        pdfs = [{"href": f"../../pdf/{name}", "label": label}
                for kind, label in (("agenda", _("Agenda")), ("minutes", _("Approved minutes")))
                for language in (self.language,)
                if (name := meeting_pdf_name(record.id, kind, language)) in self.pdfs]
        items = [{"title": localized(i.title, i.title_en),
                  "purpose": _("({purpose})").format(purpose=_(i.purpose.label)),
                  "papers": [{"title": p.title, "href": f"../../{paper_path(p)}"}
                             for p in i.papers],
                  "minutes": record.minutes.text_for(i.id) if minutes else ""}
                 for i in record.agenda]
        attendance = [{"name": localized(a.name or a.guest_name, a.name_en),
                       "organisation": localized(a.organisation, a.organisation_en),
                       "capacity": _(a.capacity.label), "status": _(a.status.label)}
                      for a in record.recorded_attendees()]
        decisions = [{"label": decision_label(x.row.number),
                      "text": localized(x.row.text, x.row.text_en), "how": self._how(x),
                      "recusals": "、".join(localized(r.name, r.name_en) for r in x.recusals)}
                     for x in record.decisions]
        values = {"when": self._when(d.starts_at), "kind": _(d.kind.label),
                  "status": _(d.status.label), "location": d.location,
                  "remote_link": d.remote_link, "pdfs": pdfs, "agenda_items": items,
                  "attendance": attendance, "decisions": decisions,
                  "attendance_caption": _("Attendance at this meeting")}
        return self._render("meeting.html.j2", self._page(self._title(record), path), m=values)

    def _how(self, decision) -> str:
        row = decision.row
        if row.method.value != "vote":
            return _("Decided by consensus.")
        return _("Decided by vote: {yes} for, {no} against, {abstain} abstaining.").format(
            yes=row.votes_for or 0, no=row.votes_against or 0, abstain=row.votes_abstain or 0)
