"""Indonesian affixation: the forms a root takes with prefixes and suffixes (KBBI nasal rules).

Used to generate the affixed forms of a term rule (``himbau`` → ``dihimbau``, ``menghimbau``,
``himbauan``) and by the lexicon to recognise a meN- verb."""

from __future__ import annotations

from collections.abc import Iterator

_VOWELS = frozenset("aeiou")
_SUFFIXES = ("", "an", "kan", "i", "nya", "annya", "kannya", "lah", "kah", "pun")
_PREFIXES = ("", "di", "ter", "ke", "se", "ber", "per", "meN", "peN", "diper", "memper")


def _nasal(base: str, root: str) -> str:
    """Attach ``me``/``pe`` with the KBBI nasal rules to ``root``."""
    first = root[:1]
    second = root[1:2]
    if not first:
        return base + root
    if first in _VOWELS or first in "gh" or root.startswith("kh"):
        return base + "ng" + root
    if first == "k":
        return base + "ng" + (root[1:] if second in _VOWELS else root)
    if first in "bfv":
        return base + "m" + root
    if first == "p":
        return base + "m" + (root[1:] if second in _VOWELS else root)
    if first in "dcjz":
        return base + "n" + root
    if first == "t":
        return base + "n" + (root[1:] if second in _VOWELS else root)
    if first == "s":
        return base + ("ny" + root[1:] if second in _VOWELS else "n" + root)
    return base + root


def attach(prefix: str, root: str, suffix: str) -> str:
    """Build an affixed form of ``root`` (lower case)."""
    if prefix == "meN":
        word = _nasal("me", root)
    elif prefix == "peN":
        word = _nasal("pe", root)
    elif prefix in ("ber", "ter", "per", "diper", "memper") and root.startswith("r"):
        word = prefix[:-1] + root
    else:
        word = prefix + root
    return word + suffix


def affixed_pairs(source: str, target: str) -> Iterator[tuple[str, str]]:
    """Yield (affixed source, same affixes on target) for every prefix/suffix combination."""
    for prefix in _PREFIXES:
        for suffix in _SUFFIXES:
            if not prefix and not suffix:
                continue
            yield attach(prefix, source, suffix), attach(prefix, target, suffix)
