"""Render the weekly report (``weekly.model.WeeklyReport``) as GitHub-flavoured Markdown.

Same content as the HTML page, as plain tables and lists that stay readable when pasted into
an e-mail or a chat. No HTML: user text is escaped so a caption cannot become markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from medsos_cli.weekly import fmt
from medsos_cli.weekly.model import (
    CommentsSection,
    CountChange,
    Lapor,
    LintPost,
    PostRow,
    SampleComment,
    Theme,
    WeeklyReport,
    as_report,
)
from medsos_cli.weekly.view import WeekView, week_view

_ESCAPES = str.maketrans({"\\": "\\\\", "|": "\\|", "<": "\\<", "[": "\\[", "]": "\\]",
                          "`": "\\`", "*": "\\*"})


def text(value: Any) -> str:
    """User text on one line, with Markdown/HTML-significant characters escaped."""
    if value is None or value == "":
        return fmt.NULL
    return " ".join(str(value).split()).translate(_ESCAPES)


def table(headers: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    """A GFM table; ``align`` items are ``"l"`` or ``"r"`` (numbers right-aligned)."""
    align = align or ["l"] * len(headers)
    lines = ["| " + " | ".join(headers) + " |",
             "| " + " | ".join("---:" if a == "r" else "---" for a in align) + " |"]
    for row in rows:
        cells = [c if c != "" else " " for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _count_change(change: CountChange | None) -> str:
    """``, ▲ naik 450,0 % (pekan lalu 2)`` for a count against last week, or nothing."""
    parts = fmt.count_change_parts(change)
    return "" if parts is None else f", {parts[0]} {parts[1]}"


def _figure_change(data: fmt.Week, key: str) -> str:
    """`` (▲ naik 0,4 poin)`` for a rate, `` (▲ naik 12,5 %)`` for a count, or nothing."""
    parts = fmt.figure_change_parts(data, key, fmt.POINTS_SHORT)
    return "" if parts is None else f" ({parts[0]} {parts[1]})"


def _header(r: WeeklyReport) -> list[str]:
    title = "# Laporan mingguan media sosial"
    if r.account:
        title += " — " + text(r.account)
    meta = [f"**Pekan {text(r.week)}**",
            f"{fmt.date_long(r.start)} s.d. {fmt.date_long(r.end)}",
            f"zona waktu {text(r.timezone)}"]
    if r.previous_week:
        meta.append(f"dibandingkan dengan pekan {text(r.previous_week)}")
    out = [title, "", " · ".join(meta) + "  ", f"Keterangan: {fmt.NULL_LEGEND}"]
    if r.running and r.running.text:  # the week so far (--week this)
        out += ["", f"> **{text(r.running.text)}**"]
    return out


def _summary(r: WeeklyReport, view: WeekView) -> list[str]:
    platforms = r.platforms
    posting = r.posting
    total, previous, change = view.total_posts, view.previous_total, view.total_change
    out = ["## Ringkasan", ""]
    uncounted = view.uncounted
    counted = len(platforms) - len(uncounted)
    posts_line = f"- **Unggahan:** {fmt.number(total)} di {counted} platform"
    posts_line += (f" ({fmt.change(change)}; pekan lalu {fmt.number(previous)})"
                   if change is not None else " (perubahan –, data pekan lalu tidak lengkap)")
    if uncounted:
        posts_line += (f"; jumlah unggahan {text(', '.join(uncounted))} tidak tercatat "
                       "(ekspornya hanya ringkasan harian)")
    out.append(posts_line)
    if posting:
        days = "; ".join(fmt.date_long(d) for d in posting.days_without_posts) or "tidak ada"
        out.append(f"- **Hari tanpa unggahan:** {days}")
    c = r.comments
    if c:
        negative = c.by_sentiment.get("negatif")
        out.append(f"- **Komentar:** {fmt.number(c.total)}"
                   + _count_change(c.change_total.get("total"))
                   + f"; {fmt.number(negative)} negatif ({fmt.share(negative, c.total)})"
                   + _count_change(c.change_total.get("negatif"))
                   + f"; {fmt.number(c.unanswered)} belum dibalas")
    else:
        out.append(f"- **Komentar:** {fmt.NULL} (berkas komentar tidak diberikan)")
    a = r.complaints
    if a:
        changes = a.change or {}
        out.append(f"- **Aduan:** {fmt.number(a.received)} diterima"
                   + _count_change(changes.get("received"))
                   + f"; {fmt.number(a.overdue)} melewati SLA "
                   f"{fmt.sla(a.sla_hours)}" + _count_change(changes.get("overdue"))
                   + "; median respons pertama "
                   f"{fmt.hours(a.first_response_median_hours)}"
                   + ("" if a.previous_week else "; pekan lalu tidak ada di log aduan"))
    else:
        out.append(f"- **Aduan:** {fmt.NULL} (log aduan tidak diberikan)")
    lint = r.lint
    if lint:
        out.append(f"- **Takarir dengan galat SOP:** {fmt.number(lint.posts_with_errors)}"
                   f" dari {fmt.number(lint.posts_checked)} unggahan "
                   f"({fmt.number(lint.posts_with_warnings)} dengan peringatan)")
    crisis = c.crisis_days if c else []
    if crisis:
        out.append("")
        # The one place the crisis is told; the comments section points here.
        out.append("> ⚠ **Kemungkinan krisis**")
        for day in crisis:
            out.append("> - " + text(fmt.crisis_text(day)).replace(
                fmt.HOLDING_COMMAND, f"`{fmt.HOLDING_COMMAND}`"))
        if not view.crisis_names_command:
            out.append(f"> - Siapkan holding statement: `{fmt.HOLDING_COMMAND}`")
    out += ["", "### Perubahan utama dibanding pekan lalu", ""]
    moved = view.key_changes
    out += ([f"- {k['arrow']} {k['text']} **{k['words']}**" for k in moved]
            or ["Data pekan lalu tidak tersedia."])
    out += ["", "### Rekomendasi", ""]
    recs = r.recommendations
    out += ([f"{i}. {text(rec)}" for i, rec in enumerate(recs, 1)]
            or ["Tidak ada rekomendasi pekan ini."])
    return out


def _platforms(r: WeeklyReport, view: WeekView) -> list[str]:
    platforms = r.platforms
    out = ["## Kinerja per platform", ""]
    if not platforms:
        return out + ["Tidak ada data platform untuk pekan ini."]
    out.append(f"Angka pekan {text(r.week)}; dalam kurung: perubahan dibanding pekan "
               f"{text(r.previous_week or 'lalu')} (▲ naik, ▼ turun, ■ tetap); jumlah "
               "berubah dalam persen, ER dalam poin persentase (7,0 % → 7,4 % = naik 0,4 poin).")
    out.append("")
    only = view.account_of
    headers = ["Metrik"] + [text(fmt.platform_label(k, d) + (f" ({only[k]})" if k in only else ""))
                            for k, d in platforms.items()]
    rows = []
    for row in view.metric_rows:
        cells = [c.value + (f" ({c.arrow} {c.words})" if c.has_change else "") for c in row.cells]
        name = f"**{row.label}**" if row.key == "engagement_rate" else row.label
        rows.append([name] + cells)
    out.append(table(headers, rows, ["l"] + ["r"] * len(platforms)))
    if view.no_previous:
        out += ["", "Tanpa pembanding pekan lalu (data pekan lalu tidak ada): "
                + ", ".join(text(label) for label in view.no_previous) + "."]
    out += ["", "Rumus tingkat interaksi (ER), rasio jumlah (bukan rata-rata ER per unggahan):", ""]
    for key, d in platforms.items():
        out.append(f"- {text(fmt.platform_label(key, d))}: "
                   f"{text(d.engagement_rate_formula)} (penyebut: "
                   f"{fmt.BASIS_LABELS.get(d.engagement_rate_basis or '', fmt.NULL)})")
    if view.show_accounts:
        out += ["", "### Per akun", ""]
        rows = [[text(fmt.account_label(a)), fmt.number(a.figures.posts),
                 fmt.number(a.figures.reach), fmt.number(a.figures.views),
                 fmt.number(a.figures.impressions), fmt.number(a.figures.engagements),
                 fmt.percent(a.figures.engagement_rate) + _figure_change(a, "engagement_rate"),
                 fmt.signed(a.figures.followers_change)] for a in r.accounts.values()]
        out.append(table(["Akun", "Unggahan", "Jangkauan", "Tayangan", "Impresi", "Interaksi",
                          "ER", "Pengikut"], rows, ["l"] + ["r"] * 7))
    return out


def _posts(r: WeeklyReport) -> list[str]:
    out = ["## Unggahan teratas dan terbawah", "",
           "Peringkat menurut tingkat interaksi tiap unggahan; unggahan yang ER-nya tidak "
           "diketahui tidak diperingkat."]
    for key, d in r.platforms.items():
        basis = d.engagement_rate_basis or "reach"
        out += ["", f"### {text(fmt.platform_label(key, d))}", ""]
        rows = []
        for mark, posts in (("▲", d.top_posts), ("▼", d.bottom_posts)):
            for i, p in enumerate(posts, 1):
                rows.append([f"{mark} {i}", _post_label(p),
                             text(p.type), fmt.datetime_short(p.published_at),
                             fmt.number(p.figure(basis)), fmt.number(p.engagements),
                             fmt.percent(p.engagement_rate),
                             text(p.permalink)])
        if not rows:
            out.append(text(fmt.unranked_reason(key, d, "top")))
            continue
        out.append(table(["Peringkat", "Takarir (cuplikan)", "Jenis", "Waktu",
                          fmt.BASIS_LABELS.get(basis, basis).capitalize(), "Interaksi", "ER",
                          "Tautan"], rows, ["l", "l", "l", "l", "r", "r", "r", "l"]))
        if not d.bottom_posts:
            out += ["", "▼ " + text(fmt.unranked_reason(key, d, "bottom"))]
    out += ["", "▲ = teratas, ▼ = terbawah."]
    return out


def _post_label(post: PostRow | LintPost, limit: int = 90) -> str:
    """A post as its shortened caption with its id after it (``… (ID 123)``); the id alone
    when the post has no caption."""
    caption = post.caption
    ident = post.id
    if not caption:
        return text(ident)
    return text(fmt.excerpt(caption, limit)) + (f" (ID {text(ident)})" if ident else "")


def _content(r: WeeklyReport, view: WeekView) -> list[str]:
    platforms = r.platforms
    posting = r.posting
    out = ["## Ragam konten dan jadwal unggah", ""]
    rows = []
    for key, d in platforms.items():
        for m in d.content_mix:
            rows.append([text(fmt.platform_label(key, d)), text(m.type),
                         fmt.number(m.posts), fmt.share(m.posts, d.figures.posts),
                         fmt.percent(m.engagement_rate)])
    if rows:
        out.append(table(["Platform", "Jenis", "Unggahan", "Porsi", "ER"], rows,
                         ["l", "l", "r", "r", "r"]))
        out.append("")
    out += ["### Waktu unggah (hari × jam)", ""]
    if not posting:
        return out + [fmt.NULL]
    grid = posting.grid
    line = f"Total {fmt.number(posting.posts)} unggahan di semua platform."
    slot = view.busiest
    if slot:
        line += f" Waktu tersibuk: {slot[0]} ({fmt.number(slot[1])} unggahan)."
    empty = posting.days_without_posts
    line += (" Hari tanpa unggahan: " + "; ".join(fmt.date_long(d) for d in empty) + "."
             if empty else " Setiap hari pekan ini ada unggahan.")
    out.append(line)
    if grid:
        hours = [h for h in range(24) if any(row[h] for row in grid)]
        if hours:
            to_come = fmt.days_to_come(r)  # a running week's days to come are not silent
            rows = [[fmt.WEEKDAYS[i]] + [str(row[h]) if row[h] else "" for h in hours]
                    + ["belum tiba" if i in to_come else fmt.number(sum(row))]
                    for i, row in enumerate(grid)]
            out += ["", table(["Hari"] + [f"{h:02d}" for h in hours] + ["Jumlah"], rows,
                              ["l"] + ["r"] * (len(hours) + 1)),
                    "", "Kolom = jam (hanya jam yang ada unggahannya); sel kosong = tidak ada "
                    "unggahan."]
    if platforms:
        out += ["", "### Perubahan pengikut", "",
                table(["Platform", "Perubahan pengikut"],
                      [[text(fmt.platform_label(k, d)), fmt.signed(d.figures.followers_change)]
                       for k, d in platforms.items()], ["l", "r"])]
    return out


def _counts(title: str, head: str, counts: Mapping[str, int] | None, total: int | None,
            labels: dict[str, str] | None = None) -> list[str]:
    rows = [[text((labels or {}).get(k, k)), fmt.number(n), fmt.share(n, total)]
            for k, n in (counts or {}).items()]
    if not rows:
        rows = [[fmt.NULL, fmt.NULL, fmt.NULL]]
    return ["", f"**{title}**", "", table([head, "Jumlah", "Porsi"], rows, ["l", "r", "r"])]


def _themes(themes: list[Theme]) -> str:
    return ", ".join(f"{text(t.term)} ({fmt.number(t.count)})" for t in themes)


def _comments(r: WeeklyReport) -> list[str]:
    out = ["## Komentar warga: opini dan kritik", ""]
    c = r.comments
    if not c:
        return out + [f"Berkas komentar tidak diberikan, jadi bagian ini kosong ({fmt.NULL})."]
    out.append(f"{fmt.number(c.total)} komentar; {fmt.number(c.unanswered)} "
               "belum dibalas.")
    crisis = c.crisis_days
    if crisis:
        out += ["", "⚠ Lonjakan komentar negatif pada "
                + "; ".join(f"**{fmt.date_long(d.date)}**" for d in crisis)
                + ": lihat peringatan di Ringkasan."]
    out += _counts("Menurut kelas", "Kelas", c.by_class, c.total, fmt.CLASS_LABELS)
    out += _counts("Menurut sentimen", "Sentimen", c.by_sentiment, c.total,
                   fmt.SENTIMENT_LABELS)
    out += _counts("Menurut platform", "Platform", c.by_platform, c.total,
                   fmt.PLATFORM_LABELS)
    out += _understanding(c)
    out += ["", "### Tema yang sering muncul", ""]
    out.append(_themes(c.themes) or "Tidak ada tema yang berulang.")
    daily = c.daily
    if daily:
        days = {d.date for d in crisis}
        heads = ["Hari"] + [("⚠ " if d.date in days else "")
                            + fmt.date_short(d.date) for d in daily]
        rows = [["Semua komentar"] + [fmt.number(d.total) for d in daily],
                ["Negatif"] + [fmt.number(d.negative) for d in daily]]
        out += ["", "**Komentar per hari** (⚠ = kemungkinan krisis)", "",
                table(heads, rows, ["l"] + ["r"] * len(daily))]
    out += ["", "### Contoh komentar", ""]
    rows = []
    for klass, items in c.samples.items():
        for s in items:
            rows.append([text(fmt.CLASS_LABELS.get(klass, klass)),
                         text(fmt.SENTIMENT_LABELS.get(s.sentiment, s.sentiment)),
                         "“" + text(s.text) + "”",
                         f"{text(fmt.platform_label(s.platform))}"
                         f" · {text(s.author)} · {fmt.datetime_short(s.time)}",
                         _why(s)])
    out.append(table(["Kelas", "Sentimen", "Komentar", "Platform · penulis · waktu",
                      "Alasan model"], rows)
               if rows else "Tidak ada contoh.")
    return out


def _why(sample: SampleComment) -> str:
    """The model's confidence and top cues for one sample comment."""
    cues = ", ".join(text(c) for c in sample.cues) or fmt.NULL
    sure = sample.confidence
    mark = " (tidak yakin)" if sample.uncertain else ""
    return f"{fmt.percent(sure) if sure is not None else fmt.NULL}{mark}: {cues}"


