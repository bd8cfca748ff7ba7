"""The weekly report as a head of office reads it (issue 13): how changes are named, the
crisis said once, recommendations as actions, captions wherever a post is listed, honest
chart labels, print furniture. Renders the contract sample and small variations of it."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from medsos_cli.weekly import fmt
from medsos_cli.weekly.model import CountChange, PlatformWeek, WeeklyReport, decode
from medsos_cli.weekly.render_html import render_html
from medsos_cli.weekly.render_md import render_markdown

FIXTURE = Path(__file__).parent / "fixtures" / "weekly" / "report.json"
typed = WeeklyReport.from_dict


@pytest.fixture()
def report() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def _text(html: str) -> str:
    html = re.sub(r"<svg\b.*?</svg>", " ", html, flags=re.S)
    html = re.sub(r"<style\b.*?</style>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _section(html: str, name: str) -> str:
    start = html.index(f'<section id="{name}"')
    return html[start:html.index("</section>", start)]


def _md_section(md: str, heading: str) -> str:
    start = md.index(heading)
    end = md.find("\n## ", start + len(heading))
    return md[start:end if end > 0 else len(md)]


def _er_report(report: dict, now: float, before: float) -> dict:
    """The sample with Facebook's ER moved from ``before`` to ``now`` (as 7,0 → 7,4 %)."""
    r = copy.deepcopy(report)
    fb = r["platforms"]["facebook"]
    fb["engagement_rate"] = now
    fb["previous"]["engagement_rate"] = before
    fb["change"]["engagement_rate"] = round((now - before) / before, 6)
    fb.pop("change_points", None)
    return r


# --- every change named in points for rates, in percent for counts -----------------------

def test_points_are_named_in_percentage_points():
    assert fmt.points(0.0044) == "▲ naik 0,4 poin persentase"
    assert fmt.points(-0.0123) == "▼ turun 1,2 poin persentase"
    assert fmt.points(0.0004) == "■ tetap"  # rounds to 0,0: the arrow never contradicts
    assert fmt.points(0.0044, fmt.POINTS_SHORT) == "▲ naik 0,4 poin"
    assert fmt.points(None) == "–"


def test_er_change_is_points_not_a_relative_percent(report):
    # 6,954 % → 7,393 %: +0,439 points (the relative change, +6,3 %, is what the page used
    # to print next to the rate)
    r = _er_report(report, 0.073934, 0.06954)
    html, md = render_html(r), render_markdown(r)
    start = html.index('<table class="metrics">')
    table = _text(html[start:html.index("</table>", start)])
    assert "7,4 % ▲ naik 0,4 poin" in table
    assert "naik 6,3 %" not in _text(html)
    er_row = next(x for x in md.splitlines() if x.startswith("| **Tingkat interaksi (ER)** |"))
    assert "7,4 % (▲ naik 0,4 poin)" in er_row and "6,3 %" not in md


def test_key_changes_name_er_in_points_and_counts_in_percent(report):
    # 5,0 % → 8,0 %: +60 % relative (ranks first), +3,0 points
    r = _er_report(report, 0.08, 0.05)
    html, md = render_html(r), render_markdown(r)
    summary = _text(_section(html, "ringkasan"))
    assert "Tingkat interaksi Facebook naik 3,0 poin persentase" in summary
    assert "Tingkat interaksi Facebook **naik 3,0 poin persentase**" in md
    assert "naik 60,0 %" not in summary
    assert "Tayangan TikTok naik" in summary and re.search(r"Tayangan TikTok naik \d+,\d %",
                                                           summary)


def test_change_points_in_json_win_over_the_two_rates(report):
    r = _er_report(report, 0.073934, 0.06954)
    r["platforms"]["facebook"]["change_points"] = {"engagement_rate": -0.02}
    assert "7,4 % ▼ turun 2,0 poin" in _text(render_html(r))


def test_account_er_change_is_in_points(report):
    r = copy.deepcopy(report)
    r["accounts"] = {
        "x:@a": {"platform": "x", "account": "@a", "posts": 2, "engagement_rate": 0.05,
                 "previous": {"engagement_rate": 0.04}, "change": {"engagement_rate": 0.25}},
        "x:@b": {"platform": "x", "account": "@b", "posts": 1, "engagement_rate": 0.03,
                 "previous": {"engagement_rate": 0.03}, "change": {"engagement_rate": 0.0}}}
    html, md = render_html(r), render_markdown(r)
    assert "▲ naik 1,0 poin" in _text(html) and "naik 25,0 %" not in _text(html)
    assert "5,0 % (▲ naik 1,0 poin)" in md


