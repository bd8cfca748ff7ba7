"""Declared fields of a mapping read from a data file, and the one function that checks them.

A :class:`Spec` lists :class:`Field`s (choice, int and number with bounds, string, string
list, flag, regex, mapping), each required or optional with a default. :meth:`Spec.read`
refuses unknown keys, checks every field in declaration order and returns the values; the
first problem is raised through the caller's ``fail(message, line)``, so each caller keeps
its own error type and prefix (a rule: ``Where.error("aturan …: …")``; a configuration file:
its ``MedsosError`` subclass). Lines come from :class:`~medsos_cli.ydata.YDict` (YAML); a
plain dict (TOML) has none, and ``line_of`` may be passed to find them another way.

Regular expressions are compiled by a function the declaring layer plugs in (the rulebook's
repetition budget and time probe), so this module imports no regex engine.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn

# (message, line) -> the exception to raise (line None: the mapping's own line).
Fail = Callable[[str, "int | None"], Exception]
# (value, values read so far, options given to read) -> the converted value.
Convert = Callable[[Any, dict[str, Any], Mapping[str, Any]], Any]

KINDS = ("choice", "int", "number", "string", "strings", "flag", "regex", "mapping", "any")
# How docs/rulebook.md names each kind in its key tables.
TYPE_NAMES = {"choice": "choice", "int": "int", "number": "number", "string": "string",
              "strings": "string list", "flag": "flag", "regex": "regex", "mapping": "mapping",
              "any": "any"}


class FieldError(ValueError):
    """Raised by a converter: ``message`` (without the field prefix) at ``line`` (or the
    field's own line)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


class Field:
    """One declared key. ``choices`` bound a choice (or each item of a string list);
    ``low``/``high`` bound an int or number (``low_open``/``high_open``: that end left out);
    ``min_items`` asks a string list for that many items (``item`` names one in the message);
    ``fold`` compares a choice stripped and in lower case; ``many`` lets a regex be a list;
    ``convert`` turns the checked value into what the reader keeps (it may raise
    :class:`FieldError`); ``what`` names the expected value in messages where the kind's word
    says too little (``tabel id = level``)."""

    # A plain class, not a dataclass: importing this module is on the start-up path of
    # every command, and a dataclass builds its methods with exec at import.
    __slots__ = ("name", "kind", "required", "default", "choices", "low", "high", "low_open",
                 "high_open", "min_items", "item", "fold", "many", "what", "convert")

    def __init__(self, name: str, kind: str, required: bool = False, default: Any = None, *,
                 choices: tuple[str, ...] = (), low: float | None = None,
                 high: float | None = None, low_open: bool = False, high_open: bool = False,
                 min_items: int = 0, item: str = "teks", fold: bool = False,
                 many: bool = False, what: str = "", convert: Convert | None = None):
        if kind not in KINDS:
            raise ValueError(f"unknown field kind {kind!r}")
        self.name, self.kind, self.required, self.default = name, kind, required, default
        self.choices, self.low, self.high = choices, low, high
        self.low_open, self.high_open, self.min_items = low_open, high_open, min_items
        self.item, self.fold, self.many, self.what = item, fold, many, what
        self.convert = convert

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.kind!r}, required={self.required})"

    @property
    def type_name(self) -> str:
        """The kind as docs/rulebook.md writes it (``string list``, ``regex``, …)."""
        return TYPE_NAMES[self.kind]


def choice(name: str, choices: Iterable[str], *, required: bool = False, default: Any = None,
           fold: bool = False) -> Field:
    """One of ``choices`` (``fold``: compared stripped and in lower case)."""
    return Field(name, "choice", required, default, choices=tuple(choices), fold=fold)


def integer(name: str, *, low: int | None = None, high: int | None = None,
            required: bool = False, default: Any = None, what: str = "") -> Field:
    """A whole number (not a boolean) within ``low``..``high``."""
    return Field(name, "int", required, default, low=low, high=high, what=what)


def number(name: str, *, low: float | None = None, high: float | None = None,
           low_open: bool = False, high_open: bool = False, required: bool = False,
           default: Any = None, what: str = "") -> Field:
    """A finite number (int or float, not a boolean) within the bounds."""
    return Field(name, "number", required, default, low=low, high=high, low_open=low_open,
                 high_open=high_open, what=what)


