"""Render the weekly report (``weekly.model.WeeklyReport``) as one self-contained HTML page.

The page inlines its CSS and its SVG charts (no fonts, scripts, images or requests), is
written in Indonesian, and prints on A4. Templates live in ``templates/report/`` of a source
checkout, or in ``medsos_cli/_data/templates/report/`` of an installed wheel.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from medsos_cli.bundled import bundled_path
from medsos_cli.weekly import fmt
from medsos_cli.weekly.model import CrisisDay, WeeklyReport, as_report
from medsos_cli.weekly.view import week_view

TEMPLATE = "weekly.html.j2"
# The page runs no script and loads nothing: only its inline CSS and SVG are allowed.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; "
       "object-src 'none'; base-uri 'none'; form-action 'none'")
_SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f\"'<>`\\]+", re.IGNORECASE)


def css_string(value: object) -> Any:
    """``value`` as a quoted CSS string (for ``content:``): quotes, backslashes, line ends
    and anything that could close the ``<style>`` element are escaped as CSS hex escapes."""
    from markupsafe import Markup

    text = " ".join(str("" if value is None else value).split())
    out = []
    for char in text:
        if char.isalnum() or char in " .,:;·–—-_()/#@!?+%":
            out.append(char)
        else:
            out.append(f"\\{ord(char):06x} ")  # the space ends the escape (CSS eats it)
    return Markup('"' + "".join(out) + '"')


def safe_url(value: object) -> str | None:
    """``value`` when it is an ``http(s)://`` address, else None: a ``javascript:`` or
    ``data:`` permalink from an export is shown as text, never as a link."""
    if isinstance(value, str) and _SAFE_URL.fullmatch(value):
        return value
    return None


def bundled_templates_path() -> Path:
    """Folder of the bundled templates: inside the wheel, or ``templates/`` of a checkout."""
    return bundled_path("templates")


def _bytecode_cache(jinja2: Any) -> Any:
    """Compiled templates in the per-user cache (keyed by the template source, so an edited
    template is compiled afresh): compiling costs ~0.2 s, a fifth of a small report's time."""
    from medsos_cli.cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    try:
        (folder / "jinja").mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder / "jinja"))


@lru_cache(maxsize=1)  # compiling the templates costs more than rendering them
def _environment():
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(bundled_templates_path() / "report"),
                                       encoding="utf-8"),
        autoescape=True,
        # A key the builder left out renders as unknown ("–"), never as a crash.
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
        bytecode_cache=_bytecode_cache(jinja2),
    )
    filters = {
        "num": fmt.number,
        "pct": fmt.percent,
        "signed": fmt.signed,
        "hours": fmt.hours,
        "sla": fmt.sla,
        "date_long": fmt.date_long,
        "date_short": fmt.date_short,
        "datetime": fmt.datetime_short,
        "excerpt": fmt.excerpt,
        "metric": lambda value, key: fmt.metric(key, value),
        "change": fmt.change,
        "platform": lambda key: fmt.PLATFORM_LABELS.get(key, key),
        "format_label": fmt.format_label,
        "klass": lambda key: fmt.CLASS_LABELS.get(key, key),
        "sentiment": lambda key: fmt.SENTIMENT_LABELS.get(key, key),
        "level": lambda key: fmt.LEVEL_LABELS.get(key, key),
        "basis": lambda key: fmt.BASIS_LABELS.get(key, key or fmt.NULL),
        "share": fmt.share,
        "safe_url": safe_url,
        "css_string": css_string,
    }
    env.globals["account_label"] = fmt.account_label
    env.filters.update({name: _known(func) for name, func in filters.items()})
    env.globals.update({
        "NULL": fmt.NULL,
        "NULL_LEGEND": fmt.NULL_LEGEND,
        "METRICS": fmt.METRICS,
        "WEEKDAYS": fmt.WEEKDAYS,
        "HOLDING_COMMAND": fmt.HOLDING_COMMAND,
        "change_parts": fmt.change_parts,
        "rate_change_parts": lambda data: fmt.figure_change_parts(data, "engagement_rate",
                                                                  fmt.POINTS_SHORT),
        "hidden_note": fmt.hidden_note,
        "unranked_reason": fmt.unranked_reason,
        "count_change_parts": fmt.count_change_parts,
        "SKIPPED_LIMIT": fmt.SKIPPED_LIMIT,
        "CSP": Markup(CSP),  # a constant: quotes stay quotes
    })
    return env


def _known(func):
    """Wrap a filter so that an undefined value reaches it as ``None`` (unknown)."""
    import jinja2

    def wrapper(value, *args):
        if isinstance(value, jinja2.Undefined):
            value = None
        args = tuple(None if isinstance(a, jinja2.Undefined) else a for a in args)
        return func(value, *args)

    return wrapper


def crisis_message(day: CrisisDay) -> Any:
    """A crisis day's sentence as markup: escaped, with the holding-statement command as code."""
    from markupsafe import Markup, escape

    parts = fmt.crisis_text(day).split(fmt.HOLDING_COMMAND)
    code = Markup("<code>") + fmt.HOLDING_COMMAND + Markup("</code>")
    return code.join(escape(part) for part in parts)


def build_context(report: WeeklyReport | Mapping[str, Any],
                  drawn: Callable[[], dict[str, str | None]] | None = None) -> dict[str, Any]:
    """Everything the template needs: the report plus derived summaries and the charts
    (``drawn()`` when given, e.g. from :func:`charts.charts_later`)."""
    from medsos_cli.weekly import charts

    report = as_report(report)
    view = week_view(report)
    return {
        "accounts_of": view.account_of,
        "show_accounts": view.show_accounts,
        "r": report,
        "platforms": report.platforms,
        "metric_rows": view.metric_rows,
        "no_previous": view.no_previous,
        "key_changes": view.key_changes,
        "running_header": ("Laporan mingguan media sosial · " + report.account
                           if report.account else "Laporan mingguan media sosial"),
        "total_posts": view.total_posts,
        "uncounted": view.uncounted,
        "total_change": view.total_change,
        "previous_total": view.previous_total,
        "busiest": view.busiest,
        "date_range": fmt.date_range(report.start, report.end),
        "lint_posts": view.lint_posts,
        "lint_hidden": view.lint_hidden,
        "overdue_items": view.overdue_items,
        "overdue_hidden": view.overdue_hidden,
        "charts": drawn() if drawn is not None else charts.all_charts(report),
        "crisis_message": crisis_message,
        "crisis_names_command": view.crisis_names_command,
    }


def render_html(report: WeeklyReport | Mapping[str, Any]) -> str:
    """The report as one HTML document (same report → same bytes); a JSON object read back
    from ``--format json`` is decoded first."""
    from markupsafe import Markup

    from medsos_cli.weekly import charts

    report = as_report(report)
    # With a chart worker running (charts.start_worker) the charts are drawn there while
    # this process imports Jinja and loads the template.
    drawn = charts.charts_later(report)
    template = _environment().get_template(TEMPLATE)
    context = build_context(report, drawn)
    # Charts are our own SVG output (user text inside is XML-escaped by matplotlib and by
    # charts._to_svg), so they are inserted as markup.
    context["charts"] = {k: (Markup(v) if v else None) for k, v in context["charts"].items()}
    return template.render(context)
