"""Short fuzzing runs (hypothesis) of every input path; the long run is
``benchmarks/fuzz_inputs.py``. Property: medsos ends with exit 0, 1 or 2 (never 3, never an
escaped exception) within a time limit, and the parsers raise only their own errors."""

from __future__ import annotations

import math
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))

from harness import JINJA_BITS, TARGETS, TOML_BITS, YAML_BITS, run_case  # noqa: E402

from medsos_cli.errors import InputError, MedsosError, RulebookError  # noqa: E402

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the harness uses SIGALRM")
FAST = settings(max_examples=6, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory(prefix="medsos-fuzz-") as folder:
        yield Path(folder)


@pytest.mark.parametrize("target", sorted(TARGETS))
@FAST
@given(seed=st.integers(min_value=0, max_value=10**6))
def test_cli_never_crashes(target, seed, scratch):
    outcome = run_case(target, seed, scratch, timeout=20)
    assert outcome.problem is None, (target, seed, outcome)
    assert outcome.seconds < 20


def _pieces(bits: list[str]):
    return st.lists(st.one_of(st.sampled_from(bits), st.text(max_size=20)), max_size=12).map(
        "".join)


@settings(max_examples=200, deadline=None)
@given(text=_pieces(YAML_BITS + ["a: ", "- ", "\n", "  ", ": ", "&x ", "*x", "{", "}", "[", "]"]))
def test_yaml_reader_raises_only_its_error(text):
    from medsos_cli.yamlio import load_yaml_text

    try:
        load_yaml_text(text, "f.yaml")
    except RulebookError as exc:
        assert exc.path == "f.yaml"


@settings(max_examples=200, deadline=None)
@given(text=_pieces(TOML_BITS + ["\n", "[lint]\n", "max_file_size_mb = ", "regex_timeout = ",
                                 "[[lint.exemptions]]\n", 'rule = "*"\n', 'file = ', "text = ",
                                 'reason = "r"\n', 'approved_by = "k"\n', "[account]\n"]))
def test_config_raises_only_config_error(text, tmp_path_factory):
    from medsos_cli.config import load_config

    path = tmp_path_factory.mktemp("cfg") / "medsos.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        config = load_config(path, search=False)
    except MedsosError as exc:
        assert exc.path == str(path)
        return
    assert math.isfinite(config.max_file_size_mb) and 0 < config.max_file_size_mb <= 100
    assert math.isfinite(config.regex_timeout) and 0 < config.regex_timeout <= 60


@settings(max_examples=150, deadline=None)
@given(source=_pieces(JINJA_BITS + ["{{ judul }}", "{{ judul|upper }}", "{% if judul %}",
                                    "{% endif %}", "{% for x in judul %}", "{% endfor %}",
                                    "|center(", "|indent(", "|replace(", "|join(", "10**9",
                                    ")", "'x'", " * ", " % ", " + ", "range(", "}}"]))
def test_sandbox_raises_only_input_error(source, tmp_path_factory):
    import time

    from medsos_cli.drafting.render import make_environment, render

    folder = tmp_path_factory.mktemp("tpl")
    (folder / "x.j2").write_text(source, encoding="utf-8", errors="surrogatepass")
    start = time.process_time()
    try:
        text = render(make_environment(folder), "x.j2", {"judul": "Halo {{ 7*7 }}"})
    except InputError as exc:
        assert exc.path and exc.path.endswith("x.j2")
    else:
        assert len(text) <= 200_000
    assert time.process_time() - start < 5
