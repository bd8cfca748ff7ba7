"""The command line: parses options, calls the library, prints. Nothing else lives here."""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point: ``medsos lint`` takes the fast path when it can (no
    framework import), everything else the Typer application."""
    utf8_streams()
    from medsos_cli.cli import fastpath

    code = fastpath.run(sys.argv[1:])
    if code is not None:
        sys.stdout.flush()
        sys.exit(code)
    from medsos_cli.cli.app import app

    app(prog_name="medsos")


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
