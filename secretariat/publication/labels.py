"""Every word the public site prints that is not a record's own text, declared once.

The templates hold no text: they receive these, translated into the page's language, so
the catalogs stay complete for both languages and ``i18n.manage`` finds every msgid.
"""

from __future__ import annotations

from secretariat.i18n import N_, _

LABELS = {
    "skip": N_("Skip to the content"),
    "main_navigation": N_("Main navigation"),
    "footer": N_("Published by the forum's secretariat from its records. Open data and the "
                 "documents are free to reuse."),
    "about": N_("About the forum"),
    "website": N_("Website"),
    "contact_point": N_("Contact point"),
    "members_now": N_("Members today"),
    "meetings_held": N_("Meetings held"),
    "upcoming": N_("Upcoming meetings"),
    "when": N_("When"),
    "kind": N_("Kind"),
    "status": N_("Status"),
    "location": N_("Place"),
    "remote_link": N_("Join online"),
    "documents": N_("Documents"),
    "agenda": N_("Agenda"),
    "no_agenda": N_("No agenda has been published yet."),
    "minutes_of_item": N_("Minutes:"),
    "attendance": N_("Attendance"),
    "name": N_("Name"),
    "organisation": N_("Organisation"),
    "capacity": N_("Capacity"),
    "attendance_status": N_("Attendance"),
    "decisions": N_("Decisions"),
    "recused": N_("Recused:"),
    "terms_versions": N_("Versions of the terms of reference, newest first"),
    "pdf_both_languages": N_("PDF (Chinese and English)"),
    "no_terms": N_("No terms of reference have been published yet."),
    "pages_navigation": N_("Pages"),
}

PAGES = {
    "index": N_("Home"),
    "terms": N_("Terms of reference"),
    "members": N_("Members"),
    "meetings": N_("Meetings"),
    "decisions": N_("Decisions"),
    "documents": N_("Documents"),
    "interests": N_("Register of interests"),
    "cocreation": N_("Action plan"),
    "selection": N_("Member selection"),
    "compliance": N_("Standards compliance"),
    "open-data": N_("Open data"),
}


def translated_labels() -> dict[str, str]:
    return {key: _(msgid) for key, msgid in LABELS.items()}
