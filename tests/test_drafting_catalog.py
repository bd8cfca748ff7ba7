"""Template folders and their lock: discovery, schema/template agreement, SHA-256 approval."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURES

from medsos_cli.config import Config
from medsos_cli.drafting import lock as lk
from medsos_cli.drafting.catalog import Catalog, bundled_templates_path, templates_root
from medsos_cli.errors import InputError

DRAFTING = FIXTURES / "drafting"


@pytest.fixture
def root(tmp_path) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(DRAFTING / "templates", folder)
    return folder


def test_discovery_and_variants(root):
    (root / "report").mkdir()  # no schema.yaml: not a content type
    catalog = Catalog(root)
    assert catalog.names() == ["pengumuman", "ucapan"]
    content = catalog.get("pengumuman")
    assert [v.template for v in content.variants("youtube")] == ["youtube-title.j2",
                                                                 "youtube.j2"]
    assert [v.kind for v in content.variants("youtube")] == ["title", "caption"]
    assert [p.name for p in content.files()][:2] == ["_penutup.j2", "instagram.j2"]
    with pytest.raises(InputError, match="tidak punya varian untuk platform “tiktok”; yang "
                                         "ada: instagram, x, threads, youtube, web"):
        content.variants("tiktok")


def test_unknown_template_suggests(root):
    with pytest.raises(InputError, match="templat “pengumuman-layanan” tidak dikenal; mungkin "
                                         "maksud Anda: pengumuman"):
        Catalog(root).get("pengumuman-layanan")
    with pytest.raises(InputError, match="folder templat tidak ditemukan"):
        Catalog(root / "tidak-ada").names()


def test_templates_root():
    assert templates_root(Config()) == bundled_templates_path()
    assert bundled_templates_path().name == "templates"
    assert templates_root(Config(templates=Path("/x"))) == Path("/x")


def test_platform_without_file(root):
    (root / "pengumuman" / "youtube-title.j2").unlink()
    with pytest.raises(InputError) as info:
        Catalog(root).get("pengumuman")
    assert ("templat pengumuman: platform “youtube” tercantum di schema.yaml tetapi berkas "
            "youtube-title.j2 tidak ada") in info.value.message
    assert info.value.line == 5 and info.value.path.endswith("schema.yaml")


def test_file_for_unlisted_platform(root):
    (root / "ucapan" / "tiktok.j2").write_text("{{ nama_hari }}\n", encoding="utf-8")
    with pytest.raises(InputError, match="berkas tiktok.j2 tidak dipakai: platform itu tidak "
                                         "tercantum"):
        Catalog(root).get("ucapan")
    (root / "ucapan" / "tiktok.j2").rename(root / "ucapan" / "linkedin.j2")
    with pytest.raises(InputError, match="linkedin.j2 tidak dipakai: bukan nama platform"):
        Catalog(root).get("ucapan")


def test_variable_not_in_schema(root):
    path = root / "ucapan" / "facebook.j2"
    path.write_text("Selamat {{ nama_hari }}!\n{{ pejabat.sebutan }}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        Catalog(root).get("ucapan")
    assert info.value.message == ("templat ucapan: facebook.j2 memakai pejabat yang tidak ada "
                                  "di fields schema.yaml")
    assert info.value.path == str(path) and info.value.line == 2


def test_template_syntax_error(root):
    path = root / "ucapan" / "facebook.j2"
    path.write_text("Selamat\n{% if nama_hari %}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        Catalog(root).get("ucapan")
    assert info.value.message.startswith("sintaksis templat tidak sah")
    assert info.value.path == str(path)


# -- lock --------------------------------------------------------------------------------------

def test_digest_ignores_crlf_and_bom(tmp_path):
    a, b = tmp_path / "a.j2", tmp_path / "b.j2"
    a.write_bytes(b"Halo {{ x }}\nDunia\n")
    b.write_bytes(b"\xef\xbb\xbfHalo {{ x }}\r\nDunia\r\n")
    assert lk.file_digest(a) == lk.file_digest(b)


NOW = dt.datetime(2026, 11, 28, 3, 15, tzinfo=dt.timezone.utc)


def test_lock_then_verify(root):
    (root / lk.LOCK_FILE).unlink()
    assert {p.status for p in lk.verify(root)} == {"new"}
    entries = lk.lock(root, "Kepala Bidang IKP", now=NOW)
    assert set(entries) == {"pengumuman", "ucapan"}
    data = yaml.safe_load((root / lk.LOCK_FILE).read_text(encoding="utf-8"))
    entry = data["templates"]["pengumuman"]
    assert entry["version"] == 2
    assert entry["approved_by"] == "Kepala Bidang IKP"
    assert entry["approved_at"] == "2026-11-28T10:15:00+07:00"
    assert list(entry["files"])[0] == "schema.yaml"
    assert lk.verify(root) == []
    assert lk.read_lock(root)["ucapan"].files["instagram.j2"] == \
        lk.file_digest(root / "ucapan" / "instagram.j2")


def test_lock_time_uses_the_account_zone(root):
    lk.lock(root, "A", now=NOW, timezone="Asia/Jayapura")
    assert lk.read_lock(root)["ucapan"].approved_at == "2026-11-28T12:15:00+09:00"


def test_windows_copy_still_verifies(root):
    lk.lock(root, "A", now=NOW)
    path = root / "ucapan" / "instagram.j2"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert lk.verify(root) == []


def test_verify_reports_changed_missing_new(root):
    lk.lock(root, "A", now=NOW)
    (root / "ucapan" / "instagram.j2").write_text("Selamat {{ nama_hari }}!!\n",
                                                  encoding="utf-8")
    (root / "pengumuman" / "web.j2").unlink()
    (root / "pengumuman" / "_baru.j2").write_text("x\n", encoding="utf-8")
    problems = lk.verify(root)
    assert [(p.template, p.file, p.status) for p in problems] == [
        ("pengumuman", "_baru.j2", "new"),
        ("pengumuman", "web.j2", "missing"),
        ("ucapan", "instagram.j2", "changed"),
    ]
    assert problems[2].message == "ucapan/instagram.j2: isinya berubah sejak disetujui"
    shutil.rmtree(root / "ucapan")
    assert {(p.template, p.status) for p in lk.verify(root, ["ucapan"])} == {("ucapan",
                                                                             "missing")}


def test_require_approved(root):
    assert lk.require_approved(root, "ucapan").approved_by == "Penguji"  # the fixture's lock
    (root / "ucapan" / "facebook.j2").write_text("Berubah {{ nama_hari }}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        lk.require_approved(root, "ucapan")
    assert "templat ucapan berbeda dari kunci yang disetujui (ucapan/facebook.j2: isinya " \
           "berubah sejak disetujui)" in info.value.message
    assert "medsos templates lock --approved-by NAMA ucapan" in info.value.message
    (root / lk.LOCK_FILE).unlink()
    with pytest.raises(InputError, match="belum disetujui: templates.lock tidak ada"):
        lk.require_approved(root, "pengumuman")


def test_lock_some_names_keeps_the_others(root):
    lk.lock(root, "A", now=NOW)
    later = NOW + dt.timedelta(days=1)
    (root / "ucapan" / "facebook.j2").write_text("Berubah {{ nama_hari }}\n", encoding="utf-8")
    lk.lock(root, "  Sekretaris   Dinas ", ["ucapan"], now=later)
    entries = lk.read_lock(root)
    assert entries["ucapan"].approved_by == "Sekretaris Dinas"
    assert entries["ucapan"].approved_at.startswith("2026-11-29")
    assert entries["pengumuman"].approved_by == "A"
    assert lk.verify(root) == []


def test_lock_refuses_inconsistent_template_and_empty_approver(root):
    (root / "ucapan" / "tiktok.j2").write_text("x\n", encoding="utf-8")
    before = (root / lk.LOCK_FILE).read_text(encoding="utf-8")
    with pytest.raises(InputError, match="tiktok.j2 tidak dipakai"):
        lk.lock(root, "A")
    assert (root / lk.LOCK_FILE).read_text(encoding="utf-8") == before
    with pytest.raises(InputError, match="--approved-by wajib diisi"):
        lk.lock(root, "  ")


@pytest.mark.parametrize(("text", "message"), [
    ("version: 2\ntemplates: {}\n", "tidak sah"),
    ("version: 1\ntemplates:\n  a:\n    files: {x.j2: abc}\n    version: 1\n", "SHA-256"),
    ("version: 1\ntemplates:\n  a: {version: 1, files: {}, siapa: x}\n", "kunci yang sah"),
    ("version: [1\n", "YAML tidak sah"),
])
def test_bad_lock_file(root, text, message):
    (root / lk.LOCK_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        lk.read_lock(root)


def test_fixture_lock_is_current():
    assert lk.verify(DRAFTING / "templates") == []
