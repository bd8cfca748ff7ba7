"""Text analysis: tokens, sentences, positions and readability metrics."""

from __future__ import annotations

import pytest

from medsos_cli.text import tokens as tk
from medsos_cli.text.document import Document
from medsos_cli.text.metrics import reading_ease, sentence_metrics
from medsos_cli.text.tokens import tokenize

REF_1 = "Masyarakat diimbau untuk tidak membuang sampah ke sungai."
REF_2 = ("Dalam rangka meningkatkan kualitas pelayanan publik, kami mengadakan survei kepuasan "
         "masyarakat.")


def kinds_of(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in tokenize(text)]


def entity(text: str, kind: str) -> list[str]:
    return [t.text for t in tokenize(text) if t.kind == kind]


def sentences(text: str, start: int = 0) -> list[str]:
    doc = Document(text, start)
    return [doc.text[s.start:s.end] for s in doc.sentences]


# -- tokenizer: entities --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "url"), [
    ("Info lengkap di magelangkota.go.id ya", "magelangkota.go.id"),
    ("Cek magelangkota.go.id/layanan, lalu daftar", "magelangkota.go.id/layanan"),
    ("Baca https://www.magelangkota.go.id/berita/123.", "https://www.magelangkota.go.id/berita/123"),
    ("Tautan: www.kemkes.go.id (resmi)", "www.kemkes.go.id"),
    ("Form di bit.ly/DaftarUMKM!", "bit.ly/DaftarUMKM"),
])
def test_url_tokens_without_trailing_punctuation(text, url):
    assert entity(text, tk.URL) == [url]


def test_bare_go_id_domain_is_one_url_and_not_words():
    toks = tokenize("Kunjungi magelangkota.go.id sekarang")
    assert [t.kind for t in toks] == [tk.WORD, tk.URL, tk.WORD]
    assert "magelangkota" not in [t.text for t in toks if t.kind == tk.WORD]


def test_email_is_not_a_mention_or_url():
    toks = kinds_of("Kirim ke humas@magelangkota.go.id.")
    assert (tk.EMAIL, "humas@magelangkota.go.id") in toks
    assert not any(k in (tk.MENTION, tk.URL) for k, _ in toks)
    assert toks[-1] == (tk.PUNCT, ".")


def test_hashtags_and_mentions():
    text = "Terima kasih @pemkotmagelang dan @dinkes_kota. #MagelangKota #HUT_RI80 #2026Maju"
    assert entity(text, tk.MENTION) == ["@pemkotmagelang", "@dinkes_kota"]
    assert entity(text, tk.HASHTAG) == ["#MagelangKota", "#HUT_RI80", "#2026Maju"]
    # the final period is not part of the mention
    assert (tk.PUNCT, ".") in kinds_of(text)


def test_hash_followed_by_digits_only_is_not_a_hashtag():
    assert entity("Juara #1 lomba", tk.HASHTAG) == []
    assert entity("Juara #1 lomba", tk.NUMBER) == ["1"]


def test_at_inside_word_is_not_a_mention():
    assert entity("Yuk@akun datang", tk.MENTION) == []


@pytest.mark.parametrize("emoji", [
    "🎉",
    "❤️",  # with variation selector
    "👍🏽",  # skin tone
    "👨\u200d👩\u200d👧",  # ZWJ family
    "🇮🇩",  # flag (regional indicators)
    "👩🏾\u200d💻",  # skin tone + ZWJ
])
def test_emoji_is_one_token(emoji):
    toks = tokenize(f"Selamat {emoji} warga")
    assert [(t.kind, t.text) for t in toks] == [
        (tk.WORD, "Selamat"), (tk.EMOJI, emoji), (tk.WORD, "warga")]


def test_two_flags_are_two_emoji():
    assert entity("🇮🇩🇯🇵", tk.EMOJI) == ["🇮🇩", "🇯🇵"]


def test_digit_keycap_emoji_is_one_token():
    assert kinds_of("Langkah 1️⃣ daftar") == [
        (tk.WORD, "Langkah"), (tk.EMOJI, "1️⃣"), (tk.WORD, "daftar")]


def test_hash_keycap_is_emoji():
    assert entity("Tekan #️⃣ lalu", tk.EMOJI) == ["#️⃣"]


@pytest.mark.parametrize(("text", "money"), [
    ("Hadiah Rp2.500.000 bagi juara", "Rp2.500.000"),
    ("Biaya Rp 5.000,- saja", "Rp 5.000,-"),
    ("Tiket Rp.10.000 per orang", "Rp.10.000"),
    ("Retribusi Rp1.500,50 per hari", "Rp1.500,50"),
])
def test_money(text, money):
    assert entity(text, tk.MONEY) == [money]
    assert entity(text, tk.NUMBER) == []


