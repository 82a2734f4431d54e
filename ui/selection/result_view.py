"""What the page shows of a round: the inputs and the result as text, and the chart."""

from __future__ import annotations

from html import escape

from secretariat.i18n import _, format_number
from ui.selection.chart import ChartData


def _heading(text: str) -> str:
    # Translated outside the f-strings: the message extractor does not look inside them.
    return f"<h3>{escape(text)}</h3>"


def chart_data(detail) -> ChartData | None:
    result = detail.result
    if not result:
        return None
    names = tuple(member["name"] for member in result["pool"])
    chosen = frozenset(n - 1 for n in result["selected"])
    if "probabilities" in result:
        return ChartData(_("Selection probability of each candidate (%)"), names,
                         (tuple(p * 100 for p in result["probabilities"]),), selected=chosen,
                         value_text="{:.1f}")
    if "stages" in result:
        order = {name: i for i, name in enumerate(result["candidates"])}
        series = tuple(tuple(float(st["votes"][order[n]].replace(",", "")) for n in names)
                       for st in result["stages"])
        return ChartData(_("Votes at the end of each stage"), names, series,
                         tuple(_("Stage {number}").format(number=st["number"])
                               for st in result["stages"]), selected=chosen)
    if "votes" in result:
        order = {name: i for i, name in enumerate(result["candidates"])}
        return ChartData(_("Votes"), names, (tuple(float(result["votes"][order[n]])
                                                   for n in names),), selected=chosen,
                         value_text="{:.0f}")
    if "ranking" in result:
        averages = {r["candidate"]: float(r["average_decimal"]) for r in result["ranking"]}
        return ChartData(_("Average weighted score"), names,
                         (tuple(averages[i + 1] for i in range(len(names))),), selected=chosen,
                         value_text="{:.2f}")
    return None


def inputs_html(detail) -> str:
    parts = [_heading(_("Eligibility criteria")),
             f"<p>{escape(detail.criteria_zh or '—')}</p><p>{escape(detail.criteria_en)}</p>",
             _heading(_("Selection committee")), "<ul>"]
    for m in detail.committee:
        aside = "、".join(m["stepped_aside_for"])
        parts.append("<li>" + escape(f"{m['name']} ({m['organisation'] or '—'}): "
                                     f"{m['declaration'] or '—'}") +
                     (escape(" — " + _("stepped aside for {names}").format(names=aside))
                      if aside else "") + "</li>")
    parts += ["</ul>", _heading(_("Random sources")), "<ol>"]
    parts += [f"<li>{escape(x['description'])}: <b>{escape(x['value'] or '?')}</b></li>"
              for x in detail.sources]
    parts.append("</ol>")
    if detail.quotas:
        parts += [_heading(_("Quotas")), "<ul>"]
        parts += [f"<li>{escape(q['category'])} = {escape(q['feature'])}: "
                  f"{q['min']}–{q['max']}</li>" for q in detail.quotas]
        parts.append("</ul>")
    if detail.rubric:
        parts += [_heading(_("Rubric")), "<ul>"]
        parts += [f"<li>{escape(c['name'])} × {escape(c['weight'])} ({c['low']}–{c['high']})</li>"
                  for c in detail.rubric]
        parts.append("</ul>")
    if detail.ballots_blt:
        parts += [_heading(_("Ballots (BLT)")),
                  f"<pre>{escape(detail.ballots_blt[:4000])}</pre>"]
    return "".join(parts)


def result_html(detail) -> str:
    result = detail.result
    if not result:
        return escape(_("No result yet: close the call, then run the method."))
    pool = result["pool"]
    parts = [_heading(_("Selected, in order")), "<ol>"]
    parts += [f"<li>{escape(pool[n - 1]['name'])} ({escape(pool[n - 1]['organisation'])})</li>"
              for n in result["selected"]]
    parts.append("</ol>")
    if result.get("key_string"):
        parts.append("<p>" + escape(_("Key string (RFC 3797): {key}").format(
            key=result["key_string"])) + "</p>")
    if "minimum_probability" in result:
        parts.append("<p>" + escape(_("Lowest selection probability {p}; {count} panels; "
                                      "winning ticket {ticket}.").format(
            p=f"{result['minimum_probability'] * 100:.4f} %",
            count=format_number(len(result["panels"])),
            ticket=format_number(result["ticket"]))) + "</p>")
    if "stages" in result:
        parts.append(_stage_table(result))
    return "".join(parts)


def _stage_table(result: dict) -> str:
    """Votes per candidate at the end of each stage, in the page's language (the stored
    count sheet is in the language the count ran in)."""
    stages = result["stages"]
    stage = _("Stage {number}")
    head = "".join(f"<th>{escape(stage.format(number=st['number']))}</th>" for st in stages)
    rows = [f"<tr><th></th>{head}</tr>"]
    for i, name in enumerate(result["candidates"]):
        cells = "".join(f"<td align='right'>{escape(st['votes'][i])}</td>" for st in stages)
        rows.append(f"<tr><td>{escape(name)}</td>{cells}</tr>")
    cells = "".join(f"<td align='right'>{escape(st['non_transferable'])}</td>" for st in stages)
    label = _("Non-transferable")
    rows.append(f"<tr><td>{escape(label)}</td>{cells}</tr>")
    quota = escape(_("Quota {quota}; {votes} valid votes.").format(
        quota=result["quota"], votes=format_number(result["valid_votes"])))
    return f"<p>{quota}</p><table border='1' cellspacing='0' cellpadding='3'>{''.join(rows)}</table>"
