"""``medsos rules list`` and ``medsos rules check``."""

from __future__ import annotations

import json
import shutil

from helpers import CLI_FIXTURES, UJI


def test_rules_list(invoke, scenario):
    scenario("bersih")
    result = invoke("rules", "list", "-r", str(UJI))
    assert result.exit_code == 0
    assert "Buku aturan: uji (23 aturan)" in result.stdout
    for rule_id in ("baku.ejaan", "platform.x.panjang", "akun.tagar-resmi"):
        assert rule_id in result.stdout
    assert result.stderr == ""


def test_rules_list_json(invoke, scenario, uji_book):
    scenario("bersih")
    result = invoke("rules", "list", "-r", str(UJI), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [r["id"] for r in data] == list(uji_book.rules)
    x = next(r for r in data if r["id"] == "platform.x.panjang")
    assert (x["kind"], x["level"], x["platforms"]) == ("limit", "error", ["x"])
    assert set(x) == {"id", "kind", "level", "platforms", "kinds", "source", "summary",
                      "message", "description"}
    assert "{" not in x["summary"]


def test_rules_list_applies_config_overrides(invoke, scenario):
    folder = scenario("bersih")
    (folder / "medsos.toml").write_text(
        '[lint]\ndisable = ["format.seru"]\n\n[lint.levels]\n"baku.ejaan" = "error"\n',
        encoding="utf-8")
    data = json.loads(invoke("rules", "list", "-r", str(UJI), "-f", "json").stdout)
    levels = {r["id"]: r["level"] for r in data}
    assert "format.seru" not in levels
    assert levels["baku.ejaan"] == "error"


def test_rules_list_bad_format(invoke, scenario):
    scenario("bersih")
    assert invoke("rules", "list", "-r", str(UJI), "-f", "xml").exit_code == 2


def test_rules_check_good(invoke, scenario, uji_book):
    scenario("bersih")
    result = invoke("rules", "check", str(UJI))
    assert result.exit_code == 0
    examples = sum(len(r.examples.bad) + len(r.examples.good) for r in uji_book)
    assert result.stdout == f"Buku aturan uji: 23 aturan sah, {examples} contoh sesuai.\n"


def test_rules_check_broken(invoke, scenario, tmp_path):
    scenario("bersih")
    broken = tmp_path / "rulebook-rusak"
    shutil.copytree(CLI_FIXTURES / "rulebook-rusak", broken)
    result = invoke("rules", "check", str(broken))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"medsos: {(broken / 'baku.yaml').resolve()}:7: ")
    assert "severity" in line
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_rules_check_failing_example_even_when_cached(invoke, scenario, tmp_path):
    scenario("bersih")
    book = tmp_path / "aturan"
    shutil.copytree(UJI, book)
    assert invoke("rules", "check", str(book)).exit_code == 0
    assert invoke("lint", "-", "-r", str(book), input="Halo").exit_code == 0  # fills the cache
    path = book / "pola.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'good: ["Biaya Rp5.000."]', 'good: ["Biaya Rp 5.000."]'), encoding="utf-8")
    result = invoke("rules", "check", str(book))
    assert result.exit_code == 2
    assert "format.rupiah" in result.stderr and "Biaya Rp 5.000." in result.stderr
    assert result.stderr.startswith(f"medsos: {path.resolve()}:")


def test_rules_check_uses_configured_rulebooks(invoke, scenario):
    folder = scenario("bersih")
    (folder / "medsos.toml").write_text(f'[lint]\nrulebooks = ["{UJI.as_posix()}"]\n',
                                        encoding="utf-8")
    result = invoke("rules", "check")
    assert result.exit_code == 0
    assert result.stdout.startswith("Buku aturan uji: 23 aturan sah")


def test_rules_check_bundled(invoke, scenario, bundled_book):
    scenario("bersih")
    result = invoke("rules", "check", "default")
    assert result.exit_code == 0, result.stderr
    assert f"{len(bundled_book)} aturan sah" in result.stdout


def test_rules_without_subcommand_shows_help(invoke):
    result = invoke("rules")
    assert "list" in result.stdout + result.stderr
    assert "check" in result.stdout + result.stderr
