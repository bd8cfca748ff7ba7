"""The weekly report as typed data: one dataclass per part of docs/weekly-json.md.

``build_report`` returns a :class:`WeeklyReport`; the renderers read its attributes. The JSON
contract is written by :func:`to_json` alone, and :meth:`WeeklyReport.from_dict` reads it
back (a saved report, a test fixture). Field order is the contract's key order: the JSON is
the fields written in declaration order, so the same report gives the same bytes as before
the model existed (``tests/test_weekly_model.py`` compares them with stored reports).

Dates and times stay ISO strings, as the contract writes them; a key the JSON spells
differently from the field (``class``) says so in the field's metadata, and a part written
inline in its parent (a week's figures beside the platform's label) is marked ``inline``.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any, NamedTuple, TypeVar, Union

T = TypeVar("T")


def _key(name: str) -> Any:
    """A field whose JSON key differs from its Python name."""
    return {"json": name}


INLINE = {"inline": True}  # the part's keys are written in its parent object
SKIP = {"skip": True}  # not a key of the JSON


class AccountKey(NamedTuple):
    """An account of a platform: the key of ``WeeklyReport.accounts``."""

    platform: str
    account: str

    def json_key(self) -> str:
        """``"facebook:Diskominfo Kota Contoh"``: the key the contract writes."""
        return f"{self.platform}:{self.account}"

    @classmethod
    def parse(cls, text: str) -> AccountKey:
        """The key of a ``platform:account`` string (the account may hold colons)."""
        platform, _, account = text.partition(":")
        return cls(platform, account)


# -- sources and the week --------------------------------------------------------------------

@dataclass
class Skipped:
    """A row of an export left out, with why."""

    line: int | None = None
    reason: str = ""


@dataclass
class SourceError:
    """A file that could not be read at all."""

    line: int | None = None
    message: str = ""


@dataclass
class Source:
    """One file read: rows read and used, its warnings and skipped rows."""

    path: str = ""
    format: str = ""
    language: str | None = None
    rows: int = 0
    used: int = 0
    warnings: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    error: SourceError | None = None


@dataclass
class Running:
    """A running week (``--week this``): counted up to ``through``."""

    through: str = ""
    days: int = 0
    previous_through: str = ""
    text: str = ""


# -- figures of a platform's or an account's week --------------------------------------------

@dataclass
class Figures:
    """A week's figures (``None``: unknown); also the keys of ``previous``."""

    posts: int | None = None
    reach: int | None = None
    views: int | None = None
    impressions: int | None = None
    likes: int | None = None
    comments: int | None = None
    shares: int | None = None
    saves: int | None = None
    engagements: int | None = None
    engagement_rate: float | None = None
    followers_change: int | None = None
    # Figures summed from an account's daily values (TikTok's overview) are written views
    # first, as the contract has always written them; not a key of the JSON.
    views_first: bool = field(default=False, metadata=SKIP, repr=False, compare=False)

    def get(self, key: str) -> int | float | None:
        """The figure named ``key`` (a ``fmt.METRICS`` key)."""
        value: int | float | None = getattr(self, key)
        return value

    def json_fields(self) -> tuple[str, ...]:
        """The keys in the order the contract writes them."""
        return _DAILY_ORDER if self.views_first else _POSTS_ORDER

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Figures:
        """Figures from an object holding their keys, remembering the order they had."""
        names = [k for k in data if k in _POSTS_ORDER]
        figures = cls(**{k: data[k] for k in names})
        figures.views_first = ("views" in names and "reach" in names
                               and names.index("views") < names.index("reach"))
        return figures


_POSTS_ORDER = ("posts", "reach", "views", "impressions", "likes", "comments", "shares",
                "saves", "engagements", "engagement_rate", "followers_change")
_DAILY_ORDER = ("posts", "views", "reach", "impressions", "likes", "comments", "shares",
                "saves", "engagements", "engagement_rate", "followers_change")


@dataclass
class FigureChange:
    """Relative change of every figure, ``None`` where either week is unknown or zero."""

    posts: float | None = None
    reach: float | None = None
    views: float | None = None
    impressions: float | None = None
    likes: float | None = None
    comments: float | None = None
    shares: float | None = None
    saves: float | None = None
    engagements: float | None = None
    engagement_rate: float | None = None
    followers_change: float | None = None

    def get(self, key: str) -> float | None:
        """The change of the figure named ``key``."""
        value: float | None = getattr(self, key, None)
        return value


