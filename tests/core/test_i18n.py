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
