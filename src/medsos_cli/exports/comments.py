"""Comments and complaints from the sources admins actually use.

- Apify-style Facebook and Instagram comment datasets (CSV or JSON as Apify exports them):
  ``facebookUrl``/``postUrl``, ``date``/``timestamp``, ``text``, ``profileName``/
  ``ownerUsername``. These datasets say nothing of the account's own replies, so the file
  gets a warning: its comments count as not yet answered.
- YouTube Data API ``commentThreads.list`` JSON (``items[].snippet.topLevelComment``): a reply
  by the channel itself (``authorChannelId`` = the thread's ``channelId``) gives the reply time.
- LAPOR! SP4N case list as exported to xlsx: tracking id, date received, office, status,
  category, text. Its deadlines are in working days (weekly.complaints).

JSON files are flattened into a table (dotted keys) so the same format table recognises them.
"""

from __future__ import annotations

import json
from datetime import datetime

from medsos_cli.errors import InputError
from medsos_cli.exports import numbers
from medsos_cli.exports.common import Cells, RowError, dedupe_by, run_rows
from medsos_cli.exports.model import Comment, Complaint, ImportResult
from medsos_cli.exports.sniff import Row, Table


def json_rows(name: str, data: bytes) -> list[list[str]]:
    """A JSON export as rows of text: header of dotted keys, then one row per record.

    A YouTube ``commentThreadListResponse`` gives one row per thread with the channel's first
    reply time in ``ownerReplyAt``.
    """
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise InputError("bukan JSON yang valid; unduh ulang berkasnya", name, line) from None
    if isinstance(doc, dict) and str(doc.get("kind", "")).startswith("youtube#commentThread"):
        records = [_youtube_thread(item) for item in doc.get("items") or []]
    elif isinstance(doc, dict) and isinstance(doc.get("items"), list):
        records = doc["items"]
    elif isinstance(doc, list):
        records = doc
    else:
        raise InputError("JSON ini bukan daftar komentar yang dikenali", name)
    flat = [_flatten(r) for r in records if isinstance(r, dict)]
    if not flat:
        raise InputError("JSON ini tidak berisi satu komentar pun", name)
    header = list(dict.fromkeys(k for r in flat for k in r))
    return [header] + [[r.get(k, "") for k in header] for r in flat]


def _flatten(record: dict, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            continue  # nested replies: not rows of their own
        elif value is None:
            out[name] = ""
        else:
            out[name] = str(value)
    return out


def _youtube_thread(item: dict) -> dict:
    snippet = item.get("snippet") or {}
    top = (snippet.get("topLevelComment") or {}).get("snippet") or {}
    channel = snippet.get("channelId") or top.get("channelId")
    replies = [(c.get("snippet") or {}) for c in (item.get("replies") or {}).get("comments", [])]
    own = sorted(r.get("publishedAt", "") for r in replies
                 if (r.get("authorChannelId") or {}).get("value") == channel and channel)
    return {"videoId": snippet.get("videoId") or top.get("videoId", ""),
            "authorDisplayName": top.get("authorDisplayName", ""),
            "publishedAt": top.get("publishedAt", ""),
            "textOriginal": top.get("textOriginal") or top.get("textDisplay", ""),
            "ownerReplyAt": own[0] if own else ""}


def _iso(value: str, tz: str) -> datetime:
    return numbers.parse_log_time(value.replace("Z", "+00:00") if value.endswith("Z")
                                  else value, tz)


def _comments(table: Table, tz: str, platform: str, post: tuple[str, ...],
              when: tuple[str, ...], author: tuple[str, ...], text: tuple[str, ...],
              replied: tuple[str, ...] = ()) -> ImportResult:
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))

    def parse(row: Row, c: Cells) -> bool:
        moment = c.parse(lambda v: _iso(v, tz), *when)
        body = c.need(*text)
        reply = c.parse(lambda v: _iso(v, tz), *replied, required=False) if replied else None
        if reply is not None and reply < moment:
            raise RowError("balasan lebih awal daripada komentar")
        result.comments.append(Comment(platform, c.need(*post), c.text(*author), moment, body,
                                       reply, table.path, row.line))
        return True

    run_rows(table, result, parse)
    result.comments = dedupe_by(result.comments,
                                lambda k: (k.post_ref, k.author, k.time, k.text), "komentar",
                                result.warnings)
    if not replied:
        result.warnings.append(
            "ekspor ini tidak memuat balasan akun instansi: semua komentarnya dihitung belum "
            "dibalas. Catat balasan di log komentar medsos bila perlu angka balasan")
    return result


def read_apify_facebook(table: Table, tz: str) -> ImportResult:
    """Apify-style Facebook comments (CSV or JSON)."""
    return _comments(table, tz, "facebook", ("facebookurl", "posturl", "inputurl"),
                     ("date",), ("profilename",), ("text",))


def read_apify_instagram(table: Table, tz: str) -> ImportResult:
    """Apify-style Instagram comments (CSV or JSON)."""
    return _comments(table, tz, "instagram", ("posturl", "inputurl"), ("timestamp",),
                     ("ownerusername",), ("text",))


def read_youtube_comments(table: Table, tz: str) -> ImportResult:
    """YouTube Data API comment threads (flattened by ``json_rows``)."""
    return _comments(table, tz, "youtube", ("videoid",), ("publishedat",),
                     ("authordisplayname",), ("textoriginal",), ("ownerreplyat",))


def read_lapor(table: Table, tz: str) -> ImportResult:
    """LAPOR! SP4N case list: one complaint per case, channel ``LAPOR!``."""
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))

    def when(value: str) -> datetime:
        try:
            return numbers.parse_log_time(value, tz)
        except ValueError:
            return numbers.parse_meta_time(value, tz, day_first=True)

    def parse(row: Row, c: Cells) -> bool:
        received = c.parse(when, "date received")
        tracking = c.need("tracking id")
        status = c.text("status")
        result.complaints.append(Complaint(
            received_at=received, channel="LAPOR!", text=c.need("text"),
            category=c.text("category"), forwarded_to=c.text("office"), status=status,
            resolved_at=None, source=table.path, line=row.line, tracking=tracking))
        return True

    run_rows(table, result, parse)
    result.complaints = dedupe_by(result.complaints, lambda k: k.tracking, "nomor tracking",
                                  result.warnings)
    return result
