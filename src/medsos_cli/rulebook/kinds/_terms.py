"""Shared parsing of term lists and exceptions for substitution and existence rules."""

from __future__ import annotations

import bisect

import regex

from medsos_cli.rulebook.model import Where

_WORD = r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*"
_KEY_RE = regex.compile(rf"^{_WORD}(?: {_WORD})*$")


def split_key(key: str, where: Where, rule_id: str, line: int) -> tuple[str, ...]:
    """Split a term into its words, refusing what the word tokenizer could never match."""
    key = " ".join(key.split())
    if not _KEY_RE.match(key) or key.endswith("-"):
        raise where.error(
            f"aturan {rule_id}: istilah “{key}” tidak dapat dicocokkan sebagai kata; gunakan "
            "huruf, angka, tanda hubung, dan spasi tunggal (pola lain: kind pattern)", line)
    return tuple(key.split(" "))


def compile_exceptions(phrases: list[str], ignorecase: bool) -> regex.Pattern | None:
    """One pattern finding any exception phrase as whole words."""
    if not phrases:
        return None
    alternatives = "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
    flags = regex.IGNORECASE if ignorecase else 0
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{N}}])", flags)


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of ``spans`` (sorted by start, not overlapping each
    other, as entities and regex matches are): a binary search, so linear in the text."""
    i = bisect.bisect_left(spans, (end,))  # spans[:i] start before ``end``
    # Of those, the last one ends last (the spans do not overlap each other).
    return i > 0 and spans[i - 1][1] > start
