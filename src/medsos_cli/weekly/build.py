"""Assemble the weekly report (``weekly.model.WeeklyReport``, docs/weekly-json.md) from exports.

The output depends only on the inputs, the configuration, the week and the history database:
no run timestamps, stable order everywhere, so the same inputs give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from medsos_cli import __version__
from medsos_cli.config import Config
from medsos_cli.exports.model import Comment, Complaint, DailyValue, ImportResult, Post
from medsos_cli.weekly.metrics import compute, dedupe_daily, dedupe_posts, place_posts
from medsos_cli.weekly.model import (
    CommentsSection,
    ComparisonBasis,
    ComplaintsSection,
    Running,
    Skipped,
    Source,
    SourceError,
    WeeklyReport,
    to_json,
)
from medsos_cli.weekly.recommend import recommendations
from medsos_cli.weekly.week import Week, parse_week, today_in

if TYPE_CHECKING:
    from medsos_cli.weekly.conversation import Remembered, Understood
    from medsos_cli.weekly.progress import ProgressCallback

REPORT_VERSION = 1
UNKNOWN_ACCOUNT = "(akun)"


def build_report(results: Sequence[ImportResult], *, week: str | Week | None, config: Config,
                 today: date | None = None, db: Path | None = None,
                 use_history: bool = True, linter: object | None = None,
                 lint_workers: object | None = None, now: datetime | None = None,
                 progress: ProgressCallback | None = None,
                 figures_done: Callable[[WeeklyReport], None] | None = None) -> WeeklyReport:
    """The whole report for ``week`` (a ``Week``, or ``2026-W47``, ``last``, ``this``, or None
    for the last complete week).

    ``today`` defaults to today's date in the configured zone. A running week (``this``) is
    cut at today; its complaints are judged at ``now`` (default: the end of today) and its
    comparison is with the same weekdays of the week before. History is read from and
    written to ``db`` (else ``config.db``, else the per-user data folder) unless
    ``use_history`` is False; it also keeps lint findings for later runs. ``results`` get
    warnings added (duplicates, rows outside the week); they are reported in ``sources``.
    ``lint_workers`` (``weekly.lintposts.LintWorkers`` for ``config``) lint instead of worker
    processes forked here (the command line forks them before reading the exports).
    ``progress`` hears of the steps that take time (see ``weekly.progress``).
    ``figures_done`` is called with a report holding only its final ``platforms``,
    ``posting`` and ``running`` as soon as they are computed (before the comments and the
    lint): the HTML report's charts are drawn from them meanwhile.
    """
    tz = config.timezone
    target = week if isinstance(week, Week) else parse_week(week, today=today or today_in(tz))
    previous = target.previous()
    default_account = config.account_name or UNKNOWN_ACCOUNT
    if progress is not None:  # duplicates, history, figures: one block, no count to give
        progress("compute", 0, None)

    posts = dedupe_posts(results)
    daily = dedupe_daily(results)
    comments = dedupe_comments(results)
    complaints = dedupe_complaints(results)

    with ExitStack() as stack:
        history = None
        extra_posts: list[Post] = []
        if use_history:
            from medsos_cli.weekly.history import History, default_db_path

            path = db or config.db
            history = stack.enter_context(History(Path(path) if path else default_db_path()))
            extra_posts, daily = _with_history(history, posts, daily, previous, tz)

        rows, outside, undated = place_posts(posts + extra_posts, target, tz, default_account)
        del posts, extra_posts
        week_posts = [r.post for r in sorted((r for r in rows if r.current),
                                             key=lambda r: (r.local, r.post.platform,
                                                            r.post.post_id))]
        from medsos_cli.weekly.lintposts import start_lint

        # The workers lint (the costly part) while this process computes the rest.
        pending = start_lint(week_posts, config, linter=linter, history=history,
                             workers=lint_workers,  # type: ignore[arg-type]
                             progress=progress)
        stack.callback(pending.close)
        platforms, accounts, posting = compute(rows, daily, target, tz, default_account)
        if progress is not None:
            progress("compute", 1, 1)
        report = WeeklyReport(
            version=REPORT_VERSION,
            generator=f"medsos {__version__}",
            account=config.account_name,
            week=target.label,
            start=target.start.isoformat(),
            end=target.sunday.isoformat(),  # a running week: see "running"
            timezone=tz,
            previous_week=previous.label,
            running=_running(target, previous),
            sources=_sources(results, rows, outside, undated, target, tz,
                             _kept_ids(results, comments, complaints)),
            platforms=platforms,
            accounts=accounts,
            posting=posting,
        )
        del rows, outside, undated, daily, platforms, accounts, posting  # figures are done
        if figures_done is not None:
            figures_done(WeeklyReport(platforms=report.platforms, posting=report.posting,
                                      running=report.running))
        # The history stores the comments with the classes given here (not worked out again).
        labels: dict[str, tuple[str, str]] | None = {} if history is not None else None
        # Texts understood in an earlier run (exports overlap the weeks before; a re-run of
        # the week) are not classified again.
        remembered: dict[bytes, Remembered] | None = None
        learned: list[tuple[bytes, Understood, tuple[str, ...]]] = []
        fingerprint = ""
        if history is not None and comments:
            from medsos_cli.cache import installation_fingerprint

            fingerprint = installation_fingerprint()
            remembered = history.understood_lookup(fingerprint)
        report.comments = _comments(comments, target, config, progress, labels, remembered,
                                    learned)
        del remembered
        report.complaints = _complaints(complaints, target, tz, config.sla_hours,
                                        config.working_days, now)
        # after the comments: the workers lint meanwhile
        lint = report.lint = pending.result()
        report.comparison_basis = _comparison_basis()
        if history is not None:  # the complete history (comments, complaints, findings)
            history.store_week(comments, complaints, week_posts, lint, labels)
            if learned:
                from medsos_cli.weekly.conversation import remember

                history.understood_store(fingerprint, (
                    (digest, remember(result, stream)) for digest, result, stream in learned))
    report.recommendations = recommendations(report)
    return report


def _running(week: Week, previous: Week) -> Running | None:
    """``null`` for a complete week; for the week so far, up to which day it counts and the
    days of the week before it is compared with."""
    if not week.running:
        return None
    from medsos_cli.weekly.fmt import WEEKDAYS, date_long

    through = week.end
    text = (f"Pekan masih berjalan: data s.d. hari ini ({date_long(through)}), yang belum "
            "selesai dan tidak dihitung sebagai hari tanpa unggahan")
    later = WEEKDAYS[through.weekday() + 1:]
    if later:
        days = later[0] if len(later) == 1 else f"{later[0]}–{later[-1]}"
        text += f"; {days} belum tiba dan tidak dihitung"
    weekday = through.weekday()
    span = WEEKDAYS[0] if weekday == 0 else f"{WEEKDAYS[0]}–{WEEKDAYS[weekday]}"
    upto = "" if weekday == 0 else "s.d. "
    text += f". Pembanding: {span} pekan {previous.label} ({upto}{date_long(previous.end)})."
    return Running(through=through.isoformat(), days=len(week.days()),
                   previous_through=previous.end.isoformat(), text=text)


def _comparison_basis() -> ComparisonBasis:
    """What week-over-week compares. The history keeps one snapshot per post (the latest), so
    no same-age figure exists: both weeks' posts are compared at their lifetime totals as of
    the export, and last week's posts have had a week longer to gather them."""
    return ComparisonBasis(
        basis="lifetime_at_export",
        text="total seumur unggahan per waktu ekspor (unggahan pekan lalu sudah tayang "
             "sepekan lebih lama, jadi angkanya cenderung lebih besar), bukan per umur "
             "unggahan yang sama")


