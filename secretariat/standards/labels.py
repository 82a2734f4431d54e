"""The standards' rules in words, in the current language.

Levels and elements carry their labels (``catalogue.Level``, ``catalogue.Element``), phases
theirs (``vocabulary.Phase``) and rule kinds ``rules.RULE_KIND_LABELS``; this module
words a whole rule, its parameters included, for ``secretariat standards list`` and, later,
the compliance dashboard.
"""

from __future__ import annotations

from collections.abc import Iterable

from secretariat.i18n import N_, _, current_language, format_number, ngettext
from secretariat.standards.rules import ALL_OF, ATTESTATION, RULE_KIND_LABELS, Rule
from secretariat.vocabulary import DocumentKind, MeetingKind, Modality, Phase, Side

SUBJECT_LABELS: dict[str, str] = {
    "website": N_("the OGP website"),
    "repository": N_("the document repository"),
    "forum_record": N_("the forum's decisions and minutes"),
    "development_timeline": N_("the timeline of action plan development"),
    "development_update": N_("updates on action plan development"),
    "contributions": N_("public contributions"),
    "self_assessment": N_("the self-assessment report"),
    "draft_commitments": N_("draft commitments"),
    "draft_action_plan": N_("the draft action plan"),
    "action_plan_input": N_("ideas for the action plan"),
    "development_process": N_("the action plan development process"),
    "commitments": N_("the commitments of the action plan"),
}
FIELD_LABELS: dict[str, str] = {"contact_point": N_("contact point"), "website": N_("website")}


def join(items: Iterable[str]) -> str:
    """A list in running text: 「甲、乙」 in Chinese, "a, b" in English."""
    return ("、" if current_language() == "zh_TW" else ", ").join(items)


def describe(rule: Rule) -> str:
    """One line: how the rule decides, e.g. "Decided by the records: Published: the OGP
    website"; an all_of lists its parts after the kind."""
    kind = _(RULE_KIND_LABELS[rule.kind])
    if rule.kind == ATTESTATION:
        return kind
    if rule.kind == ALL_OF:
        return _("{kind}: {parts}").format(kind=kind, parts=" + ".join(
            describe(part) for part in rule.parts))
    return _("{kind}: {check}").format(kind=kind, check=describe_check(rule))


def _labels(enum, values) -> str:
    return join(_(enum(value).label) for value in values)


def _days(n: int) -> str:
    return format_number(n)


def describe_check(rule: Rule) -> str:
    """The records check of ``rule`` in words, its parameters included."""
    p = rule.params
    text = _CHECK_WORDS[rule.check](p)
    if "phase" in p:
        text = _("{text} (during: {phase})").format(text=text, phase=_(Phase(p["phase"]).label))
    return text


def _subject(p) -> str:
    return _(SUBJECT_LABELS.get(p["subject"], p["subject"]))


def _meeting_interval(p) -> str:
    words = (N_("Each group's meetings ({kinds}) held at most {days} days apart")
             if p.get("per_group") else N_("Meetings ({kinds}) held at most {days} days apart"))
    return _(words).format(kinds=_labels(MeetingKind, p["meeting_kinds"]),
                           days=_days(p["max_days"]))


def _meeting_count(p) -> str:
    n = p["min_count"]
    text = (ngettext("At least {count} meeting ({kinds}) held each year",
                     "At least {count} meetings ({kinds}) held each year", n)
            if p["per"] == "year" else
            ngettext("At least {count} meeting ({kinds}) held in the phase",
                     "At least {count} meetings ({kinds}) held in the phase", n))
    text = text.format(count=format_number(n), kinds=_labels(MeetingKind, p["meeting_kinds"]))
    if "modalities" in p:
        text = _("{text}, {modalities}").format(text=text,
                                                modalities=_labels(Modality, p["modalities"]))
    return text


def _remote(p) -> str:
    n = p["min_count"]
    return ngettext("At least {count} meeting held remote or hybrid",
                    "At least {count} meetings held remote or hybrid", n).format(
        count=format_number(n))


def _advance_notice(p) -> str:
    timeline = p["subject"] == "co_creation_timeline"
    if "min_days" not in p:
        return _(N_("Co-creation timeline published before co-creation starts") if timeline
                 else N_("Notice of every meeting as the terms of reference require"))
    words = (N_("Co-creation timeline published at least {days} days before co-creation starts")
             if timeline else N_("Notice of every meeting at least {days} days ahead"))
    return _(words).format(days=_days(p["min_days"]))


def _meeting_papers(p) -> str:
    return _("Papers circulated with the notice of meetings ({kinds})").format(
        kinds=_labels(MeetingKind, p["meeting_kinds"]))


def _document_tabled(p) -> str:
    return _("A document “{document}” on the agenda of meetings ({kinds})").format(
        document=_(DocumentKind(p["document_kind"]).label),
        kinds=_labels(MeetingKind, p["meeting_kinds"]))


