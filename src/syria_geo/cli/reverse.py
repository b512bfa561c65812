"""``syria-geo reverse``: the units, neighbourhood and nearest community of a point."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from syria_geo.errors import InvalidParameterError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``reverse`` command."""
    p = subparsers.add_parser(
        "reverse",
        help="reverse-geocode a point (LAT LON) or a CSV of points",
        description=_description(),
    )
    p.add_argument("lat", nargs="?", type=float, help="latitude (WGS84 degrees)")
    p.add_argument("lon", nargs="?", type=float, help="longitude (WGS84 degrees)")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--input", type=Path, help="CSV file of points (UTF-8 unless --input-encoding)")
    p.add_argument("--input-encoding", default="utf-8", help="text encoding of --input")
    p.add_argument("--output", type=Path, help="CSV file to write (replaced atomically)")
    p.add_argument("--lat-column", default="lat", help="latitude column of --input (default lat)")
    p.add_argument("--lon-column", default="lon", help="longitude column of --input (default lon)")
    p.add_argument(
        "--excel",
        action="store_true",
        help="write the CSV with a UTF-8 byte-order mark, so Excel shows Arabic correctly",
    )
    p.set_defaults(func=_run)


def _description() -> str:
    """What ``reverse`` does and the columns it appends, from the list that defines them."""
    from syria_geo.geocoding import REVERSE_COLUMNS

    return (
        "Reverse-geocode one point (syria-geo reverse 33.5706 36.4046: LAT LON, latitude "
        "first, as people write it; the Python API takes lon, lat) or every row of a CSV "
        "(--input IN.csv --output OUT.csv, columns lat/lon unless --lat-column/--lon-column): "
        "ADM1-ADM3 units, neighbourhood and nearest OCHA community with its distance. Every "
        f"input row and column is kept and {', '.join(REVERSE_COLUMNS)} are appended. Exit "
        "status 1 when a single point is not matched."
    )


def _run(args: argparse.Namespace) -> int:
    from syria_geo.geocoding import reverse, reverse_frame

    if args.input is not None:
        from syria_geo.core import read_csv_text, write_csv_atomic

        if args.lat is not None:
            raise InvalidParameterError("give either LAT LON or --input, not both")
        if args.output is None:
            raise InvalidParameterError("--input needs --output")
        table = read_csv_text(args.input, args.input_encoding, keep_empty=True)
        out = reverse_frame(table, lon_column=args.lon_column, lat_column=args.lat_column)
        encoding = "utf-8-sig" if args.excel else "utf-8"
        write_csv_atomic(out.drop(columns="geometry"), args.output, encoding=encoding)
        n_ok = int((out["rev_status"] == "matched").sum())
        print(
            f"wrote {len(out)} rows to {args.output} (matched {n_ok}, unmatched {len(out) - n_ok})",
            file=sys.stderr,
        )
        return 0
    if args.lat is None or args.lon is None:
        raise InvalidParameterError("give LAT LON (latitude first), or --input/--output")
    result = reverse(args.lon, args.lat)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        for key, value in result.to_dict().items():
            print(f"{key}\t{'' if value is None else value}")
    return 0 if result.status == "matched" else 1
