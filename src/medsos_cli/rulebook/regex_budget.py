"""A bound on the repetition counts of a user's regular expression, checked before it is
compiled: ``a{1000000000}`` compiles, then takes minutes and gigabytes on its first match, which
neither the time probe nor a timeout stops in time. The check reads the pattern's text (escapes
and character classes skipped) and multiplies the counts of nested repeated groups.

:func:`regex_field` declares a rule field holding regular expressions: each is refused when it
repeats too much, does not compile, or (outside the bundled rulebook) backtracks
catastrophically on the probe inputs."""

from __future__ import annotations

import re
from typing import Any

import regex

from medsos_cli import fieldspec as fs

MAX_REPEAT = 1000  # the largest count in one {m,n}
MAX_NESTED_REPEAT = 10_000  # the product of the counts of repeats nested in each other

# Inputs on which a pattern with catastrophic backtracking shows itself within the probe limit.
_PROBES = (
    "a" * 4000 + "!",
    "aa " * 1500 + "!",
    "1" * 4000 + "x",
    "A" * 4000 + "!",
    "a." * 2000 + "!",
    " " * 4000 + "x",
    "a" * 2000 + "@" + "a" * 2000,
)
# Linear patterns finish the probes in microseconds; catastrophic ones take exponential time,
# so a generous limit separates them even on a busy machine.
PROBE_TIMEOUT = 0.5

_QUANTIFIER = re.compile(r"\{(\d*)(?:,(\d*))?\}")
_BRACED_ESCAPES = frozenset("pPNxgu")  # \p{L}, \N{name}, \x{263a}, \g{1}: braces, not counts


def repetition_problem(source: str) -> str | None:
    """Why ``source`` repeats too much (Indonesian, for a rule error), or None when it is within
    :data:`MAX_REPEAT` and :data:`MAX_NESTED_REPEAT`."""
    stack: list[int] = []  # the weight of each enclosing group so far
    current = 1  # the largest weight in the current group
    last = 1  # the weight of the last atom or group (what a following count multiplies)
    i, n = 0, len(source)
    while i < n:
        char = source[i]
        if char == "\\":
            if i + 2 < n and source[i + 1] in _BRACED_ESCAPES and source[i + 2] == "{":
                close = source.find("}", i + 3)
                i = n if close < 0 else close + 1
            else:
                i += 2
            last = 1
            continue
        if char == "[":
            i = _class_end(source, i)
            last = 1
            continue
        if char == "(":
            stack.append(current)
            current = 1
            i += 1
            continue
        if char == ")" and stack:
            last = current
            current = max(stack.pop(), last)
            i += 1
            continue
        if char == "{":
            found = _QUANTIFIER.match(source, i)
            if found is not None and (found.group(1) or found.group(2)):
                count = max(int(x) for x in found.groups() if x)
                if count > MAX_REPEAT:
                    return (f"pengulangan {found.group()} terlalu besar "
                            f"(batas {_number(MAX_REPEAT)} per pengulangan)")
                last *= max(count, 1)
                if last > MAX_NESTED_REPEAT:
                    return (f"pengulangan bertingkat sampai {found.group()} terlalu besar "
                            f"(batas hasil kali {_number(MAX_NESTED_REPEAT)})")
                current = max(current, last)
                i = found.end()
                continue
        last = 1
        i += 1
    return None


def _class_end(source: str, i: int) -> int:
    """The index after the character class opening at ``i`` (``[]a]`` and ``[^]a]`` hold ``]``;
    nested sets of the ``regex`` module are followed by depth)."""
    j = i + 1
    if j < len(source) and source[j] == "^":
        j += 1
    if j < len(source) and source[j] == "]":
        j += 1
    depth = 1
    while j < len(source):
        char = source[j]
        if char == "\\":
            j += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return j


def probe_problem(compiled: regex.Pattern) -> str | None:
    """Why ``compiled`` is refused by the backtracking probe (Indonesian), or None."""
    for probe in _PROBES:
        try:
            for _ in compiled.finditer(probe, timeout=PROBE_TIMEOUT):
                pass
        except TimeoutError:
            return (f"pola “{compiled.pattern}” terlalu lambat pada masukan uji (lebih dari "
                    f"{PROBE_TIMEOUT:g} detik): kemungkinan backtracking katastrofik")
    return None


def compile_checked(source: str, flags: int = 0, *, probe: bool = True,
                    nonempty: bool = False) -> regex.Pattern:
    """Compile a rule's pattern within the repetition budget (and the probe, when ``probe``);
    ``nonempty``: refuse one that matches the empty text. Raises ``fieldspec.FieldError``."""
    problem = repetition_problem(source)
    if problem is not None:
        raise fs.FieldError(f"ekspresi reguler ditolak: {problem}")
    try:
        compiled = regex.compile(source, flags)
    except regex.error as exc:
        raise fs.FieldError(f"ekspresi reguler tidak sah: {exc}") from None
    if probe:
        slow = probe_problem(compiled)
        if slow is not None:
            raise fs.FieldError(slow)
    if nonempty and compiled.fullmatch("") is not None:
        raise fs.FieldError(f"pola “{source}” cocok dengan teks kosong")
    return compiled


def regex_field(name: str, *, many: bool = False, ignorecase: bool | str = False,
                probe: bool = True, nonempty: bool = False) -> fs.Field:
    """A rule field of one regular expression (``many``: or a list), compiled with
    IGNORECASE when ``ignorecase`` is True or names a flag field read before it that is true;
    probed unless ``probe`` is False or the rule comes from the bundled rulebook (option
    ``probe`` of the read)."""

    def compile_(value: Any, values: dict[str, Any], options: Any) -> Any:
        fold = values.get(ignorecase) if isinstance(ignorecase, str) else ignorecase
        flags = regex.IGNORECASE if fold else 0
        run_probe = probe and options.get("probe", True)
        compiled = [compile_checked(v, flags, probe=run_probe, nonempty=nonempty)
                    for v in (value if many else [value])]
        return compiled if many else compiled[0]

    return fs.regex(name, compile_, many=many)


def _number(n: int) -> str:
    """``n`` in Indonesian (only on a refusal: forms stays off the lint start-up path)."""
    from medsos_cli.forms import number

    return number(n)
