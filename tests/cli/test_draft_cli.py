"""``medsos draft``: preview, JSON, --out, prompts, and every kind of bad input (exit 2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES

from medsos_cli.cli import draft as draft_cli
from medsos_cli.drafting.lock import LOCK_FILE, folder_digests
from medsos_cli.text.thread_format import THREAD_SEPARATOR

DRAFTING = FIXTURES / "drafting"


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A copy of the drafting fixture (medsos.toml, templates, roster, data) as the cwd."""
    folder = tmp_path / "kerja"
    shutil.copytree(DRAFTING, folder)
    monkeypatch.chdir(folder)
    monkeypatch.setattr(draft_cli, "_interactive", lambda: False)
    return folder


def _approve(root, name):
    """Record the current files of ``name`` in the lock, as a careless reviewer would."""
    import yaml

    path = root / LOCK_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["templates"][name]["files"] = folder_digests(root / name)
    path.write_text(yaml.safe_dump(data), encoding="utf-8")


def test_preview(invoke, work):
    result = invoke("draft", "pengumuman", "-p", "instagram", "--data", "data/pengumuman.yaml")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Templat pengumuman (versi 2): Pengumuman layanan (uji)" in out
    assert "╭─ instagram " in out
    assert "Mulai Selasa, 17 November 2026, pukul 09.00 WITA." in out
    assert "panjang 378/2.200 (karakter)" in out
    assert "tagar 2/5" in out
    assert "tanpa temuan lint" in out
    assert "\x1b[" not in out  # no colour when stdout is not a terminal
    assert result.stderr == ""
    coloured = invoke("draft", "pengumuman", "-p", "x", "--data", "data/pengumuman.yaml",
                      "--color")
    assert "\x1b[" in coloured.stdout


def test_thread_preview_and_strict(invoke, work):
    result = invoke("draft", "pengumuman", "-p", "x", "--data", "data/panjang.yaml", "--strict")
    assert result.exit_code == 0, result.stderr
    assert "x · bagian 1/3" in result.stdout and "x · bagian 3/3" in result.stdout
    assert "(hitungan X: tautan 23, emoji 2)" in result.stdout


def test_json(invoke, work):
    result = invoke("draft", "pengumuman", "-p", "all", "--data", "data/pengumuman.json",
                    "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert data["template"]["name"] == "pengumuman" and data["template"]["version"] == 2
    assert len(data["template"]["sha256"]) == 64
    assert data["template"]["approved_by"] == "Penguji"
    assert [(d["platform"], d["kind"]) for d in data["drafts"]] == [
        ("instagram", "caption"), ("x", "caption"), ("threads", "caption"),
        ("youtube", "title"), ("youtube", "caption"), ("web", "caption")]
    x = data["drafts"][1]
    assert set(x) >= {"platform", "parts", "hashtags", "mentions", "findings", "ok"}
    assert set(x["parts"][0]) == {"text", "length", "limit", "mode"}
    assert x["parts"][0]["limit"] == 280 and x["parts"][0]["mode"] == "x_weighted"
    assert x["hashtags"] == {"count": 2, "limit": 2}
    assert "Biaya: Rp2.500.000." in data["drafts"][0]["text"]
    web = data["drafts"][5]
    [finding] = web["findings"]
    assert finding["rule"] == "akun.tagar-resmi" and finding["part"] == 1
    assert {"rule", "level", "message", "line", "column", "suggestions"} <= set(finding)
    # The unknown field of the JSON file is a warning, not an error.
    assert "pengumuman.json:8: kolom “catatan” tidak dikenal" in result.stderr
    assert data["warnings"] and data["ok"] is True


def test_set_overrides_data(invoke, work):
    result = invoke("draft", "pengumuman", "-p", "web", "--data", "data/pengumuman.yaml",
                    "--set", "judul=Judul dari --set", "--set", "langkah=Satu;Dua;Tiga",
                    "--format", "json")
    assert result.exit_code == 0, result.stderr
    text = json.loads(result.stdout)["drafts"][0]["text"]
    assert text.startswith("# Judul dari --set")
    assert "1. Satu\n2. Dua\n3. Tiga" in text


def test_out_file_and_force(invoke, work):
    args = ("draft", "pengumuman", "-p", "x", "--data", "data/panjang.yaml", "--out",
            "pengumuman.x.txt")
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    saved = (work / "pengumuman.x.txt").read_text(encoding="utf-8")
    parts = saved.rstrip("\n").split(THREAD_SEPARATOR)
    assert [p[:4] for p in parts] == ["1/3 ", "2/3 ", "3/3 "]
    assert "disimpan: pengumuman.x.txt" in result.stderr
    (work / "pengumuman.x.txt").write_text("punya saya\n", encoding="utf-8")
    again = invoke(*args)
    assert again.exit_code == 2
    assert "berkas sudah ada: pengumuman.x.txt; pakai --force" in again.stderr
    assert (work / "pengumuman.x.txt").read_text(encoding="utf-8") == "punya saya\n"
    forced = invoke(*args, "--force")
    assert forced.exit_code == 0
    assert (work / "pengumuman.x.txt").read_text(encoding="utf-8") == saved


def test_out_folder_for_all(invoke, work):
    result = invoke("draft", "pengumuman", "-p", "all", "--data", "data/pengumuman.yaml",
                    "--out", "draf")
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in (work / "draf").iterdir())
    assert names == ["pengumuman.instagram.txt", "pengumuman.threads.txt",
                     "pengumuman.web.md", "pengumuman.x.txt", "pengumuman.youtube-title.txt",
                     "pengumuman.youtube.txt"]
    title = (work / "draf" / "pengumuman.youtube-title.txt").read_text(encoding="utf-8")
    assert title == "Perekaman KTP-el kini di kelurahan | Diskominfo Kota Contoh\n"
    # The saved files are linted with their platform (and the YouTube title as a title).
    linted = invoke("lint", "draf", "--format", "json")
    files = {Path(f["path"]).name: (f["platform"], f["kind"])
             for f in json.loads(linted.stdout)["files"]}
    assert files["pengumuman.x.txt"] == ("x", "caption")
    assert files["pengumuman.youtube-title.txt"] == ("youtube", "title")
    assert files["pengumuman.web.md"] == ("web", "caption")
    bad = invoke("draft", "pengumuman", "-p", "youtube", "--data", "data/pengumuman.yaml",
                 "--out", "video.txt")
    assert bad.exit_code == 2
    assert "--out harus berupa folder" in bad.stderr


