"""Per-platform and per-account figures of one ISO week and the week before it.

Every figure keeps the platform's meaning (see docs/weekly-json.md). ``None`` is *unknown* and
stays out of sums and rates; a rate is always a ratio of sums, never an average of rates.

Duplicates: the same post (platform, post id) in several exports is counted once. Meta and
the other platforms export *lifetime totals as of the export*, which only grow, so the copy
with the larger sum of known metrics is the later export and is the one kept (a tie keeps the
copy read last). The file whose copy was left out gets a warning saying so.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from operator import attrgetter
from zoneinfo import ZoneInfo

from medsos_cli.exports.model import DailyValue, ImportResult, Post
from medsos_cli.platforms import LABELS, REPORT_PLATFORMS
from medsos_cli.weekly.model import (
    AccountKey,
    AccountWeek,
    ChangePoints,
    ContentMix,
    DailyFigures,
    FigureChange,
    Figures,
    PlatformWeek,
    Posting,
    PostRow,
)
from medsos_cli.weekly.week import Week

PLATFORM_ORDER = REPORT_PLATFORMS
PLATFORM_LABELS = LABELS

# Post fields summed per week (``engagements`` is replaced by the rate's numerator).
SUM_METRICS = ("reach", "views", "impressions", "likes", "comments", "shares", "saves")
# Keys of a week's figures, in output order (also the keys of ``change``).
FIGURE_KEYS = ("posts",) + SUM_METRICS + ("engagements", "engagement_rate", "followers_change")

# platform -> (numerator terms, basis). See the table in docs/weekly-json.md.
RATE_SPEC: dict[str, tuple[tuple[str, ...], str]] = {
    "facebook": (("likes", "comments", "shares"), "reach"),
    "instagram": (("likes", "comments", "shares", "saves"), "reach"),
    "x": (("engagements",), "impressions"),
    "youtube": (("likes", "comments", "shares"), "views"),
    "tiktok": (("likes", "comments", "shares"), "views"),
}
# Same words as the renderers' labels (weekly/fmt.py): views = tayangan, impressions = impresi.
_TERM_WORDS = {"likes": "suka", "comments": "komentar", "shares": "bagikan", "saves": "simpan",
               "engagements": "interaksi (engagements dari X)"}
_BASIS_WORDS = {"reach": "jangkauan", "impressions": "impresi", "views": "tayangan"}

# Daily metric names accepted for a platform's totals when it has no per-post export (TikTok's
# overview). The first name found wins; "video_views" is TikTok's "Video Views".
_DAILY_NAMES = {
    "views": ("video_views", "views"),
    "reach": ("reach",),
    "impressions": ("impressions",),
    "likes": ("likes",),
    "comments": ("comments",),
    "shares": ("shares",),
    "saves": ("saves",),
}

CAPTION_EXCERPT = 120


def rate_formula(platform: str, missing: Iterable[str] = ()) -> str | None:
    """The Indonesian formula text of a platform's engagement rate.

    ``missing`` names numerator terms that no export of the week has (left out, and said so).
    """
    spec = RATE_SPEC.get(platform)
    if spec is None:
        return None
    terms, basis = spec
    missing = set(missing)
    words = [("reaksi" if platform == "facebook" and t == "likes" else _TERM_WORDS[t])
             for t in terms if t not in missing]
    basis_word = "tayangan video" if platform == "tiktok" else _BASIS_WORDS[basis]
    if not words:
        return None
    top = words[0] if len(words) == 1 else "(" + " + ".join(words) + ")"
    text = f"{top} / {basis_word}"
    gone = [_TERM_WORDS[t] for t in terms if t in missing]
    if gone:
        text += f"; {', '.join(gone)} tidak ada di ekspor"
    return text


def post_score(post: Post) -> int:
    """Sum of a post's known lifetime figures: larger means a later export of the same post."""
    return sum(v for v in (post.reach, post.views, post.impressions, post.likes, post.comments,
                           post.shares, post.saves, post.engagements) if v is not None)


_FIGURES = ("reach", "views", "impressions", "likes", "comments", "shares", "saves",
            "engagements")


