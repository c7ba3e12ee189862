"""The package's import graph has no circle: each module depends only on modules below it.

Imports inside functions (lazy imports of optional extras) do not count; imports for type
checking only do.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "jmo_validate"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, known: set[str]) -> set[str]:
    """The package modules ``path`` imports at module level (``if TYPE_CHECKING:`` included)."""
    found: set[str] = set()
    body = ast.parse(path.read_text(encoding="utf-8")).body
    statements = [*body, *(node for top in body if isinstance(top, ast.If) for node in top.body)]
    for node in statements:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & known
            found.update(submodules or {node.module})
    return {name for name in found if name in known}


def _graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    known = {_module(path) for path in paths}
    packages = {_module(path) for path in paths if path.name == "__init__.py"}
    graph = {_module(path): _imports(path, known) for path in paths}
    for name, edges in graph.items():  # a package re-exports its modules: not a layer of its own
        edges -= packages | {name}
    return graph


def _circle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_import_graph_has_no_circle() -> None:
    assert _circle(_graph()) is None


def test_the_record_layer_reports_through_a_collector_below_it() -> None:
    graph = _graph()
    assert "jmo_validate.context" in graph["jmo_validate.crosschecks"]
    assert "jmo_validate.crosschecks" in graph["jmo_validate.check"]
    assert graph["jmo_validate.context"].isdisjoint(
        {"jmo_validate.check", "jmo_validate.crosschecks"}
    )
