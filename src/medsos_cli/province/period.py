"""An office's report over a month or any span (``medsos weekly report --month 2026-11``).

The exports given (if any) are stored in the history first; the period is then computed from
the history, so a month is complete even when this week's exports cover only the last days.
The history is handed over to a temporary Parquet folder and rolled up with the province's
engine: the same scorecard, trend, themes and negative spikes, for this office (and for the
other offices of the registry whose accounts appear in the exports).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from medsos_cli.config import Config
from medsos_cli.errors import InputError
from medsos_cli.weekly.week import Period


def period_report(paths: list[str], period: Period, config: Config, *, db: Path | None = None,
                  use_history: bool = True) -> dict[str, Any]:
    """The roll-up report dict (docs/province.md) of ``period`` for this office."""
    from medsos_cli.province.handover import export_history
    from medsos_cli.province.rollup import TREND_WEEKS, compute
    from medsos_cli.registry import load_registry, registry_path
    from medsos_cli.weekly.history import History, default_db_path
    from medsos_cli.weekly.week import week_of

    if not paths and not use_history:
        raise InputError("tanpa berkas ekspor dan tanpa riwayat tidak ada yang dapat dihitung; "
                         "sebutkan ekspor atau hapus --no-history")
    with tempfile.TemporaryDirectory(prefix="medsos-periode-") as tmp:
        work = Path(tmp)
        path = Path(db or config.db or default_db_path()) if use_history else work / "h.sqlite3"
        if paths:
            from medsos_cli.exports import read_exports
            from medsos_cli.exports.spill import COMPACT_ALL
            from medsos_cli.weekly.build import dedupe_comments, dedupe_complaints
            from medsos_cli.weekly.metrics import dedupe_daily, dedupe_posts

            # Only the history needs the texts: every post compact (exports.spill).
            results = read_exports(paths, tz=config.timezone, year=period.start.year,
                                   near=period.start, window=COMPACT_ALL)
            with History(path) as history:
                history.store(dedupe_posts(results), dedupe_daily(results))
                history.store_comments(dedupe_comments(results))
                history.store_complaints(dedupe_complaints(results))
        elif not path.is_file():
            raise InputError("riwayat belum ada: jalankan laporan mingguan dulu atau sebutkan "
                             "berkas ekspor", path)
        first = week_of(period.end)
        for _ in range(TREND_WEEKS - 1):
            first = first.previous()
        span = Period("ekspor", min(first.start, period.start), period.end, "range")
        reg = registry_path(config)
        registry = load_registry(reg) if reg is not None else None
        office = config.office or "kantor-ini"
        export_history(path, work / "serah", registry=registry, office=office,
                       office_name=config.account_name or "Kantor ini", tz=config.timezone,
                       period=span)
        serah = work / "serah"
        serah.mkdir(exist_ok=True)
        report = compute(serah, period, tz=config.timezone, sla_hours=config.sla_hours,
                         min_posts_week=config.min_posts_week)
    # the temporary folder is gone: its paths mean nothing to the reader
    report["problems"] = []
    for card in report["offices"]:
        card["notes"] = []
    report["missing"] = []
    report["scope"] = {"office": office, "name": config.account_name or office}
    return report
