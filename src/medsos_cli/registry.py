"""The account registry (``accounts.yaml``): which office each account belongs to.

::

    offices:
      - id: kominfo-kota-contoh        # a-z, 0-9 and '-': the folder name in the hand-over
        name: Diskominfo Kota Contoh
        kind: kabupaten-kota           # opd, kabupaten-kota or provinsi
    accounts:
      - platform: instagram
        handle: "@kotacontoh"          # handle and/or id (the export's account columns)
        id: "17841400000000001"
        name: Diskominfo Kota Contoh   # display name (Facebook exports give the Page name)
        office: kominfo-kota-contoh
        tags: [kecamatan]              # optional

An export row is matched to an account by its account column (Page name, username, the
handle in an X link), compared without case and without a leading ``@`` against the handle,
the id and the name of the accounts on the same platform.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from medsos_cli.errors import ConfigError, MedsosError
from medsos_cli.platforms import PLATFORMS

REGISTRY_NAME = "accounts.yaml"
OFFICE_KINDS = ("opd", "kabupaten-kota", "provinsi")
OFFICE_ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
_OFFICE_KEYS = {"id", "name", "kind"}
_ACCOUNT_KEYS = {"platform", "handle", "id", "name", "office", "tags"}


@dataclass(frozen=True)
class Office:
    """An office (OPD, kabupaten/kota or the province's own Diskominfo)."""

    id: str
    name: str
    kind: str


@dataclass(frozen=True)
class Account:
    """One registered account."""

    platform: str
    office: str
    handle: str = ""
    id: str = ""
    name: str = ""
    tags: tuple[str, ...] = ()
    line: int = 0

    @property
    def label(self) -> str:
        """How the account is shown: handle, else name, else id."""
        return self.handle or self.name or self.id

    def keys(self) -> list[str]:
        """Normalised values an export may carry for this account."""
        return [k for k in (normal(self.handle), normal(self.id), normal(self.name)) if k]


def normal(value: str | None) -> str:
    """Compare form of an account value: trimmed, case-folded, without a leading ``@``."""
    return (value or "").strip().lstrip("@").strip().casefold()


@dataclass
class Registry:
    """Offices and accounts of a registry file."""

    path: Path | None
    offices: dict[str, Office] = field(default_factory=dict)
    accounts: list[Account] = field(default_factory=list)
    _index: dict[tuple[str, str], Account] = field(default_factory=dict, repr=False)

    def match(self, platform: str, account: str) -> Account | None:
        """The registered account of ``platform`` whose handle, id or name is ``account``."""
        return self._index.get((platform, normal(account)))

    def office_of(self, platform: str, account: str) -> Office | None:
        """The office of an export's account, or None when it is not registered."""
        found = self.match(platform, account)
        return self.offices[found.office] if found is not None else None

    def accounts_of(self, office: str) -> list[Account]:
        """Registered accounts of ``office``, in file order."""
        return [a for a in self.accounts if a.office == office]


def registry_path(config: Any) -> Path | None:
    """``[accounts] registry`` of the configuration, else ``accounts.yaml`` beside it."""
    explicit = getattr(config, "registry", None)
    if explicit is not None:
        return Path(explicit)
    if getattr(config, "path", None) is not None:
        beside = Path(config.path).parent / REGISTRY_NAME
        if beside.is_file():
            return beside
    return None


def load_registry(path: Path) -> Registry:
    """Read and check a registry file; any mistake is a ConfigError naming file and line."""
    from medsos_cli.yamlio import load_yaml_file

    try:
        data = load_yaml_file(path)
    except MedsosError as exc:
        raise ConfigError(exc.message, path, exc.line) from None
    if not isinstance(data, dict):
        raise ConfigError("daftar akun harus berupa peta dengan kunci offices dan accounts", path)
    unknown = set(data) - {"offices", "accounts"}
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(f"kunci “{key}” tidak dikenal; yang sah: offices, accounts", path,
                          _key_line(data, key))
    registry = Registry(path=path)
    for item, line in _items(data, "offices", path):
        office = _office(item, line, path)
        if office.id in registry.offices:
            raise ConfigError(f"kantor “{office.id}” ditulis dua kali", path, line)
        registry.offices[office.id] = office
    for item, line in _items(data, "accounts", path):
        account = _account(item, line, path, registry)
        for key in account.keys():
            other = registry._index.get((account.platform, key))
            if other is not None and other is not account:
                raise ConfigError(f"akun {account.platform} “{key}” sudah terdaftar di baris "
                                  f"{other.line} (kantor {other.office})", path, line)
            registry._index[(account.platform, key)] = account
        registry.accounts.append(account)
    return registry


def _key_line(data: Any, key: str) -> int | None:
    return getattr(data, "key_lines", {}).get(key)


def _items(data: dict, key: str, path: Path) -> list[tuple[dict, int | None]]:
    items = data.get(key) or []
    if not isinstance(items, list):
        raise ConfigError(f"“{key}” harus berupa daftar", path, _key_line(data, key))
    lines = getattr(items, "item_lines", [None] * len(items))
    out = []
    for item, line in zip(items, lines, strict=False):
        if not isinstance(item, dict):
            raise ConfigError(f"setiap isi “{key}” harus berupa peta", path, line)
        out.append((item, getattr(item, "line", line)))
    return out


def _text(item: dict, key: str, line: int | None, path: Path, *, required: bool) -> str:
    value = item.get(key)
    if value is None:
        if required:
            raise ConfigError(f"“{key}” wajib diisi", path, line)
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ConfigError(f"“{key}” harus berupa teks", path, _key_line(item, key) or line)
    return str(value).strip()


def _office(item: dict, line: int | None, path: Path) -> Office:
    unknown = set(item) - _OFFICE_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(f"kunci “{key}” tidak dikenal di offices; yang sah: "
                          f"{', '.join(sorted(_OFFICE_KEYS))}", path, _key_line(item, key))
    office_id = _text(item, "id", line, path, required=True)
    if not OFFICE_ID.fullmatch(office_id):
        raise ConfigError(f"id kantor “{office_id}” tidak sah: pakai huruf kecil, angka dan "
                          "tanda hubung, mis. kominfo-kota-contoh (menjadi nama folder)", path,
                          line)
    name = _text(item, "name", line, path, required=True)
    kind = _text(item, "kind", line, path, required=False) or "opd"
    if kind not in OFFICE_KINDS:
        from medsos_cli.forms import joined

        raise ConfigError(f"jenis kantor “{kind}” tidak dikenal; pilih "
                          f"{joined(OFFICE_KINDS, 'atau')}", path,
                          _key_line(item, "kind") or line)
    return Office(office_id, name, kind)


def _account(item: dict, line: int | None, path: Path, registry: Registry) -> Account:
    unknown = set(item) - _ACCOUNT_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(f"kunci “{key}” tidak dikenal di accounts; yang sah: "
                          f"{', '.join(sorted(_ACCOUNT_KEYS))}", path, _key_line(item, key))
    platform = _text(item, "platform", line, path, required=True).lower()
    if platform not in PLATFORMS:
        from medsos_cli.forms import joined

        raise ConfigError(f"platform “{platform}” tidak dikenal; pilih "
                          f"{joined(PLATFORMS, 'atau')}", path, line)
    handle = _text(item, "handle", line, path, required=False)
    account_id = _text(item, "id", line, path, required=False)
    if not handle and not account_id:
        raise ConfigError("akun wajib mengisi “handle” atau “id” (kolom akun di ekspor)", path,
                          line)
    office = _text(item, "office", line, path, required=True)
    if office not in registry.offices:
        raise ConfigError(f"kantor “{office}” tidak ada di offices", path,
                          _key_line(item, "office") or line)
    tags = item.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ConfigError("“tags” harus berupa daftar teks", path, _key_line(item, "tags") or line)
    return Account(platform=platform, office=office, handle=handle, id=account_id,
                   name=_text(item, "name", line, path, required=False),
                   tags=tuple(t.strip() for t in tags), line=line or 0)


def unknown_accounts(registry: Registry, found: dict[tuple[str, str], int],
                     ) -> list[tuple[str, str, int]]:
    """(platform, account, rows) of export accounts the registry does not know, sorted."""
    return sorted((platform, account, rows) for (platform, account), rows in found.items()
                  if account and registry.match(platform, account) is None)


def export_accounts(results: Any) -> dict[tuple[str, str], int]:
    """(platform, account) -> posts, over imported exports (``ImportResult`` list)."""
    counts: dict[tuple[str, str], int] = {}
    for result in results:
        for post in result.posts:
            key = (post.platform, post.account)
            counts[key] = counts.get(key, 0) + 1
        for value in result.daily:
            key = (value.platform, value.account)
            counts.setdefault(key, 0)
    return counts


class _Source(Protocol):
    """A weekly report's source entry (``weekly.model.Source``): a file and its warnings."""

    path: str
    warnings: list[str]


def warn_unknown(sources: Sequence[_Source], results: Any, config: Any) -> None:
    """Add to the report's sources a warning for each export account not in the registry
    (nothing when there is no registry)."""
    path = registry_path(config)
    if path is None:
        return
    registry = load_registry(path)
    by_file: dict[str, dict[tuple[str, str], int]] = {}
    for result in results:
        by_file[result.path] = export_accounts([result])
    for source in sources:
        for platform, account, rows in unknown_accounts(registry, by_file.get(source.path, {})):
            source.warnings.append(
                f"akun {platform} “{account}” ({rows} unggahan) tidak ada di daftar akun "
                f"{path.name}; tambahkan agar masuk rekap kantornya")
