"""Fuzzing harness shared by ``tests/fuzz`` (short hypothesis runs) and
``benchmarks/fuzz_inputs.py`` (the long run).

Each *target* builds a small project in a scratch folder from mutated real inputs (captions,
a rulebook, ``medsos.toml``, a draft data file, a roster, a template) and runs one medsos
command in-process. The property: exit code 0, 1 or 2 (never 3, never an escaped exception),
within a time limit. Memory is bounded by the caller (RLIMIT_AS in the long run).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CAPTIONS = sorted((ROOT / "examples" / "captions").rglob("*.txt"))
DRAFTS = sorted((ROOT / "examples" / "drafts").glob("*.yaml"))
SOP = ROOT / "sop"
TEMPLATES = ROOT / "templates"

# Fragments that have broken parsers before: YAML aliases and tags, deep nesting, huge
# numbers, odd Unicode, Jinja expressions that try to blow up.
YAML_BITS = ["&a [*a, *a]", "*a", "!!python/object:os.system", "<<: *a", "[[[[[[", "{{{{",
             "? ", "- - - -", "1e999", ".nan", ".inf", "9" * 400, "\t", "\x00", "\ufeff",
             "key: value\nkey: value", "%YAML 1.1", "---", "...", "|", ">", "'", '"', "#"]
TOML_BITS = ["inf", "nan", "-inf", "9" * 5000, "[[lint.exemptions]]", "[lint]", "a.b.c = 1",
             "{ x = { y = { z = 1 } } }", "[1, [2, [3]]]", '"\\u0000"', "1979-05-27T07:32:00Z",
             "'''", '"""', "= =", "[", "]", "true", "0x7fffffffffffffffff"]
JINJA_BITS = ["{{ 'x' * 10**9 }}", "{{ 9**9**9 }}", "{{ 'x'|center(10**9) }}",
              "{{ '%999999999s' % 'x' }}", "{{ '{:>999999999}'.format(1) }}",
              "{{ 'x'|indent(10**9) }}", "{% for i in range(10**9) %}x{% endfor %}",
              "{{ ('x' * 50000)|replace('', 'yy') }}", "{{ range(100000)|join('x' * 1000) }}",
              "{% macro m(n) %}{{ m(n) }}{{ m(n) }}{% endmacro %}{{ m(1) }}",
              "{{ ''.__class__.__mro__ }}", "{{ cycler }}", "{% for a in range(99999) %}"
              "{% for b in range(99999) %}{% endfor %}{% endfor %}", "{{", "{%", "}}", "{#"]
TEXT_BITS = ["🙂", "#Tagar", "@akun", "https://x.go.id/a?b=c", "\r\n", "\u200b", "\u202e",
             "a\u0301", "\U0001F1EE\U0001F1E9", "---\nplatform: x\n---\n", "---\n", "\ufeff",
             "Rp1.000.000", "PENGUMUMAN!!!", "\x00", "\udcff", "\n" * 50, " " * 3000]


class Hang(BaseException):
    """Raised by the alarm: a case ran past its time limit (BaseException: not swallowed)."""


@dataclass
class Outcome:
    target: str
    code: int | None
    seconds: float
    problem: str | None  # None: the property holds
    detail: str = ""


def mutate_text(rng: random.Random, text: str, bits: list[str], rounds: int = 4) -> str:
    """A few random edits: insert a fragment, delete/duplicate a slice, flip a character."""
    for _ in range(rng.randint(1, rounds)):
        pos = rng.randint(0, len(text))
        op = rng.random()
        if op < 0.35:
            text = text[:pos] + rng.choice(bits) + text[pos:]
        elif op < 0.5:
            end = min(len(text), pos + rng.randint(1, 200))
            text = text[:pos] + text[end:]
        elif op < 0.65:
            end = min(len(text), pos + rng.randint(1, 200))
            text = text[:pos] + text[pos:end] * rng.randint(2, 30) + text[pos:]
        elif op < 0.8 and text:
            i = rng.randrange(len(text))
            text = text[:i] + chr(rng.choice([rng.randint(0, 0x7f), rng.randint(0, 0x2fff),
                                              rng.randint(0x1f300, 0x1faff)])) + text[i + 1:]
        else:
            lines = text.split("\n")
            if lines:
                i = rng.randrange(len(lines))
                lines.insert(rng.randrange(len(lines) + 1), lines[i])
                text = "\n".join(lines)
    return text


def to_bytes(rng: random.Random, text: str) -> bytes:
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.1 and data:  # a broken byte somewhere
        i = rng.randrange(len(data))
        data = data[:i] + bytes([rng.randint(0x80, 0xff)]) + data[i + 1:]
    return data


