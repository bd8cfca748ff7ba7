"""docs/templates.md names the keys of schema.yaml, of its fields and of roster.yaml in prose;
those lists are compared with the declared fields (drafting.schema SCHEMA and FIELD,
roster.ROSTER)."""

from __future__ import annotations

import re
from pathlib import Path

from medsos_cli.drafting.schema import FIELD, SCHEMA
from medsos_cli.roster import ROSTER

DOC = (Path(__file__).resolve().parents[1] / "docs" / "templates.md").read_text(encoding="utf-8")


def _keys_after(opening: str, closing: str) -> set[str]:
    start = DOC.index(opening) + len(opening)
    text = DOC[start:DOC.index(closing, start)]
    text = re.sub(r"\([^)]*\)", "", text)  # "(hanya `choice`)" names a type, not a key
    return set(re.findall(r"`([a-z_]+)`", text))


def test_schema_top_level_keys():
    assert _keys_after("Kunci yang sah di tingkat atas:", "Kunci kolom:") == SCHEMA.names


def test_schema_field_keys():
    assert _keys_after("Kunci kolom:", "Kunci lain ditolak") == FIELD.names


def test_roster_keys():
    assert _keys_after("Kunci lain selain", "ditolak") == ROSTER.names
