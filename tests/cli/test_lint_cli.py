"""``medsos lint``: exit codes, formats, standard input, --fix and --diff, error mapping."""

from __future__ import annotations

import json
import os

import pytest
from helpers import UJI

from medsos_cli.errors import RulebookError

R = ("-r", str(UJI))


# -- exit codes -----------------------------------------------------------------------------


def test_clean_caption_exit_0(invoke, scenario):
    scenario("bersih")
    result = invoke("lint", "takarir.txt", *R)
    assert result.exit_code == 0
    assert result.stdout == "✔ 0 temuan (0 galat, 0 peringatan, 0 saran) dalam 1 berkas\n"
    assert result.stderr == ""


def test_findings_below_fail_on_exit_0(invoke, scenario):
    scenario("temuan")
    result = invoke("lint", "takarir.txt", *R)
    assert result.exit_code == 0
    assert "takarir.txt:1:7 peringatan baku.ejaan" in result.stdout
    assert "3 temuan (0 galat, 2 peringatan, 1 saran)" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(("fail_on", "code"), [
    ("warning", 1), ("suggestion", 1), ("error", 0), ("none", 0), ("WARNING", 1)])
def test_fail_on(invoke, scenario, fail_on, code):
    scenario("temuan")
    result = invoke("lint", "takarir.txt", *R, "--fail-on", fail_on)
    assert result.exit_code == code
    assert "baku.ejaan" in result.stdout


def test_fail_on_from_config(invoke, scenario):
    folder = scenario("temuan")
    toml = folder / "medsos.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('"error"', '"warning"'),
                    encoding="utf-8")
    assert invoke("lint", "takarir.txt", *R).exit_code == 1
    assert invoke("lint", "takarir.txt", *R, "--fail-on", "error").exit_code == 0


def test_error_level_finding_exit_1_by_default(invoke, scenario):
    folder = scenario("bersih")
    (folder / "kampanye.txt").write_text("Ayo coblos nomor urut 2! #KotaContoh\n",
                                         encoding="utf-8")
    result = invoke("lint", "kampanye.txt", *R)
    assert result.exit_code == 1
    assert "galat netralitas.kampanye" in result.stdout


def test_bad_input_exit_2_one_stderr_line(invoke, scenario):
    scenario("rusak")
    result = invoke("lint", "invalid-utf8.txt", "takarir.txt", *R)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("medsos: invalid-utf8.txt:2: kolom 20: bukan UTF-8")
    assert "Traceback" not in result.stderr + result.stdout
    # the readable file was still linted
    assert "takarir.txt:1:7 peringatan baku.ejaan" in result.stdout
    assert "1 berkas tidak dapat diperiksa" in result.stdout


def test_missing_file_exit_2(invoke, scenario):
    scenario("bersih")
    result = invoke("lint", "hilang.txt", *R)
    assert result.exit_code == 2
    assert result.stderr == "medsos: hilang.txt: berkas tidak ditemukan\n"


def test_input_error_beats_findings(invoke, scenario):
    scenario("rusak")
    result = invoke("lint", "invalid-utf8.txt", "takarir.txt", *R, "--fail-on", "suggestion")
    assert result.exit_code == 2


def test_unknown_platform_exit_2(invoke, scenario):
    scenario("bersih")
    result = invoke("lint", "takarir.txt", *R, "--platform", "friendster")
    assert result.exit_code == 2
    assert "friendster" in result.stderr
    assert "Galat:" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("args", [("--format", "xml"), ("--fail-on", "fatal")])
def test_bad_choices_exit_2(invoke, scenario, args):
    scenario("bersih")
    result = invoke("lint", "takarir.txt", *R, *args)
    assert result.exit_code == 2
    assert args[1] in result.stderr


def test_broken_rulebook_exit_2_with_file_line(invoke, scenario):
    folder = scenario("bersih")
    broken = folder.parent / "rulebook-rusak"
    broken.mkdir()
    from shutil import copy

    from helpers import CLI_FIXTURES

    copy(CLI_FIXTURES / "rulebook-rusak" / "baku.yaml", broken / "baku.yaml")
    result = invoke("lint", "takarir.txt", "-r", str(broken))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"medsos: {(broken / 'baku.yaml').resolve()}:7: ")
    assert "severity" in line


def test_bad_config_exit_2(invoke, scenario):
    folder = scenario("bersih")
    (folder / "medsos.toml").write_text('[lint]\nplatfrom = "x"\n', encoding="utf-8")
    result = invoke("lint", "takarir.txt", *R)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"medsos: {(folder / 'medsos.toml').resolve()}:2: ")