# to_json is weekly.model's (the one JSON writer), offered here where it always was.
__all__ = ["build_report", "dedupe_comments", "dedupe_complaints", "to_json"]


# -- history ---------------------------------------------------------------------------------

def _with_history(history, posts: list[Post], daily: list[DailyValue], previous: Week,
                  tz: str) -> tuple[list[Post], list[DailyValue]]:
    """Previous-week posts and daily values from history that the exports lack; then store."""
    from medsos_cli.weekly.history import merge_previous

    begin, end = previous.bounds(tz)
    extra = merge_previous(posts, history.posts_between(begin, end))
    have = {(v.platform, v.account, v.metric, v.day) for v in daily}
    stored = history.daily_between(previous.start - timedelta(days=1), previous.end)
    merged = daily + [v for v in stored if (v.platform, v.account, v.metric, v.day) not in have]
    history.store(posts, daily)
    return extra, merged


# -- comments and complaints -----------------------------------------------------------------

def _dedupe_logged(results: Sequence[ImportResult], attr: str, fields: tuple[str, ...],
                   noun: str) -> list:
    """Items of ``attr`` (comments or complaints) with exact copies from other files removed.

    The importers already drop copies inside one file, so with a single log nothing is hashed,
    and a file sharing nothing with the files before it (the usual case) is checked with set
    operations alone; only a file with copies is walked item by item.
    """
    logs = [r for r in results if getattr(r, attr)]
    if len(logs) <= 1:
        return list(getattr(logs[0], attr)) if logs else []
    key = attrgetter(*fields)
    seen: set[tuple] = set()
    out: list = []
    for result in logs:
        items = getattr(result, attr)
        keys = list(map(key, items))
        fresh = set(keys)
        if len(fresh) == len(keys) and seen.isdisjoint(fresh):
            seen |= fresh
            out.extend(items)
            continue
        doubles = 0
        for item, k in zip(items, keys, strict=True):
            if k in seen:
                doubles += 1
                continue
            seen.add(k)
            out.append(item)
        if doubles:
            result.warnings.append(f"{doubles} {noun} sama persis dengan {noun} di berkas yang "
                                   "dibaca sebelumnya; dihitung sekali saja")
    return out


