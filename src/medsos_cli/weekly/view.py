"""What the HTML and Markdown renderings of the weekly report share: one view of the report.

The renderers differ in markup only. The figures they derive from the report (the week's
post total and its change, the per-platform table with its formatted cells, which account
names head the columns, the platforms without last week's figures, the lists capped for
reading) are computed here once, so the two formats can never say different things.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from medsos_cli.weekly import fmt
from medsos_cli.weekly.model import LintPost, OverdueComplaint, PlatformWeek, WeeklyReport

# Figures no platform of the week exports are left out of the table (noise, not information).
_DROPPED_WHEN_UNKNOWN = ("saves", "impressions", "views", "reach")


@dataclass
class MetricCell:
    """One platform's figure in the per-platform table, formatted, with its change."""

    value: str
    known: bool
    arrow: str
    words: str
    css: str
    has_change: bool
    previous: str | None  # last week's figure (None: not shown for this figure)


@dataclass
class MetricRow:
    """One figure of the per-platform table (platforms are the columns)."""

    key: str
    label: str
    cells: list[MetricCell]


@dataclass
class WeekView:
    """The report's derived figures and lists, formatted for reading."""

    total_posts: int | None
    previous_total: int | None
    total_change: float | None
    uncounted: list[str]  # labels of platforms whose posts are not counted (TikTok overview)
    busiest: tuple[str, int] | None
    account_of: dict[str, str]  # platform -> its only account's name
    show_accounts: bool  # some platform has several accounts: list them
    metric_rows: list[MetricRow]
    no_previous: list[str]  # labels of platforms without last week's figures
    key_changes: list[dict[str, str]]
    crisis_names_command: bool  # every crisis message names the holding-statement command
    lint_posts: list[LintPost] = field(default_factory=list)
    lint_hidden: int = 0
    overdue_items: list[OverdueComplaint] = field(default_factory=list)
    overdue_hidden: int = 0


def metric_rows(platforms: dict[str, PlatformWeek]) -> list[MetricRow]:
    """The per-platform table, one row per figure of ``fmt.METRICS``: a rate's change in
    points ("naik 0,4 poin"), a count's in percent; the followers' change has none."""
    rows = []
    for key, label in fmt.METRICS:
        cells = []
        for data in platforms.values():
            value = data.figures.get(key)
            parts = (fmt.figure_change_parts(data, key, fmt.POINTS_SHORT)
                     if key != "followers_change" else None)
            previous = data.previous.get(key) if data.previous is not None else None
            arrow, words, css = parts or fmt.change_parts(None)
            cells.append(MetricCell(fmt.metric(key, value), value is not None, arrow, words,
                                    css, parts is not None,
                                    fmt.metric(key, previous) if key != "followers_change"
                                    else None))
        if key in _DROPPED_WHEN_UNKNOWN and not any(c.known for c in cells):
            continue
        rows.append(MetricRow(key, label, cells))
    return rows


def week_view(report: WeeklyReport) -> WeekView:
    """The shared view of ``report``."""
    platforms = report.platforms
    posting = report.posting
    total = posting.posts if posting else None
    if total is None and platforms:
        total = sum(d.figures.posts or 0 for d in platforms.values())
    previous_total = fmt.total_posts_previous(report) if platforms else None
    total_change = ((total - previous_total) / previous_total
                    if total is not None and previous_total else None)
    names = fmt.account_names(report)
    lint_posts, lint_hidden = fmt.lint_posts(report.lint)
    overdue_items, overdue_hidden = fmt.capped(report.complaints.overdue_items
                                               if report.complaints else None)
    crisis = report.comments.crisis_days if report.comments else []
    return WeekView(
        total_posts=total,
        previous_total=previous_total,
        total_change=total_change,
        uncounted=fmt.uncounted_platforms(report),
        busiest=fmt.busiest_slot(posting.grid if posting else None),
        account_of={k: v[0] for k, v in names.items() if len(v) == 1},
        show_accounts=any(len(v) > 1 for v in names.values()),
        metric_rows=metric_rows(platforms),
        no_previous=[fmt.platform_label(k, d) for k, d in platforms.items() if not d.previous],
        key_changes=fmt.key_changes(report),
        crisis_names_command=all(fmt.HOLDING_COMMAND in fmt.crisis_text(d) for d in crisis),
        lint_posts=lint_posts,
        lint_hidden=lint_hidden,
        overdue_items=overdue_items,
        overdue_hidden=overdue_hidden,
    )