def _newer(post: Post, result: ImportResult, index: int, old: Post, old_result: ImportResult,
           old_index: int) -> bool:
    """Whether ``post`` is a later snapshot than ``old`` (same post, two downloads).

    Lifetime totals only grow: a copy with every figure known in both at least as large, and
    one larger, is the later one. Otherwise (equal, or mixed) the later file modification time
    decides, then the order the files were given.
    """
    up = down = False
    for name in _FIGURES:
        a, b = getattr(post, name), getattr(old, name)
        if a is None or b is None or a == b:
            continue
        up, down = up or a > b, down or a < b
    if up != down:
        return up
    if result.mtime is not None and old_result.mtime is not None \
            and result.mtime != old_result.mtime:
        return result.mtime > old_result.mtime
    return index >= old_index


def _fill_blanks(kept: Post, other: Post) -> int:
    """Blank figures of the kept copy taken from the other copy (a blank never wins)."""
    filled = 0
    for name in _FIGURES:
        if getattr(kept, name) is None and getattr(other, name) is not None:
            setattr(kept, name, getattr(other, name))
            filled += 1
    return filled


def dedupe_posts(results: Sequence[ImportResult]) -> list[Post]:
    """All posts of ``results``, one per (platform, post id): the latest snapshot (by its
    figures, then by the file's download time), its blank cells filled from the other copy.

    Adds a warning to every result whose copy of a post was left out.
    """
    kept: dict[tuple[str, str], tuple[Post, int]] = {}  # key -> post, result index
    dropped: dict[tuple[int, int], int] = defaultdict(int)  # (dropped idx, kept idx) -> count
    filled: dict[int, int] = defaultdict(int)
    for index, result in enumerate(results):
        for post in result.posts:
            key = (post.platform, post.post_id)
            old = kept.get(key)
            if old is None:
                kept[key] = (post, index)
                continue
            old_post, old_index = old
            if _newer(post, result, index, old_post, results[old_index], old_index):
                if _fill_blanks(post, old_post):
                    filled[index] += 1
                kept[key] = (post, index)
                dropped[(old_index, index)] += 1
            else:
                if _fill_blanks(old_post, post):
                    filled[old_index] += 1
                dropped[(index, old_index)] += 1
    for (lost, winner), count in sorted(dropped.items()):
        other = results[winner].path
        where = "di berkas ini juga" if lost == winner else f"juga ada di {other}"
        results[lost].warnings.append(
            f"{count} unggahan {where}: tiap unggahan dihitung sekali saja, memakai salinan "
            "yang diunduh terakhir (angka seumur hidup lebih besar, atau waktu berkas lebih baru)")
    for index, count in sorted(filled.items()):
        results[index].warnings.append(
            f"{count} unggahan berisi sel kosong yang diisi dari salinan lain unggahan itu "
            "(sel kosong tidak menimpa angka yang diketahui)")
    return [entry[0] for entry in kept.values()]


def dedupe_daily(results: Sequence[ImportResult]) -> list[DailyValue]:
    """All daily values, one per (platform, account, metric, day): the newest download's.

    Newer is the file whose data reach a later day, then the later modification time, then
    the file given later (not the name: a browser's ``Overview (1).csv`` is the newer one).
    A blank value never replaces a known one.
    """
    last_day = [max((v.day for v in r.daily), default=date.min) for r in results]

    def rank(index: int) -> tuple:
        mtime = results[index].mtime
        return (last_day[index], mtime if mtime is not None else float("-inf"), index)

    kept: dict[tuple[str, str, str, date], tuple[DailyValue, int]] = {}
    replaced: dict[int, int] = defaultdict(int)
    for index, result in enumerate(results):
        for value in result.daily:
            key = (value.platform, value.account, value.metric, value.day)
            old = kept.get(key)
            if old is None:
                kept[key] = (value, index)
                continue
            newer = rank(index) >= rank(old[1])
            if value.value is None and old[0].value is not None:
                newer = False
            elif old[0].value is None and value.value is not None:
                newer = True
            if newer:
                replaced[old[1]] += 1
                kept[key] = (value, index)
            else:
                replaced[index] += 1
    for index, count in sorted(replaced.items()):
        results[index].warnings.append(
            f"{count} nilai harian juga ada di berkas lain yang lebih baru; dipakai nilai dari "
            "berkas yang lebih baru (tidak dijumlahkan dua kali)")
    return [entry[0] for entry in kept.values()]


class Row:
    """One post placed in the report's zone and week, with its rate terms worked out once."""

    __slots__ = ("post", "local", "day", "time_known", "current", "num", "base", "rate", "key")

    def __init__(self, post: Post, local: datetime, current: bool, num: int | None,
                 base: int | None, account: str):
        self.post = post
        self.local = local
        self.day = local.date()
        self.time_known = post.time_known
        self.current = current
        self.num = num
        self.base = base
        self.rate = round(num / base, 6) if num is not None and base else None
        self.key = AccountKey(post.platform, account)


