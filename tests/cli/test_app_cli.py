"""The root command: --version, Indonesian help, unknown commands, ``python -m``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from medsos_cli import __version__

SRC = Path(__file__).resolve().parents[2] / "src"


def test_version(invoke):
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"medsos {__version__}\n"


def test_help_is_indonesian(invoke):
    result = invoke("--help")
    assert result.exit_code == 0
    out = result.stdout
    assert "Penggunaan:" in out
    assert "Usage:" not in out
    assert "lint" in out and "rules" in out
    assert "Tampilkan bantuan ini lalu keluar." in out
    assert "Show this message" not in out


def test_short_help_option(invoke):
    assert "Penggunaan:" in invoke("-h").stdout


def test_lint_help(invoke):
    result = invoke("lint", "--help")
    assert result.exit_code == 0
    assert "Penggunaan: medsos lint" in result.stdout
    assert "Contoh:" in result.stdout
    for option in ("--platform", "--format", "--fail-on", "--fix", "--diff", "--rulebook"):
        assert option in result.stdout


def test_rules_help(invoke):
    result = invoke("rules", "check", "--help")
    assert result.exit_code == 0
    assert "Penggunaan: medsos rules check" in result.stdout


def test_no_arguments_shows_help(invoke):
    result = invoke()
    assert result.exit_code in (0, 2)
    assert "Penggunaan:" in result.stdout + result.stderr


def test_unknown_command_exit_2_in_indonesian(invoke):
    result = invoke("lnt")
    assert result.exit_code == 2
    assert "Galat: perintah 'lnt' tidak dikenal" in result.stderr
    assert "Did you mean" not in result.stderr
    assert "'lint'" in result.stderr


def test_unknown_option_exit_2_in_indonesian(invoke):
    result = invoke("lint", "a.txt", "--formt", "json")
    assert result.exit_code == 2
    assert "opsi tidak dikenal: --formt" in result.stderr


def test_missing_argument_exit_2(invoke):
    result = invoke("lint")
    assert result.exit_code == 2
    assert "belum diisi" in result.stderr


def test_python_dash_m_version():
    env = {**os.environ, "PYTHONPATH": str(SRC), "MEDSOS_NO_CACHE": "1"}
    proc = subprocess.run([sys.executable, "-m", "medsos_cli", "--version"], env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"medsos {__version__}\n"
    assert proc.stderr == ""


def test_python_dash_m_lint_stdin_json():
    env = {**os.environ, "PYTHONPATH": str(SRC), "MEDSOS_NO_CACHE": "1"}
    uji = Path(__file__).resolve().parents[1] / "fixtures" / "rulebooks" / "uji"
    proc = subprocess.run(
        [sys.executable, "-m", "medsos_cli", "lint", "-", "-r", str(uji), "-f", "json",
         "--fail-on", "warning"],
        input="Warga dihimbau 🎉 #KotaContoh".encode(), env=env, capture_output=True,
        timeout=60, check=False)
    assert proc.returncode == 1, proc.stderr
    import json

    (finding,) = json.loads(proc.stdout.decode("utf-8"))["files"][0]["findings"]
    assert finding["text"] == "dihimbau"


def test_missing_option_message_is_translated_with_every_spelling():
    from medsos_cli.cli._i18n import translate_error

    assert translate_error("Missing option '--platform' / '-p'.") == \
        "opsi --platform / -p belum diisi"
    assert translate_error("Missing option '--week'.") == "opsi --week belum diisi"


def test_ctrl_c_is_exit_code_cancelled(capsys):
    from medsos_cli.cli._errors import exit_for
    from medsos_cli.errors import ExitCode

    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt as exc:
        code = exit_for(exc)
    assert code == ExitCode.CANCELLED == 130
    assert capsys.readouterr().err == "medsos: dibatalkan\n"
