"""The lint engine: term matching, each rule kind, scopes, exemptions and fixes."""

from __future__ import annotations

import time

import pytest
from helpers import ACCOUNT

from medsos_cli.config import Exemption
from medsos_cli.errors import RegexTimeout
from medsos_cli.findings import Level
from medsos_cli.lint.engine import Exemptions, Linter
from medsos_cli.lint.fix import apply_fixes
from medsos_cli.platforms import x_weighted_length
from medsos_cli.rulebook.model import Account, Context

TAG = " #KotaContoh"  # keeps the required-hashtag rule of the test rulebook quiet


def lint(linter, text, **kw):
    return linter.lint_text(text, **kw).findings


def found(linter, text, rule=None, **kw):
    return [f.text for f in lint(linter, text, **kw) if rule is None or f.rule == rule]


def only(book, *ids, account=ACCOUNT, **ctx):
    return Linter([book.rules[i] for i in ids], Context(account=account, **ctx))


# -- term matching --------------------------------------------------------------------------


def test_whole_words_only(linter):
    assert found(linter, "Pertanggungjawaban dan tanggungjawab warga." + TAG) == [
        "tanggungjawab"]
    assert found(linter, "Kewalikotaan bukan kata." + TAG) == []


def test_hyphenated_token_is_not_split(linter):
    # anak-anak style tokens are one word, so a key never matches half of one
    assert found(linter, "Walikota-walikota se-Jawa hadir." + TAG) == []


def test_term_next_to_punctuation_and_entities(linter):
    text = "(walikota), “Walikota”, walikota!, #walikota @walikota walikota.go.id" + TAG
    assert found(linter, text) == ["walikota", "Walikota", "walikota"]


def test_phrase_across_single_space(linter):
    result = lint(linter, "Ini dalam rangka HUT kota." + TAG)
    assert [(f.rule, f.text) for f in result] == [("birokrasi.frasa", "dalam rangka")]


@pytest.mark.parametrize("text", [
    "Dalam\nrangka HUT kota.",
    "Dalam\r\nrangka HUT kota.",
    "Dalam, rangka HUT kota.",
    "Dalam. Rangka HUT kota.",
    "Dalamrangka HUT kota.",
])
def test_phrase_not_across_line_break_or_punctuation(linter, text):
    assert found(linter, text + TAG, "birokrasi.frasa") == []


def test_phrase_position_and_length(linter):
    text = "🎉 Warga,\ndalam rangka HUT" + TAG
    (f,) = [f for f in lint(linter, text) if f.rule == "birokrasi.frasa"]
    assert text[f.offset:f.offset + f.length] == "dalam rangka"
    assert (f.line, f.column, f.end_line, f.end_column) == (2, 1, 2, 13)


def test_exception_phrase_suppresses_match(linter):
    text = "Walikota hadir di Jalan Walikota Mustajab." + TAG
    result = [f for f in lint(linter, text) if f.rule == "baku.gabungan"]
    assert [f.offset for f in result] == [0]


def test_existence_exception_and_phrases(linter):
    text = "Ambil Nomor Urut Antrean. Jangan sebut nomor urut paslon." + TAG
    result = [f.text for f in lint(linter, text) if f.rule == "netralitas.kampanye"]
    assert result == ["nomor urut", "paslon"]


@pytest.mark.parametrize(("text", "suggestion"), [
    ("Himbauan", "Imbauan"),
    ("HIMBAU", "IMBAU"),
    ("himbau", "imbau"),
    ("Dihimbau", "Diimbau"),
    ("MENGHIMBAU", "MENGIMBAU"),
])
def test_suggestion_keeps_case(linter, text, suggestion):
    (f,) = lint(linter, f"{text} warga." + TAG)
    assert f.text == text
    assert f.suggestions == (suggestion,)
    assert f.message == f"Gunakan bentuk baku “{suggestion}”, bukan “{text}”."


@pytest.mark.parametrize(("text", "suggestion"), [
    ("Walikota", "Wali Kota"),
    ("walikota", "wali kota"),
    ("WALIKOTA", "WALI KOTA"),
])
def test_title_suggestion(linter, text, suggestion):
    (f,) = lint(linter, f"Pak {text} hadir." + TAG)
    assert f.suggestions == (suggestion,)


