"""The dictionary rules and EYD V mechanics: lexicon, rule behaviour, accept lists, --fix."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from medsos_cli.config import Config, load_config
from medsos_cli.errors import ConfigError
from medsos_cli.lexicon import (
    ENGLISH,
    KNOWN,
    PREPOSITION,
    UNASSIMILATED,
    UNKNOWN,
    Lexicon,
    lexicon,
)
from medsos_cli.lint.fix import apply_fixes
from medsos_cli.lint.run import build_linter, build_rulebook

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import language_quality as quality  # noqa: E402

NEW_RULES = ("ejaan.kamus", "ejaan.kata-tak-dikenal", "ejaan.peluluhan-kamus",
             "ejaan.kata-depan-kamus", "istilah.asing-kamus", "eyd.")


@pytest.fixture(scope="module")
def default_linter():
    config = Config()
    return build_linter(config, build_rulebook(config))


def found(linter, text):
    return [(f.rule, f.text, f.suggestions) for f in linter.lint_text(text).findings]


def rules_of(linter, text):
    return {f.rule for f in linter.lint_text(text).findings}


# -- lexicon --------------------------------------------------------------------------------

@pytest.mark.parametrize("word", [
    "pelayanan", "menyampaikan", "memengaruhi", "memperhatikan", "memproduksi", "mentransfer",
    "diimbau", "hubungi", "bukunya", "bacalah", "kaulah", "anak-anak", "sayur-mayur",
    "kependudukan", "antarkelurahan", "dicek", "diunggah", "mentari", "mempunyai"])
def test_standard_words_are_known(word):
    assert lexicon().analyse(word).status == KNOWN


@pytest.mark.parametrize("word, fixed", [
    ("mempengaruhi", "memengaruhi"), ("mensosialisasikan", "menyosialisasikan"),
    ("mentaati", "menaati"), ("mengkonsumsi", "mengonsumsi"),
    ("mensukseskan", "menyukseskan")])
def test_unassimilated_prefixes_get_the_melted_form(word, fixed):
    assert lexicon().analyse(word) == (UNASSIMILATED, (fixed,))


def test_prepositions_and_english_and_typos():
    lex = lexicon()
    assert lex.analyse("dikantor") == (PREPOSITION, ("di kantor",))
    assert lex.analyse("kerumah") == (PREPOSITION, ("ke rumah",))
    assert lex.analyse("followers").status == ENGLISH
    assert lex.analyse("pelyanan").status == UNKNOWN
    assert lex.suggest("pelyanan")[0] == "pelayanan"
    assert lex.suggest("meyampaikan")[0] == "menyampaikan"


def test_lexicon_loads_lazily():
    fresh = Lexicon()
    assert not fresh.word_list("forms").loaded and not fresh.word_list("english").loaded
    fresh.analyse("pelayanan")
    # English only on a miss
    assert fresh.word_list("forms").loaded and not fresh.word_list("english").loaded


def test_lexicon_sizes():
    lex = lexicon()
    assert len(lex.forms) > 55_000 and len(lex.stems) > 30_000
    assert len(lex.english) > 60_000 and len(lex.places) > 5_000
    assert not lex.known_forms({"mempengaruhi", "mensosialisasikan", "dikantor"})


# -- rules on captions ----------------------------------------------------------------------

def test_typo_is_a_warning_with_suggestion_and_exact_position(default_linter):
    text = "Kami meningkatkan pelyanan publik. 🙏 #KotaContoh"
    result = default_linter.lint_text(text)
    hits = [f for f in result.findings if f.rule == "ejaan.kamus"]
    assert len(hits) == 1
    hit = hits[0]
    assert text[hit.offset:hit.offset + hit.length] == "pelyanan"
    assert hit.suggestions[0] == "pelayanan" and hit.level.label == "warning"


@pytest.mark.parametrize("text", [
    "Bupati Sleman Kustini Sri Purnomo meninjau Pasar Prambanan.",
    "Warga Kapanewon Banguntapan, Kabupaten Bantul, mendapat bantuan.",
    "Sambutan disampaikan Bapak Sutrisno dan dr. Handayani di Kec. Jebres.",
    "Pendaftaran CPNS, PPPK, dan KTP-el dibuka di laman resmi. #InfoLoker @bkngoidofficial",
    "Tonton di kanal youtube dan instagram kami, https://kotacontoh.go.id/video 08.00 WIB.",
])
def test_names_places_entities_are_not_spelling_errors(default_linter, text):
    assert not {r for r in rules_of(default_linter, text) if r.startswith(NEW_RULES)}


def test_sentence_initial_name_is_not_flagged_but_typo_is(default_linter):
    assert "ejaan.kamus" not in rules_of(default_linter, "Sutrisno hadir dalam rapat.")
    assert ("ejaan.kamus", "Pelyanan", ("Pelayanan",)) in found(
        default_linter, "Pelyanan tetap buka.")


def test_term_rules_keep_their_own_words(default_linter):
    rules = [r for r, t, _ in found(default_linter, "Warga dihimbau datang.") if t == "dihimbau"]
    assert rules == ["baku.ejaan"]


def test_affixation_preposition_english_rules(default_linter):
    assert ("ejaan.peluluhan-kamus", "mensurvei", ("menyurvei",)) in found(
        default_linter, "Petugas akan mensurvei lokasi.")
    assert ("ejaan.kata-depan-kamus", "di tulis", ("ditulis",)) in found(
        default_linter, "Surat itu di tulis kepala dinas.")
    assert ("ejaan.kata-depan-kamus", "kebalai", ("ke balai",)) in found(
        default_linter, "Petugas datang kebalai warga.")
    english = [f for f in found(default_linter, "Acaranya awesome, jangan lupa follow kami!")
               if f[0] == "istilah.asing-kamus"]
    assert english == [("istilah.asing-kamus", "awesome", ()),
                       ("istilah.asing-kamus", "follow", ("ikuti",))]


def test_mechanics(default_linter):
    assert ("eyd.kata-berulang", "untuk untuk", ("untuk",)) in found(
        default_linter, "Ini untuk untuk warga.")
    assert ("eyd.kapital-awal-kalimat", "silakan", ("Silakan",)) in found(
        default_linter, "Loket buka. silakan datang.")
    assert ("eyd.koma-penghubung", "Oleh karena itu", ("Oleh karena itu,",)) in found(
        default_linter, "Oleh karena itu warga diminta datang.")
    assert ("eyd.ke-angka", "ke 78", ("ke-78",)) in found(default_linter, "HUT ke 78 kota.")
    assert ("eyd.singkatan-garis-miring", "s/d", ("s.d.",)) in found(
        default_linter, "Dibuka 1 s/d 5 Juni.")
    assert ("eyd.nama-hari-bulan", "senin", ("Senin",)) in found(
        default_linter, "Rapat hari senin.")


@pytest.mark.parametrize("text", [
    "Ini untuk untuk warga. Loket buka. silakan datang.",
    "Oleh karena itu warga diminta datang ke kantor, bahwa HUT ke 78 dimulai 1 s/d 5 Juni.",
    "Jangan mengkonsumsi obat. Pendaftaran di buka dikantor kelurahan hari senin.",
    "Bawa STNKnya, ya. Layanan buka pukul 08.00-15.00 WIB sejak 1940an.",
])
def test_fix_is_idempotent_and_clears_fixable_findings(default_linter, text):
    fixed, count = apply_fixes(text, default_linter.lint_text(text).findings)
    assert count > 0
    again = default_linter.lint_text(fixed).findings
    assert not [f for f in again if f.fixable], fixed
    assert apply_fixes(fixed, again)[0] == fixed


# -- accept and reject lists ----------------------------------------------------------------

def test_vocabulary_account_and_roster_accept(tmp_path):
    (tmp_path / "medsos.toml").write_text(
        '[lint.vocabulary]\naccept = ["Sedulur", "pnywcs"]\nreject = ["mantul"]\n'
        '[account]\nname = "Pemkab Wkwkland"\nhashtags = ["#GuyubQlorRukun"]\n',
        encoding="utf-8")
    (tmp_path / "roster.yaml").write_text(
        "- key: bupati\n  jabatan: Bupati Wkwkland\n  nama: Zzyzx Qwertyan\n", encoding="utf-8")
    config = load_config(tmp_path / "medsos.toml")
    linter = build_linter(config, build_rulebook(config))
    assert {"sedulur", "pnywcs", "wkwkland", "qlor", "zzyzx", "qwertyan"} <= \
        linter.context.accept_words
    text = "Halo sedulur, warga tidak pnywcs. wkwkland qlor zzyzx qwertyan hadir. Acara mantul."
    flagged = [(r, t) for r, t, _ in found(linter, text) if r.startswith("ejaan.")]
    assert flagged == [("ejaan.kamus", "mantul")]


def test_vocabulary_must_be_a_table(tmp_path):
    (tmp_path / "medsos.toml").write_text('[lint]\nvocabulary = "Sobat"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "medsos.toml")
    assert info.value.line == 2
    (tmp_path / "medsos.toml").write_text('[lint.vocabulary]\nterima = ["x"]\n',
                                          encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(tmp_path / "medsos.toml")


# -- quality targets (the labelled set in tests/fixtures/language/) -------------------------

def test_recall_per_family_on_planted_errors(default_linter):
    rows = quality.recall(default_linter)
    assert set(rows) >= {"ejaan", "imbuhan", "kata-depan", "asing", "ulang", "kapital-awal",
                         "kapital-umum", "koma", "ke-angka", "tahun-an", "akronim",
                         "singkatan", "rentang", "hari-bulan"}
    caught = sum(c for c, _ in rows.values())
    marks = sum(n for _, n in rows.values())
    assert marks >= 50 and caught / marks >= 0.95
    assert all(c / n >= 0.5 for c, n in rows.values()), rows


def test_clean_captions_stay_clean(default_linter):
    warned, _, count, details = quality.false_alarms(default_linter)
    assert count >= 30
    assert warned <= count // 25, details


def test_public_pair_list_recall(default_linter):
    caught, pairs, missed, flagged = quality.public_recall(default_linter)
    assert pairs > 550
    assert caught / pairs >= 0.95, missed
    assert len(flagged) <= 5, flagged


def test_sweep_no_dictionary_form_flagged_by_dictionary_rules(default_linter):
    flagged = [(rule, word) for rule, word in quality.sweep(default_linter)
               if rule.startswith(("ejaan.kamus", "ejaan.kata-tak-dikenal",
                                   "ejaan.peluluhan-kamus", "istilah.asing-kamus"))]
    assert flagged == []


@pytest.mark.parametrize("name", ["id-forms.txt", "id-stems.txt", "id-verbs.txt",
                                  "en-words.txt", "gazetteer.txt", "id-unassimilated.txt"])
def test_word_list_files_are_sorted_and_searched_exactly(name):
    """The shipped lists are comment lines, then words in code-point order (what the binary
    search needs); the search and the set give the same answers as the plain reading
    (every non-empty line that is not a comment)."""
    from importlib import resources

    from medsos_cli.lexicon import WordList

    lines = resources.files("medsos_cli.lexicon").joinpath(name).read_text("utf-8").split("\n")
    reference = frozenset(w for w in lines if w and not w.startswith("#"))
    body = [w for w in lines if w and not w.startswith("#")]
    assert body == sorted(body) and len(body) == len(reference), "sort the file (code points)"
    assert all(w.startswith("#") for w in lines[:lines.index(body[0])])
    assert WordList(name).as_set() == reference
    probe = WordList(name)
    sample = body[::max(len(body) // 300, 1)]
    words = sample + [w + "nya" for w in sample] + [w[:-1] for w in sample] + \
        [w.upper() for w in sample[:5]] + ["", "#", "# komentar", "a\nb", "\n", "kata\n",
                                           "\ufb01le", "é", "mémé", "🎉", "\udcff", "zzzzzz"]
    for word in words:
        assert (word in probe) == (word in reference), word
    assert probe._set is None  # still the binary search
    assert probe.known(words) == reference.intersection(words)


def test_one_caption_does_not_build_the_dictionary_set():
    from medsos_cli.lexicon import lexicon
    from medsos_cli.lint.engine import Linter
    from medsos_cli.lint.rulebooks import load_rulebook

    book = load_rulebook()  # its self-tests (when not cached) look up many words
    lexicon.cache_clear()
    lex = lexicon()
    Linter(book.rules.values(), terms=book.term_index()).lint_text(
        "Warga dihimbau datang ke kantor kelurahan. Pelayanan gratis.")
    assert lex.word_list("forms")._set is None
