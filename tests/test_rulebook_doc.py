"""docs/rulebook.md's key tables against the declared fields (``FIELDS`` of each rule kind,
``Rule.FIELDS`` for the common keys, ``load.META`` for rulebook.yaml): the same keys, and
the same type, required flag and default where the table states them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from medsos_cli import fieldspec as fs
from medsos_cli.rulebook.kinds import KINDS
from medsos_cli.rulebook.load import META
from medsos_cli.rulebook.model import Rule

DOC = Path(__file__).resolve().parents[1] / "docs" / "rulebook.md"
_KEYS_OF = re.compile(r"^\s*Keys of `([^`]+)`")


def _rows(lines: list[str], start: int) -> list[dict[str, str]]:
    """The rows of the first table at or after ``start``, as dicts by column name."""
    i = start
    while not lines[i].lstrip().startswith("|"):
        i += 1
    header = [c.strip() for c in lines[i].strip().strip("|").split("|")]
    rows = []
    for line in lines[i + 2:]:
        if not line.lstrip().startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


def _tables() -> dict[str, list[dict[str, str]]]:
    lines = DOC.read_text(encoding="utf-8").splitlines()
    tables: dict[str, list[dict[str, str]]] = {}
    for n, line in enumerate(lines):
        found = _KEYS_OF.match(line)
        if found:
            tables[found.group(1)] = _rows(lines, n + 1)
        elif line.startswith("## Common keys of a rule"):
            tables["common"] = _rows(lines, n + 1)
    return tables


TABLES = _tables()


def _shown(default: object) -> str:
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    if isinstance(default, list):
        return "`[" + ", ".join(map(str, default)) + "]`"
    return f"`{default}`"


def _compare(rows: list[dict[str, str]], fields: list[fs.Field], where: str) -> None:
    declared = {f.name: f for f in fields}
    documented = {row["key"].strip("`"): row for row in rows}
    assert set(documented) == set(declared), (
        f"{where}: only in the doc {sorted(set(documented) - set(declared))}, only declared "
        f"{sorted(set(declared) - set(documented))}")
    for name, row in documented.items():
        field = declared[name]
        assert row["type"] == field.type_name, (where, name, row["type"], field.type_name)
        required = row["required"].split()[0]
        assert required == ("yes" if field.required else "no"), (where, name, row["required"])
        default = row.get("default", "")
        if default:
            assert default == _shown(field.default), (where, name, default, field.default)


def test_every_kind_has_a_key_table():
    assert set(KINDS) <= set(TABLES), sorted(set(KINDS) - set(TABLES))
    assert "common" in TABLES and "rulebook.yaml" in TABLES


def test_common_keys_table():
    _compare(TABLES["common"], list(Rule.FIELDS), "common keys")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_kind_table_matches_its_fields(kind):
    own = [f for f in KINDS[kind].FIELDS if f.name not in Rule.FIELDS]
    _compare(TABLES[kind], own, kind)


def test_rulebook_yaml_table():
    _compare(TABLES["rulebook.yaml"], list(META), "rulebook.yaml")


def test_kind_row_lists_every_kind():
    row = next(r for r in TABLES["common"] if r["key"] == "`kind`")
    assert set(re.findall(r"`([a-z-]+)`", row["meaning"])) == set(KINDS)


def test_choices_named_in_the_tables():
    """A choice's allowed values all appear in its row (the doc names what may be written)."""
    for kind, cls in KINDS.items():
        rows = {r["key"].strip("`"): r for r in TABLES[kind]}
        for field in cls.FIELDS:
            if field.kind == "choice" and field.name in rows:
                meaning = rows[field.name]["meaning"]
                missing = [c for c in field.choices if f"`{c}`" not in meaning]
                assert not missing, (kind, field.name, missing)
