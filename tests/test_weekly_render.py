"""HTML and Markdown rendering of the weekly report (from the contract sample in fixtures)."""

from __future__ import annotations

import copy
import decimal
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from babel.numbers import format_decimal
from hypothesis import assume, given
from hypothesis import strategies as st

from medsos_cli.weekly import charts, fmt
from medsos_cli.weekly.model import WeeklyReport, as_report
from medsos_cli.weekly.render_html import bundled_templates_path, render_html
from medsos_cli.weekly.render_md import render_markdown

FIXTURE = Path(__file__).parent / "fixtures" / "weekly" / "report.json"
SECTION_IDS = ["ringkasan", "platform", "unggahan", "konten", "komentar", "aduan", "sop",
               "sumber"]
MD_HEADINGS = ["## Ringkasan", "## Kinerja per platform", "## Unggahan teratas dan terbawah",
               "## Ragam konten dan jadwal unggah", "## Komentar warga: opini dan kritik",
               "## Penanganan aduan", "## Kepatuhan SOP takarir", "## Sumber data"]


@pytest.fixture(scope="module")
def report() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def html(report) -> str:
    return render_html(report)


@pytest.fixture(scope="module")
def md(report) -> str:
    return render_markdown(report)


def _text(html: str) -> str:
    """Visible-ish text: tags dropped, whitespace collapsed (entities kept)."""
    html = re.sub(r"<svg\b.*?</svg>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _row(md: str, label: str) -> list[str]:
    line = next(x for x in md.splitlines() if x.startswith(f"| {label} |"))
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]


# --- formatting helpers ------------------------------------------------------------------

def test_indonesian_formats():
    assert fmt.number(12345) == "12.345"
    assert fmt.number(1234567) == "1.234.567"
    assert fmt.number(None) == "–"
    assert fmt.percent(0.030620) == "3,1 %"
    assert fmt.percent(None) == "–"
    assert fmt.change(0.2345) == "▲ naik 23,4 %"
    assert fmt.change(-0.125) == "▼ turun 12,5 %"
    assert fmt.change(0.0001) == "■ tetap"
    assert fmt.change(None) == "–"
    assert fmt.hours(5.5) == "5,5 jam"
    assert fmt.sla(24) == "1×24 jam"
    assert fmt.sla(48) == "2×24 jam"
    assert fmt.signed(25) == "+25"
    assert fmt.signed(-1200) == "−1.200"
    assert fmt.date_long("2026-11-16") == "Senin, 16 November 2026"
    assert fmt.date_range("2026-11-16", "2026-11-22") == "16–22 November 2026"
    assert fmt.date_range("2026-12-28", "2027-01-03") == "28 Desember 2026 – 3 Januari 2027"
    assert fmt.datetime_short("2026-11-17T08:15:00+07:00") == "Sel, 17 Nov 08.15"
    assert fmt.excerpt("a  b\nc") == "a b c"
    assert fmt.excerpt("kata " * 40, 30).endswith("…")
    assert len(fmt.excerpt("kata " * 40, 30)) <= 30


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_number_groups_thousands_with_dots(value):
    shown = fmt.number(value)
    assert int(shown.replace(".", "")) == value
    assert "," not in shown


@given(st.one_of(st.integers(), st.floats(), st.floats(min_value=-1e6, max_value=1e6),
                 st.integers(min_value=-10**6, max_value=10**6).map(lambda n: n / 1000)),
       st.integers(min_value=0, max_value=3))
def test_number_fast_path_says_what_babel_says(value, digits):
    """The pure-Python fast path gives Babel's ``id`` output, rounding halves to even."""
    try:
        expected = format_decimal(value, format="#,##0" + ("." + "0" * digits if digits else ""),
                                  locale="id")
    except decimal.InvalidOperation:  # Babel cannot quantise > 28 digits; we can
        assume(False)
    assert fmt.number(value, digits) == expected


def test_number_rounds_like_babel_on_known_cases():
    assert fmt.number(2.675, 2) == "2,68"  # decimal half-even, not binary float rounding
    assert fmt.number(0.5) == "0" and fmt.number(1.5) == "2"
    assert fmt.number(-0.4) == "-0"
    assert fmt.number(1234567.891, 1) == "1.234.567,9"
    assert fmt.number(1e28) == "10.000.000.000.000.000.000.000.000.000"
    assert fmt.number(float("nan")) == "NaN"


