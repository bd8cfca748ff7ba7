"""``medsos draft`` without the command line: values → rendered texts per platform, split into
a thread where needed, measured as each platform counts, and linted with the SOP rulebook."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from medsos_cli.config import Config
from medsos_cli.drafting.catalog import (
    KIND_TITLE,
    Catalog,
    ContentType,
    Variant,
    templates_root,
)
from medsos_cli.drafting.lock import LockEntry, combined_digest, folder_digests, require_approved
from medsos_cli.drafting.render import Akun, make_environment, render
from medsos_cli.drafting.values import (
    RawValue,
    Resolved,
    ValueContext,
    resolve,
    zone_label,
)
from medsos_cli.errors import InputError
from medsos_cli.findings import Finding, Level
from medsos_cli.platforms import PLATFORMS, THREAD_PLATFORMS, measure

if TYPE_CHECKING:
    from medsos_cli.drafting.schema import Field
    from medsos_cli.lint.engine import Linter
    from medsos_cli.rulebook.load import Rulebook

ALL = "all"
MODE_NAMES = {
    "chars": "karakter",
    "graphemes": "grafem",
    "x_weighted": "hitungan X: tautan 23, emoji 2",
    "utf8_bytes": "byte UTF-8",
    "utf16": "unit UTF-16",
}


@dataclass(frozen=True)
class Limits:
    """Caps for one platform and text kind, read from the rulebook's ``limit`` rules."""

    length: int | None = None
    mode: str = "chars"
    hashtags: int | None = None
    mentions: int | None = None


@dataclass
class Part:
    """One post of a draft (a thread has several): its text and its measured length."""

    text: str
    length: int
    limit: int | None
    mode: str

    @property
    def over(self) -> bool:
        """Whether the part is longer than its platform allows."""
        return self.limit is not None and self.length > self.limit


@dataclass
class Count:
    """A count (hashtags, mentions) against its limit."""

    count: int
    limit: int | None = None

    @property
    def over(self) -> bool:
        """Whether the count exceeds its limit."""
        return self.limit is not None and self.count > self.limit


@dataclass
class DraftResult:
    """The rendered text(s) of one platform variant with counts and lint findings."""

    platform: str
    kind: str  # caption, or title for the YouTube title
    label: str  # template stem: x, youtube, youtube-title
    parts: list[Part]
    hashtags: Count
    mentions: Count
    findings: list[Finding] = field(default_factory=list)
    finding_parts: list[int] = field(default_factory=list)  # 1-based part of each finding

    @property
    def text(self) -> str:
        """The text to paste; a thread's parts joined by a ``---`` line."""
        from medsos_cli.text.thread_format import THREAD_SEPARATOR

        return THREAD_SEPARATOR.join(p.text for p in self.parts)

    @property
    def ok(self) -> bool:
        """Every part within its limit and no lint finding at level error."""
        return (not any(p.over for p in self.parts)
                and not any(f.level >= Level.ERROR for f in self.findings))


@dataclass
class Draft:
    """A whole run: the content type, its approval, the checked values and the results."""

    content: ContentType
    approval: LockEntry | None
    values: Resolved
    results: list[DraftResult]

    # A Draft also behaves as the list of its results.
    def __iter__(self):
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def __getitem__(self, index: int) -> DraftResult:
        return self.results[index]

    @property
    def sha256(self) -> str:
        """The template's identity: from the lock, or computed from the files."""
        if self.approval is not None:
            return self.approval.digest
        return combined_digest(folder_digests(self.content.folder))

    @property
    def ok(self) -> bool:
        """Whether every result is ok."""
        return all(r.ok for r in self.results)


def load_content(name: str, config: Config, *, verify_lock: bool = True
                 ) -> tuple[ContentType, LockEntry | None]:
    """The content type ``name`` of the configured folder, refused when it differs from the
    lock (``verify_lock``)."""
    root = templates_root(config)
    catalog = Catalog(root)
    if not verify_lock or name not in catalog.names():
        return catalog.get(name), None  # an unknown name: the error suggests the closest
    approval = require_approved(root, name)
    # Locking checked that schema and files agree (lock.lock refuses otherwise), and the
    # files are byte for byte the locked ones: checking again would compile every platform's
    # template on each draft (~0.25 s).
    return catalog.get(name, check=False), approval