def _understanding(c: CommentsSection) -> list[str]:
    """Confidence, the uncertain share, the week-over-week change and themes per class."""
    out: list[str] = []
    total = c.total
    unsure = c.uncertain
    if unsure and total:
        out += ["", f"**Tidak yakin:** model tidak yakin pada kelas "
                f"{fmt.number(unsure.klass)} komentar "
                f"({fmt.share(unsure.klass, total)}) dan pada sentimen "
                f"{fmt.number(unsure.sentiment)} komentar "
                f"({fmt.share(unsure.sentiment, total)}); angka kelas dan sentimen di "
                "atas memuat tebakan terbaiknya."]
    sure = c.confidence.klass if c.confidence else {}
    if sure:
        rows = [[text(fmt.CLASS_LABELS.get(k, k)),
                 fmt.percent(v) if v is not None else fmt.NULL,
                 fmt.number(unsure.by_class.get(k) if unsure else None)]
                for k, v in sure.items()]
        out += ["", "**Keyakinan model per kelas** (rata-rata peluang kelas terpilih)", "",
                table(["Kelas", "Keyakinan", "Tidak yakin"], rows, ["l", "r", "r"])]
    change: dict[str, CountChange] = dict(c.change)
    prev = c.previous_week
    totals = c.change_total
    if change or totals:
        rows = []
        names = {"total": "Semua komentar", "negatif": "Sentimen negatif"}
        for k, v in list(totals.items()) + list(change.items()):
            delta = v.delta
            sign = "+" if delta and delta > 0 else ""
            pct = v.percent
            rows.append([text(names.get(k) or fmt.CLASS_LABELS.get(k, k)),
                         fmt.number(v.count),
                         fmt.number(v.previous),
                         f"{sign}{fmt.number(delta)}"
                         + (f" ({sign}{fmt.percent(pct / 100)})" if pct is not None else "")])
        out += ["", f"**Dibanding pekan sebelumnya** "
                f"({fmt.date_long(prev.start if prev else None)} – "
                f"{fmt.date_long(prev.end if prev else None)}: "
                f"{fmt.number(prev.total if prev else None)} komentar "
                "dalam berkas yang sama)", "",
                table(["Komentar", "Pekan ini", "Pekan lalu", "Perubahan"], rows,
                      ["l", "r", "r", "r"])]
    per_class = c.themes_by_class
    if any(per_class.values()):
        out += ["", "**Tema per kelas**", ""]
        for k, items in per_class.items():
            if items:
                out.append(f"- {text(fmt.CLASS_LABELS.get(k, k))}: " + _themes(items))
    return out


