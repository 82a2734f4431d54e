"""How ``tor show`` and ``tor diff`` print a terms-of-reference version and the changes
between two: plain text a clerk can read in a terminal or paste into an e-mail."""

from __future__ import annotations

from secretariat import dates
from secretariat.cli.commands import print_table
from secretariat.decision_numbers import decision_label
from secretariat.i18n import _, localized
from secretariat.services.terms.diff import TermsDiff
from secretariat.services.terms.fields import rules_shown, shown_value
from secretariat.services.terms.versions import TermsView
from secretariat.terms_vocabulary import TOPIC_LABELS, TOPICS

LANGUAGE_NAMES = {"zh_TW": "中文", "en": "English"}


def print_version(terms: TermsView, languages: tuple[str, ...]) -> None:
    print(_("Terms of reference, version {version} ({status})").format(
        version=terms.version_no, status=_(terms.status.label)))
    rows = [(_("Record version"), str(terms.version))]
    if terms.adopted_on:
        adopted = dates.format_date(terms.adopted_on, fmt="medium")
        if terms.adopted_by_decision_number:
            adopted = _("{date}, by {decision}").format(
                date=adopted, decision=decision_label(terms.adopted_by_decision_number))
        rows.append((_("Adopted on"), adopted))
    if terms.published_on:
        rows.append((_("Published on"), dates.format_date(terms.published_on, fmt="medium")))
    if terms.change_note:
        rows.append((_("What this version changes"), terms.change_note.replace("\n", " / ")))
    print_table(rows)
    for topic, msgid in TOPICS:
        print()
        print(_(msgid))
        rules = [("  " + _(f.label), shown_value(f, value))
                 for f, value in rules_shown(topic, terms.rules)]
        if topic == "composition":
            for row in terms.seats:
                rules.append(("  " + localized(row.sector_zh_tw, row.sector_en),
                              _("{seats} seats, {alternates} alternates").format(
                                  seats=row.seats, alternates=row.alternates)))
        if rules:
            print_table(rules)
        for language in languages:
            text = terms.text(topic, language).strip()
            if text:
                prefix = f"  [{LANGUAGE_NAMES[language]}] " if len(languages) > 1 else "  "
                lines = text.splitlines()
                print(prefix + lines[0])
                for line in lines[1:]:
                    print(" " * len(prefix) + line)


def print_diff(changes: TermsDiff) -> None:
    print(_("Changes from version {old} to version {new}:").format(
        old=changes.old_version, new=changes.new_version))
    if not changes.changed:
        print("  " + _("(no changes)"))
        return
    for change in changes.rules:
        print("  " + _("{rule}: {old} → {new}").format(
            rule=_(change.field.label), old=shown_value(change.field, change.old),
            new=shown_value(change.field, change.new)))
    for seats in changes.seats:
        print("  " + _("{sector}: {old_seats} seats, {old_alternates} alternates → "
                       "{new_seats} seats, {new_alternates} alternates").format(
            sector=localized(seats.sector_zh_tw, seats.sector_en), old_seats=seats.old[0],
            old_alternates=seats.old[1], new_seats=seats.new[0], new_alternates=seats.new[1]))
    for text in changes.texts:
        print()
        print(f"  {_(TOPIC_LABELS[text.topic])} [{LANGUAGE_NAMES[text.language]}]")
        # [-deleted-] and {+inserted+}, as ``git diff --word-diff`` marks them.
        marked = "".join(segment if op == "equal" else
                         (f"[-{segment}-]" if op == "delete" else f"{{+{segment}+}}")
                         for op, segment in text.segments)
        for line in marked.splitlines():
            print("    " + line)
