"""``medsos lint --jobs``: worker processes give the results of one process, in its order."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from medsos_cli.cli.app import app
from medsos_cli.config import Config
from medsos_cli.lint.run import Options, auto_jobs, build_linter, build_rulebook, lint_paths

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import generate_corpus  # noqa: E402


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("arsip")
    for i, (name, text) in enumerate(generate_corpus.generate(260, 7)):
        sub = root / f"bulan-{i % 3}"
        sub.mkdir(exist_ok=True)
        (sub / name).write_text(text, encoding="utf-8", newline="")
    (root / "rusak.txt").write_bytes(b"\xff\xfe\x00biner")
    return root


def _summary(results):
    return [(r.path, r.platform, r.kind, [(f.offset, f.rule, f.message) for f in r.findings],
             r.error.message if r.error else None) for r in results]


def test_two_jobs_give_the_results_of_one_in_the_same_order(folder):
    config = Config()
    linter = build_linter(config, build_rulebook(config))
    one = list(lint_paths(linter, [str(folder)], config, Options(), jobs=1))
    two = list(lint_paths(linter, [str(folder)], config, Options(), jobs=2))
    assert len(one) == 261 and any(r.error for r in one)
    assert _summary(two) == _summary(one)
    # The documents come back too: the text output shows the matched line.
    assert all(r.document is not None for r in two if r.findings)


def test_cli_jobs_output_is_identical(folder, monkeypatch):
    monkeypatch.chdir(folder)
    runner = CliRunner()
    serial = runner.invoke(app, ["lint", ".", "--jobs", "1"])
    parallel = runner.invoke(app, ["lint", ".", "-j", "2"])
    assert serial.exit_code == parallel.exit_code == 2  # rusak.txt is not text
    assert parallel.stdout == serial.stdout
    assert "temuan" in serial.stdout.splitlines()[-1]


def test_jobs_default_follows_the_size_of_the_batch(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    assert auto_jobs(10, None) == 1
    assert auto_jobs(5000, None) == 8
    assert auto_jobs(5000, 1) == 1 and auto_jobs(3, 4) == 4


def test_jobs_must_be_positive():
    result = CliRunner().invoke(app, ["lint", "-", "--jobs", "0"], input="Halo")
    assert result.exit_code == 2