def _complaints(r: WeeklyReport, view: WeekView) -> list[str]:
    out = ["## Penanganan aduan", ""]
    a = r.complaints
    if not a:
        return out + [f"Log aduan tidak diberikan, jadi bagian ini kosong ({fmt.NULL})."]
    received = a.received
    sla_hours = a.sla_hours
    changes = a.change or {}
    out.append(table(
        ["Diterima", "Ditanggapi", "Selesai", "Masih terbuka", "Melewati SLA"],
        [[fmt.number(received) + _count_change(changes.get("received")),
          f"{fmt.number(a.answered)} ({fmt.share(a.answered, received)})",
          f"{fmt.number(a.resolved)} ({fmt.share(a.resolved, received)})",
          fmt.number(a.open),
          fmt.number(a.overdue) + _count_change(changes.get("overdue"))]], ["r"] * 5))

    def status(value: float | None) -> str:
        if value is None or sla_hours is None:
            return fmt.NULL
        return "✓ dalam SLA" if value <= sla_hours else "✗ melewati SLA"

    median = a.first_response_median_hours
    p90 = a.first_response_p90_hours
    out += ["", f"**Waktu respons pertama dibanding SLA {fmt.sla(sla_hours)}**", "",
            table(["Ukuran", "Nilai", "Status"],
                  [["Median", fmt.hours(median), status(median)],
                   ["Persentil ke-90", fmt.hours(p90), status(p90)],
                   ["Ditanggapi dalam SLA", fmt.percent(a.within_sla),
                    "dari aduan yang ditanggapi"]], ["l", "r", "l"])]
    out += _counts("Menurut kanal", "Kanal", a.by_channel, received)
    out += _counts("Menurut kategori", "Kategori", a.by_category, received)
    out += _counts("Diteruskan ke", "Tujuan", a.by_forwarded_to, received)
    out += ["", "### Aduan yang melewati SLA", ""]
    items, hidden = view.overdue_items, view.overdue_hidden
    out.append(table(
        ["Diterima", "Kanal", "Aduan", "Diteruskan ke", "Menunggu"],
        [[fmt.datetime_short(o.received_at), text(o.channel),
          text(fmt.excerpt(o.text, 160)), text(o.forwarded_to),
          fmt.hours(o.hours_waiting)] for o in items], ["l", "l", "l", "l", "r"])
        if items else "Tidak ada aduan yang melewati SLA.")
    if hidden:
        out += ["", f"Ditampilkan {fmt.number(len(items))} aduan yang paling lama menunggu. "
                + _hint(hidden, "aduan")]
    out += _lapor(a.lapor)
    return out


