"""Tokenizer for Indonesian captions, keeping code-point offsets into the original text.

Entities that are not prose (URLs, e-mail addresses, #tagar, @akun, emoji, money, times,
numbers) become their own tokens so that word rules and readability counts never see them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
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

# The full token pattern, compiled on first use (~3 ms): most captions are words, tags and
# numbers that the cheaper passes below take apart without it.
_TOKEN_SOURCE = (r"""
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
  | (?P<word>[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’-](?=[\p{L}\p{N}]))*)
  | (?P<punct>.)
    """)
_TOKEN_RE: regex.Pattern | None = None


def _token_pattern() -> regex.Pattern:
    global _TOKEN_RE
    if _TOKEN_RE is None:
        _TOKEN_RE = regex.compile(_TOKEN_SOURCE, regex.VERBOSE | regex.IGNORECASE | regex.DOTALL)
    return _TOKEN_RE


_JOINED_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)+")
_HASHTAG_RE = regex.compile(r"\#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*")
_MENTION_RE = re.compile(r"@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*%?")
_EMOJI_RE = regex.compile(_EMOJI)
_EMOJI_RUN_RE = regex.compile(f"(?:{_EMOJI})+")

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


_new = tuple.__new__
_LEAD = "([{“\"'‘«"
_TRAIL = ".,!?:;)]}”\"'’…»"
_ZONES = frozenset({"WIB", "WITA", "WIT", "wib", "wita", "wit", "Wib", "Wita", "Wit"})
_TIME_RE = re.compile(r"\d{1,2}[.:][0-5]\d")
_MONEY_DIGITS_RE = re.compile(r"\d{1,3}(?:[.,]\d{3})*(?:,\d+)?")
# Characters that the ``re`` module treats as spaces but the token pattern does not.
_ODD_SPACE = re.compile("[\x1c-\x1f]")
# First pass (stdlib ``re``, faster than ``regex`` here): line breaks, plain words, other chunks.
_CHUNK_RE = re.compile(
    r"([^\S\r\n]*)(?:(\r\n|\n|\r)|([^\W\d_]+)([.,!?:;]?)(?=\s|\Z)|(\S+))")


def _tokenize_with_pattern(text: str, start: int, end: int, tokens: list[Token]) -> None:
    kinds = _KIND_BY_GROUP
    append = tokens.append
    for m in _token_pattern().finditer(text, start, end):
        group = m.lastgroup
        if group != "space":  # every alternative is a named group: never None
            append(_new(Token, (kinds[group], m.start(), m.end(), m.group())))  # type: ignore[index]


def _plain_word(core: str) -> bool:
    """A word of letters, with inner hyphens or apostrophes (anak-anak, Jum'at)."""
    return core.isalpha() or _JOINED_WORD_RE.fullmatch(core) is not None


def tokenize(text: str, start: int = 0) -> list[Token]:
    """Split ``text[start:]`` into tokens (spaces dropped), offsets relative to ``text``.

    Most chunks between spaces are plain words, recognised by a cheap first pass; only chunks
    with digits, symbols, links, tags or emoji go through the full token pattern. A time
    (``08.00 WIB``) or an amount (``Rp 5.000``) written across one space is merged afterwards.
    """
    tokens: list[Token] = []
    if _ODD_SPACE.search(text, start):
        _tokenize_with_pattern(text, start, len(text), tokens)
        return tokens
    append = tokens.append
    pos = start
    # findall (one C call) gives the pieces in order; offsets are the running sum of lengths.
    for space, newline, word, mark, chunk in _CHUNK_RE.findall(text, start):
        pos += len(space)
        if word:
            end = pos + len(word)
            if word in _ZONES and tokens:
                _merge_time(text, tokens, pos, end)
            else:
                append(_new(Token, (WORD, pos, end, word)))
            pos = end
            if mark:
                append(_new(Token, (PUNCT, pos, pos + 1, mark)))
                pos += 1
            continue
        if newline:
            end = pos + len(newline)
            append(_new(Token, (NEWLINE, pos, end, newline)))
            pos = end
            continue
        at = pos
        pos = at + len(chunk)
        first = len(tokens)
        for kind, begin, stop in _chunk_layout(chunk):
            piece = chunk[begin:stop]
            if begin == 0 and kind == WORD and piece in _ZONES and tokens:
                _merge_time(text, tokens, at, at + stop)
            else:
                append(_new(Token, (kind, at + begin, at + stop, piece)))
        if first < len(tokens) and tokens[first].kind == NUMBER:
            _merge_money(text, tokens, first)
    return tokens


@lru_cache(maxsize=1 << 16)
def _chunk_layout(chunk: str) -> tuple[tuple[str, int, int], ...]:
    """Tokens of one space-free chunk as (kind, start, end) relative to the chunk.

    A chunk is tokenized the same way wherever it stands (the pattern only looks at what is
    inside it, and a space or the start of the text before it), so the layout is memoised:
    tags, emoji, dates and links recur across captions.
    """
    core = chunk.rstrip(_TRAIL)
    lead = len(core) - len(core.lstrip(_LEAD))
    core = core[lead:]
    if _plain_word(core):
        word_end = lead + len(core)
        return (tuple((PUNCT, i, i + 1) for i in range(lead)) + ((WORD, lead, word_end),)
                + tuple((PUNCT, i, i + 1) for i in range(word_end, len(chunk))))
    found: list[Token] = []
    if not _simple_chunk(chunk, core, lead, found):
        _tokenize_with_pattern(chunk, 0, len(chunk), found)
    return tuple((t.kind, t.start, t.end) for t in found)


def _simple_chunk(chunk: str, core: str, lead: int, tokens: list[Token]) -> bool:
    """Tokenize the common chunk shapes (#tagar, @akun, numbers, emoji runs) without the full
    pattern, offsets relative to the chunk; return False to let the full pattern decide."""
    first = chunk[0]
    if first == "#" or first == "@":
        found = (_HASHTAG_RE if first == "#" else _MENTION_RE).fullmatch(core) if not lead else None
        if found is None:
            return False
        kind = HASHTAG if first == "#" else MENTION
        tokens.append(_new(Token, (kind, 0, len(core), core)))
    elif first.isdigit():
        # "19:30" stays one token so that a following zone can make it a time.
        if lead or not (_NUMBER_RE.fullmatch(core) or _TIME_RE.fullmatch(core)):
            return False
        tokens.append(_new(Token, (NUMBER, 0, len(core), core)))
    elif first >= "\u2000":
        found = _EMOJI_RUN_RE.fullmatch(chunk)
        if found is None:
            return False
        for m in _EMOJI_RE.finditer(chunk):
            tokens.append(_new(Token, (EMOJI, m.start(), m.end(), m.group())))
        return True
    else:
        return False
    for i in range(len(core), len(chunk)):
        tokens.append(_new(Token, (PUNCT, i, i + 1, chunk[i])))
    return True


def _merge_time(text: str, tokens: list[Token], at: int, end: int) -> None:
    """``08.00 WIB``: a time followed by its zone across one space is one TIME token."""
    prev = tokens[-1]
    if (prev.kind == NUMBER and at - prev.end == 1 and _TIME_RE.fullmatch(prev.text)
            and text[prev.end] not in "\r\n"):
        tokens[-1] = _new(Token, (TIME, prev.start, end, text[prev.start:end]))
    else:
        tokens.append(_new(Token, (WORD, at, end, text[at:end])))


def _merge_money(text: str, tokens: list[Token], i: int) -> None:
    """``Rp 5.000`` / ``Rp. 5.000``: the amount after the symbol and one space is one token."""
    number = tokens[i]
    j = i - 1
    if j >= 0 and tokens[j].kind == PUNCT and tokens[j].text == "." and j > 0:
        j -= 1
    if j < 0 or tokens[j].kind != WORD or tokens[j].text.lower() != "rp":
        return
    symbol_end = tokens[i - 1].end
    if number.start - symbol_end != 1 or text[symbol_end] in "\r\n":
        return
    if j != i - 1 and tokens[i - 1].start != tokens[j].end:
        return
    digits = _MONEY_DIGITS_RE.match(number.text)
    if digits is None or digits.end() != len(number.text):
        return
    start = tokens[j].start
    stop = i + 1
    end = number.end
    # "Rp 5.000,-": the dash that closes a round amount belongs to it.
    if (len(tokens) >= i + 3 and tokens[i + 1].text in ",." and tokens[i + 2].text == "-"
            and tokens[i + 1].start == end and tokens[i + 2].start == end + 1):
        stop, end = i + 3, end + 2
    tokens[j:stop] = [_new(Token, (MONEY, start, end, text[start:end]))]


@lru_cache(maxsize=1)
def abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Return (abbreviations, those that may also end a sentence), lower case, no period."""
    data = Path(__file__).with_name("abbreviations.txt").read_text("utf-8")
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