@given(st.floats(min_value=-50, max_value=50, allow_nan=False))
def test_change_arrow_agrees_with_words(ratio):
    text = fmt.change(ratio)
    if text.startswith("▲"):
        assert "naik" in text and ratio > 0
    elif text.startswith("▼"):
        assert "turun" in text and ratio < 0
    else:
        assert text == "■ tetap"


# --- HTML --------------------------------------------------------------------------------

def test_html_has_every_section(html):
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="id">' in html
    for section in SECTION_IDS:
        assert f'<section id="{section}"' in html, section
    text = _text(html)
    for heading in ("Ringkasan", "Kinerja per platform", "Unggahan teratas dan terbawah",
                    "Ragam konten dan jadwal unggah", "Perubahan pengikut",
                    "Komentar warga: opini dan kritik", "Penanganan aduan",
                    "Kepatuhan SOP takarir", "Sumber data", "Rekomendasi",
                    "Perubahan utama dibanding pekan lalu"):
        assert heading in text, heading


def test_html_numbers_are_indonesian(html):
    text = _text(html)
    # ER changes are in points: TikTok 8,2963 % → 8,063 % is −0,23 points ("turun 0,2 poin")
    for expected in ("12.345", "18.420", "3,1 %", "7,0 %", "naik 23,4 %", "turun 0,2 poin",
                     "5,5 jam", "30,2 jam", "SLA 1×24 jam", "52,0 jam",
                     "Senin, 16 November 2026", "Minggu, 22 November 2026", "+112",
                     "Rumus tingkat interaksi", "(reaksi + komentar + bagikan) / jangkauan"):
        assert expected in text, expected
    # change is said with arrow and words, never colour alone
    assert re.search(r'class="chg up"><span aria-hidden="true">▲</span> naik 23,4 %', html)


def test_html_summary_comes_first_with_recommendations(html, report):
    summary = html[html.index('id="ringkasan"'):html.index('id="platform"')]
    assert "24 unggahan" in summary
    for rec in report["recommendations"]:
        assert rec.replace('"', "&#34;") in summary
    assert "Tayangan TikTok" in summary  # the biggest change is listed first
    assert summary.index("Tayangan TikTok") < summary.index("Jangkauan Facebook")


def test_html_nulls_are_dashes_with_legend(html):
    assert "– = tidak diketahui" in html
    metrics = html[html.index('<table class="metrics">'):]
    metrics = metrics[:metrics.index("</table>")]
    reach = metrics[metrics.index("Jangkauan</th>"):]
    reach = reach[:reach.index("</tr>")]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", reach)
    assert [re.sub(r"<.*", "", c) for c in cells] == ["12.345", "18.420", "–", "–", "–"]
    assert 'class="num unknown"' in reach
    assert "None" not in _text(html)
    assert "Tanpa pembanding pekan lalu (data pekan lalu tidak ada): X." in html


def test_html_escapes_user_text(html):
    assert "<script" not in html  # neither the caption's nor any of ours: no JavaScript
    assert "&lt;script&gt;alert(&#39;hadiah&#39;)&lt;/script&gt;" in html
    assert "Rina &lt;b&gt;Marlina&lt;/b&gt;" in html
    assert "<b>Marlina" not in html


def test_html_is_self_contained(html):
    assert "<link" not in html and "<img" not in html and "@import" not in html
    assert "<image" not in html  # charts are vectors, no embedded bitmaps
    assert not re.search(r'\bsrc="', html)
    assert not re.search(r"url\((?!#)", html)  # only in-page references (SVG clip paths)
    assert "@page { size: A4" in html and "@media print" in html
    ids = re.findall(r'\bid="([^"]+)"', html)
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert duplicates == []


def test_html_crisis_day_points_to_holding_statement(html):
    assert "Kemungkinan krisis" in html
    assert "<code>medsos draft holding-statement</code>" in html
    assert '<th scope="col" class="num crisis">⚠ Kam, 19 Nov</th>' in html


