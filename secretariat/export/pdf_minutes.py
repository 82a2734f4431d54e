"""The minutes of one meeting as a PDF: status, attendance, minutes and decisions per
agenda item, other matters (the general remarks), and action items. Minutes not yet
approved say so on every page."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table
from sqlalchemy.orm import Session

from secretariat import dates
from secretariat.decision_numbers import decision_label
from secretariat.export.meeting_data import (
    ActionData, AttendanceData, AttendeeData, DecisionData, MinutesRecord, load_minutes_record,
    rendering_language,
)
from secretariat.export.line_breaking import unbreakable
from secretariat.export.pdf_common import (
    CONTENT_WIDTH, PageDecor, Styles, build_pdf, meeting_header, table_style,
)
from secretariat.i18n import N_, _, ngettext
from secretariat.model import (
    AttendeeCapacity, DecisionMethod, ItemPurpose, MeetingKind, MeetingStatus, MinutesStatus,
)

_ACCENT = colors.HexColor("#1f3a5f")
_GRID = colors.HexColor("#b0b0b0")
# No. | action | owner | due | status
_ACTION_COLUMNS = [11 * mm, 75 * mm, 32 * mm, 34 * mm, 18 * mm]
# The attendance group labels' column: as wide as the longest label, within these bounds.
_LABEL_WIDTH_MIN, _LABEL_WIDTH_MAX = 30 * mm, 60 * mm
_CELL_PADDING = 6  # reportlab's default right padding of a table cell, in points
DRAFT_MARK = N_("Draft — not approved")


def render_minutes_pdf(
    session: Session, meeting_id: int, out: Path, *, language: str = "zh_TW",
    roc: bool = False, minutes_version: int | None = None, public: bool = False,
) -> None:
    """Write the minutes of meeting ``meeting_id`` (latest version unless
    ``minutes_version`` is given) to ``out``. SecretariatError if there are none.
    ``public``: the copy for publication, with only what the public projection keeps
    (no decision marked not public, no restricted paper, no internal notes…)."""
    record = load_minutes_record(session, meeting_id, language=language, version=minutes_version,
                                 public=public)
    write_minutes_pdf(record, out, language=language, roc=roc)


def write_minutes_pdf(record: MinutesRecord, out: Path, *, language: str = "zh_TW",
                      roc: bool = False) -> None:
    """Write the minutes in ``record`` (``load_minutes_record``'s plain data, read in
    ``language``): no session, so it may run on any thread."""
    with rendering_language(language):
        styles = Styles.for_language(language)
        meeting, minutes = record.meeting, record.minutes
        label = _("Minutes")
        story = meeting_header(styles, meeting, label, roc=roc) + minutes_story(styles, record, roc=roc)
        decor = PageDecor(
            styles, meeting.forum_name,
            _("{title} · minutes version {version}").format(title=meeting.title, version=minutes.version_no),
            draft_mark="" if minutes.is_approved else _(DRAFT_MARK), public=meeting.public,
        )
        build_pdf(
            out, story, decor=decor,
            title=_("Minutes: {title}").format(title=meeting.title),
            author=meeting.forum_name, subject=label,
            dated=minutes.settled_at if minutes.is_approved
            else max(minutes.settled_at, meeting.updated_at),
        )


def _names(names: list[str]) -> str:
    # TRANSLATORS: separates the names in a list of people; Chinese uses 、
    return _("; ").join(names)


def _date(styles: Styles, value, roc: bool) -> str:
    return dates.format_date(value, language=styles.language, roc=roc) if value else ""


# The words of the rules of meetings (內政部《會議規範》) for what a meeting concluded: a
# decision on a motion (決議), on a report (決定), or the conclusion of a working group,
# which coordinates rather than decides (結論).
_ON_MOTION, _ON_REPORT, _CONCLUSION = N_("Decision"), N_("Decision on the report"), N_("Conclusion")


def _outcome_word(record: MinutesRecord, purpose: ItemPurpose | None) -> str:
    if record.meeting.kind == MeetingKind.WORKING_GROUP:
        return _CONCLUSION
    return _ON_REPORT if purpose == ItemPurpose.INFORMATION else _ON_MOTION


def _section(purpose: ItemPurpose) -> str:
    return N_("Reports") if purpose == ItemPurpose.INFORMATION else N_("Motions for discussion")


def minutes_story(styles: Styles, record: MinutesRecord, *, roc: bool) -> list[Flowable]:
    story = _status(styles, record, roc) + _attendance(styles, record.attendance)
    item_ids = {item.id for item in record.meeting.items}
    section = None
    for item in record.meeting.items:
        heading = None
        if _section(item.purpose) != section:  # 報告事項, then 討論事項, as the agenda runs
            section = _section(item.purpose)
            heading = styles.para(_(section), styles.heading)
        story += _item(styles, record, item, heading)
    # Decisions on no agenda item were taken as other business (臨時動議).
    others = [d for d in record.decisions if d.agenda_item_id not in item_ids]
    if others:
        story.append(styles.para(_("Other business"), styles.heading))
        story += [_decision(styles, d, _outcome_word(record, None)) for d in others]
    # The general remarks follow the items: in practice they record any other business
    # and the close of the meeting.
    remarks = styles.paragraphs(record.minutes.general_text)
    if remarks:
        story += [KeepTogether([styles.para(_("Other matters"), styles.heading), remarks[0]]),
                  *remarks[1:]]
    if record.actions:
        story += _actions(styles, record.actions, roc)
    return story + _closing(styles, record, roc)


def _item(styles: Styles, record: MinutesRecord, item, heading: Flowable | None) -> list[Flowable]:
    """One agenda item: a report with its presenter, or a motion with its subject (案由)
    and explanation (說明); then what was decided on it. ``heading`` (a section's) stays
    on the page of the item's first lines."""
    report = item.purpose == ItemPurpose.INFORMATION
    head = [heading] if heading is not None else []
    head += styles.long_para(_("Item {number}: {title}").format(number=item.number,
                                                                title=item.title),
                             styles.subheading)
    if not report:
        head.append(styles.para(_("Proposed by: {who}").format(who=_(item.proposed_by.label)),
                                styles.label))
    if item.presenter:
        head.append(styles.para(_("Presented by: {name}").format(name=item.presenter), styles.label))
    text = record.minutes.text_for(item.id)
    body = styles.paragraphs(text) or [styles.para(_("No minutes recorded for this item."), styles.small)]
    if not report and text.strip():
        body.insert(0, styles.para(_("Explanation:"), styles.label))
    word = _outcome_word(record, item.purpose)
    return [KeepTogether(head + body[:1]), *body[1:],
            *(_decision(styles, d, word) for d in record.decisions if d.agenda_item_id == item.id)]


def _closing(styles: Styles, record: MinutesRecord, roc: bool) -> list[Flowable]:
    """The close of the meeting (散會), the confirmation, and the chair's and the
    note-taker's signatures (the record names neither: the lines are signed on paper)."""
    meeting, minutes = record.meeting, record.minutes
    story: list[Flowable] = [Spacer(1, 4 * mm)]
    # Minutes are of a meeting that took place, whether or not its status says "held"
    # yet; its end time is the one on record (散會).
    if meeting.status != MeetingStatus.CANCELLED:
        story.append(styles.para(_("The meeting closed at {time}.").format(
            time=dates.format_time(meeting.ends_at, language=styles.language)), styles.body))
    if minutes.is_approved:
        approval = (_("Approved by {decision} on {date}.") if minutes.approved_by
                    else _("Approved on {date}."))
        confirmation = approval.format(decision=decision_label(minutes.approved_by, roc=roc),
                                       date=_date(styles, minutes.approved_on, roc))
    else:
        confirmation = _("To be confirmed at the next meeting.")
    signatures = Table([[styles.para(_("Chair:"), styles.label), "",
                         styles.para(_("Note-taker:"), styles.label), ""]],
                       colWidths=[26 * mm, 50 * mm, 26 * mm, 50 * mm], hAlign="LEFT")
    signatures.setStyle(table_style(styles, ("LINEBELOW", (1, 0), (1, 0), 0.5, _GRID),
                                    ("LINEBELOW", (3, 0), (3, 0), 0.5, _GRID),
                                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                    ("TOPPADDING", (0, 0), (-1, -1), 8)))
    story += [styles.para(confirmation, styles.item_title), Spacer(1, 3 * mm), signatures]
    return [KeepTogether(story)]


def _status(styles: Styles, record: MinutesRecord, roc: bool) -> list[Flowable]:
    minutes = record.minutes
    lines = [_("Minutes version {version} · {status}").format(
        version=minutes.version_no, status=_(minutes.status.label))]
    if minutes.supersedes_version is not None:
        lines.append(_("Corrects version {version}: {reason}").format(
            version=minutes.supersedes_version, reason=minutes.correction_reason))
    if minutes.circulated_on:
        lines.append(_("Circulated on {date} to {recipients}").format(
            date=_date(styles, minutes.circulated_on, roc), recipients=minutes.circulated_to or "—"))
    story = [styles.para(line, styles.label) for line in lines]
    if minutes.is_approved:
        approval = (_("Approved by {decision} on {date}.") if minutes.approved_by
                    else _("Approved on {date}."))
        story.append(styles.para(approval.format(
            decision=decision_label(minutes.approved_by, roc=roc),
            date=_date(styles, minutes.approved_on, roc)), styles.item_title))
    else:
        banner = _("Draft minutes — not approved") if minutes.status == MinutesStatus.DRAFT \
            else _("Circulated minutes — not yet approved")
        story += [Spacer(1, 2 * mm), styles.para(banner, styles.banner)]
    return story


def _attendee(attendee: AttendeeData) -> str:
    text = unbreakable(attendee.name)
    if attendee.organisation:
        text = _("{name} ({organisation})").format(name=text, organisation=attendee.organisation)
    if attendee.is_co_chair:
        text = _("{name}, co-chair").format(name=text)
    if attendee.job_title and attendee.capacity in (AttendeeCapacity.OBSERVER, AttendeeCapacity.GUEST):
        text = _("{name}, {title}").format(name=text, title=attendee.job_title)
    if attendee.capacity == AttendeeCapacity.ALTERNATE:
        text = _("{name}, alternate").format(name=text)
    elif attendee.capacity in (AttendeeCapacity.OBSERVER, AttendeeCapacity.GUEST):
        text = _("{name}, {capacity}").format(name=text, capacity=_(attendee.capacity.label).lower())
    if attendee.represented_by:
        text = _("{member}, represented by {proxy}").format(member=text, proxy=attendee.represented_by)
    return text


def _attendance(styles: Styles, attendance: AttendanceData) -> list[Flowable]:
    story: list[Flowable] = [styles.para(_("Attendance"), styles.heading)]
    rows = [
        (_("{group} ({count})").format(group=_(heading), count=len(people)),
         _names([_attendee(a) for a in people]))
        for heading, people in attendance.groups() if people
    ]
    if not rows:
        return [*story, styles.para(_("No attendance recorded."), styles.small)]
    story.append(styles.para(ngettext(
        "{count} present with the right to take part (in the room, online or by proxy).",
        "{count} present with the right to take part (in the room, online or by proxy).",
        attendance.taking_part).format(count=attendance.taking_part), styles.label))
    # Wide enough for "Represented by proxy (1)" on one line in every language.
    longest = max(styles.regular.width(h, styles.label.fontSize) for h, _v in rows)
    label_width = min(max(longest + _CELL_PADDING + 1, _LABEL_WIDTH_MIN), _LABEL_WIDTH_MAX)
    table = Table([[styles.para(h, styles.label), styles.para(v)] for h, v in rows],
                  colWidths=[label_width, CONTENT_WIDTH - label_width], hAlign="LEFT")
    table.setStyle(table_style(styles, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)))
    return [*story, table]