# --- the bundled example week, rendered ---------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def example() -> dict:
    from datetime import date

    from medsos_cli.config import load_config
    from medsos_cli.exports import read_exports
    from medsos_cli.weekly.build import build_report

    config = load_config(EXAMPLES / "medsos.toml")
    results = read_exports([str(EXAMPLES / "exports")], tz=config.timezone, year=2026,
                           near=date(2026, 11, 16))
    # the JSON contract (what these tests read); the renderers take it as it is read back
    return build_report(results, week="2026-W47", config=config, use_history=False).to_dict()


@pytest.fixture(scope="module")
def example_html(example) -> str:
    return render_html(example)


@pytest.fixture(scope="module")
def example_md(example) -> str:
    return render_markdown(example)


# --- the crisis is told once ---------------------------------------------------------------

def test_crisis_is_told_once(example, example_html, example_md):
    assert [d["date"] for d in example["comments"]["crisis_days"]] == ["2026-11-18"]
    for text in (_text(example_html), example_md):
        assert text.count("holding statement") == 1, text.count("holding statement")
        assert text.count("Komentar negatif melonjak") == 1
        assert text.count("Kemungkinan krisis") == 1
    assert not any("holding" in r or "melonjak" in r for r in example["recommendations"])
    # the told place is the summary, with the command as code; the comments section and
    # its daily table point back to it
    summary = _section(example_html, "ringkasan")
    assert "Komentar negatif melonjak pada Rabu, 18 November 2026: 6 komentar" in _text(summary)
    assert "<code>medsos draft holding-statement</code>" in summary
    comments = _section(example_html, "komentar")
    assert 'href="#ringkasan"' in comments and "⚠" in comments
    assert "`medsos draft holding-statement`" in _md_section(example_md, "## Ringkasan")


# --- recommendations are actions, each with its number -------------------------------------

ACTIONS = {"Balas", "Tanggapi", "Percepat", "Jadwalkan", "Susun", "Ulangi", "Cari", "Perbaiki",
           "Perbanyak", "Periksa", "Aktifkan", "Pertahankan"}


def test_example_recommendations_are_actions_with_numbers(example):
    recs = example["recommendations"]
    assert 3 <= len(recs) <= 6
    for rec in recs:
        verb = rec.split()[0]
        assert verb in ACTIONS, rec  # an action, never "Jangkauan Instagram naik …"
        assert re.search(r"\d", rec), rec  # with the number behind it
    assert recs[0].startswith("Balas 1 aduan yang lewat 1×24 jam")


# --- why a list of posts is empty ----------------------------------------------------------

def test_unranked_reasons_name_the_real_cause(example, example_html, example_md):
    posts = _text(_section(example_html, "unggahan"))
    assert "Tidak ada unggahan dengan ER yang diketahui" not in posts + example_md
    # YouTube: both videos have a known ER (views basis); they are both in the top list
    assert [p["id"] for p in example["platforms"]["youtube"]["top_posts"]] and \
        not example["platforms"]["youtube"]["bottom_posts"]
    assert ("Semua unggahan YouTube yang ER-nya diketahui (2) sudah ada di daftar teratas."
            in posts)
    assert "Semua unggahan YouTube yang ER-nya diketahui (2)" in example_md
    # TikTok: only the account overview (daily totals), no per-post rows at all
    tiktok = ("Ekspor TikTok yang dibaca hanya berisi total harian akun (ringkasan), tanpa "
              "angka per unggahan; ER TikTok dihitung dari total tayangan harian itu.")
    assert posts.count(tiktok) == 1  # said once, instead of an empty table
    assert re.search(r'<p class="unranked"><strong>TikTok:</strong> Ekspor TikTok',
                     _section(example_html, "unggahan"))
    assert tiktok in example_md


def test_unranked_reason_names_the_platforms_own_basis():
    youtube = {"label": "YouTube", "posts": 3, "engagement_rate_basis": "views",
               "top_posts": [], "bottom_posts": []}
    reason = fmt.unranked_reason("youtube", decode(PlatformWeek, youtube))
    assert reason == ("3 unggahan YouTube, tetapi tidak ada yang tayangan (penyebut ER YouTube) "
                      "dan interaksinya sama-sama tercantum di ekspor.")
    assert "jangkauan" not in reason
    silent = decode(PlatformWeek, {"label": "X", "posts": 0})
    assert fmt.unranked_reason("x", silent) == "Tidak ada unggahan X pekan ini."


# --- date-only posts show the date only ----------------------------------------------------

def test_date_only_posts_show_no_midnight(example, example_html, example_md):
    assert fmt.datetime_short("2026-11-22") == "Min, 22 Nov"
    assert fmt.datetime_short("2026-11-22T00:00:00+07:00") == "Min, 22 Nov 00.00"  # a real time
    youtube = example["platforms"]["youtube"]["top_posts"]
    assert [p["published_at"] for p in youtube] == ["2026-11-22", "2026-11-17"]
    posts = _text(_section(example_html, "unggahan"))
    assert "00.00" not in posts and "Min, 22 Nov" in posts
    assert "| Min, 22 Nov |" in _md_section(example_md, "### YouTube")


