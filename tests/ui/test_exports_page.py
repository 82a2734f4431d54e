"""The Exports view: the three kinds, the preview of what goes in and what is held back,
the signing key, progress with cancel, the result's folder opened — and nothing under
the final name after a cancel or an error."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from tests.core.package_helpers import MemoryKeyring


@pytest.fixture
def memory_keyring():
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def records_store(tmp_path, monkeypatch):
    """A store whose meeting has public and restricted papers, a private decision and
    approved minutes (``make_full_meeting``)."""
    from secretariat.store import open_store
    from tests.core.factories import make_full_meeting
    from tests.core.package_helpers import approve_minutes_of

    monkeypatch.setenv("SECRETARIAT_DOCUMENTS_DIR", str(tmp_path / "records" / "documents"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    store = open_store(f"sqlite:///{tmp_path / 'gui.db'}")
    with store.session() as s:
        ids = make_full_meeting(s, tmp_path / "records")
        approve_minutes_of(s, ids["meeting"])
        s.commit()
    store.meeting_id = ids["meeting"]
    yield store
    store.close()


@pytest.fixture
def page(qtbot, records_store, memory_keyring, monkeypatch, tmp_path):
    from ui.exports import page as page_module
    from ui.exports import run
    from ui.language import apply_language
    from ui.main_window import MainWindow

    apply_language("en")
    opened, errors = [], []
    monkeypatch.setattr(run, "open_in_file_manager", opened.append)
    monkeypatch.setattr(page_module, "show_error",
                        lambda _parent, error, title=None: errors.append(error))
    win = MainWindow(records_store)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.first_load_done, timeout=15000):
        win.show()
    win.show_page("evidence")
    exports = win.page("evidence")
    exports.key_folder = tmp_path / "keys"
    exports.opened, exports.errors, exports.window = opened, errors, win
    qtbot.waitUntil(lambda: exports.meeting_box.count() == 2 and exports.included.count() > 0
                    and exports.signer is not None, timeout=15000)
    yield exports
    win.worker.wait_idle()


def _choose(monkeypatch, target: Path):
    from ui.exports import run

    monkeypatch.setattr(run, "choose_target", lambda _parent, _kind, _suggested: target)


def _select_meeting(qtbot, page, meeting_id):
    page.meeting_box.setCurrentIndex(page.meeting_box.findData(meeting_id))
    qtbot.waitUntil(lambda: any("restricted" in page.held_back.item(i).text()
                                for i in range(page.held_back.count())), timeout=15000)


def _texts(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_the_preview_shows_what_goes_in_and_what_is_held_back(qtbot, page, records_store):
    _select_meeting(qtbot, page, records_store.meeting_id)
    included, held = _texts(page.included), _texts(page.held_back)
    assert any(t.startswith("3 papers:") for t in included), included
    assert any(t.startswith("4 PDF documents") for t in included), included
    assert "3 restricted papers" in held and "1 decision not public" in held
    assert not any("SECRET" in t for t in included + held)
    assert page.fingerprint.text().startswith("SHA256:")
    assert page.key_where.text() == "the system keyring"


def test_choosing_a_kind_shows_its_own_fields(qtbot, page):
    page.kind_buttons["irm"].setChecked(True)
    assert page.date_from.isVisibleTo(page) and not page.meeting_box.isVisibleTo(page)
    page.kind_buttons["publication"].setChecked(True)
    assert not page.include_private.isVisibleTo(page)
    qtbot.waitUntil(lambda: any("member" in t for t in _texts(page.included)), timeout=15000)
    assert any("contact details" in t or "restricted" in t for t in _texts(page.held_back))


def test_default_names_come_from_the_meeting_the_period_or_the_day(page, records_store):
    import datetime as dt

    from ui.exports import actions

    meeting = actions.Request("meeting", meeting_id=records_store.meeting_id)
    assert actions.default_name(meeting, page.meetings, dt.date(2026, 12, 6)) == \
        "2026-01-15 第5次論壇會議.zip"
    irm = actions.Request("irm", date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 6, 30))
    assert actions.default_name(irm, [], dt.date(2026, 12, 6)) == \
        "IRM 2026-01-01 – 2026-06-30.zip"
    assert actions.default_name(actions.Request("publication"), [], dt.date(2026, 12, 6)) == \
        "publication 2026-12-06"


def test_an_export_writes_a_verified_package_and_opens_its_folder(
        qtbot, page, records_store, monkeypatch, tmp_path):
    from secretariat.packages.verify import verify_package

    _select_meeting(qtbot, page, records_store.meeting_id)
    target = tmp_path / "out" / "meeting.zip"
    target.parent.mkdir()
    _choose(monkeypatch, target)
    with qtbot.waitSignal(page.exported, timeout=60000):
        page.export_button.click()
    assert verify_package(target).ok
    assert page.opened == [target.parent]
    assert "Wrote" in page.status.text()


def test_cancel_leaves_nothing_behind(qtbot, page, records_store, monkeypatch, tmp_path):
    from ui.exports import run

    monkeypatch.setattr(run.ExportRun, "progress",
                        lambda self, done, total, label: self.cancel())
    page.kind_buttons["irm"].setChecked(True)
    target = tmp_path / "out" / "irm.zip"
    target.parent.mkdir()
    _choose(monkeypatch, target)
    page.export_button.click()
    qtbot.waitUntil(lambda: "Cancelled" in page.status.text(), timeout=60000)
    page.window.worker._compute_pool.waitForDone()
    assert list(target.parent.iterdir()) == []
    assert page.export_button.isEnabled()


def test_a_disk_full_while_writing_shows_a_message_and_leaves_nothing(
        qtbot, page, records_store, monkeypatch, tmp_path):
    from secretariat.packages.bag_writer import BagWriter

    def full(self, path, source):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(BagWriter, "add_file", full)
    _select_meeting(qtbot, page, records_store.meeting_id)
    target = tmp_path / "out" / "meeting.zip"
    target.parent.mkdir()
    _choose(monkeypatch, target)
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(page.errors), timeout=60000)
    assert "full" in str(page.errors[0])
    assert list(target.parent.iterdir()) == []


def test_a_read_only_folder_is_refused_with_a_message(qtbot, page, monkeypatch, tmp_path):
    from secretariat.packages import target_folder

    def refused(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(target_folder.tempfile, "mkstemp", refused)
    target = tmp_path / "out" / "meeting.zip"
    target.parent.mkdir()
    _choose(monkeypatch, target)
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(page.errors), timeout=60000)
    assert "read-only" in str(page.errors[0])
    assert list(target.parent.iterdir()) == []


def test_without_a_keyring_the_passphrase_is_asked_and_not_kept(
        qtbot, records_store, monkeypatch, tmp_path, page):
    import keyring
    from keyring.backends import fail

    from ui.exports import run

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        asked = []
        monkeypatch.setattr(run, "ask_passphrase",
                            lambda _parent, path: asked.append(path) or "a long passphrase")
        page.signer = None
        page.key_folder = tmp_path / "keys2"
        _select_meeting(qtbot, page, records_store.meeting_id)
        target = tmp_path / "out" / "meeting.zip"
        target.parent.mkdir()
        _choose(monkeypatch, target)
        with qtbot.waitSignal(page.exported, timeout=60000):
            page.export_button.click()
        assert asked == [tmp_path / "keys2" / "package-signing-key.pem"]
        assert (tmp_path / "keys2" / "package-signing-key.pem").exists()
        assert page.key_where.text().endswith("package-signing-key.pem")
        assert "a long passphrase" not in repr(vars(page))
    finally:
        keyring.set_keyring(previous)
