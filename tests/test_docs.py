"""Every Python example in README.md and docs/ runs, and prints what the page shows.

A page's ```python blocks run in order in one namespace; a ```text block right
after a Python block is the output it must print.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)


def examples(page: Path) -> list[tuple[str, str | None]]:
    """Return (code, expected output or None) for each Python block of ``page``."""
    blocks = FENCE.findall(page.read_text(encoding="utf-8"))
    found: list[tuple[str, str | None]] = []
    for index, (language, body) in enumerate(blocks):
        if language != "python":
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        expected = following[1] if following and following[0] == "text" else None
        found.append((body, expected))
    return found


PAGES_WITH_CODE = [page for page in PAGES if examples(page)]


@pytest.mark.parametrize("page", PAGES_WITH_CODE, ids=lambda page: str(page.relative_to(ROOT)))
def test_page_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for number, (code, expected) in enumerate(examples(page), start=1):
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec(compile(code, f"{page.name}[{number}]", "exec"), namespace)
        if expected is not None:
            assert output.getvalue() == expected, f"example {number} of {page.name}"


def test_readme_has_exactly_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = [body.strip() for language, body in FENCE.findall(setup) if language == "sh"]
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci, "CI must run the README's test command"
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


def test_every_docs_page_is_in_the_site_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = {page.relative_to(ROOT / "docs").as_posix() for page in (ROOT / "docs").rglob("*.md")}
    missing = sorted(page for page in pages if f": {page}" not in config)
    assert missing == []


@pytest.mark.parametrize("page", ["README.md", "docs/index.md"])
def test_pages_name_the_python_the_package_requires(page: str) -> None:
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^requires-python = ">=([\d.]+)"$', project, re.M)
    assert found is not None
    text = " ".join((ROOT / page).read_text(encoding="utf-8").split())
    assert f"Python {found.group(1)} or newer" in text
