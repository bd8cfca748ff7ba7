"""Safe file writing: never overwrite without consent, always via a temporary file."""

from __future__ import annotations

import os
from pathlib import Path

from medsos_cli.errors import InputError


def atomic_write_text(path: str | Path, text: str, *, bom: bool = False) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically (temp file in the same folder + rename).

    Line endings are written exactly as they are in ``text`` (no translation).
    """
    import tempfile  # only when writing: lint's start-up reads through this module too

    target = Path(path)
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            # mkstemp makes the file private (0600); a report or draft should get the mode any
            # new file would get (the umask), and a replaced file keeps its own mode.
            mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
            os.chmod(tmp, mode)
        except OSError:
            pass
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(f"gagal menulis berkas: {exc.strerror or exc}", path) from None


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def read_limited(path: str | Path, max_bytes: int, what: str) -> bytes:
    """The bytes of ``path``; ``InputError`` when it is missing, a folder, unreadable or over
    ``max_bytes`` (``what`` names the expected content: "sebuah takarir", ...)."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise InputError(f"berkas terlalu besar untuk {what} ({size / 1_048_576:.1f} MB; "
                                 f"batas {max_bytes / 1_048_576:.0f} MB)", path)
            return handle.read()
    except FileNotFoundError:
        raise InputError("berkas tidak ditemukan", path) from None
    except PermissionError:
        raise InputError("tidak ada izin untuk membaca berkas", path) from None
    except IsADirectoryError:
        raise InputError("ini folder, bukan berkas", path) from None
    except OSError as exc:
        raise InputError(f"berkas tidak dapat dibaca: {exc.strerror or exc}", path) from None
