"""Configuration: medsos.toml / [tool.medsos], found upward, validated with file:line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import UJI

from medsos_cli.config import Config, Exemption, find_config, load_config
from medsos_cli.errors import ConfigError
from medsos_cli.lint.run import build_rulebook


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def config_error(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return info.value


FULL = """
[lint]
rulebooks = ["aturan"]
platform = "Instagram"
fail_on = "warning"
disable = ["format.seru"]
max_file_size_mb = 0.5
regex_timeout = 0.25

[lint.levels]
"baku.ejaan" = "error"

[[lint.exemptions]]
rule = "baku.gabungan"
text = "Walikota"
reason = "nama jalan"
approved_by = "Kabag Humas"

[account]
name = "Pemkot Magelang"
hashtags = ["#MagelangKota", "#KotaContoh"]
"""


def test_defaults_without_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert find_config() is None
    config = load_config()
    assert config == Config()
    assert (config.rulebooks, config.fail_on, config.platform) == (["default"], "error", None)


def test_full_config(tmp_path):
    path = write(tmp_path / "medsos.toml", FULL)
    config = load_config(path)
    assert config.path == path
    assert config.rulebooks == [str((tmp_path / "aturan").resolve())]
    assert config.platform == "instagram"
    assert config.fail_on == "warning"
    assert config.disable == ["format.seru"]
    assert config.levels == {"baku.ejaan": "error"}
    assert config.max_file_size_mb == 0.5
    assert config.regex_timeout == 0.25
    assert config.account_name == "Pemkot Magelang"
    assert config.hashtags == ["#MagelangKota", "#KotaContoh"]
    assert config.exemptions == [Exemption(rule="baku.gabungan", reason="nama jalan",
                                           approved_by="Kabag Humas", text="Walikota")]


def test_found_upward_from_cwd(tmp_path, monkeypatch):
    path = write(tmp_path / "medsos.toml", '[lint]\nplatform = "x"\n')
    sub = tmp_path / "konten" / "2026" / "november"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert find_config() == path.resolve()
    assert load_config().platform == "x"


def test_nearest_config_wins(tmp_path, monkeypatch):
    write(tmp_path / "medsos.toml", '[lint]\nplatform = "x"\n')
    inner = write(tmp_path / "dinkes" / "medsos.toml", '[lint]\nplatform = "facebook"\n')
    monkeypatch.chdir(inner.parent)
    assert load_config().platform == "facebook"


def test_pyproject_tool_section(tmp_path, monkeypatch):
    write(tmp_path / "pyproject.toml", """
        [project]
        name = "konten-humas"

        [tool.medsos.lint]
        platform = "threads"
        fail_on = "suggestion"

        [tool.medsos.account]
        hashtags = ["#KotaContoh"]
    """)
    sub = tmp_path / "draf"
    sub.mkdir()
    monkeypatch.chdir(sub)
    config = load_config()
    assert config.path == (tmp_path / "pyproject.toml").resolve()
    assert (config.platform, config.fail_on, config.hashtags) == (
        "threads", "suggestion", ["#KotaContoh"])


def test_pyproject_without_section_is_skipped(tmp_path, monkeypatch):
    write(tmp_path / "medsos.toml", '[lint]\nplatform = "web"\n')
    write(tmp_path / "proyek" / "pyproject.toml", '[project]\nname = "lain"\n')
    monkeypatch.chdir(tmp_path / "proyek")
    assert load_config().platform == "web"


def test_explicit_path_does_not_search(tmp_path, monkeypatch):
    write(tmp_path / "medsos.toml", '[lint]\nplatform = "x"\n')
    other = write(tmp_path / "lain" / "khusus.toml", '[lint]\nplatform = "youtube"\n')
    monkeypatch.chdir(tmp_path)
    assert load_config(other).platform == "youtube"


def test_explicit_missing_path(tmp_path):
    err = config_error(tmp_path / "tidak-ada.toml")
    assert "tidak ditemukan" in err.message


def test_toml_syntax_error_has_line(tmp_path):
    path = write(tmp_path / "medsos.toml", """
        [lint]
        platform = "x"
        fail_on = warning
    """)
    err = config_error(path)
    assert err.path == str(path)
    assert err.line == 3
    assert "TOML" in err.message
    assert "at line" not in err.message  # the position is in path:line, not repeated


@pytest.mark.parametrize(("text", "key", "line"), [
    ('[lint]\nplatform = "x"\nfail-on = "error"\n', "fail-on", 3),
    ('[lint]\nplatform = "x"\n\n[akun]\nname = "x"\n', "akun", 4),
    ('[account]\nname = "Pemkot"\ntagar = ["#a"]\n', "tagar", 3),
])
def test_unknown_key_named_with_line(tmp_path, text, key, line):
    err = config_error(write(tmp_path / "medsos.toml", text))
    assert key in err.message
    assert err.line == line
    assert str(err).startswith(f"{tmp_path / 'medsos.toml'}:{line}: ")


@pytest.mark.parametrize(("text", "needle", "line"), [
    ('[lint]\nplatform = "friendster"\n', "friendster", 2),
    ('[lint]\n\nfail_on = "fatal"\n', "fatal", 3),
    ('[lint.levels]\n"baku.ejaan" = "fatal"\n', "fatal", 2),
    ('[lint]\nregex_timeout = -1\n', "regex_timeout", 2),
    ('[lint]\nmax_file_size_mb = "besar"\n', "max_file_size_mb", 2),
    ('[lint]\nrulebooks = "default"\ndisable = [1, 2]\n', "disable", 3),
    ('[account]\nhashtags = ["KotaContoh"]\n', "KotaContoh", 2),
])
def test_bad_values_with_line(tmp_path, text, needle, line):
    err = config_error(write(tmp_path / "medsos.toml", text))
    assert needle in err.message
    assert err.line == line


@pytest.mark.parametrize(("body", "needle"), [
    ('rule = "baku.ejaan"\ntext = "x"\napproved_by = "Kabag"\n', "reason"),
    ('rule = "baku.ejaan"\ntext = "x"\nreason = "kutipan"\n', "approved_by"),
    ('rule = "baku.ejaan"\nreason = "kutipan"\napproved_by = "Kabag"\n', "text"),
    ('rule = "baku.ejaan"\ntext = "x"\nreason = "r"\napproved_by = "a"\nsampai = "2027"\n',
     "sampai"),
    ('rule = "baku.ejaan"\ntext = "x"\nreason = "  "\napproved_by = "a"\n', "reason"),
])
def test_exemption_validation(tmp_path, body, needle):
    path = write(tmp_path / "medsos.toml", "[lint]\n\n[[lint.exemptions]]\n" + body)
    err = config_error(path)
    assert needle in err.message
    assert err.line is not None and 3 <= err.line <= 8


def test_exemption_file_glob_and_suffix():
    ex = Exemption(rule="baku.ejaan", reason="r", approved_by="a", file="kutipan/*.txt")
    assert ex.applies("baku.ejaan", "dihimbau", "kutipan/a.txt")
    assert not ex.applies("baku.ejaan", "dihimbau", "lain/a.txt")
    assert not ex.applies("baku.lain", "dihimbau", "kutipan/a.txt")
    by_name = Exemption(rule="*", reason="r", approved_by="a", file="rilis.md")
    assert by_name.applies("apa.saja", "x", "konten/2026/rilis.md")
    assert not by_name.applies("apa.saja", "x", "konten/2026/prarilis.md")


def test_rulebooks_relative_to_config_file(tmp_path, monkeypatch):
    project = tmp_path / "humas"
    (project / "aturan").mkdir(parents=True)
    for item in UJI.iterdir():
        (project / "aturan" / item.name).write_bytes(item.read_bytes())
    write(project / "medsos.toml", '[lint]\nrulebooks = ["aturan"]\ndisable = ["format.seru"]\n'
          '\n[lint.levels]\n"baku.ejaan" = "error"\n')
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    config = load_config(project / "medsos.toml")
    book = build_rulebook(config)
    assert "format.seru" not in book.rules
    assert book.rules["baku.ejaan"].level.label == "error"


def test_config_override_of_unknown_rule_names_config_line(tmp_path):
    path = write(tmp_path / "medsos.toml", f'[lint]\nrulebooks = ["{UJI.as_posix()}"]\n'
                 'disable = ["tidak.ada"]\n')
    from medsos_cli.errors import RulebookError

    with pytest.raises(RulebookError) as info:
        build_rulebook(load_config(path))
    assert info.value.path == str(path)
    assert info.value.line == 3
    assert "tidak.ada" in info.value.message


def test_bom_config_is_read(tmp_path):
    path = tmp_path / "medsos.toml"
    path.write_bytes(b"\xef\xbb\xbf[lint]\nplatform = \"tiktok\"\n")
    assert load_config(path).platform == "tiktok"


def test_exemption_for_an_unknown_rule_is_a_config_error(tmp_path):
    from medsos_cli.lint.run import build_linter

    path = tmp_path / "medsos.toml"
    path.write_text(f'[lint]\nrulebooks = ["{UJI.as_posix()}"]\n\n[[lint.exemptions]]\n'
                    'rule = "tidak.ada"\ntext = "x"\nreason = "uji"\napproved_by = "Kabid"\n',
                    encoding="utf-8")
    config = load_config(path)
    with pytest.raises(ConfigError) as info:
        build_linter(config, build_rulebook(config))
    assert "tidak.ada" in info.value.message and info.value.line == 5


def test_empty_rulebooks_list_is_a_config_error(tmp_path):
    path = tmp_path / "medsos.toml"
    path.write_text("[lint]\nrulebooks = []\n", encoding="utf-8")
    config = load_config(path)
    with pytest.raises(ConfigError) as info:
        build_rulebook(config)
    assert "rulebooks" in info.value.message and info.value.line == 2


@pytest.mark.parametrize(("text", "line", "message"), [
    ('[lint]\nfail-on = "error"\n', 2,
     "kunci “lint.fail-on” tidak dikenal (mungkin maksud Anda “lint.fail_on”); yang sah: "
     "lint.disable, lint.exclude,"),
    ('[lint]\nplatform = "friendster"\n', 2,
     "lint.platform “friendster” tidak dikenal; pilih instagram, x,"),
    ('[lint]\nregex_timeout = 0\n', 2, "“lint.regex_timeout” harus angka positif sampai 60"),
    ('[report]\nsla_hours = -2\n', 2,
     "“report.sla_hours” harus angka jam positif (mis. 24 untuk 1×24 jam)"),
    ('[rollup]\nmin_posts_week = 1.5\n', 2, "“rollup.min_posts_week” harus bilangan bulat 0 atau "
                                           "lebih"),
    ('[account]\nname = 12\n', 2, "“account.name” harus berupa teks"),
    ('lint = 3\n', 1, "“lint” harus berupa tabel"),
    ('[lint.vocabulary]\naccept = [1]\n', 2, "“lint.vocabulary.accept” harus berupa daftar teks"),
    ('[[lint.exemptions]]\nrule = "a.b"\ntext = "x"\nreason = "r"\n', 2,
     "“lint.exemptions.approved_by” wajib diisi teks"),
])
def test_declared_tables_name_key_and_line(tmp_path, text, line, message):
    err = config_error(write(tmp_path / "medsos.toml", text))
    assert err.message.startswith(message), err.message
    assert err.line == line