def platforms_for(content: ContentType, platform: str) -> list[str]:
    """The platforms to render: ``all`` → every platform of the schema."""
    chosen = platform.strip().lower()
    if chosen == ALL:
        return list(content.schema.platforms)
    if chosen not in PLATFORMS:
        close = difflib.get_close_matches(chosen, list(PLATFORMS) + [ALL], n=2, cutoff=0.5)
        hint = f"; mungkin maksud Anda: {', '.join(close)}" if close else ""
        from medsos_cli.forms import joined

        raise InputError(f"platform “{platform}” tidak dikenal{hint} (pilih "
                         f"{joined([*PLATFORMS, ALL], 'atau')})")
    content.variants(chosen)  # no variant for this platform: an error naming those there are
    return [chosen]


def value_context(config: Config, content: ContentType) -> ValueContext:
    """Roster (only read when the schema has an ``official`` field), domains and zone."""
    roster = None
    if any(f.type == "official" for f in content.schema.fields) and config.roster is not None:
        from medsos_cli.roster import load_roster

        roster = load_roster(config.roster)
    return ValueContext(roster=roster, allowed_domains=tuple(config.allowed_domains),
                        zone=zone_label(config.timezone))


def account(config: Config) -> Akun:
    """What templates see as ``akun``."""
    return Akun(nama=config.account_name, tagar=list(config.hashtags), situs=config.website,
                kontak=dict(config.contacts), zona=zone_label(config.timezone))


def limits_for(book: Rulebook | None, platform: str, kind: str) -> Limits:
    """The tightest length cap and the hashtag/mention caps of the rulebook for this text."""
    from medsos_cli.rulebook.kinds.limit import LimitRule

    length: tuple[int, str] | None = None
    caps: dict[str, int] = {}
    for rule in book or ():
        if not isinstance(rule, LimitRule) or rule.max is None:
            continue
        if not rule.applies_to(platform, kind):
            continue
        if rule.count == "characters":
            if length is None or rule.max < length[0]:
                length = (rule.max, rule.mode)
        elif rule.count in ("hashtags", "mentions"):
            caps[rule.count] = min(rule.max, caps.get(rule.count, rule.max))
    return Limits(length=length[0] if length else None, mode=length[1] if length else "chars",
                  hashtags=caps.get("hashtags"), mentions=caps.get("mentions"))


def _count(text: str) -> tuple[int, int]:
    """Hashtags and mentions of ``text`` (one tokenization for both)."""
    from medsos_cli.text import tokens as tk

    kinds = [t.kind for t in tk.tokenize(text)]
    return kinds.count(tk.HASHTAG), kinds.count(tk.MENTION)


def build_result(variant: Variant, text: str, limits: Limits, linter: Linter | None,
                 path: str) -> DraftResult:
    """Split (X, Threads), measure, count and lint one rendered text."""

    texts = [text]
    if (variant.platform in THREAD_PLATFORMS and variant.kind != KIND_TITLE
            and limits.length is not None and measure(text, limits.mode) > limits.length):
        from medsos_cli.drafting.thread import split_thread

        texts = split_thread(text, limit=limits.length, mode=limits.mode)
    parts = [Part(t, measure(t, limits.mode), limits.length, limits.mode) for t in texts]
    hashtags, mentions = _count("\n\n".join(texts))
    result = DraftResult(variant.platform, variant.kind, variant.label, parts,
                         Count(hashtags, limits.hashtags), Count(mentions, limits.mentions))
    if linter is not None:
        _lint(result, texts, linter, path)
    return result


def _lint(result: DraftResult, texts: list[str], linter: Linter, path: str) -> None:
    """Lint the text as it would be saved: a thread as its parts joined by the thread
    separator, which the lint engine checks part by part (as ``medsos lint`` checks the saved
    file); each finding is then told relative to its own part."""
    from medsos_cli.text.thread_format import THREAD_SEPARATOR

    whole = THREAD_SEPARATOR.join(texts)
    found = linter.lint_text(whole, path=path, platform=result.platform, kind=result.kind)
    starts, lines, pos, line = [], [], 0, 1
    gap_lines = THREAD_SEPARATOR.count("\n")
    for part in texts:
        starts.append(pos)
        lines.append(line)
        pos += len(part) + len(THREAD_SEPARATOR)
        line += part.count("\n") + gap_lines
    located: list[tuple[int, Finding]] = []
    for f in found.findings:
        index = max(i for i, s in enumerate(starts) if s <= f.offset)
        shift = lines[index] - 1
        located.append((index + 1, f if not index else dataclasses.replace(
            f, offset=f.offset - starts[index], line=f.line - shift,
            end_line=f.end_line - shift)))
    located.sort(key=lambda item: (item[0], item[1].offset, -item[1].level, item[1].rule))
    result.findings = [f for _, f in located]
    result.finding_parts = [number for number, _ in located]


