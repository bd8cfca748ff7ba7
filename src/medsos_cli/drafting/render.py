"""Render templates in Jinja's immutable sandbox; every template error becomes an
``InputError`` naming the template file and line, in Indonesian.

Values typed by users are never compiled as templates: only the approved, locked ``.j2``
files are. The sandbox still guards them, so a template cannot reach Python internals
(``{{ ''.__class__ }}``) or mutate values, and it runs on a budget: a render stops after
``MAX_RENDER_SECONDS`` of CPU or ``MAX_OUTPUT`` characters, and every operator, filter and
string method that can build a large value (``*``, ``**``, ``%``, ``+``, ``range``, ``center``,
``indent``, ``format``, ``replace``, ``join``, widths in format strings, …) checks its
arguments first, so nothing allocates gigabytes, at run time or when Jinja folds constants
while compiling.
"""

from __future__ import annotations

import operator
import re
import signal
import threading
import time
from collections.abc import Callable
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
from jinja2.compiler import CodeGenerator
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from medsos_cli.drafting.filters import FILTERS
from medsos_cli.errors import InputError, MedsosError
from medsos_cli.forms import number

MAX_STRING = 100_000  # far above any post; stops ``'x' * 10**9`` from exhausting memory
MAX_OUTPUT = 200_000  # characters one render may produce (an X thread of 25 posts is ~7,000)
MAX_WIDTH = 1_000  # center/indent/ljust widths, format widths and precisions
MAX_RANGE = 10_000  # items of one range()
MAX_POWER = 100  # exponent of **
MAX_POWER_BITS = 4096  # size of an integer power (2**4096 has 1,234 digits)
MAX_RENDER_SECONDS = 2.0  # CPU seconds of one render (a post renders in milliseconds)
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
        try:
            found = path.is_file()
        except (OSError, ValueError):  # an include name too long for the OS, a NUL byte
            found = False
        if not found:
            raise TemplateNotFound(template[:80])
        from medsos_cli.fileio import MAX_TEMPLATE_BYTES, read_text_limited

        source = read_text_limited(path, MAX_TEMPLATE_BYTES, "sebuah templat").replace(
            "\r\n", "\n")
        mtime = path.stat().st_mtime
        return source, str(path), lambda: path.is_file() and path.stat().st_mtime == mtime

    def list_templates(self) -> list[str]:
        return sorted(p.name for p in self.folder.glob("*.j2"))


class BudgetExceeded(SecurityError):
    """A template ran past one of the render budgets (time, output, a value's size)."""


