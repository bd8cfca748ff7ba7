"""SOP compliance of the week: the posted captions linted with the configured rulebook.

The linter is built once; a caption posted unchanged several times is linted once. Each
caption is linted for its own platform, so length limits apply as on that platform; a reply
(X's "balasan" posts) is linted as a reply.

Linting is the costly part of a provincial-scale report (tens of thousands of captions at
well under a millisecond each), so large batches are split over the CPU cores with forked
worker processes where the platform forks cheaply (Linux); elsewhere they run in-process.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from medsos_cli.config import Config
from medsos_cli.exports.model import Post
from medsos_cli.findings import Level
from medsos_cli.platforms import PLATFORMS

# Below this many distinct captions, starting worker processes costs more than it saves.
PARALLEL_MIN = 2000

# (rule id, level, message) of one finding: small to send back from a worker.
Brief = tuple[str, int, str]
# (platform, kind, text) of one distinct text to lint.
Item = tuple[str | None, str, str]

_worker_linter: Any = None  # the parent's linter, inherited by forked workers


def _rulebook_names(config: Config) -> list[str]:
    return [b if b == "default" else Path(b).name for b in config.rulebooks]


def _lint_one(linter: Any, platform: str | None, kind: str, text: str) -> list[Brief]:
    result = linter.lint_text(text, platform=platform, kind=kind)
    return [(f.rule, int(f.level), f.message) for f in result.findings]


def _lint_chunk(chunk: list[Item]) -> list[list[Brief]]:
    return [_lint_one(_worker_linter, *item) for item in chunk]


def _workers(count: int) -> int:
    if count < PARALLEL_MIN or not sys.platform.startswith("linux"):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def lint_texts(linter: Any, items: list[Item]) -> list[list[Brief]]:
    """Findings (rule, level, message) for each (platform, kind, text), in the order given."""
    workers = _workers(len(items))
    if workers == 1:
        return [_lint_one(linter, *item) for item in items]
    import multiprocessing

    global _worker_linter
    _worker_linter = linter
    size = -(-len(items) // (workers * 4))  # a few chunks per worker evens out the load
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_lint_chunk, chunks)
    except OSError:  # no processes allowed here: lint in-process
        return [_lint_one(linter, *item) for item in items]
    finally:
        _worker_linter = None
    return [briefs for part in parts for briefs in part]


def _kind(post: Post) -> str:
    """An X reply to a citizen (post type "balasan") is linted as a reply; a YouTube video whose
    export gives only its title is linted as a title (the title limit, no hashtag rule)."""
    if post.post_type == "balasan":
        return "reply"
    return "caption" if post.caption.strip() else "title"


def lint_posts(posts: Sequence[Post], config: Config, *, linter: Any = None) -> dict:
    """The ``lint`` object of the contract for ``posts`` (already in time order).

    Posts without caption text are not checked (``posts_checked`` counts the others).
    ``linter`` may be passed to reuse one already built (tests, repeated runs).
    """
    checked = [p for p in posts if (p.caption or p.title or "").strip()]
    result: dict = {"rulebooks": _rulebook_names(config), "posts_checked": len(checked),
                    "posts_with_errors": 0, "posts_with_warnings": 0, "rules": [], "posts": []}
    if not checked:
        return result
    if linter is None:
        from medsos_cli.lint.run import build_linter, build_rulebook

        linter = build_linter(config, build_rulebook(config))
    keys = [(p.platform if p.platform in PLATFORMS else None, _kind(p), p.caption or p.title)
            for p in checked]
    distinct = list(dict.fromkeys(keys))
    found = dict(zip(distinct, lint_texts(linter, distinct), strict=True))
    rule_posts: dict[str, int] = {}
    rule_level: dict[str, int] = {}
    rule_message: dict[str, str] = {}
    for post, key in zip(checked, keys, strict=True):
        findings = found[key]
        if not findings:
            continue
        errors = sum(1 for f in findings if f[1] == Level.ERROR)
        warnings = sum(1 for f in findings if f[1] == Level.WARNING)
        if errors:
            result["posts_with_errors"] += 1
        if warnings:
            result["posts_with_warnings"] += 1
        ids: list[str] = []
        for rule, level, message in findings:
            if rule in ids:
                continue
            ids.append(rule)
            rule_posts[rule] = rule_posts.get(rule, 0) + 1
            rule_level.setdefault(rule, level)
            rule_message.setdefault(rule, message)
        result["posts"].append({"platform": post.platform, "id": post.post_id,
                                "permalink": post.permalink, "errors": errors,
                                "warnings": warnings, "rules": sorted(ids)})
    result["rules"] = [
        {"rule": rule, "level": Level(rule_level[rule]).label, "count": count,
         "message": rule_message[rule]}
        for rule, count in sorted(rule_posts.items(), key=lambda item: (-item[1], item[0]))]
    return result
