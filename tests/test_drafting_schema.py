"""``schema.yaml`` and ``roster.yaml``: valid files load, every mistake is named at file:line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import FIXTURES

from medsos_cli.drafting.schema import load_schema
from medsos_cli.errors import InputError
from medsos_cli.roster import Pejabat, load_roster

DRAFTING = FIXTURES / "drafting"


def _schema(tmp_path: Path, body: str, folder: str = "contoh") -> Path:
    path = tmp_path / folder / "schema.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    return path


def test_fixture_schema_loads():
    schema = load_schema(DRAFTING / "templates" / "pengumuman" / "schema.yaml")
    assert schema.name == "pengumuman" and schema.version == 2
    assert schema.platforms == ("instagram", "x", "threads", "youtube", "web")
    assert schema.field_names[:3] == ("judul", "tanggal", "waktu")
    tautan = schema.field("tautan")
    assert tautan.domains == ("*.go.id",) and tautan.required
    assert schema.field("biaya").default == 0 and not schema.field("biaya").required
    assert schema.field("label").choices == ("[INFO]", "[PENTING]")
    assert schema.field("nama") is None


HEAD = "name: contoh\nplatforms: [x]\nfields:\n"


@pytest.mark.parametrize(("body", "line", "message"), [
    (HEAD + "  - name: judul\n    type: text\n    requred: false\n", 6,
     "kunci “requred” tidak dikenal di kolom skema (mungkin maksud Anda “required”)"),
    ("name: contoh\nplatfroms: [x]\nfields: []\n", 2, "kunci “platfroms” tidak dikenal"),
    (HEAD + "  - name: judul\n    type: teks\n", 5, "type “teks” tidak dikenal"),
    (HEAD + "  - name: Judul\n    type: text\n", 4, "huruf kecil"),
    (HEAD + "  - name: akun\n    type: text\n", 4, "dipakai medsos sendiri"),
    (HEAD + "  - name: a\n    type: text\n  - name: a\n    type: text\n", 6,
     "kolom “a” ditulis dua kali"),
    (HEAD + "  - name: a\n    type: choice\n", 4, "memerlukan choices"),
    (HEAD + "  - name: a\n    type: text\n    domains: [x.id]\n", 6, "domains hanya untuk"),
    (HEAD + "  - name: a\n    type: text\n    max_length: -1\n", 6,
     "kolom a: “max_length” harus bilangan bulat ≥ 0"),
    (HEAD + "  - name: a\n    type: text\n    required: kadang\n", 6, "true atau false"),
    ("name: lain\nplatforms: [x]\nfields:\n  - {name: a, type: text}\n", 1,
     "harus sama dengan nama folder “contoh”"),
    ("name: contoh\nplatforms: [x, linkedin]\nfields:\n  - {name: a, type: text}\n", 2,
     "nilai “linkedin” pada “platforms” tidak dikenal; pilih instagram,"),
    ("name: contoh\nplatforms: [x]\nfields: [\n", 4, "YAML tidak sah"),
])
def test_schema_errors(tmp_path, body, line, message):
    path = _schema(tmp_path, body)
    with pytest.raises(InputError) as info:
        load_schema(path)
    assert message in info.value.message
    assert info.value.line == line
    assert info.value.path == str(path)


def test_alt_text_default_max_length(tmp_path):
    path = _schema(tmp_path, HEAD + "  - name: alt\n    type: alt_text\n")
    assert load_schema(path).field("alt").max_length == 1000


def test_roster_list_and_keyed_forms(tmp_path):
    roster = load_roster(DRAFTING / "roster.yaml")
    walikota = roster.get("walikota")
    assert walikota == Pejabat("walikota", "Wali Kota Contoh", "Budi Santoso", "dr. H.",
                               "M.Kes.")
    assert walikota.nama_lengkap == "dr. H. Budi Santoso, M.Kes."
    assert str(walikota) == "Wali Kota Contoh, dr. H. Budi Santoso, M.Kes."
    assert roster.get("kadis_kominfo").nama_lengkap == "Rina Wulandari"
    keyed = tmp_path / "roster.yaml"
    keyed.write_text("sekda:\n  jabatan: Sekretaris Daerah\n  nama: Siti Aminah\n"
                     "  gelar_belakang: S.H.\n", encoding="utf-8")
    assert load_roster(keyed).get("sekda").sebutan == "Sekretaris Daerah, Siti Aminah, S.H."


def test_roster_unknown_key_suggests():
    roster = load_roster(DRAFTING / "roster.yaml")
    with pytest.raises(InputError, match="“walkota” tidak ada di roster; mungkin maksud Anda: "
                                         "walikota"):
        roster.get("walkota")
    with pytest.raises(InputError, match="kunci yang ada: walikota, sekda, kadis_kominfo"):
        roster.get("bupati")


@pytest.mark.parametrize(("body", "line", "message"), [
    ("- key: a\n  jabatan: J\n  nama: N\n  gelar: Dr.\n", 4, "kunci “gelar” tidak dikenal"),
    ("- key: a\n  jabatan: J\n", 1, "“nama” wajib diisi teks"),
    ("- key: a\n  jabatan: J\n  nama: N\n- key: a\n  jabatan: K\n  nama: M\n", 4,
     "sudah dipakai di baris 1"),
    ("- key: Wali Kota\n  jabatan: J\n  nama: N\n", 1, "tidak sah"),
    ("teks saja\n", 1, "harus berupa daftar pejabat"),
])
def test_roster_errors(tmp_path, body, line, message):
    path = tmp_path / "roster.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_roster(path)
    assert message in info.value.message
    assert info.value.line == line


def test_roster_missing_file(tmp_path):
    with pytest.raises(InputError, match="berkas roster tidak ditemukan"):
        load_roster(tmp_path / "roster.yaml")


def test_reply_kind(tmp_path):
    from medsos_cli.drafting.catalog import ContentType

    path = _schema(tmp_path, "name: contoh\nkind: reply\nplatforms: [x, youtube]\nfields:\n"
                             "  - {name: a, type: text}\n")
    schema = load_schema(path)
    assert schema.kind == "reply"
    content = ContentType("contoh", path.parent, schema)
    assert [v.kind for v in content.variants("x")] == ["reply"]
    assert [v.kind for v in content.variants("youtube")] == ["reply"]  # a comment: no title
    bad = _schema(tmp_path, "name: contoh\nkind: komentar\nplatforms: [x]\nfields:\n"
                            "  - {name: a, type: text}\n")
    with pytest.raises(InputError, match="kind “komentar” tidak dikenal"):
        load_schema(bad)