def _lapor(lapor: Lapor | None) -> list[str]:
    """LAPOR! cases against their working-day deadlines."""
    if not lapor:
        return []
    days = ", ".join(text(d) for d in lapor.working_days)
    out = ["", "### Laporan LAPOR! dan tenggat hari kerja", "",
           f"{fmt.number(lapor.cases)} laporan LAPOR! pekan ini; tenggat verifikasi "
           f"{fmt.number(lapor.verify_working_days)} hari kerja, tindak lanjut "
           f"{fmt.number(lapor.follow_up_working_days)} hari kerja berikutnya (hari "
           f"kerja: {days}, di luar hari libur nasional). Lewat tenggat: "
           f"{fmt.number(lapor.overdue_verification)} belum diverifikasi, "
           f"{fmt.number(lapor.overdue_follow_up)} belum ditindaklanjuti.", ""]
    items, hidden = fmt.capped(lapor.overdue_cases)
    if items:
        out.append(table(
            ["Nomor tracking", "Diterima", "Tahap", "Tenggat", "Instansi"],
            [[text(c.tracking), fmt.datetime_short(c.received_at),
              text(c.stage), text(c.deadline), text(c.office)]
             for c in items], ["l", "l", "l", "l", "l"]))
    if hidden:
        out += ["", _hint(hidden, "laporan")]
    return out


