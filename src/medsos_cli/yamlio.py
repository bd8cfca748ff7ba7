"""YAML reading that keeps line numbers, so every error can name ``file:line``.

Safe against hostile files: the SafeLoader builds only plain data, duplicate keys are refused,
and before any value is built the document's node graph is measured, so that an alias bomb
("billion laughs": anchors that expand to millions of nodes), a self-referencing alias or a
deeply nested value is a ``file:line`` error instead of a hang or a MemoryError."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from medsos_cli.errors import RulebookError
from medsos_cli.ydata import YDict, YList

try:  # libyaml parses several times faster; fall back to the pure-Python parser.
    _BaseLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


MAX_NODES = 200_000  # values after expanding aliases; the bundled SOP has ~8,000
MAX_DEPTH = 60  # nesting levels; a rulebook needs 6


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    def get_single_data(self):  # noqa: D102 - PyYAML's entry point, with the budget check
        node = self.get_single_node()
        if node is None:
            return None
        _check_budget(node)
        return self.construct_document(node)


def _check_budget(root: yaml.Node) -> None:
    """Refuse a node graph that expands past ``MAX_NODES`` or nests past ``MAX_DEPTH``.

    Sizes are memoised per node, so the check is linear in the distinct nodes even when
    aliases make the expanded tree exponential."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            depth[key] = 1 + max((depth[id(c)] for c in children), default=0)
            if size[key] > MAX_NODES:
                from medsos_cli.forms import number

                raise _budget_error(node, f"lebih dari {number(MAX_NODES)} nilai setelah alias "
                                    "(&/*) dijabarkan")
            if depth[key] > MAX_DEPTH:
                raise _budget_error(node, f"bersarang lebih dari {MAX_DEPTH} tingkat")
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise _budget_error(node, "alias (*) merujuk ke dirinya sendiri")
        open_nodes.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) not in size:
                if id(child) in open_nodes:
                    raise _budget_error(child, "alias (*) merujuk ke dirinya sendiri")
                stack.append((child, False))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    return []


class _Refusal(yaml.constructor.ConstructorError):
    """A refusal of medsos's own, already in Indonesian (not a parser message to translate)."""


def _budget_error(node: yaml.Node, why: str) -> yaml.constructor.ConstructorError:
    return _Refusal(None, None, f"dokumen terlalu besar atau rumit: {why}", node.start_mark)


# Dates stay text: an impossible date (2026-02-30) must not crash the reader, and medsos
# validates dates where it uses them.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> YDict:
    result = YDict()
    result.line = node.start_mark.line + 1
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            raise _Refusal(None, None, "kunci harus berupa teks", key_node.start_mark)
        key = str(key)
        if key in result:
            raise _Refusal(None, None, f"kunci “{key}” ditulis dua kali", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> YList:
    result = YList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml_text(text: str, path: str | Path, first_line: int = 1) -> Any:
    """Parse YAML text; errors become ``RulebookError`` with the file and line."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        message, line = describe_error(exc, first_line)
        raise RulebookError(message, path, line) from None


def describe_error(exc: BaseException, first_line: int = 1) -> tuple[str, int | None]:
    """The Indonesian message and the file line for an error raised while loading YAML.

    ``first_line`` is the file line of the text's first line (front matter starts at 2)."""
    from medsos_cli.parse_messages import value_message, yaml_message

    if isinstance(exc, RecursionError):
        return "YAML tidak sah: bersarang terlalu dalam", None
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else None
        problem = exc.problem or exc.context or ""
        if not isinstance(exc, _Refusal):
            problem = yaml_message(problem)
        return f"YAML tidak sah: {problem}", line
    if isinstance(exc, yaml.YAMLError):
        return f"YAML tidak sah: {yaml_message(str(exc))}", None
    return f"nilai YAML tidak sah: {value_message(str(exc))}", None  # e.g. an impossible date


def load_yaml_file(path: Path, max_bytes: int | None = None) -> Any:
    """Read (bounded, regular files only) and parse a UTF-8 YAML file (a BOM is accepted)."""
    from medsos_cli.errors import InputError
    from medsos_cli.fileio import MAX_YAML_BYTES, read_text_limited

    try:
        text = read_text_limited(path, max_bytes or MAX_YAML_BYTES, "sebuah berkas YAML")
    except InputError as exc:
        raise RulebookError(exc.message, exc.path, exc.line) from None
    return load_yaml_text(text, path)
