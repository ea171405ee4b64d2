"""Command line: `python -m pipeline run|validate|dictionary`. Thin: arguments in, one line out.

Exit codes: 0 success; 1 the document lacks what the dataset needs, or the data (or a folder
being validated) failed validation; 2 unusable input, arguments or output folder (missing,
unreadable, not a regular file, empty, binary, over --max-bytes; an output path that is not a
folder, a full disk); 130 interrupted. `--debug` (before or after the command) adds the traceback.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from pipeline.errors import EXIT_INPUT, PipelineError
from pipeline.paths import DICTIONARY, OUTPUT_DIR, RAW_DOCUMENT
from pipeline.readers.decode import DEFAULT_MAX_BYTES

EXIT_INTERRUPTED = 130
EPILOG = """exit codes:
  0    success
  1    the document lacks what the dataset needs, or the data failed validation
  2    unusable input, arguments or output folder (missing, not a regular file, empty, binary,
       over --max-bytes, an output path that is not a folder, a full disk)
  130  interrupted (the output folder holds the previous or the new complete set)"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        sys.exit(EXIT_INPUT)


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks too")
    parser = _Parser(
        prog="python -m pipeline", description=__doc__.split("\n\n")[0], epilog=EPILOG, parents=[common],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = commands.add_parser("run", parents=[common], help="extract, validate and write the dataset", epilog=EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    run.add_argument("input", nargs="?", default=str(RAW_DOCUMENT), help="the scrape, or - for standard input")
    run.add_argument("--output-dir", type=Path, default=OUTPUT_DIR, help="where to write (default: %(default)s)")
    run.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="refuse larger inputs (%(default)s)")
    run.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    run.add_argument("--timings", action="store_true", help="print each stage's time on stderr at the end")
    run.add_argument("--source-url", help="where the scrape came from (overrides the input's .source.json sidecar)")
    run.add_argument("--retrieved", help="when it was retrieved, an ISO 8601 date (overrides the sidecar)")
    validate = commands.add_parser("validate", parents=[common], help="validate every file of an output folder")
    validate.add_argument("dir", nargs="?", type=Path, default=OUTPUT_DIR, help="output folder (default: %(default)s)")
    dictionary = commands.add_parser("dictionary", parents=[common], help="write the data dictionary from the schemas")
    dictionary.add_argument("path", nargs="?", type=Path, default=DICTIONARY, help="where (default: %(default)s)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    debug = getattr(args, "debug", False)
    try:
        if args.command == "run":
            # One short run that builds a large graph of objects with no garbage cycles worth
            # collecting: the cyclic collector's repeated passes over it (and over the modules
            # imported next) would cost a third of the time.
            gc.disable()
            from pipeline.run import Stages, run
            from pipeline.snapshot import Origin

            stages = Stages(None if args.quiet else (lambda message: print(message, file=sys.stderr)))
            origin = Origin.load(Path(args.input), args.source_url, args.retrieved)
            run(args.input, args.output_dir, args.max_bytes, stages, origin)
            if args.timings:
                for name, ms in [*stages.timings.items(), ("total", sum(stages.timings.values()))]:
                    print(f"{name:>10} {ms:8.1f} ms", file=sys.stderr)
            if not args.quiet:
                print(f"wrote {args.output_dir}", file=sys.stderr)
        elif args.command == "dictionary":
            from pipeline.dictionary import render_dictionary

            args.path.write_text(render_dictionary(), encoding="utf-8")
        else:
            from pipeline.formats import validate_dir

            validate_dir(args.dir)
            print(f"{args.dir}: valid", file=sys.stderr)
    except PipelineError as exc:
        if debug:
            import traceback

            traceback.print_exc()
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted; the output folder holds the previous or the new complete set", file=sys.stderr)
        return EXIT_INTERRUPTED
    return 0


if __name__ == "__main__":
    sys.exit(main())
