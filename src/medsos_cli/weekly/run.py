"""One weekly report run: exports → records → ``WeeklyReport`` → rendered text.

The command line only parses options and writes the result; this module decides how the work
is spread over processes: the lint workers are forked before the exports are read, while the
process is still small, and for HTML a chart worker imports matplotlib meanwhile (both only
where ``fork`` exists; elsewhere everything runs in this process with the same result).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medsos_cli.config import Config
from medsos_cli.weekly.week import Week

if TYPE_CHECKING:
    from medsos_cli.exports.model import ImportResult
    from medsos_cli.weekly.model import WeeklyReport
    from medsos_cli.weekly.progress import ProgressCallback

# Below this much export data there are too few captions to lint with worker processes.
FORK_MIN_BYTES = 1_000_000


# Exit code of a report written from part of the inputs (a file unreadable, rows skipped);
# docs/exports.md §5. With --strict such inputs are an error (exit 2) and nothing is written.
EXIT_PARTIAL = 1


def make_report(paths: list[str], target: Week, config: Config, *, output_format: str,
                db: Path | None = None, use_history: bool = True,
                strict: bool = False, now: datetime | None = None,
                progress: ProgressCallback | None = None) -> tuple[WeeklyReport, bytes]:
    """Read the exports named by ``paths``, build the report of week ``target`` and render it
    as ``output_format`` (html, md, json). Returns the report and its text as the UTF-8 bytes
    to write (see ``ReportFormat.encoded``).

    A file that cannot be read is named in the report's sources (``error``) and the others are
    used; with ``strict`` it raises ``InputError`` instead, as does any skipped row. A week
    for which no export has a single row is an ``InputError`` naming the weeks they cover.
    ``now`` judges the complaints of a running week; ``progress`` hears of each step
    (``weekly.progress``)."""
    from medsos_cli.lint.run import prepare_batch
    from medsos_cli.weekly import charts
    from medsos_cli.weekly.build import build_report
    from medsos_cli.weekly.lintposts import LintWorkers

    # matplotlib's import (~0.9 s) runs in a second process while the exports are read.
    if output_format == "html":
        charts.start_worker()
    try:
        with LintWorkers(config, fork=input_bytes(paths) >= FORK_MIN_BYTES) as workers:
            # Reading makes hundreds of thousands of long-lived, acyclic records: frequent
            # full collections would only walk them again (about 1 s at provincial scale).
            prepare_batch()
            results = read_all(paths, config, target, strict=strict, progress=progress)
            if strict:
                _refuse_skipped(results)
            _refuse_all_failed(results)
            refuse_empty(results, target, config.timezone)
            # For HTML the chart worker draws as soon as the figures are final, and ends.
            early = charts.draw_early if output_format == "html" else None
            report = build_report(results, week=target, config=config, db=db,
                                  use_history=use_history, lint_workers=workers, now=now,
                                  progress=progress, figures_done=early)
            from medsos_cli.registry import warn_unknown

            warn_unknown(report.sources, results, config)  # accounts missing from accounts.yaml
        if progress is not None:
            progress("render", 0, None)
        from medsos_cli.weekly.formats import BY_NAME

        data = BY_NAME[output_format].encoded(report)
        if progress is not None:
            progress("render", 1, 1)
        return report, data
    finally:
        charts.stop_worker()  # a no-op once the worker has drawn; ends it after an error


def read_all(paths: list[str], config: Config, target: Week, *, strict: bool = False,
             progress: ProgressCallback | None = None) -> list[ImportResult]:
    """Every export of ``paths`` (files and folders), read one file at a time so that
    ``progress`` hears of each ("read", files done, files, the file's name)."""
    from medsos_cli.exports import expand, read_exports

    # Posts outside the report's two weeks are kept compact (a year's export in one file:
    # memory follows the weeks' rows, not the file).
    options: dict[str, Any] = {"tz": config.timezone, "year": target.year, "near": target.start,
                               "strict": strict, "aliases": config.headers,
                               "window": (target.previous().start, target.end)}
    if progress is None:
        return read_exports(paths, **options)
    files = expand(paths)
    results: list[ImportResult] = []
    for done, path in enumerate(files):
        progress("read", done, len(files), path.name)
        results.extend(read_exports([str(path)], **options))
    progress("read", len(files), len(files))
    return results


def refuse_empty(results: Sequence[ImportResult], target: Week, tz: str) -> None:
    """No row of any export (posts, daily values, comments, complaints) in ``target``: an
    ``InputError`` naming the weeks the exports do cover, instead of a report of zeros. Rows
    of the previous week alone (or the history's) do not make a report of this week."""
    from medsos_cli.errors import InputError

    begin, end = (moment.timestamp() for moment in target.bounds(tz))
    first, last = target.start, target.end
    for result in results:
        if any(first <= v.day <= last for v in result.daily):
            return
        for items, attr in ((result.posts, "published_at"), (result.comments, "time"),
                            (result.complaints, "received_at")):
            for item in items:
                moment = getattr(item, attr)
                if moment is None:
                    continue
                if moment.tzinfo is None:  # a naive time is already local
                    if first <= moment.date() <= last:
                        return
                elif begin <= moment.timestamp() < end:
                    return
    shown = f"{first.isoformat()}–{last.isoformat()}"
    what = f"pekan berjalan {target.label} ({shown})" if target.running else \
        f"pekan {target.label} ({shown})"
    counts = covered_weeks(results, tz)
    if not counts:
        raise InputError(f"tidak ada baris untuk {what} di ekspor mana pun; ekspor tidak "
                         "memuat satu pun baris bertanggal")
    busiest = min(counts, key=lambda week: (-counts[week], -week.start.toordinal()))
    raise InputError(f"tidak ada baris untuk {what} di ekspor mana pun; ekspor mencakup "
                     f"{week_spans(sorted(counts))}; pilih pekan dengan --week, mis. --week "
                     f"{busiest.label} (baris terbanyak)")


def covered_weeks(results: Sequence[ImportResult], tz: str) -> Counter[Week]:
    """Rows per ISO week (local dates in ``tz``) of every dated row of ``results``; the error
    path only, as it converts each time to the zone."""
    from zoneinfo import ZoneInfo

    from medsos_cli.weekly.week import week_of

    zone = ZoneInfo(tz)
    days: Counter[date] = Counter()
    for result in results:
        days.update(v.day for v in result.daily)
        for items, attr in ((result.posts, "published_at"), (result.comments, "time"),
                            (result.complaints, "received_at")):
            for item in items:
                moment = getattr(item, attr)
                if moment is not None:
                    days[moment.astimezone(zone).date() if moment.tzinfo else moment.date()] += 1
    weeks: Counter[Week] = Counter()
    for day, count in days.items():
        weeks[week_of(day)] += count
    return weeks


def week_spans(weeks: Sequence[Week]) -> str:
    """``2026-W40, 2026-W46–2026-W47``: sorted weeks with consecutive runs joined."""
    runs: list[list[Week]] = []
    for week in weeks:
        if runs and runs[-1][-1].start.toordinal() + 7 == week.start.toordinal():
            runs[-1].append(week)
        else:
            runs.append([week])
    return ", ".join(run[0].label if len(run) == 1 else f"{run[0].label}–{run[-1].label}"
                     for run in runs)


def _refuse_all_failed(results) -> None:
    """Nothing readable at all: an input error, not an empty report."""
    from medsos_cli.errors import InputError

    if results and all(r.error is not None for r in results):
        first = results[0]
        raise InputError(first.error or "", first.path, first.error_line)


def _refuse_skipped(results) -> None:
    from medsos_cli.errors import InputError

    for result in results:
        if result.skipped:
            first = result.skipped[0]
            more = len(result.skipped) - 1
            extra = f" (dan {more} baris lain)" if more else ""
            raise InputError(f"baris dilewati: {first.reason}{extra}; --strict tidak menerima "
                             "baris yang dilewati", result.path, first.line)


def partial(report: WeeklyReport) -> bool:
    """True when the report was written from part of the inputs (a file or rows left out)."""
    return any(s.error is not None or s.skipped for s in report.sources)


def problems(report: WeeklyReport) -> list[str]:
    """``path:line: message`` for every file that could not be read (for stderr)."""
    out = []
    for source in report.sources:
        error = source.error
        if error is not None:
            where = f"{source.path}:{error.line}" if error.line else source.path
            out.append(f"{where}: {error.message}")
    return out


def input_bytes(paths: list[str]) -> int:
    """Rough size of the exports named (CSV files under folders): enough captions to lint in
    parallel come only with megabytes of exports."""
    total = 0
    for name in paths:
        path = Path(name)
        try:
            if path.is_dir():
                total += sum(f.stat().st_size for f in path.rglob("*")
                             if f.suffix.lower() in (".csv", ".xlsx", ".zip"))
            elif path.is_file():
                total += path.stat().st_size
        except OSError:  # the reader reports unreadable inputs properly
            continue
    return total


def render(report: WeeklyReport, output_format: str) -> str:
    """The report as text in one of the report formats (weekly/formats.py)."""
    from medsos_cli.weekly.formats import BY_NAME

    return BY_NAME[output_format].renderer("weekly")(report)


def summary(report: WeeklyReport, target: Path | None) -> list[str]:
    """Indonesian lines for the terminal: files read, rows used and skipped, where written."""
    from medsos_cli.weekly.recommend import fmt_int

    sources = report.sources
    rows = sum(s.rows for s in sources)
    used = sum(s.used for s in sources)
    skipped = sum(len(s.skipped) for s in sources)
    warnings = sum(len(s.warnings) for s in sources)
    failed = [s for s in sources if s.error is not None]
    lines = [f"tidak terbaca: {line}; laporan ditulis tanpa berkas ini"
             for line in problems(report)]
    running = report.running
    week = f"pekan {report.week} ({report.start} s.d. {report.end})"
    if running:
        week = (f"pekan berjalan {report.week} ({report.start} s.d. "
                f"{running.through}, hari berikutnya belum dihitung)")
    lines += [f"{fmt_int(len(sources) - len(failed))} berkas dibaca, {fmt_int(rows)} baris, "
             f"{fmt_int(used)} dipakai untuk {week} dan pekan sebelumnya, "
             f"{fmt_int(skipped)} baris dilewati, "
             f"{fmt_int(warnings)} peringatan (lihat bagian sumber data di laporan)."]
    for source in sources:  # a file that gave nothing to this week deserves a look now
        if source.rows and not source.used:
            lines.append(f"peringatan: {source.path}: tidak ada baris dalam pekan "
                         f"{report.week} atau pekan sebelumnya; berkas ini tidak dipakai")
    if target is not None:
        lines.append(f"laporan ditulis ke {target}")
    return lines