def run_cli(args: list[str], cwd: Path, stdin: bytes | None = None,
            timeout: float = 20.0) -> tuple[int | None, float, str]:
    """Run ``medsos *args`` in-process in ``cwd``; (exit code or None, seconds, detail)."""
    from typer.testing import CliRunner

    from medsos_cli.cli.app import app

    def alarm(signum, frame):
        raise Hang()

    old_cwd = os.getcwd()
    os.chdir(cwd)
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    start = time.perf_counter()
    try:
        result = CliRunner().invoke(app, args, input=stdin, catch_exceptions=True)
        code, detail = result.exit_code, (result.stderr or "")[-400:]
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            if isinstance(result.exception, Hang):
                raise Hang()
            code, detail = None, f"{type(result.exception).__name__}: {result.exception}"
    except Hang:
        code, detail = -1, "hang"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        os.chdir(old_cwd)
    return code, time.perf_counter() - start, detail


def _judge(target: str, code: int | None, seconds: float, detail: str) -> Outcome:
    if code == -1:
        return Outcome(target, code, seconds, "hang", detail)
    if code is None:
        return Outcome(target, code, seconds, "exception", detail)
    if code not in (0, 1, 2):
        return Outcome(target, code, seconds, f"exit {code}", detail)
    return Outcome(target, code, seconds, None)


def _caption(rng: random.Random) -> str:
    return CAPTIONS[rng.randrange(len(CAPTIONS))].read_text(encoding="utf-8")


def case_caption(rng: random.Random, work: Path, timeout: float) -> Outcome:
    (work / "posts").mkdir()
    for i in range(rng.randint(1, 3)):
        text = mutate_text(rng, _caption(rng), TEXT_BITS, 8)
        (work / "posts" / f"c{i}.{rng.choice(['x.', 'instagram.', ''])}txt").write_bytes(
            to_bytes(rng, text))
    fmt = rng.choice(["text", "json", "sarif", "github"])
    args = ["lint", "posts", "--format", fmt]
    if rng.random() < 0.3:
        args.append("--fix")
    stdin = None
    if rng.random() < 0.2:
        args = ["lint", "-", "--format", fmt]
        stdin = to_bytes(rng, mutate_text(rng, _caption(rng), TEXT_BITS, 8))
    return _judge("caption", *run_cli(args, work, stdin, timeout))


def case_rulebook(rng: random.Random, work: Path, timeout: float) -> Outcome:
    book = work / "book"
    shutil.copytree(SOP, book, ignore=shutil.ignore_patterns("*.md"))
    files = sorted(p for p in book.iterdir() if p.suffix == ".yaml")
    for path in rng.sample(files, rng.randint(1, 2)):
        path.write_bytes(to_bytes(rng, mutate_text(rng, path.read_text(encoding="utf-8"),
                                                   YAML_BITS, 6)))
    (work / "c.txt").write_text(_caption(rng), encoding="utf-8")
    return _judge("rulebook", *run_cli(["lint", "--rulebook", "book", "c.txt"], work, None,
                                       timeout))


CONFIG = """[lint]
rulebooks = ["default"]
fail_on = "error"
max_file_size_mb = 2
regex_timeout = 0.5

[[lint.exemptions]]
rule = "ejaan.di-pisah"
text = "di mana"
reason = "kutipan"
approved_by = "Kabid IKP"

[account]
name = "Pemkot Contoh"
hashtags = ["#KotaContoh"]
website = "https://kotacontoh.go.id"
timezone = "Asia/Jakarta"

[report]
sla_hours = 24
"""


def case_config(rng: random.Random, work: Path, timeout: float) -> Outcome:
    (work / "medsos.toml").write_bytes(to_bytes(rng, mutate_text(rng, CONFIG, TOML_BITS, 6)))
    (work / "c.txt").write_text(_caption(rng), encoding="utf-8")
    return _judge("config", *run_cli(["lint", "c.txt"], work, None, timeout))


