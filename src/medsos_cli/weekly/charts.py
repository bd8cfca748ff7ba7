"""SVG charts of the weekly report, drawn with matplotlib and inlined into the HTML.

matplotlib is imported inside the functions: other commands must not pay for it at start-up.
Figures are built with ``matplotlib.figure.Figure`` (no pyplot global state) and saved with
text kept as text, a fixed hash salt and no date, so the same report gives the same bytes.
The import (~0.9 s) can overlap reading the exports: see :func:`start_worker`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from html import escape
from io import StringIO
from typing import Any

from medsos_cli.platforms import TABLE
from medsos_cli.weekly import fmt
from medsos_cli.weekly.model import DailyFigures, PlatformWeek, WeeklyReport

# One line style per platform (colour, marker, dash: never colour alone), from the table.
PLATFORM_STYLE = {p.name: p.style for p in TABLE if p.style is not None}
_FALLBACK_STYLE = ("#555555", "o", "-")
INK = "#1f2933"
MUTED = "#52606d"
GRID = "#d9e2ec"

_RC: Any = {  # matplotlib's stubs type rcParams keys as literals
    "svg.fonttype": "none",  # text stays text: small, searchable, selectable
    "svg.hashsalt": "medsos-weekly",  # fixed ids → deterministic output
    "svg.image_inline": True,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # bundled with matplotlib: same layout everywhere
    "font.size": 9,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "text.color": INK,
    "path.simplify": True,
}

_PROLOG = re.compile(r"^.*?(?=<svg\b)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ID_ATTR = re.compile(r'\bid="([^"]+)"')


def _figure(width_in: float, height_in: float, **margins: float):
    """A figure with fixed margins (fractions): constrained layout would double the drawing
    time, and the labels here have predictable sizes."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in), dpi=72)
    fig.subplots_adjust(**margins)
    return fig


def _thousands(value: float, _pos: int | None = None) -> str:
    return fmt.number(value)


def _to_svg(fig: Any, name: str, label: str,
            overlay: Callable[[float], str] | None = None) -> str:
    """Save ``fig`` as inline SVG: no prolog, unique ids, ``role="img"`` with a title.

    ``overlay(height)`` (called once the figure is laid out, with the page height in points)
    returns SVG markup drawn on top of the figure.
    """
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    buffer = StringIO()
    FigureCanvasSVG(fig)  # the SVG canvas directly: no backend lookup, no pyplot
    with matplotlib.rc_context(_RC):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None},
                    transparent=False, facecolor="white")
    svg = buffer.getvalue()
    if overlay is not None:
        end = svg.rindex("</svg>")
        svg = svg[:end] + overlay(fig.get_figheight() * 72) + svg[end:]
    svg = _PROLOG.sub("", svg, count=1)
    svg = _COMMENT.sub("", svg)
    # Several charts share one HTML page: prefix every id (and its references) with the chart
    # name so matplotlib's "figure_1", "patch_1"... never collide.
    ids = set(_ID_ATTR.findall(svg))
    svg = _ID_ATTR.sub(lambda m: f'id="{name}-{m.group(1)}"', svg)
    svg = re.sub(r'(href="#|url\(#)([^")]+)',
                 lambda m: m.group(1) + (f"{name}-{m.group(2)}" if m.group(2) in ids
                                         else m.group(2)), svg)
    title_id = f"{name}-title"
    svg = svg.replace(
        "<svg ",
        f'<svg role="img" aria-labelledby="{title_id}" aria-label="{escape(label)}" '
        f'class="chart" ', 1)
    svg = re.sub(r"(<svg\b[^>]*>)", lambda m: m.group(1)
                 + f'<title id="{title_id}">{escape(label)}</title>', svg, count=1)
    return "\n".join(line.rstrip() for line in svg.strip().splitlines()) + "\n"


def _day_label(date: str | None) -> str:
    """``Sen`` over ``16/11``: two short lines never overlap on a narrow chart."""
    if not date:
        return fmt.NULL
    weekday = fmt.WEEKDAYS_SHORT[fmt.as_date(date).weekday()]
    return f"{weekday}\n{date[8:10]}/{date[5:7]}"