# --- a listed post shows its caption ---------------------------------------------------------

def test_compliance_table_lists_captions_with_ids(example, example_html, example_md):
    posts = example["lint"]["posts"]
    assert posts and all(p["caption"] for p in posts)
    first = next(p for p in posts if p["id"] == "1000700000000112")
    assert first["caption"].startswith("Masyarakat dihimbau untuk waspada terhadap penipuan")
    sop = _section(example_html, "sop")
    assert "Masyarakat dihimbau untuk waspada terhadap penipuan" in _text(sop)
    # the id is kept, as the link to the post
    assert ('ID&nbsp;<a href="https://www.facebook.com/kotacontoh/posts/pfbid0KC112">'
            "1000700000000112</a>") in sop
    md = _md_section(example_md, "## Kepatuhan SOP takarir")
    row = next(x for x in md.splitlines() if "1000700000000112" in x)
    assert "Masyarakat dihimbau untuk waspada" in row and "(ID 1000700000000112)" in row


def test_old_lint_rows_without_caption_still_show_the_id(report):
    r = copy.deepcopy(report)
    for p in r["lint"]["posts"]:
        p.pop("caption", None)
    ident = r["lint"]["posts"][0]["id"]
    assert ident in _text(_section(render_html(r), "sop"))
    assert ident in render_markdown(r)


def test_top_posts_show_caption_and_small_id(example_html):
    posts = _section(example_html, "unggahan")
    assert '<span class="post-id">ID&nbsp;1000700000000113</span>' in posts


# --- daily chart: lifetime totals by publish day are not the account's daily totals --------

def test_daily_chart_keeps_account_daily_totals_apart(example, example_html):
    from medsos_cli.weekly import charts

    sources = {k: p["daily_source"] for k, p in example["platforms"].items()}
    assert sources == {"facebook": "posts", "instagram": "posts", "x": "posts",
                       "youtube": "posts", "tiktok": "account"}
    by_post = charts.daily_chart(typed(example))
    by_account = charts.daily_chart(typed(example), "account")
    assert "TikTok" not in by_post and "per hari" not in by_post
    assert "total seumur unggahan yang terbit hari itu" in by_post
    assert "TikTok (tayangan)" in by_account and "Facebook" not in by_account
    for caption in ("Jangkauan/tayangan unggahan menurut hari terbit",
                    "bukan angka yang dicapai akun pada hari itu",
                    "Tayangan harian akun: angka per hari dari ringkasan akun (TikTok)"):
        assert caption in example_html
    assert example_html.count('role="img"') == 4


def test_daily_source_is_inferred_for_reports_without_it(report):
    from medsos_cli.weekly import charts

    r = copy.deepcopy(report)
    r["platforms"]["tiktok"]["posts"] = None
    for p in r["platforms"].values():
        p.pop("daily_source", None)
    assert charts.daily_source(typed(r).platforms["tiktok"]) == "account"
    assert charts.daily_source(typed(r).platforms["facebook"]) == "posts"


# --- week over week for comments and complaints ----------------------------------------------

def test_comments_and_complaints_change_week_over_week(example, example_html, example_md):
    # komentar.csv: 32 comments in W47, 4 in W46 (9–15 Nov): (32 − 4) / 4 = +700 %;
    # negative 12 against 0 the week before
    c = example["comments"]["change_total"]
    assert c["total"] == {"count": 32, "previous": 4, "delta": 28, "percent": 700.0}
    assert c["negatif"] == {"count": 12, "previous": 0, "delta": 12, "percent": None}
    # aduan.csv: W46 has 10/11 08:30 (answered 2,5 h later) and 13/11 19:20 (answered
    # 14/11 08:00, 12,7 h): 2 received, 0 overdue; W47: 11 received, 3 overdue
    a = example["complaints"]
    assert a["previous_week"] == {"start": "2026-11-09", "end": "2026-11-15", "received": 2,
                                  "overdue": 0}
    assert a["change"]["received"] == {"count": 11, "previous": 2, "delta": 9, "percent": 450.0}
    assert a["change"]["overdue"]["percent"] is None and a["change"]["overdue"]["delta"] == 3
    summary = _text(_section(example_html, "ringkasan"))
    assert "Komentar 32 ▲ naik 700,0 % (pekan lalu 4)" in summary
    assert "▲ naik dari 0 pekan lalu" in summary
    assert "Aduan 11 ▲ naik 450,0 % (pekan lalu 2)" in summary
    # more overdue complaints is bad news: never coloured as a good rise
    assert '<span class="chg up worse"><span aria-hidden="true">▲</span> naik dari 0 pekan lalu' \
        in _section(example_html, "aduan")
    assert fmt.count_change_parts(CountChange(count=1, previous=4), worse_when_up=True)[2] == \
        "down better"
    md = _md_section(example_md, "## Ringkasan")
    assert "- **Komentar:** 32, ▲ naik 700,0 % (pekan lalu 4)" in md
    assert "- **Aduan:** 11 diterima, ▲ naik 450,0 % (pekan lalu 2)" in md
    # and in their own sections
    assert "Semua komentar 32 4 +28 (+700,0 %)" in _text(_section(example_html, "komentar"))
    assert "| Semua komentar | 32 | 4 | +28 (+700,0 %) |" in example_md
    assert "Diterima 11 ▲ naik 450,0 % (pekan lalu 2)" in _text(_section(example_html, "aduan"))
    assert "| 11, ▲ naik 450,0 % (pekan lalu 2) |" in example_md