def test_several_suggestions_and_hint_are_not_fixable(linter):
    result = lint(linter, "Gimana? Adapun acara dibuka." + TAG)
    assert [(f.text, f.suggestions, f.fixable) for f in result] == [
        ("Gimana", ("Bagaimana", "Mengapa"), False),
        ("Adapun", ("hapus saja",), False),
    ]


def test_per_entry_source(linter):
    (f,) = lint(linter, "Hasil analisa data." + TAG)
    assert f.source == "KBBI: analisis"
    (g,) = lint(linter, "Aktifitas warga." + TAG)
    assert g.source == "KBBI Daring, Badan Pengembangan dan Pembinaan Bahasa"


def test_ignorecase_false(make_book):
    book = make_book("""
        id: nama.resmi
        kind: substitution
        level: warning
        message: "Tulis {suggestion}."
        source: "uji"
        ignorecase: false
        swap:
          PemKot: Pemkot
        examples: {bad: ["Akun PemKot resmi."], good: ["Akun pemkot resmi."]}
    """)
    assert found(Linter(book), "PemKot, pemkot, PEMKOT") == ["PemKot"]


def test_key_with_hyphen_and_digit(make_book):
    book = make_book("""
        id: baku.alay
        kind: substitution
        level: warning
        message: "{suggestion}"
        source: "uji"
        swap:
          anak2: anak-anak
          di-tulis: ditulis
        examples: {bad: ["Ajak anak2."], good: ["Ajak anak-anak."]}
    """)
    result = lint(Linter(book), "Ajak anak2 yang di-tulis, bukan anak-anak.")
    assert [(f.text, f.suggestions) for f in result] == [
        ("anak2", ("anak-anak",)), ("di-tulis", ("ditulis",))]


# -- pattern --------------------------------------------------------------------------------


def test_pattern_with_replace(linter):
    result = [f for f in lint(linter, "Biaya Rp 5.000 dan Rp. 10.000." + TAG)
              if f.rule == "format.rupiah"]
    assert [(f.text, f.suggestions, f.fixable) for f in result] == [
        ("Rp 5", ("Rp5",), False), ("Rp. 1", ("Rp1",), False)]


def test_pattern_skips_entities_by_default(linter):
    text = "Lihat https://contoh.go.id/a!!b dan #Ayo!! sekarang!!" + TAG
    result = [f for f in lint(linter, text) if f.rule == "format.seru"]
    # the "!!" inside the URL is skipped; the one after the hashtag and at the end are not
    assert [f.offset for f in result] == [text.index("!!", text.index("#Ayo")),
                                          text.rindex("!!")]


def test_pattern_skip_entities_empty_searches_everywhere(make_book):
    rule = """
        id: format.seru
        kind: pattern
        level: suggestion
        message: "{match}"
        source: "uji"
        pattern: '!{2,}'
        skip_entities: []
        examples: {bad: ["Ayo!!"], good: ["Ayo!"]}
    """
    text = "Lihat https://contoh.go.id/a!!b"
    assert found(Linter(make_book(rule)), text) == ["!!"]
    assert found(Linter(make_book(rule.replace("[]", "[url]"))), text) == []


def test_pattern_exceptions(make_book):
    book = make_book("""
        id: format.kapital
        kind: pattern
        level: suggestion
        message: "{match}"
        source: "uji"
        pattern: '\\b\\p{Lu}{4,}\\b'
        exceptions: ["MAGELANG"]
        examples: {bad: ["AYO DATANG"], good: ["Ayo datang"]}
    """)
    assert found(Linter(book), "KOTA MAGELANG JUARA") == ["KOTA", "JUARA"]


def test_regex_timeout_at_lint_time_is_reported_and_others_run(make_book):
    book = make_book("""
        id: format.lambat
        kind: pattern
        level: warning
        message: "{match}"
        source: "uji"
        pattern: 'Z(a|aa)+$'
        examples: {bad: ["Zaa"], good: ["tidak ada"]}
    """, """
        id: baku.ejaan
        kind: substitution
        level: warning
        message: "{suggestion}"
        source: "uji"
        swap: {himbau: imbau}
        examples: {bad: ["himbau"], good: ["imbau"]}
    """)
    linter = Linter(book, Context(regex_timeout=0.05))
    text = "Warga himbau Z" + "a" * 80 + "!"
    started = time.perf_counter()
    result = linter.lint_text(text, path="lambat.txt")
    assert time.perf_counter() - started < 2
    assert isinstance(result.error, RegexTimeout)
    assert "format.lambat" in result.error.message
    assert result.error.path == "lambat.txt"
    assert [f.rule for f in result.findings] == ["baku.ejaan"]