def test_html_accessible_structure(html):
    assert html.count("<caption") >= 15
    assert 'scope="col"' in html and 'scope="row"' in html
    svgs = re.findall(r"<svg\b[^>]*>", html)
    assert len(svgs) == 3
    for tag in svgs:
        assert 'role="img"' in tag and "aria-label=" in tag and "aria-labelledby=" in tag
    assert html.count("<title id=") == 3


def test_html_is_deterministic(report, html):
    assert render_html(copy.deepcopy(report)) == html


def test_templates_folder_is_bundled_and_not_a_content_type():
    folder = bundled_templates_path() / "report"
    assert (folder / "weekly.html.j2").is_file()
    assert not (folder / "schema.yaml").exists()


# --- charts ------------------------------------------------------------------------------

def test_charts_are_small_deterministic_inline_svg(report):
    first = charts.all_charts(WeeklyReport.from_dict(report))
    second = charts.all_charts(WeeklyReport.from_dict(copy.deepcopy(report)))
    assert first == second
    assert first.pop("daily_account") is None  # the sample's TikTok has per-post rows
    for name, svg in first.items():
        assert svg, name
        assert svg.startswith("<svg ") and svg.rstrip().endswith("</svg>")
        assert "<?xml" not in svg and "<!DOCTYPE" not in svg and "<dc:date>" not in svg
        assert len(svg.encode("utf-8")) < 60_000, name
        assert "<text" in svg  # svg.fonttype none: text stays text
        assert "<image" not in svg


def test_chart_axes_use_indonesian_thousands(report):
    svg = charts.daily_chart(WeeklyReport.from_dict(report))
    assert re.search(r">\d\.\d{3}<", svg)  # e.g. 1.500 on the y axis
    assert "TikTok (tayangan)" in svg and "Facebook (jangkauan)" in svg
    er = charts.engagement_chart(WeeklyReport.from_dict(report))
    assert "8,1 %" in er and "pekan lalu 8,3 %" in er


def test_matplotlib_and_jinja_are_not_imported_at_module_load():
    code = ("import sys, medsos_cli.weekly.render_html, medsos_cli.weekly.render_md, "
            "medsos_cli.weekly.charts; "
            "print(sorted(m for m in ('matplotlib', 'jinja2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")})
    assert out.stdout.strip() == "[]"


# --- Markdown ----------------------------------------------------------------------------

def test_markdown_has_every_section_and_numbers(md):
    for heading in MD_HEADINGS:
        assert f"\n{heading}\n" in md, heading
    for expected in ("12.345", "3,1 %", "naik 23,4 %", "5,5 jam", "1×24 jam",
                     "Senin, 16 November 2026", "`medsos draft holding-statement`",
                     "– = tidak diketahui"):
        assert expected in md, expected
    assert "<" not in md.replace("\\<", "")  # no HTML, escaped user text only


def test_markdown_nulls_and_escaping(md):
    assert _row(md, "Jangkauan") == ["Jangkauan", "12.345 (▲ naik 23,4 %)",
                                     "18.420 (▲ naik 23,5 %)", "–", "–", "–"]
    assert "\\<script>alert('hadiah')\\</script>" in md
    assert "Tanpa pembanding pekan lalu (data pekan lalu tidak ada): X." in md
    assert "Menghadapi Musim Hujan 2026 \\| Bersama Kepala BPBD" in md


