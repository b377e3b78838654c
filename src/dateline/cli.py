"""The ``dateline`` command line: each command is a few lines over the library.

Results go to standard output, progress and error lines to standard error. Exit codes:
0 all inputs processed, 1 some inputs failed (each has an error line), 2 usage error.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .errors import DatelineError
from .readers.base import DEFAULT_MAX_BYTES, STDIN, iter_input_paths

app = typer.Typer(
    name="dateline",
    help="Who said what, and who did what to whom, in news wire stories.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Look into and export a dateline database.", no_args_is_help=True)
app.add_typer(db_app, name="db")

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt_csv = "gdelt-csv"


class QueryFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    json = "json"


Paths = Annotated[list[str], typer.Argument(help="Files, directories (read recursively) or '-' for stdin.")]
Year = Annotated[int | None, typer.Option(help="Year of the stories, for ISO dates from datelines like 'Feb. 27'.")]
Encoding = Annotated[
    str | None, typer.Option(help="Text encoding of the inputs (default: UTF-8, legacy encodings detected).")
]
MaxBytes = Annotated[int, typer.Option(help="Refuse inputs larger than this many bytes.")]
ReaderName = Annotated[
    str, typer.Option("--reader", help="auto (by extension and content), wire, html, feed, jsonl, csv.")
]
TextKey = Annotated[str, typer.Option(help="JSONL/CSV field holding the story text.")]
IdKey = Annotated[str | None, typer.Option(help="JSONL/CSV field identifying each record (default: line number).")]
MetaKeys = Annotated[
    list[str] | None,
    typer.Option("--meta-keys", "--meta-key", help="JSONL/CSV fields to keep in meta (comma-separated or repeated)."),
]
Workers = Annotated[int, typer.Option(min=1, help="Worker processes (each loads the model once).")]
Timeout = Annotated[float, typer.Option(help="Seconds one story may take to analyse (0: no limit).")]
Dictionary = Annotated[
    str | None, typer.Option(help="User actor dictionary (YAML or CSV); it overrides every other source of codes.")
]
Verbs = Annotated[
    str | None,
    typer.Option(help="Verb dictionary in PETRARCH format, replacing the shipped CAMEO one (see docs/events.md)."),
]
Agents = Annotated[
    str | None,
    typer.Option(help="Agents dictionary in PETRARCH format (role nouns), replacing the shipped Phoenix one."),
]
QuoteModel = Annotated[
    str,
    typer.Option(
        help="Quote attribution: 'rules' (fast), or 'tagger' to add the learned PolNeAR tagger"
        " (needs the classify extra; extraction about 2.5 times slower). See the README, Quotes."
    ),
]
Partials = Annotated[
    str,
    typer.Option(
        help="A partial quote inside reported speech: its own quote record ('separate'), or listed in"
        " the 'partials' of the record that holds it ('inside': one record per attribution, as PolNeAR)."
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
DbPath = Annotated[Path, typer.Option("--db", help="The DuckDB database file.")]


def _fail(exc: DatelineError) -> typer.Exit:
    typer.echo(f"Error: {exc}", err=True)
    return typer.Exit(EXIT_USAGE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dateline {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what dateline does to stderr.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


@dataclass(frozen=True)
class _Inputs:
    """The input options every command that reads stories shares."""

    options: Any
    config: Any
    paths: list[str]


def _inputs(
    paths: list[str],
    *,
    year: int | None,
    encoding: str | None,
    max_bytes: int,
    reader: str,
    text_key: str,
    id_key: str | None,
    meta_keys: list[str] | None,
    timeout: float,
    dictionary: str | None = None,
    verbs: str | None = None,
    agents: str | None = None,
    quote_model: str = "rules",
    partials: str = "separate",
) -> _Inputs:
    from .pipeline import PipelineConfig
    from .readers.base import InputOptions, get_reader

    if year is not None and not 1000 <= year <= 9999:
        raise DatelineError("E015", value=year)
    if reader != "auto":
        get_reader(reader)  # E025 now, not once per input
    options = InputOptions(
        reader=reader,
        encoding=encoding,
        year=year,
        max_bytes=max_bytes,
        text_key=text_key,
        id_key=id_key,
        meta_keys=tuple(k.strip() for keys in meta_keys or () for k in keys.split(",") if k.strip()),
    )
    expanded = list(iter_input_paths(paths))
    if not expanded:
        raise DatelineError("E016", paths=" ".join(paths))
    if dictionary:
        from .actors.dictionary import load_dictionary

        load_dictionary(dictionary)  # E005/E029 now, before any input is read
    if verbs:
        from .events.verbs import load_verbs

        load_verbs(verbs)  # E030 now
    if agents:
        from .actors.agents import load_agents

        load_agents(agents)  # E034 now
    if quote_model != "rules":
        from .quotes.component import check_quote_model
        from .quotes.tagger import load_tagger

        check_quote_model(quote_model)  # E037 now
        load_tagger()  # E035/E036 now
    from .quotes.component import check_partials

    check_partials(partials)  # E038 now
    config = PipelineConfig(
        timeout=timeout or None,
        dictionary=dictionary,
        verbs=verbs,
        agents=agents,
        quote_model=quote_model,
        partials=partials,
    )
    return _Inputs(options, config, expanded)


def _progress(total: int, quiet: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="input", file=sys.stderr, disable=True if quiet else None)


def _report(bar: Any, result: Any) -> None:
    for error in result.errors:
        bar.write(f"error {error}", file=sys.stderr)
    bar.update(1)


@contextlib.contextmanager
def _output(path: str, force: bool) -> Iterator[IO[str]]:
    if path == STDIN:
        yield sys.stdout
        return
    target = Path(path)
    if target.exists() and not force:
        raise DatelineError("E008", path=path)
    try:
        handle = target.open("w", encoding="utf-8")
    except OSError as exc:
        raise DatelineError("E013", path=path, reason=exc.strerror or str(exc)) from exc
    with handle:
        yield handle


def _document_table(records: list[dict[str, Any]]) -> Table:
    table = Table("doc_id", "headline", "place", "date", "agencies", "language", "quotes", "events", "duplicate_of")
    for r in records:
        dl = r.get("dateline") or {}
        table.add_row(
            r["doc_id"],
            (r.get("headline") or "")[:60],
            dl.get("place") or "",
            dl.get("date") or dl.get("date_text") or "",
            ", ".join(r["agencies"]),
            r.get("language") or "",
            str(len(r["quotes"])),
            str(len(r["events"])),
            (r.get("duplicate_of") or "")[:12],
        )
    return table


@app.command()
def extract(
    paths: Paths,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.jsonl,
    output: Annotated[str, typer.Option("--output", "-o", help="Output file, or '-' for stdout.")] = STDIN,
    force: Annotated[bool, typer.Option(help="Overwrite the output file if it exists.")] = False,
    with_text: Annotated[bool, typer.Option(help="Include each story's full text in its record.")] = False,
    reader: ReaderName = "auto",
    text_key: TextKey = "text",
    id_key: IdKey = None,
    meta_keys: MetaKeys = None,
    year: Year = None,
    encoding: Encoding = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    workers: Workers = 1,
    timeout: Timeout = 120.0,
    dictionary: Dictionary = None,
    verbs: Verbs = None,
    agents: Agents = None,
    quote_model: QuoteModel = "rules",
    partials: Partials = "separate",
    quiet: Quiet = False,
) -> None:
    """Analyse stories and write one record per story (JSONL by default)."""
    from .batch import Runner
    from .dedupe import DuplicateIndex
    from .ingest import link_duplicates

    failed = done = 0
    try:
        inputs = _inputs(
            paths,
            year=year,
            encoding=encoding,
            max_bytes=max_bytes,
            reader=reader,
            text_key=text_key,
            id_key=id_key,
            meta_keys=meta_keys,
            timeout=timeout,
            dictionary=dictionary,
            verbs=verbs,
            agents=agents,
            quote_model=quote_model,
            partials=partials,
        )
        index = DuplicateIndex()
        with _output(output, force) as out, _progress(len(inputs.paths), quiet) as bar:
            collected: list[dict[str, Any]] = []
            for result in Runner(inputs.options, inputs.config, workers=workers).run(inputs.paths):
                _report(bar, result)
                failed += len(result.errors)
                link_duplicates(result.documents, index)
                for document in result.documents:
                    done += 1
                    record = document.to_dict(include_text=with_text)
                    if fmt is ExtractFormat.jsonl:
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                        out.flush()
                    else:
                        collected.append(record)
            if fmt is ExtractFormat.json:
                out.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
            elif fmt is ExtractFormat.table:
                Console(file=out, width=180).print(_document_table(collected))
    except DatelineError as exc:
        raise _fail(exc) from exc
    if not quiet:
        typer.echo(
            f"{done} document{'' if done == 1 else 's'} written, {failed} error{'' if failed == 1 else 's'}", err=True
        )
    raise typer.Exit(EXIT_INPUT_ERRORS if failed else EXIT_OK)


@app.command()
def ingest(
    paths: Paths,
    db: DbPath,
    replace: Annotated[bool, typer.Option(help="Re-analyse and replace inputs already stored.")] = False,
    reader: ReaderName = "auto",
    text_key: TextKey = "text",
    id_key: IdKey = None,
    meta_keys: MetaKeys = None,
    year: Year = None,
    encoding: Encoding = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    workers: Workers = 1,
    timeout: Timeout = 120.0,
    dictionary: Dictionary = None,
    verbs: Verbs = None,
    agents: Agents = None,
    quote_model: QuoteModel = "rules",
    partials: Partials = "separate",
    quiet: Quiet = False,
) -> None:
    """Analyse stories and store them in a DuckDB database (idempotent and resumable)."""
    from .ingest import ingest as run_ingest

    try:
        inputs = _inputs(
            paths,
            year=year,
            encoding=encoding,
            max_bytes=max_bytes,
            reader=reader,
            text_key=text_key,
            id_key=id_key,
            meta_keys=meta_keys,
            timeout=timeout,
            dictionary=dictionary,
            verbs=verbs,
            agents=agents,
            quote_model=quote_model,
            partials=partials,
        )
        with _progress(len(inputs.paths), quiet) as bar:
            summary = run_ingest(
                inputs.paths,
                db,
                inputs.options,
                inputs.config,
                workers=workers,
                replace=replace,
                on_result=lambda result: _report(bar, result),
            )
        from .store import Store

        with Store(db, create=False, read_only=True) as store:
            counts = store.counts()
    except DatelineError as exc:
        raise _fail(exc) from exc
    if not quiet:
        totals = ", ".join(f"{n} {t}" for t, n in counts.items())
        typer.echo(
            f"{summary.added} stored, {summary.present} already stored, {summary.duplicates} near-duplicates linked,"
            f" {summary.errors} errors, {summary.skipped} inputs skipped (already done);"
            f" database now holds {totals}",
            err=True,
        )
    raise typer.Exit(EXIT_INPUT_ERRORS if summary.errors else EXIT_OK)


@app.command()
def actors(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Stories to analyse (files, directories, '-'); or give --db.")
    ] = None,
    db: Annotated[
        Path | None, typer.Option("--db", help="List the cross-story actor registry of this database.")
    ] = None,
    dictionary: Dictionary = None,
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")] = QueryFormat.table,
    year: Year = None,
    workers: Workers = 1,
    quiet: Quiet = False,
) -> None:
    """List the actors of each story (name, type, code and its source, mentions), or a database's registry."""
    from .batch import Runner

    if db is not None:
        from .store import Store

        try:
            with Store(db, create=False, read_only=True) as store:
                columns, registry = store.registry_rows()
        except DatelineError as exc:
            raise _fail(exc) from exc
        _print_rows(columns, registry, fmt, sys.stdout)
        raise typer.Exit(EXIT_OK)
    if not paths:
        typer.echo("Error: give stories to analyse, or --db to list a database's actor registry.", err=True)
        raise typer.Exit(EXIT_USAGE)
    columns = ["doc_id", "actor_id", "name", "type", "code", "code_source", "mentions"]
    rows: list[tuple[Any, ...]] = []
    failed = 0
    try:
        inputs = _inputs(
            paths,
            year=year,
            encoding=None,
            max_bytes=DEFAULT_MAX_BYTES,
            reader="auto",
            text_key="text",
            id_key=None,
            meta_keys=None,
            timeout=120.0,
            dictionary=dictionary,
        )
        with _progress(len(inputs.paths), quiet) as bar:
            for result in Runner(inputs.options, inputs.config, workers=workers).run(inputs.paths):
                _report(bar, result)
                failed += len(result.errors)
                for document in result.documents:
                    for actor in document.actors:
                        rows.append(
                            (
                                document.doc_id,
                                actor["id"],
                                actor["name"],
                                actor.get("type"),
                                actor.get("code"),
                                actor.get("code_source"),
                                len(actor.get("mentions", [])),
                            )
                        )
    except DatelineError as exc:
        raise _fail(exc) from exc
    _print_rows(columns, rows, fmt, sys.stdout)
    raise typer.Exit(EXIT_INPUT_ERRORS if failed else EXIT_OK)


