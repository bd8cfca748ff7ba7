"""Split a post that is over a platform's limit into a numbered thread (X, Threads).

Numbering: every part starts with ``k/n`` and one space (``1/4 Pendaftaran ...``), the form
the SOP's thread playbook uses (sop-and-content §4.9: posts ``k/n``; the hook of post 1 with
"(utas)" or 🧵 is the template's job). A prefix rather than a ``(k/n)`` suffix: the reader sees
where they are in the thread before reading, and the number never ends up after the hashtags
of the last part. The number counts against the limit, and its width depends on the number
of parts, so packing is repeated with a wider number until the count of parts is stable.

Where a part ends: the text is cut only at white space, never inside a link (also a bare
domain such as ``kotacontoh.go.id``), a #tagar, an @akun, an emoji sequence, a word, an amount
(``Rp 2.500.000``) or a time (``08.00 WIB``). Each part is filled greedily; it ends at the
last paragraph break (blank line) that keeps it at least half full, otherwise at the last
sentence or line break that keeps it at least half full (or a quarter full, rather than cut a
sentence), otherwise at the last word break (a break before a lone dash or emoji only as a
last resort). With ``hashtags_last`` the
hashtags that close the text (one or more trailing lines or words of only #tagar) stay
together with the last word, so they appear in the last part only; a hashtag inside a sentence
is an ordinary word.

The parts are the text as written (line breaks kept), CRLF read as LF; for X the text is
NFC-normalised first, as X counts it. How a thread is saved in one file (and read back by
``medsos lint``) is ``medsos_cli.text.thread_format``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from itertools import accumulate
from typing import NoReturn

from medsos_cli.errors import InputError
from medsos_cli.platforms import COUNTERS, measure

# Break levels of the gap before an atom (higher is a better place to end a part).
_NEVER, _WEAK, _WORD, _SENTENCE, _PARAGRAPH = -1, 0, 1, 2, 3
_MAX_DIGITS = 4
_ADDITIVE = frozenset({"chars", "utf8_bytes", "utf16"})
# Where a part may end, best first: a paragraph break that leaves the part at least half full,
# a sentence or line break that does, one that leaves it a quarter full (better than cutting a
# sentence), any word break, any break at all.
_PREFERENCES = ((_PARAGRAPH, 0.5), (_SENTENCE, 0.5), (_SENTENCE, 0.25), (_WORD, 0), (_WEAK, 0))
_SPACE_RE = re.compile(r"\s")
_CHUNK_RE = re.compile(r"\S+")
_ALNUM_RE = re.compile(r"[^\W_]")


def split_thread(text: str, *, limit: int, mode: str, hashtags_last: bool = True) -> list[str]:
    """Return ``[text]`` when it fits ``limit`` (counted in ``mode``), else the numbered parts.

    Raises ``InputError`` when something that may not be cut (a link, tag, word, or the closing
    hashtags with the last word) does not fit in one part together with its number.
    """
    if mode not in COUNTERS:
        raise ValueError(f"unknown count mode: {mode}")
    if limit <= 0:
        raise ValueError("limit must be positive")
    if measure(text, mode) <= limit:
        return [text]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if mode == "x_weighted":
        text = unicodedata.normalize("NFC", text)
    stripped = text.strip()
    if stripped != text and measure(stripped, mode) <= limit:
        return [stripped]  # only the surrounding white space was over
    plan = _Plan(text, mode, hashtags_last)
    # At least total/limit parts: start with the width of that count.
    fewest = -(-plan.weight(0, len(plan.atoms)) // limit)
    for digits in range(len(str(fewest)), _MAX_DIGITS + 1):
        cuts = plan.pack(limit, digits)
        if cuts is not None and len(str(len(cuts))) <= digits:
            break
    else:  # pragma: no cover - 10,000 parts are far beyond any post
        raise InputError("teks terlalu panjang untuk dijadikan utas")
    bodies = [text[plan.atoms[i][0]:plan.atoms[j - 1][1]] for i, j in cuts]
    if len(bodies) == 1:
        return bodies
    n = len(bodies)
    return [f"{k}/{n} {body}" for k, body in enumerate(bodies, 1)]


def join_thread(parts: list[str]) -> str:
    """The text of a thread without its ``k/n`` numbers, parts joined in order.

    The white space at a cut is not recorded: a part that ends in a letter, digit, comma,
    semicolon or hyphen (a cut inside a sentence) is followed by a space, any other by a blank
    line. The words come back exactly; line breaks at the cuts may differ from the original.
    """
    if len(parts) <= 1:
        return parts[0] if parts else ""
    n = len(parts)
    pieces: list[str] = []
    for k, part in enumerate(parts, 1):
        prefix = f"{k}/{n} "
        body = part[len(prefix):] if part.startswith(prefix) else part
        if pieces:
            last = pieces[-1][-1:]
            pieces.append(" " if last.isalnum() or last in ",;-" else "\n\n")
        pieces.append(body.strip())
    return "".join(pieces)


class _Plan:
    """The text cut into atoms (white-space separated, never broken) with break levels."""

    def __init__(self, text: str, mode: str, hashtags_last: bool):
        from medsos_cli.text import tokens as tk
        from medsos_cli.text.document import Document

        self.text = text
        self.mode = mode
        doc = Document(text)
        tokens = doc.tokens
        atoms = [(m.start(), m.end()) for m in _CHUNK_RE.finditer(text)]
        starts = [a for a, _ in atoms]
        levels = [_PARAGRAPH] * (len(atoms) + 1)  # levels[g]: gap before atom g; g == len: end
        for g in range(1, len(atoms)):
            gap = text.count("\n", atoms[g - 1][1], atoms[g][0])
            levels[g] = _PARAGRAPH if gap >= 2 else _SENTENCE if gap == 1 else _WORD
        for s in doc.sentences:
            g = bisect.bisect_right(starts, s.end - 1)
            if g < len(atoms) and levels[g] < _SENTENCE:
                levels[g] = _SENTENCE
        alnum = _ALNUM_RE.search
        for g in range(1, len(atoms)):
            if levels[g] == _WORD and alnum(text, atoms[g][0], atoms[g][1]) is None:
                levels[g] = _WEAK  # keep a lone dash or emoji with the word before it
        # A token that spans white space (``08.00 WIB``, ``Rp 5.000``) is never cut.
        for t in tokens:
            if _SPACE_RE.search(t.text):
                first = bisect.bisect_right(starts, t.start) - 1
                last = bisect.bisect_right(starts, t.end - 1) - 1
                for g in range(first + 1, last + 1):
                    levels[g] = _NEVER
        if hashtags_last:
            tail = _hashtag_tail(tokens, starts, tk)
            if 0 < tail < len(atoms):
                for g in range(tail, len(atoms)):
                    levels[g] = _NEVER
        self.atoms = atoms
        self.levels = levels
        self.cumulative = _cumulative_weights(text, mode, tokens, tk)

    def weight(self, i: int, j: int) -> int:
        """Estimated length of atoms ``i..j-1`` with the white space between them."""
        return self.cumulative[self.atoms[j - 1][1]] - self.cumulative[self.atoms[i][0]]

    def pack(self, limit: int, digits: int) -> list[tuple[int, int]] | None:
        """Atom ranges of the parts with a ``k/n`` number of ``digits`` digits for n; None
        when more than ``10**digits - 1`` parts are needed."""
        atoms, levels = self.atoms, self.levels
        m = len(atoms)
        cuts: list[tuple[int, int]] = []
        i = 0
        placeholder = "9" * digits
        while i < m:
            number = len(cuts) + 1
            if len(str(number)) > digits:
                return None
            prefix = f"{number}/{placeholder} "
            budget = limit - len(prefix)
            # Last fitting end for each preference: (minimum break level, minimum fill).
            best = [0] * len(_PREFERENCES)
            j = i + 1
            while j <= m:
                size = self.weight(i, j)
                if size > budget:
                    break
                level = levels[j]
                for p, (min_level, min_fill) in enumerate(_PREFERENCES):
                    if level >= min_level and size >= min_fill * budget:
                        best[p] = j
                j += 1
            if j > m:
                cuts.append((i, m))
                break
            candidates = [end for end in best if end]
            end = self._verified(i, candidates, prefix, limit)
            cuts.append((i, end))
            i = end
        return cuts

    def _verified(self, i: int, candidates: list[int], prefix: str, limit: int) -> int:
        """The first candidate end whose numbered part measures within ``limit`` exactly;
        a smaller end when the estimate was off. Per-code-point counts add up exactly, so
        only X (links and emoji found by the tokenizer in the part alone) and grapheme counts
        are measured again."""
        text, atoms, levels = self.text, self.atoms, self.levels
        if self.mode in _ADDITIVE:
            return candidates[0] if candidates else self._too_long(i, prefix, limit)
        tried = set()
        for end in candidates:
            while end > i:
                if end not in tried:
                    tried.add(end)
                    body = text[atoms[i][0]:atoms[end - 1][1]]
                    if measure(prefix + body, self.mode) <= limit:
                        return end
                end -= 1
                while end > i and levels[end] < _WEAK:
                    end -= 1
        self._too_long(i, prefix, limit)

    def _too_long(self, i: int, prefix: str, limit: int) -> NoReturn:
        atoms, levels = self.atoms, self.levels
        j = i + 1
        while j < len(atoms) and levels[j] == _NEVER:
            j += 1
        unit = self.text[atoms[i][0]:atoms[j - 1][1]]
        shown = unit if len(unit) <= 60 else unit[:57] + "..."
        size = measure(prefix + unit, self.mode)
        if j == len(atoms) and any(t.startswith("#") for t in unit.split()[1:]):
            what = "tagar penutup bersama kata terakhirnya"
        else:
            what = "bagian yang tidak boleh dipotong"
        raise InputError(
            f"tidak dapat dipecah menjadi utas: {what} “{shown}” sudah {size} dari batas "
            f"{limit} termasuk nomor bagian; tautan, tagar, sebutan, dan kata tidak dipotong")


def _hashtag_tail(tokens, starts: list[int], tk) -> int:
    """Index of the first atom of the closing run of hashtag-only atoms (len if none)."""
    tail = len(starts)
    current = None
    has_tag = False
    for t in reversed(tokens):
        if t.kind == tk.NEWLINE:
            continue
        atom = bisect.bisect_right(starts, t.start) - 1
        if atom != current:
            if current is not None:
                if not has_tag:
                    return tail
                tail = current
            current, has_tag = atom, False
        if t.kind == tk.HASHTAG:
            has_tag = True
        elif t.kind != tk.PUNCT:
            return tail
    if current is not None and has_tag:
        tail = current
    return tail


def _cumulative_weights(text: str, mode: str, tokens, tk) -> list[int]:
    """Prefix sums of per-code-point weights, so that the length of any span that starts and
    ends at white space is one subtraction."""
    if mode == "chars":
        weights = [1] * len(text)
    elif mode == "utf8_bytes":
        weights = [len(ch.encode("utf-8", "surrogatepass")) for ch in text]
    elif mode == "utf16":
        weights = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
    elif mode == "graphemes":
        import regex

        weights = [0] * len(text)
        for m in regex.finditer(r"\X", text):
            weights[m.start()] = 1
    else:  # x_weighted
        from medsos_cli.platforms import _X_HEAVY, X_DEFAULT_WEIGHT, X_SCALE, X_URL_LENGTH

        heavy = {m.start() for m in _X_HEAVY.finditer(text)}
        weights = [2 if k in heavy else 1 for k in range(len(text))]
        for t in tokens:
            if t.kind == tk.URL or t.kind == tk.EMOJI:
                weights[t.start:t.end] = [0] * (t.end - t.start)
                weights[t.start] = (X_URL_LENGTH if t.kind == tk.URL
                                    else X_DEFAULT_WEIGHT // X_SCALE)
    return [0, *accumulate(weights)]
