"""The recipes of docs/architecture.md, each followed for a toy one: the files the page names
are the only ones touched, and the new thing works end to end."""

from __future__ import annotations

import shutil
import sys
import types

from helpers import FIXTURES, rule_yaml, write_rulebook

from medsos_cli import fieldspec as fs
from medsos_cli import formats
from medsos_cli.config import load_config
from medsos_cli.drafting import lock
from medsos_cli.drafting.draft import draft
from medsos_cli.formats.report import LintReport
from medsos_cli.lint.engine import Linter
from medsos_cli.lint.rulebooks import load_rulebook
from medsos_cli.platforms import BY_NAME, LABELS, PLATFORMS, REPORT_PLATFORMS, TABLE
from medsos_cli.rulebook import kinds
from medsos_cli.rulebook.model import Context, Hit, Rule
from medsos_cli.weekly.model import WeeklyReport


class LongWordRule(Rule):
    """A toy kind: words longer than ``max`` letters."""

    kind = "kata-panjang"
    FIELDS = Rule.FIELDS + fs.Spec(fs.integer("max", low=1, required=True))

    def setup(self, v, data):
        self.max = v["max"]

    def check(self, doc, ctx: Context) -> list[Hit]:
        return [Hit(w.start, w.end - w.start, doc.text[w.start:w.end])
                for w in doc.words if w.end - w.start > self.max]


TOY_RULE = """
id: toy.kata-panjang
kind: kata-panjang
level: suggestion
message: "Kata “{match}” panjang sekali; pecah atau ganti."
summary: "Kata yang sangat panjang."
source: "uji resep"
max: 12
examples:
  bad: ["Pertanggungjawabannya sudah diserahkan."]
  good: ["Laporan sudah diserahkan."]
"""


def test_recipe_rule_kind(tmp_path, monkeypatch):
    monkeypatch.setitem(kinds.KINDS, LongWordRule.kind, LongWordRule)
    folder = write_rulebook(tmp_path / "rb", {"panjang.yaml": rule_yaml(TOY_RULE)})
    book = load_rulebook(folder)  # the rule's examples run at load
    result = Linter(book).lint_text("Mempertanggungjawabkan anggaran itu wajib.")
    assert [(f.rule, f.text) for f in result.findings] == [
        ("toy.kata-panjang", "Mempertanggungjawabkan")]


def test_recipe_rule_kind_refuses_bad_field_with_line(tmp_path, monkeypatch):
    monkeypatch.setitem(kinds.KINDS, LongWordRule.kind, LongWordRule)
    folder = write_rulebook(tmp_path / "rb",
                            {"panjang.yaml": rule_yaml(TOY_RULE.replace("max: 12", "max: dua"))})
    try:
        load_rulebook(folder)
    except Exception as exc:  # noqa: BLE001 - the type is asserted below
        assert type(exc).__name__ == "RulebookError"
        assert "“max” harus bilangan bulat positif" in str(exc)
        assert exc.line == 8
    else:
        raise AssertionError("the toy kind accepted a bad field")


def test_recipe_lint_output_format(monkeypatch):
    module = types.ModuleType("medsos_cli.formats.toy_format")
    module.render = lambda report: "".join(f"{r.path} {len(r.findings)}\n"
                                           for r in report.results)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(formats, "FORMAT_NAMES", (*formats.FORMAT_NAMES, "toy"))
    from medsos_cli.lint.run import build_rulebook

    linter = Linter(build_rulebook(load_config(None, search=False)))
    result = linter.lint_text("Dihimbau warga datang.", path="takarir.txt")
    assert formats.renderer("toy")(LintReport([result])) == "takarir.txt 1\n"


def test_recipe_content_type(tmp_path):
    folder = tmp_path / "kerja"
    shutil.copytree(FIXTURES / "drafting", folder)
    toy = folder / "templates" / "info-singkat"
    toy.mkdir()
    (toy / "schema.yaml").write_text(
        "name: info-singkat\ntitle: Info singkat\ndescription: Satu kabar pendek.\nversion: 1\n"
        "platforms: [instagram]\nfields:\n  - name: kabar\n    type: text\n"
        "    description: Kabarnya, satu kalimat.\n    max_length: 120\n"
        "    example: Pasar malam dibuka Sabtu ini\n", encoding="utf-8")
    (toy / "instagram.j2").write_text('{{ kabar }}.\n\n{{ akun.tagar | join(" ") }}\n',
                                      encoding="utf-8")
    config = load_config(folder / "medsos.toml")
    lock.lock(folder / "templates", "Penguji", ["info-singkat"])
    result = draft("info-singkat", "instagram", {"kabar": "Pasar malam dibuka Sabtu ini"},
                   config)
    assert result.results[0].text.startswith("Pasar malam dibuka Sabtu ini.")
    assert result.results[0].text.rstrip().endswith("#KotaContoh")


