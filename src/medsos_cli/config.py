"""Configuration: ``medsos.toml`` (or ``[tool.medsos]`` in ``pyproject.toml``), found upward.

No configuration file means the bundled defaults.
"""

from __future__ import annotations

import fnmatch
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medsos_cli import fieldspec as fs
from medsos_cli.errors import ConfigError
from medsos_cli.findings import LEVEL_NAMES
from medsos_cli.platforms import PLATFORMS

CONFIG_NAME = "medsos.toml"
DEFAULT_TIMEZONE = "Asia/Jakarta"
MAX_FILE_SIZE_MB = 100.0  # lint.max_file_size_mb may raise the caption limit up to this
MAX_TIMEOUT = 60.0  # seconds, lint.regex_timeout

# The tables of medsos.toml and their keys (TOML keeps no lines: Config.line_of finds them).
TOP = fs.Spec(*(fs.mapping(name, what="tabel") for name in
                ("lint", "account", "draft", "report", "accounts", "rollup")))
LINT = fs.Spec(
    fs.strings("rulebooks"),
    fs.choice("platform", PLATFORMS, fold=True),
    fs.choice("fail_on", (*LEVEL_NAMES, "none"), fold=True),
    fs.strings("disable"),
    fs.mapping("levels", what="tabel id = level"),
    fs.anything("exemptions"),
    fs.number("max_file_size_mb", low=0, low_open=True, high=MAX_FILE_SIZE_MB),
    fs.number("regex_timeout", low=0, low_open=True, high=MAX_TIMEOUT),
    fs.mapping("vocabulary",
               what="tabel dengan accept dan/atau reject, mis. accept = [\"Sobat\"]"),
    fs.strings("include"),
    fs.strings("exclude"),
    fs.flag("gitignore", None),
)
VOCABULARY = fs.Spec(fs.strings("accept"), fs.strings("reject"))
ACCOUNT = fs.Spec(
    fs.string("name"),
    fs.strings("hashtags"),
    fs.string("website"),
    fs.mapping("contacts", what="tabel label = \"nilai\", mis. whatsapp = \"0811-2000-3000\""),
    fs.string("timezone"),
)
DRAFT = fs.Spec(fs.string("templates"), fs.string("roster"), fs.strings("allowed_domains"))
REPORT = fs.Spec(
    fs.number("sla_hours", low=0, low_open=True, high=24 * 366,
              what="angka jam positif (mis. 24 untuk 1×24 jam)"),
    fs.string("db"),
    fs.string("headers"),
    fs.anything("working_days"),
)
ACCOUNTS = fs.Spec(fs.string("registry"), fs.string("office"))  # province view
ROLLUP = fs.Spec(fs.integer("min_posts_week", low=0, what="bilangan bulat 0 atau lebih "
                            "(unggahan per akun per pekan)"))
EXEMPTION = fs.Spec(
    fs.string("rule", required=True),
    fs.string("reason", required=True),
    fs.string("approved_by", required=True),
    fs.string("text"),
    fs.string("file"),
)
TOP_KEYS, LINT_KEYS, VOCABULARY_KEYS = TOP.names, LINT.names, VOCABULARY.names
ACCOUNT_KEYS, DRAFT_KEYS, REPORT_KEYS = ACCOUNT.names, DRAFT.names, REPORT.names
ACCOUNTS_KEYS, ROLLUP_KEYS, EXEMPTION_KEYS = ACCOUNTS.names, ROLLUP.names, EXEMPTION.names


@dataclass(frozen=True)
class Exemption:
    """An approved exemption: ``rule`` silenced where ``text`` occurs and/or in ``file``."""

    rule: str
    reason: str
    approved_by: str
    text: str | None = None
    file: str | None = None

    def applies(self, rule: str, found: str, path: str) -> bool:
        """Whether this exemption covers a finding of ``rule`` on ``found`` in ``path``."""
        if rule != self.rule and self.rule != "*":
            return False
        if self.text is not None and self.text.casefold() != found.casefold():
            return False
        if self.file is not None:
            posix = Path(path).as_posix()
            if not (fnmatch.fnmatch(posix, self.file) or posix.endswith("/" + self.file)
                    or posix == self.file):
                return False
        return True


