"""Values of a draft: read from ``--data``/``--set``/prompts, checked against the schema.

Every parser raises ``InputError`` with an Indonesian message on bad input and never anything
else (``parse_date`` is property-tested on arbitrary text).
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import fnmatch
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from medsos_cli.errors import InputError, RulebookError

if TYPE_CHECKING:
    from medsos_cli.drafting.schema import Field, Schema
    from medsos_cli.roster import Roster

ZONES = ("WIB", "WITA", "WIT")
_OFFSET_ZONES = {7: "WIB", 8: "WITA", 9: "WIT"}
_DATE_EXAMPLE = "tulis seperti 17/11/2026, 17-11-2026, 2026-11-17, atau 17 November 2026"
_TIME_EXAMPLE = "tulis seperti 09.00, 9.00, atau 09.00 WITA"
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
_DMY_DATE = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})", re.ASCII)
_WORD_DATE = re.compile(r"(?:[^\W\d_]+,?\s+)?([0-9]{1,2})\s+([^\W\d_]+)\.?\s+([0-9]{4})")
_TIME = re.compile(r"(?:(?:pukul|jam)\s+)?([0-9]{1,2})[.:]([0-9]{2})(?:\s*(wib|wita|wit))?",
                   re.ASCII | re.IGNORECASE)
_TIME_AT_END = re.compile(r"(?:\s*,?\s+(?:(?:pukul|jam)\s+)?|T)([0-9]{1,2}[.:][0-9]{2}"
                          r"(?:\s*(?:wib|wita|wit))?)\s*$", re.IGNORECASE)
_GROUPED_NUMBER = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+", re.ASCII)


@dataclass(frozen=True)
class Waktu:
    """A time of day with its Indonesian zone (WIB/WITA/WIT, or None when unknown)."""

    time: dt.time
    zona: str | None = None

    def __str__(self) -> str:
        text = f"{self.time.hour:02d}.{self.time.minute:02d}"
        return f"{text} {self.zona}" if self.zona else text


@dataclass(frozen=True)
class TanggalWaktu:
    """A date with a time of day (``17 November 2026 pukul 09.00 WIB``)."""

    tanggal: dt.date
    waktu: Waktu

    @property
    def date(self) -> dt.date:
        """The date part."""
        return self.tanggal

    @property
    def time(self) -> dt.time:
        """The time part."""
        return self.waktu.time

    @property
    def zona(self) -> str | None:
        """WIB, WITA, WIT or None."""
        return self.waktu.zona

    def __str__(self) -> str:
        from medsos_cli.forms import date

        return f"{date(self.tanggal)} pukul {self.waktu}"


@dataclass(frozen=True)
class RawValue:
    """A value as given, with where it came from (for ``file:line`` in errors)."""

    value: Any
    path: str | None = None
    line: int | None = None


@dataclass
class ValueContext:
    """What checking a value may consult: the roster, allowed domains, the default zone."""

    roster: Roster | None = None
    allowed_domains: tuple[str, ...] = ()
    zone: str | None = "WIB"


@dataclass
class Resolved:
    """Checked values by field name (optional fields left empty are None) and warnings."""

    values: dict[str, Any]
    warnings: list[InputError] = field(default_factory=list)


class MissingFields(InputError):
    """Required fields without a value; all of them are named at once."""

    def __init__(self, missing: list[Field], template: str):
        names = ", ".join(f.name for f in missing)
        super().__init__(f"templat {template}: kolom wajib belum diisi: {names} (isi dengan "
                         "--data BERKAS atau --set kolom=nilai; lihat medsos templates show "
                         f"{template})")
        self.missing = missing


def zone_label(timezone: str) -> str | None:
    """WIB/WITA/WIT for an IANA zone with an Indonesian offset (+7/+8/+9), else None."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        offset = dt.datetime(2026, 1, 1, tzinfo=ZoneInfo(timezone)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        return None
    if offset is None:
        return None
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    return _OFFSET_ZONES.get(hours) if rest == 0 else None


# -- parsers ---------------------------------------------------------------------------------

def _month_names() -> dict[str, int]:
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale="id").items():
            names[name.casefold()] = number
    return names


def _make_date(year: int, month: int, day: int, shown: str) -> dt.date:
    if not 1 <= month <= 12:
        raise InputError(f"tanggal “{shown}” tidak ada: bulan {month} tidak ada (1–12)")
    if year < 1:
        raise InputError(f"tanggal “{shown}” tidak ada: tahun {year} tidak sah")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        from babel.dates import get_month_names

        month_name = get_month_names("wide", locale="id")[month]
        raise InputError(f"tanggal “{shown}” tidak ada: {month_name} {year} hanya sampai "
                         f"tanggal {last}")
    return dt.date(year, month, day)


