"""Rewrite reStructuredText in the package's docstrings as the Markdown the API reference renders.

    python scripts/markdown_docstrings.py [FILE ...]    (default: every module of the package)

- `:func:`x``, `:class:`~a.b.C``, `:meth:`T <a.b.C.m>`` (and `:data:`, `:mod:`, `:attr:`,
  `:exc:`, `:obj:`) become [`x`][] when `x` names the target in the docstring's scope
  (mkdocstrings' `scoped_crossrefs`), [`T`][a.b.C.m] otherwise, and a plain `x` when the
  API reference does not render the target (a private helper, an undocumented attribute,
  a builtin);
- double backticks become single ones;
- doctest lines go into a ```pycon fence, closed after a blank line: doctest would read a
  fence line right after the expected output as part of it;
- a paragraph ending in "::" with its indented block, and `.. code-block:: LANG`, become
  fenced blocks.

Only string-literal statements (module, class, function and attribute docstrings) change,
and the doctests stay the same examples. tests/test_docstrings.py fails on what is left;
the strict docs build on a cross-reference to nothing.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import griffe

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src"
PACKAGE = SOURCE / "jmo_validate"

ROLE = re.compile(r":(?:func|class|meth|data|mod|attr|exc|obj):`([^`]+)`")
TITLED = re.compile(r"(.+?)\s*<([^>]+)>")
DOUBLE = re.compile(r"(?<!`)``(?!`)([^`]+?)(?<!`)``(?!`)")
DIRECTIVE = re.compile(r"(\s*)\.\. code-block:: (\w+)\s*")
#: `::: path` in an API page, and whether the page renders its members.
RENDERED = re.compile(r"^::: ([\w.]+)\n(    options:\n      members: false\n)?", re.M)


class Resolver:
    """Where a name in a docstring points, and whether the API reference renders it."""

    def __init__(self) -> None:
        self.package = griffe.load("jmo_validate", search_paths=[str(SOURCE)])
        self.roots: dict[str, bool] = {}  # rendered path -> with its members
        for page in sorted((ROOT / "docs").glob("api*.md")):
            for match in RENDERED.finditer(page.read_text(encoding="utf-8")):
                self.roots[match[1]] = match[2] is None

    def lookup(self, path: str) -> griffe.Object | griffe.Alias | None:
        try:
            return self.package.modules_collection[path]
        except (KeyError, griffe.AliasResolutionError):
            return None

    def canonical(self, path: str) -> str | None:
        found = self.lookup(path)
        if found is None:
            return None
        try:
            return found.final_target.path if found.is_alias else found.path
        except (griffe.AliasResolutionError, griffe.CyclicAliasError):
            return None

    def resolve(self, name: str, scope: str) -> str | None:
        """The canonical path of `name` as the object at `scope` sees it (or absolute)."""
        if name.startswith("jmo_validate"):
            return self.canonical(name)
        first, _, rest = name.partition(".")
        parts = scope.split(".")
        for end in range(len(parts), 0, -1):
            holder = self.lookup(".".join(parts[:end]))
            if holder is not None and first in holder.members:
                base = self.canonical(holder.members[first].path)
                return base and self.canonical(f"{base}.{rest}" if rest else base)
        return self.canonical(f"jmo_validate.{name}")

    def rendered(self, path: str) -> bool:
        found = self.lookup(path)
        if found is None or not (found.is_module or found.docstring):
            return False
        for root, members in self.roots.items():
            if path == root:
                return True
            if members and path.startswith(f"{root}."):
                return not any(part.startswith("_") for part in path[len(root) :].split("."))
        return False

    def link(self, role: re.Match[str], scope: str) -> str:
        content = " ".join(role[1].split())
        if titled := TITLED.fullmatch(content):
            shown, target = titled[1], titled[2]
        elif content.startswith("~"):
            target = content[1:]
            shown = target.rsplit(".", 1)[-1]
        else:
            target = shown = content
        path = self.resolve(target.removesuffix("()"), scope)
        if path is None or not self.rendered(path):
            return f"`{shown}`"
        if self.resolve(shown, scope) == path:
            return f"[`{shown}`][]"
        return f"[`{shown}`][{path}]"


def outside_fences(lines: list[str], convert: Callable[[list[str]], list[str]]) -> list[str]:
    """`lines` with each run of lines outside a fenced block converted, the blocks as they are."""
    out: list[str] = []
    run: list[str] = []
    index = 0
    while index < len(lines):
        if not lines[index].lstrip().startswith("```"):
            run.append(lines[index])
            index += 1
            continue
        out += convert(run)
        run = []
        closing = index + 1
        while closing < len(lines) and not lines[closing].lstrip().startswith("```"):
            closing += 1
        out += lines[index : closing + 1]
        index = closing + 1
    return out + convert(run)


def fence_doctests(lines: list[str]) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.lstrip().startswith(">>>"):
            out.append(line)
            index += 1
            continue
        indent = line[: len(line) - len(line.lstrip())]
        out.append(f"{indent}```pycon")
        while True:
            while index < len(lines) and lines[index].strip():
                out.append(lines[index])
                index += 1
            after = index
            while after < len(lines) and not lines[after].strip():
                after += 1
            if after == len(lines) or not lines[after].lstrip().startswith(">>>"):
                break
            out.extend(lines[index:after])  # the next paragraph is doctest too: one fence
            index = after
        out += ["", f"{indent}```"]
    return out


def fence_literal_blocks(lines: list[str]) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        directive = DIRECTIVE.fullmatch(line)
        if not directive and not re.search(r"[^:]::$", line.rstrip()):
            out.append(line)
            index += 1
            continue
        indent = len(line) - len(line.lstrip())
        if directive:
            language = directive[2]
        else:
            language = "text"
            out += [line.rstrip()[:-1], ""]
        index += 1
        block: list[str] = []
        while index < len(lines) and (
            not lines[index].strip() or len(lines[index]) - len(lines[index].lstrip()) > indent
        ):
            block.append(lines[index])
            index += 1
        while block and not block[-1].strip():
            block.pop()
            index -= 1
        while block and not block[0].strip():
            block.pop(0)
        inner = min(len(text) - len(text.lstrip()) for text in block if text.strip())
        pad = " " * indent
        out.append(f"{pad}```{language}")
        out += [pad + text[inner:] if text.strip() else "" for text in block]
        out.append(f"{pad}```")
    return out


def convert_docstring(text: str, scope: str, resolver: Resolver) -> str:
    """The Markdown of one docstring's text (without its quotes), seen from `scope`."""
    text = ROLE.sub(lambda role: resolver.link(role, scope), text)
    text = DOUBLE.sub(r"`\1`", text)
    lines = outside_fences(text.split("\n"), fence_doctests)
    return "\n".join(outside_fences(lines, fence_literal_blocks))


