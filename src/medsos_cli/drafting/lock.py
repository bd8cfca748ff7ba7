"""``templates.lock``: the SHA-256 of every approved template file, who approved it and when.

Digests are taken after CRLF → LF and without a UTF-8 BOM, so a Windows checkout
(``core.autocrlf``) of an approved folder still matches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from medsos_cli.drafting.catalog import Catalog, locked_files
from medsos_cli.drafting.schema import SCHEMA_FILE
from medsos_cli.errors import InputError, RulebookError
from medsos_cli.ydata import YDict

LOCK_FILE = "templates.lock"
LOCK_VERSION = 1
HEADER = "# Dibuat oleh medsos templates lock. Jangan disunting dengan tangan.\n"
ENTRY_KEYS = frozenset({"version", "approved_by", "approved_at", "files"})
_HEX = re.compile(r"[0-9a-f]{64}")
STATUS_TEXT = {
    "changed": "isinya berubah sejak disetujui",
    "missing": "tercatat di kunci tetapi tidak ada",
    "new": "belum tercatat di kunci",
}


@dataclass
class LockEntry:
    """What the lock says about one content type."""

    version: int
    approved_by: str
    approved_at: str
    files: dict[str, str] = field(default_factory=dict)

    @property
    def digest(self) -> str:
        """One SHA-256 over the sorted file digests (the template's identity in JSON)."""
        return combined_digest(self.files)


@dataclass(frozen=True)
class Problem:
    """A difference between the folder and the lock: ``changed``, ``missing`` or ``new``."""

    template: str
    file: str
    status: str

    @property
    def message(self) -> str:
        """An Indonesian line: ``kegiatan-pimpinan/x.j2: isinya berubah sejak disetujui``."""
        return f"{self.template}/{self.file}: {STATUS_TEXT[self.status]}"


def package_folder_reason(root: Path) -> str | None:
    """Why ``root`` belongs to the installed medsos rather than to an institution: inside
    site-packages (or the package itself), or the bundled templates folder. None otherwise.

    An upgrade or reinstall replaces those files, so a lock written there is lost or, worse,
    approves templates nobody at the institution reviewed."""
    import site
    import sysconfig

    import medsos_cli
    from medsos_cli.drafting.catalog import bundled_templates_path

    target = root.resolve()
    installed = {Path(medsos_cli.__file__).resolve().parent}
    for key in ("purelib", "platlib"):
        installed.add(Path(sysconfig.get_paths()[key]).resolve())
    for folder in [*getattr(site, "getsitepackages", list)(), site.getusersitepackages()]:
        installed.add(Path(folder).resolve())
    for folder in installed:
        if target == folder or folder in target.parents:
            return f"di dalam paket medsos yang terpasang ({folder})"
    bundled = bundled_templates_path().resolve()
    if target == bundled or bundled in target.parents:
        return "folder templat bawaan medsos"
    return None


def file_digest(path: Path) -> str:
    """SHA-256 (hex) of a file with CRLF as LF and a leading BOM removed."""
    from medsos_cli.fileio import MAX_YAML_BYTES, read_limited

    data = read_limited(path, MAX_YAML_BYTES, "berkas templat")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


def folder_digests(folder: Path) -> dict[str, str]:
    """Digests of the locked files of a content-type folder, by file name."""
    return {p.name: file_digest(p) for p in locked_files(folder)}


def combined_digest(files: dict[str, str]) -> str:
    """SHA-256 over ``name digest`` lines in name order."""
    text = "".join(f"{name} {files[name]}\n" for name in sorted(files))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_lock(root: Path) -> dict[str, LockEntry] | None:
    """The entries of ``root/templates.lock`` by template name; None when there is no lock."""
    from medsos_cli.yamlio import load_yaml_file

    path = root / LOCK_FILE
    if not path.is_file():
        return None
    try:
        data = load_yaml_file(path)
    except RulebookError as exc:
        raise InputError(exc.message, exc.path, exc.line) from None
    if not isinstance(data, YDict) or data.get("version") != LOCK_VERSION:
        raise InputError(f"{LOCK_FILE} tidak sah: harus berupa pemetaan dengan version: "
                         f"{LOCK_VERSION} dan templates", path, 1)
    templates = data.get("templates") or YDict()
    if not isinstance(templates, YDict):
        raise InputError("templates harus berupa pemetaan nama → isi", path,
                         data.line_of("templates"))
    entries: dict[str, LockEntry] = {}
    for name, item in templates.items():
        line = templates.line_of(name)
        if not isinstance(item, YDict) or set(item) - ENTRY_KEYS:
            raise InputError(f"entri {name} tidak sah: kunci yang sah "
                             f"{', '.join(sorted(ENTRY_KEYS))}", path, line)
        files = item.get("files")
        if (not isinstance(files, YDict) or not all(
                isinstance(v, str) and _HEX.fullmatch(v) for v in files.values())):
            raise InputError(f"entri {name}: files harus berupa nama berkas → SHA-256 (64 "
                             "heksadesimal)", path, item.line_of("files"))
        version = item.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise InputError(f"entri {name}: version harus bilangan bulat", path,
                             item.line_of("version"))
        entries[name] = LockEntry(version=version, approved_by=str(item.get("approved_by", "")),
                                  approved_at=str(item.get("approved_at", "")),
                                  files=dict(files))
    return entries


def verify(root: Path, names: list[str] | None = None) -> list[Problem]:
    """Compare the folder with its lock; an empty list means every template is approved."""
    catalog = Catalog(root)
    present = catalog.names()
    entries = read_lock(root) or {}
    targets = names if names is not None else sorted(set(present) | set(entries))
    problems: list[Problem] = []
    for name in targets:
        on_disk = folder_digests(root / name) if name in present else {}
        locked = entries.get(name)
        recorded = locked.files if locked is not None else {}
        for file_name in sorted(set(on_disk) | set(recorded)):
            if file_name not in recorded:
                problems.append(Problem(name, file_name, "new"))
            elif file_name not in on_disk:
                problems.append(Problem(name, file_name, "missing"))
            elif on_disk[file_name] != recorded[file_name]:
                problems.append(Problem(name, file_name, "changed"))
    return problems


def require_approved(root: Path, name: str) -> LockEntry:
    """The lock entry of ``name``; a template that differs from its lock is an error."""
    entries = read_lock(root)
    how = (f"bila perubahan sudah ditinjau, setujui dengan: medsos templates lock "
           f"--approved-by NAMA {name}")
    if entries is None:
        raise InputError(f"templat {name} belum disetujui: {LOCK_FILE} tidak ada di folder "
                         f"templat; {how}", root)
    problems = verify(root, [name])
    if problems:
        detail = "; ".join(p.message for p in problems[:5])
        more = f" (dan {len(problems) - 5} lagi)" if len(problems) > 5 else ""
        raise InputError(f"templat {name} berbeda dari kunci yang disetujui ({detail}{more}); "
                         f"{how}", root / LOCK_FILE)
    return entries[name]


def approval_time(timezone: str, now: dt.datetime | None = None) -> str:
    """``2026-11-28T10:15:00+07:00`` in the account's zone."""
    from zoneinfo import ZoneInfo

    moment = now or dt.datetime.now(dt.timezone.utc)
    return moment.astimezone(ZoneInfo(timezone)).replace(microsecond=0).isoformat()


def lock(root: Path, approved_by: str, names: list[str] | None = None, *,
         timezone: str = "Asia/Jakarta", now: dt.datetime | None = None) -> dict[str, LockEntry]:
    """Approve templates: record their digests with ``approved_by`` and the time, and rewrite
    the lock atomically. Without ``names`` every template is approved and templates that no
    longer exist are dropped; with ``names`` the other entries are kept as they were."""
    import yaml

    from medsos_cli.fileio import atomic_write_text

    approved_by = " ".join(approved_by.split())
    if not approved_by:
        raise InputError("--approved-by wajib diisi dengan nama atau jabatan penyetuju")
    catalog = Catalog(root)
    targets = list(dict.fromkeys(names)) if names else catalog.names()
    entries = dict(read_lock(root) or {}) if names else {}
    stamp = approval_time(timezone, now)
    for name in targets:
        content = catalog.get(name)  # refuses a template whose schema and files disagree
        entries[name] = LockEntry(content.schema.version, approved_by, stamp,
                                  folder_digests(content.folder))
    data = {"version": LOCK_VERSION, "templates": {
        name: {"version": e.version, "approved_by": e.approved_by,
               "approved_at": e.approved_at,
               "files": dict(sorted(e.files.items(),
                                    key=lambda kv: (kv[0] != SCHEMA_FILE, kv[0])))}
        for name, e in sorted(entries.items())}}
    text = HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True,
                                   default_flow_style=False, width=100)
    atomic_write_text(root / LOCK_FILE, text)
    return entries