def parse_date(value: Any) -> dt.date:
    """A calendar date from ``2026-11-17``, ``17/11/2026``, ``17-11-2026`` or
    ``(Senin,) 17 November 2026``; an impossible date (``31/02/2026``) is an error."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"tanggal “{value}” tidak dikenali; {_DATE_EXAMPLE}")
    text = value.strip()
    shown = text[:40]
    match = _ISO_DATE.fullmatch(text)
    if match:
        return _make_date(int(match[1]), int(match[2]), int(match[3]), shown)
    match = _DMY_DATE.fullmatch(text)
    if match:
        return _make_date(int(match[4]), int(match[3]), int(match[1]), shown)
    match = _WORD_DATE.fullmatch(text)
    if match and match[1].isascii() and match[3].isascii():
        month = _month_names().get(match[2].casefold())
        if month is None:
            raise InputError(f"tanggal “{shown}”: nama bulan “{match[2]}” tidak dikenal; "
                             f"{_DATE_EXAMPLE}")
        return _make_date(int(match[3]), month, int(match[1]), shown)
    raise InputError(f"tanggal “{shown}” tidak dikenali; {_DATE_EXAMPLE}")


def parse_time(value: Any, default_zone: str | None = None) -> Waktu:
    """A time of day from ``09.00``, ``9:00``, ``pukul 09.00 WITA``; the zone defaults to the
    account's."""
    if isinstance(value, Waktu):
        return value
    if isinstance(value, dt.time):
        return Waktu(value, default_zone)
    text = str(value).strip()
    match = _TIME.fullmatch(text)
    if not match:
        raise InputError(f"waktu “{text[:40]}” tidak dikenali; {_TIME_EXAMPLE}")
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise InputError(f"waktu “{text}” tidak ada: jam 00–23, menit 00–59")
    zone = match[3].upper() if match[3] else default_zone
    return Waktu(dt.time(hour, minute), zone)


def parse_datetime(value: Any, default_zone: str | None = None) -> TanggalWaktu:
    """A date and time: ``2026-11-17 09.00``, ``17/11/2026 pukul 09:00 WITA``."""
    if isinstance(value, TanggalWaktu):
        return value
    text = str(value).strip()
    match = _TIME_AT_END.search(text)
    if not match or match.start() == 0:
        raise InputError(f"tanggal dan waktu “{text[:40]}” tidak dikenali; tulis seperti "
                         "2026-11-17 09.00 atau 17/11/2026 09.00 WITA")
    return TanggalWaktu(parse_date(text[:match.start()]), parse_time(match[1], default_zone))


def domain_allowed(host: str, patterns: tuple[str, ...] | list[str]) -> bool:
    """Whether ``host`` matches a domain pattern (``*.go.id`` also covers ``go.id``)."""
    host = host.lower().rstrip(".")
    for pattern in patterns:
        pattern = pattern.lower()
        if fnmatch.fnmatchcase(host, pattern):
            return True
        if pattern.startswith("*.") and host == pattern[2:]:
            return True
    return False


def check_url(value: Any, domains: tuple[str, ...] | list[str]) -> str:
    """A full ``http(s)://`` address whose host is in ``domains``."""
    text = str(value).strip()
    if any(ch.isspace() for ch in text):
        raise InputError(f"alamat “{text[:60]}” berisi spasi")
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise InputError(f"alamat “{text[:60]}” tidak sah") from None
    if parts.scheme not in ("http", "https") or not host:
        raise InputError(f"alamat “{text[:60]}” harus lengkap, diawali https:// (mis. "
                         "https://kotacontoh.go.id/layanan)")
    if parts.username is not None or parts.password is not None:
        raise InputError(f"alamat “{text[:60]}” tidak boleh memuat nama pengguna atau sandi")
    if not domain_allowed(host, domains):
        raise InputError(f"domain “{host}” tidak diizinkan; yang diizinkan: "
                         f"{', '.join(domains)} (tambahkan domain lain di [draft] "
                         "allowed_domains pada medsos.toml)")
    return text


def parse_number(value: Any) -> int:
    """A whole number: ``2500000``, ``2.500.000`` or ``Rp2.500.000``."""
    if isinstance(value, bool):
        raise InputError(f"“{value}” bukan angka")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = str(value).strip()
        compact = re.sub(r"^rp\.?\s*", "", text, flags=re.IGNORECASE).replace(" ", "")
        if compact.isascii() and compact.isdigit():
            number = int(compact)
        elif _GROUPED_NUMBER.fullmatch(compact):
            number = int(compact.replace(".", ""))
        else:
            raise InputError(f"angka “{text[:40]}” tidak sah; tulis bilangan bulat seperti "
                             "2500000 atau 2.500.000")
    if number < 0:
        raise InputError(f"angka {number} tidak boleh negatif")
    return number


