"""Rulebook loading: kinds, validation errors with file:line, inheritance, self-tests."""

from __future__ import annotations

import pytest
from helpers import UJI, rule_yaml, write_rulebook

from medsos_cli.errors import RulebookError
from medsos_cli.findings import Level
from medsos_cli.lint.engine import Linter
from medsos_cli.lint.rulebooks import load_rulebook
from medsos_cli.rulebook.kinds import KINDS
from medsos_cli.rulebook.terms import match_case
from medsos_cli.text.morphology import affixed_pairs, attach

SUBST = """
id: baku.ejaan
kind: substitution
level: warning
message: "Gunakan “{suggestion}”, bukan “{match}”."
source: "KBBI Daring"
swap:
  aktifitas: aktivitas
examples:
  bad: ["Aktifitas warga meningkat."]
  good: ["Aktivitas warga meningkat."]
"""


def load_error(tmp_path, files: dict[str, str], check_examples: bool = True) -> RulebookError:
    folder = write_rulebook(tmp_path / "rb", files)
    with pytest.raises(RulebookError) as info:
        load_rulebook(folder, check_examples=check_examples)
    return info.value


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle``."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


# -- every kind loads -----------------------------------------------------------------------


def test_test_rulebook_loads_every_kind(uji_book):
    assert uji_book.name == "uji"
    assert {r.kind for r in uji_book} == set(KINDS)
    assert uji_book.rules["netralitas.kampanye"].level is Level.ERROR
    assert uji_book.rules["platform.x.panjang"].platforms == ("x",)
    assert uji_book.rules["balasan.nada"].kinds == ("reply",)


def test_rule_files_read_in_name_order(uji_book):
    # akun.yaml < baku.yaml < keterbacaan.yaml < netral.yaml < platform.yaml < pola.yaml
    ids = list(uji_book.rules)
    assert ids.index("akun.tagar-resmi") < ids.index("baku.ejaan") < ids.index(
        "kalimat.panjang") < ids.index("netralitas.kampanye") < ids.index(
        "platform.x.panjang") < ids.index("format.rupiah")


def test_example_lines_are_recorded(uji_book):
    rule = uji_book.rules["baku.ejaan"]
    text = (UJI / "baku.yaml").read_text(encoding="utf-8")
    assert rule.where.path.endswith("baku.yaml")
    assert rule.where.line == line_of(text, "id: baku.ejaan")
    assert rule.examples.bad[0] == ("Warga dihimbau tetap di rumah.",
                                    line_of(text, "Warga dihimbau tetap"))


# -- YAML and schema errors name file and line ---------------------------------------------


def test_yaml_syntax_error_has_path_and_line(tmp_path):
    text = rule_yaml(SUBST).replace("  aktifitas: aktivitas", "  aktifitas: [aktivitas")
    err = load_error(tmp_path, {"baku.yaml": text})
    assert err.path.endswith("baku.yaml")
    assert err.line is not None and err.line >= line_of(text, "aktifitas: [")
    assert "YAML" in err.message


def test_unknown_key_names_key_and_line(tmp_path):
    text = rule_yaml(SUBST + "severity: high\n")
    err = load_error(tmp_path, {"baku.yaml": text})
    assert "severity" in err.message
    assert err.line == line_of(text, "severity")
    assert err.path.endswith("baku.yaml")
    assert str(err).startswith(f"{err.path}:{err.line}: ")


def test_unknown_kind_lists_valid_kinds(tmp_path):
    text = rule_yaml(SUBST.replace("kind: substitution", "kind: substitusi"))
    err = load_error(tmp_path, {"baku.yaml": text})
    assert "substitusi" in err.message
    assert all(kind in err.message for kind in KINDS)
    assert err.line == line_of(text, "kind:")


def test_duplicate_yaml_key_is_error(tmp_path):
    text = rule_yaml(SUBST + "level: error\n")
    err = load_error(tmp_path, {"baku.yaml": text})
    assert "level" in err.message
    assert err.line == len(text.splitlines())


