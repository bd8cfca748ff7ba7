"""Benchmark what the pre-commit hook pays once: installing medsos into a fresh environment.

Times, in fresh temporary folders:
  1. ``python -m venv`` + ``pip install REPO`` (the core: lint and draft),
  2. the same with the extra ``laporan`` (matplotlib, pyarrow, duckdb),
  3. ``pre-commit try-repo REPO medsos-lint`` in a small host repository with a cold
     ``PRE_COMMIT_HOME`` (virtualenv + install + one lint run), then again warm (the run alone).

pip's own cache is left as it is (warm after the first run): the figures compare the sets of
dependencies, not the network. Usage: ``python benchmarks/bench_install.py [--skip-extra]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _du_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1_048_576


def bench_pip(work: Path, spec: str) -> tuple[float, float]:
    """Seconds for venv + pip install of ``spec``, and the environment's size in MB."""
    venv = work / "venv"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / ("Scripts" if os.name == "nt" else "bin") / "pip"
    subprocess.run([str(pip), "install", "-q", spec], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, _du_mb(venv)


def bench_pre_commit(work: Path) -> tuple[float, float]:
    """Seconds of ``pre-commit try-repo`` cold (installs the hook) and warm (runs it only)."""
    host = work / "host"
    (host / "captions").mkdir(parents=True)
    (host / "captions" / "pengumuman.txt").write_text("Warga dihimbau datang.\n",
                                                     encoding="utf-8")
    (host / "README.md").write_text("Baca ini.\n", encoding="utf-8")
    env = dict(os.environ, PRE_COMMIT_HOME=str(work / "cache"))
    subprocess.run(["git", "init", "-q"], cwd=host, check=True)
    subprocess.run(["git", "add", "."], cwd=host, check=True)
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "medsos-lint",
           "--all-files"]
    cold = _run_allowing_findings(cmd, host, env)
    warm = _run_allowing_findings(cmd, host, env)
    return cold, warm


def _run_allowing_findings(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if "medsos lint" not in proc.stdout:
        raise SystemExit(f"pre-commit failed:\n{proc.stdout}\n{proc.stderr}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-extra", action="store_true", help="skip the [laporan] install")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "core"
        work.mkdir()
        rows.append(("pip install . (core)", *bench_pip(work, str(ROOT))))
        if not args.skip_extra:
            work = Path(tmp) / "extra"
            work.mkdir()
            rows.append(('pip install ".[laporan]"', *bench_pip(work, f"{ROOT}[laporan]")))
        if shutil.which("git"):
            work = Path(tmp) / "hook"
            work.mkdir()
            cold, warm = bench_pre_commit(work)
            rows.append(("pre-commit try-repo, cold (install + run)", cold, None))
            rows.append(("pre-commit try-repo, warm (run only)", warm, None))
    for name, seconds, size in rows:
        extra = f"  {size:6.0f} MB" if size is not None else ""
        print(f"{name:45s} {seconds:6.1f} s{extra}")


if __name__ == "__main__":
    main()