def _style(key: str) -> tuple[str, str, Any]:
    return PLATFORM_STYLE.get(key, _FALLBACK_STYLE)


def _tidy(ax: Any) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(True, axis="y", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)


def daily_source(data: PlatformWeek) -> str:
    """``"posts"`` or ``"account"``: what a platform's ``daily`` basis figures are (a report
    without ``daily_source`` tells it by the posts: no per-post export means daily totals)."""
    source = data.daily_source
    if source in ("posts", "account"):
        return source
    return "account" if data.figures.posts is None else "posts"


# The two kinds of daily figure never share an axis: a post's lifetime total placed on its
# publish day is not what the account gathered that day.
DAILY_KINDS = {
    "posts": ("harian", "total seumur unggahan yang terbit hari itu",
              "Grafik garis jangkauan/tayangan unggahan menurut hari terbit (total seumur "
              "unggahan, dijumlahkan pada hari terbitnya). "),
    "account": ("harian-akun", "total akun per hari",
                "Grafik garis tayangan harian akun (angka per hari dari ringkasan akun). "),
}


def _day_value(day: DailyFigures, basis: str) -> int | None:
    value: int | None = getattr(day, basis, None)
    return value


def daily_chart(report: WeeklyReport, source: str = "posts") -> str | None:
    """Line chart of each platform's daily basis metric (reach, impressions or views).

    ``source="posts"``: platforms whose daily figures sum the lifetime totals of the posts
    published that day; ``source="account"``: platforms with the account's own daily totals
    (TikTok's overview). Each platform is drawn in the metric its engagement rate uses, named
    in the legend, so Facebook reach is never summed with X impressions. ``None`` when no
    such daily figure is known.
    """
    import matplotlib
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    platforms = report.platforms
    series = []
    for key, data in platforms.items():
        if daily_source(data) != source:
            continue
        basis = data.engagement_rate_basis or "reach"
        days = data.daily
        values = [_day_value(d, basis) for d in days]
        if any(v is not None for v in values):
            series.append((key, data, basis, days, values))
    if not series:
        return None
    name_, ylabel, label = DAILY_KINDS[source]
    with matplotlib.rc_context(_RC):
        fig = _figure(7.4, 3.0 if source == "posts" else 2.4, left=0.1, right=0.73, top=0.95,
                      bottom=0.16 if source == "posts" else 0.2)
        ax = fig.add_subplot()
        labels: list[str] = []
        for key, data, basis, days, values in series:
            color, marker, dash = _style(key)
            xs = list(range(len(days)))
            ys = [float("nan") if v is None else v for v in values]
            name = f"{fmt.platform_label(key, data)} ({fmt.BASIS_LABELS.get(basis, basis)})"
            ax.plot(xs, ys, color=color, marker=marker, linestyle=dash, linewidth=1.8,
                    markersize=4.5, label=name)
            if len(days) > len(labels):
                labels = [_day_label(d.date) for d in days]
        ax.set_xticks(range(len(labels)), labels)
        ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
        ax.yaxis.set_major_locator(MaxNLocator(5, integer=True))
        ax.set_ylim(bottom=0)
        ax.set_ylabel(ylabel, fontsize=8)
        _tidy(ax)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8.5)
    summary = "; ".join(
        f"{fmt.platform_label(k, d)} {fmt.BASIS_LABELS.get(b, b)} "
        + ", ".join(f"{fmt.date_short(day.date)} {fmt.number(v)}"
                    for day, v in zip(ds, vs, strict=True))
        for k, d, b, ds, vs in series)
    return _to_svg(fig, name_, label + summary)


