"""The fast path of ``medsos lint`` behaves exactly as the Typer command it stands in for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from medsos_cli.cli import fastpath
from medsos_cli.cli.app import app

CAPTION = "Warga dihimbau datang pukul 08.00 WIB ke Jl. Pemuda No. 5. #KotaContoh\n"


def _options(command) -> set[str]:
    names: set[str] = set()
    for param in command.params:
        if param.param_type_name == "option":
            names.update(param.opts)
            names.update(getattr(param, "secondary_opts", []))
    return names


def test_the_option_table_is_the_typer_commands():
    group = typer.main.get_command(app)
    lint = group.commands["lint"]
    assert _options(lint) - {"-h", "--help"} == set(fastpath.LINT_OPTIONS)
    assert _options(group) - {"-h", "--help", "--version", "--install-completion",
                              "--show-completion"} == set(fastpath.ROOT_OPTIONS)


@pytest.mark.parametrize("argv", [
    ["lint", "a.txt"], ["--debug", "lint", "a.txt", "-p", "X", "-f", "JSON"],
    ["lint", "--", "-a.txt"], ["lint", "a.txt", "-r", "default", "-r", "sop"],
])
def test_valid_command_lines_are_taken(argv):
    assert fastpath.parse(argv) is not None


@pytest.mark.parametrize("argv", [
    ["lint"], ["lint", "--help"], ["lint", "-h", "a.txt"], ["--version"], ["rules", "list"],
    ["lint", "a.txt", "--platform", "myspace"], ["lint", "a.txt", "-pinstagram"],
    ["lint", "a.txt", "--format=json"], ["lint", "a.txt", "--fix", "--diff"],
    ["lint", "-", "--fix"], ["lint", "a.txt", "--jobs", "0"], ["lint", "a.txt", "-j", "dua"],
    ["lint", "a.txt", "--fail-on", "kadang"], ["lint", "a.txt", "--color", "--no-color"],
    ["lint", "a.txt", "--platform"], ["lint", "a.txt", "--nope"], ["-c", "x.toml"],
])
def test_everything_else_goes_to_typer(argv):
    assert fastpath.parse(argv) is None


def _run(args: list[str], cwd: Path, fast: bool, stdin: str | None = None):
    env = dict(os.environ, NO_COLOR="1")
    env.pop("MEDSOS_NO_FASTPATH", None)
    if not fast:
        env["MEDSOS_NO_FASTPATH"] = "1"
    proc = subprocess.run([sys.executable, "-m", "medsos_cli", *args], cwd=cwd, env=env,
                          input=stdin, capture_output=True, text=True, encoding="utf-8")
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("args", [
    ["lint", "takarir.txt"],
    ["lint", "takarir.txt", "--format", "json"],
    ["lint", "takarir.txt", "-f", "sarif", "--fail-on", "warning"],
    ["lint", ".", "--platform", "x", "--reply"],
    ["lint", "takarir.txt", "--diff"],
    ["lint", "takarir.txt", "hilang.txt"],
    ["lint", "takarir.txt", "--platform", "myspace"],
    ["lint", "takarir.txt", "--nope"],
    ["lint", "-", "-p", "instagram"],
    ["lint", "-", "--stdin-filename", "posts/hut.x.txt"],
    ["lint", "takarir.txt", "--stdin-filename", "a.x.txt"],
    ["lint", "takarir.txt", "-q", "--min-level", "peringatan"],
    ["lint", "takarir.txt", "--min-level", "WARNING"],
    ["lint", "takarir.txt", "--min-level", "kadang"],
    ["lint", "takarir.txt", "--statistics"],
    ["lint", "takarir.txt", "--statistics", "-f", "json"],
    ["lint", "takarir.txt", "-o", "takarir.txt"],
    ["lint", "takarir.txt", "--diff", "-o", "hasil.txt"],
    ["lint", "takarir.txt", "--force-exclude"],
])
def test_fast_and_typer_paths_print_the_same(tmp_path, args):
    (tmp_path / "takarir.txt").write_text(CAPTION, encoding="utf-8")
    stdin = CAPTION if "-" in args else None
    assert _run(args, tmp_path, True, stdin) == _run(args, tmp_path, False, stdin)


def test_fast_path_fixes_like_typer(tmp_path):
    for fast in (True, False):
        folder = tmp_path / ("cepat" if fast else "typer")
        folder.mkdir()
        (folder / "takarir.txt").write_text(CAPTION, encoding="utf-8")
        code, out, err = _run(["lint", "takarir.txt", "--fix"], folder, fast)
        assert code == 0 and "diimbau" in (folder / "takarir.txt").read_text(encoding="utf-8")


def test_fast_path_does_not_import_the_framework(tmp_path):
    (tmp_path / "takarir.txt").write_text(CAPTION, encoding="utf-8")
    code = ("import runpy, sys; sys.argv = ['medsos', 'lint', 'takarir.txt'];\n"
            "try:\n    runpy.run_module('medsos_cli', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in ('typer', 'click', 'rich', 'yaml', 'jinja2', 'babel',"
            " 'matplotlib', 'medsos_cli.weekly', 'medsos_cli.drafting') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, encoding="utf-8")
    assert proc.stdout.strip().splitlines()[-1] == "[]"
