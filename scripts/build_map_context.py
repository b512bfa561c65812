"""Derive the maps' geographic context from Natural Earth: neighbouring countries, sea, coast.

Run from the repository root (``make vendor`` runs it after copying the npm files)::

    python scripts/build_map_context.py [--check]

Input: ``src/syria_geo/maps/vendor/world-atlas/countries-50m.json``, Natural Earth's admin-0
countries at 1:50m (version 4.1.0, public domain) as TopoJSON, from the npm package
``world-atlas`` pinned in package-lock.json (vendored, with its sha256 checked against
``vendor/manifest.json``), and Syria's outline as the maps draw it,
``boundaries/adm0_simplified.geojson`` (UN OCHA).

Output: ``src/syria_geo/maps/data/context.geojson``, a GeoJSON FeatureCollection (EPSG:4326,
longitude first) inside the box :data:`BOX` around Syria, with a ``kind`` property:

``country``
    One feature per Natural Earth country (English ``name`` as Natural Earth writes it),
    clipped to the box, simplified as one coverage (shared borders stay shared) and cut
    along Syria's OCHA outline, so that a neighbour never covers Syria and no gap opens
    between them: the strips of Natural Earth's Syria outside OCHA's outline go to the
    neighbour within 5 km of them (strips along the coast further from a border become sea).
``sea``
    The box minus all land (Natural Earth's countries and OCHA's Syria): the Mediterranean,
    and the parts of the Black Sea, Caspian, Gulf and Red Sea inside the box.
``coast``
    The line between land and sea (the sea's outline without the box's edges).
``sea_label``
    The English name of the sea off Syria's coast, the part of the box where its label may
    go (``region``: west, south, east, north) and the point farthest from the coast there.

Foreign member ``syria_geo`` records the inputs' sha256, the box and the tolerance, so a
test can rebuild the file and compare bytes.  Nothing is downloaded.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import box, mapping, shape
from shapely.ops import polylabel

ROOT = Path(__file__).resolve().parents[1]
TOPOJSON = ROOT / "src" / "syria_geo" / "maps" / "vendor" / "world-atlas" / "countries-50m.json"
SYRIA = ROOT / "boundaries" / "adm0_simplified.geojson"
OUTPUT = ROOT / "src" / "syria_geo" / "maps" / "data" / "context.geojson"

#: West, south, east, north (degrees): every view the maps allow stays inside it.
BOX = (26.0, 27.0, 51.0, 43.0)
#: Douglas-Peucker tolerance of the coverage simplification, degrees (~1 km).
TOLERANCE = 0.01
#: How far from a neighbour a strip between the two outlines is given to it, degrees (~5 km).
REACH = 0.05
#: Coordinates are written on this grid, degrees (~11 m).
GRID = 1e-4
#: Named seas: (name, the part of the box where its label may go).
SEAS = (("Mediterranean Sea", (32.0, 33.0, 35.6, 36.2)),)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs in degrees (delta-decoded and de-quantised)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One ring from arc indexes (``~i`` is arc ``i`` reversed); shared end points once."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def countries(path: Path) -> list[tuple[str, Any]]:
    """(name, shapely geometry) of every country of a world-atlas TopoJSON file."""
    topology = json.loads(path.read_text("utf-8"))
    arcs = _decode_arcs(topology)
    out = []
    for geom in topology["objects"]["countries"]["geometries"]:
        if geom["type"] == "Polygon":
            polygons = [geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            polygons = geom["arcs"]
        else:
            continue  # a few tiny territories have no geometry
        parts = [
            shapely.Polygon(_ring(rings[0], arcs), [_ring(r, arcs) for r in rings[1:]])
            for rings in polygons
        ]
        out.append((geom["properties"]["name"], shapely.make_valid(shapely.MultiPolygon(parts))))
    return out


def _polygonal(geom: Any) -> Any:
    """Only the polygons of a geometry (clipping can leave lines and points)."""
    parts = [
        g for g in shapely.get_parts(geom) if isinstance(g, shapely.Polygon) and not g.is_empty
    ]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def derive(topojson: Path = TOPOJSON, syria_path: Path = SYRIA) -> dict[str, Any]:
    """The context FeatureCollection (see the module documentation)."""
    frame = box(*BOX)
    syria = shapely.union_all(
        [shape(f["geometry"]) for f in json.loads(syria_path.read_text("utf-8"))["features"]]
    )
    clipped = [
        (name, _polygonal(shapely.intersection(geom, frame))) for name, geom in countries(topojson)
    ]
    clipped = [(name, geom) for name, geom in clipped if not geom.is_empty]
    names = [name for name, _ in clipped]
    simplified = shapely.coverage_simplify([g for _, g in clipped], TOLERANCE)
    shapes = dict(zip(names, (_polygonal(g) for g in simplified), strict=True))
    natural_earth_syria = shapes.pop("Syria")
    shapes = {name: _polygonal(geom.difference(syria)) for name, geom in shapes.items()}
    # strips of Natural Earth's Syria outside OCHA's outline: to the neighbours they border,
    # within REACH of them (a strip along the coast away from a border becomes sea)
    strips = _polygonal(natural_earth_syria.difference(syria))
    for name in sorted(shapes):
        near = _polygonal(strips.intersection(shapes[name].buffer(REACH)))
        if not near.is_empty:
            shapes[name] = _polygonal(shapes[name].union(near))
            strips = _polygonal(strips.difference(near))
    land = shapely.union_all([*shapes.values(), syria])
    sea = _polygonal(frame.difference(land))
    coast = shapely.line_merge(sea.boundary.difference(frame.exterior.buffer(1e-9)))
    features: list[dict[str, Any]] = []

    def add(kind: str, name: str, geom: Any, **extra: Any) -> None:
        geom = shapely.set_precision(geom, GRID)
        if geom.is_empty:
            return
        features.append({"type": "Feature", "properties": {"kind": kind, "name": name, **extra},
                         "geometry": _rounded(mapping(geom))})  # fmt: skip

    for name in sorted(shapes):
        add("country", name, shapes[name])
    add("sea", "", sea)
    add("coast", "", coast)
    for name, window in SEAS:
        part = _polygonal(sea.intersection(box(*window)))
        add("sea_label", name, polylabel(part, 0.01), region=list(window))
    return {
        "type": "FeatureCollection",
        "syria_geo": {
            "about": "Context of the maps (neighbouring countries, sea, coast line), derived "
            "by scripts/build_map_context.py; Natural Earth data is in the public domain.",
            "inputs": {
                "src/syria_geo/maps/vendor/world-atlas/countries-50m.json": _sha256(topojson),
                "boundaries/adm0_simplified.geojson": _sha256(syria_path),
            },
            "box": list(BOX),
            "tolerance": TOLERANCE,
            "grid": GRID,
        },
        "features": features,
    }


def _rounded(obj: Any) -> Any:
    """Coordinates as lists of numbers rounded to the grid (no float noise in the file)."""
    if isinstance(obj, float):
        return round(obj, 4)
    if isinstance(obj, list | tuple):
        return [_rounded(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _rounded(v) for k, v in obj.items()}
    return obj


def render(collection: dict[str, Any]) -> str:
    """The file's text: one feature per line, so that a change reads as a small diff."""
    head = {k: v for k, v in collection.items() if k != "features"}
    lines = [
        json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]
    ]
    text = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    return text + ',\n "features": [\n' + ",\n".join(lines) + "\n ]\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="rebuild in memory and fail if the shipped file differs")  # fmt: skip
    args = parser.parse_args(argv)
    text = render(derive())
    if args.check:
        same = OUTPUT.is_file() and OUTPUT.read_text("utf-8") == text
        print(f"{OUTPUT}: {'up to date' if same else 'DIFFERS from a rebuild'}", file=sys.stderr)
        return 0 if same else 1
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, "utf-8")
    print(f"wrote {OUTPUT} ({len(text.encode()):,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
