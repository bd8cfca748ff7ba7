"""The declared-field reader: each kind's checks, defaults, unknown keys, and the line of each
error (YAML mappings carry lines; a plain dict from TOML takes a ``line_of``)."""

from __future__ import annotations

import pytest
from helpers import rule_yaml, write_rulebook

from medsos_cli import fieldspec as fs
from medsos_cli.errors import ConfigError, RulebookError
from medsos_cli.lint.rulebooks import load_rulebook
from medsos_cli.rulebook.kinds import KINDS
from medsos_cli.rulebook.regex_budget import regex_field
from medsos_cli.yamlio import load_yaml_text

SPEC = fs.Spec(
    fs.choice("mode", ("chars", "graphemes"), default="chars"),
    fs.integer("max", low=0),
    fs.integer("size", low=1, default=3),
    fs.number("ratio", low=0, high=1, low_open=True, high_open=True),
    fs.number("limit"),
    fs.string("name", required=True),
    fs.strings("tags"),
    fs.strings("words", min_items=1, item="kata"),
    fs.strings("where", choices=("url", "email")),
    fs.flag("fix", True),
    fs.mapping("swap", what="pasangan bentuk → saran"),
    fs.flag("ignorecase", False),
    regex_field("pattern", many=True, ignorecase="ignorecase", nonempty=True),
)


class Problem(Exception):
    def __init__(self, message, line):
        super().__init__(f"{line}: {message}")
        self.message, self.line = message, line


def read(text: str, spec: fs.Spec = SPEC, **options):
    data = load_yaml_text(text, "uji.yaml")
    return spec.read(data, Problem, options=options)


def problem(text: str, spec: fs.Spec = SPEC) -> Problem:
    with pytest.raises(Problem) as info:
        read(text, spec)
    return info.value


BASE = "name: contoh\nwords: [satu]\n"


def test_defaults_and_values():
    values = read(BASE + "tags: tunggal\nmax: 0\nratio: 0.5\npattern: 'ab+'\n")
    assert values["mode"] == "chars" and values["size"] == 3 and values["fix"] is True
    assert values["tags"] == ["tunggal"]  # one text counts as a list of one
    assert values["where"] == [] and values["limit"] is None and values["swap"] is None
    assert values["max"] == 0 and values["ratio"] == 0.5
    assert [p.pattern for p in values["pattern"]] == ["ab+"]


def test_defaults_are_not_shared_between_reads():
    first = read(BASE)
    first["tags"].append("x")
    assert read(BASE)["tags"] == []


@pytest.mark.parametrize(("extra", "line", "message"), [
    ("mode: bytes\n", 3, "mode “bytes” tidak dikenal; pilih chars atau graphemes"),
    ("max: -1\n", 3, "“max” harus bilangan bulat ≥ 0"),
    ("max: true\n", 3, "“max” harus bilangan bulat ≥ 0"),
    ("size: 0\n", 3, "“size” harus bilangan bulat positif"),
    ("ratio: 1\n", 3, "“ratio” harus angka di antara 0 dan 1"),
    ("limit: .inf\n", 3, "“limit” harus berupa angka"),
    ("limit: dua\n", 3, "“limit” harus berupa angka"),
    ("tags: [a, 2]\n", 3, "“tags” harus berupa daftar teks"),
    ("where: [url, tautan]\n", 3, "nilai “tautan” pada “where” tidak dikenal; pilih url atau "
                                  "email"),
    ("fix: ya\n", 3, "“fix” harus true atau false"),
    ("swap: [a]\n", 3, "“swap” harus berupa pasangan bentuk → saran"),
    ("pattern: 'a{5000}'\n", 3, "ekspresi reguler ditolak: pengulangan {5000} terlalu besar"),
    ("pattern: '(a'\n", 3, "ekspresi reguler tidak sah"),
    ("pattern: ['ok', 'x*']\n", 3, "pola “x*” cocok dengan teks kosong"),
    ("pattern: '(a+)+$'\n", 3, "pola “(a+)+$” terlalu lambat pada masukan uji"),
])
def test_each_kind_refuses_a_wrong_value_at_its_line(extra, line, message):
    err = problem(BASE + extra)
    assert err.line == line
    assert err.message.startswith(message), err.message


def test_required_fields():
    assert problem("words: [satu]\n").message == "“name” wajib diisi teks"
    assert problem("name: '  '\nwords: [a]\n").message == "“name” wajib diisi teks"
    err = problem("name: contoh\nwords: []\n")
    assert err.message == "“words” wajib berisi sedikitnya satu kata" and err.line == 2


def test_null_counts_as_not_given():
    assert read(BASE + "mode:\nfix:\n")["mode"] == "chars"


