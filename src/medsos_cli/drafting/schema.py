"""``schema.yaml`` of a content type: its platforms and the fields its templates use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medsos_cli import fieldspec as fs
from medsos_cli.errors import InputError, RulebookError
from medsos_cli.platforms import PLATFORMS
from medsos_cli.ydata import YDict, YList

SCHEMA_FILE = "schema.yaml"
FIELD_TYPES = ("text", "multiline", "alt_text", "date", "time", "datetime", "url", "list",
               "choice", "official", "number")
TEXT_KINDS = ("caption", "reply")  # what the rendered text is, for the SOP rules
# The keys of schema.yaml and of each of its fields, in the order they are checked.
SCHEMA = fs.Spec(
    fs.string("name", required=True),
    fs.string("title", default=""),
    fs.string("description", default=""),
    fs.integer("version", low=1, default=1),
    fs.strings("platforms", min_items=1, item="platform", choices=PLATFORMS),
    fs.choice("kind", TEXT_KINDS, default="caption"),
    fs.anything("fields", required=True),
)
FIELD = fs.Spec(
    fs.string("name", required=True),
    fs.choice("type", FIELD_TYPES, required=True),
    fs.flag("required", True),
    fs.string("description", default=""),
    fs.integer("max_length", low=0),
    fs.integer("min_items", low=0),
    fs.integer("max_items", low=0),
    fs.anything("example"),
    fs.anything("choices"),
    fs.anything("domains"),
    fs.anything("default"),
)
SCHEMA_KEYS = SCHEMA.names
FIELD_KEYS = FIELD.names
# Names the renderer provides itself; a field may not shadow them.
RESERVED = frozenset({"akun", "platform"})
DEFAULT_DOMAINS = ("*.go.id",)
ALT_TEXT_MAX = 1000  # Instagram's alt text limit (platform-exports.md §10)
_NAME_RE = re.compile(r"[a-z][a-z0-9_]*")
_TYPE_NAME_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Field:
    """One field of a content type."""

    name: str
    type: str
    required: bool = True
    description: str = ""
    max_length: int | None = None
    example: Any = None
    choices: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    min_items: int | None = None
    max_items: int | None = None
    default: Any = None
    line: int = 0


@dataclass(frozen=True)
class Schema:
    """A content type's schema as read from ``schema.yaml``."""

    name: str
    title: str
    description: str
    version: int
    platforms: tuple[str, ...]
    fields: tuple[Field, ...]
    path: Path
    platforms_line: int = 0
    kind: str = "caption"

    def field(self, name: str) -> Field | None:
        """The field called ``name``, or None."""
        for item in self.fields:
            if item.name == name:
                return item
        return None

    @property
    def field_names(self) -> tuple[str, ...]:
        """Names of all fields, in schema order."""
        return tuple(f.name for f in self.fields)


def load_schema(path: Path) -> Schema:
    """Read and validate ``schema.yaml``; every problem is an ``InputError`` with file:line."""
    from medsos_cli.yamlio import load_yaml_file

    try:
        data = load_yaml_file(path)
    except RulebookError as exc:
        raise InputError(exc.message, exc.path, exc.line) from None
    if not isinstance(data, YDict):
        raise InputError("schema.yaml harus berupa pemetaan (kunci: nilai)", path, 1)
    values = SCHEMA.read(data, lambda message, at: InputError(message, path, at),
                         context=" di schema.yaml")
    folder_name = path.parent.name
    name = values["name"]
    if not _TYPE_NAME_RE.fullmatch(name):
        raise InputError(f"name “{name}” tidak sah: pakai huruf kecil, angka, dan tanda -",
                         path, data.line_of("name"))
    if name != folder_name:
        raise InputError(f"name “{name}” harus sama dengan nama folder “{folder_name}”", path,
                         data.line_of("name"))
    version = values["version"]
    platforms = tuple(values["platforms"])
    if len(set(platforms)) != len(platforms):
        raise InputError("platforms menyebut platform yang sama dua kali", path,
                         data.line_of("platforms"))
    kind = values["kind"]
    raw_fields = values["fields"]
    if not isinstance(raw_fields, YList) or not raw_fields:
        raise InputError("fields harus berupa daftar kolom (sedikitnya satu)", path,
                         data.line_of("fields"))
    fields: list[Field] = []
    seen: set[str] = set()
    for item, line in zip(raw_fields, raw_fields.item_lines, strict=True):
        field = _field(item, line, path)
        if field.name in seen:
            raise InputError(f"kolom “{field.name}” ditulis dua kali", path, line)
        seen.add(field.name)
        fields.append(field)
    return Schema(name=name, title=" ".join(values["title"].split()) or name,
                  description=" ".join(values["description"].split()), version=version,
                  platforms=platforms, fields=tuple(fields), path=path,
                  platforms_line=data.line_of("platforms"), kind=kind)


def _field(item: Any, line: int, path: Path) -> Field:
    if not isinstance(item, YDict):
        raise InputError("setiap kolom harus berupa pemetaan (name, type, ...)", path, line)
    raw_name = item.get("name")
    prefix = f"kolom {raw_name}: " if isinstance(raw_name, str) and raw_name else ""
    values = FIELD.read(item, lambda message, at: InputError(prefix + message, path, at),
                        context=" di kolom skema")
    name = values["name"]
    if not _NAME_RE.fullmatch(name):
        raise InputError("name kolom wajib diisi dengan huruf kecil, angka, dan garis bawah "
                         "(mis. tanggal_acara)", path, item.line_of("name"))
    if name in RESERVED:
        raise InputError(f"nama kolom “{name}” dipakai medsos sendiri; pilih nama lain", path,
                         item.line_of("name"))
    kind = values["type"]
    required = values["required"]
    description = values["description"]
    ints = {key: values[key] for key in ("max_length", "min_items", "max_items")}
    if (ints["min_items"] is not None or ints["max_items"] is not None) and kind != "list":
        raise InputError(f"kolom {name}: min_items/max_items hanya untuk type list", path,
                         item.line)
    choices = item.get("choices")
    if kind == "choice":
        if (not isinstance(choices, list) or not choices
                or not all(isinstance(c, (str, int)) for c in choices)):
            raise InputError(f"kolom {name}: type choice memerlukan choices (daftar pilihan)",
                             path, item.line_of("choices"))
        choices = tuple(str(c) for c in choices)
    elif choices is not None:
        raise InputError(f"kolom {name}: choices hanya untuk type choice", path,
                         item.line_of("choices"))
    domains = item.get("domains")
    if kind == "url":
        if domains is None:
            domains = DEFAULT_DOMAINS
        elif (not isinstance(domains, list)
              or not all(isinstance(d, str) and d.strip() for d in domains)):
            raise InputError(f"kolom {name}: domains harus berupa daftar domain, mis. "
                             "[\"*.go.id\"]", path, item.line_of("domains"))
        domains = tuple(d.strip().lower() for d in domains)
    elif domains is not None:
        raise InputError(f"kolom {name}: domains hanya untuk type url", path,
                         item.line_of("domains"))
    max_length = ints["max_length"]
    if kind == "alt_text" and max_length is None:
        max_length = ALT_TEXT_MAX
    return Field(name=name, type=kind, required=required,
                 description=" ".join(description.split()), max_length=max_length,
                 example=item.get("example"), choices=choices or (), domains=domains or (),
                 min_items=ints["min_items"], max_items=ints["max_items"],
                 default=item.get("default"), line=line)
