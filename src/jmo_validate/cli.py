"""The `jmo-validate` command line (optional extra `cli`: click and rich).

`jmo-validate check FILE` validates every record of a CSV, JSON, JSON Lines or
`.xlsx` file (optionally against a reference file) and prints a summary and
the issues; `jmo-validate nik NIK` decodes a NIK; `jmo-validate codes`
lists the issue codes. Exit status of `check`: 0 when no record has an issue
at or above `--fail-on`, 1 when some record has, 2 for usage errors or
unreadable input (one line on stderr, no traceback). See docs/cli.md.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import functools
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

try:
    import click
    from click.core import ParameterSource
except ModuleNotFoundError:  # pragma: no cover - exercised only without the extra
    click = None  # type: ignore[assignment]

from jmo_validate import __version__, cells, config
from jmo_validate import nik as nik_module
from jmo_validate.batch import Reference, Summary, validate_file
from jmo_validate.codes import CATALOGUE, message
from jmo_validate.columns import ColumnFit
from jmo_validate.errors import FieldError
from jmo_validate.extras import install_hint
from jmo_validate.masking import mask_nik
from jmo_validate.policy import Policy
from jmo_validate.quality import RunInfo
from jmo_validate.readers import FORMATS, ReadError, detect_format
from jmo_validate.writers import WRITERS, lenient, open_output, printable

__all__ = ["main"]

#: Inputs at least this large (bytes) get a progress bar when stderr is a terminal.
PROGRESS_MIN_BYTES = 1 << 20
_PROGRESS_EVERY = 1000


def _columns(pairs: Sequence[str]) -> dict[str, str]:
    columns: dict[str, str] = {}
    for pair in pairs:
        old, equals, new = pair.partition("=")
        if not equals or not old.strip() or not new.strip():
            raise click.BadParameter(f"expected COLUMN=FIELD, got {pair!r}", param_hint="--map")
        columns[old.strip()] = new.strip()
    return columns


@contextlib.contextmanager
def _progress(path: Path) -> Iterator[Callable[[], None]]:
    """Yield a function to call once per record; draws a bar on stderr for long inputs."""
    from rich.console import Console

    console = Console(stderr=True)  # a terminal, or TTY_COMPATIBLE=1 in the environment
    if not console.is_terminal or path.stat().st_size < PROGRESS_MIN_BYTES:
        yield lambda: None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    # No refresh thread (auto_refresh=False): worker processes are forked while it runs.
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,} records"),
        TimeElapsedColumn(),
        console=console,
        auto_refresh=False,
        transient=True,
    ) as progress:
        task = progress.add_task(f"checking {_escaped(path.name)}", total=None)
        count = 0

        def advance() -> None:
            nonlocal count
            count += 1
            if count % _PROGRESS_EVERY == 0:
                progress.update(task, completed=count, refresh=True)

        yield advance


def _escaped(text: str) -> str:
    """`text` (a file or column name) for rich markup: shown as written, never as markup."""
    from rich.markup import escape

    return escape(printable(text))


def _print_summary(
    stream: TextIO,
    summary: Summary,
    reference: Reference | None,
    fit: ColumnFit | None,
    config_path: Path | None,
) -> None:
    """Print the counts, absent columns and top codes; user text is never read as markup."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Summary", box=None, show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, value in (
        ("records", summary.records),
        ("ok", summary.ok),
        ("with errors", summary.with_errors),
        ("with warnings", summary.with_warnings),
    ):
        table.add_row(name, str(value))
    if reference is not None:
        table.add_row("reference records", str(len(reference)))
        if reference.duplicates or reference.skipped:
            table.add_row(
                "reference rows ignored",
                f"{reference.duplicates} duplicate key(s), {reference.skipped} without a key",
            )
    if summary.unknown_fields:
        table.add_row(
            "unknown fields (ignored)", Text(printable(", ".join(summary.unknown_fields)))
        )
    console = Console(file=stream, highlight=False, soft_wrap=True)
    console.print()
    console.print(table)
    if config_path is not None:
        console.print(f"Configuration: {config_path}", markup=False)
    absent = fit.sentences("en") if fit is not None else []
    if absent:
        console.print("Columns the file does not have", markup=False)
        for line in absent:
            console.print(" " + line, markup=False)
    folded = set(fit.ignore_codes) if fit is not None else set()
    top = [(code, count) for code, count in summary.codes.most_common() if code not in folded][:10]
    if top:
        codes = Table(title="Top issue codes", box=None, title_justify="left")
        codes.add_column("code")
        codes.add_column("issues", justify="right")
        for code, count in top:
            codes.add_row(code, str(count))
        console.print(codes)


