"""Recommendations: each rule, with Indonesian number formatting; deterministic order."""

from __future__ import annotations

from medsos_cli.weekly.recommend import (
    best_formats,
    comment_sentences,
    complaint_sentences,
    fmt_day,
    fmt_int,
    fmt_pct,
    lint_sentences,
    platform_changes,
    posting_gaps,
    recommendations,
)


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
    assert out == ["Jangkauan Instagram naik 23,4 % dibanding pekan lalu (5.000 → 6.170).",
                   "Tingkat interaksi Instagram turun 18,0 % (dari 5,0 % menjadi 4,1 %)."]


def test_small_changes_are_not_mentioned():
    data = platform(change={"reach": 0.05, "engagement_rate": -0.099})
    assert platform_changes({"instagram": data}) == []


def test_views_basis_is_named():
    data = platform(label="YouTube", engagement_rate_basis="views", views=1200,
                    previous={"views": 2400, "engagement_rate": None},
                    change={"views": -0.5, "engagement_rate": None})
    assert platform_changes({"youtube": data}) == [
        "Tayangan YouTube turun 50,0 % dibanding pekan lalu (2.400 → 1.200)."]


def test_platform_silent_this_week():
    data = platform(label="X", posts=0, previous={"posts": 6}, change={})
    assert platform_changes({"x": data}) == [
        "Tidak ada unggahan X pekan ini (pekan lalu 6); pastikan akun tetap aktif."]


def test_posting_gaps():
    assert posting_gaps({"days_without_posts": []}) == []
    assert posting_gaps({"days_without_posts": ["2026-11-21", "2026-11-22"]}) == [
        "Tidak ada unggahan pada Sabtu (21 November) dan Minggu (22 November); jadwalkan "
        "konten agar akun tetap aktif setiap hari."]
    week = [f"2026-11-{d}" for d in range(16, 23)]
    assert posting_gaps({"days_without_posts": week}) == [
        "Tidak ada unggahan sama sekali pekan ini; periksa jadwal konten."]


def test_best_format():
    mix = [{"type": "foto", "posts": 4, "engagement_rate": 0.03},
           {"type": "reel", "posts": 3, "engagement_rate": 0.067},
           {"type": "carousel", "posts": 1, "engagement_rate": None}]
    assert best_formats({"instagram": platform(content_mix=mix)}) == [
        "Di Instagram, format reel memberi tingkat interaksi tertinggi (6,7 % dari 3 unggahan, "
        "dibanding 3,0 % untuk foto); perbanyak format ini."]
    # One post is not a pattern; a single type has nothing to compare with.
    mix[1]["posts"] = 1
    assert best_formats({"instagram": platform(content_mix=mix)}) == []
    assert best_formats({"instagram": platform(content_mix=mix[:1])}) == []


def test_overdue_complaints():
    assert complaint_sentences(None) == []
    assert complaint_sentences({"overdue": 0}) == []
    data = {"overdue": 3, "sla_hours": 24.0, "overdue_items": [
        {"forwarded_to": "DPUPR"}, {"forwarded_to": "Disdukcapil"}, {"forwarded_to": "DPUPR"}]}
    assert complaint_sentences(data) == [
        "3 aduan melewati batas tanggapan 24 jam (terbanyak diteruskan ke DPUPR); segera "
        "tanggapi pelapor dan tindak lanjuti dengan OPD terkait."]
    data = {"overdue": 3, "sla_hours": 24, "overdue_items": [
        {"forwarded_to": "DPUPR"}, {"forwarded_to": "DLH"}, {"forwarded_to": "Disdukcapil"}]}
    assert "(diteruskan ke Disdukcapil, DLH, dan DPUPR)" in complaint_sentences(data)[0]
    data = {"overdue": 1, "sla_hours": 4.5, "overdue_items": [{"forwarded_to": ""}]}
    assert complaint_sentences(data)[0].startswith("1 aduan melewati batas tanggapan 4,5 jam;")


def test_crisis_days_and_unanswered_comments():
    data = {"crisis_days": [{"date": "2026-11-19", "negative": 31, "baseline": 3.0}],
            "unanswered": 12}
    assert comment_sentences(data) == [
        "Komentar negatif melonjak pada Kamis (19 November): 31 komentar (biasanya sekitar 3 "
        "per hari); siapkan holding statement sesuai prosedur krisis.",
        "12 komentar warga belum dibalas; balas dalam 1×24 jam."]
    assert comment_sentences({"crisis_days": [], "unanswered": 0}) == []


def test_sop_errors():
    lint = {"posts_with_errors": 2, "rules": [
        {"rule": "baku.ejaan", "level": "warning", "count": 4},
        {"rule": "nama.jabatan", "level": "error", "count": 2}]}
    assert lint_sentences(lint) == [
        "2 unggahan melanggar aturan SOP tingkat galat (paling sering: nama.jabatan); periksa "
        "takarir dengan medsos lint sebelum terbit."]
    assert lint_sentences({"posts_with_errors": 0, "rules": []}) == []


def test_order_and_quiet_week():
    report = {"platforms": {"instagram": platform()},
              "posting": {"days_without_posts": ["2026-11-22"]},
              "complaints": {"overdue": 1, "sla_hours": 24, "overdue_items": []},
              "comments": None, "lint": {"posts_with_errors": 1, "rules": []}}
    out = recommendations(report)
    # Most urgent first: complaints, SOP errors, posting gaps, then the changes.
    assert [s.split()[0] for s in out] == ["1", "1", "Tidak", "Jangkauan", "Tingkat"]
    assert recommendations(report) == out
    quiet = {"platforms": {"instagram": platform(change={})}, "posting": {}}
    assert recommendations(quiet) == [
        "Tidak ada perubahan besar dibanding pekan lalu; pertahankan jadwal dan format unggahan."]
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
    assert out[0].startswith("Komentar negatif melonjak")
    changes = [s for s in out if "naik" in s or "turun" in s]
    assert len(changes) == 2 and all(" X " in s for s in changes)