@dataclass
class ChangePoints:
    """A rate's change as a difference of ratios (percentage points / 100)."""

    engagement_rate: float | None = None


@dataclass
class PostRow:
    """A post as listed in ``top_posts``/``bottom_posts`` (the contract's ``Post``)."""

    platform: str = ""
    account: str = ""
    id: str = ""
    permalink: str | None = None
    published_at: str | None = None
    type: str | None = None
    caption: str = ""
    reach: int | None = None
    views: int | None = None
    impressions: int | None = None
    likes: int | None = None
    comments: int | None = None
    shares: int | None = None
    saves: int | None = None
    engagements: int | None = None
    engagement_rate: float | None = None

    def figure(self, key: str) -> int | float | None:
        """The post's figure named ``key`` (its rate's basis: reach, views, impressions)."""
        value: int | float | None = getattr(self, key, None)
        return value


@dataclass
class ContentMix:
    """Posts and rate of one post type."""

    type: str = ""
    posts: int = 0
    engagement_rate: float | None = None


@dataclass
class DailyFigures:
    """One day of a platform's week."""

    date: str = ""
    posts: int | None = None
    reach: int | None = None
    views: int | None = None
    impressions: int | None = None


@dataclass
class PlatformWeek:
    """A platform's week: its figures, the previous week's, the change, posts listed."""

    label: str = ""
    figures: Figures = field(default_factory=Figures, metadata=INLINE)
    engagement_rate_basis: str | None = None
    engagement_rate_formula: str | None = None
    previous: Figures | None = None
    change: FigureChange = field(default_factory=FigureChange)
    change_points: ChangePoints = field(default_factory=ChangePoints)
    top_posts: list[PostRow] = field(default_factory=list)
    bottom_posts: list[PostRow] = field(default_factory=list)
    content_mix: list[ContentMix] = field(default_factory=list)
    daily: list[DailyFigures] = field(default_factory=list)
    daily_source: str | None = None  # "posts" | "account"; older reports lack it


@dataclass
class AccountWeek:
    """An account's week: the figures of a platform's week, for one account."""

    label: str = ""
    platform: str = ""
    account: str = ""
    figures: Figures = field(default_factory=Figures, metadata=INLINE)
    engagement_rate_basis: str | None = None
    engagement_rate_formula: str | None = None
    previous: Figures | None = None
    change: FigureChange = field(default_factory=FigureChange)
    change_points: ChangePoints = field(default_factory=ChangePoints)

    @property
    def key(self) -> AccountKey:
        """This account's key in ``WeeklyReport.accounts``."""
        return AccountKey(self.platform, self.account)


@dataclass
class Posting:
    """Posts per weekday × hour, days without posts, counts."""

    grid: list[list[int]] = field(default_factory=list)
    days_without_posts: list[str] = field(default_factory=list)
    posts: int | None = None
    posts_without_time: int = 0


# -- comments --------------------------------------------------------------------------------

@dataclass
class Theme:
    """A term of the comments and how many comments hold it."""

    term: str = ""
    count: int = 0


@dataclass
class SampleComment:
    """A comment shown as an example of its class."""

    platform: str = ""
    post_ref: str = ""
    author: str = ""
    time: str = ""
    text: str = ""
    klass: str = field(default="", metadata=_key("class"))
    sentiment: str = ""
    confidence: float | None = None
    uncertain: bool = False
    cues: list[str] = field(default_factory=list)


@dataclass
class CommentDay:
    """Comments of one day."""

    date: str = ""
    total: int = 0
    negative: int = 0


@dataclass
class CrisisDay:
    """A day whose negative comments jumped far above the rest of the week."""

    date: str = ""
    negative: int = 0
    baseline: float = 0.0
    message: str = ""


@dataclass
class Confidence:
    """Mean probability of the label chosen, per class and per sentiment."""

    klass: dict[str, float | None] = field(default_factory=dict, metadata=_key("class"))
    sentiment: dict[str, float | None] = field(default_factory=dict)


