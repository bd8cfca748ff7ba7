"""Bounded reading and safe writing of every file medsos touches.

Reading: one reader (:func:`read_limited`) with a size limit that refuses anything that is not
a regular file (a FIFO would block forever, ``/dev/zero`` never ends) and reads standard input
only up to the same limit. Writing (:func:`atomic_write_text`): never replaces a device, a
folder or a FIFO; writes through a symbolic link to its target; keeps hard links and the
file's mode; every failure is one Indonesian line naming the path, with no temp file left.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from medsos_cli.errors import InputError

MB = 1_048_576
# Limits of the files medsos reads (README "Batas dan keamanan"); a caption's limit comes from
# lint.max_file_size_mb.
MAX_CONFIG_BYTES = 1 * MB  # medsos.toml, pyproject.toml
MAX_YAML_BYTES = 5 * MB  # one rulebook file, schema.yaml, roster.yaml, a draft data file
MAX_TEMPLATE_BYTES = 1 * MB  # one .j2 template


def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` as text that can always be printed and stored in JSON: bytes of a file name
    that are not valid UTF-8 (kept by Python as surrogate escapes) are shown as ``\\xNN``."""
    text = os.fspath(path)
    if text.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    shown = "".join(f"\\x{ord(ch) - 0xdc00:02x}" if "\udc80" <= ch <= "\udcff" else ch
                    for ch in text)
    _ORIGINALS[shown] = text
    return shown


_ORIGINALS: dict[str, str] = {}


def original_path(shown: str) -> str:
    """The real file name behind a name :func:`display_path` escaped (for writing back)."""
    return _ORIGINALS.get(shown, shown)


def _write_error(exc: OSError, path: str | Path) -> InputError:
    reasons = {
        errno.ENOSPC: "ruang disk penuh",
        getattr(errno, "EDQUOT", -1): "kuota disk habis",
        errno.EACCES: "tidak ada izin menulis",
        errno.EPERM: "tidak ada izin menulis",
        errno.EROFS: "sistem berkas hanya-baca",
        errno.ENOENT: "folder tujuan tidak ada",
        errno.ENOTDIR: "folder tujuan tidak ada",
        errno.EISDIR: "tujuan adalah folder",
    }
    reason = reasons.get(exc.errno or 0, exc.strerror or str(exc))
    return InputError(f"gagal menulis berkas: {reason}; berkas tujuan tidak diubah",
                      display_path(path))


def refuse_existing(path: str | Path, force: bool) -> None:
    """Refuse, before any work, to overwrite the output ``path`` unless ``force`` (the one
    message of every command that writes a report)."""
    if not force and os.path.exists(path):
        raise InputError("berkas keluaran sudah ada; pakai --force untuk menimpanya",
                         display_path(path))


