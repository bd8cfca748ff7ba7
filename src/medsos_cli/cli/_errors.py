"""Turn library errors into one Indonesian line on stderr and exit code 2.

With ``--debug`` the full traceback is printed as well, and the exit codes stay the same:
2 for an input/config error, 3 for an internal error (never 1, which means "findings")."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer

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


@contextmanager
def user_errors(debug: bool = False) -> Iterator[None]:
    """Map MedsosError to exit 2 (re-raised with ``--debug``), and Ctrl+C to exit 130."""
    try:
        yield
    except MedsosError as exc:
        if debug:
            _traceback()
        typer.echo(error_line(exc), err=True)
        raise typer.Exit(ExitCode.USAGE) from None
    except KeyboardInterrupt:
        typer.echo("medsos: dibatalkan", err=True)
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except Exception as exc:  # an internal error: say so, briefly, and where to look
        if debug:
            _traceback()
            typer.echo(f"medsos: galat internal ({type(exc).__name__}); laporkan jejak di atas "
                       "ke pengembang", err=True)
            raise typer.Exit(ExitCode.INTERNAL) from None
        from medsos_cli.fileio import display_path

        typer.echo(display_path(f"medsos: galat internal ({type(exc).__name__}: {exc}); "
                                "jalankan ulang dengan --debug untuk jejak lengkap dan "
                                "laporkan ke pengembang"), err=True)
        raise typer.Exit(ExitCode.INTERNAL) from None


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
