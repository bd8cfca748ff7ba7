"""The roll-up report as Markdown, HTML (one self-contained page) and JSON.

Numbers, dates and percentages use the weekly report's formats (weekly/fmt.py); the HTML page
shares the weekly report's stylesheet (print styles included) and chart look.
"""

from __future__ import annotations

import json

from medsos_cli.weekly import fmt

PART_LABELS = {"posting": "P (unggahan)", "engagement": "E (interaksi)",
               "service": "L (layanan aduan)", "sop": "S (SOP)"}
_BARS = "▁▂▃▄▅▆▇█"


def to_json(report: dict) -> str:
    """JSON text (UTF-8 kept, two-space indent, final newline)."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def sparkline(values: list[int]) -> str:
    """Posts per week as block characters (empty week: ``·``)."""
    top = max(values) if values else 0
    return "".join("·" if not v else _BARS[min(7, (v * 8 - 1) // top)] for v in values)


def _pct(value: float | None) -> str:
    return fmt.percent(value, 2) if value is not None else fmt.NULL


def rows(report: dict) -> list[dict[str, str]]:
    """The scorecard table, one dict of formatted cells per office (both renderers)."""
    out = []
    for card in report["offices"]:
        complaints = card["complaints"]
        out.append({
            "rank": str(card["rank"]), "office": card["name"],
            "score": fmt.number(card["score"], 1),
            "posts": f"{fmt.number(card['posts'])} / {fmt.number(card['target_posts'], 1)}",
            "per_week": fmt.number(card["posts_per_account_week"], 1)
            if card["posts_per_account_week"] is not None else fmt.NULL,
            "er": _pct(card["engagement_rate"]),
            "er_median": (fmt.number(card["er_vs_median"], 2) + "×"
                          if card["er_vs_median"] is not None else fmt.NULL),
            "sla": (f"{fmt.number(complaints['within_sla'])} / "
                    f"{fmt.number(complaints['received'])}"),
            "overdue": fmt.number(complaints["overdue"]),
            "findings": fmt.number(card["findings_per_100_posts"], 1)
            if card["findings_per_100_posts"] is not None else fmt.NULL,
            "idle": fmt.number(card["days_without_posts"]),
            "trend": sparkline([t["posts"] for t in card["trend"]]),
        })
    return out


HEADERS = [("rank", "#"), ("office", "Kantor"), ("score", "Skor"),
           ("posts", "Unggahan / target"), ("per_week", "Per akun/pekan"), ("er", "ER"),
           ("er_median", "ER ÷ median"), ("sla", "Aduan dalam SLA"), ("overdue", "Terlambat"),
           ("findings", "Temuan SOP /100"), ("idle", "Hari tanpa unggahan"),
           ("trend", "Tren 8 pekan")]


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def heading(report: dict) -> str:
    """``Rekap provinsi media sosial``, or for one office's period report (``weekly report
    --month``) ``Laporan media sosial <office>``."""
    scope = report.get("scope")
    return f"Laporan media sosial {scope['name']}" if scope else "Rekap provinsi media sosial"


def render_markdown(report: dict) -> str:
    """The roll-up as Markdown."""
    period = report["period"]
    province = report["province"]
    lines = [f"# {heading(report)} — {period['title']}", "",
             f"{fmt.date_long(period['start'])} s.d. {fmt.date_long(period['end'])} "
             f"({period['days']} hari; pekan {', '.join(period['weeks'])}) · zona waktu "
             f"{report['timezone']} · {fmt.NULL_LEGEND}", "",
             "## Ringkasan", "",
             f"- Kantor yang mengirim data: {province['offices_with_data']} dari "
             f"{province['offices_expected']}",
             f"- Unggahan: {fmt.number(province['posts'])}; ER provinsi "
             f"{_pct(province['engagement_rate'])}, median ER kantor "
             f"{_pct(province['engagement_rate_median'])}",
             f"- Aduan: {fmt.number(province['complaints_received'])} diterima, "
             f"{fmt.number(province['complaints_within_sla'])} dijawab dalam SLA "
             f"{fmt.sla(report['sla_hours'])}, {fmt.number(province['complaints_overdue'])} "
             "terlambat",
             f"- Temuan SOP: {fmt.number(province['findings'])}; komentar "
             f"{fmt.number(province['comments'])} ({fmt.number(province['negative_comments'])} "
             "negatif)", ""]
    if report["missing"]:
        lines += ["## Kantor tanpa data", ""]
        for item in report["missing"]:
            last = (f"data terakhir pekan {item['last_week']}" if item["last_week"]
                    else "belum pernah mengirim")
            lines.append(f"- **{item['name']}** ({item['office']}): tidak mengirim data untuk "
                         f"periode ini; {last}")
        lines.append("")
    lines += ["## Peringkat dan kartu skor", "", f"Rumus: {report['formula']}. Minimum "
              f"{report['min_posts_week']} unggahan per akun per pekan.", ""]
    table = rows(report)
    lines.append("| " + " | ".join(label for _, label in HEADERS) + " |")
    lines.append("|" + "|".join("---:" if key not in ("office", "trend") else "---"
                                for key, _ in HEADERS) + "|")
    for row in table:
        lines.append("| " + " | ".join(_md_escape(row[key]) for key, _ in HEADERS) + " |")
    lines.append("")
    lines += ["Bagian skor per kantor:", ""]
    for card in report["offices"]:
        parts = "; ".join(f"{PART_LABELS[k]} {fmt.number(v, 2)}" for k, v in card["parts"].items())
        lines.append(f"- {card['name']}: {parts}")
    lines.append("")
    themes = province["themes"]
    lines += ["## Tema dan lonjakan komentar negatif", "",
              "Tema keluhan se-provinsi: " + (fmt.joined(
                  f"{t['term']} ({fmt.number(t['count'])})" for t in themes) if themes
                  else "tidak ada"), ""]
    for card in report["offices"]:
        if not card["themes"] and not card["negative_spikes"]:
            continue
        lines.append(f"### {card['name']}")
        lines.append("")
        if card["themes"]:
            lines.append("- Tema keluhan: " + fmt.joined(
                f"{t['term']} ({fmt.number(t['count'])})" for t in card["themes"]))
        for spike in card["negative_spikes"]:
            lines.append(f"- {spike['message']}")
        lines.append("")
    if report["problems"]:
        lines += ["## Masalah data", ""]
        for problem in report["problems"]:
            lines.append(f"- `{problem['path']}`: {problem['message']}")
        lines.append("")
    return "\n".join(lines)


def score_chart(report: dict) -> str | None:
    """Horizontal bars of the scores, best first (the weekly report's chart style)."""
    import matplotlib

    from medsos_cli.weekly import charts

    cards = report["offices"]
    if not cards:
        return None
    with matplotlib.rc_context(charts._RC):
        height = 0.55 + 0.3 * len(cards)
        fig = charts._figure(7.4, height, left=0.32, right=0.95, top=1 - 0.1 / height,
                             bottom=0.4 / height)
        ax = fig.add_subplot()
        ys = list(range(len(cards)))[::-1]
        for y, card in zip(ys, cards, strict=True):
            ax.barh(y, card["score"], height=0.6, color="#0072B2")
            ax.text(card["score"] + 1, y, fmt.number(card["score"], 1), va="center",
                    fontsize=8.5, fontweight="bold")
        ax.set_yticks(ys, [c["name"] for c in cards])
        ax.set_xlim(0, 110)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(True, axis="x", color=charts.GRID, linewidth=0.8)
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", length=0)
    summary = "; ".join(f"{c['name']} {fmt.number(c['score'], 1)}" for c in cards)
    return charts._to_svg(fig, "skor", "Grafik batang skor kantor, tertinggi di atas. " + summary)


def render_html(report: dict) -> str:
    """The roll-up as one HTML page (inline CSS and SVG, prints on A4)."""
    from markupsafe import Markup

    from medsos_cli.weekly.render_html import _environment

    template = _environment().get_template("rollup.html.j2")
    chart = score_chart(report)
    return template.render({"r": report, "rows": rows(report), "headers": HEADERS,
                            "heading": heading(report),
                            "part_labels": PART_LABELS,
                            "chart": Markup(chart) if chart else None})