@app.command()
def classify(
    source: Annotated[
        str, typer.Argument(help="JSONL of dyads, one per line: {id, text, source, target}; '-' for stdin.")
    ],
    output: Annotated[str, typer.Option("--output", "-o", help="Output file, or '-' for stdout.")] = STDIN,
    force: Annotated[bool, typer.Option(help="Overwrite the output file if it exists.")] = False,
    model: Annotated[
        str, typer.Option(help="lexical (default), or embeddings (needs pip install 'dateline[classify]').")
    ] = "lexical",
    quiet: Quiet = False,
) -> None:
    """Classify source–target dyads: PLOVER root, CAMEO code, quad class, Goldstein score, confidence.

    Spans are [start, end] character offsets into text, or null. A bad line gets an
    {"id", "error"} line (E031) and the others are still classified.
    """
    from .events.classify import classify_dyads, load_classifier, read_dyads
    from .pipeline import PipelineConfig, load_nlp

    try:
        classifier = load_classifier(model)
        if source == STDIN:
            lines = sys.stdin.read().splitlines()
        else:
            path = Path(source)
            if not path.exists():
                raise DatelineError("E005", path=source)
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        parsed = list(read_dyads(lines))
        dyads = [d for d in parsed if not isinstance(d, DatelineError)]
        errors = [e for e in parsed if isinstance(e, DatelineError)]
        if classifier.embeddings:
            from .events.classify import _embedder

            _embedder()  # E032 now, before any work
        nlp = load_nlp(PipelineConfig(components=()))
        results = iter(classify_dyads(dyads, nlp, model))
        with _output(output, force) as out:
            for item in parsed:
                if isinstance(item, DatelineError):
                    out.write(json.dumps({"id": item.item, "error": str(item)}, ensure_ascii=False) + "\n")
                    continue
                out.write(json.dumps(next(results), ensure_ascii=False) + "\n")
    except DatelineError as exc:
        raise _fail(exc) from exc
    for error in errors:
        typer.echo(str(error), err=True)
    if not quiet:
        typer.echo(f"{len(dyads)} dyads classified, {len(errors)} errors", err=True)
    raise typer.Exit(EXIT_INPUT_ERRORS if errors else EXIT_OK)