def test_markdown_tables_are_rectangular(md):
    tables, current = [], []
    for line in md.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    assert len(tables) >= 20
    for rows in tables:
        widths = {len(re.split(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, rows[0]
        assert re.fullmatch(r"\|( ---:? \|)+", rows[1])


def test_markdown_is_deterministic(report, md):
    assert render_markdown(copy.deepcopy(report)) == md
    assert md.endswith("\n") and not md.endswith("\n\n")


# --- partial reports ---------------------------------------------------------------------

def test_report_without_comments_complaints_or_lint_renders(report):
    bare = copy.deepcopy(report)
    bare["comments"] = None
    bare["complaints"] = None
    bare["lint"] = None
    html = render_html(bare)
    md = render_markdown(bare)
    for section in SECTION_IDS:
        assert f'<section id="{section}"' in html
    assert "Berkas komentar tidak diberikan" in html and "Log aduan tidak diberikan" in html
    assert "Kemungkinan krisis" not in html
    assert "Berkas komentar tidak diberikan" in md and "Log aduan tidak diberikan" in md
    for heading in MD_HEADINGS:
        assert heading in md


def test_report_with_one_platform_renders(report):
    one = copy.deepcopy(report)
    one["platforms"] = {"instagram": one["platforms"]["instagram"]}
    one["accounts"] = {k: v for k, v in one["accounts"].items() if k.startswith("instagram:")}
    html = render_html(one)
    md = render_markdown(one)
    metrics = html[html.index('<table class="metrics">'):]
    metrics = metrics[:metrics.index("</table>")]
    assert "18.420" in metrics and "Facebook" not in metrics
    assert "Per akun" not in html
    assert _row(md, "Jangkauan") == ["Jangkauan", "18.420 (▲ naik 23,5 %)"]
    assert html.count("<svg ") == 3


def test_report_with_missing_keys_and_no_platforms_renders():
    minimal = {"version": 1, "week": "2026-W47", "start": "2026-11-16", "end": "2026-11-22",
               "timezone": "Asia/Jakarta", "sources": [], "platforms": {},
               "posting": {"grid": [[0] * 24 for _ in range(7)], "posts": 0,
                           "days_without_posts": []}}
    html = render_html(minimal)
    md = render_markdown(minimal)
    assert "Tidak ada data platform" in html and "Tidak ada data platform" in md
    assert "Undefined" not in html and "None" not in _text(html)


def test_accounts_table_only_when_a_platform_has_several_accounts(report, html, md):
    assert "Per akun" not in html and "### Per akun" not in md
    assert '<span class="account">kotacontoh</span>' in html  # one account: named in header
    assert "| Metrik | Facebook (Diskominfo Kota Contoh) | Instagram (kotacontoh) |" in md
    two = copy.deepcopy(report)
    extra = dict(two["accounts"]["instagram:kotacontoh"], account="dinkes.kotacontoh",
                 posts=2, engagement_rate=0.05)
    two["accounts"]["instagram:dinkes.kotacontoh"] = extra
    html2, md2 = render_html(two), render_markdown(two)
    assert "<caption>Per akun</caption>" in html2
    assert "Instagram · dinkes.kotacontoh" in html2
    assert "| Instagram · dinkes.kotacontoh | 2 |" in md2


@pytest.mark.parametrize("key", ["sources", "platforms", "accounts", "posting", "comments",
                                 "complaints", "lint", "recommendations", "account",
                                 "previous_week"])
def test_markdown_survives_a_missing_or_null_section(report, key):
    for value in ("delete", None):
        partial = copy.deepcopy(report)
        if value == "delete":
            del partial[key]
        else:
            partial[key] = None
        md = render_markdown(partial)
        assert "None" not in md and "## Sumber data" in md


def test_html_survives_null_sections_and_missing_platform_fields(report):
    partial = copy.deepcopy(report)
    for key in ("posting", "sources", "accounts", "recommendations", "previous_week"):
        partial[key] = None
    for data in partial["platforms"].values():
        for field in ("previous", "change", "top_posts", "content_mix", "daily", "label"):
            del data[field]
    html = render_html(partial)
    text = _text(html)
    assert "None" not in text and "Undefined" not in text
    assert "Tidak ada berkas." in text and "Data pekan lalu tidak tersedia." in text
    assert html.count("<svg ") == 1  # only the engagement-rate chart has data left


# --- long lists are capped in HTML and Markdown (the JSON keeps them all) ---------------------

def _big_report(report: dict) -> dict:
    """The sample report with 250 posts with findings (3 with errors, late in time order),
    130 overdue complaints and 25 skipped rows in one source file."""
    big = copy.deepcopy(report)
    posts = [{"platform": "instagram", "id": f"pos-{i:03d}", "permalink": None,
              "errors": 0, "warnings": 1 + i % 3, "rules": ["baku.ejaan"]} for i in range(250)]
    for i, errors in ((200, 1), (220, 3), (240, 1)):
        posts[i]["errors"] = errors
        posts[i]["rules"] = ["keamanan.data-pribadi"]
    big["lint"]["posts"] = posts
    item = big["complaints"]["overdue_items"][0]
    big["complaints"]["overdue_items"] = [
        {**item, "text": f"Aduan nomor {i:03d}", "hours_waiting": 500.0 - i} for i in range(130)]
    big["sources"][0]["skipped"] = [{"line": 10 + i, "reason": "tanggal tidak terbaca"}
                                    for i in range(25)]
    return big


def test_html_caps_long_lists_and_points_to_the_json(report):
    big = _big_report(report)
    before = copy.deepcopy(big)
    page = render_html(big)
    assert big == before  # the report (and so its JSON) is left as it is
    sop = page[page.index('id="sop"'):page.index('id="sumber"')]
    shown = re.findall(r">pos-(\d{3})<", sop)
    assert len(shown) == fmt.ROW_LIMIT
    assert shown[:3] == ["220", "200", "240"]  # most errors first, ties in time order
    assert "Ditampilkan 100 dari 250 unggahan dengan temuan" in _text(sop)
    assert "150 unggahan lain tidak ditampilkan" in _text(sop)
    assert "laporan JSON (--format json)" in _text(sop)
    complaints = page[page.index('id="aduan"'):page.index('id="sop"')]
    assert complaints.count("Aduan nomor") == fmt.ROW_LIMIT
    assert "Aduan nomor 099" in complaints and "Aduan nomor 100" not in complaints
    assert "30 aduan lain tidak ditampilkan" in _text(complaints)
    sources = page[page.index('id="sumber"'):]
    assert sources.count("tanggal tidak terbaca") == fmt.SKIPPED_LIMIT
    assert "15 baris dilewati lain tidak ditampilkan" in _text(sources)


def test_markdown_caps_long_lists_and_points_to_the_json(report):
    big = _big_report(report)
    before = copy.deepcopy(big)
    md = render_markdown(big)
    assert big == before
    rows = re.findall(r"^\| Instagram \| pos-(\d{3}) \|", md, flags=re.M)
    assert len(rows) == fmt.ROW_LIMIT and rows[:3] == ["220", "200", "240"]
    assert ("Ditampilkan 100 dari 250 unggahan dengan temuan. 150 unggahan lain tidak "
            "ditampilkan; daftar lengkapnya ada di laporan JSON (`--format json`).") in md
    assert md.count("Aduan nomor") == fmt.ROW_LIMIT
    assert "30 aduan lain tidak ditampilkan" in md
    assert md.count("tanggal tidak terbaca") == fmt.SKIPPED_LIMIT
    assert "15 baris dilewati lain tidak ditampilkan" in md


def test_short_lists_have_no_cap_note(html, md):
    assert "tidak ditampilkan" not in html and "tidak ditampilkan" not in md


# --- the posting grid -------------------------------------------------------------------------

def test_posting_grid_is_one_vector_collection_with_counts_as_text(report):
    svg = charts.posting_grid_chart(WeeklyReport.from_dict(report))
    grid = report["posting"]["grid"]
    busy = [c for row in grid for c in row if c]
    assert busy
    assert svg.count('id="jadwal-PolyCollection_1"') == 1  # every busy cell in one artist
    assert 'id="jadwal-patch_3"' not in svg  # no per-cell patches (1, 2: figure and axes)
    assert "<image" not in svg
    counts = re.findall(r'<text x="[\d.]+" y="[\d.]+">(\d+)</text>', svg)
    assert sorted(map(int, counts)) == sorted(busy)
    assert 'role="img"' in svg and "Peta panas jumlah unggahan" in svg


def test_charts_do_not_load_pyplot():
    code = ("import json, sys; from medsos_cli.weekly import charts; "
            "from medsos_cli.weekly.model import WeeklyReport; charts.all_charts("
            f"WeeklyReport.from_dict(json.loads(open({str(FIXTURE)!r}, "
            "encoding='utf-8').read()))); "
            "print(sorted(m for m in ('matplotlib.pyplot',) if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")})
    assert out.stdout.strip() == "[]"


# --- charts drawn in a forked worker (overlaps the matplotlib import with reading) ------------

_FORK = pytest.mark.skipif(
    "fork" not in __import__("multiprocessing").get_all_start_methods(),
    reason="no fork on this platform: the charts are drawn in-process")


@_FORK
def test_chart_worker_gives_the_same_page(report, html):
    assert charts.start_worker()
    assert charts.start_worker()  # idempotent: still one worker
    assert render_html(report) == html
    assert charts._worker is None  # one report per worker


@_FORK
def test_chart_worker_draws_a_running_week_as_this_process_does(report):
    """The worker once got the platforms and the posting grid only, so a running week's days
    to come were not marked *belum tiba* in its grid chart: the page depended on the fork."""
    running = copy.deepcopy(report)
    running["running"] = {"through": "2026-11-18", "days": 3,
                          "previous_through": "2026-11-11", "text": "Pekan masih berjalan"}
    here = render_html(running)
    assert "belum tiba" in here.split('aria-labelledby="jadwal-title"')[1][:2000]
    assert charts.start_worker()
    assert render_html(running) == here


@_FORK
def test_page_is_drawn_here_when_the_worker_is_gone(report, html):
    assert charts.start_worker()
    process = charts._worker[0]
    process.kill()
    process.join()
    assert render_html(report) == html


@_FORK
def test_charts_drawn_early_end_the_worker_and_give_the_same_page(report, html):
    """The command has the worker draw as soon as the figures are final (draw_early): the
    worker is done before the page is rendered, and the page is the same."""
    typed = as_report(copy.deepcopy(report))
    assert charts.start_worker()
    process = charts._worker[0]
    charts.draw_early(typed)
    assert charts._worker is None
    process.join(timeout=60)
    assert not process.is_alive()  # ended without waiting for the page
    assert render_html(typed) == html
    assert charts._early is None


@_FORK
def test_charts_drawn_early_are_drawn_again_when_the_figures_changed(report, html):
    typed = as_report(copy.deepcopy(report))
    assert charts.start_worker()
    charts.draw_early(typed)
    typed.platforms.pop("x")  # after the early drawing: its charts no longer fit
    changed = render_html(typed)
    assert changed != html
    assert changed == render_html(as_report(typed.to_dict()))  # drawn here, from the new figures


@_FORK
def test_unused_worker_can_be_stopped():
    assert charts.start_worker()
    process = charts._worker[0]
    charts.stop_worker()
    assert charts._worker is None and not process.is_alive()
    charts.stop_worker()  # no worker: nothing to do


# --- comment understanding (model confidence, uncertain share, change) --------------------

def test_markdown_names_uncertain_share_and_change(md):
    assert "**Tidak yakin:** model tidak yakin pada kelas 14 komentar (11,7 %)" in md
    change = md[md.index("**Dibanding pekan sebelumnya**"):]
    assert _row(change, "Kritik")[1:] == ["15", "10", "+5 (+50,0 %)"]
    assert _row(change, "Aduan")[1:] == ["20", "12", "+8 (+66,7 %)"]
    assert "96 komentar dalam berkas yang sama" in md
    assert "- Aduan: banjir (9), ahmad yani (6)" in md
    # the sample's explanation: probability and top cues
    assert "97,0 %: mantap, terima kasih, jelas" in md


def test_html_names_uncertain_share_and_change(html):
    text = _text(html)
    assert "Model tidak yakin pada kelas 14 komentar (11,7 %)" in text
    assert "Dibanding pekan sebelumnya" in text and "+8 (+66,7 %)" in text
    assert "Alasan model: mantap, terima kasih, jelas" in text


def test_suggestion_level_rules_are_named_in_indonesian_in_both_reports():
    """The level labels come from findings.INDONESIAN_LEVELS: a suggestion-level rule reads
    "saran" (the report's own table once mapped "info", so "suggestion" stayed English)."""
    report = json.loads(FIXTURE.read_text(encoding="utf-8"))
    rules = report["lint"]["rules"]
    rules.insert(0, {"rule": "keterbacaan.kalimat-panjang", "level": "suggestion", "count": 3,
                     "message": "Kalimat panjang"})
    markdown = render_markdown(report)
    row = next(line for line in markdown.splitlines() if "keterbacaan.kalimat-panjang" in line)
    assert "| saran |" in row and "suggestion" not in row
    html = render_html(report)
    at = html.index("keterbacaan.kalimat-panjang")
    html_row = html[html.rindex("<tr", 0, at):html.index("</tr>", at)]
    shown = re.sub(r"<[^>]+>", " ", html_row)
    assert "saran" in shown.split() and "suggestion" not in shown
    assert fmt.LEVEL_LABELS == {"error": "galat", "warning": "peringatan", "suggestion": "saran"}