def test_duplicate_rule_id_is_error(tmp_path):
    err = load_error(tmp_path, {"a.yaml": rule_yaml(SUBST), "b.yaml": rule_yaml(SUBST)})
    assert err.path.endswith("b.yaml")
    assert "baku.ejaan" in err.message and "a.yaml" in err.message


@pytest.mark.parametrize(("old", "new", "key"), [
    ("id: baku.ejaan", "id: Baku_Ejaan", "id:"),
    ("level: warning", "level: fatal", "level:"),
    ("source: \"KBBI Daring\"", "source: \"\"", "source:"),
])
def test_bad_common_values(tmp_path, old, new, key):
    text = rule_yaml(SUBST.replace(old, new))
    err = load_error(tmp_path, {"baku.yaml": text})
    assert err.line == line_of(text, key)


def test_missing_examples_is_error(tmp_path):
    body = SUBST.split("examples:")[0]
    err = load_error(tmp_path, {"baku.yaml": rule_yaml(body)})
    assert "examples" in err.message


def test_bad_regex_is_error(tmp_path):
    text = rule_yaml("""
        id: format.rusak
        kind: pattern
        level: warning
        message: "Rusak: {match}"
        source: "uji"
        pattern: '(Rp\\s+'
        examples: {bad: ["Rp 5"], good: ["Rp5"]}
    """)
    err = load_error(tmp_path, {"pola.yaml": text})
    assert "format.rusak" in err.message
    assert err.line == line_of(text, "pattern:")


def test_pattern_matching_empty_text_is_refused(tmp_path):
    text = rule_yaml("""
        id: format.kosong
        kind: pattern
        level: warning
        message: "{match}"
        source: "uji"
        pattern: 'x*'
        examples: {bad: ["x"], good: ["y"]}
    """)
    err = load_error(tmp_path, {"pola.yaml": text})
    assert "kosong" in err.message


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w+\s?)+$"])
def test_catastrophic_regex_refused_by_probe(tmp_path, pattern):
    text = rule_yaml(f"""
        id: format.lambat
        kind: pattern
        level: warning
        message: "Lambat: {{match}}"
        source: "uji"
        pattern: '{pattern}'
        examples: {{bad: ["aaa"], good: ["!"]}}
    """)
    err = load_error(tmp_path, {"pola.yaml": text})
    assert "format.lambat" in err.message
    assert pattern in err.message
    assert err.line == line_of(text, "pattern:")


def test_failing_bad_example_refuses_load(tmp_path):
    text = rule_yaml(SUBST.replace('bad: ["Aktifitas warga meningkat."]',
                                   'bad: ["Kegiatan warga meningkat."]'))
    err = load_error(tmp_path, {"baku.yaml": text})
    assert "baku.ejaan" in err.message
    assert "Kegiatan warga meningkat." in err.message
    assert err.line == line_of(text, "Kegiatan warga")


def test_failing_good_example_refuses_load(tmp_path):
    text = rule_yaml(SUBST.replace('good: ["Aktivitas warga meningkat."]',
                                   'good: ["Aktifitas warga naik."]'))
    err = load_error(tmp_path, {"baku.yaml": text})
    assert "baku.ejaan" in err.message
    assert "Aktifitas warga naik." in err.message
    assert err.line == line_of(text, "Aktifitas warga naik")


def test_examples_not_checked_when_disabled(tmp_path):
    text = rule_yaml(SUBST.replace('good: ["Aktivitas warga meningkat."]',
                                   'good: ["Aktifitas warga naik."]'))
    folder = write_rulebook(tmp_path / "rb", {"baku.yaml": text})
    assert "baku.ejaan" in load_rulebook(folder, check_examples=False).rules


def test_unknown_placeholder_in_message(tmp_path):
    text = rule_yaml(SUBST.replace("bukan “{match}”", "bukan “{kata}”"))
    err = load_error(tmp_path, {"baku.yaml": text})
    assert "{kata}" in err.message
    assert "baku.ejaan" in err.message


def test_term_that_cannot_match_a_word_is_refused(tmp_path):
    text = rule_yaml(SUBST.replace("aktifitas: aktivitas", "\"aktif!tas\": aktivitas"))
    err = load_error(tmp_path, {"baku.yaml": text})
    assert "aktif!tas" in err.message
    assert err.line == line_of(text, "aktif!tas")


