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

        rules = list(rules)
        self._hs = hyperscan
        expressions: list[bytes] = []
        flags: list[int] = []
        # rule id -> its components, each a set of expression ids of which one must match
        self.components: dict[str, list[frozenset[int]]] = {}
        base = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_SINGLEMATCH
        for rule in rules:
            parts: list[frozenset[int]] = []
            if rule.requires:
                parts.append(self._add(expressions, flags, [re.escape(r).encode("utf-8")
                                                            for r in rule.requires], base))
            # Case folding may differ between Hyperscan and ``regex``, so the expressions of a
            # rule that ignores case are not used (its lower-case ``requires`` still are).
            if not rule.ignorecase:
                regex_flags = base | hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_ALLOWEMPTY
                if rule.prefilter is not None:
                    ids = self._compilable([rule.prefilter.pattern], regex_flags)
                    if ids:
                        parts.append(self._add(expressions, flags, ids, regex_flags))
                sources = [p.pattern for p in rule.patterns]
                compiled = self._compilable(sources, regex_flags)
                if len(compiled) == len(sources):
                    parts.append(self._add(expressions, flags, compiled, regex_flags))
            self.components[rule.id] = parts
        self.lower_needed = any(rule.ignorecase and rule.requires for rule in rules)
        self.key = hashlib.sha256(repr((expressions, flags)).encode()).hexdigest()[:32]
        self.expressions, self.flags = expressions, flags
        self.database: Any = None

    def _compilable(self, sources: list[str], flags: int) -> list[bytes]:
        """The sources Hyperscan can compile on their own (in prefilter mode)."""
        hs = self._hs
        ok = []
        for source in sources:
            data = source.encode("utf-8")
            try:
                hs.Database().compile(expressions=[data], ids=[0], elements=1, flags=[flags])
            except hs.error:
                continue
            ok.append(data)
        return ok

    @staticmethod
    def _add(expressions: list[bytes], flags: list[int], items: list[bytes],
             flag: int) -> frozenset[int]:
        first = len(expressions)
        expressions.extend(items)
        flags.extend([flag] * len(items))
        return frozenset(range(first, len(expressions)))

    def build(self) -> None:
        """Compile the database, or read it from the per-user cache."""
        hs = self._hs
        if not self.expressions:
            return
        from medsos_cli import cache

        stored = cache.load_blob(f"hyperscan-{self.key}")
        if stored is not None:
            try:
                database = hs.loadb(stored, hs.HS_MODE_BLOCK)
                database.scratch = hs.Scratch(database)  # a loaded database has none
                self.database = database
                return
            except hs.error:
                pass
        database = hs.Database(mode=hs.HS_MODE_BLOCK)
        database.compile(expressions=self.expressions, ids=list(range(len(self.expressions))),
                         elements=len(self.expressions), flags=self.flags)
        self.database = database
        cache.store_blob(f"hyperscan-{self.key}", hs.dumpb(database))

    def candidates(self, doc: Document) -> frozenset[str] | None:
        """Ids of the rules that may match ``doc`` (None: every rule must check itself)."""
        if self.database is None:
            return None
        text = doc.text
        if _UNUSUAL.search(text):
            return None
        matched: set[int] = set()
        add = matched.add

        def on_match(expression: int, start: int, end: int, flags: int, context: Any) -> None:
            add(expression)

        # The text, and its lower-case form for the ``requires`` of rules that ignore case
        # (lower case, matched against the lower-case text as the rules do). Any expression
        # matching in either only makes a rule check itself.
        scan = self.database.scan
        scan(text.encode("utf-8"), match_event_handler=on_match)
        if self.lower_needed:
            scan(doc.lower_text.encode("utf-8"), match_event_handler=on_match)
        return frozenset(rid for rid, parts in self.components.items()
                         if all(not part.isdisjoint(matched) for part in parts))
