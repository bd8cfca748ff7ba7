"""CLI fixtures: a CliRunner on the real app, and scenario folders copied to tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import CLI_FIXTURES
from typer.testing import CliRunner

from medsos_cli.cli.app import app


@pytest.fixture
def invoke(monkeypatch):
    """Run ``medsos ARGS`` in-process; exceptions propagate (exit 1 must mean findings)."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("NO_COLOR", raising=False)

    def run(*args: str, input: str | bytes | None = None, catch: bool = False):
        return CliRunner().invoke(app, list(args), input=input, catch_exceptions=catch)

    return run


@pytest.fixture
def scenario(tmp_path, monkeypatch):
    """Copy ``tests/fixtures/cli/<name>`` into tmp_path and make it the working folder."""

    def make(name: str) -> Path:
        folder = tmp_path / name
        shutil.copytree(CLI_FIXTURES / name, folder)
        monkeypatch.chdir(folder)
        return folder

    monkeypatch.chdir(tmp_path)  # never pick up a medsos.toml from the repository
    return make


@pytest.fixture
def weekly_work(tmp_path, monkeypatch) -> Path:
    """A working folder holding the weekly fixture exports in ``ekspor/``, with a private
    history folder (MEDSOS_DATA_DIR) so no test touches the user's history."""
    folder = tmp_path / "kerja"
    shutil.copytree(CLI_FIXTURES.parent / "weekly" / "exports", folder / "ekspor")
    monkeypatch.chdir(folder)
    monkeypatch.setenv("MEDSOS_DATA_DIR", str(tmp_path / "data"))
    return folder