@pytest.mark.parametrize(("text", "time"), [
    ("Mulai pukul 08.00 WIB di Alun-alun", "08.00 WIB"),
    ("Mulai pukul 19:30 WITA.", "19:30 WITA"),
    ("Mulai pukul 07.15 WIT", "07.15 WIT"),
])
def test_time(text, time):
    assert entity(text, tk.TIME) == [time]


def test_time_without_zone_is_a_number():
    assert entity("Skor 2.50 saja", tk.TIME) == []
    assert entity("Skor 2.50 saja", tk.NUMBER) == ["2.50"]


def test_numbers_and_percent():
    text = "Naik 12,5% dari 1.234 orang pada 2026."
    assert entity(text, tk.NUMBER) == ["12,5%", "1.234", "2026"]
    # the sentence-final period is punctuation, not a decimal point
    assert tokenize(text)[-1] == tk.Token(tk.PUNCT, len(text) - 1, len(text), ".")


def test_reduplication_is_one_word():
    assert entity("anak-anak dan rumah-rumahnya bermain-main", tk.WORD) == [
        "anak-anak", "dan", "rumah-rumahnya", "bermain-main"]


def test_trailing_or_double_hyphen_not_in_word():
    assert entity("pra- dan pasca--acara", tk.WORD) == ["pra", "dan", "pasca", "acara"]


def test_clitics_stay_attached():
    assert entity("Rumahnya, bukumu, dialah, apakah, kaupun", tk.WORD) == [
        "Rumahnya", "bukumu", "dialah", "apakah", "kaupun"]


def test_dotted_abbreviation_is_one_token():
    assert kinds_of("a.n. Wali Kota")[0] == (tk.ABBR, "a.n.")


def test_token_offsets_are_code_points():
    text = "🎉🇮🇩 Warga dihimbau"
    toks = tokenize(text)
    for t in toks:
        assert text[t.start:t.end] == t.text
    assert toks[-1].start == text.index("dihimbau")


def test_tokenize_from_start_offset_keeps_absolute_offsets():
    text = "---\nplatform: x\n---\nHalo warga"
    start = text.index("Halo")
    toks = tokenize(text, start)
    assert [(t.text, t.start) for t in toks] == [("Halo", start), ("warga", start + 5)]


# -- sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize("abbr", ["Jl.", "No.", "Yth.", "Kec.", "Kab.", "Bpk."])
def test_abbreviation_does_not_end_sentence(abbr):
    text = f"Hadir di {abbr} Pemuda hari ini. Terima kasih."
    assert sentences(text) == [f"Hadir di {abbr} Pemuda hari ini.", "Terima kasih."]


def test_address_stays_one_sentence():
    text = "Kantor di Jl. Pemuda No. 5 Kec. Magelang Tengah Kab. Magelang. Yth. Bpk. Budi hadir."
    assert sentences(text) == [
        "Kantor di Jl. Pemuda No. 5 Kec. Magelang Tengah Kab. Magelang.",
        "Yth. Bpk. Budi hadir.",
    ]


def test_dll_before_lowercase_continues_sentence():
    assert sentences("Bawa KTP, KK, dll. lalu datang.") == ["Bawa KTP, KK, dll. lalu datang."]


def test_dll_before_capitalised_word_ends_sentence():
    assert sentences("Bawa KTP, KK, dll. Jangan lupa datang.") == [
        "Bawa KTP, KK, dll.", "Jangan lupa datang."]


def test_dll_at_end_of_text_ends_sentence():
    assert sentences("Bawa KTP, KK, dll.") == ["Bawa KTP, KK, dll."]


def test_line_break_ends_sentence():
    assert sentences("Ayo datang\nBawa KTP\r\nGratis") == ["Ayo datang", "Bawa KTP", "Gratis"]


def test_emoji_bullets_split_sentences():
    text = "Jadwal vaksin:\n✅ Senin di Puskesmas\n✅ Selasa di Balai Kota"
    assert sentences(text) == ["Jadwal vaksin:", "✅ Senin di Puskesmas",
                               "✅ Selasa di Balai Kota"]


def test_emoji_before_capitalised_clause_splits():
    assert sentences("Acara seru 🎉 Jangan lupa hadir") == ["Acara seru", "🎉 Jangan lupa hadir"]
    assert sentences("Acara seru 🎉 jangan lupa hadir") == ["Acara seru 🎉 jangan lupa hadir"]


