"""Turn library errors into one Indonesian line on stderr and exit code 2.

With ``--debug`` the full traceback is printed as well, and the exit codes stay the same:
2 for an input/config error, 3 for an internal error (never 1, which means "findings").
Typer is imported only inside ``user_errors``: the fast path of ``medsos lint`` uses
``guarded`` without it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from medsos_cli.errors import ExitCode, MedsosError


def error_line(exc: MedsosError) -> str:
    """The one line shown for an error: ``medsos: path:line: pesan`` (a file name that is
    not valid UTF-8 is shown with ``\\xNN`` escapes)."""
    from medsos_cli.fileio import display_path

    return display_path(f"medsos: {exc}")


def _traceback() -> None:
    import traceback

    text = traceback.format_exc()
    sys.stderr.write(text.encode("utf-8", "backslashreplace").decode("utf-8"))


def exit_for(exc: BaseException, debug: bool = False) -> int:
    """Say what went wrong in one line on stderr (after the traceback with ``debug``) and
    return the exit code for ``exc``: 2 for a MedsosError, 130 for Ctrl+C, 3 for anything else
    (a bug). Call it inside the ``except`` block."""
    if isinstance(exc, KeyboardInterrupt):
        sys.stderr.write("medsos: dibatalkan\n")
        return ExitCode.CANCELLED
    if not isinstance(exc, Exception):
        raise exc
    if isinstance(exc, MedsosError):
        if debug:
            _traceback()
        sys.stderr.write(error_line(exc) + "\n")
        return ExitCode.USAGE
    if debug:
        _traceback()
        sys.stderr.write(f"medsos: galat internal ({type(exc).__name__}); laporkan jejak di "
                         "atas ke pengembang\n")
        return ExitCode.INTERNAL
    from medsos_cli.fileio import display_path

    sys.stderr.write(display_path(f"medsos: galat internal ({type(exc).__name__}: {exc}); "
                                  "jalankan ulang dengan --debug untuk jejak lengkap dan "
                                  "laporkan ke pengembang") + "\n")
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
        # "backslashreplace": a stray surrogate (a file name that is not UTF-8) is written
        # as an escape, never as an invalid byte or a crash.
        stream.buffer.write(text.encode("utf-8", "backslashreplace"))
    stream.flush()


def use_color(color: bool | None, stream=None) -> bool:
    """``--color``/``--no-color`` when given; else ``NO_COLOR`` (when non-empty) turns colour
    off, ``FORCE_COLOR`` (when non-empty) turns it on, otherwise colour when ``stream`` is a
    terminal (https://no-color.org, https://force-color.org)."""
    if color is not None:
        return color
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return isatty(stream or sys.stdout)


def isatty(stream) -> bool:
    """Whether ``stream`` is a terminal (False for closed or replaced streams)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def utf8_streams() -> None:
    """Write UTF-8 to pipes and files (JSON, SARIF) whatever the Windows code page; never crash
    on a character the console cannot show."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            if not stream.isatty():
                # backslashreplace: a stray surrogate (a file name that is not UTF-8) is
                # written as an escape, never as an invalid byte or a crash.
                reconfigure(encoding="utf-8", errors="backslashreplace")
            else:
                reconfigure(errors="replace")
        except (OSError, ValueError):
            pass
