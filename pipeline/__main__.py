"""Command line: `python -m pipeline run|validate`. Thin: arguments in, one line out on error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.paths import DICTIONARY, OUTPUT_DIR, RAW_DOCUMENT
from pipeline.read import DEFAULT_MAX_BYTES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    parser.add_argument("--debug", action="store_true", help="show tracebacks for expected errors too")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="extract, validate and export the dataset")
    run.add_argument("input", nargs="?", type=Path, default=RAW_DOCUMENT, help="raw scrape (default: %(default)s)")
    run.add_argument("--output-dir", type=Path, default=OUTPUT_DIR, help="where to write (default: %(default)s)")
    run.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="refuse larger inputs (%(default)s)")
    run.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    run.add_argument("--timings", action="store_true", help="print each stage's time on stderr at the end")
    validate = commands.add_parser("validate", help="re-validate the Parquet files of an output folder")
    validate.add_argument("dir", nargs="?", type=Path, default=OUTPUT_DIR, help="output folder (default: %(default)s)")
    dictionary = commands.add_parser("dictionary", help="write the data dictionary generated from the schemas")
    dictionary.add_argument("path", nargs="?", type=Path, default=DICTIONARY, help="where (default: %(default)s)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "run":
            from pipeline.run import Stages, run

            stages = Stages(None if args.quiet else (lambda message: print(message, file=sys.stderr)))
            run(args.input, args.output_dir, args.max_bytes, stages)
            if args.timings:
                for name, ms in [*stages.timings.items(), ("total", sum(stages.timings.values()))]:
                    print(f"{name:>10} {ms:8.1f} ms", file=sys.stderr)
            if not args.quiet:
                print(f"wrote {args.output_dir}", file=sys.stderr)
        elif args.command == "dictionary":
            from pipeline.dictionary import render_dictionary

            args.path.write_text(render_dictionary(), encoding="utf-8")
        else:
            from pipeline.check import validate_dir

            validate_dir(args.dir)
            print(f"{args.dir}: valid", file=sys.stderr)
    except PipelineError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted; the output folder is unchanged unless the final move had begun", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
