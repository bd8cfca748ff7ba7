"""Helpers shared by the tests: fixture paths, the test account, rulebook writers."""

from __future__ import annotations

import textwrap
from pathlib import Path

from medsos_cli.rulebook.model import Account

FIXTURES = Path(__file__).resolve().parent / "fixtures"
UJI = FIXTURES / "rulebooks" / "uji"
CLI_FIXTURES = FIXTURES / "cli"
ACCOUNT = Account(name="Pemkot Magelang", hashtags=("#KotaContoh",))


def write_rulebook(folder: Path, files: dict[str, str]) -> Path:
    """Write a rulebook folder from ``{file name: YAML text}`` (text is dedented)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return folder


def rule_yaml(body: str) -> str:
    """Wrap one rule (YAML mapping text, dedented) in a ``rules:`` list."""
    lines = textwrap.dedent(body).strip("\n").splitlines()
    items = ["rules:", "  - " + lines[0]] + ["    " + line for line in lines[1:]]
    return "\n".join(items) + "\n"
