"""Complaint statistics of the weekly report, against values computed by hand."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from medsos_cli.exports.model import Complaint
from medsos_cli.weekly.complaints import analyse_complaints as analyse_typed
from medsos_cli.weekly.complaints import (
    normalise_channel,
    percentile_nearest_rank,
)
from medsos_cli.weekly.model import ComplaintsSection, encode

WIB = ZoneInfo("Asia/Jakarta")
START, END = date(2026, 11, 16), date(2026, 11, 22)  # 2026-W47


def analyse_complaints(*args, **kwargs):
    """The complaints part as the contract's JSON object, which these figures are checked
    against (the analyser builds the typed part, ``weekly.model.ComplaintsSection``)."""
    part = analyse_typed(*args, **kwargs)
    assert part is None or isinstance(part, ComplaintsSection)
    return encode(part)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=WIB)


@pytest.fixture
def log() -> list[Complaint]:
    """A week of complaints; the comments give the hand-computed response times."""
    return [
        # 4 h 35 min -> within the SLA; resolved
        Complaint(at(16, 9, 10), "LAPOR!", "Lampu PJU padam di Jl. Merdeka depan SD 3",
                  "infrastruktur", "DPUPR", at(16, 13, 45), at(18, 16), "selesai"),
        # never answered: Tue 20.05 -> end of week (Mon 23 00.00) = 123 h 55 min -> overdue
        Complaint(at(17, 20, 5), "DM IG", "Antrean KTP-el di kecamatan sangat panjang",
                  "layanan", "Disdukcapil", None, None, "baru"),
        # answered after 30 h -> overdue although answered
        Complaint(at(18, 8), "lapor", "Jalan berlubang di Jl. Pahlawan", "infrastruktur",
                  "DPUPR", at(19, 14), None, "diproses"),
        # 40 min; status selesai without a time still counts as resolved
        Complaint(at(19, 7, 30), " komentar ", "Saluran air tersumbat di RW 04",
                  "infrastruktur", "DPUPR", at(19, 8, 10), None, "Selesai"),
        # 10 h
        Complaint(at(21, 10), "laporgub", "Jadwal vaksin di puskesmas", "informasi", "",
                  at(21, 20), None, "diteruskan"),
        # unanswered, but only 2 h before the week ends -> not overdue
        Complaint(at(22, 22), "Lapor!", "Pohon miring di Jl. Ahmad Yani", "", "", None, None,
                  ""),
        # exactly 24 h: within the SLA
        Complaint(at(20, 12), "WhatsApp", "Bansos belum cair", "layanan", "Disdukcapil",
                  at(21, 12), None, "diproses"),
        # previous week: not counted
        Complaint(at(15, 10), "DM", "Sampah menumpuk", "kebersihan", "DLH", None, None, ""),
    ]


def test_week_statistics(log):
    got = analyse_complaints(log, start=START, end=END, tz="Asia/Jakarta", sla_hours=24)
    assert got["received"] == 7
    assert got["answered"] == 5
    assert got["resolved"] == 2
    assert got["open"] == 5
    assert got["overdue"] == 2
    assert got["sla_hours"] == 24
    # delays 0.67, 4.58, 10, 24, 30: median 10; nearest rank ceil(0.9 * 5) = 5th = 30
    assert got["first_response_median_hours"] == 10.0
    assert got["first_response_p90_hours"] == 30.0
    assert got["within_sla"] == 0.8
    assert got["by_channel"] == {"LAPOR!": 3, "DM": 1, "LaporGub!": 1, "WhatsApp": 1,
                                 "komentar": 1}
    assert list(got["by_channel"]) == ["LAPOR!", "DM", "LaporGub!", "WhatsApp", "komentar"]
    assert got["by_category"] == {"infrastruktur": 3, "layanan": 2, "informasi": 1,
                                  "tanpa kategori": 1}
    assert got["by_forwarded_to"] == {"DPUPR": 3, "Disdukcapil": 2}
    items = got["overdue_items"]
    assert [i["hours_waiting"] for i in items] == [123.9, 30.0]
    assert items[0] == {"received_at": "2026-11-17T20:05:00+07:00", "channel": "DM",
                        "text": "Antrean KTP-el di kecamatan sangat panjang",
                        "category": "layanan", "forwarded_to": "Disdukcapil",
                        "answered": False, "hours_waiting": 123.9}
    assert items[1]["answered"] is True


def test_now_before_week_end_moves_the_cutoff(log):
    # Thursday noon: the DM of Tuesday 20.05 has waited 39 h 55 min
    got = analyse_complaints(log, start=START, end=END, tz="Asia/Jakarta", sla_hours=24,
                             now=at(19, 12))
    assert got["overdue"] == 2
    assert got["overdue_items"][0]["hours_waiting"] == 39.9
    # Wednesday 10.00: only 13.9 h, so only the late answer is overdue
    got = analyse_complaints(log, start=START, end=END, tz="Asia/Jakarta", sla_hours=24,
                             now=at(18, 10))
    assert got["overdue"] == 1
    assert got["overdue_items"][0]["channel"] == "LAPOR!"


def test_now_after_week_end_is_ignored(log):
    later = analyse_complaints(log, start=START, end=END, tz="Asia/Jakarta", sla_hours=24,
                               now=at(27, 12))
    plain = analyse_complaints(log, start=START, end=END, tz="Asia/Jakarta", sla_hours=24)
    assert later == plain


def test_shorter_sla(log):
    got = analyse_complaints(log, start=START, end=END, tz="Asia/Jakarta", sla_hours=4.5)
    # within 4.5 h: only the 40-minute answer
    assert got["sla_hours"] == 4.5
    assert got["within_sla"] == 0.2
    assert got["overdue"] == 5


def test_times_are_shown_in_the_zone(log):
    utc = [Complaint(datetime(2026, 11, 16, 20, 0, tzinfo=ZoneInfo("UTC")), "DM", "x")]
    got = analyse_complaints(utc, start=START, end=END, tz="Asia/Jakarta", sla_hours=24)
    # 20.00 UTC on Monday is 03.00 WIB on Tuesday
    assert got["overdue_items"][0]["received_at"] == "2026-11-17T03:00:00+07:00"


def test_no_answer_at_all():
    got = analyse_complaints([Complaint(at(18, 8), "DM", "Air mati")], start=START, end=END,
                             tz="Asia/Jakarta", sla_hours=24)
    assert got["first_response_median_hours"] is None
    assert got["first_response_p90_hours"] is None
    assert got["within_sla"] is None
    assert got["open"] == 1


def test_no_log_and_empty_week():
    assert analyse_complaints([], start=START, end=END, tz="Asia/Jakarta", sla_hours=24) is None
    got = analyse_complaints([Complaint(at(9, 8), "DM", "lama")], start=START, end=END,
                             tz="Asia/Jakarta", sla_hours=24)
    assert got["received"] == 0 and got["overdue_items"] == [] and got["by_channel"] == {}


@pytest.mark.parametrize(("raw", "expected"), [
    ("lapor", "LAPOR!"), ("LAPOR!", "LAPOR!"), ("Lapor!", "LAPOR!"), ("SP4N-LAPOR!", "LAPOR!"),
    ("laporgub", "LaporGub!"), ("LaporGub!", "LaporGub!"), ("Lapor Gub", "LaporGub!"),
    ("dm", "DM"), ("DM IG", "DM"), ("DM Instagram", "DM"), ("  komentar ", "komentar"),
    ("Komentar", "komentar"), ("WA", "WhatsApp"), ("telepon  kantor", "telepon kantor"),
    ("Surel", "Surel"),
])
def test_channel_spellings(raw, expected):
    assert normalise_channel(raw) == expected


def test_nearest_rank_percentile():
    values = [float(v) for v in range(1, 11)]
    assert percentile_nearest_rank(values, 0.9) == 9.0
    assert percentile_nearest_rank(values, 0.5) == 5.0
    assert percentile_nearest_rank([7.0], 0.9) == 7.0
    assert percentile_nearest_rank([3.0, 1.0, 2.0], 0.9) == 3.0
    with pytest.raises(ValueError):
        percentile_nearest_rank([], 0.9)


def test_example_complaint_log():
    """examples/exports/aduan.csv, counted by hand (response times in hours):
    4.58, 0.5, -, 0.67, 0.5, 36, 6, 0.67, 26, 0.83, - for the 11 complaints of W47."""
    from pathlib import Path

    from medsos_cli.exports.reader import read_export

    path = Path(__file__).parent.parent / "examples" / "exports" / "aduan.csv"
    result = read_export(path)
    assert result.format == "medsos_complaints" and result.skipped == []
    got = analyse_complaints(result.complaints, start=START, end=END, tz="Asia/Jakarta",
                             sla_hours=24)
    assert (got["received"], got["answered"], got["resolved"], got["open"],
            got["overdue"]) == (11, 9, 4, 7, 3)
    # sorted: 0.5 0.5 0.67 0.67 0.83 4.58 6 26 36 -> median 0.83; p90: 9th of 9 = 36
    assert got["first_response_median_hours"] == 0.8
    assert got["first_response_p90_hours"] == 36.0
    assert got["within_sla"] == 0.777778  # 7 of 9
    assert got["by_channel"] == {"komentar": 4, "LAPOR!": 3, "DM": 2, "LaporGub!": 1,
                                 "WhatsApp": 1}
    assert got["by_forwarded_to"]["DPUPR"] == 4
    assert [(i["channel"], i["hours_waiting"]) for i in got["overdue_items"]] == [
        ("DM", 123.9), ("LAPOR!", 36.0), ("WhatsApp", 26.0)]
