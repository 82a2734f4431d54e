"""The site's pages of the action plan (cycles, timeline, commitments and their progress),
the contributions with the government's responses, the published selection rounds and the
compliance status, rendered from ``cocreation_data``."""

from __future__ import annotations

from secretariat.i18n import _, format_date, localized

CONTRIBUTIONS_PER_PAGE = 200  # tens of thousands of contributions: pages a browser opens fast


def contribution_page_name(cycle_id: int, number: int) -> str:
    return f"contributions-{cycle_id}-{number}.html"


def action_plan_page(writer) -> str:
    rows = []
    for cycle in writer.cocreation.cycles:
        for phase, start, end in cycle.phases:
            rows.append([{"text": cycle.name}, {"text": _(phase)},
                         {"text": f"{format_date(start)} – {format_date(end)}"}, {"text": ""}])
        for title, due, done in cycle.milestones:
            rows.append([{"text": cycle.name}, {"text": title}, {"text": format_date(due)},
                         {"text": _("Done on {date}").format(date=format_date(done))
                          if done else ""}])
        for title, lead, progress in cycle.commitments:
            status = ""
            if progress is not None:
                reported, completion, delayed, _next = progress
                status = _("{status} (reported {date})").format(
                    status=_(completion.label), date=format_date(reported))
                if delayed:
                    status += " · " + _("delayed")
            rows.append([{"text": cycle.name}, {"text": title}, {"text": lead},
                         {"text": status or _("No progress published yet")}])
        if cycle.contributions:
            rows.append([{"text": cycle.name}, {"text": _("Contributions and responses"),
                          "href": contribution_page_name(cycle.id, 1)},
                         {"text": str(len(cycle.contributions))}, {"text": ""}])
    return writer._render("table.html.j2", writer._page("cocreation", "cocreation.html"),
                          caption=_("Action-plan cycles: phases, milestones and commitments"),
                          headers=[_("Cycle"), _("Phase, milestone or commitment"),
                                   _("When or who leads"), _("Progress")],
                          rows=rows, intro="", empty=_("No action-plan cycle yet."))


def contribution_pages(writer) -> dict[str, str]:
    pages = {}
    for cycle in writer.cocreation.cycles:
        chunks = [cycle.contributions[n:n + CONTRIBUTIONS_PER_PAGE]
                  for n in range(0, len(cycle.contributions), CONTRIBUTIONS_PER_PAGE)] or [()]
        for number, chunk in enumerate(chunks, start=1):
            rows = [[{"text": format_date(received)}, {"text": _(kind.label)},
                     {"text": region}, {"text": topic}, {"text": text},
                     {"text": (f"{response} ({format_date(responded)})" if responded
                               else _("No response yet"))}]
                    for received, kind, region, _channel, topic, text, response, responded
                    in chunk]
            path = contribution_page_name(cycle.id, number)
            intro = _("Page {page} of {pages}.").format(page=number, pages=len(chunks))
            links = []
            if number > 1:
                links.append((_("Previous page"), contribution_page_name(cycle.id, number - 1)))
            if number < len(chunks):
                links.append((_("Next page"), contribution_page_name(cycle.id, number + 1)))
            pages[path] = writer._render(
                "table.html.j2", writer._page(_("Contributions: {cycle}").format(
                    cycle=cycle.name), path),
                caption=_("Contributions from the public and civil society, with the "
                          "government's response"),
                headers=[_("Received"), _("From"), _("Region"), _("Topic"), _("Contribution"),
                         _("Response")], rows=rows, intro=intro, empty=_("No contributions."),
                links=links)
    return pages


def selection_page(writer) -> str:
    rows = [[{"text": localized(r.title, r.title_en)}, {"text": _(r.method)},
             {"text": str(r.seats)},
             {"text": "、".join(localized(name, en) for name, en in r.selected)},
             {"text": _("Data to re-check it"), "href": f"../opendata/selection/{r.id}/README.txt"}]
            for r in writer.cocreation.rounds]
    return writer._render("table.html.j2", writer._page("selection", "selection.html"),
                          caption=_("Published selection rounds"),
                          headers=[_("Round"), _("Method"), _("Seats"), _("Selected"),
                                   _("Open data")], rows=rows,
                          intro=_("Non-government members are chosen by a process they lead. "
                                  "Each round's data lets anyone re-check its result."),
                          empty=_("No selection round has been published yet."))


def compliance_page(writer) -> str:
    report = writer.cocreation.compliance
    language = writer.language
    rows = []
    if report is not None:
        for result in report.results:
            entry = report.catalogue.entry(result.entry_id)
            rows.append([{"text": entry.number or entry.id},
                         {"text": entry.text_zh_TW if language == "zh_TW" else entry.text_en},
                         {"text": _(result.status.label)},
                         {"text": result.outcome.explanation.text(language)}])
    caption = (_("Participation and co-creation standards: {cycle}, on {date}").format(
        cycle=report.cycle_name, date=format_date(report.day)) if report else "")
    return writer._render("table.html.j2", writer._page("compliance", "compliance.html"),
                          caption=caption, headers=[_("Requirement"), _("Text"), _("Status"),
                                                    _("Why")], rows=rows, intro="",
                          empty=_("No action-plan cycle is recorded yet."))
