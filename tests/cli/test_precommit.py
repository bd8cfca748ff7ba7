"""The pre-commit hook (``.pre-commit-hooks.yaml``) and the optional report stack."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HOOK = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]


def _selected(name: str) -> bool:
    return (re.search(HOOK["files"], name) is not None
            and re.search(HOOK["exclude"], name) is None)


@pytest.mark.parametrize(("name", "taken"), [
    ("captions/pengumuman.txt", True), ("konten/takarir/2026/hut.md", True),
    ("hut.instagram.txt", True), ("posts/video.youtube-title.txt", True),
    ("posts/hut.caption.md", True), ("siaran.takarir.txt", True),
    ("README.md", False), ("requirements.txt", False), ("docs/panduan.md", False),
    ("captions/README.md", False), ("CHANGELOG.md", False), ("captions/gambar.png", False),
    ("notes.txt", False), ("requirements-dev.txt", False),
])
def test_the_hook_selects_caption_files_only(name, taken):
    assert _selected(name) is taken


def test_the_hook_runs_serially_with_the_skip_rules():
    assert HOOK["require_serial"] is True
    assert HOOK["entry"] == "medsos lint --force-exclude"
    assert HOOK["language"] == "python"


@pytest.mark.skipif(shutil.which("git") is None or importlib.util.find_spec("pre_commit") is None,
                    reason="pre-commit or git not installed")
def test_pre_commit_try_repo(tmp_path):
    """The real hook in a host repository: caption files are linted, in one batch (one
    summary), README.md and requirements.txt are not."""
    host = tmp_path / "host"
    (host / "captions").mkdir(parents=True)
    (host / "captions" / "pengumuman.txt").write_text("Warga dihimbau datang.\n",
                                                     encoding="utf-8")
    (host / "hut.instagram.txt").write_text("Warga dihimbau hadir.\n", encoding="utf-8")
    (host / "README.md").write_text("Dihimbau membaca ini.\n", encoding="utf-8")
    (host / "requirements.txt").write_text("requests==2.32\n", encoding="utf-8")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), NO_COLOR="1",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    subprocess.run(["git", "init", "-q"], cwd=host, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=host, check=True, env=env)
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT),
                           "medsos-lint", "--all-files", "--verbose", "--color", "never"],
                          cwd=host, env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=600)
    out = proc.stdout + proc.stderr
    assert "captions/pengumuman.txt:1:7 peringatan baku.ejaan" in out, out
    assert "hut.instagram.txt:1:7 peringatan baku.ejaan" in out
    assert "README.md:" not in out and "requirements.txt:" not in out
    assert len(re.findall(r"temuan \(.*\) dalam \d+ berkas", out)) == 1  # one batch
    assert "dalam 2 berkas" in out


def _without(monkeypatch, *names: str) -> None:
    real = importlib.util.find_spec

    def find_spec(name, *args, **kwargs):
        if name.split(".")[0] in names:
            return None
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def test_html_report_without_the_chart_stack_is_a_clear_error(invoke, tmp_path, monkeypatch):
    _without(monkeypatch, "matplotlib")
    monkeypatch.chdir(tmp_path)
    result = invoke("weekly", "report", str(ROOT / "examples" / "exports"), "--week", "2026-W47",
                    "--config", str(ROOT / "examples" / "medsos.toml"), "--format", "html",
                    "--out", "laporan.html")
    assert result.exit_code == 2
    assert result.stderr == ("medsos: laporan HTML (grafik) memerlukan paket matplotlib, yang "
                             'tidak terpasang; pasang dengan: pip install "medsos[laporan]"\n')
    assert not (tmp_path / "laporan.html").exists()


def test_markdown_report_needs_no_chart_stack(invoke, tmp_path, monkeypatch):
    _without(monkeypatch, "matplotlib", "pyarrow", "duckdb")
    monkeypatch.chdir(tmp_path)
    result = invoke("weekly", "report", str(ROOT / "examples" / "exports"), "--week", "2026-W47",
                    "--config", str(ROOT / "examples" / "medsos.toml"), "--format", "md",
                    "--out", "laporan.md", "--no-history")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "laporan.md").exists()


def test_rollup_and_history_export_name_the_extra(invoke, tmp_path, monkeypatch):
    _without(monkeypatch, "pyarrow", "duckdb")
    monkeypatch.chdir(tmp_path)
    rollup = invoke("rollup", str(tmp_path), "--week", "2026-W47")
    assert rollup.exit_code == 2 and 'pip install "medsos[laporan]"' in rollup.stderr
    assert "duckdb, pyarrow" in rollup.stderr
    export = invoke("history", "export", "--parquet", str(tmp_path / "serah"))
    assert export.exit_code == 2 and "memerlukan paket pyarrow" in export.stderr


def test_weekly_report_without_the_report_stack_names_the_extra(invoke, tmp_path, monkeypatch):
    _without(monkeypatch, "holidays", "python_calamine")
    monkeypatch.chdir(tmp_path)
    result = invoke("weekly", "report", str(ROOT / "examples" / "exports"), "--week", "2026-W47",
                    "--config", str(ROOT / "examples" / "medsos.toml"), "--format", "md",
                    "--out", "laporan.md")
    assert result.exit_code == 2
    assert result.stderr == ("medsos: medsos weekly report memerlukan paket holidays, "
                             "python_calamine, yang tidak terpasang; pasang dengan: "
                             'pip install "medsos[laporan]"\n')
    assert not (tmp_path / "laporan.md").exists()


def test_the_core_install_has_no_report_stack():
    """What ``pip install medsos`` (and so the pre-commit hook) installs: lint and draft."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = " ".join(project["dependencies"])
    for heavy in ("matplotlib", "pyarrow", "duckdb", "holidays", "python-calamine"):
        assert heavy not in core
        assert any(d.startswith(heavy) for d in project["optional-dependencies"]["laporan"])