def test_rules_file_without_rules_key(tmp_path):
    err = load_error(tmp_path, {"baku.yaml": "aturan:\n  - id: x\n"})
    assert "rules" in err.message
    assert err.line == 1


def test_missing_folder(tmp_path):
    with pytest.raises(RulebookError, match="tidak ditemukan"):
        load_rulebook(tmp_path / "tidak-ada")


def test_dates_are_read_as_text(tmp_path):
    write_rulebook(tmp_path, {"baku.yaml": rule_yaml(SUBST + "description: 2026-02-30\n")})
    rule = next(iter(load_rulebook(tmp_path)))
    assert rule.description == "2026-02-30"


# -- rulebook.yaml: extends, levels, disable ------------------------------------------------


def base_and_child(tmp_path, child_meta: str) -> tuple:
    write_rulebook(tmp_path / "dasar", {
        "rulebook.yaml": "name: dasar\n",
        "baku.yaml": rule_yaml(SUBST),
        "seru.yaml": rule_yaml("""
            id: format.seru
            kind: pattern
            level: suggestion
            message: "Satu tanda seru saja."
            source: "EYD V"
            pattern: '!{2,}'
            examples: {bad: ["Ayo!!"], good: ["Ayo!"]}
        """),
    })
    child = write_rulebook(tmp_path / "kota", {"rulebook.yaml": child_meta})
    return tmp_path / "dasar", child


def test_extends_levels_and_disable(tmp_path):
    _, child = base_and_child(tmp_path, """
        name: kota
        extends: [../dasar]
        levels:
          baku.ejaan: error
        disable: [format.seru]
    """)
    book = load_rulebook(child)
    assert book.name == "kota"
    assert list(book.rules) == ["baku.ejaan"]
    assert book.rules["baku.ejaan"].level is Level.ERROR
    assert [p.name for p in book.paths] == ["dasar", "kota"]


def test_extending_book_may_redefine_inherited_id(tmp_path):
    _, child = base_and_child(tmp_path, "extends: ../dasar\n")
    (child / "baku.yaml").write_text(rule_yaml(SUBST.replace("level: warning", "level: error")
                                               .replace("source: \"KBBI Daring\"",
                                                        "source: \"SOP kota\"")),
                                     encoding="utf-8")
    book = load_rulebook(child)
    assert book.rules["baku.ejaan"].source == "SOP kota"
    assert book.rules["baku.ejaan"].level is Level.ERROR
    assert "format.seru" in book.rules


@pytest.mark.parametrize(("meta", "needle"), [
    ("extends: [../dasar]\nlevels:\n  tidak.ada: error\n", "tidak.ada"),
    ("extends: [../dasar]\nlevels:\n  baku.ejaan: fatal\n", "fatal"),
    ("extends: [../dasar]\ndisable: [tidak.ada]\n", "tidak.ada"),
    ("extends: [../dasar]\nwarna: merah\n", "warna"),
])
def test_bad_overrides_are_errors_with_line(tmp_path, meta, needle):
    _, child = base_and_child(tmp_path, meta)
    with pytest.raises(RulebookError) as info:
        load_rulebook(child)
    err = info.value
    assert needle in err.message
    assert err.path.endswith("rulebook.yaml")
    assert err.line == line_of(meta, needle)


def test_extends_cycle_is_error(tmp_path):
    write_rulebook(tmp_path / "a", {"rulebook.yaml": "extends: [../b]\n",
                                    "baku.yaml": rule_yaml(SUBST)})
    write_rulebook(tmp_path / "b", {"rulebook.yaml": "extends: [../a]\n"})
    with pytest.raises(RulebookError, match="melingkar"):
        load_rulebook(tmp_path / "a")


def test_extends_missing_folder(tmp_path):
    folder = write_rulebook(tmp_path / "a", {"rulebook.yaml": "extends: [../tidak-ada]\n"})
    with pytest.raises(RulebookError, match="tidak ditemukan"):
        load_rulebook(folder)


# -- fix idempotence ------------------------------------------------------------------------