def _hint(hidden: int, what: str) -> str:
    """The "N more, see the JSON" line, with the option as code."""
    return text(fmt.hidden_note(hidden, what)).replace("(--format json)", "(`--format json`)")


def _lint(r: WeeklyReport, view: WeekView) -> list[str]:
    out = ["## Kepatuhan SOP takarir", ""]
    lint = r.lint
    if not lint:
        return out + [f"Takarir tidak diperiksa ({fmt.NULL})."]
    books = ", ".join(text(b) for b in lint.rulebooks) or fmt.NULL
    out.append(f"{fmt.number(lint.posts_checked)} takarir diperiksa dengan buku aturan "
               f"{books}: **{fmt.number(lint.posts_with_errors)}** dengan galat, "
               f"**{fmt.number(lint.posts_with_warnings)}** dengan peringatan.")
    rules = lint.rules
    if rules:
        out += ["", "**Aturan yang paling sering dilanggar**", "",
                table(["Aturan", "Tingkat", "Jumlah", "Keterangan"],
                      [[f"`{x.rule}`", fmt.LEVEL_LABELS.get(x.level, text(x.level)),
                        fmt.number(x.count), text(x.message)] for x in rules],
                      ["l", "l", "r", "l"])]
    posts, hidden = view.lint_posts, view.lint_hidden
    if posts:
        out += ["", "**Unggahan dengan temuan** (galat terbanyak lebih dulu)", "",
                table(["Platform", "Takarir (cuplikan)", "Galat", "Peringatan", "Aturan",
                       "Tautan"],
                      [[text(fmt.platform_label(p.platform)),
                        _post_label(p), fmt.number(p.errors),
                        fmt.number(p.warnings),
                        ", ".join(f"`{x}`" for x in p.rules) or fmt.NULL,
                        text(p.permalink)] for p in posts],
                      ["l", "l", "r", "r", "l", "l"])]
    if hidden:
        out += ["", f"Ditampilkan {fmt.number(len(posts))} dari "
                f"{fmt.number(len(posts) + hidden)} unggahan dengan temuan. "
                + _hint(hidden, "unggahan")]
    return out


