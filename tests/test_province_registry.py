"""accounts.yaml: loading, matching export accounts, and mistakes named by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from medsos_cli.config import load_config
from medsos_cli.errors import ConfigError
from medsos_cli.exports.model import ImportResult, Post
from medsos_cli.registry import (
    export_accounts,
    load_registry,
    registry_path,
    unknown_accounts,
    warn_unknown,
)
from medsos_cli.weekly.model import Source

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "province" / "accounts.yaml"

GOOD = """\
offices:
  - {id: kantor-a, name: Kantor A, kind: opd}
  - {id: kantor-b, name: Kantor B}
accounts:
  - {platform: instagram, handle: "@Kantor.A", id: "178", office: kantor-a, tags: [kecamatan]}
  - {platform: facebook, id: "100", name: Kantor B Page, office: kantor-b}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "accounts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_match_by_handle_id_or_name_without_case_or_at(tmp_path):
    book = load_registry(write(tmp_path, GOOD))
    assert book.office_of("instagram", "kantor.a").id == "kantor-a"
    assert book.office_of("instagram", "@KANTOR.A ").id == "kantor-a"
    assert book.office_of("instagram", "178").id == "kantor-a"
    assert book.office_of("facebook", "kantor b page").id == "kantor-b"
    assert book.match("x", "kantor.a") is None  # another platform
    assert book.accounts_of("kantor-a")[0].tags == ("kecamatan",)
    assert book.offices["kantor-b"].kind == "opd"


@pytest.mark.parametrize(("text", "message", "line"), [
    (GOOD.replace("office: kantor-b", "office: kantor-z"), "kantor “kantor-z” tidak ada", 6),
    (GOOD.replace('id: "100"', 'id: "178"').replace("facebook", "instagram"),
     "sudah terdaftar di baris 5", 6),
    (GOOD.replace("id: kantor-a,", "id: Kantor A,"), "id kantor “Kantor A” tidak sah", 2),
    (GOOD.replace("platform: facebook", "platform: friendster"), "friendster", 6),
    (GOOD.replace('handle: "@Kantor.A", id: "178", ', ""), "handle", 5),
    (GOOD.replace("kind: opd", "kind: dinas"), "jenis kantor", 2),
    (GOOD + "extra: 1\n", "kunci “extra”", 7),
    ("offices: [\n", "YAML tidak sah", None),
])
def test_mistakes_name_file_and_line(tmp_path, text, message, line):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_registry(path)
    assert message in caught.value.message
    assert caught.value.path == str(path)
    if line is not None:
        assert caught.value.line == line


def test_example_registry_loads():
    book = load_registry(EXAMPLE)
    assert sorted(book.offices) == ["dinkes-provinsi", "kab-contoh-barat", "kominfo-kota-contoh"]


def test_registry_beside_config_or_named_in_accounts(tmp_path):
    (tmp_path / "medsos.toml").write_text("", encoding="utf-8")
    assert registry_path(load_config(tmp_path / "medsos.toml")) is None
    write(tmp_path, GOOD)
    assert registry_path(load_config(tmp_path / "medsos.toml")) == tmp_path / "accounts.yaml"
    (tmp_path / "medsos.toml").write_text('[accounts]\nregistry = "lain.yaml"\noffice = "a"\n'
                                          "[rollup]\nmin_posts_week = 3\n", encoding="utf-8")
    config = load_config(tmp_path / "medsos.toml")
    assert config.registry == (tmp_path / "lain.yaml").resolve()
    assert (config.office, config.min_posts_week) == ("a", 3)


def test_bad_rollup_minimum_is_a_config_error(tmp_path):
    (tmp_path / "medsos.toml").write_text("[rollup]\nmin_posts_week = -1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="min_posts_week"):
        load_config(tmp_path / "medsos.toml")


def test_unknown_export_accounts_are_warned_per_file(tmp_path):
    write(tmp_path, GOOD)
    (tmp_path / "medsos.toml").write_text("", encoding="utf-8")
    result = ImportResult(path="ig.csv", format="meta_instagram_posts", posts=[
        Post("instagram", "1", None, account="kantor.a"),
        Post("instagram", "2", None, account="@orang.lain"),
        Post("instagram", "3", None, account="@orang.lain")])
    assert unknown_accounts(load_registry(tmp_path / "accounts.yaml"),
                            export_accounts([result])) == [("instagram", "@orang.lain", 2)]
    sources = [Source(path="ig.csv")]
    warn_unknown(sources, [result], load_config(tmp_path / "medsos.toml"))
    assert sources[0].warnings == [
        "akun instagram “@orang.lain” (2 unggahan) tidak ada di daftar akun accounts.yaml; "
        "tambahkan agar masuk rekap kantornya"]
