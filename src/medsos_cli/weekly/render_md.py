"""Render the weekly report dict (docs/weekly-json.md) as GitHub-flavoured Markdown.

Same content as the HTML page, as plain tables and lists that stay readable when pasted into
an e-mail or a chat. No HTML: user text is escaped so a caption cannot become markup.
"""

from __future__ import annotations

from typing import Any

from medsos_cli.weekly import fmt

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


def _count_change(change: dict[str, Any] | None) -> str:
    """``, ▲ naik 450,0 % (pekan lalu 2)`` for a count against last week, or nothing."""
    parts = fmt.count_change_parts(change)
    return "" if parts is None else f", {parts[0]} {parts[1]}"


def _figure_change(data: dict[str, Any], key: str) -> str:
    """`` (▲ naik 0,4 poin)`` for a rate, `` (▲ naik 12,5 %)`` for a count, or nothing."""
    parts = fmt.figure_change_parts(data, key, fmt.POINTS_SHORT)
    return "" if parts is None else f" ({parts[0]} {parts[1]})"


def _header(r: dict[str, Any]) -> list[str]:
    title = "# Laporan mingguan media sosial"
    if r.get("account"):
        title += " — " + text(r["account"])
    meta = [f"**Pekan {text(r.get('week'))}**",
            f"{fmt.date_long(r.get('start'))} s.d. {fmt.date_long(r.get('end'))}",
            f"zona waktu {text(r.get('timezone'))}"]
    if r.get("previous_week"):
        meta.append(f"dibandingkan dengan pekan {text(r['previous_week'])}")
    out = [title, "", " · ".join(meta) + "  ", f"Keterangan: {fmt.NULL_LEGEND}"]
    if (r.get("running") or {}).get("text"):  # the week so far (--week this)
        out += ["", f"> **{text(r['running']['text'])}**"]
    return out


def _summary(r: dict[str, Any]) -> list[str]:
    platforms = r.get("platforms") or {}
    posting = r.get("posting") or {}
    total = posting.get("posts")
    previous = fmt.total_posts_previous(r) if platforms else None
    change = (total - previous) / previous if total is not None and previous else None
    out = ["## Ringkasan", ""]
    uncounted = fmt.uncounted_platforms(r)
    counted = len(platforms) - len(uncounted)
    posts_line = f"- **Unggahan:** {fmt.number(total)} di {counted} platform"
    posts_line += (f" ({fmt.change(change)}; pekan lalu {fmt.number(previous)})"
                   if change is not None else " (perubahan –, data pekan lalu tidak lengkap)")
    if uncounted:
        posts_line += (f"; jumlah unggahan {text(', '.join(uncounted))} tidak tercatat "
                       "(ekspornya hanya ringkasan harian)")
    out.append(posts_line)
    empty_days = posting.get("days_without_posts")
    if posting:
        days = "; ".join(fmt.date_long(d) for d in empty_days or []) or "tidak ada"
        out.append(f"- **Hari tanpa unggahan:** {days}")
    c = r.get("comments")
    if c:
        negative = (c.get("by_sentiment") or {}).get("negatif")
        out.append(f"- **Komentar:** {fmt.number(c.get('total'))}"
                   + _count_change((c.get("change_total") or {}).get("total"))
                   + f"; {fmt.number(negative)} negatif ({fmt.share(negative, c.get('total'))})"
                   + _count_change((c.get("change_total") or {}).get("negatif"))
                   + f"; {fmt.number(c.get('unanswered'))} belum dibalas")
    else:
        out.append(f"- **Komentar:** {fmt.NULL} (berkas komentar tidak diberikan)")
    a = r.get("complaints")
    if a:
        changes = a.get("change") or {}
        out.append(f"- **Aduan:** {fmt.number(a.get('received'))} diterima"
                   + _count_change(changes.get("received"))
                   + f"; {fmt.number(a.get('overdue'))} melewati SLA "
                   f"{fmt.sla(a.get('sla_hours'))}" + _count_change(changes.get("overdue"))
                   + "; median respons pertama "
                   f"{fmt.hours(a.get('first_response_median_hours'))}"
                   + ("" if a.get("previous_week") else "; pekan lalu tidak ada di log aduan"))
    else:
        out.append(f"- **Aduan:** {fmt.NULL} (log aduan tidak diberikan)")
    lint = r.get("lint")
    if lint:
        out.append(f"- **Takarir dengan galat SOP:** {fmt.number(lint.get('posts_with_errors'))}"
                   f" dari {fmt.number(lint.get('posts_checked'))} unggahan "
                   f"({fmt.number(lint.get('posts_with_warnings'))} dengan peringatan)")
    crisis = (c or {}).get("crisis_days") or []
    if crisis:
        out.append("")
        # The one place the crisis is told; the comments section points here.
        out.append("> ⚠ **Kemungkinan krisis**")
        for day in crisis:
            out.append("> - " + text(fmt.crisis_text(day)).replace(
                fmt.HOLDING_COMMAND, f"`{fmt.HOLDING_COMMAND}`"))
        if not all(fmt.HOLDING_COMMAND in fmt.crisis_text(d) for d in crisis):
            out.append(f"> - Siapkan holding statement: `{fmt.HOLDING_COMMAND}`")
    out += ["", "### Perubahan utama dibanding pekan lalu", ""]
    changes = fmt.key_changes(r)
    out += ([f"- {c['arrow']} {c['text']} **{c['words']}**" for c in changes]
            or ["Data pekan lalu tidak tersedia."])
    out += ["", "### Rekomendasi", ""]
    recs = r.get("recommendations") or []
    out += ([f"{i}. {text(rec)}" for i, rec in enumerate(recs, 1)]
            or ["Tidak ada rekomendasi pekan ini."])
    return out