@dataclass
class Uncertain:
    """Comments the model was unsure of."""

    klass: int = field(default=0, metadata=_key("class"))
    sentiment: int = 0
    by_class: dict[str, int] = field(default_factory=dict)
    by_sentiment: dict[str, int] = field(default_factory=dict)


@dataclass
class CommentsBefore:
    """The seven days before the week, in the same comments file."""

    start: str = ""
    end: str = ""
    total: int = 0
    by_class: dict[str, int] = field(default_factory=dict)
    by_sentiment: dict[str, int] = field(default_factory=dict)


@dataclass
class CountChange:
    """A count against last week's; ``percent`` (of last week's) ``None`` when it was 0."""

    count: int | None = None
    previous: int | None = None
    delta: int | None = None
    percent: float | None = None


@dataclass
class ClassChange(CountChange):
    """A class's count against last week's, with the shares of all comments."""

    share: float | None = None
    previous_share: float | None = None


@dataclass
class CommentsSection:
    """The ``comments`` object: classes, sentiment, themes, samples, crisis days."""

    total: int = 0
    by_class: dict[str, int] = field(default_factory=dict)
    by_sentiment: dict[str, int] = field(default_factory=dict)
    by_platform: dict[str, int] = field(default_factory=dict)
    themes: list[Theme] = field(default_factory=list)
    samples: dict[str, list[SampleComment]] = field(default_factory=dict)
    daily: list[CommentDay] = field(default_factory=list)
    crisis_days: list[CrisisDay] = field(default_factory=list)
    unanswered: int = 0
    confidence: Confidence | None = None
    uncertain: Uncertain | None = None
    themes_by_class: dict[str, list[Theme]] = field(default_factory=dict)
    previous_week: CommentsBefore | None = None
    change: dict[str, ClassChange] = field(default_factory=dict)
    change_total: dict[str, CountChange] = field(default_factory=dict)


# -- complaints ------------------------------------------------------------------------------

@dataclass
class OverdueComplaint:
    """A complaint not answered within the SLA."""

    received_at: str = ""
    channel: str = ""
    text: str = ""
    category: str | None = ""
    forwarded_to: str | None = ""
    answered: bool | None = None
    hours_waiting: float | None = None


@dataclass
class LaporCase:
    """A LAPOR! case past its working-day deadline."""

    tracking: str = ""
    received_at: str = ""
    status: str = ""
    stage: str = ""
    deadline: str = ""
    office: str = ""


@dataclass
class Lapor:
    """LAPOR! cases against their working-day deadlines."""

    cases: int = 0
    verify_working_days: int = 0
    follow_up_working_days: int = 0
    working_days: list[str] = field(default_factory=list)
    overdue_verification: int = 0
    overdue_follow_up: int = 0
    overdue_cases: list[LaporCase] = field(default_factory=list)


@dataclass
class ComplaintsBefore:
    """The previous week of the complaint log."""

    start: str = ""
    end: str = ""
    received: int = 0
    overdue: int = 0


@dataclass
class ComplaintsSection:
    """The ``complaints`` object: counts, response times, overdue items, LAPOR!."""

    received: int = 0
    answered: int = 0
    resolved: int = 0
    open: int = 0
    overdue: int = 0
    sla_hours: float | None = None
    first_response_median_hours: float | None = None
    first_response_p90_hours: float | None = None
    within_sla: float | None = None
    by_channel: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    by_forwarded_to: dict[str, int] = field(default_factory=dict)
    overdue_items: list[OverdueComplaint] = field(default_factory=list)
    lapor: Lapor | None = None
    previous_week: ComplaintsBefore | None = None
    change: dict[str, CountChange] | None = None


# -- lint ------------------------------------------------------------------------------------

@dataclass
class LintRule:
    """A rule broken this week: in how many posts, and its first message."""

    rule: str = ""
    level: str = ""
    count: int = 0
    message: str = ""


@dataclass
class LintPost:
    """A post with findings."""

    platform: str = ""
    id: str = ""
    permalink: str | None = None
    caption: str = ""
    errors: int = 0
    warnings: int = 0
    rules: list[str] = field(default_factory=list)


