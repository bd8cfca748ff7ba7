"""How the weekly report tells a caller how far it has got (no terminal here: the command line
passes a callback that draws a progress bar on stderr, or nothing at all).

A callback is called as ``progress(step, done, total, detail)`` from the main thread only:

- ``step`` is one of ``STEPS``;
- ``done`` of ``total`` units are finished; ``total`` is None while a step's size is unknown
  (a step reported as one block: started with ``done=0``, finished with ``done == total``);
- ``detail`` names the unit at hand (the export file being read), else "".

Units are honest: a file is counted once it has been read, comments as the classifier reaches
them (every few thousand), captions once their findings are back from the lint workers (which
lint in chunks, so the count moves a chunk at a time). ``compute`` (duplicates, history, the
week's figures) and ``render`` have no unit: a spinner.
"""

from __future__ import annotations

from typing import Protocol

# The steps of ``medsos weekly report`` that can take more than a second, in order.
STEPS = ("read", "compute", "comments", "lint", "render")


class ProgressCallback(Protocol):
    """``progress(step, done, total, detail="")``; see the module docstring."""

    def __call__(self, step: str, done: int, total: int | None, detail: str = "") -> None:
        ...


def report(progress: ProgressCallback | None, step: str, done: int, total: int | None,
           detail: str = "") -> None:
    """Call ``progress`` when there is one."""
    if progress is not None:
        progress(step, done, total, detail)
