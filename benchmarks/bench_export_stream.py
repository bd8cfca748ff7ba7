"""Benchmark one large export: wall time and peak memory of ``medsos weekly report``.

A year of one busy Page (or X account) downloaded in one file: the report's two weeks are a
small part of it, so the memory the command needs should follow those weeks' rows, not the
file (issue 15: a 200 MB export must stay under 500 MB peak RSS).

Usage::

    python benchmarks/bench_export_stream.py                 # ~200 MB Facebook export
    python benchmarks/bench_export_stream.py --platform x    # X account-analytics content
    python benchmarks/bench_export_stream.py --mb 20 --no-history --json out.json

The export is generated once into ``benchmarks/exports-large/`` (git-ignored; reused when its
size and seed match): the real Meta layout (UTF-8 BOM, every cell quoted, 34 columns,
multi-line captions with emoji from ``generate_exports.caption``) or X's content export,
posts spread evenly over ISO weeks 2026-W01 to 2026-W52. The command runs once as a
subprocess through ``bench_weekly.run_child``: ``ru_maxrss`` of the command (its peak RSS, C
allocations included) and the summed PSS of the command and its lint workers (Linux).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import generate_exports as ge
from bench_weekly import ensure_importable, run_child

HERE = Path(__file__).resolve().parent
OUT = HERE / "exports-large"
WEEK = ge.WEEK
TARGET_MB = 500.0
CAPTIONS = 3000  # distinct captions, reused (building each one is the slow part)
YEAR_START = datetime(2026, 1, 1, tzinfo=ge.WIB)


def _rows(platform: str, rng: random.Random, captions: list[str], handle: str, name: str):
    """Endless export rows (header first) with posts spread over 2026."""
    if platform == "facebook":
        yield ge.FB_HEADER
    else:
        yield ge.X_CONTENT_HEADER
    page_id = ge._digits(rng, 15, "10006")
    n = 0
    while True:
        n += 1
        when = YEAR_START + timedelta(minutes=rng.randrange(364 * 24 * 60))
        text = captions[rng.randrange(len(captions))]
        reach = rng.randrange(200, 90_000)
        likes, comments, shares = reach // 40, reach // 400, reach // 600
        if platform == "facebook":
            post_id = f"10{n:014d}"
            values = {
                "Post ID": post_id, "Page ID": page_id, "Page name": name, "Title": text,
                "Description": "", "Duration (sec)": 0, "Publish time": ge._meta_time(when),
                "Caption type": "N/A",
                "Permalink": f"https://www.facebook.com/{handle}/posts/pfbid02"
                             f"{ge._token(rng, 38)}",
                "Is crosspost": 0, "Is share": 0, "Post type": "Photos", "Date": "Lifetime",
                "Views": reach * 2, "Reach": reach,
                "Reactions, Comments and Shares": likes + comments + shares,
                "Reactions": likes, "Comments": comments, "Shares": shares,
                "Total clicks": reach // 50, "Other Clicks": reach // 90,
            }
            yield [values.get(h, "") for h in ge.FB_HEADER]
        else:
            tid = ge._snowflake(rng, when)
            link = f"https://x.com/{handle}/status/{tid}"
            yield [tid, f"{when:%a, %b} {when.day}, {when.year}", ge.short_caption(text), link,
                   reach, likes, likes + comments + shares, reach // 900, reach // 700, 0,
                   comments, shares, reach // 300, reach // 80, reach // 200, 0, reach // 150]


def generate(platform: str, megabytes: float, seed: int) -> tuple[Path, int]:
    """Write (or reuse) the large export; returns its path and data rows."""
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{platform}-{megabytes:g}mb-{seed}.csv"
    stamp = path.with_name(path.name + ".rows")
    if path.is_file() and stamp.is_file():
        return path, int(stamp.read_text(encoding="ascii"))
    rng = random.Random(f"{seed}:large:{platform}")
    account = ge.roster(True, seed)[0]
    print(f"generating {captions_note(platform)} {megabytes:g} MB into {path} ...",
          file=sys.stderr)
    captions = [ge.caption(rng, account.daerah) for _ in range(CAPTIONS)]
    limit = int(megabytes * 1024 * 1024)
    rows = -1
    with path.open("w", encoding="utf-8", newline="") as fh:
        if platform == "facebook":
            fh.write("\ufeff")
        writer = csv.writer(fh, quoting=csv.QUOTE_ALL if platform == "facebook"
                            else csv.QUOTE_MINIMAL, lineterminator="\n")
        for row in _rows(platform, rng, captions, account.handle, account.name):
            writer.writerow(row)
            rows += 1
            if rows % 1000 == 0 and fh.tell() >= limit:
                break
    stamp.write_text(str(rows), encoding="ascii")
    return path, rows


def generate_xlsx(megabytes: float, seed: int) -> tuple[Path, int]:
    """The Facebook rows as a one-sheet workbook of about ``megabytes`` (zipped), written as
    plain SpreadsheetML with inline strings (no workbook library needed)."""
    import zipfile
    from xml.sax.saxutils import escape

    OUT.mkdir(exist_ok=True)
    path = OUT / f"facebook-{megabytes:g}mb-{seed}.xlsx"
    stamp = path.with_name(path.name + ".rows")
    if path.is_file() and stamp.is_file():
        return path, int(stamp.read_text(encoding="ascii"))
    print(f"generating a Facebook posts workbook of {megabytes:g} MB into {path} ...",
          file=sys.stderr)
    rng = random.Random(f"{seed}:large:xlsx")
    account = ge.roster(True, seed)[0]
    captions = [ge.caption(rng, account.daerah) for _ in range(CAPTIONS)]
    limit = int(megabytes * 1024 * 1024)
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    rows = -1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", (
            f'<?xml version="1.0"?><Types xmlns="{pkg}/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxml'
            'formats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
            'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>'))
        book.writestr("_rels/.rels", (
            f'<?xml version="1.0"?><Relationships xmlns="{pkg}/relationships"><Relationship '
            f'Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>'))
        book.writestr("xl/workbook.xml", (
            f'<?xml version="1.0"?><workbook {ns} xmlns:r="{rel}"><sheets><sheet '
            'name="Posts" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        book.writestr("xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0"?><Relationships xmlns="{pkg}/relationships"><Relationship '
            f'Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>'))
        with book.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(f'<?xml version="1.0"?><worksheet {ns}><sheetData>'.encode())
            for row in _rows("facebook", rng, captions, account.handle, account.name):
                cells = "".join(
                    f'<c t="n"><v>{v}</v></c>' if isinstance(v, int) else
                    f'<c t="inlineStr"><is><t xml:space="preserve">{escape(str(v))}</t></is></c>'
                    for v in row)
                sheet.write(f"<row>{cells}</row>".encode())
                rows += 1
                if rows % 1000 == 0 and book.fp.tell() >= limit:  # type: ignore[union-attr]
                    break
            sheet.write(b"</sheetData></worksheet>")
    stamp.write_text(str(rows), encoding="ascii")
    return path, rows


def captions_note(platform: str) -> str:
    return "a Facebook posts export" if platform == "facebook" else "an X content export"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--platform", choices=("facebook", "x"), default="facebook")
    parser.add_argument("--mb", type=float, default=200.0, help="export size (default 200)")
    parser.add_argument("--xlsx", action="store_true",
                        help="the Facebook rows as an .xlsx workbook instead (read whole)")
    parser.add_argument("--seed", type=int, default=ge.DEFAULT_SEED)
    parser.add_argument("--no-history", action="store_true",
                        help="run the report with --no-history (default: a fresh history db)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)

    if args.xlsx:
        path, rows = generate_xlsx(args.mb, args.seed)
    else:
        path, rows = generate(args.platform, args.mb, args.seed)
    env = ensure_importable()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out = work / "report.json"
        cmd = [sys.executable, "-m", "medsos_cli", "weekly", "report", str(path), "--week",
               WEEK, "--format", "json", "--out", str(out), "--force"]
        cmd += ["--no-history"] if args.no_history else ["--db", str(work / "history.sqlite3")]
        result = run_child(cmd, env, work)
        if result["exit_code"] not in (0, 1):
            raise SystemExit(f"medsos weekly report failed (exit {result['exit_code']}):\n"
                             f"{result['stderr'][-3000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    used = sum(s["used"] for s in report["sources"])
    figures = {
        "export": str(path.relative_to(HERE.parent)),
        "platform": "facebook (xlsx)" if args.xlsx else args.platform,
        "export_mb": round(path.stat().st_size / 1024 / 1024, 1), "rows": rows,
        "rows_in_weeks": used, "history": not args.no_history,
        "wall_s": round(result["wall_s"], 1),
        "cpu_s": round(result["cpu_s"], 1) if result["cpu_s"] is not None else None,
        "peak_rss_mb": round(result["peak_mb"]) if result["peak_mb"] else None,
        "tree_pss_mb": round(result["tree_pss_mb"]) if result["tree_pss_mb"] else None,
        "target_mb": TARGET_MB, "exit_code": result["exit_code"],
    }
    peak = figures["peak_rss_mb"]
    history = "on" if figures["history"] else "off"
    print(f"{figures['export']}: {figures['export_mb']} MB, {rows:,} rows "
          f"({used:,} in {WEEK} and the week before), history {history}")
    print(f"wall {figures['wall_s']} s, CPU {figures['cpu_s']} s, peak RSS {peak} MB, "
          f"tree PSS {figures['tree_pss_mb']} MB (target < {TARGET_MB:g} MB: "
          f"{'met' if peak is not None and peak < TARGET_MB else 'NOT met'})")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
