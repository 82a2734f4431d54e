"""The meeting record: one read model of a meeting (``services.meetings.meeting_record``)
for the editor, ``secretariat meeting show`` and the PDFs, read in a fixed number of
statements, and its public projection (what may be published)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from sqlalchemy import event

from secretariat import cli
from secretariat.export import render_agenda_pdf, render_minutes_pdf
from secretariat.export.meeting_data import load_meeting, load_minutes_record
from secretariat.services import meetings as meeting_service
from secretariat.services.meetings import meeting_record, public_projection
from secretariat.vocabulary import AttendanceStatus, AttendeeCapacity, MinutesStatus, Side, VoteChoice
from tests.core.factories import SECRETS, make_full_meeting


def test_the_record_holds_the_whole_meeting(session, tmp_path):
    ids = make_full_meeting(session, tmp_path)
    record = meeting_record(session, ids["meeting"], with_people=True)

    assert record.id == ids["meeting"] and record.version >= 1
    assert record.details.title_en == "Fifth forum meeting"
    assert record.details.internal_notes == SECRETS["notes"]
    assert [(item.id, item.position) for item in record.agenda] == [
        (item_id, n) for n, item_id in enumerate(ids["items"], start=1)]
    first = record.agenda[0]
    assert first.version >= 1
    assert [(p.title, p.is_public) for p in first.papers] == [
        ("公開文件00", True), (f"{SECRETS['paper']} 0", False)]
    assert all(len(p.sha256) == 64 and p.file_name and p.version >= 1 for p in first.papers)

    by_person = {row.person_id: row for row in record.attendees}
    members = ids["people"]
    assert [row.person_id for row in record.attendees if row.expected][:1]  # the roster
    assert {members[0], members[1], members[2], members[3], ids["alternate"]} <= {
        row.person_id for row in record.attendees if row.expected}
    assert by_person[members[0]].status == AttendanceStatus.PRESENT
    assert by_person[members[0]].name_en == "Member 00"
    assert by_person[members[0]].organisation == "組織00"
    assert by_person[members[0]].side == Side.NON_GOVERNMENT
    assert by_person[members[0]].version is not None
    proxied = by_person[members[1]]
    assert (proxied.status, proxied.represented_by_id, proxied.represented_by) == (
        AttendanceStatus.PROXY, ids["stand_in"], "代表丙")
    assert by_person[members[3]].status is None and by_person[members[3]].attendance_id is None
    assert by_person[ids["alternate"]].capacity == AttendeeCapacity.ALTERNATE
    observer = by_person[ids["observer"]]
    assert (observer.expected, observer.capacity, observer.name_en) == (
        False, AttendeeCapacity.OBSERVER, "Observer B")
    guest = record.attendees[-1]
    assert (guest.person_id, guest.name, guest.capacity) == (None, "訪客丁", AttendeeCapacity.GUEST)
    assert (record.summary.present, record.summary.proxy, record.summary.apologies) == (4, 1, 1)
    assert members[0] in record.voter_ids and ids["observer"] not in record.voter_ids

    assert record.minutes.current.status == MinutesStatus.CIRCULATED
    assert [v.version_no for v in record.minutes.versions] == [1]
    assert [e.text for e in record.minutes.entries] == ["紀錄00", "紀錄01", "紀錄02"]
    assert record.minutes.general_text == "其他事項"

    assert [d.id for d in record.decisions] == [*ids["decisions"], ids["hidden"]]
    vote = record.decisions[0]
    assert vote.row.number.endswith("-R01") and vote.rationale == "公開理由"
    assert [(r.person_id, r.name) for r in vote.recusals] == [(members[1], "委員01")]
    assert [(d.name_en, d.statement) for d in vote.dissents] == [("Member 00", "不同意見00")]
    assert vote.votes == ((members[0], VoteChoice.FOR),)
    assert len(record.actions) == 2 and record.actions[0].owner_name == "委員00"
    assert record.names[members[0]].organisation == "組織00"
    assert any(p.id == ids["stand_in"] for p in record.people)
    # Nothing private about people is read: no contact field anywhere in the record.
    assert "email" not in repr(record)


def test_an_unknown_meeting_is_a_clear_error(session, forum):
    from secretariat.errors import SecretariatError

    with pytest.raises(SecretariatError, match="no meeting number 404"):
        meeting_record(session, 404)


def _statements(store, read) -> int:
    seen = []

    def count(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        with store.session() as s:
            read(s)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    return len(seen)


def test_the_number_of_statements_does_not_grow_with_the_meeting(store, tmp_path):
    with store.session() as s:
        small = make_full_meeting(s, tmp_path / "small", items=3, members=4, decisions_count=1)
        large = make_full_meeting(s, tmp_path / "large", items=30, members=40, decisions_count=12,
                      prefix="L")
    for read in (
        lambda s, m: meeting_record(s, m, with_people=True),
        lambda s, m: load_minutes_record(s, m, language="en"),
        lambda s, m: load_meeting(s, m, language="zh_TW"),
    ):
        counts = [_statements(store, lambda s: read(s, ids["meeting"])) for ids in (small, large)]
        print("statements:", counts)
        assert counts[0] == counts[1], counts
        assert counts[0] <= 25  # a fixed handful, not one per row


def _texts(value) -> str:
    return repr(value)


def test_the_public_projection_leaves_out_everything_private(session, tmp_path):
    ids = make_full_meeting(session, tmp_path, items=2)
    record = meeting_record(session, ids["meeting"], with_people=True)
    everything = _texts(record)
    for marker in SECRETS.values():
        assert marker in everything  # the full record has them, for the secretariat

    public = public_projection(record)
    shown = _texts(public)
    for name, marker in SECRETS.items():
        assert marker not in shown, name
    assert public.public and public_projection(public) is public
    assert public.people == ()
    assert [len(item.papers) for item in public.agenda] == [1, 1]
    assert all(p.is_public for item in public.agenda for p in item.papers)
    assert ids["hidden"] not in {d.id for d in public.decisions}
    assert [d.id for d in public.decisions] == ids["decisions"]  # public ones stay whole
    assert public.decisions[0].dissents and public.decisions[0].recusals
    assert len(public.actions) == 1
    assert [a.person_id for a in public.attendees] == [a.person_id for a in record.attendees]
    assert public.minutes.entries == record.minutes.entries

    # The documents built for publication read the projection.
    for document in (load_minutes_record(session, ids["meeting"], language=lang, public=True)
                     for lang in ("zh_TW", "en")):
        for name, marker in SECRETS.items():
            assert marker not in _texts(document), name
    agenda = load_meeting(session, ids["meeting"], language="en", public=True)
    assert SECRETS["paper"] not in _texts(agenda) and SECRETS["link"] not in _texts(agenda)


def test_an_open_meeting_keeps_its_online_link_in_public(session, tmp_path):
    ids = make_full_meeting(session, tmp_path, items=1, is_public=True)
    public = public_projection(meeting_record(session, ids["meeting"]))
    assert public.details.remote_link == SECRETS["link"]
    assert public.details.internal_notes == "" and public.details.notice_recipients == ""


def test_meeting_show_and_the_minutes_agree_with_the_record(session, store, tmp_path, capsys):
    ids = make_full_meeting(session, tmp_path, items=4)
    meeting_service.move_agenda_item(session, ids["items"][3], 1)  # order is not creation
    session.commit()
    record = meeting_record(session, ids["meeting"])
    agenda = [item.title for item in record.agenda]
    assert agenda == ["議題03", "議題00", "議題01", "議題02"]

    assert cli.main(["--db", store.url, "--lang", "zh_TW", "meeting", "show",
                     str(ids["meeting"])]) == 0
    shown = capsys.readouterr().out
    positions = [shown.index(f"{n}. {title}") for n, title in enumerate(agenda, start=1)]
    assert positions == sorted(positions)

    document = load_minutes_record(session, ids["meeting"], language="zh_TW")
    assert [item.title for item in document.meeting.items] == agenda
    recorded = {row.name for row in record.recorded_attendees()}
    in_minutes = {a.name for _label, group in document.attendance.groups() for a in group}
    assert in_minutes == recorded
    assert [d.number for d in document.decisions] == [d.row.number for d in record.decisions]

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = tmp_path / "minutes.pdf"
    render_minutes_pdf(session, ids["meeting"], out, language="zh_TW")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], check=True,
                          capture_output=True, text=True).stdout
    printed = [re.search(rf"(Item {n}: |第 {n} 案：){re.escape(title)}", text).start()
               for n, title in enumerate(agenda, start=1)]
    assert printed == sorted(printed)
    for row in record.recorded_attendees():
        assert row.name in text


@pytest.mark.parametrize("language", ["zh_TW", "en"])
def test_the_pdfs_for_publication_carry_no_marker(session, tmp_path, language):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    ids = make_full_meeting(session, tmp_path, items=2)

    def text(render, name, **options) -> str:
        out = tmp_path / name
        render(session, ids["meeting"], out, language=language, **options)
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], check=True,
                              capture_output=True, text=True).stdout

    internal = text(render_agenda_pdf, "agenda.pdf") + text(render_minutes_pdf, "minutes.pdf")
    assert SECRETS["paper"] in internal  # the secretariat's own copies list everything
    published = (text(render_agenda_pdf, "agenda-public.pdf", public=True)
                 + text(render_minutes_pdf, "minutes-public.pdf", public=True))
    squeezed = "".join(published.split())
    for name, marker in SECRETS.items():
        assert marker not in published and marker not in squeezed, name
    assert "公開文件00" in published


def test_a_roster_from_all_memberships_is_the_roster_read_for_the_day(session, tmp_path):
    """Reading many meetings with one list of every membership gives the same record."""
    from secretariat.services.members.views import member_rows

    ids = make_full_meeting(session, tmp_path)
    everyone = member_rows(session, include_past=True)
    assert meeting_record(session, ids["meeting"], all_memberships=everyone) == \
        meeting_record(session, ids["meeting"])
