"""Render templates in Jinja's immutable sandbox; every template error becomes an
``InputError`` naming the template file and line, in Indonesian.

Values typed by users are never compiled as templates: only the approved, locked ``.j2``
files are. The sandbox still guards them, so a template cannot reach Python internals
(``{{ ''.__class__ }}``), mutate values, or build huge strings.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import (
    BaseLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from medsos_cli.drafting.filters import FILTERS
from medsos_cli.errors import InputError, MedsosError

MAX_STRING = 100_000  # far above any post; stops ``'x' * 10**9`` from exhausting memory
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Akun:
    """Account defaults from ``medsos.toml``, as templates see them (``akun.nama`` …)."""

    nama: str = ""
    tagar: list[str] = field(default_factory=list)
    situs: str = ""
    kontak: dict[str, str] = field(default_factory=dict)
    zona: str | None = "WIB"


class _FolderLoader(BaseLoader):
    """Loads ``.j2`` files from one folder only (no ``..``, no subfolders), UTF-8, BOM and
    CRLF removed, so that ``{% include "_bagian.j2" %}`` stays inside the content type."""

    def __init__(self, folder: Path):
        self.folder = folder

    def get_source(self, environment, template: str):
        pieces = split_template_path(template)
        if len(pieces) != 1:
            raise TemplateNotFound(template)
        path = self.folder / pieces[0]
        if not path.is_file():
            raise TemplateNotFound(template)
        source = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        mtime = path.stat().st_mtime
        return source, str(path), lambda: path.is_file() and path.stat().st_mtime == mtime

    def list_templates(self) -> list[str]:
        return sorted(p.name for p in self.folder.glob("*.j2"))


class DraftEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, also refusing string/list repetition and powers that would explode."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "*":
            for seq, times in ((left, right), (right, left)):
                if (isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                        and len(seq) * times > MAX_STRING):
                    raise SecurityError("hasil perkalian teks terlalu panjang")
            return operator.mul(left, right)
        if operator_name == "**":
            if isinstance(right, int) and abs(right) > 100:
                raise SecurityError("pangkat terlalu besar")
            return operator.pow(left, right)
        return super().call_binop(context, operator_name, left, right)


def make_environment(folder: Path) -> DraftEnvironment:
    """The Jinja environment for one content-type folder."""
    env = DraftEnvironment(
        loader=_FolderLoader(folder),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    # Only harmless helpers stay global; cycler/joiner/lipsum are not needed in posts.
    for name in ("cycler", "joiner", "lipsum"):
        env.globals.pop(name, None)
    return env


def tidy(text: str) -> str:
    """Trailing spaces removed, runs of blank lines collapsed to one, ends trimmed."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def template_error(exc: BaseException, name: str, folder: Path,
                   tb: TracebackType | None = None) -> InputError:
    """Turn a Jinja (or filter) error into an Indonesian ``InputError`` at file:line."""
    path: str = str(folder / name)
    line: int | None = None
    if isinstance(exc, TemplateSyntaxError):
        path = exc.filename or path
        line = exc.lineno
        return InputError(f"sintaksis templat tidak sah: {exc.message}", path, line)
    tb = tb or exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            path, line = filename, tb.tb_lineno
        tb = tb.tb_next
    if isinstance(exc, SecurityError):
        return InputError(f"templat ditolak oleh kotak pasir Jinja: {_security(exc)}", path,
                          line)
    if isinstance(exc, UndefinedError):
        return InputError(f"templat memakai nilai yang tidak ada: {_undefined(exc)}", path,
                          line)
    if isinstance(exc, MedsosError):
        return InputError(exc.message, path, line)
    if isinstance(exc, TemplateNotFound):
        return InputError(f"berkas templat “{exc.name}” tidak ditemukan", path, line)
    return InputError(f"templat gagal dirender: {type(exc).__name__}: {exc}", path, line)


def _security(exc: SecurityError) -> str:
    match = re.match(r"access to attribute '(.+?)' of '(.+?)' object is unsafe", str(exc))
    if match:
        return (f"atribut “{match[1]}” pada objek {match[2]} tidak boleh diakses (templat "
                "tidak boleh menjangkau bagian dalam Python atau mengubah nilai)")
    return str(exc)


def _undefined(exc: UndefinedError) -> str:
    match = re.match(r"'(.+?)' is undefined", str(exc))
    if match:
        return f"“{match[1]}” tidak dikenal"
    match = re.match(r"(.+?) has no attribute '(.+?)'", str(exc))
    if match:
        return f"{match[1]} tidak punya atribut “{match[2]}”"
    return str(exc)


def render(env: DraftEnvironment, name: str, context: dict[str, Any]) -> str:
    """Render template ``name`` with ``context`` and tidy the result."""
    folder = env.loader.folder  # type: ignore[union-attr]
    try:
        template = env.get_template(name)
        text = template.render(context)
    except (TemplateError, MedsosError, ArithmeticError, TypeError, ValueError, KeyError,
            IndexError, AttributeError, RecursionError) as exc:
        raise template_error(exc, name, folder) from None
    return tidy(text)