def test_swap_target_that_is_a_key_is_refused(tmp_path):
    text = rule_yaml(SUBST.replace("  aktifitas: aktivitas",
                                   "  aktifitas: aktivitas\n  aktivitas: kegiatan"))
    err = load_error(tmp_path, {"baku.yaml": text}, check_examples=False)
    assert "“aktivitas”" in err.message and "--fix" in err.message


def test_swap_target_that_is_a_key_of_another_rule_is_refused(tmp_path):
    other = SUBST.replace("baku.ejaan", "baku.lain").replace(
        "aktifitas: aktivitas", "aktivitas: kegiatan").replace(
        "Aktifitas warga", "Aktivitas warga").replace('good: ["Aktivitas warga meningkat."]',
                                                      'good: ["Kegiatan warga meningkat."]')
    err = load_error(tmp_path, {"a.yaml": rule_yaml(SUBST), "b.yaml": rule_yaml(other)},
                     check_examples=False)
    assert "“aktivitas”" in err.message and "baku.lain" in err.message and "--fix" in err.message


def test_swap_target_containing_affixed_key_is_refused(tmp_path):
    text = rule_yaml("""
        id: baku.ejaan
        kind: substitution
        level: warning
        message: "{suggestion}"
        source: "KBBI"
        affixes: true
        swap:
          himbau: imbau
          seruan: dihimbau
        examples: {bad: ["Warga dihimbau."], good: ["Warga diimbau."]}
    """)
    err = load_error(tmp_path, {"baku.yaml": text}, check_examples=False)
    assert "“dihimbau”" in err.message and "--fix" in err.message


# -- affixes --------------------------------------------------------------------------------


@pytest.mark.parametrize(("prefix", "root", "suffix", "expected"), [
    ("di", "himbau", "", "dihimbau"),
    ("meN", "himbau", "", "menghimbau"),
    ("meN", "imbau", "kan", "mengimbaukan"),
    ("meN", "praktek", "kan", "mempraktekkan"),
    ("meN", "pakai", "", "memakai"),
    ("meN", "tulis", "", "menulis"),
    ("meN", "kirim", "", "mengirim"),
    ("meN", "sapu", "", "menyapu"),
    ("meN", "lapor", "kan", "melaporkan"),
    ("meN", "baca", "", "membaca"),
    ("meN", "cari", "", "mencari"),
    ("peN", "dengar", "", "pendengar"),
    ("ber", "renang", "", "berenang"),
    ("", "himbau", "an", "himbauan"),
])
def test_attach(prefix, root, suffix, expected):
    assert attach(prefix, root, suffix) == expected


def test_affixed_pairs_cover_documented_forms():
    pairs = dict(affixed_pairs("himbau", "imbau"))
    assert pairs["dihimbau"] == "diimbau"
    assert pairs["menghimbau"] == "mengimbau"
    assert pairs["himbauan"] == "imbauan"
    assert pairs["menghimbaukan"] == "mengimbaukan"
    assert pairs["dihimbaukan"] == "diimbaukan"
    assert pairs["terhimbau"] == "terimbau"
    assert pairs["himbaunya"] == "imbaunya"
    assert "himbau" not in pairs  # the bare key is not an affixed form
    assert dict(affixed_pairs("praktek", "praktik"))["mempraktekkan"] == "mempraktikkan"


@pytest.mark.parametrize(("word", "fixed"), [
    ("dihimbau", "diimbau"),
    ("menghimbau", "mengimbau"),
    ("himbauan", "imbauan"),
    ("menghimbaukan", "mengimbaukan"),
    ("mempraktekkan", "mempraktikkan"),
])
def test_affixed_forms_are_flagged_with_affixed_suggestion(linter, word, fixed):
    findings = linter.lint_text(f"Warga {word} hari ini. #KotaContoh").findings
    assert [(f.rule, f.text, f.suggestions) for f in findings] == [
        ("baku.ejaan", word, (fixed,))]


@pytest.mark.parametrize("word", ["diimbau", "mengimbau", "imbauan", "mempraktikkan",
                                  "praktik", "imbau"])
def test_standard_forms_are_not_flagged(linter, word):
    assert linter.lint_text(f"Warga {word} hari ini. #KotaContoh").findings == []