def test_regex_timeout_with_monkeypatched_pattern(uji_book, monkeypatch):
    rule = uji_book.rules["format.seru"]

    class Slow:
        pattern = "!{2,}"

        def finditer(self, *args, timeout=None, **kwargs):
            raise TimeoutError("regex timed out")

    monkeypatch.setattr(rule, "patterns", [Slow()])
    result = only(uji_book, "format.seru", "format.rupiah").lint_text("Rp 5!!")
    assert isinstance(result.error, RegexTimeout)
    assert [f.rule for f in result.findings] == ["format.rupiah"]


# -- limit ----------------------------------------------------------------------------------


def test_x_bare_domain_counts_23(uji_book):
    linter = only(uji_book, "platform.x.panjang")
    text = "a" * 257 + " magelangkota.go.id"
    assert len(text) == 276 and x_weighted_length(text) == 281
    (f,) = lint(linter, text, platform="x")
    assert "281" in f.message
    assert lint(linter, "a" * 256 + " magelangkota.go.id", platform="x") == []


def test_x_emoji_counts_2(uji_book):
    linter = only(uji_book, "platform.x.panjang")
    text = "a" * 279 + "🎉"
    (f,) = lint(linter, text, platform="x")
    assert (f.offset, f.text) == (279, "🎉")
    assert lint(linter, "a" * 278 + "🎉", platform="x") == []


def test_x_limit_covers_the_overflow(uji_book):
    linter = only(uji_book, "platform.x.panjang")
    text = "a" * 290 + "\n"
    (f,) = lint(linter, text, platform="x")
    assert (f.offset, f.length, f.text) == (280, 10, "a" * 10)
    assert f.level is Level.ERROR


def test_x_limit_ignores_surrounding_blank_space_and_crlf(uji_book):
    linter = only(uji_book, "platform.x.panjang")
    # 140 + CRLF (published as 1) + 139 = 280: fits
    text = "\r\n  " + "a" * 140 + "\r\n" + "b" * 139 + "\r\n\r\n"
    assert lint(linter, text, platform="x") == []
    (f,) = lint(linter, text.replace("b" * 139, "b" * 140), platform="x")
    assert f.text == "b"
    assert text.replace("b" * 139, "b" * 140)[f.offset] == "b"


def test_utf8_bytes_limit(make_book):
    book = make_book("""
        id: platform.web.bita
        kind: limit
        level: error
        message: "{count} bita dari batas {max}."
        source: "uji"
        count: characters
        mode: utf8_bytes
        max: 10
        examples: {bad: ["ééééééé"], good: ["abcdefghij"]}
    """)
    linter = Linter(book)
    assert lint(linter, "é" * 5) == []  # 10 bytes
    (f,) = lint(linter, "é" * 6)  # 12 bytes; the 6th letter goes over
    assert (f.offset, f.text) == (5, "é")
    assert f.message == "12 bita dari batas 10."


def test_sixth_hashtag_flagged_on_instagram(linter):
    text = "Ayo ke CFD! #KotaContoh #CFD #Sehat #Olahraga #Minggu #Magelang #Jateng"
    result = [f for f in lint(linter, text, platform="instagram")
              if f.rule == "platform.instagram.tagar"]
    (f,) = result
    assert f.text == "#Magelang"
    assert f.offset == text.index("#Magelang")
    assert "Tagar 7, lebih dari 5" in f.message
    five = text.rsplit(" ", 2)[0]
    assert not [f for f in lint(linter, five, platform="instagram")
                if f.rule == "platform.instagram.tagar"]


def test_limit_min_and_other_counts(make_book):
    book = make_book("""
        id: akun.mention
        kind: limit
        level: suggestion
        message: "{count} akun ditandai; minimal {min}."
        source: "uji"
        count: mentions
        min: 1
        examples: {bad: ["Halo warga"], good: ["Halo @warga"]}
    """, """
        id: takarir.baris
        kind: limit
        level: suggestion
        message: "{count} baris; maksimal {max}."
        source: "uji"
        count: lines
        max: 2
        examples: {bad: ["a\\nb\\nc"], good: ["a\\n\\nb"]}
    """)
    linter = Linter(book)
    (f,) = lint(linter, "Halo warga\n\nsemua")
    assert (f.rule, f.offset, f.length, f.message) == ("akun.mention", 0, 0,
                                                       "0 akun ditandai; minimal 1.")
    (g,) = lint(linter, "@a satu\r\ndua\r\n\r\ntiga\r\n")
    assert (g.rule, g.text, g.line) == ("takarir.baris", "tiga", 4)