@dataclass
class Config:
    """Settings for a run; defaults apply where the file says nothing."""

    path: Path | None = None
    rulebooks: list[str] = field(default_factory=lambda: ["default"])
    platform: str | None = None
    fail_on: str = "error"
    disable: list[str] = field(default_factory=list)
    levels: dict[str, str] = field(default_factory=dict)
    exemptions: list[Exemption] = field(default_factory=list)
    account_name: str = ""
    vocabulary_accept: list[str] = field(default_factory=list)  # [lint.vocabulary] accept
    vocabulary_reject: list[str] = field(default_factory=list)  # [lint.vocabulary] reject
    include: list[str] | None = None  # [lint] include: file patterns of a folder walk
    exclude: list[str] = field(default_factory=list)  # [lint] exclude: patterns to skip
    gitignore: bool = True  # [lint] gitignore: a walk honours .gitignore files
    hashtags: list[str] = field(default_factory=list)
    max_file_size_mb: float = 2.0
    regex_timeout: float = 0.5
    website: str = ""
    contacts: dict[str, str] = field(default_factory=dict)  # label -> value, in file order
    timezone: str = DEFAULT_TIMEZONE  # IANA name; WIB/WITA/WIT are derived from it
    templates: Path | None = None  # None: the bundled, locked templates
    roster: Path | None = None  # roster.yaml of officials; None: roster.yaml beside the config
    allowed_domains: list[str] = field(default_factory=list)  # besides *.go.id
    sla_hours: float = 24.0  # first response to a complaint (1x24 jam)
    db: Path | None = None  # history database; None: the per-user data folder
    headers: str | None = None  # the user's header-alias YAML (docs/exports.md §4)
    working_days: tuple[int, ...] = (0, 1, 2, 3, 4)  # weekdays of the office (Mon = 0): LAPOR!
    registry: Path | None = None  # accounts.yaml; None: accounts.yaml beside the config
    office: str = ""  # this office's id in the registry (history export)
    min_posts_week: int = 2  # roll-up: posts per account and week an office should reach

    found_above: bool = False  # found in a folder above the project root (named on stderr)

    def line_of(self, key: str) -> int | None:
        """Best-effort line of ``key`` in the config file (for error messages)."""
        if self.path is None:
            return None
        try:
            lines = _read(self.path).splitlines()
        except ConfigError:
            return None
        name = rf'"?{re.escape(key)}"?'
        # ``key = …`` or a table header naming it: ``[akun]``, ``[tool.medsos.akun]``.
        pattern = re.compile(rf'^\s*(?:{name}\s*=|\[\[?\s*(?:[\w".-]+\.)?{name}\s*\]\]?)')
        for line_no, line in enumerate(lines, 1):
            if pattern.match(line):
                return line_no
        return None


