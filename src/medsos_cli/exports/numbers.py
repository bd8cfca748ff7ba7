"""Parsers for the numbers, dates and times written in platform exports.

Conventions: a blank cell, ``-`` or ``undefined`` is *unknown* and parses to ``None``; a value
that is present but cannot be read raises ``ValueError`` (the readers turn it into a skipped
row with its line). Nothing here guesses: a number is read in the locale of the export it
came from (``en``: ``1,234.5``; ``id``: ``1.234,5``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from zoneinfo import ZoneInfo

UNKNOWN = frozenset({"", "-", "–", "—", "undefined", "n/a", "null", "none"})

_EN_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_EN_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_ID_GROUPED = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_ID_PLAIN = re.compile(r"[+-]?(?:\d+(?:,\d*)?|,\d+)")


def is_unknown(text: str | None) -> bool:
    """True for a cell that means "unknown": blank, ``-``, ``undefined``, ``N/A``."""
    return text is None or text.strip().lower() in UNKNOWN


def parse_decimal(text: str | None, locale: str = "en") -> Decimal | None:
    """Read a number written in ``locale`` (``en`` or ``id``); ``%`` at the end is allowed.

    ``None`` for an unknown cell; ``ValueError`` for anything else that is not a number.
    Thousands separators are accepted only in proper groups of three, so ``1,2`` in an English
    export is an error rather than twelve.
    """
    if is_unknown(text):
        return None
    assert text is not None
    raw = text.strip().replace("\u00a0", "").replace(" ", "")
    if raw.endswith("%"):
        raw = raw[:-1]
    if len(raw) > 40:
        raise ValueError(f"angka terlalu panjang: “{raw[:20]}...”")
    if locale == "en":
        if _EN_GROUPED.fullmatch(raw):
            raw = raw.replace(",", "")
        elif not _EN_PLAIN.fullmatch(raw):
            raise ValueError(f"bukan angka: “{text.strip()}”")
    elif locale == "id":
        if _ID_GROUPED.fullmatch(raw):
            raw = raw.replace(".", "").replace(",", ".")
        elif _ID_PLAIN.fullmatch(raw):
            raw = raw.replace(",", ".")
        else:
            raise ValueError(f"bukan angka: “{text.strip()}”")
    else:
        raise ValueError(f"locale tidak dikenal: {locale}")
    try:
        return Decimal(raw)
    except InvalidOperation:  # pragma: no cover - the patterns above already rule this out
        raise ValueError(f"bukan angka: “{text.strip()}”") from None


def parse_int(text: str | None, locale: str = "en") -> int | None:
    """Read a count: ``1234``, ``1,234`` (en), ``1.234`` (id), ``3423.0`` (X legacy).

    A fractional count (``12.5``) is a ``ValueError``; an unknown cell is ``None``.
    """
    if text is not None and text.isascii() and text.isdigit() and len(text) < 19:
        return int(text)  # fast path: most cells are plain digits
    value = parse_decimal(text, locale)
    if value is None:
        return None
    raw = (text or "").strip()
    # "5.000" in an English file (or "5,000" in an Indonesian one) reads as five, but a count
    # is never written with three zero decimals: it is a thousands separator of the other
    # convention, and the file disagrees with itself.
    if (_DOT_THREE if locale == "en" else _COMMA_THREE).fullmatch(raw):
        raise ValueError(f"“{raw}” bisa berarti {raw[:raw.index('.' if locale == 'en' else ',')]}"
                         " atau ribuan (pemisah ribuan tidak cocok dengan angka lain di berkas)")
    if value != value.to_integral_value():
        raise ValueError(f"bukan bilangan bulat: “{raw}”")
    return int(value)


_DOT_THREE = re.compile(r"[+-]?\d{1,3}\.\d{3}")
_COMMA_THREE = re.compile(r"[+-]?\d{1,3},\d{3}")
INT64_MAX = 2**63 - 1


def parse_count(text: str | None, locale: str = "en", *, negative: bool = False) -> int | None:
    """A count checked at the boundary: a whole number, not negative (unless ``negative``:
    daily net changes), within 64 bits; ``None`` when unknown."""
    value = parse_int(text, locale)
    if value is None:
        return None
    if value < 0 and not negative:
        raise ValueError(f"jumlah negatif: “{(text or '').strip()}”")
    if abs(value) > INT64_MAX:
        raise ValueError(f"angka terlalu besar: “{(text or '').strip()[:25]}”")
    return value


def parse_float(text: str | None, locale: str = "en") -> float | None:
    """Read a decimal number or percentage figure (``4.52``, ``4,52``, ``12%`` → 12.0)."""
    value = parse_decimal(text, locale)
    return None if value is None else float(value)


def format_int(value: int, locale: str = "en") -> str:
    """Write ``value`` with thousands separators as the export of ``locale`` would."""
    text = f"{value:,}"
    return text.replace(",", ".") if locale == "id" else text


# --- dates and times ------------------------------------------------------------------

MONTHS_EN = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
MONTHS_ID = {
    name: number
    for number, names in enumerate(
        [("jan", "januari"), ("feb", "februari", "peb", "pebruari"), ("mar", "maret"),
         ("apr", "april"), ("mei",), ("jun", "juni"), ("jul", "juli"),
         ("agu", "agt", "ags", "agustus"), ("sep", "september"), ("okt", "oktober"),
         ("nov", "november", "nop", "nopember"), ("des", "desember")],
        start=1,
    )
    for name in names
}


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    """The ``ZoneInfo`` for an IANA name (``ValueError`` when unknown)."""
    try:
        return ZoneInfo(name)
    except Exception:  # ZoneInfoNotFoundError, ValueError for odd keys
        raise ValueError(f"zona waktu tidak dikenal: {name}") from None


def _local(day: date, hour: int, minute: int, second: int, tz: str) -> datetime:
    """A wall-clock time in ``tz`` as an aware UTC datetime."""
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        raise ValueError("jam tidak valid")
    local = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone(tz))
    return local.astimezone(timezone.utc)


def _date(year: int, month: int, day: int) -> date:
    if not 1900 <= year <= 2100:  # also keeps time-zone arithmetic away from year 1 and 9999
        raise ValueError(f"tahun {year} di luar rentang 1900–2100")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"tanggal tidak valid: {year:04d}-{month:02d}-{day:02d}") from None


_META_TIME = re.compile(
    r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?")


@lru_cache(maxsize=16384)
def parse_meta_time(text: str, tz: str, day_first: bool = False) -> datetime:
    """Meta ``Publish time`` ``MM/DD/YYYY HH:MM`` (no zone; read as local time in ``tz``).

    ``day_first``: the file was re-saved as ``DD/MM/YYYY`` (decided for the whole file).
    ISO ``YYYY-MM-DD HH:MM[:SS]`` (a spreadsheet's date cell) is accepted too.
    """
    raw = text.strip()
    m = _META_TIME.fullmatch(raw)
    if not m:
        iso = _ISO_DATETIME.fullmatch(raw) or _ISO_DAY.fullmatch(raw)
        if iso:
            day = _date(int(iso[1]), int(iso[2]), int(iso[3]))
            groups = iso.groups()
            h, mi, s = (int(g or 0) for g in (groups[3:6] + (None,) * 3)[:3])
            return _local(day, h, mi, s, tz)
        order = "DD/MM/YYYY" if day_first else "MM/DD/YYYY"
        raise ValueError(f"waktu tidak sesuai format {order} HH:MM: “{raw}”")
    first, second, year = int(m[1]), int(m[2]), int(m[3])
    month, day_no = (second, first) if day_first else (first, second)
    return _local(_date(year, month, day_no), int(m[4] or 0), int(m[5] or 0), int(m[6] or 0),
                  tz)


_X_LEGACY_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-])(\d{2})(\d{2})"
)


@lru_cache(maxsize=16384)
def parse_x_legacy_time(text: str) -> datetime:
    """X legacy ``time``: ``2025-01-06 01:15 +0000`` → aware UTC datetime."""
    m = _X_LEGACY_TIME.fullmatch(text.strip())
    if not m:
        raise ValueError(f"waktu tidak sesuai format YYYY-MM-DD HH:MM +0000: “{text.strip()}”")
    offset = timedelta(hours=int(m[8]), minutes=int(m[9]))
    if m[7] == "-":
        offset = -offset
    day = _date(int(m[1]), int(m[2]), int(m[3]))
    hour, minute, second = int(m[4]), int(m[5]), int(m[6] or 0)
    if not (hour <= 23 and minute <= 59 and second <= 59) or offset >= timedelta(hours=24):
        raise ValueError(f"waktu tidak valid: “{text.strip()}”")
    moment = datetime(day.year, day.month, day.day, hour, minute, second,
                      tzinfo=timezone(offset))
    return moment.astimezone(timezone.utc)


_EN_MDY = re.compile(r"(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")
_DMY_WORD = re.compile(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_DATETIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?")


@lru_cache(maxsize=16384)
def parse_en_date(text: str) -> date:
    """English dates: ``Mon, Jan 6, 2025`` (X), ``Jan 6, 2025`` (YouTube), ``2025-01-06``."""
    raw = text.strip()
    m = _EN_MDY.fullmatch(raw)
    if m:
        month = MONTHS_EN.get(m[1].lower())
        if month is None:
            raise ValueError(f"nama bulan tidak dikenal: “{raw}”")
        return _date(int(m[3]), month, int(m[2]))
    m = _ISO_DAY.fullmatch(raw)
    if m:
        return _date(int(m[1]), int(m[2]), int(m[3]))
    raise ValueError(f"tanggal tidak dikenali: “{raw}”")


@lru_cache(maxsize=16384)
def parse_id_date(text: str) -> date:
    """Indonesian dates: ``6 Jan 2025``, ``6 Januari 2025``, ``2025-01-06`` (and English)."""
    raw = text.strip()
    m = _DMY_WORD.fullmatch(raw)
    if m:
        month = MONTHS_ID.get(m[2].lower()) or MONTHS_EN.get(m[2].lower())
        if month is None:
            raise ValueError(f"nama bulan tidak dikenal: “{raw}”")
        return _date(int(m[3]), month, int(m[1]))
    return parse_en_date(raw)


@lru_cache(maxsize=16384)
def parse_day_or_time(text: str, tz: str, *, locale: str = "en") -> tuple[datetime, bool]:
    """A YouTube-style publish cell: a date (→ local midnight, False) or a date-time (True)."""
    raw = text.strip()
    m = _ISO_DATETIME.fullmatch(raw)
    if m:
        day = _date(int(m[1]), int(m[2]), int(m[3]))
        return _local(day, int(m[4]), int(m[5]), int(m[6] or 0), tz), True
    day = parse_id_date(raw) if locale == "id" else parse_en_date(raw)
    return _local(day, 0, 0, 0, tz), False


@lru_cache(maxsize=16384)
def parse_iso_day(text: str) -> date:
    """Meta daily ``Date``: ``2025-01-06T00:00:00`` or ``2025-01-06`` → the date."""
    raw = text.strip()
    m = _ISO_DATETIME.fullmatch(raw) or _ISO_DAY.fullmatch(raw)
    if not m:
        raise ValueError(f"tanggal tidak sesuai format YYYY-MM-DD: “{raw}”")
    return _date(int(m[1]), int(m[2]), int(m[3]))


_MONTH_DAY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})")
_DAY_MONTH = re.compile(r"(\d{1,2})\.?\s+([A-Za-z]{3,9})\.?")


def parse_month_day(text: str) -> tuple[int, int]:
    """TikTok's year-less dates in either order and language: ``November 9``, ``9 July``,
    ``8 Juli``, ``9 Nov`` → ``(month, day)`` (checked against a leap year)."""
    raw = text.strip()
    m = _MONTH_DAY.fullmatch(raw)
    if m:
        name, day = m[1].lower(), int(m[2])
    else:
        m = _DAY_MONTH.fullmatch(raw)
        if not m:
            raise ValueError(f"tanggal tidak sesuai format “Bulan hari” atau “hari Bulan”: "
                             f"“{raw}”")
        name, day = m[2].lower(), int(m[1])
    month = MONTHS_EN.get(name) or MONTHS_ID.get(name)
    if month is None:
        raise ValueError(f"nama bulan tidak dikenal: “{raw}”")
    _date(2000, month, day)  # 29 Feb is valid in some year
    return month, day


def nearest_year(month: int, day: int, near: date) -> date:
    """The date ``month``/``day`` in the year that puts it nearest to ``near``."""
    best: date | None = None
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # 29 February outside a leap year
            continue
        if best is None or abs((candidate - near).days) < abs((best - near).days):
            best = candidate
    if best is None:
        raise ValueError(f"tanggal {day}/{month} tidak ada di sekitar tahun {near.year}")
    return best


_LOG_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?"
)
_LOG_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?)?")


# A week of comment logs holds some 20,000 distinct minutes across files: large enough that
# the files of one report (read one after the other, each in time order) do not evict each
# other's times.
@lru_cache(maxsize=65536)
def parse_log_time(text: str, tz: str) -> datetime:
    """A time in medsos's own logs (docs/exports.md §1): local, ISO with offset, or D/M/Y.

    ``2026-11-17 08:15`` and ``17/11/2026 08.15`` are wall-clock times in ``tz``;
    ``2026-11-17T08:15:00+07:00`` carries its own offset. Returns an aware UTC datetime.
    """
    raw = text.strip()
    if len(raw) == 16 and raw.isascii() and raw[13] in ":.":
        # The two usual shapes without a regex: 2026-11-17 08:15 and 17/11/2026 08.15.
        # Only ASCII digits are taken here; anything else goes through the patterns below.
        hh, mm = raw[11:13], raw[14:16]
        if (raw[4] == "-" and raw[7] == "-" and raw[10] in "T " and raw[:4].isdigit()
                and raw[5:7].isdigit() and raw[8:10].isdigit() and hh.isdigit()
                and mm.isdigit()):
            day = _date(int(raw[:4]), int(raw[5:7]), int(raw[8:10]))
            return _local(day, int(hh), int(mm), 0, tz)
        if (raw[2] == "/" and raw[5] == "/" and raw[10] == " " and raw[:2].isdigit()
                and raw[3:5].isdigit() and raw[6:10].isdigit() and hh.isdigit()
                and mm.isdigit()):
            day = _date(int(raw[6:10]), int(raw[3:5]), int(raw[:2]))
            return _local(day, int(hh), int(mm), 0, tz)
    m = _LOG_ISO.fullmatch(raw)
    if m:
        day = _date(int(m[1]), int(m[2]), int(m[3]))
        hour, minute, second = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
        if m[7] is None:
            return _local(day, hour, minute, second, tz)
        if m[4] is None:
            raise ValueError(f"zona waktu tanpa jam: “{raw}”")
        if m[7] == "Z":
            offset = timedelta(0)
        else:
            digits = m[7][1:].replace(":", "")
            offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            if m[7][0] == "-":
                offset = -offset
        if not (hour <= 23 and minute <= 59 and second <= 59) or abs(offset) >= timedelta(1):
            raise ValueError(f"waktu tidak valid: “{raw}”")
        moment = datetime(day.year, day.month, day.day, hour, minute, second,
                          tzinfo=timezone(offset))
        return moment.astimezone(timezone.utc)
    m = _LOG_DMY.fullmatch(raw)
    if m:
        day = _date(int(m[3]), int(m[2]), int(m[1]))
        return _local(day, int(m[4] or 0), int(m[5] or 0), int(m[6] or 0), tz)
    raise ValueError(
        f"waktu “{raw}” tidak dikenali; tulis 2026-11-17 08:15, 17/11/2026 08.15, "
        "atau 2026-11-17T08:15:00+07:00"
    )


def snowflake_time(post_id: str) -> datetime | None:
    """The UTC creation time encoded in an X (Snowflake) id, or ``None`` for other ids."""
    if not post_id.isdigit() or len(post_id) > 20:
        return None
    ms = (int(post_id) >> 22) + 1288834974657
    if int(post_id) >> 22 == 0 or ms > 4102444800000:  # no timestamp bits, or past 2100
        return None
    return datetime.fromtimestamp(ms / 1000, timezone.utc).replace(microsecond=0)
