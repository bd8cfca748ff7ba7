"""The layers of medsos_cli, checked on the source: no import runs back up, and no circles.

Every module's imports are read with ``ast`` (imports inside functions count too: they run
as well, only later). Imports under ``if TYPE_CHECKING:`` are type-only and left out.
docs/architecture.md draws the same layers; a new package must be placed in LAYERS."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "medsos_cli"

# Bottom to top. A unit (a top-level module or subpackage of medsos_cli) may import units of
# its own layer or of the layers below it, never one above.
LAYERS: list[tuple[str, set[str]]] = [
    ("dasar", {"medsos_cli", "errors", "ydata", "fieldspec", "parse_messages", "fileio",
               "yamlio", "extras", "bundled", "cache", "forms", "findings", "text", "platforms",
               "config", "roster", "registry"}),
    ("bahasa", {"lexicon", "understanding", "rulebook"}),
    ("lint", {"lint", "formats"}),
    ("fitur", {"drafting", "exports"}),
    ("laporan", {"weekly"}),
    ("provinsi", {"province"}),
    ("cli", {"cli", "__main__"}),
]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str) -> str:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _type_only_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                skipped.update(id(n) for n in ast.walk(child))
    return skipped


def _imports(name: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_only_nodes(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.split(".")[0] != "medsos_cli":
                continue
            for alias in node.names:
                full = f"{module}.{alias.name}"
                targets.append(full if full in MODULES else module)
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names if a.name.split(".")[0] == "medsos_cli"]
        for target in targets:
            resolved = _resolve(target)
            if resolved and resolved != name:
                found.add(resolved)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


LAYER_OF = {unit: rank for rank, (_, units) in enumerate(LAYERS) for unit in units}


def test_every_unit_has_a_layer() -> None:
    units = {_unit(m) for m in MODULES}
    assert units - set(LAYER_OF) == set(), "place the new package in LAYERS (and the docs)"
    assert set(LAYER_OF) - units == set(), "LAYERS names a unit that no longer exists"


def test_no_import_runs_up_the_layers() -> None:
    upward = sorted(
        f"{module} → {target} ({LAYERS[LAYER_OF[_unit(module)]][0]} → "
        f"{LAYERS[LAYER_OF[_unit(target)]][0]})"
        for module, targets in GRAPH.items() for target in targets
        if LAYER_OF[_unit(target)] > LAYER_OF[_unit(module)])
    assert upward == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_circles() -> None:
    assert _cycles(GRAPH) == []


def test_cycle_finder_finds_a_circle() -> None:
    """The checker itself: a toy graph with a circle and a tail."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


@pytest.mark.parametrize("unit", ["lint", "rulebook", "text", "formats", "exports",
                                  "drafting", "weekly", "province", "understanding"])
def test_library_knows_nothing_of_the_terminal(unit: str) -> None:
    """Typer, Click and rich belong to the CLI; the library may be used without them."""
    offenders = []
    for name, path in MODULES.items():
        if _unit(name) != unit:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            modules = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                       [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(m.split(".")[0] in ("typer", "click", "rich") for m in modules):
                offenders.append(name)
    assert offenders == []


def test_layers_match_the_architecture_page() -> None:
    page = (SRC.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for name, units in LAYERS:
        assert f"**{name}**" in page, name
        for unit in sorted(units - {"medsos_cli", "__main__"}):
            assert f"`{unit}`" in page, unit

