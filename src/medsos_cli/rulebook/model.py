"""The typed rule model shared by every rule kind."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from medsos_cli import fieldspec as fs
from medsos_cli.errors import RulebookError
from medsos_cli.findings import LEVEL_NAMES, Level
from medsos_cli.platforms import LABELS, PLATFORMS, TEXT_KINDS
from medsos_cli.ydata import YDict, YList

if TYPE_CHECKING:
    from medsos_cli.text.document import Document

PLACEHOLDERS = frozenset({"match", "suggestion", "count", "max", "min", "platform", "value"})


@dataclass(frozen=True)
class Where:
    """Where a rule was defined: file and line, and whether it is the bundled rulebook."""

    path: str
    line: int
    bundled: bool = False

    def error(self, message: str, line: int | None = None) -> RulebookError:
        """Build a RulebookError located at this rule (or at ``line``)."""
        return RulebookError(message, self.path, line or self.line)


@dataclass(frozen=True)
class Account:
    """Account defaults from the configuration, used by ``required`` rules."""

    name: str = ""
    hashtags: tuple[str, ...] = ()


@dataclass
class Context:
    """What a rule may consult besides the document."""

    account: Account = field(default_factory=Account)
    regex_timeout: float = 0.5
    # Spelling accept lists (lower-case words): [lint.vocabulary] accept, the account's name
    # and hashtags, the names and titles of roster.yaml (see lint/run.py build_linter).
    accept_words: frozenset[str] = frozenset()
    # [lint.vocabulary] reject: always flagged by the spelling rule, even if in the dictionary.
    reject_words: frozenset[str] = frozenset()
    # Single words that term rules (substitution, existence) already report: the dictionary
    # rules leave them to those rules, so one word gets one finding.
    term_words: frozenset[str] = frozenset()


@dataclass
class Hit:
    """A raw match of a rule, before it becomes a positioned Finding."""

    offset: int
    length: int
    text: str
    suggestions: tuple[str, ...] = ()
    fixable: bool = False
    values: dict[str, Any] = field(default_factory=dict)
    source: str | None = None


@dataclass
class Examples:
    """The examples a rule declares, with their lines for error messages; ``fixed`` holds, by
    index into ``bad``, the text ``--fix`` must make of that example (``{text, fixed}``)."""

    bad: list[tuple[str, int]]
    good: list[tuple[str, int]]
    fixed: dict[int, str] = field(default_factory=dict)


class Rule:
    """Base class of every rule kind: a subclass declares ``kind`` and ``FIELDS`` (the common
    fields plus its own: ``FIELDS = Rule.FIELDS + fs.Spec(...)``), takes its values in
    ``setup`` and defines ``check``. ``KEYS`` (the declared names) follows from ``FIELDS``."""

    kind: ClassVar[str] = ""
    FIELDS: ClassVar[fs.Spec]
    KEYS: ClassVar[frozenset[str]] = frozenset()
    uses_terms: ClassVar[bool] = False
    # From the bundled rulebook: its patterns are vetted by its tests (which also run the
    # catastrophic-backtracking probe), so they skip the probe at load and the per-call limit.
    trusted: bool = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.KEYS = cls.FIELDS.names

    def __init__(self, data: YDict, where: Where):
        self.where = where
        self.trusted = where.bundled
        rule_id = data.get("id")

        def fail(message: str, line: int | None) -> RulebookError:
            return where.error(f"aturan {rule_id}: {message}", line)

        v = self.FIELDS.read(data, fail, context=f" untuk kind {self.kind}",
                             options={"probe": not where.bundled})
        self.id: str = v["id"]
        self.level: Level = Level.parse(str(v["level"]))
        self.message: str = v["message"].strip()
        self.source: str = v["source"].strip()
        self.description: str = v["description"]
        self._summary: str = v["summary"]
        self.platforms: tuple[str, ...] = tuple(v["platforms"])
        self.kinds: tuple[str, ...] = tuple(v["kinds"])
        self.examples: Examples = v["examples"]
        self._check_message()
        self.setup(v, data)

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """Take the kind's own values ``v`` (checked against ``FIELDS``); raise
        ``self.where.error(...)`` for what spans fields (``max`` or ``min``)."""

    # -- scope -------------------------------------------------------------------------------
    def applies_to(self, platform: str | None, kind: str) -> bool:
        """Whether the rule runs for a text of this platform and kind."""
        if self.platforms and platform not in self.platforms:
            return False
        return not (self.kinds and kind not in self.kinds)

    def example_context(self) -> tuple[str | None, str]:
        """Platform and kind used to lint this rule's examples."""
        return (self.platforms[0] if self.platforms else None,
                self.kinds[0] if self.kinds else "caption")

    # -- behaviour ---------------------------------------------------------------------------
    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """The hits of this rule in ``doc`` (term rules are matched by the engine)."""
        return []

    def format_message(self, hit: Hit, platform: str | None) -> str:
        """Fill the message placeholders for one hit (a hit's ``values`` first; ``match``,
        ``suggestion`` and ``platform`` from the hit; the others empty)."""
        message = self.message
        names = self._placeholders  # read from the message once, when the rule was built
        if not names and "{" not in message and "}" not in message:
            return message
        given = hit.values
        values: dict[str, Any] = {}
        for name in names:
            if name in given:
                values[name] = given[name]
            elif name == "match":
                values[name] = hit.text
            elif name == "suggestion":
                values[name] = " / ".join(hit.suggestions)
            elif name == "platform":
                values[name] = LABELS.get(platform or "", platform or "-")
            else:
                values[name] = ""
        return message.format_map(values)

    @property
    def summary(self) -> str:
        """A plain sentence naming what the rule checks, with no placeholders: ``summary``;
        without one, the first sentence of ``description``; without that, the message with
        each placeholder replaced by an ellipsis (a rulebook written before ``summary``)."""
        if self._summary:
            return self._summary
        first = _first_sentence(self.description)
        if first:
            return first
        text = _PLACEHOLDER.sub("…", self.message)
        return " ".join(text.split())

    def _check_message(self) -> None:
        try:
            parsed = [(f, spec) for _, f, spec, _ in string.Formatter().parse(self.message)
                      if f is not None]
        except ValueError as exc:
            raise self.where.error(f"aturan {self.id}: pesan tidak sah ({exc})") from None
        for name, spec in parsed:
            # A width such as {count:>999999999} would build a gigabyte string per finding;
            # messages are plain sentences, so a placeholder takes no format spec at all.
            if spec or "{" in name or "[" in name or "." in name:
                raise self.where.error(
                    f"aturan {self.id}: penanda “{{{name}{':' + spec if spec else ''}}}” tidak "
                    "boleh memakai format (lebar, presisi, indeks); tulis {nama} saja")
        self._placeholders = tuple(dict.fromkeys(f for f, _ in parsed if f))
        for name in self._placeholders:
            if name not in PLACEHOLDERS:
                raise self.where.error(
                    f"aturan {self.id}: penanda “{{{name}}}” tidak dikenal dalam message; "
                    f"yang tersedia: {', '.join(sorted(PLACEHOLDERS))}")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id} {self.level.label}>"




