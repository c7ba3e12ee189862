"""The ``jmo-validate`` command line (optional extra ``cli``: click).

``jmo-validate check FILE.json`` validates one record or a list of records and
prints a report per record. Exit status: 0 when every record is ok, 1 when some
record has errors, 2 for usage errors or unreadable input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

try:
    import click
except ModuleNotFoundError:  # pragma: no cover - exercised only without the extra
    click = None  # type: ignore[assignment]

from jmo_validate import __version__
from jmo_validate.check import validate
from jmo_validate.codes import Severity
from jmo_validate.policy import Policy
from jmo_validate.report import Report

__all__ = ["main"]

_POLICIES = {
    "profile_update": Policy.profile_update,
    "jmo_registration": Policy.jmo_registration,
    "benefit_claim": Policy.benefit_claim,
}


def _load_records(path: Path) -> list[Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        click.echo(f"Error: cannot read {path}: {error}", err=True)
        sys.exit(2)
    return data if isinstance(data, list) else [data]


def _render(number: int, report: Report, show_values: bool) -> Iterable[str]:
    status = "OK" if report.ok else "ERROR"
    yield f"record {number}: {status} ({len(report.errors)} error(s), {len(report.warnings)} warning(s))"
    for issue in report.issues:
        values = issue.to_dict(show_values=show_values)
        shown = [
            f"{key} {values[key]}" for key in ("expected", "actual") if values[key] is not None
        ]
        detail = f" [{', '.join(shown)}]" if shown else ""
        yield f"  {issue.severity.value:<7} {issue.field}: {issue.code} - {issue.message}{detail}"
    if report.unknown_fields:
        yield f"  unknown fields: {', '.join(report.unknown_fields)}"


def _build() -> Any:
    @click.group(context_settings={"help_option_names": ["-h", "--help"]})
    @click.version_option(__version__, prog_name="jmo-validate")
    def cli() -> None:
        """Validate BPJS Ketenagakerjaan participant data.

        \b
        Examples:
          jmo-validate check examples/participants.json
          jmo-validate check data.json --policy benefit_claim --lang en --format json
        """

    @cli.command()
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option(
        "--policy",
        "policy_name",
        type=click.Choice(sorted(_POLICIES)),
        default="profile_update",
        show_default=True,
        help="Scenario preset.",
    )
    @click.option(
        "--lang",
        type=click.Choice(["id", "en"]),
        default="id",
        show_default=True,
        help="Language of the messages.",
    )
    @click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
    )
    @click.option("--show-values", is_flag=True, help="Show personal data unmasked.")
    def check(
        file: Path, policy_name: str, lang: str, output_format: str, show_values: bool
    ) -> None:
        """Check FILE: a JSON record or a JSON list of records."""
        policy = _POLICIES[policy_name](language=lang)
        reports = [validate(record, policy=policy) for record in _load_records(file)]
        if output_format == "json":
            payload = [report.to_dict(show_values=show_values) for report in reports]
            click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            for number, report in enumerate(reports, start=1):
                for line in _render(number, report, show_values):
                    click.echo(line)
            failed = sum(not report.ok for report in reports)
            click.echo(
                f"{len(reports)} record(s), {len(reports) - failed} ok, {failed} with errors"
            )
        if any(issue.severity is Severity.ERROR for r in reports for issue in r.issues):
            sys.exit(1)

    return cli


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line; exit 2 with a hint when the ``cli`` extra is missing."""
    if click is None:
        sys.stderr.write('jmo-validate needs the "cli" extra: pip install "jmo_validate[cli]"\n')
        sys.exit(2)
    _build()(args=argv, prog_name="jmo-validate")
