"""``syria-geo demo``: run the toolkit on the bundled data and say what it wrote."""

from __future__ import annotations

import argparse
from pathlib import Path

from syria_geo._demo import demo_outputs


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``demo`` command."""
    demo = subparsers.add_parser("demo", help="run the pipeline on the bundled data")
    demo.add_argument(
        "--output-dir",
        type=Path,
        default=Path("demo-output"),
        help="where to write (default demo-output)",
    )
    demo.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    def report(path: Path, what: str) -> None:
        print(f"wrote {path}  ({what})", flush=True)

    written = demo_outputs(args.output_dir, report=report)
    print(f"{len(written)} files in {args.output_dir}")
    return 0