def parse_list(value: Any) -> list[str]:
    """A list of texts: a YAML/JSON list, or one text split at ``;`` (or at line breaks)."""
    if isinstance(value, list):
        items = [_scalar_text(v) for v in value]
    else:
        text = _scalar_text(value)
        items = text.split(";") if ";" in text else text.splitlines()
    return [" ".join(item.split()) for item in items if item.strip()]


def _scalar_text(value: Any) -> str:
    if isinstance(value, (dict, list)):
        raise InputError("isinya harus teks, bukan daftar atau pemetaan")
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _length(text: str, f: Field, what: str = "") -> None:
    if f.max_length is not None and len(text) > f.max_length:
        raise InputError(f"{what}panjang {len(text)} karakter, melewati batas {f.max_length}")


def coerce(f: Field, value: Any, ctx: ValueContext) -> Any:
    """Check ``value`` for field ``f`` and return it in the form templates receive."""
    kind = f.type
    if kind in ("text", "alt_text"):
        text = _scalar_text(value).replace("\r\n", "\n").strip()
        if "\n" in text:
            raise InputError("harus satu baris (untuk teks beberapa baris, skema memakai jenis "
                             "multiline)")
        _length(text, f)
        return text
    if kind == "multiline":
        text = "\n".join(line.rstrip() for line in
                         _scalar_text(value).replace("\r\n", "\n").strip().split("\n"))
        _length(text, f)
        return text
    if kind == "date":
        return parse_date(value)
    if kind == "time":
        return parse_time(_scalar_text(value), ctx.zone)
    if kind == "datetime":
        return parse_datetime(_scalar_text(value), ctx.zone)
    if kind == "url":
        text = check_url(_scalar_text(value), tuple(f.domains) + tuple(ctx.allowed_domains))
        _length(text, f)
        return text
    if kind == "list":
        items = parse_list(value)
        if f.min_items is not None and len(items) < f.min_items:
            raise InputError(f"berisi {len(items)} butir; paling sedikit {f.min_items}")
        if f.max_items is not None and len(items) > f.max_items:
            raise InputError(f"berisi {len(items)} butir; paling banyak {f.max_items}")
        for number, item in enumerate(items, 1):
            _length(item, f, f"butir ke-{number}: ")
        return items
    if kind == "choice":
        text = " ".join(_scalar_text(value).split())
        if text in f.choices:
            return text
        for choice in f.choices:
            if choice.casefold() == text.casefold():
                return choice
        close = difflib.get_close_matches(text, list(f.choices), n=1, cutoff=0.5)
        hint = f" Mungkin maksud Anda “{close[0]}”?" if close else ""
        from medsos_cli.forms import joined

        raise InputError(f"“{text}” bukan pilihan yang sah; pilih "
                         f"{joined(f.choices, 'atau')}.{hint}")
    if kind == "official":
        if ctx.roster is None:
            raise InputError("roster pejabat belum diatur: buat roster.yaml di samping "
                             "medsos.toml atau isi [draft] roster")
        return ctx.roster.get(_scalar_text(value))
    if kind == "number":
        return parse_number(value)
    raise InputError(f"jenis kolom “{kind}” tidak dikenal")  # pragma: no cover - schema checks


