"""Output formats: the JSON contract, SARIF 2.1.0, GitHub annotations and text."""

from __future__ import annotations

import json
import re

import pytest
from helpers import ACCOUNT

from medsos_cli.config import Exemption
from medsos_cli.errors import InputError
from medsos_cli.findings import Finding, Level
from medsos_cli.formats import FORMAT_NAMES, renderer
from medsos_cli.formats.report import LintReport
from medsos_cli.lint.engine import Exemptions, FileResult, Linter
from medsos_cli.rulebook.model import Context

CAPTION = "🎉🇮🇩 Selamat HUT Kota!\n👨‍👩‍👧 Warga dihimbau hadir di Alun-alun 🙏 #HUTKota"


def report_for(linter, items, rules=()) -> LintReport:
    results = []
    for path, text, kw in items:
        result = linter.lint_text(text, path=path, **kw)
        result.metrics = result.document.metrics
        results.append(result)
    return LintReport(results=results, rules=list(rules), tool_version="9.9.9")


@pytest.fixture
def report(linter, uji_book):
    return report_for(linter, [("konten/hut.txt", CAPTION, {"platform": "instagram"})],
                      uji_book)


# -- JSON -----------------------------------------------------------------------------------

# docs/json-output.md, contract version 1 (fields may only be added within a version).
FILE_KEYS = {"path", "platform", "kind", "findings", "metrics", "exempted"}
FINDING_KEYS = {"rule", "level", "message", "line", "column", "end_line", "end_column",
                "offset", "length", "text", "suggestions", "fixable", "source"}
SUMMARY_KEYS = {"files", "errors", "warnings", "suggestions", "input_errors", "exempted"}
METRIC_KEYS = {"words", "sentences", "syllables", "words_per_sentence", "syllables_per_word",
               "long_word_share", "reading_ease", "caps_share"}


def test_json_contract_keys(report):
    data = json.loads(renderer("json")(report))
    assert set(data) == {"version", "files", "summary"}
    assert data["version"] == 1
    (entry,) = data["files"]
    assert set(entry) == FILE_KEYS
    assert set(entry["metrics"]) == METRIC_KEYS
    assert entry["findings"]
    for finding in entry["findings"]:
        assert set(finding) == FINDING_KEYS
        assert finding["level"] in ("error", "warning", "suggestion")
        assert isinstance(finding["suggestions"], list)
        assert all(isinstance(finding[k], int) for k in (
            "line", "column", "end_line", "end_column", "offset", "length"))
    assert set(data["summary"]) == SUMMARY_KEYS


def test_json_exempted_entries(uji_book):
    data = json.loads(renderer("json")(exempted_report(uji_book)))
    (entry,) = data["files"]
    (ex,) = entry["exempted"]
    assert set(ex) == FINDING_KEYS | {"reason", "approved_by"}
    assert (ex["rule"], ex["text"], ex["reason"]) == ("baku.gabungan", "Walikota",
                                                      "nama jabatan resmi")
    assert "baku.gabungan" not in [f["rule"] for f in entry["findings"]]
    assert data["summary"]["exempted"] == 1


def test_json_values(report):
    data = json.loads(renderer("json")(report))
    (entry,) = data["files"]
    assert (entry["path"], entry["platform"], entry["kind"]) == (
        "konten/hut.txt", "instagram", "caption")
    by_rule = {f["rule"]: f for f in entry["findings"]}
    f = by_rule["baku.ejaan"]
    assert (f["level"], f["text"], f["suggestions"], f["line"]) == (
        "warning", "dihimbau", ["diimbau"], 2)
    assert f["source"] == "KBBI Daring, Badan Pengembangan dan Pembinaan Bahasa"
    assert entry["metrics"]["words"] == report.results[0].metrics["words"]
    counts = {lvl: sum(1 for x in entry["findings"] if x["level"] == lvl)
              for lvl in ("error", "warning", "suggestion")}
    assert data["summary"]["files"] == 1
    assert data["summary"]["errors"] == counts["error"]
    assert data["summary"]["warnings"] == counts["warning"] == 2  # dihimbau + required tag
    assert data["summary"]["suggestions"] == counts["suggestion"]


def test_json_offsets_are_code_points(report):
    data = json.loads(renderer("json")(report))
    for f in data["files"][0]["findings"]:
        assert CAPTION[f["offset"]:f["offset"] + f["length"]] == f["text"]
    f = next(f for f in data["files"][0]["findings"] if f["rule"] == "baku.ejaan")
    line2 = CAPTION.split("\n")[1]
    assert f["column"] == line2.index("dihimbau") + 1  # 👨‍👩‍👧 is 5 code points
    assert f["end_column"] - f["column"] == len("dihimbau")


