"""Which pattern rules can match a text, decided by one C-level scan (Hyperscan).

A pattern rule runs only on texts that contain one of its ``requires`` strings and match its
``prefilter``, and its own regular expressions are what finds the hits. Hyperscan compiles all of
these of a rulebook into one database: the ``requires`` strings as literals, the ``prefilter``
and every pattern in Hyperscan's prefilter mode, which may accept more than the pattern but
never less. One scan of a text then names the rules that *may* match; the others are skipped,
and the ones named run their own checks exactly as without Hyperscan. So the findings are the
same whether or not Hyperscan is installed (the tests compare both paths); only the time differs.

Hyperscan's wheels exist for Linux and macOS; on Windows (or without the package) every rule
runs its own checks, as before. Compiling the database takes about a second, so it is built
only for a batch (``WARM_UP`` texts into a run) and kept in the per-user cache.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from medsos_cli.rulebook.kinds.pattern import PatternRule
    from medsos_cli.text.document import Document

# Texts linted in one run before the database is built (a single caption never pays for it).
WARM_UP = 50
# Hyperscan's Unicode tables may be older than those of the ``regex`` module: a text with a
# character outside these long-assigned ranges (Latin, Greek, Cyrillic, general punctuation and
# symbols, emoji) is checked by every rule itself. Line breaks and tabs are fine; NUL is not.
_UNUSUAL = re.compile(
    "[^\t\n\r\x20-\u052f\u1e00-\u1fff\u2000-\u2064\u2066-\u2bff\u3000-\u303f\ufe00-\ufe0f"
    "\U0001f000-\U0001faff]")


_CODE_POINT = re.compile(r"(?<!\\)((?:\\\\)*)\\(?:U([0-9a-fA-F]{8})|u([0-9a-fA-F]{4}))")


def _pcre(source: str) -> str:
    """``regex`` spells code points ``\\uXXXX`` and ``\\UXXXXXXXX``; Hyperscan (PCRE) spells them
    ``\\x{...}``."""
    return _CODE_POINT.sub(lambda m: f"{m.group(1)}\\x{{{m.group(2) or m.group(3)}}}", source)


def available() -> bool:
    """Whether the Hyperscan package can be imported (and is not turned off)."""
    if os.environ.get("MEDSOS_NO_HYPERSCAN"):
        return False
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return False
    return True


class PatternTriggers:
    """One Hyperscan database for the pattern rules of a linter."""

    def __init__(self, rules: Iterable[PatternRule]):
        import hyperscan

        self._hs = hyperscan
        rules = list(rules)
        expressions: list[bytes] = []
        flags: list[int] = []
        # rule id -> its components, each a set of expression ids of which one must match
        components: dict[str, list[frozenset[int]]] = {}
        base = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_SINGLEMATCH
        regex_flags = base | hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_ALLOWEMPTY
        for rule in rules:
            parts: list[frozenset[int]] = []
            if rule.requires:
                parts.append(self._add(expressions, flags, [re.escape(r).encode("utf-8")
                                                            for r in rule.requires], base))
            # Case folding may differ between Hyperscan and ``regex``, so the expressions of a
            # rule that ignores case are not used (its lower-case ``requires`` still are). A
            # rule's own prefilter is its author's cheap test; only without one do its
            # patterns go in (some cost Hyperscan a good part of a second to compile).
            if not rule.ignorecase:
                sources = ([rule.prefilter.pattern] if rule.prefilter is not None
                           else [p.pattern for p in rule.patterns])
                parts.append(self._add(expressions, flags,
                                       [_pcre(src).encode("utf-8") for src in sources],
                                       regex_flags))
            components[rule.id] = parts
        self.expressions, self.flags, self.components = expressions, flags, components
        self.lower_needed = any(rule.ignorecase and rule.requires for rule in rules)
        self.key = hashlib.sha256(repr((expressions, flags)).encode()).hexdigest()[:32]
        self.database: Any = None

    @staticmethod
    def _add(expressions: list[bytes], flags: list[int], items: list[bytes],
             flag: int) -> frozenset[int]:
        first = len(expressions)
        expressions.extend(items)
        flags.extend([flag] * len(items))
        return frozenset(range(first, len(expressions)))

    def build(self) -> None:
        """Compile the database (or read it from the per-user cache). An expression Hyperscan
        cannot compile takes its component out: that rule then checks itself more often."""
        import pickle

        from medsos_cli import cache

        hs = self._hs
        name = f"hyperscan-{self.key}"
        stored = cache.load_blob(name)
        if stored is not None:
            try:
                accepted, blob = pickle.loads(stored)
                database = hs.loadb(blob, hs.HS_MODE_BLOCK)
                database.scratch = hs.Scratch(database)  # a loaded database has none
                self._use(database, accepted)
                return
            except Exception:  # a stale or broken entry: build anew
                pass
        everything = list(range(len(self.expressions)))
        if not everything:
            return
        try:
            accepted, database = everything, self._compile(everything)
        except hs.error:
            # Some expression is beyond Hyperscan: find which, and leave its component out.
            accepted = [i for i in everything if self._compiles(i)]
            if not accepted:
                return
            database = self._compile(accepted)
        self._use(database, accepted)
        cache.store_blob(name, pickle.dumps((accepted, hs.dumpb(database))))

    def _compile(self, ids: list[int]) -> Any:
        hs = self._hs
        database = hs.Database(mode=hs.HS_MODE_BLOCK)
        database.compile(expressions=[self.expressions[i] for i in ids], ids=ids,
                         elements=len(ids), flags=[self.flags[i] for i in ids])
        return database

    def _compiles(self, i: int) -> bool:
        try:
            self._compile([i])
        except self._hs.error:
            return False
        return True

    def _use(self, database: Any, accepted: list[int]) -> None:
        known = frozenset(accepted)
        self.components = {rid: [part for part in parts if part <= known]
                           for rid, parts in self.components.items()}
        # Each component as a bit mask of its expressions: a rule may match when every mask
        # shares a bit with the matched expressions (integer tests, no set per rule).
        masks = {rid: tuple(sum(1 << i for i in part) for part in parts)
                 for rid, parts in self.components.items()}
        self._always = [rid for rid, m in masks.items() if not m]
        self._single = [(rid, m[0]) for rid, m in masks.items() if len(m) == 1]
        self._double = [(rid, m[0], m[1]) for rid, m in masks.items() if len(m) == 2]
        self._more = [(rid, m) for rid, m in masks.items() if len(m) > 2]
        self.database = database

    def candidates(self, doc: Document) -> frozenset[str] | None:
        """Ids of the rules that may match ``doc`` (None: every rule must check itself)."""
        if self.database is None:
            return None
        text = doc.text
        if _UNUSUAL.search(text):
            return None
        matched: list[int] = []
        add = matched.append

        def on_match(expression: int, start: int, end: int, flags: int, context: Any) -> None:
            add(expression)

        # The text, and its lower-case form for the ``requires`` of rules that ignore case
        # (lower case, matched against the lower-case text as the rules do), in one scan:
        # a match in the wrong half, or across the NUL between them (a text never holds one,
        # see _UNUSUAL), only makes a rule check itself, so the findings stay the same.
        if self.lower_needed:
            text = f"{text}\x00{doc.lower_text}"
        self.database.scan(text.encode("utf-8"), match_event_handler=on_match)
        bits = 0
        for expression in matched:
            bits |= 1 << expression
        found = [rid for rid, mask in self._single if bits & mask]
        found += [rid for rid, first, second in self._double if bits & first and bits & second]
        for rid, masks in self._more:
            if all(bits & mask for mask in masks):
                found.append(rid)
        return frozenset(found + self._always)
