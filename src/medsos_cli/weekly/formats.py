"""The output formats of the weekly report and the province roll-up: one table.

A format is a name (``--format``), a file extension, the renderer of each report (named as
``module:function`` and imported on use, so that JSON never imports matplotlib) and the
optional packages it needs. The CLI takes its choices and default file names from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ReportFormat:
    """One output format of the weekly report and the roll-up."""

    name: str
    extension: str
    weekly: str  # module:function rendering a weekly report (weekly.model) to text
    rollup: str  # module:function rendering a roll-up report dict to text
    needs: tuple[str, ...] = ()  # modules of the ``laporan`` extra it imports
    # module:function giving a weekly report's text in pieces (written without one string)
    weekly_pieces: str | None = None

    def renderer(self, which: str) -> Callable[[Any], str]:
        """The renderer of ``which`` report ("weekly" or "rollup")."""
        from medsos_cli.extras import import_ref

        return import_ref(getattr(self, which))

    def encoded(self, report: Any) -> bytes:
        """A weekly report rendered as the UTF-8 bytes that are written. A format with
        ``weekly_pieces`` is encoded piece by piece: a province's JSON is ~10 MB, and four
        bytes a character as one string once a single caption holds an emoji."""
        from medsos_cli.extras import import_ref

        if self.weekly_pieces is None:
            return self.renderer("weekly")(report).encode("utf-8", "surrogateescape")
        pieces = import_ref(self.weekly_pieces)(report)
        return b"".join([piece.encode("utf-8", "surrogateescape") for piece in pieces])


REPORT_FORMATS = (
    ReportFormat("html", "html", "medsos_cli.weekly.render_html:render_html",
                 "medsos_cli.province.render:render_html", ("matplotlib",)),
    ReportFormat("md", "md", "medsos_cli.weekly.render_md:render_markdown",
                 "medsos_cli.province.render:render_markdown"),
    ReportFormat("json", "json", "medsos_cli.weekly.model:to_json",
                 "medsos_cli.province.render:to_json",
                 weekly_pieces="medsos_cli.weekly.model:to_json_pieces"),
)
BY_NAME = {f.name: f for f in REPORT_FORMATS}
NAMES = tuple(BY_NAME)
