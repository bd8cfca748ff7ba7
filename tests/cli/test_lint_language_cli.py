"""``medsos lint`` with the language rules: findings, --fix, [lint.vocabulary], bad config."""

from __future__ import annotations


def test_typo_finding_then_fix_of_mechanics(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    caption = tmp_path / "takarir.txt"
    caption.write_text("Pelatihan untuk untuk admin. silakan daftar 1 s/d 5 Juni di pelyanan "
                       "terpadu.\n", encoding="utf-8")
    result = invoke("lint", "takarir.txt", "--fail-on", "warning")
    assert result.exit_code == 1
    assert "ejaan.kamus" in result.stdout and "pelayanan" in result.stdout
    assert "eyd.kata-berulang" in result.stdout
    result = invoke("lint", "takarir.txt", "--fix", "--fail-on", "none")
    assert result.exit_code == 0
    fixed = caption.read_text(encoding="utf-8")
    assert fixed.startswith("Pelatihan untuk admin. Silakan daftar 1 s.d. 5 Juni")
    assert "pelyanan" in fixed  # a spelling suggestion is not applied without a human


def test_vocabulary_accept_silences_a_word(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "takarir.txt").write_text("Sugeng rawuh, warga gumregah!\n", encoding="utf-8")
    before = invoke("lint", "takarir.txt", "--fail-on", "suggestion")
    assert "“gumregah”" in before.stdout
    (tmp_path / "medsos.toml").write_text('[lint.vocabulary]\naccept = ["gumregah", "rawuh"]\n',
                                          encoding="utf-8")
    after = invoke("lint", "takarir.txt", "--fail-on", "suggestion")
    assert "“gumregah”" not in after.stdout and "“rawuh”" not in after.stdout


def test_bad_vocabulary_is_a_config_error(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "takarir.txt").write_text("Halo warga.\n", encoding="utf-8")
    (tmp_path / "medsos.toml").write_text('[lint.vocabulary]\naccept = "Sobat"\nizin = 1\n',
                                          encoding="utf-8")
    result = invoke("lint", "takarir.txt")
    assert result.exit_code == 2
    assert "medsos.toml" in result.output
