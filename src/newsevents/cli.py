"""The `newsevents` command: parses options, calls the library, prints results.

Exit codes: 0 success, 1 some input or operation failed (each failure is named on
stderr in one line), 2 wrong usage.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import click
import duckdb

from . import query as q
from .errors import NewsEventsError
from .ingest import FORMATS, IngestOptions, read_date_map
from .nlp import DEFAULT_MODEL
from .output import OUTPUT_FORMATS, write_rows
from .records import Problem

DEFAULT_DB = "newsevents.duckdb"
# Seconds a command waits while another process holds the store (a server copying its
# snapshot, another ingest) before it gives up with a message.
LOCK_WAIT = 30.0


def _fail(message: str) -> None:
    raise click.ClickException(message)


def _report(p: Problem) -> None:
    click.echo(f"newsevents: {p}", err=True)


def _guard(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one-line messages with exit code 1."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NewsEventsError as e:
            line = f" (line {e.line})" if getattr(e, "line", None) else ""
            _fail(f"{e}{line}")
        except duckdb.Error as e:  # a store problem is one line too, never a traceback
            _fail(f"store: {str(e).splitlines()[0]}")
        except BrokenPipeError:  # `newsevents extract ... | head` is fine
            sys.stderr.close()
            sys.exit(0)
    return wrapper


class DateParam(click.ParamType):
    """A date option: wrong values are wrong usage (exit 2), named with their option."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str | None:
        from .dates import normalize_date

        try:
            return normalize_date(value)
        except NewsEventsError as e:
            self.fail(str(e), param, ctx)


DATE = DateParam()


def _ingest_options(date: str | None, dates: str | None, input_format: str, max_size: int) -> IngestOptions:
    return IngestOptions(input_format=input_format, default_date=date,
                         max_bytes=max_size * 1_000_000, dates=read_date_map(dates) if dates else None)


def input_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    for decorator in reversed([
        click.argument("paths", nargs=-1, required=True),
        click.option("--date", help="Publication date (YYYY-MM-DD) for inputs that have none.", type=DATE),
        click.option("--dates", type=click.Path(dir_okay=False), help="CSV/TSV of file,date for inputs that have none."),
        click.option("--input-format", type=click.Choice(FORMATS), default="auto", show_default=True,
                     help="Input format; auto goes by extension, then content."),
        click.option("--max-size", type=int, default=10, show_default=True, help="Largest article in MB."),
        click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy pipeline to load."),
        click.option("--batch-size", type=int, default=32, show_default=True, help="Articles per nlp.pipe batch."),
        click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra actor dictionary (YAML, CSV or PETRARCH format); repeatable."),
    ]):
        fn = decorator(fn)
    return fn


def workers_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--workers", type=click.IntRange(min=1), default=None,
                        help="Worker processes, one spaCy pipeline each (default: the cores available; "
                             "small inputs stay in one process). 1: analyse in this process.")(fn)


def _pipeline_options(model: str, batch_size: int, actor_files: tuple[str, ...]):
    from .pipeline import PipelineOptions

    return PipelineOptions(model=model, batch_size=batch_size, actor_files=list(actor_files))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsevents")
def main() -> None:
    """Turn news articles into events, quotes and actors, with evidence."""