def string_statements(tree: ast.Module, module: str) -> Iterator[tuple[ast.Constant, str]]:
    """Every string-literal statement, with the path of the object it stands in."""

    def walk(node: ast.AST, scope: str) -> Iterator[tuple[ast.Constant, str]]:
        for child in ast.iter_child_nodes(node):
            if (
                isinstance(child, ast.Expr)
                and isinstance(child.value, ast.Constant)
                and isinstance(child.value.value, str)
            ):
                yield child.value, scope
            elif isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                yield from walk(child, f"{scope}.{child.name}")
            else:
                yield from walk(child, scope)

    return walk(tree, module)


def convert_source(source: str, module: str, resolver: Resolver) -> str:
    """`source` (the module `module`) with every docstring converted."""
    lines = source.split("\n")
    statements = string_statements(ast.parse(source), module)
    for node, scope in sorted(statements, key=lambda item: -item[0].lineno):
        first, last = node.lineno - 1, (node.end_lineno or node.lineno) - 1
        # ast counts columns in UTF-8 bytes
        start = len(lines[first].encode()[: node.col_offset].decode())
        end = len(lines[last].encode()[: node.end_col_offset].decode())
        text = "\n".join(lines[first : last + 1])
        text = text[start : len(text) - len(lines[last]) + end]
        quote = text[-3:] if text[-3:] in ('"""', "'''") else text[-1]
        prefix = re.match(r"[rRuU]?('''|\"\"\"|'|\")", text)
        opening = prefix.group() if prefix else ""
        body = convert_docstring(text[len(opening) : -len(quote)], scope, resolver)
        new = f"{lines[first][:start]}{opening}{body}{quote}{lines[last][end:]}"
        lines[first : last + 1] = new.split("\n")
    return "\n".join(lines)


def main(files: list[str]) -> int:
    resolver = Resolver()
    for path in [Path(file).resolve() for file in files] or sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(SOURCE).with_suffix("").parts).removesuffix(".__init__")
        source = path.read_text(encoding="utf-8")
        converted = convert_source(source, module, resolver)
        if converted != source:
            path.write_text(converted, encoding="utf-8")
            print(f"converted {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
