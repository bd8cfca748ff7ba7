"""Read a rulebook folder: YAML files → typed rules, inheritance, overrides (no checks)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from medsos_cli import fieldspec as fs
from medsos_cli.bundled import bundled_path
from medsos_cli.errors import RulebookError
from medsos_cli.findings import Level
from medsos_cli.rulebook.kinds import KINDS
from medsos_cli.rulebook.model import Rule, Where
from medsos_cli.rulebook.terms import TermIndex
from medsos_cli.ydata import YDict

DEFAULT = "default"
META_FILE = "rulebook.yaml"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9.-]*[a-z0-9]$")


@dataclass
class Rulebook:
    """An ordered set of rules, after inheritance and overrides."""

    name: str
    paths: list[Path]
    rules: dict[str, Rule] = field(default_factory=dict)
    index: TermIndex | None = None

    def term_index(self) -> TermIndex:
        """The word/phrase index of all term rules (built once, cached with the rulebook)."""
        if self.index is None:
            self.index = TermIndex(t for r in self.rules.values() if r.uses_terms
                                   for t in r.terms)  # type: ignore[attr-defined]
        return self.index

    def __iter__(self):
        return iter(self.rules.values())

    def __len__(self) -> int:
        return len(self.rules)


def bundled_rulebook_path() -> Path:
    """Folder of the bundled sop: inside the wheel, or ``sop/`` of a checkout."""
    return bundled_path("sop")


def read_rulebook(location: str | Path = DEFAULT, *,
                  verify_rule: Callable[[Rule], None] | None = None,
                  verify_book: Callable[[Rulebook], None] | None = None) -> Rulebook:
    """Parse the rulebook at ``location`` (a folder path, or ``default`` for the bundled one),
    with its ``extends`` chain and overrides, into typed rules.

    Checking that the rules behave (their examples, fixes that do not loop) is the linter's
    job: ``medsos_cli.lint.rulebooks.load_rulebook`` passes its checks in as ``verify_rule``
    (each folder's own rules) and ``verify_book`` (each folder's book after its overrides).
    """
    return _load(resolve_folder(location), set(), verify_rule, verify_book)


def resolve_folder(location: str | Path) -> Path:
    """The absolute folder of a rulebook location (``default``: the bundled one)."""
    try:
        folder = _resolve(location, Path.cwd()).resolve()
        folder.is_dir()
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte: not a crash
        raise RulebookError(f"folder buku aturan tidak sah: {exc}", str(location)) from None
    return folder


def _resolve(location: str | Path, base: Path) -> Path:
    if str(location) == DEFAULT:
        return bundled_rulebook_path()
    path = Path(location)
    if not path.is_absolute():
        path = base / path
    return path


def _load(folder: Path, seen: set[Path], verify_rule: Callable[[Rule], None] | None,
          verify_book: Callable[[Rulebook], None] | None) -> Rulebook:
    folder = folder.resolve()
    if not folder.is_dir():
        raise RulebookError("folder buku aturan tidak ditemukan", folder)
    if folder in seen:
        raise RulebookError("buku aturan saling memperluas (extends melingkar)", folder)
    seen = seen | {folder}
    meta, values = _read_meta(folder)
    book = Rulebook(name=values["name"] or folder.name, paths=[folder])
    meta_path = folder / META_FILE
    for parent in values["extends"]:
        base = _load(_resolve(parent, folder), seen, verify_rule, verify_book)
        book.paths[:0] = base.paths
        book.rules.update(base.rules)
    bundled = folder == bundled_rulebook_path().resolve()
    own: dict[str, Rule] = {}
    files = sorted(p for p in folder.iterdir()
                   if p.suffix in (".yaml", ".yml") and p.name != META_FILE)
    for path in files:
        for rule in _read_rules(path, bundled):
            if rule.id in own:
                raise rule.where.error(
                    f"id aturan “{rule.id}” sudah dipakai di {own[rule.id].where.path}:"
                    f"{own[rule.id].where.line}")
            own[rule.id] = rule
    if verify_rule is not None:
        for rule in own.values():
            verify_rule(rule)
    book.rules.update(own)
    _apply_overrides(book, meta, values, meta_path)
    if verify_book is not None:
        verify_book(book)
    return book


# The keys of rulebook.yaml.
META = fs.Spec(
    fs.string("name"),
    fs.string("description"),
    fs.strings("extends"),
    fs.mapping("levels", what="pemetaan id: level"),
    fs.strings("disable"),
)


def _read_meta(folder: Path) -> tuple[YDict, dict]:
    """The mapping of ``rulebook.yaml`` (for its lines) and its checked values."""
    from medsos_cli.yamlio import load_yaml_file

    path = folder / META_FILE
    data = load_yaml_file(path) if path.exists() else None
    if data is None:
        data = YDict()
    if not isinstance(data, YDict):
        raise RulebookError("rulebook.yaml harus berupa pemetaan (kunci: nilai)", path, 1)
    return data, META.read(data, lambda message, line: RulebookError(message, path, line))


def _apply_overrides(book: Rulebook, meta: YDict, values: dict, path: Path) -> None:
    levels = values["levels"] or {}
    apply_overrides(book, levels, values["disable"], path,
                    lambda key: levels.line_of(key) if isinstance(levels, YDict) else None,
                    meta.line_of("disable"))


def apply_overrides(book: Rulebook, levels: dict, disable: list[str], path: Path | str,
                    line_of=lambda key: None, disable_line: int | None = None) -> None:
    """Change levels and remove disabled rules; unknown ids are errors."""
    for rule_id, level in levels.items():
        if rule_id not in book.rules:
            raise RulebookError(f"aturan “{rule_id}” pada levels tidak ada di buku aturan",
                                path, line_of(rule_id))
        try:
            book.rules[rule_id].level = Level.parse(str(level))
        except ValueError:
            raise RulebookError(f"level “{level}” untuk {rule_id} tidak dikenal; pilih error, "
                                "warning, atau suggestion", path, line_of(rule_id)) from None
    for rule_id in disable:
        if rule_id not in book.rules:
            raise RulebookError(f"aturan “{rule_id}” pada disable tidak ada di buku aturan",
                                path, disable_line)
        del book.rules[rule_id]


def _read_rules(path: Path, bundled: bool = False) -> list[Rule]:
    from medsos_cli.yamlio import load_yaml_file

    data = load_yaml_file(path)
    if data is None:
        return []
    if not isinstance(data, YDict) or set(data) - {"rules"}:
        line = data.line if isinstance(data, YDict) else 1
        raise RulebookError("berkas aturan harus berisi satu kunci “rules” (daftar aturan)",
                            path, line)
    items = data.get("rules") or []
    if not isinstance(items, list):
        raise RulebookError("“rules” harus berupa daftar", path, data.line_of("rules"))
    rules = []
    for item in items:
        if not isinstance(item, YDict):
            raise RulebookError("setiap aturan harus berupa pemetaan", path, data.line_of("rules"))
        rules.append(build_rule(item, path, bundled))
    return rules


def build_rule(item: YDict, path: Path, bundled: bool = False) -> Rule:
    """Validate one rule mapping and build the typed rule of its kind."""
    where = Where(str(path), item.line, bundled)
    rule_id = item.get("id")
    if not isinstance(rule_id, str) or not _ID_RE.match(rule_id):
        raise where.error(f"id aturan “{rule_id}” tidak sah: huruf kecil, angka, titik, dan "
                          "tanda hubung", item.line_of("id"))
    kind = item.get("kind")
    cls = KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        from medsos_cli.forms import joined

        raise where.error(f"aturan {rule_id}: kind “{kind}” tidak dikenal; pilih "
                          f"{joined(KINDS, 'atau')}", item.line_of("kind"))
    return cls(item, where)  # its fields, unknown keys first, are checked by cls.FIELDS
