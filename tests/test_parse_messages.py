"""Syntax errors of YAML, TOML and JSON reach the user in Indonesian, with the file line kept.

Each broken document goes through the reader medsos really uses for that kind of file
(rulebook YAML, medsos.toml, a draft's data file), so the test follows the parsers' real
wording: a parser release that rewords a message makes the message fall back to the
bracketed English, and these tests fail."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

from medsos_cli.config import load_config
from medsos_cli.drafting.values import load_data_file
from medsos_cli.errors import ConfigError, InputError, RulebookError
from medsos_cli.parse_messages import json_message, toml_message, yaml_message
from medsos_cli.yamlio import load_yaml_file

# Words that only the parsers' English messages use; none of them is Indonesian.
ENGLISH = re.compile(r"\b(expected|found|allowed|mapping|while|could not|Invalid|Expecting|"
                     r"Cannot|Unclosed|Unterminated|statement|document|delimiter)\b")

# (broken document, line of the error as the parser reports it, a word the Indonesian must say)
YAML_CASES = [
    ("judul: Rapat: pukul 09.00\n", 1, "titik dua"),
    ("rules:\n  - id: a\n  level: error\n", 3, "butir daftar"),
    ("kata: [satu, dua\n", 2, "]"),
    ("kata: {satu: 1\n", 2, "}"),
    ("@akun: 1\n", 1, "mengawali"),
    ("rules:\n\t- id: a\n", 2, "mengawali"),
    ('pesan: "tak \\q"\n', 1, "escape"),
    ("a: *tidakada\n", 1, "alias"),
    ("pesan: 'belum ditutup\n", 2, "belum ditutup"),
    ("a: 1\n---\nb: 2\n", 2, "lebih dari satu dokumen"),
    ("a: !!python/object:os.system x\n", 1, "data biasa"),
    ("? [a]\n: 1\n", 1, "kunci"),
    ("a: &x 1\nb: &x 2\n", 2, "jangkar"),
    ("[a, b]]\n", 1, "setelah nilai selesai"),
    ("x: |0\n  a\n", 1, "1–9"),
    ("a: 'x' y\n", 1, "kunci"),
]


@pytest.mark.parametrize(("text", "line", "word"), YAML_CASES)
def test_rulebook_yaml_errors_are_indonesian(tmp_path: Path, text: str, line: int,
                                             word: str) -> None:
    path = tmp_path / "aturan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulebookError) as caught:
        load_yaml_file(path)
    error = caught.value
    assert error.path == str(path)
    assert error.line == line
    assert error.message.startswith("YAML tidak sah: ")
    assert word in error.message
    assert "sintaks YAML tidak sah [" not in error.message, error.message
    assert not ENGLISH.search(error.message), error.message


@pytest.mark.parametrize(("text", "line", "word"), YAML_CASES)
def test_both_yaml_parsers_are_translated(text: str, line: int, word: str) -> None:
    """libyaml and PyYAML's pure-Python parser word their errors differently: both are known."""
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        with pytest.raises(yaml.MarkedYAMLError) as caught:
            yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
        said = yaml_message(caught.value.problem or caught.value.context)
        assert not said.startswith("sintaks YAML tidak sah ["), (loader.__name__, said)
        assert not ENGLISH.search(said), said


TOML_CASES = [
    ("[account]\nname = \n", 2, "nilai tidak sah"),
    ("[account]\nname Dinas\n", 2, "“=”"),
    ("[lint\n", 1, "“]”"),
    ("[lint]\nrulebooks = [\"sop\",\n", 2, "di akhir berkas"),
    ("[account]\nhashtags = {a = 1\n", 2, "sebaris"),
    ("[account]\nname = \"Dinas\nplatform = \"x\"\n", 2, "belum ditutup"),
    ("[account]\nname = \"a\"\nname = \"b\"\n", 3, "sudah ditulis"),
    ("[lint]\n[lint]\n", 2, "[lint] ditulis dua kali"),
    ("[account]\nname = Dinas Kominfo\n", 2, "tanda kutip"),
    ("[account]\nname = \"C:\\data\"\n", 2, "garis miring"),
    ("= 1\n", 1, "baris tidak sah"),
    ("[[lint.exemptions]\n", 1, "“]]”"),
]


@pytest.mark.parametrize(("text", "line", "word"), TOML_CASES)
def test_config_toml_errors_are_indonesian(tmp_path: Path, text: str, line: int,
                                           word: str) -> None:
    path = tmp_path / "medsos.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    error = caught.value
    assert (error.path, error.line) == (str(path), line)
    assert error.message.startswith("TOML tidak sah: ")
    assert word in error.message, error.message
    assert not ENGLISH.search(error.message), error.message


def test_huge_toml_integer_is_indonesian(tmp_path: Path) -> None:
    path = tmp_path / "medsos.toml"
    path.write_text("[lint]\nmax_file_size_mb = " + "9" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "bilangan bulat terlalu panjang" in caught.value.message


JSON_CASES = [
    ('{\n  "judul": "Rapat",\n}\n', 3, "koma berlebih"),
    ('{\n  "judul" "Rapat"\n}\n', 2, "“:”"),
    ('{\n  "judul": "Rapat"\n  "tempat": "Aula"\n}\n', 3, "“,”"),
    ('{\n  judul: "Rapat"\n}\n', 2, "tanda kutip ganda"),
    ('{\n  "judul": "Rapat\n"}\n', 2, "karakter kendali"),
    ('{"judul": "Rapat"} ekstra\n', 1, "teks lain"),
    ('{"judul": "\\q"}\n', 1, "escape"),
    ('{"judul": "Rapat', 1, "belum ditutup"),
]


@pytest.mark.parametrize(("text", "line", "word"), JSON_CASES)
def test_draft_json_errors_are_indonesian(tmp_path: Path, text: str, line: int,
                                          word: str) -> None:
    path = tmp_path / "data.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_data_file(path)
    error = caught.value
    assert (error.path, error.line) == (str(path), line)
    assert word in error.message, error.message
    assert not ENGLISH.search(error.message), error.message


def test_draft_yaml_errors_are_indonesian(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    path.write_text("judul: Rapat\ntempat: Aula: Utama\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_data_file(path)
    assert caught.value.line == 2
    assert "titik dua" in caught.value.message
    assert not ENGLISH.search(caught.value.message)


def test_own_refusals_are_not_retranslated(tmp_path: Path) -> None:
    path = tmp_path / "aturan.yaml"
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    with pytest.raises(RulebookError) as caught:
        load_yaml_file(path)
    assert caught.value.message == "YAML tidak sah: kunci “a” ditulis dua kali"
    assert caught.value.line == 2


@pytest.mark.parametrize("translate", [yaml_message, toml_message, json_message])
def test_unknown_message_is_kept_not_lost(translate) -> None:
    said = translate("some message of a future parser release")
    assert "some message of a future parser release" in said
    assert said.startswith("sintaks ")


def test_parsers_still_word_messages_as_the_tables_expect() -> None:
    """A guard for the three standard parsers themselves, independent of medsos's readers."""
    with pytest.raises(tomllib.TOMLDecodeError) as toml_caught:
        tomllib.loads("a b\n")
    assert "Expected '=' after a key" in str(toml_caught.value)
    with pytest.raises(json.JSONDecodeError) as json_caught:
        json.loads('{"a": 1,}')
    assert json_caught.value.msg == "Expecting property name enclosed in double quotes"
