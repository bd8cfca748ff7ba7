"""The rebuilt lint core gives exactly the findings of the engine it replaced.

The old engine (commit 39d0d7b: a Python loop over every word for the term index, a linear scan
of skipped spans for every regex match, per-word lower-casing and syllable look-ups) linted the
benchmark corpus (10,000 generated captions, seed 2026) on every platform and kind; the SHA-256
of its findings, one JSON line per caption, was recorded below before the old path was removed.
The same corpus through today's engine, with that rulebook (kept as
``tests/fixtures/rulebooks/sop-39d0d7b``, since the bundled one has grown since), must give the
same bytes.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from medsos_cli.config import Config
from medsos_cli.lint import triggers
from medsos_cli.lint.run import build_linter, build_rulebook

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import generate_corpus  # noqa: E402

OLD_RULEBOOK = Path(__file__).resolve().parent / "fixtures" / "rulebooks" / "sop-39d0d7b"
OLD_ENGINE_DIGEST = "c5323a1a7ce905834f80a272445d18e6a7d4d4a0f9c3025134076d61fcc7f388"
PLATFORMS = (None, "x", "instagram", "facebook", "threads", "tiktok", "youtube", "web")


def _body_start(text: str) -> int:
    if not text.lstrip("\ufeff").startswith("---"):
        return 0
    close = text.find("\n---", 3)
    if close == -1:
        return 0
    nl = text.find("\n", close + 1)
    return nl + 1 if nl != -1 else len(text)


def findings_lines(linter, texts) -> str:
    """One JSON line of canonical findings per text (every field of every finding)."""
    lines = []
    for i, text in enumerate(texts):
        platform = PLATFORMS[i % len(PLATFORMS)]
        if platform == "youtube":
            kind = ("caption", "reply", "title")[i % 3]
        else:
            kind = "reply" if i % 7 == 0 else "caption"
        result = linter.lint_text(text, start=_body_start(text), platform=platform, kind=kind)
        lines.append(json.dumps([
            [f.offset, f.length, f.rule, f.level.label, f.message, f.text, list(f.suggestions),
             f.source, f.fixable, f.line, f.column, f.end_line, f.end_column]
            for f in result.findings], ensure_ascii=False) + "\n")
    return "".join(lines)


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    return [text for _, text in generate_corpus.generate(10_000, 2026)]


@pytest.mark.parametrize("scan", ["hyperscan", "python"])
def test_corpus_findings_are_those_of_the_old_engine(corpus, scan):
    """With the Hyperscan pre-scan of pattern rules and without it (Windows), the same bytes."""
    if scan == "hyperscan" and not triggers.available():
        pytest.skip("hyperscan is not installed on this platform")
    config = Config()
    linter = build_linter(config, build_rulebook(config, [str(OLD_RULEBOOK)]))
    linter.use_triggers = scan == "hyperscan"
    digest = hashlib.sha256(findings_lines(linter, corpus).encode("utf-8")).hexdigest()
    assert (linter._triggers is not None) == (scan == "hyperscan")
    assert digest == OLD_ENGINE_DIGEST
