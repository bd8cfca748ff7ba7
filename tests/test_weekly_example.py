"""The report of the bundled example exports for 2026-W47, checked against hand arithmetic.

Every expected number below is worked out from the CSV rows in examples/exports/ (the
arithmetic is in the comments), not by calling the code under test. W47 is Monday 16 to
Sunday 22 November 2026; W46 is 9 to 15 November. Times are WIB (Asia/Jakarta).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from medsos_cli.config import load_config
from medsos_cli.exports import read_exports
from medsos_cli.weekly.build import build_report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXPORTS = EXAMPLES / "exports"

pytestmark = pytest.mark.skipif(not EXPORTS.is_dir(), reason="examples/exports not written yet")


@pytest.fixture(scope="module")
def report() -> dict:
    config = load_config(EXAMPLES / "medsos.toml")
    results = read_exports([str(EXPORTS)], tz=config.timezone, year=2026,
                           near=date(2026, 11, 16))
    # the JSON object of the contract, which these tests read
    return build_report(results, week="2026-W47", config=config, use_history=False).to_dict()


def test_header(report):
    assert (report["week"], report["start"], report["end"]) == ("2026-W47", "2026-11-16",
                                                                "2026-11-22")
    assert report["previous_week"] == "2026-W46"
    assert report["timezone"] == "Asia/Jakarta"
    assert report["account"] == "Diskominfo Kota Contoh"
    assert list(report["platforms"]) == ["facebook", "instagram", "x", "youtube", "tiktok"]


def test_facebook(report):
    fb = report["platforms"]["facebook"]
    # W47 rows: 111 (16/11), 112 (17/11), 113 (18/11), 114 (19/11), 115 (20/11), 116 (22/11).
    assert fb["posts"] == 6
    # Reach: 2000 + 1500 + 5000 + (114 blank) + 1200 + 2500 = 12,200
    assert fb["reach"] == 12200
    # Views: 3100 + 2200 + 9000 + 1800 + 2500 + 3300 = 21,900
    assert fb["views"] == 21900
    # Reactions: 120 + 45 + 400 + 60 + 30 + 150 = 805; comments 15+20+35+4+2+12 = 88;
    # shares 10+12+40+6+3+8 = 79
    assert (fb["likes"], fb["comments"], fb["shares"]) == (805, 88, 79)
    # Engagements: 145 + 77 + 475 + 70 + 35 + 170 = 972
    assert fb["engagements"] == 972
    # Rate leaves out 114 (reach unknown): (972 - 70) / 12,200 = 902 / 12,200 = 0.0739344
    assert fb["engagement_rate"] == pytest.approx(0.073934, abs=1e-6)
    assert fb["saves"] is None and fb["impressions"] is None
    # W46: 101, 102, 103, 104; reach 1800 + 1100 + 4200 + 1600 = 8,700;
    # engagements 118 + 39 + 357 + 91 = 605; rate 605 / 8,700 = 0.0695402
    assert fb["previous"]["posts"] == 4
    assert fb["previous"]["reach"] == 8700
    assert fb["previous"]["engagement_rate"] == pytest.approx(0.069540, abs=1e-6)
    # Change of reach: (12,200 - 8,700) / 8,700 = 0.402299; posts (6 - 4) / 4 = 0.5
    assert fb["change"]["reach"] == pytest.approx(0.402299, abs=1e-6)
    assert fb["change"]["posts"] == 0.5
    # Rate change: (902/12200 - 605/8700) / (605/8700) = 0.0631866...
    assert fb["change"]["engagement_rate"] == pytest.approx(0.063187, abs=2e-5)
    # Per-post rates: 113 475/5000 = 0.095; 111 145/2000 = 0.0725; 116 170/2500 = 0.068;
    # 112 77/1500 = 0.05133; 115 35/1200 = 0.02917; 114 unknown.
    assert [p["id"] for p in fb["top_posts"]] == ["1000700000000113", "1000700000000111",
                                                  "1000700000000116"]
    assert [p["id"] for p in fb["bottom_posts"]] == ["1000700000000115", "1000700000000112"]
    assert fb["top_posts"][0]["engagement_rate"] == 0.095
    assert fb["top_posts"][0]["published_at"] == "2026-11-18T19:00:00+07:00"
    # Follows file: W47 10 + 7 + 12 + 9 + 8 + 5 + 6 = 57; W46 8 + 6 + 9 + 5 + 7 + 4 + 3 = 42
    assert fb["followers_change"] == 57
    assert fb["previous"]["followers_change"] == 42
    assert report["accounts"]["facebook:Diskominfo Kota Contoh"]["followers_change"] == 57
    # Daily reach: Mon 2000, Tue 1500, Wed 5000, Thu only 114 (blank) -> unknown, Fri 1200,
    # Sat no post -> 0, Sun 2500
    assert [d["reach"] for d in fb["daily"]] == [2000, 1500, 5000, None, 1200, 0, 2500]
    assert [d["posts"] for d in fb["daily"]] == [1, 1, 1, 1, 1, 0, 1]


def test_instagram(report):
    ig = report["platforms"]["instagram"]
    # W47: 111 (16/11), 112 (17/11), 113 (19/11), 114 story (20/11), 115 (22/11)
    assert ig["posts"] == 5
    # Reach 2600 + 9000 + 1500 + 1000 + 2200 = 16,300
    assert ig["reach"] == 16300
    # Likes 210 + 800 + 90 + (story blank) + 180 = 1,280; saves 30 + 55 + 20 + 12 = 117
    assert ig["likes"] == 1280 and ig["saves"] == 117
    # Engagements: 266 + 955 + 119 + 208 = 1,548 (the story's likes and saves are blank)
    assert ig["engagements"] == 1548
    # Rate: 1,548 / (2600 + 9000 + 1500 + 2200 = 15,300) = 0.1011765
    assert ig["engagement_rate"] == pytest.approx(0.101176, abs=1e-6)
    # W46: 235 + 765 + 92 = 1,092 over 2400 + 7600 + 1400 = 11,400 -> 0.0957895
    assert ig["previous"]["engagement_rate"] == pytest.approx(0.095789, abs=1e-6)
    # Per post: 112 955/9000 = 0.10611; 111 266/2600 = 0.10231; 115 208/2200 = 0.09455;
    # 113 119/1500 = 0.07933
    assert [p["id"] for p in ig["top_posts"]] == ["18070000000000112", "18070000000000111",
                                                  "18070000000000115"]
    assert [p["id"] for p in ig["bottom_posts"]] == ["18070000000000113"]


def test_x_from_two_exports(report):
    x = report["platforms"]["x"]
    # x-konten.csv: 5 posts 16-20/11; x-tweet-activity.csv: 2 posts (17/11, 20/11)
    assert x["posts"] == 7
    # Impressions 2500 + 3400 + 4100 + 300 + 1500 + 1200 + 800 = 13,800
    assert x["impressions"] == 13800
    # Engagements 70 + 95 + 130 + 6 + 33 + 36 + 17 = 387; rate 387 / 13,800 = 0.0280435
    assert x["engagements"] == 387
    assert x["engagement_rate"] == pytest.approx(0.028043, abs=1e-6)
    # W46: 60 + 41 + 110 + 23 = 234 over 2300 + 1900 + 3600 + 900 = 8,700 -> 0.0268966
    assert x["previous"]["engagement_rate"] == pytest.approx(0.026897, abs=1e-6)
    # Top: 130/4100 = 0.03171, 36/1200 = 0.03, 70/2500 = 0.028
    assert x["top_posts"][0]["id"] == "2123024670520271685"
    assert [p["id"] for p in x["top_posts"]][1:] == ["2122570427397215045",
                                                    "2122135058641863493"]
    assert set(report["accounts"]) >= {"x:@kominfo_contoh", "x:@ppid_kotacontoh"}
    assert report["accounts"]["x:@ppid_kotacontoh"]["posts"] == 2


def test_youtube_and_tiktok(report):
    yt = report["platforms"]["youtube"]
    # -Rp7TqW2zA8 (17/11): 850 views, 20 + 6 + 2 = 28; Lm4Nb8Vc1Xz (22/11): 1300, 70 + 5 + 9
    # = 84; rate 112 / 2,150 = 0.0520930
    assert (yt["posts"], yt["views"], yt["engagements"]) == (2, 2150, 112)
    assert yt["engagement_rate"] == pytest.approx(0.052093, abs=1e-6)
    tt = report["platforms"]["tiktok"]
    # Video views 16-22/11: 1700 + 3100 + 6400 + 2000 + 1400 + 800 + 2900 = 18,300
    assert tt["views"] == 18300
    # Likes 2,145 + comments 145 + shares 118 = 2,408; 2,408 / 18,300 = 0.1315847
    assert tt["engagements"] == 2408
    assert tt["engagement_rate"] == pytest.approx(0.131585, abs=1e-6)
    assert tt["posts"] is None
    assert [d["views"] for d in tt["daily"]] == [1700, 3100, 6400, 2000, 1400, 800, 2900]
    # W46 views 1500 + 1100 + 2600 + 5200 + 1800 + 900 + 700 = 13,800; change 4,500 / 13,800
    assert tt["previous"]["views"] == 13800
    assert tt["change"]["views"] == pytest.approx(0.326087, abs=1e-6)


def test_posting(report):
    posting = report["posting"]
    # FB 6 + IG 5 + X 7 + YouTube 2 = 20 posts (TikTok's overview lists no posts)
    assert posting["posts"] == 20
    # Posts on 16, 17, 18, 19, 20 and 22 November: only Saturday 21 has none.
    assert posting["days_without_posts"] == ["2026-11-21"]
    # YouTube gives dates only: 2 posts out of the grid.
    assert posting["posts_without_time"] == 2
    assert sum(map(sum, posting["grid"])) == 18
    # Monday 08:xx: FB 111 (08:00), IG 111 (08:05), X 2122135058641863493 (01:10 UTC = 08:10)
    assert posting["grid"][0][8] == 3


def test_sources(report):
    by_name = {Path(s["path"]).name: s for s in report["sources"]}
    fb = by_name["facebook-posts.csv"]
    # 12 rows: 095 (06/11) and 121 (23/11) are outside W46-W47.
    assert (fb["rows"], fb["used"]) == (12, 10)
    assert any("2 baris di luar pekan" in w for w in fb["warnings"])
    tiktok = by_name["tiktok-overview.csv"]
    # 16 days: 8 November and 23 November are outside both weeks.
    assert (tiktok["rows"], tiktok["used"]) == (16, 14)
    assert any("2 baris di luar pekan" in w for w in tiktok["warnings"])


def test_lint(report):
    lint = report["lint"]
    assert lint["posts_checked"] == 20
    assert lint["posts_with_errors"] == 0
    rules = {r["rule"]: r["count"] for r in lint["rules"]}
    # No #KotaContoh: IG story 114 only (the X reply to @warga_contoh is linted as a reply and
    # the two YouTube videos, exported with their titles only, as titles: neither needs one).
    assert rules["akun.tagar-resmi"] == 1
    # "dihimbau": FB 112 and X 2122533936952267589
    assert rules["baku.ejaan"] == 2
    # "Walikota": FB 113 and X 2123024670520271685
    assert rules["penulisan.wali-kota"] == 2
    # FB 112, X ...589 (dihimbau), FB 113, X ...685 (Walikota), IG 114
    assert lint["posts_with_warnings"] == 5
    assert "istilah.asing" not in rules  # "Car Free Day" is exempted in examples/medsos.toml


def test_recommendations(report):
    text = "\n".join(report["recommendations"])
    # The two largest changes: X impressions +58.6 %, Instagram reach +43.0 % (FB +40.2 % is
    # third and left to the tables).
    # Each as an action (repeat the top post's pattern) with the number behind it.
    assert "Ulangi pola unggahan teratas Instagram (" in text
    assert "jangkauan naik 43,0 % dibanding pekan lalu (11.400 → 16.300)" in text
    assert "Ulangi pola unggahan teratas X (" in text
    assert "impresi naik 58,6 %" in text
    assert "Jangkauan Facebook" not in text
    assert len(report["recommendations"]) <= 6
    assert "Sabtu (21 November)" in text


def test_comments(report):
    comments = report["comments"]
    # komentar.csv: 37 rows; 4 in W46 (9-12 Nov), 1 on 23 Nov, so 32 in W47.
    assert comments["total"] == 32
    # Facebook 16, Instagram 11, X 5 (counted row by row): 16 + 11 + 5 = 32
    assert comments["by_platform"] == {"facebook": 16, "instagram": 11, "x": 5}
    # Without dibalas_pada in W47: 18 rows
    assert comments["unanswered"] == 18
    # Per day, 16-22 Nov: 5, 5, 7, 5, 4, 2, 4
    assert [d["total"] for d in comments["daily"]] == [5, 5, 7, 5, 4, 2, 4]
    source = next(s for s in report["sources"] if Path(s["path"]).name == "komentar.csv")
    assert (source["rows"], source["used"]) == (37, 36)


def test_complaints(report):
    complaints = report["complaints"]
    # aduan.csv: 11 complaints received 16-22 Nov (2 in W46, 1 on 23 Nov).
    assert complaints["received"] == 11
    # First responses (hours): 4.58 (09:10→13:45), 0.5, 0.67, 0.5, 36 (18/11 21:15 →
    # 20/11 09:15), 6, 0.67, 26 (21/11 09:30 → 22/11 11:30), 0.83; two never answered.
    assert complaints["answered"] == 9
    # Sorted: 0.5, 0.5, 0.67, 0.67, 0.83, 4.58, 6, 26, 36 -> median 0.83 -> 0.8;
    # p90 nearest rank: ceil(0.9 × 9) = 9th value = 36
    assert complaints["first_response_median_hours"] == 0.8
    assert complaints["first_response_p90_hours"] == 36.0
    # Overdue against 24 h: answered after 36 h and 26 h, and 17/11 20:05 still unanswered
    # at the end of the week (27.9 h); 22/11 20:00 has waited only 4 h.
    assert complaints["overdue"] == 3
    # Within SLA: 7 of the 9 answered = 0.777...
    assert complaints["within_sla"] == pytest.approx(7 / 9, abs=1e-3)
    # Resolved (selesai, with a time): 16/11 09:10, 16/11 11:40, 18/11 19:50, 18/11 20:30
    assert complaints["resolved"] == 4
    text = "\n".join(report["recommendations"])
    # As actions: the one still unanswered is to be answered, the two answered late (36 h
    # and 26 h) call for a faster first response.
    assert "Balas 1 aduan yang lewat 1×24 jam tanpa tanggapan (diteruskan ke Disdukcapil)" in text
    assert "2 aduan baru ditanggapi setelah lewat 1×24 jam, terlama 36 jam" in text