def _platforms(r: dict[str, Any]) -> list[str]:
    platforms = r.get("platforms") or {}
    out = ["## Kinerja per platform", ""]
    if not platforms:
        return out + ["Tidak ada data platform untuk pekan ini."]
    out.append(f"Angka pekan {text(r.get('week'))}; dalam kurung: perubahan dibanding pekan "
               f"{text(r.get('previous_week') or 'lalu')} (▲ naik, ▼ turun, ■ tetap); jumlah "
               "berubah dalam persen, ER dalam poin persentase (7,0 % → 7,4 % = naik 0,4 poin).")
    out.append("")
    names = fmt.account_names(r)
    headers = ["Metrik"] + [text(fmt.platform_label(k, d)
                                 + (f" ({names[k][0]})" if len(names.get(k, [])) == 1 else ""))
                            for k, d in platforms.items()]
    rows = []
    for key, label in fmt.METRICS:
        values = [d.get(key) for d in platforms.values()]
        if key in ("saves", "impressions", "views", "reach") and all(v is None for v in values):
            continue
        cells = []
        for d in platforms.values():
            cells.append(fmt.metric(key, d.get(key))
                         + ("" if key == "followers_change" else _figure_change(d, key)))
        name = f"**{label}**" if key == "engagement_rate" else label
        rows.append([name] + cells)
    out.append(table(headers, rows, ["l"] + ["r"] * len(platforms)))
    no_previous = [text(fmt.platform_label(k, d)) for k, d in platforms.items()
                   if not d.get("previous")]
    if no_previous:
        out += ["", "Tanpa pembanding pekan lalu (data pekan lalu tidak ada): "
                + ", ".join(no_previous) + "."]
    out += ["", "Rumus tingkat interaksi (ER), rasio jumlah (bukan rata-rata ER per unggahan):", ""]
    for key, d in platforms.items():
        out.append(f"- {text(fmt.platform_label(key, d))}: "
                   f"{text(d.get('engagement_rate_formula'))} (penyebut: "
                   f"{fmt.BASIS_LABELS.get(d.get('engagement_rate_basis'), fmt.NULL)})")
    accounts = r.get("accounts") or {}
    if any(len(v) > 1 for v in names.values()):
        out += ["", "### Per akun", ""]
        rows = [[text(fmt.account_label(key, a)), fmt.number(a.get("posts")),
                 fmt.number(a.get("reach")), fmt.number(a.get("views")),
                 fmt.number(a.get("impressions")), fmt.number(a.get("engagements")),
                 fmt.percent(a.get("engagement_rate")) + _figure_change(a, "engagement_rate"),
                 fmt.signed(a.get("followers_change"))] for key, a in accounts.items()]
        out.append(table(["Akun", "Unggahan", "Jangkauan", "Tayangan", "Impresi", "Interaksi",
                          "ER", "Pengikut"], rows, ["l"] + ["r"] * 7))
    return out


