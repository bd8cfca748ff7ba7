"""Benchmark ``medsos lint``: rulebook load, a 10,000-caption corpus, and command start-up.

Usage::

    python benchmarks/generate_corpus.py && python benchmarks/bench_lint.py
    python benchmarks/bench_lint.py --quick                 # smoke check: 1,000 captions, 1 run
    python benchmarks/bench_lint.py --json bench.json       # figures as JSON as well
    python benchmarks/bench_lint.py --profile 25            # + cProfile of the in-memory lint
    python benchmarks/bench_lint.py --rulebook path/to/rulebook

Measures (time.perf_counter, best of ``--runs``):

a. rulebook load: ``build_rulebook`` (YAML, typed rules, example self-checks, regex probes)
   plus ``build_linter`` (the term index);
b. the corpus from disk through ``lint_paths`` (expand the folder, read, decode, front matter,
   lint, text metrics), as ``medsos lint benchmarks/corpus/`` does minus the report;
c. the same texts in memory through ``Linter.lint_text`` (decoding done beforehand);
d. start-up: ``python -m medsos_cli lint one-short-caption.txt`` as a subprocess, median wall
   time of ``--startup-runs``, and the ``-X importtime`` top imports of that command.

The process pins itself to one CPU where the OS allows it (``os.sched_setaffinity``); the
start-up subprocesses inherit the pin.
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
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import generate_corpus

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SRC = REPO / "src"

TARGET_CORPUS_S = 2.5        # 10,000 captions, one process, one core
TARGET_CORPUS_N = 10_000
TARGET_STARTUP_S = 0.15      # `medsos lint` of one short caption, wall, interpreter included
TARGET_COMMAND_US = 250      # whole command (read, lint, text output), one core, per caption
TARGET_JOBS2_S = 1.5         # 10,000 captions with --jobs 2
TARGET_BIG_S = 8.0           # one 10 MB file
TARGET_PROSELINT_RATIO = 25  # throughput against proselint on the same folder
BIG_MB = 10
PROSELINT = "proselint==0.16.0"
PROSELINT_VENV = HERE / ".proselint-venv"

SHORT_CAPTION = "Warga dihimbau datang pukul 08.00 WIB ke Jl. Pemuda No. 5. #KotaMagelang\n"
HEAVY_MODULES = ("typer", "click", "rich", "pydantic", "jinja2", "textstat", "yaml", "regex",
                 "twitter_text", "pickle")


# --------------------------------------------------------------------------------------------
# Environment
# --------------------------------------------------------------------------------------------


def pin_one_core() -> str:
    """Pin this process (and its children) to one CPU; say what happened."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (os.sched_setaffinity unavailable on this OS)"
    try:
        allowed = sorted(os.sched_getaffinity(0))
        cpu = 0 if 0 in allowed else allowed[0]
        os.sched_setaffinity(0, {cpu})
    except OSError as exc:
        return f"not pinned ({exc})"
    return f"pinned to CPU {cpu} (of {len(allowed)} allowed)"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ensure_importable() -> dict[str, str]:
    """Make ``medsos_cli`` importable; return the environment for subprocesses."""
    env = dict(os.environ)
    try:
        import medsos_cli  # noqa: F401
    except ImportError:
        sys.path.insert(0, str(SRC))
        old = env.get("PYTHONPATH")
        env["PYTHONPATH"] = str(SRC) + (os.pathsep + old if old else "")
    env.pop("PYTHONSTARTUP", None)
    env.pop("MEDSOS_NO_CACHE", None)
    env["NO_COLOR"] = "1"
    return env


class CacheEnv:
    """Point the rulebook cache (``medsos_cli.cache``) at a private folder, or switch it off.

    The benchmark never reads or writes the user's own cache.
    """

    def __init__(self, folder: Path):
        self.folder = folder

    def __call__(self, enabled: bool) -> None:
        os.environ["MEDSOS_CACHE_DIR"] = str(self.folder)
        if enabled:
            os.environ.pop("MEDSOS_NO_CACHE", None)
        else:
            os.environ["MEDSOS_NO_CACHE"] = "1"

    def env(self, base: dict[str, str], enabled: bool) -> dict[str, str]:
        env = dict(base, MEDSOS_CACHE_DIR=str(self.folder))
        if not enabled:
            env["MEDSOS_NO_CACHE"] = "1"
        return env


