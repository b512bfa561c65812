"""``syria-geo gazetteer search|show``: look places up in the shipped gazetteer."""

from __future__ import annotations

import argparse
import json
import math
from typing import Any

import pandas as pd

from syria_geo.gazetteer import PLACE_LEVELS, place_from_id, places_from_name


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``gazetteer`` command and its sub-commands."""
    gaz = subparsers.add_parser("gazetteer", help="search the shipped gazetteer of Syria")
    sub = gaz.add_subparsers(dest="gazetteer_command", metavar="ACTION", required=True)

    search = sub.add_parser(
        "search",
        help="fuzzy search by name (Latin or Arabic script)",
        description="Fuzzy search by name in Latin or Arabic script; one line per hit, best first.",
    )
    search.add_argument("name", help='place name, e.g. "Khan Shaikhoun" or "خان شيخون"')
    search.add_argument("--limit", type=_positive_int, default=10, help="maximum hits (default 10)")
    search.add_argument(
        "--level", action="append", choices=PLACE_LEVELS, help="restrict to a level (repeatable)"
    )
    search.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    search.set_defaults(func=_search)

    show = sub.add_parser(
        "show", help="show one entry by id (C-code, N-code, P-code, W-id or gn:ID)"
    )
    show.add_argument("id", help="gazetteer or source id, e.g. C3987, N0219, SY070201, gn:168325")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=_show)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid positive integer {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"invalid positive integer {text!r}")
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _search(args: argparse.Namespace) -> int:
    found = places_from_name(args.name, limit=args.limit, levels=args.level)
    hits = pd.DataFrame(found.drop(columns="geometry"))  # lon/lat stay as columns
    if hits.empty:
        print(f"no gazetteer entry matches {args.name!r}")
        return 1
    if args.json:
        for rec in hits.to_dict(orient="records"):
            print(json.dumps({k: _jsonable(v) for k, v in rec.items()}, ensure_ascii=False))
        return 0
    for hit in hits.to_dict(orient="records"):
        sub_district = f"{hit['adm3_en']} ({hit['adm3_pcode']})" if hit["adm3_pcode"] else "-"
        governorate = f"{hit['adm1_en']} ({hit['adm1_pcode']})" if hit["adm1_pcode"] else "-"
        print(
            f"{hit['id']}\t{hit['level']}\t{hit['name_en']}\t{hit['name_ar'] or '-'}\t"
            f"{sub_district}\t{governorate}\t{hit['score']:.2f}"
        )
    return 0


def _show(args: argparse.Namespace) -> int:
    place = place_from_id(args.id).drop(labels="geometry")
    record = {str(k): _jsonable(v) for k, v in place.items()}
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return 0
    width = max(len(k) for k in record)
    for key, value in record.items():
        if isinstance(value, list):
            value = " | ".join(value)
        elif value is None or (isinstance(value, str) and not value) or value is pd.NA:
            value = "-"
        print(f"{key:<{width}}  {value}")
    return 0
