"""Saved drafts in lint: platform from the file name, threads measured part by part."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ACCOUNT
from hypothesis import given, settings
from hypothesis import strategies as st

from medsos_cli.config import Config
from medsos_cli.drafting.thread import split_thread
from medsos_cli.lint.engine import Linter
from medsos_cli.lint.inputs import decode, read_source
from medsos_cli.lint.run import Options, lint_paths
from medsos_cli.platforms import measure
from medsos_cli.rulebook.model import Context
from medsos_cli.text.thread_format import THREAD_SEPARATOR

FIXTURES = Path(__file__).parent / "fixtures" / "thread"


@pytest.fixture(scope="module")
def sop(bundled_book) -> Linter:
    return Linter(bundled_book, Context(account=ACCOUNT), terms=bundled_book.term_index())


def _lint(linter, name, **options):
    (result,) = lint_paths(linter, [str(FIXTURES / name)], Config(), Options(**options))
    return result


def _rules(result, prefix="platform."):
    return [f.rule for f in result.findings if f.rule.startswith(prefix)]


# -- platform and kind from the file name ---------------------------------------------------


@pytest.mark.parametrize(("name", "platform", "kind"), [
    ("hut.x.txt", "x", None),
    ("hut.threads.md", "threads", None),
    ("Pengumuman.Instagram.TXT", "instagram", None),
    ("folder.v2/rilis.web.md", "web", None),
    ("hut.youtube.txt", "youtube", None),
    ("hut.youtube-title.txt", "youtube", "title"),
    ("hut.txt", None, None),
    ("x.txt", None, None),
    (".x.txt", None, None),
    ("hut.twitter.txt", None, None),
    ("hut.x.yaml", None, None),
])
def test_platform_from_file_name(name, platform, kind):
    source = decode(b"Halo Sobat!\n", name)
    assert (source.platform, source.kind) == (platform, kind)


def test_front_matter_beats_the_file_name():
    source = decode(b"---\nplatform: instagram\nkind: reply\n---\nHalo\n", "hut.x.txt")
    assert (source.platform, source.kind) == ("instagram", "reply")
    source = decode(b"---\nkind: caption\n---\nHalo\n", "hut.youtube-title.txt")
    assert (source.platform, source.kind) == ("youtube", "caption")
    source = decode(b"---\nplatform: x\n---\nHalo\n", "hut.youtube-title.txt")
    assert (source.platform, source.kind) == ("x", None)
    source = decode(b"---\nplatform: youtube\nkind: title\n---\nJudul\n", "judul.txt")
    assert (source.platform, source.kind) == ("youtube", "title")


def test_standard_input_has_no_name_to_read():
    assert decode(b"Halo", "<stdin>").platform is None


def test_file_name_beats_the_command_line_platform(sop):
    # The name belongs to the file, like its front matter; --platform is the run's default.
    result = _lint(sop, "terlalu-panjang.x.txt", platform="instagram")
    assert result.platform == "x"


def test_front_matter_platform_over_the_name(sop):
    result = _lint(sop, "catatan.x.md")
    assert result.platform == "instagram"
    assert _rules(result) == []


# -- YouTube titles ---------------------------------------------------------------------------


def test_long_youtube_title(sop):
    result = _lint(sop, "judul-panjang.youtube-title.txt")
    assert (result.platform, result.kind) == ("youtube", "title")
    (f,) = result.findings
    assert f.rule == "platform.youtube.judul"
    assert (f.line, f.column, f.length) == (1, 101, 20)
    assert f.message == "Judul 120 karakter, melewati batas 100 karakter judul video YouTube."


def test_short_youtube_title_is_clean(sop):
    result = _lint(sop, "judul.youtube-title.txt")
    assert result.findings == []


def test_title_rule_only_for_titles_and_description_rule_only_for_captions(bundled_book):
    judul = bundled_book.rules["platform.youtube.judul"]
    deskripsi = bundled_book.rules["platform.youtube.deskripsi"]
    assert judul.applies_to("youtube", "title") and not judul.applies_to("youtube", "caption")
    assert deskripsi.applies_to("youtube", "caption")
    assert not deskripsi.applies_to("youtube", "title")
    assert not bundled_book.rules["akun.tagar-resmi"].applies_to("youtube", "title")


def test_description_is_not_held_to_the_title_limit(sop):
    text = "Simak rangkuman kegiatan pelayanan KTP-el keliling di kelurahan. " * 4
    result = sop.lint_text(text, platform="youtube", kind="caption")
    assert "platform.youtube.judul" not in _rules(result)
    result = sop.lint_text(text, platform="youtube", kind="title")
    assert _rules(result) == ["platform.youtube.judul"]


# -- threads ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["umkm.x.txt", "cuaca.x.md", "hoaks.threads.txt"])
def test_saved_threads_within_limits_are_clean(sop, name):
    result = _lint(sop, name)
    assert _rules(result) == []
    # The same text in one post would be over the limit.
    limit, mode = (500, "utf8_bytes") if ".threads." in name else (280, "x_weighted")
    assert measure(result.document.body, mode) > limit


def test_part_over_the_limit_is_reported_inside_that_part(sop):
    result = _lint(sop, "terlalu-panjang.x.txt")
    (f,) = [f for f in result.findings if f.rule == "platform.x.panjang"]
    text = result.document.text
    second = text.index("2/2")
    assert f.offset > second  # in the second part, not at the start of the file
    assert f.offset + f.length <= len(text.rstrip())
    part = text[second:].strip()
    assert f.message.startswith(f"Panjang {measure(part, 'x_weighted')} dari batas 280")
    # The marked span starts at the code point that goes over 280 (here the last one of the
    # link, which counts 23 as a whole) and runs to the end of the part.
    assert measure(text[second:f.offset + 1], "x_weighted") > 280
    assert text[f.offset - 5:f.offset + 1] == "daftar"
    assert text[f.offset + f.length:].strip() == ""


def test_crlf_thread_same_finding(sop):
    lf = _lint(sop, "terlalu-panjang.x.txt")
    crlf = _lint(sop, "crlf.x.txt")
    (a,) = [f for f in lf.findings if f.rule == "platform.x.panjang"]
    (b,) = [f for f in crlf.findings if f.rule == "platform.x.panjang"]
    assert (a.line, a.column, a.message) == (b.line, b.column, b.message)
    assert a.text == b.text.replace("\r\n", "\n")


def test_single_post_without_separator_is_one_post(sop):
    result = _lint(sop, "bukan-utas.x.txt")
    assert _rules(result) == ["platform.x.panjang"]


def test_links_count_per_post(sop):
    over = _lint(sop, "tautan.threads.txt")
    (f,) = [f for f in over.findings if f.rule == "platform.threads.tautan"]
    assert f.line == 1 and f.text == "lapor.go.id"
    assert f.message.startswith("Ada 6 tautan")
    assert _rules(_lint(sop, "tautan-dibagi.threads.txt")) == []


def test_hashtags_count_over_the_whole_thread(sop):
    result = _lint(sop, "tagar.x.txt")
    (f,) = [f for f in result.findings if f.rule == "platform.x.tagar"]
    assert f.text == "#SehatBersama"
    assert f.message.startswith("Ada 3 tagar")


def test_separator_on_other_platforms_is_plain_text(sop):
    parts = ["1/2 " + "Informasi layanan kependudukan. " * 6, "2/2 Penutup. #KotaContoh"]
    saved = THREAD_SEPARATOR.join(parts)
    assert _rules(sop.lint_text(saved, platform="x")) == []
    # Instagram has no threads: the whole text is one caption (here within 2.200).
    assert _rules(sop.lint_text(saved, platform="instagram")) == []
    big = THREAD_SEPARATOR.join(["1/2 " + "Informasi layanan. " * 130, "2/2 Penutup."])
    assert _rules(sop.lint_text(big, platform="instagram")) == ["platform.instagram.panjang"]
    assert _rules(sop.lint_text(big, platform="x")) == ["platform.x.panjang"]


def test_thread_with_front_matter(sop, tmp_path):
    body = (FIXTURES / "terlalu-panjang.x.txt").read_text(encoding="utf-8")
    path = tmp_path / "utas.txt"
    path.write_text("---\nplatform: x\n---\n" + body, encoding="utf-8")
    source = read_source(str(path))
    result = sop.lint_text(source.text, platform=source.platform, start=source.start)
    (f,) = [f for f in result.findings if f.rule == "platform.x.panjang"]
    assert f.line == 8  # three front-matter lines, then the second part on line 5 of the body


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([
    "Pendaftaran pelatihan UMKM dibuka.", "Info: kotacontoh.go.id", "Waspada penipuan! 🙏",
    "Antrean mulai pukul 08.00 WIB.", "Biaya Rp0 alias gratis.", "Hubungi @pemkotmagelang.",
    "\n\n", "\n", "Layanan KTP-el di kelurahan 🇮🇩"]), min_size=20, max_size=120),
    st.sampled_from([("x", 280, "x_weighted"), ("threads", 500, "utf8_bytes")]))
def test_split_threads_lint_without_length_errors(sop, pieces, platform_limit):
    platform, limit, mode = platform_limit
    text = " ".join(pieces) + "\n\n#KotaContoh"
    parts = split_thread(text, limit=limit, mode=mode)
    result = sop.lint_text(THREAD_SEPARATOR.join(parts), platform=platform)
    assert not [r for r in _rules(result) if r.endswith(".panjang")]