def test_strict_exit_1_when_over_the_limit(invoke, work):
    # 77 characters (the field allows 80) + " | Diskominfo Kota Contoh" = 102 > 100
    long_title = ("judul=Perekaman KTP-el kini bisa di semua kelurahan dan kecamatan "
                  "se-Kota Contoh ya")
    base = ("draft", "pengumuman", "-p", "youtube", "--data", "data/pengumuman.yaml",
            "--set", long_title)
    assert invoke(*base).exit_code == 0
    strict = invoke(*base, "--strict")
    assert strict.exit_code == 1
    assert "Ada draf yang melewati batas" in strict.stdout


def test_missing_fields_no_input(invoke, work):
    result = invoke("draft", "pengumuman", "-p", "x", "--set", "judul=Judul", "--no-input")
    assert result.exit_code == 2
    assert result.stderr == ("medsos: templat pengumuman: kolom wajib belum diisi: tanggal, "
                             "isi, langkah, tautan (isi dengan --data BERKAS atau --set "
                             "kolom=nilai; lihat medsos templates show pengumuman)\n")


def test_prompts_for_missing_fields(invoke, work, monkeypatch):
    monkeypatch.setattr(draft_cli, "_interactive", lambda: True)
    answers = "\n".join(["31/02/2026", "17/11/2026", "Isi singkat.", "Bawa KK;Datang",
                         "https://penipu.com", "https://kotacontoh.go.id/ktp", "", ""])
    result = invoke("draft", "pengumuman", "-p", "web", "--set", "judul=Judul", "--out",
                    "p.web.md", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "tanggal (tanggal, mis. 17/11/2026)" in result.stderr
    assert "Tanggal mulai berlaku." in result.stderr
    assert "tidak sah: tanggal “31/02/2026” tidak ada: Februari 2026 hanya sampai tanggal 28" \
        in result.stderr
    assert "tidak sah: domain “penipu.com” tidak diizinkan" in result.stderr
    assert "biaya" not in result.stderr  # optional: never asked
    saved = (work / "p.web.md").read_text(encoding="utf-8")
    assert saved.startswith("# Judul\n\nIsi singkat.\n\n1. Bawa KK\n2. Datang\n")


def test_bad_given_value_is_reported_before_prompting(invoke, work, monkeypatch):
    monkeypatch.setattr(draft_cli, "_interactive", lambda: True)
    result = invoke("draft", "pengumuman", "-p", "x", "--set", "tanggal=31/02/2026",
                    input="Judul\n")
    assert result.exit_code == 2
    assert "Isi kolom" not in result.stderr
    assert "--set: kolom tanggal: tanggal “31/02/2026” tidak ada" in result.stderr


def test_no_input_never_prompts(invoke, work, monkeypatch):
    monkeypatch.setattr(draft_cli, "_interactive", lambda: True)
    result = invoke("draft", "ucapan", "-p", "instagram", "--no-input", input="Hari Guru\n")
    assert result.exit_code == 2
    assert "kolom wajib belum diisi: nama_hari" in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (("draft", "ucapan"), "pilih platform dengan --platform: instagram, facebook, atau all"),
    (("draft", "pengumman", "-p", "x"),
     "templat “pengumman” tidak dikenal; mungkin maksud Anda: pengumuman"),
    (("draft", "pengumuman", "-p", "twitter"), "platform “twitter” tidak dikenal"),
    (("draft", "pengumuman", "-p", "instagarm"), "mungkin maksud Anda: instagram"),
    (("draft", "ucapan", "-p", "x"), "templat ucapan tidak punya varian untuk platform “x”; "
                                     "yang ada: instagram, facebook"),
    (("draft", "pengumuman", "-p", "x", "--data", "data/rusak.yaml"),
     "data/rusak.yaml:4: YAML tidak sah"),
    (("draft", "pengumuman", "-p", "x", "--data", "data/rusak.json"),
     "data/rusak.json:5: JSON tidak sah"),
    (("draft", "pengumuman", "-p", "x", "--data", "data/tanggal-mustahil.yaml"),
     "data/tanggal-mustahil.yaml:2: kolom tanggal: tanggal “31/02/2026” tidak ada: Februari "
     "2026 hanya sampai tanggal 28"),
    (("draft", "pengumuman", "-p", "x", "--data", "data/domain-asing.yaml"),
     "data/domain-asing.yaml:5: kolom tautan: domain “kotacontoh.go.id.penipu.com” tidak "
     "diizinkan; yang diizinkan: *.go.id, kotacontoh.id"),
    (("draft", "pengumuman", "-p", "x", "--data", "data/pengumuman.yaml", "--set",
      "pejabat=walkota"), "--set: kolom pejabat: pejabat “walkota” tidak ada di roster; "
                          "mungkin maksud Anda: walikota"),
    (("draft", "pengumuman", "-p", "x", "--data", "data/tidak-ada.yaml"),
     "berkas data tidak ditemukan"),
    (("draft", "pengumuman", "-p", "x", "--set", "judul"), "tulis kolom=nilai"),
])
def test_bad_input_exit_2(invoke, work, args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.startswith("medsos: ") and result.stderr.count("\n") == 1


def test_changed_template_is_refused(invoke, work):
    path = work / "templates" / "ucapan" / "instagram.j2"
    path.write_text(path.read_text(encoding="utf-8") + "Tambahan\n", encoding="utf-8")
    result = invoke("draft", "ucapan", "-p", "instagram", "--set", "nama_hari=Hari Guru")
    assert result.exit_code == 2
    assert "templat ucapan berbeda dari kunci yang disetujui (ucapan/instagram.j2: isinya " \
           "berubah sejak disetujui)" in result.stderr
    assert "medsos templates lock --approved-by NAMA ucapan" in result.stderr


def test_schema_and_templates_disagree(invoke, work):
    (work / "templates" / "ucapan" / "x.j2").write_text("{{ nama_hari }}\n", encoding="utf-8")
    result = invoke("draft", "ucapan", "-p", "instagram", "--set", "nama_hari=Hari Guru")
    assert result.exit_code == 2  # the new file is not in the lock
    assert "templat ucapan berbeda dari kunci" in result.stderr
    # ... and it cannot be approved while schema and files disagree.
    result = invoke("templates", "lock", "--approved-by", "Kabid IKP", "ucapan")
    assert result.exit_code == 2
    assert "templat ucapan: berkas x.j2 tidak dipakai: platform itu tidak tercantum" \
        in result.stderr


@pytest.mark.parametrize("payload", [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ self.__init__ }}",
    "{% set x = [].append(1) %}{{ x }}",
    "{{ nama_hari.__class__.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ config }}",
])
def test_sandbox_payloads_exit_2(invoke, work, payload):
    # Even an approved (locked) template cannot reach Python internals.
    path = work / "templates" / "ucapan" / "instagram.j2"
    path.write_text("Selamat {{ nama_hari }}!\n" + payload + "\n", encoding="utf-8")
    _approve(work / "templates", "ucapan")
    result = invoke("draft", "ucapan", "-p", "instagram", "--set", "nama_hari=Hari Guru")
    assert result.exit_code == 2
    assert str(path) + ":2: " in result.stderr
    assert any(word in result.stderr for word in ("kotak pasir", "tidak ada di fields",
                                                  "tidak dikenal"))
    assert "Traceback" not in result.stderr


def test_help_is_indonesian(invoke):
    result = invoke("draft", "--help")
    assert result.exit_code == 0
    for text in ("Siapkan draf unggahan", "--no-input", "Jangan pernah bertanya", "--strict",
                 "--force", "Timpa berkas"):
        assert text in result.stdout