def _posts(r: dict[str, Any]) -> list[str]:
    out = ["## Unggahan teratas dan terbawah", "",
           "Peringkat menurut tingkat interaksi tiap unggahan; unggahan yang ER-nya tidak "
           "diketahui tidak diperingkat."]
    for key, d in (r.get("platforms") or {}).items():
        basis = d.get("engagement_rate_basis") or "reach"
        out += ["", f"### {text(fmt.platform_label(key, d))}", ""]
        rows = []
        for mark, posts in (("▲", d.get("top_posts") or []), ("▼", d.get("bottom_posts") or [])):
            for i, p in enumerate(posts, 1):
                rows.append([f"{mark} {i}", _post_label(p),
                             text(p.get("type")), fmt.datetime_short(p.get("published_at")),
                             fmt.number(p.get(basis)), fmt.number(p.get("engagements")),
                             fmt.percent(p.get("engagement_rate")),
                             text(p.get("permalink"))])
        if not rows:
            out.append(text(fmt.unranked_reason(key, d, "top")))
            continue
        out.append(table(["Peringkat", "Takarir (cuplikan)", "Jenis", "Waktu",
                          fmt.BASIS_LABELS.get(basis, basis).capitalize(), "Interaksi", "ER",
                          "Tautan"], rows, ["l", "l", "l", "l", "r", "r", "r", "l"]))
        if not d.get("bottom_posts"):
            out += ["", "▼ " + text(fmt.unranked_reason(key, d, "bottom"))]
    out += ["", "▲ = teratas, ▼ = terbawah."]
    return out


def _post_label(post: dict[str, Any], limit: int = 90) -> str:
    """A post as its shortened caption with its id after it (``… (ID 123)``); the id alone
    when the post has no caption."""
    caption = post.get("caption")
    ident = post.get("id")
    if not caption:
        return text(ident)
    return text(fmt.excerpt(caption, limit)) + (f" (ID {text(ident)})" if ident else "")


def _content(r: dict[str, Any]) -> list[str]:
    platforms = r.get("platforms") or {}
    posting = r.get("posting") or {}
    out = ["## Ragam konten dan jadwal unggah", ""]
    rows = []
    for key, d in platforms.items():
        for m in d.get("content_mix") or []:
            rows.append([text(fmt.platform_label(key, d)), text(m.get("type")),
                         fmt.number(m.get("posts")), fmt.share(m.get("posts"), d.get("posts")),
                         fmt.percent(m.get("engagement_rate"))])
    if rows:
        out.append(table(["Platform", "Jenis", "Unggahan", "Porsi", "ER"], rows,
                         ["l", "l", "r", "r", "r"]))
        out.append("")
    out += ["### Waktu unggah (hari × jam)", ""]
    grid = posting.get("grid")
    if not posting:
        return out + [fmt.NULL]
    line = f"Total {fmt.number(posting.get('posts'))} unggahan di semua platform."
    slot = fmt.busiest_slot(grid)
    if slot:
        line += f" Waktu tersibuk: {slot[0]} ({fmt.number(slot[1])} unggahan)."
    empty = posting.get("days_without_posts") or []
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
                      [[text(fmt.platform_label(k, d)), fmt.signed(d.get("followers_change"))]
                       for k, d in platforms.items()], ["l", "r"])]
    return out


