"""Load a rulebook folder: YAML files → typed rules, inheritance, overrides, self-tests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from medsos_cli.bundled import bundled_path
from medsos_cli.errors import RulebookError
from medsos_cli.findings import Level
from medsos_cli.rulebook.kinds import KINDS
from medsos_cli.rulebook.model import Context, Rule, Where
from medsos_cli.rulebook.terms import TermIndex
from medsos_cli.rulebook.ydata import YDict

DEFAULT = "default"
META_FILE = "rulebook.yaml"
META_KEYS = frozenset({"name", "description", "extends", "levels", "disable"})
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


def load_rulebook(location: str | Path = DEFAULT, *, check_examples: bool = True,
                  use_cache: bool = True) -> Rulebook:
    """Load the rulebook at ``location`` (a folder path, or ``default`` for the bundled one).

    Every rule's examples are run (``check_examples``) unless the same rulebook files already
    passed on this installation (``use_cache``; see ``medsos_cli.cache``).
    """
    try:
        folder = _resolve(location, Path.cwd()).resolve()
        folder.is_dir()
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte: not a crash
        raise RulebookError(f"folder buku aturan tidak sah: {exc}", str(location)) from None
    use_cache = use_cache and check_examples
    if use_cache and folder.is_dir():
        from medsos_cli import cache

        cached = cache.load_cached_rulebook(folder)
        if cached is not None:
            return cached
    book = _load(folder, set(), check_examples)
    book.term_index()
    if use_cache:
        cache.store_rulebook(folder, book, book.paths)
    return book


def _resolve(location: str | Path, base: Path) -> Path:
    if str(location) == DEFAULT:
        return bundled_rulebook_path()
    path = Path(location)
    if not path.is_absolute():
        path = base / path
    return path


def _load(folder: Path, seen: set[Path], check_examples: bool) -> Rulebook:
    folder = folder.resolve()
    if not folder.is_dir():
        raise RulebookError("folder buku aturan tidak ditemukan", folder)
    if folder in seen:
        raise RulebookError("buku aturan saling memperluas (extends melingkar)", folder)
    seen = seen | {folder}
    meta = _read_meta(folder)
    book = Rulebook(name=str(meta.get("name") or folder.name), paths=[folder])
    meta_path = folder / META_FILE
    for parent in _list(meta, "extends", meta_path):
        base = _load(_resolve(parent, folder), seen, check_examples)
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
    if check_examples:
        for rule in own.values():
            check_rule_examples(rule)
    book.rules.update(own)
    _apply_overrides(book, meta, meta_path)
    check_fix_idempotence(book)
    return book


def _read_meta(folder: Path) -> YDict:
    from medsos_cli.rulebook.yamlio import load_yaml_file

    path = folder / META_FILE
    if not path.exists():
        return YDict()
    data = load_yaml_file(path)
    if data is None:
        return YDict()
    if not isinstance(data, YDict):
        raise RulebookError("rulebook.yaml harus berupa pemetaan (kunci: nilai)", path, 1)
    for key in data:
        if key not in META_KEYS:
            raise RulebookError(f"kunci “{key}” tidak dikenal; yang sah: "
                                f"{', '.join(sorted(META_KEYS))}", path, data.line_of(key))
    return data


def _list(meta: YDict, key: str, path: Path) -> list[str]:
    value = meta.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RulebookError(f"“{key}” harus berupa daftar teks", path, meta.line_of(key))
    return value


def _apply_overrides(book: Rulebook, meta: YDict, path: Path) -> None:
    levels = meta.get("levels") or {}
    if not isinstance(levels, dict):
        raise RulebookError("“levels” harus berupa pemetaan id: level", path,
                            meta.line_of("levels"))
    apply_overrides(book, levels, _list(meta, "disable", path), path,
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
    from medsos_cli.rulebook.yamlio import load_yaml_file

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
        raise where.error(f"aturan {rule_id}: kind “{kind}” tidak dikenal; pilih "
                          f"{', '.join(KINDS)}", item.line_of("kind"))
    for key in item:
        if key not in cls.KEYS:
            raise where.error(f"aturan {rule_id}: kunci “{key}” tidak dikenal untuk kind {kind}; "
                              f"yang sah: {', '.join(sorted(cls.KEYS))}", item.line_of(key))
    return cls(item, where)


def check_rule_examples(rule: Rule) -> None:
    """Lint each example with this rule alone; refuse the rule if one misbehaves."""
    from medsos_cli.lint.engine import Linter
    from medsos_cli.lint.fix import apply_fixes
    from medsos_cli.rulebook.model import Account

    values = getattr(rule, "example_values", ())
    ctx = Context(account=Account(name=values[0] if values else "", hashtags=tuple(values)))
    linter = Linter([rule], ctx)
    platform, kind = rule.example_context()
    for expected, items in (("bad", rule.examples.bad), ("good", rule.examples.good)):
        for text, line in items:
            found = linter.lint_text(text, platform=platform, kind=kind).findings
            if expected == "bad" and not found:
                raise rule.where.error(
                    f"aturan {rule.id}: contoh buruk tidak memicu temuan: “{text}”", line)
            if expected == "bad" and any(f.fixable for f in found):
                fixed, _ = apply_fixes(text, found)
                again = linter.lint_text(fixed, platform=platform, kind=kind).findings
                if any(f.fixable for f in again):
                    raise rule.where.error(
                        f"aturan {rule.id}: hasil --fix “{fixed}” masih dapat diperbaiki lagi; "
                        "perbaikan harus tuntas sekali jalan", line)
            if expected == "good" and found:
                raise rule.where.error(
                    f"aturan {rule.id}: contoh baik memicu temuan “{found[0].text}”: “{text}”",
                    line)


def check_fix_idempotence(book: Rulebook) -> None:
    """Refuse substitutions whose replacement is itself a term to replace (``--fix`` loops)."""
    sources: dict[str, str] = {}
    for rule in book:
        if rule.kind == "substitution":
            for key, _ in rule.pairs:  # type: ignore[attr-defined]
                sources.setdefault(key, rule.id)
    for rule in book:
        if rule.kind != "substitution":
            continue
        for key, targets in rule.pairs:  # type: ignore[attr-defined]
            for target in targets:
                words = target.lower().split()
                for size in range(len(words), 0, -1):
                    for i in range(len(words) - size + 1):
                        part = " ".join(words[i:i + size])
                        if part in sources and part != key:
                            raise rule.where.error(
                                f"aturan {rule.id}: saran “{target}” untuk “{key}” memuat "
                                f"“{part}”, yang diganti oleh aturan {sources[part]}; --fix "
                                "tidak boleh mengubah hasilnya lagi")
