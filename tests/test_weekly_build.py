"""Assembling the report: sources and their warnings, determinism, the contract's keys."""

from __future__ import annotations

import importlib.util
import json
from datetime import date, datetime, timedelta, timezone

import pytest

from medsos_cli.config import Config
from medsos_cli.exports.model import (
    Comment,
    Complaint,
    DailyValue,
    ImportResult,
    Post,
    Skipped,
)
from medsos_cli.weekly.build import build_report, to_json

WIB = timezone(timedelta(hours=7))
TOP_KEYS = ["version", "generator", "account", "week", "start", "end", "timezone",
            "previous_week", "running", "sources", "platforms", "accounts", "posting", "comments",
            "complaints", "lint", "comparison_basis", "recommendations"]


@pytest.fixture(autouse=True)
def _no_user_history(monkeypatch, tmp_path):
    monkeypatch.setenv("MEDSOS_DATA_DIR", str(tmp_path / "data"))


def at(day: int, hour: int = 9, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=WIB)


def ig(post_id: str, when: datetime, reach=1000, likes=50, source="ig.csv") -> Post:
    return Post("instagram", post_id, when, account="kotacontoh", reach=reach, likes=likes,
                comments=5, shares=2, saves=3, caption=f"Info layanan {post_id} #KotaContoh",
                post_type="foto", source=source)


def build(results, **kw):
    kw.setdefault("use_history", False)
    kw.setdefault("config", Config(account_name="Diskominfo Kota Contoh"))
    # the JSON object of the contract, which these tests read
    return build_report(results, week=kw.pop("week", "2026-W47"), **kw).to_dict()


def test_contract_keys_and_sources():
    result = ImportResult("ig.csv", "meta_instagram_posts", rows=4,
                          posts=[ig("1", at(17)), ig("2", at(10)), ig("3", at(1))],
                          warnings=["contoh peringatan importer"],
                          skipped=[Skipped(5, "waktu terbit tidak terbaca")])
    report = build([result])
    assert list(report) == TOP_KEYS
    assert report["version"] == 1 and report["generator"].startswith("medsos ")
    source = report["sources"][0]
    assert source["path"] == "ig.csv" and source["format"] == "meta_instagram_posts"
    assert source["rows"] == 4 and source["used"] == 2
    assert source["skipped"] == [{"line": 5, "reason": "waktu terbit tidak terbaca"}]
    assert source["warnings"][0] == "contoh peringatan importer"
    assert source["warnings"][1] == ("1 baris di luar pekan 2026-W47 dan pekan sebelumnya "
                                     "(2026-W46) tidak dihitung (tanggal 2026-11-01)")
    assert report["comments"] is None and report["complaints"] is None
    assert source["language"] == "en" and source["error"] is None
    assert report["comparison_basis"]["basis"] == "lifetime_at_export"
    json.loads(to_json(report))


def test_a_file_entirely_outside_the_week_is_named():
    old = ImportResult("oktober.csv", "meta_instagram_posts", rows=2,
                       posts=[ig("8", at(1, month=10)), ig("9", at(20, month=10))])
    now = ImportResult("november.csv", "meta_instagram_posts", rows=1, posts=[ig("1", at(17))])
    report = build([old, now])
    warnings = report["sources"][0]["warnings"]
    assert report["sources"][0]["used"] == 0
    assert "2 baris di luar pekan 2026-W47" in warnings[0]
    assert "(tanggal 2026-10-01 s.d. 2026-10-20)" in warnings[0]
    assert warnings[1].startswith("semua baris berada di luar pekan 2026-W47 (2026-11-16 s.d. "
                                  "2026-11-22); berkas ini tidak dipakai")
    assert report["platforms"]["instagram"]["posts"] == 1


def test_a_file_only_for_the_previous_week_says_so():
    prev = ImportResult("w46.csv", "meta_instagram_posts", rows=1, posts=[ig("5", at(10))])
    report = build([prev])
    assert report["sources"][0]["warnings"] == [
        "tidak ada baris dalam pekan 2026-W47; berkas ini hanya dipakai sebagai pembanding "
        "pekan 2026-W46"]


def test_duplicate_exports_are_counted_once_and_reported():
    first = ImportResult("ig-a.csv", "meta_instagram_posts", rows=2,
                         posts=[ig("1", at(17), reach=900, source="ig-a.csv"),
                                ig("2", at(18), source="ig-a.csv")])
    again = ImportResult("ig-b.csv", "meta_instagram_posts", rows=2,
                         posts=[ig("1", at(17), reach=1000, source="ig-b.csv"),
                                ig("2", at(18), source="ig-b.csv")])
    report = build([first, again])
    assert report["platforms"]["instagram"]["posts"] == 2
    assert report["platforms"]["instagram"]["reach"] == 2000
    a, b = report["sources"]
    assert a["used"] == 0 and b["used"] == 2
    assert any("2 unggahan juga ada di ig-b.csv" in w for w in a["warnings"])
    assert not any("semua baris" in w for w in a["warnings"])  # duplicates, not stale rows


def test_undated_posts_are_reported():
    result = ImportResult("x.csv", "x_account_analytics", rows=2,
                          posts=[Post("x", "1", None, impressions=10, engagements=1),
                                 Post("x", "2", at(17), impressions=10, engagements=1)])
    warnings = build([result])["sources"][0]["warnings"]
    assert "1 unggahan tanpa waktu terbit" in warnings[0]


