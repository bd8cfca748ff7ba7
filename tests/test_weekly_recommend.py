"""Recommendations: each rule, with Indonesian number formatting; deterministic order."""

from __future__ import annotations

from medsos_cli.weekly import recommend
from medsos_cli.weekly.model import (
    CommentsSection,
    ComplaintsSection,
    LintSummary,
    PlatformWeek,
    Posting,
    decode,
)
from medsos_cli.weekly.recommend import fmt_day, fmt_int, fmt_pct, recommendations

# The rules take the typed parts of the report; these tests write them as the contract's JSON.


def _typed(kind, data):
    return None if data is None else decode(kind, data)


def platform_changes(platforms: dict) -> list[str]:
    return recommend.platform_changes({k: decode(PlatformWeek, v) for k, v in platforms.items()})


def best_formats(platforms: dict) -> list[str]:
    return recommend.best_formats({k: decode(PlatformWeek, v) for k, v in platforms.items()})


def posting_gaps(posting: dict | None) -> list[str]:
    return recommend.posting_gaps(_typed(Posting, posting))


def complaint_sentences(data: dict | None) -> list[str]:
    return recommend.complaint_sentences(_typed(ComplaintsSection, data))


def comment_sentences(data: dict | None) -> list[str]:
    return recommend.comment_sentences(_typed(CommentsSection, data))


def lint_sentences(data: dict | None) -> list[str]:
    return recommend.lint_sentences(_typed(LintSummary, data))


def platform(**kw) -> dict:
    data = {"label": "Instagram", "posts": 5, "reach": 6170, "engagement_rate": 0.041,
            "engagement_rate_basis": "reach", "previous": {"posts": 4, "reach": 5000,
                                                           "engagement_rate": 0.05},
            "change": {"posts": 0.25, "reach": 0.234, "engagement_rate": -0.18},
            "content_mix": []}
    data.update(kw)
    return data


def test_number_formats():
    assert fmt_int(5430) == "5.430"
    assert fmt_int(1234567) == "1.234.567"
    assert fmt_pct(0.234) == "23,4 %"
    assert fmt_pct(0.0123) == "1,2 %"
    assert fmt_pct(1.5) == "150,0 %"
    assert fmt_day("2026-11-21") == "Sabtu (21 November)"


def test_rise_and_fall_of_reach_and_rate():
    out = platform_changes({"instagram": platform()})
    # Actions with the number behind them; the rate's change in points: 5,0 % → 4,1 % is
    # −0,9 points (the relative −18 % is not shown)
    assert out == ["Ulangi pola unggahan teratas Instagram: jangkauan naik 23,4 % dibanding "
                   "pekan lalu (5.000 → 6.170).",
                   "Perbaiki unggahan Instagram yang sepi interaksi, mulai dari yang terbawah: "
                   "tingkat interaksi turun 0,9 poin persentase (5,0 % → 4,1 %)."]


def test_a_rate_change_that_rounds_to_zero_points_is_not_an_action():
    # 0,10 % → 0,11 %: +10 % relative but 0,01 points, shown as "tetap"
    data = platform(engagement_rate=0.0011, previous={"engagement_rate": 0.001},
                    change={"engagement_rate": 0.1})
    assert platform_changes({"instagram": data}) == []


def test_small_changes_are_not_mentioned():
    data = platform(change={"reach": 0.05, "engagement_rate": -0.099})
    assert platform_changes({"instagram": data}) == []


def test_views_basis_is_named():
    data = platform(label="YouTube", engagement_rate_basis="views", views=1200,
                    previous={"views": 2400, "engagement_rate": None},
                    change={"views": -0.5, "engagement_rate": None})
    assert platform_changes({"youtube": data}) == [
        "Cari penyebab turunnya tayangan YouTube, mulai dari unggahan terbawah: tayangan "
        "turun 50,0 % dibanding pekan lalu (2.400 → 1.200)."]


def test_platform_silent_this_week():
    data = platform(label="X", posts=0, previous={"posts": 6}, change={})
    assert platform_changes({"x": data}) == [
        "Aktifkan kembali akun X: tidak ada unggahan pekan ini (pekan lalu 6)."]


def test_posting_gaps():
    assert posting_gaps({"days_without_posts": []}) == []
    assert posting_gaps({"days_without_posts": ["2026-11-21", "2026-11-22"]}) == [
        "Jadwalkan minimal satu unggahan setiap hari: pekan ini 2 hari tanpa unggahan, yaitu "
        "Sabtu (21 November) dan Minggu (22 November)."]
    week = [f"2026-11-{d}" for d in range(16, 23)]
    assert posting_gaps({"days_without_posts": week}) == [
        "Susun dan jalankan jadwal konten: tidak ada unggahan sama sekali pekan ini."]


def test_best_format():
    mix = [{"type": "foto", "posts": 4, "engagement_rate": 0.03},
           {"type": "reel", "posts": 3, "engagement_rate": 0.067},
           {"type": "carousel", "posts": 1, "engagement_rate": None}]
    assert best_formats({"instagram": platform(content_mix=mix)}) == [
        "Perbanyak format reel di Instagram: tingkat interaksinya 6,7 % dari 3 unggahan, "
        "dibanding 3,0 % untuk foto."]
    # One post is not a pattern; a single type has nothing to compare with.
    mix[1]["posts"] = 1
    assert best_formats({"instagram": platform(content_mix=mix)}) == []
    assert best_formats({"instagram": platform(content_mix=mix[:1])}) == []


