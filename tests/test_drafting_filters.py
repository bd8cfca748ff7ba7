"""Indonesian filters (Babel, locale id): dates, times, money, hashtags, lists."""

from __future__ import annotations

import datetime as dt

import pytest

from medsos_cli.drafting.filters import (
    angka,
    berbutir,
    bernomor,
    daftar,
    jam,
    pukul,
    rupiah,
    tagar,
    tanggal,
    tanggal_singkat,
)
from medsos_cli.drafting.values import TanggalWaktu, Waktu
from medsos_cli.errors import InputError


def test_dates():
    day = dt.date(2020, 8, 10)
    assert tanggal(day) == "Senin, 10 Agustus 2020"
    assert tanggal_singkat(day) == "10 Agustus 2020"
    assert tanggal("17/11/2026") == "Selasa, 17 November 2026"
    moment = TanggalWaktu(dt.date(2026, 1, 1), Waktu(dt.time(7, 5), "WIT"))
    assert tanggal(moment) == "Kamis, 1 Januari 2026"
    assert pukul(moment) == "pukul 07.05 WIT"


def test_times():
    assert pukul(Waktu(dt.time(9), "WIB")) == "pukul 09.00 WIB"
    assert jam(Waktu(dt.time(13, 30), "WITA")) == "13.30 WITA"
    assert jam(Waktu(dt.time(8))) == "08.00"
    assert pukul("9:00") == "pukul 09.00"


def test_numbers_and_money():
    assert rupiah(2_500_000) == "Rp2.500.000"
    assert rupiah("2.500.000") == "Rp2.500.000"
    assert rupiah(0) == "Rp0"
    assert angka(12_500) == "12.500"
    assert angka(2.5) == "2,5"


@pytest.mark.parametrize(("text", "expected"), [
    ("Magelang kota", "#MagelangKota"),
    ("UMKM naik kelas", "#UMKMNaikKelas"),
    ("hari guru nasional 2026", "#HariGuruNasional2026"),
    ("#kota-contoh", "#KotaContoh"),
    ("Hari Jadi ke-1.100", "#HariJadiKe1100"),
])
def test_tagar(text, expected):
    assert tagar(text) == expected


def test_lists():
    assert daftar(["a", "b", "c"]) == "a, b, dan c"
    assert daftar(["a", "b"]) == "a dan b"
    assert daftar(["a", "b", "c"], "atau") == "a, b, atau c"
    assert daftar([]) == ""
    assert bernomor(["Bawa KK", "Datang"]) == "1. Bawa KK\n2. Datang"
    assert berbutir(["Bawa KK", "Datang"]) == "• Bawa KK\n• Datang"


def test_empty_values_are_errors():
    for function in (tanggal, pukul, rupiah, tagar, daftar):
        with pytest.raises(InputError, match="nilainya kosong"):
            function(None)
    with pytest.raises(InputError, match="tidak berisi huruf"):
        tagar("!!!")