def test_recipe_platform_table_feeds_every_list():
    """A platform is one row: the lists every layer uses are derived from TABLE."""
    assert PLATFORMS == tuple(p.name for p in TABLE)
    assert set(REPORT_PLATFORMS) == {p.name for p in TABLE if p.report_rank is not None}
    assert [BY_NAME[p].report_rank for p in REPORT_PLATFORMS] == sorted(
        BY_NAME[p].report_rank for p in REPORT_PLATFORMS)
    assert LABELS["youtube"] == "YouTube" and LABELS["x"] == "X"
    from medsos_cli.exports.logs import PLATFORM_ALIASES
    from medsos_cli.weekly import charts, fmt, metrics

    assert PLATFORM_ALIASES["twitter"] == "x" and PLATFORM_ALIASES["ig"] == "instagram"
    assert metrics.PLATFORM_ORDER == REPORT_PLATFORMS
    assert fmt.PLATFORM_LABELS is LABELS
    assert set(charts.PLATFORM_STYLE) == set(REPORT_PLATFORMS)


def test_recipe_report_output_format(monkeypatch):
    """A weekly/roll-up format is one row of weekly/formats.py: the report renders through it."""
    import json

    from medsos_cli.weekly import formats as report_formats
    from medsos_cli.weekly.run import render

    module = types.ModuleType("medsos_cli_toy_report")
    module.render = lambda report: f"{report.week};{len(report.platforms)}\n"  # typed
    monkeypatch.setitem(sys.modules, module.__name__, module)
    toy = report_formats.ReportFormat("csv", "csv", f"{module.__name__}:render",
                                      f"{module.__name__}:render")
    monkeypatch.setitem(report_formats.BY_NAME, "csv", toy)
    data = json.loads((FIXTURES / "weekly" / "report.json").read_text(encoding="utf-8"))
    report = WeeklyReport.from_dict(data)
    assert render(report, "csv") == f"{data['week']};{len(data['platforms'])}\n"
    assert render(report, "json").startswith("{")  # the real rows are untouched


def test_recipe_export_format(tmp_path, monkeypatch):
    """An export format is one entry of the format table (exports/headers.yaml) plus a reader
    function in exports/: a file with its header is recognised and read, by header alone."""
    import dataclasses

    from medsos_cli.exports import formats as export_formats
    from medsos_cli.exports import numbers, sniff
    from medsos_cli.exports.common import daily_values
    from medsos_cli.exports.model import ImportResult
    from medsos_cli.exports.reader import read_export

    def read_toy(table, tz):
        result = ImportResult(table.path, table.format, warnings=list(table.warnings))
        return daily_values(table, result, "instagram", "reach", numbers.parse_iso_day, "reach")

    module = types.ModuleType("medsos_cli.exports.toy")
    module.read_toy = read_toy
    monkeypatch.setitem(sys.modules, module.__name__, module)
    real = export_formats.registry()
    toy = export_formats.ExportFormat(
        key="toy_reach", name="toy_reach", family="toy", label="ekspor jangkauan uji",
        required=frozenset({"date", "reach", "toy account"}), platform="instagram",
        reader="toy:read_toy")
    with_toy = dataclasses.replace(real, formats=[toy, *real.formats])
    monkeypatch.setattr(sniff, "registry", lambda aliases=None: with_toy)
    path = tmp_path / "apa-saja.csv"  # the name says nothing: the header decides
    path.write_text("Date,Reach,Toy account\n2026-11-16,1200,uji\n2026-11-17,900,uji\n",
                    encoding="utf-8")
    result = read_export(path)
    assert result.format == "toy_reach"
    assert [(d.platform, d.metric, d.day.isoformat(), d.value) for d in result.daily] == [
        ("instagram", "reach", "2026-11-16", 1200), ("instagram", "reach", "2026-11-17", 900)]


def test_recipe_weekly_report_field():
    """A field of the weekly report is one dataclass field in weekly/model.py: the JSON writes
    it where it is declared, under its own name or the key its metadata gives, and reads it
    back."""
    from dataclasses import dataclass, field

    from medsos_cli.weekly import model

    @dataclass
    class ToyBasis(model.ComparisonBasis):
        toy_count: int = 0
        toy_class: str = field(default="", metadata={"json": "class"})

    toy = ToyBasis("lifetime_at_export", "teks", 3, "uji")
    assert list(model._encode(toy).items()) == [("basis", "lifetime_at_export"),
                                                ("text", "teks"), ("toy_count", 3),
                                                ("class", "uji")]
    assert model.decode(ToyBasis, model._encode(toy)) == toy
    assert model.decode(ToyBasis, {"basis": "b"}) == ToyBasis("b", "", 0, "")
