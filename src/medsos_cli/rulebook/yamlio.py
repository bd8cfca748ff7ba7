"""YAML reading that keeps line numbers, so every error can name ``file:line``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from medsos_cli.errors import RulebookError
from medsos_cli.rulebook.ydata import YDict, YList

try:  # libyaml parses several times faster; fall back to the pure-Python parser.
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


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
            raise yaml.constructor.ConstructorError(
                None, None, "kunci harus berupa teks", key_node.start_mark)
        key = str(key)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"kunci “{key}” ditulis dua kali", key_node.start_mark)
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
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else None
        problem = exc.problem or exc.context or "YAML tidak sah"
        raise RulebookError(f"YAML tidak sah: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise RulebookError(f"YAML tidak sah: {exc}", path) from None
    except (ValueError, TypeError) as exc:  # e.g. an impossible date such as 2026-02-30
        raise RulebookError(f"nilai YAML tidak sah: {exc}", path) from None


def load_yaml_file(path: Path) -> Any:
    """Read and parse a UTF-8 YAML file (a BOM is accepted)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RulebookError(f"bukan UTF-8 yang sah (byte ke-{exc.start + 1})", path) from None
    except OSError as exc:
        raise RulebookError(f"tidak dapat dibaca: {exc.strerror or exc}", path) from None
    return load_yaml_text(text, path)
