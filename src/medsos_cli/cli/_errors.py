"""Turn library errors into one Indonesian line on stderr and exit code 2."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from medsos_cli.errors import ExitCode, MedsosError


def error_line(exc: MedsosError) -> str:
    """The one line shown for an error: ``medsos: path:line: pesan``."""
    return f"medsos: {exc}"


@contextmanager
def user_errors(debug: bool = False) -> Iterator[None]:
    """Map MedsosError to exit 2 (re-raised with ``--debug``), and Ctrl+C to exit 130."""
    try:
        yield
    except MedsosError as exc:
        if debug:
            raise
        typer.echo(error_line(exc), err=True)
        raise typer.Exit(ExitCode.USAGE) from None
    except KeyboardInterrupt:
        typer.echo("medsos: dibatalkan", err=True)
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except Exception as exc:  # an internal error: say so, briefly, and where to look
        if debug:
            raise
        typer.echo(f"medsos: galat internal ({type(exc).__name__}: {exc}); jalankan ulang dengan "
                   "--debug untuk jejak lengkap dan laporkan ke pengembang", err=True)
        raise typer.Exit(ExitCode.INTERNAL) from None


def stdout_write(text: str) -> None:
    """Write text to stdout as UTF-8 whatever the console code page (Windows)."""
    stream = sys.stdout
    try:
        stream.write(text)
    except UnicodeEncodeError:
        stream.buffer.write(text.encode("utf-8"))
    stream.flush()
