"""Indonesian forms (medsos_cli.forms): what they write, and that nothing else writes them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medsos_cli import forms

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "medsos_cli"


@pytest.mark.parametrize(("value", "digits", "expected"), [
    (0, 0, "0"), (12345, 0, "12.345"), (-1234567, 0, "-1.234.567"), (5.5, 1, "5,5"),
    (1234.5, 1, "1.234,5"), (0.25, 1, "0,2"), (0.35, 1, "0,4"), (1.15, 1, "1,2"),
    (7, 2, "7,00"), (1e9, 0, "1.000.000.000"), (None, 0, "–"),
])
def test_number(value, digits, expected):
    assert forms.number(value, digits) == expected


def test_number_matches_babel_for_floats():
    from babel.numbers import format_decimal

    for value in (0.05, 0.15, 2.675, 1234.5678, 99999.95, 1e-7):
        for digits in (0, 1, 2):
            pattern = "#,##0" + ("." + "0" * digits if digits else "")
            assert forms.number(value, digits) == format_decimal(value, format=pattern,
                                                                 locale="id")


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_integer_grouping_round_trips(n):
    written = forms.number(n)
    assert int(written.replace(".", "")) == n
    assert all(len(group) == 3 for group in written.lstrip("-").split(".")[1:])


def test_percent_decimal_and_lists():
    assert forms.percent(0.0306) == "3,1 %"
    assert forms.percent(None) == "–"
    assert forms.decimal(2.5) == "2,5"
    assert forms.decimal(12500) == "12.500"
    assert forms.joined(["a", "b", "c"]) == "a, b, dan c"
    assert forms.joined(["a", "b"], "atau") == "a atau b"
    assert forms.joined([], empty="") == ""


def test_dates():
    day = dt.date(2026, 11, 16)
    assert forms.date(day) == "16 November 2026"
    assert forms.date_long("2026-11-16") == "Senin, 16 November 2026"
    assert forms.date_short(day) == "Sen, 16 Nov"
    assert forms.day_month("2026-11-21") == "Sabtu (21 November)"
    assert forms.month_year(dt.date(2026, 8, 1)) == "Agustus 2026"
    assert forms.date_range("2026-11-16", "2026-11-22") == "16–22 November 2026"
    assert forms.date_range("2026-12-28", "2027-01-03") == "28 Desember 2026 – 3 Januari 2027"
    assert forms.date_long(dt.datetime(2026, 11, 17, 8, 15)) == "Selasa, 17 November 2026"
    assert forms.date(None) == "–"
    assert forms.weekdays() == ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
    assert forms.weekdays(short=True)[4] == "Jum"


# -- one place: a second table of names or a hand-made thousands separator is a copy ----------

# Readers of exports accept old and abbreviated spellings (Pebruari, Agt) that no writer uses:
# their table parses, it does not write.
PARSERS = {PACKAGE / "exports" / "numbers.py"}
NAMES = re.compile(r'"(Senin|Selasa|Kamis|Jumat|Sabtu|Minggu|Januari|Februari|Maret|Agustus|'
                   r'Oktober|Desember)"', re.IGNORECASE)
HAND_GROUPING = re.compile(r"""\.replace\(\s*["'],["']\s*,\s*["']\.["']\s*\)|"""
                           r"""\.replace\(\s*["']\.["']\s*,\s*["'],["']\s*\)""")


def _sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name != "forms.py" and path not in PARSERS:
            yield path, path.read_text(encoding="utf-8")


def test_no_other_table_of_day_or_month_names():
    copies = [f"{p.relative_to(PACKAGE)}: {m.group()}" for p, text in _sources()
              for m in NAMES.finditer(text)]
    assert copies == []


def test_no_hand_made_indonesian_number_formatting():
    # `.replace(",", ".")` after a `{n:,}` format is a copy of forms.number; reading a number
    # written the Indonesian way (exports/numbers.py) is parsing and stays where it is.
    copies = [f"{p.relative_to(PACKAGE)}:{text[:m.start()].count(chr(10)) + 1}"
              for p, text in _sources() for m in HAND_GROUPING.finditer(text)]
    assert copies == []


def test_the_copy_checks_can_fail():
    assert NAMES.search('_DAYS = ("Senin", "Selasa")')
    assert HAND_GROUPING.search('f"{n:,}".replace(",", ".")')


def test_choice_messages_join_with_atau_everywhere():
    """Every "tidak dikenal; pilih …" lists its choices as "a, b, atau c" (forms.joined)."""
    loose = re.compile(r"pilih[^\"\n]*\{', '\.join\(")
    copies = [str(p.relative_to(PACKAGE)) for p, text in _sources() if loose.search(text)]
    assert copies == []
