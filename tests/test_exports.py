"""Importers: every export format read from realistic fixtures, with exact values."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from medsos_cli.errors import ConfigError, InputError
from medsos_cli.exports import read_export, read_exports
from medsos_cli.exports.model import Skipped

FIX = Path(__file__).parent / "fixtures" / "exports"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def read(name: str, **kw):
    return read_export(FIX / name, **kw)


# --- Meta Facebook -----------------------------------------------------------------------


def test_facebook_posts_34_columns_bom_crlf_multiline():
    r = read("fb-posts-34.csv")
    assert r.format == "meta_facebook_posts"
    assert r.rows == 6  # 5 post rows + 1 broken; the blank line is not a row
    assert [p.post_id for p in r.posts] == [
        "1029384756102938", "1029384756102939", "1029384756102940", "1029384756102942"]
    first, link, reel, text = r.posts
    assert first.caption == ("Jadwal pelayanan KTP-el keliling pekan ini di Kecamatan Magelang "
                             "Utara 🪪\n#MagelangKota #LayananPublik")
    assert first.published_at == utc(2025, 1, 6, 1, 15)  # 08:15 WIB
    assert first.line == 2
    assert (first.reach, first.views, first.impressions) == (3120, 4812, None)
    assert (first.likes, first.comments, first.shares, first.saves) == (71, 9, 7, None)
    assert first.account == "Diskominfo Kota Magelang"
    assert first.permalink == "https://www.facebook.com/diskominfo.magelang/posts/pfbid02AbCdEf"
    assert first.post_type == "foto" and first.platform == "facebook" and first.time_known
    # Title and Description both filled: the longer one is the caption
    assert link.caption == "Waspada hoaks bansos! Cek faktanya di sini."
    assert link.post_type == "tautan" and link.line == 4
    # caption only in Description, with "" quotes and a flag emoji; blank Views = unknown
    assert reel.caption == ('Liputan apel Hari Kesadaran Nasional 🇮🇩\nTema: "Bersatu Melayani"'
                            "\n#HKN2025")
    assert reel.views is None and reel.reach == 9876 and reel.post_type == "reel"
    assert reel.line == 6
    assert text.post_type == "teks" and text.line == 12
    assert r.skipped == [Skipped(9, "kolom “Publish time”: tanggal tidak valid: 2025-13-01")]
    assert any("baris 10: unggahan 1029384756102938 sudah ada di baris 2" in w
               for w in r.warnings)
    assert any("Reactions, Comments and Shares" in w and "(12)" in w for w in r.warnings)


def test_facebook_posts_older_export_with_impressions_and_lowercase_headers():
    r = read("fb-posts-32-impressions.csv")
    assert r.format == "meta_facebook_posts" and r.rows == 2 and not r.skipped
    photo, video = r.posts
    assert (photo.impressions, photo.views, photo.reach) == (7034, None, 5120)
    assert photo.caption == "Pengumuman libur & cuti bersama"
    assert video.impressions == 12400  # written "12,400"
    assert video.caption == "Video profil Kota Magelang 2024 — versi lengkap"
    assert video.published_at == utc(2024, 10, 23, 13, 5)
    assert any("Impressions" in w for w in r.warnings)


def test_publish_time_follows_the_configured_zone():
    r = read("fb-posts-34.csv", tz="Asia/Jayapura")  # WIT, UTC+9
    assert r.posts[0].published_at == utc(2025, 1, 5, 23, 15)


# --- Meta Instagram and daily files ------------------------------------------------------


def test_instagram_content_export_other_column_order():
    r = read("ig-posts.csv")
    assert r.format == "meta_instagram_posts" and r.rows == 5
    types = [p.post_type for p in r.posts]
    assert types == ["carousel", "reel", "foto", "story"]
    carousel, reel, image, story = r.posts
    assert (carousel.views, carousel.reach, carousel.likes, carousel.comments,
            carousel.shares, carousel.saves) == (6120, 3980, 312, 17, 21, 58)
    assert reel.published_at == utc(2025, 1, 10, 2, 5)
    assert image.reach is None  # blank cell
    assert story.likes is None  # "-" cell
    assert carousel.account == "Diskominfo Kota Magelang"
    assert r.skipped == [Skipped(6, "kolom “Views”: bukan angka: “1.5K”")]


def test_meta_daily_utf16_with_sep_line_and_metric_name():
    r = read("fb-follows-daily.csv")
    assert r.format == "meta_daily" and r.rows == 4 and not r.warnings
    assert [(d.platform, d.metric, d.day, d.value, d.line) for d in r.daily] == [
        ("facebook", "follows", date(2025, 1, 6), 12, 4),
        ("facebook", "follows", date(2025, 1, 7), 9, 5),
        ("facebook", "follows", date(2025, 1, 8), None, 6),
        ("facebook", "follows", date(2025, 1, 9), 15, 7),
    ]


def test_meta_daily_utf16_be_instagram():
    r = read("ig-follows-daily-be.csv")
    assert [(d.platform, d.metric, d.value) for d in r.daily] == [("instagram", "follows", 3)]


def test_meta_daily_without_platform_in_metric_name_warns():
    r = read("meta-views-daily.csv")
    assert [(d.platform, d.metric, d.value) for d in r.daily] == [
        ("facebook", "views", 4110), ("facebook", "views", 6034)]
    assert r.warnings == ["nama metrik “Views” tidak menyebut platform; dianggap Facebook"]


# --- X -------------------------------------------------------------------------------------


def test_x_legacy_tweet_activity():
    r = read("x-tweet-activity.csv")
    assert r.format == "x_tweet_activity" and r.rows == 4
    a, b, reply = r.posts
    assert a.published_at == utc(2025, 1, 6, 1, 15)
    assert (a.impressions, a.engagements, a.likes, a.comments, a.shares) == (3210, 75, 31, 2, 6)
    assert a.reach is None and a.views is None and a.saves is None
    assert a.account == "@kominfomgl" and a.post_type is None
    assert b.caption == ("Waspada hoaks bansos! Cek faktanya & lapor ke kami\n"
                         ">> https://t.co/GhIjKl5678")
    assert reply.post_type == "balasan" and reply.line == 5
    assert r.skipped == [Skipped(6, "kolom “time”: waktu tidak valid: “2025-01-09 25:02 +0000”")]


def test_x_account_analytics_recovers_time_from_snowflake_id():
    r = read("x-konten.csv")
    assert r.format == "x_account_analytics" and r.rows == 4
    a, b, c, odd = r.posts
    assert a.published_at == utc(2025, 1, 6, 1, 15) and a.time_known
    assert (a.impressions, a.likes, a.engagements, a.saves, a.comments, a.shares) == (
        3210, 31, 80, 4, 2, 6)
    assert b.permalink == "https://x.com/kominfomgl/status/1876516616917749837"
    assert c.post_type == "balasan"
    # id 12345 holds no time: local midnight of the Date, time unknown
    assert odd.published_at == utc(2025, 1, 9, 17, 0) and not odd.time_known
    assert any("baris 5" in w for w in r.warnings)


# --- YouTube -------------------------------------------------------------------------------


def test_youtube_table_english_skips_total_row():
    r = read("yt-table-en.csv")
    assert r.format == "youtube_table" and r.rows == 3 and not r.skipped
    a, b, c = r.posts
    assert a.post_id == "dQw8mGlKt0a" and a.title.startswith("Sosialisasi Pajak Daerah")
    assert (a.views, a.impressions, a.likes, a.comments, a.shares) == (5120, 80110, 250, 30, 18)
    assert a.published_at == utc(2025, 1, 5, 17, 0) and not a.time_known
    assert a.permalink == "https://www.youtube.com/watch?v=dQw8mGlKt0a"
    assert b.post_id == "-3kfMgl9xQz"  # leading space trimmed
    assert b.title == "Rapat Paripurna DPRD Kota Magelang (Live), sesi 1"
    assert c.published_at == utc(2025, 1, 9, 3, 55, 13) and c.time_known
    assert (c.views, c.impressions, c.likes) == (None, None, None)


def test_youtube_table_indonesian_numbers_and_tayangan_trap():
    r = read("yt-tabel-id.csv")
    assert r.format == "youtube_table" and r.language == "id" and r.rows == 3
    a, b = r.posts
    assert (a.views, a.impressions) == (5120, 80110)  # Penayangan = views, Tayangan = impr.
    assert (b.views, b.impressions) == (3721, 40340)
    assert b.published_at == utc(2025, 1, 7, 17, 0)
    assert r.skipped == [Skipped(5, "kolom “Penayangan”: bukan bilangan bulat: “1,5”")]
    assert any("2 video" in w for w in r.warnings)


# --- TikTok --------------------------------------------------------------------------------


def test_tiktok_overview_year_from_requested_week():
    r = read("tiktok-overview.csv", year=2025)
    assert r.format == "tiktok_overview" and r.rows == 4
    by = {(d.metric, d.day): d.value for d in r.daily}
    assert by[("views", date(2025, 1, 6))] == 1840
    assert by[("profile_views", date(2025, 1, 7))] == 240
    assert by[("comments", date(2025, 1, 8))] == -1  # deletions can make a day negative
    assert by[("shares", date(2025, 1, 8))] is None  # "undefined"
    assert {d.metric for d in r.daily} == {"views", "profile_views", "likes", "comments",
                                          "shares"}
    assert len(r.daily) == 20  # "Januari 9" (Indonesian month name) is read too
    assert by[("likes", date(2025, 1, 9))] == 1 and r.skipped == []


@pytest.mark.parametrize(("kw", "first", "last"), [
    ({"year": 2025}, date(2024, 12, 30), date(2025, 1, 2)),
    ({"near": date(2024, 12, 30)}, date(2024, 12, 30), date(2025, 1, 2)),  # week 2025-W01
    ({"near": date(2025, 12, 29)}, date(2025, 12, 30), date(2026, 1, 2)),  # week 2026-W01
    ({"near": date(2025, 12, 22)}, date(2025, 12, 30), date(2026, 1, 2)),  # week 2025-W52
])
def test_tiktok_overview_across_new_year_cr_line_endings(kw, first, last):
    r = read("tiktok-overview-newyear.csv", **kw)
    days = sorted({d.day for d in r.daily})
    assert (days[0], days[-1], len(days)) == (first, last, 4)
    assert [d.line for d in r.daily if d.metric == "views"] == [2, 3, 4, 5]


def test_tiktok_content_export():
    r = read("tiktok-content.csv")
    assert r.format == "tiktok_content"
    a, b = r.posts
    assert a.post_id == "7456123456789012345" and a.caption == "Cara cek NIK di DTKS 🧾"
    assert (a.views, a.likes, a.comments, a.shares, a.saves) == (3400, 120, 8, 5, 12)
    assert a.published_at == utc(2025, 1, 6, 12, 0) and a.time_known
    assert not b.time_known and b.saves is None
    assert r.skipped[0].line == 4


# --- own logs --------------------------------------------------------------------------------


def test_comments_log():
    r = read("komentar.csv")
    assert r.format == "medsos_comments" and r.rows == 7
    a, b, c = r.comments
    assert (a.platform, a.author, a.time, a.replied_at) == (
        "facebook", "@warga_contoh", utc(2026, 11, 17, 1, 15), utc(2026, 11, 17, 2, 2))
    assert a.post_ref == "https://www.facebook.com/kotacontoh/posts/pfbid0AbC123"
    assert a.text == "Terima kasih infonya, sangat membantu 🙏"
    assert (b.platform, b.time, b.replied_at, b.line) == (
        "instagram", utc(2026, 11, 17, 12, 40), None, 3)
    assert b.text == "Jalan di Kelurahan Sukamaju rusak parah\nkapan diperbaiki?"
    assert (c.platform, c.time, c.line) == ("x", utc(2026, 11, 18, 3, 5), 5)
    assert [s.line for s in r.skipped] == [7, 8, 9]
    assert "threads" in r.skipped[0].reason
    assert r.warnings == ["baris 10: komentar sama persis dengan baris 2; hanya satu yang dipakai"]


def test_comments_log_english_header_semicolons_extra_column():
    r = read("comments-en-semicolon.csv")
    (c,) = r.comments
    assert (c.platform, c.post_ref, c.author, c.text, c.replied_at) == (
        "facebook", "1029384756102938", "Warga", "Terima kasih, sangat membantu", None)


def test_complaints_log():
    r = read("aduan.csv")
    assert r.format == "medsos_complaints" and r.rows == 7
    a, b, c, d = r.complaints
    assert (a.received_at, a.channel, a.category, a.forwarded_to) == (
        utc(2026, 11, 16, 2, 10), "LAPOR!", "infrastruktur", "DPUPR")
    assert (a.first_response_at, a.resolved_at, a.status) == (
        utc(2026, 11, 16, 6, 45), utc(2026, 11, 18, 9, 0), "selesai")
    assert (b.received_at, b.first_response_at, b.resolved_at) == (
        utc(2026, 11, 17, 13, 5), None, None)
    assert b.text == "Antrean KTP-el di kecamatan sangat panjang, nomor habis pukul 08.00"
    assert c.received_at == utc(2026, 11, 19, 0, 30)  # ISO with +07:00
    assert d.status == "selesai" and d.resolved_at is None
    assert r.warnings == ["status “selesai” tanpa waktu selesai di baris 5"]
    assert r.skipped == [
        Skipped(6, "“respons_pertama” lebih awal daripada “diterima”"),
        Skipped(7, "kolom “diterima” kosong"),
        Skipped(8, "kolom “kanal” kosong"),
    ]


def test_cp1252_fallback_warns():
    r = read("aduan-cp1252.csv")
    assert r.complaints[0].text == "Café di alun–alun berisik"
    assert len(r.warnings) == 1 and "Windows-1252" in r.warnings[0]


# --- bad files --------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "line", "words"), [
    ("bad-empty.csv", None, "berkas kosong"),
    ("bad-random.bin", None, "bukan berkas teks CSV"),
    ("bad-truncated.csv", 2, "berkas terpotong"),
    ("bad-other.csv", 1, "bukan berkas ekspor yang dikenali (judul kolom: Tanggal Transaksi"),
    ("bad-german.csv", 1, "judul kolom berbahasa Jerman"),
    ("bad-excel.csv", None, "berkas Excel/ZIP yang rusak"),
    ("bad-comments-missing-col.csv", 1, "kolom unggahan tidak ada"),
    ("missing.csv", None, "berkas tidak ditemukan"),
])
def test_bad_files_raise_input_error_with_path_and_line(name, line, words):
    with pytest.raises(InputError) as info:
        read(name)
    err = info.value
    assert err.path == str(FIX / name) and err.line == line
    assert words in err.message
    if name not in ("bad-truncated.csv", "bad-excel.csv", "missing.csv",
                    "bad-comments-missing-col.csv"):
        assert "Yang didukung: Meta Business Suite" in err.message


def test_header_only_file_warns():
    r = read("bad-only-header.csv")
    assert r.rows == 0 and r.warnings == ["berkas hanya berisi judul kolom, tanpa baris data"]


def test_unknown_zone_is_config_error():
    with pytest.raises(ConfigError):
        read("aduan.csv", tz="Asia/Bandung")


def test_format_from_header_not_file_name(tmp_path):
    copy = tmp_path / "tiktok-overview.txt"
    copy.write_bytes((FIX / "ig-posts.csv").read_bytes())
    assert read_export(copy).format == "meta_instagram_posts"


# --- read_exports ----------------------------------------------------------------------------


def test_read_exports_expands_folders_recursively_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    for target, source in (("b/2.CSV", "aduan.csv"), ("a.csv", "komentar.csv"),
                           ("b/1.csv", "x-konten.csv"), ("note.txt", "aduan.csv")):
        (tmp_path / target).write_bytes((FIX / source).read_bytes())
    extra = tmp_path / "log.txt"
    extra.write_bytes((FIX / "aduan.csv").read_bytes())
    results = read_exports([str(tmp_path), str(extra)])
    assert [Path(r.path).relative_to(tmp_path).as_posix() for r in results] == [
        "a.csv", "b/1.csv", "b/2.CSV", "log.txt"]
    assert [r.format for r in results] == [
        "medsos_comments", "x_account_analytics", "medsos_complaints", "medsos_complaints"]


def test_read_exports_empty_folder_and_missing_path(tmp_path):
    with pytest.raises(InputError, match="tidak berisi berkas .csv"):
        read_exports([str(tmp_path)])
    with pytest.raises(InputError, match="tidak ditemukan"):
        read_exports([str(tmp_path / "nope")])


# --- smaller variants written on the fly -------------------------------------------------------


def test_utf16_without_bom_is_recognised_with_warning(tmp_path):
    path = tmp_path / "follows.csv"
    path.write_bytes('sep=,\r\n"Instagram follows"\r\n"Date","Primary"\r\n'
                     '"2026-11-16T00:00:00","4"\r\n'.encode("utf-16-le"))
    r = read_export(path)
    assert [(d.platform, d.metric, d.day, d.value, d.line) for d in r.daily] == [
        ("instagram", "follows", date(2026, 11, 16), 4, 4)]
    assert r.warnings == ["berkas UTF-16 tanpa BOM; dibaca sebagai UTF-16 LE"]


def test_instagram_stories_export_and_old_impressions_header(tmp_path):
    path = tmp_path / "stories.csv"
    path.write_text(
        '"Post ID","Account username","Description","Publish time","Post type","Impressions",'
        '"Reach","Navigation","Profile visits","Replies","Link clicks","Sticker taps","Follows"\n'
        '"1807","diskominfo.kotacontoh","Info layanan","11/20/2026 16:00","IG story","1200",'
        '"1000","40","3","2","0","0","0"\n', encoding="utf-8")
    r = read_export(path)
    (story,) = r.posts
    assert r.format == "meta_instagram_posts"
    assert (story.post_type, story.impressions, story.views, story.reach, story.likes) == (
        "story", 1200, None, 1000, None)
    assert story.account == "@diskominfo.kotacontoh"


def test_x_legacy_favorites_header(tmp_path):
    header = (FIX / "x-tweet-activity.csv").read_text(encoding="utf-8").splitlines()[:2]
    path = tmp_path / "old.csv"
    path.write_text("\n".join([header[0].replace('"likes"', '"favorites"'), header[1]]) + "\n",
                    encoding="utf-8")
    (post,) = read_export(path).posts
    assert post.likes == 31


def test_indonesian_meta_header_is_rejected_with_language_hint(tmp_path):
    path = tmp_path / "meta-id.csv"
    path.write_text('"ID Postingan","ID Halaman","Waktu publikasi","Jangkauan","Reaksi"\n'
                    '"1","2","11/16/2026 08:00","100","5"\n', encoding="utf-8-sig")
    with pytest.raises(InputError, match="ganti bahasa antarmuka ke English") as info:
        read_export(path)
    assert info.value.line == 1


def test_preamble_blank_lines_and_semicolon_sep_line(tmp_path):
    path = tmp_path / "aduan.csv"
    path.write_text("\n\nsep=;\nditerima;kanal;isi\n2026-11-16 09:10;DM;Lampu mati\n\n",
                    encoding="utf-8")
    r = read_export(path)
    assert [(c.channel, c.text, c.line) for c in r.complaints] == [("DM", "Lampu mati", 5)]
    assert r.rows == 1


def test_short_row_is_skipped_not_dropped(tmp_path):
    path = tmp_path / "tt.csv"
    path.write_text("Date,Video Views,Profile Views,Likes,Comments,Shares\n"
                    "November 16,10,1,2,3,4\nNovember 17,10\n", encoding="utf-8")
    r = read_export(path, near=date(2026, 11, 16))
    assert r.rows == 2
    assert r.skipped == [Skipped(3, "baris hanya berisi 2 dari 6 kolom (terpotong?)")]


def test_facebook_export_resaved_by_excel_with_semicolons(tmp_path):
    text = (FIX / "fb-posts-32-impressions.csv").read_text(encoding="utf-8-sig")
    rows = [line.replace('","', '";"') for line in text.splitlines()]
    path = tmp_path / "fb.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    r = read_export(path)
    assert r.format == "meta_facebook_posts"
    assert [(p.post_id, p.impressions) for p in r.posts] == [
        ("1029384756100001", 7034), ("1029384756100002", 12400)]


def test_read_exports_expands_patterns_like_a_windows_shell_would_not(tmp_path):
    for name in ("b.csv", "a.csv"):
        (tmp_path / name).write_bytes((FIX / "aduan.csv").read_bytes())
    results = read_exports([str(tmp_path / "*.csv")])
    assert [Path(r.path).name for r in results] == ["a.csv", "b.csv"]
    with pytest.raises(InputError, match="tidak cocok"):
        read_exports([str(tmp_path / "*.xlsx")])


def test_comments_log_without_optional_columns_other_order_and_repeated_column(tmp_path):
    path = tmp_path / "komentar.csv"
    path.write_bytes(  # a caption over two lines: its row spans lines 2 and 3
        b"komentar,waktu,unggahan,platform,komentar\n"
        b'"Baris\r\nkedua",2026-11-17 08:15,123,FB,abaikan\n'
        b",2026-11-17 08:16,124,fb,\n"
        b'"Baris\r\nkedua",2026-11-17 08:15,123, facebook ,lain\n')
    r = read_export(path)
    # the first of two same-named columns is read; no author, no reply time
    assert [(c.platform, c.post_ref, c.author, c.text, c.replied_at, c.line)
            for c in r.comments] == [("facebook", "123", "", "Baris\nkedua", None, 2)]
    assert r.comments[0].time == utc(2026, 11, 17, 1, 15)
    assert r.rows == 3
    assert r.skipped == [Skipped(4, "kolom “komentar” kosong")]
    assert r.warnings == ["baris 5: komentar sama persis dengan baris 2; hanya satu yang dipakai"]


def test_delimiter_found_past_long_preamble_and_long_header(tmp_path):
    # the first non-blank line decides the delimiter, however far in and however long
    path = tmp_path / "aduan.csv"
    long_name = "catatan " * 700
    path.write_bytes(("\r\n" * 3000 + f"diterima;kanal;isi;{long_name}\r\n"
                      "2026-11-16 09:10;DM;Lampu mati;x\r\n").encode("utf-8"))
    r = read_export(path)
    assert [(c.channel, c.text, c.line) for c in r.complaints] == [("DM", "Lampu mati", 3002)]


def test_a_few_control_characters_are_tolerated_many_are_binary(tmp_path):
    header = "diterima,kanal,isi\n"
    ok = tmp_path / "ok.csv"
    ok.write_bytes((header + "2026-11-16 09:10,DM,Lampu\x0b mati\x1b\n").encode("utf-8"))
    assert read_export(ok).complaints[0].text == "Lampu\x0b mati\x1b"
    bad = tmp_path / "bad.csv"
    bad.write_bytes((header + "2026-11-16 09:10,DM,Lampu\x0b\x0c\x1b mati\n").encode("utf-8"))
    with pytest.raises(InputError, match="berisi data biner"):
        read_export(bad)
