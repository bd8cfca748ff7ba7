"""The command line: parses options, calls the library, prints. Nothing else lives here."""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point: ``medsos lint`` takes the fast path when it can (no
    framework import), everything else the Typer application."""
    from medsos_cli.cli._errors import utf8_streams

    utf8_streams()
    from medsos_cli.cli import fastpath

    code = fastpath.run(sys.argv[1:])
    if code is not None:
        sys.stdout.flush()
        sys.exit(code)
    from medsos_cli.cli.app import app

    app(prog_name="medsos")