@main.command()
@input_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True)
@workers_option
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when it is a terminal).")
@_guard
def extract(paths, date, dates, input_format, max_size, model, batch_size, actor_files, fmt, workers,
            progress) -> None:
    """Analyse articles without storing them: one JSON document per article on stdout.

    PATHS are files, directories (recursive), WARC or Parquet files, fsspec URLs, or - for stdin.
    """
    from tqdm import tqdm

    from . import jobs

    results = jobs.extract(paths, _ingest_options(date, dates, input_format, max_size), workers=workers,
                           pipeline_options=_pipeline_options(model, batch_size, actor_files))
    show = sys.stderr.isatty() if progress is None else progress
    failed, docs = False, []
    bar = tqdm(unit=" articles", disable=not show, file=sys.stderr)
    for r in results:
        bar.update(1)
        if isinstance(r, Problem):
            bar.clear()
            _report(r)
            failed = failed or r.level == "error"
        elif fmt == "jsonl":
            click.echo(json.dumps(r.to_dict(), ensure_ascii=False))
        elif fmt == "json":
            docs.append(r.to_dict())
        else:
            _print_analysis_table(r.to_dict())
    bar.close()
    if fmt == "json":
        click.echo(json.dumps(docs, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(1)


def _print_analysis_table(d: dict[str, Any]) -> None:
    out = sys.stdout
    out.write(f"== {d['id']}: {d['title'] or ''} ({d['date'] or 'no date'}, {d['outlet'] or 'no outlet'})\n")
    write_rows([{"name": a["name"], "code": a["code"], "kind": a["kind"], "mentions": len(a["mentions"])}
                for a in d["actors"]], "table", out)
    write_rows([{"speaker": q["speaker"]["text"], "kind": q["kind"], "cue": (q["cue"] or {}).get("text"),
                 "content": q["content"]["text"]} for q in d["quotes"]], "table", out)
    write_rows([_event_row(e) for e in d["events"]], "table", out)
    out.write("\n")


def _event_row(e: dict[str, Any]) -> dict[str, Any]:
    codes = lambda side: ",".join(a.get("code") or a.get("text") or "?" for a in side)  # noqa: E731
    return {"date": e["date"], "actor": codes(e["actor"]), "event": e["event"], "cameo": e["cameo"],
            "recipient": codes(e["recipient"]), "modality": ("negated " if e["negated"] else "") + (e["modality"] or ""),
            "evidence": e["sentence"]["text"] if e.get("sentence") else ""}


@main.command()
@input_options
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--force", is_flag=True, help="Analyse again even articles already stored unchanged.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@workers_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine's cores; dask: a Dask cluster, one task per input file, Parquet out.")
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786); default: a LocalCluster of --workers.")
@click.option("--output", help="Dask: directory or fsspec URL for the shards' Parquet (default: DB.shards).")
@click.option("--load/--no-load", "load_after", default=True, show_default=True,
              help="Dask: merge the finished shards into --db when the job ends.")
@_guard
def ingest(paths, date, dates, input_format, max_size, model, batch_size, actor_files, db, force, progress,
           workers, engine, scheduler, output, load_after) -> None:
    """Analyse articles and store them in the DuckDB store."""
    from tqdm import tqdm

    from . import jobs
    from .store import Store

    show = sys.stderr.isatty() if progress is None else progress
    if engine == "dask":
        _ingest_dask(paths, _ingest_options(date, dates, input_format, max_size),
                     _pipeline_options(model, batch_size, actor_files), db, force, show, workers, scheduler,
                     output or f"{db}.shards", load_after)
        return
    with Store(db, lock_wait=LOCK_WAIT) as store, tqdm(unit=" articles", disable=not show, file=sys.stderr) as bar:
        report = jobs.ingest(paths, store, _ingest_options(date, dates, input_format, max_size),
                             _pipeline_options(model, batch_size, actor_files), force=force,
                             on_problem=lambda p: (bar.clear(), _report(p)), on_progress=bar.update,
                             workers=workers)
    click.echo(f"{report.read} articles read: {report.added} added, {report.replaced} replaced, "
               f"{report.unchanged} unchanged, {len(report.problems)} problems ({db})", err=True)
    if report.failed:
        sys.exit(1)


def _ingest_dask(paths, ingest_options, pipeline_options, db, force, show, workers, scheduler, output,
                 load_after) -> None:
    from tqdm import tqdm

    from .scale import cluster

    def on_shard(r) -> None:
        bar.update(r.read)
        for line in r.problems:
            bar.clear()
            click.echo(f"newsevents: {line}", err=True)
        if r.status == "failed":
            bar.clear()
            click.echo(f"newsevents: error: {r.source}: {r.error}", err=True)

    with tqdm(unit=" articles", disable=not show, file=sys.stderr) as bar:
        report = cluster.run(paths, output, ingest_options, pipeline_options, scheduler=scheduler, workers=workers,
                             on_shard=on_shard)
    click.echo(f"{len(report.shards)} shards: {report.count('done')} done, {report.count('skipped')} done before, "
               f"{report.count('failed')} failed; {report.read} articles read, {report.documents} documents "
               f"({output})", err=True)
    if load_after and (report.count("done") or report.count("skipped")):
        _load(output, db, force)
    if report.failed:
        sys.exit(1)


def _load(output: str, db: str, force: bool) -> None:
    from .scale import cluster
    from .store import Store

    with Store(db, lock_wait=LOCK_WAIT) as store:
        r = cluster.load(output, store, force=force)
    click.echo(f"{r.shards} shards loaded: {r.added} added, {r.replaced} replaced, {r.unchanged} unchanged ({db})",
               err=True)


@main.command()
@click.argument("output")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--force", is_flag=True, help="Replace even documents stored unchanged.")
@_guard
def load(output, db, force) -> None:
    """Merge the finished shards of `ingest --engine dask` (a directory or fsspec URL) into the store.

    Loading again adds nothing: documents already stored with the same content are kept.
    """
    _load(output, db, force)


def store_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    for decorator in reversed([
        click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file."),
        click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True),
        click.option("--since", help="First date (YYYY-MM-DD).", type=DATE),
        click.option("--until", help="Last date (YYYY-MM-DD).", type=DATE),
        click.option("--search", help="Text that the evidence must contain."),
        click.option("--country", help="Country code on either side (e.g. PRK)."),
        click.option("--document", help="Only this document id."),
        click.option("--limit", type=int, help="At most this many rows."),
    ]):
        fn = decorator(fn)
    return fn


def _open_read(db: str):
    from .store import Store

    return Store(db, read_only=True, lock_wait=LOCK_WAIT)