# --------------------------------------------------------------------------------------------
# Measurements
# --------------------------------------------------------------------------------------------


def timed(fn, runs: int):
    """Call ``fn`` ``runs`` times; return (last result, list of seconds)."""
    times = []
    result = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return result, times


def prepare_corpus(folder: Path, count: int, seed: int) -> tuple[list[str], list[tuple]]:
    """Return (lint_paths arguments, in-memory sources) for the first ``count`` captions.

    The in-memory texts come from ``generate_corpus.generate``; the folder is (re)written when
    it does not hold exactly those texts, so (b) and (c) lint the same captions.
    """
    from medsos_cli.lint.inputs import decode

    captions = generate_corpus.generate(count, seed)
    stale = False
    for name, text in captions:
        path = folder / name
        try:
            if path.read_bytes() != text.encode("utf-8"):
                stale = True
                break
        except OSError:
            stale = True
            break
    if stale:
        print(f"(writing {count:,} captions to {folder})", file=sys.stderr)
        generate_corpus.write_corpus(folder, count, seed)
    on_disk = sorted(p.name for p in folder.glob("*") if p.suffix.lower() in (".txt", ".md"))
    names = [name for name, _ in captions]
    args = [str(folder)] if on_disk == names else [str(folder / n) for n in names]
    sources = []
    for name, text in captions:
        source = decode(text.encode("utf-8"), str(folder / name))
        sources.append((source.path, source.text, source.start, source.platform, source.kind))
    return args, sources


def summarize(results) -> dict:
    levels: Counter = Counter()
    rules: Counter = Counter()
    errors = 0
    for result in results:
        if result.error is not None:
            errors += 1
        for finding in result.findings:
            levels[finding.level.label] += 1
            rules[finding.rule] += 1
    clean = sum(1 for r in results if not r.findings and r.error is None)
    return {"findings": sum(levels.values()), "levels": dict(levels),
            "top_rules": rules.most_common(12), "errors": errors, "clean_captions": clean}


