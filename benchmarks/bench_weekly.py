"""Benchmark ``medsos weekly report`` at provincial scale and for the usual weekly case.

Usage::

    python benchmarks/bench_weekly.py                   # generates the exports when missing
    python benchmarks/bench_weekly.py --json bench.json # figures as JSON as well
    python benchmarks/bench_weekly.py --profile 25      # + cProfile of one in-process run
    python benchmarks/bench_weekly.py --quick           # small case only, one run

Measures (wall time with ``time.perf_counter``, best of ``--runs``):

a. the full report (``benchmarks/exports/``: 100 accounts, 50,000 posts, 200,000 comments,
   5,000 complaints) as a subprocess, ``python -m medsos_cli weekly report benchmarks/exports
   --week 2026-W47 --format html|json --out <tmp> --force --no-history``, with its CPU time
   and peak memory (``ru_maxrss`` from ``os.wait4`` in a small launcher process, C allocations
   included; and the summed PSS of the command and its forked lint workers on Linux); and the
   same in-process (``read_exports`` + ``build_report`` + render);
b. the small case (``benchmarks/exports-small/``: 5 accounts, 300 posts, 1,000 comments) as a
   subprocess, interpreter start-up included;
c. a phase breakdown of the in-process run: the library functions ``build_report`` calls are
   wrapped with timers (import/parse, dedupe, metrics, conversation, complaints, lint, sources,
   recommendations, render), so the phases are exactly those of the command.

The JSON report of (a) is checked against the generator's manifest: every file recognised in
the expected format, no skipped rows, and the post, comment and complaint counts per week.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import generate_exports
from bench_lint import cpu_model, launch, launched
from bench_lint import ensure_importable as lint_environment

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SRC = REPO / "src"
WEEK = generate_exports.WEEK

TARGET_FULL_S = 10.0
TARGET_FULL_MB = 500.0
TARGET_SMALL_S = 2.0


# --------------------------------------------------------------------------------------------
# Environment
# --------------------------------------------------------------------------------------------


def ensure_importable() -> dict[str, str]:
    """The lint benchmark's environment, plus byte code as an installed package has it:
    compiled once (in the warm-up run) into a private folder, even where
    PYTHONDONTWRITEBYTECODE is set."""
    env = lint_environment()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def ensure_exports(folder: Path, small: bool, seed: int) -> dict:
    """The manifest of ``folder``; (re)generate the exports when missing or made otherwise."""
    path = generate_exports.manifest_path(folder)
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        size = "small" if small else "full"
        if manifest.get("generator") == generate_exports.GENERATOR_VERSION and manifest[
                "seed"] == seed and manifest["size"] == size and all(
                (folder / f["path"]).is_file() for f in manifest["file_list"]):
            return manifest
    except (OSError, ValueError, KeyError):
        pass
    print(f"generating {'small' if small else 'full'} exports into {folder} ...",
          file=sys.stderr)
    return generate_exports.generate(folder, small, seed)


# --------------------------------------------------------------------------------------------
# Subprocess: wall time and the child's peak memory
# --------------------------------------------------------------------------------------------


def _tree_pss_mb(pid: int, include_root: bool = True) -> float | None:
    """Proportional set size of ``pid``'s descendants (and ``pid``), shared pages split; Linux."""
    total, todo, seen = 0, [pid], 0
    while todo:
        p = todo.pop()
        try:
            if p != pid or include_root:
                for line in Path(f"/proc/{p}/smaps_rollup").read_text(
                        encoding="ascii").splitlines():
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        seen += 1
                        break
            for task in Path(f"/proc/{p}/task").iterdir():
                kids = (task / "children").read_text(encoding="ascii").split()
                todo.extend(int(k) for k in kids)
        except (OSError, ValueError):
            continue
    return total / 1024 if seen else None