def _counts(title: str, head: str, counts: dict[str, int] | None, total: int | None,
            labels: dict[str, str] | None = None) -> list[str]:
    rows = [[text((labels or {}).get(k, k)), fmt.number(n), fmt.share(n, total)]
            for k, n in (counts or {}).items()]
    if not rows:
        rows = [[fmt.NULL, fmt.NULL, fmt.NULL]]
    return ["", f"**{title}**", "", table([head, "Jumlah", "Porsi"], rows, ["l", "r", "r"])]


def _comments(r: dict[str, Any]) -> list[str]:
    out = ["## Komentar warga: opini dan kritik", ""]
    c = r.get("comments")
    if not c:
        return out + [f"Berkas komentar tidak diberikan, jadi bagian ini kosong ({fmt.NULL})."]
    out.append(f"{fmt.number(c.get('total'))} komentar; {fmt.number(c.get('unanswered'))} "
               "belum dibalas.")
    crisis = c.get("crisis_days") or []
    if crisis:
        out += ["", "⚠ Lonjakan komentar negatif pada "
                + "; ".join(f"**{fmt.date_long(d.get('date'))}**" for d in crisis)
                + ": lihat peringatan di Ringkasan."]
    out += _counts("Menurut kelas", "Kelas", c.get("by_class"), c.get("total"),
                   fmt.CLASS_LABELS)
    out += _counts("Menurut sentimen", "Sentimen", c.get("by_sentiment"), c.get("total"),
                   fmt.SENTIMENT_LABELS)
    out += _counts("Menurut platform", "Platform", c.get("by_platform"), c.get("total"),
                   fmt.PLATFORM_LABELS)
    out += _understanding(c)
    out += ["", "### Tema yang sering muncul", ""]
    themes = c.get("themes") or []
    out.append(", ".join(f"{text(t.get('term'))} ({fmt.number(t.get('count'))})"
                         for t in themes) or "Tidak ada tema yang berulang.")
    daily = c.get("daily") or []
    if daily:
        days = {d.get("date") for d in crisis}
        heads = ["Hari"] + [("⚠ " if d.get("date") in days else "")
                            + fmt.date_short(d.get("date")) for d in daily]
        rows = [["Semua komentar"] + [fmt.number(d.get("total")) for d in daily],
                ["Negatif"] + [fmt.number(d.get("negative")) for d in daily]]
        out += ["", "**Komentar per hari** (⚠ = kemungkinan krisis)", "",
                table(heads, rows, ["l"] + ["r"] * len(daily))]
    out += ["", "### Contoh komentar", ""]
    rows = []
    for klass, items in (c.get("samples") or {}).items():
        for s in items:
            rows.append([text(fmt.CLASS_LABELS.get(klass, klass)),
                         text(fmt.SENTIMENT_LABELS.get(s.get("sentiment"), s.get("sentiment"))),
                         "“" + text(s.get("text")) + "”",
                         f"{text(fmt.PLATFORM_LABELS.get(s.get('platform'), s.get('platform')))}"
                         f" · {text(s.get('author'))} · {fmt.datetime_short(s.get('time'))}",
                         _why(s)])
    out.append(table(["Kelas", "Sentimen", "Komentar", "Platform · penulis · waktu",
                      "Alasan model"], rows)
               if rows else "Tidak ada contoh.")
    return out


def _why(sample: dict[str, Any]) -> str:
    """The model's confidence and top cues for one sample comment."""
    cues = ", ".join(text(c) for c in sample.get("cues") or []) or fmt.NULL
    sure = sample.get("confidence")
    mark = " (tidak yakin)" if sample.get("uncertain") else ""
    return f"{fmt.share(sure, 1) if sure is not None else fmt.NULL}{mark}: {cues}"


