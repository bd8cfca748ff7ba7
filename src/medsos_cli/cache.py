"""A small per-user cache of rulebooks that already passed their self-tests.

Loading a rulebook parses its YAML and runs every rule's examples; that is the guarantee that a
rulebook whose examples misbehave refuses to load. Doing it again on every ``medsos lint`` of one
caption would cost more than the lint itself, so a rulebook whose files (and this medsos
installation) are byte-for-byte the same as in a verified run is read back from the cache. The
cache lives in the user's own cache folder and is only ever written by medsos itself.
Set ``MEDSOS_NO_CACHE=1`` to always verify; ``MEDSOS_CACHE_DIR`` moves the cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from medsos_cli import __version__


def cache_dir() -> Path | None:
    """The per-user cache folder (not created here), or None when caching is off."""
    if os.environ.get("MEDSOS_NO_CACHE"):
        return None
    override = os.environ.get("MEDSOS_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "medsos" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "medsos"
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "medsos"


@lru_cache(maxsize=1)
def installation_fingerprint() -> str:
    """Identifies this medsos installation: version plus size and time of its own files."""
    return package_fingerprint(os.path.dirname(os.path.abspath(__file__)))


def package_fingerprint(package: str) -> str:
    """Version plus size and time of every file under ``package`` (byte code and the
    ``_data`` copy of the rulebooks and templates apart, which are hashed where used).

    Every file counts, not only code: the bundled models (``understanding/*.json``) and
    lexicons (``*.yaml``, ``*.txt``) decide findings and comment classes too, and a model
    retrained in a checkout changes no ``.py`` file."""
    digest = hashlib.sha256(__version__.encode())
    entries = []
    for folder, dirs, files in os.walk(package):
        dirs[:] = [d for d in dirs if d not in ("_data", "__pycache__")]
        for name in files:
            if not name.endswith((".pyc", ".pyo")):
                stat = os.stat(os.path.join(folder, name))
                relative = os.path.relpath(os.path.join(folder, name), package)
                entries.append(f"{relative}:{stat.st_size}:{stat.st_mtime_ns}")
    digest.update("\n".join(sorted(entries)).encode())
    return digest.hexdigest()


def rulebook_files(folder: Path) -> tuple[list[str], list[str]]:
    """The YAML file names of a rulebook folder (sorted) and the SHA-256 of each."""
    from medsos_cli.fileio import MAX_YAML_BYTES, read_limited  # bounded: no FIFO, no device

    names = sorted(p.name for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))
    return names, [hashlib.sha256(read_limited(folder / n, MAX_YAML_BYTES, "berkas YAML"))
                   .hexdigest() for n in names]


def _entry(folder: Path) -> Path | None:
    base = cache_dir()
    if base is None:
        return None
    key = hashlib.sha256(f"{installation_fingerprint()}\0{folder}".encode()).hexdigest()[:40]
    return base / f"rulebook-{key}.pickle"


def load_cached_rulebook(folder: Path) -> Any | None:
    """A verified rulebook for ``folder`` if none of its files changed since, else None."""
    entry = _entry(folder)
    if entry is None or not entry.is_file():
        return None
    try:
        with entry.open("rb") as handle:
            deps, book = pickle.load(handle)
        for dep_folder, names, digests in deps:
            if rulebook_files(Path(dep_folder)) != (names, digests):
                return None
    except Exception:  # a stale or broken cache entry is simply ignored
        return None
    return book


def store_rulebook(folder: Path, book: Any, folders: list[Path]) -> None:
    """Remember a rulebook that passed its self-tests, with the files it was built from."""
    entry = _entry(folder)
    if entry is None:
        return
    try:
        deps = [(str(dep), *rulebook_files(dep)) for dep in folders]
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump((deps, book), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
    except Exception:  # caching is an optimisation; never fail a run because of it
        pass


def load_blob(name: str) -> bytes | None:
    """Bytes stored under ``name`` for this installation (e.g. a compiled scan database)."""
    base = cache_dir()
    if base is None:
        return None
    key = hashlib.sha256(f"{installation_fingerprint()}\0{name}".encode()).hexdigest()[:40]
    try:
        return (base / f"blob-{key}.bin").read_bytes()
    except OSError:
        return None


def store_blob(name: str, data: bytes) -> None:
    """Remember ``data`` under ``name`` (atomically; a failure is ignored)."""
    base = cache_dir()
    if base is None:
        return
    key = hashlib.sha256(f"{installation_fingerprint()}\0{name}".encode()).hexdigest()[:40]
    entry = base / f"blob-{key}.bin"
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, entry)
    except OSError:
        pass
