"""The roll-up scorecard against numbers worked out by hand, and every kind of bad hand-over."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from province_parts import post, write_part

from medsos_cli.province.render import render_html, render_markdown, sparkline, to_json
from medsos_cli.province.rollup import compute
from medsos_cli.weekly.week import parse_month, parse_period

W47 = parse_period("2026-W47", today=date(2026, 11, 30))
WIB = timezone(timedelta(hours=7))


def wib(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=WIB).astimezone(timezone.utc)


def complaint(received: datetime, answered: datetime | None, status: str = "") -> dict:
    return {"received_at": received, "day": received.astimezone(WIB).date(), "channel": "DM",
            "text": f"aduan {received.isoformat()}", "category": "jalan", "forwarded_to": "",
            "first_response_at": answered, "resolved_at": None, "status": status}


@pytest.fixture
def province(tmp_path):
    """Office A (2 accounts, 4 posts, 3 complaints, 2 findings), office B (1 account, 1 post,
    no complaints), office C: data only for W46."""
    d = date(2026, 11, 16)
    write_part(tmp_path, "kantor-a", "2026-W47", name="Kantor A", posts=[
        post("instagram", "@a1", "1", d, 2, 10, 100),
        post("instagram", "@a1", "2", d + timedelta(days=1), 2, 20, 200),
        post("instagram", "@a1", "3", d + timedelta(days=1), 5, 30, 300),
        post("x", "@a2", "4", d + timedelta(days=2), 2, 5, 100),
    ], complaints=[
        complaint(wib(16, 8), wib(16, 10)),  # 2 h: within the SLA
        complaint(wib(17, 8), wib(18, 14)),  # 30 h: answered late (overdue)
        complaint(wib(22, 20), None),  # 4 h before the week ends: not overdue yet
    ], findings=[
        {"platform": "instagram", "account": "@a1", "post_id": "1", "day": d, "rule": "r1",
         "level": "warning"},
        {"platform": "instagram", "account": "@a1", "post_id": "2", "day": d, "rule": "r2",
         "level": "error"},
    ], comments=[
        {"platform": "instagram", "account": "@a1", "post_ref": "1", "author": f"@w{k}",
         "time": wib(18, 9), "day": date(2026, 11, 18), "text": "jalan rusak parah",
         "class": "aduan", "sentiment": "negatif"} for k in range(6)])
    write_part(tmp_path, "kantor-b", "2026-W47", name="Kantor B", posts=[
        post("facebook", "B Page", "9", d + timedelta(days=4), 2, 10, 50)])
    write_part(tmp_path, "kantor-c", "2026-W46", name="Kantor C", posts=[
        post("facebook", "C Page", "7", d - timedelta(days=3), 2, 1, 10)])
    return tmp_path


def test_scorecard_matches_hand_computation(province):
    report = compute(province, W47, tz="Asia/Jakarta", sla_hours=24, min_posts_week=2)
    a, b = (next(c for c in report["offices"] if c["office"] == k)
            for k in ("kantor-a", "kantor-b"))
    # A: 4 posts on 3 days of 7; ER (10+20+30+5)/(100+200+300+100) = 65/700
    assert a["posts"] == 4 and a["accounts"] == 2
    assert a["target_posts"] == 4.0  # 2 per account per week x 2 accounts x 7/7
    assert a["days_without_posts"] == 4
    assert a["engagement_rate"] == round(65 / 700, 6)
    assert b["engagement_rate"] == 0.2  # 10/50
    median = (65 / 700 + 0.2) / 2
    assert report["province"]["engagement_rate_median"] == round(median, 6)
    assert a["complaints"] == {"received": 3, "within_sla": 1, "overdue": 1, "resolved": 0,
                               "within_sla_share": round(1 / 3, 4)}
    assert a["findings"] == 2 and a["findings_per_100_posts"] == 50.0
    assert a["parts"] == {"posting": 1.0, "engagement": round((65 / 700) / median, 4),
                          "service": round(1 / 3, 4), "sop": 0.5}
    # 100 x (0.4 x 1 + 0.2 x 0.634146 + 0.2 x 0.333333 + 0.2 x 0.5) = 69.35 -> 69.3
    assert a["score"] == 69.3
    # B: P = 1 post / target 2 = 0.5, E = 1 (above the median), L = 1 (no complaint), S = 1
    assert b["parts"] == {"posting": 0.5, "engagement": 1.0, "service": 1.0, "sop": 1.0}
    assert b["score"] == 80.0
    assert [(c["office"], c["rank"]) for c in report["offices"]] == [("kantor-b", 1),
                                                                      ("kantor-a", 2)]
    assert report["missing"] == [{"office": "kantor-c", "name": "Kantor C",
                                  "last_week": "2026-W46"}]
    assert report["province"]["posts"] == 5
    assert report["problems"] == []


def test_trend_themes_and_negative_spike(province):
    report = compute(province, W47, tz="Asia/Jakarta", sla_hours=24, min_posts_week=2)
    a = next(c for c in report["offices"] if c["office"] == "kantor-a")
    assert [t["week"] for t in a["trend"]][-2:] == ["2026-W46", "2026-W47"]
    assert len(a["trend"]) == 8 and a["trend"][-1]["posts"] == 4 and a["trend"][-2]["posts"] == 0
    assert [s["date"] for s in a["negative_spikes"]] == ["2026-11-18"]
    assert any("jalan" in t["term"] for t in a["themes"])


def test_month_counts_only_its_days(province):
    # November 2026: 30 days; W47 lies inside, the target scales with the days.
    report = compute(province, parse_month("2026-11"), tz="Asia/Jakarta", sla_hours=24,
                     min_posts_week=2)
    a = next(c for c in report["offices"] if c["office"] == "kantor-a")
    assert a["target_posts"] == round(2 * 2 * 30 / 7, 1)
    assert a["days_without_posts"] == 27
    c = next(c for c in report["offices"] if c["office"] == "kantor-c")
    assert c["posts"] == 1  # W46 is in November too


def test_expected_offices_from_registry_are_named(province):
    report = compute(province, W47, tz="Asia/Jakarta", sla_hours=24, min_posts_week=2,
                     expected={"kantor-a": "Kantor A", "kantor-d": "Kantor D"})
    assert {m["office"]: m["last_week"] for m in report["missing"]} == {
        "kantor-c": "2026-W46", "kantor-d": None}


def test_same_week_sent_twice_is_counted_once(province):
    copy = province / "kiriman-2"
    write_part(copy, "kantor-b", "2026-W47", posts=[
        post("facebook", "B Page", "9", date(2026, 11, 20), 2, 10, 50)])
    report = compute(province, W47, tz="Asia/Jakarta", sla_hours=24, min_posts_week=2)
    b = next(c for c in report["offices"] if c["office"] == "kantor-b")
    assert b["posts"] == 1
    assert any("dikirim dua kali" in p["message"] for p in report["problems"])


def test_foreign_corrupt_other_version_and_missing_table(province):
    folder = province / "office=kantor-a" / "week=2026-W47"
    (folder / "catatan.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "findings.parquet").write_bytes(b"PAR1 rusak")
    write_part(province, "kantor-b", "2026-W47", schema=2, posts=[])
    (folder / "daily.parquet").unlink()
    report = compute(province, W47, tz="Asia/Jakarta", sla_hours=24, min_posts_week=2)
    found = [(Path(p["path"]).as_posix(), p["message"]) for p in report["problems"]]

    def said(tail: str, words: str) -> bool:
        return any(path.endswith(tail) and words in message for path, message in found)

    assert said("kantor-a/week=2026-W47/catatan.xlsx", "berkas asing")
    assert said("kantor-a/week=2026-W47/findings.parquet", "rusak")
    assert said("kantor-b/week=2026-W47/posts.parquet", "versi 2")
    assert said("kantor-a/week=2026-W47", "tidak lengkap: tidak ada daily.parquet, "
                "findings.parquet")
    # B sent only files of another version: it has no usable data and is named as such
    assert [m["office"] for m in report["missing"]] == ["kantor-b", "kantor-c"]
    a = next(c for c in report["offices"] if c["office"] == "kantor-a")
    assert a["posts"] == 4 and a["findings"] == 0  # the corrupt file is not read
    assert a["notes"]  # the office's own problems are listed on its card


def test_renderers(province):
    report = compute(province, W47, tz="Asia/Jakarta", sla_hours=24, min_posts_week=2)
    md = render_markdown(report)
    assert "| 2 | Kantor A | 69,3 |" in md and "Kantor C" in md and "Rumus: Skor" in md
    html = render_html(report)
    assert "<svg" in html and "69,3" in html and "@media print" in html
    assert '"score": 69.3' in to_json(report)
    assert sparkline([0, 4, 8]) == "·▄█"


def test_not_a_folder(tmp_path):
    from medsos_cli.errors import InputError

    with pytest.raises(InputError, match="tidak ditemukan"):
        compute(tmp_path / "tidak-ada", W47, tz="Asia/Jakarta", sla_hours=24, min_posts_week=2)


def test_weighted_themes_agree_with_the_weekly_rule():
    from medsos_cli.province.rollup import weighted_themes
    from medsos_cli.weekly.conversation import themes

    docs = [(("jalan", "rusak", "parah"), 3), (("jalan", "rusak", "|", "banjir"), 2),
            (("banjir", "lagi"), 1), (("jalan",), 4), (("lampu", "padam"), 2)]
    expanded = [(stream, 1) for stream, many in docs for _ in range(many)]
    assert weighted_themes(docs, frozenset(), 10) == themes(expanded, limit=10)


def test_a_parquet_file_that_is_not_a_hand_over(province):
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = province / "office=kantor-b" / "week=2026-W47" / "posts.parquet"
    pq.write_table(pa.table({"x": [1, 2]}), target)
    report = compute(province, W47, tz="Asia/Jakarta", sla_hours=24, min_posts_week=2)
    assert any(p["path"].endswith("posts.parquet") and "bukan berkas serah-terima medsos"
               in p["message"] for p in report["problems"])
