"""The README's "Friday routine in five lines", run line by line in a shell, as written, on a
copy of the bundled examples."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def routine() -> list[str]:
    section = README.split("### The Friday routine in five lines", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the README's Friday routine has no ```sh block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_the_routine_has_five_lines():
    lines = routine()
    assert len(lines) == 5
    assert sum(line.startswith("medsos ") for line in lines) == 4


@pytest.mark.skipif(shutil.which("bash") is None, reason="the routine is written for sh")
def test_every_line_of_the_friday_routine_works_on_the_examples(tmp_path):
    medsos = Path(sys.executable).parent / ("medsos.exe" if os.name == "nt" else "medsos")
    if not medsos.is_file():
        pytest.skip("the medsos command is not installed beside this Python")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env = {**os.environ, "PATH": f"{medsos.parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "MEDSOS_DATA_DIR": str(tmp_path / "data"), "MEDSOS_CACHE_DIR": str(tmp_path / "c")}
    env.pop("MEDSOS_TODAY", None)
    for line in routine():
        done = subprocess.run(["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True,
                              text=True, encoding="utf-8")
        assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
    assert len(list((tmp_path / "ekspor").glob("*.csv"))) == 9
    html = (tmp_path / "laporan-2026-W47.html").read_text(encoding="utf-8")
    assert "2026-W47" in html and "<svg" in html
    summary = (tmp_path / "ringkasan-2026-W47.md").read_text(encoding="utf-8")
    assert summary.startswith("# Laporan mingguan media sosial — Diskominfo Kota Contoh")
    handed = sorted(p.name for p in (tmp_path / "serah").rglob("*.parquet"))
    assert "posts.parquet" in handed and "comments.parquet" in handed
    # the history export found the week the report stored: office and week partitions
    assert (tmp_path / "serah" / "office=kominfo-kota-contoh" / "week=2026-W47").is_dir()
