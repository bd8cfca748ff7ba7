"""Benchmark the province view: ``medsos rollup`` over a generated province, and the history
export of one office's year.

Usage::

    python benchmarks/bench_rollup.py            # three sizes, up to 40 offices x 52 weeks
    python benchmarks/bench_rollup.py --quick    # the smallest size only
    python benchmarks/bench_rollup.py --json bench-rollup.json

The province (``benchmarks/province-<offices>x<weeks>/``, git-ignored) is written with pyarrow
straight into the hand-over layout (``office=…/week=…/<table>.parquet``, docs/province.md):
10 accounts per office, about 480 posts, 1,920 comments, 48 complaints and 150 findings per
office and week, so 40 offices x 52 weeks hold ~1 M posts, ~4 M comments and ~100 k
complaints. Offices differ in how much they post and how fast they answer, so the scorecard
has something to rank. Deterministic (fixed seed).

Each measurement runs ``python -m medsos_cli rollup DIR --week|--from/--to … --format F --out
<tmp>`` in a fresh process (interpreter start-up included) and reports wall time and peak
memory (``ru_maxrss`` of that process from ``os.wait4`` in a small launcher, see
``bench_lint.launch``), best of ``--runs``.

The history export is measured on a history database holding one office's year (~25 k posts,
~100 k comments, ~2.5 k complaints, daily series of 10 accounts), written directly with SQL
(classifying comments is the weekly report's cost, not the export's).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from bench_lint import launch, launched

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SRC = REPO / "src"
sys.path.insert(0, str(SRC))

SIZES = [(10, 13), (20, 26), (40, 52)]  # (offices, weeks)
ACCOUNTS = 10
POSTS_PER_ACCOUNT_WEEK = 48
COMMENTS_PER_POST = 4
COMPLAINTS_PER_WEEK = 48
FINDINGS_PER_POST = 0.3
LAST_WEEK = (2026, 47)
PLATFORMS = ["facebook", "instagram", "x", "youtube", "tiktok"]
TEXTS = [
    ("Terima kasih infonya, sangat membantu", "pujian", "positif"),
    ("Kapan jadwal vaksin di kecamatan kami?", "pertanyaan", "netral"),
    ("Jalan rusak parah belum diperbaiki", "aduan", "negatif"),
    ("Lampu jalan padam sudah seminggu", "aduan", "negatif"),
    ("Mantap, pelayanannya cepat", "pujian", "positif"),
    ("Sampah menumpuk di pasar, tolong diangkut", "aduan", "negatif"),
    ("Info pendaftaran sekolah di mana ya?", "pertanyaan", "netral"),
    ("Banjir lagi di perumahan, drainase tersumbat", "aduan", "negatif"),
    ("Semoga lancar acaranya", "lainnya", "positif"),
    ("Antrean KTP lama sekali", "aduan", "negatif"),
]


def _weeks(count: int):
    from medsos_cli.weekly.week import Week

    weeks = [Week(*LAST_WEEK)]
    while len(weeks) < count:
        weeks.insert(0, weeks[0].previous())
    return weeks


def generate(root: Path, offices: int, weeks: int, seed: int = 14) -> dict:
    """Write the province; returns row counts."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    from medsos_cli.province.schema import (
        META_OFFICE,
        META_OFFICE_NAME,
        META_SCHEMA,
        META_TABLE,
        META_TIMEZONE,
        META_WEEK,
        PARQUET_SCHEMA,
        arrow_schema,
    )

    rng = np.random.default_rng(seed)
    epoch = date(1970, 1, 1)
    texts = np.array([t[0] for t in TEXTS], dtype=object)
    classes = np.array([t[1] for t in TEXTS], dtype=object)
    sentiments = np.array([t[2] for t in TEXTS], dtype=object)
    platforms = np.array(PLATFORMS, dtype=object)
    counts = {"posts": 0, "comments": 0, "complaints": 0, "findings": 0, "daily": 0}
    for k in range(offices):
        office = f"kantor-{k + 1:02d}"
        accounts = np.array([f"@{office}-{j}" for j in range(ACCOUNTS)], dtype=object)
        account_platform = platforms[np.arange(ACCOUNTS) % len(PLATFORMS)]
        activity = 0.3 + 1.4 * (k % 7) / 6  # offices post between 0.3x and 1.7x the mean
        answer_hours = 4 + 10 * (k % 5)  # and answer complaints in 4 to 44 hours
        for week in _weeks(weeks):
            folder = root / f"office={office}" / f"week={week.label}"
            folder.mkdir(parents=True, exist_ok=True)
            start_day = (week.start - epoch).days
            start_s = start_day * 86400 - 7 * 3600  # Monday 00:00 WIB in UTC seconds
            n = int(rng.poisson(POSTS_PER_ACCOUNT_WEEK * ACCOUNTS * activity / 1.0))
            who = rng.integers(0, ACCOUNTS, n)
            offset = rng.integers(0, 7 * 86400, n)
            published = start_s + offset
            day = start_day + (offset // 86400)
            reach = rng.integers(200, 20000, n)
            likes = (reach * rng.uniform(0.01, 0.08, n)).astype("int64")
            comments = rng.integers(0, 30, n)
            shares = rng.integers(0, 20, n)
            ids = np.array([f"{office}-{week.label}-{i}" for i in range(n)], dtype=object)
            tables = {
                "posts": {
                    "platform": account_platform[who], "account": accounts[who], "post_id": ids,
                    "published_at": published, "day": day, "time_known": np.ones(n, bool),
                    "post_type": np.full(n, "foto", dtype=object), "permalink": None,
                    "caption": texts[rng.integers(0, len(texts), n)],
                    "title": np.full(n, "", dtype=object), "reach": reach, "views": None,
                    "impressions": None, "likes": likes, "comments": comments,
                    "shares": shares, "saves": None, "engagements": None,
                    "er_engagements": likes + comments + shares, "er_basis": reach,
                    "source": np.full(n, "bench.csv", dtype=object)},
            }
            m = n * COMMENTS_PER_POST
            on = rng.integers(0, max(n, 1), m)
            pick = rng.integers(0, len(texts), m)
            ctime = published[on] + rng.integers(0, 86400, m) if n else np.zeros(m, "int64")
            tables["comments"] = {
                "platform": account_platform[who[on]], "account": accounts[who[on]],
                "post_ref": ids[on], "author": np.array([f"@w{x}" for x in
                                                         rng.integers(0, 5000, m)], object),
                "time": ctime, "day": (ctime + 7 * 3600) // 86400, "text": texts[pick],
                "replied_at": None, "class": classes[pick], "sentiment": sentiments[pick]}
            c = int(rng.poisson(COMPLAINTS_PER_WEEK))
            received = start_s + rng.integers(0, 7 * 86400, c)
            late = rng.exponential(answer_hours * 3600, c).astype("int64")
            answered = rng.random(c) < 0.9
            tables["complaints"] = {
                "received_at": received, "day": (received + 7 * 3600) // 86400,
                "channel": np.full(c, "DM", dtype=object),
                "text": np.array([f"aduan {office} {week.label} {i}" for i in range(c)], object),
                "category": np.full(c, "infrastruktur", dtype=object),
                "forwarded_to": np.full(c, "", dtype=object),
                "first_response_at": pa.array(np.where(answered, received + late, 0),
                                              mask=~answered, type=pa.int64()),
                "resolved_at": None, "status": np.full(c, "diproses", dtype=object)}
            f = int(n * FINDINGS_PER_POST)
            hit = rng.integers(0, max(n, 1), f)
            tables["findings"] = {
                "platform": account_platform[who[hit]], "account": accounts[who[hit]],
                "post_id": ids[hit], "day": day[hit],
                "rule": np.array([f"aturan.{x}" for x in rng.integers(0, 12, f)], object),
                "level": np.full(f, "warning", dtype=object)}
            dd = ACCOUNTS * 7
            tables["daily"] = {
                "platform": np.repeat(account_platform, 7), "account": np.repeat(accounts, 7),
                "metric": np.full(dd, "follows", dtype=object),
                "day": np.tile(np.arange(start_day, start_day + 7), ACCOUNTS),
                "value": rng.integers(0, 40, dd), "source": np.full(dd, "bench.csv", object)}
            for table, columns in tables.items():
                meta = {META_SCHEMA: str(PARQUET_SCHEMA).encode(), META_TABLE: table.encode(),
                        META_OFFICE: office.encode(),
                        META_OFFICE_NAME: f"Kantor {k + 1:02d}".encode(),
                        META_WEEK: week.label.encode(), META_TIMEZONE: b"Asia/Jakarta"}
                schema = arrow_schema(table, meta)
                rows = len(next(v for v in columns.values() if v is not None
                                and not isinstance(v, pa.Array)))
                arrays = []
                for fld in schema:
                    value = columns[fld.name]
                    if value is None:
                        arrays.append(pa.nulls(rows, type=fld.type))
                    elif isinstance(value, pa.Array):
                        arrays.append(value.cast(fld.type))
                    elif fld.type == pa.date32():
                        arrays.append(pa.array(value.astype("int32"), type=pa.int32())
                                      .cast(pa.date32()))
                    elif pa.types.is_timestamp(fld.type):
                        arrays.append(pa.array(value.astype("int64")).cast(fld.type))
                    else:
                        arrays.append(pa.array(value, type=fld.type))
                pq.write_table(pa.Table.from_arrays(arrays, schema=schema),
                               folder / f"{table}.parquet", compression="zstd")
                counts[table] += rows
    return counts


def measure(args: list[str], runs: int, cwd: Path) -> dict:
    """Best wall time and peak RSS of ``python -m medsos_cli ARGS`` in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(SRC), MEDSOS_CACHE_DIR=str(cwd / ".cache"))
    best: dict | None = None
    for _ in range(runs):
        # through the launcher: a command started from this process would count its size
        with tempfile.TemporaryDirectory(prefix="medsos-bench-run-") as tmp, \
                tempfile.TemporaryFile() as stderr:
            figures = Path(tmp) / "figures.json"
            proc = launch([sys.executable, "-m", "medsos_cli", *args], figures, cwd=cwd,
                          env=env, stdout=subprocess.DEVNULL, stderr=stderr)
            proc.wait()
            stderr.seek(0)
            err = stderr.read().decode("utf-8", "replace")
            result = launched(figures, proc.returncode, err)
        code, wall, rss_mb = result["code"], result["wall_s"], result.get("peak_mb")
        if code != 0:
            raise SystemExit(f"medsos {' '.join(args)} failed ({code}): {err}")
        if best is None or wall < best["wall_s"]:
            best = {"wall_s": round(wall, 2), "peak_mb": round(rss_mb, 1) if rss_mb else None}
    assert best is not None
    return best


def office_history(path: Path, weeks: int = 52, seed: int = 7) -> dict:
    """A history database with one office's year, written with SQL."""
    import random

    from medsos_cli.weekly.history import History

    rnd = random.Random(seed)
    with History(path):
        pass
    db = sqlite3.connect(path)
    last = date.fromisocalendar(*LAST_WEEK, 7)
    first = last - timedelta(days=7 * weeks - 1)
    posts, comments, complaints, daily, findings = [], [], [], [], []
    n = 0
    for d in range((last - first).days + 1):
        day = first + timedelta(days=d)
        for a in range(ACCOUNTS):
            for _ in range(POSTS_PER_ACCOUNT_WEEK // 7):
                n += 1
                moment = datetime(day.year, day.month, day.day, rnd.randrange(24),
                                  rnd.randrange(60), tzinfo=timezone.utc)
                stamp = moment.strftime("%Y-%m-%dT%H:%M:%S")
                platform_ = PLATFORMS[a % len(PLATFORMS)]
                reach = rnd.randrange(200, 20000)
                posts.append((platform_, str(n), f"@akun{a}", stamp, 1, None, "foto",
                              TEXTS[n % len(TEXTS)][0], "", reach, reach * 2, None,
                              reach // 30, 5, 3, 1, None, "bench.csv", reach))
                for c in range(COMMENTS_PER_POST):
                    text, cls, sentiment = TEXTS[(n + c) % len(TEXTS)]
                    comments.append((platform_, str(n), f"@w{c}", stamp, text, None, cls,
                                     sentiment, "bench.csv"))
                if n % 3 == 0:
                    findings.append((platform_, str(n), "aturan.contoh", "warning"))
            daily.append((PLATFORMS[a % 5], f"@akun{a}", "follows", day.isoformat(),
                          rnd.randrange(40), "bench.csv"))
        for i in range(COMPLAINTS_PER_WEEK // 7):
            stamp = f"{day.isoformat()}T0{i % 10}:00:00"
            complaints.append((stamp, "DM", f"aduan {day} {i}", "infrastruktur", "", stamp,
                               None, "selesai", "bench.csv"))
    with db:
        db.executemany(f"INSERT INTO posts VALUES ({', '.join('?' * 19)})", posts)
        db.executemany("INSERT INTO comments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", comments)
        db.executemany("INSERT INTO complaints VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", complaints)
        db.executemany("INSERT INTO daily VALUES (?, ?, ?, ?, ?, ?)", daily)
        db.executemany("INSERT INTO findings VALUES (?, ?, ?, ?)", findings)
    db.close()
    return {"posts": len(posts), "comments": len(comments), "complaints": len(complaints),
            "daily": len(daily), "findings": len(findings)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smallest size only")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep generated provinces")
    args = parser.parse_args()
    sizes = SIZES[:1] if args.quick else SIZES
    week = f"{LAST_WEEK[0]}-W{LAST_WEEK[1]:02d}"
    quarter_from = _weeks(13)[0].label
    figures: dict = {"machine": {"python": platform.python_version(),
                                 "cpus": os.cpu_count(), "system": platform.system()},
                     "sizes": []}
    for offices, weeks in sizes:
        root = HERE / f"province-{offices}x{weeks}"
        begin = time.perf_counter()
        if root.exists():
            shutil.rmtree(root)
        counts = generate(root, offices, weeks)
        made = round(time.perf_counter() - begin, 1)
        entry = {"offices": offices, "weeks": weeks, "rows": counts, "generate_s": made}
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            for label, period, fmt in (("week_json", ["--week", week], "json"),
                                       ("week_html", ["--week", week], "html"),
                                       ("quarter_json", ["--from", quarter_from, "--to", week],
                                        "json")):
                entry[label] = measure(["rollup", str(root), *period, "--format", fmt,
                                        "--out", str(work / f"out.{fmt}"), "--force"],
                                       args.runs, work)
        figures["sizes"].append(entry)
        print(json.dumps(entry, ensure_ascii=False))
        if not args.keep:
            shutil.rmtree(root)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = work / "riwayat.sqlite3"
        rows = office_history(db)
        (work / "medsos.toml").write_text('[accounts]\noffice = "kantor-01"\n',
                                          encoding="utf-8")
        result = measure(["history", "export", "--parquet", str(work / "serah"), "--db",
                          str(db), "--force"], args.runs, work)
        figures["history_export_year"] = {"rows": rows, **result}
        print(json.dumps(figures["history_export_year"]))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