def engagement_chart(report: WeeklyReport) -> str | None:
    """Horizontal bars: engagement rate per platform, this week and the previous week."""
    import matplotlib
    from matplotlib.ticker import FuncFormatter

    rows = [(k, d, d.figures.engagement_rate) for k, d in report.platforms.items()
            if d.figures.engagement_rate is not None]
    if not rows:
        return None
    with matplotlib.rc_context(_RC):
        height = 0.55 + 0.42 * len(rows)
        fig = _figure(7.4, height, left=0.13, right=0.97, top=1 - 0.1 / height,
                      bottom=0.4 / height)
        ax = fig.add_subplot()
        names = [fmt.platform_label(k, d) for k, d, _ in rows]
        ys = list(range(len(rows)))[::-1]
        now = [(rate or 0.0) * 100 for _, _, rate in rows]
        prev = [d.previous.engagement_rate if d.previous else None for _, d, _ in rows]
        bar = 0.38
        for y, (key, _, _), value in zip(ys, rows, now, strict=True):
            ax.barh(y + bar / 2, value, height=bar, color=_style(key)[0])
        for y, was in zip(ys, prev, strict=True):
            if was is not None:
                ax.barh(y - bar / 2, was * 100, height=bar, color="white",
                        edgecolor=MUTED, hatch="////", linewidth=0.8)
        top = max(now + [p * 100 for p in prev if p is not None])
        for y, value in zip(ys, now, strict=True):
            ax.text(value + top * 0.01, y + bar / 2, fmt.number(value, 1) + " %",
                    va="center", fontsize=8.5, fontweight="bold")
        for y, was in zip(ys, prev, strict=True):
            ax.text((was or 0) * 100 + top * 0.01, y - bar / 2,
                    ("pekan lalu " + fmt.percent(was)) if was is not None
                    else "pekan lalu –", va="center", fontsize=7.5, color=MUTED)
        ax.set_yticks(ys, names)
        ax.set_xlim(0, top * 1.3)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt.number(v, 0) + " %"))
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(True, axis="x", color=GRID, linewidth=0.8)
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", length=0)
    summary = "; ".join(
        f"{n} {fmt.percent(rate)} (pekan lalu {fmt.percent(p)})"
        for n, (_, _, rate), p in zip(names, rows, prev, strict=True))
    return _to_svg(fig, "er", "Grafik batang tingkat interaksi per platform, pekan ini dan "
                   "pekan lalu (arsir). " + summary)


def posting_grid_chart(report: WeeklyReport) -> str | None:
    """Heat map of posts per weekday (rows, Monday first) × hour (columns), counts in cells."""
    import matplotlib
    from matplotlib.collections import PolyCollection
    from matplotlib.colors import LinearSegmentedColormap

    grid = report.posting.grid if report.posting else None
    if not grid:
        return None
    peak = max((max(row) for row in grid if row), default=0)
    to_come = fmt.days_to_come(report)  # a running week: shaded, not shown as silent
    with matplotlib.rc_context(_RC):
        fig = _figure(7.4, 2.3, left=0.07, right=0.99, top=0.98, bottom=0.2)
        ax = fig.add_subplot()
        cmap = LinearSegmentedColormap.from_list("medsos", ["#c6dbef", "#08519c"])
        # Only busy cells are drawn, all in one vector collection (never an embedded image,
        # and one artist instead of up to 168 patches: a third of the chart's time); the
        # empty ones are the white background behind light grid lines. Counts are written
        # in the cells, so the colour only repeats what the number says.
        cells, colours, labels = [], [], []
        for day, row in enumerate(grid):
            for hour, count in enumerate(row):
                if not count:
                    continue
                level = (count - 1) / (peak - 1) if peak > 1 else 1.0
                cells.append(((hour, day), (hour + 1, day), (hour + 1, day + 1),
                              (hour, day + 1)))
                colours.append(cmap(level))
                labels.append((hour + 0.5, day + 0.5, count, level > 0.45))
        if cells:
            ax.add_collection(PolyCollection(cells, facecolors=colours, edgecolors="white",
                                             linewidths=0.8), autolim=False)
        if to_come:
            first = to_come[0]
            ax.add_collection(PolyCollection(
                [((0, first), (24, first), (24, 7), (0, 7))], facecolors="#f0f4f8",
                edgecolors=GRID, hatch="//", linewidths=0.6, zorder=1), autolim=False)
            ax.text(12, (first + 7) / 2, "belum tiba (pekan berjalan)", ha="center",
                    va="center", color=MUTED, fontsize=8, zorder=2)
        ax.set_xlim(0, 24)
        ax.set_ylim(len(grid), 0)
        # Cell borders as two line collections: minor ticks would cost a tick object each.
        ax.hlines(range(len(grid) + 1), 0, 24, color=GRID, linewidth=0.6, zorder=0)
        ax.vlines(range(25), 0, len(grid), color=GRID, linewidth=0.6, zorder=0)
        ax.set_yticks([d + 0.5 for d in range(len(grid))], fmt.WEEKDAYS_SHORT[: len(grid)])
        ax.set_xticks([h + 0.5 for h in range(0, 24, 2)], [f"{h:02d}" for h in range(0, 24, 2)])
        ax.set_xlabel("jam (waktu laporan)")
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_aspect("equal")
    cells_text = [f"{fmt.WEEKDAYS[d]} {h:02d}.00: {c}" for d, row in enumerate(grid)
                  for h, c in enumerate(row) if c]
    if to_come:
        cells_text.append(f"{fmt.WEEKDAYS[to_come[0]]}–{fmt.WEEKDAYS[6]} belum tiba"
                          if len(to_come) > 1 else f"{fmt.WEEKDAYS[6]} belum tiba")
    return _to_svg(fig, "jadwal", "Peta panas jumlah unggahan per hari dan jam. "
                   + ("; ".join(cells_text) if cells_text else "Tidak ada unggahan."),
                   overlay=lambda height: _cell_counts(ax, labels, height))


