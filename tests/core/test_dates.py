"""Dates as documents print them, with Republic of China (民國) years on request."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from secretariat import dates, i18n

TAIPEI = ZoneInfo("Asia/Taipei")


@pytest.mark.parametrize(("year", "expected"), [
    (2026, "115"), (1949, "38"), (1913, "2"), (1912, "元"), (1911, "前1"), (1900, "前12"),
])
def test_roc_year(year, expected):
    assert dates.roc_year(year) == expected


def test_chinese_dates_with_and_without_roc_years():
    day = dt.date(2026, 3, 2)
    assert dates.format_date(day, language="zh_TW") == "2026年3月2日"
    assert dates.format_date(day, language="zh_TW", roc=True) == "民國115年3月2日"
    assert dates.format_date(dt.date(1912, 1, 1), language="zh_TW", roc=True) == "民國元年1月1日"
    assert dates.format_date(day, language="zh_TW", roc=True, fmt="full") == "民國115年3月2日 星期一"
    # The numeric form is written without 民國, as on Taiwanese forms.
    assert dates.format_date(day, language="zh_TW", roc=True, fmt="short") == "115/3/2"


def test_roc_flag_is_ignored_in_english():
    day = dt.date(2026, 3, 2)
    assert dates.format_date(day, language="en", roc=True) == "March 2, 2026"


def test_language_defaults_to_the_current_one():
    i18n.set_language("zh_TW")
    assert dates.format_date(dt.date(2026, 3, 2), roc=True) == "民國115年3月2日"
    i18n.set_language("en")
    assert dates.format_date(dt.date(2026, 3, 2), roc=True) == "March 2, 2026"


def test_datetime_uses_its_own_zone_and_a_24_hour_clock():
    start = dt.datetime(2026, 3, 2, 6, 30, tzinfo=dt.timezone.utc).astimezone(TAIPEI)
    assert dates.format_datetime(start, language="zh_TW", roc=True) == "民國115年3月2日 14:30"
    assert dates.format_datetime(start, language="en") == "March 2, 2026 14:30"


def test_time_range_on_one_day_and_across_midnight():
    start = dt.datetime(2026, 3, 2, 14, 0, tzinfo=TAIPEI)
    same_day = dates.format_time_range(start, start + dt.timedelta(hours=2), language="zh_TW", roc=True)
    assert same_day == "民國115年3月2日 星期一 14:00–16:00"
    overnight = dates.format_time_range(start, start + dt.timedelta(hours=12), language="en")
    assert overnight == "Monday, March 2, 2026 14:00 – Tuesday, March 3, 2026 02:00"


def test_zone_label_names_the_zone_and_its_offset():
    start = dt.datetime(2026, 3, 2, 14, 0, tzinfo=TAIPEI)
    assert dates.zone_label(start, language="en") == "Taiwan Standard Time GMT+08:00"
    assert "GMT+08:00" in dates.zone_label(start, language="zh_TW")
    summer = dt.datetime(2026, 7, 1, 9, 0, tzinfo=ZoneInfo("Europe/London"))
    assert dates.zone_label(summer, language="en").endswith("GMT+01:00")
