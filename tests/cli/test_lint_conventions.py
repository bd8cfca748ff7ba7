"""``medsos lint`` conventions (issue 13): scope of a folder walk, --stdin-filename, --quiet,
--min-level, --output, --statistics, the fix summary, colour variables, completion,
streaming output and progress."""

from __future__ import annotations

import json

import pytest
from helpers import UJI

from medsos_cli.cli import _lintrun
from medsos_cli.cli._complete import complete_platform, complete_template
from medsos_cli.lint import run as lint_run
from medsos_cli.lint.scope import Scope, ignored, relative_posix

R = ("-r", str(UJI))
CAPTION = "Warga dihimbau hadir di Alun-alun!! 🙏\nBiaya Rp 25.000. #KotaContoh\n"


def _write(folder, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _linted(stdout: str) -> list[str]:
    """The files named in text output (first field of each finding line)."""
    names = []
    for line in stdout.splitlines():
        if ":" in line and not line.startswith((" ", "✔", "✖")):
            name = line.split(":", 1)[0]
            if name not in names:
                names.append(name)
    return names


# -- 1. scope of a folder walk --------------------------------------------------------------


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository folder with captions beside the things a walk must not enter."""
    _write(tmp_path, {
        "takarir/a.txt": CAPTION, "takarir/arsip/b.md": CAPTION,
        ".git/COMMIT_EDITMSG.txt": CAPTION, ".venv/lib/site.txt": CAPTION,
        "venv/x.txt": CAPTION, "env-lain/pyvenv.cfg": "home = /usr\n",
        "env-lain/lib/y.txt": CAPTION, "node_modules/pkg/README.md": CAPTION,
        ".cache/z.txt": CAPTION, "takarir/.draf/c.txt": CAPTION,
    })
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_walk_skips_git_venvs_node_modules_and_hidden_folders(invoke, repo):
    result = invoke("lint", ".", *R)
    assert _linted(result.stdout) == ["takarir/a.txt", "takarir/arsip/b.md"]
    assert "dalam 2 berkas" in result.stdout


def test_a_path_named_on_the_command_line_is_still_linted(invoke, repo):
    result = invoke("lint", ".venv/lib/site.txt", "node_modules", *R)
    assert _linted(result.stdout) == [".venv/lib/site.txt", "node_modules/pkg/README.md"]


def test_glob_matches_skip_the_same_folders(invoke, repo):
    result = invoke("lint", "**/*.txt", *R)
    assert _linted(result.stdout) == ["takarir/a.txt"]


def test_gitignore_is_honoured_with_nested_files_and_negation(invoke, repo):
    _write(repo, {".gitignore": "arsip/\n*.bak.txt\n", "takarir/lama.bak.txt": CAPTION,
                  "takarir/.gitignore": "!penting.bak.txt\n",
                  "takarir/penting.bak.txt": CAPTION})
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    result = invoke("lint", "takarir", *R)
    assert _linted(result.stdout) == ["takarir/a.txt", "takarir/penting.bak.txt"]
    # a .gitignore above the walked folder counts up to the repository root ...
    _write(repo, {"takarir/arsip/x.bak.txt": CAPTION})
    # ... but a folder named on the command line is linted even when that .gitignore ignores
    # it (as ripgrep and ruff do): a walk that silently found nothing would hide the captions.
    # The patterns of .gitignore files above it then have no say inside it.
    assert _linted(invoke("lint", "takarir/arsip", *R).stdout) == [
        "takarir/arsip/b.md", "takarir/arsip/x.bak.txt"]


def test_gitignore_can_be_turned_off(invoke, repo):
    _write(repo, {".gitignore": "arsip/\n", "medsos.toml": "[lint]\ngitignore = false\n"})
    assert "takarir/arsip/b.md" in _linted(invoke("lint", ".", *R).stdout)


def test_include_and_exclude_from_the_config(invoke, repo):
    _write(repo, {"medsos.toml": '[lint]\ninclude = ["takarir/**/*.md", "*.caption"]\n'
                                 'exclude = ["lama/"]\n',
                  "takarir/c.caption": CAPTION, "takarir/arsip/lama/d.md": CAPTION})
    result = invoke("lint", ".", *R)
    assert _linted(result.stdout) == ["takarir/arsip/b.md", "takarir/c.caption"]


def test_exclude_is_relative_to_the_config_folder(invoke, repo, monkeypatch):
    _write(repo, {"medsos.toml": '[lint]\nexclude = ["takarir/arsip"]\n'})
    monkeypatch.chdir(repo / "takarir")
    assert _linted(invoke("lint", ".", *R).stdout) == ["a.txt"]


def test_force_exclude_applies_the_scope_to_named_files(invoke, repo):
    _write(repo, {"medsos.toml": '[lint]\nexclude = ["arsip/"]\n'})
    named = ("takarir/a.txt", "takarir/arsip/b.md", ".venv/lib/site.txt")
    assert _linted(invoke("lint", *named, *R).stdout) == list(named)
    result = invoke("lint", *named, *R, "--force-exclude")
    assert _linted(result.stdout) == ["takarir/a.txt"]


@pytest.mark.parametrize(("toml", "message"), [
    ('include = []', "lint.include kosong"),
    ('exclude = "a"\ninclude = [1]', "“lint.include” harus berupa daftar teks"),
    ('gitignore = "ya"', "“lint.gitignore” harus true atau false"),
])
def test_bad_scope_settings_are_config_errors(invoke, repo, toml, message):
    _write(repo, {"medsos.toml": f"[lint]\n{toml}\n"})
    result = invoke("lint", ".", *R)
    assert result.exit_code == 2
    assert message in result.stderr and "medsos.toml:" in result.stderr


def test_windows_paths_are_matched_with_forward_slashes():
    assert relative_posix(r"C:\repo\takarir\arsip\b.md", r"C:\repo", "\\") == "takarir/arsip/b.md"
    assert relative_posix(r"D:\lain\b.md", r"C:\repo", "\\") is None
    assert relative_posix(r".\takarir\a.txt", ".", "\\") == "takarir/a.txt"
    import pathspec

    chain = [(r"C:\repo", pathspec.GitIgnoreSpec.from_lines(["arsip/", "*.bak.txt"])),
             (r"C:\repo\takarir", pathspec.GitIgnoreSpec.from_lines(["!penting.bak.txt"]))]
    assert ignored(chain, r"C:\repo\takarir\arsip", True, "\\")
    assert ignored(chain, r"C:\repo\takarir\lama.bak.txt", False, "\\")
    assert not ignored(chain, r"C:\repo\takarir\penting.bak.txt", False, "\\")
    assert not ignored(chain, r"C:\repo\takarir\a.txt", False, "\\")
    scope = Scope(r"C:\repo", include=["takarir/**/*.txt"], exclude=["arsip/"],
                  gitignore=False, sep="\\")
    assert scope.takes_file("a.txt", r"C:\repo\takarir\a.txt")
    assert not scope.takes_file("b.md", r"C:\repo\takarir\b.md")
    assert not scope.takes_file("c.txt", r"C:\repo\takarir\arsip\c.txt")
    assert scope.skips_path(r"C:\repo\node_modules\x.txt")


# -- 1. --stdin-filename --------------------------------------------------------------------


def test_stdin_filename_names_the_findings_and_sets_the_platform(invoke, scenario):
    scenario("temuan")
    text = "Warga dihimbau hadir. #KotaContoh " + "kata " * 60 + "\n"
    result = invoke("lint", "-", *R, "--stdin-filename", "posts/hut.x.txt", "-f", "json",
                    input=text)
    data = json.loads(result.stdout)
    assert data["files"][0]["path"] == "posts/hut.x.txt"
    assert data["files"][0]["platform"] == "x"
    text_out = invoke("lint", "-", *R, "--stdin-filename", "posts/hut.x.txt", input=text)
    assert text_out.stdout.startswith("posts/hut.x.txt:1:")


def test_stdin_filename_needs_standard_input(invoke, scenario):
    scenario("temuan")
    result = invoke("lint", "takarir.txt", *R, "--stdin-filename", "a.txt")
    assert result.exit_code == 2
    assert "--stdin-filename" in result.stderr and "masukan standar" in result.stderr


# -- 2. --quiet, --min-level, --output, --statistics ----------------------------------------


def test_quiet_prints_findings_only(invoke, scenario):
    scenario("temuan")
    loud = invoke("lint", "takarir.txt", *R)
    quiet = invoke("lint", "takarir.txt", *R, "--quiet")
    assert quiet.exit_code == loud.exit_code == 0
    assert loud.stdout.endswith("dalam 1 berkas\n")
    assert quiet.stdout == loud.stdout[:loud.stdout.rindex("✖")]
    assert "temuan (" not in quiet.stdout
    assert invoke("lint", "takarir.txt", *R, "-q", "--min-level", "galat").stdout == ""


@pytest.mark.parametrize("name", ["peringatan", "warning", "PERINGATAN"])
def test_min_level_hides_lower_findings(invoke, scenario, name):
    scenario("temuan")
    result = invoke("lint", "takarir.txt", *R, "--min-level", name, "--fail-on", "suggestion")
    assert " saran " not in result.stdout
    assert "peringatan baku.ejaan" in result.stdout
    assert "peringatan format.rupiah" in result.stdout
    assert result.stdout.rstrip().endswith(
        "2 temuan (0 galat, 2 peringatan, 0 saran) dalam 1 berkas; 1 temuan di bawah tingkat "
        "peringatan disembunyikan")
    assert result.exit_code == 1  # the warnings shown still fail at --fail-on suggestion


def test_min_level_hidden_findings_do_not_fail(invoke, scenario):
    scenario("temuan")
    assert invoke("lint", "takarir.txt", *R, "--fail-on", "warning").exit_code == 1
    assert invoke("lint", "takarir.txt", *R, "--fail-on", "warning",
                  "--min-level", "error").exit_code == 0


def test_min_level_unknown_is_a_usage_error(invoke, scenario):
    scenario("temuan")
    result = invoke("lint", "takarir.txt", *R, "--min-level", "kadang")
    assert result.exit_code == 2
    assert "“kadang” tidak dikenal" in result.stderr and "galat" in result.stderr


def test_output_writes_atomically_and_refuses_to_overwrite(invoke, scenario):
    folder = scenario("temuan")
    result = invoke("lint", "takarir.txt", *R, "-f", "json", "--output", "hasil.json")
    assert result.exit_code == 0 and result.stdout == ""
    data = json.loads((folder / "hasil.json").read_text(encoding="utf-8"))
    assert data["files"][0]["path"] == "takarir.txt"
    (folder / "hasil.json").write_text("lama", encoding="utf-8")
    again = invoke("lint", "takarir.txt", *R, "--output", "hasil.json")
    assert again.exit_code == 2
    assert "hasil.json: berkas keluaran sudah ada; pakai --force" in again.stderr
    assert (folder / "hasil.json").read_text(encoding="utf-8") == "lama"
    forced = invoke("lint", "takarir.txt", *R, "--output", "hasil.json", "--force")
    assert forced.exit_code == 0
    text = (folder / "hasil.json").read_text(encoding="utf-8")
    assert "takarir.txt:1:7 peringatan baku.ejaan" in text and "\x1b[" not in text
    assert sorted(p.name for p in folder.iterdir()) == ["hasil.json", "medsos.toml",
                                                        "takarir.txt"]


def test_output_to_a_folder_is_refused(invoke, scenario):
    folder = scenario("temuan")
    (folder / "keluar").mkdir()
    result = invoke("lint", "takarir.txt", *R, "--output", "keluar", "--force")
    assert result.exit_code == 2 and "keluar" in result.stderr


def test_statistics_counts_per_rule(invoke, scenario):
    scenario("temuan")
    result = invoke("lint", "takarir.txt", *R, "--statistics")
    lines = result.stdout.splitlines()
    assert [line.split() for line in lines[:3]] == [
        ["1", "baku.ejaan", "peringatan", "1", "dapat", "diperbaiki", "--fix"],
        ["1", "format.rupiah", "peringatan"], ["1", "format.seru", "saran"]]
    assert lines[-1].startswith("✖ 3 temuan")
    assert "takarir.txt:1:7" not in result.stdout
    bad = invoke("lint", "takarir.txt", *R, "--statistics", "-f", "json")
    assert bad.exit_code == 2 and "--statistics" in bad.stderr


def test_fix_summary_per_rule_and_diff_summary_on_stderr(invoke, scenario):
    folder = scenario("temuan")
    diff = invoke("lint", "takarir.txt", *R, "--diff")
    assert diff.stdout.startswith("--- a/takarir.txt")
    assert diff.stderr == "--diff: 1 perbaikan akan diterapkan di 1 berkas\n  1  baku.ejaan\n"
    fixed = invoke("lint", "takarir.txt", *R, "--fix")
    assert fixed.stdout.startswith("takarir.txt:1:33 saran format.seru")  # what is left
    assert fixed.stdout.endswith("--fix: 1 perbaikan diterapkan di 1 berkas\n  1  baku.ejaan\n"
                                 "✖ 2 temuan (0 galat, 1 peringatan, 1 saran) dalam 1 berkas\n")
    assert "diimbau" in (folder / "takarir.txt").read_text(encoding="utf-8")
    again = invoke("lint", "takarir.txt", *R, "--fix", "-f", "json")
    json.loads(again.stdout)  # the document stays clean JSON; the summary is on stderr
    assert again.stderr == "--fix: tidak ada perbaikan yang dapat diterapkan\n"


# -- 2. colour and completion ---------------------------------------------------------------


@pytest.mark.parametrize(("env", "expected"), [
    ({}, False), ({"NO_COLOR": ""}, False), ({"FORCE_COLOR": "1"}, True),
    ({"FORCE_COLOR": ""}, False), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ({"FORCE_COLOR": "1", "NO_COLOR": ""}, True),
])
def test_color_variables_count_only_when_non_empty(invoke, scenario, monkeypatch, env,
                                                   expected):
    scenario("temuan")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = invoke("lint", "takarir.txt", *R)
    assert ("\x1b[" in result.stdout) is expected
    assert "\x1b[" not in invoke("lint", "takarir.txt", *R, "--no-color").stdout


def test_use_color_on_a_terminal_honours_no_color(monkeypatch):
    class Tty:
        def isatty(self):
            return True

    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("NO_COLOR", "")
    assert _lintrun.use_color(None, Tty()) is True  # empty NO_COLOR: as if not set
    monkeypatch.setenv("NO_COLOR", "1")
    assert _lintrun.use_color(None, Tty()) is False
    assert _lintrun.use_color(True, Tty()) is True  # --color wins


def test_completion_of_platform_and_template_names(invoke, monkeypatch):
    assert complete_platform("T") == ["tiktok", "threads"]
    assert "kegiatan-pimpinan" in complete_template("keg")
    assert complete_template("tidak-ada-") == []
    from typer.testing import CliRunner

    from medsos_cli.cli.app import app

    def complete(words: str) -> list[str]:
        env = {"_MEDSOS_COMPLETE": "complete_bash", "COMP_WORDS": words,
               "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
        result = CliRunner().invoke(app, [], env=env, prog_name="medsos")
        return result.stdout.split()

    assert complete("medsos lint a.txt --platform ins") == ["instagram"]
    assert complete("medsos draft keg") == ["kegiatan-pimpinan"]
    assert "all" in complete("medsos draft kegiatan-pimpinan --platform ")


# -- 3. streaming and progress --------------------------------------------------------------


@pytest.fixture
def many(tmp_path, monkeypatch):
    folder = tmp_path / "banyak"
    for i in range(300):
        text = CAPTION if i % 3 else "Kegiatan kerja bakti bersama warga. #KotaContoh\n"
        _write(folder, {f"{i:03d}.txt": text})
    monkeypatch.chdir(tmp_path)
    return folder


def test_findings_print_as_files_finish_and_the_summary_comes_last(invoke, many,
                                                                   monkeypatch):
    events: list[str] = []
    real_items = lint_run.lint_items

    def watched(*args, **kwargs):
        for result in real_items(*args, **kwargs):
            events.append(f"linted {result.path}")
            yield result

    written: list[str] = []

    def write(text: str) -> None:
        events.append("written")
        written.append(text)

    monkeypatch.setattr(lint_run, "lint_items", watched)
    monkeypatch.setattr(_lintrun, "stdout_write", write)
    result = invoke("lint", "banyak", *R, "--jobs", "2")
    assert result.exit_code == 0
    # the first file's findings are written before the second file is handed over
    first = events.index("linted banyak/001.txt")
    assert events[first + 1] == "written"
    assert events.index("linted banyak/002.txt") > first + 1
    out = "".join(written)
    assert out.rstrip().splitlines()[-1].startswith("✖ ")
    assert _linted(out) == [f"banyak/{i:03d}.txt" for i in range(300) if i % 3]


def test_jobs_keep_the_input_order(invoke, many):
    one = invoke("lint", "banyak", *R, "--jobs", "1")
    two = invoke("lint", "banyak", *R, "--jobs", "2")
    assert one.stdout == two.stdout and one.exit_code == two.exit_code


@pytest.mark.parametrize("extra", [("--format", "github"), ("--min-level", "warning"),
                                   ("--quiet",)])
def test_output_made_in_the_workers_is_the_output_made_here(invoke, many, extra):
    """With --jobs the workers render each file's lines (text, github); --min-level leaves
    the rendering to the parent. Either way the output is that of one process."""
    one = invoke("lint", "banyak", *R, "--jobs", "1", *extra)
    two = invoke("lint", "banyak", *R, "--jobs", "2", *extra)
    assert one.stdout and one.stdout == two.stdout and one.exit_code == two.exit_code


def test_github_format_streams_too(invoke, many):
    result = invoke("lint", "banyak", *R, "-f", "github")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::warning file=banyak/001.txt,")
    assert len({line.split(",")[0].split(" ")[1] for line in lines}) == 200


def test_progress_only_on_a_terminal_and_for_many_files(invoke, many, monkeypatch):
    class Tty:
        def isatty(self):
            return True

    assert not _lintrun.progress_wanted(10, False, Tty())
    assert not _lintrun.progress_wanted(300, True, Tty())
    assert _lintrun.progress_wanted(300, False, Tty())
    plain = invoke("lint", "banyak", *R)
    assert plain.stderr == ""  # stderr is not a terminal here: no progress
    entered: list[int] = []

    class Recorder:
        def __init__(self, total):
            entered.append(total)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return None

        def advance(self):
            entered.append(-1)

        shares_terminal = False

    monkeypatch.setattr(_lintrun, "progress_wanted", lambda n, quiet, stderr=None: not quiet)
    monkeypatch.setattr(_lintrun, "_ProgressContext", Recorder)
    shown = invoke("lint", "banyak", *R)
    assert entered[0] == 300 and entered.count(-1) == 300
    assert shown.stdout == plain.stdout  # the bar never goes into the findings


def test_named_files_never_import_pathspec(tmp_path):
    """One caption (and pre-commit's named files with --force-exclude) must not pay for the
    ~50 ms import of pathspec, even beside a .gitignore."""
    import subprocess
    import sys

    _write(tmp_path, {".gitignore": "*.bak\n", "takarir/a.txt": CAPTION})
    (tmp_path / ".git").mkdir()
    code = ("import runpy, sys; sys.argv = ['medsos', 'lint', 'takarir/a.txt', "
            "'--force-exclude'];\ntry:\n    runpy.run_module('medsos_cli', run_name='__main__')\n"
            "except SystemExit:\n    pass\nprint('pathspec' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, encoding="utf-8")
    assert "takarir/a.txt:1:" in proc.stdout
    assert proc.stdout.strip().splitlines()[-1] == "False"


_SPAWNED = """
import multiprocessing, sys
multiprocessing.get_all_start_methods = lambda: ["spawn"]  # as on Windows
from medsos_cli.cli import main
if __name__ == "__main__":
    sys.argv = ["medsos", "lint", "banyak", *sys.argv[1:]]
    main()
"""


@pytest.mark.slow
def test_jobs_with_spawned_workers_give_the_output_of_one_process(many, tmp_path):
    """Windows has no fork: the job (linter, options, the renderer run in the workers) is
    pickled to spawned processes. Their output is that of one process."""
    import os
    import subprocess
    import sys

    script = tmp_path / "spawned.py"
    script.write_text(_SPAWNED, encoding="utf-8")
    env = {**os.environ, "MEDSOS_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, str(script), *R, "--jobs", jobs],
                           capture_output=True, text=True, encoding="utf-8", env=env,
                           cwd=tmp_path, timeout=300) for jobs in ("1", "2")]
    assert runs[0].stdout and runs[0].stdout == runs[1].stdout, runs[1].stderr
    assert runs[0].returncode == runs[1].returncode == 0