def _cell_counts(ax: Any, labels: list[tuple[float, float, int, bool]], height: float) -> str:
    """The counts in the heat map's cells as plain SVG text, in two groups (light and dark).

    Up to 168 matplotlib ``Text`` artists cost more than the rest of the chart (each one is
    laid out with font metrics); centred digits need none. The baseline sits 0.26 em below
    the centre, where matplotlib's ``va="center"`` puts it for DejaVu Sans.
    """
    groups: dict[bool, list[str]] = {True: [], False: []}
    for x, y, count, light in labels:
        px, py = ax.transData.transform((x, y))
        groups[light].append(f'<text x="{px:.2f}" y="{height - py + 8 * 0.26:.2f}">'
                             f"{count}</text>")
    out = []
    for light, texts in groups.items():
        if texts:
            out.append(f'<g style="font: bold 8px \'DejaVu Sans\', sans-serif; '
                       f'text-anchor: middle; fill: {"#ffffff" if light else INK}">'
                       + "".join(texts) + "</g>")
    return "\n".join(out) + "\n"


def all_charts(report: WeeklyReport) -> dict[str, str | None]:
    """The charts of the HTML report keyed ``daily`` (per publish day), ``daily_account``
    (the accounts' own daily totals), ``engagement``, ``grid``."""
    return {"daily": daily_chart(report), "daily_account": daily_chart(report, "account"),
            "engagement": engagement_chart(report), "grid": posting_grid_chart(report)}


# --- drawing in a forked process ----------------------------------------------------------
# Importing matplotlib costs ~0.9 s CPU, more than reading and building a usual week's
# report. A process forked at start-up imports it while the parent reads the exports (the
# second core is idle then), and later draws the charts while the parent loads the template.

_worker: tuple[Any, Any] | None = None  # (process, parent's end of the pipe)


def start_worker() -> bool:
    """Fork a process that imports matplotlib now and draws the charts of one report later.

    Call it early (before reading the exports) when HTML will be written. Returns ``False``
    and does nothing where ``fork`` is not available (Windows): the charts are then drawn in
    this process, with the same result.
    """
    global _worker
    if _worker is not None:
        return True
    import multiprocessing

    # Only where fork is the platform's own, safe default (Linux): macOS forks unsafely once
    # system frameworks are loaded, and Windows cannot fork at all.
    forks = "fork" in multiprocessing.get_all_start_methods()
    if not (sys.platform.startswith("linux") and forks):
        return False
    context = multiprocessing.get_context("fork")
    parent_end, child_end = context.Pipe()
    try:
        process = context.Process(target=_serve, args=(child_end, parent_end), daemon=True,
                                  name="medsos-charts")
        process.start()
    except OSError:
        return False
    child_end.close()
    _worker = (process, parent_end)
    return True


