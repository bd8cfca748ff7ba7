"""Plain Indonesian recommendations derived from the report's numbers (deterministic).

Each recommendation is an action with the number behind it ("Balas 3 aduan yang lewat 1×24
jam …"), never a bare observation: the tables already say what moved. Each rule looks at one
part of the report and adds at most a few sentences; the order of the rules is the order of
the sentences. Numbers use Indonesian formatting (``naik 23,4 %``; a rate's change in
percentage points).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from medsos_cli.weekly import fmt
from medsos_cli.weekly.model import (
    CommentsSection,
    ComplaintsSection,
    LintSummary,
    OverdueComplaint,
    PlatformWeek,
    Posting,
    PostRow,
    WeeklyReport,
    as_report,
)

# A change smaller than this (relative) is not worth a sentence.
CHANGE_THRESHOLD = 0.10
# A post type needs this many posts before it is called the best format.
MIN_MIX_POSTS = 2

_BASIS_NAMES = {"reach": "Jangkauan", "views": "Tayangan", "impressions": "Impresi"}
_LABELS = fmt.PLATFORM_LABELS

fmt_int = fmt.number  # ``5430`` → ``5.430``
fmt_pct = fmt.percent  # ``0.234`` → ``23,4 %``
fmt_day = fmt.day_month  # ``2026-11-21`` → ``Sabtu (21 November)``


def _hours(value: float) -> str:
    """``24`` → ``24``, ``4.5`` → ``4,5`` (one decimal at most, none when whole)."""
    shown = round(float(value), 1)
    return fmt.number(shown, 0 if shown.is_integer() else 1)


def _join(items: list[str]) -> str:
    """``a, b, dan c`` (EYD V: a comma before *dan* in a series of three or more)."""
    from babel.lists import format_list

    return format_list(items, locale="id") if items else ""


def _direction(ratio: float) -> str:
    return "naik" if ratio > 0 else "turun"


def _post_hint(post: PostRow | None) -> str:
    """`` («Jembatan Kali Bening dalam…», ER 10,6 %)`` naming one post, or nothing."""
    if not post:
        return ""
    caption = fmt.excerpt(post.caption, 40)
    rate = post.engagement_rate
    if caption == fmt.NULL:
        return f" (ER {fmt_pct(rate)})" if rate is not None else ""
    return f" («{caption}»" + (f", ER {fmt_pct(rate)})" if rate is not None else ")")


def _first(posts: list[PostRow]) -> PostRow | None:
    return posts[0] if posts else None


def platform_changes(platforms: Mapping[str, PlatformWeek], running: bool = False) -> list[str]:
    """Basis metric and engagement rate that rose or fell by at least CHANGE_THRESHOLD,
    each as an action with the change behind it."""
    return [sentence for _, sentence in _sized_changes(platforms, running)]


def _sized_changes(platforms: Mapping[str, PlatformWeek], running: bool = False,
                   ) -> list[tuple[float, str]]:
    """(size of the change, sentence); a platform that went silent weighs most.

    A rise says to repeat what worked (the week's top post), a fall to look for the cause
    (starting with the bottom post); a count's change is in percent, the rate's in points.
    """
    # A running week is compared with the same weekdays of the week before (see "running").
    before = "hari yang sama pekan lalu" if running else "pekan lalu"
    out: list[tuple[float, str]] = []
    for name, data in platforms.items():
        label = data.label or _LABELS.get(name, name)
        previous = data.previous
        now = data.figures
        if now.posts == 0 and previous is not None and previous.posts:
            out.append((float("inf"), f"Aktifkan kembali akun {label}: tidak ada unggahan "
                        f"pekan ini ({before} {fmt_int(previous.posts)})."))
            continue
        top, bottom = _first(data.top_posts), _first(data.bottom_posts)
        basis = data.engagement_rate_basis
        ratio = data.change.get(basis) if basis else None
        if basis and ratio is not None and abs(ratio) >= CHANGE_THRESHOLD:
            metric = _BASIS_NAMES.get(basis, basis).lower()
            was = previous.get(basis) if previous is not None else None
            numbers = (f"{metric} {_direction(ratio)} {fmt_pct(abs(ratio))} dibanding {before} "
                       f"({fmt_int(was)} → {fmt_int(now.get(basis))})")
            fall = f"Cari penyebab turunnya {metric} {label}, mulai dari unggahan terbawah"
            out.append((abs(ratio), _act(ratio > 0, label, top, bottom, fall, numbers)))
        ratio = data.change.engagement_rate
        points = fmt.rate_difference(data)
        if (ratio is not None and points is not None and abs(ratio) >= CHANGE_THRESHOLD
                and fmt.points_parts(points)[2] != "same"):  # 0,0 points is no change to act on
            numbers = (f"tingkat interaksi {fmt.points(points).split(' ', 1)[1]} "
                       f"({fmt_pct(previous.engagement_rate if previous else None)} → "
                       f"{fmt_pct(now.engagement_rate)})")
            fall = f"Perbaiki unggahan {label} yang sepi interaksi, mulai dari yang terbawah"
            out.append((abs(ratio), _act(points > 0, label, top, bottom, fall, numbers)))
    return out


def _act(rose: bool, label: str, top: PostRow | None, bottom: PostRow | None, fall: str,
         numbers: str) -> str:
    """A rise: repeat what worked (the top post); a fall: start from the bottom post."""
    if rose:
        return f"Ulangi pola unggahan teratas {label}{_post_hint(top)}: {numbers}."
    return f"{fall}{_post_hint(bottom)}: {numbers}."


def posting_gaps(posting: Posting | None) -> list[str]:
    """Days of the week without any post."""
    days = posting.days_without_posts if posting else []
    if not days:
        return []
    if len(days) == 7:
        return ["Susun dan jalankan jadwal konten: tidak ada unggahan sama sekali pekan ini."]
    return [f"Jadwalkan minimal satu unggahan setiap hari: pekan ini {fmt_int(len(days))} hari "
            f"tanpa unggahan, yaitu {_join([fmt_day(d) for d in days])}."]


def best_formats(platforms: Mapping[str, PlatformWeek]) -> list[str]:
    """Per platform, the post type with the best engagement rate (when two or more compete)."""
    out = []
    for name, data in platforms.items():
        mix = [(m.engagement_rate, m) for m in data.content_mix  # "lainnya": no format
               if m.engagement_rate is not None and m.type != "lainnya"]
        if len(mix) < 2:
            continue
        ranked = sorted(mix, key=lambda rm: (-rm[0], -rm[1].posts, rm[1].type))
        (rate, best), (second_rate, second) = ranked[0], ranked[1]
        if rate <= second_rate or best.posts < MIN_MIX_POSTS:
            continue
        label = data.label or _LABELS.get(name, name)
        out.append(f"Perbanyak format {best.type} di {label}: tingkat interaksinya "
                   f"{fmt_pct(rate)} dari {fmt_int(best.posts)} unggahan, "
                   f"dibanding {fmt_pct(second_rate)} untuk {second.type}.")
    return out


def _forwarded(items: list[OverdueComplaint]) -> str:
    """``bersama DPUPR`` (where most went) or ``bersama DLH, DPUPR, dan lainnya``."""
    where: dict[str, int] = {}
    for item in items:
        target = (item.forwarded_to or "").strip()
        if target:
            where[target] = where.get(target, 0) + 1
    ranked = sorted(where.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    if not ranked:
        return ""
    if ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return f" (terbanyak diteruskan ke {ranked[0][0]})"
    names = [name for name, _ in ranked[:3]]
    return f" (diteruskan ke {_join(names)}" + (" dan lainnya)" if len(ranked) > 3 else ")")


def complaint_sentences(complaints: ComplaintsSection | None) -> list[str]:
    """Overdue complaints: the ones still unanswered are to be answered now, the ones
    answered late call for a faster first response; with the offices they went to."""
    if not complaints:
        return []
    overdue = complaints.overdue or 0
    if not overdue:
        return []
    sla = fmt.sla(complaints.sla_hours or 24)
    items = complaints.overdue_items
    if not items or len(items) != overdue or any(i.answered is None for i in items):
        # Without the item list (or its answered flags) every overdue one is to be answered.
        return [f"Tanggapi {fmt_int(overdue)} aduan yang melewati batas {sla}{_forwarded(items)}"
                " dan tindak lanjuti dengan OPD terkait."]
    waiting = [i for i in items if not i.answered]
    late = [i for i in items if i.answered]
    out = []
    if waiting:
        out.append(f"Balas {fmt_int(len(waiting))} aduan yang lewat {sla} tanpa tanggapan"
                   f"{_forwarded(waiting)}, lalu kabari pelapor tindak lanjutnya.")
    if late:
        longest = max(i.hours_waiting or 0 for i in late)
        out.append(f"Percepat tanggapan pertama aduan: {fmt_int(len(late))} aduan baru "
                   f"ditanggapi setelah lewat {sla}, terlama {_hours(longest)} jam"
                   f"{_forwarded(late)}.")
    return out


def comment_sentences(comments: CommentsSection | None) -> list[str]:
    """Unanswered comments. Crisis days are not repeated here: the report tells them once,
    in its crisis alert (``comments.crisis_days[].message``), above the recommendations."""
    if not comments:
        return []
    unanswered = comments.unanswered or 0
    if unanswered:
        return [f"Balas {fmt_int(unanswered)} komentar warga yang belum dibalas, paling lambat "
                "1×24 jam."]
    return []


def lint_sentences(lint: LintSummary | None) -> list[str]:
    """Posts that broke SOP rules at error level."""
    if not lint:
        return []
    errors = lint.posts_with_errors or 0
    if not errors:
        return []
    text = (f"Periksa setiap takarir dengan medsos lint sebelum terbit: {fmt_int(errors)} "
            "unggahan pekan ini melanggar aturan SOP tingkat galat")
    broken = [r for r in lint.rules if r.level == "error"]
    if broken:
        text += f" (paling sering: {broken[0].rule})"
    return [text + "."]


# A head of office reads a few sentences, not a list of every change.
MAX_SENTENCES = 6
MAX_CHANGES = 2


def _biggest(platforms: Mapping[str, PlatformWeek], running: bool = False) -> list[str]:
    """The MAX_CHANGES largest changes, in platform order."""
    sized = _sized_changes(platforms, running)
    keep = sorted(range(len(sized)), key=lambda i: -sized[i][0])[:MAX_CHANGES]
    return [sized[i][1] for i in sorted(keep)]


def recommendations(report: WeeklyReport | Mapping[str, Any]) -> list[str]:
    """The few actions a head of office should read first, each with the number behind it,
    most urgent first: overdue complaints, SOP errors, posting gaps, the largest changes, the
    best format, unanswered comments (at most MAX_SENTENCES). A crisis day is the report's
    alert, not a recommendation."""
    report = as_report(report)
    platforms = report.platforms
    unanswered = comment_sentences(report.comments)
    out = complaint_sentences(report.complaints)
    out += lint_sentences(report.lint)
    out += posting_gaps(report.posting)
    running = report.running is not None
    out += _biggest(platforms, running)
    out += best_formats(platforms)[:1]
    out += unanswered
    out = out[:MAX_SENTENCES]
    if not out and platforms:
        out.append("Pertahankan jadwal dan format unggahan: tidak ada perubahan 10 % atau "
                   "lebih dibanding " + ("hari yang sama pekan lalu." if running
                                         else "pekan lalu."))
    return out