def _understanding(c: dict[str, Any]) -> list[str]:
    """Confidence, the uncertain share, the week-over-week change and themes per class."""
    out: list[str] = []
    total = c.get("total")
    unsure = c.get("uncertain")
    if unsure and total:
        out += ["", f"**Tidak yakin:** model tidak yakin pada kelas "
                f"{fmt.number(unsure.get('class'))} komentar "
                f"({fmt.share(unsure.get('class'), total)}) dan pada sentimen "
                f"{fmt.number(unsure.get('sentiment'))} komentar "
                f"({fmt.share(unsure.get('sentiment'), total)}); angka kelas dan sentimen di "
                "atas memuat tebakan terbaiknya."]
    sure = (c.get("confidence") or {}).get("class") or {}
    if sure:
        rows = [[text(fmt.CLASS_LABELS.get(k, k)),
                 fmt.share(v, 1) if v is not None else fmt.NULL,
                 fmt.number(((unsure or {}).get("by_class") or {}).get(k))]
                for k, v in sure.items()]
        out += ["", "**Keyakinan model per kelas** (rata-rata peluang kelas terpilih)", "",
                table(["Kelas", "Keyakinan", "Tidak yakin"], rows, ["l", "r", "r"])]
    change = c.get("change") or {}
    prev = c.get("previous_week") or {}
    totals = c.get("change_total") or {}
    if change or totals:
        rows = []
        names = {"total": "Semua komentar", "negatif": "Sentimen negatif"}
        for k, v in list(totals.items()) + list(change.items()):
            delta = v.get("delta")
            sign = "+" if delta and delta > 0 else ""
            pct = v.get("percent")
            rows.append([text(names.get(k) or fmt.CLASS_LABELS.get(k, k)),
                         fmt.number(v.get("count")),
                         fmt.number(v.get("previous")),
                         f"{sign}{fmt.number(delta)}"
                         + (f" ({sign}{fmt.percent(pct / 100)})" if pct is not None else "")])
        out += ["", f"**Dibanding pekan sebelumnya** ({fmt.date_long(prev.get('start'))} – "
                f"{fmt.date_long(prev.get('end'))}: {fmt.number(prev.get('total'))} komentar "
                "dalam berkas yang sama)", "",
                table(["Komentar", "Pekan ini", "Pekan lalu", "Perubahan"], rows,
                      ["l", "r", "r", "r"])]
    per_class = c.get("themes_by_class") or {}
    if any(per_class.values()):
        out += ["", "**Tema per kelas**", ""]
        for k, items in per_class.items():
            if items:
                out.append(f"- {text(fmt.CLASS_LABELS.get(k, k))}: " + ", ".join(
                    f"{text(t.get('term'))} ({fmt.number(t.get('count'))})" for t in items))
    return out


