"""Check the built wheel and sdist, then install the wheel where nothing else is and use it.

    python -m build --outdir DIST && twine check --strict DIST/* && python scripts/check_dist.py DIST

1. The wheel holds every file of the package (each data file, ``py.typed``) and declares
   the ``jmo-validate`` command and the ``pytest11`` plugin entry point; the sdist holds
   the package's files too.
2. A fresh virtual environment gets the wheel with its ``cli`` extra (versions from
   ``requirements/ci.txt``), and, from a folder outside the checkout, ``jmo-validate
   check`` runs on the bundled example and reports what the README says, and a test
   there gets the ``participant`` fixture from the ``pytest11`` entry point and finds
   the region data.

Run by ``.ci/run``; exits 1 with the reasons when something is missing.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
import venv
import zipfile
from configparser import ConfigParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "jmo_validate"
CONSTRAINTS = ROOT / "requirements" / "ci.txt"

#: What the wheel must declare in entry_points.txt: section -> (name, target).
ENTRY_POINTS = {
    "console_scripts": ("jmo-validate", "jmo_validate.cli:main"),
    "pytest11": ("jmo_validate", "jmo_validate.testing.pytest_plugin"),
}


def package_files() -> list[str]:
    """Every file the package is made of, as a path inside the wheel (``jmo_validate/...``)."""
    return sorted(
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def wheel_problems(wheel: Path, expected: list[str]) -> list[str]:
    """What is wrong with ``wheel``: missing package files, entry points not declared."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_files = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
        entry_text = archive.read(entry_files[0]).decode() if entry_files else ""
    problems = [f"{wheel.name} lacks {name}" for name in expected if name not in names]
    entry_points = ConfigParser(delimiters=("=",))
    entry_points.optionxform = str  # type: ignore[assignment,method-assign]
    entry_points.read_string(entry_text)
    for section, (name, target) in ENTRY_POINTS.items():
        declared = entry_points.get(section, name, fallback="").strip()
        if declared != target:
            problems.append(f"{wheel.name} does not declare [{section}] {name} = {target}")
    return problems


def sdist_problems(sdist: Path, expected: list[str]) -> list[str]:
    """What is wrong with ``sdist``: package files or pyproject.toml missing."""
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    wanted = ["pyproject.toml", *(f"src/{name}" for name in expected)]
    return [f"{sdist.name} lacks {name}" for name in wanted if name not in names]


def _run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, cwd=cwd, check=False
    )


def installed_problems(wheel: Path) -> list[str]:
    """Install the wheel with the ``cli`` extra in a fresh environment and use it from elsewhere."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        venv.create(home / "venv", with_pip=True)
        python = home / "venv" / "bin" / "python"
        install = _run(
            python, "-m", "pip", "install", "--quiet", "-c", CONSTRAINTS, f"{wheel}[cli]", "pytest"
        )
        if install.returncode:
            return [f"pip install {wheel.name}[cli] failed:\n{install.stderr}"]
        work = home / "elsewhere"
        work.mkdir()
        examples = ROOT / "examples"
        checked = _run(
            home / "venv" / "bin" / "jmo-validate",
            "check",
            examples / "participants.csv",
            "--reference",
            examples / "ktp_reference.csv",
            "--lang",
            "en",
            cwd=work,
        )
        problems = []
        expected = ("The NIK must have 16 digits (got 15).", "Top issue codes")
        if checked.returncode != 1 or not all(line in checked.stdout for line in expected):
            problems.append(
                f"jmo-validate check on the example (exit {checked.returncode}):\n"
                f"{checked.stdout}{checked.stderr}"
            )
        (work / "test_plugin.py").write_text(
            "from jmo_validate import regions, validate\n\n\n"
            "def test_fixture_and_data(participant):\n"
            "    assert validate(participant).ok\n"
            "    assert regions.get('3273011001').name == 'Sukarasa'  # the village data file\n",
            encoding="utf-8",
        )
        plugin = _run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=work)
        if plugin.returncode:
            problems.append(f"the pytest11 fixtures do not work:\n{plugin.stdout}{plugin.stderr}")
        return problems


def main(dist: Path) -> int:
    wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"expected one wheel and one sdist in {dist}, found {wheels + sdists}")
        return 1
    expected = package_files()
    problems = wheel_problems(wheels[0], expected) + sdist_problems(sdists[0], expected)
    if not problems:
        problems = installed_problems(wheels[0])
    for problem in problems:
        print(problem)
    if not problems:
        print(
            f"{wheels[0].name} and {sdists[0].name}: {len(expected)} package files, entry points "
            "declared; the installed wheel checks the example from outside the checkout"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
