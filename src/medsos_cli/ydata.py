"""Mappings and sequences read from YAML, carrying line numbers (no YAML import here)."""

from __future__ import annotations

import re


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


# A line ``key: value`` that YAML reads as two plain strings: the key and the value start with
# a letter and hold only letters, digits, ``_`` and ``-``, or the value is double-quoted
# without escapes, quotes or characters YAML treats specially (controls, line separators).
_SIMPLE_LINE = re.compile(
    r"([A-Za-z_][A-Za-z0-9_-]*):[ ]+([A-Za-z][A-Za-z0-9_-]*"
    r'|"[\x20\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe'
    r'\uff00-\ufffd\U00010000-\U0010ffff]*")[ ]*')
# Plain words YAML 1.1 reads as booleans or null (compared in lower case: stricter than YAML).
_YAML_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n"})


def simple_mapping(text: str) -> YDict | None:
    """``text`` as YAML would read it, when every line is a ``key: value`` pair of plain
    strings with distinct keys (a caption's front matter: ``platform: instagram``); None for
    anything else, which the YAML parser then reads. Lines are 1-based in ``text``."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        return None
    result = YDict()
    result.line = 1
    for number, line in enumerate(lines, 1):
        if line.endswith("\r"):
            line = line[:-1]
        found = _SIMPLE_LINE.fullmatch(line)
        if found is None:
            return None
        key, value = found.groups()
        if key in result or key.lower() in _YAML_WORDS or value.lower() in _YAML_WORDS:
            return None
        result[key] = value[1:-1] if value.startswith('"') else value
        result.key_lines[key] = number
    return result