@dataclass
class LintSummary:
    """The week's posted captions, linted."""

    rulebooks: list[str] = field(default_factory=list)
    posts_checked: int = 0
    posts_with_errors: int = 0
    posts_with_warnings: int = 0
    rules: list[LintRule] = field(default_factory=list)
    posts: list[LintPost] = field(default_factory=list)


@dataclass
class ComparisonBasis:
    """What the week-over-week change compares."""

    basis: str = ""
    text: str = ""


# -- the report ------------------------------------------------------------------------------

@dataclass
class WeeklyReport:
    """The whole weekly report (docs/weekly-json.md, version 1)."""

    version: int = 1
    generator: str = ""
    account: str = ""
    week: str = ""
    start: str = ""
    end: str = ""
    timezone: str = ""
    previous_week: str | None = None
    running: Running | None = None
    sources: list[Source] = field(default_factory=list)
    platforms: dict[str, PlatformWeek] = field(default_factory=dict)
    accounts: dict[AccountKey, AccountWeek] = field(default_factory=dict)
    posting: Posting | None = None
    comments: CommentsSection | None = None
    complaints: ComplaintsSection | None = None
    lint: LintSummary | None = None
    comparison_basis: ComparisonBasis | None = None
    recommendations: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The report as the contract's JSON object (plain dicts and lists)."""
        out: dict[str, Any] = _encode(self)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WeeklyReport:
        """A report from its JSON object (keys left out take their defaults)."""
        return decode(cls, data)


def to_json(report: WeeklyReport | Mapping[str, Any]) -> str:
    """The report as JSON text (UTF-8 characters kept, two-space indent, final newline)."""
    if isinstance(report, WeeklyReport):
        return "".join(to_json_pieces(report))
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def to_json_pieces(report: WeeklyReport) -> Iterator[str]:
    """:func:`to_json` of ``report`` in pieces (see :func:`json_pieces`), final newline
    included: a province's report is written without ever being one string."""
    yield from json_pieces(report)
    yield "\n"


# json.dumps(..., ensure_ascii=False, indent=2) without building an encoder per call.
_JSON = json.JSONEncoder(ensure_ascii=False, indent=2)
# How deep json_pieces walks before a part is written in one go: the report, its lint part,
# the list of posts, then each post.
_STREAM_DEPTH = 3


def json_pieces(value: Any, level: int = 0, depth: int = _STREAM_DEPTH) -> Iterator[str]:
    """The JSON text of ``value`` (a report or a part of one) in pieces, the same characters
    as ``json.dumps(encoded, ensure_ascii=False, indent=2)`` at indent ``level``.

    A province's report lists tens of thousands of posts: encoding it whole holds the report,
    a second tree of dicts and every small piece of the encoder at once. Here the outer
    objects and lists are walked and each part below ``depth`` is encoded on its own (json's
    indented output of a part is the same at any level but for the indent after each line
    break, and JSON text holds no other line break).
    """
    items: Iterable[tuple[str, Any]] | None = None
    kind = type(value)
    if depth > 0:
        if kind is list and value:
            yield "["
            inner = "\n" + "  " * (level + 1)
            for index, item in enumerate(value):
                yield inner if index == 0 else "," + inner
                yield from json_pieces(item, level + 1, depth - 1)
            yield "\n" + "  " * level + "]"
            return
        if kind is dict and value and all(type(k) is str or type(k) is AccountKey
                                          for k in value):
            items = ((k if type(k) is str else k.json_key(), v) for k, v in value.items())
        elif is_dataclass(kind) and kind is not Figures and not any(
                inline for _, _, _, inline, _ in _plan(kind)):
            items = ((key, getattr(value, name)) for name, key, _, _, _ in _plan(kind))
    if items is None:
        text = _JSON.encode(_encode(value))
        yield text.replace("\n", "\n" + "  " * level) if level else text
        return
    inner = "\n" + "  " * (level + 1)
    opened = False
    for key, item in items:
        yield ("{" if not opened else ",") + inner + _JSON.encode(key) + ": "
        opened = True
        yield from json_pieces(item, level + 1, depth - 1)
    yield ("\n" + "  " * level + "}") if opened else "{}"


