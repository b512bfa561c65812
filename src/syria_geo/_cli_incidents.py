"""``syria-geo extract`` and ``syria-geo reconcile``: incidents from SNHR reports."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Literal

import pandas as pd

from syria_geo._errors import InputFormatError, ReportParseError
from syria_geo._io import atomic_path
from syria_geo.incidents import incidents_from_pdf, incidents_from_text, reconcile

_TEXT_SUFFIXES = (".txt", ".md", ".text")
_OUTPUT_SUFFIXES = (".csv", ".geojson", ".gpkg")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``extract`` and ``reconcile`` commands."""
    extract = subparsers.add_parser(
        "extract",
        help="extract incidents from SNHR monthly reports",
        description=(
            "Extract one row per incident (massacre or other dated killing) from SNHR monthly "
            "reports (.txt or .pdf). CSV output needs nothing else; GeoJSON and GeoPackage "
            "output geocode the place of each incident."
        ),
    )
    extract.add_argument("reports", nargs="+", type=Path, help="report files (.txt or .pdf)")
    extract.add_argument(
        "--output",
        "-o",
        required=True,
        type=Path,
        help="output file: incidents.csv, incidents.geojson or incidents.gpkg",
    )
    extract.add_argument(
        "--geocode",
        action="store_true",
        help="also geocode CSV output (GeoJSON/GeoPackage output is always geocoded)",
    )
    extract.set_defaults(func=_extract)

    rec = subparsers.add_parser(
        "reconcile",
        help="compare a report's summary with its extracted incidents",
        description=(
            "Read the summary tables of an SNHR report and compare them with the sums of the "
            "extracted incidents. Exit status 0 even when there are differences."
        ),
    )
    rec.add_argument("report", type=Path, help="report file (.txt or .pdf)")
    rec.add_argument("--json", action="store_true", help="print JSON instead of text")
    rec.set_defaults(func=_reconcile)


def _read(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return incidents_from_pdf(path)
    if suffix in _TEXT_SUFFIXES:
        if not path.is_file():
            raise InputFormatError(f"report file not found: {path}")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ReportParseError(f"{path} is not UTF-8 text") from exc
        return incidents_from_text(text, report_id=path.stem)
    raise InputFormatError(f"unsupported report type {path.suffix!r} for {path}; use .txt or .pdf")


def _extract(args: argparse.Namespace) -> int:
    output: Path = args.output
    suffix = output.suffix.lower()
    if suffix not in _OUTPUT_SUFFIXES:
        raise InputFormatError(
            f"unsupported output type {output.suffix!r}; use one of: {', '.join(_OUTPUT_SUFFIXES)}"
        )
    geo = suffix in (".geojson", ".gpkg")
    if geo or args.geocode:
        try:
            import syria_geo.geocode  # noqa: F401
        except ImportError:
            raise InputFormatError(
                f"{suffix} output needs coordinates but the geocoder (syria_geo.geocode) is not "
                "available; write .csv instead"
            ) from None
    frames: list[pd.DataFrame] = []
    for path in args.reports:
        frame = _read(path)
        if frame.empty:
            reason = frame.attrs.get("reason", "no incidents found")
            print(f"syria-geo: {path}: 0 incidents ({reason})", file=sys.stderr)
        else:
            print(f"syria-geo: {path}: {len(frame)} incidents", file=sys.stderr)
        frames.append(frame)
    table = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    table.attrs = {}
    if geo or args.geocode:
        from syria_geo.geocode import geocode_frame

        table = geocode_frame(table, "place_text", governorate_column="section_governorate")
    if not geo:
        _write_csv(table, output)
        print(f"syria-geo: wrote {len(table)} rows to {output}", file=sys.stderr)
        return 0
    from syria_geo.export import to_geojson, to_gpkg

    if suffix == ".geojson":
        to_geojson(table, output)
    else:
        to_gpkg(table, output, aggregates=[])
    located = int((table["lon"].notna() & table["lat"].notna()).sum())
    print(
        f"syria-geo: wrote {len(table)} rows ({located} with coordinates) to {output}",
        file=sys.stderr,
    )
    return 0


def _write_csv(table: pd.DataFrame, output: Path) -> None:
    """Write incidents as CSV, atomically.

    A geocoded table goes through :func:`syria_geo.export.to_csv`; without coordinates the
    columns are written as they are (no empty ``lon``/``lat`` columns, so that a reader
    still geocodes ``place_text``), with every cell quoted when one holds a lone carriage
    return (which ``csv`` leaves unquoted and which would split the row when read back).
    """
    from syria_geo.export import _has_carriage_return, to_csv

    if {"lon", "lat"} <= set(table.columns):
        to_csv(table, output)
        return
    quoting: Literal[0, 1] = csv.QUOTE_ALL if _has_carriage_return(table) else csv.QUOTE_MINIMAL
    with atomic_path(output) as tmp:
        table.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n", quoting=quoting)


def _reconcile(args: argparse.Namespace) -> int:
    path: Path = args.report
    if path.suffix.lower() not in (*_TEXT_SUFFIXES, ".pdf"):
        raise InputFormatError(
            f"unsupported report type {path.suffix!r} for {path}; use .txt or .pdf"
        )
    result = reconcile(path)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(result.to_text())
    return 0
