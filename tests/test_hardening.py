"""Hostile and broken input (issue 15): every case ends with one Indonesian line naming the
file and exit 2 (never 3, never a hang), within a bound of time and memory; the other
files are still processed.

Cases that could hang or exhaust memory if the guard broke run the CLI in a subprocess with
a timeout and an address-space limit; the rest run in-process.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import CLI_FIXTURES
from typer.testing import CliRunner

from medsos_cli import fileio
from medsos_cli.cli.app import app
from medsos_cli.errors import InputError

POSIX = os.name == "posix"
ROOT_USER = POSIX and os.geteuid() == 0
needs_posix = pytest.mark.skipif(not POSIX, reason="FIFOs, devices and rlimits are POSIX")
MEM_MB = 700  # address-space limit of a subprocess run (Python + medsos need ~150 MB)


def medsos(*args: str, cwd: Path, stdin=None, timeout: float = 30.0,
           mem_mb: int = MEM_MB, shell_input: str | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m medsos_cli ARGS`` with a timeout and a memory limit."""
    def limit() -> None:
        import resource

        cap = mem_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    env = {**os.environ, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "medsos_cli", *args]
    if shell_input is not None:  # e.g. ``yes |``
        quoted = " ".join(f"'{a}'" for a in command)
        return subprocess.run(f"{shell_input} | {quoted}", shell=True, cwd=cwd, env=env,
                              capture_output=True, timeout=timeout, preexec_fn=limit)
    return subprocess.run(command, cwd=cwd, env=env, stdin=stdin, capture_output=True,
                          timeout=timeout, preexec_fn=limit if POSIX else None)


def one_line(stderr: bytes | str) -> str:
    text = stderr.decode("utf-8") if isinstance(stderr, bytes) else stderr
    lines = [line for line in text.splitlines() if line.startswith("medsos: ")]
    assert lines, text
    return lines[0]