def encode(part: Any) -> Any:
    """A part of the report (any of these dataclasses, or lists and dicts of them) as the
    contract's JSON value: plain dicts, lists and scalars."""
    return _encode(part)


def as_report(report: WeeklyReport | Mapping[str, Any]) -> WeeklyReport:
    """``report`` as a :class:`WeeklyReport` (a JSON object read back is decoded)."""
    return report if isinstance(report, WeeklyReport) else WeeklyReport.from_dict(report)


# -- the codec: fields in declaration order ↔ JSON objects -----------------------------------
# A province's week holds tens of thousands of listed items: each class and each field type
# gets its converter once, so a value costs a dict look-up, not a walk through typing.

Convert = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


@cache
def _plan(cls: type) -> tuple[tuple[str, str, Convert, bool, bool], ...]:
    """(attribute, JSON key, decoder, inline, container) of each field of the dataclass
    ``cls``; a container (list, dict, object) that is null in the JSON takes its default."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, f.metadata.get("json", f.name), _decoder(hints[f.name]),
                  bool(f.metadata.get("inline")), _container(hints[f.name]))
                 for f in fields(cls) if not f.metadata.get("skip"))


_ENCODERS: dict[type, Convert] = {}


def _encode(value: Any) -> Any:
    kind = type(value)
    encoder = _ENCODERS.get(kind)
    if encoder is None:
        encoder = _ENCODERS[kind] = _encoder(kind)
    return encoder(value)


def _encoder(kind: type) -> Convert:
    if kind is Figures:
        return lambda v: {name: getattr(v, name) for name in v.json_fields()}
    if is_dataclass(kind):
        plan = [(name, key, inline) for name, key, _, inline, _ in _plan(kind)]

        def encode_object(value: Any) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for name, key, inline in plan:
                item = _encode(getattr(value, name))
                if inline:
                    out.update(item)
                else:
                    out[key] = item
            return out

        return encode_object
    if kind is list:
        return lambda v: [_encode(x) for x in v]
    if kind is dict:
        return lambda v: {(k.json_key() if isinstance(k, AccountKey) else k): _encode(x)
                          for k, x in v.items()}
    return _same


def decode(cls: type[T], data: Mapping[str, Any]) -> T:
    """The dataclass ``cls`` from its JSON object; missing keys (and nulls where a list or
    an object is due) take the field defaults, values that are not objects or lists are kept as
    they are (``24`` stays an int)."""
    if cls is Figures:
        return Figures.from_json(data)  # type: ignore[return-value]
    kwargs: dict[str, Any] = {}
    for name, key, convert, inline, container in _plan(cls):  # type: ignore[arg-type]
        if inline:
            kwargs[name] = convert(data)
        elif key in data:
            value = data[key]
            if value is not None:
                kwargs[name] = convert(value)
            elif not container:  # a null list or object: the default
                kwargs[name] = None
    return cls(**kwargs)


def _container(kind: Any) -> bool:
    """A list, dict or dataclass field that cannot be null."""
    return typing.get_origin(kind) in (list, dict) or (isinstance(kind, type)
                                                       and is_dataclass(kind))


@cache
def _decoder(kind: Any) -> Convert:
    """The converter of a non-null JSON value to the field type ``kind``."""
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _decoder(options[0]) if len(options) == 1 else _same
    if isinstance(kind, type) and is_dataclass(kind):
        return lambda v: decode(kind, v) if isinstance(v, Mapping) else v
    if origin is list:
        item = _decoder(typing.get_args(kind)[0])
        if item is _same:
            return lambda v: list(v) if isinstance(v, list) else v
        return lambda v: ([None if x is None else item(x) for x in v] if isinstance(v, list)
                          else v)
    if origin is dict:
        key_kind, value_kind = typing.get_args(kind)
        item = _decoder(value_kind)
        if key_kind is AccountKey:  # "platform:account" in JSON; metrics gives the key itself
            return lambda v: {k if isinstance(k, AccountKey) else AccountKey.parse(k):
                              None if x is None else item(x) for k, x in v.items()}
        return lambda v: ({k: None if x is None else item(x) for k, x in v.items()}
                          if isinstance(v, Mapping) else v)
    return _same
