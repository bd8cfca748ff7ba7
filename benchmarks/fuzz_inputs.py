"""Long fuzzing run of every input path (see tests/fuzz/harness.py for the targets).

    nice python benchmarks/fuzz_inputs.py --minutes 30 [--seed 0] [--timeout 20] [--mem-mb 1500]

Runs cases round-robin over the targets until the time is up, under an address-space limit,
and prints one JSON summary: cases per target, failures (target, seed, problem, detail) so
that each can be replayed with ``python tests/fuzz/harness.py TARGET SEED``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "fuzz"))

from harness import TARGETS, run_case  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--mem-mb", type=int, default=1500)
    parser.add_argument("--targets", default=",".join(TARGETS))
    args = parser.parse_args()
    try:
        import resource

        limit = args.mem_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # pragma: no cover - Windows
        pass
    os.environ.setdefault("MEDSOS_CACHE_DIR", tempfile.mkdtemp(prefix="medsos-fuzz-cache-"))
    targets = args.targets.split(",")
    scratch = Path(tempfile.mkdtemp(prefix="medsos-fuzz-"))
    deadline = time.monotonic() + args.minutes * 60
    counts = dict.fromkeys(targets, 0)
    failures: list[dict] = []
    slowest = 0.0
    seed = args.seed
    started = time.monotonic()
    while time.monotonic() < deadline:
        for target in targets:
            try:
                outcome = run_case(target, seed, scratch, args.timeout)
            except Exception as exc:  # noqa: BLE001 - a broken case generator, said, not fatal
                failures.append({"target": target, "seed": seed, "problem": "harness",
                                 "code": None, "detail": f"{type(exc).__name__}: {exc}"[-300:]})
                print(json.dumps(failures[-1], ensure_ascii=False), file=sys.stderr, flush=True)
                continue
            counts[target] += 1
            slowest = max(slowest, outcome.seconds)
            if outcome.problem:
                failures.append({"target": target, "seed": seed, "problem": outcome.problem,
                                 "code": outcome.code, "detail": outcome.detail[-300:]})
                print(json.dumps(failures[-1], ensure_ascii=False), file=sys.stderr, flush=True)
        seed += 1
    print(json.dumps({"seconds": round(time.monotonic() - started, 1), "first_seed": args.seed,
                      "next_seed": seed, "cases": counts, "total": sum(counts.values()),
                      "slowest_case_s": round(slowest, 2), "failures": failures},
                     ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
