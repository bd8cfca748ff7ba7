"""Per-document facts shared by the dictionary and mechanics rules, computed once.

The rules run one after another on the same document, so a one-entry cache compared by
identity is enough (no attribute is added to the Document).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Hashable

    from medsos_cli.text.document import Document

_LAST: dict[Hashable, object] = {"doc": None}


def distinct_lower(doc: Document) -> frozenset[str]:
    """The distinct lower-case words of ``doc`` (one C-level set build)."""
    if _LAST["doc"] is not doc:
        _LAST.clear()
        _LAST["doc"] = doc
    found = _LAST.get("lower")
    if found is None:
        found = _LAST["lower"] = frozenset(doc.lower_words)
    return found  # type: ignore[return-value]


def sentence_starts(doc: Document) -> frozenset[int]:
    """Indexes (in ``doc.words``) of the first word of each sentence."""
    distinct_lower(doc)  # resets the cache for a new document
    found = _LAST.get("starts")
    if found is None:
        found = _LAST["starts"] = frozenset(s.first_word for s in doc.sentences)
    return found  # type: ignore[return-value]


def remember(doc: Document, key: Hashable, compute):
    """A value computed once per document under ``key``."""
    distinct_lower(doc)
    if key not in _LAST:
        _LAST[key] = compute()
    return _LAST[key]