def _print_rows(columns: list[str], rows: list[tuple[Any, ...]], fmt: QueryFormat, out: IO[str]) -> None:
    from .store.export import _plain

    if fmt is QueryFormat.table:
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console(file=out, width=200).print(table)
    elif fmt is QueryFormat.csv:
        import csv

        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows([[_plain(v) for v in row] for row in rows])
    else:
        dicts = [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in rows]
        if fmt is QueryFormat.json:
            out.write(json.dumps(dicts, ensure_ascii=False, default=str, indent=2) + "\n")
        else:
            for d in dicts:
                out.write(json.dumps(d, ensure_ascii=False, default=str) + "\n")


@db_app.command("query")
def db_query(
    sql: Annotated[str, typer.Argument(help='The SQL to run, e.g. "SELECT headline FROM documents".')],
    db: DbPath,
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")] = QueryFormat.table,
) -> None:
    """Run a SQL query on the database (read-only) and print the result."""
    from .store import Store

    try:
        with Store(db, create=False, read_only=True) as store:
            columns, rows = store.query(sql)
    except DatelineError as exc:
        raise _fail(exc) from exc
    _print_rows(columns, rows, fmt, sys.stdout)


@db_app.command("export")
def db_export(
    db: DbPath,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")] = ExportFormat.jsonl,
    table: Annotated[str, typer.Option(help="Table: documents, quotes, actors, events or errors.")] = "documents",
    output: Annotated[
        str, typer.Option("--output", "-o", help="Output file ('-' for stdout; not for parquet).")
    ] = STDIN,
    force: Annotated[bool, typer.Option(help="Overwrite the output file if it exists.")] = False,
) -> None:
    """Export a table as JSONL, CSV or Parquet (documents as JSONL are the full records).

    --format gdelt-csv writes the events as GDELT-style rows (date, actor codes, CAMEO code,
    quad class, Goldstein score, source document), whatever --table says.
    """
    from .store import Store, export_parquet, export_rows

    try:
        with Store(db, create=False, read_only=True) as store:
            if fmt is ExportFormat.parquet:
                if output == STDIN:
                    raise DatelineError("E017", value=fmt.value)
                if Path(output).exists() and not force:
                    raise DatelineError("E008", path=output)
                n = export_parquet(store, table, output)
            else:
                if fmt is ExportFormat.gdelt_csv:
                    table = "events"
                with _output(output, force) as out:
                    n = export_rows(store, table, fmt.value, out)
    except DatelineError as exc:
        raise _fail(exc) from exc
    typer.echo(f"exported {n} rows of {table}", err=True)


@db_app.command("errors")
def db_errors(
    db: DbPath,
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")] = QueryFormat.table,
) -> None:
    """List the inputs that could not be stored, with their numbered error."""
    from .store import Store

    try:
        with Store(db, create=False, read_only=True) as store:
            columns, rows = store.query(
                "SELECT source_path, item, code, message FROM errors ORDER BY source_path, item"
            )
    except DatelineError as exc:
        raise _fail(exc) from exc
    _print_rows(columns, rows, fmt, sys.stdout)


@db_app.command("info")
def db_info(db: DbPath) -> None:
    """Show the database's schema version and row counts."""
    from .store import Store

    try:
        with Store(db, create=False, read_only=True) as store:
            typer.echo(f"schema_version: {store.schema_version}")
            for table, n in store.counts().items():
                typer.echo(f"{table}: {n}")
    except DatelineError as exc:
        raise _fail(exc) from exc


def main() -> None:
    app()


if __name__ == "__main__":
    main()
