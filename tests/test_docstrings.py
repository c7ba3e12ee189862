"""Docstrings are Markdown that the API reference renders, with doctests that still run.

mkdocstrings renders docstrings as Markdown: a reST role (:func:`x`) shows as literal
text and a bare doctest as nested blockquotes. Cross-references are written
[`name`][] (resolved in the docstring's scope) or [`text`][dotted.path], examples
in ```pycon fences whose closing fence follows a blank line, where doctest ends the
expected output. scripts/markdown_docstrings.py converts what is written otherwise.
"""

from __future__ import annotations

import ast
import re
import runpy
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "jmo_validate"
MODULES = sorted(PACKAGE.rglob("*.py"))

REST = {
    "role": re.compile(r":(?:py:)?(?:func|class|meth|data|mod|attr|exc|obj|const|ref|doc):`"),
    "double backticks": re.compile(r"(?<!`)``(?!`)"),
    "directive": re.compile(r"^\s*\.\. [\w-]+::", re.M),
    "literal block (::)": re.compile(r"[^:\s]::\s*$", re.M),
}
FENCE = re.compile(r"^```(\w*)\s*$")


def docstrings(module: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every string-literal statement: module, class, function and
    attribute docstrings."""
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            yield node.lineno, node.value.value


def outside_fences(text: str) -> str:
    """`text` without its fenced blocks (a TOML sample may end a line in `::`)."""
    return re.sub(r"^\s*```\w*\n.*?^\s*```\s*$", "", text, flags=re.M | re.S)


def fence_problems(text: str) -> list[str]:
    """Doctest lines outside a ```pycon fence, and closing fences doctest would read."""
    problems: list[str] = []
    language: str | None = None
    previous = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        fence = FENCE.match(stripped)
        if fence and language is None:
            language = fence.group(1)
        elif fence:
            if language == "pycon" and previous.strip():
                problems.append(f"line {number}: no blank line before the closing fence")
            language = None
        elif stripped.startswith(">>>") and language != "pycon":
            problems.append(f"line {number}: a doctest outside a ```pycon fence")
        previous = line
    if language is not None:
        problems.append("a fence is never closed")
    return problems


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_docstrings_have_no_restructuredtext(module: Path) -> None:
    found = [
        f"{module.name}:{line}: {kind} {match.group()!r}"
        for line, text in docstrings(module)
        for kind, pattern in REST.items()
        for match in pattern.finditer(outside_fences(text))
    ]
    assert found == []


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_doctests_are_fenced_as_pycon(module: Path) -> None:
    found = [
        f"{module.name}:{line}: {problem}"
        for line, text in docstrings(module)
        for problem in fence_problems(text)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("See :func:`validate`.", {"role"}),
        ("A :class:`~jmo_validate.policy.Policy`.", {"role"}),
        ("The ``nik`` field.", {"double backticks"}),
        ("The tree::\n\n    ValueError", {"literal block (::)"}),
        (".. code-block:: toml\n\n    lang = 'id'", {"directive"}),
        ("See [`validate`][] and [`Policy`][jmo_validate.policy.Policy]; `nik`.", set()),
        ('```toml\nignore = ["a::"]\n```', set()),
    ],
)
def test_restructuredtext_is_recognised(text: str, kinds: set[str]) -> None:
    found = {kind for kind, pattern in REST.items() if pattern.search(outside_fences(text))}
    assert found == kinds


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("```pycon\n>>> 1 + 1\n2\n\n```", []),
        ("```pycon\n>>> 1 + 1\n2\n```", ["line 4: no blank line before the closing fence"]),
        (">>> 1 + 1\n2", ["line 1: a doctest outside a ```pycon fence"]),
        ("```python\n>>> 1 + 1\n2\n\n```", ["line 2: a doctest outside a ```pycon fence"]),
        ("```pycon\n>>> 1 + 1\n2\n", ["a fence is never closed"]),
    ],
)
def test_fence_problems_are_found(text: str, problems: list[str]) -> None:
    assert fence_problems(text) == problems


CONVERTER = runpy.run_path(str(ROOT / "scripts" / "markdown_docstrings.py"))


@pytest.fixture(scope="module")
def resolver() -> object:
    return CONVERTER["Resolver"]()


@pytest.mark.parametrize(
    ("text", "scope", "markdown"),
    [
        (
            ":func:`split_line` reads a line",
            "jmo_validate.address",
            "[`split_line`][] reads a line",
        ),
        (
            "the :class:`~jmo_validate.errors.Finding` list",
            "jmo_validate.address",
            "the [`Finding`][] list",
        ),
        (
            "under :meth:`Policy.benefit_claim() <jmo_validate.policy.Policy.benefit_claim>`",
            "jmo_validate.bank_account",
            "under [`Policy.benefit_claim()`][jmo_validate.policy.Policy.benefit_claim]",
        ),
        ("see :mod:`jmo_validate.claim`", "jmo_validate.policy", "see [`jmo_validate.claim`][]"),
        # not rendered in the reference (private, a builtin): a code span
        ("without :func:`_resolve`", "jmo_validate.address", "without `_resolve`"),
        ("a :class:`ValueError`", "jmo_validate.errors", "a `ValueError`"),
        ("the ``nik`` field", "jmo_validate.nik", "the `nik` field"),
        (
            "For example:\n\n>>> 1 + 1\n2\n\n>>> 2 + 2\n4\n\nMore.",
            "jmo_validate.nik",
            "For example:\n\n```pycon\n>>> 1 + 1\n2\n\n>>> 2 + 2\n4\n\n```\n\nMore.",
        ),
        ("The tree::\n\n    a\n      b\n\nEnd.", "x", "The tree:\n\n```text\na\n  b\n```\n\nEnd."),
        (".. code-block:: toml\n\n    lang = 'id'\n", "x", "```toml\nlang = 'id'\n```\n"),
        # what is Markdown already stays as it is
        ("```pycon\n>>> 1\n1\n\n```", "x", "```pycon\n>>> 1\n1\n\n```"),
    ],
)
def test_the_converter_writes_markdown(
    resolver: object, text: str, scope: str, markdown: str
) -> None:
    assert CONVERTER["convert_docstring"](text, scope, resolver) == markdown


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_the_converter_leaves_every_module_as_it_is(resolver: object, module: Path) -> None:
    name = ".".join(module.relative_to(ROOT / "src").with_suffix("").parts)
    source = module.read_text(encoding="utf-8")
    assert CONVERTER["convert_source"](source, name.removesuffix(".__init__"), resolver) == source
