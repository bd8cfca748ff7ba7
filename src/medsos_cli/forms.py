"""Indonesian forms of numbers, dates and lists: the one place that writes them.

Numbers follow CLDR ``id`` (a dot groups thousands, a comma marks decimals: ``12.345``,
``4,5``); day names, month names and date patterns come from Babel's CLDR data; lists are
joined as ``a, b, dan c``. The lint core formats numbers in messages and must start fast, so
Babel is imported only by the functions that need it, on first use.

Every function accepts ``None`` (an unknown value) and returns :data:`NULL`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

LOCALE = "id"
NULL = "–"  # en dash: "tidak diketahui"

# Indonesian separators: "." groups thousands, "," marks decimals (CLDR ``id``).
_ID_SEPARATORS = str.maketrans({",": ".", ".": ","})


def number(value: float | int | None, digits: int = 0) -> str:
    """``12345`` → ``12.345``; ``digits`` fixed decimals (``5.5`` → ``5,5``)."""
    if value is None:
        return NULL
    # Fast path (a large report formats ~40,000 numbers; Babel re-reads the locale and
    # re-parses the pattern on every call). Same result as Babel: floats go through
    # ``Decimal(str(value))`` and round half to even, exactly as Babel does.
    kind = type(value)
    if kind is int and not digits:
        return f"{value:,}".translate(_ID_SEPARATORS)
    from decimal import Decimal  # not at import: the lint core formats integers only

    if kind is int:
        return f"{Decimal(value):,.{digits}f}".translate(_ID_SEPARATORS)
    if kind is float and value - value == 0.0:  # finite (NaN and ±inf are left to Babel)
        return f"{Decimal(repr(value)):,.{digits}f}".translate(_ID_SEPARATORS)
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def decimal(value: float | int | None) -> str:
    """A number as written, up to three decimals: ``2.5`` → ``2,5``, ``12500`` → ``12.500``."""
    if value is None:
        return NULL
    from babel.numbers import format_decimal

    return format_decimal(value, locale=LOCALE)


def percent(ratio: float | None, digits: int = 1) -> str:
    """A ratio as an Indonesian percentage: ``0.0306`` → ``3,1 %``."""
    if ratio is None:
        return NULL
    return number(ratio * 100, digits) + " %"


def as_date(value: str | dt.date) -> dt.date:
    """``YYYY-MM-DD`` (or the date part of an ISO time) as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


@lru_cache(maxsize=1024)
def _date(day: dt.date, pattern: str) -> str:
    """Babel's date formatting, memoised: a report repeats the same seven days."""
    from babel.dates import format_date

    return format_date(day, pattern, locale=LOCALE)


def date(value: str | dt.date | None) -> str:
    """``2020-08-10`` → ``10 Agustus 2020``."""
    return _date(as_date(value), "d MMMM y") if value else NULL


def date_long(value: str | dt.date | None) -> str:
    """``2026-11-16`` → ``Senin, 16 November 2026``."""
    return _date(as_date(value), "EEEE, d MMMM y") if value else NULL


def day_month(value: str | dt.date | None) -> str:
    """``2026-11-21`` → ``Sabtu (21 November)`` (reads well in a list of days)."""
    return _date(as_date(value), "EEEE (d MMMM)") if value else NULL


def date_short(value: str | dt.date | None) -> str:
    """``2026-11-16`` → ``Sen, 16 Nov``."""
    return _date(as_date(value), "EEE, d MMM") if value else NULL


def month_year(value: str | dt.date | None) -> str:
    """``2026-11-01`` → ``November 2026``."""
    return _date(as_date(value), "LLLL y") if value else NULL


def date_range(start: str | dt.date | None, end: str | dt.date | None) -> str:
    """``16–22 November 2026`` (or with both months/years when they differ)."""
    if not start or not end:
        return NULL
    a, b = as_date(start), as_date(end)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–" + _date(b, "d MMMM y")
    if a.year == b.year:
        return _date(a, "d MMMM") + " – " + _date(b, "d MMMM y")
    return _date(a, "d MMMM y") + " – " + _date(b, "d MMMM y")


@lru_cache(maxsize=2)
def weekdays(short: bool = False) -> tuple[str, ...]:
    """Day names Monday first: ``Senin`` … ``Minggu`` (``Sen`` … ``Min`` when short)."""
    from babel.dates import get_day_names

    names = get_day_names("abbreviated" if short else "wide", locale=LOCALE)
    return tuple(str(names[i]) for i in range(7))


def joined(items: Iterable[object], word: str = "dan", empty: str = NULL) -> str:
    """``a, b, dan c``; ``word="atau"`` gives ``a, b, atau c``."""
    from babel.lists import format_list

    values = [str(i) for i in items]
    if not values:
        return empty
    return format_list(values, style="or" if word == "atau" else "standard", locale=LOCALE)
