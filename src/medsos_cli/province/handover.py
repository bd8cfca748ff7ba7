"""``medsos history export --parquet DIR``: the history database as Hive-partitioned Parquet.

pyarrow writes the files: it takes Python columns directly with an explicit schema and our
key-value metadata, with no SQL text to assemble (DuckDB would need the rows in Arrow or a
SQLite extension downloaded at run time). Each file is written to a temporary name and
renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from medsos_cli.errors import InputError
from medsos_cli.province.schema import (
    META_OFFICE,
    META_OFFICE_NAME,
    META_SCHEMA,
    META_TABLE,
    META_TIMEZONE,
    META_WEEK,
    PARQUET_SCHEMA,
    TABLES,
    arrow_schema,
)
from medsos_cli.registry import Registry
from medsos_cli.weekly.metrics import RATE_SPEC
from medsos_cli.weekly.week import Period, week_of

_POST_METRICS = ("reach", "views", "impressions", "likes", "comments", "shares", "saves",
                 "engagements")


@dataclass
class ExportResult:
    """What was written: files per table, partitions, and warnings for the terminal."""

    files: list[Path] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    partitions: set[tuple[str, str]] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Offices:
    """Assigns rows to offices: by the registry, else the default office."""

    registry: Registry | None
    default: str
    names: dict[str, str]
    unknown: dict[tuple[str, str], int] = field(default_factory=dict)

    def of(self, platform: str, account: str) -> str:
        if not account:  # an export without account column (TikTok overview): this office's
            return self.default
        if self.registry is not None:
            found = self.registry.match(platform, account)
            if found is not None:
                return found.office
        self.unknown[(platform, account)] = self.unknown.get((platform, account), 0) + 1
        return self.default


def _utc(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def er_terms(platform: str, values: dict[str, int | None]) -> tuple[int | None, int | None]:
    """(engagements, basis) of one post by the weekly report's formula (docs/weekly-json.md):
    None when a term is unknown. A term that is None counts as unknown here (the hand-over
    keeps the raw figures too)."""
    spec = RATE_SPEC.get(platform)
    if spec is None:
        return None, None
    terms, basis = spec
    known = [values[t] for t in terms if values[t] is not None]
    num = sum(known) if known else None  # type: ignore[arg-type]
    return num, values[basis]


def export_history(db: Path, out: Path, *, registry: Registry | None, office: str,
                   office_name: str, tz: str, period: Period | None = None,
                   force: bool = False) -> ExportResult:
    """Write the history database ``db`` under ``out`` (one folder per office and week).

    ``office`` is the id for rows the registry does not place (complaints always; accounts
    missing from the registry, with a warning). Existing files are replaced only with
    ``force``.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from medsos_cli.weekly.history import History

    if not Path(db).is_file():
        raise InputError("basis data riwayat tidak ada; jalankan medsos weekly report dulu "
                         "atau sebutkan --db", db)
    zone = ZoneInfo(tz)
    names = dict(registry and {k: v.name for k, v in registry.offices.items()} or {})
    names.setdefault(office, office_name or office)
    offices = _Offices(registry, office, names)
    first = period.start if period else date.min
    last = period.end if period else date.max
    parts: dict[tuple[str, str, str], list[tuple]] = defaultdict(list)

    def local_day(moment: datetime) -> date:
        return moment.astimezone(zone).date()

    with History(Path(db)) as history:
        post_office: dict[tuple[str, str], tuple[str, str]] = {}  # -> (office, account)
        ref_office: dict[tuple[str, str], tuple[str, str]] = {}
        post_day: dict[tuple[str, str], date] = {}
        columns = [c for c, _ in TABLES["posts"]]
        raw = ["platform", "account", "post_id", "published_at", "time_known", "post_type",
               "permalink", "caption", "title", *_POST_METRICS, "source"]
        for row in history.rows("posts", raw):
            values = dict(zip(raw, row, strict=True))
            moment = _utc(values["published_at"])
            assert moment is not None  # the history's read checks refuse a missing time
            day = local_day(moment)
            platform, account = values["platform"], values["account"]
            owner = offices.of(platform, account)
            key = (platform, values["post_id"])
            post_office[key] = (owner, account)
            if values["permalink"]:
                ref_office[(platform, values["permalink"])] = (owner, account)
            post_day[key] = day
            if not first <= day <= last:
                continue
            num, basis = er_terms(platform, values)
            values.update(published_at=moment, day=day, time_known=bool(values["time_known"]),
                          er_engagements=num, er_basis=basis)
            parts[(owner, week_of(day).label, "posts")].append(
                tuple(values[c] for c in columns))
        for platform, account, metric, day_text, value, source in history.rows(
                "daily", ["platform", "account", "metric", "day", "value", "source"]):
            day = date.fromisoformat(day_text)
            if first <= day <= last:
                parts[(offices.of(platform, account), week_of(day).label, "daily")].append(
                    (platform, account, metric, day, value, source))
        for (platform, post_ref, author, time_text, text, replied, cls,
             sentiment) in history.rows("comments", ["platform", "post_ref", "author", "time",
                                                     "text", "replied_at", "class",
                                                     "sentiment"]):
            moment = _utc(time_text)
            assert moment is not None  # the history's read checks refuse a missing time
            day = local_day(moment)
            if not first <= day <= last:
                continue
            owner, account = (post_office.get((platform, post_ref))
                              or ref_office.get((platform, post_ref)) or (office, ""))
            parts[(owner, week_of(day).label, "comments")].append(
                (platform, account, post_ref, author, moment, day, text, _utc(replied), cls,
                 sentiment))
        for (received, channel, text, category, forwarded, first_response, resolved,
             status) in history.rows("complaints", [
                 "received_at", "channel", "text", "category", "forwarded_to",
                 "first_response_at", "resolved_at", "status"]):
            moment = _utc(received)
            assert moment is not None  # the history's read checks refuse a missing time
            day = local_day(moment)
            if first <= day <= last:
                parts[(office, week_of(day).label, "complaints")].append(
                    (moment, day, channel, text, category, forwarded, _utc(first_response),
                     _utc(resolved), status))
        for platform, post_id, rule, level in history.rows(
                "findings", ["platform", "post_id", "rule", "level"]):
            key = (platform, post_id)
            posted = post_day.get(key)
            if posted is None or not first <= posted <= last:
                continue
            owner, account = post_office[key]
            parts[(owner, week_of(posted).label, "findings")].append(
                (platform, account, post_id, posted, rule, level))

    result = ExportResult()
    for (platform, account), count in sorted(offices.unknown.items()):
        if registry is not None:
            result.warnings.append(f"akun {platform} “{account}” ({count} baris) tidak ada di "
                                   f"daftar akun; dimasukkan ke kantor {office}")
    partitions = sorted({(o, w) for o, w, _ in parts})
    targets = []
    for owner, week in partitions:
        folder = Path(out) / f"office={owner}" / f"week={week}"
        for table in TABLES:
            target = folder / f"{table}.parquet"
            if target.exists() and not force:
                raise InputError("berkas hasil ekspor sudah ada; pakai --force untuk "
                                 "menimpanya", target)
            targets.append((owner, week, table, target))
    for owner, week, table, target in targets:
        rows = parts.get((owner, week, table), [])
        rows.sort(key=_sort_key(table))
        metadata = {META_SCHEMA: str(PARQUET_SCHEMA).encode(), META_TABLE: table.encode(),
                    META_OFFICE: owner.encode(),
                    META_OFFICE_NAME: names.get(owner, owner).encode("utf-8"),
                    META_WEEK: week.encode(), META_TIMEZONE: tz.encode()}
        schema = arrow_schema(table, metadata)
        data = pa.Table.from_arrays(
            [pa.array([r[i] for r in rows], type=schema.field(i).type)
             for i in range(len(schema))], schema=schema)
        _write(pq, data, target)
        result.files.append(target)
        result.rows[table] = result.rows.get(table, 0) + len(rows)
        result.partitions.add((owner, week))
    return result


def _sort_key(table: str):
    if table == "complaints":
        return lambda r: (r[0], r[2], r[3])
    if table == "comments":
        return lambda r: (r[4], r[0], r[2], r[3], r[6])
    if table == "daily":
        return lambda r: (r[0], r[1], r[2], r[3])
    if table == "findings":
        return lambda r: (r[3], r[0], r[2], r[4])
    return lambda r: (r[3], r[0], r[2])  # posts: published_at, platform, post_id


def _write(pq, data, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        pq.write_table(data, temp, compression="zstd")
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise InputError(f"tidak dapat menulis: {exc.strerror or exc}", target) from None
