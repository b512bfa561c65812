"""The ``syria-geo`` command-line interface.

Each noun of the toolkit registers its own sub-commands from a private ``_cli_<noun>``
module (a ``register(subparsers)`` function), so this module only assembles them and turns
expected errors into a one-line message with exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from syria_geo._version import __version__
from syria_geo.core import check_paths
from syria_geo.errors import SyriaGeoError, SyriaGeoWarning

# Modules that contribute sub-commands; each defines ``register(subparsers)`` and sets
# ``func`` (a callable taking the parsed namespace and returning an exit status) as default.
_COMMAND_MODULES: tuple[str, ...] = (
    "syria_geo.cli.gazetteer",
    "syria_geo.cli.demo",
    "syria_geo.cli.join",
    "syria_geo.cli.maps",
    "syria_geo.cli.geocode",
    "syria_geo.cli.incidents",
    "syria_geo.cli.reverse",
)


#: Argument names that hold files a command reads, and files it writes.  Every command
#: names its paths this way, so one guard (:func:`syria_geo.core.files.check_paths`) checks them
#: all before any work: inputs are regular files, outputs are not inputs and their folder
#: exists.
_INPUT_ARGS: tuple[str, ...] = (
    "input", "reports", "report", "control", "observations", "from_incidents",
)  # fmt: skip
_OUTPUT_ARGS: tuple[str, ...] = ("output", "fronts")


def _paths(args: argparse.Namespace, names: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    for name in names:
        value = getattr(args, name, None)
        values = value if isinstance(value, list) else [value]
        found += [v for v in values if isinstance(v, Path)]
    return found


#: Sub-command -> the module that registers it: running one command imports only its
#: module (``syria-geo geocode`` needs neither the map nor the report-parsing code).
_COMMANDS: dict[str, str] = {
    "gazetteer": "syria_geo.cli.gazetteer",
    "demo": "syria_geo.cli.demo",
    "join": "syria_geo.cli.join",
    "control": "syria_geo.cli.join",
    "map": "syria_geo.cli.maps",
    "choropleth": "syria_geo.cli.maps",
    "export": "syria_geo.cli.maps",
    "geocode": "syria_geo.cli.geocode",
    "extract": "syria_geo.cli.incidents",
    "reconcile": "syria_geo.cli.incidents",
    "summary": "syria_geo.cli.incidents",
    "reverse": "syria_geo.cli.reverse",
}


def _build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="syria-geo",
        description="Gazetteer, geocoder, incident extraction and maps for Syria.",
    )
    parser.add_argument("--version", action="version", version=f"syria-geo {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    # the command is the first argument (the only top-level options are --help/--version)
    command = argv[0] if argv else None
    modules = (_COMMANDS[command],) if command in _COMMANDS else _COMMAND_MODULES
    for name in modules:
        importlib.import_module(name).register(subparsers)
    return parser


#: Exit status of an unexpected exception (a bug): distinct from 2 (bad input or usage).
INTERNAL_ERROR_STATUS = 3


def _one_line(text: object) -> str:
    """Collapse a message to one line (file names and cell values may hold line breaks)."""
    return " ".join(str(text).split())


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """Print a warning as one line (a library's warning with its category, no source line)."""
    if issubclass(category, SyriaGeoWarning):
        print(f"syria-geo: warning: {_one_line(message)}", file=sys.stderr)
    else:
        print(f"syria-geo: warning: {category.__name__}: {_one_line(message)}", file=sys.stderr)


#: Exit status when the reader of standard output went away (``syria-geo ... | head``):
#: 128 + SIGPIPE, as a Unix tool killed by the signal reports.
CLOSED_PIPE_STATUS = 141


def _closed_pipe() -> int:
    """Stop quietly: point stdout at /dev/null so the final flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return CLOSED_PIPE_STATUS


#: Exit status after SIGTERM (``kill``, a job scheduler, a container stop): 128 + 15.
TERMINATED_STATUS = 143


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that it ends as Ctrl-C does.

    Being a ``KeyboardInterrupt``, it unwinds every ``finally`` block: a write in progress
    removes its temporary file and leaves the previous output intact.
    """


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`_Terminated` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Parameters
    ----------
    argv
        Arguments without the program name; ``sys.argv[1:]`` when omitted.

    Returns
    -------
    int
        0 on success, 2 on a usage or input error (a one-line message goes to stderr),
        3 on an unexpected internal error (a one-line message; the traceback too when the
        environment variable ``SYRIA_GEO_DEBUG`` is set), 130 when interrupted (Ctrl-C),
        143 when terminated (SIGTERM), 141 (quietly) when the reader of standard output
        went away (``syria-geo ... | head``).  An interrupted or terminated command leaves
        no temporary file and no partial output.
    """
    return _main(argv, own_process=False)


def run() -> int:
    """The ``syria-geo`` executable and ``python -m syria_geo``: :func:`main` as a process.

    Such a process runs one command and ends, and what it imports and loads lives until
    then: :func:`gc.freeze` takes the imported modules out of the collector's walks, and
    what is left when the command is done (the loaded tables, which the system takes back
    at exit) out of the interpreter's last collection.  A later cold start with 100,000
    user places is then about a tenth shorter (``make bench``).  :func:`main`, called
    inside a running program, leaves the collector alone.

    Returns
    -------
    int
        The exit status of :func:`main`.
    """
    status = _main(None, own_process=True)
    gc.freeze()  # after every output file is written and closed, and stdout flushed
    return status


def _main(argv: Sequence[str] | None, *, own_process: bool) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _build_parser(argv)
    if own_process:
        gc.freeze()  # the modules the command imported live as long as the process
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    with warnings.catch_warnings(), _sigterm_as_interrupt():
        # repairs of the input (duplicate ids, points at 0,0 ...) are always shown, one line each
        warnings.simplefilter("always", SyriaGeoWarning)
        warnings.showwarning = _show_warning
        try:
            check_paths(_paths(args, _INPUT_ARGS), _paths(args, _OUTPUT_ARGS))
            status: int = func(args)
            sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        except BrokenPipeError:
            return _closed_pipe()
        except SyriaGeoError as exc:
            print(f"syria-geo: error: {_one_line(exc)}", file=sys.stderr)
            return 2
        except OSError as exc:  # unreadable or unwritable user paths
            text = f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
            print(f"syria-geo: error: {_one_line(text)}", file=sys.stderr)
            return 2
        except ImportError as exc:  # an optional dependency is missing: the message says which
            print(f"syria-geo: error: {_one_line(exc)}", file=sys.stderr)
            return 2
        except _Terminated:
            print("syria-geo: terminated", file=sys.stderr)
            return TERMINATED_STATUS
        except KeyboardInterrupt:
            print("syria-geo: interrupted", file=sys.stderr)
            return 130
        except Exception as exc:  # a bug: say so in one line, never a bare traceback
            if os.environ.get("SYRIA_GEO_DEBUG"):
                traceback.print_exc(file=sys.stderr)
            print(
                f"syria-geo: internal error (please report it with the input): "
                f"{type(exc).__name__}: {_one_line(exc)} (set SYRIA_GEO_DEBUG=1 for details)",
                file=sys.stderr,
            )
            return INTERNAL_ERROR_STATUS
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run())
