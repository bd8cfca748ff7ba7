"""One weekly report run: exports → records → report dict → rendered text.

The command line only parses options and writes the result; this module decides how the work
is spread over processes: the lint workers are forked before the exports are read, while the
process is still small, and for HTML a chart worker imports matplotlib meanwhile (both only
where ``fork`` exists; elsewhere everything runs in this process with the same result).
"""

from __future__ import annotations

from pathlib import Path

from medsos_cli.config import Config
from medsos_cli.weekly.week import Week

FORMATS = ("html", "md", "json")
# Below this much export data there are too few captions to lint with worker processes.
FORK_MIN_BYTES = 1_000_000


# Exit code of a report written from part of the inputs (a file unreadable, rows skipped);
# docs/exports.md §5. With --strict such inputs are an error (exit 2) and nothing is written.
EXIT_PARTIAL = 1


def make_report(paths: list[str], target: Week, config: Config, *, output_format: str,
                db: Path | None = None, use_history: bool = True,
                strict: bool = False) -> tuple[dict, str]:
    """Read the exports named by ``paths``, build the report of week ``target`` and render it
    as ``output_format`` (html, md, json). Returns the report dict and the text.

    A file that cannot be read is named in the report's sources (``error``) and the others are
    used; with ``strict`` it raises ``InputError`` instead, as does any skipped row."""
    from medsos_cli.exports import read_exports
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
            # Posts outside the report's two weeks are kept compact (a year's export in one
            # file: memory follows the weeks' rows, not the file).
            results = read_exports(paths, tz=config.timezone, year=target.year,
                                   near=target.start, strict=strict,
                                   aliases=config.headers,
                                   window=(target.previous().start, target.end))
            if strict:
                _refuse_skipped(results)
            _refuse_all_failed(results)
            report = build_report(results, week=target.label, config=config, db=db,
                                  use_history=use_history, lint_workers=workers)
            from medsos_cli.province.registry import warn_unknown

            warn_unknown(report, results, config)  # accounts missing from accounts.yaml
        return report, render(report, output_format)
    finally:
        charts.stop_worker()  # a no-op once the worker has drawn; ends it after an error


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


def partial(report: dict) -> bool:
    """True when the report was written from part of the inputs (a file or rows left out)."""
    return any(s.get("error") or s["skipped"] for s in report["sources"])


def problems(report: dict) -> list[str]:
    """``path:line: message`` for every file that could not be read (for stderr)."""
    out = []
    for source in report["sources"]:
        error = source.get("error")
        if error:
            where = f"{source['path']}:{error['line']}" if error.get("line") else source["path"]
            out.append(f"{where}: {error['message']}")
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


def render(report: dict, output_format: str) -> str:
    """The report as JSON, Markdown or HTML text."""
    if output_format == "json":
        from medsos_cli.weekly.build import to_json

        return to_json(report)
    if output_format == "md":
        from medsos_cli.weekly.render_md import render_markdown

        return render_markdown(report)
    from medsos_cli.weekly.render_html import render_html  # matplotlib: only for HTML

    return render_html(report)


def summary(report: dict, target: Path | None) -> list[str]:
    """Indonesian lines for the terminal: files read, rows used and skipped, where written."""
    from medsos_cli.weekly.recommend import fmt_int

    sources = report["sources"]
    rows = sum(s["rows"] for s in sources)
    used = sum(s["used"] for s in sources)
    skipped = sum(len(s["skipped"]) for s in sources)
    warnings = sum(len(s["warnings"]) for s in sources)
    failed = [s for s in sources if s.get("error")]
    lines = [f"tidak terbaca: {line}; laporan ditulis tanpa berkas ini"
             for line in problems(report)]
    lines += [f"{fmt_int(len(sources) - len(failed))} berkas dibaca, {fmt_int(rows)} baris, "
             f"{fmt_int(used)} dipakai untuk pekan {report['week']} ({report['start']} s.d. "
             f"{report['end']}) dan pekan sebelumnya, {fmt_int(skipped)} baris dilewati, "
             f"{fmt_int(warnings)} peringatan (lihat bagian sumber data di laporan)."]
    for source in sources:  # a file that gave nothing to this week deserves a look now
        if source["rows"] and not source["used"]:
            lines.append(f"peringatan: {source['path']}: tidak ada baris dalam pekan "
                         f"{report['week']} atau pekan sebelumnya; berkas ini tidak dipakai")
    if target is not None:
        lines.append(f"laporan ditulis ke {target}")
    return lines
