"""The files admins really have: Indonesian UI, Excel re-saves, xlsx, Studio's zip, TikTok 2026.

Every expected figure below was computed by hand from the fixture (tests/fixtures/exports/).
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_exports import FIX, utc

from medsos_cli.errors import InputError
from medsos_cli.exports import read_export, read_exports
from medsos_cli.exports.formats import registry
from medsos_cli.exports.reader import read_path


def daily(result, metric):
    return {d.day: d.value for d in result.daily if d.metric == metric}


# --- one table of formats ------------------------------------------------------------------

def test_every_alias_names_its_source_and_confidence():
    reg = registry()
    assert reg.names()[:2] == ("x_tweet_activity", "x_account_analytics")
    for family in reg.aliases.values():
        for table in family.values():
            for alias in table.values():
                assert alias.source in reg.sources and alias.confidence
    assert all(f.read_function() for f in reg.formats if f.reader)


def test_user_alias_file_adds_a_header_variant(tmp_path):
    aliases = tmp_path / "judul.yaml"
    aliases.write_text("families:\n  meta_posts:\n    id:\n      publish time:\n"
                       "        - {name: Waktu publikasi, source: berkas Diskominfo, "
                       "confidence: confirmed}\n", encoding="utf-8")
    path = tmp_path / "ig.csv"
    path.write_text((FIX / "ig-posts-id.csv").read_text(encoding="utf-8-sig")
                    .replace("Waktu penerbitan", "Waktu publikasi"), encoding="utf-8")
    with pytest.raises(InputError, match="“Waktu penerbitan” \\(“publish time”\\) tidak ada"):
        read_export(path)
    r = read_export(path, aliases=str(aliases))
    assert r.format == "meta_instagram_posts" and len(r.posts) == 4


# --- Indonesian UI -------------------------------------------------------------------------

def test_instagram_indonesian_content_export():
    r = read_export(FIX / "ig-posts-id.csv")
    assert (r.format, r.language, r.rows, r.skipped) == ("meta_instagram_posts", "id", 4, [])
    first, reel, carousel, story = r.posts
    assert first.published_at == utc(2026, 11, 17, 1, 15)  # 08:15 WIB
    assert (first.views, first.reach, first.likes, first.shares, first.comments,
            first.saves) == (5120, 3200, 180, 12, 9, 20)
    assert [p.post_type for p in r.posts] == ["foto", "reel", "carousel", "story"]
    assert first.account == "Diskominfo Kota Magelang"
    assert story.likes is None and story.views == 900
    assert sum(p.views for p in r.posts) == 5120 + 12400 + 2300 + 900 == 20720
    assert not r.warnings  # every alias used here comes from evidence


def test_meta_daily_indonesian_metric_name():
    r = read_export(FIX / "ig-follows-daily-id.csv")
    assert (r.format, r.language) == ("meta_daily", "id")
    assert {d.platform for d in r.daily} == {"instagram"}
    assert sum(daily(r, "follows").values()) == 4 + 7 + 2 == 13


def test_youtube_indonesian_pembagian_is_shares():
    r = read_export(FIX / "yt-tabel-id-pembagian.csv")
    assert (r.format, r.language, r.rows) == ("youtube_table", "id", 2)
    a, b = r.posts
    assert (a.views, a.impressions, a.likes, a.comments, a.shares) == (5120, 80110, 260, 20, 31)
    assert (b.post_id, b.views, b.shares) == ("-3kfMgl9xQz", 1280, 9)
    assert a.views + b.views == 6400  # the Total row
    assert any("“Suka”" in w and "dugaan" in w for w in r.warnings)  # inferred: said by name


def test_unknown_ui_language_is_named(tmp_path):
    with pytest.raises(InputError, match="berbahasa Jerman .*Beitrags-ID"):
        read_export(FIX / "bad-german.csv")


# --- Excel re-saves ------------------------------------------------------------------------

def test_resave_with_semicolons_day_first_dates_and_dot_thousands():
    r = read_export(FIX / "fb-posts-resave-id.csv")
    assert r.format == "meta_facebook_posts" and r.skipped == []
    one, two, three = r.posts
    assert (one.views, one.reach, one.likes) == (5000, 3120, 71)  # "5.000" is five thousand
    assert one.published_at == utc(2026, 11, 17, 1, 15)  # 17/11/2026 08:15 WIB
    assert three.published_at == utc(2026, 11, 3, 2, 2)  # 03/11 = 3 November (day first)
    assert (two.views, three.views, three.reach) == (2210, 15230, 9876)
    assert any("hari/bulan/tahun" in w for w in r.warnings)


def test_resave_with_undecidable_date_order_is_refused_naming_the_column():
    with pytest.raises(InputError, match="urutan tanggal di kolom “Publish time”") as info:
        read_export(FIX / "fb-posts-resave-ambiguous.csv")
    assert info.value.line == 2


def test_ids_in_scientific_notation_are_an_error():
    with pytest.raises(InputError, match="kolom “Post ID” berisi ID dalam notasi ilmiah"):
        read_export(FIX / "fb-posts-scientific.csv")


def test_two_number_styles_in_one_file_are_refused_naming_both_columns():
    with pytest.raises(InputError, match="“Average percentage viewed \\(%\\)”.*“Watch time"):
        read_export(FIX / "yt-table-mixed.csv")


@pytest.mark.parametrize(("cell", "reason"), [
    ("-5", "jumlah negatif"), ("99999999999999999999", "terlalu besar"),
    ("12.5", "bukan bilangan bulat"),
])
def test_counts_are_checked_at_the_boundary(tmp_path, cell, reason):
    text = (FIX / "ig-posts-id.csv").read_text(encoding="utf-8-sig").replace('"5120"',
                                                                            f'"{cell}"')
    path = tmp_path / "ig.csv"
    path.write_text(text, encoding="utf-8")
    r = read_export(path)
    assert [s.line for s in r.skipped] == [2] and reason in r.skipped[0].reason
    assert len(r.posts) == 3


def test_ids_must_be_ascii_digits(tmp_path):
    text = (FIX / "ig-posts-id.csv").read_text(encoding="utf-8-sig").replace(
        "18061234567890002", "１８０６")  # full-width digits: isdigit() but not ASCII
    path = tmp_path / "ig.csv"
    path.write_text(text, encoding="utf-8")
    r = read_export(path)
    assert r.skipped[0].line == 3 and "bukan deretan angka" in r.skipped[0].reason


# --- xlsx, zip, TikTok ---------------------------------------------------------------------

def test_tiktok_xlsx_with_day_first_dates_and_new_followers():
    r = read_export(FIX / "tiktok-overview.xlsx", near=date(2026, 7, 6))
    assert r.format == "tiktok_overview" and r.rows == 3
    assert daily(r, "views") == {date(2026, 7, 9): 1200, date(2026, 7, 10): 800,
                                 date(2026, 7, 11): 1500}
    assert sum(daily(r, "follows").values()) == 4 + 1 + 7 == 12


def test_workbook_sheets_that_are_exports_are_found():
    results = read_path(FIX / "tiktok-followers.xlsx", near=date(2026, 7, 6))
    assert [r.format for r in results] == ["tiktok_followers"]
    assert results[0].path.endswith("tiktok-followers.xlsx[FollowerHistory]")
    assert daily(results[0], "followers")[date(2026, 7, 11)] == 5012
    assert sum(daily(results[0], "follows").values()) == 12


@pytest.mark.parametrize("name", ["tiktok-overview-2026.csv", "tiktok-overview-id.csv"])
def test_tiktok_year_less_dates_in_any_order_and_language(name):
    r = read_export(FIX / name, near=date(2026, 11, 16))
    assert daily(r, "views") == {date(2026, 11, 16): 1840, date(2026, 11, 17): 9733,
                                 date(2026, 11, 18): 2215}
    assert sum(daily(r, "follows").values()) == 5 + 21 - 2 == 24


def test_youtube_zip_read_in_place_with_each_file_recognised():
    results = read_path(FIX / "yt-studio.zip")
    assert [r.format for r in results] == ["youtube_chart", "youtube_table", "youtube_totals"]
    chart, table, totals = results
    assert chart.path.endswith("yt-studio.zip/Chart data.csv")
    assert daily(chart, "views") == {date(2025, 1, 6): 3000, date(2025, 1, 7): 2120,
                                     date(2025, 1, 8): 3721}
    assert daily(totals, "views") == daily(chart, "views")
    assert [p.post_id for p in table.posts] == ["dQw8mGlKt0a", "-3kfMgl9xQz", "aBcD3fGh1jK"]


def test_folder_reads_xlsx_and_zip_and_names_a_broken_file(tmp_path):
    for name in ("tiktok-overview.xlsx", "yt-studio.zip", "bad-truncated.csv"):
        (tmp_path / name).write_bytes((FIX / name).read_bytes())
    results = read_exports([str(tmp_path)], near=date(2026, 7, 6))
    formats = [r.format for r in results]
    assert formats == ["tidak_terbaca", "tiktok_overview", "youtube_chart", "youtube_table",
                       "youtube_totals"]
    assert results[0].error and results[0].error_line
    with pytest.raises(InputError):
        read_exports([str(tmp_path)], strict=True)


# --- property: a re-save gives the same figures or an error, never different figures -----

HEADER = ["Post ID", "Page ID", "Page name", "Title", "Publish time", "Post type", "Date",
          "Views", "Reach", "Reactions", "Comments", "Shares"]
COUNTS = st.integers(min_value=0, max_value=3_000_000)
POST = st.tuples(
    st.integers(min_value=10**15, max_value=10**16 - 1),
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31, 23, 59)),
    COUNTS, COUNTS, COUNTS, COUNTS, COUNTS,
)


def _original(posts) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(HEADER)
    for pid, when, *counts in posts:
        writer.writerow([pid, 1000, "Diskominfo", "Takarir", when.strftime("%m/%d/%Y %H:%M"),
                         "Photos", "Lifetime", *counts])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _resave(posts, delimiter, day_first, thousands, quoting=csv.QUOTE_MINIMAL) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerow(HEADER)
    fmt = "%d/%m/%Y %H:%M" if day_first else "%m/%d/%Y %H:%M"
    for pid, when, *counts in posts:
        # QUOTE_NONNUMERIC: text quoted, numbers bare (as a spreadsheet "quote text" option)
        cells = [c if not thousands else f"{c:,}".replace(",", thousands) for c in counts]
        writer.writerow([pid, 1000, "Diskominfo", "Takarir", when.strftime(fmt), "Photos",
                         "Lifetime", *cells])
    return out.getvalue().encode("cp1252")


def _figures(path):
    r = read_export(path)
    return sorted((p.post_id, p.published_at, p.views, p.reach, p.likes, p.comments, p.shares)
                  for p in r.posts), r.skipped


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(posts=st.lists(POST, min_size=1, max_size=6, unique_by=lambda p: p[0]),
       delimiter=st.sampled_from([",", ";", "\t"]), day_first=st.booleans(),
       thousands=st.sampled_from(["", ".", ","]),
       quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_NONNUMERIC]))
def test_resave_gives_the_same_figures_or_an_error(tmp_path, posts, delimiter, day_first,
                                                   thousands, quoting):
    posts = [(pid, when.replace(second=0, microsecond=0), *c) for pid, when, *c in posts]
    original, resaved = tmp_path / "asli.csv", tmp_path / "simpan-ulang.csv"
    original.write_bytes(_original(posts))
    resaved.write_bytes(_resave(posts, delimiter, day_first, thousands, quoting))
    expected, skipped = _figures(original)
    assert skipped == [] and len(expected) == len(posts)
    wib = timezone(timedelta(hours=7))
    assert expected[0][1] == min((p for p in posts), key=lambda p: str(p[0]))[1].replace(
        tzinfo=wib).astimezone(timezone.utc)
    try:
        got, skipped = _figures(resaved)
    except InputError:
        return  # refused as a whole: fine
    # rows may be skipped with a reason, but no row may carry a different figure
    assert set(got) <= set(expected)
    assert len(got) + len(skipped) == len(expected)


# --- snapshots by download time ------------------------------------------------------------

def test_newer_download_wins_and_a_blank_cell_never_does():
    from medsos_cli.exports.model import DailyValue, ImportResult, Post
    from medsos_cli.weekly.metrics import dedupe_daily, dedupe_posts

    def post(views, reach):
        return Post("instagram", "1", utc(2026, 11, 17), views=views, reach=reach, likes=10)

    old = ImportResult("konten.csv", "meta_instagram_posts", posts=[post(100, 80)], mtime=1.0)
    new = ImportResult("konten (1).csv", "meta_instagram_posts", posts=[post(150, None)],
                       mtime=2.0)
    kept = dedupe_posts([new, old])  # the newer file read first: order does not matter
    assert (kept[0].views, kept[0].reach) == (150, 80)  # reach blank in the newer copy
    # daily: the file covering a later day wins, whatever the name or reading order
    a = ImportResult("Overview.csv", "tiktok_overview", mtime=5.0, daily=[
        DailyValue("tiktok", "views", date(2026, 11, 16), 10)])
    b = ImportResult("Overview (1).csv", "tiktok_overview", mtime=4.0, daily=[
        DailyValue("tiktok", "views", date(2026, 11, 16), 12),
        DailyValue("tiktok", "views", date(2026, 11, 17), None)])
    values = {v.day: v.value for v in dedupe_daily([b, a])}
    assert values == {date(2026, 11, 16): 12, date(2026, 11, 17): None}


# --- comments and complaints from real sources -------------------------------------------

def test_apify_instagram_comments_json():
    r = read_export(FIX / "apify-instagram-comments.json")
    assert r.format == "apify_instagram_comments" and r.rows == 3
    assert [(c.author, c.time) for c in r.comments] == [
        ("warga_mgl", utc(2026, 11, 17, 2, 10)), ("rina.k", utc(2026, 11, 18, 12, 40))]
    assert r.comments[0].post_ref == "https://www.instagram.com/p/DAbC123/"
    assert [s.line for s in r.skipped] == [4]  # empty text (row 3 of the dataset)
    assert any("tidak memuat balasan" in w for w in r.warnings)


def test_apify_facebook_comments_csv():
    r = read_export(FIX / "apify-facebook-comments.csv")
    assert r.format == "apify_facebook_comments" and len(r.comments) == 2
    assert r.comments[1].author == "Sri Wahyuni" and r.comments[1].time == utc(2026, 11, 19, 9, 5)
    assert {c.platform for c in r.comments} == {"facebook"}


def test_youtube_data_api_threads_with_the_channel_reply():
    r = read_export(FIX / "youtube-comment-threads.json")
    assert r.format == "youtube_comments" and len(r.comments) == 2
    asked, praised = r.comments
    assert asked.post_ref == "dQw8mGlKt0a" and asked.time == utc(2026, 11, 17, 3, 0)
    assert asked.replied_at == utc(2026, 11, 17, 5, 0)  # the channel's reply, not @tetangga's
    assert praised.replied_at is None and not r.warnings


def test_lapor_case_list_with_working_day_deadlines():
    from medsos_cli.weekly.complaints import analyse_complaints

    r = read_export(FIX / "lapor-sp4n.xlsx")
    assert (r.format, r.language, len(r.complaints)) == ("lapor_cases", "id", 4)
    assert {c.channel for c in r.complaints} == {"LAPOR!"}
    assert any("dugaan" in w for w in r.warnings)  # no public LAPOR! export: said by name
    out = analyse_complaints(r.complaints, start=date(2026, 11, 16), end=date(2026, 11, 22),
                             tz="Asia/Jakarta", sla_hours=24)
    lapor = out.lapor
    # 0042, Mon 16 Nov, to verify: 3 working days → Thu 19 Nov, overdue at Mon 23 00.00;
    # 0043, Mon 16, to follow up: 3 + 5 → Thu 26 Nov; 0045, Fri 20, to verify → Wed 25 Nov.
    assert (lapor.cases, lapor.overdue_verification, lapor.overdue_follow_up) == (4, 1, 0)
    assert lapor.overdue_cases[0].tracking == "MGL-2611-0042"
    assert lapor.overdue_cases[0].deadline == "2026-11-19"
    assert out.overdue == 0  # not judged by the 1x24-hour social-media SLA


def test_working_days_skip_weekends_and_indonesian_holidays():
    from medsos_cli.weekly.complaints import add_working_days

    # Wed 23 Dec 2026 + 3 working days: Thu 24, (Fri 25 Christmas), Mon 28, Tue 29
    assert add_working_days(date(2026, 12, 23), 3, (0, 1, 2, 3, 4)) == date(2026, 12, 29)
    # an office that also works on Saturday
    assert add_working_days(date(2026, 12, 23), 3, (0, 1, 2, 3, 4, 5)) == date(2026, 12, 28)


# --- configuration ------------------------------------------------------------------------

def test_report_headers_and_working_days_from_the_config(tmp_path):
    from medsos_cli.config import load_config
    from medsos_cli.errors import ConfigError

    path = tmp_path / "medsos.toml"
    path.write_text('[report]\nheaders = "judul.yaml"\nworking_days = ["senin", "selasa", '
                    '"rabu", "kamis", "jumat", "sabtu"]\n', encoding="utf-8")
    config = load_config(path)
    assert config.headers == str((tmp_path / "judul.yaml").resolve())
    assert config.working_days == (0, 1, 2, 3, 4, 5)
    path.write_text('[report]\nworking_days = ["senen"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="working_days"):
        load_config(path)


CELL = st.one_of(st.from_regex(r"[+-]?[0-9]{1,4}([.,][0-9]{1,4}){0,2}%?", fullmatch=True),
                 st.from_regex(r"[0-9]{1,2}/[0-9]{1,2}/20[0-9]{2}( [0-9]{1,2}:[0-9]{2})?",
                               fullmatch=True),
                 st.from_regex(r"[0-9]\.[0-9]{1,5}E\+[0-9]{2}", fullmatch=True),
                 st.text(max_size=8), st.just(""), st.just("Lifetime"))


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=st.sampled_from([f for f in registry().formats if f.reader]),
       rows=st.lists(st.lists(CELL, min_size=1, max_size=8), max_size=6),
       delimiter=st.sampled_from([",", ";"]))
def test_any_cells_under_a_known_header_give_figures_or_a_clear_error(tmp_path, spec, rows,
                                                                      delimiter):
    header = sorted(spec.required) + ["views", "reach", "likes"]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow((row * len(header))[:len(header)])
    path = tmp_path / "acak.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    try:
        results = read_path(path, near=date(2026, 11, 16))
    except InputError as exc:
        assert exc.path and str(exc.message)
        return
    for r in results:
        assert len(r.skipped) <= r.rows and all(s.line >= 2 for s in r.skipped)
        for post in r.posts:
            for name in ("views", "reach", "likes"):
                value = getattr(post, name)
                assert value is None or 0 <= value < 2**63


def test_a_broken_member_of_a_zip_is_named_not_dropped(tmp_path):
    import zipfile

    path = tmp_path / "studio.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Table data.csv", (FIX / "yt-table-en.csv").read_bytes())
        z.writestr("Catatan.csv", b"bukan,ekspor\n1,2\n")
    results = read_path(path)
    assert [r.format for r in results] == ["youtube_table", "tidak_terbaca"]
    assert results[1].path.endswith("studio.zip/Catatan.csv") and results[1].error
    with pytest.raises(InputError, match="Catatan.csv"):
        read_path(path, strict=True)


def test_unreadable_file_and_basis_are_shown_in_markdown_and_html():
    import copy
    import json

    from medsos_cli.weekly.render_html import render_html
    from medsos_cli.weekly.render_md import render_markdown

    sample = FIX.parent / "weekly" / "report.json"
    report = copy.deepcopy(json.loads(sample.read_text(encoding="utf-8")))
    report["sources"].append({"path": "ekspor/rusak.csv", "format": "tidak_terbaca",
                              "language": "en", "rows": 0, "used": 0, "warnings": [],
                              "skipped": [], "error": {"line": 3, "message": "CSV rusak"}})
    md = render_markdown(report)
    assert "- ekspor/rusak.csv, baris 3: CSV rusak" in md
    assert "Perbandingan dengan pekan lalu: total seumur unggahan per waktu ekspor" in md
    assert "Laporan LAPOR! dan tenggat hari kerja" in md
    html = render_html(report)
    assert "tidak terbaca (baris 3): CSV rusak" in html
    assert "MGL-2611-0042" in html
