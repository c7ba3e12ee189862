"""scripts/check_dist.py: what it demands of the wheel and the sdist (.ci/run builds and uses them)."""

from __future__ import annotations

import importlib.util
import io
import tarfile
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENTRY_POINTS = (
    "[console_scripts]\njmo-validate = jmo_validate.cli:main\n\n"
    "[pytest11]\njmo_validate = jmo_validate.testing.pytest_plugin\n"
)


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_dist", ROOT / "scripts" / "check_dist.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_dist = load_script()


def make_wheel(path: Path, names: list[str], entry_points: str = ENTRY_POINTS) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            archive.writestr(name, "")
        archive.writestr("jmo_validate-0.1.0.dist-info/entry_points.txt", entry_points)
    return path


def make_sdist(path: Path, names: list[str]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name in names:
            info = tarfile.TarInfo(f"jmo_validate-0.1.0/{name}")
            archive.addfile(info, io.BytesIO(b""))
    return path


def test_the_package_files_include_data_and_typing() -> None:
    files = check_dist.package_files()
    assert "jmo_validate/py.typed" in files
    assert "jmo_validate/__init__.py" in files
    data = sorted(path.name for path in (ROOT / "src" / "jmo_validate" / "data").iterdir())
    assert {"regions.tsv.gz", "villages.tsv.gz", "manual_banks.tsv", "NOTICE"} <= set(data)
    assert [name for name in files if name.startswith("jmo_validate/data/")] == [
        f"jmo_validate/data/{name}" for name in data
    ]
    assert not any("__pycache__" in name for name in files)


def test_a_complete_wheel_and_sdist_pass(tmp_path: Path) -> None:
    files = check_dist.package_files()
    wheel = make_wheel(tmp_path / "jmo_validate-0.1.0-py3-none-any.whl", files)
    assert check_dist.wheel_problems(wheel, files) == []
    sdist = make_sdist(
        tmp_path / "jmo_validate-0.1.0.tar.gz", ["pyproject.toml", *(f"src/{n}" for n in files)]
    )
    assert check_dist.sdist_problems(sdist, files) == []


@pytest.mark.parametrize("left_out", ["jmo_validate/py.typed", "jmo_validate/data/villages.tsv.gz"])
def test_a_wheel_without_a_package_file_fails(tmp_path: Path, left_out: str) -> None:
    files = check_dist.package_files()
    wheel = make_wheel(tmp_path / "w.whl", [name for name in files if name != left_out])
    assert check_dist.wheel_problems(wheel, files) == [f"w.whl lacks {left_out}"]
    sdist = make_sdist(tmp_path / "s.tar.gz", [f"src/{n}" for n in files if n != left_out])
    assert check_dist.sdist_problems(sdist, files) == [
        "s.tar.gz lacks pyproject.toml",
        f"s.tar.gz lacks src/{left_out}",
    ]


def test_a_wheel_without_the_entry_points_fails(tmp_path: Path) -> None:
    files = check_dist.package_files()
    wheel = make_wheel(
        tmp_path / "w.whl", files, "[console_scripts]\njmo-validate = jmo_validate.cli:main\n"
    )
    assert check_dist.wheel_problems(wheel, files) == [
        "w.whl does not declare [pytest11] jmo_validate = jmo_validate.testing.pytest_plugin"
    ]
    bare = make_wheel(tmp_path / "bare.whl", files, "")
    assert len(check_dist.wheel_problems(bare, files)) == 2


def test_ci_builds_checks_and_uses_the_wheel_with_pinned_versions() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'python -m pip install -c requirements/ci.txt -e ".[test]"' in ci
    assert "PIP_CONSTRAINT=requirements/ci.txt python -m build" in ci
    assert 'twine check --strict "$dist"/*' in ci
    assert 'python scripts/check_dist.py "$dist"' in ci
    assert "export JMO_VALIDATE_BROWSER_TESTS=required" in ci
    pins = (ROOT / "requirements" / "ci.txt").read_text(encoding="utf-8")
    for package in (
        "pytest",
        "ruff",
        "mypy",
        "mkdocs-material",
        "playwright",
        "build",
        "twine",
        "hatchling",
    ):
        assert f"\n{package}==" in pins, package
    assert "--find-links" not in pins  # nothing of this machine's own pip set-up