def _publication(p) -> str:
    if "max_days" in p:
        return _("Published: {subject}, at most {days} days apart").format(
            subject=_subject(p), days=_days(p["max_days"]))
    return _("Published: {subject}").format(subject=_subject(p))


def _commitment_progress(p) -> str:
    text = (_("Progress updates on commitments published at most {days} days apart").format(
        days=_days(p["max_days"])) if "max_days" in p
        else _("Progress updates on commitments published"))
    return _with(text, p, every_commitment=N_("for every commitment"))


def _consultation(p) -> str:
    text = (_("Consultation on {subject} open at least {days} days").format(
        subject=_subject(p), days=_days(p["min_days"])) if "min_days" in p
        else _("Consultation on {subject} recorded with its dates").format(subject=_subject(p)))
    if "min_channels" in p:
        n = p["min_channels"]
        text = ngettext("{text}; responses through at least {count} channel",
                        "{text}; responses through at least {count} channels", n).format(
            text=text, count=format_number(n))
    return text


def _response_time(p) -> str:
    if "max_days" in p:
        return _("Every recorded question answered within {days} days").format(
            days=_days(p["max_days"]))
    return _("Every recorded question answered")


def _contributions(p) -> str:
    return _with(_("Every public contribution has a response"), p,
                 reasoned=N_("with reasons"), published=N_("published"))


def _proposals(p) -> str:
    text = _(N_("Reasons recorded for every proposal included or rejected")
             if p["include_rejected"] else N_("Reasons recorded for every proposal included"))
    return _with(text, p, published=N_("published"))


def _outreach(p) -> str:
    n = p.get("min_count", 1)
    text = ngettext("Outreach recorded: at least {count} activity",
                    "Outreach recorded: at least {count} activities", n).format(
        count=format_number(n))
    if "min_channels" in p:
        n = p["min_channels"]
        text = ngettext("{text}; through at least {count} channel",
                        "{text}; through at least {count} channels", n).format(
            text=text, count=format_number(n))
    return _with(text, p, targeted=N_("each naming its audience"))


def _forum_details(p) -> str:
    return _("The forum's record names its {fields}").format(
        fields=join(_(FIELD_LABELS[field]) for field in p["fields"]))


def _terms(p) -> str:
    text = _(N_("Terms of reference in force and published") if p["published"]
             else N_("Terms of reference in force"))
    return _with(text, p, adopted_by_forum_decision=N_("adopted by a forum decision"))


def _decision(p) -> str:
    return _("Adopted by a forum decision: {subject}").format(subject=_subject(p))


def _balance(p) -> str:
    return _("Each side holds at least {percent}% of the voting seats").format(
        percent=format_number(round(p["min_share_each_side"] * 100)))


def _diversity(p) -> str:
    n = p["min_sectors_per_side"]
    return ngettext("Voting seats from at least {count} sector on each side",
                    "Voting seats from at least {count} sectors on each side", n).format(
        count=format_number(n))


def _high_level(p) -> str:
    n = p["min_count"]
    return ngettext("At least {count} high-level member ({side})",
                    "At least {count} high-level members ({side})", n).format(
        count=format_number(n), side=_(Side(p["side"]).label))


def _co_chairs(p) -> str:
    return _("A serving co-chair from each side ({sides})").format(
        sides=_labels(Side, p["sides"]))


def _selection(p) -> str:
    text = _("Every serving member ({side}) chosen in a recorded selection round").format(
        side=_(Side(p["side"]).label))
    if "led_by_side" in p:
        text = _("{text}; run by a committee ({side})").format(
            text=text, side=_(Side(p["led_by_side"]).label))
    return _with(text, p, published_report=N_("report published"))


def _ethics(p) -> str:
    return _with(_("Every serving member signed the ethics statement and declared interests"),
                 p, yearly=N_("renewed every year"))


def _working_groups(p) -> str:
    return _with(_("Working groups recorded"), p, per_commitment=N_("one for each commitment"),
                 both_sides=N_("with government and non-government members"))


def _with(text: str, p, **flags: str) -> str:
    """``text`` followed by the words of every true flag parameter."""
    for key, words in flags.items():
        if p.get(key):
            text = _("{text}; {more}").format(text=text, more=_(words))
    return text


_CHECK_WORDS = {
    "meeting_interval": _meeting_interval, "meeting_count": _meeting_count,
    "remote_participation": _remote, "advance_notice": _advance_notice,
    "meeting_papers": _meeting_papers, "document_tabled": _document_tabled,
    "publication": _publication, "commitment_progress": _commitment_progress,
    "consultation_window": _consultation, "response_time": _response_time,
    "contributions_answered": _contributions, "proposals_reasoned": _proposals,
    "outreach_activities": _outreach, "forum_details": _forum_details,
    "terms_of_reference": _terms, "decision_adopted": _decision,
    "membership_balance": _balance, "sector_diversity": _diversity,
    "high_level_member": _high_level, "co_chairs": _co_chairs,
    "member_selection": _selection, "ethics_declarations": _ethics,
    "working_groups": _working_groups,
}
