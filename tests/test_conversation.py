"""The Indonesian comment classifier and the weekly report's "comments" object."""

from __future__ import annotations

import csv
import random
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medsos_cli.exports.model import Comment
from medsos_cli.understanding import rules
from medsos_cli.weekly import conversation
from medsos_cli.weekly.conversation import (
    CLASSES,
    SENTIMENTS,
    THEME_MIN_COUNT,
    classify,
    crisis_days,
    themes,
)
from medsos_cli.weekly.model import CommentsSection, encode

FIXTURES = Path(__file__).parent / "fixtures" / "conversation"
WIB = ZoneInfo("Asia/Jakarta")
START, END = date(2026, 11, 16), date(2026, 11, 22)  # 2026-W47


def analyse_comments(*args, **kwargs):
    """The comments part as the contract's JSON object, which these figures are checked
    against (the analyser builds the typed part, ``weekly.model.CommentsSection``)."""
    part = conversation.analyse_comments(*args, **kwargs)
    assert part is None or isinstance(part, CommentsSection)
    return encode(part)


def labelled() -> list[dict[str, str]]:
    with (FIXTURES / "labelled.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_labelled_fixture_is_large_and_covers_every_label():
    rows = labelled()
    assert len(rows) >= 60
    assert {r["class"] for r in rows} == set(CLASSES)
    assert {r["sentiment"] for r in rows} == set(SENTIMENTS)


def test_accuracy_on_labelled_comments():
    rows = labelled()
    results = [classify(r["text"]) for r in rows]
    pairs = list(zip(results, rows, strict=True))
    cls_ok = sum(got.cls == r["class"] for got, r in pairs) / len(rows)
    sent_ok = sum(got.sentiment == r["sentiment"] for got, r in pairs) / len(rows)
    assert cls_ok >= 0.85, f"class accuracy {cls_ok:.1%}"
    assert sent_ok >= 0.85, f"sentiment accuracy {sent_ok:.1%}"


# -- the lexicon rules (the model's cues and the baseline it is compared with) -----------------


@pytest.mark.parametrize(("text", "cls", "sentiment"), [
    ("tidak bagus", "kritik", "negatif"),  # a negated praise word is criticism
    ("gak bagus", "kritik", "negatif"),  # the slang negator too
    ("kurang cepat", "kritik", "negatif"),
    ("pelayanannya masih kurang", "kritik", "negatif"),  # kurang on its own
    ("tidak terlalu bagus", "kritik", "negatif"),  # intensifier under negation
    ("tidak buruk", "pujian", "positif"),  # negated negative: mildly positive
    ("Jalannya tidak rusak kok", "pujian", "positif"),  # a negated problem is no complaint
    ("belum diperbaiki", "aduan", "negatif"),  # a phrase, not "belum" + a good word
    ("Pemkot tidak becus", "kritik", "negatif"),  # the phrase wins over negation
    ("Programnya bagus tapi sosialisasinya kurang", "kritik", "netral"),
])
def test_negation(text, cls, sentiment):
    got = rules.classify(text)
    assert (got.cls, got.sentiment) == (cls, sentiment)


def test_negation_scores():
    assert rules.classify("tidak bagus").score == -2.0  # bagus 2, flipped
    assert rules.classify("tidak buruk").score == 1.0  # buruk -2, halved and flipped
    assert rules.classify("kurang cepat").score == -1.5  # cepat 1.5, flipped
    # the negator reaches three words, not further
    assert rules.classify("tidak ada yang bagus").score < 0
    assert rules.classify("tidak ada jalan yang sudah bagus").score > 0
    # punctuation ends the scope
    assert rules.classify("tidak. bagus").score == 2.0


def test_intensifiers_and_emoji():
    assert rules.classify("bagus banget").score == 3.0
    assert rules.classify("sangat bagus").score == 3.0
    assert rules.classify("rusak parah").score == -3.0
    assert rules.classify("parah").score < 0  # parah alone is still negative
    assert rules.classify("👍").cls == "pujian"
    assert rules.classify("😡").sentiment == "negatif"
    assert rules.classify("🙏").sentiment == "netral"  # 🙏 is often "mohon", only a light positive
    # a run of one emoji counts once
    assert rules.classify("👍👍👍").score == rules.classify("👍").score


@pytest.mark.parametrize(("raw", "normal"), [
    ("gk", ["tidak"]), ("ga", ["tidak"]), ("nggak", ["tidak"]), ("enggak", ["tidak"]),
    ("tdk", ["tidak"]), ("bgt", ["banget"]), ("mantul", ["mantap"]), ("jln", ["jalan"]),
    ("blm", ["belum"]), ("udh", ["sudah"]), ("sdh", ["sudah"]), ("min", ["admin"]),
    ("mimin", ["admin"]), ("pak", ["pak"]), ("bu", ["bu"]), ("kereeen", ["keren"]),
    ("mantaaap", ["mantap"]), ("maaaaf", ["maaf"]), ("jalan2", ["jalan-jalan"]),
    ("anak2nya", ["anak-anaknya"]), ("dmn", ["di", "mana"]), ("wkwkwk", ["wkwk"]),
    ("sampahnya", ["sampah"]), ("pelayanannya", ["pelayanan"]), ("sekolah", ["sekolah"]),
    ("Kok?", ["kok", "?"]), ("❤️", ["❤"]), ("#KotaContoh", ["#kotacontoh"]),
    ("https://kotacontoh.go.id/info", []), ("@warga_contoh", []), ("2026", []),
])
def test_normalisation(raw, normal):
    assert conversation._engine().items(raw) == normal


@pytest.mark.parametrize("text", [
    "Kapan pendaftaran dibuka", "jam berapa mulai", "min mau tanya, CFD jadi?",
    "Dimana lokasinya", "di mana lokasinya", "gimana caranya", "bisa gak diwakilkan",
    "Apakah gratis",
])
def test_questions(text):
    assert classify(text).cls == "pertanyaan"


@pytest.mark.parametrize("text", [
    "Lampu PJU di Jl. Merdeka mati", "Tolong sampah di TPS pasar diangkut",
    "Jalan berlubang di gang Mawar", "Air PDAM tidak mengalir di RW 04",
    "Lapor min ada pungli di pasar", "listrik padam dari pagi",
])
def test_complaints(text):
    assert classify(text).cls == "aduan"


def test_problem_reported_solved_is_praise():
    got = classify("Terima kasih, lampu yang mati sudah diperbaiki 🙏")
    assert (got.cls, got.sentiment) == ("pujian", "positif")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_classify_never_crashes_and_is_deterministic(text):
    first = classify(text)
    assert first.cls in CLASSES and first.sentiment in SENTIMENTS
    assert classify(text) == first


words = st.sampled_from(["tidak", "bagus", "rusak", "jalan", "tapi", "sangat", "banget", "?",
                         ".", "kurang", "terima", "kasih", "🙏", "😡", "gak", "kereeen", "min"])


@settings(max_examples=200, deadline=None)
@given(st.lists(words, max_size=20))
def test_classify_lexicon_heavy_text(parts):
    got = classify(" ".join(parts))
    assert got.cls in CLASSES and got.sentiment in SENTIMENTS


# -- the "comments" object ---------------------------------------------------------------------


def comment(day: int, hour: int, text: str, platform: str = "instagram",
            replied: bool = False, author: str = "@warga") -> Comment:
    when = datetime(2026, 11, day, hour, 0, tzinfo=WIB)
    return Comment(platform, f"post-{day}", author, when, text,
                   when + timedelta(hours=1) if replied else None)


@pytest.fixture
def week() -> list[Comment]:
    return [
        comment(15, 23, "Jalan rusak di depan pasar", "facebook"),  # W46: left out
        comment(16, 8, "Terima kasih infonya min 🙏", "facebook", replied=True),
        comment(16, 9, "Kapan pendaftaran dibuka?", "x"),
        comment(17, 10, "Jalan rusak di gang Mawar, tolong diperbaiki"),
        comment(17, 11, "Jalan rusak di RT 03 belum diperbaiki", "facebook"),
        comment(18, 12, "Jalan yang rusak di Jl. Melati bahaya"),
        comment(19, 7, "Kecewa, Diskominfo Kota Contoh lambat #KotaContoh", replied=True),
        comment(19, 8, "Kecewa, Diskominfo Kota Contoh lambat #KotaContoh", "facebook"),
        comment(20, 9, "Nyimak"),
        # 2026-11-22 20.00 UTC is Monday 23 November 03.00 WIB: next week
        Comment("x", "p", "@a", datetime(2026, 11, 22, 20, 0, tzinfo=ZoneInfo("UTC")), "Hadir"),
        # 2026-11-15 18.00 UTC is Monday 16 November 01.00 WIB: this week
        Comment("x", "p", "@b", datetime(2026, 11, 15, 18, 0, tzinfo=ZoneInfo("UTC")), "Mantap"),
    ]


def test_labels_are_the_classes_classify_gives(week, tmp_path):
    """The report hands the history the class and sentiment of every text it classified, so
    that storing the comments does not classify them again: they must be classify's own, and
    the stored rows the same as when the history classifies them itself."""
    from medsos_cli.weekly.history import History

    labels: dict[str, tuple[str, str]] = {}
    conversation.analyse_comments(week, start=START, end=END, tz="Asia/Jakarta", labels=labels)
    texts = {c.text for c in week if c.text != "Hadir"}  # next week's comment is not classified
    assert set(labels) == texts
    assert labels == {t: (classify(t).cls, classify(t).sentiment) for t in texts}
    stored = []
    for name, handed in (("a", labels), ("b", None)):
        with History(tmp_path / f"{name}.sqlite3") as history:
            assert history.store_comments(week, handed) == len(week)
            stored.append(history.db.execute("SELECT * FROM comments ORDER BY rowid").fetchall())
    assert stored[0] == stored[1]


def test_history_stores_the_labels_it_is_given(tmp_path):
    from medsos_cli.weekly.history import History

    item = comment(17, 9, "Terima kasih infonya")
    with History(tmp_path / "h.sqlite3") as history:
        history.store_comments([item], {item.text: ("kritik", "negatif")})  # not its own
        assert history.db.execute("SELECT class, sentiment FROM comments").fetchall() == [
            ("kritik", "negatif")]


def test_comments_object(week):
    got = analyse_comments(week, start=START, end=END, tz="Asia/Jakarta",
                           account="Diskominfo Kota Contoh", hashtags=["#KotaContoh"])
    assert got["total"] == 9
    assert got["by_class"] == {"pujian": 2, "pertanyaan": 1, "aduan": 3, "kritik": 2,
                               "lainnya": 1}
    assert sum(got["by_sentiment"].values()) == 9
    assert got["by_sentiment"]["negatif"] == 5
    assert got["by_platform"] == {"facebook": 3, "instagram": 4, "x": 2}
    assert list(got["by_platform"]) == ["facebook", "instagram", "x"]
    assert got["unanswered"] == 7
    assert [d["date"] for d in got["daily"]] == [f"2026-11-{d}" for d in range(16, 23)]
    assert [d["total"] for d in got["daily"]] == [3, 2, 1, 2, 1, 0, 0]
    assert [d["negative"] for d in got["daily"]] == [0, 2, 1, 2, 0, 0, 0]
    assert got["crisis_days"] == []
    # "jalan rusak" (3 comments) subsumes "jalan" and "rusak" (3 each); the account's own
    # name and tag never become a theme, nor join "kecewa" and "lambat" (two comments each)
    terms = {t["term"]: t["count"] for t in got["themes"]}
    assert terms["jalan rusak"] == 3
    assert "jalan" not in terms and "rusak" not in terms
    assert terms["kecewa"] == 2 and terms["lambat"] == 2
    assert not any(w in t for t in terms for w in ("kota", "contoh", "diskominfo", "#kota"))
    assert got["themes"] == sorted(got["themes"], key=lambda t: (-t["count"], t["term"]))


def test_samples(week):
    got = analyse_comments(week, start=START, end=END, tz="Asia/Jakarta", samples=2)
    samples = got["samples"]
    assert list(samples) == list(CLASSES)
    assert len(samples["aduan"]) == 2
    times = [s["time"] for s in samples["aduan"]]
    assert times == sorted(times)
    # the repeated criticism is shown once, at its earliest comment
    [shown] = samples["kritik"]
    explanation = shown.pop("cues")
    confidence = shown.pop("confidence")
    uncertain = shown.pop("uncertain")
    assert shown == {
        "platform": "instagram", "post_ref": "post-19", "author": "@warga",
        "time": "2026-11-19T07:00:00+07:00",
        "text": "Kecewa, Diskominfo Kota Contoh lambat #KotaContoh",
        "class": "kritik", "sentiment": "negatif"}
    # each sample says how sure the model is and which cues decided it
    assert 0.2 <= confidence <= 1 and isinstance(uncertain, bool)
    assert 1 <= len(explanation) <= 3 and all(isinstance(c, str) and c for c in explanation)
    assert "lambat" in explanation
    assert samples["pujian"][0]["time"] == "2026-11-16T01:00:00+07:00"


def test_no_comments_log_and_quiet_week():
    assert analyse_comments([], start=START, end=END, tz="Asia/Jakarta") is None
    got = analyse_comments([comment(9, 8, "Mantap")], start=START, end=END, tz="Asia/Jakarta")
    assert got["total"] == 0 and got["themes"] == [] and got["crisis_days"] == []
    assert got["samples"] == {cls: [] for cls in CLASSES}
    assert len(got["daily"]) == 7


# -- themes ------------------------------------------------------------------------------------


def test_themes_counts_comments_not_repetitions():
    docs = [(("banjir", "banjir", "banjir"), 1), (("banjir",), 1), (("sampah",), 1)]
    assert themes(docs) == [{"term": "banjir", "count": 2}]


def test_themes_phrase_subsumes_its_words_only_when_it_explains_most_of_them():
    docs = [(("jalan", "rusak"), 9), (("jalan", "macet"), 3), (("lampu", "jalan", "mati"), 1)]
    got = {t["term"]: t["count"] for t in themes(docs)}
    # jalan 13 vs jalan rusak 9: more than half, so jalan goes; macet 3 vs jalan macet 3 too
    assert got == {"jalan rusak": 9, "jalan macet": 3}
    docs.append((("jalan",), 20))
    got = {t["term"]: t["count"] for t in themes(docs)}
    assert got == {"jalan": 33, "jalan rusak": 9, "jalan macet": 3}


def test_themes_phrases_stay_inside_a_clause():
    docs = [(("jalan", "|", "rusak"), 3), (("#banjir", "jalan"), 2), (("😭", "jalan"), 2)]
    got = {t["term"]: t["count"] for t in themes(docs)}
    assert got == {"jalan": 7, "rusak": 3, "#banjir": 2}


def test_themes_negators_stay_inside_phrases():
    docs = [(("air", "tidak", "mengalir"), 2), (("tidak",), 5)]
    terms = [t["term"] for t in themes(docs, negators=frozenset({"tidak"}))]
    assert terms == ["air tidak mengalir"]


def test_themes_leave_out_the_account_own_words():
    docs = [(("kota", "contoh", "keren"), 3)]
    own = frozenset({"kota", "contoh"})
    assert themes(docs, own) == [{"term": "keren", "count": 3}]


def test_themes_pruning_gives_the_same_result_as_counting_everything():
    rng = random.Random(5)
    vocab = [f"kata{i}" for i in range(120)] + ["|"] * 10
    weights = [1 / (i + 1) for i in range(130)]  # Zipf-like, as real comments are
    docs = [(tuple(rng.choices(vocab, weights, k=rng.randint(1, 8))), rng.choice([1, 1, 2]))
            for _ in range(3000)]
    counts = _word_counts(docs)
    fast = themes(docs)
    # every comment on the exact path (a set of phrases per comment), no pruning floor
    full = conversation._pick([], docs, counts, frozenset(), THEME_MIN_COUNT, 10)
    assert fast == [{"term": t, "count": c} for t, c in full]
    assert len(fast) == 10


def _word_counts(docs) -> Counter:
    counts: Counter = Counter()
    for stream, many in docs:
        for word in set(stream) - {"|"}:
            counts[word] += many
    return counts


# -- crisis days -------------------------------------------------------------------------------


def days(counts: list[int]) -> list[tuple[date, int]]:
    return [(START + timedelta(days=k), c) for k, c in enumerate(counts)]


def test_spike_is_flagged():
    got = crisis_days(days([3, 2, 4, 31, 3, 2, 3]))
    assert [d["date"] for d in got] == ["2026-11-19"]
    assert got[0]["negative"] == 31 and got[0]["baseline"] == 3.0
    message = got[0]["message"]
    assert "Kamis, 19 November 2026" in message and "3,0" in message
    assert "(holding statement)" in message and "medsos draft holding-statement" in message


def test_flat_busy_week_is_not_flagged():
    assert crisis_days(days([40, 38, 45, 42, 39, 41, 44])) == []


def test_all_zero_week_is_not_flagged():
    assert crisis_days(days([0] * 7)) == []


def test_small_numbers_are_not_a_crisis():
    # 4 against a median of 0 is three times nothing, but below the minimum of 5
    assert crisis_days(days([0, 0, 4, 0, 0, 0, 0])) == []
    assert [d["date"] for d in crisis_days(days([0, 0, 5, 0, 0, 0, 0]))] == ["2026-11-18"]


def test_two_spike_days_are_both_flagged():
    got = crisis_days(days([2, 3, 30, 28, 2, 3, 2]))
    assert [d["date"] for d in got] == ["2026-11-18", "2026-11-19"]


def test_moderate_rise_is_not_flagged():
    assert crisis_days(days([10, 12, 11, 25, 10, 9, 12])) == []


def test_crisis_day_in_comments_object():
    texts = ["Kecewa, pelayanan lambat 😡", "Banjir lagi, pemkot tidak becus",
             "Percuma lapor", "Jalan rusak parah", "Pencitraan doang", "Kecewa berat"]
    items = [comment(16 + k % 7, 9, "Mantap 👍") for k in range(14)]
    items += [comment(16 + k % 7, 10, "Kecewa, pelayanan lambat 😡") for k in range(7)]
    items += [comment(19, 11 + k % 6, texts[k % len(texts)], author=f"@w{k}") for k in range(12)]
    got = analyse_comments(items, start=START, end=END, tz="Asia/Jakarta")
    assert [d["negative"] for d in got["daily"]] == [1, 1, 1, 13, 1, 1, 1]
    assert [d["date"] for d in got["crisis_days"]] == ["2026-11-19"]


# -- the bundled example log (examples/exports/komentar.csv), counted by hand -------------------


def test_example_comments_log():
    from medsos_cli.exports.reader import read_export

    path = Path(__file__).parent.parent / "examples" / "exports" / "komentar.csv"
    result = read_export(path)
    assert result.format == "medsos_comments" and result.skipped == []
    got = analyse_comments(result.comments, start=START, end=END, tz="Asia/Jakarta",
                           account="Diskominfo Kota Contoh", hashtags=["#KotaContoh"])
    # 37 rows: 4 in W46, 32 in W47, 1 in W48
    assert got["total"] == 32
    # "Antrean di kantor kecamatan lama bgt, blm dipanggil dari jam 8" is a complaint about
    # one visit (aduan), not a judgement of the office (the lexicon rules said kritik)
    assert got["by_class"] == {"pujian": 9, "pertanyaan": 9, "aduan": 6, "kritik": 5,
                               "lainnya": 3}
    assert got["by_platform"] == {"facebook": 16, "instagram": 11, "x": 5}
    assert [d["total"] for d in got["daily"]] == [5, 5, 7, 5, 4, 2, 4]
    # Wednesday evening's flood: 6 negative comments against a median of 1 on other days
    # (Tuesday's "Jembatan ... kapan selesai? Warga harus memutar jauh" reads as negative)
    assert [d["negative"] for d in got["daily"]] == [1, 1, 6, 1, 2, 0, 1]
    assert [(d["date"], d["baseline"]) for d in got["crisis_days"]] == [("2026-11-18", 1.0)]
    assert got["unanswered"] == 18
    assert {"term": "banjir", "count": 3} in got["themes"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9 * 24 - 1), st.text(max_size=80), st.booleans()),
                max_size=40))
