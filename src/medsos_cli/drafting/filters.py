"""Jinja filters for Indonesian forms (EYD V), from Babel's CLDR data for locale ``id``.

``tanggal`` → ``Senin, 10 Agustus 2020``; ``pukul`` → ``pukul 09.00 WIB``; ``rupiah`` →
``Rp2.500.000``; ``tagar`` → ``#MagelangKota``; ``daftar`` → ``a, b, dan c``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from medsos_cli import forms
from medsos_cli.drafting.values import (
    TanggalWaktu,
    Waktu,
    parse_date,
    parse_number,
    parse_time,
)
from medsos_cli.errors import InputError

_WORD_RE = re.compile(r"[^\W_]+")


def _need(value: Any, name: str) -> None:
    if value is None:
        raise InputError(f"filter {name}: nilainya kosong (kolom opsional yang tidak diisi); "
                         "bungkus dengan {% if ... %}")


def _date_of(value: Any, name: str) -> dt.date:
    _need(value, name)
    if isinstance(value, TanggalWaktu):
        return value.tanggal
    return parse_date(value)


def _time_of(value: Any, name: str) -> Waktu:
    _need(value, name)
    if isinstance(value, TanggalWaktu):
        return value.waktu
    if isinstance(value, dt.datetime):
        return Waktu(value.time())
    return parse_time(value)


def tanggal(value: Any) -> str:
    """``Senin, 10 Agustus 2020``: day name, day, month name, year."""
    return forms.date_long(_date_of(value, "tanggal"))


def tanggal_singkat(value: Any) -> str:
    """``10 Agustus 2020``."""
    return forms.date(_date_of(value, "tanggal_singkat"))


def jam(value: Any) -> str:
    """``09.00 WIB`` (EYD V: a dot between hours and minutes)."""
    return str(_time_of(value, "jam"))


def pukul(value: Any) -> str:
    """``pukul 09.00 WIB``."""
    return f"pukul {_time_of(value, 'pukul')}"


def angka(value: Any) -> str:
    """``12.500``: a dot groups thousands, a comma marks decimals."""
    _need(value, "angka")
    return forms.decimal(value if isinstance(value, float) else parse_number(value))


def rupiah(value: Any) -> str:
    """``Rp2.500.000`` (no space and no dot after Rp); 0 stays ``Rp0``."""
    return "Rp" + angka(value)


def tagar(value: Any) -> str:
    """A CamelCase hashtag: ``Magelang kota`` → ``#MagelangKota``; capitals inside a word
    are kept (``UMKM naik kelas`` → ``#UMKMNaikKelas``)."""
    _need(value, "tagar")
    words = _WORD_RE.findall(str(value))
    if not words:
        raise InputError(f"filter tagar: “{value}” tidak berisi huruf atau angka")
    return "#" + "".join(w[:1].upper() + w[1:] for w in words)


def _items(value: Any, name: str) -> list[str]:
    _need(value, name)
    if isinstance(value, str) or not isinstance(value, Iterable):
        return [str(value)]
    return [str(v) for v in value]


def daftar(value: Any, kata: str = "dan") -> str:
    """``a, b, dan c`` (``kata="atau"`` for ``a, b, atau c``)."""
    items = _items(value, "daftar")
    if not items:
        return ""
    if kata not in ("dan", "atau"):
        raise InputError("filter daftar: kata penghubung harus “dan” atau “atau”")
    return forms.joined(items, kata)


def bernomor(value: Any) -> str:
    """One item per line, numbered ``1.``, ``2.``, …"""
    return "\n".join(f"{n}. {item}" for n, item in enumerate(_items(value, "bernomor"), 1))


def berbutir(value: Any) -> str:
    """One item per line, each after a bullet ``•``."""
    return "\n".join(f"• {item}" for item in _items(value, "berbutir"))


FILTERS: dict[str, Callable[..., str]] = {
    "tanggal": tanggal,
    "tanggal_singkat": tanggal_singkat,
    "pukul": pukul,
    "jam": jam,
    "rupiah": rupiah,
    "angka": angka,
    "tagar": tagar,
    "daftar": daftar,
    "bernomor": bernomor,
    "berbutir": berbutir,
}
