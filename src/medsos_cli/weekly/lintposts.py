"""SOP compliance of the week: the posted captions linted with the configured rulebook.

The linter is built once; a caption posted unchanged several times is linted once. Each
caption is linted for its own platform, so length limits apply as on that platform; a reply
(X's "balasan" posts) is linted as a reply.

Linting is the costly part of a provincial-scale report (tens of thousands of captions at
well under a millisecond each), so:

- large batches are split over the CPU cores with forked worker processes where the platform
  forks cheaply (Linux); elsewhere they run in-process. ``start_lint`` starts the workers and
  returns at once, so the report computes its other parts while they lint;
- findings are kept in the history database (``History.lint_lookup``/``lint_store``) under a
  fingerprint of the rulebook files, the lint settings of the configuration and this medsos
  installation, so a re-run, another format or next week's overlapping exports lint only the
  captions not seen before. Any change to those makes a new fingerprint (nothing stale is
  reused).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medsos_cli.config import Config
from medsos_cli.exports.model import Post
from medsos_cli.findings import Level
from medsos_cli.platforms import PLATFORMS
from medsos_cli.weekly.metrics import caption_excerpt
from medsos_cli.weekly.model import LintPost, LintRule, LintSummary

if TYPE_CHECKING:
    from medsos_cli.weekly.history import History
    from medsos_cli.weekly.progress import ProgressCallback

# Below this many distinct captions, starting worker processes costs more than it saves.
PARALLEL_MIN = 2000
# Captions per chunk sent to a worker at most: small enough for the progress to move.
CHUNK_MAX = 1000
# In-process linting reports its progress every this many captions.
REPORT_EVERY = 200

# (rule id, level, message) of one finding: small to send back from a worker.
Brief = tuple[str, int, str]
# (platform, kind, text) of one distinct text to lint.
Item = tuple[str | None, str, str]

# The parent's linter and texts, inherited by forked workers (only index ranges are sent).
_worker_linter: Any = None
_worker_items: list[Item] = []


def _rulebook_names(config: Config) -> list[str]:
    return [b if b == "default" else Path(b).name for b in config.rulebooks]


def _lint_one(linter: Any, platform: str | None, kind: str, text: str) -> list[Brief]:
    result = linter.lint_text(text, platform=platform, kind=kind)
    return [(f.rule, int(f.level), f.message) for f in result.findings]


def _shared(found: list[list[Brief]]) -> list[list[Brief]]:
    """Equal findings of a chunk as one object: pickled once when a worker sends the chunk
    back, and held once by the parent (a rule's message recurs over thousands of captions)."""
    same: dict[Brief, Brief] = {}
    return [[same.setdefault(brief, brief) for brief in briefs] for briefs in found]


def _lint_range(bounds: tuple[int, int]) -> list[list[Brief]]:
    return _shared([_lint_one(_worker_linter, *item)
                    for item in _worker_items[bounds[0]:bounds[1]]])


def _lint_chunk(chunk: list[Item]) -> list[list[Brief]]:
    return _shared([_lint_one(_worker_linter, *item) for item in chunk])


def _cores() -> int:
    if not sys.platform.startswith("linux"):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def _workers(count: int) -> int:
    return 1 if count < PARALLEL_MIN else _cores()


def _fork_pool(workers: int, linter: Any, items: list[Item] | None = None) -> Any:
    """A fork pool whose workers inherit ``linter`` (and ``items``); None if none may start."""
    import multiprocessing

    global _worker_linter, _worker_items
    _worker_linter, _worker_items = linter, items or []
    # Frozen objects are never traversed by the workers' collector, so the pages the parent
    # already holds stay shared (copy-on-write) instead of being copied.
    gc.freeze()
    try:
        return multiprocessing.get_context("fork").Pool(workers)
    except OSError:  # no processes allowed here: lint in-process
        return None
    finally:
        gc.unfreeze()
        _worker_linter, _worker_items = None, []


class LintWorkers:
    """Lint worker processes forked early, while this process is still small.

    A worker forked later, from a process holding hundreds of megabytes of imported rows,
    shares those pages only until the parent touches them again (reference counts), after
    which both copies count; forked before the exports are read, the workers share little
    more than the linter. Use as a context manager; pass to ``start_lint``/``build_report``.
    """

    def __init__(self, config: Config, *, fork: bool = True) -> None:
        """Build the linter for ``config``; fork the workers unless ``fork`` is False (a small
        batch is linted in-process anyway)."""
        from medsos_cli.lint.run import build_linter, build_rulebook

        self.book = build_rulebook(config)
        self.linter = build_linter(config, self.book)
        self.count = _cores() if fork else 1
        self.pool = _fork_pool(self.count, self.linter) if self.count > 1 else None

    def __enter__(self) -> LintWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


class _Batch:
    """Findings of ``items``, linted by worker processes started at once (the ones of
    ``workers``, else forked now) or, failing that (one core, a small batch, no fork),
    in-process when asked for."""

    def __init__(self, linter: Any, items: list[Item],
                 workers: LintWorkers | None = None) -> None:
        self.linter, self.items = linter, items
        self.pool: Any = None  # a pool of this batch's own, closed with it
        self.pending: Any = None
        self.sizes: list[int] = []  # captions per chunk, in order
        count = _workers(len(items))
        if count == 1:
            return
        if workers is not None and workers.pool is not None:
            size = _chunk_size(len(items), workers.count)
            chunks = [items[i:i + size] for i in range(0, len(items), size)]
            self.sizes = [len(c) for c in chunks]
            # imap hands the chunks out at once and gives the results in order as they come
            self.pending = workers.pool.imap(_lint_chunk, chunks)
            return
        self.pool = _fork_pool(count, linter, items)
        if self.pool is not None:
            size = _chunk_size(len(items), count)
            ranges = [(i, min(i + size, len(items))) for i in range(0, len(items), size)]
            self.sizes = [b - a for a, b in ranges]
            self.pending = self.pool.imap(_lint_range, ranges)

    def result(self, progress: ProgressCallback | None = None) -> list[list[Brief]]:
        """Findings for each item, in order (waits for the workers). ``progress`` hears
        ("lint", captions done, captions) as the findings come back."""
        total = len(self.items)
        if self.pending is None:
            out = []
            for index, item in enumerate(self.items, 1):
                out.append(_lint_one(self.linter, *item))
                if progress is not None and (index % REPORT_EVERY == 0 or index == total):
                    progress("lint", index, total)
            return out
        found: list[list[Brief]] = []
        try:
            for part in self.pending:
                found.extend(part)
                if progress is not None:
                    progress("lint", len(found), total)
        finally:
            self.close()
        return found

    def close(self) -> None:
        """Stop this batch's own workers (after the results, or when the report failed)."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def _chunk_size(items: int, workers: int) -> int:
    """A few chunks per worker, none over CHUNK_MAX captions."""
    return max(1, min(-(-items // (workers * 4)), CHUNK_MAX))


def lint_texts(linter: Any, items: list[Item]) -> list[list[Brief]]:
    """Findings (rule, level, message) for each (platform, kind, text), in the order given."""
    return _Batch(linter, items).result()


def lint_fingerprint(config: Config, book: Any) -> str:
    """Identifies what lint findings depend on: this medsos installation, the rulebook files
    (``book.paths``, inherited ones included) and the configuration's lint settings."""
    from medsos_cli import cache

    digest = hashlib.sha256(cache.installation_fingerprint().encode())
    for folder in book.paths:
        names, digests = cache.rulebook_files(Path(folder))
        digest.update(json.dumps([str(folder), names, digests]).encode())
    settings = {
        "rulebooks": list(config.rulebooks), "levels": sorted(config.levels.items()),
        "disable": sorted(config.disable), "regex_timeout": config.regex_timeout,
        "exemptions": [[e.rule, e.text, e.file] for e in config.exemptions],
        "account": config.account_name, "hashtags": list(config.hashtags),
    }
    digest.update(json.dumps(settings, ensure_ascii=False, sort_keys=True).encode())
    return digest.hexdigest()


def _text_key(item: Item) -> tuple[str, str, str]:
    platform, kind, text = item
    return (platform or "", kind, hashlib.sha256(text.encode("utf-8", "surrogatepass"))
            .hexdigest())


def _kind(post: Post) -> str:
    """An X reply to a citizen (post type "balasan") is linted as a reply; a YouTube video whose
    export gives only its title is linted as a title (the title limit, no hashtag rule)."""
    if post.post_type == "balasan":
        return "reply"
    return "caption" if post.caption.strip() else "title"


def start_lint(posts: Sequence[Post], config: Config, *, linter: Any = None,
               history: History | None = None, workers: LintWorkers | None = None,
               progress: ProgressCallback | None = None) -> PendingLint:
    """Start linting ``posts`` (already in time order); ``.result()`` gives the ``lint`` part
    of the report (``weekly.model.LintSummary``).

    Large batches are linted by worker processes meanwhile. With ``history`` (an open history
    database) findings stored by earlier runs with the same rulebook, settings and medsos are
    reused, and new ones stored; it is not used when a ``linter`` is passed (it may not match
    ``config``) or ``MEDSOS_NO_CACHE`` is set. ``workers`` (see ``LintWorkers``, built for
    the same ``config``) lint instead of processes forked now; their linter is used.
    Call ``.close()`` if the result is not wanted. ``progress`` hears of the captions linted
    (``weekly.progress``; those found in the history count as done at once).
    """
    return PendingLint(posts, config, linter, history, workers, progress)


def lint_posts(posts: Sequence[Post], config: Config, *, linter: Any = None,
               history: History | None = None) -> LintSummary:
    """The ``lint`` part of the report for ``posts`` (already in time order).

    Posts without caption text are not checked (``posts_checked`` counts the others).
    ``linter`` may be passed to reuse one already built (tests, repeated runs); ``history``
    as in ``start_lint``.
    """
    return start_lint(posts, config, linter=linter, history=history).result()


class PendingLint:
    """Lint of the week's posts under way (see ``start_lint``)."""

    def __init__(self, posts: Sequence[Post], config: Config, linter: Any,
                 history: History | None, workers: LintWorkers | None = None,
                 progress: ProgressCallback | None = None) -> None:
        self.config = config
        self.progress = progress
        self.checked = [p for p in posts if (p.caption or p.title or "").strip()]
        self.keys: list[Item] = []
        self.found: dict[Item, list[Brief]] = {}
        self.batch: _Batch | None = None
        self.fresh: list[Item] = []
        self.history: History | None = None
        self.fingerprint = ""
        if not self.checked:
            return
        book = None
        if workers is not None:
            linter, book = workers.linter, workers.book
        elif linter is None:
            from medsos_cli.lint.run import build_linter, build_rulebook

            book = build_rulebook(config)
            linter = build_linter(config, book)
        self.keys = [(p.platform if p.platform in PLATFORMS else None, _kind(p),
                      p.caption or p.title) for p in self.checked]
        distinct = list(dict.fromkeys(self.keys))
        if history is not None and book is not None and not os.environ.get("MEDSOS_NO_CACHE"):
            self.history, self.fingerprint = history, lint_fingerprint(config, book)
            stored = history.lint_lookup(self.fingerprint)
            for item in distinct:
                briefs = stored.get(_text_key(item))
                if briefs is None:
                    self.fresh.append(item)
                else:
                    self.found[item] = briefs
        else:
            self.fresh = distinct
        self.batch = _Batch(linter, self.fresh, workers)

    def close(self) -> None:
        """Stop the workers without waiting for their findings."""
        if self.batch is not None:
            self.batch.close()

    def result(self) -> LintSummary:
        """The ``lint`` part of the report (waits for the workers; stores new findings in the
        history)."""
        config, checked = self.config, self.checked
        result = LintSummary(rulebooks=_rulebook_names(config), posts_checked=len(checked))
        if not checked:
            return result
        assert self.batch is not None
        progress = self.progress
        if progress is not None:
            known, whole = len(self.found), len(self.found) + len(self.fresh)
            progress("lint", known, whole)

            def relay(step: str, done: int, total: int | None, detail: str = "") -> None:
                progress(step, known + done, whole, detail)  # captions cached count as done

            briefs = self.batch.result(relay)
        else:
            briefs = self.batch.result()
        self.batch = None  # the texts linted are no longer needed
        new = dict(zip(self.fresh, briefs, strict=True))
        del briefs
        if self.history is not None:
            self.history.lint_store(self.fingerprint,
                                    {_text_key(item): briefs for item, briefs in new.items()})
        found = self.found
        found.update(new)
        del new
        self.fresh = []
        rule_posts: dict[str, int] = {}
        rule_level: dict[str, int] = {}
        rule_message: dict[str, str] = {}
        listed = result.posts
        with_errors = with_warnings = 0
        for post, key in zip(checked, self.keys, strict=True):
            findings = found[key]
            if not findings:
                continue
            errors = sum(1 for f in findings if f[1] == Level.ERROR)
            warnings = sum(1 for f in findings if f[1] == Level.WARNING)
            with_errors += bool(errors)
            with_warnings += bool(warnings)
            ids: list[str] = []
            for rule, level, message in findings:
                if rule in ids:
                    continue
                ids.append(rule)
                rule_posts[rule] = rule_posts.get(rule, 0) + 1
                rule_level.setdefault(rule, level)
                rule_message.setdefault(rule, message)
            ids.sort()
            listed.append(LintPost(platform=post.platform, id=post.post_id,
                                   permalink=post.permalink, caption=caption_excerpt(post),
                                   errors=errors, warnings=warnings, rules=ids))
        result.posts_with_errors, result.posts_with_warnings = with_errors, with_warnings
        result.rules = [
            LintRule(rule=rule, level=Level(rule_level[rule]).label, count=count,
                     message=rule_message[rule])
            for rule, count in sorted(rule_posts.items(), key=lambda item: (-item[1], item[0]))]
        return result