def render_texts(content: ContentType, platforms: list[str], values: dict[str, Any],
                 config: Config) -> list[tuple[Variant, str]]:
    """Render every variant of ``platforms`` with checked ``values`` (no rulebook needed, so
    a template error is reported before the rulebook is loaded)."""
    env = make_environment(content.folder)
    akun = account(config)
    rendered = []
    for platform in platforms:
        for variant in content.variants(platform):
            context = {**values, "akun": akun, "platform": platform}
            text = render(env, variant.template, context)
            if not text:
                raise InputError(f"templat {content.name}: {variant.template} menghasilkan teks "
                                 "kosong", content.folder / variant.template)
            rendered.append((variant, text))
    return rendered


def judge(content: ContentType, rendered: list[tuple[Variant, str]], *,
          book: Rulebook | None = None, linter: Linter | None = None) -> list[DraftResult]:
    """Split, measure, count and lint rendered texts against the rulebook's limits."""
    return [build_result(variant, text, limits_for(book, variant.platform, variant.kind),
                         linter, output_name(content.name, variant))
            for variant, text in rendered]


def output_name(template: str, variant: Variant) -> str:
    """File name of a saved variant: ``NAME.PLATFORM.txt`` (web: ``.md``; YouTube title:
    ``NAME.youtube-title.txt``)."""
    suffix = ".md" if variant.platform == "web" else ".txt"
    return f"{template}.{variant.label}{suffix}"


Ask = Callable[[list["Field"], ValueContext], dict[str, RawValue]]


def draft(name: str, platform: str, values: dict[str, Any], config: Config, *,
          book: Rulebook | None = None, lint: bool = True, verify_lock: bool = True,
          ask: Ask | None = None) -> Draft:
    """Render content type ``name`` for ``platform`` (or ``all``) from ``values``.

    ``values`` maps field names to raw values (or ``RawValue`` with their origin). ``ask``,
    when given, is called with the fields still to fill (required ones without a value, and
    those with a default) and returns their values: the CLI's prompt, or any other front end.
    A wrong value among those given is an error before anything is asked. The templates are
    rendered before the rulebook loads, so a template error comes first. The rulebook of
    ``config`` is loaded when ``book`` is not given; ``lint=False`` skips the SOP checks
    (lengths are still measured with the rulebook's limits).
    """
    from medsos_cli.drafting.values import check_given, missing_fields
    from medsos_cli.lint.run import build_linter, build_rulebook

    content, approval = load_content(name, config, verify_lock=verify_lock)
    platforms = platforms_for(content, platform)
    raw = {k: v if isinstance(v, RawValue) else RawValue(v) for k, v in values.items()}
    vctx = value_context(config, content)
    if ask is not None:
        missing = missing_fields(content.schema, raw, include_defaults=True)
        if missing:
            check_given(content.schema, raw, vctx)
            raw.update(ask(missing, vctx))
    resolved = resolve(content.schema, raw, vctx)
    rendered = render_texts(content, platforms, resolved.values, config)
    if book is None:
        book = build_rulebook(config)
    linter = build_linter(config, book) if lint else None
    return Draft(content, approval, resolved, judge(content, rendered, book=book,
                                                    linter=linter))


JSON_VERSION = 1


def draft_json(run: Draft) -> dict:
    """The ``--format json`` document of a draft (contract: docs/templates.md)."""
    from medsos_cli.formats.json_format import finding_dict

    schema = run.content.schema
    drafts = []
    for r in run.results:
        drafts.append({
            "platform": r.platform,
            "kind": r.kind,
            "file": output_name(run.content.name, Variant(r.platform, r.kind, r.label + ".j2")),
            "text": r.text,
            "parts": [{"text": p.text, "length": p.length, "limit": p.limit, "mode": p.mode}
                      for p in r.parts],
            "hashtags": {"count": r.hashtags.count, "limit": r.hashtags.limit},
            "mentions": {"count": r.mentions.count, "limit": r.mentions.limit},
            "findings": [{**finding_dict(f), "part": k}
                         for f, k in zip(r.findings, r.finding_parts, strict=True)],
            "ok": r.ok,
        })
    approval = run.approval
    return {
        "version": JSON_VERSION,
        "template": {"name": schema.name, "version": schema.version, "sha256": run.sha256,
                     "approved_by": approval.approved_by if approval else None,
                     "approved_at": approval.approved_at if approval else None},
        "drafts": drafts,
        "warnings": [str(w) for w in run.values.warnings],
        "ok": run.ok,
    }


def describe_mode(mode: str) -> str:
    """How a length is counted, in Indonesian (``byte UTF-8``)."""
    return MODE_NAMES.get(mode, mode)