@pytest.fixture
def invoke(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str, input: str | bytes | None = None):
        start = time.monotonic()
        result = CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)
        result.seconds = time.monotonic() - start
        return result

    return run


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project folder (with .git, so no config above it is picked up) as cwd."""
    folder = tmp_path / "proyek"
    folder.mkdir()
    (folder / ".git").mkdir()
    monkeypatch.chdir(folder)
    return folder


CAPTION = "Pendaftaran pelatihan UMKM dibuka sampai 5 Desember 2026. #KotaContoh\n"


# -- 1. bounded reading ------------------------------------------------------------------------

@needs_posix
def test_fifo_caption_refused_not_hang(project):
    os.mkfifo(project / "pipa.txt")
    (project / "baik.txt").write_text(CAPTION, encoding="utf-8")
    result = medsos("lint", "pipa.txt", "baik.txt", "--format", "json", cwd=project, timeout=30)
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert "pipa.txt" in line and "bukan berkas biasa" in line
    report = json.loads(result.stdout)  # the other file was still linted
    assert any(f["path"] == "baik.txt" for f in report["files"])


@needs_posix
def test_fifo_in_rulebook_folder_refused(project):
    book = project / "buku"
    book.mkdir()
    os.mkfifo(book / "aturan.yaml")
    (project / "c.txt").write_text(CAPTION, encoding="utf-8")
    result = medsos("lint", "-r", "buku", "c.txt", cwd=project, timeout=30)
    assert result.returncode == 2
    assert "aturan.yaml" in one_line(result.stderr)


@needs_posix
@pytest.mark.skipif(not Path("/dev/urandom").exists(), reason="no /dev/urandom")
def test_device_as_caption_refused(project):
    result = medsos("lint", "/dev/urandom", cwd=project, timeout=30)
    assert result.returncode == 2
    assert "/dev/urandom" in one_line(result.stderr)


@needs_posix
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_as_stdin_hits_size_limit(project):
    with open("/dev/zero", "rb") as zero:
        result = medsos("lint", "-", cwd=project, stdin=zero, timeout=30)
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert "<stdin>" in line and "terlalu besar" in line


@needs_posix
@pytest.mark.skipif(shutil.which("yes") is None, reason="no yes(1)")
def test_yes_pipe_as_stdin_hits_size_limit(project):
    result = medsos("lint", "-", cwd=project, shell_input="yes", timeout=30)
    assert result.returncode == 2
    assert "terlalu besar" in one_line(result.stderr)


def test_stdin_reader_stops_at_limit():
    class Endless:
        reads = 0

        def read(self, size: int) -> bytes:
            self.reads += 1
            return b"y\n" * (size // 2 + 1)

    stream = Endless()
    with pytest.raises(InputError, match="terlalu besar"):
        fileio.read_stream(stream, 3 * fileio.MB, "sebuah takarir", "<stdin>")
    assert stream.reads <= 5


@needs_posix
def test_symlink_loops_and_self_link_lint_each_file_once(project, invoke):
    posts = project / "posts"
    (posts / "sub").mkdir(parents=True)
    (posts / "a.txt").write_text(CAPTION, encoding="utf-8")
    (posts / "sub" / "b.txt").write_text(CAPTION, encoding="utf-8")
    os.symlink(".", posts / "self")  # ln -s . self
    os.symlink("..", posts / "sub" / "up")  # a loop through the parent
    os.symlink("a.txt", posts / "alias.txt")  # the same file under a second name
    result = invoke("lint", "posts", "--format", "json")
    paths = [Path(f["path"]).as_posix() for f in json.loads(result.stdout)["files"]]
    assert paths == ["posts/a.txt", "posts/sub/b.txt"]
    assert result.seconds < 10


@needs_posix
def test_link_out_of_tree_not_followed(project, tmp_path, invoke):
    outside = tmp_path / "luar"
    outside.mkdir()
    (outside / "rahasia.txt").write_text(CAPTION, encoding="utf-8")
    posts = project / "posts"
    posts.mkdir()
    (posts / "a.txt").write_text(CAPTION, encoding="utf-8")
    os.symlink(outside, posts / "keluar")
    os.symlink(outside / "rahasia.txt", posts / "r.txt")
    result = invoke("lint", "posts", "--format", "json")
    paths = [Path(f["path"]).name for f in json.loads(result.stdout)["files"]]
    assert paths == ["a.txt"]


@needs_posix
@pytest.mark.skipif(ROOT_USER, reason="root reads every folder")
def test_unreadable_subfolder_reported(project, invoke):
    posts = project / "posts"
    (posts / "tertutup").mkdir(parents=True)
    (posts / "a.txt").write_text(CAPTION, encoding="utf-8")
    (posts / "tertutup" / "b.txt").write_text(CAPTION, encoding="utf-8")
    (posts / "tertutup").chmod(0)
    try:
        result = invoke("lint", "posts", "--format", "json")
    finally:
        (posts / "tertutup").chmod(0o755)
    assert result.exit_code == 2
    assert "tertutup" in one_line(result.stderr) and "izin" in result.stderr
    assert any(Path(f["path"]).name == "a.txt" for f in json.loads(result.stdout)["files"])


def test_unreadable_subfolder_reported_injected(project, invoke, monkeypatch):
    """The same on any OS and as root: scandir of one subfolder fails."""
    posts = project / "posts"
    (posts / "tertutup").mkdir(parents=True)
    (posts / "a.txt").write_text(CAPTION, encoding="utf-8")
    real = os.scandir

    def scandir(path):
        if str(path).endswith("tertutup"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr("medsos_cli.lint.inputs.os.scandir", scandir)
    result = invoke("lint", "posts", "--format", "json")
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert "tertutup" in line and "tidak ada izin untuk membaca folder" in line


def test_oversized_rulebook_refused_fast(project, invoke):
    book = project / "buku"
    book.mkdir()
    rule = ("  - id: uji.x{n}\n    kind: existence\n    level: warning\n    message: x\n"
            "    source: uji\n    terms: [zzzz{n}]\n")
    with open(book / "besar.yaml", "w", encoding="utf-8") as handle:
        handle.write("rules:\n")
        for n in range(120_000):  # ~10 MB
            handle.write(rule.format(n=n))
    (project / "c.txt").write_text(CAPTION, encoding="utf-8")
    result = invoke("lint", "-r", "buku", "c.txt")
    assert result.exit_code == 2
    assert "besar.yaml" in result.stderr and "terlalu besar" in result.stderr
    assert result.seconds < 5


# -- 2. safe YAML and TOML ---------------------------------------------------------------------

LAUGHS = "\n".join(['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
                   + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]"
                      for i in range(1, 9)])


@needs_posix
@pytest.mark.parametrize("where", ["rulebook", "front-matter", "data", "roster"])
def test_alias_bomb_refused_within_bounds(project, where):
    (project / "medsos.toml").write_text('[account]\nname = "Pemkot Contoh"\n', encoding="utf-8")
    if where == "rulebook":
        (project / "buku").mkdir()
        (project / "buku" / "bom.yaml").write_text(LAUGHS + "\nrules: []\n", encoding="utf-8")
        (project / "c.txt").write_text(CAPTION, encoding="utf-8")
        args, name = ["lint", "-r", "buku", "c.txt"], "bom.yaml"
    elif where == "front-matter":
        (project / "c.txt").write_text(f"---\n{LAUGHS}\n---\n{CAPTION}", encoding="utf-8")
        args, name = ["lint", "c.txt"], "c.txt"
    elif where == "data":
        (project / "data.yaml").write_text(LAUGHS + "\n", encoding="utf-8")
        args, name = ["draft", "pengumuman-layanan", "-p", "x", "--data", "data.yaml",
                      "--no-input"],\
            "data.yaml"
    else:
        (project / "roster.yaml").write_text(LAUGHS + "\n", encoding="utf-8")
        args = ["draft", "kegiatan-pimpinan", "-p", "x", "--data",
                str(Path(__file__).parents[1] / "examples/drafts/kegiatan-pimpinan.yaml"),
                "--no-input"]
        name = "roster.yaml"
    start = time.monotonic()
    result = medsos(*args, cwd=project, timeout=30, mem_mb=MEM_MB)
    assert result.returncode == 2, result.stderr
    line = one_line(result.stderr)
    assert name in line and "alias" in line
    assert time.monotonic() - start < 15


def test_yaml_deep_nesting_and_self_alias():
    from medsos_cli.errors import RulebookError
    from medsos_cli.yamlio import load_yaml_text

    with pytest.raises(RulebookError, match="bersarang") as deep:
        load_yaml_text("x: 1\ny:\n  " + "- " * 200 + "x", "dalam.yaml")
    assert deep.value.path == "dalam.yaml" and deep.value.line
    with pytest.raises(RulebookError, match="dalam.yaml|nesting|bersarang"):
        load_yaml_text("[" * 5000 + "]" * 5000, "dalam.yaml")
    with pytest.raises(RulebookError, match="ditulis dua kali"):
        load_yaml_text("a: 1\na: 2\n", "dua.yaml")


def test_yaml_anchors_a_rulebook_needs_still_work():
    from medsos_cli.yamlio import load_yaml_text

    data = load_yaml_text("x: &p halo\ny: [*p, *p]\n", "ok.yaml")
    assert data["y"] == ["halo", "halo"]


def _config(project: Path, text: str) -> None:
    (project / "medsos.toml").write_text(text, encoding="utf-8")
    (project / "c.txt").write_text(CAPTION, encoding="utf-8")


EXEMPT = '[[lint.exemptions]]\nrule = "baku.ejaan"\nreason = "r"\napproved_by = "k"\n'


@pytest.mark.parametrize(("text", "line", "needle"), [
    (EXEMPT + "file = 5\n", 5, "file"),
    (EXEMPT + 'text = ["a", "b"]\n', 5, "text"),
    ("[lint]\nmax_file_size_mb = inf\n", 2, "max_file_size_mb"),
    ("[lint]\nmax_file_size_mb = nan\n", 2, "max_file_size_mb"),
    ("[lint]\nmax_file_size_mb = 1e300\n", 2, "max_file_size_mb"),
    ("[lint]\nregex_timeout = inf\n", 2, "regex_timeout"),
    ("[lint]\nregex_timeout = nan\n", 2, "regex_timeout"),
    ("[report]\nsla_hours = inf\n", 2, "sla_hours"),
    ("[lint]\nmax_file_size_mb = " + "9" * 5000 + "\n", None, "TOML"),
    ("[account]\nname = \"x\"\nextra = -inf\n", 3, "extra"),
    ('[lint]\nrulebooks = ["default"]\n[lint.exemptions]\nx = ' + "[" * 1000 + "]" * 1000,
     None, "medsos.toml"),
    ("x = " + "{ a = " * 1000 + "1" + " }" * 1000 + "\n", None, "medsos.toml"),
    ('[[lint.exemptions]]\nrule = "*"\nfile = "*"\nreason = "r"\napproved_by = "k"\n', 3,
     "semua aturan"),
    ('[[lint.exemptions]]\nrule = "*"\nfile = "**"\nreason = "r"\napproved_by = "k"\n', 3,
     "semua aturan"),
])
def test_config_type_errors_are_file_line(project, invoke, text, line, needle):
    _config(project, text)
    result = invoke("lint", "c.txt")
    assert result.exit_code == 2, result.stdout
    message = one_line(result.stderr)
    assert "medsos.toml" in message and needle in message
    if line is not None:
        assert f"medsos.toml:{line}:" in message
    assert result.seconds < 5


def test_narrow_exemption_with_star_rule_still_allowed(project, invoke):
    _config(project, '[[lint.exemptions]]\nrule = "*"\nfile = "arsip/*.txt"\nreason = "r"\n'
                     'approved_by = "k"\n')
    assert invoke("lint", "c.txt").exit_code in (0, 1)


def test_config_above_project_root_named(tmp_path, monkeypatch, invoke):
    (tmp_path / "medsos.toml").write_text('[lint]\nfail_on = "none"\n', encoding="utf-8")
    inner = tmp_path / "kantor" / "proyek"
    (inner / ".git").mkdir(parents=True)
    (inner / "c.txt").write_text(CAPTION, encoding="utf-8")
    monkeypatch.chdir(inner)
    result = invoke("lint", "c.txt")
    assert str(tmp_path / "medsos.toml") in result.stderr
    assert "di atas proyek" in result.stderr
    # A config in the project itself is not announced.
    (inner / "medsos.toml").write_text('[lint]\nfail_on = "none"\n', encoding="utf-8")
    assert "di atas proyek" not in invoke("lint", "c.txt").stderr


def test_rule_kind_as_list_is_file_line(project, invoke):
    (project / "buku").mkdir()
    (project / "buku" / "a.yaml").write_text(
        "rules:\n  - id: uji.a\n    kind: [existence]\n    level: warning\n    message: x\n"
        "    source: uji\n    terms: [zzz]\n", encoding="utf-8")
    _config(project, "")
    result = invoke("lint", "-r", "buku", "c.txt")
    assert result.exit_code == 2
    assert "a.yaml:3:" in one_line(result.stderr) and "kind" in result.stderr


def test_rule_message_format_width_refused(project, invoke):
    (project / "buku").mkdir()
    (project / "buku" / "a.yaml").write_text(
        "rules:\n  - id: uji.a\n    kind: existence\n    level: warning\n"
        "    message: 'x {match:>999999999}'\n    source: uji\n    terms: [zzz]\n",
        encoding="utf-8")
    _config(project, "")
    result = invoke("lint", "-r", "buku", "c.txt")
    assert result.exit_code == 2
    assert "a.yaml" in one_line(result.stderr) and "format" in result.stderr
    assert result.seconds < 5


@pytest.mark.parametrize(("name", "text", "needle"), [
    ("data.json", '{"judul": ' + "[" * 100_000 + "]" * 100_000 + "}", "bersarang"),
    ("data.json", '{"judul": ' + "[" * 200 + "]" * 200 + "}", "bersarang"),
    ("data.json", '{"judul": NaN}', "NaN"),
    ("data.json", '{"judul": "a", "judul": "b"}', "dua kali"),
    ("data.json", '{"judul": ' + "9" * 5000 + "}", "JSON"),
    ("data.yaml", "judul: " + "[" * 200 + "]" * 200 + "\n", "bersarang"),
])
def test_draft_data_file_errors(project, invoke, name, text, needle):
    (project / name).write_text(text, encoding="utf-8")
    result = invoke("draft", "pengumuman-layanan", "-p", "x", "--data", name, "--no-input")
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert name in line and needle in line
    assert result.seconds < 5


# -- 3. the template sandbox -------------------------------------------------------------------

BOMBS = {
    "kali": "{{ 'x' * 10**9 }}",
    "pangkat": "{{ 9**(9**9) }}",
    "pangkat-bit": "{{ (2**100)**100 }}",
    "center": "{{ 'x'|center(10**9) }}",
    "persen": "{{ '%999999999s' % 'x' }}",
    "persen-bintang": "{{ '%*s' % (999999999, 'x') }}",
    "format-filter": "{{ '%999999999s'|format('x') }}",
    "format-metode": "{{ '{:>999999999}'.format(1) }}",
    "format-bersarang": "{{ '{:{w}}'.format(1, w=999999999) }}",
    "indent": "{{ 'a\\nb'|indent(10**9) }}",
    "range": "{% for i in range(10**9) %}x{% endfor %}",
    "replace": "{{ ('x' * 50000)|replace('', 'yy') }}",
    "replace-metode": "{{ ('x' * 50000).replace('x', 'y' * 1000) }}",
    "join": "{{ range(10000)|join('x' * 1000) }}",
    "join-metode": "{{ ('x' * 1000).join(range(10000)) }}",
    "ljust": "{{ 'x'.ljust(10**9) }}",
    "tambah": "{% set a = 'x' * 90000 %}{{ a + a }}",
    "slice": "{{ [1]|slice(10**9) }}",
    "wordwrap": "{{ 'x'|wordwrap(10**9) }}",
    "cycle": "{% for a in range(9999) %}{% for b in range(9999) %}{{ loop.cycle('ab', 'cd') }}"
             "{% endfor %}{% endfor %}",
    "bersarang": "{% for a in range(9999) %}{% for b in range(9999) %}{% endfor %}{% endfor %}",
    "bersarang-nilai": "{% for a in judul %}{% for b in judul %}{% for c in judul %}{% endfor %}"
                       "{% endfor %}{% endfor %}",
    "makro-rekursif": "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}",
    "makro-bercabang": "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}"
                       "{% endmacro %}{{ m(40) }}",
    "daftar-bersarang": "{% set a = 'x' * 90000 %}{% set b = [a, a, a, a, a, a, a, a, a, a] %}"
                        "{% set c = [b, b, b, b, b, b, b, b, b, b] %}{{ [c, c, c, c, c] }}",
    "daftar-kali": "{% set a = 'x' * 90000 %}{{ [a] * 99999 }}",
    "sambung": "{% set a = 'x' * 90000 %}{% set b = (a, a) %}{{ b ~ b }}",
    "pangkat-berantai": "{{ ((((2**100)**3)**3)**3)**3 }}",
    "kamus": "{% set a = 'x' * 90000 %}{{ {'k': a, 'l': a} }}",
    "namespace": "{% set ns = namespace(x='a') %}{% for i in range(60) %}"
                 "{% set ns.x = ns.x ~ ns.x %}{% endfor %}{{ ns.x }}",
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_template_budget(tmp_path, monkeypatch, name):
    from medsos_cli.drafting import render as render_module
    from medsos_cli.drafting.render import make_environment, render

    monkeypatch.setattr(render_module, "MAX_RENDER_SECONDS", 0.3)  # the same guard, faster

    (tmp_path / "x.j2").write_text("Baris satu\n" + BOMBS[name] + "\n", encoding="utf-8")
    env = make_environment(tmp_path)
    start = time.process_time()
    with pytest.raises(InputError) as info:
        render(env, "x.j2", {"judul": "a" * 3000})
    assert time.process_time() - start < 2
    assert info.value.path == str(tmp_path / "x.j2")
    assert info.value.line == 2 or name in ("cycle",)  # output budget: the template as such


def test_field_values_are_data_not_template_code(tmp_path):
    from medsos_cli.drafting.render import make_environment, render

    (tmp_path / "x.j2").write_text("{{ judul }} | {{ isi|upper }}", encoding="utf-8")
    env = make_environment(tmp_path)
    text = render(env, "x.j2", {"judul": "{{ 7*7 }}{% for i in range(10**9) %}x{% endfor %}",
                                "isi": "{{ ''.__class__ }}"})
    assert text == "{{ 7*7 }}{% for i in range(10**9) %}x{% endfor %} | {{ ''.__CLASS__ }}"


def test_huge_field_value_cannot_blow_up(tmp_path):
    from medsos_cli.drafting.render import make_environment, render

    (tmp_path / "x.j2").write_text("{{ judul|replace('a', judul) }}", encoding="utf-8")
    env = make_environment(tmp_path)
    with pytest.raises(InputError, match="replace"):
        render(env, "x.j2", {"judul": "a" * 5000})


@needs_posix
def test_templates_lock_does_not_fold_bombs(project):
    """Jinja folds constant filter calls while compiling: a lock must stay fast and small."""
    src = Path(__file__).parents[1] / "templates" / "pengumuman-layanan"
    shutil.copytree(src, project / "tpl" / "pengumuman-layanan")
    (project / "tpl" / "pengumuman-layanan" / "x.j2").write_text(
        "{{ 'x'|center(10**8) }}{{ 'x'|indent(10**8) }}{{ '%99999999s'|format(1) }}"
        "{{ ('x' * 3)|replace('', 'x' * 10**6) }}{{ range(10**5)|join('x' * 10**4) }}\n"
        "{{ judul }}\n", encoding="utf-8")
    (project / "medsos.toml").write_text('[draft]\ntemplates = "tpl"\n', encoding="utf-8")
    start = time.monotonic()
    result = medsos("templates", "lock", "--approved-by", "Kabid", cwd=project, timeout=30,
                    mem_mb=MEM_MB)
    assert result.returncode in (0, 2), result.stderr
    assert time.monotonic() - start < 15
    data = Path(__file__).parents[1] / "examples" / "drafts" / "pengumuman-layanan.yaml"
    drafted = medsos("draft", "pengumuman-layanan", "--platform", "x", "--data", str(data),
                     "--no-input", cwd=project, timeout=30)
    assert drafted.returncode == 2
    assert "x.j2" in one_line(drafted.stderr) or "pengumuman-layanan" in drafted.stderr


# -- 4. writes that respect the target ---------------------------------------------------------

def _fixable(folder: Path) -> tuple[Path, bytes]:
    shutil.copy(CLI_FIXTURES / "perbaikan" / "front-matter.md", folder / "takarir.md")
    shutil.copy(CLI_FIXTURES / "perbaikan" / "medsos.toml", folder / "medsos.toml")
    return folder / "takarir.md", (folder / "takarir.md").read_bytes()


@needs_posix
def test_fix_through_symlink_fixes_target(project, invoke):
    real, before = _fixable(project)
    real.rename(project / "asli.md")
    os.symlink("asli.md", project / "takarir.md")
    invoke("lint", "takarir.md", "--fix")
    assert (project / "takarir.md").is_symlink()
    assert (project / "asli.md").read_bytes() != before


@needs_posix
def test_fix_keeps_hard_links_and_mode(project, invoke):
    path, before = _fixable(project)
    os.link(path, project / "tautan.md")
    path.chmod(0o640)
    invoke("lint", "takarir.md", "--fix")
    after = path.read_bytes()
    assert after != before
    assert (project / "tautan.md").read_bytes() == after
    assert path.stat().st_nlink == 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not [p for p in project.iterdir() if p.name.endswith(".tmp")]


@needs_posix
def test_out_refuses_fifo_and_device_link(project, invoke):
    data = Path(__file__).parents[1] / "examples" / "drafts" / "pengumuman-layanan.yaml"
    os.mkfifo(project / "pipa.txt")
    os.symlink(os.devnull, project / "nul.txt")
    for target in ("pipa.txt", "nul.txt"):
        result = invoke("draft", "pengumuman-layanan", "--platform", "x", "--data", str(data),
                        "--no-input", "--out", target, "--force")
        assert result.exit_code == 2
        assert target in one_line(result.stderr) and "berkas biasa" in result.stderr
    assert stat.S_ISFIFO(os.lstat(project / "pipa.txt").st_mode)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_write_refuses_folder(tmp_path):
    (tmp_path / "folder").mkdir()
    with pytest.raises(InputError, match="folder"):
        fileio.atomic_write_text(tmp_path / "folder", "x")


@pytest.mark.parametrize(("where", "error", "reason"), [
    ("mkstemp", errno.EACCES, "izin"),
    ("mkstemp", errno.EROFS, "hanya-baca"),
    ("fsync", errno.ENOSPC, "disk penuh"),
    ("replace", errno.EACCES, "izin"),
])
def test_write_errors_leave_original_and_no_temp(tmp_path, monkeypatch, where, error, reason):
    target = tmp_path / "laporan.html"
    target.write_text("lama", encoding="utf-8")

    def fail(*args, **kwargs):
        raise OSError(error, os.strerror(error))

    if where == "mkstemp":
        monkeypatch.setattr("tempfile.mkstemp", fail)
    else:
        monkeypatch.setattr(f"medsos_cli.fileio.os.{where}", fail)
    with pytest.raises(InputError) as info:
        fileio.atomic_write_text(target, "baru")
    assert reason in info.value.message and info.value.path == str(target)
    assert target.read_text(encoding="utf-8") == "lama"
    assert [p.name for p in tmp_path.iterdir()] == ["laporan.html"]


def test_fix_write_error_one_line_others_processed(project, invoke, monkeypatch):
    path, before = _fixable(project)
    shutil.copy(path, project / "kedua.md")

    def fail(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("medsos_cli.fileio.os.fsync", fail)
    result = invoke("lint", "takarir.md", "kedua.md", "--fix", "--format", "json")
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("medsos: ")]
    assert len(lines) == 2 and "takarir.md" in lines[0] and "disk penuh" in lines[0]
    assert path.read_bytes() == before
    assert len(json.loads(result.stdout)["files"]) == 2
    assert not [p for p in project.iterdir() if p.name.endswith(".tmp")]


@needs_posix
@pytest.mark.skipif(sys.platform == "darwin", reason="APFS refuses non-UTF-8 names")
@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "github"])
def test_non_utf8_file_name_escaped(project, fmt):
    posts = project / "posts"
    posts.mkdir()
    raw = os.fsencode(posts) + b"/takarir\xff.txt"
    with open(raw, "wb") as handle:
        handle.write(b"Silahkan daftar di sini.\n")
    result = medsos("lint", "posts", "--format", fmt, cwd=project, timeout=30)
    assert result.returncode in (0, 1), result.stderr
    out = result.stdout.decode("utf-8")  # valid UTF-8
    assert "takarir\\xff.txt" in out.replace("\\\\", "\\")
    if fmt in ("json", "sarif"):
        json.loads(out)


@needs_posix
@pytest.mark.skipif(sys.platform == "darwin", reason="APFS refuses non-UTF-8 names")
def test_fix_on_non_utf8_name_writes_the_real_file(project, invoke):
    path, before = _fixable(project)
    raw = os.fsencode(project) + b"/takarir\xfe.md"
    os.rename(path, raw)
    invoke("lint", os.fsdecode(raw), "--fix")
    with open(raw, "rb") as handle:
        assert handle.read() != before
    assert sorted(os.listdir(os.fsencode(project))) == sorted(
        [b".git", b"medsos.toml", b"takarir\xfe.md"])


# -- 6. the HTML report ------------------------------------------------------------------------

def test_render_time_budget_default_is_enforced(tmp_path):
    from medsos_cli.drafting.render import MAX_RENDER_SECONDS, make_environment, render

    (tmp_path / "x.j2").write_text(BOMBS["bersarang"], encoding="utf-8")
    start = time.process_time()
    with pytest.raises(InputError, match="waktu render"):
        render(make_environment(tmp_path), "x.j2", {})
    assert time.process_time() - start < MAX_RENDER_SECONDS + 1.5


def test_html_links_only_http_and_csp():
    from medsos_cli.weekly.render_html import render_html, safe_url

    assert safe_url("https://www.instagram.com/p/abc/") == "https://www.instagram.com/p/abc/"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>",
                " https://x.id", "https://x.id/\"onmouseover=", "vbscript:x", "//evil", None):
        assert safe_url(bad) is None
    fixture = Path(__file__).parent / "fixtures" / "weekly" / "report.json"
    report = json.loads(fixture.read_text(encoding="utf-8"))
    posts = report["platforms"]["facebook"]["top_posts"]
    posts[0]["permalink"] = "javascript:alert(document.domain)"
    posts[1]["permalink"] = "data:text/html;base64,PHNjcmlwdD4="
    html = render_html(report)
    assert 'href="javascript:' not in html and 'href="data:' not in html
    assert "javascript:alert(document.domain)" in html  # still shown, as text
    assert '<meta http-equiv="Content-Security-Policy"' in html
    assert "script-src 'none'" in html
    assert "<script" not in html.lower()


@needs_posix
def test_fifo_inside_folder_reported_others_linted(project):
    posts = project / "posts"
    posts.mkdir()
    os.mkfifo(posts / "pipa.txt")
    (posts / "a.txt").write_text(CAPTION, encoding="utf-8")
    os.symlink("hilang.txt", posts / "rusak.txt")
    result = medsos("lint", "posts", "--format", "json", cwd=project, timeout=30)
    assert result.returncode == 2
    stderr = result.stderr.decode("utf-8")
    assert "pipa.txt" in stderr and "bukan berkas biasa" in stderr
    assert "rusak.txt" in stderr and "tautan rusak" in stderr
    files = json.loads(result.stdout)["files"]
    assert [Path(f["path"]).name for f in files if not f.get("error")] == ["a.txt"]


def test_draft_out_full_disk_one_line(project, invoke, monkeypatch):
    data = Path(__file__).parents[1] / "examples" / "drafts" / "pengumuman-layanan.yaml"
    (project / "draf.txt").write_text("lama\n", encoding="utf-8")

    def fail(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("medsos_cli.fileio.os.fsync", fail)
    result = invoke("draft", "pengumuman-layanan", "--platform", "x", "--data", str(data),
                    "--no-input", "--out", "draf.txt", "--force")
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert "draf.txt" in line and "ruang disk penuh" in line
    assert (project / "draf.txt").read_text(encoding="utf-8") == "lama\n"
    assert sorted(p.name for p in project.iterdir()) == [".git", "draf.txt"]


def test_locked_history_never_advises_deleting(tmp_path, monkeypatch):
    import sqlite3

    from medsos_cli.weekly import history

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(history.sqlite3, "connect", locked)
    with pytest.raises(InputError) as info:
        history.History(tmp_path / "riwayat.sqlite3")
    assert info.value.path == str(tmp_path / "riwayat.sqlite3")
    assert "terkunci" in info.value.message and "hapus" not in info.value.message


@pytest.mark.parametrize("where", ["argument", "rulebook-option", "config"])
def test_impossible_path_names(project, invoke, where):
    """Found by the fuzzer: a name too long for the OS reached Python as OSError."""
    long_name = "x" * 5000
    (project / "c.txt").write_text(CAPTION, encoding="utf-8")
    if where == "argument":
        result = invoke("lint", long_name, "c.txt")
    elif where == "rulebook-option":
        result = invoke("lint", "-r", long_name, "c.txt")
    else:
        _config(project, f'[lint]\nrulebooks = ["{long_name}"]\n')
        result = invoke("lint", "c.txt")
    assert result.exit_code == 2
    assert "tidak sah" in one_line(result.stderr)


def test_deeply_nested_template_expression(project, invoke):
    """Found by the fuzzer: Jinja's parser recursed past the limit (exit 3)."""
    src = Path(__file__).parents[1] / "templates" / "pengumuman-layanan"
    shutil.copytree(src, project / "tpl" / "pengumuman-layanan")
    (project / "tpl" / "pengumuman-layanan" / "x.j2").write_text(
        "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}\n", encoding="utf-8")
    (project / "medsos.toml").write_text('[draft]\ntemplates = "tpl"\n', encoding="utf-8")
    result = invoke("templates", "lock", "--approved-by", "Kabid")
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert "x.j2" in line and "bersarang" in line


def test_include_name_too_long_is_not_found(tmp_path):
    """Found by the fuzzer: an include of a 5,000-character name raised OSError (exit 3)."""
    from medsos_cli.drafting.render import make_environment, render

    (tmp_path / "x.j2").write_text("{% include '" + "a" * 5000 + ".j2' %}", encoding="utf-8")
    with pytest.raises(InputError, match="tidak ditemukan"):
        render(make_environment(tmp_path), "x.j2", {})
