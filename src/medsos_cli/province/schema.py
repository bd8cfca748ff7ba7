"""The Parquet hand-over between an office and the province (docs/province.md).

Layout: ``DIR/office=<id>/week=<YYYY-Www>/<table>.parquet`` for the tables below. Each file
carries key-value metadata: ``medsos.schema`` (:data:`PARQUET_SCHEMA`), ``medsos.table``,
``medsos.office``, ``medsos.office_name`` and ``medsos.week``. Times are UTC; ``day`` is the
local date in the office's time zone (``medsos.timezone``), which places rows in weeks.
"""

from __future__ import annotations

PARQUET_SCHEMA = 1

# table -> [(column, arrow type name)]; the names are those of docs/province.md.
TABLES: dict[str, list[tuple[str, str]]] = {
    "posts": [
        ("platform", "string"), ("account", "string"), ("post_id", "string"),
        ("published_at", "timestamp"), ("day", "date"), ("time_known", "bool"),
        ("post_type", "string"), ("permalink", "string"), ("caption", "string"),
        ("title", "string"), ("reach", "int64"), ("views", "int64"), ("impressions", "int64"),
        ("likes", "int64"), ("comments", "int64"), ("shares", "int64"), ("saves", "int64"),
        ("engagements", "int64"), ("er_engagements", "int64"), ("er_basis", "int64"),
        ("source", "string"),
    ],
    "daily": [
        ("platform", "string"), ("account", "string"), ("metric", "string"), ("day", "date"),
        ("value", "int64"), ("source", "string"),
    ],
    "comments": [
        ("platform", "string"), ("account", "string"), ("post_ref", "string"),
        ("author", "string"), ("time", "timestamp"), ("day", "date"), ("text", "string"),
        ("replied_at", "timestamp"), ("class", "string"), ("sentiment", "string"),
    ],
    "complaints": [
        ("received_at", "timestamp"), ("day", "date"), ("channel", "string"),
        ("text", "string"), ("category", "string"), ("forwarded_to", "string"),
        ("first_response_at", "timestamp"), ("resolved_at", "timestamp"), ("status", "string"),
    ],
    "findings": [
        ("platform", "string"), ("account", "string"), ("post_id", "string"), ("day", "date"),
        ("rule", "string"), ("level", "string"),
    ],
}

META_SCHEMA = b"medsos.schema"
META_TABLE = b"medsos.table"
META_OFFICE = b"medsos.office"
META_OFFICE_NAME = b"medsos.office_name"
META_WEEK = b"medsos.week"
META_TIMEZONE = b"medsos.timezone"


def arrow_schema(table: str, metadata: dict[bytes, bytes]):
    """The pyarrow schema of ``table`` with the hand-over metadata (imports pyarrow)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "bool": pa.bool_(),
             "date": pa.date32(), "timestamp": pa.timestamp("s", tz="UTC")}
    return pa.schema([pa.field(name, types[kind]) for name, kind in TABLES[table]],
                     metadata=metadata)