def test_affixes_off_matches_only_the_key(make_book):
    book = make_book(SUBST.replace("aktifitas: aktivitas", "himbau: imbau")
                     .replace("Aktifitas warga meningkat.", "Himbau warga.")
                     .replace("Aktivitas warga meningkat.", "Imbau warga."))
    findings = Linter(book).lint_text("Warga dihimbau, himbau warga.").findings
    assert [f.text for f in findings] == ["himbau"]


def test_existence_affixes(uji_book):
    linter = Linter([uji_book.rules["netralitas.kampanye"]])
    found = [f.text for f in linter.lint_text("Dicoblos, mencoblos, pencoblosan.").findings]
    assert found == ["Dicoblos", "mencoblos", "pencoblosan"]


# -- case -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("found", "suggestion", "title", "expected"), [
    ("himbauan", "imbauan", False, "imbauan"),
    ("Himbauan", "imbauan", False, "Imbauan"),
    ("HIMBAU", "imbau", False, "IMBAU"),
    ("Walikota", "wali kota", False, "Wali kota"),
    ("Walikota", "wali kota", True, "Wali Kota"),
    ("walikota", "wali kota", True, "wali kota"),
    ("WALIKOTA", "wali kota", True, "WALI KOTA"),
    ("ramadhan", "Ramadan", False, "Ramadan"),
    ("Ramadhan", "Ramadan", False, "Ramadan"),
])
def test_match_case(found, suggestion, title, expected):
    assert match_case(found, suggestion, title) == expected


# -- other kinds: validation ----------------------------------------------------------------


@pytest.mark.parametrize(("rule", "needle"), [
    ("""
     id: x.limit
     kind: limit
     level: error
     message: "{count}/{max}"
     source: "uji"
     count: huruf
     max: 5
     examples: {bad: ["a"], good: ["b"]}
     """, "count"),
    ("""
     id: x.limit
     kind: limit
     level: error
     message: "{count}/{max}"
     source: "uji"
     count: characters
     mode: bytes
     max: 5
     examples: {bad: ["a"], good: ["b"]}
     """, "mode"),
    ("""
     id: x.metric
     kind: metric
     level: error
     message: "{value}"
     source: "uji"
     metric: kerumitan
     max: 5
     examples: {bad: ["a"], good: ["b"]}
     """, "metric"),
    ("""
     id: x.required
     kind: required
     level: error
     message: "{suggestion}"
     source: "uji"
     values_from: account.hashtags
     tokens: ["#a"]
     examples: {bad: ["a"], good: ["#a"]}
     """, "values_from"),
    ("""
     id: x.pattern
     kind: pattern
     level: error
     message: "{match}"
     source: "uji"
     pattern: 'abc'
     skip_entities: [tautan]
     examples: {bad: ["abc"], good: ["b"]}
     """, "skip_entities"),
])
def test_kind_specific_validation(tmp_path, rule, needle):
    err = load_error(tmp_path, {"a.yaml": rule_yaml(rule)})
    assert needle in err.message


def test_scopes_validated(tmp_path):
    text = rule_yaml(SUBST + "platforms: [instagram, friendster]\n")
    err = load_error(tmp_path, {"a.yaml": text})
    assert "friendster" in err.message
    assert err.line == line_of(text, "platforms")


# -- the bundled rulebook -------------------------------------------------------------------


def test_bundled_rules_have_source_and_examples(bundled_book):
    for rule in bundled_book:
        assert rule.source.strip(), rule.id
        assert rule.examples.bad and rule.examples.good, rule.id


def test_bundled_examples_behave_as_declared(bundled_book):
    from medsos_cli.lint.selftest import check_rule_examples

    for rule in bundled_book:
        check_rule_examples(rule)  # raises RulebookError naming the rule on failure


# -- the verified-rulebook cache ------------------------------------------------------------


