"""Rewrite the generated parts of the docs pages. Run: python scripts/gen_docs.py

A generated part stands between `<!-- generated: NAME (scripts/gen_docs.py) -->` and
`<!-- end: NAME -->`; tests/test_generated_docs.py fails when one differs from what this
script writes:

- docs/concepts.md, `presets` and `categories`: the fields each policy preset and each
  participant category requires, read from `Policy` itself;
- docs/cli.md, `check`, `absent-columns` and `nik`: each command, and what it prints when
  run (trailing spaces of the table rows dropped).
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from jmo_validate import Policy, cli
from jmo_validate.category import Category
from jmo_validate.policy import REQUIRABLE_FIELDS

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PART = re.compile(
    r"(?P<start><!-- generated: (?P<name>[\w-]+) \(scripts/gen_docs\.py\) -->\n)"
    r".*?(?P<end><!-- end: (?P=name) -->)",
    re.S,
)

#: The presets, what each is for, and where to read more.
PRESETS: dict[str, tuple[Callable[[], Policy], str]] = {
    "profile_update": (Policy.profile_update, "*pengkinian data* in JMO or by an employer"),
    "jmo_registration": (
        Policy.jmo_registration,
        "a new JMO account, under the name rules for new records (Permendagri 73/2022)",
    ),
    "benefit_claim": (
        Policy.benefit_claim,
        "a benefit claim: JHT, JKM, JKK, JP ([Benefit claims](benefit-claims.md))",
    ),
}


def fields(paths: Iterable[str]) -> str:
    """`paths` as `check --help` lists them (a section's parts in brackets), in code spans."""
    return re.sub(r"[\w.]+", lambda name: f"`{name[0]}`", cli._fields_text(frozenset(paths)))


def presets() -> str:
    policies = {name: preset() for name, (preset, _) in PRESETS.items()}
    ignored_somewhere = frozenset().union(*(policy.ignore for policy in policies.values()))
    rows = ["| preset | scenario | requires |", "|---|---|---|"]
    for name, policy in policies.items():
        scenario = PRESETS[name][1]
        if applied := sorted(ignored_somewhere - policy.ignore):
            codes = ", ".join(f"`{code}`" for code in applied)
            scenario += f"; also checks {codes}, which the other presets ignore"
        requires = fields(policy.required)
        if policy.claim:
            requires += "; and what the claim type needs"
        rows.append(f"| `Policy.{name}()` | {scenario} | {requires} |")
    return "\n".join(rows) + "\n"


def categories() -> str:
    policy = Policy()
    rows = ["| a record with | needs, besides the preset's fields |", "|---|---|"]
    for category in Category:
        extra = policy.category_required.get(category, frozenset())
        rows.append(f"| category `{category.value}` | {fields(extra) if extra else 'nothing'} |")
    everything = Policy(required=REQUIRABLE_FIELDS)
    foreign = everything.required_for(None, foreign=True)
    dropped = {path for path in everything.required - foreign if "." not in path}
    rows.append(
        f"| a nationality other than Indonesian | {fields(policy.foreigner_required)} "
        f"instead of {fields(dropped).replace(', ', ' and ')} |"
    )
    return "\n".join(rows) + "\n"


#: A new user's HR export: five of the columns profile_update needs, and a KPJ column under
#: a name the aliases do not know; one row of twenty has a phone number too short.
HR_HEADER = ["NIK", "Nama", "Tgl Lahir", "No HP", "Email", "Nomor Kartu Peserta"]


def hr_export(folder: Path) -> Path:
    rows = [
        [
            f"3273.0141.0790.{serial:04d}",
            "Siti Aminah",
            "01-07-1990",
            "0812-34" if serial == 5 else "0812-3456-7890",
            f"siti.aminah{serial}@gmail.com",
            f"1901234{serial:04d}",
        ]
        for serial in range(1, 21)
    ]
    path = folder / "hr.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([HR_HEADER, *rows])
    return path


def command(*args: str, status: int, files: Path | None = None) -> str:
    """The command as a user types it, and what it prints (it must exit with `status`)."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.getenv("PYTHONPATH")])),
        "PYTHONIOENCODING": "utf-8",
        "COLUMNS": "120",
    }
    result = subprocess.run(
        [sys.executable, "-c", "from jmo_validate.cli import main; main()", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=files or ROOT,
        env=env,
        check=False,
    )
    if result.returncode != status:
        raise RuntimeError(f"jmo-validate {' '.join(args)}: status {result.returncode}")
    output = "\n".join(line.rstrip() for line in result.stdout.splitlines())
    return f"```sh\njmo-validate {' '.join(args)}\n```\n\n```text\n{output}\n```\n"


def check() -> str:
    reference = ("--reference", "examples/ktp_reference.csv")
    return command("check", "examples/participants.csv", *reference, "--lang", "en", status=1)


def absent_columns() -> str:
    with tempfile.TemporaryDirectory() as folder:
        hr_export(Path(folder))
        return command("check", "hr.csv", "--lang", "en", status=1, files=Path(folder))


def nik() -> str:
    return command("nik", "3273.0141.0790.0003", status=0)


#: Each page and the parts generated on it.
PAGES: dict[str, dict[str, Callable[[], str]]] = {
    "concepts.md": {"presets": presets, "categories": categories},
    "cli.md": {"check": check, "absent-columns": absent_columns, "nik": nik},
}


def regenerate(page: str, text: str) -> str:
    """`text`, the text of `page` (a file in docs/), with each generated part written anew."""
    parts = PAGES[page]
    found = [match["name"] for match in PART.finditer(text)]
    if sorted(found) != sorted(parts):
        raise RuntimeError(f"docs/{page} has the parts {found}, not {list(parts)}")
    return PART.sub(
        lambda match: f"{match['start']}\n{parts[match['name']]()}\n{match['end']}", text
    )


def main() -> int:
    for page in PAGES:
        path = DOCS / page
        path.write_text(regenerate(page, path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
