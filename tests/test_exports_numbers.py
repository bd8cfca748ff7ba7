"""Number and date parsers of the importers: examples and properties (hypothesis)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medsos_cli.exports import numbers as n

WIB = timezone(timedelta(hours=7))
PARSERS = [
    lambda s: n.parse_int(s, "en"), lambda s: n.parse_int(s, "id"),
    lambda s: n.parse_float(s, "en"), lambda s: n.parse_float(s, "id"),
    lambda s: n.parse_meta_time(s, "Asia/Jakarta"), n.parse_x_legacy_time, n.parse_en_date,
    n.parse_id_date, n.parse_iso_day, n.parse_month_day,
    lambda s: n.parse_log_time(s, "Asia/Jakarta"),
    lambda s: n.parse_day_or_time(s, "Asia/Jakarta", locale="id"), n.snowflake_time,
]


@pytest.mark.parametrize(("text", "locale", "value"), [
    ("1234", "en", 1234), ("1,234", "en", 1234), ("12,400", "en", 12400),
    ("3423.0", "en", 3423), ("1.234", "id", 1234), ("1.234.567", "id", 1234567),
    ("-1", "en", -1), (" 42 ", "en", 42), ("", "en", None), ("-", "en", None),
    ("undefined", "en", None), ("N/A", "id", None),
])
def test_parse_int_examples(text, locale, value):
    assert n.parse_int(text, locale) == value


@pytest.mark.parametrize(("text", "locale"), [
    ("1.2K", "en"), ("1,2", "en"), ("1" * 5000, "en"), ("12.5", "en"), ("1,5", "id"),
    ("abc", "en"), ("1..2", "id"),
])
def test_parse_int_rejects(text, locale):
    with pytest.raises(ValueError):
        n.parse_int(text, locale)


@pytest.mark.parametrize(("text", "locale", "value"), [
    ("4.52", "en", 4.52), ("4,52", "id", 4.52), ("412,3875", "id", 412.3875),
    ("12%", "en", 12.0), ("0.02336448598130841", "en", 0.02336448598130841),
    ("1.234,5", "id", 1234.5), ("1,234.5", "en", 1234.5),
])
def test_parse_float_examples(text, locale, value):
    assert n.parse_float(text, locale) == pytest.approx(value)


@pytest.mark.parametrize("text", [
    "0001-01-01 00:00", "0001-01-01T00:00+01:00", "9999-12-31T23:59+14:00", "31/12/9999 23.59",
])
def test_log_time_rejects_far_years(text):
    with pytest.raises(ValueError, match="di luar rentang"):
        n.parse_log_time(text, "Asia/Jakarta")


def test_date_examples():
    assert n.parse_en_date("Mon, Jan 6, 2025") == date(2025, 1, 6)
    assert n.parse_en_date("Jan 6, 2025") == date(2025, 1, 6)
    assert n.parse_id_date("6 Jan 2025") == date(2025, 1, 6)
    assert n.parse_id_date("17 Agustus 2024") == date(2024, 8, 17)
    assert n.parse_id_date("1 Des 2026") == date(2026, 12, 1)
    assert n.parse_iso_day("2025-01-06T00:00:00") == date(2025, 1, 6)
    assert n.parse_month_day("November 9") == (11, 9)
    assert n.parse_meta_time("1/6/2025 8:15", "Asia/Jakarta") == datetime(
        2025, 1, 6, 1, 15, tzinfo=timezone.utc)
    assert n.parse_x_legacy_time("2025-01-06 01:15 +0000") == datetime(
        2025, 1, 6, 1, 15, tzinfo=timezone.utc)
    assert n.parse_log_time("17/11/2026 08.15", "Asia/Makassar") == datetime(
        2026, 11, 17, 0, 15, tzinfo=timezone.utc)
    assert n.parse_log_time("2026-11-17T08:15:00Z", "Asia/Jakarta") == datetime(
        2026, 11, 17, 8, 15, tzinfo=timezone.utc)
    assert n.snowflake_time("1876074956706549837") == datetime(
        2025, 1, 6, 1, 15, tzinfo=timezone.utc)
    assert n.snowflake_time("12345") is None
    assert n.nearest_year(2, 29, date(2025, 3, 1)) == date(2024, 2, 29)


@pytest.mark.parametrize("text", [
    "01/01/0001 00:00", "12/31/9999 23:59",
    "02/30/2025 08:00", "13/01/2025 08:00", "01/06/2025 24:00", "2025-13-06", "",
])
def test_meta_time_rejects(text):
    with pytest.raises(ValueError):
        n.parse_meta_time(text, "Asia/Jakarta")


# --- properties -----------------------------------------------------------------------------


@given(st.text(max_size=40))
def test_parsers_never_crash_on_arbitrary_text(text):
    for parse in PARSERS:
        try:
            parse(text)
        except ValueError:
            pass


@given(st.text(alphabet="0123456789.,-+% Kk", max_size=20))
def test_number_parsers_on_number_like_text(text):
    for locale in ("en", "id"):
        try:
            value = n.parse_int(text, locale)
        except ValueError:
            continue
        assert value is None or isinstance(value, int)


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_int_round_trip_both_locales(value):
    for locale in ("en", "id"):
        assert n.parse_int(n.format_int(value, locale), locale) == value
        assert n.parse_int(str(value), locale) == value
    assert n.parse_int(f"{value}.0", "en") == value  # X legacy floats


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=9999))
def test_decimal_round_trip_both_locales(whole, frac):
    en = f"{whole:,}.{frac:04d}"
    idn = en.replace(",", "_").replace(".", ",").replace("_", ".")
    expected = whole + frac / 10000
    assert n.parse_float(en, "en") == pytest.approx(expected)
    assert n.parse_float(idn, "id") == pytest.approx(expected)


moments = st.datetimes(min_value=datetime(2011, 1, 1), max_value=datetime(2035, 12, 31))


@given(moments)
def test_meta_time_round_trip(moment):
    moment = moment.replace(second=0, microsecond=0)
    text = moment.strftime("%m/%d/%Y %H:%M")
    assert n.parse_meta_time(text, "Asia/Jakarta") == moment.replace(tzinfo=WIB)


@given(moments)
def test_x_legacy_time_round_trip(moment):
    moment = moment.replace(second=0, microsecond=0)
    text = moment.strftime("%Y-%m-%d %H:%M +0000")
    assert n.parse_x_legacy_time(text) == moment.replace(tzinfo=timezone.utc)


@given(moments)
def test_log_time_round_trip_all_three_forms(moment):
    moment = moment.replace(second=0, microsecond=0)
    local = moment.replace(tzinfo=WIB)
    for text in (moment.strftime("%Y-%m-%d %H:%M"), moment.strftime("%d/%m/%Y %H.%M"),
                 moment.strftime("%Y-%m-%dT%H:%M:00+07:00")):
        assert n.parse_log_time(text, "Asia/Jakarta") == local


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_date_round_trips(day):
    mon = n_months_en[day.month - 1]
    assert n.parse_en_date(f"{day:%a}, {mon} {day.day}, {day.year}") == day  # X
    assert n.parse_en_date(f"{mon} {day.day}, {day.year}") == day  # YouTube EN
    assert n.parse_id_date(f"{day.day} {n_months_id[day.month - 1]} {day.year}") == day
    assert n.parse_iso_day(f"{day.isoformat()}T00:00:00") == day  # Meta daily
    assert n.parse_month_day(f"{n_months_long[day.month - 1]} {day.day}") == (day.month, day.day)


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31)),
       st.integers(min_value=-150, max_value=150))
def test_nearest_year_recovers_dates_within_half_a_year(near, shift):
    day = near + timedelta(days=shift)
    assert n.nearest_year(day.month, day.day, near) == day


@given(st.integers(min_value=1288834974657 + 1000, max_value=4102444800000))
def test_snowflake_round_trip(ms):
    post_id = str(((ms - 1288834974657) << 22) + 4095)
    expected = datetime.fromtimestamp(ms // 1000, timezone.utc)
    assert n.snowflake_time(post_id) == expected


n_months_en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
               "Dec"]
n_months_long = ["January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"]
n_months_id = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov",
               "Des"]


def _log_time_or_error(text: str, tz: str):
    try:
        return n.parse_log_time(text, tz)
    except ValueError as exc:
        return str(exc).replace(text, "")  # the message quotes its input, which differs


@given(st.integers(1890, 2110), st.integers(0, 13), st.integers(0, 32), st.integers(0, 25),
       st.integers(0, 61), st.sampled_from(["Asia/Jakarta", "Europe/Berlin", "America/Havana"]))
def test_log_time_usual_shapes_agree_with_the_general_patterns(year, month, day, hour, minute,
                                                               tz):
    # "2026-11-17 08:15" and "17/11/2026 08.15" are read without a regex; with seconds added
    # the same values take the patterns: same moment (DST gaps included) or same error.
    iso, dmy = f"{year:04d}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}", \
        f"{day:02d}/{month:02d}/{year:04d} {hour:02d}.{minute:02d}"
    assert _log_time_or_error(iso, tz) == _log_time_or_error(iso + ":00", tz)
    assert _log_time_or_error(dmy, tz) == _log_time_or_error(dmy + ".00", tz)


def test_log_time_with_non_ascii_digits_still_takes_the_patterns():
    # \d and int() accept full-width digits; the shortcut leaves them to the patterns
    wide = "２０２６-11-17 08:15"
    assert n.parse_log_time(wide, "Asia/Jakarta") == n.parse_log_time("2026-11-17 08:15",
                                                                      "Asia/Jakarta")
