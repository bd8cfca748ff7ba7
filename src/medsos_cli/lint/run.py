"""One lint run: configuration + rulebooks → a Linter → results for every input."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from medsos_cli.config import Config
from medsos_cli.errors import ConfigError, ExitCode, InputError
from medsos_cli.findings import Level
from medsos_cli.lint.engine import Exemptions, FileResult, Linter
from medsos_cli.lint.inputs import STDIN, Scope, expand, read_source
from medsos_cli.lint.rulebooks import load_rulebook
from medsos_cli.rulebook.load import Rulebook, apply_overrides
from medsos_cli.rulebook.model import Account, Context


@dataclass
class Options:
    """Choices of one run that the command line may override."""

    platform: str | None = None
    reply: bool = False
    metrics: bool = True  # readability metrics per file (the JSON output reports them)
    stdin_name: str | None = None  # --stdin-filename: shown for "-", platform/kind from it
    force_exclude: bool = False  # skip rules apply to files named on the command line too


def build_rulebook(config: Config, extra: list[str] | None = None, *,
                   use_cache: bool = True) -> Rulebook:
    """Load the configured rulebooks (later ones override earlier ids) and apply overrides."""
    locations = list(extra) if extra else list(config.rulebooks)
    if not locations:
        raise ConfigError("lint.rulebooks kosong: sebutkan sedikitnya satu buku aturan "
                          "(“default” untuk SOP bawaan)", config.path, config.line_of("rulebooks"))
    book: Rulebook | None = None
    for location in locations:
        loaded = load_rulebook(location, use_cache=use_cache)
        if book is None:
            book = loaded
        else:
            book.paths.extend(loaded.paths)
            book.rules.update(loaded.rules)
            book.index = None  # rules were replaced: rebuild the term index
    assert book is not None
    where = config.path or "medsos.toml"
    apply_overrides(book, config.levels, config.disable, where, config.line_of,
                    config.line_of("disable"))
    return book


def build_linter(config: Config, book: Rulebook) -> Linter:
    """A Linter for the rules of ``book`` with the account and exemptions of ``config``."""
    for exemption in config.exemptions:
        if exemption.rule != "*" and exemption.rule not in book.rules:
            raise ConfigError(f"[[lint.exemptions]]: aturan “{exemption.rule}” tidak ada di buku "
                              "aturan (lihat medsos rules list)", config.path,
                              config.line_of("rule"))
    from medsos_cli.lint.vocabulary import accept_words, reject_words, term_words

    context = Context(account=Account(config.account_name, tuple(config.hashtags)),
                      regex_timeout=config.regex_timeout,
                      accept_words=accept_words(config), reject_words=reject_words(config),
                      term_words=term_words(book))
    return Linter(book, context, Exemptions(config.exemptions), book.term_index())


# Below this many inputs, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 200
_CHUNK = 64


def auto_jobs(n_inputs: int, jobs: int | None) -> int:
    """Worker processes for ``n_inputs``: ``jobs`` when given (1 = this process only), else
    every core for a large batch and one for a small one."""
    if jobs is not None and jobs > 0:
        return jobs
    if n_inputs < PARALLEL_MIN_FILES:
        return 1
    return max(os.cpu_count() or 1, 1)


def scope_of(config: Config) -> Scope:
    """The folder-walk rules of ``config``: default skips, include/exclude, .gitignore."""
    base = str(config.path.parent) if config.path is not None else "."
    return Scope(base, config.include, config.exclude, config.gitignore)


def collect(args: list[str], config: Config,
            options: Options | None = None) -> list[str | InputError]:
    """The inputs named by ``args`` (files, folders, globs, ``-``), in a stable order."""
    force = bool(options and options.force_exclude)
    return list(expand(args, scope_of(config), force_exclude=force))


def lint_paths(linter: Linter, args: list[str], config: Config, options: Options,
               jobs: int | None = 1) -> Iterator[FileResult]:
    """Lint every input named by ``args``, in a stable order; unreadable inputs yield a result
    with an error. With several ``jobs``, inputs are linted by worker processes and the results
    come back in the same order as with one."""
    return lint_items(linter, collect(args, config, options), config, options, jobs)


def lint_items(linter: Linter, items: list[str | InputError], config: Config,
               options: Options, jobs: int | None = 1,
               render: Callable[[FileResult], str] | None = None) -> Iterator[FileResult]:
    """Lint ``items`` (from :func:`collect`), yielding each result as soon as it and every
    item before it are done: the order is the input order, with any number of ``jobs``.

    ``render`` (a picklable function of a result, e.g. a text format's ``render_result``)
    runs where the file was linted: its text is the result's ``rendered``, and the document
    is dropped, so that worker processes send back the output rather than the analysis."""
    workers = min(auto_jobs(len(items), jobs), max(len(items) // _CHUNK, 1))
    job = _Job(linter, int(config.max_file_size_mb * 1024 * 1024), options, config.platform,
               render)
    if workers <= 1 or STDIN in items:
        for item in items:
            yield job(item)
        return
    import multiprocessing

    global _WORKER_JOB
    _WORKER_JOB = job  # inherited by forked workers; sent once to spawned ones
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(
            None if context.get_start_method() == "fork" else job,)) as pool:
        yield from pool.imap(_work, items, chunksize=_CHUNK)


class _Job:
    """Read and lint one input (what each worker process runs)."""

    def __init__(self, linter: Linter, max_bytes: int, options: Options,
                 platform: str | None, render: Callable[[FileResult], str] | None = None):
        self.linter = linter
        self.max_bytes = max_bytes
        self.options = options
        self.platform = platform
        self.render = render

    def __call__(self, item: str | InputError) -> FileResult:
        result = self._lint(item)
        if self.render is not None:
            result.rendered = self.render(result)
            result.document = None
        return result

    def _lint(self, item: str | InputError) -> FileResult:
        if isinstance(item, InputError):
            return FileResult(item.path or "?", error=item)
        try:
            source = read_source(item, self.max_bytes, self.options.stdin_name)
        except InputError as exc:
            return FileResult(exc.path or item, error=exc)
        options = self.options
        platform = source.platform or options.platform or self.platform
        kind = source.kind or ("reply" if options.reply else "caption")
        if not source.text[source.start:].strip():
            return FileResult(source.path, platform, kind, notice="berkas kosong, tidak ada "
                              "yang diperiksa")
        result = self.linter.lint_text(source.text, path=source.path, platform=platform,
                                       kind=kind, start=source.start)
        result.bom = source.bom
        if result.document is not None:
            if options.metrics:
                result.metrics = result.document.metrics
            result.document.compact()  # thousands of results may be held for rendering
        return result


_WORKER_JOB: _Job | None = None


def _init_worker(job: _Job | None) -> None:
    global _WORKER_JOB
    if job is not None:
        _WORKER_JOB = job
    prepare_batch()


def _work(item: str | InputError) -> FileResult:
    assert _WORKER_JOB is not None
    return _WORKER_JOB(item)


def prepare_batch() -> None:
    """Tune the garbage collector for a batch run: the rulebook and linter live for the whole
    run, and linting makes many short-lived, acyclic objects, so full collections are wasted
    work. Called by the command line after the linter is built (not at import)."""
    import gc

    gc.freeze()  # no collect() first: it would cost ~8 ms of start-up for little garbage
    gc.set_threshold(50_000, 50, 100)


@dataclass
class FixSummary:
    """What ``--fix`` (or ``--diff``) changed: files, replacements, per rule."""

    files: int = 0
    fixes: int = 0
    per_rule: Counter = field(default_factory=Counter)
    checked: int = 0  # files that had at least one fixable finding

    def add(self, rules: list[str]) -> None:
        """Count the replacements of one file (``rules``: one rule id per replacement)."""
        self.checked += 1
        if rules:
            self.files += 1
            self.fixes += len(rules)
            self.per_rule.update(rules)


def fix_result(linter: Linter, result: FileResult, summary: FixSummary,
               metrics: bool = False) -> tuple[str, FileResult] | None:
    """Apply the unambiguous fixes to the text of ``result`` until none is left.

    Returns the fixed text and the result of linting it, or None when nothing was fixed;
    ``summary`` counts what changed. Writing the text back is the caller's choice (``--fix``
    writes, ``--diff`` shows)."""
    from medsos_cli.lint.fix import fix_text

    doc = result.document
    if doc is None or not any(f.fixable for f in result.findings):
        return None
    applied: list[str] = []
    fixed, count, fixed_result = fix_text(linter, doc.text, platform=result.platform,
                                          kind=result.kind, start=doc.start, path=result.path,
                                          findings=result.findings, applied=applied)
    summary.add(applied)
    if not count or fixed_result is None:
        return None
    fixed_result.bom = result.bom
    if metrics and fixed_result.document is not None:
        fixed_result.metrics = fixed_result.document.metrics
    return fixed, fixed_result


def keep_at_least(result: FileResult, level: Level) -> int:
    """Drop the findings of ``result`` below ``level`` (``--min-level``); return how many."""
    kept = [f for f in result.findings if f.level >= level]
    hidden = len(result.findings) - len(kept)
    if hidden:
        result.findings = kept
    return hidden


def fails(results: list[FileResult], fail_on: str) -> bool:
    """Whether any finding is at or above ``fail_on`` (``none`` never fails)."""
    if fail_on == "none":
        return False
    threshold = Level.parse(fail_on)
    return any(f.level >= threshold for r in results for f in r.findings)


def exit_code(results: list[FileResult], fail_on: str) -> ExitCode:
    """0 clean, 1 findings at or above ``fail_on``, 2 when an input could not be linted."""
    if any(r.error is not None for r in results):
        return ExitCode.USAGE
    return ExitCode.FINDINGS if fails(results, fail_on) else ExitCode.OK