def _complaints(r: dict[str, Any]) -> list[str]:
    out = ["## Penanganan aduan", ""]
    a = r.get("complaints")
    if not a:
        return out + [f"Log aduan tidak diberikan, jadi bagian ini kosong ({fmt.NULL})."]
    received = a.get("received")
    sla_hours = a.get("sla_hours")
    changes = a.get("change") or {}
    out.append(table(
        ["Diterima", "Ditanggapi", "Selesai", "Masih terbuka", "Melewati SLA"],
        [[fmt.number(received) + _count_change(changes.get("received")),
          f"{fmt.number(a.get('answered'))} ({fmt.share(a.get('answered'), received)})",
          f"{fmt.number(a.get('resolved'))} ({fmt.share(a.get('resolved'), received)})",
          fmt.number(a.get("open")),
          fmt.number(a.get("overdue")) + _count_change(changes.get("overdue"))]], ["r"] * 5))

    def status(value: float | None) -> str:
        if value is None or sla_hours is None:
            return fmt.NULL
        return "✓ dalam SLA" if value <= sla_hours else "✗ melewati SLA"

    median = a.get("first_response_median_hours")
    p90 = a.get("first_response_p90_hours")
    out += ["", f"**Waktu respons pertama dibanding SLA {fmt.sla(sla_hours)}**", "",
            table(["Ukuran", "Nilai", "Status"],
                  [["Median", fmt.hours(median), status(median)],
                   ["Persentil ke-90", fmt.hours(p90), status(p90)],
                   ["Ditanggapi dalam SLA", fmt.percent(a.get("within_sla")),
                    "dari aduan yang ditanggapi"]], ["l", "r", "l"])]
    out += _counts("Menurut kanal", "Kanal", a.get("by_channel"), received)
    out += _counts("Menurut kategori", "Kategori", a.get("by_category"), received)
    out += _counts("Diteruskan ke", "Tujuan", a.get("by_forwarded_to"), received)
    out += ["", "### Aduan yang melewati SLA", ""]
    items, hidden = fmt.capped(a.get("overdue_items"))
    out.append(table(
        ["Diterima", "Kanal", "Aduan", "Diteruskan ke", "Menunggu"],
        [[fmt.datetime_short(o.get("received_at")), text(o.get("channel")),
          text(fmt.excerpt(o.get("text"), 160)), text(o.get("forwarded_to")),
          fmt.hours(o.get("hours_waiting"))] for o in items], ["l", "l", "l", "l", "r"])
        if items else "Tidak ada aduan yang melewati SLA.")
    if hidden:
        out += ["", f"Ditampilkan {fmt.number(len(items))} aduan yang paling lama menunggu. "
                + _hint(hidden, "aduan")]
    out += _lapor(a.get("lapor"))
    return out


def _lapor(lapor: dict[str, Any] | None) -> list[str]:
    """LAPOR! cases against their working-day deadlines."""
    if not lapor:
        return []
    days = ", ".join(text(d) for d in lapor.get("working_days") or [])
    out = ["", "### Laporan LAPOR! dan tenggat hari kerja", "",
           f"{fmt.number(lapor.get('cases'))} laporan LAPOR! pekan ini; tenggat verifikasi "
           f"{fmt.number(lapor.get('verify_working_days'))} hari kerja, tindak lanjut "
           f"{fmt.number(lapor.get('follow_up_working_days'))} hari kerja berikutnya (hari "
           f"kerja: {days}, di luar hari libur nasional). Lewat tenggat: "
           f"{fmt.number(lapor.get('overdue_verification'))} belum diverifikasi, "
           f"{fmt.number(lapor.get('overdue_follow_up'))} belum ditindaklanjuti.", ""]
    items, hidden = fmt.capped(lapor.get("overdue_cases"))
    if items:
        out.append(table(
            ["Nomor tracking", "Diterima", "Tahap", "Tenggat", "Instansi"],
            [[text(c.get("tracking")), fmt.datetime_short(c.get("received_at")),
              text(c.get("stage")), text(c.get("deadline")), text(c.get("office"))]
             for c in items], ["l", "l", "l", "l", "l"]))
    if hidden:
        out += ["", _hint(hidden, "laporan")]
    return out


def _hint(hidden: int, what: str) -> str:
    """The "N more, see the JSON" line, with the option as code."""
    return text(fmt.hidden_note(hidden, what)).replace("(--format json)", "(`--format json`)")


