"""Plain Indonesian recommendations derived from the report's numbers (deterministic).

Each rule looks at one part of the report and adds at most a few sentences; the order of the
rules is the order of the sentences. Numbers use Indonesian formatting (``naik 23,4 %``).
"""

from __future__ import annotations

from medsos_cli.weekly import fmt

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


def platform_changes(platforms: dict) -> list[str]:
    """Basis metric and engagement rate that rose or fell by at least CHANGE_THRESHOLD."""
    return [sentence for _, sentence in _sized_changes(platforms)]


def _sized_changes(platforms: dict) -> list[tuple[float, str]]:
    """(size of the change, sentence); a platform that went silent weighs most."""
    out: list[tuple[float, str]] = []
    for name, data in platforms.items():
        label = data.get("label") or _LABELS.get(name, name)
        previous = data.get("previous") or {}
        change = data.get("change") or {}
        if data.get("posts") == 0 and previous.get("posts"):
            out.append((float("inf"), f"Tidak ada unggahan {label} pekan ini (pekan lalu "
                        f"{fmt_int(previous['posts'])}); pastikan akun tetap aktif."))
            continue
        basis = data.get("engagement_rate_basis")
        ratio = change.get(basis) if basis else None
        if ratio is not None and abs(ratio) >= CHANGE_THRESHOLD:
            out.append((abs(ratio), f"{_BASIS_NAMES.get(basis, basis)} {label} "
                        f"{_direction(ratio)} {fmt_pct(abs(ratio))} dibanding pekan lalu "
                        f"({fmt_int(previous[basis])} → {fmt_int(data[basis])})."))
        ratio = change.get("engagement_rate")
        if ratio is not None and abs(ratio) >= CHANGE_THRESHOLD:
            out.append((abs(ratio), f"Tingkat interaksi {label} {_direction(ratio)} "
                        f"{fmt_pct(abs(ratio))} (dari {fmt_pct(previous['engagement_rate'])} "
                        f"menjadi {fmt_pct(data['engagement_rate'])})."))
    return out


def posting_gaps(posting: dict | None) -> list[str]:
    """Days of the week without any post."""
    days = (posting or {}).get("days_without_posts") or []
    if not days:
        return []
    if len(days) == 7:
        return ["Tidak ada unggahan sama sekali pekan ini; periksa jadwal konten."]
    return [f"Tidak ada unggahan pada {_join([fmt_day(d) for d in days])}; jadwalkan konten "
            "agar akun tetap aktif setiap hari."]


def best_formats(platforms: dict) -> list[str]:
    """Per platform, the post type with the best engagement rate (when two or more compete)."""
    out = []
    for name, data in platforms.items():
        mix = [m for m in data.get("content_mix") or []  # "lainnya" is no format to advise
               if m.get("engagement_rate") is not None and m.get("type") != "lainnya"]
        if len(mix) < 2:
            continue
        ranked = sorted(mix, key=lambda m: (-m["engagement_rate"], -m["posts"], m["type"]))
        best, second = ranked[0], ranked[1]
        if best["engagement_rate"] <= second["engagement_rate"] or best["posts"] < MIN_MIX_POSTS:
            continue
        label = data.get("label") or _LABELS.get(name, name)
        out.append(f"Di {label}, format {best['type']} memberi tingkat interaksi tertinggi "
                   f"({fmt_pct(best['engagement_rate'])} dari {fmt_int(best['posts'])} unggahan, "
                   f"dibanding {fmt_pct(second['engagement_rate'])} untuk {second['type']}); "
                   "perbanyak format ini.")
    return out


def complaint_sentences(complaints: dict | None) -> list[str]:
    """Overdue complaints, and where most of them were forwarded."""
    if not complaints:
        return []
    overdue = complaints.get("overdue") or 0
    if not overdue:
        return []
    sla = _hours(complaints.get("sla_hours") or 24)
    text = f"{fmt_int(overdue)} aduan melewati batas tanggapan {sla} jam"
    where: dict[str, int] = {}
    for item in complaints.get("overdue_items") or []:
        target = (item.get("forwarded_to") or "").strip()
        if target:
            where[target] = where.get(target, 0) + 1
    ranked = sorted(where.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        text += f" (terbanyak diteruskan ke {ranked[0][0]})"
    elif ranked:
        text += f" (diteruskan ke {_join([name for name, _ in ranked[:3]])}"
        text += " dan lainnya)" if len(ranked) > 3 else ")"
    return [text + "; segera tanggapi pelapor dan tindak lanjuti dengan OPD terkait."]


def comment_sentences(comments: dict | None) -> list[str]:
    """Crisis days and unanswered comments."""
    if not comments:
        return []
    out = []
    for day in comments.get("crisis_days") or []:
        text = f"Komentar negatif melonjak pada {fmt_day(day['date'])}"
        if day.get("negative") is not None:
            text += f": {fmt_int(day['negative'])} komentar"
            if day.get("baseline") is not None:
                text += f" (biasanya sekitar {_hours(round(day['baseline'], 1))} per hari)"
        out.append(text + "; siapkan holding statement sesuai prosedur krisis.")
    unanswered = comments.get("unanswered") or 0
    if unanswered:
        out.append(f"{fmt_int(unanswered)} komentar warga belum dibalas; balas dalam 1×24 jam.")
    return out


def lint_sentences(lint: dict | None) -> list[str]:
    """Posts that broke SOP rules at error level."""
    if not lint:
        return []
    errors = lint.get("posts_with_errors") or 0
    if not errors:
        return []
    text = f"{fmt_int(errors)} unggahan melanggar aturan SOP tingkat galat"
    broken = [r for r in lint.get("rules") or [] if r.get("level") == "error"]
    if broken:
        text += f" (paling sering: {broken[0]['rule']})"
    return [text + "; periksa takarir dengan medsos lint sebelum terbit."]


# A head of office reads a few sentences, not a list of every change.
MAX_SENTENCES = 6
MAX_CHANGES = 2


def _biggest(platforms: dict) -> list[str]:
    """The MAX_CHANGES largest changes, in platform order."""
    sized = _sized_changes(platforms)
    keep = sorted(range(len(sized)), key=lambda i: -sized[i][0])[:MAX_CHANGES]
    return [sized[i][1] for i in sorted(keep)]


def recommendations(report: dict) -> list[str]:
    """The few sentences a head of office should read first, most urgent first: crisis days,
    overdue complaints, SOP errors, posting gaps, the largest changes, the best format,
    unanswered comments (at most MAX_SENTENCES)."""
    platforms = report.get("platforms") or {}
    comments = comment_sentences(report.get("comments"))
    crisis, unanswered = comments[:-1], comments[-1:]
    if not (report.get("comments") or {}).get("unanswered"):
        crisis, unanswered = comments, []
    out = crisis
    out += complaint_sentences(report.get("complaints"))
    out += lint_sentences(report.get("lint"))
    out += posting_gaps(report.get("posting"))
    out += _biggest(platforms)
    out += best_formats(platforms)[:1]
    out += unanswered
    out = out[:MAX_SENTENCES]
    if not out and platforms:
        out.append("Tidak ada perubahan besar dibanding pekan lalu; pertahankan jadwal dan "
                   "format unggahan.")
    return out