def is_empty(value: Any) -> bool:
    """Whether a raw value counts as not given (None, blank text, empty list)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return not value
    return False


def missing_fields(schema: Schema, raw: dict[str, RawValue], *,
                   include_defaults: bool = False) -> list[Field]:
    """Required fields with no value, in schema order; those with a default only when
    ``include_defaults`` (a prompt offers the default, a batch run just uses it)."""
    return [f for f in schema.fields
            if f.required and (include_defaults or f.default is None)
            and is_empty(raw.get(f.name, RawValue(None)).value)]


def resolve(schema: Schema, raw: dict[str, RawValue], ctx: ValueContext) -> Resolved:
    """Check every value against ``schema``: unknown fields are warnings, a bad value is an
    error at its ``file:line``, and all missing required fields are named in one error."""
    warnings: list[InputError] = []
    known = set(schema.field_names)
    for name, item in raw.items():
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
            hint = f" (mungkin maksud Anda “{close[0]}”)" if close else ""
            warnings.append(InputError(f"kolom “{name}” tidak dikenal templat {schema.name}"
                                       f"{hint}; diabaikan", item.path, item.line))
    missing = missing_fields(schema, raw)
    values: dict[str, Any] = {}
    for f in schema.fields:
        given = raw.get(f.name)
        if given is None or is_empty(given.value):
            if f.default is not None:
                try:
                    values[f.name] = coerce(f, f.default, ctx)
                except InputError as exc:
                    raise InputError(f"kolom {f.name}: default: {exc.message}", schema.path,
                                     f.line) from None
            else:
                values[f.name] = None
            continue
        values[f.name] = _coerce_at(f, given, ctx)
    if missing:
        raise MissingFields(missing, schema.name)
    return Resolved(values, warnings)


def _coerce_at(f: Field, item: RawValue, ctx: ValueContext) -> Any:
    try:
        return coerce(f, item.value, ctx)
    except InputError as exc:
        raise InputError(f"kolom {f.name}: {exc.message}", item.path, item.line) from None


def check_given(schema: Schema, raw: dict[str, RawValue], ctx: ValueContext) -> None:
    """Check the values that were given (before asking for the missing ones)."""
    for f in schema.fields:
        item = raw.get(f.name)
        if item is not None and not is_empty(item.value):
            _coerce_at(f, item, ctx)


# -- reading values --------------------------------------------------------------------------

def _data_loader():
    """The line-tracking YAML loader with every scalar kept as text (except null), so that
    ``9:00`` is not a base-60 number, ``9.30`` not a float and ``ya`` not a boolean."""
    from medsos_cli import yamlio

    class DataLoader(yamlio._Loader):  # type: ignore[name-defined]
        pass

    keep = "tag:yaml.org,2002:null"
    DataLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag == keep]
        for first, resolvers in yamlio._Loader.yaml_implicit_resolvers.items()
    }
    return DataLoader


def load_data_file(path: Path) -> dict[str, RawValue]:
    """Read values from a YAML or JSON file (by extension; others are read as YAML)."""
    from medsos_cli.fileio import MAX_YAML_BYTES, read_text_limited

    if not path.exists() and not path.is_symlink():
        raise InputError("berkas data tidak ditemukan", path)
    text = read_text_limited(path, MAX_YAML_BYTES, "sebuah berkas data")
    if path.suffix.lower() == ".json":
        return _json_values(text, path)
    return _yaml_values(text, path)


MAX_JSON_DEPTH = 60  # a draft's values are at most a list of texts


def _json_values(text: str, path: Path) -> dict[str, RawValue]:
    try:
        data = json.loads(text, parse_constant=_no_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        from medsos_cli.parse_messages import json_message

        raise InputError(f"JSON tidak sah: {json_message(exc.msg)} (kolom {exc.colno})", path,
                         exc.lineno) from None
    except RecursionError:
        raise InputError("JSON tidak sah: bersarang terlalu dalam", path) from None
    except ValueError as exc:  # NaN/Infinity, or an integer of thousands of digits
        from medsos_cli.parse_messages import value_message

        raise InputError(f"JSON tidak sah: {value_message(str(exc))}", path) from None
    if not isinstance(data, dict):
        raise InputError("berkas data harus berupa objek JSON {\"kolom\": nilai}", path, 1)
    if _json_depth(data) > MAX_JSON_DEPTH:
        raise InputError(f"JSON tidak sah: bersarang lebih dari {MAX_JSON_DEPTH} tingkat", path)
    lines = text.splitlines()

    def line_of(key: str) -> int | None:
        needle = json.dumps(key, ensure_ascii=False)
        for number, line in enumerate(lines, 1):
            if needle in line:
                return number
        return None

    return {str(k): RawValue(v, str(path), line_of(str(k))) for k, v in data.items()}


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"kunci “{key}” ditulis dua kali")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} bukan angka yang sah")


def _json_depth(value: Any) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > MAX_JSON_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def _yaml_values(text: str, path: Path) -> dict[str, RawValue]:
    import yaml

    from medsos_cli.yamlio import describe_error
    from medsos_cli.ydata import YDict

    try:
        data = yaml.load(text, Loader=_data_loader())  # noqa: S506 - a SafeLoader subclass
    except RulebookError as exc:
        raise InputError(f"YAML tidak sah: {exc.message}", path, exc.line) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        message, line = describe_error(exc)
        raise InputError(message, path, line) from None
    if data is None:
        return {}
    if not isinstance(data, YDict):
        raise InputError("berkas data harus berupa pemetaan (kolom: nilai)", path, 1)
    return {k: RawValue(v, str(path), data.line_of(k)) for k, v in data.items()}


def parse_set(items: list[str]) -> dict[str, RawValue]:
    """Values from repeated ``--set kolom=nilai`` (a list is ``a;b;c``)."""
    values: dict[str, RawValue] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise InputError(f"--set “{item}” tidak sah; tulis kolom=nilai, mis. "
                             "--set tanggal=17/11/2026")
        values[name] = RawValue(value, "--set")
    return values