def string(name: str, *, required: bool = False, default: Any = None,
           convert: Convert | None = None, what: str = "") -> Field:
    """A text; a required one must not be blank."""
    return Field(name, "string", required, default, convert=convert, what=what)


def strings(name: str, *, required: bool = False, min_items: int = 0, item: str = "teks",
            choices: Iterable[str] = (), default: Any = None,
            convert: Convert | None = None) -> Field:
    """A list of texts (one text counts as a list of one); ``choices`` bound each item."""
    return Field(name, "strings", required or min_items > 0,
                 [] if default is None else default, choices=tuple(choices),
                 min_items=min_items, item=item, convert=convert)


def flag(name: str, default: Any = False) -> Field:
    """``true`` or ``false``."""
    return Field(name, "flag", False, default)


def regex(name: str, compile_: Convert, *, many: bool = False, required: bool = False) -> Field:
    """A regular expression (``many``: or a list of them), compiled by ``compile_`` (value,
    values so far, options) which raises :class:`FieldError` for a refused pattern."""
    return Field(name, "regex", required, [] if many else None, many=many, convert=compile_)


def mapping(name: str, *, required: bool = False, what: str = "",
            convert: Convert | None = None) -> Field:
    """A mapping (``key: value``), converted by ``convert`` when given."""
    return Field(name, "mapping", required, None, what=what, convert=convert)


def anything(name: str, *, required: bool = False, convert: Convert | None = None) -> Field:
    """Any value (checked by ``convert``)."""
    return Field(name, "any", required, None, convert=convert)


class Spec:
    """The declared fields of one kind of mapping, in the order they are checked.
    ``ignore_unknown``: other keys are left alone (a caption's front matter may carry the
    keys of another tool); by default they are refused."""

    def __init__(self, *fields: Field, ignore_unknown: bool = False):
        self.fields: dict[str, Field] = {}
        for f in fields:
            self.fields[f.name] = f
        self.names = frozenset(self.fields)
        self.ignore_unknown = ignore_unknown

    def __add__(self, other: Spec) -> Spec:
        """This spec with the fields of ``other`` (a field of ``other`` replaces one of the
        same name)."""
        return Spec(*{**self.fields, **other.fields}.values(),
                    ignore_unknown=self.ignore_unknown and other.ignore_unknown)

    def __iter__(self):
        return iter(self.fields.values())

    def __contains__(self, name: object) -> bool:
        return name in self.fields

    def read(self, data: Mapping[str, Any], fail: Fail, *, context: str = "",
             line_of: Callable[[str], int | None] | None = None,
             options: Mapping[str, Any] | None = None, label: str = "") -> dict[str, Any]:
        """Check ``data`` against the fields; return each field's value (or default).

        Unknown keys come first (``context`` follows “tidak dikenal”: `` untuk kind limit``),
        then each field in order. ``fail(message, line)`` builds the exception to raise;
        ``label`` goes before each key in messages (``lint.`` for ``[lint]`` of a TOML file)."""
        where = line_of or getattr(data, "line_of", None) or (lambda key: None)
        fields = self.fields
        if not self.ignore_unknown:
            for key in data:
                if key not in fields:
                    raise fail(_unknown(key, context, self.names, label), where(key))
        values: dict[str, Any] = {}
        opts = options or {}
        for name, f in fields.items():
            value = data.get(name)
            if value is None:
                if f.required:
                    raise fail(_missing(f, label + name), where(name))
                default = f.default
                values[name] = list(default) if isinstance(default, list) else default
                continue
            try:
                value = _CHECKS[f.kind](f, value, label + name)
                if f.convert is not None:
                    value = f.convert(value, values, opts)
            except FieldError as exc:
                raise fail(exc.message, exc.line or where(name)) from None
            values[name] = value
        return values


def item_lines(data: Mapping[str, Any], key: str) -> list[int]:
    """The line of each item of the list at ``key`` (the key's line for each, when the list
    carries no lines: one text written for a list, or a plain dict)."""
    raw = data.get(key)
    lines = getattr(raw, "item_lines", None)
    if lines:
        return list(lines)
    line = data.line_of(key) if hasattr(data, "line_of") else 0  # type: ignore[attr-defined]
    return [line] * (len(raw) if isinstance(raw, list) else 1)


# -- messages ---------------------------------------------------------------------------------
def _unknown(key: str, context: str, names: frozenset[str], label: str) -> str:
    from difflib import get_close_matches  # only on an error

    close = get_close_matches(str(key), sorted(names), n=1)
    hint = f" (mungkin maksud Anda “{label}{close[0]}”)" if close else ""
    return (f"kunci “{label}{key}” tidak dikenal{context}{hint}; yang sah: "
            f"{', '.join(label + n for n in sorted(names))}")