def _lint(r: dict[str, Any]) -> list[str]:
    out = ["## Kepatuhan SOP takarir", ""]
    lint = r.get("lint")
    if not lint:
        return out + [f"Takarir tidak diperiksa ({fmt.NULL})."]
    books = ", ".join(text(b) for b in lint.get("rulebooks") or []) or fmt.NULL
    out.append(f"{fmt.number(lint.get('posts_checked'))} takarir diperiksa dengan buku aturan "
               f"{books}: **{fmt.number(lint.get('posts_with_errors'))}** dengan galat, "
               f"**{fmt.number(lint.get('posts_with_warnings'))}** dengan peringatan.")
    rules = lint.get("rules") or []
    if rules:
        out += ["", "**Aturan yang paling sering dilanggar**", "",
                table(["Aturan", "Tingkat", "Jumlah", "Keterangan"],
                      [[f"`{x.get('rule')}`", fmt.LEVEL_LABELS.get(x.get("level"),
                                                                  text(x.get("level"))),
                        fmt.number(x.get("count")), text(x.get("message"))] for x in rules],
                      ["l", "l", "r", "l"])]
    posts, hidden = fmt.lint_posts(lint)
    if posts:
        out += ["", "**Unggahan dengan temuan** (galat terbanyak lebih dulu)", "",
                table(["Platform", "Takarir (cuplikan)", "Galat", "Peringatan", "Aturan",
                       "Tautan"],
                      [[text(fmt.PLATFORM_LABELS.get(p.get("platform"), p.get("platform"))),
                        _post_label(p), fmt.number(p.get("errors")),
                        fmt.number(p.get("warnings")),
                        ", ".join(f"`{x}`" for x in p.get("rules") or []) or fmt.NULL,
                        text(p.get("permalink"))] for p in posts],
                      ["l", "l", "r", "r", "l", "l"])]
    if hidden:
        out += ["", f"Ditampilkan {fmt.number(len(posts))} dari "
                f"{fmt.number(len(posts) + hidden)} unggahan dengan temuan. "
                + _hint(hidden, "unggahan")]
    return out


def _sources(r: dict[str, Any]) -> list[str]:
    out = ["## Sumber data", ""]
    sources = r.get("sources") or []
    if not sources:
        out.append("Tidak ada berkas.")
    else:
        out.append(table(
            ["Berkas", "Format", "Baris", "Dipakai", "Dilewati", "Peringatan"],
            [[text(s.get("path")), text(fmt.format_label(s.get("format"))),
              fmt.number(s.get("rows")), fmt.number(s.get("used")),
              fmt.number(len(s.get("skipped") or [])),
              "; ".join(text(w) for w in s.get("warnings") or []) or fmt.NULL]
             for s in sources], ["l", "l", "r", "r", "r", "l"]))
        if any(s.get("skipped") for s in sources):
            out += ["", "**Baris yang dilewati**", ""]
        for s in sources:
            shown, hidden = fmt.capped(s.get("skipped"), fmt.SKIPPED_LIMIT)
            out += [f"- {text(s.get('path'))}, baris {fmt.number(k.get('line'))}: "
                    f"{text(k.get('reason'))}" for k in shown]
            if hidden:
                out.append(f"- {text(s.get('path'))}: " + _hint(hidden, "baris dilewati"))
        failed = [s for s in sources if s.get("error")]
        if failed:
            out += ["", "**Berkas yang tidak terbaca** (laporan ditulis tanpa berkas ini)", ""]
            out += [f"- {text(s.get('path'))}"
                    + (f", baris {fmt.number(s['error'].get('line'))}"
                       if s["error"].get("line") else "")
                    + f": {text(s['error'].get('message'))}" for s in failed]
    basis = r.get("comparison_basis")
    if basis:
        out += ["", f"Perbandingan dengan pekan lalu: {text(basis.get('text'))}"]
    out += ["", "Baris dipakai = baris dalam pekan ini atau pekan lalu. Metrik Meta, YouTube dan "
            "X adalah total seumur unggahan per tanggal ekspor; jangkauan adalah perkiraan "
            f"platform. Waktu ditulis dalam zona {text(r.get('timezone'))}."]
    return out


def render_markdown(report: dict[str, Any]) -> str:
    """The report as GitHub-flavoured Markdown (same report → same text)."""
    blocks = [_header(report), _summary(report), _platforms(report), _posts(report),
              _content(report), _comments(report), _complaints(report), _lint(report),
              _sources(report),
              ["---", "", f"{fmt.NULL_LEGEND} · Dibuat oleh "
               f"{text(report.get('generator') or 'medsos')} (laporan JSON versi "
               f"{text(report.get('version'))})"]]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
