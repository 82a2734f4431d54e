"""Language switching: process-wide for the user, per thread for document rendering."""

import threading

from secretariat import i18n


def test_set_language_translates_later_calls():
    i18n.set_language("zh_TW")
    assert i18n._("Minutes") == "會議紀錄"
    i18n.set_language("en")
    assert i18n._("Minutes") == "Minutes"


def test_override_in_a_worker_thread_leaves_other_threads_alone():
    i18n.set_language("zh_TW")
    inside, outside = threading.Event(), threading.Event()
    seen = {}

    def worker():
        with i18n.language_override("en"):
            seen["worker"] = (i18n._("Minutes"), i18n.current_language())
            inside.set()
            outside.wait(5)
        seen["after"] = i18n._("Minutes")

    thread = threading.Thread(target=worker)
    thread.start()
    inside.wait(5)
    seen["main"] = (i18n._("Minutes"), i18n.current_language())
    outside.set()
    thread.join(5)
    assert seen["worker"] == ("Minutes", "en")
    assert seen["main"] == ("會議紀錄", "zh_TW")
    assert seen["after"] == "會議紀錄"


def test_dates_follow_the_language():
    import datetime as dt

    i18n.set_language("zh_TW")
    assert i18n.format_date(dt.date(2026, 3, 2)) == "2026年3月2日"
    with i18n.language_override("en"):
        assert i18n.format_date(dt.date(2026, 3, 2)) == "Mar 2, 2026"


# -- Republic of China (民國) years: a display preference, Chinese only -----------------

import datetime as dt  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

import pytest  # noqa: E402

DAY = dt.date(2026, 3, 2)


@pytest.fixture
def roc_on():
    i18n.set_roc_years(True)
    yield
    i18n.set_roc_years(False)
    i18n.set_language("en")


def test_roc_years_are_off_by_default():
    i18n.set_language("zh_TW")
    assert i18n.format_date(DAY) == "2026年3月2日"
    assert not i18n.roc_years()
    i18n.set_language("en")


def test_roc_years_in_chinese_dates_and_datetimes(roc_on):
    i18n.set_language("zh_TW")
    assert i18n.format_date(DAY) == "民國115年3月2日"
    assert i18n.format_date(DAY, "full") == "民國115年3月2日 星期一"
    assert i18n.format_date(DAY, "short") == "115/3/2"  # Taiwan's numeric form, without 民國
    # The year is that of the shown zone: 20:00 UTC on 31 December is 1 January in Taipei.
    new_year = dt.datetime(2026, 12, 31, 20, 0, tzinfo=dt.timezone.utc)
    assert i18n.format_datetime(new_year, tzinfo=ZoneInfo("Asia/Taipei")) == (
        "民國116年1月1日 凌晨4:00:00")
    assert i18n.roc_years()


def test_roc_years_never_touch_english(roc_on):
    i18n.set_language("en")
    assert i18n.format_date(DAY) == "Mar 2, 2026"
    assert i18n.format_datetime(dt.datetime(2026, 3, 2, 6, tzinfo=dt.timezone.utc),
                                tzinfo=ZoneInfo("Asia/Taipei")) == "Mar 2, 2026, 2:00:00\u202fPM"
    assert not i18n.roc_years()


def test_turning_roc_years_off_restores_gregorian_years(roc_on):
    i18n.set_language("zh_TW")
    assert i18n.format_date(DAY) == "民國115年3月2日"
    i18n.set_roc_years(False)
    assert i18n.format_date(DAY) == "2026年3月2日"


def test_a_document_override_writes_gregorian_years_unless_it_asks(roc_on):
    """A PDF is built under language_override on the worker: the window's preference
    must not leak into it, in either language."""
    i18n.set_language("zh_TW")
    with i18n.language_override("zh_TW"):
        assert i18n.format_date(DAY) == "2026年3月2日"
    with i18n.language_override("zh_TW", roc_years=True):
        assert i18n.format_date(DAY) == "民國115年3月2日"
    with i18n.language_override("en", roc_years=True):
        assert i18n.format_date(DAY) == "Mar 2, 2026"
    assert i18n.format_date(DAY) == "民國115年3月2日"  # the window's own dates again


def test_a_document_thread_does_not_change_the_windows_dates(roc_on):
    i18n.set_language("zh_TW")
    inside, outside = threading.Event(), threading.Event()
    seen = {}

    def worker():
        with i18n.language_override("zh_TW"):
            seen["worker"] = i18n.format_date(DAY)
            inside.set()
            outside.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    inside.wait(5)
    seen["main"] = i18n.format_date(DAY)
    outside.set()
    thread.join(5)
    assert seen == {"worker": "2026年3月2日", "main": "民國115年3月2日"}


def test_a_year_on_its_own_follows_the_preference(roc_on):
    i18n.set_language("zh_TW")
    assert [i18n.format_year(y) for y in (2026, 1912)] == ["民國115年", "民國元年"]
    i18n.set_language("en")
    assert i18n.format_year(2026) == "2026"


def test_dates_in_error_messages_follow_the_language_when_shown():
    import datetime as dt

    from secretariat.errors import SecretariatError

    error = SecretariatError("This term already ended on {date}.", date=dt.date(2026, 3, 2))
    i18n.set_language("en")
    assert str(error) == "This term already ended on Mar 2, 2026."
    i18n.set_language("zh_TW")
    assert "2026年3月2日" in str(error)


def test_localized_prefers_a_real_english_text_only_in_english():
    assert i18n.localized("第一次會議", "First meeting", "en") == "First meeting"
    assert i18n.localized("第一次會議", "First meeting", "zh_TW") == "第一次會議"
    # A blank English title must not hide the record's own title.
    assert i18n.localized("第一次會議", "  ", "en") == "第一次會議"
    assert i18n.localized("第一次會議", "", "en") == "第一次會議"
    i18n.set_language("en")
    assert i18n.localized("第一次會議", "First meeting") == "First meeting"