def _kept_ids(results: Sequence[ImportResult], comments: list, complaints: list,
              ) -> set[int] | None:
    """Ids of the logged items kept, or None when no copy was removed (all kept)."""
    total = sum(len(r.comments) + len(r.complaints) for r in results)
    if total == len(comments) + len(complaints):
        return None
    return {id(item) for item in comments + complaints}


def dedupe_comments(results: Sequence[ImportResult]) -> list[Comment]:
    """The comments of every log, each exact copy from another file counted once (warned)."""
    return _dedupe_logged(results, "comments", ("platform", "post_ref", "author", "text", "time"),
                          "komentar")


def dedupe_complaints(results: Sequence[ImportResult]) -> list[Complaint]:
    """The complaints of every log, each exact copy from another file counted once (warned)."""
    return _dedupe_logged(results, "complaints", ("channel", "text", "received_at"), "aduan")


def _week_end(week: Week, tz: str) -> datetime:
    """Sunday 24:00 of the week in ``tz``: the moment overdue complaints are judged at."""
    return datetime.combine(week.end + timedelta(days=1), time(0), tzinfo=ZoneInfo(tz))


def _comments(comments: list[Comment], week: Week, config: Config,
              progress: ProgressCallback | None = None,
              labels: dict[str, tuple[str, str]] | None = None,
              remembered: dict[bytes, Remembered] | None = None,
              learned: list[tuple[bytes, Understood, tuple[str, ...]]] | None = None,
              ) -> CommentsSection | None:
    if not comments:
        return None
    from medsos_cli.weekly.conversation import analyse_comments

    out = analyse_comments(comments, start=week.start, end=week.end, tz=config.timezone,
                           samples=3, account=config.account_name, hashtags=config.hashtags,
                           progress=progress, labels=labels, remembered=remembered,
                           learned=learned)
    if progress is not None:  # themes and samples done too
        progress("comments", len(comments), len(comments))
    return out


def _complaints(items: list[Complaint], week: Week, tz: str, sla_hours: float,
                working_days: tuple[int, ...] = (0, 1, 2, 3, 4),
                now: datetime | None = None) -> ComplaintsSection | None:
    if not items:
        return None
    from medsos_cli.weekly.complaints import analyse_complaints

    judged = _week_end(week, tz)  # a running week: at the end of today, or now if earlier
    if week.running and now is not None and now < judged:
        judged = now
    return analyse_complaints(items, start=week.start, end=week.end, tz=tz,
                              sla_hours=sla_hours, now=judged, working_days=working_days)


# -- sources ---------------------------------------------------------------------------------

def _fmt_range(days: list[date]) -> str:
    first, last = min(days), max(days)
    return first.isoformat() if first == last else f"{first.isoformat()} s.d. {last.isoformat()}"


@dataclass
class _Tally:
    """Rows of one file in the week, in the previous week, and the days outside both."""

    start: date
    end: date
    first: date  # Monday of the previous week
    last: date  # its last day counted (Sunday; a running week: the same weekday as today)
    week: int = 0
    previous: int = 0
    away: list[date] = field(default_factory=list)

    def add(self, day: date) -> None:
        if self.start <= day <= self.end:
            self.week += 1
        elif self.first <= day <= self.last:
            self.previous += 1
        else:
            self.away.append(day)


