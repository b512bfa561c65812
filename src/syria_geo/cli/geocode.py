"""``syria-geo geocode``: geocode one description or a CSV column."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from syria_geo.cli.join import add_keep_formulas, formulas_mode
from syria_geo.core import read_csv_text, write_csv_atomic
from syria_geo.errors import InvalidParameterError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``geocode`` command."""
    p = subparsers.add_parser(
        "geocode",
        help="geocode a place description or a CSV column against the gazetteer",
        description=_description(),
    )
    p.add_argument("text", nargs="?", help="place description or name (Latin or Arabic script)")
    p.add_argument("--governorate", help="governorate the place is in (name or P-code SY01..SY14)")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--input", type=Path, help="CSV file to geocode (UTF-8 unless --input-encoding)")
    p.add_argument(
        "--input-encoding",
        default="utf-8",
        help="text encoding of --input (default utf-8, a byte-order mark is accepted; "
        "e.g. cp1256 for Arabic saved by Windows/Excel, utf-16)",
    )
    p.add_argument("--column", help="column of --input with the place descriptions")
    p.add_argument(
        "--output", "-o", type=Path, help="CSV file to write (UTF-8, replaced atomically)"
    )
    p.add_argument("--governorate-column", help="column of --input with each row's governorate")
    p.add_argument(
        "--context",
        help="the place the document is about (a heading or dateline, e.g. 'Deir ez-Zor city'), "
        "used as the container of a bare name",
    )
    p.add_argument(
        "--context-column",
        help="column of --input with each row's context (its document's heading or dateline)",
    )
    p.add_argument(
        "--extra-places",
        type=Path,
        metavar="CSV",
        help="your own places (name, name_ar, lon, lat, kind, parent), found like shipped ones; "
        "bad rows are left out with a warning naming each",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument(
        "--excel",
        "--bom",
        action="store_true",
        help="write --output with a UTF-8 byte-order mark, so Excel shows Arabic correctly",
    )
    add_keep_formulas(p)
    p.set_defaults(func=_run)


def _description() -> str:
    """What ``geocode`` does and the columns it appends, from the list that defines them."""
    from syria_geo.geocoding import GEOCODE_COLUMNS

    return (
        'Geocode one description (syria-geo geocode "Hawwar town, western suburbs of Aleppo") '
        "or every row of a CSV column (--input IN.csv --column COL --output OUT.csv); every "
        f"input row and column is kept and {', '.join(GEOCODE_COLUMNS)} are appended (lon, "
        "lat: WGS84 degrees, empty where no point is given). Exit status 1 when a single "
        "description is not matched."
    )


def _run(args: argparse.Namespace) -> int:
    from syria_geo.gazetteer import gazetteer_table
    from syria_geo.geocoding import geocode, geocode_frame

    # the geocoder reads lon/lat: a plain frame spares making a point per user place
    gazetteer = gazetteer_table(args.extra_places) if args.extra_places is not None else None
    if args.input is not None:
        if args.text is not None:
            raise InvalidParameterError("give either TEXT or --input, not both")
        if args.context is not None:
            raise InvalidParameterError("with --input, give the context as --context-column")
        if not args.column or not args.output:
            raise InvalidParameterError("--input needs --column and --output")
        if args.output.suffix.lower() != ".csv":
            raise InvalidParameterError(
                f"--output must be a .csv file (geocode writes CSV), got {str(args.output)!r}"
            )
        df = read_csv_text(args.input, args.input_encoding, keep_empty=True)
        out = geocode_frame(
            df,
            args.column,
            governorate_column=args.governorate_column,
            context_column=args.context_column,
            gazetteer=gazetteer,
            progress=False if args.no_progress else None,
        )
        # the CSV keeps lon/lat; the point geometry is not a column of its own
        write_csv_atomic(
            out.drop(columns="geometry"),
            args.output,
            encoding="utf-8-sig" if args.excel else "utf-8",
            formulas=formulas_mode(args),
        )
        counts = out["geo_status"].value_counts()
        summary = ", ".join(
            f"{k} {int(counts.get(k, 0))}" for k in ("matched", "ambiguous", "unmatched", "error")
        )
        print(f"wrote {len(out)} rows to {args.output} ({summary})", file=sys.stderr)
        return 0
    if args.text is None:
        raise InvalidParameterError("give a place description, or --input/--column/--output")
    if args.context_column is not None:
        raise InvalidParameterError("--context-column needs --input (one text takes --context)")
    result = geocode(
        args.text, governorate=args.governorate, context=args.context, gazetteer=gazetteer
    )
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        rec = result.to_record()
        fields = (
            "geo_status", "geo_id", "geo_name", "geo_name_ar", "geo_level", "geo_precision",
            "geo_score", "lon", "lat", "adm3_pcode", "adm3_name", "adm1_name", "geo_reason", "geo_warnings",
            "geo_source",
        )  # fmt: skip
        for key in fields:
            print(f"{key}\t{rec[key]}")
    return 0 if result.status == "matched" else 1
