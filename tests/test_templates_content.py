"""The bundled templates render from their example data within every platform's limits, lint
clean with the default rulebook, and say what each content type must say.

Every content type in ``templates/`` is rendered for all its platforms from
``examples/drafts/<type>.yaml`` (and again from only its required fields, and from the
``example`` of every schema field) through the real drafting library, with the example
configuration ``examples/medsos.toml`` and its ``roster.yaml``. The lock is not checked here:
approval is the lead's step, the content is this file's.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from medsos_cli.config import load_config
from medsos_cli.drafting.catalog import Catalog, bundled_templates_path
from medsos_cli.drafting.draft import Draft, DraftResult, draft
from medsos_cli.drafting.values import RawValue, load_data_file
from medsos_cli.findings import Level

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = bundled_templates_path()
EXAMPLES = ROOT / "examples"
DRAFTS = EXAMPLES / "drafts"
CONFIG = EXAMPLES / "medsos.toml"
CATALOG = Catalog(TEMPLATES)
TYPES = CATALOG.names()
# Replies to citizens (schema kind: reply): no hashtags, linted like medsos lint --reply.
REPLY_TYPES = {"balasan-aduan"}
ACCOUNT_TAG = "#KotaContoh"


@cache
def _config():
    return load_config(CONFIG)


@cache
def _book():
    from medsos_cli.lint.run import build_rulebook

    return build_rulebook(_config())


def _render(name: str, values: dict) -> Draft:
    return draft(name, "all", values, _config(), book=_book(), verify_lock=False)


@cache
def _example(name: str) -> Draft:
    return _render(name, load_data_file(DRAFTS / f"{name}.yaml"))


def _raw_example(name: str) -> dict:
    return {k: v.value for k, v in load_data_file(DRAFTS / f"{name}.yaml").items()}


def _problems(result: DraftResult, reply: bool) -> list[str]:
    """Findings at warning level or above, as ``rule: text``; a reply is linted as a reply."""
    if result.kind != "title":
        assert result.kind == ("reply" if reply else "caption"), result.label
    return [f"{f.rule}: {f.text!r}" for f in result.findings if f.level >= Level.WARNING]


def test_there_are_at_least_the_ten_approved_content_types():
    required = {"kegiatan-pimpinan", "pengumuman-layanan", "infografis", "klarifikasi-hoaks",
                "ucapan-hari-besar", "siaran-pers", "lowongan", "peringatan-dini",
                "balasan-aduan", "holding-statement"}
    assert required <= set(TYPES)


def test_every_template_has_example_data_and_every_example_has_a_template():
    examples = {p.stem for p in DRAFTS.glob("*.yaml")}
    assert examples == set(TYPES)


@pytest.mark.parametrize("name", TYPES)
def test_schema_fields_are_described_with_an_example(name):
    schema = CATALOG.get(name).schema
    assert schema.title and schema.description
    for field in schema.fields:
        assert field.description, f"{name}.{field.name} tanpa description"
        assert field.example is not None, f"{name}.{field.name} tanpa example"


@pytest.mark.parametrize("name", TYPES)
def test_example_data_renders_every_platform_within_limits_and_lint_clean(name):
    result = _example(name)
    assert result.ok
    assert not result.values.warnings  # no field unknown to the schema
    rendered = {r.label for r in result.results}
    expected = set(result.content.schema.platforms)
    if "youtube" in expected and name not in REPLY_TYPES:  # a YouTube reply has no title
        expected.add("youtube-title")
    assert rendered == expected
    for r in result.results:
        for number, part in enumerate(r.parts, 1):
            assert part.limit is None or part.length <= part.limit, (r.label, number)
        assert not r.hashtags.over and not r.mentions.over, r.label
        assert _problems(r, name in REPLY_TYPES) == [], r.label


@pytest.mark.parametrize("name", TYPES)
def test_only_required_fields_render_without_stray_lines(name):
    schema = CATALOG.get(name).schema
    raw = _raw_example(name)
    required = {f.name: raw[f.name] for f in schema.fields if f.required}
    result = _render(name, required)
    assert result.ok
    for r in result.results:
        assert "\n\n\n" not in r.text and " \n" not in r.text, r.label
        assert "None" not in r.text and "none" not in r.text.split(), r.label
        assert _problems(r, name in REPLY_TYPES) == [], r.label


@pytest.mark.parametrize("name", TYPES)
def test_schema_examples_are_valid_values(name):
    schema = CATALOG.get(name).schema
    values = {f.name: RawValue(f.example) for f in schema.fields}
    result = _render(name, values)  # every optional field filled: the other template paths
    assert result.ok
    for r in result.results:
        assert _problems(r, name in REPLY_TYPES) == [], r.label


@pytest.mark.parametrize("name", TYPES)
def test_common_forms(name):
    reply = name in REPLY_TYPES
    for r in _example(name).results:
        text = r.text
        assert not re.search(r"\d{4}-\d{2}-\d{2}", text), r.label  # dates through `tanggal`
        assert not re.search(r"(?i)\bhimbau|\bwalikota\b", text), r.label
        assert not re.search(r"\b\d{1,2}:\d{2}\b", text), r.label  # pukul 09.00, not 09:00
        if r.kind == "title":
            assert "#" not in text and "<" not in text and ">" not in text
        elif reply:
            assert "#" not in text, r.label
        else:
            # Account hashtags close the post (a press release closes with ### after them).
            body = text.removesuffix("###").rstrip()
            assert body.splitlines()[-1].startswith(ACCOUNT_TAG), r.label


def _texts(name: str, kind: str = "caption") -> dict[str, str]:
    return {r.label: r.text for r in _example(name).results if r.kind == kind}


def test_hoax_clarification_shows_its_label_and_official_link():
    raw = _raw_example("klarifikasi-hoaks")
    for label, text in _texts("klarifikasi-hoaks").items():
        assert text.lstrip("# ").startswith(raw["label"]), label
        assert raw["tautan_sumber"] in text, label
        assert raw["kesimpulan"] in text, label
        if label != "threads":  # Threads takes one topic tag: the account's
            assert re.search(r"#CekFakta\b", text), label  # written "cek fakta" in the data


def test_job_posting_is_free_and_warns_against_fraud():
    for label, text in _texts("lowongan").items():
        assert "tidak dipungut biaya" in text.lower(), label
        assert re.search(r"(?i)waspada calo dan penipuan", text), label


def test_press_release_has_dateline_contact_and_end_mark():
    for label, text in _texts("siaran-pers").items():
        assert text.endswith("\n###"), label
        assert "KOTA CONTOH – " in text, label
        assert "Narahubung" in text and "Sri Wahyuni" in text, label


def test_holding_statement_names_next_update_and_spokesperson():
    for label, text in _texts("holding-statement").items():
        assert "pukul 14.00 WIB" in text, label
        assert "Juru Bicara Pemerintah Kota Contoh" in text, label
        assert "pukul 10.15 WIB" in text, label


def test_activity_of_an_official_opens_with_what_changes_for_citizens():
    raw = _raw_example("kegiatan-pimpinan")
    first = re.split(r"(?<=\.)\s", " ".join(raw["manfaat_warga"].split()))[0]
    assert "warga" in first
    for label, text in _texts("kegiatan-pimpinan").items():
        opening = text.lstrip("# ").split("\n\n")[:2]
        assert raw["judul"] in opening[0] or first in opening[0], label
        assert any(first in p for p in opening), label
        if "Wali Kota" in text:
            assert text.index(first) < text.index("Wali Kota"), label
    assert _texts("kegiatan-pimpinan", "title")["youtube-title"].startswith(raw["judul"])


def test_early_warning_relays_source_and_emergency_number():
    raw = _raw_example("peringatan-dini")
    for label, text in _texts("peringatan-dini").items():
        assert "112" in text and raw["sumber"] in text, label
        assert raw["tautan"] in text, label
        assert raw["fenomena"] in text, label


def test_complaint_reply_greets_thanks_restates_and_closes():
    raw = _raw_example("balasan-aduan")
    for label, text in _texts("balasan-aduan").items():
        assert text.startswith("Halo, Kak Rina."), label
        assert "Terima kasih" in text and raw["pokok_aduan"] in text, label
        assert raw["opd"] in text and raw["nomor_tiket"] in text, label
        assert text.rstrip().endswith("🙏"), label


@pytest.mark.parametrize("status", ["diterima", "diteruskan", "selesai", "bukan-wewenang"])
def test_complaint_reply_fits_every_status(status):
    raw = {**_raw_example("balasan-aduan"), "status": status, "tanggal_selesai": "27/11/2026",
           "kanal_lanjutan": "WA Center"}
    result = _render("balasan-aduan", raw)
    assert result.ok
    for r in result.results:
        assert _problems(r, True) == [], (status, r.label)
        if status == "bukan-wewenang":
            assert "lapor.go.id" in r.text
        else:
            assert "WA Center 0811-2600-2600" in r.text


def test_service_announcement_without_fee_says_it_is_free():
    raw = {**_raw_example("pengumuman-layanan"), "biaya": "0"}
    raw.pop("dasar_biaya")
    for r in _render("pengumuman-layanan", raw).results:
        if r.kind == "caption" and r.platform not in ("x", "tiktok"):
            assert re.search(r"(?i)gratis, tidak dipungut biaya", r.text), r.label


def test_bundled_templates_ship_locked():
    """The shipped lock matches every bundled template, so `medsos draft` works out of the box
    (a template edited without `medsos templates lock` fails here, not at a user's desk)."""
    from medsos_cli.drafting.lock import verify

    assert verify(TEMPLATES, None) == []


def test_example_drafts_pass_strict_through_the_cli(tmp_path):
    """The README's draft session: every example renders for every platform with --strict."""
    from typer.testing import CliRunner

    from medsos_cli.cli.app import app

    examples = Path(__file__).resolve().parents[1] / "examples"
    for name in TYPES:
        result = CliRunner().invoke(app, [
            "draft", name, "--platform", "all", "--data", str(examples / "drafts" / f"{name}.yaml"),
            "--no-input", "--strict", "--format", "json",
            "--config", str(examples / "medsos.toml")])
        assert result.exit_code == 0, (name, result.output)