def find_config(start: Path | None = None) -> Path | None:
    """Find ``medsos.toml``, or a ``pyproject.toml`` with ``[tool.medsos]``, from ``start`` up."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return "[tool.medsos" in _read(path)
    except ConfigError:
        return False


PROJECT_MARKERS = (".git", ".hg", ".svn")
# Called with the path of a config found above the project root (the CLI names it on stderr).
on_found_above: Callable[[Path], None] | None = None


def above_project_root(path: Path, start: Path | None = None) -> bool:
    """Whether a config found upward lies above the project the command runs in: above the
    nearest folder with ``.git`` (or ``.hg``, ``.svn``), or, outside any repository, above
    the current folder. Such a file (a shared or planted ``medsos.toml``) is named on stderr."""
    here = (start or Path.cwd()).resolve()
    root = here
    for candidate in (here, *here.parents):
        if any((candidate / marker).exists() for marker in PROJECT_MARKERS):
            root = candidate
            break
    folder = path.resolve().parent
    return folder != root and folder in root.parents


def _read(path: Path) -> str:
    from medsos_cli.errors import InputError
    from medsos_cli.fileio import MAX_CONFIG_BYTES, read_text_limited

    try:
        return read_text_limited(path, MAX_CONFIG_BYTES, "sebuah berkas konfigurasi")
    except InputError as exc:
        raise ConfigError(exc.message, exc.path, exc.line) from None


def load_config(path: Path | None = None, *, search: bool = True) -> Config:
    """Load the configuration at ``path`` (or found upward); no file gives the defaults."""
    found = False
    if path is None and search:
        path = find_config()
        found = path is not None
    if path is None:
        return Config()
    if not path.exists():
        raise ConfigError("berkas konfigurasi tidak ditemukan", path)
    raw = _read(path)
    # imported here: most lint runs have no medsos.toml, and the parser costs ~4 ms to import
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = int(match.group(1)) if match else None
        if line is None and "(at end of document)" in str(exc):
            line = raw.rstrip("\r\n").count("\n") + 1  # the last line of the file
        detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        from medsos_cli.parse_messages import toml_message

        raise ConfigError(f"TOML tidak sah: {toml_message(detail)}", path, line) from None
    except RecursionError:  # a table or array nested a thousand levels deep
        raise ConfigError("TOML tidak sah: bersarang terlalu dalam", path) from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        from medsos_cli.parse_messages import value_message

        raise ConfigError(f"TOML tidak sah: {value_message(str(exc))}", path) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("medsos", {}) if isinstance(tool, dict) else {}
    config = Config(path=path, found_above=found and above_project_root(path))
    if config.found_above and on_found_above is not None:
        on_found_above(path)
    _check_plain(config, data, "", 0)
    _apply(config, data)
    return config


MAX_CONFIG_DEPTH = 4  # [lint.levels] is the deepest table medsos reads
MAX_NUMBER = 1e9  # above any sensible size, hours or seconds


def _check_plain(config: Config, data: Any, where: str, depth: int) -> None:
    """Refuse what no medsos key accepts, wherever it appears: nesting deeper than any key
    needs, ``inf``/``nan``, integers outside ±1e9 (5,000-digit numbers)."""
    if depth > MAX_CONFIG_DEPTH:
        raise _error(config, where.rsplit(".", 1)[-1], f"“{where}” bersarang terlalu dalam")
    items = (data.items() if isinstance(data, dict)
             else enumerate(data) if isinstance(data, list) else ())
    for key, value in items:
        name = f"{where}.{key}" if where and isinstance(key, str) else (where or str(key))
        line_key = key if isinstance(key, str) else where.rsplit(".", 1)[-1]
        if isinstance(value, float) and not math.isfinite(value):
            raise _error(config, line_key, f"“{name}” bernilai {value}: tulis angka biasa")
        if (isinstance(value, (int, float)) and not isinstance(value, bool)
                and abs(value) > MAX_NUMBER):
            from medsos_cli.forms import number

            raise _error(config, line_key, f"“{name}” terlalu besar (batas "
                         f"{number(MAX_NUMBER)})")
        if isinstance(value, (dict, list)):
            _check_plain(config, value, name, depth + 1)


def _table(config: Config, spec: fs.Spec, data: Any, label: str,
          line_of: Callable[[str], int | None] | None = None) -> dict[str, Any]:
    """The values of one table of the configuration, checked against ``spec``."""
    return spec.read(data, lambda message, line: ConfigError(message, config.path, line),
                     label=label, line_of=line_of or config.line_of)


def _apply(config: Config, data: dict[str, Any]) -> None:
    top = _table(config, TOP, data, "")
    lint_data = top["lint"] or {}
    account_data = top["account"] or {}
    lint = _table(config, LINT, lint_data, "lint.")
    account = _table(config, ACCOUNT, account_data, "account.")
    if "rulebooks" in lint_data:
        base = config.path.parent if config.path else Path.cwd()
        config.rulebooks = [b if b == "default" else str(_usable_path(config, "rulebooks",
                                                                      base / b))
                            for b in lint["rulebooks"]]
    if lint["platform"] is not None:
        config.platform = str(lint["platform"]).lower()
    if lint["fail_on"] is not None:
        config.fail_on = str(lint["fail_on"]).lower()
    config.disable = lint["disable"]
    levels = lint["levels"] or {}
    for rule_id, level in levels.items():
        if str(level).lower() not in LEVEL_NAMES:
            raise _error(config, rule_id, f"level “{level}” untuk {rule_id} tidak dikenal; pilih "
                         "error, warning, atau suggestion")
    config.levels = {k: str(v).lower() for k, v in levels.items()}
    for key in ("max_file_size_mb", "regex_timeout"):
        if lint[key] is not None:
            setattr(config, key, float(lint[key]))
    vocabulary = _table(config, VOCABULARY, lint["vocabulary"] or {}, "lint.vocabulary.")
    config.vocabulary_accept = vocabulary["accept"]
    config.vocabulary_reject = vocabulary["reject"]
    _apply_scope(config, lint_data, lint)
    exemptions = lint["exemptions"] if lint["exemptions"] is not None else []
    if not isinstance(exemptions, list):
        raise _error(config, "exemptions", "lint.exemptions harus berupa [[lint.exemptions]]")
    for item in exemptions:
        config.exemptions.append(_exemption(config, item))
    if account["name"] is not None:
        config.account_name = account["name"]
    tags = account["hashtags"]
    for tag in tags:
        if not re.fullmatch(r"#\w+", tag):
            raise _error(config, "hashtags", f"tagar “{tag}” tidak sah: tulis seperti #KotaContoh")
    config.hashtags = tags
    _apply_account(config, account)
    draft = _table(config, DRAFT, top["draft"] or {}, "draft.")
    base = config.path.parent if config.path else Path.cwd()
    for key in ("templates", "roster"):
        if draft[key] is not None:
            if not draft[key].strip():
                raise _error(config, key, f"draft.{key} harus berupa path folder/berkas")
            setattr(config, key, _usable_path(config, key, base / draft[key]))
    if config.roster is None and config.path is not None:
        beside = config.path.parent / "roster.yaml"
        if beside.is_file():
            config.roster = beside
    domains = draft["allowed_domains"]
    for domain in domains:
        if not re.fullmatch(r"(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+", domain.lower()):
            raise _error(config, "allowed_domains", f"domain “{domain}” tidak sah: tulis seperti "
                         "kotacontoh.go.id atau *.kotacontoh.go.id (tanpa https://)")
    config.allowed_domains = [d.lower() for d in domains]
    report = _table(config, REPORT, top["report"] or {}, "report.")
    if report["sla_hours"] is not None:
        config.sla_hours = float(report["sla_hours"])
    if report["db"] is not None:
        if not report["db"].strip():
            raise _error(config, "db", "report.db harus berupa path berkas")
        config.db = _usable_path(config, "db", base / report["db"])
    if report["headers"] is not None:
        if not report["headers"].strip():
            raise _error(config, "headers", "report.headers harus berupa path berkas YAML")
        config.headers = str((base / report["headers"]).resolve())
    if report["working_days"] is not None:
        config.working_days = _working_days(config, report["working_days"])
    _apply_province(config, top, base)


def _working_days(config: Config, value: Any) -> tuple[int, ...]:
    from medsos_cli.forms import weekdays

    index = {name.lower(): i for i, name in enumerate(weekdays())}  # senin → 0 … minggu → 6
    names = value if isinstance(value, list) else None
    days = [index.get(str(n).strip().lower().replace("'", "")) for n in names or []]
    if not names or None in days:
        example = ", ".join(f'"{name}"' for name in list(index)[:5])
        raise _error(config, "working_days", "report.working_days harus daftar hari kerja, "
                     f"mis. [{example}]")
    return tuple(sorted(set(days)))  # type: ignore[arg-type]


def _apply_province(config: Config, top: dict[str, Any], base: Path) -> None:
    accounts = _table(config, ACCOUNTS, top["accounts"] or {}, "accounts.")
    if accounts["registry"] is not None:
        if not accounts["registry"].strip():
            raise _error(config, "registry", "accounts.registry harus berupa path berkas YAML")
        config.registry = (base / accounts["registry"]).resolve()
    if accounts["office"] is not None:
        if not accounts["office"].strip():
            raise _error(config, "office", "accounts.office harus berupa id kantor di daftar akun")
        config.office = accounts["office"].strip()
    rollup = _table(config, ROLLUP, top["rollup"] or {}, "rollup.")
    if rollup["min_posts_week"] is not None:
        config.min_posts_week = rollup["min_posts_week"]


def _apply_scope(config: Config, lint_data: dict[str, Any], lint: dict[str, Any]) -> None:
    """``[lint] include``, ``exclude`` (gitignore-style patterns) and ``gitignore``."""
    for key in ("include", "exclude"):
        if key not in lint_data:
            continue
        patterns = lint[key]
        if key == "include" and not patterns:
            raise _error(config, key, "lint.include kosong: tidak ada berkas yang akan "
                         "diperiksa; hapus kuncinya untuk bawaan (*.txt, *.md)")
        try:
            import pathspec

            pathspec.GitIgnoreSpec.from_lines(patterns)
        except (ValueError, TypeError) as exc:
            raise _error(config, key, f"pola lint.{key} tidak sah: {exc}") from None
        setattr(config, key, patterns)
    if lint["gitignore"] is not None:
        config.gitignore = lint["gitignore"]


def _apply_account(config: Config, account: dict[str, Any]) -> None:
    if account["website"] is not None:
        website = account["website"]
        if not re.fullmatch(r"https?://\S+", website):
            raise _error(config, "website", "account.website harus alamat lengkap, mis. "
                         "https://kotacontoh.go.id")
        config.website = website
    contacts = account["contacts"] or {}
    if not all(isinstance(v, str) and v.strip() for v in contacts.values()):
        raise _error(config, "contacts", "account.contacts harus berupa tabel label = \"nilai\", "
                     "mis. whatsapp = \"0811-2000-3000\"")
    config.contacts = {str(k): v.strip() for k, v in contacts.items()}
    if account["timezone"] is not None:
        zone = account["timezone"]
        if not _valid_zone(zone):
            raise _error(config, "timezone", f"zona waktu “{zone}” tidak dikenal; pakai nama IANA "
                         "seperti Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)")
        config.timezone = zone


def _valid_zone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _exemption(config: Config, item: Any) -> Exemption:
    if not isinstance(item, dict):
        raise _error(config, "exemptions", "setiap [[lint.exemptions]] harus berupa tabel")
    # A key left out has no line of its own: the exemption's ``rule`` line stands for it.
    values = _table(config, EXEMPTION, item, "lint.exemptions.",
                   lambda key: config.line_of(key if key in item else "rule"))
    for key in ("text", "file"):
        if values[key] is not None and not values[key].strip():
            raise _error(config, key, f"[[lint.exemptions]]: “{key}” harus berupa teks yang "
                         "tidak kosong")
    if values["text"] is None and values["file"] is None:
        raise _error(config, "rule", "[[lint.exemptions]] wajib mengisi “text” atau “file” "
                     "(pengecualian tidak boleh berlaku untuk semua teks)")
    if values["rule"].strip() == "*" and values["text"] is None \
            and _matches_all(values["file"]):
        raise _error(config, "file", "[[lint.exemptions]] dengan rule = \"*\" dan file "
                     f"= \"{values['file']}\" membungkam semua aturan di semua berkas; "
                     "sebutkan aturan, teks, atau berkas tertentu")
    return Exemption(rule=values["rule"], reason=values["reason"],
                     approved_by=values["approved_by"], text=values["text"],
                     file=values["file"])


_PROBES = ("a.txt", "b.md", "posts/c.x.txt", "d/e/f.instagram.md")  # lint reads .txt, .md


def _usable_path(config: Config, key: str, path: Path) -> Path:
    """``path`` resolved, or a file:line error for a name the OS cannot take (a NUL byte, a
    name too long) instead of an OSError later."""
    try:
        resolved = path.resolve()
        resolved.exists()
    except (OSError, ValueError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise _error(config, key, f"path “{key}” tidak sah: {why}") from None
    return resolved


def _matches_all(pattern: str) -> bool:
    """Whether a ``file`` pattern matches every path (``*``, ``**/*``, ``*.*``, …): tried on
    a set of typical input names."""
    probe = Exemption(rule="*", reason="", approved_by="", file=pattern)
    return all(probe.applies("x", "", path) for path in _PROBES)


def _error(config: Config, key: str, message: str) -> ConfigError:
    return ConfigError(message, config.path, config.line_of(key))