def test_json_keeps_non_ascii(report):
    out = renderer("json")(report)
    assert "“diimbau”" in out and "\\u201c" not in out


def test_json_error_and_notice_entries():
    results = [FileResult("rusak.txt", error=InputError("berkas biner", "rusak.txt", 3)),
               FileResult("kosong.txt", notice="berkas kosong")]
    data = json.loads(renderer("json")(LintReport(results)))
    assert data["files"][0]["error"] == {"message": "berkas biner", "line": 3}
    assert data["files"][1]["notice"] == "berkas kosong"
    assert data["summary"]["input_errors"] == 1


# -- SARIF ----------------------------------------------------------------------------------


def exempted_report(uji_book):
    ex = Exemption(rule="baku.gabungan", reason="nama jabatan resmi", approved_by="Kabag Humas",
                   text="Walikota")
    linter = Linter(uji_book, Context(account=ACCOUNT), Exemptions([ex]))
    return report_for(linter, [("a.txt", "Walikota hadir!! Warga dihimbau datang.", {})],
                      uji_book)


def test_sarif_structure(uji_book):
    data = json.loads(renderer("sarif")(exempted_report(uji_book)))
    assert data["version"] == "2.1.0"
    assert "sarif" in data["$schema"] and data["$schema"].startswith("https://")
    (run,) = data["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "medsos" and driver["version"] == "9.9.9"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert rule_ids == list(uji_book.rules)
    for result in run["results"]:
        assert result["ruleId"] in rule_ids
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert region["endColumn"] >= region["startColumn"] or region["endLine"] > region[
            "startLine"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.txt"


def test_sarif_levels_and_suppressions(uji_book):
    data = json.loads(renderer("sarif")(exempted_report(uji_book)))
    results = {r["ruleId"]: r for r in data["runs"][0]["results"]}
    assert results["format.seru"]["level"] == "note"  # suggestion -> note
    assert results["baku.ejaan"]["level"] == "warning"
    assert results["akun.tagar-resmi"]["level"] == "warning"
    suppressed = results["baku.gabungan"]
    (s,) = suppressed["suppressions"]
    assert s["kind"] == "external"
    assert "nama jabatan resmi" in s["justification"] and "Kabag Humas" in s["justification"]
    assert "suppressions" not in results["baku.ejaan"]
    levels = {r["id"]: r["defaultConfiguration"]["level"]
              for r in data["runs"][0]["tool"]["driver"]["rules"]}
    assert levels["netralitas.kampanye"] == "error"
    assert levels["birokrasi.frasa"] == "note"


def test_sarif_fix_only_for_fixable(uji_book):
    data = json.loads(renderer("sarif")(exempted_report(uji_book)))
    results = {r["ruleId"]: r for r in data["runs"][0]["results"]}
    (fix,) = results["baku.ejaan"]["fixes"]
    (change,) = fix["artifactChanges"]
    (rep,) = change["replacements"]
    text = "Walikota hadir!! Warga dihimbau datang."
    assert rep["deletedRegion"] == {"charOffset": text.index("dihimbau"), "charLength": 8}
    assert rep["insertedContent"] == {"text": "diimbau"}
    assert "fixes" not in results["format.seru"]


def test_sarif_input_error_notification():
    report = LintReport([FileResult("rusak.txt", error=InputError("biner", "rusak.txt"))])
    run = json.loads(renderer("sarif")(report))["runs"][0]
    (inv,) = run["invocations"]
    assert inv["executionSuccessful"] is False
    assert inv["toolExecutionNotifications"][0]["message"]["text"] == "biner"


# -- GitHub annotations ---------------------------------------------------------------------


def handmade(message="Pesan", path="a.txt", rule="uji.aturan", level=Level.WARNING,
             suggestions=()) -> LintReport:
    f = Finding(offset=0, length=1, rule=rule, level=level, message=message, text="x",
                suggestions=suggestions, line=2, column=3, end_line=2, end_column=4)
    return LintReport([FileResult(path, findings=[f])])


def test_github_annotation_line():
    out = renderer("github")(handmade(suggestions=("diimbau",)))
    assert out == ("::warning file=a.txt,line=2,col=3,endLine=2,endColumn=4,title=uji.aturan"
                   "::Pesan Saran: diimbau\n")


def test_github_escaping():
    out = renderer("github")(handmade(message="50% naik\r\nbaris baru", path="a,b:c.txt"))
    assert out.count("\n") == 1  # one annotation, one line
    assert "file=a%2Cb%3Ac.txt," in out
    assert out.rstrip("\n").endswith("::50%25 naik%0D%0Abaris baru")


@pytest.mark.parametrize(("level", "command"), [
    (Level.ERROR, "error"), (Level.WARNING, "warning"), (Level.SUGGESTION, "notice")])
def test_github_level_commands(level, command):
    assert renderer("github")(handmade(level=level)).startswith(f"::{command} ")


def test_github_input_error():
    report = LintReport([FileResult("a.txt", error=InputError("bukan UTF-8", "a.txt", 4))])
    assert renderer("github")(report) == "::error file=a.txt,line=4,title=medsos::bukan UTF-8\n"


def test_github_empty_report():
    assert renderer("github")(LintReport([])) == ""


# -- text -----------------------------------------------------------------------------------


def test_text_has_locations_and_summary(report):
    out = renderer("text")(report)
    result = report.results[0]
    for f in result.findings:
        assert f"konten/hut.txt:{f.line}:{f.column} " in out
    assert "\x1b[" not in out  # no colour unless asked
    last = out.strip().splitlines()[-1]
    n = len(result.findings)
    assert re.fullmatch(rf"✖ {n} temuan \(\d+ galat, \d+ peringatan, \d+ saran\) dalam 1 berkas",
                        last)


def test_text_marks_the_match_under_the_line(linter):
    text = "Warga dihimbau datang. #KotaContoh"
    out = renderer("text")(report_for(linter, [("a.txt", text, {})]))
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if line.endswith(text))
    caret = lines[i + 1]
    gutter = lines[i].index(text)
    assert caret[gutter:].index("^") == text.index("dihimbau")
    assert caret.count("^") == len("dihimbau")


def test_text_clean_summary(linter):
    out = renderer("text")(report_for(linter, [("a.txt", "Halo warga. #KotaContoh", {})]))
    assert out == "✔ 0 temuan (0 galat, 0 peringatan, 0 saran) dalam 1 berkas\n"


def test_text_keeps_markup_like_text(linter):
    text = "Warga dihimbau [error] [bold]tebal[/bold] #KotaContoh"
    out = renderer("text")(report_for(linter, [("a.txt", text, {})]))
    assert text in out.splitlines()[1]
    assert "[error]" in out and "[bold]tebal[/bold]" in out


def test_text_shows_a_window_of_a_long_line(linter):
    """A long line is cut to ±40 characters around the match, with the marker under it."""
    long_line = "sangat " * 60 + "warga dihimbau datang " + "sangat " * 60 + "#KotaContoh"
    out = renderer("text")(report_for(linter, [("a.txt", long_line, {})]))
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if "dihimbau" in line and "|" in line)
    shown, caret = lines[i], lines[i + 1]
    assert shown.count("…") == 2 and len(shown) < 2 * 40 + 30
    assert caret.index("^") == shown.index("dihimbau") and caret.count("^") == len("dihimbau")


