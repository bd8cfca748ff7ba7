"""The draft orchestrator: render per platform, split threads, measure, count, lint."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES

from medsos_cli.config import load_config
from medsos_cli.drafting.catalog import Variant
from medsos_cli.drafting.draft import Limits, build_result, draft, limits_for, output_name
from medsos_cli.drafting.values import load_data_file
from medsos_cli.errors import InputError
from medsos_cli.lint.run import build_linter, build_rulebook
from medsos_cli.platforms import measure
from medsos_cli.text.thread_format import THREAD_SEPARATOR

DRAFTING = FIXTURES / "drafting"


@pytest.fixture
def config(tmp_path):
    folder = tmp_path / "kerja"
    shutil.copytree(DRAFTING, folder)
    return load_config(folder / "medsos.toml")


@pytest.fixture(scope="module")
def book():
    return build_rulebook(load_config(DRAFTING / "medsos.toml"))


def _data(name: str):
    return load_data_file(DRAFTING / "data" / name)


def test_limits_come_from_the_rulebook(book):
    assert limits_for(book, "x", "caption") == Limits(280, "x_weighted", 2, None)
    assert limits_for(book, "instagram", "caption") == Limits(2200, "chars", 5, None)
    assert limits_for(book, "threads", "caption").mode == "utf8_bytes"
    assert limits_for(book, "tiktok", "caption").mode == "utf16"
    youtube = limits_for(book, "youtube", "caption")
    assert (youtube.length, youtube.mode) == (5000, "utf8_bytes")
    title = limits_for(book, "youtube", "title")
    assert (title.length, title.mode) == (100, "chars")
    assert limits_for(book, "web", "caption").length is None
    assert limits_for(None, "x", "caption") == Limits()


def test_draft_all_platforms(config, book):
    result = draft("pengumuman", "all", _data("pengumuman.yaml"), config, book=book)
    labels = [(r.platform, r.kind, r.label) for r in result.results]
    assert labels == [("instagram", "caption", "instagram"), ("x", "caption", "x"),
                      ("threads", "caption", "threads"), ("youtube", "title", "youtube-title"),
                      ("youtube", "caption", "youtube"), ("web", "caption", "web")]
    instagram = result.results[0]
    assert instagram.text.startswith("Perekaman KTP-el kini di kelurahan\n\nMulai Selasa, 17 "
                                     "November 2026, pukul 09.00 WITA.")
    assert "Diresmikan oleh Wali Kota Contoh, dr. H. Budi Santoso, M.Kes." in instagram.text
    assert "Biaya: gratis." in instagram.text
    assert instagram.text.endswith("#KotaContoh #LayananPublik")
    assert (instagram.hashtags.count, instagram.hashtags.limit) == (2, 5)
    x = result.results[1]
    assert x.parts[0].mode == "x_weighted"
    assert x.parts[0].length == measure(x.text, "x_weighted") <= 280
    title = result.results[3]
    assert title.text == "Perekaman KTP-el kini di kelurahan | Diskominfo Kota Contoh"
    assert (title.parts[0].limit, title.parts[0].mode) == (100, "chars")
    youtube = result.results[4]
    assert youtube.parts[0].length == len(youtube.text.encode("utf-8"))
    assert result.ok and all(r.ok for r in result.results[:5])
    assert list(result) == result.results and len(result) == 6 and result[0] is instagram
    assert result.approval.approved_by == "Penguji"
    assert len(result.sha256) == 64


def test_long_text_becomes_a_thread_on_x(config, book):
    result = draft("pengumuman", "x", _data("panjang.yaml"), config, book=book)
    [x] = result.results
    assert len(x.parts) == 3
    assert [p.text[:4] for p in x.parts] == ["1/3 ", "2/3 ", "3/3 "]
    assert all(p.length <= 280 for p in x.parts)
    assert "#" not in x.parts[0].text and "#" not in x.parts[1].text
    assert x.parts[2].text.endswith("#KotaContoh #LayananPublik")
    assert x.text == THREAD_SEPARATOR.join(p.text for p in x.parts)
    assert x.ok
    # The required account hashtag is only in the last part: the thread is linted as a whole.
    assert not any(f.rule == "akun.tagar-resmi" for f in x.findings)


def test_threads_counts_utf8_bytes(config, book):
    result = draft("pengumuman", "threads", _data("panjang.yaml"), config, book=book)
    [threads] = result.results
    assert len(threads.parts) == 2
    assert all(p.length == len(p.text.encode("utf-8")) <= 500 for p in threads.parts)


def test_over_limit_title_is_not_ok(config, book):
    values = {**_data("pengumuman.yaml")}
    result = draft("pengumuman", "youtube", {**{k: v.value for k, v in values.items()},
                                             "judul": "Perekaman KTP-el " + "baru " * 12},
                   config, book=book)
    title = result.results[0]
    assert title.parts[0].length > 100 and title.parts[0].over
    assert not title.ok and not result.ok


def test_lint_findings_are_reported(config, book):
    linter = build_linter(config, book)
    variant = Variant("instagram", "caption", "instagram.j2")
    text = "Pelayanan KTP-el di kelurahan dapat dilakukan disini. #KotaContoh"
    result = build_result(variant, text, limits_for(book, "instagram", "caption"), linter,
                          "uji.instagram.txt")
    assert [f.rule for f in result.findings] == ["ejaan.kata-depan"]
    assert result.findings[0].text == "disini"
    assert result.finding_parts == [1] * len(result.findings)


def test_unknown_platform_and_missing_variant(config, book):
    with pytest.raises(InputError, match="platform “instagarm” tidak dikenal; mungkin maksud "
                                         "Anda: instagram"):
        draft("pengumuman", "instagarm", _data("pengumuman.yaml"), config, book=book)
    with pytest.raises(InputError, match="templat ucapan tidak punya varian untuk platform "
                                         "“x”"):
        draft("ucapan", "x", {"nama_hari": "Hari Guru Nasional"}, config, book=book)


def test_changed_template_is_refused(config, book):
    path = Path(config.templates) / "ucapan" / "instagram.j2"
    path.write_text("Selamat {{ nama_hari }}!!!\n", encoding="utf-8")
    with pytest.raises(InputError, match="templat ucapan berbeda dari kunci"):
        draft("ucapan", "instagram", {"nama_hari": "Hari Guru"}, config, book=book)
    result = draft("ucapan", "instagram", {"nama_hari": "Hari Guru"}, config, book=book,
                   verify_lock=False, lint=False)
    assert result.results[0].text.startswith("Selamat Hari Guru!!!")
    assert result.approval is None and len(result.sha256) == 64


def test_output_names():
    assert output_name("pengumuman", Variant("x", "caption", "x.j2")) == "pengumuman.x.txt"
    assert output_name("p", Variant("youtube", "title", "youtube-title.j2")) == \
        "p.youtube-title.txt"
    assert output_name("p", Variant("web", "caption", "web.j2")) == "p.web.md"


def test_thread_findings_name_their_part(config, book):
    linter = build_linter(config, book)
    variant = Variant("x", "caption", "x.j2")
    first = "Pendaftaran pelatihan UMKM gratis dibuka sampai 5 Desember 2026. " * 4
    second = "Informasi lengkap bisa dibaca disini ya.\n\n#KotaContoh"
    result = build_result(variant, first.strip() + "\n\n" + second,
                          limits_for(book, "x", "caption"), linter, "uji.x.txt")
    assert len(result.parts) == 2
    [finding] = [f for f in result.findings if f.rule == "ejaan.kata-depan"]
    index = result.findings.index(finding)
    assert result.finding_parts[index] == 2
    part = result.parts[1].text
    assert part[finding.offset:finding.offset + finding.length] == "disini"
    assert finding.line == 1


def test_thread_limits_count_each_post(config, book):
    # Six links in one Threads post are refused; split over two posts they are fine.
    linter = build_linter(config, book)
    paragraphs = [f"Layanan nomor {n} kini bisa diakses daring oleh warga Kota Contoh kapan saja. "
                  f"Info: https://layanan{n}.kotacontoh.go.id" for n in range(1, 7)]
    text = "\n\n".join(paragraphs) + "\n\n#KotaContoh"
    limits = limits_for(book, "threads", "caption")
    whole = build_result(Variant("facebook", "caption", "facebook.j2"), text, limits, linter,
                         "uji.txt")
    assert len(whole.parts) == 1
    result = build_result(Variant("threads", "caption", "threads.j2"), text, limits, linter,
                          "uji.threads.txt")
    assert len(result.parts) >= 2
    assert not any(f.rule == "platform.threads.tautan" for f in result.findings)
    assert result.ok
    single = linter.lint_text(text, platform="threads")
    assert any(f.rule == "platform.threads.tautan" for f in single.findings)
