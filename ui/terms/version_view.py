"""One version of the terms of reference as rich text for a text browser: every topic
with its rules, then its text in Chinese and in English side by side; and the changes
from the version before, insertions green and deletions red and struck through."""

from __future__ import annotations

from html import escape

from secretariat.i18n import _, format_date, localized
from secretariat.services.meetings.decisions import decision_label
from secretariat.services.terms.fields import rules_shown, shown_value
from secretariat.terms_vocabulary import TOPIC_LABELS, TOPICS
from ui.terms.actions import VersionDetail

INSERTED = "background:#d9f2d9;color:#13501b"
DELETED = "background:#fbe0e0;color:#8c1d18;text-decoration:line-through"
LANGUAGE_NAMES = {"zh_TW": "中文", "en": "English"}


def _text(text: str) -> str:
    if text.strip():
        return escape(text).replace("\n", "<br>")
    nothing = _("(nothing written)")
    return f"<i style='color:#777'>{escape(nothing)}</i>"


def version_html(detail: VersionDetail) -> str:
    terms = detail.terms
    facts = [_(terms.status.label)]
    if terms.adopted_on:
        adopted = format_date(terms.adopted_on)
        if terms.adopted_by_decision_number:
            adopted = _("{date}, by {decision}").format(
                date=adopted, decision=decision_label(terms.adopted_by_decision_number))
        facts.append(_("Adopted on") + " " + adopted)
    if terms.published_on:
        facts.append(_("Published on") + " " + format_date(terms.published_on))
    heading = _("Version {version}").format(version=terms.version_no)
    parts = [f"<h2>{escape(heading)}</h2>",
             f"<p>{escape(' · '.join(facts))}</p>"]
    if terms.change_note:
        note = _("What this version changes")
        parts.append(f"<p><b>{escape(note)}</b><br>{_text(terms.change_note)}</p>")
    parts.append("<table width='100%' cellspacing='0' cellpadding='4' border='1' "
                 "style='border-collapse:collapse;border-color:#ccc'>")
    parts.append(f"<tr><th width='50%'>{LANGUAGE_NAMES['zh_TW']}</th>"
                 f"<th width='50%'>{LANGUAGE_NAMES['en']}</th></tr>")
    for topic, msgid in TOPICS:
        parts.append(f"<tr><td colspan='2' style='background:#e8edf3'><b>{escape(_(msgid))}"
                     "</b></td></tr>")
        rules = [f"{escape(_(f.label))}: <b>{escape(shown_value(f, value))}</b>"
                 for f, value in rules_shown(topic, terms.rules)]
        if topic == "composition":
            rules += [escape(_("{sector}: {seats} seats, {alternates} alternates").format(
                sector=localized(row.sector_zh_tw, row.sector_en), seats=row.seats,
                alternates=row.alternates)) for row in terms.seats]
        if rules:
            parts.append(f"<tr><td colspan='2'>{'<br>'.join(rules)}</td></tr>")
        zh_tw, en = terms.texts[topic]
        if zh_tw.strip() or en.strip():  # a topic with rules only needs no empty row
            parts.append(f"<tr><td valign='top'>{_text(zh_tw)}</td>"
                         f"<td valign='top'>{_text(en)}</td></tr>")
        elif not rules:
            parts.append(f"<tr><td colspan='2'>{_text('')}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


def changes_html(detail: VersionDetail) -> str:
    changes = detail.changes
    if changes is None:
        first = _("The first version: nothing to compare with.")
        return f"<p>{escape(first)}</p>"
    title = _("Changes from version {old} to version {new}:").format(
        old=changes.old_version, new=changes.new_version)
    parts = [f"<p><b>{escape(title)}</b></p>"]
    if not changes.changed:
        unchanged = _("(no changes)")
        return parts[0] + f"<p>{escape(unchanged)}</p>"
    items = [escape(_("{rule}: {old} → {new}").format(
        rule=_(c.field.label), old=shown_value(c.field, c.old), new=shown_value(c.field, c.new)))
        for c in changes.rules]
    items += [escape(_("{sector}: {old_seats} seats, {old_alternates} alternates → "
                       "{new_seats} seats, {new_alternates} alternates").format(
        sector=localized(c.sector_zh_tw, c.sector_en), old_seats=c.old[0],
        old_alternates=c.old[1], new_seats=c.new[0], new_alternates=c.new[1]))
        for c in changes.seats]
    if items:
        parts.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
    for text in changes.texts:
        marked = "".join(
            escape(segment) if op == "equal" else
            f"<span style='{INSERTED if op == 'insert' else DELETED}'>{escape(segment)}</span>"
            for op, segment in text.segments).replace("\n", "<br>")
        parts.append(f"<p><b>{escape(_(TOPIC_LABELS[text.topic]))}</b> "
                     f"[{LANGUAGE_NAMES[text.language]}]<br>{marked}</p>")
    return "".join(parts)