def _votes(decision: DecisionData) -> list[str]:
    """How the vote was taken and its numbers; by roll call, who voted how."""
    counts = (decision.votes_for, decision.votes_against, decision.votes_abstain)
    if decision.method != DecisionMethod.VOTE and all(c is None for c in counts):
        return []
    lines = [_("By roll call.") if decision.named_votes else _("By a counted vote.")]
    lines.append(_("Votes: {for_} for, {against} against, {abstain} abstaining").format(
        for_=decision.votes_for or 0, against=decision.votes_against or 0,
        abstain=decision.votes_abstain or 0))
    for choice, names in decision.named_votes:
        lines.append(_("{choice}: {names}").format(choice=_(choice.label), names=_names(list(names))))
    return lines


def _decision(styles: Styles, decision: DecisionData, word: str) -> Flowable:
    """A shaded box, one row per fact; ``word`` (untranslated) names what it is: 決議,
    決定 or 結論."""
    parts = [_("Decision {number}").format(number=decision.number), _(decision.method.label)]
    if word != _ON_MOTION:  # "Decision · Decision 2026-08-01" would say it twice
        parts.insert(0, _(word))
    head = " · ".join(parts)
    if not decision.is_public:
        head += " · " + _("not public")
    rows = [styles.para(head, styles.item_title), *styles.paragraphs(decision.text)]
    rows += [styles.para(line, styles.cell) for line in _votes(decision)]
    if decision.recusals:
        rows.append(styles.para(_("Recused: {names}").format(names=_names(list(decision.recusals))), styles.cell))
    for dissent in decision.dissents:
        rows += styles.long_para(_dissent(dissent), styles.cell)
    if decision.rationale.strip():
        rows += styles.long_para(_("Rationale: {text}").format(text=decision.rationale),
                                 styles.cell)
    table = Table([[row] for row in rows], colWidths=[CONTENT_WIDTH - 6 * mm], hAlign="RIGHT",
                  spaceBefore=1.5 * mm, spaceAfter=2.5 * mm)
    table.setStyle(table_style(
        styles,
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f2f5f9")),
        ("LINEBEFORE", (0, 0), (0, -1), 2, _ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ))
    # Whole on one page when it fits: the heading alone at the foot of a page, its text
    # overleaf, read as a decision without content. A longer one still breaks by row.
    return KeepTogether([table])


def _dissent(dissent) -> str:
    if dissent.name:
        return _("Dissent of {name}: {statement}").format(name=dissent.name,
                                                          statement=dissent.statement)
    # An unnamed statement: "Dissent of A member" read badly, in Chinese too.
    return _("Dissenting statement: {statement}").format(statement=dissent.statement)


def _actions(styles: Styles, actions: tuple[ActionData, ...], roc: bool) -> list[Flowable]:
    head = [_("No."), _("Action"), _("Owner"), _("Due"), _("Status")]
    rows = [[styles.para(text, styles.label) for text in head]]
    for number, action in enumerate(actions, start=1):
        refs = [_("Item {number}").format(number=action.item_number)] if action.item_number else []
        if action.decision_number:
            refs.append(_("Decision {number}").format(number=action.decision_number))
        cell = styles.long_para(action.description, styles.cell)
        if refs:
            cell.append(styles.para(" · ".join(refs), styles.small))
        rows.append([
            styles.para(f"{number}.", styles.cell), cell,
            styles.para(action.owner, styles.cell),
            styles.para(dates.format_date(action.due_on, language=styles.language, roc=roc, fmt="medium")
                        if action.due_on else "—", styles.cell),
            styles.para(_(action.status.label), styles.cell),
        ])
    # splitInRow: an action described at a length of pages goes on over the next pages.
    table = Table(rows, colWidths=_ACTION_COLUMNS, repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(table_style(
        styles,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, _GRID),
    ))
    return [styles.para(_("Action items"), styles.heading), table]