class TreeSampler(threading.Thread):
    """Poll the summed PSS under a process (the command and its lint workers) every 50 ms."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, None, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            value = _tree_pss_mb(self.pid, include_root=False)
            if value is not None and (self.peak is None or value > self.peak):
                self.peak = value


def run_child(cmd: list[str], env: dict[str, str], cwd: Path) -> dict:
    """Run ``cmd`` through the launcher; return wall and CPU seconds, exit code and memory.

    ``peak_mb``: ``ru_maxrss`` of the command (the largest of it and its reaped workers: one
    process, not a sum; POSIX). ``tree_pss_mb``: the peak of the summed proportional set size
    of the command and its workers, sampled every 50 ms (Linux; a spike shorter than that can
    be missed). ``None`` where the OS gives no figure (Windows). ``wall_s`` is measured in the
    launcher around the command alone.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.TemporaryDirectory() as tmp:
        figures = Path(tmp) / "figures.json"
        proc = launch(cmd, figures, env=env, cwd=cwd, stdout=out, stderr=err)
        sampler = None
        if Path(f"/proc/{proc.pid}/smaps_rollup").exists():
            sampler = TreeSampler(proc.pid)
            sampler.start()
        code = proc.wait()
        if sampler is not None:
            sampler.done.set()
            sampler.join()
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
        result = launched(figures, code, stderr)
    return {"wall_s": result["wall_s"], "cpu_s": result.get("cpu_s"),
            "exit_code": result["code"], "peak_mb": result.get("peak_mb"),
            "tree_pss_mb": sampler.peak if sampler else None, "stdout": stdout,
            "stderr": stderr}


def bench_command(folder: Path, fmt: str, runs: int, env: dict[str, str], work: Path) -> dict:
    out = work / f"report.{fmt}"
    cmd = [sys.executable, "-m", "medsos_cli", "weekly", "report", str(folder), "--week", WEEK,
           "--format", fmt, "--out", str(out), "--force", "--no-history"]
    results = [run_child(cmd, env, work) for _ in range(runs)]
    failed = [r for r in results if r["exit_code"] != 0]
    if failed:
        raise SystemExit(f"medsos weekly report failed (exit {failed[0]['exit_code']}):\n"
                         f"{failed[0]['stderr'][-3000:]}")
    times = [r["wall_s"] for r in results]
    cpus = [r["cpu_s"] for r in results if r["cpu_s"] is not None]
    peaks = [r["peak_mb"] for r in results if r["peak_mb"] is not None]
    trees = [r["tree_pss_mb"] for r in results if r["tree_pss_mb"] is not None]
    return {
        "command": " ".join(["medsos", *cmd[3:5], f"benchmarks/{folder.name}", *cmd[6:11],
                             f"<tmp>/report.{fmt}", *cmd[12:]]),
        "runs": runs, "best_s": min(times), "times_s": times,
        "cpu_s": min(cpus) if cpus else None,
        "peak_mb": max(peaks) if peaks else None,
        "tree_pss_mb": max(trees) if trees else None, "output": str(out),
        "output_bytes": out.stat().st_size, "stderr": results[-1]["stderr"].strip(),
    }


def bench_floor(env: dict[str, str], runs: int, work: Path) -> dict:
    """Interpreter start and ``medsos weekly report --help``: the floor of the small case."""
    bare = [run_child([sys.executable, "-c", "pass"], env, work)["wall_s"] for _ in range(runs)]
    helps = [run_child([sys.executable, "-m", "medsos_cli", "weekly", "report", "--help"], env,
                       work)["wall_s"] for _ in range(runs)]
    return {"interpreter_s": min(bare), "help_s": min(helps)}


# --------------------------------------------------------------------------------------------
# In-process: the phases of build_report
# --------------------------------------------------------------------------------------------


def cpu_time() -> float:
    """CPU seconds of this process and its reaped children (the lint's forked workers)."""
    try:
        import resource
    except ImportError:  # Windows: this process only
        return time.process_time()
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