_PLACEHOLDER = re.compile(r"\{[a-z]+\}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""


def _summary(value: str, values: dict, options: object) -> str:
    if not value.strip():
        raise fs.FieldError("“summary” harus berupa teks")
    if "{" in value or "}" in value:
        # The summary is shown where no finding exists (SARIF, rules list): nothing to fill in.
        raise fs.FieldError("“summary” adalah kalimat biasa tanpa penanda {…}; penanda hanya "
                            "untuk message")
    return " ".join(value.split())


def _examples(raw: YDict, values: dict, options: object) -> Examples:
    unknown = set(raw) - {"bad", "good"}
    if unknown:
        raise fs.FieldError(f"kunci examples tidak dikenal: {', '.join(sorted(unknown))}",
                            raw.line_of(sorted(unknown)[0]))
    result: dict[str, list[tuple[str, int]]] = {}
    fixed: dict[int, str] = {}
    for key in ("bad", "good"):
        items = raw.get(key)
        if not isinstance(items, list) or not items:
            raise fs.FieldError(f"examples.{key} wajib berisi sedikitnya satu contoh",
                                raw.line_of(key))
        lines = items.item_lines if isinstance(items, YList) else [raw.line_of(key)] * len(items)
        pairs: list[tuple[str, int]] = []
        for item, line in zip(items, lines, strict=True):
            if key == "bad" and isinstance(item, dict) and set(item) == {"text", "fixed"}:
                text, after = item["text"], item["fixed"]
                if not isinstance(text, str) or not isinstance(after, str):
                    raise fs.FieldError("“text” dan “fixed” contoh harus berupa teks", line)
                fixed[len(pairs)] = after
                item = text
            pairs.append((_example_text(item, line), line))
        result[key] = pairs
    return Examples(bad=result["bad"], good=result["good"], fixed=fixed)


_REPEAT_KEYS = frozenset({"repeat", "times", "separator", "after"})


def _example_text(item: object, line: int) -> str:
    """An example: a string, or ``{repeat, times, separator, after}`` for very long texts."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict) and set(item) <= _REPEAT_KEYS and "repeat" in item:
        unit, times = item.get("repeat"), item.get("times", 1)
        separator, after = item.get("separator", " "), item.get("after")
        if (isinstance(unit, str) and isinstance(times, int) and not isinstance(times, bool)
                and 0 < times <= 100_000 and isinstance(separator, str)
                and (after is None or isinstance(after, str))):
            text = separator.join([unit] * times)
            return text + separator + after if after else text
    raise fs.FieldError("contoh harus berupa teks, {text, fixed} (contoh buruk dengan hasil "
                        "--fix), atau {repeat, times, separator, after}", line)


# The keys every rule has, in the order they are checked.
Rule.FIELDS = fs.Spec(
    fs.string("id", required=True),
    fs.string("kind", required=True),
    fs.choice("level", LEVEL_NAMES, required=True, fold=True),
    fs.string("message", required=True),
    fs.string("source", required=True),
    fs.string("description", default=""),
    fs.string("summary", default="", convert=_summary),
    fs.strings("platforms", choices=PLATFORMS),
    fs.strings("kinds", choices=TEXT_KINDS),
    fs.mapping("examples", required=True, what="pemetaan bad dan good", convert=_examples),
)
COMMON_KEYS = Rule.FIELDS.names