def _exported_terms(posts: Iterable[Post]) -> dict[tuple[str, str], set[str]]:
    """(source, platform) -> metric fields with at least one known value in that export."""
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for post in posts:
        terms = RATE_SPEC.get(post.platform)
        if terms is None:
            continue
        found = seen[(post.source, post.platform)]
        for term in terms[0]:
            if term not in found and getattr(post, term) is not None:
                found.add(term)
    return seen


def place_posts(posts: Iterable[Post], week: Week, tz: str, default_account: str,
                ) -> tuple[list[Row], dict[int, date], set[int]]:
    """Rows of the posts published in ``week`` or the week before, in the zone ``tz``.

    Also returns, keyed by ``id(post)``, the local date of every post outside both weeks, and
    the posts without a publish time (they cannot be placed in any week).
    """
    posts = list(posts)
    zone = ZoneInfo(tz)
    previous = week.previous()
    first, last = previous.start, week.end
    boundary = week.start
    # A running week is compared with the same days of the week before (Monday to the same
    # weekday): the later days of that week are outside both.
    gap = previous.end
    exported = _exported_terms(posts)
    outside: dict[int, date] = {}
    undated: set[int] = set()
    rows: list[Row] = []
    for post in posts:
        if post.published_at is None:
            undated.add(id(post))
            continue
        local = post.published_at.astimezone(zone)
        day = local.date()
        if day < first or day > last or gap < day < boundary:
            outside[id(post)] = day
            continue
        spec = RATE_SPEC.get(post.platform)
        num = base = None
        if spec is not None:
            terms, basis = spec
            base = getattr(post, basis)
            have = exported.get((post.source, post.platform), set())
            total: int | None = 0
            used = 0
            for term in terms:
                value = getattr(post, term)
                if value is None:
                    if term in have:  # the export has the column, this post's cell is blank
                        total = None
                        break
                    continue
                total += value  # type: ignore[operator]
                used += 1
            num = total if total is not None and used else None
        rows.append(Row(post, local, day >= boundary, num, base,
                        post.account or default_account))
    return rows, outside, undated


def _sum(values: Iterable[int | None]) -> int | None:
    total = None
    for value in values:
        if value is not None:
            total = value if total is None else total + value
    return total


def _ratio(num: float | None, den: float | None) -> float | None:
    if num is None or not den:
        return None
    return round(num / den, 6)


_METRIC_VALUES = attrgetter(*SUM_METRICS)


def figures_from_rows(rows: Sequence[Row]) -> Figures:
    """A week's figures of one platform or account from its post rows."""
    out = Figures(posts=len(rows))
    if not rows:
        return out
    # Column-wise sums over tuples fetched in C: thousands of posts per account stay cheap.
    columns = zip(*[_METRIC_VALUES(r.post) for r in rows], strict=True)
    for key, column in zip(SUM_METRICS, columns, strict=True):
        known = [v for v in column if v is not None]
        setattr(out, key, sum(known) if known else None)
    nums = [r.num for r in rows if r.num is not None]
    out.engagements = sum(nums) if nums else None
    out.engagement_rate = _rows_rate(rows)
    return out


def _rows_rate(rows: Sequence[Row]) -> float | None:
    """Engagement rate of ``rows`` together: engagements over basis of the posts with both."""
    num = base = 0
    rated = False
    for r in rows:
        if r.num is not None and r.base is not None:
            num += r.num
            base += r.base
            rated = True
    return _ratio(num, base) if rated else None


