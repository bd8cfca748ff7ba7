"""Values of a draft: dates, times, URLs, numbers, lists, choices; reading --data/--set."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from medsos_cli.drafting.schema import Field, load_schema
from medsos_cli.drafting.values import (
    MissingFields,
    RawValue,
    TanggalWaktu,
    ValueContext,
    Waktu,
    check_url,
    coerce,
    load_data_file,
    missing_fields,
    parse_date,
    parse_datetime,
    parse_list,
    parse_number,
    parse_set,
    parse_time,
    resolve,
    zone_label,
)
from medsos_cli.errors import InputError
from medsos_cli.roster import load_roster

DRAFTING = FIXTURES / "drafting"
SCHEMA = DRAFTING / "templates" / "pengumuman" / "schema.yaml"


@pytest.fixture(scope="module")
def ctx() -> ValueContext:
    return ValueContext(roster=load_roster(DRAFTING / "roster.yaml"),
                        allowed_domains=("kotacontoh.id",), zone="WIB")


@pytest.mark.parametrize("text", ["2026-11-17", "17/11/2026", "17-11-2026", "17.11.2026",
                                  "17 November 2026", "Selasa, 17 November 2026",
                                  "17 Nov 2026", " 17/11/2026 "])
def test_parse_date_forms(text):
    assert parse_date(text) == dt.date(2026, 11, 17)


def test_parse_date_agustus_and_leap_year():
    assert parse_date("10 agustus 2020") == dt.date(2020, 8, 10)
    assert parse_date("29/02/2028") == dt.date(2028, 2, 29)


@pytest.mark.parametrize(("text", "message"), [
    ("31/02/2026", "tanggal “31/02/2026” tidak ada: Februari 2026 hanya sampai tanggal 28"),
    ("2026-04-31", "April 2026 hanya sampai tanggal 30"),
    ("29/02/2027", "Februari 2027 hanya sampai tanggal 28"),
    ("17/13/2026", "bulan 13 tidak ada"),
    ("17 Brumaire 2026", "nama bulan “Brumaire” tidak dikenal"),
    ("besok", "tidak dikenali; tulis seperti 17/11/2026"),
    ("11/17/2026", "bulan 17 tidak ada"),
])
def test_parse_date_rejects(text, message):
    with pytest.raises(InputError) as info:
        parse_date(text)
    assert message in info.value.message


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_parse_date_never_crashes(text):
    try:
        result = parse_date(text)
    except InputError as exc:
        assert exc.message
    else:
        assert isinstance(result, dt.date)


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 31), st.integers(1, 12), st.integers(1900, 2100))
def test_parse_date_agrees_with_calendar(day, month, year):
    text = f"{day:02d}/{month:02d}/{year}"
    try:
        expected = dt.date(year, month, day)
    except ValueError:
        with pytest.raises(InputError, match="tidak ada"):
            parse_date(text)
    else:
        assert parse_date(text) == expected


def test_parse_time():
    assert parse_time("09.00", "WIB") == Waktu(dt.time(9, 0), "WIB")
    assert parse_time("9:30") == Waktu(dt.time(9, 30), None)
    assert parse_time("pukul 13.15 wita", "WIB") == Waktu(dt.time(13, 15), "WITA")
    assert str(parse_time("7.05 WIT")) == "07.05 WIT"
    for bad in ("24.00", "09.60", "sembilan", "0900"):
        with pytest.raises(InputError):
            parse_time(bad)


def test_parse_datetime():
    value = parse_datetime("17/11/2026 pukul 09.00 WITA", "WIB")
    assert value == TanggalWaktu(dt.date(2026, 11, 17), Waktu(dt.time(9), "WITA"))
    assert parse_datetime("2026-11-17T08:30", "WIB").zona == "WIB"
    assert str(parse_datetime("Selasa, 17 November 2026, pukul 08.30", "WIT")) == \
        "17 November 2026 pukul 08.30 WIT"
    with pytest.raises(InputError, match="tidak dikenali"):
        parse_datetime("17/11/2026")
    with pytest.raises(InputError, match="Februari 2026"):
        parse_datetime("30/02/2026 09.00")


def test_check_url_domains():
    go = ("*.go.id",)
    assert check_url("https://kotacontoh.go.id/ktp", go) == "https://kotacontoh.go.id/ktp"
    assert check_url("https://a.b.kotacontoh.go.id", go)
    assert check_url("https://kotacontoh.id/x", go + ("kotacontoh.id",))
    for bad, message in [
        ("https://kotacontoh.go.id.penipu.com/daftar", "domain “kotacontoh.go.id.penipu.com” "
                                                       "tidak diizinkan"),
        ("kotacontoh.go.id/ktp", "diawali https://"),
        ("https://user:pw@kotacontoh.go.id", "nama pengguna"),
        ("https://kotacontoh.go.id/a b", "spasi"),
        ("ftp://kotacontoh.go.id", "diawali https://"),
        ("https://bit.ly/abc", "[draft] allowed_domains"),
    ]:
        with pytest.raises(InputError) as info:
            check_url(bad, go)
        assert message in info.value.message


def test_parse_number():
    assert parse_number("2.500.000") == 2_500_000
    assert parse_number("Rp2.500.000") == 2_500_000
    assert parse_number("Rp 15000") == 15_000
    assert parse_number(7) == 7
    for bad in ("2,5", "-1", "2.50", "dua", True, -3):
        with pytest.raises(InputError):
            parse_number(bad)


def test_parse_list():
    assert parse_list("a; b ;c") == ["a", "b", "c"]
    assert parse_list("satu\ndua\n") == ["satu", "dua"]
    assert parse_list(["x", 2, "  "]) == ["x", "2"]


def test_coerce_types(ctx):
    schema = load_schema(SCHEMA)
    f = schema.field
    assert coerce(f("label"), "[penting]", ctx) == "[PENTING]"
    with pytest.raises(InputError, match="Mungkin maksud Anda “\\[INFO\\]”"):
        coerce(f("label"), "[INF]", ctx)
    assert coerce(f("pejabat"), "walikota", ctx).sebutan == \
        "Wali Kota Contoh, dr. H. Budi Santoso, M.Kes."
    with pytest.raises(InputError, match="harus satu baris"):
        coerce(f("judul"), "baris satu\nbaris dua", ctx)
    with pytest.raises(InputError, match="panjang 81 karakter, melewati batas 80"):
        coerce(f("judul"), "x" * 81, ctx)
    with pytest.raises(InputError, match="paling banyak 5"):
        coerce(f("langkah"), "a;b;c;d;e;f", ctx)
    with pytest.raises(InputError, match="butir ke-2: panjang"):
        coerce(f("langkah"), ["ok", "y" * 121], ctx)
    assert coerce(f("isi"), "a  \r\nb", ctx) == "a\nb"
    assert coerce(Field("alt", "alt_text", max_length=1000), "Foto", ctx) == "Foto"


def test_official_without_roster():
    schema = load_schema(SCHEMA)
    with pytest.raises(InputError, match="roster pejabat belum diatur"):
        coerce(schema.field("pejabat"), "walikota", ValueContext())


def test_resolve_reports_all_missing_at_once(ctx):
    schema = load_schema(SCHEMA)
    raw = {"judul": RawValue("Judul"), "langkah": RawValue("  ")}
    assert [f.name for f in missing_fields(schema, raw)] == ["tanggal", "isi", "langkah",
                                                             "tautan"]
    with pytest.raises(MissingFields) as info:
        resolve(schema, raw, ctx)
    assert "kolom wajib belum diisi: tanggal, isi, langkah, tautan" in info.value.message
    assert "medsos templates show pengumuman" in info.value.message


def test_resolve_values_defaults_and_warnings(ctx):
    schema = load_schema(SCHEMA)
    raw = load_data_file(DRAFTING / "data" / "pengumuman.json")
    resolved = resolve(schema, raw, ctx)
    values = resolved.values
    assert values["biaya"] == 2_500_000
    assert values["waktu"] is None and values["pejabat"] is None
    assert values["tanggal"] == dt.date(2026, 11, 17)
    [warning] = resolved.warnings
    assert warning.message == ("kolom “catatan” tidak dikenal templat pengumuman (mungkin "
                               "maksud Anda “tautan”); diabaikan")
    assert warning.line == 8 and warning.path.endswith("pengumuman.json")
    raw.pop("biaya")
    assert resolve(schema, raw, ctx).values["biaya"] == 0  # the schema default


def test_resolve_error_names_file_and_line(ctx):
    schema = load_schema(SCHEMA)
    raw = load_data_file(DRAFTING / "data" / "tanggal-mustahil.yaml")
    with pytest.raises(InputError) as info:
        resolve(schema, raw, ctx)
    assert info.value.line == 2
    assert info.value.path.endswith("tanggal-mustahil.yaml")
    assert info.value.message.startswith("kolom tanggal: tanggal “31/02/2026” tidak ada")


def test_yaml_data_keeps_scalars_as_text():
    raw = load_data_file(DRAFTING / "data" / "pengumuman.yaml")
    assert raw["waktu"].value == "9:00"  # not YAML 1.1's base-60 number 540
    assert raw["biaya"].value == "0"
    assert raw["langkah"].value == ["Bawa Kartu Keluarga", "Datang ke kantor kelurahan"]
    assert raw["tautan"].line == 12


@pytest.mark.parametrize(("name", "line", "message"), [
    ("rusak.yaml", 4, "YAML tidak sah"),
    ("rusak.json", 5, "JSON tidak sah"),
])
def test_data_file_syntax_errors(name, line, message):
    with pytest.raises(InputError) as info:
        load_data_file(DRAFTING / "data" / name)
    assert info.value.line == line
    assert message in info.value.message


def test_data_file_must_be_mapping(tmp_path: Path):
    path = tmp_path / "daftar.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(InputError, match="harus berupa pemetaan"):
        load_data_file(path)
    with pytest.raises(InputError, match="tidak ditemukan"):
        load_data_file(tmp_path / "tidak-ada.yaml")


def test_parse_set():
    values = parse_set(["judul=Satu = dua", "langkah=a;b"])
    assert values["judul"].value == "Satu = dua"
    assert values["langkah"].path == "--set"
    with pytest.raises(InputError, match="tulis kolom=nilai"):
        parse_set(["judul"])


def test_zone_label():
    assert zone_label("Asia/Jakarta") == "WIB"
    assert zone_label("Asia/Pontianak") == "WIB"
    assert zone_label("Asia/Makassar") == "WITA"
    assert zone_label("Asia/Jayapura") == "WIT"
    assert zone_label("Europe/Amsterdam") is None
    assert zone_label("Bukan/Zona") is None


def test_data_file_with_bom_and_crlf(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_bytes(b"\xef\xbb\xbfjudul: Satu\r\nisi: |\r\n  baris 1\r\n  baris 2\r\n")
    raw = load_data_file(path)
    assert raw["judul"].value == "Satu" and raw["isi"].line == 2
    assert coerce(Field("isi", "multiline"), raw["isi"].value, ValueContext()) == \
        "baris 1\nbaris 2"
