"""``medsos templates init`` and the refusal to lock inside the installed package."""

from __future__ import annotations

import sysconfig
from pathlib import Path

import yaml

from medsos_cli.drafting.catalog import Catalog, bundled_templates_path
from medsos_cli.drafting.lock import LOCK_FILE, package_folder_reason, verify


def test_init_copies_every_bundled_type_with_its_own_lock(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("templates", "init", "templat-instansi", "--approved-by", "Kabid  IKP")
    assert result.exit_code == 0, result.stderr
    target = tmp_path / "templat-instansi"
    bundled = Catalog(bundled_templates_path()).names()
    assert Catalog(target).names() == bundled and len(bundled) >= 10
    assert not (target / "report").exists()  # the weekly report's HTML is not a draft template
    assert verify(target) == []
    lock = yaml.safe_load((target / LOCK_FILE).read_text(encoding="utf-8"))
    assert {e["approved_by"] for e in lock["templates"].values()} == {"Kabid IKP"}
    # The user is told how to point medsos at the folder.
    assert '[draft]\ntemplates = "templat-instansi"' in result.stdout
    assert "medsos templates lock --approved-by NAMA" in result.stdout
    # Pointed at it, draft and verify use the institution's folder.
    (tmp_path / "medsos.toml").write_text('[draft]\ntemplates = "templat-instansi"\n',
                                          encoding="utf-8")
    checked = invoke("templates", "verify")
    assert checked.exit_code == 0, checked.stdout
    assert str(target) in checked.stdout


def test_init_relative_to_the_found_config(invoke, tmp_path, monkeypatch):
    (tmp_path / "medsos.toml").write_text('[account]\nname = "Diskominfo"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    result = invoke("templates", "init", "templat", "--approved-by", "A")
    assert result.exit_code == 0, result.stderr
    assert 'templates = "sub/templat"' in result.stdout
    assert str(tmp_path / "medsos.toml") in result.stdout


def test_init_never_overwrites_without_force(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("templates", "init", "t", "--approved-by", "A").exit_code == 0
    edited = tmp_path / "t" / "lowongan" / "x.j2"
    edited.write_text("versi instansi\n", encoding="utf-8")
    again = invoke("templates", "init", "t", "--approved-by", "B")
    assert again.exit_code == 2
    assert "sudah berisi" in again.stderr and "--force" in again.stderr
    assert edited.read_text(encoding="utf-8") == "versi instansi\n"
    forced = invoke("templates", "init", "t", "--approved-by", "B", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert edited.read_text(encoding="utf-8") != "versi instansi\n"
    assert not [p for p in (tmp_path / "t").iterdir() if p.name.startswith(".")]


def test_init_needs_an_approver_and_a_folder(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("templates", "init", "t")
    assert result.exit_code == 2
    assert "--approved-by wajib diisi" in result.stderr
    assert not (tmp_path / "t").exists()
    (tmp_path / "berkas").write_text("x", encoding="utf-8")
    assert invoke("templates", "init", "berkas", "--approved-by", "A").exit_code == 2


def test_init_refuses_a_folder_inside_the_package(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    inside = bundled_templates_path() / "salinan"
    result = invoke("templates", "init", str(inside), "--approved-by", "A")
    assert result.exit_code == 2
    assert "di luar paket" in result.stderr
    assert not inside.exists()


def test_lock_refuses_the_bundled_folder(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no medsos.toml: the bundled templates are in force
    lock_file = bundled_templates_path() / LOCK_FILE
    before = lock_file.read_bytes()
    result = invoke("templates", "lock", "--approved-by", "Kabid IKP")
    assert result.exit_code == 2
    assert "templates.lock tidak ditulis" in result.stderr
    assert "medsos templates init FOLDER" in result.stderr
    assert "Traceback" not in result.stderr
    assert lock_file.read_bytes() == before


def test_site_packages_and_the_package_itself_are_refused(tmp_path):
    purelib = Path(sysconfig.get_paths()["purelib"])
    assert "terpasang" in package_folder_reason(purelib / "medsos_cli" / "_data" / "templates")
    assert "terpasang" in package_folder_reason(purelib / "apa-saja")
    import medsos_cli

    assert package_folder_reason(Path(medsos_cli.__file__).parent / "x") is not None
    assert package_folder_reason(bundled_templates_path()) is not None
    assert package_folder_reason(tmp_path / "templat-instansi") is None


def test_maintainers_lock_the_bundled_folder_of_a_checkout_with_bundled(invoke, tmp_path,
                                                                        monkeypatch):
    import shutil

    import medsos_cli.drafting.catalog as catalog

    copy = tmp_path / "checkout" / "templates"
    shutil.copytree(bundled_templates_path(), copy)
    monkeypatch.setattr(catalog, "bundled_templates_path", lambda: copy)
    monkeypatch.chdir(tmp_path)
    assert invoke("templates", "lock", "--approved-by", "A").exit_code == 2
    result = invoke("templates", "lock", "--approved-by", "Pengelola medsos", "--bundled")
    assert result.exit_code == 0, result.stderr
    assert "Pengelola medsos" in (copy / LOCK_FILE).read_text(encoding="utf-8")
