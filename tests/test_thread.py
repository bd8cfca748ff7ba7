"""Thread splitting for X and Threads: limits, order, unbroken entities, numbering, hashtags."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medsos_cli.drafting.thread import join_thread, split_thread
from medsos_cli.errors import InputError
from medsos_cli.platforms import measure
from medsos_cli.text import tokens as tk
from medsos_cli.text.thread_format import THREAD_SEPARATOR, part_spans

FIXTURES = Path(__file__).parent / "fixtures" / "thread"
NUMBER = re.compile(r"(\d+)/(\d+) ")
ENTITY_KINDS = (tk.URL, tk.HASHTAG, tk.MENTION, tk.EMOJI, tk.MONEY, tk.TIME, tk.EMAIL)

WORDS = ["warga", "pendaftaran", "pelatihan", "dibuka", "gratis", "Kota", "Magelang", "layanan",
         "kependudukan", "Disdukcapil", "KTP-el", "anak-anak", "Sobat", "informasi", "jadwal",
         "Kelurahan", "Jl.", "dll.", "No.", "dr.", "vaksinasi", "puskesmas", "terdekat",
         "Wali", "Senin,", "Desember", "(gratis)", "“resmi”", "hoaks", "BMKG", "—", "-",
         "Kecamatan", "pengumuman", "masyarakat", "diimbau", "waspada", "hujan", "lebat"]
ENTITIES = ["https://magelangkota.go.id/umkm/daftar-2026", "kotacontoh.go.id",
            "www.jatengprov.go.id", "lapor.go.id/aduan", "@pemkotmagelang", "@bpbd_kota",
            "#MagelangKota", "#UMKMNaikKelas", "👨‍👩‍👧‍👦", "🇮🇩", "👍🏽", "❤️", "🙏", "✅", "🧵",
            "Rp2.500.000", "Rp 150.000", "pukul 08.00 WIB", "09.30 WITA", "112", "2026",
            "50%", "humas@kotacontoh.go.id", "Halo👋"]
TAGS = ["#MagelangKota", "#UMKMNaikKelas", "#MagelangSiaga", "#AyoVaksin", "#HariGuru2026"]

sentence = st.lists(st.sampled_from(WORDS + ENTITIES), min_size=1, max_size=14).map(
    lambda items: " ".join(items)) .flatmap(
    lambda body: st.sampled_from([".", "!", "?", "", ":"]).map(lambda end: body + end))
paragraph = st.lists(sentence, min_size=1, max_size=5).flatmap(
    lambda sents: st.sampled_from([" ", "\n", "  "]).map(lambda sep: sep.join(sents)))
tail = st.lists(st.sampled_from(TAGS), min_size=0, max_size=3).flatmap(
    lambda tags: st.sampled_from([" ", "\n", "\n\n"]).map(
        lambda sep: sep + " ".join(tags) if tags else ""))
texts = st.tuples(
    st.lists(paragraph, min_size=1, max_size=12),
    st.sampled_from(["\n\n", "\n", "\n\n\n", "\n \n"]),
    tail,
).map(lambda t: t[1].join(t[0]) + t[2])
# (mode, limit): the platforms' own limits and small ones that force long threads.
LIMITS = st.sampled_from([("x_weighted", 280), ("utf8_bytes", 500), ("x_weighted", 100),
                          ("chars", 90), ("utf8_bytes", 130), ("utf16", 110),
                          ("graphemes", 100)])


def _bodies(parts: list[str]) -> list[str]:
    if len(parts) == 1:
        return parts
    return [NUMBER.sub("", p, count=1) for p in parts]


def _entities(text: str) -> list[str]:
    return [t.text for t in tk.tokenize(text) if t.kind in ENTITY_KINDS]


def _trailing_tags(text: str) -> list[str]:
    words = text.split()
    tags: list[str] = []
    while words and words[-1].startswith("#"):
        tags.insert(0, words.pop())
    return tags


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, LIMITS)
def test_thread_properties(text, mode_limit):
    mode, limit = mode_limit
    try:
        parts = split_thread(text, limit=limit, mode=mode)
    except InputError as exc:
        # The documented refusal: a unit that is never cut (here the closing hashtags with
        # the last word, or a long link) does not fit one part. Named, never a wrong split.
        assert "tidak dapat dipecah" in exc.message
        return
    # No part over the limit, measured the way the platform counts.
    for part in parts:
        assert measure(part, mode) <= limit
    if len(parts) == 1:
        assert parts == [text] or parts == [text.strip()]
        return
    n = len(parts)
    # Numbering 1/n .. n/n, and nothing else looks like a number prefix.
    assert [NUMBER.match(p).groups() for p in parts] == [(str(k), str(n)) for k in range(1, n + 1)]
    bodies = _bodies(parts)
    assert all(b and b == b.strip() for b in bodies)
    # Nothing lost or reordered: the words (white-space separated) come back in order; a
    # split inside a word, link, tag or emoji would show up as two items here.
    assert " ".join(bodies).split() == text.split()
    assert join_thread(parts).split() == text.split()
    # Entities are whole, each in one part, in order.
    assert [e for b in bodies for e in _entities(b)] == _entities(text)
    # The closing hashtags are all in the last part, after its last word.
    tags = _trailing_tags(text)
    if tags and len(tags) < len(text.split()):
        assert bodies[-1].split()[-len(tags):] == tags
        assert all(not set(b.split()) & set(tags) or "#" in text.rsplit(tags[0], 1)[0]
                   for b in bodies[:-1])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ENTITIES[:8]), min_size=60, max_size=200), tail)
def test_hashtags_only_in_last_part(words, closing):
    """A text whose only hashtags close it: no part but the last carries a hashtag."""
    words = [w for w in words if not w.startswith("#")]
    text = " ".join(words) + closing
    parts = split_thread(text, limit=280, mode="x_weighted")
    if len(parts) > 1 and closing:
        assert all("#" not in p for p in parts[:-1])
        assert parts[-1].endswith(closing.strip().split()[-1])


@settings(max_examples=30, deadline=None)
@given(texts)
def test_hashtags_last_off_still_keeps_everything(text):
    parts = split_thread(text, limit=100, mode="x_weighted", hashtags_last=False)
    assert all(measure(p, "x_weighted") <= 100 for p in parts)
    assert " ".join(_bodies(parts)).split() == text.split()


def test_short_text_is_returned_unchanged():
    text = "Pendaftaran pelatihan UMKM dibuka 🎉 Info: kotacontoh.go.id #MagelangKota\n"
    assert split_thread(text, limit=280, mode="x_weighted") == [text]
    assert split_thread("", limit=280, mode="x_weighted") == [""]
    assert join_thread([text]) == text
    assert join_thread([]) == ""


def test_only_surrounding_space_over_the_limit():
    text = "Halo Sobat!" + " " * 300
    assert split_thread(text, limit=280, mode="chars") == ["Halo Sobat!"]


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_worked_example_umkm_on_x():
    text = _fixture("pengumuman-umkm.txt")
    parts = split_thread(text, limit=280, mode="x_weighted")
    assert parts == [
        "1/3 Halo Sobat Magelang! 👋 Pemerintah Kota Magelang membuka pendaftaran pelatihan "
        "UMKM gratis tahun 2026 (utas) 🧵\n\nPelatihan berlangsung pada Senin, 7 Desember 2026 "
        "pukul 08.00 WIB di Gedung Wiworo Wiji Pinilih, Jl. Sarwo Edie Wibowo No. 2.",
        "2/3 Peserta mendapat modul, sertifikat, dan konsumsi. Tidak dipungut biaya apa pun."
        "\n\nSyarat pendaftaran:\n✅ KTP-el Kota Magelang\n✅ usaha sudah berjalan minimal 1 "
        "tahun\n✅ mengisi formulir di https://magelangkota.go.id/umkm/daftar-pelatihan-2026",
        "3/3 Waspada penipuan! Panitia tidak pernah meminta transfer Rp2.500.000 atau biaya lain "
        "dll. Informasi resmi hanya melalui kotacontoh.go.id dan @pemkotmagelang. Hubungi call "
        "center 112 bila ada pertanyaan.\n\n#MagelangKota #UMKMNaikKelas",
    ]
    # "Jl." and "No." are abbreviations, not sentence ends; the first part ends a sentence.
    assert join_thread(parts).split() == text.split()


@pytest.mark.parametrize("name", ["pengumuman-umkm.txt", "klarifikasi-hoaks.txt",
                                  "peringatan-cuaca.txt"])
def test_parts_fit_by_the_twitter_text_reference(name):
    twitter_text = pytest.importorskip("twitter_text")
    text = _fixture(name)
    for limit in (280, 140):
        for part in split_thread(text, limit=limit, mode="x_weighted"):
            assert twitter_text.parse_tweet(part).weightedLength <= limit


def test_worked_example_umkm_on_threads():
    text = _fixture("pengumuman-umkm.txt")
    parts = split_thread(text, limit=500, mode="utf8_bytes")
    assert len(parts) == 2
    assert parts[0].startswith("1/2 Halo Sobat Magelang!")
    assert parts[0].endswith("https://magelangkota.go.id/umkm/daftar-pelatihan-2026")
    assert parts[1] == ("2/2 Waspada penipuan! Panitia tidak pernah meminta transfer "
                        "Rp2.500.000 atau biaya lain dll. Informasi resmi hanya melalui "
                        "kotacontoh.go.id dan @pemkotmagelang. Hubungi call center 112 bila ada "
                        "pertanyaan.\n\n#MagelangKota #UMKMNaikKelas")
    assert all(measure(p, "utf8_bytes") <= 500 for p in parts)


@pytest.mark.parametrize("name", ["klarifikasi-hoaks.txt", "peringatan-cuaca.txt"])
@pytest.mark.parametrize(("mode", "limit"), [("x_weighted", 280), ("utf8_bytes", 500)])
def test_worked_examples_break_at_sentences(name, mode, limit):
    text = _fixture(name)
    parts = split_thread(text, limit=limit, mode=mode)
    assert len(parts) > 1
    bodies = _bodies(parts)
    assert all(measure(p, mode) <= limit for p in parts)
    assert " ".join(bodies).split() == text.split()
    # Every part but the last ends a sentence or a line (no mid-sentence cut needed here).
    assert all(b.rstrip()[-1] in ".!?:)" or b.endswith(tuple(ENTITIES)) for b in bodies[:-1])
    assert bodies[-1].split()[-len(_trailing_tags(text)):] == _trailing_tags(text)
    assert all("#" not in b for b in bodies[:-1])


def test_ten_parts_or_more_use_two_digit_numbers():
    text = " ".join(f"Kalimat nomor {i} tentang layanan kependudukan." for i in range(60))
    parts = split_thread(text, limit=100, mode="x_weighted")
    n = len(parts)
    assert n >= 10
    assert parts[0].startswith(f"1/{n} ") and parts[-1].startswith(f"{n}/{n} ")
    assert all(measure(p, "x_weighted") <= 100 for p in parts)
    assert " ".join(_bodies(parts)).split() == text.split()


def test_number_width_is_counted():
    # 9 parts exactly filled with a one-digit count would overflow with "10/10 ".
    text = " ".join(["abcd"] * 400)
    for limit in range(20, 60):
        parts = split_thread(text, limit=limit, mode="chars")
        assert all(len(p) <= limit for p in parts), limit
        assert " ".join(_bodies(parts)).split() == text.split()


def test_time_and_amount_are_never_cut():
    text = ("Antrean dibuka pukul 08.00 WIB dan biaya Rp 150.000 dibayar di loket. " * 12).strip()
    for limit in range(30, 80, 3):
        parts = split_thread(text, limit=limit, mode="chars")
        bodies = _bodies(parts)
        assert not any(b.endswith("08.00") or b.startswith("WIB") for b in bodies)
        assert not any(b.endswith("Rp") or b.startswith("150.000") for b in bodies)


def test_hashtag_inside_a_sentence_stays_in_place():
    text = ("Mari dukung #MagelangKota bersih dengan memilah sampah di rumah masing-masing. "
            * 6 + "\n\n#MagelangSehat")
    parts = split_thread(text, limit=280, mode="x_weighted")
    assert "#MagelangKota" in parts[0]
    assert parts[-1].endswith("#MagelangSehat")
    assert all("#MagelangSehat" not in p for p in parts[:-1])


def test_without_hashtags_last_tags_may_be_cut_apart():
    text = "Info layanan. " + " ".join(f"#Tagar{chr(65 + i)}Kota" for i in range(20))
    with pytest.raises(InputError, match="tagar penutup"):
        split_thread(text, limit=120, mode="chars")
    parts = split_thread(text, limit=120, mode="chars", hashtags_last=False)
    assert len(parts) > 1 and all(len(p) <= 120 for p in parts)


def test_unbreakable_link_over_the_limit_is_an_error():
    url = "https://kotacontoh.go.id/" + "layanan-" * 20
    with pytest.raises(InputError) as info:
        split_thread("Lihat " + url + " sekarang juga ya. " * 5, limit=100, mode="utf8_bytes")
    assert "tidak dapat dipecah" in info.value.message
    assert "tidak dipotong" in info.value.message
    # On X the same link counts 23 and fits.
    parts = split_thread("Lihat " + url + " sekarang juga ya." * 8, limit=100, mode="x_weighted")
    assert any(url in p for p in parts)


def test_long_word_is_an_error():
    with pytest.raises(InputError, match="tidak dapat dipecah"):
        split_thread("a" * 50 + " kata", limit=40, mode="chars")


def test_crlf_input_and_nfc_for_x():
    text = "Kafe\u0301 layanan dibuka.\r\n\r\n" + "Informasi jadwal vaksinasi anak. " * 12
    parts = split_thread(text, limit=280, mode="x_weighted")
    assert all("\r" not in p for p in parts)
    assert parts[0].startswith("1/2 Kafé layanan")


def test_bad_arguments():
    with pytest.raises(ValueError):
        split_thread("teks", limit=280, mode="karakter")
    with pytest.raises(ValueError):
        split_thread("teks", limit=0, mode="chars")


def test_join_thread_restores_paragraphs_and_words():
    parts = ["1/3 Satu kalimat selesai.", "2/3 kalimat yang", "3/3 berlanjut di sini."]
    assert join_thread(parts) == "Satu kalimat selesai.\n\nkalimat yang berlanjut di sini."
    # A part without the expected number is kept as it is.
    assert join_thread(["1/2 A.", "B."]) == "A.\n\nB."


def test_saved_thread_round_trip():
    text = _fixture("pengumuman-umkm.txt")
    parts = split_thread(text, limit=280, mode="x_weighted")
    saved = THREAD_SEPARATOR.join(parts)
    spans = part_spans(saved)
    assert [saved[a:b] for a, b in spans] == parts
    crlf = saved.replace("\n", "\r\n")
    assert [crlf[a:b].rstrip("\r") for a, b in part_spans(crlf)] == [
        p.replace("\n", "\r\n") for p in parts]
    assert part_spans("satu bagian saja\n---\nbukan pemisah") == [(0, 34)]