# -- metric ---------------------------------------------------------------------------------


def words(n: int) -> str:
    return " ".join(["warga"] * n) + "."


@pytest.mark.parametrize(("n", "expected"), [
    (12, []),
    (13, ["kalimat.panjang"]),
    (20, ["kalimat.panjang"]),
    (21, ["kalimat.sangat-panjang"]),  # above upto: the stronger rule takes over
])
def test_metric_max_and_upto(uji_book, n, expected):
    linter = only(uji_book, "kalimat.panjang", "kalimat.sangat-panjang")
    assert [f.rule for f in lint(linter, words(n))] == expected


def test_metric_per_sentence_positions_and_message(uji_book):
    linter = only(uji_book, "kalimat.panjang")
    text = "Singkat saja.\n" + words(15)
    (f,) = lint(linter, text)
    assert f.line == 2 and f.column == 1
    assert f.text == words(15)
    assert f.message == "Kalimat ini 15 kata; usahakan paling banyak 12 kata."


def test_metric_min_words(make_book):
    book = make_book("""
        id: kalimat.suku
        kind: metric
        level: suggestion
        message: "{value} suku kata per kata (maks {max})."
        source: "uji"
        metric: syllables_per_word
        scope: sentence
        max: 3
        min_words: 3
        examples:
          bad: ["Peningkatan kapasitas kelembagaan pemerintahan."]
          good: ["Ayo ke sana."]
    """)
    linter = Linter(book)
    assert lint(linter, "Kelembagaan pemerintahan.") == []  # 2 words < min_words
    (f,) = lint(linter, "Peningkatan kapasitas kelembagaan pemerintahan.")
    assert f.message.startswith("4,5 suku kata per kata")  # (4 + 4 + 5 + 5) / 4 words


def test_text_scope_metric_finding_text_matches_span(make_book):
    book = make_book("""
        id: takarir.kata
        kind: metric
        level: suggestion
        message: "Takarir {value} kata; paling banyak {max}."
        source: "uji"
        metric: words
        max: 3
        examples: {bad: ["satu dua tiga empat"], good: ["satu dua"]}
    """)
    text = "satu dua tiga empat lima"
    (f,) = lint(Linter(book), text)
    assert f.message == "Takarir 5 kata; paling banyak 3."
    assert text[f.offset:f.offset + f.length] == f.text


# -- required -------------------------------------------------------------------------------


def test_required_account_hashtag(linter):
    (f,) = lint(linter, "Halo warga!")
    assert (f.rule, f.offset, f.length, f.text) == ("akun.tagar-resmi", 0, 0, "")
    assert f.suggestions == ("#KotaContoh",)
    assert f.message == "Tagar resmi akun (#KotaContoh) belum ada."
    assert lint(linter, "Halo warga! #kotacontoh") == []  # case-insensitive


def test_required_hashtag_is_whole_token(linter):
    assert [f.rule for f in lint(linter, "Halo #KotaContohLain")] == ["akun.tagar-resmi"]
    assert [f.rule for f in lint(linter, "Halo x#KotaContoh")] == ["akun.tagar-resmi"]


def test_required_at_body_start_after_front_matter(linter):
    text = "---\nplatform: facebook\n---\nHalo warga!"
    (f,) = linter.lint_text(text, start=text.index("Halo")).findings
    assert (f.offset, f.line, f.column) == (text.index("Halo"), 4, 1)


def test_required_skipped_without_account_hashtags(uji_book):
    linter = only(uji_book, "akun.tagar-resmi", account=Account())
    assert lint(linter, "Halo warga!") == []


def test_required_match_all(make_book):
    book = make_book("""
        id: akun.tagar-wajib
        kind: required
        level: warning
        message: "Kurang: {value}"
        source: "uji"
        tokens: ["#KotaContoh", "#Humas"]
        match: all
        examples: {bad: ["#KotaContoh"], good: ["#KotaContoh #Humas"]}
    """)
    (f,) = lint(Linter(book), "Halo #humas")
    assert f.message == "Kurang: #KotaContoh"


