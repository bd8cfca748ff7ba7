"""Turn library errors into one Indonesian line on stderr and exit code 2."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from medsos_cli.errors import ExitCode, MedsosError


def error_line(exc: MedsosError) -> str:
    """The one line shown for an error: ``medsos: path:line: pesan``."""
    return f"medsos: {exc}"


def exit_for(exc: BaseException, debug: bool = False) -> int:
    """Say what went wrong in one line on stderr and return the exit code for ``exc``: 2 for a
    MedsosError, 130 for Ctrl+C, 3 for anything else (a bug). With ``debug`` the exception is
    raised again instead (full traceback), except Ctrl+C."""
    if isinstance(exc, KeyboardInterrupt):
        sys.stderr.write("medsos: dibatalkan\n")
        return 130
    if debug or not isinstance(exc, Exception):
        raise exc
    if isinstance(exc, MedsosError):
        sys.stderr.write(error_line(exc) + "\n")
        return ExitCode.USAGE
    sys.stderr.write(f"medsos: galat internal ({type(exc).__name__}: {exc}); jalankan ulang dengan "
                     "--debug untuk jejak lengkap dan laporkan ke pengembang\n")
    return ExitCode.INTERNAL


@contextmanager
def user_errors(debug: bool = False) -> Iterator[None]:
    """Inside a Typer command: map errors to their exit code (see ``exit_for``)."""
    import typer

    try:
        yield
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except BaseException as exc:
        raise typer.Exit(exit_for(exc, debug)) from None


def guarded(run, debug: bool = False) -> int:
    """Call ``run()`` and return its exit code, errors mapped by ``exit_for`` (for the fast
    path, which runs without Typer)."""
    try:
        return int(run())
    except BaseException as exc:
        return exit_for(exc, debug)


def stdout_write(text: str) -> None:
    """Write text to stdout as UTF-8 whatever the console code page (Windows)."""
    stream = sys.stdout
    try:
        stream.write(text)
    except UnicodeEncodeError:
        stream.buffer.write(text.encode("utf-8"))
    stream.flush()