def test_comments_object_totals_agree(rows):
    base = datetime(2026, 11, 15, 0, 0, tzinfo=WIB)  # a day before the week to a day after
    items = [Comment("facebook", "p", "@w", base + timedelta(hours=h), text,
                     base + timedelta(hours=h + 1) if replied else None)
             for h, text, replied in rows]
    got = analyse_comments(items, start=START, end=END, tz="Asia/Jakarta")
    if not items:
        assert got is None
        return
    total = got["total"]
    assert total == sum(1 for h, _, _ in rows if 24 <= h < 8 * 24)
    assert sum(got["by_class"].values()) == sum(got["by_sentiment"].values()) == total
    assert sum(d["total"] for d in got["daily"]) == total
    assert all(len(v) <= 3 for v in got["samples"].values())
    assert len(got["themes"]) <= 10


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-36 * 3600, 9 * 86400), max_size=30), st.booleans())
def test_days_match_local_dates_across_a_dst_change(offsets, naive):
    # Berlin's clocks go forward on Sunday 29 March 2026: the week has a 23-hour day.
    zone = ZoneInfo("Europe/Berlin")
    start, end = date(2026, 3, 23), date(2026, 3, 29)
    base = datetime(2026, 3, 22, 23, 0, tzinfo=ZoneInfo("UTC"))
    times = [base + timedelta(seconds=s) for s in offsets]
    if naive:  # a naive time is taken as already local
        times = [t.astimezone(zone).replace(tzinfo=None) for t in times]
    items = [Comment("x", "p", "@w", t, "Terima kasih") for t in times]
    got = analyse_comments(items, start=start, end=end, tz="Europe/Berlin")
    local = Counter((t if naive else t.astimezone(zone)).date() for t in times)
    if got is None:
        assert not items
        return
    assert [(d["date"], d["total"]) for d in got["daily"]] == [
        ((start + timedelta(days=k)).isoformat(), local[start + timedelta(days=k)])
        for k in range(7)]
    assert got["total"] == sum(local[start + timedelta(days=k)] for k in range(7))


