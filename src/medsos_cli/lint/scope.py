"""Which files a folder walk of ``medsos lint`` takes.

By default a walk skips hidden folders (``.git``, ``.venv``, ``.cache``, …), virtual
environments (``venv``, ``.venv``, any folder holding a ``pyvenv.cfg``), ``node_modules`` and
``__pycache__``, and every file or folder that a ``.gitignore`` ignores; it takes ``*.txt`` and
``*.md``. ``[lint] include`` replaces the file patterns, ``[lint] exclude`` adds patterns to
skip. Patterns are gitignore-style (``pathspec``), matched against the path relative to the
folder of ``medsos.toml`` (or the working folder), always with ``/`` — on Windows too.

``pathspec`` is imported only when a pattern or a ``.gitignore`` is actually there: importing
it costs ~50 ms, more than the rest of a one-caption lint's file handling.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

EXTENSIONS = (".txt", ".md")
SKIPPED_DIRS = frozenset({"node_modules", "venv", ".venv", "__pycache__"})
GITIGNORE = ".gitignore"
_HIDDEN_ATTRIBUTE = 0x2  # FILE_ATTRIBUTE_HIDDEN (Windows)


def relative_posix(path: str, folder: str, sep: str = os.sep) -> str | None:
    """``path`` relative to ``folder`` with ``/`` separators, or None when it is not inside.

    Both are plain strings in the platform's spelling (``sep``): a walk joins names with
    ``os.sep``, so this is a prefix cut, not a resolve per file."""
    if folder in ("", "."):
        rel = path[2:] if path.startswith("." + sep) else path
    else:
        prefix = folder if folder.endswith(sep) else folder + sep
        if not path.startswith(prefix):
            return None
        rel = path[len(prefix):]
    if rel.startswith(".." + sep) or rel == ".." or os.path.isabs(rel) or (
            sep == "\\" and len(rel) > 1 and rel[1] == ":"):
        return None
    return rel.replace(sep, "/") if sep != "/" else rel


def _spec(lines: Iterable[str]) -> Any:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([line.rstrip("\r") for line in lines])


class Scope:
    """The skip rules of one run: defaults, ``[lint] include/exclude``, ``.gitignore``."""

    def __init__(self, base: str = ".", include: list[str] | None = None,
                 exclude: list[str] | None = None, gitignore: bool = True,
                 sep: str = os.sep):
        self.base = base
        self.sep = sep
        self.include = _spec(include) if include else None
        self.exclude = _spec(exclude) if exclude else None
        self.gitignore = gitignore
        self._chains: dict[str, tuple[tuple[str, Any], ...]] = {}
        self._by_name: dict[str, tuple[tuple[str, Any], ...]] = {}  # as the walk spells it
        self._tops: set[str] = set()
        self._venvs: dict[str, bool] = {}

    # -- the questions a walk asks --------------------------------------------------------

    def skips_dir(self, entry: os.DirEntry) -> bool:
        """Whether a walk must not enter the folder ``entry``."""
        name = entry.name
        if name.startswith(".") or name in SKIPPED_DIRS:
            return True
        if os.name == "nt":  # the attribute comes with the directory entry: no extra call
            try:
                if getattr(entry.stat(), "st_file_attributes", 0) & _HIDDEN_ATTRIBUTE:
                    return True
            except OSError:
                pass
        if os.path.exists(os.path.join(entry.path, "pyvenv.cfg")):
            return True  # a virtual environment under any name
        return self._pattern_skips(entry.path, is_dir=True)

    def takes_file(self, name: str, path: str) -> bool:
        """Whether a walk lints the file ``path`` (named ``name``)."""
        if self.include is not None:
            rel = self._rel_to_base(path)
            if rel is None or not self.include.match_file(rel):
                return False
        elif os.path.splitext(name)[1].lower() not in EXTENSIONS:
            return False
        return not self._pattern_skips(path, is_dir=False)

    def skips_path(self, path: str, gitignore: bool = True) -> bool:
        """Whether a file found by a glob (or named with ``--force-exclude``) is skipped: a
        skipped folder on its way, an exclude pattern, or (with ``gitignore``) a
        ``.gitignore``."""
        parts = path.replace("\\", "/").split("/")[:-1]
        if any(p not in ("", ".", "..") and (p.startswith(".") or p in SKIPPED_DIRS)
               for p in parts):
            return True
        if self.sep == os.sep:
            folder = os.path.dirname(path)
            while folder and folder not in (".", os.path.dirname(folder)):
                if self._venv(folder):
                    return True
                folder = os.path.dirname(folder)
        return self._pattern_skips(path, is_dir=False, gitignore=gitignore)

    def _venv(self, folder: str) -> bool:
        known = self._venvs.get(folder)
        if known is None:
            known = self._venvs[folder] = os.path.exists(os.path.join(folder, "pyvenv.cfg"))
        return known

    def add_top(self, folder: str) -> None:
        """Mark the folder a walk starts from: ``.gitignore`` files above it count only up to
        the repository root (the nearest folder with ``.git``)."""
        self._tops.add(os.path.abspath(folder))

    # -- patterns -------------------------------------------------------------------------

    def _rel_to_base(self, path: str) -> str | None:
        rel = relative_posix(path, self.base, self.sep)
        if rel is None and self.sep == os.sep:
            rel = relative_posix(os.path.abspath(path), os.path.abspath(self.base), self.sep)
        return rel

    def _pattern_skips(self, path: str, is_dir: bool, gitignore: bool = True) -> bool:
        if self.exclude is not None:
            rel = self._rel_to_base(path)
            if rel is not None and self.exclude.match_file(rel + ("/" if is_dir else "")):
                return True
        if not (self.gitignore and gitignore):
            return False
        where = os.path.dirname(path)
        chain = self._by_name.get(where)
        if chain is None:
            chain = self._by_name[where] = self._chain(
                os.path.abspath(where) if self.sep == os.sep else where)
        return bool(chain) and ignored(chain, path, is_dir, self.sep)

    def _chain(self, folder: str) -> tuple[tuple[str, Any], ...]:
        """The ``.gitignore`` specs that apply in ``folder``, outermost first (memoised: one
        look per folder)."""
        chain = self._chains.get(folder)
        if chain is not None:
            return chain
        parent = os.path.dirname(folder)
        stop = (parent == folder or os.path.exists(os.path.join(folder, ".git"))
                or (folder in self._tops
                    and (not _inside_repository(folder) or self._ignored_top(folder))))
        chain = () if stop else self._chain(parent)
        own = os.path.join(folder, GITIGNORE)
        if os.path.isfile(own):
            try:
                with open(own, encoding="utf-8", errors="replace") as handle:
                    chain = (*chain, (folder, _spec(handle.read().splitlines())))
            except OSError:
                pass  # an unreadable .gitignore ignores nothing, as for git
        self._chains[folder] = chain
        return chain


    def _ignored_top(self, folder: str) -> bool:
        """Whether ``folder``, named on the command line, is ignored by a ``.gitignore`` above
        it. It is linted all the same, as a named file is (a walk that silently finds nothing
        would hide the captions): the ``.gitignore`` files above it then have no say below it;
        its own and deeper ones still do."""
        above = self._chain(os.path.dirname(folder))
        return bool(above) and ignored(above, folder, True, self.sep)


def ignored(chain: Iterable[tuple[str, Any]], path: str, is_dir: bool,
            sep: str = os.sep) -> bool:
    """Whether the ``.gitignore`` specs of ``chain`` (``(folder, spec)``, outermost first)
    ignore ``path``: as in git, a deeper file overrides a shallower one and a ``!`` pattern
    re-includes."""
    decision = None
    target = os.path.abspath(path) if sep == os.sep else path
    for folder, spec in chain:
        rel = relative_posix(target, folder, sep)
        if rel is None:
            continue
        result = spec.check_file(rel + ("/" if is_dir else ""))
        if result.include is not None:
            decision = result.include
    return bool(decision)


def _inside_repository(folder: str) -> bool:
    current = folder
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return True
        parent = os.path.dirname(current)
        if parent == current:
            return False
        current = parent
