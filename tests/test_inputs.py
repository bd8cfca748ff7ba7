"""Inputs of ``medsos lint``: expansion, decoding, front matter, and the run over them."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from helpers import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from medsos_cli.config import Config
from medsos_cli.errors import InputError
from medsos_cli.lint.inputs import decode, expand, read_source
from medsos_cli.lint.run import Options, lint_paths

INPUTS = FIXTURES / "inputs"


def rel(items) -> list[str]:
    return [Path(p).relative_to(INPUTS).as_posix() for p in items]


# -- expansion ------------------------------------------------------------------------------


def test_folder_recurses_txt_and_md_sorted():
    assert rel(expand([str(INPUTS / "folder")])) == [
        "folder/a-vaksin.txt", "folder/arsip/2026-11-01.txt", "folder/b-pengumuman.md"]


def test_uppercase_extension_and_duplicates(tmp_path):
    (tmp_path / "B.TXT").write_text("b", encoding="utf-8")
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    items = list(expand([str(tmp_path), str(tmp_path / "a.md")]))
    assert [Path(p).name for p in items] == ["B.TXT", "a.md"]


def test_glob_sorted_and_recursive():
    pattern = str(INPUTS / "folder" / "**" / "*.txt")
    assert rel(expand([pattern])) == ["folder/a-vaksin.txt", "folder/arsip/2026-11-01.txt"]


def test_glob_without_match_is_error(tmp_path):
    (item,) = expand([str(tmp_path / "*.txt")])
    assert isinstance(item, InputError)
    assert "glob" in item.message


def test_missing_file_is_error_and_others_go_on(tmp_path):
    good = tmp_path / "ada.txt"
    good.write_text("Halo", encoding="utf-8")
    items = list(expand([str(tmp_path / "tidak-ada.txt"), str(good)]))
    assert isinstance(items[0], InputError)
    assert items[0].path == str(tmp_path / "tidak-ada.txt")
    assert "tidak ditemukan" in items[0].message
    assert items[1] == str(good)


def test_stdin_marker():
    assert list(expand(["-"])) == ["-"]


def test_read_stdin(monkeypatch):
    data = "Warga dihimbau 🎉\r\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    source = read_source("-")
    assert source.path == "<stdin>"
    assert source.text == "Warga dihimbau 🎉\r\n"


# -- decoding -------------------------------------------------------------------------------


def test_invalid_utf8_names_line_and_column():
    path = str(INPUTS / "invalid-utf8" / "takarir.txt")
    with pytest.raises(InputError) as info:
        read_source(path)
    err = info.value
    assert err.path == path
    assert err.line == 2
    assert "kolom 20" in err.message  # after "Pasar Rejowinangun " (19 characters)
    assert "0xe9" in err.message


def test_invalid_utf8_column_counts_characters_not_bytes():
    data = "Jl. Pemuda 🎉 ".encode() + b"\xff"
    with pytest.raises(InputError) as info:
        decode(data, "f.txt")
    assert (info.value.line, "kolom 14" in info.value.message) == (1, True)


def test_utf16_file_is_refused_with_advice():
    with pytest.raises(InputError) as info:
        read_source(str(INPUTS / "utf16" / "takarir.txt"))
    assert "UTF-16" in info.value.message


def test_binary_file_is_refused():
    with pytest.raises(InputError) as info:
        read_source(str(INPUTS / "binary" / "gambar.txt"))
    assert "biner" in info.value.message


def test_folder_given_as_file(tmp_path):
    with pytest.raises(InputError):
        read_source(str(tmp_path))


def test_size_limit(tmp_path):
    big = tmp_path / "besar.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(InputError) as info:
        read_source(str(big), max_bytes=1024)
    assert "terlalu besar" in info.value.message
    assert read_source(str(big), max_bytes=4096).text == "a" * 2048


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="chmod 000 does not stop Windows or root from reading")
def test_unreadable_file(tmp_path):
    path = tmp_path / "rahasia.txt"
    path.write_text("Halo", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(InputError) as info:
            read_source(str(path))
        assert "izin" in info.value.message
    finally:
        path.chmod(0o644)


def test_bom_stripped_and_remembered():
    source = read_source(str(INPUTS / "bom" / "takarir.txt"))
    assert source.bom is True
    assert source.text.startswith("Warga dihimbau")
    assert "\ufeff" not in source.text


def test_crlf_kept():
    raw = (INPUTS / "crlf" / "takarir.txt").read_bytes()
    source = read_source(str(INPUTS / "crlf" / "takarir.txt"))
    assert source.crlf is True and source.bom is False
    assert source.text.encode("utf-8") == raw
    assert source.text.count("\r\n") == 3


# -- front matter ---------------------------------------------------------------------------


def test_front_matter_sets_platform_and_kind():
    source = read_source(str(INPUTS / "front-matter" / "x.md"))
    assert (source.platform, source.kind) == ("x", "reply")
    assert source.text.startswith("---\n")
    assert source.text[source.start:].startswith("Mohon maaf")


def test_front_matter_with_crlf_and_capitals():
    source = read_source(str(INPUTS / "front-matter-crlf" / "ig.md"))
    assert source.platform == "instagram"
    assert source.kind is None
    assert source.text[source.start:].startswith("Lomba foto")


def test_front_matter_bad_value_names_line():
    path = str(INPUTS / "front-matter-bad" / "takarir.md")
    with pytest.raises(InputError) as info:
        read_source(path)
    assert info.value.line == 3
    assert "friendster" in info.value.message
    assert str(info.value).startswith(f"{path}:3: ")


def test_front_matter_yaml_error_names_line():
    with pytest.raises(InputError) as info:
        read_source(str(INPUTS / "front-matter-yaml-error" / "takarir.md"))
    assert info.value.line in (2, 3)
    assert "front matter" in info.value.message


def test_front_matter_unclosed():
    with pytest.raises(InputError) as info:
        read_source(str(INPUTS / "front-matter-unclosed" / "takarir.md"))
    assert info.value.line == 1


def test_dashes_later_in_text_are_not_front_matter():
    source = decode(b"Halo\n---\nplatform: x\n---\n", "f.txt")
    assert (source.start, source.platform) == (0, None)


def test_front_matter_impossible_date_does_not_crash():
    source = decode(b"---\ntanggal: 2026-02-30\nplatform: x\n---\nHalo", "f.md")
    assert (source.platform, source.text[source.start:]) == ("x", "Halo")


# -- the run over inputs --------------------------------------------------------------------


def run(linter, paths, config=None, **options):
    return list(lint_paths(linter, [str(p) for p in paths], config or Config(),
                           Options(**options)))


def test_front_matter_never_linted_but_positions_count_from_file_start(linter):
    path = INPUTS / "front-matter" / "x.md"
    (result,) = run(linter, [path])
    assert (result.platform, result.kind) == ("x", "reply")
    text = result.document.text
    (f,) = result.findings  # front matter mentions nothing; only "dihimbau" in line 6
    assert (f.rule, f.text, f.line) == ("baku.ejaan", "dihimbau", 6)
    assert text[f.offset:f.offset + f.length] == "dihimbau"
    assert f.column == text.splitlines()[5].index("dihimbau") + 1


def test_front_matter_beats_command_line_platform(linter):
    (result,) = run(linter, [INPUTS / "front-matter" / "x.md"], platform="facebook")
    assert result.platform == "x"
    (result,) = run(linter, [INPUTS / "crlf" / "takarir.txt"], platform="facebook")
    assert result.platform == "facebook"


def test_config_platform_is_the_fallback(linter):
    (result,) = run(linter, [INPUTS / "crlf" / "takarir.txt"], Config(platform="threads"))
    assert result.platform == "threads"


def test_reply_option(linter):
    (result,) = run(linter, [INPUTS / "crlf" / "takarir.txt"], reply=True)
    assert result.kind == "reply"


@pytest.mark.parametrize("case", ["empty/kosong.txt", "blank/spasi.txt",
                                  "front-matter-only/takarir.md"])
def test_empty_file_is_a_notice_not_an_error(linter, case):
    (result,) = run(linter, [INPUTS / case])
    assert result.error is None
    assert result.notice and "kosong" in result.notice
    assert result.findings == []


def test_bad_inputs_become_results_with_errors(linter, tmp_path):
    results = run(linter, [INPUTS / "binary" / "gambar.txt", tmp_path / "hilang.txt",
                           INPUTS / "crlf" / "takarir.txt"])
    assert [type(r.error).__name__ if r.error else None for r in results] == [
        "InputError", "InputError", None]
    assert results[2].findings


def test_size_limit_from_config(linter, tmp_path):
    big = tmp_path / "besar.txt"
    big.write_text("Halo warga. " * 200, encoding="utf-8")  # 2.4 KB
    (result,) = run(linter, [big], Config(max_file_size_mb=0.001))
    assert isinstance(result.error, InputError)


def test_crlf_file_positions(linter):
    (result,) = run(linter, [INPUTS / "crlf" / "takarir.txt"])
    (f,) = [f for f in result.findings if f.rule == "baku.gabungan"]
    assert (f.line, f.column, f.end_column) == (2, 10, 18)
    assert f.text == "Walikota"


def test_bom_file_offsets_exclude_bom(linter):
    (result,) = run(linter, [INPUTS / "bom" / "takarir.txt"])
    assert result.bom is True
    (f,) = [f for f in result.findings if f.rule == "baku.ejaan"]
    assert (f.offset, f.line, f.column) == (6, 1, 7)


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_atomic_write_gives_a_new_file_the_umask_mode(tmp_path):
    from medsos_cli.fileio import atomic_write_text

    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "laporan.html", "isi")
    finally:
        os.umask(old)
    assert (tmp_path / "laporan.html").stat().st_mode & 0o777 == 0o644


# --- front matter without the YAML parser (ydata.simple_mapping) ------------------------------

_FM_PIECES = ["platform", "kind", "title", "x", "yes", "No", "null", "~", "y", "1", "0x1f",
              "2026-01-02", "a-b", "_k", "é", '"', "\\", "'", "#", " ", "  ", ":", ": ", "\t",
              "\r", "\u2028", "\x85", "\ufeff", "[x]", "{a}", "&a", "*a", "!t", "-", "<<", "🎉"]


@given(st.lists(st.lists(st.sampled_from(_FM_PIECES), max_size=6).map("".join),
                max_size=4))
@settings(max_examples=600, deadline=None)
def test_simple_front_matter_reads_as_yaml_does(lines):
    """Whenever the fast reader accepts a block, YAML reads the same mapping, key lines and
    mapping line; anything else is left to YAML (None)."""
    from medsos_cli.errors import RulebookError
    from medsos_cli.yamlio import load_yaml_text
    from medsos_cli.ydata import simple_mapping

    block = "".join(line + "\n" for line in lines)
    fast = simple_mapping(block)
    if fast is None:
        return
    try:
        parsed = load_yaml_text(block, "fm", first_line=2)
    except RulebookError as exc:  # pragma: no cover - the assertion's message
        raise AssertionError(f"fast reader accepted what YAML refuses: {block!r}") from exc
    assert parsed == fast and parsed.key_lines == fast.key_lines and parsed.line == fast.line


@pytest.mark.parametrize("block", [
    "platform: instagram\n", "platform: x\r\nkind: reply\r\n",
    'title: "Kota Surakarta 9 Februari 2026"\nplatform: facebook\n'])
def test_common_front_matter_needs_no_parser(block):
    from medsos_cli.yamlio import load_yaml_text
    from medsos_cli.ydata import simple_mapping

    fast = simple_mapping(block)
    assert fast is not None and fast == load_yaml_text(block, "fm")
