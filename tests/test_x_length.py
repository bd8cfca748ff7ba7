"""medsos's own X weighted length against the twitter-text v3 reference implementation."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medsos_cli.platforms import measure, overflow_offset, x_weighted_length

twitter_text = pytest.importorskip("twitter_text")

CASES = [
    ("english text 日本語 😷 https://example.com", 46),
    ("magelangkota.go.id", 23),
    ("Info: magelangkota.go.id", 29),
    ("👨‍👩‍👧‍👦", 2),
    ("🫠", 2),
    ("a" * 280, 280),
    ("a" * 281, 281),
    ("café", 4),
    ("cafe\u0301", 4),  # NFC first: e + combining acute is one code point
    ("Kunjungi www.jatengprov.go.id atau lapor.go.id!", 62),
    ("🇮🇩 Dirgahayu RI!", 16),
    ("Tarif Rp2.500.000 — “gratis” … pukul 08.00 WIB", 47),  # … (U+2026) weighs 2
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_known_lengths(text, expected):
    assert x_weighted_length(text) == expected
    assert twitter_text.parse_tweet(text).weightedLength == expected


CAPTION_PARTS = st.sampled_from([
    "Warga", "diimbau", "anak-anak", "Jl.", "No. 5", "dll.", "#KotaContoh", "@diskominfo",
    "https://kotacontoh.go.id/berita/123", "kotacontoh.go.id", "lapor.go.id", "😀", "🙏🏽",
    "🇮🇩", "👨‍👩‍👧", "Rp2.500.000", "08.00 WIB", "“kutipan”", "—", "…", "\n", "日本", "é",
    "https://www.bmkg.go.id/cuaca?kota=contoh&hari=1", "!", "?", ",",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(CAPTION_PARTS, max_size=40).map(" ".join))
def test_matches_reference_on_caption_like_text(text):
    assert x_weighted_length(text) == twitter_text.parse_tweet(text).weightedLength


def test_modes():
    text = "Halo 😀"
    assert measure(text, "chars") == 6
    assert measure(text, "utf8_bytes") == 9
    assert measure(text, "utf16") == 7
    assert measure(text, "graphemes") == 6
    assert measure(text, "x_weighted") == 7


@pytest.mark.parametrize("mode", ["chars", "utf8_bytes", "utf16", "x_weighted"])
def test_overflow_offset_is_the_first_prefix_over_the_limit(mode):
    text = "Warga 😀 diimbau datang " * 20
    limit = 100
    cut = overflow_offset(text, mode, limit)
    assert measure(text[:cut], mode) > limit
    assert measure(text[:cut - 1], mode) <= limit


@settings(max_examples=300, deadline=None)
@given(st.lists(CAPTION_PARTS, max_size=60).map(" ".join), st.integers(0, 300))
def test_token_reuse_path_matches_the_plain_path(text, limit):
    """The limit rule's fast path (the document's own tokens) agrees with measuring anew."""
    import unicodedata

    from medsos_cli.platforms import x_overflow_span, x_weighted_span
    from medsos_cli.text.tokens import tokenize

    text = unicodedata.normalize("NFC", text)
    tokens = tokenize(text)
    assert x_weighted_span(text, 0, len(text), tokens) == x_weighted_length(text)
    cut = x_overflow_span(text, 0, len(text), tokens, limit)
    expected = overflow_offset(text, "x_weighted", limit)
    assert (len(text) if cut is None else cut) == expected