def write_target(path: str | Path) -> Path:
    """Where a write to ``path`` must land: a symbolic link is followed to its target; a
    target that exists and is not a regular file (device, FIFO, folder, socket) is refused."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise _write_error(exc, path) from None
    if not stat.S_ISREG(info.st_mode):
        what = "folder" if stat.S_ISDIR(info.st_mode) else "bukan berkas biasa (perangkat, FIFO, " \
            "atau soket)"
        raise InputError(f"tujuan {what}; medsos hanya menimpa berkas biasa", display_path(path))
    return target


def atomic_write_text(path: str | Path, text: str, *, bom: bool = False) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically (temp file in the same folder + rename).

    Line endings are written exactly as they are in ``text`` (no translation). A symbolic
    link is written through (its target changes, the link stays); a file with several hard
    links is rewritten in place after the new content was written and checked in a temp file,
    so that every link sees it. Errors (read-only folder, full disk, no permission) raise
    ``InputError`` naming ``path``; the temp file is removed and the original is untouched.
    """
    atomic_write_bytes(path, (b"\xef\xbb\xbf" if bom else b"")
                       + text.encode("utf-8", "surrogateescape"))


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` (text already encoded) to ``path`` as :func:`atomic_write_text` does."""
    import tempfile  # only when writing: lint's start-up reads through this module too

    target = write_target(path)
    try:
        existing = os.stat(target)
    except OSError:
        existing = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _write_error(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_all(handle, data)
        if existing is not None and existing.st_nlink > 1:
            _rewrite_in_place(target, tmp, data)
            os.unlink(tmp)
            return
        try:
            # mkstemp makes the file private (0600); a report or draft should get the mode any
            # new file would get (the umask), and a replaced file keeps its own mode.
            mode = (existing.st_mode & 0o7777 if existing is not None
                    else 0o666 & ~_umask())
            os.chmod(tmp, mode)
        except OSError:
            pass
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise _write_error(exc, path) from None


def _write_all(handle: BinaryIO, data: bytes) -> None:
    handle.write(data)
    handle.flush()
    os.fsync(handle.fileno())


def _rewrite_in_place(target: Path, tmp: str, data: bytes) -> None:
    """Overwrite a hard-linked file in place (a rename would split the links), once the temp
    copy proved that the data fits on the disk and reads back the same."""
    with open(tmp, "rb") as check:
        if check.read() != data:
            raise OSError(errno.EIO, "salinan sementara tidak sama")
    with open(target, "r+b") as handle:
        handle.truncate(0)
        _write_all(handle, data)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def read_limited(path: str | Path, max_bytes: int, what: str) -> bytes:
    """The bytes of ``path`` (``-`` is standard input); ``InputError`` when it is missing, a
    folder, not a regular file (FIFO, device, socket), unreadable or over ``max_bytes``
    (``what`` names the expected content: "sebuah takarir", ...)."""
    if os.fspath(path) == "-":
        return read_stream(_stdin(), max_bytes, what, "<stdin>")
    shown = display_path(path)
    # A plain descriptor, no file object: linting a folder reads thousands of small files.
    fd = _open_regular_fd(path, max_bytes, what, shown)
    try:
        return _read_bounded(lambda size: os.read(fd, size), max_bytes, what, shown)
    except OSError as exc:
        raise InputError(f"berkas tidak dapat dibaca: {exc.strerror or exc}", shown) from None
    finally:
        os.close(fd)


def open_limited(path: str | Path, max_bytes: int, what: str) -> BinaryIO:
    """``path`` opened for reading in binary, with the checks of :func:`read_limited` (a
    regular file of at most ``max_bytes``); reads through the handle stop at ``max_bytes``
    even when the file grows meanwhile, so a caller that streams the file stays bounded."""
    handle = _open_regular(path, max_bytes, what)
    return io.BufferedReader(_Bounded(handle, max_bytes, what, display_path(path)),
                             256 * 1024)  # type: ignore[return-value]


def _open_regular(path: str | Path, max_bytes: int, what: str) -> BinaryIO:
    return os.fdopen(_open_regular_fd(path, max_bytes, what, display_path(path)), "rb")


def _open_regular_fd(path: str | Path, max_bytes: int, what: str, shown: str) -> int:
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("ini folder, bukan berkas", shown)
        if not stat.S_ISREG(info.st_mode):
            # Opening a FIFO would block until a writer appears; a device may never end.
            raise InputError("bukan berkas biasa (FIFO, perangkat, atau soket); medsos hanya "
                             "membaca berkas biasa", shown)
        if info.st_size > max_bytes:
            raise _too_big(info.st_size, max_bytes, what, shown)
        fd = os.open(path, flags)
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped since the stat
            os.close(fd)
            raise InputError("bukan berkas biasa", shown)
        return fd
    except FileNotFoundError:
        raise InputError("berkas tidak ditemukan", shown) from None
    except PermissionError:
        raise InputError("tidak ada izin untuk membaca berkas", shown) from None
    except IsADirectoryError:
        raise InputError("ini folder, bukan berkas", shown) from None
    except OSError as exc:
        raise InputError(f"berkas tidak dapat dibaca: {exc.strerror or exc}", shown) from None


class _Bounded(io.RawIOBase):
    """A binary file that refuses to give more than ``max_bytes`` (``InputError``)."""

    def __init__(self, handle: BinaryIO, max_bytes: int, what: str, shown: str):
        self._handle, self._left = handle, max_bytes + 1
        self._limit, self._what, self._shown = max_bytes, what, shown

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        if len(view) > self._left:
            view = view[: self._left]
        count = self._handle.readinto(view) or 0  # type: ignore[attr-defined]
        self._left -= count
        if self._left <= 0:
            raise _too_big(None, self._limit, self._what, self._shown)
        return count

    def close(self) -> None:
        if not self.closed:
            self._handle.close()
        super().close()


def read_stream(stream: BinaryIO, max_bytes: int, what: str, shown: str) -> bytes:
    """At most ``max_bytes`` from ``stream`` (a file grown since its stat, ``yes |`` or
    ``/dev/zero`` as stdin stop at the limit with a message, never fill the memory)."""
    return _read_bounded(stream.read, max_bytes, what, shown)


def _read_bounded(read: Callable[[int], bytes], max_bytes: int, what: str, shown: str) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = read(min(1 * MB, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:  # grown since its stat, or an endless stream
            raise _too_big(None, max_bytes, what, shown)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_text_limited(path: str | Path, max_bytes: int, what: str) -> str:
    """:func:`read_limited` decoded as UTF-8 (a BOM is dropped, CRLF kept); invalid bytes
    raise ``InputError`` with the line and the byte."""
    data = read_limited(path, max_bytes, what)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"bukan UTF-8 yang sah (byte 0x{data[exc.start]:02x}); simpan ulang "
                         "sebagai UTF-8", display_path(path), line) from None


def _stdin() -> BinaryIO:
    import sys

    return sys.stdin.buffer


def _too_big(size: int | None, max_bytes: int, what: str, shown: str) -> InputError:
    have = f"{size / MB:.1f} MB; " if size is not None else "lebih dari batas; "
    return InputError(f"berkas terlalu besar untuk {what} ({have}batas {_mb(max_bytes)})", shown)


def _mb(count: int) -> str:
    return f"{count / MB:.0f} MB" if count >= MB else f"{count / 1024:.0f} KB"