def test_cache_reuses_and_invalidates(tmp_path, monkeypatch):
    from medsos_cli.lint import selftest as load_module

    folder = write_rulebook(tmp_path / "rb", {"baku.yaml": rule_yaml(SUBST)})
    first = load_rulebook(folder)
    calls = []
    real_check = load_module.check_rule_examples
    monkeypatch.setattr(load_module, "check_rule_examples",
                        lambda rule: (calls.append(rule.id), real_check(rule)))
    second = load_rulebook(folder)
    assert calls == []  # read back from the cache, examples not re-run
    assert list(second.rules) == list(first.rules)
    # a changed file is verified again, and a now-failing example refuses to load
    (folder / "baku.yaml").write_text(rule_yaml(SUBST.replace(
        'good: ["Aktivitas warga meningkat."]', 'good: ["Aktifitas warga naik."]')),
        encoding="utf-8")
    with pytest.raises(RulebookError, match="Aktifitas warga naik"):
        load_rulebook(folder)
    assert calls == ["baku.ejaan"]


def test_cache_sees_a_new_file(tmp_path):
    folder = write_rulebook(tmp_path / "rb", {"baku.yaml": rule_yaml(SUBST)})
    load_rulebook(folder)
    (folder / "rusak.yaml").write_text("rules: [\n", encoding="utf-8")
    with pytest.raises(RulebookError) as info:
        load_rulebook(folder)
    assert info.value.path.endswith("rusak.yaml")


def test_cache_sees_a_changed_parent(tmp_path):
    base, child = base_and_child(tmp_path, "extends: [../dasar]\n")
    assert "format.seru" in load_rulebook(child).rules
    (base / "seru.yaml").unlink()
    assert "format.seru" not in load_rulebook(child).rules


# -- pattern fixes (opt-in) and long examples ------------------------------------------------

RUPIAH = """
id: format.rupiah
kind: pattern
level: warning
message: "Tulis “{suggestion}”."
source: "EYD V"
pattern: '\\bRp\\.?[ \\t]+(\\d)'
replace: 'Rp\\1'
fix: true
examples:
  bad: ["Biaya Rp 5.000."]
  good: ["Biaya Rp5.000."]
"""


def test_pattern_fix_is_opt_in_and_fixable(tmp_path):
    book = load_rulebook(write_rulebook(tmp_path, {"a.yaml": rule_yaml(RUPIAH)}))
    findings = Linter(book).lint_text("Biaya Rp 5.000 dan Rp. 7.500").findings
    assert [(f.text, f.suggestions, f.fixable) for f in findings] == [
        ("Rp 5", ("Rp5",), True), ("Rp. 7", ("Rp7",), True)]
    plain = RUPIAH.replace("fix: true\n", "")
    book = load_rulebook(write_rulebook(tmp_path / "b", {"a.yaml": rule_yaml(plain)}))
    assert not any(f.fixable for f in Linter(book).lint_text("Biaya Rp 5.000").findings)


def test_pattern_fix_needs_replace(tmp_path):
    text = rule_yaml(RUPIAH.replace("replace: 'Rp\\1'\n", ""))
    err = load_error(tmp_path, {"a.yaml": text})
    assert "replace" in err.message and err.line == line_of(text, "fix: true")


def test_fix_that_does_not_settle_is_refused(tmp_path):
    # "Rp  5" -> "Rp 5": still a match, so --fix would change its own output.
    looping = RUPIAH.replace("replace: 'Rp\\1'", "replace: 'Rp \\1'")
    err = load_error(tmp_path, {"a.yaml": rule_yaml(looping)})
    assert "format.rupiah" in err.message and "--fix" in err.message


def test_repeat_examples_build_long_texts(tmp_path):
    limit = """
    id: platform.panjang
    kind: limit
    level: error
    message: "{count} dari {max}"
    source: "uji"
    count: characters
    max: 100
    examples:
      bad: [{repeat: "Halo warga.", times: 10, after: "#KotaContoh"}]
      good: [{repeat: "Halo warga.", times: 3}]
    """
    book = load_rulebook(write_rulebook(tmp_path, {"a.yaml": rule_yaml(limit)}))
    rule = next(iter(book))
    assert rule.examples.bad[0][0] == " ".join(["Halo warga."] * 10) + " #KotaContoh"
    assert rule.examples.good[0][0] == "Halo warga. Halo warga. Halo warga."