def figures_from_daily(platform: str, values: Sequence[DailyValue], days: Sequence[date],
                       ) -> Figures:
    """A week's figures from daily totals (a platform without a per-post export: TikTok);
    written views first, as the contract has always written them."""
    wanted = set(days)
    by_metric: dict[str, dict[date, int | None]] = defaultdict(dict)
    for value in values:
        if value.day in wanted:  # several accounts of one platform add up per day
            per_day = by_metric[value.metric]
            per_day[value.day] = _sum([per_day.get(value.day), value.value])
    out = Figures(posts=None, views_first=True)
    series: dict[str, dict[date, int | None]] = {}
    for key, names in _DAILY_NAMES.items():
        found = next((by_metric[n] for n in names if n in by_metric), None)
        series[key] = found or {}
        setattr(out, key, _sum(found.values()) if found else None)
    spec = RATE_SPEC.get(platform)
    if spec is not None:
        terms, basis = spec
        present = [t for t in terms if series.get(t)]
        if present:
            total_num = None
            num = den = 0
            rated = False
            for day in days:
                parts = [series[t].get(day) for t in present]
                if any(p is None for p in parts):
                    continue
                day_num = sum(parts)  # type: ignore[arg-type]
                total_num = day_num if total_num is None else total_num + day_num
                base = series[basis].get(day)
                if base is not None:
                    num += day_num
                    den += base
                    rated = True
            out.engagements = total_num
            out.engagement_rate = _ratio(num, den) if rated else None
    return out


def followers_change(values: Sequence[DailyValue], days: Sequence[date]) -> int | None:
    """Net follower change over ``days`` from daily values of one account.

    ``follows`` (new or net follows per day, as Meta's Follows file and TikTok's difference
    column give them) are summed, minus ``unfollows`` where given; without them, a cumulative
    ``followers`` series gives last day minus the day before the week.
    """
    wanted = set(days)
    follows = [v.value for v in values if v.metric == "follows" and v.day in wanted]
    if follows:
        total = _sum(follows)
        if total is None:
            return None
        lost = _sum(v.value for v in values if v.metric == "unfollows" and v.day in wanted)
        return total - (lost or 0)
    totals = {v.day: v.value for v in values if v.metric == "followers"}
    if totals:
        start = totals.get(min(days) - timedelta(days=1))
        inside = [d for d in sorted(totals) if d in wanted and totals[d] is not None]
        if start is not None and inside:
            return totals[inside[-1]] - start  # type: ignore[operator]
    return None


def change(current: Figures, previous: Figures | None) -> FigureChange:
    """Relative change of every figure (``(now - before) / |before|``), None where unknown."""
    out = FigureChange()
    for key in FIGURE_KEYS:
        now = current.get(key)
        before = previous.get(key) if previous else None
        if now is not None and before is not None and before != 0:
            setattr(out, key, round((now - before) / abs(before), 6))
    return out


RATE_FIGURES = ("engagement_rate",)


def change_points(current: Figures, previous: Figures | None) -> ChangePoints:
    """A rate's change as a difference of ratios (``0.0700 - 0.0650`` = ``0.005``, i.e. 0,5
    percentage points), None where either week's rate is unknown."""
    out = ChangePoints()
    for key in RATE_FIGURES:
        now = current.get(key)
        before = previous.get(key) if previous else None
        setattr(out, key, None if now is None or before is None else round(now - before, 6))
    return out


def caption_excerpt(post: Post) -> str:
    """The post's caption (else its title) on one line, at most CAPTION_EXCERPT characters."""
    text = " ".join((post.caption or post.title or "").split())
    if len(text) > CAPTION_EXCERPT:
        text = text[:CAPTION_EXCERPT - 1].rstrip() + "…"
    return text


def post_row(row: Row) -> PostRow:
    """The ``Post`` object of the contract."""
    post = row.post
    text = caption_excerpt(post)
    published = (row.local.isoformat(timespec="seconds") if row.time_known
                 else row.day.isoformat())
    return PostRow(
        platform=post.platform, account=post.account, id=post.post_id,
        permalink=post.permalink, published_at=published,
        type=post.post_type, caption=text,
        reach=post.reach, views=post.views, impressions=post.impressions,
        likes=post.likes, comments=post.comments, shares=post.shares,
        saves=post.saves, engagements=row.num, engagement_rate=row.rate,
    )


def top_bottom(rows: Sequence[Row], count: int = 3) -> tuple[list[PostRow], list[PostRow]]:
    """Top and bottom posts by their own engagement rate.

    Ties go to the post with the larger basis (more reach/views seen), then to the id. A post
    already in the top list is not repeated in the bottom list; posts with an unknown rate are
    in neither.
    """
    rated = [r for r in rows if r.rate is not None]
    # nsmallest is sorted(...)[:count] without sorting every post (a heap of ``count``).
    top = heapq.nsmallest(count, rated,
                          key=lambda r: (-(r.rate or 0.0), -(r.base or 0), r.post.post_id))
    chosen = {id(r) for r in top}
    rest = [r for r in rated if id(r) not in chosen]
    bottom = heapq.nsmallest(count, rest,
                             key=lambda r: (r.rate, -(r.base or 0), r.post.post_id))
    return [post_row(r) for r in top], [post_row(r) for r in bottom]


