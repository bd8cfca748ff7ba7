"""``roster.yaml``: the officials a template may name, with their exact titles."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from medsos_cli import fieldspec as fs
from medsos_cli.errors import InputError, RulebookError
from medsos_cli.ydata import YDict, YList

# The keys of one official, in the order they are checked.
ROSTER = fs.Spec(
    fs.string("key", required=True),
    fs.string("jabatan", required=True),
    fs.string("nama", required=True),
    fs.string("gelar_depan", default=""),
    fs.string("gelar_belakang", default=""),
)
ROSTER_KEYS = ROSTER.names
_KEY_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")


@dataclass(frozen=True)
class Pejabat:
    """An official as templates see it; ``{{ pejabat }}`` prints ``sebutan``."""

    kunci: str
    jabatan: str
    nama: str
    gelar_depan: str = ""
    gelar_belakang: str = ""

    @property
    def nama_lengkap(self) -> str:
        """The name with academic and religious titles: ``dr. H. Budi Santoso, M.Kes.``."""
        name = f"{self.gelar_depan} {self.nama}" if self.gelar_depan else self.nama
        return f"{name}, {self.gelar_belakang}" if self.gelar_belakang else name

    @property
    def sebutan(self) -> str:
        """Position then full name: ``Wali Kota Contoh, dr. H. Budi Santoso, M.Kes.``."""
        return f"{self.jabatan}, {self.nama_lengkap}"

    def __str__(self) -> str:
        return self.sebutan


class Roster:
    """Officials by key, in file order."""

    def __init__(self, officials: list[Pejabat], path: Path | None = None):
        self.path = path
        self.officials = {p.kunci: p for p in officials}

    def __len__(self) -> int:
        return len(self.officials)

    def get(self, key: str) -> Pejabat:
        """The official with ``key``; an unknown key is an error naming the closest keys."""
        found = self.officials.get(key.strip().lower())
        if found is not None:
            return found
        close = difflib.get_close_matches(key.strip().lower(), list(self.officials), n=3,
                                          cutoff=0.5)
        hint = (f"; mungkin maksud Anda: {', '.join(close)}" if close
                else f"; kunci yang ada: {', '.join(self.officials) or '(roster kosong)'}")
        raise InputError(f"pejabat “{key}” tidak ada di roster{hint}")


def load_roster(path: Path) -> Roster:
    """Read ``roster.yaml`` (a list of officials); errors carry file:line."""
    from medsos_cli.yamlio import load_yaml_file

    if not path.is_file():
        raise InputError("berkas roster tidak ditemukan", path)
    try:
        data = load_yaml_file(path)
    except RulebookError as exc:
        raise InputError(exc.message, exc.path, exc.line) from None
    if data is None:
        return Roster([], path)
    if isinstance(data, YDict):  # the keyed form: ``walikota: {jabatan: ..., nama: ...}``
        items = []
        for key, item in data.items():
            if not isinstance(item, YDict):
                raise InputError(f"pejabat “{key}” harus berupa pemetaan (jabatan, nama, ...)",
                                 path, data.line_of(key))
            if "key" in item:
                raise InputError("kunci pejabat sudah ditulis sebagai judul; hapus “key”", path,
                                 item.line_of("key"))
            entry = YDict(item, key=key)
            entry.line = item.line
            entry.key_lines = {**item.key_lines, "key": data.line_of(key)}
            items.append((entry, data.line_of(key)))
    elif isinstance(data, YList):
        items = list(zip(data, data.item_lines, strict=True))
    else:
        raise InputError("roster.yaml harus berupa daftar pejabat (- key: ..., jabatan: ..., "
                         "nama: ...) atau pemetaan kunci → pejabat", path, 1)
    officials: list[Pejabat] = []
    seen: dict[str, int] = {}
    for item, line in items:
        if not isinstance(item, YDict):
            raise InputError("setiap pejabat harus berupa pemetaan (key, jabatan, nama, ...)",
                             path, line)
        values = {key: " ".join(value.split()) for key, value in ROSTER.read(
            item, lambda message, at: InputError(message, path, at),
            context=" di roster").items()}
        if not _KEY_RE.fullmatch(values["key"]):
            raise InputError(f"key “{values['key']}” tidak sah: pakai huruf kecil, angka, - dan _",
                             path, item.line_of("key"))
        if values["key"] in seen:
            raise InputError(f"key “{values['key']}” sudah dipakai di baris {seen[values['key']]}",
                             path, item.line_of("key"))
        seen[values["key"]] = item.line_of("key")
        officials.append(Pejabat(values["key"], values["jabatan"], values["nama"],
                                 values["gelar_depan"], values["gelar_belakang"]))
    return Roster(officials, path)