def bench_startup(env: dict[str, str], cache: CacheEnv, runs: int, rulebooks: list[str]) -> dict:
    """Wall time of ``python -m medsos_cli lint caption.txt`` with a warm and a cold cache."""
    # Byte-compile the package first, as `pip install` does: with PYTHONDONTWRITEBYTECODE set,
    # a source checkout would otherwise be compiled anew on every start.
    import compileall

    import medsos_cli

    compileall.compile_dir(str(Path(medsos_cli.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory(prefix="medsos-bench-") as tmp:
        caption = Path(tmp) / "caption.txt"
        caption.write_text(SHORT_CAPTION, encoding="utf-8")
        extra = [x for book in rulebooks for x in ("--rulebook", book)]
        cmd = [sys.executable, "-m", "medsos_cli", "lint", str(caption), *extra]
        warm_env = cache.env(env, enabled=True)
        cold_env = cache.env(env, enabled=False)

        def wall(command: list[str], run_env: dict[str, str]):
            t0 = time.perf_counter()
            proc = subprocess.run(command, env=run_env, cwd=REPO, capture_output=True,
                                  text=True, encoding="utf-8", errors="replace")
            return time.perf_counter() - t0, proc

        _, first = wall(cmd, warm_env)  # warm-up: byte code, page cache, rulebook cache
        if first.returncode not in (0, 1):
            raise SystemExit(f"medsos lint failed (exit {first.returncode}):\n{first.stderr}")
        warm = [wall(cmd, warm_env)[0] for _ in range(runs)]
        cold = [wall(cmd, cold_env)[0] for _ in range(runs)]
        base = [wall([sys.executable, "-c", "pass"], env)[0] for _ in range(runs)]
        _, proc = wall([sys.executable, "-X", "importtime", *cmd[1:]], warm_env)
    imports = parse_importtime(proc.stderr)
    loaded = {name.split(".")[0] for name, _, _ in imports}
    return {
        "command": " ".join(["python", *cmd[1:4], "caption.txt", *extra]),
        "exit_code": first.returncode,
        "runs": runs,
        "median_s": statistics.median(warm),
        "min_s": min(warm),
        "max_s": max(warm),
        "no_cache_median_s": statistics.median(cold),
        "interpreter_median_s": statistics.median(base),
        "import_total_s": sum(self_us for _, self_us, _ in imports) / 1e6,
        "top_imports": [{"module": name, "cumulative_ms": cum / 1000, "self_ms": self_us / 1000}
                        for name, self_us, cum in sorted(imports, key=lambda x: -x[2])[:10]],
        "top_self": [{"module": name, "self_ms": self_us / 1000}
                     for name, self_us, _ in sorted(imports, key=lambda x: -x[1])[:10]],
        "heavy_loaded": sorted(m for m in HEAVY_MODULES if m in loaded),
        "output": first.stdout,
    }


# A small launcher starts each command. On Linux a child's ru_maxrss starts from the peak RSS
# of the process it was forked from (exec keeps it), so a command started straight from this
# benchmark, which holds its corpus, linter or reports, would inherit its size. The launcher
# stays small.
LAUNCHER = """
import json, os, subprocess, sys, time
t0 = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:])
out = {"pid": proc.pid}
if hasattr(os, "wait4"):
    _, status, usage = os.wait4(proc.pid, 0)
    out["code"] = os.waitstatus_to_exitcode(status)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    out["peak_mb"] = usage.ru_maxrss / scale
    out["cpu_s"] = usage.ru_utime + usage.ru_stime
else:
    out["code"] = proc.wait()
out["wall_s"] = time.perf_counter() - t0
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(out, f)
"""


def launch(command: list[str], figures: Path, **popen) -> subprocess.Popen:
    """Start ``command`` through ``LAUNCHER``, which writes its figures to ``figures`` (see
    :func:`launched`); ``popen`` as for ``subprocess.Popen``."""
    return subprocess.Popen([sys.executable, "-c", LAUNCHER, str(figures), *command], **popen)


def launched(figures: Path, code: int, stderr: str = "") -> dict:
    """The figures the launcher wrote: ``wall_s`` (the command alone), ``code``, and where the
    OS gives them ``peak_mb`` and ``cpu_s``. No figures (the launcher failed): SystemExit."""
    try:
        return json.loads(figures.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise SystemExit(f"launcher failed (exit {code}):\n{stderr[-3000:]}") from None


def _run_child(command: list[str], env: dict[str, str], *, all_cpus: bool = False,
               stdin=None) -> tuple[float, int, int]:
    """Run ``command`` (output discarded) through the launcher; return its wall seconds, its
    exit code and its peak RSS in KB (0 where the OS gives none).

    ``all_cpus`` lifts the benchmark's pin to one core for the child (``--jobs 2``).
    """
    def unpin() -> None:
        if all_cpus and hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, range(os.cpu_count() or 1))

    with tempfile.TemporaryDirectory(prefix="medsos-bench-run-") as tmp:
        figures = Path(tmp) / "figures.json"
        proc = launch(command, figures, env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                      stderr=subprocess.DEVNULL, stdin=stdin,
                      preexec_fn=unpin if os.name == "posix" else None)
        result = launched(figures, proc.wait())
    return result["wall_s"], result["code"], round(result.get("peak_mb", 0) * 1024)


def bench_command(env: dict[str, str], cache: CacheEnv, folder: Path, count: int,
                  runs: int) -> dict:
    """The whole ``medsos lint FOLDER`` (walk, read, lint, text output) on one core and with
    ``--jobs 2``, and one ``BIG_MB`` MB file (time, peak memory)."""
    run_env = cache.env(env, enabled=True)
    base = [sys.executable, "-m", "medsos_cli", "lint", str(folder), "--no-color"]
    _run_child(base + ["--jobs", "1"], run_env)  # warm-up: caches, page cache
    one = min(_run_child(base + ["--jobs", "1"], run_env)[0] for _ in range(runs))
    two = min(_run_child(base + ["--jobs", "2"], run_env, all_cpus=True)[0]
              for _ in range(runs))
    with tempfile.TemporaryDirectory(prefix="medsos-bench-big-") as tmp:
        big = Path(tmp) / "besar.facebook.txt"
        texts = [t.lstrip("\ufeff") for _, t in generate_corpus.generate(count, 2026)
                 if not t.lstrip("\ufeff").startswith("---")]
        body = "\n\n".join(texts)
        while len(body.encode("utf-8")) < BIG_MB * 1_000_000:
            body += "\n\n" + body
        data = body.encode("utf-8")[:BIG_MB * 1_000_000].decode("utf-8", "ignore")
        big.write_text(data, encoding="utf-8")
        toml = Path(tmp) / "medsos.toml"
        toml.write_text(f"[lint]\nmax_file_size_mb = {BIG_MB + 5}\n", encoding="utf-8")
        cmd = [sys.executable, "-m", "medsos_cli", "lint", str(big), "--config", str(toml),
               "--no-color"]
        big_s, big_code, big_kb = _run_child(cmd, run_env)
        one_mb = Path(tmp) / "satu.facebook.txt"
        one_mb.write_text(data[:len(data) // BIG_MB], encoding="utf-8")
        small_s, _, small_kb = _run_child(cmd[:4] + [str(one_mb)] + cmd[5:], run_env)
    return {"one_core_s": one, "jobs2_s": two, "us_per_caption": one / count * 1e6,
            "big_mb": BIG_MB, "big_s": big_s, "big_exit": big_code, "big_peak_mb": big_kb / 1024,
            "one_mb_s": small_s, "one_mb_peak_mb": small_kb / 1024}


def bench_proselint(env: dict[str, str], cache: CacheEnv, folder: Path) -> dict | None:
    """proselint and medsos on the same folder in one run (proselint in its own venv, never a
    dependency of medsos): wall time of each and medsos's throughput ratio."""
    exe = PROSELINT_VENV / ("Scripts" if os.name == "nt" else "bin") / "proselint"
    if not exe.exists():
        print(f"(installing {PROSELINT} into {PROSELINT_VENV})", file=sys.stderr)
        try:
            subprocess.run([sys.executable, "-m", "venv", str(PROSELINT_VENV)], check=True)
            pip = PROSELINT_VENV / ("Scripts" if os.name == "nt" else "bin") / "pip"
            subprocess.run([str(pip), "install", "-q", PROSELINT], check=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"(proselint not available: {exc})", file=sys.stderr)
            return None
    files = sorted(str(p) for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    plain_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
    _run_child([str(exe), "check", *files[:50]], plain_env)  # warm-up
    pro_s, code, _ = _run_child([str(exe), "check", str(folder)], plain_env, all_cpus=True)
    if code not in (0, 1):
        print(f"(proselint check failed with exit code {code})", file=sys.stderr)
        return None
    run_env = cache.env(env, enabled=True)
    ours = [sys.executable, "-m", "medsos_cli", "lint", str(folder), "--no-color"]
    med_s = _run_child(ours, run_env, all_cpus=True)[0]
    with tempfile.TemporaryDirectory(prefix="medsos-bench-one-") as tmp:
        caption = Path(tmp) / "caption.txt"
        caption.write_text(SHORT_CAPTION, encoding="utf-8")
        pro_one = statistics.median(_run_child([str(exe), "check", str(caption)], plain_env)[0]
                                    for _ in range(5))
        med_one = statistics.median(_run_child(ours[:4] + [str(caption)], run_env)[0]
                                    for _ in range(5))
    return {"version": PROSELINT, "files": len(files), "proselint_s": pro_s, "medsos_s": med_s,
            "ratio": pro_s / med_s, "proselint_one_s": pro_one, "medsos_one_s": med_one}


def parse_importtime(stderr: str) -> list[tuple[str, int, int]]:
    """Parse ``-X importtime`` lines into (module, self µs, cumulative µs)."""
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        try:
            self_us, cum_us, name = line[len("import time:"):].split("|", 2)
            rows.append((name.strip(), int(self_us), int(cum_us)))
        except ValueError:
            continue
    return rows


def rule_costs(linter, sources) -> list[tuple[str, float, int]]:
    """Seconds per part of the in-memory lint, measured in one pass that runs as
    ``Linter.lint_document`` does: for each caption its analysis (tokens, then sentences and
    syllables), the term index, the Hyperscan pre-scan, each rule that applies (a pattern rule
    only when the pre-scan names it), then the findings (positions, messages, sorting). Shared
    facts (the words the dictionary rules look at, sentence starts) are charged to the first
    rule that asks for them, as in a real run.
    """
    from medsos_cli.lint.engine import _finding
    from medsos_cli.text.document import Document

    clock = time.perf_counter
    seconds: Counter = Counter()
    checked: Counter = Counter()
    n = len(sources)
    context = linter.context
    label = {r.id: f"{r.id} ({r.kind})" for r in linter.rules}
    terms = f"term index ({sum(1 for r in linter.rules if r.uses_terms)} term rules, one pass)"
    for path, text, start, plat, kind in sources:
        doc = Document(text, start, plat, kind or "caption", path)
        t0 = clock()
        _ = doc.lower_words, doc.entities
        t1 = clock()
        _ = doc.sentences, doc.syllables
        t2 = clock()
        active, term_ids = linter._rules_for(doc.platform, doc.kind)
        hits = list(linter._term_hits(doc, term_ids)) if linter.terms else []
        t3 = clock()
        candidates = linter._pattern_candidates(doc)
        t4 = clock()
        seconds["Document: tokens, words, lower_words, entities"] += t1 - t0
        seconds["Document: sentences, syllables"] += t2 - t1
        seconds[terms] += t3 - t2
        seconds["pattern pre-scan (Hyperscan)"] += t4 - t3
        for rule in active:
            if candidates is not None and rule.kind == "pattern" and rule.id not in candidates:
                continue
            t5 = clock()
            found = rule.check(doc, context)
            seconds[label[rule.id]] += clock() - t5
            checked[label[rule.id]] += 1
            hits.extend((rule, hit) for hit in found)
        t6 = clock()
        findings = [_finding(doc, rule, hit) for rule, hit in hits]
        findings.sort(key=lambda f: (f.offset, -f.level, f.rule))
        seconds["findings: positions, messages, order"] += clock() - t6
    for part in ("Document: tokens, words, lower_words, entities",
                 "Document: sentences, syllables", terms, "pattern pre-scan (Hyperscan)",
                 "findings: positions, messages, order"):
        checked[part] = n
    return sorted(((part, s, checked[part]) for part, s in seconds.items()),
                  key=lambda r: -r[1])


def profile_memory(linter, sources, top: int) -> str:
    def lint_all():
        for path, text, start, plat, kind in sources:
            linter.lint_text(text, path=path, platform=plat, kind=kind or "caption", start=start)

    out = io.StringIO()
    n = len(sources)
    out.write("\n### time per part (no profiler; one pass as the engine runs: each rule only on "
              "the captions it applies to, a pattern rule only when the pre-scan names it)\n\n"
              "| part | total | per caption of the corpus | captions checked |\n"
              "|---|---:|---:|---:|\n")
    for label, seconds, checked in rule_costs(linter, sources):
        out.write(f"| {label} | {seconds * 1000:.0f} ms | {seconds / n * 1e6:.0f} µs | "
                  f"{checked:,} |\n")
    profiler = cProfile.Profile()
    profiler.enable()
    lint_all()
    profiler.disable()
    for key in ("cumulative", "tottime"):
        out.write(f"\n### cProfile sorted by {key}\n\n```\n")
        stats = pstats.Stats(profiler, stream=out)
        stats.strip_dirs().sort_stats(key).print_stats(top)
        out.write("```\n")
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=generate_corpus.DEFAULT_OUT,
                        help="corpus folder (default benchmarks/corpus/; written if stale)")
    parser.add_argument("-n", "--count", type=int, default=None,
                        help="captions to lint (default 10,000; 1,000 with --quick)")
    parser.add_argument("--seed", type=int, default=generate_corpus.DEFAULT_SEED)
    parser.add_argument("--runs", type=int, default=None, help="timed runs, best kept (3)")
    parser.add_argument("--startup-runs", type=int, default=None,
                        help="start-up subprocess runs, median kept (10; 3 with --quick)")
    parser.add_argument("--rulebook", "-r", action="append", default=None, metavar="PATH",
                        help="rulebook folder(s) instead of the configured/default one")
    parser.add_argument("--config", type=Path, default=None,
                        help="medsos.toml to use (default: none, i.e. built-in defaults)")
    parser.add_argument("--quick", action="store_true", help="1,000 captions, 1 run")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up part (d)")
    parser.add_argument("--profile", type=int, nargs="?", const=25, default=0, metavar="N",
                        help="append a cProfile of the in-memory lint (top N functions)")
    parser.add_argument("--json", type=Path, default=None, metavar="PATH",
                        help="also write the figures as JSON")
    parser.add_argument("--no-command", action="store_true",
                        help="skip (e) the whole command, --jobs 2 and the 10 MB file")
    parser.add_argument("--proselint", action="store_true",
                        help="(g) also run proselint on the same folder (installs it into "
                             "benchmarks/.proselint-venv on first use)")
    args = parser.parse_args(argv)
    count = args.count or (1_000 if args.quick else TARGET_CORPUS_N)
    runs = args.runs or (1 if args.quick else 3)
    startup_runs = args.startup_runs or (3 if args.quick else 10)
    rulebooks = [str(Path(b).resolve()) if b != "default" else b for b in args.rulebook or []]

    pinned = pin_one_core()
    env = ensure_importable()
    import medsos_cli
    from medsos_cli.config import load_config
    from medsos_cli.lint.rulebooks import load_rulebook
    from medsos_cli.lint.run import (
        Options,
        build_linter,
        build_rulebook,
        lint_paths,
        prepare_batch,
    )

    machine = {
        "platform": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "cpu": cpu_model(),
        "cpu_count": os.cpu_count(),
        "affinity": pinned,
        "medsos": getattr(medsos_cli, "__version__", "?"),
    }
    config = load_config(args.config, search=False)
    locations = rulebooks or list(config.rulebooks)

    # (a) rulebook load, with example self-checks, and the linter (term index).
    cache_folder = Path(tempfile.mkdtemp(prefix="medsos-bench-cache-"))
    cache = CacheEnv(cache_folder)

    def load():
        book = build_rulebook(config, rulebooks or None)
        return book, build_linter(config, book)

    cache(enabled=False)
    (book, linter), load_times = timed(load, runs)
    _, load_raw_times = timed(
        lambda: [load_rulebook(loc, check_examples=False) for loc in locations], runs)
    cache(enabled=True)
    load()  # fills the private cache
    _, load_cached_times = timed(load, runs)
    prepare_batch()  # the garbage-collector tuning the command line applies before linting
    kinds = Counter(rule.kind for rule in book)
    terms = sum(len(rule.terms) for rule in book if rule.uses_terms)
    patterns = sum(len(getattr(rule, "patterns", ())) for rule in book)
    examples = sum(len(r.examples.bad) + len(r.examples.good) for r in book)

    # (b) from disk, (c) in memory.
    lint_args, sources = prepare_corpus(args.corpus, count, args.seed)
    chars = sum(len(text) - start for _, text, start, _, _ in sources)
    options = Options(metrics=False)  # as `medsos lint` with text output
    disk_results, disk_times = timed(
        lambda: list(lint_paths(linter, lint_args, config, options)), runs)

    def lint_memory():
        return [linter.lint_text(text, path=path, platform=plat, kind=kind or "caption",
                                 start=start)
                for path, text, start, plat, kind in sources]

    mem_results, mem_times = timed(lint_memory, runs)
    disk = summarize(disk_results)
    mem = summarize(mem_results)
    if disk["findings"] != mem["findings"]:
        print(f"warning: {disk['findings']} findings from disk but {mem['findings']} in memory",
              file=sys.stderr)

    startup = None if args.no_startup else bench_startup(env, cache, startup_runs, rulebooks)
    whole = None
    if not args.no_command and lint_args == [str(args.corpus)]:
        whole = bench_command(env, cache, args.corpus, count, runs)
    prose = bench_proselint(env, cache, args.corpus) if args.proselint else None
    shutil.rmtree(cache_folder, ignore_errors=True)
    profile = profile_memory(linter, sources, args.profile) if args.profile else ""

    target_s = TARGET_CORPUS_S * count / TARGET_CORPUS_N
    figures = {
        "machine": machine,
        "rulebook": {"locations": locations, "rules": len(book), "kinds": dict(kinds),
                     "terms": terms, "regex_patterns": patterns, "examples": examples},
        "corpus": {"folder": str(args.corpus), "captions": count, "characters": chars,
                   "seed": args.seed},
        "runs": runs,
        "load_s": min(load_times),
        "load_times_s": load_times,
        "load_no_examples_s": min(load_raw_times),
        "load_cached_s": min(load_cached_times),
        "disk_s": min(disk_times),
        "disk_times_s": disk_times,
        "memory_s": min(mem_times),
        "memory_times_s": mem_times,
        "disk_captions_per_s": count / min(disk_times),
        "memory_captions_per_s": count / min(mem_times),
        "disk_us_per_caption": min(disk_times) / count * 1e6,
        "memory_us_per_caption": min(mem_times) / count * 1e6,
        "findings": mem,
        "targets": {"corpus_s": target_s, "corpus_met": min(disk_times) <= target_s,
                    "startup_s": TARGET_STARTUP_S,
                    "startup_met": startup["median_s"] <= TARGET_STARTUP_S if startup else None},
        "startup": startup,
        "command": whole,
        "proselint": prose,
    }
    print(render(figures, profile))
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
    return 0


def _ok(met: bool | None) -> str:
    return "" if met is None else ("✅" if met else "❌")


def render(f: dict, profile: str) -> str:
    m, rb, c, t, s = f["machine"], f["rulebook"], f["corpus"], f["targets"], f["startup"]
    n = c["captions"]
    lines = [
        "# medsos lint benchmark", "",
        f"- Machine: {m['platform']}; {m['cpu']}; {m['cpu_count']} CPUs, {m['affinity']}",
        f"- Python: {m['python']}; medsos {m['medsos']}",
        f"- Rulebook: {', '.join(rb['locations'])}: {rb['rules']} rules "
        f"({', '.join(f'{k} {v}' for k, v in sorted(rb['kinds'].items()))}); "
        f"{rb['terms']:,} indexed terms, {rb['regex_patterns']} regex patterns, "
        f"{rb['examples']} examples",
        f"- Corpus: {n:,} captions, {c['characters'] / 1e6:.2f} M characters of body "
        f"(seed {c['seed']}); best of {f['runs']} run(s)", "",
        "| measure | time | per caption | captions/s | target | |",
        "|---|---:|---:|---:|---:|---|",
        f"| (a) rulebook load + example self-checks + linter (no cache) | "
        f"{f['load_s'] * 1000:.0f} ms "
        "| | | | |",
        f"| (a′) rulebook load without example self-checks | "
        f"{f['load_no_examples_s'] * 1000:.0f} ms | | | | |",
        f"| (a″) rulebook from the verified-rulebook cache + linter | "
        f"{f['load_cached_s'] * 1000:.0f} ms | | | | |",
        f"| (b) {n:,} captions from disk (`lint_paths`) | {f['disk_s']:.2f} s | "
        f"{f['disk_us_per_caption']:.0f} µs | {f['disk_captions_per_s']:,.0f} | "
        f"< {t['corpus_s']:g} s | {_ok(t['corpus_met'])} |",
        f"| (c) {n:,} captions in memory (`lint_text`) | {f['memory_s']:.2f} s | "
        f"{f['memory_us_per_caption']:.0f} µs | {f['memory_captions_per_s']:,.0f} | | |",
    ]
    if s:
        lines += [
            f"| (d) `medsos lint` one short caption, median of {s['runs']} | "
            f"{s['median_s'] * 1000:.0f} ms | | | < {t['startup_s'] * 1000:.0f} ms | "
            f"{_ok(t['startup_met'])} |",
            f"| (d′) the same with `MEDSOS_NO_CACHE=1` (first run after an install or a "
            f"rulebook change), median | {s['no_cache_median_s'] * 1000:.0f} ms | | | | |",
            f"| (d″) bare interpreter `python -c pass`, median | "
            f"{s['interpreter_median_s'] * 1000:.0f} ms | | | | |",
        ]
    w = f.get("command")
    if w:
        n_scale = n / TARGET_CORPUS_N
        # the memory one more MB of input costs (the 1 MB file's peak holds the fixed part)
        extra = (w['big_peak_mb'] - w['one_mb_peak_mb']) / (w['big_mb'] - 1)
        per_mb = f"{extra:.0f} MB per further MB" if w['one_mb_peak_mb'] else "per MB: n/a"
        lines += [
            f"| (e) `medsos lint` of the corpus folder, whole command, text output, one core "
            f"(`--jobs 1`) | {w['one_core_s']:.2f} s | {w['us_per_caption']:.0f} µs | "
            f"{n / w['one_core_s']:,.0f} | ≤ {TARGET_COMMAND_US} µs | "
            f"{_ok(w['us_per_caption'] <= TARGET_COMMAND_US)} |",
            f"| (e′) the same with `--jobs 2` (both cores) | {w['jobs2_s']:.2f} s | "
            f"{w['jobs2_s'] / n * 1e6:.0f} µs | {n / w['jobs2_s']:,.0f} | "
            f"< {TARGET_JOBS2_S * n_scale:g} s | {_ok(w['jobs2_s'] <= TARGET_JOBS2_S * n_scale)} |",
            f"| (f) one {w['big_mb']} MB file (`--platform facebook`), whole command; peak "
            f"memory {w['big_peak_mb']:.0f} MB, {per_mb} | {w['big_s']:.2f} s | "
            f"{w['big_s'] / w['big_mb']:.2f} s per MB | | < {TARGET_BIG_S:g} s | "
            f"{_ok(w['big_s'] < TARGET_BIG_S)} |",
            f"| (f′) one 1 MB file; peak memory {w['one_mb_peak_mb']:.0f} MB | "
            f"{w['one_mb_s']:.2f} s | | | | |",
        ]
    p = f.get("proselint")
    if p:
        lines += [
            f"| (g) {p['version']} on the same {p['files']:,} files / `medsos lint` of the "
            f"folder (default jobs) | {p['proselint_s']:.2f} s / {p['medsos_s']:.2f} s | | "
            f"**{p['ratio']:.1f}×** | ≥ {TARGET_PROSELINT_RATIO}× | "
            f"{_ok(p['ratio'] >= TARGET_PROSELINT_RATIO)} |",
            f"| (g′) one short caption: proselint / medsos, median of 5 | "
            f"{p['proselint_one_s'] * 1000:.0f} ms / {p['medsos_one_s'] * 1000:.0f} ms | | | | |",
        ]
    fnd = f["findings"]
    levels = ", ".join(f"{k} {fnd['levels'].get(k, 0):,}" for k in ("error", "warning",
                                                                      "suggestion"))
    lines += [
        "", f"Findings: {fnd['findings']:,} ({levels}); {fnd['clean_captions']:,} captions "
        f"clean; {fnd['errors']} inputs that could not be read.", "",
        "| rule | findings |", "|---|---:|",
        *(f"| {rule} | {k:,} |" for rule, k in fnd["top_rules"]),
    ]
    if s:
        lines += [
            "", f"## Start-up imports (`{s['command']}`, exit {s['exit_code']})", "",
            f"Sum of import self-times: {s['import_total_s'] * 1000:.0f} ms. Heavy modules "
            f"loaded: {', '.join(s['heavy_loaded']) or 'none'}.", "",
            "| module (top 10 cumulative) | cumulative | self |", "|---|---:|---:|",
            *(f"| {i['module']} | {i['cumulative_ms']:.1f} ms | {i['self_ms']:.1f} ms |"
              for i in s["top_imports"]),
            "", "| module (top 10 self) | self |", "|---|---:|",
            *(f"| {i['module']} | {i['self_ms']:.1f} ms |" for i in s["top_self"]),
        ]
    if profile:
        lines += ["", "## cProfile of the in-memory lint (one pass)", profile]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