def test_punctuation_runs_stay_in_one_sentence():
    assert sentences("Apa?! Benar sekali... Ya.") == ["Apa?!", "Benar sekali...", "Ya."]


def test_decimal_and_time_do_not_split():
    assert sentences("Mulai 10.00 WIB. Naik 2,5 persen.") == ["Mulai 10.00 WIB.",
                                                              "Naik 2,5 persen."]


def test_sentence_word_indexes_align_with_words():
    doc = Document("Satu dua. Tiga empat lima!")
    first, second = doc.sentences
    assert (first.first_word, first.word_count) == (0, 2)
    assert (second.first_word, second.word_count) == (2, 3)
    assert doc.words[second.first_word].text == "Tiga"


def test_sentences_of_body_only():
    text = "---\nplatform: x\n---\nHalo warga. Apa kabar?"
    start = text.index("Halo")
    assert sentences(text, start) == ["Halo warga.", "Apa kabar?"]


# -- positions ------------------------------------------------------------------------------


def test_position_is_one_based():
    doc = Document("Halo\nwarga kota")
    assert doc.position(0) == (1, 1)
    assert doc.position(4) == (1, 5)  # the line break itself
    assert doc.position(5) == (2, 1)
    assert doc.position(11) == (2, 7)


def test_position_with_crlf():
    text = "Baris satu\r\nBaris dua\r\n"
    doc = Document(text)
    assert doc.position(text.index("dua")) == (2, 7)
    assert doc.line_text(1) == "Baris satu"
    assert doc.line_text(2) == "Baris dua"


def test_position_counts_emoji_as_one_column():
    text = "🎉🎉 dihimbau"
    assert Document(text).position(text.index("dihimbau")) == (1, 4)


def test_position_counts_front_matter_lines():
    text = "---\nplatform: instagram\nkind: caption\n---\nHalo\nwarga dihimbau"
    doc = Document(text, text.index("Halo"))
    assert doc.position(doc.start) == (5, 1)
    assert doc.position(text.index("dihimbau")) == (6, 7)


# -- metrics --------------------------------------------------------------------------------


def test_reference_sentence_one():
    doc = Document(REF_1)
    assert len(doc.words) == 8
    assert sum(doc.syllables) == 19
    m = doc.metrics
    assert m["words"] == 8
    assert m["sentences"] == 1
    assert m["syllables"] == 19
    assert m["words_per_sentence"] == 8
    assert m["syllables_per_word"] == pytest.approx(19 / 8, abs=1e-3)


def test_reference_sentence_two():
    doc = Document(REF_2)
    assert len(doc.words) == 11
    assert sum(doc.syllables) == 34
    assert doc.metrics["syllables_per_word"] == pytest.approx(34 / 11, abs=1e-3)
    assert doc.metrics["long_word_share"] == 0  # no word of 5+ syllables


def test_two_sentences_metrics():
    doc = Document(REF_1 + " " + REF_2)
    m = doc.metrics
    assert m["sentences"] == 2
    assert m["words_per_sentence"] == pytest.approx(19 / 2)
    assert m["syllables_per_word"] == pytest.approx(53 / 19, abs=1e-3)
    assert m["reading_ease"] == pytest.approx(reading_ease(19 / 2, 53 / 19), abs=0.05)


def test_sentence_metrics_per_sentence():
    doc = Document(REF_1 + " " + REF_2)
    first, second = (sentence_metrics(doc, s) for s in doc.sentences)
    assert first["words_per_sentence"] == 8
    assert first["syllables_per_word"] == pytest.approx(19 / 8)
    assert second["words_per_sentence"] == 11
    assert second["syllables_per_word"] == pytest.approx(34 / 11)


def test_entities_are_not_words_in_metrics():
    plain = Document(REF_1)
    noisy = Document(REF_1 + " 🎉 #KotaBersih @pemkot magelangkota.go.id Rp5.000 08.00 WIB 50%")
    assert noisy.metrics["words"] == plain.metrics["words"]
    assert noisy.metrics["syllables"] == plain.metrics["syllables"]


def test_reading_ease_formula():
    assert reading_ease(10, 2) == pytest.approx(206.835 - 10.15 - 84.6 * 1.2)


def test_caps_share_counts_long_words_only():
    doc = Document("AYO DATANG ke TPS")  # AYO/TPS/ke are shorter than 4 letters
    assert doc.metrics["caps_share"] == 1.0
    assert Document("Ayo datang").metrics["caps_share"] == 0.0


def test_empty_text_metrics_are_none():
    m = Document("🎉 #tagar").metrics
    assert m["words"] == 0
    assert m["words_per_sentence"] is None
    assert m["syllables_per_word"] is None
    assert m["reading_ease"] is None
