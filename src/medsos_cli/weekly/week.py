"""ISO weeks of the report: parse ``--week`` and give the Monday–Sunday dates in the zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from medsos_cli.errors import InputError

_WEEK = re.compile(r"(\d{4})-?[wW](\d{1,2})")


@dataclass(frozen=True, order=True)
class Week:
    """One ISO week (Monday to Sunday)."""

    year: int
    number: int

    @property
    def label(self) -> str:
        """``2026-W47``."""
        return f"{self.year:04d}-W{self.number:02d}"

    @property
    def start(self) -> date:
        """The Monday."""
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def end(self) -> date:
        """The Sunday."""
        return date.fromisocalendar(self.year, self.number, 7)

    def days(self) -> list[date]:
        """The seven dates, Monday first."""
        start = self.start
        return [start + timedelta(days=i) for i in range(7)]

    def previous(self) -> Week:
        """The ISO week before this one."""
        return week_of(self.start - timedelta(days=7))

    def bounds(self, tz: str) -> tuple[datetime, datetime]:
        """Aware datetimes [Monday 00:00, next Monday 00:00) in ``tz``."""
        zone = ZoneInfo(tz)
        begin = datetime.combine(self.start, time(0), tzinfo=zone)
        end = datetime.combine(self.end + timedelta(days=1), time(0), tzinfo=zone)
        return begin, end

    def __str__(self) -> str:
        return self.label


def week_of(day: date) -> Week:
    """The ISO week containing ``day``."""
    iso = day.isocalendar()
    return Week(iso[0], iso[1])


def weeks_in_year(year: int) -> int:
    """52 or 53: 28 December always lies in the last ISO week of its year."""
    return date(year, 12, 28).isocalendar()[1]


def today_in(tz: str) -> date:
    """Today's date in the zone ``tz`` (the report is written for the admin's local week)."""
    return datetime.now(ZoneInfo(tz)).date()


def parse_week(value: str | None, *, today: date) -> Week:
    """Parse ``--week``: ``2026-W47`` (any case, hyphen optional), ``last`` or ``ini``.

    None (not given) means the week containing ``today``; ``last`` the week before it.
    A week that does not exist (``2026-W53``) is an InputError with an Indonesian message.
    """
    if value is None or not value.strip():
        return week_of(today)
    text = value.strip()
    low = text.lower()
    if low in ("last", "lalu", "kemarin"):
        return week_of(today).previous()
    if low in ("this", "ini", "current"):
        return week_of(today)
    match = _WEEK.fullmatch(text)
    if match is None:
        raise InputError(f"--week “{value}” tidak sah: tulis pekan ISO seperti 2026-W47, atau "
                         "“last” untuk pekan lalu")
    year, number = int(match.group(1)), int(match.group(2))
    if not 1900 <= year <= 2999:
        raise InputError(f"--week “{value}”: tahun {year} di luar rentang 1900–2999")
    last = weeks_in_year(year)
    if not 1 <= number <= last:
        raise InputError(f"--week “{value}”: tahun {year} hanya memiliki pekan ISO W01–W{last}")
    return Week(year, number)