def content_mix(rows: Sequence[Row]) -> list[ContentMix]:
    """Posts and engagement rate per post type: by post count desc, then type name."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row.post.post_type or "lainnya"].append(row)
    mix = [ContentMix(type=kind, posts=len(group), engagement_rate=_rows_rate(group))
           for kind, group in groups.items()]
    mix.sort(key=lambda item: (-item.posts, item.type))
    return mix


def daily_series(rows: Sequence[Row], days: Sequence[date], figures: Figures,
                 daily_views: dict[date, int | None] | None = None) -> list[DailyFigures]:
    """One entry per day: posts and that day's sums of reach/views/impressions.

    A metric the platform's week does not know at all is None every day; a day without posts
    is 0; a day whose posts all lack the metric is None. ``daily_views`` (TikTok's overview)
    replaces the posts' views.
    """
    by_day: dict[date, list[Row]] = defaultdict(list)
    for row in rows:
        by_day[row.day].append(row)
    out = []
    for day in days:
        group = by_day.get(day, [])
        entry = DailyFigures(date=day.isoformat(),
                             posts=len(group) if figures.posts is not None else None)
        for key in ("reach", "views", "impressions"):
            if key == "views" and daily_views is not None:
                value = daily_views.get(day)
            elif figures.get(key) is None:
                value = None
            else:
                value = _sum(getattr(r.post, key) for r in group) if group else 0
            setattr(entry, key, value)
        out.append(entry)
    return out


def missing_terms(rows: Sequence[Row], platform: str) -> list[str]:
    """Numerator terms that none of the week's exports of ``platform`` has."""
    spec = RATE_SPEC.get(platform)
    if spec is None or not rows:
        return []
    return [t for t in spec[0] if all(getattr(r.post, t) is None for r in rows)]


def _platform_sort(platform: str) -> tuple[int, str]:
    try:
        return PLATFORM_ORDER.index(platform), platform
    except ValueError:
        return len(PLATFORM_ORDER), platform


def compute(rows: Sequence[Row], daily: Sequence[DailyValue], week: Week, tz: str,
            default_account: str,
            ) -> tuple[dict[str, PlatformWeek], dict[AccountKey, AccountWeek], Posting]:
    """``platforms``, ``accounts`` (keyed by platform and account) and ``posting`` of the
    report."""
    days = week.days()
    prev_days = week.previous().days()
    cur_rows: dict[str, list[Row]] = defaultdict(list)
    prev_rows: dict[str, list[Row]] = defaultdict(list)
    acc_cur: dict[AccountKey, list[Row]] = defaultdict(list)
    acc_prev: dict[AccountKey, list[Row]] = defaultdict(list)
    for row in rows:
        if row.current:
            cur_rows[row.post.platform].append(row)
            acc_cur[row.key].append(row)
        else:
            prev_rows[row.post.platform].append(row)
            acc_prev[row.key].append(row)
    daily_by_acc: dict[AccountKey, list[DailyValue]] = defaultdict(list)
    daily_by_platform: dict[str, list[DailyValue]] = defaultdict(list)
    span = set(days) | set(prev_days)
    follower_span = span | {prev_days[0] - timedelta(days=1)}  # cumulative series' baseline
    # A daily file that names no account (Meta's Follows file) belongs to the platform's only
    # account when the posts show just one; otherwise to the configured account.
    named: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        named[row.post.platform].add(row.key.account)
    for value in daily:
        if value.day in follower_span:
            daily_by_platform[value.platform].append(value)
            account = value.account
            if not account:
                only = named.get(value.platform, set())
                account = next(iter(only)) if len(only) == 1 else default_account
            daily_by_acc[AccountKey(value.platform, account)].append(value)

    def week_figures(platform: str, wrows: list[Row], values: list[DailyValue],
                     wdays: list[date], post_based: bool) -> Figures:
        if post_based:
            figures = figures_from_rows(wrows)
        else:
            figures = figures_from_daily(platform, values, wdays)
        figures.followers_change = _followers(values, wdays, default_account)
        return figures

    platforms: dict[str, PlatformWeek] = {}
    names = set(cur_rows) | set(prev_rows) | {
        p for p, vs in daily_by_platform.items() if any(v.day in span for v in vs)}
    for platform in sorted(names, key=_platform_sort):
        post_based = bool(cur_rows.get(platform) or prev_rows.get(platform))
        values = daily_by_platform.get(platform, [])
        now_rows = cur_rows.get(platform, [])
        current = week_figures(platform, now_rows, values, days, post_based)
        figures = week_figures(platform, prev_rows.get(platform, []), values, prev_days,
                               post_based)
        before = figures if _known(figures) else None
        top, bottom = top_bottom(now_rows)
        basis = RATE_SPEC.get(platform, ((), None))[1]
        daily_views = None
        if platform == "tiktok" and any(v.metric in ("video_views", "views") for v in values):
            daily_views = _daily_metric(values, ("video_views", "views"), days)
        platforms[platform] = PlatformWeek(
            label=PLATFORM_LABELS.get(platform, platform),
            figures=current,
            engagement_rate_basis=basis,
            engagement_rate_formula=rate_formula(platform, missing_terms(now_rows, platform)),
            previous=before,
            change=change(current, before),
            change_points=change_points(current, before),
            top_posts=top,
            bottom_posts=bottom,
            content_mix=content_mix(now_rows),
            daily=daily_series(now_rows, days, current, daily_views),
            # Where the daily basis figure comes from: the posts published that day (their
            # lifetime totals) or the account's own daily totals (TikTok's overview).
            daily_source=("account" if daily_views is not None and basis == "views"
                          else "posts"),
        )

    accounts: dict[AccountKey, AccountWeek] = {}
    keys = set(acc_cur) | set(acc_prev) | {
        k for k, vs in daily_by_acc.items() if any(v.day in span for v in vs)}
    for key in sorted(keys, key=lambda k: (_platform_sort(k.platform), k)):
        platform = key.platform
        post_based = platform in cur_rows or platform in prev_rows
        values = daily_by_acc.get(key, [])
        current = week_figures(platform, acc_cur.get(key, []), values, days, post_based)
        figures = week_figures(platform, acc_prev.get(key, []), values, prev_days, post_based)
        before = figures if _known(figures) else None
        basis = RATE_SPEC.get(platform, ((), None))[1]
        accounts[key] = AccountWeek(
            label=PLATFORM_LABELS.get(platform, platform), platform=platform,
            account=key.account, figures=current, engagement_rate_basis=basis,
            engagement_rate_formula=rate_formula(
                platform, missing_terms(acc_cur.get(key, []), platform)),
            previous=before, change=change(current, before),
            change_points=change_points(current, before))

    # Today, in a running week, is not over: it is never a day without posts (yet).
    judged = days[:-1] if week.running else days
    posting = posting_summary([r for r in rows if r.current], judged,
                              any_posts=bool(cur_rows or prev_rows))
    return platforms, accounts, posting


def _followers(values: Sequence[DailyValue], days: Sequence[date], default_account: str,
               ) -> int | None:
    by_acc: dict[str, list[DailyValue]] = defaultdict(list)
    for value in values:
        by_acc[value.account or default_account].append(value)
    return _sum(followers_change(vs, days) for _, vs in sorted(by_acc.items()))


def _daily_metric(values: Sequence[DailyValue], names: tuple[str, ...], days: Sequence[date],
                  ) -> dict[date, int | None]:
    for name in names:
        found: dict[date, int | None] = {}
        for value in values:
            if value.metric == name and value.day in days:
                found[value.day] = _sum([found.get(value.day), value.value])
        if found:
            return found
    return {}


def _known(figures: Figures) -> bool:
    return bool(figures.posts) or any(
        figures.get(k) is not None for k in FIGURE_KEYS if k != "posts")


def posting_summary(rows: Sequence[Row], days: Sequence[date], *, any_posts: bool) -> Posting:
    """Posting grid (weekday x hour), days without a post, and counts.

    Posts whose export gives only a date are counted for their day but not in the grid.
    Without any per-post export the days without posts are not known (empty list).
    """
    grid = [[0] * 24 for _ in range(7)]
    seen_days = set()
    without_time = 0
    for row in rows:
        seen_days.add(row.day)
        if row.time_known:
            grid[row.local.weekday()][row.local.hour] += 1
        else:
            without_time += 1
    empty = [d.isoformat() for d in days if d not in seen_days] if any_posts else []
    return Posting(grid=grid, days_without_posts=empty, posts=len(rows),
                   posts_without_time=without_time)