def test_bad_repeat_example_is_an_error(tmp_path):
    text = rule_yaml(SUBST.replace('bad: ["Aktifitas warga meningkat."]',
                                   'bad: [{repeat: "Aktifitas", times: "dua"}]'))
    err = load_error(tmp_path, {"a.yaml": text})
    assert "repeat" in err.message and err.line == line_of(text, "repeat")


def test_only_bundled_rules_skip_the_regex_time_limit(tmp_path):
    bundled = load_rulebook("default")
    if not len(bundled):
        pytest.skip("bundled rulebook is empty")
    assert all(rule.trusted for rule in bundled)
    own = load_rulebook(write_rulebook(tmp_path, {"a.yaml": rule_yaml(RUPIAH)}))
    assert not any(rule.trusted for rule in own)


def test_bundled_patterns_pass_the_backtracking_probe():
    """The bundled rulebook skips the probe at load time; this test runs it instead."""
    from medsos_cli.rulebook.kinds.pattern import _probe

    book = load_rulebook("default", use_cache=False)
    patterns = [(rule, p) for rule in book if rule.kind == "pattern"
                for p in [*rule.patterns, *([rule.prefilter] if rule.prefilter else [])]]
    if not patterns:
        pytest.skip("bundled rulebook has no pattern rules")
    for rule, pattern in patterns:
        _probe(pattern, pattern.pattern, rule.where, rule.id, rule.where.line)


# -- fixed: the text --fix must make of a bad example -----------------------------------------


FIXED_RULE = """
    id: baku.fix
    kind: substitution
    level: warning
    message: "Gunakan “{suggestion}”."
    source: "KBBI"
    swap: {aktifitas: aktivitas}
    examples:
      bad:
        - text: "Aktifitas warga meningkat."
          fixed: "Aktivitas warga meningkat."
      good: ["Aktivitas warga meningkat."]
    """


def test_fixed_example_is_checked(tmp_path):
    folder = write_rulebook(tmp_path / "rb", {"baku.yaml": rule_yaml(FIXED_RULE)})
    rule = load_rulebook(folder, use_cache=False).rules["baku.fix"]
    assert rule.examples.bad == [("Aktifitas warga meningkat.", rule.examples.bad[0][1])]
    assert rule.examples.fixed == {0: "Aktivitas warga meningkat."}


def test_wrong_fixed_example_refuses_the_rulebook(tmp_path):
    wrong = FIXED_RULE.replace('fixed: "Aktivitas warga', 'fixed: "Aktiviti warga')
    folder = write_rulebook(tmp_path / "rb", {"baku.yaml": rule_yaml(wrong)})
    with pytest.raises(RulebookError, match="bukan “Aktiviti warga meningkat.”"):
        load_rulebook(folder, use_cache=False)


def test_a_finding_carries_its_edit(linter):
    finding = next(f for f in linter.lint_text("Warga dihimbau datang.").findings if f.fixable)
    assert finding.edit is not None
    assert (finding.edit.offset, finding.edit.length) == (finding.offset, finding.length)
    assert finding.edit.replacement == finding.suggestions[0]


def test_installation_fingerprint_sees_models_and_lexicons_not_byte_code(tmp_path):
    from medsos_cli.cache import package_fingerprint

    package = tmp_path / "medsos_cli"
    (package / "understanding" / "__pycache__").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    model = package / "understanding" / "komentar.json"
    model.write_text('{"w": [1]}', encoding="utf-8")
    lexicon = package / "understanding" / "kelas.yaml"
    lexicon.write_text("aduan: [rusak]\n", encoding="utf-8")
    byte_code = package / "understanding" / "__pycache__" / "model.cpython-311.pyc"
    byte_code.write_bytes(b"\0")
    first = package_fingerprint(str(package))
    byte_code.write_bytes(b"\0\0\0")
    assert package_fingerprint(str(package)) == first
    model.write_text('{"w": [1, 2]}', encoding="utf-8")  # a model retrained in a checkout
    second = package_fingerprint(str(package))
    assert second != first
    lexicon.write_text("aduan: [rusak, mati]\n", encoding="utf-8")
    assert package_fingerprint(str(package)) != second
