"""Importers for platform exports (Meta, X, YouTube, TikTok) and medsos's own CSV logs.

``read_export(path)`` recognises the format from the header and returns an ``ImportResult``
of normalised records (see ``model``); docs/exports.md describes the formats for users.
"""

from medsos_cli.exports.model import (
    FORMATS,
    Comment,
    Complaint,
    DailyValue,
    ImportResult,
    Post,
    Skipped,
)
from medsos_cli.exports.reader import expand, read_export, read_exports

__all__ = [
    "FORMATS", "Comment", "Complaint", "DailyValue", "ImportResult", "Post", "Skipped",
    "expand", "read_export", "read_exports",
]
