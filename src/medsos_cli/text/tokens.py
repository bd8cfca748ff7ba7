"""Tokenizer for Indonesian captions, keeping code-point offsets into the original text.

Entities that are not prose (URLs, e-mail addresses, #tagar, @akun, emoji, money, times,
numbers) become their own tokens so that word rules and readability counts never see them.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

WORD = "word"
URL = "url"
EMAIL = "email"
HASHTAG = "hashtag"
MENTION = "mention"
EMOJI = "emoji"
MONEY = "money"
TIME = "time"
NUMBER = "number"
ABBR = "abbr"
PUNCT = "punct"
NEWLINE = "newline"

ENTITY_KINDS = (URL, EMAIL, HASHTAG, MENTION, EMOJI, MONEY, TIME, NUMBER)


class Token(NamedTuple):
    """A token: its kind, start and end offsets (code points), and its text."""

    kind: str
    start: int
    end: int
    text: str


# Top-level domains that make a bare ``name.tld`` a link (twitter-text also links bare domains).
_TLDS = (
    r"(?:go\.id|ac\.id|co\.id|or\.id|sch\.id|desa\.id|my\.id|web\.id|net\.id|mil\.id"
    r"|id|com|org|net|info|gov|edu|io|ly|me|co|biz|tv|app)"
)
_EMOJI = (
    r"(?:[\U0001F1E6-\U0001F1FF]{2}"  # flags
    r"|[0-9#*]\uFE0F?\u20E3"  # keycaps
    r"|\p{Extended_Pictographic}(?:\uFE0F|[\U0001F3FB-\U0001F3FF])*"
    r"(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|[\U0001F3FB-\U0001F3FF])*)*)"
)

_TOKEN_RE = regex.compile(
    r"""
    (?P<newline>\r\n|\n|\r)
  | (?P<space>[^\S\r\n]+)
  | (?P<url>(?:https?://|www\.)[^\s<>"]+[^\s<>".,;:!?)\]}'’”»]
           | (?<![\w@.-])[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.
             """ + _TLDS + r"""\b(?!@)(?:/[^\s<>"]*[^\s<>".,;:!?)\]}'’”»])?)
  | (?P<email>(?<![\w.+-])[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+)
  | (?P<mention>(?<![\w@])@[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?)
  | (?P<hashtag>(?<![\w#&])\#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)
  | (?P<emoji>""" + _EMOJI + r""")
  | (?P<money>\bRp\.?\s?\d{1,3}(?:[.,]\d{3})*(?:,\d+)?(?:[.,]-)?(?![\d]))
  | (?P<time>\b\d{1,2}[.:][0-5]\d(?:\s?(?:WIB|WITA|WIT)\b))
  | (?P<number>\d+(?:[.,]\d+)*(?:%|(?![\p{L}\d])))
  | (?P<abbr>\b(?:\p{L}{1,3}\.){2,}(?!\p{L}))
  | (?P<word>[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}'’]|-(?=[\p{L}\p{N}]))*)
  | (?P<punct>.)
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.DOTALL,
)

_KIND_BY_GROUP = {
    "newline": NEWLINE,
    "url": URL,
    "email": EMAIL,
    "mention": MENTION,
    "hashtag": HASHTAG,
    "money": MONEY,
    "time": TIME,
    "number": NUMBER,
    "abbr": ABBR,
    "word": WORD,
    "emoji": EMOJI,
    "punct": PUNCT,
}


def tokenize(text: str, start: int = 0) -> list[Token]:
    """Split ``text[start:]`` into tokens (spaces dropped), offsets relative to ``text``."""
    tokens: list[Token] = []
    append = tokens.append
    kinds = _KIND_BY_GROUP
    for m in _TOKEN_RE.finditer(text, start):
        group = m.lastgroup
        if group == "space":
            continue
        append(Token(kinds[group], m.start(), m.end(), m.group()))
    return tokens


@lru_cache(maxsize=1)
def abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Return (abbreviations, those that may also end a sentence), lower case, no period."""
    data = resources.files("medsos_cli.text").joinpath("abbreviations.txt").read_text("utf-8")
    plain: set[str] = set()
    final: set[str] = set()
    for raw in data.splitlines():
        item = raw.strip()
        if not item or item.startswith("#"):
            continue
        if item.startswith("+"):
            item = item[1:]
            final.add(item)
        plain.add(item)
    return frozenset(plain), frozenset(final)
