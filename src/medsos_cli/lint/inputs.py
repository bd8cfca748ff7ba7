"""Collect and read the inputs of ``medsos lint``: files, folders, globs, standard input."""

from __future__ import annotations

import glob as globmod
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from medsos_cli import fieldspec as fs
from medsos_cli.errors import InputError
from medsos_cli.fileio import display_path, read_limited
from medsos_cli.lint.scope import EXTENSIONS, Scope
from medsos_cli.platforms import PLATFORMS, TEXT_KINDS

__all__ = ["EXTENSIONS", "STDIN", "Scope", "Source", "decode", "expand", "read_source"]
MAX_BYTES = 2 * 1024 * 1024  # a caption is at most ~250 KB even on Facebook; see README
STDIN = "-"


@dataclass
class Source:
    """A decoded input: its text, where its body starts, and what its front matter said."""

    path: str
    text: str
    start: int = 0
    platform: str | None = None
    kind: str | None = None
    bom: bool = False
    crlf: bool = False


def expand(args: list[str], scope: Scope | None = None, *,
           force_exclude: bool = False) -> Iterator[str | InputError]:
    """Yield input paths in a stable order; folders recurse into ``*.txt`` and ``*.md``.

    Folders and glob matches go through ``scope`` (default: the default skips only); a file
    named on the command line is linted even if the scope would skip it, unless
    ``force_exclude`` (for pre-commit, which names every staged file)."""
    scope = scope or Scope()
    scope.add_top(os.curdir)  # globs and named files: .gitignore files above count only in a repo
    seen: set[str] = set()
    for arg in args:
        if arg == STDIN:
            yield STDIN
            continue
        path = Path(arg)
        try:
            path.exists()
        except (OSError, ValueError) as exc:  # a name too long, a NUL byte
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            yield InputError(f"nama berkas tidak sah: {why}", display_path(arg))
            continue
        if path.is_dir():
            scope.add_top(arg)
            for key in _walk(arg, scope):
                if isinstance(key, InputError):
                    yield key
                elif key not in seen:
                    seen.add(key)
                    yield key
            continue
        if path.exists() or not globmod.has_magic(arg):
            # A named file is one git tracks (pre-commit names staged files): .gitignore has
            # no say, and not reading it spares the hook the import of pathspec.
            if force_exclude and path.exists() and scope.skips_path(arg, gitignore=False):
                continue
            if arg not in seen:
                seen.add(arg)
                yield arg if path.exists() else InputError("berkas tidak ditemukan",
                                                           display_path(arg))
            continue
        matches = sorted(globmod.glob(arg, recursive=True))
        files = [m for m in matches if Path(m).is_file() and not scope.skips_path(m)]
        if not files:
            yield InputError("pola glob tidak cocok dengan berkas apa pun", arg)
        for m in files:
            if m not in seen:
                seen.add(m)
                yield m


def _walk(folder: str, scope: Scope) -> Iterator[str | InputError]:
    """``*.txt`` and ``*.md`` files below ``folder``, in a stable order (os.scandir: one
    directory read per folder, no extra stat per file).

    Symbolic links are followed only while they stay inside ``folder``; each folder and each
    file is taken once (by device and inode), so ``ln -s . self``, a link loop or a link to a
    file already listed cannot repeat files or hang. A subfolder that cannot be read is
    reported, not skipped silently."""
    found: list[tuple[str, str | InputError, tuple[int, int] | None]] = []
    root = os.path.realpath(folder)
    seen_dirs: set[tuple[int, int]] = set()
    stack: list[tuple[str, int]] = []
    try:
        info = os.stat(folder)
        seen_dirs.add((info.st_dev, info.st_ino))
        stack.append((folder, info.st_dev))
    except OSError:
        stack.append((folder, 0))
    while stack:
        current, device = stack.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    _walk_entry(entry, device, root, stack, found, seen_dirs, scope)
        except OSError as exc:
            reason = ("tidak ada izin untuk membaca folder" if isinstance(exc, PermissionError)
                      else f"folder tidak dapat dibaca: {exc.strerror or exc}")
            found.append((Path(current).as_posix(), InputError(reason, display_path(current)),
                          None))
    found.sort(key=lambda item: item[0])
    seen_files: set[tuple[int, int]] = set()
    for _, item, key in found:
        if key is not None:
            if key in seen_files:
                continue
            seen_files.add(key)
        yield item


def _walk_entry(entry: os.DirEntry, device: int, root: str, stack: list[tuple[str, int]],
                found: list[tuple[str, str | InputError, tuple[int, int] | None]],
                seen_dirs: set[tuple[int, int]], scope: Scope) -> None:
    is_link = entry.is_symlink()
    if is_link:
        real = os.path.realpath(entry.path)
        if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
            return  # a link out of the folder named on the command line is not followed
    if entry.is_dir(follow_symlinks=True):
        if scope.skips_dir(entry):
            return
        try:
            info = entry.stat(follow_symlinks=True)
        except OSError:
            return
        key = (info.st_dev, info.st_ino)
        if key not in seen_dirs:
            seen_dirs.add(key)
            stack.append((entry.path, info.st_dev))
    elif not scope.takes_file(entry.name, entry.path):
        return
    elif not entry.is_file(follow_symlinks=True):
        # A FIFO or device named like a caption would block or never end: say so, by name.
        why = ("tautan rusak: targetnya tidak ada" if is_link and not os.path.exists(entry.path)
               else "bukan berkas biasa (FIFO, perangkat, atau soket); dilewati")
        found.append((Path(entry.path).as_posix(), InputError(why, display_path(entry.path)),
                      None))
    else:
        try:
            if is_link:
                info = entry.stat(follow_symlinks=True)
                file_key = (info.st_dev, info.st_ino)
            else:  # the inode comes with the directory entry: no stat per file
                file_key = (device, entry.inode())
        except OSError:
            return
        path = Path(entry.path)
        found.append((path.as_posix(), str(path), file_key if file_key[1] else None))