def stop_worker() -> None:
    """End an unused worker (a no-op when none was started)."""
    global _worker, _early
    _early = None
    if _worker is None:
        return
    process, connection = _worker
    _worker = None
    connection.close()  # the worker sees end of file and exits
    process.join(timeout=5)
    if process.is_alive():  # e.g. a later fork still holds the pipe open
        process.terminate()
        process.join(timeout=5)


def _serve(connection: Any, parent_end: Any) -> None:
    """The worker: import matplotlib, then draw the one report it is sent."""
    parent_end.close()  # the fork's copy: with it open, the parent's close would go unseen
    import matplotlib.figure  # noqa: F401  (the point: import while the parent reads)
    from matplotlib.backends import backend_svg  # noqa: F401

    try:
        report = connection.recv()
    except (EOFError, OSError):
        return
    try:
        result: tuple[str, Any] = ("ok", all_charts(report))
    except Exception as exc:  # noqa: BLE001 - the parent draws again and raises it
        result = ("error", repr(exc))
    try:
        connection.send(result)
    except OSError:
        pass
    connection.close()


# Charts started by draw_early: (the parts they were drawn from, the function giving them).
_early: tuple[WeeklyReport, Callable[[], dict[str, str | None]]] | None = None


def _slim(report: WeeklyReport) -> WeeklyReport:
    """Only what the charts read: a province's report is megabytes of lint rows."""
    return WeeklyReport(platforms=report.platforms, posting=report.posting,
                        running=report.running)


def draw_early(report: WeeklyReport) -> None:
    """Have the worker (see :func:`start_worker`) draw the charts of ``report`` now, from its
    figures (platforms, posting, running), which the rest of the report does not change.

    The worker then ends long before the comments and the lint are done, so its memory
    (matplotlib's) is not held beside the largest state of this process. The drawings are
    received in a thread; :func:`charts_later` gives them if the report still holds the same
    figures, else it draws afresh. Does nothing without a worker.
    """
    global _early
    if _worker is None:
        return
    import copy
    import threading

    slim = copy.deepcopy(_slim(report))  # what they were drawn from, even if parts change
    drawn = charts_later(slim)
    box: dict[str, dict[str, str | None]] = {}

    def receive() -> None:
        box["charts"] = drawn()

    thread = threading.Thread(target=receive, daemon=True, name="medsos-charts-receive")
    thread.start()

    def result() -> dict[str, str | None]:
        thread.join()
        return box["charts"] if "charts" in box else all_charts(slim)

    _early = (slim, result)


def charts_later(report: WeeklyReport) -> Callable[[], dict[str, str | None]]:
    """Start drawing ``report``'s charts; the returned function gives :func:`all_charts`.

    With a worker (see :func:`start_worker`) the drawing runs there while the caller does
    other work; if the worker is gone or fails, the charts are drawn here instead. Charts
    drawn by :func:`draw_early` from the same figures are used as they are.
    """
    global _worker, _early
    slim = _slim(report)
    if _early is not None:
        early, drawn = _early
        _early = None
        if early == slim:
            return drawn
        drawn()  # figures changed since: let that drawing finish (it may run in a thread here)
    if _worker is None:
        return lambda: all_charts(report)
    process, connection = _worker
    _worker = None  # one report per worker
    try:
        connection.send(slim)
    except (OSError, ValueError):
        connection.close()
        return lambda: all_charts(report)

    def result() -> dict[str, str | None]:
        try:
            status, value = connection.recv()
        except (EOFError, OSError):
            status, value = "error", None
        finally:
            connection.close()
            process.join(timeout=5)
        return value if status == "ok" else all_charts(report)

    return result