def _quiet_broken_pipe() -> None:
    """The reader of stdout went away (`| head`): stop without a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(1)


def _fail(text: str) -> None:
    click.echo(f"Error: {printable(text)}", err=True)
    sys.exit(2)


def _check(
    file: Path,
    reference_path: Path | None,
    key: str,
    policy: Policy,
    options: dict[str, Any],
) -> None:
    from jmo_validate.annotate import Annotator

    columns: dict[str, str] = options["columns"]
    output: Path | None = options["output"]
    output_format: str = options["output_format"]
    if output is not None:
        for given in (file, reference_path):
            if given is not None and output.exists() and output.samefile(given):
                _fail(f"--output {output.name} would overwrite the input {given.name}")
    lenient(sys.stdout)
    lenient(sys.stderr)
    read_options = {
        "format": options["input_format"],
        "encoding": options["encoding"],
        "columns": columns,
    }
    annotate: Path | None = options["annotate"]
    if annotate is not None:
        _check_annotate(annotate, file, reference_path, options["input_format"])
    summary = Summary()
    info = RunInfo(
        file.name,
        policy,
        reference=reference_path.name if reference_path else None,
        config=str(options["config_path"]) if options["config_path"] else None,
    )
    # People read the table, the page and the annotated copy: there a column the file lacks
    # is said once, in the summary; json, jsonl and csv are data for programs and keep every
    # issue of every row.
    fold = output_format in ("table", "html")
    html = output_format == "html"
    annotator = None
    with contextlib.ExitStack() as stack:
        try:
            reference = None
            if reference_path is not None:
                reference = stack.enter_context(
                    Reference.from_file(reference_path, key=key, **read_options)
                )
            reports = validate_file(
                file,
                reference=reference,
                key=key,
                policy=policy,
                workers=options["workers"],
                issues_only=not html,  # the page shows each row's identity, from its values
                pre_check=options["frames"] and not html,
                **read_options,
            )
            stream = sys.stdout if output is None else stack.enter_context(open_output(output))
            header = cells.header(file, **read_options)
            if header is not None:
                info = dataclasses.replace(info, fit=ColumnFit(header, policy, config.PRESETS))
            fit = info.fit
            writer = WRITERS[output_format](
                stream,
                show_values=options["show_values"],
                title=f"jmo-validate: {file.name}",
                info=info,
            )
            writer.start()
            if annotate is not None:
                annotator = Annotator(
                    file, annotate, info, show_values=options["show_values"], **read_options
                )
                stack.callback(annotator.discard)
                annotator.start()
            advance = stack.enter_context(_progress(file))
            for row, report in reports:
                summary.add(report)
                folded = report if fit is None else fit.fold(report)
                shown = folded if fold else report
                if shown.issues:
                    writer.write(row, shown)
                if annotator is not None and folded.issues:
                    annotator.write(row, folded)
                advance()
            writer.finish(summary)
            if annotator is not None:
                annotator.finish(summary)
        except ReadError as error:
            _fail(str(error))  # the output file, if any, is not written (open_output)
        except BrokenPipeError:
            _quiet_broken_pipe()
        except OSError as error:
            _fail(f"{error.filename or 'output'}: {error.strerror or error}")
        to_stdout = output_format == "table" or output is not None
        stream = sys.stdout if to_stdout else sys.stderr
        _print_summary(stream, summary, reference, info.fit, options["config_path"])
    failing = summary.with_errors + (
        summary.with_warnings if options["fail_on"] == "warning" else 0
    )
    if failing:
        sys.exit(1)


def _check_annotate(
    target: Path, file: Path, reference_path: Path | None, input_format: str | None
) -> None:
    """Refuse an `--annotate` target that is no new `.xlsx` file, or an input with no cells."""
    kind = input_format or detect_format(file)
    if kind not in cells.TABLE_FORMATS:
        _fail(f"--annotate needs a .csv or .xlsx input, not {kind}")
    if target.suffix.lower() != ".xlsx":
        _fail(f"--annotate writes an .xlsx workbook: name it *.xlsx, not {target.name}")
    for given in (file, reference_path):
        if given is not None and target.resolve() == given.resolve():
            _fail(f"--annotate must name a new file: {target.name} is an input (never modified)")


def _found_config() -> config.Config:
    path = config.find(Path.cwd())
    return config.Config() if path is None else config.load(path)


def _policies_help() -> str:
    """The presets and the fields each requires, for `check --help` (from the presets)."""
    lines = ["Policies (--policy) and the fields they require:"]
    for name, preset in config.PRESETS.items():
        policy = preset()
        purpose = (preset.__doc__ or "").strip().splitlines()[0]
        lines += [f"  {name}: {purpose}", f"    {_fields_text(policy.required)}"]
    by_fields: dict[frozenset[str], list[str]] = {}
    for category, fields in Policy().category_required.items():
        if fields:
            by_fields.setdefault(fields, []).append(category.value)
    lines += [
        f"  and records of category {' or '.join(names)}: {_fields_text(fields)}"
        for fields, names in by_fields.items()
    ]
    return "\b\n" + "\n".join(lines)


def _fields_text(paths: frozenset[str]) -> str:
    """`paths` in catalogue order, the parts of a required section in brackets after it."""
    order = list(CATALOGUE)
    ordered = sorted(paths, key=lambda path: order.index(f"{path}.missing"))
    texts = []
    for path in ordered:
        section = path.rpartition(".")[0]
        if section in paths:
            continue
        parts = [part.removeprefix(path + ".") for part in ordered if part.startswith(path + ".")]
        texts.append(f"{path} ({', '.join(parts)})" if parts else path)
    return ", ".join(texts)


def _build() -> Any:
    @click.group(context_settings={"help_option_names": ["-h", "--help"]})
    @click.version_option(__version__, prog_name="jmo-validate")
    def cli() -> None:
        """Validate BPJS Ketenagakerjaan participant data.

        \b
        Examples:
          jmo-validate check examples/participants.csv --reference examples/ktp_reference.csv
          jmo-validate check peserta.xlsx --format html --output laporan.html
          jmo-validate check data.jsonl --policy benefit_claim --lang en --format csv
          jmo-validate nik 3273014107900003
          jmo-validate codes --lang en
        """

    @cli.command(epilog=_policies_help())
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option(
        "--reference",
        "reference_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Reference records (e.g. KTP data) to compare with, joined by --key.",
    )
    @click.option(
        "--key",
        type=click.Choice(config.CHOICES["key"]),
        default="nik",
        show_default=True,
        help="Field that joins records with the reference and finds duplicates.",
    )
    @click.option(
        "--policy",
        "policy_name",
        type=click.Choice(config.CHOICES["policy"]),
        default="profile_update",
        show_default=True,
        help="Scenario preset: what it requires is listed under Policies below.",
    )
    @click.option(
        "--ignore",
        "ignored",
        multiple=True,
        metavar="CODE",
        help='Do not report this issue code; wildcards work, e.g. --ignore "address.*" '
        "(repeatable).",
    )
    @click.option(
        "--format",
        "output_format",
        type=click.Choice(config.CHOICES["format"]),
        default="table",
        show_default=True,
        help="Output format (csv: one row per issue; html: the data-quality report).",
    )
    @click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write the issues to this file instead of stdout.",
    )
    @click.option(
        "--lang",
        type=click.Choice(config.CHOICES["lang"]),
        default="id",
        show_default=True,
        help="Language of the messages.",
    )
    @click.option(
        "--fail-on",
        type=click.Choice(config.CHOICES["fail-on"]),
        default="error",
        show_default=True,
        help="Exit with status 1 when a record has an issue of this severity or worse.",
    )
    @click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Worker processes for the checks.",
    )
    @click.option(
        "--frames",
        is_flag=True,
        help="Check plainly written rows in blocks through the DataFrames pre-check (needs "
        "polars; one worker, no --reference): faster on such rows, about 70 MB more memory.",
    )
    @click.option(
        "--annotate",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="COPY.xlsx",
        help="Also write a copy of FILE (.csv or .xlsx) with each problem cell highlighted "
        "and commented, an issues column and a summary sheet.",
    )
    @click.option("--show-values", is_flag=True, help="Show personal data unmasked.")
    @click.option(
        "--encoding", help="Encoding of text inputs (default: UTF-8, with or without BOM)."
    )
    @click.option(
        "--map",
        "mappings",
        multiple=True,
        metavar="COLUMN=FIELD",
        help='Read a column as a field, e.g. --map "Nomor Induk=nik" (repeatable).',
    )
    @click.option(
        "--input-format",
        type=click.Choice(FORMATS),
        help="Format of FILE and the reference (default: from the file name).",
    )
    @click.option(
        "--config",
        "config_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help=f"Project configuration to use (default: the nearest {config.CONFIG_NAME} or "
        "pyproject.toml with [tool.jmo-validate], from the working directory up).",
    )
    def check(
        file: Path,
        reference_path: Path | None,
        key: str,
        policy_name: str,
        lang: str,
        ignored: tuple[str, ...],
        config_file: Path | None,
        **options: Any,
    ) -> None:
        """Check every record of FILE (CSV, JSON, JSON Lines or .xlsx).

        \b
        Examples:
          jmo-validate check peserta.csv
          jmo-validate check peserta.csv --reference ktp.csv --key nik --fail-on warning
          jmo-validate check peserta.csv --map "Nomor Induk=nik" --encoding cp1252
          jmo-validate check peserta.csv --policy jmo_registration --ignore "address.*"
          jmo-validate check dump.jsonl --workers 2 --format jsonl --output issues.jsonl

        Options given here win over the project configuration (see --config);
        --ignore and --map add to its lists.
        """
        context = click.get_current_context()

        def chosen(parameter: str, value: str, configured: str | None) -> str:
            given = context.get_parameter_source(parameter) is not ParameterSource.DEFAULT
            return value if given or configured is None else configured

        try:
            settings = config.load(config_file) if config_file else _found_config()
            policy = config.build_policy(
                chosen("policy_name", policy_name, settings.policy),
                language=chosen("lang", lang, settings.lang),
                ignore=(*settings.ignore, *ignored),
                overrides=settings.overrides,
            )
        except config.ConfigError as error:
            _fail(str(error))
        options["columns"] = {**settings.columns, **_columns(options.pop("mappings"))}
        for name, configured in (("output_format", settings.format), ("fail_on", settings.fail_on)):
            options[name] = chosen(name, options[name], configured)
        options["config_path"] = settings.path
        _check(file, reference_path, chosen("key", key, settings.key), policy, options)

    @cli.command()
    @click.argument("number")
    @click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
    @click.option("--show-values", is_flag=True, help="Show the NIK unmasked.")
    def nik(number: str, lang: str, show_values: bool) -> None:
        """Decode a NIK: region codes, birth date, sex and serial.

        \b
        Example:
          jmo-validate nik 3273.0141.0790.0003
        """
        shown = nik_module.compact(number) if show_values else mask_nik(number)
        try:
            parsed = nik_module.parse(number)
        except FieldError as error:
            click.echo(f"NIK {shown}: {error.code} - {error.message(lang)}")
            sys.exit(1)
        for name, value in (
            ("NIK", nik_module.format(parsed.number) if show_values else str(parsed)),
            ("province code", parsed.province_code),
            ("regency/city code", parsed.regency_code),
            ("district code", parsed.district_code),
            ("birth date", parsed.birth_date.isoformat()),
            ("sex", parsed.sex.value),
            ("serial", parsed.serial),
        ):
            click.echo(f"{name:<18} {value}")

    @cli.command()
    @click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
    def codes(lang: str) -> None:
        """List every issue code with its kind, default severity and message."""
        for code in sorted(CATALOGUE):
            entry = CATALOGUE[code]
            click.echo(
                f"{code:<30} {entry.kind.value:<10} {entry.severity.value:<7} {message(code, lang)}"
            )

    return cli


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line; exit 2 with a hint when the `cli` extra is missing.

    Without `argv`, the command line is this process's own (the `jmo-validate` script),
    and the process ends with it (see `_freeze_at_exit`).
    """
    if click is None:
        sys.stderr.write(f'jmo-validate needs the "cli" extra: {install_hint("cli")}\n')
        sys.exit(2)
    if argv is None:
        _freeze_at_exit()
    _build()(args=argv, prog_name="jmo-validate")


@functools.cache  # once a process
def _freeze_at_exit() -> None:
    """Have the exit leave the objects still alive out of its cyclic collections.

    The interpreter's exit runs full collections, which walk every object alive: after
    the first village question, the registry's 200,000-odd: 40-90 ms of the 0.6-0.9 s a
    20-row file takes. Frozen (`gc.freeze`, at the exit: after the command has closed
    its files), they are still freed, only not walked.
    """
    atexit.register(gc.freeze)
