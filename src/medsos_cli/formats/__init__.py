"""Output formats for lint results; each module exports ``render(report) -> str``."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

FORMAT_NAMES = ("text", "json", "sarif", "github")


def renderer(name: str) -> Callable:
    """Return the ``render`` function of a format (imported on demand to keep start-up fast)."""
    if name not in FORMAT_NAMES:
        raise ValueError(name)
    return import_module(f"medsos_cli.formats.{name}_format").render
