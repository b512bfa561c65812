"""``syria-geo extract``, ``reconcile`` and ``summary``: incidents and figures from SNHR reports."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

import pandas as pd

from syria_geo.core import atomic_path
from syria_geo.errors import InputFormatError, ReportParseError, SyriaGeoWarning
from syria_geo.reports import (
    incidents_from_pdf,
    incidents_from_text,
    reconcile,
    summary_from_text,
    text_from_pdf,
)
from syria_geo.vocabulary import extensions_of, format_of

_TEXT_SUFFIXES = (".txt", ".md", ".text")
#: Formats ``extract`` writes (extensions from :data:`syria_geo.vocabulary.EXTENSIONS`).
_OUTPUT_FORMATS = ("csv", "geojson", "gpkg", "parquet")


def _extract_description() -> str:
    """What ``extract`` does and the columns it writes, from the lists that define them."""
    from syria_geo.geocoding import GEOCODE_COLUMNS
    from syria_geo.incidents import POINT_REASON
    from syria_geo.reports import COLUMNS

    return (
        "Extract one row per incident (massacre or other dated killing) from SNHR monthly "
        "reports (.txt or .pdf), in document order. CSV output needs nothing else; GeoJSON, "
        "GeoPackage and GeoParquet output (and CSV with --geocode) geocode the place of each "
        f"incident. Columns: {', '.join(COLUMNS)}; when geocoded also "
        f"{', '.join(GEOCODE_COLUMNS)} and {POINT_REASON} (why a row has no point; such rows "
        "are kept, with no geometry and empty lon/lat)."
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``extract``, ``reconcile`` and ``summary`` commands."""
    extract = subparsers.add_parser(
        "extract",
        help="extract incidents from SNHR monthly reports",
        description=_extract_description(),
    )
    extract.add_argument("reports", nargs="+", type=Path, help="report files (.txt or .pdf)")
    extract.add_argument(
        "--output",
        "-o",
        required=True,
        type=Path,
        help="output file: incidents.csv, incidents.geojson, incidents.gpkg or incidents.parquet",
    )
    extract.add_argument(
        "--geocode",
        action="store_true",
        help="also geocode CSV output (GeoJSON, GeoPackage and GeoParquet output is always "
        "geocoded)",
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

    summ = subparsers.add_parser(
        "summary",
        help="read the figures printed in SNHR reports' summaries",
        description=(
            "Read every figure printed in the summaries of SNHR reports (.txt or .pdf; "
            "monthly massacre and death-toll reports, 2014-2022): one row per figure with "
            "report_id, period, measure, perpetrator, adm1_pcode, value, span_start, span_end "
            "and warnings (a total the report's own lines contradict is kept and flagged)."
        ),
    )
    summ.add_argument("reports", nargs="+", type=Path, help="report files (.txt or .pdf)")
    summ.add_argument(
        "--output", "-o", type=Path, help="output file (figures.csv, or .json with --json)"
    )
    summ.add_argument(
        "--json", action="store_true", help="write JSON records (to stdout without --output)"
    )
    summ.set_defaults(func=_summary_command)


def _read(path: Path) -> pd.DataFrame:
    if path.suffix.lower() == ".pdf":
        return incidents_from_pdf(path)
    return incidents_from_text(_report_text(path), report_id=path.stem)


def _report_text(path: Path) -> str:
    """The text of a .txt/.md or .pdf report, with a clear error for anything else."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return text_from_pdf(path)
    if suffix in _TEXT_SUFFIXES:
        if not path.is_file():
            raise InputFormatError(f"report file not found: {path}")
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ReportParseError(f"{path} is not UTF-8 text") from exc
    raise InputFormatError(f"unsupported report type {path.suffix!r} for {path}; use .txt or .pdf")


def _summary_command(args: argparse.Namespace) -> int:
    output: Path | None = args.output
    if output is None and not args.json:
        raise InputFormatError("summary needs --output figures.csv (or --json for stdout)")
    if output is not None:
        wanted = ".json" if args.json else ".csv"
        if output.suffix.lower() != wanted:
            raise InputFormatError(
                f"unsupported output type {output.suffix!r} for {output}; use {wanted}"
                + ("" if args.json else " (or --json with a .json file)")
            )
    frames: list[pd.DataFrame] = []
    for path in args.reports:
        frame = summary_from_text(_report_text(path), report_id=path.stem)
        flagged = frame[frame["warnings"] != ""]
        reason = f" ({frame.attrs['reason']})" if frame.empty else ""
        print(f"syria-geo: {path}: {len(frame)} figures{reason}", file=sys.stderr)
        for row in flagged.to_dict("records"):
            where = row["adm1_pcode"] or "Syria"
            warnings.warn(
                f"{path}: {row['measure']} {row['perpetrator']} {where} = {row['value']} "
                f"(characters {row['span_start']}-{row['span_end']}): {row['warnings']}",
                SyriaGeoWarning,
                stacklevel=2,
            )
        frames.append(frame)
    _warn_duplicate_reports(args.reports, frames)
    table = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    table.attrs = {}
    if args.json:
        text = table.to_json(orient="records", force_ascii=False, indent=2) + "\n"
        if output is None:
            sys.stdout.write(text)
            return 0
        with atomic_path(output) as tmp:
            Path(tmp).write_text(text, encoding="utf-8")
    elif output is not None:  # always set without --json (checked above)
        with atomic_path(output) as tmp:
            table.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
    print(f"syria-geo: wrote {len(table)} figures to {output}", file=sys.stderr)
    return 0


def _extract(args: argparse.Namespace) -> int:
    output: Path = args.output
    fmt = format_of(output)
    if fmt not in _OUTPUT_FORMATS:
        raise InputFormatError(
            f"unsupported output type {output.suffix!r}; use one of: "
            + ", ".join(extensions_of(*_OUTPUT_FORMATS))
        )
    geo = fmt != "csv"
    frames: list[pd.DataFrame] = []
    for path in args.reports:
        frame = _read(path)
        if frame.empty:
            reason = frame.attrs.get("reason", "no incidents found")
            print(f"syria-geo: {path}: 0 incidents ({reason})", file=sys.stderr)
        else:
            print(f"syria-geo: {path}: {len(frame)} incidents", file=sys.stderr)
        _warn_extraction(path, frame)
        frames.append(frame)
    _warn_duplicate_reports(args.reports, frames)
    table = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    table.attrs = {}
    if geo or args.geocode:
        from syria_geo.geocoding import geocode_frame

        # as incidents_from_text(geocode=True) does: the heading is the governorate and context
        table = geocode_frame(
            table,
            "place_text",
            governorate_column="section_governorate",
            context_column="section_governorate",
        )
    if not geo:
        _write_csv(table.drop(columns="geometry", errors="ignore"), output)  # lon/lat stay
        print(f"syria-geo: wrote {len(table)} rows to {output}", file=sys.stderr)
        return 0
    from syria_geo.io import to_geojson, to_gpkg, to_parquet

    if fmt == "geojson":
        to_geojson(table, output)
    elif fmt == "parquet":
        to_parquet(table, output)
    else:
        to_gpkg(table, output, aggregates=[])
    located = int((table["lon"].notna() & table["lat"].notna()).sum())
    print(
        f"syria-geo: wrote {len(table)} rows ({located} with coordinates) to {output}",
        file=sys.stderr,
    )
    return 0


_MAX_WARNING_LINES = 20


def _warn_extraction(path: Path, frame: pd.DataFrame) -> None:
    """One warning line per skipped dated paragraph and per row with unreadable fields."""
    lines = [
        f"{path}: dated paragraph at characters {s['span_start']}-{s['span_end']} not "
        f"extracted: {s['reason']}"
        for s in frame.attrs.get("skipped", [])
    ]
    if "extract_warnings" in frame.columns:
        for row in frame[frame["extract_warnings"].fillna("").astype(str) != ""].itertuples():
            lines.append(
                f"{path}: incident {row.seq} (characters {row.span_start}-{row.span_end}) is "
                f"kept but: {row.extract_warnings}"
            )
    for line in lines[:_MAX_WARNING_LINES]:
        warnings.warn(line, SyriaGeoWarning, stacklevel=2)
    if len(lines) > _MAX_WARNING_LINES:
        warnings.warn(
            f"{path}: {len(lines) - _MAX_WARNING_LINES:,} more extraction warnings (see the "
            "extract_warnings column)",
            SyriaGeoWarning,
            stacklevel=2,
        )


def _warn_duplicate_reports(paths: list[Path], frames: list[pd.DataFrame]) -> None:
    """Warn when the same report (same file, or the same text) is given twice; rows are kept."""
    seen: dict[object, Path] = {}
    for path, frame in zip(paths, frames, strict=True):
        keys: list[object] = [("path", path.resolve())]
        if not frame.empty:
            keys.append(("rows", frame.drop(columns="report_id").to_csv(index=False)))
        earlier = next((seen[k] for k in keys if k in seen), None)
        if earlier is not None:
            same = (
                "the same file as" if earlier.resolve() == path.resolve() else "the same report as"
            )
            warnings.warn(
                f"{path} is {same} {earlier}; its {len(frame):,} incident(s) are written again "
                "(all rows are kept, check for a duplicated input)",
                SyriaGeoWarning,
                stacklevel=2,
            )
        for key in keys:
            seen.setdefault(key, path)


def _write_csv(table: pd.DataFrame, output: Path) -> None:
    """Write incidents as CSV, atomically, with :func:`syria_geo.io.writers.to_csv`.

    Without coordinates the columns are written as they are (no empty ``lon``/``lat``
    columns, so that a reader still geocodes ``place_text``); "=HYPERLINK(…)" in report
    text is escaped so that a spreadsheet does not run it.
    """
    from syria_geo.io import to_csv

    to_csv(table, output)


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