class Phases:
    """Wrap library functions with timers; nested calls are charged to the inner phase only.

    Each phase gets wall time (``perf_counter``) and CPU time of this process
    (``process_time``): on a shared machine the CPU figure is the steadier one.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack: list[list[float]] = []  # [child wall, child cpu] per open frame
        self._undo: list[tuple[object, str, object]] = []

    def wrap(self, module, name: str, phase: str) -> None:
        original = getattr(module, name, None)
        if original is None or getattr(original, "_bench_phase", None):
            return

        def timed(*args, **kwargs):
            return self.clock(phase, original, *args, **kwargs)

        timed._bench_phase = phase  # type: ignore[attr-defined]
        setattr(module, name, timed)
        self._undo.append((module, name, original))

    def clock(self, phase: str, fn, *args, **kwargs):
        """Call ``fn`` as a phase of its own (the same accounting as ``wrap``)."""
        self._stack.append([0.0, 0.0])
        t0, c0 = time.perf_counter(), cpu_time()
        try:
            return fn(*args, **kwargs)
        finally:
            wall, cpu = time.perf_counter() - t0, cpu_time() - c0
            child_wall, child_cpu = self._stack.pop()
            self.seconds[phase] += wall - child_wall
            self.cpu[phase] += cpu - child_cpu
            self.calls[phase] += 1
            if self._stack:
                self._stack[-1][0] += wall
                self._stack[-1][1] += cpu

    def restore(self) -> None:
        for module, name, original in reversed(self._undo):
            setattr(module, name, original)
        self._undo.clear()


PHASE_ORDER = ("import/parse", "dedupe", "metrics", "conversation", "complaints",
               "lint: rulebook + linter", "lint", "sources", "recommendations",
               "render html: charts", "render html", "(other build_report)")
EXTRA_PHASES = ("render json", "render md")


def install(phases: Phases) -> None:
    """Wrap the functions ``build_report`` and the renderers call (lazy imports included)."""
    import importlib

    def mod(name: str):
        try:
            return importlib.import_module(name)
        except ImportError:
            return None

    build = mod("medsos_cli.weekly.build")
    for name in ("dedupe_posts", "dedupe_daily", "dedupe_comments", "dedupe_complaints"):
        phases.wrap(build, name, "dedupe")
    for name in ("place_posts", "compute"):
        phases.wrap(build, name, "metrics")
    phases.wrap(build, "_sources", "sources")
    phases.wrap(build, "recommendations", "recommendations")
    phases.wrap(build, "_with_history", "history")
    for module, name, phase in (
            ("medsos_cli.weekly.conversation", "analyse_comments", "conversation"),
            ("medsos_cli.weekly.complaints", "analyse_complaints", "complaints"),
            ("medsos_cli.weekly.lintposts", "lint_posts", "lint"),
            ("medsos_cli.lint.run", "build_rulebook", "lint: rulebook + linter"),
            ("medsos_cli.lint.run", "build_linter", "lint: rulebook + linter"),
            ("medsos_cli.weekly.charts", "all_charts", "render html: charts")):
        m = mod(module)
        if m is not None:
            phases.wrap(m, name, phase)
    # render_html imports all_charts by name at import time in some versions: wrap there too.
    render = mod("medsos_cli.weekly.render_html")
    if render is not None and hasattr(render, "all_charts"):
        phases.wrap(render, "all_charts", "render html: charts")


def in_process(folder: Path, config, extra_formats: bool) -> tuple[Phases, float, float, dict]:
    """One in-process run as ``medsos weekly report --format html``.

    Returns (phases, wall seconds, CPU seconds, report).
    """
    from medsos_cli.exports import read_exports
    from medsos_cli.weekly.build import build_report, to_json
    from medsos_cli.weekly.render_html import render_html
    from medsos_cli.weekly.week import parse_week, today_in

    phases = Phases()
    install(phases)
    try:
        t0, c0 = time.perf_counter(), cpu_time()
        target = parse_week(WEEK, today=today_in(config.timezone))
        results = phases.clock("import/parse", read_exports, [str(folder)],
                               tz=config.timezone, year=target.year, near=target.start)
        report = phases.clock("(other build_report)", build_report, results, week=target.label,
                              config=config, use_history=False)
        phases.clock("render html", render_html, report)
        total, cpu = time.perf_counter() - t0, cpu_time() - c0
        if extra_formats:
            phases.clock("render json", to_json, report)
            try:
                from medsos_cli.weekly.render_md import render_markdown
            except ImportError:
                pass
            else:
                phases.clock("render md", render_markdown, report)
    finally:
        phases.restore()
    return phases, total, cpu, report


def parse_breakdown(folder: Path, config) -> list[dict]:
    """Time per export format of ``read_export`` (decode + recognise + rows)."""
    from medsos_cli.exports import expand, read_export
    from medsos_cli.weekly.week import parse_week, today_in

    target = parse_week(WEEK, today=today_in(config.timezone))
    per: dict[str, list] = defaultdict(lambda: [0.0, 0, 0, 0])
    for path in expand([str(folder)]):
        t0 = time.perf_counter()
        result = read_export(path, tz=config.timezone, year=target.year, near=target.start)
        entry = per[result.format]
        entry[0] += time.perf_counter() - t0
        entry[1] += 1
        entry[2] += result.rows
        entry[3] += path.stat().st_size
    return [{"format": fmt, "seconds": s, "files": n, "rows": rows, "bytes": size,
             "us_per_row": s / rows * 1e6 if rows else None}
            for fmt, (s, n, rows, size) in sorted(per.items(), key=lambda kv: -kv[1][0])]


def profile_run(folder: Path, config, top: int) -> str:
    """cProfile of one in-process run: top functions, and self time summed per module."""
    profiler = cProfile.Profile()
    profiler.enable()
    in_process(folder, config, extra_formats=False)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    per_module: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        key = filename
        if "medsos_cli" in filename:
            key = "medsos_cli" + filename.split("medsos_cli", 1)[1]
        elif "site-packages" in filename:
            key = filename.split("site-packages/", 1)[1].split("/", 1)[0] + " (third party)"
        elif filename == "~":  # C functions: waits on the lint workers, str methods, csv
            key = "built-in (C) functions"
        elif filename.startswith("<"):
            key = "<frozen>/<string> code"
        else:
            key = "stdlib: " + Path(filename).name
        per_module[key] += tottime
    total = sum(per_module.values())
    out.write("\n### self time per module (cProfile)\n\n| module | self time | share |\n"
              "|---|---:|---:|\n")
    for key, seconds in sorted(per_module.items(), key=lambda kv: -kv[1])[:top]:
        out.write(f"| {key} | {seconds:.2f} s | {seconds / total:.0%} |\n")
    for key in ("tottime", "cumulative"):
        out.write(f"\n### cProfile sorted by {key}\n\n```\n")
        stats.sort_stats(key).print_stats(top)
        out.write("```\n")
    return out.getvalue().replace(str(REPO) + os.sep, "")


# --------------------------------------------------------------------------------------------
# Checks against the manifest
# --------------------------------------------------------------------------------------------


def check(report: dict, manifest: dict, folder: Path) -> list[str]:
    """Differences between the JSON report and what the generator wrote (empty: all good)."""
    problems = []
    expected = {str(folder / f["path"]): f for f in manifest["file_list"]}
    seen = {}
    for source in report.get("sources", []):
        seen[str(Path(source["path"]))] = source
    for path, f in expected.items():
        source = seen.get(path)
        if source is None:
            problems.append(f"{f['path']}: not in the report's sources")
            continue
        if source["format"] != f["format"]:
            problems.append(f"{f['path']}: read as {source['format']}, expected {f['format']}")
        if source["skipped"]:
            problems.append(f"{f['path']}: {len(source['skipped'])} rows skipped, first: "
                            f"{source['skipped'][0]}")
    previous = report.get("previous_week")
    for plat, weeks in manifest["posts_by_platform"].items():
        data = report.get("platforms", {}).get(plat) or {}
        got = data.get("posts")
        if got != weeks.get(WEEK, 0):
            problems.append(f"{plat}: {got} posts in {WEEK}, generated {weeks.get(WEEK, 0)}")
        got_prev = (data.get("previous") or {}).get("posts")
        if got_prev != weeks.get(previous, 0):
            problems.append(f"{plat}: {got_prev} posts in {previous}, generated "
                            f"{weeks.get(previous, 0)}")
    comments = (report.get("comments") or {}).get("total")
    if comments != manifest["comments_by_week"].get(WEEK):
        problems.append(f"comments: {comments} in {WEEK}, generated "
                        f"{manifest['comments_by_week'].get(WEEK)}")
    received = (report.get("complaints") or {}).get("received")
    if received != manifest["complaints_by_week"].get(WEEK):
        problems.append(f"complaints: {received} received in {WEEK}, generated "
                        f"{manifest['complaints_by_week'].get(WEEK)}")
    return problems


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exports", type=Path, default=generate_exports.DEFAULT_OUT,
                        help="full-size exports (default benchmarks/exports/; made if missing)")
    parser.add_argument("--small-exports", type=Path, default=generate_exports.SMALL_OUT,
                        help="small exports (default benchmarks/exports-small/)")
    parser.add_argument("--seed", type=int, default=generate_exports.DEFAULT_SEED)
    parser.add_argument("--runs", type=int, default=None, help="timed runs, best kept (3)")
    parser.add_argument("--quick", action="store_true", help="small case only, one run")
    parser.add_argument("--no-subprocess", action="store_true",
                        help="in-process figures only (no command runs)")
    parser.add_argument("--profile", type=int, nargs="?", const=25, default=0, metavar="N",
                        help="append a cProfile of one in-process full run (top N)")
    parser.add_argument("--json", type=Path, default=None, metavar="PATH",
                        help="also write the figures as JSON")
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.quick else 3)

    env = ensure_importable()
    import medsos_cli
    from medsos_cli.config import load_config

    config = load_config(None, search=False)  # built-in defaults: figures independent of cwd
    work = Path(tempfile.mkdtemp(prefix="medsos-bench-weekly-"))
    cache = work / "cache"
    os.environ["MEDSOS_CACHE_DIR"] = env["MEDSOS_CACHE_DIR"] = str(cache)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["MPLCONFIGDIR"] = str(work / "matplotlib")  # matplotlib's font cache, built once
    folders = {"small": args.small_exports} if args.quick else {
        "full": args.exports, "small": args.small_exports}
    manifests = {k: ensure_exports(f, k == "small", args.seed) for k, f in folders.items()}

    figures: dict = {
        "machine": {"platform": platform.platform(),
                    "python": f"{platform.python_implementation()} {platform.python_version()}",
                    "cpu": cpu_model(), "cpu_count": os.cpu_count(),
                    "medsos": getattr(medsos_cli, "__version__", "?"),
                    "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg")
                    else None},
        "week": WEEK, "runs": runs,
        "inputs": {k: {key: m[key] for key in ("accounts", "files", "bytes", "posts",
                                               "comments", "complaints")}
                   for k, m in manifests.items()},
    }
    try:
        # Commands first: a child's ru_maxrss includes the image it was forked from, so the
        # benchmark process must still be small when it starts them.
        for kind, folder in folders.items():
            entry: dict = {}
            figures[kind] = entry
            if args.no_subprocess:
                continue
            # Warm-up: byte code, page cache, the rulebook cache of the private folder,
            # matplotlib's font cache.
            for fmt in ("json", "html"):
                run_child([sys.executable, "-m", "medsos_cli", "weekly", "report",
                           str(folder), "--week", WEEK, "--format", fmt, "--out",
                           str(work / "warm"), "--force", "--no-history"], env, work)
            entry["html"] = bench_command(folder, "html", runs, env, work)
            entry["json"] = bench_command(folder, "json", runs, env, work)
            report = json.loads(Path(entry["json"]["output"]).read_text(encoding="utf-8"))
            entry["problems"] = check(report, manifests[kind], folder)
            entry["json"]["warnings"] = sum(len(s["warnings"]) for s in report["sources"])
            entry["json"]["lint_posts_listed"] = len((report.get("lint") or {}).get("posts",
                                                                                   []))
            del report
        if not args.no_subprocess:
            figures["floor"] = bench_floor(env, max(3, runs), work)
        for kind, folder in folders.items():
            entry = figures[kind]
            totals, best = [], None
            for _ in range(runs):
                phases, total, cpu, report = in_process(folder, config, extra_formats=True)
                totals.append(total)
                if best is None or total < best[1]:
                    best = (phases, total, cpu)
            assert best is not None
            entry["in_process_s"] = best[1]
            entry["in_process_cpu_s"] = best[2]
            entry["in_process_times_s"] = totals
            entry["phases"] = dict(best[0].seconds)
            entry["phases_cpu"] = dict(best[0].cpu)
            if args.no_subprocess:
                entry["problems"] = check(report, manifests[kind], folder)
            if kind == "full":
                entry["parse_by_format"] = parse_breakdown(folder, config)
        profile = profile_run(args.exports if not args.quick else args.small_exports, config,
                              args.profile) if args.profile else ""
    finally:
        shutil.rmtree(work, ignore_errors=True)

    full, small = figures.get("full"), figures["small"]
    figures["targets"] = {
        "full_s": TARGET_FULL_S, "full_mb": TARGET_FULL_MB, "small_s": TARGET_SMALL_S,
        "full_met": None if not full or "html" not in full else (
            full["html"]["best_s"] < TARGET_FULL_S and full["json"]["best_s"] < TARGET_FULL_S),
        "full_memory_met": None if not full or "html" not in full else all(
            _memory_met(full[fmt]) for fmt in ("html", "json")),
        "small_met": None if "html" not in small else small["html"]["best_s"] < TARGET_SMALL_S,
    }
    print(render(figures, profile))
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
    return 0


def _memory_met(c: dict) -> bool | None:
    """Both the largest process and the whole tree (forked workers) under the target."""
    known = [v for v in (c["peak_mb"], c.get("tree_pss_mb")) if v is not None]
    return max(known) < TARGET_FULL_MB if known else None


def _ok(met: bool | None) -> str:
    return "" if met is None else ("✅" if met else "❌")


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f} MB"


def render(f: dict, profile: str) -> str:
    m, t = f["machine"], f["targets"]
    lines = ["# medsos weekly report benchmark", "",
             f"- Machine: {m['platform']}; {m['cpu']}; {m['cpu_count']} CPUs (not pinned)",
             f"- Python: {m['python']}; medsos {m['medsos']}; week {f['week']}; "
             f"best of {f['runs']} run(s)"]
    for kind, i in f["inputs"].items():
        lines.append(f"- {kind} exports: {i['accounts']} accounts, {i['files']} files, "
                     f"{i['bytes'] / 1e6:.1f} MB; {i['posts']:,} posts, {i['comments']:,} "
                     f"comments, {i['complaints']:,} complaints")
    if m.get("load_average"):
        lines.append("- Load average at start: " + ", ".join(f"{x:.2f}" for x in
                                                             m["load_average"])
                     + " (wall times grow when other processes share the CPUs; CPU times "
                     "do not)")
    outputs: list[str] = []
    lines += ["", "| measure | wall | CPU | peak RSS | tree PSS | target | |",
              "|---|---:|---:|---:|---:|---:|---|"]
    for kind in ("full", "small"):
        e = f.get(kind)
        if not e:
            continue
        for fmt in ("html", "json"):
            if fmt not in e:
                continue
            c = e[fmt]
            if kind == "full":
                target = f"< {TARGET_FULL_S:g} s, < {TARGET_FULL_MB:g} MB"
                met = c["best_s"] < TARGET_FULL_S and _memory_met(c) is not False
            else:
                target = f"< {TARGET_SMALL_S:g} s"
                met = c["best_s"] < TARGET_SMALL_S
            cpu = "n/a" if c["cpu_s"] is None else f"{c['cpu_s']:.2f} s"
            lines.append(f"| {kind}: `{c['command']}` | {c['best_s']:.2f} s | {cpu} | "
                         f"{_mb(c['peak_mb'])} | {_mb(c['tree_pss_mb'])} | {target} | "
                         f"{_ok(met)} |")
        lines.append(f"| {kind}: in-process `read_exports` + `build_report` + `render_html` | "
                     f"{e['in_process_s']:.2f} s | {e['in_process_cpu_s']:.2f} s | | | | |")
        if "html" in e:
            outputs.append(f"- {kind}: HTML {e['html']['output_bytes'] / 1e6:.2f} MB, JSON "
                           f"{e['json']['output_bytes'] / 1e6:.2f} MB; "
                           f"{e['json']['warnings']} source warnings; "
                           f"{e['json']['lint_posts_listed']:,} posts listed under lint")
    if "floor" in f:
        lines += [f"| floor: `python -c pass` | {f['floor']['interpreter_s'] * 1000:.0f} ms | "
                  "| | | | |",
                  f"| floor: `medsos weekly report --help` | {f['floor']['help_s'] * 1000:.0f} ms"
                  " | | | | | |"]
    lines += ["", "CPU: user + system time of the process and its reaped children (the forked "
              "lint workers). Peak RSS: `ru_maxrss` (the largest single process). Tree PSS: "
              "peak of the summed proportional set size of the process and its workers, "
              "sampled every 50 ms.", "", "Outputs:", *outputs]
    for kind in ("full", "small"):
        e = f.get(kind)
        if not e:
            continue
        total = e["in_process_s"]
        lines += ["", f"### Phases, {kind} (in-process, best run)", "",
                  "| phase | wall | CPU | share of wall |", "|---|---:|---:|---:|"]
        ph, cpu = e["phases"], e["phases_cpu"]
        for name in PHASE_ORDER + tuple(k for k in ph if k not in PHASE_ORDER
                                         and k not in EXTRA_PHASES):
            if name in ph:
                lines.append(f"| {name} | {ph[name]:.3f} s | {cpu[name]:.3f} s | "
                             f"{ph[name] / total:.0%} |")
        lines.append(f"| **total** | {total:.3f} s | {e['in_process_cpu_s']:.3f} s | |")
        for name in EXTRA_PHASES:
            if name in ph:
                lines.append(f"| ({name}, not in the total) | {ph[name]:.3f} s | "
                             f"{cpu[name]:.3f} s | |")
        if e.get("parse_by_format"):
            lines += ["", "| format | files | rows | MB | parse time | per row |",
                      "|---|---:|---:|---:|---:|---:|"]
            for p in e["parse_by_format"]:
                per = f"{p['us_per_row']:.0f} µs" if p["us_per_row"] else ""
                lines.append(f"| {p['format']} | {p['files']} | {p['rows']:,} | "
                             f"{p['bytes'] / 1e6:.1f} | {p['seconds']:.2f} s | {per} |")
        problems = e.get("problems") or []
        lines += ["", f"Checks against the generator's manifest ({kind}): "
                  + ("all files recognised, no skipped rows, post/comment/complaint counts "
                     "match." if not problems else f"{len(problems)} problem(s):")]
        lines += [f"- {p}" for p in problems[:20]]
    if t["full_met"] is not None:
        lines += ["", f"Targets: full < {TARGET_FULL_S:g} s {_ok(t['full_met'])}, "
                  f"< {TARGET_FULL_MB:g} MB {_ok(t['full_memory_met'])}; small < "
                  f"{TARGET_SMALL_S:g} s {_ok(t['small_met'])}"]
    if profile:
        lines += ["", "## cProfile of one in-process run", profile]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