def _sources(results: Sequence[ImportResult], rows: list, outside: dict[int, date],
             undated: set[int], week: Week, tz: str, logged: set[int] | None,
             ) -> list[Source]:
    """One entry per file: rows read, rows used, warnings (incl. rows outside both weeks).

    ``logged`` holds the ids of the comments and complaints kept after removing exact copies
    (None: every one was kept).
    """
    zone = ZoneInfo(tz)
    previous = week.previous()
    first = previous.start
    placed = {id(r.post): r.current for r in rows}
    without_time = {id(r.post) for r in rows if r.current and not r.time_known}
    begin, gap = (moment.timestamp() for moment in previous.bounds(tz))
    middle, stop = (moment.timestamp() for moment in week.bounds(tz))
    out = []
    for result in results:
        tally = _Tally(week.start, week.end, first, previous.end)
        no_date = no_time = duplicates = 0
        for post in result.posts:
            key = id(post)
            if key in placed:
                if placed[key]:
                    tally.week += 1
                else:
                    tally.previous += 1
                no_time += key in without_time
            elif key in outside:
                tally.away.append(outside[key])
            elif key in undated:
                no_date += 1
            else:
                duplicates += 1  # another file's copy was kept (warned by dedupe_posts)
        # A daily file holds several metrics per line (TikTok): count lines, not values.
        lines: dict[object, date] = {}
        for value in result.daily:
            lines.setdefault(value.line or (value.metric, value.day), value.day)
        for day in lines.values():
            tally.add(day)
        # Comments can be hundreds of thousands: compare POSIX timestamps, and convert to a
        # local date only the few outside both weeks.
        for comment in result.comments:
            if logged is not None and id(comment) not in logged:
                continue
            stamp = comment.time.timestamp()
            if middle <= stamp < stop:
                tally.week += 1
            elif begin <= stamp < gap:
                tally.previous += 1
            else:
                tally.away.append(comment.time.astimezone(zone).date())
        for item in result.complaints:
            if logged is not None and id(item) not in logged:  # a copy already counted
                continue
            tally.add(item.received_at.astimezone(zone).date())
        warnings = list(result.warnings)
        in_week, in_previous, away = tally.week, tally.previous, tally.away
        if away and week.running:
            warnings.append(f"{len(away)} baris di luar pekan berjalan {week.label} (s.d. "
                            f"{week.end.isoformat()}) dan pembandingnya ({previous.label} s.d. "
                            f"{previous.end.isoformat()}) tidak dihitung (tanggal "
                            f"{_fmt_range(away)})")
        elif away:
            warnings.append(f"{len(away)} baris di luar pekan {week.label} dan pekan sebelumnya "
                            f"({previous.label}) tidak dihitung (tanggal {_fmt_range(away)})")
        if no_date:
            warnings.append(f"{no_date} unggahan tanpa waktu terbit tidak dapat ditempatkan pada "
                            "pekan mana pun dan tidak dihitung")
        if no_time and not any("tanpa jam" in w for w in warnings):  # importers may say it
            warnings.append(f"{no_time} unggahan hanya bertanggal (tanpa jam): dihitung per hari, "
                            "tetapi tidak masuk kisi jam unggah")
        records = len(result.posts) + len(result.daily) + len(result.comments) + len(
            result.complaints)
        if records and not in_week:
            if in_previous:
                warnings.append(f"tidak ada baris dalam pekan {week.label}; berkas ini hanya "
                                f"dipakai sebagai pembanding pekan {previous.label}")
            elif not duplicates:
                warnings.append(f"semua baris berada di luar pekan {week.label} "
                                f"({week.start.isoformat()} s.d. {week.end.isoformat()}); "
                                "berkas ini tidak dipakai. Periksa --week atau rentang tanggal "
                                "ekspor.")
        error = None
        if result.error is not None:
            error = SourceError(line=result.error_line, message=result.error)
        out.append(Source(
            path=result.path, format=result.format, language=result.language,
            rows=result.rows, used=in_week + in_previous, warnings=warnings,
            skipped=[Skipped(line=s.line, reason=s.reason) for s in result.skipped],
            error=error))
    return out
