"""Rulebooks as the linter uses them: read, verified by their self-tests, and cached.

``medsos_cli.rulebook`` only parses; this module runs the checks of ``lint.selftest`` while a
rulebook is read and keeps a verified one in the per-user cache (``medsos_cli.cache``), so one
caption lints without re-running every example.
"""

from __future__ import annotations

from pathlib import Path

from medsos_cli.lint import selftest
from medsos_cli.rulebook.load import DEFAULT, Rulebook, read_rulebook


def load_rulebook(location: str | Path = DEFAULT, *, check_examples: bool = True,
                  use_cache: bool = True) -> Rulebook:
    """Load the rulebook at ``location`` (a folder path, or ``default`` for the bundled one).

    Every rule's examples are run (``check_examples``) unless the same rulebook files already
    passed on this installation (``use_cache``; see ``medsos_cli.cache``); fixes that would
    need fixing again are refused either way.
    """
    from medsos_cli.rulebook.load import resolve_folder

    folder = resolve_folder(location)
    use_cache = use_cache and check_examples
    if use_cache and folder.is_dir():
        from medsos_cli import cache

        cached = cache.load_cached_rulebook(folder)
        if cached is not None:
            return cached
    # Looked up at call time, so that a test can watch the checks run.
    book = read_rulebook(folder, verify_rule=(lambda rule: selftest.check_rule_examples(rule))
                         if check_examples else None,
                         verify_book=lambda b: selftest.check_fix_idempotence(b))
    book.term_index()
    if use_cache:
        cache.store_rulebook(folder, book, book.paths)
    return book
