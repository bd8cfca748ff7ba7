"""Shared parsing of term lists and exceptions for substitution and existence rules."""

from __future__ import annotations

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
    """Whether [start, end) overlaps any span."""
    return any(s < end and start < e for s, e in spans)