def test_unknown_key_first_with_close_match_and_line():
    err = problem("name: contoh\nwords: [a]\nmax: -5\nigorecase: true\n")
    assert err.line == 4
    assert err.message.startswith("kunci “igorecase” tidak dikenal (mungkin maksud Anda "
                                  "“ignorecase”); yang sah: fix, ignorecase, limit, max,")


def test_regex_flags_follow_a_flag_read_before():
    values = read(BASE + "ignorecase: true\npattern: 'abc'\n")
    assert values["pattern"][0].search("ABC")


def test_probe_can_be_switched_off_by_the_reader():
    values = read(BASE + "pattern: '(a+)+$'\n", probe=False)
    assert values["pattern"][0].pattern == "(a+)+$"


def test_plain_dict_with_line_finder():
    spec = fs.Spec(fs.integer("sla_hours", low=1))
    with pytest.raises(ConfigError) as info:
        spec.read({"sla_hours": 0}, lambda m, line: ConfigError(m, "medsos.toml", line),
                  line_of=lambda key: 7)
    assert str(info.value) == "medsos.toml:7: “sla_hours” harus bilangan bulat positif"


def test_converter_error_names_its_own_line():
    def positive_keys(value, values, options):
        for key in value:
            if not key.isalpha():
                raise fs.FieldError(f"kunci “{key}” harus huruf", value.line_of(key))
        return dict(value)

    spec = fs.Spec(fs.mapping("swap", convert=positive_keys))
    err = problem("swap:\n  abc: x\n  a1: y\n", spec)
    assert (err.line, err.message) == (3, "kunci “a1” harus huruf")


def test_unknown_field_kind_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown field kind"):
        fs.Field("x", "date")


def test_every_rule_kind_declares_its_fields():
    for name, cls in KINDS.items():
        assert cls.kind == name
        assert {"id", "kind", "level", "message", "source", "examples"} <= cls.FIELDS.names
        assert cls.KEYS == cls.FIELDS.names


RULE = """
id: uji.batas
kind: limit
level: warning
message: "Terlalu panjang: {count}."
source: "uji"
count: characters
max: 10
examples: {bad: ["Teks yang terlalu panjang."], good: ["Pendek."]}
"""


@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ("max: 10", "max: 10\nmaxx: 3", "maxx", "aturan uji.batas: kunci “maxx” tidak dikenal untuk "
                                            "kind limit (mungkin maksud Anda “max”)"),
    ("count: characters", "count: huruf", "count",
     "aturan uji.batas: count “huruf” tidak dikenal; pilih characters,"),
    ("max: 10", "max: -3", "max", "aturan uji.batas: “max” harus bilangan bulat ≥ 0"),
    ("level: warning", "level: Warning", None, None),  # case-insensitive, as before
])
def test_rule_errors_name_rule_key_and_line(tmp_path, old, new, needle, message):
    text = rule_yaml(RULE.replace(old, new))
    folder = write_rulebook(tmp_path / "rb", {"a.yaml": text})
    if needle is None:
        assert load_rulebook(folder, use_cache=False).rules["uji.batas"].level.label == "warning"
        return
    with pytest.raises(RulebookError) as info:
        load_rulebook(folder, use_cache=False)
    err = info.value
    assert err.message.startswith(message), err.message
    expected = next(i for i, line in enumerate(text.splitlines(), 1)
                    if line.strip().startswith(needle + ":"))
    assert err.line == expected and err.path.endswith("a.yaml")


SWAP_RULE = """
id: uji.baku
kind: substitution
level: warning
message: "Gunakan “{suggestion}”."
source: "uji"
swap:
  aktifitas: aktivitas
  analisa:
    to: analisis
    sumber: KBBI
examples: {bad: ["Aktifitas naik."], good: ["Aktivitas naik."]}
"""


def test_swap_entry_mapping_is_declared_too(tmp_path):
    text = rule_yaml(SWAP_RULE)
    folder = write_rulebook(tmp_path / "rb", {"a.yaml": text})
    with pytest.raises(RulebookError) as info:
        load_rulebook(folder, use_cache=False)
    err = info.value
    assert err.message.startswith("aturan uji.baku: swap “analisa”: kunci “sumber” tidak dikenal "
                                  "pada swap; yang sah: hint, source, to"), err.message
    assert err.line == next(i for i, line in enumerate(text.splitlines(), 1)
                            if "sumber:" in line)
    fixed = rule_yaml(SWAP_RULE.replace("sumber: KBBI", "source: 5"))
    folder = write_rulebook(tmp_path / "rb2", {"a.yaml": fixed})
    with pytest.raises(RulebookError, match="swap “analisa”: “source” harus berupa teks"):
        load_rulebook(folder, use_cache=False)