def _sources(r: WeeklyReport) -> list[str]:
    out = ["## Sumber data", ""]
    sources = r.sources
    if not sources:
        out.append("Tidak ada berkas.")
    else:
        out.append(table(
            ["Berkas", "Format", "Baris", "Dipakai", "Dilewati", "Peringatan"],
            [[text(s.path), text(fmt.format_label(s.format)),
              fmt.number(s.rows), fmt.number(s.used),
              fmt.number(len(s.skipped)),
              "; ".join(text(w) for w in s.warnings) or fmt.NULL]
             for s in sources], ["l", "l", "r", "r", "r", "l"]))
        if any(s.skipped for s in sources):
            out += ["", "**Baris yang dilewati**", ""]
        for s in sources:
            shown, hidden = fmt.capped(s.skipped, fmt.SKIPPED_LIMIT)
            out += [f"- {text(s.path)}, baris {fmt.number(k.line)}: "
                    f"{text(k.reason)}" for k in shown]
            if hidden:
                out.append(f"- {text(s.path)}: " + _hint(hidden, "baris dilewati"))
        failed = [(s.path, s.error) for s in sources if s.error is not None]
        if failed:
            out += ["", "**Berkas yang tidak terbaca** (laporan ditulis tanpa berkas ini)", ""]
            out += [f"- {text(path)}"
                    + (f", baris {fmt.number(error.line)}" if error.line else "")
                    + f": {text(error.message)}" for path, error in failed]
    basis = r.comparison_basis
    if basis:
        out += ["", f"Perbandingan dengan pekan lalu: {text(basis.text)}"]
    out += ["", "Baris dipakai = baris dalam pekan ini atau pekan lalu. Metrik Meta, YouTube dan "
            "X adalah total seumur unggahan per tanggal ekspor; jangkauan adalah perkiraan "
            f"platform. Waktu ditulis dalam zona {text(r.timezone)}."]
    return out


def render_markdown(report: WeeklyReport | Mapping[str, Any]) -> str:
    """The report as GitHub-flavoured Markdown (same report → same text); a JSON object read
    back from ``--format json`` is decoded first."""
    report = as_report(report)
    view = week_view(report)
    blocks = [_header(report), _summary(report, view), _platforms(report, view), _posts(report),
              _content(report, view), _comments(report), _complaints(report, view),
              _lint(report, view),
              _sources(report),
              ["---", "", f"{fmt.NULL_LEGEND} · Dibuat oleh "
               f"{text(report.generator or 'medsos')} (laporan JSON versi "
               f"{text(report.version)})"]]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
