"""Write small hand-over partitions (office=…/week=…/<table>.parquet) for the roll-up tests."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from medsos_cli.province.schema import (
    META_OFFICE,
    META_OFFICE_NAME,
    META_SCHEMA,
    META_TABLE,
    META_TIMEZONE,
    META_WEEK,
    TABLES,
    arrow_schema,
)


def post(platform: str, account: str, post_id: str, day: date, hour: int, num: int | None,
         base: int | None) -> dict:
    moment = datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc)
    return {"platform": platform, "account": account, "post_id": post_id,
            "published_at": moment, "day": day, "time_known": True, "caption": "teks",
            "title": "", "er_engagements": num, "er_basis": base, "source": "uji.csv"}


def write_part(root: Path, office: str, week: str, *, name: str = "", schema: int = 1,
               **tables: list[dict]) -> Path:
    """Write every table of one office-week (missing tables empty); returns the folder."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(root) / f"office={office}" / f"week={week}"
    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        rows = tables.get(table, [])
        meta = {META_SCHEMA: str(schema).encode(), META_TABLE: table.encode(),
                META_OFFICE: office.encode(), META_OFFICE_NAME: (name or office).encode(),
                META_WEEK: week.encode(), META_TIMEZONE: b"Asia/Jakarta"}
        arrow = arrow_schema(table, meta)
        data = pa.Table.from_arrays(
            [pa.array([r.get(f.name) for r in rows], type=f.type) for f in arrow],
            schema=arrow)
        pq.write_table(data, folder / f"{table}.parquet")
    return folder
