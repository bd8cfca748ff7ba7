"""Shell completion of option values: platform and template names.

Typer calls these while a shell asks for completions (``medsos --install-completion`` sets
that up); they must be quick, quiet and never fail, so any error gives no suggestion.
"""

from __future__ import annotations

from pathlib import Path

from medsos_cli.platforms import PLATFORMS


def complete_platform(incomplete: str) -> list[str]:
    """Platform names starting with what was typed (case-insensitive)."""
    low = incomplete.lower()
    return [name for name in PLATFORMS if name.startswith(low)]


def complete_draft_platform(incomplete: str) -> list[str]:
    """As :func:`complete_platform`, plus ``all`` (every variant of a template)."""
    return [*complete_platform(incomplete), *(["all"] if "all".startswith(
        incomplete.lower()) else [])]


def complete_template(incomplete: str) -> list[str]:
    """Template (content type) names of the configured or bundled templates."""
    try:
        from medsos_cli.config import load_config
        from medsos_cli.drafting.catalog import Catalog, templates_root

        root: Path = templates_root(load_config(None))
        names = Catalog(root).names()
    except Exception:  # completion must never print a traceback into the user's shell
        return []
    return [name for name in names if name.startswith(incomplete)]
