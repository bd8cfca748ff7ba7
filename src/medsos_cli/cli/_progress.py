"""Progress on the terminal, for every command that shows any: a transient rich progress on
stderr, only when stderr is a terminal (never in a log, a pipe or a test), never touching
stdout. rich is imported only when a bar is really drawn.

``medsos lint`` draws one bar (cli/_lintrun.py); ``medsos weekly report`` one row per step,
fed by the library's callback (``medsos_cli.weekly.progress``).
"""

from __future__ import annotations

import sys
from contextlib import nullcontext
from typing import Any

from medsos_cli.cli._errors import isatty


def on_terminal(stderr: Any = None) -> bool:
    """Whether progress may be drawn: stderr is a terminal."""
    return isatty(stderr if stderr is not None else sys.stderr)


def new_progress(*columns: Any) -> Any:
    """A transient ``rich.progress.Progress`` on stderr with ``columns`` (strings or rich
    columns). It does not redirect stdout or stderr: what the command prints passes by."""
    from rich.console import Console
    from rich.progress import Progress

    return Progress(*columns, console=Console(file=sys.stderr), transient=True,
                    redirect_stdout=False, redirect_stderr=False)


# What each step of the weekly report is called on the terminal (weekly/progress.py STEPS).
WEEKLY_STEPS = {
    "read": "Membaca ekspor",
    "compute": "Menghitung angka pekan",
    "comments": "Menggolongkan komentar",
    "lint": "Memeriksa takarir",
    "render": "Menyusun laporan",
}


def weekly_progress_wanted(out: str | None, stderr: Any = None) -> bool:
    """Progress for ``medsos weekly report``: on a terminal only, and never with ``--out -``
    (the report itself is then the output, and nothing else is drawn meanwhile)."""
    return out != "-" and on_terminal(stderr)


class StepProgress:
    """The weekly report's progress callback: one row per step, a bar when the step's size is
    known (files, captions), a spinner while it is not. A context manager (the rows vanish
    when it ends)."""

    def __init__(self, labels: dict[str, str] | None = None) -> None:
        self.labels = labels or WEEKLY_STEPS
        self.progress: Any = None
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> StepProgress:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self.progress = new_progress(SpinnerColumn(), TextColumn("{task.description}"),
                                     BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)

    def __call__(self, step: str, done: int, total: int | None, detail: str = "") -> None:
        label = self.labels.get(step, step)
        description = f"{label}: {detail}" if detail else label
        task = self.tasks.get(step)
        if task is None:
            self.tasks[step] = self.progress.add_task(description, total=total, completed=done)
            return
        if total is None:  # back to "size unknown" (update() leaves total as it was)
            for item in self.progress.tasks:
                if item.id == task:
                    item.total = None
        self.progress.update(task, description=description, total=total, completed=done)


def weekly_progress(out: str | None) -> Any:
    """The context for a weekly report run: a ``StepProgress`` when wanted, else None."""
    if weekly_progress_wanted(out):
        return StepProgress()
    return nullcontext(None)