def test_overdue_complaints():
    assert complaint_sentences(None) == []
    assert complaint_sentences({"overdue": 0}) == []
    data = {"overdue": 3, "sla_hours": 24.0, "overdue_items": [
        {"forwarded_to": "DPUPR"}, {"forwarded_to": "Disdukcapil"}, {"forwarded_to": "DPUPR"}]}
    assert complaint_sentences(data) == [  # no answered flags: all are to be answered
        "Tanggapi 3 aduan yang melewati batas 1×24 jam (terbanyak diteruskan ke DPUPR) dan "
        "tindak lanjuti dengan OPD terkait."]
    data = {"overdue": 3, "sla_hours": 24, "overdue_items": [
        {"forwarded_to": "DPUPR"}, {"forwarded_to": "DLH"}, {"forwarded_to": "Disdukcapil"}]}
    assert "(diteruskan ke Disdukcapil, DLH, dan DPUPR)" in complaint_sentences(data)[0]
    data = {"overdue": 1, "sla_hours": 4.5, "overdue_items": [{"forwarded_to": ""}]}
    assert complaint_sentences(data)[0].startswith("Tanggapi 1 aduan yang melewati batas 4,5 "
                                                   "jam dan")


def test_overdue_complaints_unanswered_and_answered_late_are_two_actions():
    data = {"overdue": 3, "sla_hours": 24, "overdue_items": [
        {"forwarded_to": "Disdukcapil", "answered": False, "hours_waiting": 123.9},
        {"forwarded_to": "DPUPR", "answered": True, "hours_waiting": 36.0},
        {"forwarded_to": "DLH", "answered": True, "hours_waiting": 26.0}]}
    assert complaint_sentences(data) == [
        "Balas 1 aduan yang lewat 1×24 jam tanpa tanggapan (diteruskan ke Disdukcapil), lalu "
        "kabari pelapor tindak lanjutnya.",
        "Percepat tanggapan pertama aduan: 2 aduan baru ditanggapi setelah lewat 1×24 jam, "
        "terlama 36 jam (diteruskan ke DLH dan DPUPR)."]


def test_crisis_days_and_unanswered_comments():
    data = {"crisis_days": [{"date": "2026-11-19", "negative": 31, "baseline": 3.0}],
            "unanswered": 12}
    # The crisis day is the report's alert (told once), not a recommendation.
    assert comment_sentences(data) == [
        "Balas 12 komentar warga yang belum dibalas, paling lambat 1×24 jam."]
    assert comment_sentences({"crisis_days": [], "unanswered": 0}) == []


def test_sop_errors():
    lint = {"posts_with_errors": 2, "rules": [
        {"rule": "baku.ejaan", "level": "warning", "count": 4},
        {"rule": "nama.jabatan", "level": "error", "count": 2}]}
    assert lint_sentences(lint) == [
        "Periksa setiap takarir dengan medsos lint sebelum terbit: 2 unggahan pekan ini "
        "melanggar aturan SOP tingkat galat (paling sering: nama.jabatan)."]
    assert lint_sentences({"posts_with_errors": 0, "rules": []}) == []


def test_order_and_quiet_week():
    report = {"platforms": {"instagram": platform()},
              "posting": {"days_without_posts": ["2026-11-22"]},
              "complaints": {"overdue": 1, "sla_hours": 24, "overdue_items": []},
              "comments": None, "lint": {"posts_with_errors": 1, "rules": []}}
    out = recommendations(report)
    # Most urgent first: complaints, SOP errors, posting gaps, then the changes.
    assert [s.split()[0] for s in out] == ["Tanggapi", "Periksa", "Jadwalkan", "Ulangi",
                                           "Perbaiki"]
    assert recommendations(report) == out
    quiet = {"platforms": {"instagram": platform(change={})}, "posting": {}}
    assert recommendations(quiet) == [
        "Pertahankan jadwal dan format unggahan: tidak ada perubahan 10 % atau lebih dibanding "
        "pekan lalu."]
    assert recommendations({"platforms": {}}) == []


def test_at_most_six_sentences_and_only_the_two_largest_changes():
    platforms = {name: platform() for name in ("facebook", "instagram", "x", "youtube")}
    platforms["x"] = platform(label="X", change={"reach": 0.9, "engagement_rate": 0.5})
    report = {"platforms": platforms, "posting": {"days_without_posts": ["2026-11-22"]},
              "complaints": {"overdue": 2, "sla_hours": 24, "overdue_items": []},
              "comments": {"crisis_days": [{"date": "2026-11-19", "negative": 9,
                                            "baseline": 1.0}], "unanswered": 4},
              "lint": {"posts_with_errors": 1, "rules": []}}
    out = recommendations(report)
    assert len(out) == 6
    assert not any("melonjak" in s or "holding" in s for s in out)
    assert out[0].startswith("Tanggapi 2 aduan")
    changes = [s for s in out if "naik" in s or "turun" in s]
    assert len(changes) == 2 and all(" X " in s or " X:" in s for s in changes)