def test_text_markers_follow_display_width(linter):
    """Wide characters and emoji take two columns: the marker still sits under the match."""
    from medsos_cli.formats.text_format import cell_width

    assert cell_width("ab") == 2 and cell_width("日本") == 4 and cell_width("👍") == 2
    assert cell_width("e\u0301") == 1
    text = "日本 👍 Warga dihimbau datang. #KotaContoh"
    out = renderer("text")(report_for(linter, [("a.txt", text, {})]))
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if line.endswith(text))
    caret = lines[i + 1]
    gutter = lines[i].index(text)
    assert caret.index("^") - gutter == cell_width(text[:text.index("dihimbau")])


def test_text_color_only_changes_escape_codes(report):
    plain = renderer("text")(report)
    colored = renderer("text")(report, color=True)
    assert "\x1b[" in colored
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == plain


def test_text_notice_exemption_and_error_counts(uji_book):
    report = exempted_report(uji_book)
    report.results.append(FileResult("kosong.txt", notice="berkas kosong"))
    report.results.append(FileResult("rusak.txt", error=InputError("biner", "rusak.txt")))
    out = renderer("text")(report)
    assert "kosong.txt: berkas kosong" in out
    assert "dikecualikan baku.gabungan: nama jabatan resmi (disetujui: Kabag Humas)" in out
    assert out.rstrip().endswith("1 berkas tidak dapat diperiksa; 1 dikecualikan")


def test_format_names():
    assert FORMAT_NAMES == ("text", "json", "sarif", "github")
    with pytest.raises(ValueError):
        renderer("xml")