def case_data(rng: random.Random, work: Path, timeout: float) -> Outcome:
    source = DRAFTS[rng.randrange(len(DRAFTS))]
    kind = source.stem
    text = source.read_text(encoding="utf-8")
    if rng.random() < 0.2:  # JSON flavour
        import json

        import yaml

        try:
            text = json.dumps(yaml.safe_load(text), ensure_ascii=False, default=str)
        except Exception:  # noqa: BLE001 - the fuzzer only needs some JSON
            text = "{}"
        name = "data.json"
        bits = ['[' * 50, '{"a":' * 30, "1e999", "NaN", "-Infinity", '"\\ud800"', "9" * 5000]
    else:
        name = "data.yaml"
        bits = YAML_BITS + JINJA_BITS
    (work / name).write_bytes(to_bytes(rng, mutate_text(rng, text, bits, 6)))
    shutil.copy(ROOT / "examples" / "roster.yaml", work / "roster.yaml")
    if rng.random() < 0.3:
        roster = (work / "roster.yaml").read_text(encoding="utf-8")
        (work / "roster.yaml").write_bytes(to_bytes(rng, mutate_text(rng, roster, YAML_BITS)))
    (work / "medsos.toml").write_text('[account]\nname = "Pemkot Contoh"\n', encoding="utf-8")
    args = ["draft", kind, "--data", name, "--platform", "all", "--no-input"]
    return _judge("data", *run_cli(args, work, None, timeout))


def case_template(rng: random.Random, work: Path, timeout: float) -> Outcome:
    folder = work / "tpl"
    kinds = [p for p in TEMPLATES.iterdir() if (p / "schema.yaml").is_file()]
    kind = kinds[rng.randrange(len(kinds))]
    shutil.copytree(kind, folder / kind.name)
    j2 = sorted((folder / kind.name).glob("*.j2"))
    target = j2[rng.randrange(len(j2))]
    target.write_bytes(to_bytes(rng, mutate_text(rng, target.read_text(encoding="utf-8"),
                                                 JINJA_BITS, 5)))
    if rng.random() < 0.2:
        schema = folder / kind.name / "schema.yaml"
        schema.write_bytes(to_bytes(rng, mutate_text(rng, schema.read_text(encoding="utf-8"),
                                                     YAML_BITS, 3)))
    (work / "medsos.toml").write_text('[account]\nname = "Pemkot Contoh"\n[draft]\n'
                                      'templates = "tpl"\n', encoding="utf-8")
    shutil.copy(ROOT / "examples" / "roster.yaml", work / "roster.yaml")
    code, seconds, detail = run_cli(["templates", "lock", "--approved-by", "Fuzz"], work, None,
                                    timeout)
    if code not in (0, 1, 2):
        return _judge("template", code, seconds, detail)
    data = ROOT / "examples" / "drafts" / f"{kind.name}.yaml"
    args = ["draft", kind.name, "--platform", "all", "--no-input"]
    if data.is_file():
        args += ["--data", str(data)]
    code2, seconds2, detail2 = run_cli(args, work, None, timeout)
    return _judge("template", code2, seconds + seconds2, detail2)


EXPORT_BITS = [",", '"', '""', "\n", "\r\n", ";", "\t", "-1", "9" * 25, "1e999", "NaN",
               "javascript:alert(1)", "data:text/html,x", "²", "١٢", "2026-02-30", "31/12/1969",
               "=cmd|'/C calc'!A0", "\ufeff", "\x00", "Rp1.000.000", "1.234,5", "—"]


def case_export(rng: random.Random, work: Path, timeout: float) -> Outcome:
    """The weekly report on the example exports, one or two of them mutated (exports/ is
    another engineer's area; the target is here so that the long run covers it)."""
    folder = work / "ekspor"
    shutil.copytree(ROOT / "examples" / "exports", folder,
                    ignore=shutil.ignore_patterns("*.md"))
    files = sorted(folder.glob("*.csv"))
    for path in rng.sample(files, rng.randint(1, 2)):
        raw = path.read_bytes()  # Meta's daily files are UTF-16 with a BOM
        text = raw.decode("utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig")
        path.write_bytes(to_bytes(rng, mutate_text(rng, text, EXPORT_BITS, 8)))
    fmt = rng.choice(["json", "md", "html"])
    args = ["weekly", "report", "ekspor", "--week", "2026-W47", "--format", fmt,
            "--no-history", "--out", f"laporan.{fmt}", "--force"]
    return _judge("export", *run_cli(args, work, None, timeout))


TARGETS: dict[str, Callable[[random.Random, Path, float], Outcome]] = {
    "caption": case_caption,
    "rulebook": case_rulebook,
    "config": case_config,
    "data": case_data,
    "template": case_template,
    "export": case_export,
}


def run_case(target: str, seed: int, scratch: Path, timeout: float = 20.0) -> Outcome:
    """One generated case of ``target`` from ``seed`` in a fresh folder below ``scratch``."""
    work = scratch / f"{target}-{seed}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        return TARGETS[target](random.Random(f"{target}:{seed}"), work, timeout)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover - replay one case: harness.py TARGET SEED
    import tempfile

    print(run_case(sys.argv[1], int(sys.argv[2]), Path(tempfile.mkdtemp())))
