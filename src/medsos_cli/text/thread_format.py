"""How a thread (X, Threads) is saved in one file: its parts separated by a ``---`` line.

``medsos draft --out`` writes a thread this way and ``medsos lint`` measures each part against
the platform's limit, so both read the format from here.
"""

from __future__ import annotations

import re

THREAD_SEPARATOR = "\n\n---\n\n"

# A line holding only "---" with a blank line before and after it (CRLF tolerated).
SEPARATOR_RE = re.compile(r"\n(?:[ \t]*\r?\n)+[ \t]*---[ \t]*\r?\n(?:[ \t]*\r?\n)+")


def part_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the parts of a saved thread in ``text[start:end]`` (one span if no separator).

    Parts are separated by a line holding only ``---`` between blank lines
    (``THREAD_SEPARATOR``); the spans exclude the separators.
    """
    end = len(text) if end is None else end
    spans = []
    pos = start
    for m in SEPARATOR_RE.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return spans
