"""Optional dependencies: the stack of the reports (weekly, province).

``pip install medsos`` gives lint and draft (what a pre-commit hook installs, in seconds);
``pip install "medsos[laporan]"`` adds python-calamine (xlsx exports), holidays (LAPOR!
working days), matplotlib (the charts of every HTML report), pyarrow (the Parquet hand-over)
and duckdb (the province roll-up). A command that needs one of them checks first and says, in
one line, what to install (exit 2), instead of an ImportError.
"""

from __future__ import annotations

import importlib.util
from typing import Any

EXTRA = "laporan"
INSTALL = f'pip install "medsos[{EXTRA}]"'


def import_ref(ref: str, package: str = "") -> Any:
    """The object a table names as ``module:attribute`` (a reader, a renderer), imported on
    first use so that a command pays only for what it runs; ``package`` prefixes the module."""
    import importlib

    module, _, attribute = ref.partition(":")
    return getattr(importlib.import_module(f"{package}.{module}" if package else module),
                   attribute)


def missing(*modules: str) -> list[str]:
    """The modules of ``modules`` that are not installed (found without importing them)."""
    absent = []
    for name in modules:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            absent.append(name)
    return absent


def require(purpose: str, *modules: str) -> None:
    """Raise an ``InputError`` (exit 2) naming the missing modules and the install command
    when any of ``modules`` is not installed; ``purpose`` says what needs them."""
    absent = missing(*modules)
    if absent:
        from medsos_cli.errors import InputError

        raise InputError(f"{purpose} memerlukan paket {', '.join(absent)}, yang tidak "
                         f"terpasang; pasang dengan: {INSTALL}")
