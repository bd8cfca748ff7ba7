"""``medsos lint`` on saved drafts: platform from the name, threads, YouTube titles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from medsos_cli.drafting.thread import split_thread
from medsos_cli.text.thread_format import THREAD_SEPARATOR

FIXTURES = Path(__file__).parent.parent / "fixtures" / "thread"
SAVED = ["umkm.x.txt", "cuaca.x.md", "hoaks.threads.txt", "terlalu-panjang.x.txt",
         "tautan.threads.txt", "judul.youtube-title.txt", "judul-panjang.youtube-title.txt"]


@pytest.fixture
def drafts(tmp_path, monkeypatch) -> Path:
    """The saved drafts in an empty working folder (bundled rulebook, no medsos.toml)."""
    folder = tmp_path / "draf"
    folder.mkdir()
    for name in SAVED:
        shutil.copy(FIXTURES / name, folder / name)
    monkeypatch.chdir(tmp_path)
    return folder


def test_saved_thread_within_limits_exit_0(invoke, drafts):
    result = invoke("lint", "draf/umkm.x.txt")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "✔ 0 temuan (0 galat, 0 peringatan, 0 saran) dalam 1 berkas\n"


def test_part_over_the_limit_exit_1_with_position_in_that_part(invoke, drafts):
    result = invoke("lint", "draf/terlalu-panjang.x.txt")
    assert result.exit_code == 1
    assert ("draf/terlalu-panjang.x.txt:5:311 galat platform.x.panjang Panjang 357 dari batas "
            "280") in result.stdout
    assert result.stderr == ""


def test_json_reports_platform_from_name(invoke, drafts):
    result = invoke("lint", "draf", "--format", "json")
    assert result.exit_code == 1
    files = {Path(e["path"]).name: e for e in json.loads(result.stdout)["files"]}
    assert set(files) == set(SAVED)
    assert {name: e["platform"] for name, e in files.items()} == {
        name: name.split(".")[-2].replace("-title", "") for name in SAVED}
    errors = {name: [f["rule"] for f in e["findings"] if f["level"] == "error"]
              for name, e in files.items()}
    assert errors == {
        "umkm.x.txt": [], "cuaca.x.md": [], "hoaks.threads.txt": [], "judul.youtube-title.txt": [],
        "terlalu-panjang.x.txt": ["platform.x.panjang"],
        "tautan.threads.txt": ["platform.threads.tautan"],
        "judul-panjang.youtube-title.txt": ["platform.youtube.judul"],
    }


def test_youtube_title_file(invoke, drafts):
    result = invoke("lint", "draf/judul-panjang.youtube-title.txt")
    assert result.exit_code == 1
    assert ("judul-panjang.youtube-title.txt:1:101 galat platform.youtube.judul Judul 120 "
            "karakter, melewati batas 100 karakter judul video YouTube.") in result.stdout


def test_kind_title_in_front_matter(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "judul.md").write_text(
        "---\nplatform: youtube\nkind: title\n---\n" + "Judul video yang terlalu panjang " * 4,
        encoding="utf-8")
    result = invoke("lint", "judul.md")
    assert result.exit_code == 1
    assert "judul.md:5:101 galat platform.youtube.judul Judul 131 karakter" in result.stdout


def test_unknown_kind_lists_title(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("---\nkind: judul\n---\nHalo\n", encoding="utf-8")
    result = invoke("lint", "a.md")
    assert result.exit_code == 2
    assert "kind “judul” tidak dikenal; pilih caption, reply, atau title" in result.stderr


def test_thread_on_standard_input_with_platform_flag(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = (FIXTURES / "pengumuman-umkm.txt").read_text(encoding="utf-8")
    saved = THREAD_SEPARATOR.join(split_thread(text, limit=280, mode="x_weighted"))
    result = invoke("lint", "-", "--platform", "x", input=saved.encode("utf-8"))
    assert result.exit_code == 0, result.stdout
    # The same text as one post is over the limit.
    result = invoke("lint", "-", "--platform", "x", input=text.encode("utf-8"))
    assert result.exit_code == 1
    assert "platform.x.panjang" in result.stdout