def _missing(f: Field, name: str) -> str:
    if f.kind == "choice":
        return f"“{name}” wajib diisi; pilih {_or(f.choices)}"
    if f.kind == "strings" and f.min_items:
        return f"“{name}” wajib berisi sedikitnya satu {f.item}"
    return f"“{name}” wajib diisi {_expected(f)}".rstrip()


def _expected(f: Field) -> str:
    if f.what:
        return f.what
    if f.kind == "int":
        return "bilangan bulat" + _bounds(f)
    if f.kind == "number":
        return "angka" + _bounds(f)
    return {"string": "teks", "strings": "daftar teks", "flag": "true atau false",
            "regex": "ekspresi reguler", "mapping": "pemetaan"}.get(f.kind, "")


def _bounds(f: Field) -> str:
    low, high = f.low, f.high
    positive = low == 0 and f.low_open or (f.kind == "int" and low == 1)
    if low is not None and high is not None:
        if f.low_open and f.high_open:
            return f" di antara {low:g} dan {high:g}"
        if positive:
            return f" positif sampai {high:g}"
        return f" dari {low:g} sampai {high:g}"
    if positive:
        return " positif"
    if low is not None:
        return f" {'>' if f.low_open else '≥'} {low:g}"
    if high is not None:
        return f" {'<' if f.high_open else '≤'} {high:g}"
    return ""


def _or(choices: tuple[str, ...]) -> str:
    from medsos_cli.forms import joined  # only on an error

    return joined(choices, "atau")


def _wrong(f: Field, name: str) -> NoReturn:
    plain = f.kind in ("string", "strings", "mapping", "regex") or (
        f.kind == "number" and f.low is None and f.high is None and not f.what)
    word = "berupa " if plain else ""
    raise FieldError(f"“{name}” harus {word}{_expected(f)}")


# -- the checks of each kind ------------------------------------------------------------------
def _choice(f: Field, value: Any, name: str) -> Any:
    probe = str(value).strip().lower() if f.fold else value
    if not isinstance(probe, str) or probe not in f.choices:
        raise FieldError(f"{name} “{value}” tidak dikenal; pilih {_or(f.choices)}")
    return value


def _int(f: Field, value: Any, name: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or not _within(f, value):
        _wrong(f, name)
    return value


def _number(f: Field, value: Any, name: str) -> Any:
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not math.isfinite(value) or not _within(f, value)):
        _wrong(f, name)
    return value


def _within(f: Field, value: float) -> bool:
    low, high = f.low, f.high
    if low is not None and (value <= low if f.low_open else value < low):
        return False
    return high is None or (value < high if f.high_open else value <= high)


def _string(f: Field, value: Any, name: str) -> Any:
    if not isinstance(value, str) or (f.required and not value.strip()):
        if f.required and not f.what:
            raise FieldError(f"“{name}” wajib diisi teks")
        _wrong(f, name)
    return value


def _strings(f: Field, value: Any, name: str) -> Any:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        _wrong(f, name)
    if f.choices:
        for item in value:
            if item not in f.choices:
                raise FieldError(f"nilai “{item}” pada “{name}” tidak dikenal; pilih "
                                 f"{_or(f.choices)}")
    elif not all(isinstance(v, str) for v in value):
        _wrong(f, name)
    if len(value) < f.min_items:
        raise FieldError(_missing(f, name))
    return list(value)


def _flag(f: Field, value: Any, name: str) -> Any:
    if not isinstance(value, bool):
        _wrong(f, name)
    return value


def _regex(f: Field, value: Any, name: str) -> Any:
    if f.many:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise FieldError(f"“{name}” harus berupa ekspresi reguler atau daftarnya")
        return list(value)
    if not isinstance(value, str):
        _wrong(f, name)
    return value


def _mapping(f: Field, value: Any, name: str) -> Any:
    if not isinstance(value, dict):
        _wrong(f, name)
    return value


_CHECKS: dict[str, Callable[[Field, Any, str], Any]] = {
    "choice": _choice, "int": _int, "number": _number, "string": _string,
    "strings": _strings, "flag": _flag, "regex": _regex, "mapping": _mapping,
    "any": lambda f, value, name: value,
}
