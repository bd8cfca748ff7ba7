"""Normalised records read from platform exports and the admins' own logs.

Every importer turns one file into these records; nothing downstream knows which export (or
which interface language) a number came from. ``None`` always means *unknown* (a blank or
``-`` cell, or a column the export does not have), never zero: rates leave unknowns out.
Times are timezone-aware (UTC inside; shown in the configured zone).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from medsos_cli.exports.formats import registry

# Platform names used everywhere (same spelling as medsos_cli.platforms).
REPORT_PLATFORMS = ("facebook", "instagram", "x", "youtube", "tiktok")

# Export formats, detected from the header (never from the file name): headers.yaml.
FORMATS = registry().names()

METRICS = ("reach", "views", "impressions", "likes", "comments", "shares", "saves",
           "engagements")


@dataclass
class Post:
    """One published post with lifetime totals as of its export (``None`` = unknown).

    Each figure keeps the platform's meaning: X impressions in ``impressions``; YouTube and
    TikTok views in ``views``; Facebook reactions in ``likes``; ``engagements`` only where the
    platform exports its own total (X).
    """

    platform: str
    post_id: str
    published_at: datetime | None
    account: str = ""
    permalink: str | None = None
    post_type: str | None = None  # normalised: foto, video, reel, carousel, story, teks, tautan
    caption: str = ""
    title: str = ""  # YouTube video title (the caption is the description where exported)
    reach: int | None = None
    views: int | None = None
    impressions: int | None = None
    likes: int | None = None
    comments: int | None = None
    shares: int | None = None
    saves: int | None = None
    engagements: int | None = None
    source: str = ""  # path of the export it came from
    line: int = 0  # physical line where its row starts
    # False when the export gives only a date (YouTube, X when the id gives no time):
    # published_at is then local midnight and the day x hour grid must leave the post out.
    time_known: bool = True

    def texts(self) -> tuple[str, str, str | None]:
        """(caption, title, permalink); a compact post (exports.spill) reads them from disk."""
        return self.caption, self.title, self.permalink


# Records made by the hundred thousand use slots (48 bytes less each). ``Post`` keeps its
# ``__dict__``: tests copy posts with ``Post(**vars(post))``.
@dataclass(slots=True)
class DailyValue:
    """One day of a per-day metric (Meta daily files, TikTok overview)."""

    platform: str
    metric: str  # follows, reach, views, video_views, profile_views, likes, comments, shares, ...
    day: date
    value: int | None
    account: str = ""
    source: str = ""
    line: int = 0


@dataclass(slots=True)
class Comment:
    """A citizen's comment (medsos comments log)."""

    platform: str
    post_ref: str  # post id or permalink
    author: str
    time: datetime
    text: str
    replied_at: datetime | None = None
    source: str = ""
    line: int = 0


@dataclass(slots=True)
class Complaint:
    """One complaint (aduan) from the complaint log."""

    received_at: datetime
    channel: str  # komentar, DM, WhatsApp, LAPOR!, LaporGub!, ...
    text: str
    category: str = ""
    forwarded_to: str = ""
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None
    status: str = ""  # baru, diteruskan, diproses, selesai, ditolak (as written by the admin)
    source: str = ""
    line: int = 0
    tracking: str = ""  # LAPOR! tracking number (its deadlines are in working days)


@dataclass(slots=True)
class Skipped:
    """A row left out, and why (shown in the report; nothing is dropped silently)."""

    line: int
    reason: str


@dataclass
class ImportResult:
    """What one file gave: its format, its records, and what was skipped or doubtful."""

    path: str
    format: str
    rows: int = 0  # data rows read (excluding header, Total row, blank lines)
    posts: list[Post] = field(default_factory=list)
    daily: list[DailyValue] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    complaints: list[Complaint] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    language: str = "en"  # UI language of the header
    error: str | None = None  # the file could not be read at all (nothing else is set)
    error_line: int | None = None
    mtime: float | None = None  # modification time of the file (newer downloads win)
