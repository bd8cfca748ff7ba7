"""ISO week parsing for ``--week``: formats, ``last``, the default, and ISO-year edges."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medsos_cli.errors import InputError
from medsos_cli.weekly.week import Week, parse_week, week_of, weeks_in_year

FRIDAY = date(2026, 11, 20)  # the report is written on Friday of 2026-W47


@pytest.mark.parametrize("value", ["2026-W47", "2026-w47", " 2026-W47 ", "2026W47", "2026-W47"])
def test_explicit_week(value):
    week = parse_week(value, today=FRIDAY)
    assert week == Week(2026, 47)
    assert (week.label, week.start, week.end) == ("2026-W47", date(2026, 11, 16),
                                                  date(2026, 11, 22))


def test_default_is_the_last_complete_week():
    assert parse_week(None, today=FRIDAY).label == "2026-W46"
    # Sunday is not over yet: its week is not complete
    assert parse_week("", today=date(2026, 11, 22)).label == "2026-W46"
    assert parse_week(None, today=date(2026, 11, 23)).label == "2026-W47"  # Monday
    assert parse_week(None, today=date(2027, 1, 4)).label == "2026-W53"  # across New Year
    assert not parse_week(None, today=FRIDAY).running


@pytest.mark.parametrize("value", ["this", "THIS", "ini", " ini "])
def test_this_is_the_week_so_far(value):
    wednesday = date(2026, 12, 2)
    week = parse_week(value, today=wednesday)
    assert (week.label, week.running, week.start, week.end, week.sunday) == (
        "2026-W49", True, date(2026, 11, 30), wednesday, date(2026, 12, 6))
    assert week.days() == [date(2026, 11, 30), date(2026, 12, 1), wednesday]
    # compared with the same weekdays of the week before
    before = week.previous()
    assert (before.label, before.start, before.end) == ("2026-W48", date(2026, 11, 23),
                                                        date(2026, 11, 25))
    begin, end = week.bounds("Asia/Jakarta")
    assert end - begin == timedelta(days=3)
    assert week == Week(2026, 49)  # the same ISO week, whatever day it is cut at
    monday = parse_week("this", today=date(2026, 11, 30))
    assert monday.days() == [date(2026, 11, 30)]


def test_today_can_be_pinned(monkeypatch):
    from medsos_cli.weekly.week import now_in, today_in

    monkeypatch.setenv("MEDSOS_TODAY", "2026-11-18")
    assert today_in("Asia/Jayapura") == date(2026, 11, 18)
    assert now_in("Asia/Jakarta").isoformat() == "2026-11-19T00:00:00+07:00"  # end of day
    monkeypatch.setenv("MEDSOS_TODAY", "18/11/2026")
    with pytest.raises(InputError, match="MEDSOS_TODAY"):
        today_in("Asia/Jakarta")
    monkeypatch.delenv("MEDSOS_TODAY")
    assert now_in("Asia/Jakarta").tzinfo is not None


@pytest.mark.parametrize("value", ["last", "LAST", "lalu"])
def test_last_is_the_previous_week(value):
    assert parse_week(value, today=FRIDAY).label == "2026-W46"


def test_last_across_new_year():
    # 1 January 2026 is a Thursday, so 2026 is a long ISO year: 28 December 2026 (a Monday)
    # starts 2026-W53, and 2027-W01 begins on 4 January 2027.
    assert weeks_in_year(2026) == 53
    assert parse_week("last", today=date(2027, 1, 6)).label == "2026-W53"
    assert parse_week("last", today=date(2026, 1, 7)).label == "2026-W01"
    assert parse_week("last", today=date(2026, 1, 1)).label == "2025-W52"  # Thu in 2026-W01


def test_previous_week_and_bounds():
    week = Week(2026, 1)
    assert week.start == date(2025, 12, 29)  # ISO week 1 starts in the old year
    assert week.previous() == Week(2025, 52)
    begin, end = Week(2026, 47).bounds("Asia/Jakarta")
    assert begin.astimezone(timezone.utc) == datetime(2026, 11, 15, 17, 0, tzinfo=timezone.utc)
    assert end - begin == timedelta(days=7)
    assert len(week.days()) == 7 and week.days()[0].weekday() == 0


def test_week_53_exists_only_in_long_years():
    assert parse_week("2020-W53", today=FRIDAY).start == date(2020, 12, 28)
    with pytest.raises(InputError, match="W01–W52"):
        parse_week("2025-W53", today=FRIDAY)
    assert parse_week("2026-W53", today=FRIDAY).end == date(2027, 1, 3)


@pytest.mark.parametrize("value", ["2026-W00", "2026-W54", "47", "minggu lalu", "2026-11-16",
                                   "W47", "1800-W01"])
def test_bad_values_are_input_errors_in_indonesian(value):
    with pytest.raises(InputError) as info:
        parse_week(value, today=FRIDAY)
    assert "--week" in info.value.message


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2998, 12, 1)))
def test_round_trip(day):
    week = week_of(day)
    assert week.start <= day <= week.end
    assert week.start.weekday() == 0 and (week.end - week.start).days == 6
    assert parse_week(week.label, today=day) == week
    assert parse_week(week.label.lower(), today=day) == week
    assert parse_week(None, today=day) == week.previous() == parse_week("last", today=day)
    assert parse_week("last", today=day) == week.previous() == week_of(day - timedelta(days=7))
    running = parse_week("this", today=day)
    assert running == week and running.end == day and len(running.days()) == day.weekday() + 1
    assert running.previous().end == day - timedelta(days=7)