def _too_big(what: str) -> BudgetExceeded:
    return BudgetExceeded(f"{what} melampaui batas kotak pasir")


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d*)(?:\.(\*|\d*))?")
_BRACE_FIELD = re.compile(r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")


def check_format_string(fmt: str, percent: bool) -> None:
    """Refuse widths/precisions above ``MAX_WIDTH`` (and ``*`` or nested widths, which take
    them from the arguments) in a %-format or ``str.format`` string."""
    if percent:
        for match in _PERCENT_SPEC.finditer(fmt):
            for part in match.groups():
                if part == "*" or (part and int(part) > MAX_WIDTH):
                    raise _too_big("lebar format")
        return
    for match in _BRACE_FIELD.finditer(fmt):
        spec = match.group(0)[1:-1]
        if "{" in spec:
            raise _too_big("lebar format bersarang")
        if any(int(n) > MAX_WIDTH for n in re.findall(r"\d+", spec.partition(":")[2])):
            raise _too_big("lebar format")


def _check_text_size(size: int, what: str) -> None:
    if size > MAX_STRING:
        raise _too_big(what)


def _length(value: Any) -> int:
    try:
        return len(value)
    except TypeError:
        return len(str(value))


def _check_replace(text: Any, old: Any, new: Any, count: Any = -1) -> None:
    text, old, new = str(text), str(old), str(new)
    hits = len(text) + 1 if old == "" else text.count(old)
    if isinstance(count, int) and count >= 0:
        hits = min(hits, count)
    _check_text_size(len(text) + hits * max(0, len(new) - len(old)), "hasil replace")


def _check_join(items: Any, sep: Any = "") -> None:
    if isinstance(items, (str, list, tuple, range, dict)):
        seq = list(items)
        _check_text_size(sum(_length(str(i)) for i in seq) + len(str(sep)) * max(0, len(seq) - 1),
                         "hasil join")


def _check_width(value: Any, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
        raise _too_big(what)


def _filter_guards() -> dict[str, Callable[..., None]]:
    """Argument checks for Jinja's builtin filters that can build a large value."""
    def center(value: Any, width: Any = 80, *rest: Any) -> None:
        _check_width(width, "lebar center")

    def indent(value: Any, width: Any = 4, *rest: Any, **kw: Any) -> None:
        width = kw.get("width", width)
        if isinstance(width, str):
            _check_text_size(len(width), "indent")
        else:
            _check_width(width, "lebar indent")
        _check_text_size(len(str(value)) * (1 + (width if isinstance(width, int) else 4)),
                         "hasil indent")

    def fmt(value: Any, *args: Any, **kw: Any) -> None:
        check_format_string(str(value), percent=True)

    def replace(value: Any, old: Any = "", new: Any = "", count: Any = None) -> None:
        _check_replace(value, old, new, -1 if count is None else count)

    def join(value: Any, d: Any = "", attribute: Any = None) -> None:
        _check_join(value, d)

    def wordwrap(value: Any, width: Any = 79, *rest: Any, **kw: Any) -> None:
        _check_width(width, "lebar wordwrap")
        wrapstring = kw.get("wrapstring", rest[1] if len(rest) > 1 else None)
        if isinstance(wrapstring, str):
            _check_text_size(len(str(value)) * (1 + len(wrapstring)), "hasil wordwrap")

    def truncate(value: Any, length: Any = 255, *rest: Any, **kw: Any) -> None:
        _check_width(length, "panjang truncate")

    return {"center": center, "indent": indent, "format": fmt, "replace": replace,
            "join": join, "wordwrap": wordwrap, "truncate": truncate}


def _guarded(name: str, func: Callable[..., Any], guard: Callable[..., None] | None):
    """A filter that checks its arguments (if it has a guard) and the size of its result."""
    def checked(*args: Any, **kwargs: Any) -> Any:
        plain = args[1:] if getattr(func, "jinja_pass_arg", None) is not None else args
        if guard is not None and plain:
            guard(*plain, **kwargs)
        if name in _WIDTH_FILTERS:
            for arg in (*plain[1:], *kwargs.values()):
                _check_width(arg, f"argumen filter {name}")
        result = func(*args, **kwargs)
        if isinstance(result, (str, list, tuple)):
            _check_text_size(len(result), f"hasil filter {name}")
        _tick()
        return result

    for attr in ("jinja_pass_arg",):
        if hasattr(func, attr):
            setattr(checked, attr, getattr(func, attr))
    checked.__name__ = getattr(func, "__name__", name)
    return checked


_WIDTH_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate", "round", "batch",
                            "slice", "filesizeformat"})
_STR_METHOD_WIDTH = frozenset({"center", "ljust", "rjust", "zfill"})


class _Budget(threading.local):
    deadline: float | None = None
    output: int = 0


_BUDGET = _Budget()


def _tick() -> None:
    deadline = _BUDGET.deadline
    if deadline is not None and time.process_time() > deadline:
        raise BudgetExceeded(f"waktu render melampaui {MAX_RENDER_SECONDS:g} detik")


def _safe_range(*args: Any) -> range:
    result = range(*args)
    if len(result) > MAX_RANGE:
        raise _too_big(f"range({number(len(result))})")
    return result


def weight(value: Any, cap: int = MAX_STRING) -> int:
    """Roughly how many characters ``str(value)`` makes (stops counting past ``cap``): lists,
    tuples and dicts count their items, so a list of lists of a long text is heavy."""
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, (list, tuple)):
            total += 2 + len(item)
            stack.extend(item)
        elif isinstance(item, dict):
            total += 2 + len(item)
            stack.extend(item.keys())
            stack.extend(item.values())
        else:
            total += 8
        if total > cap:
            break
    return total