# -- scopes ---------------------------------------------------------------------------------


def test_platform_scope(linter):
    text = "a" * 300 + TAG
    assert "platform.x.panjang" in [f.rule for f in lint(linter, text, platform="x")]
    for platform in (None, "instagram", "facebook"):
        assert "platform.x.panjang" not in [f.rule for f in lint(linter, text,
                                                                  platform=platform)]


def test_kind_scope(linter):
    text = "Baca dulu pengumumannya, Kak."
    assert [f.rule for f in lint(linter, text, kind="reply")] == ["balasan.nada"]
    # as a caption: the reply rule is off and the caption-only hashtag rule is on
    assert [f.rule for f in lint(linter, text, kind="caption")] == ["akun.tagar-resmi"]


def test_same_linter_serves_several_scopes(linter):
    text = "Baca dulu. " + "a" * 300
    first = {f.rule for f in lint(linter, text, platform="x", kind="reply")}
    second = {f.rule for f in lint(linter, text, platform=None, kind="caption")}
    third = {f.rule for f in lint(linter, text, platform="x", kind="reply")}
    assert first == third == {"balasan.nada", "platform.x.panjang"}
    assert second == {"akun.tagar-resmi"}


# -- exemptions -----------------------------------------------------------------------------


def exempting(book, *items):
    return Linter(book, Context(account=ACCOUNT), Exemptions(items))


def test_text_exemption(uji_book):
    ex = Exemption(rule="baku.gabungan", reason="nama jalan", approved_by="Kabag Humas",
                   text="walikota")
    linter = exempting(uji_book, ex)
    result = linter.lint_text("Walikota hadir. Aktifitas warga." + TAG, path="a.txt")
    assert [f.rule for f in result.findings] == ["baku.ejaan"]
    (e,) = result.exempted
    assert e.finding.text == "Walikota"
    assert (e.reason, e.approved_by) == ("nama jalan", "Kabag Humas")


def test_file_exemption(uji_book):
    ex = Exemption(rule="baku.ejaan", reason="kutipan", approved_by="Kabag Humas",
                   file="kutipan/*.txt")
    linter = exempting(uji_book, ex)
    text = "Warga dihimbau hadir." + TAG
    assert linter.lint_text(text, path="kutipan/a.txt").findings == []
    assert [f.rule for f in linter.lint_text(text, path="lain/a.txt").findings] == [
        "baku.ejaan"]


def test_exemption_other_rule_or_text_not_silenced(uji_book):
    ex = Exemption(rule="baku.ejaan", reason="-", approved_by="-", text="himbauan")
    linter = exempting(uji_book, ex)
    result = linter.lint_text("Warga dihimbau. Walikota." + TAG)
    assert [f.rule for f in result.findings] == ["baku.ejaan", "baku.gabungan"]
    assert result.exempted == []


# -- findings order -------------------------------------------------------------------------


def test_findings_sorted_by_offset(linter):
    text = "Rp 5 dihimbau!! Walikota analisa\nDalam rangka"
    offsets = [f.offset for f in lint(linter, text)]
    assert offsets == sorted(offsets)
    assert len(offsets) == 7


# -- fixes ----------------------------------------------------------------------------------


def test_apply_fixes(linter):
    text = "Warga dihimbau agar mempraktekkan aktifitas. Walikota hadir, gimana?\r\n" + TAG
    result = linter.lint_text(text)
    fixed, count = apply_fixes(text, result.findings)
    assert fixed == ("Warga diimbau agar mempraktikkan aktivitas. Wali Kota hadir, gimana?\r\n"
                     + TAG)
    assert count == 4


def test_fix_leaves_unfixable_alone(linter):
    text = "Dalam rangka HUT, Rp 5.000, gimana? Adapun acara!!" + TAG
    result = linter.lint_text(text)
    assert result.findings
    assert apply_fixes(text, result.findings) == (text, 0)


def test_fix_is_idempotent(linter):
    text = "HIMBAUAN: warga dihimbau, Walikota menghimbaukan analisa praktek." + TAG
    once, n1 = apply_fixes(text, linter.lint_text(text).findings)
    assert n1 == 6
    twice, n2 = apply_fixes(once, linter.lint_text(once).findings)
    assert (twice, n2) == (once, 0)
    assert not [f for f in linter.lint_text(once).findings if f.fixable]


