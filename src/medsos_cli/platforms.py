"""Platforms and the ways each one counts the length of a post.

The numeric limits themselves are rulebook data (``sop/platform.yaml``); this module only
knows the platform names and the counting modes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Platform:
    """One platform: its key, how people name it, and how medsos treats it."""

    name: str  # the key in configs, front matter, file names and JSON
    label: str  # as written in reports and messages
    report_rank: int | None  # order in the weekly report; None: no export is read
    threads: bool  # a post may be a thread of parts (``---`` between parts)
    aliases: tuple[str, ...] = ()  # other names admins write in the comments/complaints logs
    style: tuple | None = None  # chart line: Okabe–Ito colour, marker, dash


# Rows in the order of the lint and draft listings (``--platform all``); the weekly report
# orders its platforms by ``report_rank``. Okabe–Ito colours stay distinguishable with
# colour-vision deficiencies, and lines also differ by marker and dash.
TABLE = (
    Platform("instagram", "Instagram", 1, False, ("ig",), ("#CC79A7", "s", "--")),
    Platform("x", "X", 2, True, ("twitter", "x/twitter"), ("#000000", "^", "-.")),
    Platform("facebook", "Facebook", 0, False, ("fb",), ("#0072B2", "o", "-")),
    Platform("youtube", "YouTube", 3, False, ("yt",), ("#D55E00", "D", ":")),
    Platform("tiktok", "TikTok", 4, False, ("tt",), ("#009E73", "v", (0, (5, 1, 1, 1)))),
    Platform("threads", "Threads", None, True),
    Platform("web", "web", None, False),
)
BY_NAME = {p.name: p for p in TABLE}
PLATFORMS = tuple(p.name for p in TABLE)
LABELS = {p.name: p.label for p in TABLE}
THREAD_PLATFORMS = tuple(p.name for p in TABLE if p.threads)
# Platforms whose exports the weekly report reads, in the report's order.
REPORT_PLATFORMS = tuple(p.name for p in sorted((p for p in TABLE if p.report_rank is not None),
                                                key=lambda p: p.report_rank or 0))
ALIASES = {alias: p.name for p in TABLE if p.report_rank is not None
           for alias in (p.name, *p.aliases)}
# caption: a post's text (for YouTube, the video description); reply: an answer to a citizen;
# title: a video title (YouTube, 100 characters).
TEXT_KINDS = ("caption", "reply", "title")

COUNT_MODES = ("chars", "graphemes", "x_weighted", "utf8_bytes", "utf16")


def _chars(text: str) -> int:
    return len(text)


def _graphemes(text: str) -> int:
    import regex

    return len(regex.findall(r"\X", text))


# twitter-text v3 configuration (twitter/twitter-text config/src/v3.json).
X_SCALE = 100
X_DEFAULT_WEIGHT = 200
X_URL_LENGTH = 23
X_RANGES = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))


# Code points outside X_RANGES weigh X_DEFAULT_WEIGHT.
_X_HEAVY = re.compile("[^" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi, _ in X_RANGES) + "]")


def _x_pieces(text: str, start: int = 0, end: int | None = None, tokens=None):
    """Yield (start, end, units) over ``text[start:end]``: links and emoji as one piece each,
    other text as runs (units None). ``tokens`` of the same text may be passed to reuse them."""
    from medsos_cli.text import tokens as tk

    end = len(text) if end is None else end
    pos = start
    for token in tk.tokenize(text) if tokens is None else tokens:
        if token.start < start or token.end > end:
            continue
        if token.kind == tk.URL or token.kind == tk.EMOJI:
            if token.start > pos:
                yield pos, token.start, None
            yield token.start, token.end, (
                X_URL_LENGTH * X_SCALE if token.kind == tk.URL else X_DEFAULT_WEIGHT)
            pos = token.end
    if pos < end:
        yield pos, end, None


def _run_units(text: str, start: int, end: int) -> int:
    run = text[start:end]
    return (len(run) + len(_X_HEAVY.findall(run))) * X_SCALE


def x_weighted_span(text: str, start: int, end: int, tokens) -> int:
    """X length of ``text[start:end]`` (already NFC), reusing the tokens of ``text``."""
    total = 0
    for begin, stop, units in _x_pieces(text, start, end, tokens):
        total += _run_units(text, begin, stop) if units is None else units
    return total // X_SCALE


def x_overflow_span(text: str, start: int, end: int, tokens, limit: int) -> int | None:
    """Offset (in ``text``) just past the first code point over ``limit``; None if it fits."""
    return _x_overflow(text, limit, _x_pieces(text, start, end, tokens))


def x_weighted_length(text: str) -> int:
    """Length of a post as X counts it (twitter-text v3).

    NFC first; every link (also a bare domain such as ``magelangkota.go.id``) counts 23; every
    emoji sequence counts 2; other code points weigh 1 or 2 by range. Links and emoji are found
    with medsos's own tokenizer, which recognises the link forms of Indonesian captions; the
    test suite checks the result against the twitter-text reference implementation.
    """
    text = unicodedata.normalize("NFC", text)
    total = 0
    for start, end, units in _x_pieces(text):
        total += _run_units(text, start, end) if units is None else units
    return total // X_SCALE


def _x_overflow(text: str, limit: int, pieces=None) -> int | None:
    """``overflow_offset`` for X in one pass (text already NFC); None when it fits."""
    budget = limit * X_SCALE
    total = 0
    for start, end, units in _x_pieces(text) if pieces is None else pieces:
        if units is not None:
            total += units
            if total > budget:
                return end
            continue
        if total + _run_units(text, start, end) <= budget:
            total += _run_units(text, start, end)
            continue
        for i in range(start, end):
            total += X_SCALE if not _X_HEAVY.match(text, i) else X_DEFAULT_WEIGHT
            if total > budget:
                return i + 1
    return None


def _utf8(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


COUNTERS: dict[str, Callable[[str], int]] = {
    "chars": _chars,
    "graphemes": _graphemes,
    "x_weighted": x_weighted_length,
    "utf8_bytes": _utf8,
    "utf16": _utf16,
}


def measure(text: str, mode: str = "chars") -> int:
    """Length of ``text`` in the given counting mode."""
    return COUNTERS[mode](text)


def publishable(text: str) -> str:
    """The text as it would be pasted: CRLF as LF, surrounding blank space removed."""
    return text.replace("\r\n", "\n").strip()


def overflow_offset(text: str, mode: str, limit: int) -> int:
    """Smallest prefix length (code points) of ``text`` whose measure exceeds ``limit``.

    Returns ``len(text)`` when the whole text fits. Counts are monotonic in the prefix for every
    mode, so a binary search works (and costs log n measurements for X).
    """
    if mode == "chars":
        return min(limit + 1, len(text)) if len(text) > limit else len(text)
    if mode == "x_weighted" and unicodedata.is_normalized("NFC", text):
        cut = _x_overflow(text, limit)
        return len(text) if cut is None else cut
    count = COUNTERS[mode]
    if count(text) <= limit:
        return len(text)
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        if count(text[:mid]) > limit:
            hi = mid
        else:
            lo = mid + 1
    return lo
