"""ISO weeks of the report: parse ``--week`` and give the Monday–Sunday dates in the zone.

A week may be *running* (``--week this``): it then ends on ``through`` (today), and the week
before it is cut at the same weekday, so the comparison is like for like.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from medsos_cli.errors import InputError

_WEEK = re.compile(r"(\d{4})-?[wW](\d{1,2})")


@dataclass(frozen=True, order=True)
class Week:
    """One ISO week (Monday to Sunday), or its first days up to ``through`` (a running week:
    the days after ``through`` have not happened yet and are never counted)."""

    year: int
    number: int
    through: date | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        """``2026-W47``."""
        return f"{self.year:04d}-W{self.number:02d}"

    @property
    def start(self) -> date:
        """The Monday."""
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self) -> date:
        """The Sunday (the calendar end, also of a running week)."""
        return date.fromisocalendar(self.year, self.number, 7)

    @property
    def end(self) -> date:
        """The last day counted: the Sunday, or ``through`` for a running week."""
        return self.through if self.through is not None else self.sunday

    @property
    def running(self) -> bool:
        """True for the week so far (``--week this``)."""
        return self.through is not None

    def days(self) -> list[date]:
        """The dates counted, Monday first (seven, or up to ``through``)."""
        start = self.start
        return [start + timedelta(days=i) for i in range((self.end - start).days + 1)]

    def previous(self) -> Week:
        """The ISO week before this one; cut at the same weekday when this one is running."""
        before = week_of(self.start - timedelta(days=7))
        if self.through is None:
            return before
        return Week(before.year, before.number, self.through - timedelta(days=7))

    def so_far(self, today: date) -> Week:
        """This week up to ``today`` (which must lie in it)."""
        if not self.start <= today <= self.sunday:
            raise ValueError(f"{today} is not in {self.label}")
        return Week(self.year, self.number, today)

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


# Pins "today" (``2026-11-25``) for reproducing a report as it was on that day, and for tests.
TODAY_ENV = "MEDSOS_TODAY"


def today_in(tz: str) -> date:
    """Today's date in the zone ``tz`` (the report is written for the admin's local week);
    ``MEDSOS_TODAY=YYYY-MM-DD`` pins it."""
    pinned = os.environ.get(TODAY_ENV, "").strip()
    if pinned:
        try:
            return date.fromisoformat(pinned)
        except ValueError:
            raise InputError(f"{TODAY_ENV} “{pinned}” tidak sah: tulis tanggal seperti "
                             "2026-11-25") from None
    return datetime.now(ZoneInfo(tz)).date()


def now_in(tz: str) -> datetime:
    """The present moment in ``tz``; with ``MEDSOS_TODAY`` pinned, the end of that day (what a
    report run late that day would see)."""
    zone = ZoneInfo(tz)
    if os.environ.get(TODAY_ENV, "").strip():
        return datetime.combine(today_in(tz) + timedelta(days=1), time(0), tzinfo=zone)
    return datetime.now(zone)


def last_complete(today: date) -> Week:
    """The last ISO week that has ended before ``today`` (today itself is not over yet)."""
    return week_of(today).previous()


def parse_week(value: str | None, *, today: date) -> Week:
    """Parse ``--week``: ``2026-W47`` (any case, hyphen optional), ``last`` or ``this``.

    None (not given) and ``last`` mean the last complete week (the one before the week
    containing ``today``); ``this`` (``ini``) the week so far, up to and including ``today``.
    A week that does not exist (``2026-W53``) is an InputError with an Indonesian message.
    """
    if value is None or not value.strip():
        return last_complete(today)
    text = value.strip()
    low = text.lower()
    if low in ("last", "lalu", "kemarin"):
        return last_complete(today)
    if low in ("this", "ini", "current"):
        return week_of(today).so_far(today)
    match = _WEEK.fullmatch(text)
    if match is None:
        raise InputError(f"--week “{value}” tidak sah: tulis pekan ISO seperti 2026-W47, "
                         "“last” untuk pekan lalu, atau “this” untuk pekan berjalan")
    year, number = int(match.group(1)), int(match.group(2))
    if not 1900 <= year <= 2999:
        raise InputError(f"--week “{value}”: tahun {year} di luar rentang 1900–2999")
    last = weeks_in_year(year)
    if not 1 <= number <= last:
        raise InputError(f"--week “{value}”: tahun {year} hanya memiliki pekan ISO W01–W{last}")
    return Week(year, number)


# -- periods longer than a week (monthly reports, quarters) ----------------------------------

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


@dataclass(frozen=True)
class Period:
    """A span of whole days ``start``..``end`` (inclusive) with a label.

    ``weeks`` are the ISO weeks that touch the span (a month starts and ends mid-week: its
    first and last weeks are partial, and figures count only the days inside the span).
    """

    label: str
    start: date
    end: date
    kind: str  # "week", "month" or "range"

    @property
    def days(self) -> list[date]:
        """Every date of the span, first to last."""
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]

    @property
    def weeks(self) -> list[Week]:
        """ISO weeks touching the span, in order."""
        out: list[Week] = []
        day = self.start
        while day <= self.end:
            week = week_of(day)
            out.append(week)
            day = week.end + timedelta(days=1)
        return out

    @property
    def title(self) -> str:
        """Indonesian heading: ``pekan 2026-W47``, ``November 2026``, ``1–30 November 2026``."""
        if self.kind == "week":
            return f"pekan {self.label}"
        if self.kind == "month":
            from medsos_cli.forms import month_year

            return month_year(self.start)
        return f"{self.start.isoformat()} s.d. {self.end.isoformat()}"


def week_period(week: Week) -> Period:
    """The period of one ISO week."""
    return Period(week.label, week.start, week.end, "week")


def parse_month(value: str) -> Period:
    """Parse ``--month 2026-11`` into the period of that calendar month."""
    match = _MONTH.fullmatch(value.strip())
    if match is None:
        raise InputError(f"--month “{value}” tidak sah: tulis tahun-bulan seperti 2026-11")
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise InputError(f"--month “{value}”: bulan {month} tidak ada (01–12)")
    if not 1900 <= year <= 2999:
        raise InputError(f"--month “{value}”: tahun {year} di luar rentang 1900–2999")
    first = date(year, month, 1)
    last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
    return Period(f"{year:04d}-{month:02d}", first, last, "month")


def _parse_day(value: str, option: str) -> date:
    text = value.strip()
    if _WEEK.fullmatch(text):  # a week as bound: its Monday (--from) or Sunday (--to)
        week = parse_week(text, today=date(2000, 1, 1))
        return week.start if option == "--from" else week.end
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):  # fromisoformat alone takes 2026W47 too
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise InputError(f"{option} “{value}”: tanggal itu tidak ada") from None
    raise InputError(f"{option} “{value}” tidak sah: tulis tanggal seperti 2026-11-01 atau "
                     "pekan ISO seperti 2026-W40")


MAX_PERIOD_DAYS = 366 * 2


def parse_period(week: str | None = None, month: str | None = None, start: str | None = None,
                 end: str | None = None, *, today: date) -> Period:
    """One period from ``--week``, ``--month`` or ``--from``/``--to`` (only one kind at a time).

    Nothing given means the last complete week (as ``parse_week``). ``--from`` without ``--to``
    runs to the end of the week containing ``today``; dates and ISO weeks are both accepted as
    bounds.
    """
    given = [name for name, value in (("--week", week), ("--month", month),
                                      ("--from/--to", start or end)) if value]
    if len(given) > 1:
        raise InputError(f"pilih salah satu: {' atau '.join(given)}, tidak sekaligus")
    if month:
        return parse_month(month)
    if start or end:
        if not start:
            raise InputError("--to perlu --from (tanggal awal periode)")
        first = _parse_day(start, "--from")
        last = _parse_day(end, "--to") if end else week_of(today).end
        if last < first:
            raise InputError(f"--to {last.isoformat()} lebih awal dari --from "
                             f"{first.isoformat()}")
        if (last - first).days >= MAX_PERIOD_DAYS:
            raise InputError("periode lebih dari dua tahun; pecah menjadi beberapa laporan")
        if first.isocalendar()[2] == 1 and last.isocalendar()[2] == 7 and (
                week_of(first) == week_of(last)):
            return week_period(week_of(first))
        return Period(f"{first.isoformat()}..{last.isoformat()}", first, last, "range")
    return week_period(parse_week(week, today=today))