def _checked_value(value: Any) -> Any:
    """A list, tuple or dict literal built while rendering: refused when too heavy (nested
    literals of a long text would otherwise print gigabytes)."""
    if weight(value) > MAX_STRING:
        raise _too_big("daftar atau teks")
    _tick()
    return value


def _checked_parts(parts: tuple[Any, ...]) -> tuple[Any, ...]:
    """The operands of ``~``, before they are joined."""
    if weight(parts) > MAX_STRING:
        raise _too_big("hasil penyambungan teks (~)")
    _tick()
    return parts


def _checked_output(value: Any) -> Any:
    """Every ``{{ … }}`` value before it is turned into text."""
    if isinstance(value, (list, tuple, dict)) and weight(value, MAX_OUTPUT) > MAX_OUTPUT:
        raise _too_big("nilai keluaran")
    return value


class _BudgetCodeGenerator(CodeGenerator):
    """Jinja's code generator, routing list/tuple/dict literals and ``~`` through the budget
    (these are plain Python in compiled templates, out of the sandbox's reach otherwise)."""

    def visit_List(self, node, frame) -> None:  # noqa: D102, N802
        self.write("environment.checked_value(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Tuple(self, node, frame) -> None:  # noqa: D102, N802
        if node.ctx != "load":  # an assignment target: ``{% for a, b in … %}``
            super().visit_Tuple(node, frame)
            return
        self.write("environment.checked_value(")
        super().visit_Tuple(node, frame)
        self.write(")")

    def visit_Dict(self, node, frame) -> None:  # noqa: D102, N802
        self.write("environment.checked_value(")
        super().visit_Dict(node, frame)
        self.write(")")

    def visit_Concat(self, node, frame) -> None:  # noqa: D102, N802
        if frame.eval_ctx.volatile:
            func_name = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            func_name = "markup_join"
        else:
            func_name = "str_join"
        self.write(f"{func_name}(environment.checked_parts((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write(")))")


class DraftEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox on a budget: operators, filters and string methods that can build a large
    value check their arguments, and every call checks the render's CPU time."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = _BudgetCodeGenerator
    checked_value = staticmethod(_checked_value)
    checked_parts = staticmethod(_checked_parts)

    def call_binop(self, context, operator_name: str, left: Any, right: Any) -> Any:
        _tick()
        if operator_name == "*":
            for seq, times in ((left, right), (right, left)):
                if (isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                        and max(1, weight(seq)) * times > MAX_STRING):
                    raise SecurityError("hasil perkalian teks terlalu panjang")
            return operator.mul(left, right)
        if operator_name == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_POWER:
                raise SecurityError("pangkat terlalu besar")
            if (isinstance(left, int) and isinstance(right, int) and right > 0
                    and left.bit_length() * right > MAX_POWER_BITS):
                raise SecurityError("pangkat terlalu besar")
            return operator.pow(left, right)
        if operator_name == "%":
            if isinstance(left, str):
                check_format_string(left, percent=True)
            return operator.mod(left, right)
        if operator_name == "+":
            if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
                _check_text_size(weight(left) + weight(right), "hasil penjumlahan teks")
            return operator.add(left, right)
        return super().call_binop(context, operator_name, left, right)

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        _tick()
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, str):
            if name in _STR_METHOD_WIDTH and args:
                _check_width(args[0], f"lebar {name}")
            elif name == "expandtabs":
                tab = args[0] if args else kwargs.get("tabsize", 8)
                _check_width(tab, "lebar tab")
                if isinstance(tab, int):
                    _check_text_size(owner.count("\t") * tab + len(owner), "hasil expandtabs")
            elif name in ("format", "format_map"):
                check_format_string(owner, percent=False)
            elif name == "replace" and len(args) >= 2:
                _check_replace(owner, args[0], args[1], args[2] if len(args) > 2 else -1)
            elif name == "join" and args:
                _check_join(args[0], owner)
        elif getattr(__obj, "__name__", None) == "cycle" and len(args) > MAX_RANGE:
            raise _too_big("loop.cycle")
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(result, (str, list, tuple)) and len(result) > MAX_OUTPUT:
            raise _too_big("hasil pemanggilan")
        return result

    def getattr(self, obj: Any, attribute: str) -> Any:  # noqa: D102
        _tick()
        if isinstance(obj, str) and attribute in ("format", "format_map"):
            check_format_string(obj, percent=False)  # Jinja wraps str.format: check it here
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:  # noqa: D102
        _tick()
        return super().getitem(obj, argument)


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
    guards = _filter_guards()
    env.filters = {name: _guarded(name, func, guards.get(name))
                   for name, func in env.filters.items()}
    # Only harmless helpers stay global; cycler/joiner/lipsum/namespace are not needed in
    # posts (a namespace could grow a string by doubling it in a loop).
    for name in ("cycler", "joiner", "lipsum", "namespace"):
        env.globals.pop(name, None)
    env.globals["range"] = _safe_range
    env.finalize = _checked_output
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
        message = exc.message or ""
        unknown = re.match(r"No (filter|test) named '(.+?)'", message)
        if unknown:
            message = (f"{'filter' if unknown[1] == 'filter' else 'uji'} “{unknown[2]}” tidak "
                       "dikenal")
        return InputError(f"sintaksis templat tidak sah: {message}", path, line)
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
    if isinstance(exc, RecursionError):
        return InputError("templat gagal dirender: ekspresi bersarang, makro, atau include yang "
                          "memanggil dirinya sendiri terlalu dalam", path, line)
    if isinstance(exc, MemoryError):
        return InputError("templat gagal dirender: memori habis (nilai terlalu besar)", path,
                          line)
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
    """Render template ``name`` with ``context`` and tidy the result (within the budgets)."""
    folder = env.loader.folder  # type: ignore[union-attr]
    try:
        template = env.get_template(name)
        with budget():
            text = _generate(template, context)
    except (TemplateError, MedsosError, ArithmeticError, TypeError, ValueError, KeyError,
            IndexError, AttributeError, RecursionError, MemoryError) as exc:
        raise template_error(exc, name, folder) from None
    return tidy(text)


def _generate(template: Any, context: dict[str, Any]) -> str:
    """The output of ``template``, piece by piece, stopping at ``MAX_OUTPUT`` characters."""
    parts: list[str] = []
    size = 0
    for piece in template.generate(context):
        size += len(piece)
        if size > MAX_OUTPUT:
            raise BudgetExceeded(f"keluaran templat melampaui {number(MAX_OUTPUT)} karakter")
        _tick()
        parts.append(piece)
    return "".join(parts)


class budget:  # noqa: N801 - used as ``with budget():``
    """The CPU-time budget of one render: checked at every sandbox call and, on POSIX in the
    main thread, also enforced by a CPU timer (a loop that calls nothing is stopped too)."""

    def __enter__(self) -> budget:
        self.outer = _BUDGET.deadline
        _BUDGET.deadline = time.process_time() + MAX_RENDER_SECONDS
        self.previous = None
        if (hasattr(signal, "setitimer") and self.outer is None
                and threading.current_thread() is threading.main_thread()):
            try:
                self.previous = signal.signal(signal.SIGVTALRM, _on_timer)
                signal.setitimer(signal.ITIMER_VIRTUAL, MAX_RENDER_SECONDS + 0.5)
            except (ValueError, OSError):
                self.previous = None
        return self

    def __exit__(self, *exc: object) -> None:
        _BUDGET.deadline = self.outer
        if self.previous is not None:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            signal.signal(signal.SIGVTALRM, self.previous)


def _on_timer(signum: int, frame: Any) -> None:
    raise BudgetExceeded(f"waktu render melampaui {MAX_RENDER_SECONDS:g} detik")