def test_a_running_week_is_compared_with_the_same_weekdays_of_the_week_before():
    zone = ZoneInfo("Asia/Jakarta")

    def at(day: date, text: str) -> Comment:
        return Comment("instagram", "p1", "warga", datetime(day.year, day.month, day.day, 10,
                                                             tzinfo=zone), text)

    monday = date(2026, 11, 16)
    comments = [at(monday + timedelta(days=1), "Jalan di depan pasar rusak parah"),  # this Tue
                at(monday - timedelta(days=7), "Terima kasih infonya"),  # Mon before: counted
                at(monday - timedelta(days=5), "Kapan dibuka lagi?"),  # Wed before: counted
                at(monday - timedelta(days=3), "Mantap"),  # Fri before: not a compared day
                at(monday - timedelta(days=1), "Bagus")]  # Sun before: not a compared day
    running = analyse_comments(comments, start=monday, end=monday + timedelta(days=2),
                               tz="Asia/Jakarta")
    assert running["total"] == 1
    assert (running["previous_week"]["start"], running["previous_week"]["end"]) == (
        "2026-11-09", "2026-11-11")
    assert running["previous_week"]["total"] == 2
    whole = analyse_comments(comments, start=monday, end=monday + timedelta(days=6),
                             tz="Asia/Jakarta")
    assert (whole["previous_week"]["start"], whole["previous_week"]["end"]) == (
        "2026-11-09", "2026-11-15")
    assert whole["previous_week"]["total"] == 4
