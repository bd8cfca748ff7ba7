"""Shared fixtures: the small test rulebook, a linter built on it, rulebook factories."""

from __future__ import annotations

import pytest
from helpers import ACCOUNT, UJI, rule_yaml, write_rulebook

from medsos_cli.lint.engine import Linter
from medsos_cli.lint.rulebooks import load_rulebook
from medsos_cli.rulebook.load import Rulebook, bundled_rulebook_path
from medsos_cli.rulebook.model import Context

# Modules whose tests drive a browser, pre-commit, a 10,000-caption corpus or a fuzzer: marked
# ``slow`` with every hypothesis test, so ``pytest -m "not slow"`` is a quick local run. CI and
# the README's ``pytest`` run everything.
SLOW_MODULES = frozenset({"test_weekly_browser", "test_precommit", "test_engine_differential",
                          "test_fuzz_inputs", "test_properties", "test_lint_jobs"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the slow tests (see SLOW_MODULES) and the property-based ones."""
    slow = pytest.mark.slow
    for item in items:
        module = getattr(item, "module", None)
        name = module.__name__.rpartition(".")[2] if module is not None else ""
        function = getattr(item, "obj", None)
        if name in SLOW_MODULES or getattr(function, "is_hypothesis_test", False):
            item.add_marker(slow)


@pytest.fixture(scope="session", autouse=True)
def _private_rulebook_cache(tmp_path_factory):
    """Keep the verified-rulebook cache out of the user's ~/.cache during tests."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MEDSOS_CACHE_DIR", str(tmp_path_factory.mktemp("medsos-cache")))
        mp.delenv("MEDSOS_NO_CACHE", raising=False)
        yield


@pytest.fixture(scope="session")
def uji_book() -> Rulebook:
    return load_rulebook(UJI)


@pytest.fixture(scope="session")
def linter(uji_book) -> Linter:
    return Linter(uji_book, Context(account=ACCOUNT))


@pytest.fixture
def make_book(tmp_path):
    """Build and load a rulebook from one or more rule YAML snippets."""
    counter = iter(range(1000))

    def build(*rules: str, meta: str | None = None, check_examples: bool = True) -> Rulebook:
        folder = tmp_path / f"book{next(counter)}"
        files = {f"{i:02d}.yaml": rule_yaml(r) for i, r in enumerate(rules)}
        if meta is not None:
            files["rulebook.yaml"] = meta
        write_rulebook(folder, files)
        return load_rulebook(folder, check_examples=check_examples)

    return build


@pytest.fixture(scope="session")
def bundled_book() -> Rulebook:
    """The bundled SOP rulebook; the test is skipped while sop/ has no rules yet."""
    folder = bundled_rulebook_path()
    if not folder.is_dir() or not any(
            p.suffix in (".yaml", ".yml") and p.name != "rulebook.yaml" for p in folder.iterdir()):
        pytest.skip("bundled rulebook (sop/) has no rule files yet")
    book = load_rulebook("default")  # rule files exist: a load error is a real failure
    if not len(book):
        pytest.skip("bundled rulebook (sop/) has no rules yet")
    return book
