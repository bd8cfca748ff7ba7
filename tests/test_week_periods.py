"""Periods longer than a week: --month and --from/--to."""

from __future__ import annotations

from datetime import date

import pytest

from medsos_cli.errors import InputError
from medsos_cli.weekly.week import Week, parse_month, parse_period

TODAY = date(2026, 11, 25)


def test_month_covers_its_days_and_touching_weeks():
    period = parse_month("2026-11")
    assert (period.start, period.end, len(period.days)) == (date(2026, 11, 1),
                                                            date(2026, 11, 30), 30)
    assert period.weeks[0] == Week(2026, 44) and period.weeks[-1] == Week(2026, 49)
    assert period.title == "November 2026"
    assert parse_month("2026-12").end == date(2026, 12, 31)
    assert len(parse_month("2028-02").days) == 29


def test_range_of_dates_or_weeks():
    quarter = parse_period(start="2026-W36", end="2026-W48", today=TODAY)
    assert len(quarter.weeks) == 13 and quarter.kind == "range"
    assert quarter.start == date(2026, 8, 31) and quarter.end == date(2026, 11, 29)
    one = parse_period(start="2026-11-16", end="2026-11-22", today=TODAY)
    assert (one.kind, one.label) == ("week", "2026-W47")
    open_end = parse_period(start="2026-11-01", today=TODAY)
    assert open_end.end == date(2026, 11, 29)  # the Sunday of this week
    assert parse_period(today=TODAY).label == "2026-W47"  # the last complete week
    running = parse_period(week="this", today=TODAY)
    assert (running.label, running.start, running.end) == ("2026-W48", date(2026, 11, 23),
                                                            TODAY)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"month": "2026-13"}, "bulan 13"),
    ({"month": "November"}, "--month"),
    ({"week": "2026-W47", "month": "2026-11"}, "salah satu"),
    ({"end": "2026-11-30"}, "--to perlu --from"),
    ({"start": "2026-11-30", "end": "2026-11-01"}, "lebih awal"),
    ({"start": "30/11/2026"}, "--from"),
    ({"start": "2020-01-01", "end": "2026-01-01"}, "dua tahun"),
])
def test_bad_periods(kwargs, message):
    with pytest.raises(InputError, match=message):
        parse_period(today=TODAY, **kwargs)