def test_fix_skips_stale_findings(linter):
    text = "Warga dihimbau."
    findings = linter.lint_text(text).findings
    assert apply_fixes("Warga DIHIMBAU.", findings) == ("Warga DIHIMBAU.", 0)


def test_fix_respects_front_matter(linter):
    text = "---\nplatform: x\n---\nWarga dihimbau." + TAG
    result = linter.lint_text(text, start=text.index("Warga"), platform="x")
    fixed, _ = apply_fixes(text, result.findings)
    assert fixed == "---\nplatform: x\n---\nWarga diimbau." + TAG


# -- exit status (a pure function of the results) -------------------------------------------


def _result(*levels, error=None):
    from medsos_cli.findings import Finding
    from medsos_cli.lint.engine import FileResult

    findings = [Finding(offset=i, length=1, rule="uji", level=lvl, message="m")
                for i, lvl in enumerate(levels)]
    return FileResult("a.txt", findings=findings, error=error)


@pytest.mark.parametrize(("levels", "fail_on", "code"), [
    ((), "error", 0),
    ((), "suggestion", 0),
    ((Level.SUGGESTION,), "suggestion", 1),
    ((Level.SUGGESTION,), "warning", 0),
    ((Level.WARNING,), "warning", 1),
    ((Level.WARNING,), "error", 0),
    ((Level.ERROR,), "error", 1),
    ((Level.ERROR, Level.SUGGESTION), "warning", 1),
    ((Level.ERROR,), "none", 0),
])
def test_exit_code_table(levels, fail_on, code):
    from medsos_cli.lint.run import exit_code

    assert exit_code([_result(*levels)], fail_on) == code


def test_exit_code_input_error_wins():
    from medsos_cli.errors import ExitCode, InputError
    from medsos_cli.lint.run import exit_code

    results = [_result(Level.ERROR), _result(error=InputError("biner", "b.txt"))]
    assert exit_code(results, "error") is ExitCode.USAGE
    assert exit_code(results, "none") is ExitCode.USAGE


def test_x_limit_with_a_minimum_uses_the_same_count(tmp_path):
    from helpers import rule_yaml, write_rulebook

    from medsos_cli.lint.rulebooks import load_rulebook

    rule = """
    id: x.pendek
    kind: limit
    level: suggestion
    message: "{count} dari minimal {min}"
    source: "uji"
    platforms: [x]
    count: characters
    mode: x_weighted
    min: 30
    max: 280
    examples: {bad: ["Halo 😀"], good: ["Info lengkap: kotacontoh.go.id 😀 #KotaContoh"]}
    """
    book = load_rulebook(write_rulebook(tmp_path, {"a.yaml": rule_yaml(rule)}))
    findings = Linter(book).lint_text("Halo 😀", platform="x").findings
    assert [(f.rule, f.message) for f in findings] == [("x.pendek", "7 dari minimal 30")]


@pytest.mark.parametrize("message, expected", [
    ("Tulis {suggestion}, bukan {match} ({platform}).", "Tulis tanda seru, bukan !! (X)."),
    ("Tanda {{kurung}} tetap; {match} ditemukan.", "Tanda {kurung} tetap; !! ditemukan."),
    ("Tanpa penanda.", "Tanpa penanda."),
    ("{match}{match} {count}|{max}|{min}|{value}", "!!!! |||"),
])
def test_message_placeholders_filled_from_the_hit(make_book, message, expected):
    """A message gets each placeholder it names (and only those): the match, the
    suggestions, the platform's label, and empty values for counts the kind does not give;
    ``{{``/``}}`` stay literal braces."""
    book = make_book(f"""
        id: uji.seru
        kind: pattern
        level: warning
        message: {message!r}
        source: "uji"
        pattern: '!!'
        replace: 'tanda seru'
        examples: {{bad: ["Ayo!!"], good: ["Ayo!"]}}
    """)
    (f,) = Linter(book).lint_text("Ayo!!", platform="x").findings
    assert f.message == expected
    # a second finding of the same rule reuses what the message names
    (g,) = Linter(book).lint_text("Wah!!", platform="x").findings
    assert g.message == expected