@main.command()
@store_options
@click.option("--actor", help="Source actor: code prefix (USA, USAGOV) or name.")
@click.option("--recipient", help="Recipient actor: code prefix or name.")
@click.option("--type", "types", multiple=True, help="PLOVER event type (repeatable).")
@click.option("--modality", type=click.Choice(["asserted", "future", "hypothetical", "reported"]))
@click.option("--include-negated", is_flag=True, help="Also list events the text says did not happen.")
@click.option("--explain", is_flag=True, help="Show why each event was coded.")
@_guard
def events(db, fmt, since, until, search, country, document, limit, actor, recipient, types, modality,
           include_negated, explain) -> None:
    """List stored events."""
    f = q.Filters(actor=actor, recipient=recipient, country=country, types=list(types), since=since, until=until,
                  search=search, modality=modality, include_negated=include_negated, document=document, limit=limit)
    with _open_read(db) as store:
        rows = q.events(store, f)
    if fmt in ("table", "csv"):
        flat = []
        for e in rows:
            row = {"document": e["document"], **_event_row(e)}
            if explain:
                row["explain"] = json.dumps(e["explain"], ensure_ascii=False)
            flat.append(row)
        rows = flat
    write_rows(rows, fmt, sys.stdout)


@main.command()
@store_options
@click.option("--speaker", help="Speaker name, mention text or code prefix.")
@_guard
def quotes(db, fmt, since, until, search, country, document, limit, speaker) -> None:
    """List stored quotes."""
    f = q.Filters(speaker=speaker, search=search, country=country, since=since, until=until, document=document,
                  limit=limit)
    with _open_read(db) as store:
        rows = q.quotes(store, f)
    if fmt in ("table", "csv"):
        rows = [{"document": r["document"], "date": r["date"],
                 "speaker": r["speaker_name"] or r["speaker"]["text"], "code": r["speaker_code"],
                 "kind": r["kind"], "content": r["content"]["text"]} for r in rows]
    write_rows(rows, fmt, sys.stdout)


@main.command()
@store_options
@click.option("--actor", help="Code prefix (USAGOV) or name.")
@_guard
def actors(db, fmt, since, until, search, country, document, limit, actor) -> None:
    """List stored actors with their mention and document counts."""
    f = q.Filters(actor=actor, search=search, country=country, since=since, until=until, document=document,
                  limit=limit)
    with _open_read(db) as store:
        write_rows(q.actors(store, f), fmt, sys.stdout)


@main.command()
@store_options
@_guard
def documents(db, fmt, since, until, search, country, document, limit) -> None:
    """List stored documents with their counts."""
    f = q.Filters(search=search, since=since, until=until, limit=limit, country=country, document=document)
    with _open_read(db) as store:
        write_rows(q.documents(store, f), fmt, sys.stdout)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("--output", "-o", help="File (jsonl, or one --table) or directory (csv/parquet); jsonl default stdout.")
@click.option("--table", type=click.Choice(["documents", "actors", "mentions", "quotes", "events"]),
              help="Export one table only (flat rows).")
@_guard
def export(db, fmt, output, table) -> None:
    """Export the store as JSONL, CSV or Parquet."""
    from .export import export as run_export

    with _open_read(db) as store:
        written = run_export(store, fmt, output, table)
    if written != ["<stdout>"]:
        click.echo("wrote " + ", ".join(written), err=True)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_guard
def summary(db, fmt) -> None:
    """Print what the store holds: counts, event types, top actors and speakers."""
    with _open_read(db) as store:
        s = q.summary(store)
    if fmt == "json":
        click.echo(json.dumps(s, default=str, indent=2))
        return
    c = s["counts"]
    click.echo(f"{db}: {c['documents']} documents ({s['dates']['first']} to {s['dates']['last']}), "
               f"{c['actors']} actors ({c['mentions']} mentions), {c['quotes']} quotes, {c['events']} events")
    for title, rows in (("Events by type", s["events_by_type"]), ("Most mentioned actors", s["top_actors"]),
                        ("Most quoted speakers", s["top_speakers"])):
        click.echo(f"\n{title}:")
        write_rows(rows, "table", sys.stdout)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file (created when missing).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; beyond loopback, reading needs the token too.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--token", envvar="NEWSEVENTS_TOKEN", show_envvar=True,
              help="Secret that writing (and reading beyond loopback) needs; prefer the environment variable.")
@click.option("--max-body", type=int, default=2, show_default=True, help="Largest request body in MB.")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Longest request in seconds.")
@click.option("--model", default=None, help="spaCy pipeline for analysing posted articles.")
@_guard
def serve(db, host, port, token, max_body, timeout, model) -> None:
    """Serve the HTTP API and the web app over the store (http://HOST:PORT/)."""
    from .serve import ServeSettings
    from .serve import serve as run_server

    settings = ServeSettings(db=db, host=host, port=port, token=token, max_body_bytes=max_body * 1_000_000,
                             request_timeout=timeout, model=model)
    settings.check()
    click.echo(f"newsevents: serving {db} on http://{host}:{port}/ (API docs at /docs)", err=True)
    run_server(settings)


if __name__ == "__main__":
    main()
