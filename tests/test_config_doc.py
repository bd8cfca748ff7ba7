"""The README's medsos.toml against the declared tables of medsos_cli.config: its example
loads (every key it shows is one the configuration accepts), and every declared key is named
somewhere in the README."""

from __future__ import annotations

import re
from pathlib import Path

from medsos_cli import config as cfg
from medsos_cli.config import load_config

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
TABLES = {"lint": cfg.LINT, "lint.vocabulary": cfg.VOCABULARY, "account": cfg.ACCOUNT,
          "draft": cfg.DRAFT, "report": cfg.REPORT, "accounts": cfg.ACCOUNTS,
          "rollup": cfg.ROLLUP, "lint.exemptions": cfg.EXEMPTION}


def _example() -> str:
    section = README[README.index("## Configuration: `medsos.toml`"):]
    start = section.index("```toml\n") + len("```toml\n")
    return section[start:section.index("\n```", start)]


def test_readme_example_loads(tmp_path):
    path = tmp_path / "medsos.toml"
    path.write_text(_example(), encoding="utf-8")
    config = load_config(path)
    assert config.fail_on == "error" and config.hashtags == ["#KotaContoh"]
    assert [e.rule for e in config.exemptions] == ["istilah.asing", "keterbacaan.kalimat-panjang"]
    from medsos_cli.rulebook.load import read_rulebook

    ids = set(read_rulebook().rules)  # the rules the example names are bundled ones
    named = {*config.disable, *config.levels, *(e.rule for e in config.exemptions)}
    assert named <= ids, sorted(named - ids)


def test_every_declared_key_is_in_the_readme():
    assert {name.split(".")[0] for name in TABLES} == cfg.TOP.names
    missing = []
    for table, spec in TABLES.items():
        for key in spec.names:
            # ``key = …`` in the example, or ``[table] key`` / ``table.key`` in the prose
            shown = (re.search(rf"^\s*{re.escape(key)}\s*=", README, re.MULTILINE)
                     or f"[{table}] {key}" in README or f"{table}.{key}" in README)
            if not shown:
                missing.append(f"{table}.{key}")
    assert not missing, missing
