"""The weekly HTML report in a real headless browser (Debian's chromium, no network).

Skipped locally when /usr/bin/chromium is missing; under CI (env var CI set) a missing
browser is a failure, because CI must test the page (.ci/run installs chromium).
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest

from medsos_cli.weekly.render_html import render_html

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
FIXTURE = Path(__file__).parent / "fixtures" / "weekly" / "report.json"
HEADINGS = ["Ringkasan", "Kinerja per platform", "Unggahan teratas dan terbawah",
            "Ragam konten dan jadwal unggah", "Komentar warga: opini dan kritik",
            "Penanganan aduan", "Kepatuhan SOP takarir", "Sumber data"]
NUMBERS = ["12.345", "3,1 %", "naik 23,4 %", "5,5 jam", "1×24 jam", "Senin, 16 November 2026",
           "medsos draft holding-statement"]


def _unavailable(message: str) -> None:
    """Skip on a developer machine; fail under CI, which must test the page."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(message + "; CI wajib menguji halaman laporan")
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} tidak ada (pasang paket Debian 'chromium')")
    try:
        from playwright import sync_api
    except ImportError:
        _unavailable("paket Python 'playwright' tidak terpasang (ekstra [test])")
    with sync_api.sync_playwright() as playwright:
        # Never downloads a browser: Playwright drives the system chromium only.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def loaded(browser, tmp_path_factory):
    report = json.loads(FIXTURE.read_text(encoding="utf-8"))
    page_file = tmp_path_factory.mktemp("weekly") / "laporan.html"
    page_file.write_text(render_html(report), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    events = {"console": [], "pageerror": [], "requestfailed": [], "requests": []}
    page.on("console", lambda m: events["console"].append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: events["pageerror"].append(str(e)))
    page.on("requestfailed", lambda r: events["requestfailed"].append(r.url))
    page.on("request", lambda r: events["requests"].append(r.url))
    # Any request that is not the report file itself is refused (the page must need none).
    url = page_file.as_uri()
    page.route(re.compile(r"^(?!" + re.escape(url) + r"$).*"), lambda route: route.abort())
    page.goto(url, wait_until="load")
    yield page, events, page_file
    context.close()


def test_page_loads_cleanly_with_no_requests(loaded):
    page, events, page_file = loaded
    assert events["console"] == []
    assert events["pageerror"] == []
    assert events["requestfailed"] == []
    assert events["requests"] == [page_file.as_uri()]
    assert page.title().startswith("Laporan mingguan media sosial 2026-W47")


def test_sections_and_numbers_are_visible(loaded):
    page, _, _ = loaded
    text = page.inner_text("body")
    for heading in HEADINGS:
        assert heading in text, heading
        assert page.get_by_role("heading", name=heading, exact=True).first.is_visible()
    for number in NUMBERS:
        assert number in text, number
    assert "<script>alert('hadiah')</script>" in text  # shown as text, not run
    assert page.locator("table").count() >= 15


def test_charts_render_with_size_and_labels(loaded):
    page, _, _ = loaded
    charts = page.locator("svg[role=img]")
    assert charts.count() == 3
    for i in range(3):
        chart = charts.nth(i)
        box = chart.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 100
        assert chart.get_attribute("aria-label")
    assert page.get_by_role("img", name=re.compile("Peta panas jumlah unggahan")).count() == 1


def test_print_layout_keeps_sections_and_makes_a4_pdf(loaded, tmp_path):
    page, _, _ = loaded
    page.emulate_media(media="print")
    # A4 (210 mm) minus the 2 × 12 mm @page margins, in CSS pixels
    page.set_viewport_size({"width": 703, "height": 1000})
    try:
        overflowing = page.evaluate(
            """() => [...document.querySelectorAll('table, figure, svg, p, dl, ul, ol')]
                 .filter(e => e.getBoundingClientRect().right > 704)
                 .map(e => e.tagName + '.' + e.className)""")
        assert overflowing == []  # nothing is cut off on paper
        text = page.inner_text("body")
        for heading in HEADINGS:
            assert heading in text
        assert not page.locator("nav.toc").is_visible()  # screen-only navigation
        assert page.locator("svg[role=img]").first.bounding_box()["height"] > 50
        pdf = page.pdf(format="A4", print_background=False)
    finally:
        page.emulate_media(media="screen")
        page.set_viewport_size({"width": 1100, "height": 900})
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pages >= 1
    (tmp_path / "laporan.pdf").write_bytes(pdf)


def test_print_pages_carry_page_numbers_and_a_running_header(loaded):
    """Chromium prints the @page margin boxes: "Halaman N dari M" and the running header
    (account, week) on every page of the PDF, read back from the PDF's text."""
    pypdf = pytest.importorskip("pypdf")
    page, _, _ = loaded
    pdf = page.pdf(format="A4", print_background=False)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    total = len(reader.pages)
    assert total >= 2  # the sample runs over several pages
    report = json.loads(FIXTURE.read_text(encoding="utf-8"))
    header = f"Laporan mingguan media sosial · {report['account']}"
    for number, sheet in enumerate(reader.pages, 1):
        text = " ".join(sheet.extract_text().split())
        assert f"Halaman {number} dari {total}" in text, (number, text[:200])
        assert header in text and "Pekan 2026-W47" in text, (number, text[:200])


def test_running_header_is_a_quoted_css_string(browser, tmp_path):
    """An account name with quotes or "</style>" stays text in the header (no broken CSS,
    no markup), and the page still prints its numbers."""
    pypdf = pytest.importorskip("pypdf")
    report = json.loads(FIXTURE.read_text(encoding="utf-8"))
    report["account"] = 'Dinas "Uji" </style><b>x</b>'
    page_file = tmp_path / "laporan.html"
    page_file.write_text(render_html(report), encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(page_file.as_uri(), wait_until="load")
        assert page.locator("b", has_text="x").count() == 0
        pdf = page.pdf(format="A4")
    finally:
        context.close()
    first = " ".join(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert 'Laporan mingguan media sosial · Dinas "Uji" </style><b>x</b>' in first
    assert "Halaman 1 dari" in first