def test_daily_files_count_lines_not_values():
    days = [date(2026, 11, 16) + timedelta(days=i) for i in range(7)]
    daily = [DailyValue("tiktok", m, d, 10, line=i + 2) for i, d in enumerate(days)
             for m in ("views", "likes", "comments", "shares")]
    result = ImportResult("tt.csv", "tiktok_overview", rows=7, daily=daily)
    report = build([result])
    assert report["sources"][0]["used"] == 7
    assert report["platforms"]["tiktok"]["views"] == 70


def test_same_inputs_give_the_same_bytes():
    def inputs():
        return [ImportResult("ig.csv", "meta_instagram_posts", rows=3,
                             posts=[ig("1", at(17)), ig("2", at(18), reach=500),
                                    ig("3", at(10))])]
    assert to_json(build(inputs())) == to_json(build(inputs()))


def test_default_week_is_the_last_complete_one():
    result = ImportResult("ig.csv", "meta_instagram_posts", rows=1, posts=[ig("1", at(17))])
    report = build_report([result], week=None, config=Config(), today=date(2026, 11, 25),
                          use_history=False)
    assert report.week == "2026-W47" and report.running is None
    report = build_report([result], week="last", config=Config(), today=date(2026, 11, 25),
                          use_history=False)
    assert report.week == "2026-W47"


def test_configured_timezone_is_used():
    late = ig("1", datetime(2026, 11, 22, 23, 30, tzinfo=WIB))  # Monday 00:30 in WITA
    report = build([ImportResult("ig.csv", "meta_instagram_posts", rows=1, posts=[late])],
                   config=Config(timezone="Asia/Makassar"))
    assert report["timezone"] == "Asia/Makassar"
    assert "instagram" not in report["platforms"]


def test_empty_platform_set_still_builds():
    report = build([ImportResult("kosong.csv", "meta_instagram_posts")])
    assert report["platforms"] == {} and report["posting"]["posts"] == 0
    assert report["recommendations"] == []
    assert report["lint"]["posts_checked"] == 0


needs_conversation = pytest.mark.skipif(
    importlib.util.find_spec("medsos_cli.weekly.conversation") is None,
    reason="weekly/conversation.py not written yet")
needs_complaints = pytest.mark.skipif(
    importlib.util.find_spec("medsos_cli.weekly.complaints") is None,
    reason="weekly/complaints.py not written yet")


@needs_conversation
def test_comments_are_analysed_for_the_week():
    comments = [
        Comment("instagram", "1", "@rina", at(17, 8), "Terima kasih infonya, sangat membantu"),
        Comment("instagram", "1", "@budi", at(18, 10), "Jalan rusak kapan diperbaiki?",
                replied_at=at(18, 12)),
        Comment("facebook", "2", "@sari", at(1), "Komentar lama"),
    ]
    result = ImportResult("komentar.csv", "medsos_comments", rows=3, comments=comments)
    # The same log saved again under another name with one more comment.
    again = ImportResult("komentar-salinan.csv", "medsos_comments", rows=3, comments=[
        Comment("instagram", "1", "@budi", at(18, 10), "Jalan rusak kapan diperbaiki?",
                replied_at=at(18, 12)),
        Comment("x", "9", "@tono", at(10, 7), "Info yang jelas, terima kasih")])
    report = build([result, again])
    assert report["comments"]["total"] == 2
    assert [s["used"] for s in report["sources"]] == [2, 1]
    assert "1 baris di luar pekan" in report["sources"][0]["warnings"][0]
    assert report["sources"][1]["warnings"][0] == (
        "1 komentar sama persis dengan komentar di berkas yang dibaca sebelumnya; dihitung "
        "sekali saja")


@needs_complaints
def test_complaints_are_analysed_with_the_configured_sla():
    items = [
        Complaint(at(16, 9), "LAPOR!", "Lampu jalan padam", forwarded_to="DPUPR",
                  first_response_at=at(16, 13)),
        Complaint(at(17, 20), "DM", "Antrean KTP panjang"),  # never answered: overdue
    ]
    result = ImportResult("aduan.csv", "medsos_complaints", rows=2, complaints=items)
    config = Config(sla_hours=12)
    report = build([result], config=config)
    complaints = report["complaints"]
    assert complaints["received"] == 2 and complaints["sla_hours"] == 12
    assert complaints["overdue"] >= 1
    assert any(s.startswith("Balas 1 aduan yang lewat 12 jam tanpa tanggapan")
               for s in report["recommendations"])


def test_only_the_weeks_posts_are_linted_and_a_rerun_reuses_findings(tmp_path, monkeypatch):
    from medsos_cli.weekly import lintposts

    posts = [ig("1", at(17)), ig("2", at(10))]  # this week and the week before
    posts[1].caption = "Info yg lama"
    result = ImportResult("ig.csv", "meta_instagram_posts", rows=2, posts=posts)
    linted: list[str] = []
    real = lintposts._lint_one

    def lint_one(linter, platform, kind, text):
        linted.append(text)
        return real(linter, platform, kind, text)

    monkeypatch.setattr(lintposts, "_lint_one", lint_one)
    db = tmp_path / "h.sqlite3"
    first = build([result], use_history=True, db=db)
    assert linted == [posts[0].caption]
    assert first["lint"]["posts_checked"] == 1
    again = build([result], use_history=True, db=db)
    assert linted == [posts[0].caption]  # found in the history database
    assert to_json(again) == to_json(first)
    assert to_json(build([result])) == to_json(first)
