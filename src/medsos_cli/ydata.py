"""Mappings and sequences read from YAML, carrying line numbers (no YAML import here)."""

from __future__ import annotations


class YDict(dict):
    """A mapping read from YAML, with the line of the mapping and of each key."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = 0
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        """Line of ``key`` (or of the mapping when the key is absent)."""
        return self.key_lines.get(key, self.line)


class YList(list):
    """A sequence read from YAML, with the line of the sequence and of each item."""

    def __init__(self, *args):
        super().__init__(*args)
        self.line = 0
        self.item_lines: list[int] = []