def read_source(path: str, max_bytes: int = MAX_BYTES, stdin_name: str | None = None) -> Source:
    """Read and decode one input (``-`` is standard input, shown as ``stdin_name`` when given:
    its platform and kind then come from that name as for a file); raise ``InputError`` if
    unusable."""
    if path == STDIN:
        shown = display_path(stdin_name) if stdin_name else "<stdin>"
    else:
        shown = display_path(path)
    data = read_limited(path, max_bytes, "sebuah takarir")
    return decode(data, shown, max_bytes)


def decode(data: bytes, path: str, max_bytes: int = MAX_BYTES) -> Source:
    """Decode bytes as UTF-8 (BOM allowed), refusing binary data and invalid bytes."""
    if len(data) > max_bytes:
        raise InputError(f"masukan terlalu besar untuk sebuah takarir "
                         f"({len(data) / 1_048_576:.1f} MB)", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("berkas berenkode UTF-16; simpan ulang sebagai UTF-8", path, 1)
    if b"\x00" in data[:8192]:
        raise InputError("berkas biner (berisi byte NUL), bukan teks", path)
    bom = data.startswith(b"\xef\xbb\xbf")
    raw = data[3:] if bom else data
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = len(raw[raw.rfind(b"\n", 0, exc.start) + 1:exc.start].decode("utf-8", "replace")) + 1
        raise InputError(f"kolom {col}: bukan UTF-8 yang sah (byte 0x{raw[exc.start]:02x}); "
                         "simpan ulang berkas sebagai UTF-8", path, line) from None
    source = Source(path=path, text=text, bom=bom, crlf="\r\n" in text)
    _front_matter(source)
    if path != "<stdin>":
        _context_from_name(source)
    return source


# Saved drafts are named ``NAME.<platform>.txt`` (or ``.md``); a YouTube title is
# ``NAME.youtube-title.txt``.
_NAMED_KINDS = {"youtube-title": ("youtube", "title")}


def _context_from_name(source: Source) -> None:
    """Take the platform (and, for a title, the kind) from a name like ``hut.x.txt`` when the
    front matter does not say it."""
    name = os.path.basename(source.path)
    stem, ext = os.path.splitext(name)
    if ext.lower() not in EXTENSIONS:
        return
    base, dot, label = stem.rpartition(".")
    if not dot or not base:
        return
    label = label.lower()
    if label in PLATFORMS:
        source.platform = source.platform or label
    elif label in _NAMED_KINDS:
        platform, kind = _NAMED_KINDS[label]
        if source.platform in (None, platform):
            source.platform = platform
            source.kind = source.kind or kind


def _front_matter(source: Source) -> None:
    """Read an optional ``---`` YAML block at the top; it sets the context, never linted."""
    text = source.text
    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        return
    first_nl = text.index("\n") + 1
    pos = first_nl
    while pos < len(text):
        nl = text.find("\n", pos)
        line = text[pos:nl if nl != -1 else len(text)].rstrip("\r")
        if line.strip() in ("---", "..."):
            end = nl + 1 if nl != -1 else len(text)
            _parse_front_matter(source, text[first_nl:pos], end)
            return
        if nl == -1:
            break
        pos = nl + 1
    raise InputError("front matter dibuka dengan “---” tetapi tidak ditutup", source.path, 1)


# What medsos reads from a caption's front matter (other keys belong to other tools).
FRONT_MATTER = fs.Spec(
    fs.choice("platform", PLATFORMS, fold=True),
    fs.choice("kind", TEXT_KINDS, fold=True),
    ignore_unknown=True,
)


def _parse_front_matter(source: Source, block: str, end: int) -> None:
    from medsos_cli.ydata import YDict, simple_mapping

    # ``platform: x`` lines need no YAML parser (nor its import, on the lint start-up path)
    data = simple_mapping(block)
    if data is None:
        from medsos_cli.errors import RulebookError
        from medsos_cli.yamlio import load_yaml_text

        try:
            data = load_yaml_text(block, source.path, first_line=2)
        except RulebookError as exc:
            raise InputError(f"front matter: {exc.message}", source.path, exc.line) from None
    if data is None:
        data = YDict()
    if not isinstance(data, dict):
        raise InputError("front matter harus berupa pemetaan (kunci: nilai)", source.path, 2)
    line_of = data.line_of if isinstance(data, YDict) else (lambda key: 2)
    values = FRONT_MATTER.read(
        data, lambda message, line: InputError(f"front matter: {message}", source.path, line),
        line_of=lambda key: line_of(key) + 1)
    if values["platform"] is not None:
        source.platform = str(values["platform"]).lower()
    if values["kind"] is not None:
        source.kind = str(values["kind"]).lower()
    source.start = end
