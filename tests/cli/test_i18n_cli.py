"""Indonesian everywhere: framework messages, levels and field types in every listing."""

from __future__ import annotations

import json
import re

import pytest
from helpers import UJI

from medsos_cli.cli._i18n import translate_detail
from medsos_cli.cli.templates import FIELD_TYPE_LABELS
from medsos_cli.drafting.schema import FIELD_TYPES
from medsos_cli.formats.text_format import LABELS

ENGLISH = re.compile(r"\b(is a directory|is a file|does not exist|is not a valid|Usage|Options|"
                     r"Arguments|Commands|Show this message|Missing|No such|Error|Invalid)\b"
                     r"|\[required\]|\[default|default:")


def test_config_that_is_a_folder_is_named_in_indonesian(invoke, scenario, tmp_path):
    scenario("bersih")
    (tmp_path / "folder").mkdir()
    result = invoke("--config", str(tmp_path / "folder"), "rules", "list")
    assert result.exit_code == 2
    assert "adalah folder, bukan berkas" in result.stderr
    assert not ENGLISH.search(result.stderr), result.stderr


def test_bad_number_is_named_in_indonesian(invoke, scenario):
    scenario("bersih")
    result = invoke("lint", "takarir.txt", "--jobs", "dua")
    assert result.exit_code == 2
    assert "'dua' bukan bilangan bulat" in result.stderr
    assert not ENGLISH.search(result.stderr), result.stderr


@pytest.mark.parametrize("message, expected", [
    ("File 'a.toml' does not exist.", "berkas 'a.toml' tidak ada"),
    ("Directory 'x' is a file.", "folder 'x' adalah berkas, bukan folder"),
    ("Path 'x' is not writable.", "path 'x' tidak dapat ditulisi"),
    ("'7' is not in the range 1<=x<=4.", "'7' di luar rentang 1<=x<=4"),
    ("'ya' is not a valid boolean. Recognized values: 1, true", "'ya' bukan nilai ya/tidak; "
     "yang dikenal: 1, true"),
    ("something the table does not know", "something the table does not know"),
])
def test_parameter_type_details(message, expected):
    assert translate_detail(message) == expected


@pytest.mark.parametrize("command", [
    (), ("lint",), ("draft",), ("rules",), ("rules", "list"), ("rules", "check"),
    ("templates",), ("templates", "init"), ("templates", "lock"), ("templates", "show"),
    ("weekly", "report"), ("rollup",),
])
def test_help_screens_have_no_english_headings(invoke, command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Penggunaan:" in result.stdout
    assert not ENGLISH.search(result.stdout), result.stdout


def test_rules_list_prints_levels_as_lint_does(invoke, scenario):
    scenario("bersih")
    out = invoke("rules", "list", "-r", str(UJI)).stdout
    levels = {cell.strip() for line in out.splitlines() if line.startswith("│")
              for cell in line.split("│")[3:4]}
    assert {"galat", "peringatan"} <= levels
    assert not levels & {"error", "warning", "suggestion"}
    # JSON keeps the YAML ids, the contract scripts rely on.
    data = json.loads(invoke("rules", "list", "-r", str(UJI), "-f", "json").stdout)
    assert {r["level"] for r in data} <= set(LABELS)


def test_every_field_type_has_an_indonesian_label():
    assert set(FIELD_TYPE_LABELS) == set(FIELD_TYPES)


def test_templates_show_names_field_types_in_indonesian(invoke, scenario):
    scenario("bersih")
    out = invoke("templates", "show", "klarifikasi-hoaks").stdout
    assert "teks satu baris" in out and "pilihan: [HOAKS]" in out
    cells = {cell.strip() for line in out.splitlines() if line.startswith("│")
             for cell in line.split("│")[3:4]}
    assert not cells & set(FIELD_TYPES) - {""}
    data = json.loads(invoke("templates", "show", "klarifikasi-hoaks", "-f", "json").stdout)
    assert {f["type"] for f in data["fields"]} <= set(FIELD_TYPES)


def test_toml_syntax_error_is_one_indonesian_line(invoke, tmp_path, monkeypatch):
    """A Windows path in double quotes is the usual slip: exit 2, file:line, Indonesian."""
    monkeypatch.chdir(tmp_path)
    toml = '[account]\nname = "Dinas"\nlogo = "C:\\data\\logo.png"\n'
    (tmp_path / "medsos.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "takarir.txt").write_text("Halo warga.\n", encoding="utf-8")
    result = invoke("lint", "takarir.txt")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"medsos: {tmp_path / 'medsos.toml'}:3: TOML tidak sah: garis miring terbalik (\\) "
        "dalam teks; tulis \\\\ atau pakai kutip tunggal")


def test_front_matter_yaml_error_is_indonesian(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "takarir.txt").write_text("---\nplatform: x: instagram\n---\nHalo warga.\n",
                                          encoding="utf-8")
    result = invoke("lint", "takarir.txt")
    assert result.exit_code == 2
    assert "takarir.txt:2: front matter: YAML tidak sah: titik dua (:)" in result.stderr
    assert "mapping values" not in result.stderr
