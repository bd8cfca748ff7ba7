"""The export-format table (``headers.yaml``): formats, header sets per UI language, values.

One table says which formats exist, how each is recognised (a required subset of canonical
column names), which reader reads it and which header aliases each UI language uses. The
sniffer translates a header into canonical (English, normalised) names with it, so the readers
never see the interface language. Users extend the aliases with a YAML file of the same shape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from medsos_cli.errors import ConfigError

_TABLE = Path(__file__).with_name("headers.yaml")
CONFIDENCES = ("confirmed", "corroborated", "single source", "inferred", "unverified")


def norm(name: str) -> str:
    """A header cell as compared: BOM and quotes trimmed, spaces collapsed, lower case."""
    return " ".join(name.replace("\ufeff", "").strip().strip('"').split()).lower()


@dataclass(frozen=True)
class Alias:
    """One header label of a UI language, with its evidence."""

    name: str  # as written in the export
    canonical: str  # the English column it stands for (normalised)
    language: str
    source: str
    confidence: str


@dataclass(frozen=True)
class ExportFormat:
    """One export format: how it is recognised and read."""

    key: str  # entry of the table
    name: str  # ``format`` in the report (several entries may share one)
    family: str
    label: str  # Indonesian description for messages
    required: frozenset[str]
    platform: str | None = None
    reader: str | None = None  # ``module:function`` in medsos_cli.exports; None = not read
    exact: bool = False  # the header must be exactly the required columns
    ids: tuple[str, ...] = ()  # numeric id columns (digits only; scientific notation refused)
    times: tuple[str, ...] = ()  # date-time columns whose day/month order is decided per file

    def read_function(self) -> Callable:
        """The reader function (imported on first use)."""
        from medsos_cli.extras import import_ref

        assert self.reader is not None
        return import_ref(self.reader, "medsos_cli.exports")


@dataclass
class Registry:
    """The loaded table: formats in order, aliases per family and language, value maps."""

    formats: list[ExportFormat]
    aliases: dict[str, dict[str, dict[str, Alias]]]  # family -> language -> norm(name) -> alias
    languages: dict[str, str]
    hints: dict[str, tuple[str, ...]]
    values: dict[str, object]
    sources: dict[str, str] = field(default_factory=dict)

    def names(self) -> tuple[str, ...]:
        """The distinct format names, in table order."""
        return tuple(dict.fromkeys(f.name for f in self.formats))


@dataclass(frozen=True)
class Match:
    """A header recognised: its format, UI language, canonical names and inferred aliases."""

    format: ExportFormat
    language: str
    names: list[str]
    inferred: tuple[Alias, ...]


def _load_yaml(path: Path) -> dict:
    # libyaml when available: 11 ms instead of 120 ms for the bundled table
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader
    except OSError as exc:
        raise ConfigError(f"berkas alias judul kolom tidak bisa dibaca ({exc.strerror})",
                          str(path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError("berkas alias judul kolom bukan YAML yang valid", str(path),
                          mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise ConfigError("berkas alias judul kolom harus berisi pemetaan YAML", str(path))
    return data


def _aliases(data: dict, where: str, sources: dict[str, str],
             into: dict[str, dict[str, dict[str, Alias]]]) -> None:
    for family, languages in (data.get("families") or {}).items():
        if not isinstance(languages, dict):
            raise ConfigError(f"families.{family} harus berupa pemetaan bahasa", where)
        for language, columns in (languages or {}).items():
            table = into.setdefault(str(family), {}).setdefault(str(language), {})
            for canonical, entries in (columns or {}).items():
                for entry in entries or []:
                    if not isinstance(entry, dict) or not entry.get("name"):
                        raise ConfigError(
                            f"alias families.{family}.{language}.{canonical} harus punya name",
                            where)
                    confidence = str(entry.get("confidence", "inferred"))
                    if confidence not in CONFIDENCES:
                        raise ConfigError(f"confidence “{confidence}” tidak dikenal (pilih "
                                          f"{', '.join(CONFIDENCES)})", where)
                    source = str(entry.get("source", ""))
                    if not source:
                        raise ConfigError(f"alias “{entry['name']}” tanpa source", where)
                    if source not in sources:  # a user's own note is its own source
                        sources[source] = source
                    alias = Alias(str(entry["name"]), norm(str(canonical)), str(language),
                                  source, confidence)
                    table[norm(alias.name)] = alias


@lru_cache(maxsize=8)
def registry(extra: str | None = None) -> Registry:
    """The bundled table, plus the user's alias file ``extra`` (families only) if given."""
    data = _load_yaml(_TABLE)
    sources = {str(k): str(v) for k, v in (data.get("sources") or {}).items()}
    aliases: dict[str, dict[str, dict[str, Alias]]] = {}
    _aliases(data, str(_TABLE), sources, aliases)
    languages = {str(k): str(v) for k, v in data["languages"].items()}
    if extra:
        user = _load_yaml(Path(extra))
        _aliases(user, extra, sources, aliases)
        for language, name in (user.get("languages") or {}).items():
            languages.setdefault(str(language), str(name))
    formats = []
    for key, spec in data["formats"].items():
        formats.append(ExportFormat(
            key=key, name=spec.get("name", key), family=spec["family"], label=spec["label"],
            required=frozenset(norm(c) for c in spec["required"]),
            platform=spec.get("platform"), reader=spec.get("reader"),
            exact=bool(spec.get("exact", False)),
            ids=tuple(norm(c) for c in spec.get("ids", ())),
            times=tuple(norm(c) for c in spec.get("times", ())),
        ))
    hints = {str(k): tuple(norm(w) for w in v) for k, v in data["language_hints"].items()}
    return Registry(formats, aliases, languages, hints, data["values"], sources)


def translate(cells: list[str], aliases: dict[str, Alias]) -> tuple[list[str], list[Alias]]:
    """Canonical names of ``cells`` (an unknown cell keeps its own normalised name)."""
    names, used = [], []
    for cell in cells:
        key = norm(cell)
        alias = aliases.get(key)
        if alias is None:
            names.append(key)
        else:
            names.append(alias.canonical)
            used.append(alias)
    return names, used


def recognise(cells: list[str], reg: Registry) -> Match | None:
    """The first format whose required columns the header has, in English or a known UI
    language of its family; ``None`` when no format matches."""
    plain = [norm(c) for c in cells]
    present = [n for n in plain if n]
    for fmt in reg.formats:
        candidates: list[tuple[str, list[str], list[Alias]]] = [("en", plain, [])]
        for language, table in reg.aliases.get(fmt.family, {}).items():
            names, used = translate(cells, table)
            if used:
                candidates.append((language, names, used))
        for language, names, used in candidates:
            have = set(names)
            if not fmt.required <= have:
                continue
            if fmt.exact and len([n for n in names if n]) != len(present):
                continue
            if fmt.exact and set(n for n in names if n) != fmt.required:
                continue
            inferred = tuple(a for a in used if a.confidence in ("inferred", "unverified"))
            return Match(fmt, language, names, inferred)
    return None


def language_hint(cells: list[str], reg: Registry) -> tuple[str, str] | None:
    """(language name, header word) when the header looks like a UI language without a
    header set in the table."""
    for cell in cells:
        key = norm(cell)
        for language, words in reg.hints.items():
            for word in words:
                if word and word in key:
                    return language, cell.strip()
    return None
