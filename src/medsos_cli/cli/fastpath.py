"""``medsos lint`` without importing the command-line framework.

Importing Typer and Click costs a third of the start-up of a one-caption lint, which editors and
pre-commit hooks run on every save. A plain, valid ``medsos lint …`` command line is parsed
here and run directly; anything else (help, completion, ``--version``, another command, an
unknown or misspelt option, a value that is not valid) goes to the Typer application, which
parses it again and gives the usual help or error. So the fast path never has its own messages.
``tests/cli/test_fastpath.py`` checks that this table matches the Typer command's options.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from medsos_cli.findings import LEVEL_NAMES, level_id
from medsos_cli.formats import FORMAT_NAMES
from medsos_cli.platforms import PLATFORMS

# option spelling -> (parameter, takes a value)
ROOT_OPTIONS: dict[str, tuple[str, bool]] = {
    "--config": ("config", True), "-c": ("config", True), "--debug": ("debug", False),
}
LINT_OPTIONS: dict[str, tuple[str, bool]] = {
    "--platform": ("platform", True), "-p": ("platform", True),
    "--reply": ("reply", False),
    "--format": ("output_format", True), "-f": ("output_format", True),
    "--fail-on": ("fail_on", True),
    "--fix": ("fix", False), "--diff": ("diff", False),
    "--rulebook": ("rulebook", True), "-r": ("rulebook", True),
    "--jobs": ("jobs", True), "-j": ("jobs", True),
    "--config": ("config", True), "-c": ("config", True),
    "--color": ("color", False), "--no-color": ("no_color", False),
    "--debug": ("debug", False),
    "--stdin-filename": ("stdin_filename", True),
    "--quiet": ("quiet", False), "-q": ("quiet", False),
    "--min-level": ("min_level", True),
    "--output": ("output", True), "-o": ("output", True), "--force": ("force", False),
    "--statistics": ("statistics", False), "--force-exclude": ("force_exclude", False),
}
FAIL_LEVELS = (*LEVEL_NAMES, "none")


def parse(argv: list[str]) -> dict[str, Any] | None:
    """The options of a valid ``lint`` command line, or None when Typer should handle it."""
    if os.environ.get("MEDSOS_NO_FASTPATH") or any(k.startswith("_MEDSOS_COMPLETE")
                                                   for k in os.environ):
        return None
    values: dict[str, Any] = {"rulebook": [], "paths": []}
    i = 0
    while i < len(argv) and argv[i] != "lint":  # options of the root command
        spec = ROOT_OPTIONS.get(argv[i])
        if spec is None or (spec[1] and i + 1 >= len(argv)):
            return None
        if spec[1]:
            values["root_" + spec[0]] = argv[i + 1]
            i += 2
        else:
            values["root_" + spec[0]] = True
            i += 1
    if i >= len(argv):
        return None
    i += 1
    only_paths = False
    while i < len(argv):
        arg = argv[i]
        i += 1
        if only_paths or arg == "-" or not arg.startswith("-"):
            values["paths"].append(arg)
            continue
        if arg == "--":
            only_paths = True
            continue
        spec = LINT_OPTIONS.get(arg)
        if spec is None:
            return None  # an unknown, combined (-pinstagram) or --name=value spelling
        name, takes_value = spec
        if not takes_value:
            values[name] = True
            continue
        if i >= len(argv) or (argv[i].startswith("-") and argv[i] != "-"):
            return None
        if name == "rulebook":
            values["rulebook"].append(argv[i])
        else:
            values[name] = argv[i]
        i += 1
    return _valid(values)


def _valid(v: dict[str, Any]) -> dict[str, Any] | None:
    """The arguments of ``run_lint``, or None when a value is not valid (Typer says why)."""
    if not v["paths"] or (v.get("color") and v.get("no_color")):
        return None
    platform = v.get("platform")
    if platform is not None:
        platform = platform.lower()
        if platform not in PLATFORMS:
            return None
    output_format = v.get("output_format", "text").lower()
    fail_on = v.get("fail_on")
    fail_on = fail_on.lower() if fail_on is not None else None
    if output_format not in FORMAT_NAMES or (fail_on is not None and fail_on not in FAIL_LEVELS):
        return None
    fix, diff = bool(v.get("fix")), bool(v.get("diff"))
    jobs = v.get("jobs")
    if jobs is not None:
        if not jobs.isdecimal() or not jobs.isascii() or int(jobs) < 1:
            return None
        jobs = int(jobs)
    config = v.get("config", v.get("root_config"))
    if config is not None:
        config = Path(config)
        if config.is_dir():
            return None
    color = True if v.get("color") else (False if v.get("no_color") else None)
    min_level = v.get("min_level")
    if min_level is not None:
        min_level = level_id(min_level)
        if min_level is None:
            return None
    stdin_filename = v.get("stdin_filename")
    statistics = bool(v.get("statistics"))
    output = v.get("output")
    if option_conflict(v["paths"], fix=fix, diff=diff, stdin_filename=stdin_filename,
                       statistics=statistics, output_format=output_format, output=output):
        return None
    return {"paths": v["paths"], "platform": platform, "reply": bool(v.get("reply")),
            "output_format": output_format, "fail_on": fail_on, "fix": fix, "diff": diff,
            "rulebooks": v["rulebook"] or None, "config_path": config, "color": color,
            "jobs": jobs, "debug": bool(v.get("debug") or v.get("root_debug")),
            "stdin_filename": stdin_filename, "quiet": bool(v.get("quiet")),
            "min_level": min_level, "output": output, "force": bool(v.get("force")),
            "statistics": statistics, "force_exclude": bool(v.get("force_exclude"))}


def option_conflict(paths: list[str], *, fix: bool, diff: bool, stdin_filename: str | None,
                    statistics: bool, output_format: str,
                    output: str | None) -> tuple[str, str] | None:
    """(option, Indonesian reason) of the first combination of ``medsos lint`` options that is
    refused, or None: one list for the fast path (which then leaves the run to Typer) and for
    the Typer command (which reports it)."""
    if fix and diff:
        return "--fix", "pilih salah satu: --fix atau --diff"
    if fix and "-" in paths:
        return "--fix", "--fix tidak dapat menulis ke masukan standar; gunakan --diff"
    if stdin_filename is not None and "-" not in paths:
        return "--stdin-filename", ("hanya berlaku untuk masukan standar: sebutkan - sebagai "
                                    "berkas")
    if statistics and output_format != "text":
        return "--statistics", "hanya untuk --format text"
    if diff and output is not None:
        return "--diff", "pilih salah satu: --diff atau --output"
    return None


def run(argv: list[str]) -> int | None:
    """Run ``medsos lint`` from ``argv``; None when the Typer application must take it."""
    options = parse(argv)
    if options is None:
        return None
    from medsos_cli.cli._errors import guarded
    from medsos_cli.cli._lintrun import run_lint

    debug = options.pop("debug")
    return guarded(lambda: run_lint(**options), debug)