# -- formats --------------------------------------------------------------------------------


def test_json_format(invoke, scenario):
    scenario("temuan")
    result = invoke("lint", "takarir.txt", *R, "--format", "json", "--platform", "instagram")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    (entry,) = data["files"]
    assert (entry["path"], entry["platform"]) == ("takarir.txt", "instagram")
    assert [f["rule"] for f in entry["findings"]] == ["baku.ejaan", "format.seru",
                                                      "format.rupiah"]
    assert data["summary"]["warnings"] == 2


def test_json_format_with_input_error_keeps_stdout_parseable(invoke, scenario):
    scenario("rusak")
    result = invoke("lint", "invalid-utf8.txt", *R, "-f", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["files"][0]["error"]["line"] == 2
    assert result.stderr.startswith("medsos: invalid-utf8.txt:2:")


@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_machine_formats(invoke, scenario, fmt):
    scenario("temuan")
    result = invoke("lint", "takarir.txt", *R, "--format", fmt)
    assert result.exit_code == 0
    if fmt == "sarif":
        assert json.loads(result.stdout)["version"] == "2.1.0"
    else:
        assert result.stdout.startswith("::warning file=takarir.txt,line=1,col=7,")


def test_color_option(invoke, scenario):
    scenario("temuan")
    colored = invoke("lint", "takarir.txt", *R, "--color").stdout
    plain = invoke("lint", "takarir.txt", *R, "--no-color").stdout
    assert "\x1b[" in colored and "\x1b[" not in plain


# -- standard input -------------------------------------------------------------------------


def test_stdin(invoke, scenario):
    scenario("bersih")
    result = invoke("lint", "-", *R, "--reply", input="Baca dulu pengumumannya, Kak 🙏")
    assert result.exit_code == 0
    assert "<stdin>:1:1 peringatan balasan.nada" in result.stdout


def test_stdin_front_matter_and_json(invoke, scenario):
    scenario("bersih")
    text = "---\nplatform: x\n---\n" + "a" * 300
    result = invoke("lint", "-", *R, "-f", "json", input=text.encode())
    data = json.loads(result.stdout)
    assert data["files"][0]["platform"] == "x"
    assert result.exit_code == 1  # platform.x.panjang is an error
    (f,) = [f for f in data["files"][0]["findings"] if f["rule"] == "platform.x.panjang"]
    assert f["line"] == 4


def test_markup_intact_and_long_lines_windowed(invoke, scenario):
    scenario("bersih")
    caption = "Warga dihimbau [error] [bold]hadir[/bold] " + "x" * 200 + " #KotaContoh"
    result = invoke("lint", "-", *R, input=caption)
    # The line is shown as a window of 40 characters around the match, markup as written.
    assert "Warga dihimbau [error] [bold]hadir[/bold] " + "x" * 12 + "…" in result.stdout
    assert "x" * 60 not in result.stdout
    assert "<stdin>:1:7 peringatan" in result.stdout


# -- --fix and --diff -----------------------------------------------------------------------


FIXED_BOM_CRLF = (b"\xef\xbb\xbf" + "Wali Kota mengimbau warga agar mempraktikkan hidup bersih "
                  "🧹\r\nAktivitas kerja bakti dimulai pukul 07.00 WIB. #KotaContoh\r\n".encode())


def test_fix_keeps_bom_and_crlf(invoke, scenario):
    folder = scenario("perbaikan")
    path = folder / "bom-crlf.txt"
    path.chmod(0o640)
    result = invoke("lint", "bom-crlf.txt", *R, "--fix", "--fail-on", "suggestion")
    assert result.exit_code == 0, result.stdout
    assert path.read_bytes() == FIXED_BOM_CRLF
    assert (path.stat().st_mode & 0o777) == 0o640
    # atomic write: no temporary file left next to it
    assert sorted(p.name for p in folder.iterdir()) == ["bom-crlf.txt", "front-matter.md",
                                                        "medsos.toml"]
    # the report shows the text after fixing, after a summary of what --fix changed
    assert result.stdout == ("--fix: 4 perbaikan diterapkan di 1 berkas\n"
                             "  3  baku.ejaan\n  1  baku.gabungan\n"
                             "✔ 0 temuan (0 galat, 0 peringatan, 0 saran) dalam 1 berkas\n")


def test_fix_twice_changes_nothing(invoke, scenario):
    folder = scenario("perbaikan")
    invoke("lint", ".", *R, "--fix")
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    mtimes = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    result = invoke("lint", ".", *R, "--fix")
    assert result.exit_code == 0
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == mtimes


def test_fix_keeps_front_matter(invoke, scenario):
    folder = scenario("perbaikan")
    invoke("lint", "front-matter.md", *R, "--fix")
    assert (folder / "front-matter.md").read_text(encoding="utf-8") == (
        "---\nplatform: instagram\n---\nWarga diimbau ikut lomba foto 📸 #KotaContoh\n")


def test_diff_prints_and_does_not_write(invoke, scenario):
    folder = scenario("perbaikan")
    before = (folder / "front-matter.md").read_bytes()
    result = invoke("lint", "front-matter.md", *R, "--diff")
    assert result.exit_code == 0
    assert (folder / "front-matter.md").read_bytes() == before
    assert result.stdout == (
        "--- a/front-matter.md\n+++ b/front-matter.md\n@@ -1,4 +1,4 @@\n"
        " ---\n platform: instagram\n ---\n"
        "-Warga dihimbau ikut lomba foto 📸 #KotaContoh\n"
        "+Warga diimbau ikut lomba foto 📸 #KotaContoh\n")


def test_diff_with_stdin_allowed(invoke, scenario):
    scenario("bersih")
    result = invoke("lint", "-", *R, "--diff", input="Warga dihimbau.\n")
    assert "-Warga dihimbau.\n+Warga diimbau.\n" in result.stdout


def test_fix_with_stdin_refused(invoke, scenario):
    scenario("bersih")
    result = invoke("lint", "-", *R, "--fix", input="Warga dihimbau.")
    assert result.exit_code == 2
    assert "--diff" in result.stderr
    assert result.stdout == ""


def test_fix_and_diff_together_refused(invoke, scenario):
    scenario("perbaikan")
    result = invoke("lint", "front-matter.md", *R, "--fix", "--diff")
    assert result.exit_code == 2


def test_fix_write_failure_is_reported_and_original_kept(invoke, scenario, monkeypatch):
    folder = scenario("perbaikan")
    before = (folder / "front-matter.md").read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = invoke("lint", "front-matter.md", *R, "--fix")
    assert result.exit_code == 2
    assert result.stderr.startswith("medsos: front-matter.md: gagal menulis berkas")
    assert (folder / "front-matter.md").read_bytes() == before
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# -- --debug and internal errors ------------------------------------------------------------


def test_debug_shows_traceback_and_keeps_exit_2(invoke, scenario):
    folder = scenario("bersih")
    (folder / "medsos.toml").write_text("[lint\n", encoding="utf-8")
    quiet = invoke("lint", "takarir.txt", *R)
    assert quiet.exit_code == 2 and "Traceback" not in quiet.stderr
    for args in (("--debug", "lint", "takarir.txt", *R), ("lint", "takarir.txt", *R,
                                                           "--debug")):
        result = invoke(*args, catch=True)
        assert result.exit_code == 2
        assert "Traceback" in result.stderr and "ConfigError" in result.stderr
        assert result.stderr.splitlines()[-1].startswith("medsos: ")


def test_debug_rulebook_error_exit_2(invoke, scenario):
    scenario("bersih")
    result = invoke("--debug", "lint", "takarir.txt", "-r", "tidak-ada", catch=True)
    assert result.exit_code == 2
    assert RulebookError.__name__ in result.stderr


def test_internal_error_exit_3(invoke, scenario, monkeypatch):
    scenario("bersih")
    import medsos_cli.lint.run as run

    def boom(*args, **kwargs):
        raise RuntimeError("rusak di dalam")

    monkeypatch.setattr(run, "build_linter", boom)
    result = invoke("lint", "takarir.txt", *R)
    assert result.exit_code == 3
    (line,) = result.stderr.splitlines()
    assert "galat internal" in line and "RuntimeError" in line and "--debug" in line
    debug = invoke("--debug", "lint", "takarir.txt", *R, catch=True)
    # Never exit 1 (the "findings" code) for an internal error, with or without --debug.
    assert debug.exit_code == 3
    assert "Traceback" in debug.stderr and "RuntimeError: rusak di dalam" in debug.stderr


# -- inputs through the command line --------------------------------------------------------


def test_folder_input_sorted(invoke, scenario):
    folder = scenario("temuan")
    sub = folder / "arsip"
    sub.mkdir()
    (sub / "b.md").write_text("Warga dihimbau. #KotaContoh\n", encoding="utf-8")
    (sub / "a.txt").write_text("Aktifitas warga. #KotaContoh\n", encoding="utf-8")
    (sub / "abaikan.csv").write_text("dihimbau\n", encoding="utf-8")
    result = invoke("lint", ".", *R, "-f", "json")
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [
        "arsip/a.txt", "arsip/b.md", "takarir.txt"]


def test_empty_file_notice_exit_0(invoke, scenario):
    folder = scenario("bersih")
    (folder / "kosong.txt").write_bytes(b"")
    result = invoke("lint", "kosong.txt", *R)
    assert result.exit_code == 0
    assert "kosong.txt: berkas kosong" in result.stdout
    assert result.stderr == ""


def test_global_config_option(invoke, scenario, tmp_path):
    folder = scenario("temuan")
    other = tmp_path / "ketat.toml"
    other.write_text('[lint]\nfail_on = "suggestion"\n\n[account]\nhashtags = ["#KotaContoh"]\n',
                     encoding="utf-8")
    assert invoke("lint", "takarir.txt", *R).exit_code == 0
    assert invoke("--config", str(other), "lint", "takarir.txt", *R).exit_code == 1
    assert invoke("lint", "takarir.txt", *R, "--config", str(other)).exit_code == 1
    assert folder.exists()


def test_bundled_rulebook_lints(invoke, scenario, bundled_book):
    scenario("temuan")
    result = invoke("lint", "takarir.txt", "-f", "json")
    assert result.exit_code in (0, 1)
    assert json.loads(result.stdout)["files"][0]["path"] == "takarir.txt"


def test_regex_timeout_exit_2_and_other_rules_report(invoke, scenario):
    folder = scenario("bersih")
    book = folder.parent / "lambat"
    book.mkdir()
    (book / "rulebook.yaml").write_text(f"extends: [{UJI.as_posix()}]\n", encoding="utf-8")
    (book / "lambat.yaml").write_text("""rules:
  - id: format.lambat
    kind: pattern
    level: suggestion
    message: "{match}"
    source: "uji"
    pattern: 'Z(a|aa)+$'
    examples: {bad: ["Zaa"], good: ["tidak ada"]}
""", encoding="utf-8")
    (folder / "medsos.toml").write_text(
        '[lint]\nregex_timeout = 0.05\n\n[account]\nhashtags = ["#KotaContoh"]\n',
        encoding="utf-8")
    (folder / "lambat.txt").write_text("Warga dihimbau Z" + "a" * 80 + "!", encoding="utf-8")
    result = invoke("lint", "lambat.txt", "takarir.txt", "-r", str(book))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("medsos: lambat.txt: aturan format.lambat: pola")
    assert "lambat.txt:1:7 peringatan baku.ejaan" in result.stdout


def test_ten_megabyte_file_refused_others_still_linted(invoke, scenario):
    folder = scenario("temuan")
    (folder / "besar.txt").write_bytes(b"Warga diimbau datang. " * 480_000)  # ~10 MB
    result = invoke("lint", "besar.txt", "takarir.txt", *R, "-f", "json")
    assert result.exit_code == 2
    assert result.stderr.startswith("medsos: besar.txt: berkas terlalu besar")
    assert len(result.stderr.strip().splitlines()) == 1
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert "terlalu besar" in files["besar.txt"]["error"]["message"]
    assert files["takarir.txt"]["findings"]


def test_folder_with_thousands_of_files(invoke, scenario):
    folder = scenario("bersih")
    arsip = folder / "arsip"
    for month in range(1, 13):
        sub = arsip / f"2026-{month:02d}"
        sub.mkdir(parents=True)
        for day in range(200):
            text = "Warga dihimbau datang." if day == 7 else "Halo warga!"
            text += " #KotaContoh\n"
            (sub / f"takarir-{day:03d}.txt").write_text(text, encoding="utf-8")
    result = invoke("lint", "arsip", *R, "-f", "json")
    data = json.loads(result.stdout)
    assert data["summary"]["files"] == 2400
    paths = [f["path"] for f in data["files"]]
    assert paths == sorted(paths, key=lambda p: p.replace(os.sep, "/"))
    flagged = [f["path"] for f in data["files"] if f["findings"]]
    assert len(flagged) == 12 and all(p.endswith("takarir-007.txt") for p in flagged)
