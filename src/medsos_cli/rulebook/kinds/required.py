"""``required``: the text must contain something (e.g. the account's official hashtag)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import regex

from medsos_cli import fieldspec as fs
from medsos_cli.rulebook.model import Context, Hit, Rule
from medsos_cli.rulebook.regex_budget import regex_field
from medsos_cli.ydata import YDict

if TYPE_CHECKING:
    from medsos_cli.text.document import Document

SOURCES = ("account.hashtags", "account.name")


class RequiredRule(Rule):
    """Reports at the start of the text when none (or not all) of the values is present."""

    kind = "required"
    FIELDS = Rule.FIELDS + fs.Spec(
        fs.choice("values_from", SOURCES),
        fs.strings("tokens"),
        fs.strings("example_values"),
        # searched with a time limit at lint time, so not probed at load
        regex_field("pattern", ignorecase=True, probe=False),
        fs.choice("match", ("any", "all"), default="any"),
    )

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """Exactly one of values_from, tokens and pattern; any or all of them."""
        self.values_from: str | None = v["values_from"]
        self.tokens: list[str] = v["tokens"]
        self.example_values = tuple(v["example_values"])
        self.pattern: regex.Pattern | None = v["pattern"]
        if sum(x is not None and x != [] for x in (self.values_from, self.tokens or None,
                                                   self.pattern)) != 1:
            raise self.where.error(f"aturan {self.id}: isi tepat satu dari values_from, "
                                   "tokens, atau pattern", data.line)
        self.match: str = v["match"]

    def values(self, ctx: Context) -> tuple[str, ...]:
        """The values that must be present (from the rule or from the configuration)."""
        if self.values_from == "account.hashtags":
            return ctx.account.hashtags
        if self.values_from == "account.name":
            return (ctx.account.name,) if ctx.account.name else ()
        return tuple(self.tokens)

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """The hits of this rule (see ``_check``)."""
        return list(self._check(doc, ctx))

    def _check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """Yield one zero-length hit at the start when the requirement is not met."""
        body = doc.body
        if self.pattern is not None:
            if self.pattern.search(body, timeout=ctx.regex_timeout) is None:
                yield Hit(doc.start, 0, "", values={"value": self.pattern.pattern})
            return
        wanted = [v for v in self.values(ctx) if v.strip()]
        if not wanted:
            return
        present = [_contains(body, v) for v in wanted]
        ok = all(present) if self.match == "all" else any(present)
        if not ok:
            missing = tuple(v for v, p in zip(wanted, present, strict=True) if not p)
            yield Hit(doc.start, 0, "", suggestions=missing,
                      values={"value": ", ".join(missing)})


def _contains(text: str, value: str) -> bool:
    """Case-insensitive whole-token search (``#Tagar`` does not match ``#TagarLain``)."""
    pattern = rf"(?<![\p{{L}}\p{{N}}_#@]){regex.escape(value)}(?![\p{{L}}\p{{N}}_])"
    return regex.search(pattern, text, regex.IGNORECASE) is not None
