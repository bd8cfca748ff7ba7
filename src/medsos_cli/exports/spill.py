"""Compact posts: what a weekly report keeps of the posts outside its two weeks.

A year's export holds fifty weeks a report does not show. Those posts still count (rows
outside the weeks are reported, duplicates are found, and every post goes into the history
database), but only their figures and dates are needed in memory: their caption, title and
link go to a temporary file on disk and come back one at a time when the history stores them
(``Post.texts``). Memory then follows the report's weeks, plus a small record per other post.
"""

from __future__ import annotations

import struct
import tempfile
from datetime import date
from typing import IO

from medsos_cli.exports.model import Post
from medsos_cli.exports.numbers import zone

# A window no day falls in: every post compact (a whole history rebuilt or rolled up from a
# year of exports, where only the history needs the texts).
COMPACT_ALL = (date.max, date.min)

_LENGTHS = struct.Struct("<III")
_NONE = 0xFFFFFFFF  # a permalink that is None


class SpillFile:
    """An append-only temporary file of (caption, title, permalink) texts, deleted on close
    (or when the last compact post referring to it is gone)."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._end = 0
        self._appending = True  # the file position is at its end (no seek, no flush)

    def put(self, caption: str, title: str, permalink: str | None) -> int:
        """Store the texts; returns where they are."""
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="medsos-")
        parts = [caption.encode("utf-8", "surrogatepass"), title.encode("utf-8", "surrogatepass"),
                 b"" if permalink is None else permalink.encode("utf-8", "surrogatepass")]
        record = _LENGTHS.pack(len(parts[0]), len(parts[1]),
                               _NONE if permalink is None else len(parts[2])) + b"".join(parts)
        offset = self._end
        if not self._appending:
            self._file.seek(offset)
            self._appending = True
        self._file.write(record)
        self._end += len(record)
        return offset

    def get(self, offset: int) -> tuple[str, str, str | None]:
        """The texts stored at ``offset``."""
        assert self._file is not None
        self._appending = False
        self._file.seek(offset)
        a, b, c = _LENGTHS.unpack(self._file.read(_LENGTHS.size))
        data = self._file.read(a + b + (0 if c == _NONE else c))
        caption = data[:a].decode("utf-8", "surrogatepass")
        title = data[a:a + b].decode("utf-8", "surrogatepass")
        link = None if c == _NONE else data[a + b:].decode("utf-8", "surrogatepass")
        return caption, title, link

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


# Post fields a compact post keeps (all but the texts).
_KEPT = ("platform", "post_id", "published_at", "account", "post_type", "reach", "views",
         "impressions", "likes", "comments", "shares", "saves", "engagements", "source", "line",
         "time_known")


class CompactPost:
    """A post whose caption, title and permalink wait in a ``SpillFile``: they read as empty,
    ``texts()`` gives them back. It has every other field of ``Post``, in slots (no
    per-object dict: about a third of a ``Post``'s memory)."""

    __slots__ = (*_KEPT, "_spill", "_offset")
    caption = ""
    title = ""
    permalink = None

    def __init__(self, post: Post, spill: SpillFile):
        # Field by field, not a loop over _KEPT: this runs for every row of a year's export.
        self.platform, self.post_id, self.published_at = (post.platform, post.post_id,
                                                          post.published_at)
        self.account, self.post_type, self.source = post.account, post.post_type, post.source
        self.reach, self.views, self.impressions = post.reach, post.views, post.impressions
        self.likes, self.comments, self.shares = post.likes, post.comments, post.shares
        self.saves, self.engagements = post.saves, post.engagements
        self.line, self.time_known = post.line, post.time_known
        self._spill = spill
        self._offset = spill.put(post.caption, post.title, post.permalink)

    def texts(self) -> tuple[str, str, str | None]:
        """(caption, title, permalink), read back from the spill file."""
        return self._spill.get(self._offset)


class PostSink(list):
    """``ImportResult.posts`` of a file read for a weekly report: posts published outside
    ``first``..``last`` (local days in ``tz``, as the report places them) become compact."""

    def __init__(self, first: date, last: date, tz: str):
        super().__init__()
        self.first, self.last, self.zone = first, last, zone(tz)
        self.spill = SpillFile()
        self._names: dict[str, str] = {}  # one string per account name, not one per row

    def append(self, post: Post) -> None:  # type: ignore[override]
        post.account = self._names.setdefault(post.account, post.account)
        moment = post.published_at
        if moment is not None:
            day = moment.astimezone(self.zone).date()
            if day < self.first or day > self.last:
                post = CompactPost(post, self.spill)  # type: ignore[assignment]
        super().append(post)