def test_a_complaint_log_starting_this_week_has_no_previous_week():
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from medsos_cli.exports.model import Complaint
    from medsos_cli.weekly.complaints import analyse_complaints

    zone = ZoneInfo("Asia/Jakarta")
    items = [Complaint(datetime(2026, 11, 17, 9, tzinfo=zone), "DM", "Lampu padam")]
    got = analyse_complaints(items, start=date(2026, 11, 16), end=date(2026, 11, 22),
                             tz="Asia/Jakarta", sla_hours=24)
    assert got.previous_week is None and got.change is None  # unknown, not zero
    r = json.loads(FIXTURE.read_text(encoding="utf-8"))
    r["complaints"].update(previous_week=None, change=None)
    assert "pekan lalu tidak ada di log aduan" in _text(render_html(r))
    assert "pekan lalu tidak ada di log aduan" in render_markdown(r)


# --- the posts card keeps its change beside a TikTok overview ------------------------------

def test_posts_card_keeps_its_change_with_a_tiktok_overview(example, example_html, example_md):
    # TikTok comes from its overview only (posts null in both weeks); the other four
    # platforms: W46 4 + 3 + 4 + 1 = 12 posts, W47 6 + 5 + 7 + 2 = 20: (20 − 12) / 12 = +66,7 %
    assert example["platforms"]["tiktok"]["posts"] is None
    assert fmt.total_posts_previous(typed(example)) == 12
    summary = _text(_section(example_html, "ringkasan"))
    assert "Unggahan 20 ▲ naik 66,7 % (pekan lalu 12)" in summary
    assert "20 unggahan di 4 platform (jumlah unggahan TikTok tidak tercatat" in summary
    assert "- **Unggahan:** 20 di 4 platform (▲ naik 66,7 %; pekan lalu 12)" in example_md
    # a platform that counts posts but lacks last week's count still makes it unknown
    r = copy.deepcopy(example)
    r["platforms"]["youtube"]["previous"] = None
    assert fmt.total_posts_previous(typed(r)) is None


# --- print furniture -------------------------------------------------------------------------

def test_print_has_page_numbers_and_a_running_header_in_css(report):
    html = render_html(report)
    rules = html[html.index("@top-left"):html.index("</style>", html.index("@top-left"))]
    assert 'content: "Laporan mingguan media sosial · Diskominfo Kota Contoh"' in rules
    assert 'content: "Pekan 2026-W47"' in rules
    assert 'content: "Halaman " counter(page) " dari " counter(pages)' in rules


def test_css_string_cannot_close_the_style_element():
    from medsos_cli.weekly.render_html import css_string

    quoted = str(css_string('A "b" \\ </style>\n'))
    assert quoted == '"A \\000022 b\\000022  \\00005c  \\00003c /style\\00003e "'
    assert "<" not in quoted and quoted.count('"') == 2


def test_sources_name_formats_in_indonesian_not_by_internal_id(report):
    """The sources table says what each file is (the export-format table's label); the JSON
    keeps the format id for machines."""
    html = _text(render_html(report))
    md = render_markdown(report)
    sources = html[html.index("Sumber data"):]
    for fmt_id, label in (("meta_facebook_posts", "ekspor unggahan Facebook (Meta Business Suite)"),
                          ("medsos_complaints", "log aduan medsos"),
                          ("youtube_table", "Table data.csv YouTube Studio")):
        assert fmt_id not in sources
        assert label in sources
        assert f"| {label} |" in _md_section(md, "## Sumber data")
        assert fmt_id not in _md_section(md, "## Sumber data")
    assert fmt.format_label("format_baru_tak_dikenal") == "format_baru_tak_dikenal"
    assert fmt.format_label(None) == fmt.NULL
