"""The ``syria-geo`` command-line interface.

Each noun of the toolkit registers its own sub-commands from a private ``_cli_<noun>``
module (a ``register(subparsers)`` function), so this module only assembles them and turns
expected errors into a one-line message with exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from syria_geo._errors import SyriaGeoError
from syria_geo._version import __version__

# Modules that contribute sub-commands; each defines ``register(subparsers)`` and sets
# ``func`` (a callable taking the parsed namespace and returning an exit status) as default.
_COMMAND_MODULES: tuple[str, ...] = (
    "syria_geo._cli_gazetteer",
    "syria_geo._cli_demo",
)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="syria-geo",
        description="Gazetteer, geocoder, incident extraction and maps for Syria.",
    )
    parser.add_argument("--version", action="version", version=f"syria-geo {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Parameters
    ----------
    argv
        Arguments without the program name; ``sys.argv[1:]`` when omitted.

    Returns
    -------
    int
        0 on success, 2 on a usage or input error (a one-line message goes to stderr).
    """
    parser = _build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        status: int = func(args)
    except SyriaGeoError as exc:
        print(f"syria-geo: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # unreadable or unwritable user paths
        print(
            f"syria-geo: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        print("syria-geo: interrupted", file=sys.stderr)
        return 130
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
