"""``medsos templates list/show/verify/lock``."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from helpers import FIXTURES

DRAFTING = FIXTURES / "drafting"


@pytest.fixture
def work(tmp_path, monkeypatch):
    folder = tmp_path / "kerja"
    shutil.copytree(DRAFTING, folder)
    monkeypatch.chdir(folder)
    return folder


def test_list(invoke, work):
    result = invoke("templates", "list")
    assert result.exit_code == 0, result.stderr
    assert "pengumuman" in result.stdout and "ucapan" in result.stdout
    assert "Pengumuman layanan (uji)" in result.stdout
    assert "instagram, x, threads, youtube, web" in result.stdout


def test_list_json(invoke, work):
    result = invoke("templates", "list", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [t["name"] for t in data["templates"]] == ["pengumuman", "ucapan"]
    assert data["templates"][1] == {"name": "ucapan", "title": "Ucapan hari besar (uji)",
                                    "description": "Ucapan singkat.", "version": 1,
                                    "kind": "caption", "platforms": ["instagram", "facebook"]}


def test_list_reports_a_broken_template(invoke, work):
    (work / "templates" / "ucapan" / "facebook.j2").unlink()
    result = invoke("templates", "list", "--format", "json")
    assert result.exit_code == 2
    assert [t["name"] for t in json.loads(result.stdout)["templates"]] == ["pengumuman"]
    assert "berkas facebook.j2 tidak ada" in result.stderr


def test_show(invoke, work):
    result = invoke("templates", "show", "pengumuman")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for text in ("pengumuman (versi 2): Pengumuman layanan (uji)", "kolom", "wajib", "jenis",
                 "keterangan", "contoh", "tanggal", "Tanggal mulai berlaku.", "17/11/2026",
                 "pilihan: [INFO], [PENTING]", "Bawa KK; Datang ke kelurahan"):
        assert text in out, text


def test_show_json(invoke, work):
    result = invoke("templates", "show", "pengumuman", "-f", "json")
    data = json.loads(result.stdout)
    assert data["platforms"] == ["instagram", "x", "threads", "youtube", "web"]
    biaya = next(f for f in data["fields"] if f["name"] == "biaya")
    assert (biaya["type"], biaya["required"], biaya["default"]) == ("number", False, 0)
    tautan = next(f for f in data["fields"] if f["name"] == "tautan")
    assert tautan["domains"] == ["*.go.id"]


def test_show_unknown(invoke, work):
    result = invoke("templates", "show", "ucapn")
    assert result.exit_code == 2
    assert "templat “ucapn” tidak dikenal; mungkin maksud Anda: ucapan" in result.stderr


def test_verify_ok_and_mismatch(invoke, work):
    ok = invoke("templates", "verify")
    assert ok.exit_code == 0, ok.stdout + ok.stderr
    assert "cocok dengan templates.lock" in ok.stdout
    (work / "templates" / "ucapan" / "instagram.j2").write_text("Hai {{ nama_hari }}\n",
                                                                encoding="utf-8")
    (work / "templates" / "pengumuman" / "web.j2").unlink()
    (work / "templates" / "pengumuman" / "schema.yaml").write_text(
        (work / "templates" / "pengumuman" / "schema.yaml").read_text(encoding="utf-8")
        .replace(", web]", "]"), encoding="utf-8")
    (work / "templates" / "pengumuman" / "_baru.j2").write_text("x\n", encoding="utf-8")
    bad = invoke("templates", "verify")
    assert bad.exit_code == 1
    lines = bad.stdout.splitlines()
    assert "baru     pengumuman/_baru.j2" in lines
    assert "berubah  pengumuman/schema.yaml" in lines
    assert "hilang   pengumuman/web.j2" in lines
    assert "berubah  ucapan/instagram.j2" in lines
    assert "4 berkas berbeda dari kunci" in bad.stdout
    data = json.loads(invoke("templates", "verify", "-f", "json").stdout)
    assert data["ok"] is False and len(data["problems"]) == 4


def test_verify_without_lock(invoke, work):
    (work / "templates" / "templates.lock").unlink()
    result = invoke("templates", "verify")
    assert result.exit_code == 1
    assert "templates.lock: belum ada" in result.stdout


def test_lock(invoke, work):
    (work / "templates" / "ucapan" / "instagram.j2").write_text("Hai {{ nama_hari }}\n",
                                                                encoding="utf-8")
    result = invoke("templates", "lock", "--approved-by", "Kepala Bidang IKP", "ucapan")
    assert result.exit_code == 0, result.stderr
    assert "1 templat disetujui oleh Kepala Bidang IKP (ucapan)" in result.stdout
    data = yaml.safe_load((work / "templates" / "templates.lock").read_text(encoding="utf-8"))
    assert data["templates"]["ucapan"]["approved_by"] == "Kepala Bidang IKP"
    assert data["templates"]["ucapan"]["approved_at"].endswith("+08:00")  # Asia/Makassar
    assert data["templates"]["pengumuman"]["approved_by"] == "Penguji"
    assert invoke("templates", "verify").exit_code == 0
    draft = invoke("draft", "ucapan", "-p", "instagram", "--set", "nama_hari=Hari Guru",
                   "-f", "json")
    assert draft.exit_code == 0, draft.stderr
    assert json.loads(draft.stdout)["drafts"][0]["text"] == "Hai Hari Guru"


def test_lock_needs_approver(invoke, work):
    result = invoke("templates", "lock")
    assert result.exit_code == 2
    assert "--approved-by wajib diisi" in result.stderr
    unknown = invoke("templates", "lock", "--approved-by", "A", "tidak-ada")
    assert unknown.exit_code == 2
    assert "templat “tidak-ada” tidak dikenal" in unknown.stderr


def test_help_is_indonesian(invoke):
    result = invoke("templates", "--help")
    assert result.exit_code == 0
    for text in ("Lihat, periksa, dan setujui templat draf.", "list", "show", "verify", "lock"):
        assert text in result.stdout
    lock_help = invoke("templates", "lock", "--help").stdout
    assert "Nama atau jabatan yang menyetujui" in lock_help
