"""Indonesian formatting of the weekly report's values (numbers, percentages, dates, hours).

Shared by the HTML and Markdown renderers so both say exactly the same thing. Every helper
accepts ``None`` (an unknown value in the report contract) and returns :data:`NULL`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from medsos_cli.findings import INDONESIAN_LEVELS
from medsos_cli.forms import (
    NULL,
    as_date,
    date,
    date_long,
    date_range,
    date_short,
    day_month,
    joined,
    number,
    percent,
    weekdays,
)
from medsos_cli.platforms import LABELS
from medsos_cli.weekly.model import (
    AccountWeek,
    CountChange,
    CrisisDay,
    LintPost,
    LintSummary,
    PlatformWeek,
    WeeklyReport,
)

# The Indonesian forms (medsos_cli.forms), offered to the renderers beside the report's own.
__all__ = ["NULL", "as_date", "date", "date_long", "date_range", "date_short", "day_month",
           "joined", "number", "percent"]

NULL_LEGEND = "– = tidak diketahui"
UP, DOWN, SAME = "▲", "▼", "■"

PLATFORM_LABELS = LABELS  # from the platform table (medsos_cli.platforms)
METRICS = [  # (key, label) in the order the per-platform table shows them
    ("posts", "Unggahan"),
    ("reach", "Jangkauan"),
    ("views", "Tayangan"),
    ("impressions", "Impresi"),
    ("likes", "Suka/reaksi"),
    ("comments", "Komentar"),
    ("shares", "Bagikan"),
    ("saves", "Simpan"),
    ("engagements", "Interaksi"),
    ("engagement_rate", "Tingkat interaksi (ER)"),
    ("followers_change", "Perubahan pengikut"),
]
BASIS_LABELS = {"reach": "jangkauan", "views": "tayangan", "impressions": "impresi"}
CLASS_LABELS = {"pujian": "Pujian", "pertanyaan": "Pertanyaan", "aduan": "Aduan",
                "kritik": "Kritik", "lainnya": "Lainnya"}
SENTIMENT_LABELS = {"positif": "Positif", "netral": "Netral", "negatif": "Negatif"}
LEVEL_LABELS = INDONESIAN_LEVELS  # the one table of level names (findings.py)
WEEKDAYS = list(weekdays())
WEEKDAYS_SHORT = list(weekdays(short=True))
HOLDING_COMMAND = "medsos draft holding-statement"


def crisis_text(day: CrisisDay) -> str:
    """A crisis day in one sentence: its own message, else one made of its numbers."""
    message = " ".join(str(day.message or "").split())
    if message:
        return message
    return (f"{date_long(day.date)}: {number(day.negative)} komentar negatif, "
            f"padahal biasanya {number(day.baseline, 1)} per hari. Siapkan holding "
            f"statement sesuai prosedur krisis dengan perintah {HOLDING_COMMAND}.")


def signed(value: float | int | None) -> str:
    """A count change with its sign: ``+25``, ``−3``, ``0``."""
    if value is None:
        return NULL
    if value > 0:
        return "+" + number(value)
    if value < 0:
        return "−" + number(-value)
    return "0"


def change_parts(ratio: float | None) -> tuple[str, str, str]:
    """A week-on-week change as ``(arrow, words, css class)``.

    ``-0.125`` → ``("▼", "turun 12,5 %", "down")``. A change that rounds to 0,0 % is "tetap"
    so the arrow never contradicts the number shown.
    """
    if ratio is None:
        return "", NULL, "unknown"
    shown = percent(abs(ratio))
    if shown == percent(0.0):
        return SAME, "tetap", "same"
    if ratio > 0:
        return UP, "naik " + shown, "up"
    return DOWN, "turun " + shown, "down"


def change(ratio: float | None) -> str:
    """``-0.125`` → ``▼ turun 12,5 %`` (arrow and words: never colour alone)."""
    arrow, words, _ = change_parts(ratio)
    return f"{arrow} {words}".strip()


def count_change_parts(change: CountChange | None,
                       worse_when_up: bool = False) -> tuple[str, str, str] | None:
    """A count against last week's (``{"count", "previous", "delta", "percent"}``) as
    ``(arrow, words, css)``: ``("▲", "naik 450,0 % (pekan lalu 2)", "up")``; from zero,
    ``"naik dari 0 pekan lalu"``. ``None`` when last week is unknown. ``worse_when_up``
    (overdue complaints, negative comments) adds ``worse``/``better`` to the css class, so
    a rise there is never coloured as good news."""
    if not change or change.previous is None or change.count is None:
        return None
    before, delta = change.previous, change.delta
    if delta is None:
        delta = change.count - before
    if not before:
        if not delta:
            arrow, words, css = SAME, "tetap 0 (pekan lalu juga 0)", "same"
        else:
            arrow, words, css = UP, "naik dari 0 pekan lalu", "up"
    else:
        arrow, words, css = change_parts(delta / before)
        words = f"{words} (pekan lalu {number(before)})"
    if worse_when_up and css in ("up", "down"):
        css += " worse" if css == "up" else " better"
    return arrow, words, css


POINTS = "poin persentase"
POINTS_SHORT = "poin"


def points_parts(difference: float | None, unit: str = POINTS) -> tuple[str, str, str]:
    """A change of a rate as ``(arrow, words, css class)``, in percentage points.

    ``0.0044`` (7,0 % → 7,4 %) → ``("▲", "naik 0,4 poin persentase", "up")``: a rate's change
    is never written as a relative percent next to the rate itself ("7,4 % naik 6,3 %" reads
    as if the rate rose by 6 points). A difference that rounds to 0,0 is "tetap".
    """
    if difference is None:
        return "", NULL, "unknown"
    shown = number(abs(difference) * 100, 1)
    if shown == number(0.0, 1):
        return SAME, "tetap", "same"
    if difference > 0:
        return UP, f"naik {shown} {unit}", "up"
    return DOWN, f"turun {shown} {unit}", "down"


def points(difference: float | None, unit: str = POINTS) -> str:
    """``0.0044`` → ``▲ naik 0,4 poin persentase``."""
    arrow, words, _ = points_parts(difference, unit)
    return f"{arrow} {words}".strip()


RATE_KEYS = ("engagement_rate",)  # figures that are rates: their change is in points


Week = PlatformWeek | AccountWeek


def rate_difference(data: Week | None, key: str = "engagement_rate") -> float | None:
    """This week's rate minus the previous week's (a ratio: 0.004 = 0,4 poin persentase).

    Read from ``change_points`` when the report has it, else from the two rates (a report
    written before that key existed renders the same)."""
    if not data:
        return None
    given = getattr(data.change_points, key, None)
    if given is not None:
        return float(given)
    now = data.figures.get(key)
    before = data.previous.get(key) if data.previous is not None else None
    if now is None or before is None:
        return None
    return round(now - before, 6)


def figure_change_parts(data: Week | None, key: str,
                        unit: str = POINTS) -> tuple[str, str, str] | None:
    """Arrow, words and css of one figure's week-over-week change (``None`` when unknown):
    percentage points for a rate, percent for a count."""
    if key in RATE_KEYS:
        difference = rate_difference(data, key)
        return None if difference is None else points_parts(difference, unit)
    ratio = data.change.get(key) if data else None
    return None if ratio is None else change_parts(ratio)


def hours(value: float | None) -> str:
    """``5.5`` → ``5,5 jam``."""
    if value is None:
        return NULL
    return number(value, 1) + " jam"


def sla(value: float | int | None) -> str:
    """The response-time standard: 24 → ``1×24 jam``, 48 → ``2×24 jam``, 6 → ``6 jam``."""
    if value is None:
        return NULL
    if value >= 24 and value % 24 == 0:
        return f"{int(value // 24)}×24 jam"
    return hours(value) if value % 1 else f"{int(value)} jam"


def datetime_short(value: str | None) -> str:
    """``2026-11-17T08:15:00+07:00`` → ``Sel, 17 Nov 08.15`` (the time as written: report zone).

    A date without a time (``2026-11-22``: YouTube Studio exports only the day) is shown as
    the date alone, never as a made-up ``00.00``."""
    if not value:
        return NULL
    if len(value) == 10 and "T" not in value:
        try:
            return date_short(dt.date.fromisoformat(value))
        except ValueError:
            return value
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    return f"{date_short(moment.date())} {moment.hour:02d}.{moment.minute:02d}"


def excerpt(text: str | None, limit: int = 100) -> str:
    """One line of at most ``limit`` characters, ending in "…" when cut."""
    if not text:
        return NULL
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0] if " " in line[: limit - 1] else line[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"


def unranked_reason(key: str, data: PlatformWeek, which: str = "top") -> str:
    """Why a top (``which="top"``) or bottom list of posts is empty, in one sentence.

    The reasons differ: a bottom list is empty when every rated post is already in the top
    list; a platform read from a daily overview (TikTok) has no per-post figures at all; and
    otherwise no post had both its rate's basis (reach, impressions or views: the platform's
    own) and its interactions in the export."""
    label = platform_label(key, data)
    top = data.top_posts
    if which == "bottom" and top:
        return (f"Semua unggahan {label} yang ER-nya diketahui ({number(len(top))}) sudah ada "
                "di daftar teratas.")
    posts = data.figures.posts
    basis = BASIS_LABELS.get(data.engagement_rate_basis or "", "penyebut ER")
    if posts is None:
        return (f"Ekspor {label} yang dibaca hanya berisi total harian akun (ringkasan), tanpa "
                f"angka per unggahan; ER {label} dihitung dari total {basis} harian itu.")
    if posts == 0:
        return f"Tidak ada unggahan {label} pekan ini."
    return (f"{number(posts)} unggahan {label}, tetapi tidak ada yang {basis} (penyebut ER "
            f"{label}) dan interaksinya sama-sama tercantum di ekspor.")


def format_label(name: str | None) -> str:
    """The Indonesian description of an export format (``medsos_complaints`` → "log aduan
    medsos"), from the export-format table; the JSON keeps the id."""
    if not name:
        return NULL
    from medsos_cli.exports.formats import registry

    return next((f.label for f in registry().formats if f.name == name), name)


def platform_label(key: str | None, data: Week | None = None) -> str:
    """Display name of a platform key (the report's ``label`` wins)."""
    if data and data.label:
        return data.label
    return PLATFORM_LABELS.get(key or "", key or NULL)


def metric(key: str, value: Any) -> str:
    """Format one metric of the per-platform table by its key."""
    if key == "engagement_rate":
        return percent(value)
    if key == "followers_change":
        return signed(value)
    return number(value)


def share(part: int | None, total: int | None) -> str:
    """``part`` as a percentage of ``total`` (``NULL`` when the total is unknown or zero)."""
    if part is None or not total:
        return NULL
    return percent(part / total)


# --- long lists: the HTML and Markdown show the head, the JSON keeps everything -------------

ROW_LIMIT = 100  # rows of a per-item table (posts with findings, overdue complaints)
SKIPPED_LIMIT = 10  # skipped rows listed per source file
FULL_LIST_HINT = "daftar lengkapnya ada di laporan JSON (--format json)"


def capped(items: Iterable[Any] | None, limit: int = ROW_LIMIT) -> tuple[list[Any], int]:
    """The first ``limit`` items and how many were left out."""
    values = list(items or [])
    return values[:limit], max(0, len(values) - limit)


def lint_posts(lint: LintSummary | None, limit: int = ROW_LIMIT,
               ) -> tuple[list[LintPost], int]:
    """Posts with findings to show: most errors first, then most warnings (ties keep the
    report's time order), at most ``limit``; and how many were left out.

    A province-wide week has ~20,000 such posts: a page listing them all is megabytes that
    no one reads, while the worst ones are what the head of office must see.
    """
    posts = lint.posts if lint else []
    ordered = sorted(posts, key=lambda p: (-(p.errors or 0), -(p.warnings or 0)))
    return capped(ordered, limit)


def hidden_note(hidden: int, what: str) -> str:
    """``1.234 unggahan lain tidak ditampilkan; daftar lengkapnya ada di laporan JSON …``."""
    return f"{number(hidden)} {what} lain tidak ditampilkan; {FULL_LIST_HINT}."


# --- report-level summaries shared by both renderers ---------------------------------------

def key_changes(report: WeeklyReport, limit: int = 5) -> list[dict[str, str]]:
    """The largest week-on-week changes in basis metric and ER, as short sentences.

    Returns ``[{"text": "Jangkauan Instagram", "arrow": "▲", "words": "naik 23,5 %",
    "css": "up"}, ...]``, biggest relative change first (ties: platform order), so a reader
    sees what moved before any table. The ER's change is written in percentage points.
    """
    found: list[tuple[float, int, dict[str, str]]] = []
    for order, (key, data) in enumerate(report.platforms.items()):
        label = platform_label(key, data)
        changes = data.change
        basis = data.engagement_rate_basis
        candidates = []
        if basis in BASIS_LABELS:
            candidates.append((basis, BASIS_LABELS[basis].capitalize() + " " + label))
        candidates.append(("engagement_rate", "Tingkat interaksi " + label))
        for metric_key, text in candidates:
            ratio = changes.get(metric_key)
            parts = figure_change_parts(data, metric_key)
            if ratio is None or parts is None:
                continue
            arrow, words, css = parts
            found.append((-abs(ratio), order, {"text": text, "arrow": arrow, "words": words,
                                               "css": css}))
    found.sort(key=lambda item: (item[0], item[1]))
    return [item[2] for item in found[:limit]]


def account_names(report: WeeklyReport) -> dict[str, list[str]]:
    """Account names per platform key, from ``accounts``."""
    names: dict[str, list[str]] = {}
    for key, data in report.accounts.items():
        platform = data.platform or key.platform
        name = data.account or key.account
        if name:
            names.setdefault(platform, []).append(name)
    return names


def account_label(data: AccountWeek) -> str:
    """``Instagram · kotacontoh`` for an ``accounts`` entry."""
    label = platform_label(data.platform, data)
    name = data.account
    return f"{label} · {name}" if name and name not in label else label


def total_posts_previous(report: WeeklyReport) -> int | None:
    """The previous week's posts on the platforms that count posts (``None`` when one of
    them has no previous figure).

    A platform read only from a daily overview (TikTok) counts no posts in either week: it is
    left out of both totals, as it is of ``posting.posts``, instead of making the whole
    change unknown."""
    total = 0
    for data in report.platforms.values():
        before = data.previous.posts if data.previous is not None else None
        if data.figures.posts is None and before is None:
            continue
        if before is None:
            return None
        total += before
    return total


def days_to_come(report: WeeklyReport) -> list[int]:
    """Weekday numbers (Monday 0) a running week has not reached yet; [] for a whole week."""
    through = report.running.through if report.running else None
    if not through:
        return []
    return list(range(as_date(through).weekday() + 1, 7))


def uncounted_platforms(report: WeeklyReport) -> list[str]:
    """Labels of platforms whose posts are not counted (a daily overview only: TikTok)."""
    return [platform_label(k, d) for k, d in report.platforms.items()
            if d.figures.posts is None]


def busiest_slot(grid: list[list[int]] | None) -> tuple[str, int] | None:
    """``("Rabu 19.00", 2)`` for the day × hour cell with most posts (first one on ties)."""
    best: tuple[int, int, int] | None = None
    for day, row in enumerate(grid or []):
        for hour, count in enumerate(row):
            if count and (best is None or count > best[0]):
                best = (count, day, hour)
    if best is None:
        return None
    return f"{WEEKDAYS[best[1]]} {best[2]:02d}.00", best[0]
