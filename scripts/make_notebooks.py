"""Write the example notebooks in notebooks/, executed, with their outputs.

Run from the repository root after editing a notebook's cells here (``make notebooks``):

    .venv/bin/python scripts/make_notebooks.py

Each notebook is executed in a fresh kernel in an empty temporary folder, and its outputs
are made the same on every run (:func:`normalized`: Folium's random element ids become
numbered ids, no timing metadata), so the committed files change only when what they show
changes; a reader on a code host sees every table, figure and map.  tests/test_notebooks.py
executes them again and compares.  Cells tagged (``metadata.tags``) are the ones the test
reads facts from.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
CELL_TIMEOUT = 180  # seconds, per cell (a notebook takes ~10 s on the development machine)
KERNEL = "python3"

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python", "pygments_lexer": "ipython3"}


def md(text: str) -> nbformat.NotebookNode:
    return new_markdown_cell(text.strip("\n"))


def code(text: str, *tags: str) -> nbformat.NotebookNode:
    cell = new_code_cell(text.strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


QUICKSTART = [
    md("""
# syria_geo quick start: from place descriptions to a map

Incident reports describe places the way people talk about them: *"Al Sukkari neighborhood,
Aleppo city"*, *"Hawwar town, western suburbs of Aleppo governorate"*, a village *"which
administratively follows"* a larger town, or just a name in Arabic script. This notebook shows
how `syria_geo` turns such descriptions into points and admin units, and how to tell a sure
match from a doubtful one.

Everything runs offline: the gazetteer (about 14,000 places with English and Arabic names and
OCHA P-codes) and the boundaries ship with the package. Nothing is downloaded.
"""),
    code("""
import pandas as pd

import syria_geo
from syria_geo import geocode, geocode_frame

pd.set_option("display.max_colwidth", 80)
syria_geo.__version__
"""),
    md("""
## One description, one result

`geocode` always returns a `GeocodeResult` (an immutable record), never an exception for bad
input. The fields to read first:

* `status`: `matched`, `ambiguous` (several places fit equally well), `unmatched` or
  `error` (the value is no description: not text, or too long for one);
* `precision`: 1 = the named place itself, 2 = placed at a parent or nearby named place,
  3 = only an admin unit is known (its centre);
* `reason`, `rule` and `warnings`: why this answer, in words; **read the warnings before
  using a point**;
* `candidates`: the other gazetteer entries that were considered, with their scores.
"""),
    code(
        """
r = geocode("Al Sukkari neighborhood, Aleppo city")
print(r.status, r.id, r.name_en, r.name_ar, f"precision={r.precision}")
print("sub-district:", r.adm3_pcode, r.adm3_name)
print("point (lon, lat):", round(r.lon, 5), round(r.lat, 5), f"± {r.uncertainty_km} km")
print("rule:", r.rule, "|", r.reason)
r.candidates
""",
        "first-geocode",
    ),
    md("""
## Latin or Arabic script

Transliterations differ from report to report (*Khan Shaikhoun*, *Khan Sheikhoun*,
*Khan Shaykhun*). Names in both scripts are compared on a common consonant skeleton, so the
Arabic name finds the same gazetteer entry.
"""),
    code(
        """
pair = [geocode("Khan Shaikhoun"), geocode("خان شيخون")]
pd.DataFrame([res.to_record() for res in pair])[
    ["geo_status", "geo_id", "geo_name", "geo_name_ar", "geo_precision", "geo_score", "adm3_name"]
]
""",
        "scripts",
    ),
    md("""
## The shapes descriptions take

A small helper puts the fields that matter side by side. The examples are:

1. a town in the suburbs of a governorate;
2. a village "which administratively follows" a town: the village is searched inside the
   town's district;
3. a neighbourhood the gazetteer does not know: placed at the city that contains it, at
   precision 2, with a warning;
4. a description that names the wrong governorate: the only good match is kept, with a
   warning naming both governorates;
5. a place outside Syria: `unmatched` with the reason, and no coordinates (never 0,0).
"""),
    code(
        """
def summary(results):
    rows = []
    for res in results:
        rows.append({
            "query": res.query,
            "status": res.status,
            "id": res.id,
            "name": f"{res.name_en} / {res.name_ar}" if res.id else "",
            "adm1": res.adm1_name,
            "precision": res.precision,
            "uncertainty_km": res.uncertainty_km,
            "rule": res.rule,
            "warnings": "; ".join(res.warnings),
            "reason": res.reason,
        })
    return pd.DataFrame(rows)


examples = [
    "Hawwar town, western suburbs of Aleppo governorate",
    "Al Mrashda village, which administratively follows Al Bokamal city, Deir Ez-Zour governorate",
    "Bab Al Nayrab neighborhood, Aleppo city",
    "Hwayyer al Eis village, Idlib governorate",
    "Gaziantep city",
]
summary([geocode(text) for text in examples])
""",
        "shapes",
    ),
    md("""
## Ambiguous names: give the context you know

Many village names exist in several governorates. Without context the geocoder does not
guess: the result is `ambiguous`, and `candidates` lists the places that fit. The governorate,
if the report gives it, settles the question.
"""),
    code(
        """
alone = geocode("Al Hamra village")
print(alone.status, "-", alone.reason)
pd.DataFrame(
    [(c.id, c.name_en, c.name_ar, c.adm1_pcode, round(c.score, 3)) for c in alone.candidates],
    columns=["id", "name_en", "name_ar", "adm1_pcode", "score"],
)
""",
        "ambiguous",
    ),
    code(
        """
summary([geocode("Al Hamra village", governorate="Hama")])
""",
        "with-governorate",
    ),
    md("""
## A whole table at once

`geocode_frame` appends the geocoder's columns (`geo_status`, `geo_id`, ..., `lon`, `lat`,
the admin units, `geo_warnings`, `geo_rule`, `geo_reason`, `geo_candidates`) to a table.
Every input row comes back, in order: an empty or missing description is `unmatched` with a
reason, a cell that is no description (a number, a page of text) is `error`; none is dropped.
"""),
    code(
        """
reports = pd.DataFrame({
    "place": [
        "Douma city, Eastern Ghouta, Damascus suburbs governorate",
        "Kafr Nabl",
        "Salah Al Din neighborhood, Aleppo city",
        "Al Tayba village",
        "Al Tayba village",
        "",
        None,
        "Beirut",
    ],
    "governorate": [None, "Idlib", None, "Daraa", None, None, None, None],
})
located = geocode_frame(reports, "place", governorate_column="governorate")
located[["place", "governorate", "geo_status", "geo_id", "geo_name", "geo_precision",
         "lon", "lat", "adm1_name", "geo_reason"]]
""",
        "frame",
    ),
    md("""
## The bundled sample and an interactive map

`load_sample_incidents()` returns the incidents extracted from four SNHR monthly reports
(2016-09, 2017-09, 2020-05, 2021-02) and geocoded: one row per incident with the date,
perpetrator, weapon, victims, the place as written, and the geocoder's columns. It holds facts
only, no report text.
"""),
    code(
        """
from syria_geo import load_sample_incidents

incidents = load_sample_incidents()
print(len(incidents), "incidents;", incidents.crs)
incidents[["report_id", "seq", "date", "perpetrator", "place_text", "killed", "geo_id",
           "geo_name", "geo_precision"]].head()
""",
        "sample",
    ),
    md("""
`map_incidents` draws the incidents over a choropleth of governorates (here: people killed),
clustered and coloured by perpetrator, with a month slider; click a marker for its date,
place text, gazetteer entry, precision and source. Shown like this, the map loads Leaflet
from a CDN and OpenStreetMap tiles; `self_contained=True` gives a single HTML file that
needs no network (Leaflet and its plugins ship inside the package, and the shipped
boundaries replace the web tiles). `m.save("map.html")` keeps it.
"""),
    code(
        """
from syria_geo import map_incidents

m = map_incidents(incidents, level="adm1", metric="killed", title="Sample incidents: people killed")
m
""",
        "map",
    ),
]


JOINS = [
    md("""
# Admin units, counts, rates and areas of control

Starting from the bundled sample of geocoded incidents, this notebook:

1. finds the governorate, district and sub-district that contain each point (`join_admin`)
   and compares them with what the report says;
2. counts incidents and victims by governorate, perpetrator and month (`incident_counts`);
3. turns counts into rates per 100,000 residents and per 1,000 km² (`admin_rates`);
4. builds areas of control for a month from dated observations (`control_zones`), joins them
   to the incidents (`join_control`) and measures how often the reports' own statements of
   who controlled a place agree with the other evidence (`control_agreement`);
5. draws a static choropleth for a report or an article.
"""),
    code("""
import pandas as pd

from syria_geo import load_sample_incidents
from syria_geo import admin_rates, incident_counts, join_admin, join_control

pd.set_option("display.max_colwidth", 70)
incidents = load_sample_incidents()
len(incidents)
"""),
    md("""
## Point in polygon: `join_admin`

Each point is tested against the full-resolution OCHA sub-district polygons. The join adds
`join_adm1_pcode` ... `join_adm3_name`, `join_method` (`within`, `snapped` for a point on a
border or just off the coast, `none`), the distance moved and a reason. The geocoder's own
admin columns are kept unchanged, so both can be compared.
"""),
    code(
        """
joined = join_admin(incidents)
joined["join_method"].value_counts()
""",
        "join-method",
    ),
    md("""
### Where the report and the map disagree

`join_governorate_mismatch` is True when the governorate that contains the point differs from
the one the report names, and `<NA>` when the report names none. Such rows deserve a second
look before they are published: either the description or the match may be wrong.
"""),
    code(
        """
cols = ["report_id", "seq", "place_text", "text_governorate", "section_governorate",
        "geo_id", "geo_name", "join_adm1_name", "geo_warnings"]
joined.loc[joined["join_governorate_mismatch"].eq(True), cols]
""",
        "mismatch",
    ),
    code("""
joined.loc[joined["join_governorate_mismatch"].isna(), cols]
"""),
    md("""
## Counting: `incident_counts`

Counts of incidents with the sum of people killed, children and women. Every category
appears, with 0 where nothing happened (all 14 governorates, every month between the first
and the last incident), so a missing row never hides a zero. Incidents without a key are
counted in `attrs["n_unassigned"]`.
"""),
    code(
        """
by_governorate = incident_counts(joined, "adm1")
print("unassigned:", by_governorate.attrs["n_unassigned"])
by_governorate
""",
        "counts-adm1",
    ),
    code("""
incident_counts(joined, "perpetrator").sort_values("killed", ascending=False)
"""),
    code("""
by_month = incident_counts(joined, "month")
print(len(by_month), "months from", by_month["month"].iloc[0], "to", by_month["month"].iloc[-1])
by_month[by_month["incidents"] > 0]
"""),
    md("""
## Rates: `admin_rates`

Raw counts favour populous and large governorates. `admin_rates` adds the population (OCHA
HNO 2017 by default) and the area, and divides: `<measure>_per_100k` residents and
`<measure>_per_1000km2`. Rates are empty (`<NA>`), not zero, where the population is unknown.
The result is a GeoDataFrame with the simplified polygons, ready for mapping.
"""),
    code(
        """
rates = admin_rates(joined, level="adm1")
rates[["pcode", "name_en", "name_ar", "population", "area_km2", "incidents", "killed",
       "killed_per_100k", "incidents_per_1000km2"]].sort_values("killed_per_100k", ascending=False)
""",
        "rates",
    ),
    md("""
## Areas of control for a month: `control_zones`

`control_zones` builds a control layer for a day or a month from dated observations of who
controlled a place: by default the open data shipped with the package, the Wikipedia detailed
map's marks (dated by their content to July 2017) and OCHA's community access snapshots
(which name only ISIS as a controller). Each place's Voronoi cell takes its controller within
a reach adapted to how dense the observations are; bases and hills speak only for their
position. Every row says its sources, method, basis and caveat, and the layer's coverage:
the shares of Syria's area and population with a known controller and how old the evidence is.
"""),
    code(
        """
from syria_geo import control_agreement, control_zones
from syria_geo.reports import with_control_sides

zones = control_zones(month="2017-09")
print(zones.attrs["method"], "-", zones.attrs["n_observations"], "observations")
zones[["controller", "sides", "n_observations", "area_km2", "population",
       "coverage_area_pct", "coverage_population_pct", "freshest_observation"]]
""",
        "zones",
    ),
    md("""
### Joining zones to incidents: `join_control`

The join is *as of* the incident's date: a polygon applies when
`valid_from <= date < valid_to`. The zones above are valid for September 2017, so the
incidents of other months get `unknown` with the reason.
"""),
    code("""
strict = join_control(joined, zones)
strict["zone_reason"].value_counts()
"""),
    md("""
In September 2017, what the reports say against what the zones say:
"""),
    code(
        """
in_month = strict["date"].astype(str).str.startswith("2017-09")
pd.crosstab(
    strict.loc[in_month, "control_text"].fillna("(not stated)"),
    strict.loc[in_month, "zone_controller"],
    rownames=["report says"], colnames=["zone"],
)
""",
        "join-control",
    ),
    md("""
### How far do the reports' statements agree with the other evidence?

`control_agreement` compares each incident's stated controller with the zone of its month
built from all **other** observations (the open data and the other incidents' statements; the
incident's own is left out). Only incidents whose zone is known count as compared; a joint
statement ("armed opposition factions and HTS", its sides read from the report's words)
agrees with a zone of one of its sides.
"""),
    code(
        """
agreement = control_agreement(with_control_sides(joined), period="month")
print(f"agreement rate {agreement.rate:.3f}: {agreement.n_agree} of {agreement.n_compared} compared")
agreement.table["status"].value_counts()
""",
        "agreement",
    ),
    code("""
agreement.table[agreement.table["agree"].eq(False)].join(joined[["report_id", "seq", "place_text"]])
"""),
    md("""
## A static choropleth

`choropleth` returns a matplotlib figure with a classed legend and a source note; pass
`output="killed.pdf"` (or `.png`, `.svg`) to save it. Here: people killed per 100,000
residents by governorate. (`%matplotlib inline` tells Jupyter to show figures as images.)
"""),
    code(
        """
%matplotlib inline
from syria_geo import choropleth

fig = choropleth(joined, level="adm1", metric="per_100k", scheme="natural_breaks", k=4,
                 title="Sample incidents: people killed per 100,000 residents")
fig
""",
        "choropleth",
    ),
]


EXPORTS = [
    md("""
# Exporting for QGIS, Google Earth and other GIS tools

`syria_geo.io` writes the incidents table in seven formats:

| function | format | use |
|---|---|---|
| `to_gpkg` | GeoPackage | QGIS: incidents, per-unit aggregates and areas of control as styled layers of one file; `qgis_project=True` adds a QGIS project |
| `to_geojson` | GeoJSON (RFC 7946) | web maps, sharing |
| `to_parquet` | GeoParquet | large tables, Python/R/DuckDB |
| `to_flatgeobuf` | FlatGeobuf | large files QGIS streams |
| `to_shapefile` | Shapefile | older GIS software (a field map keeps long names and text) |
| `to_kml` | KML | Google Earth: named, dated placemarks, coloured by perpetrator |
| `to_csv` | CSV with `lon`/`lat` | spreadsheets (`encoding="utf-8-sig"` for Excel and Arabic) |

Every row is written, in order; a row without a location has no geometry (null), never a
point at 0,0. Writes are atomic: a failed export never leaves a half-written file.

The files go to a temporary folder here. To keep them, change `out` to a folder of your own.
"""),
    code("""
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from syria_geo import (
    control_zones,
    incidents_from_file,
    join_admin,
    load_sample_incidents,
    to_csv,
    to_geojson,
    to_gpkg,
    to_parquet,
)
from syria_geo.io import to_kml, to_shapefile

pd.set_option("display.width", 120)
tmp = tempfile.TemporaryDirectory(prefix="syria_geo_export_")
out = Path(tmp.name)
incidents = join_admin(load_sample_incidents())
zones = control_zones(month="2017-09")
len(incidents), len(zones)
"""),
    md("""
## Write

The GeoPackage gets the incidents (points), one aggregate layer per admin level (incidents,
killed, children and women as whole numbers, population, area and rates per unit, on the
simplified polygons) and the areas of control; `qgis_project=True` writes
`incidents.qgs` next to it: open that file in QGIS and the layers are there, styled, with the
Temporal Controller set on the incidents' `date`. The GeoJSON and the Shapefile share
`incidents.qml`, the style QGIS applies when it opens either file; the Shapefile's
`incidents.fields.csv` maps its short field names back to the columns.
"""),
    code(
        """
written = {
    "gpkg": to_gpkg(incidents, out / "incidents.gpkg", aggregates=("adm1", "adm2", "adm3"),
                    control=zones, qgis_project=True),
    "geojson": to_geojson(incidents, out / "incidents.geojson"),
    "parquet": to_parquet(incidents, out / "incidents.parquet"),
    "csv": to_csv(incidents, out / "incidents.csv", encoding="utf-8-sig"),
    "shp": to_shapefile(incidents, out / "incidents.shp"),
    "kml": to_kml(incidents, out / "incidents.kml"),
}
pd.DataFrame({"file": [p.name for p in written.values()],
              "bytes": [p.stat().st_size for p in written.values()]}, index=list(written))
""",
        "written",
    ),
    code(
        """
sorted(p.name for p in out.iterdir() if p.is_file())
""",
        "files",
    ),
    md("""
## Read back with GDAL (pyogrio)

`pyogrio` reads through GDAL, the same library QGIS uses, so this is what QGIS will see: the
layers of the GeoPackage with their geometry type, CRS and number of features, and the
fields' types (counts are integers, dates are dates).
"""),
    code(
        """
layers = pyogrio.list_layers(written["gpkg"])
print([str(name) for name in layers[:, 0]])
layers
""",
        "layers",
    ),
    code(
        """
from syria_geo import load_boundaries

expected = {"incidents": len(incidents), "control": len(zones)}
expected.update({level: len(load_boundaries(level)) for level in ("adm1", "adm2", "adm3")})
expected["layer_styles"] = 5  # QGIS styles (layer_styles table): one per layer above
rows = []
for name, geometry_type in layers:
    info = pyogrio.read_info(written["gpkg"], layer=name)
    rows.append({"layer": name, "geometry": geometry_type, "crs": info["crs"],
                 "features": info["features"], "expected": expected[name]})
for fmt in ("geojson", "csv", "shp", "kml"):
    info = pyogrio.read_info(written[fmt])
    rows.append({"layer": written[fmt].name, "geometry": info["geometry_type"],
                 "crs": info["crs"], "features": info["features"], "expected": len(incidents)})
counts = pd.DataFrame(rows)
counts["match"] = counts["features"] == counts["expected"]
counts
""",
        "counts",
    ),
    code(
        """
assert counts["match"].all(), counts[~counts["match"]]
types = {}
for layer in ("incidents", "adm1"):
    info = pyogrio.read_info(written["gpkg"], layer=layer)
    types[layer] = dict(zip(info["fields"], info["dtypes"]))
kml = pyogrio.read_info(written["kml"])
types["kml"] = dict(zip(kml["fields"], kml["dtypes"]))
pd.DataFrame({"incidents (gpkg)": {c: types["incidents"].get(c) for c in ("date", "killed", "geo_score")},
              "adm1 (gpkg)": {c: types["adm1"].get(c) for c in ("date", "killed", "geo_score")},
              "kml": {c: types["kml"].get(c) for c in ("date", "killed", "geo_score")}})
""",
        "field-types",
    ),
    md("""
## Round trip

`incidents_from_file` reads any of these formats back into the incidents table (the format
follows the extension): counts as nullable integers, scores and coordinates as numbers,
dates as `datetime64`, identifiers and P-codes as text. The same rows come back in the same
order.
"""),
    code(
        """
checks = []
for fmt, path in written.items():
    if fmt == "kml":
        continue  # KML is for Google Earth; read it with pyogrio (above)
    back = incidents_from_file(path)
    checks.append({
        "format": fmt,
        "rows": len(back),
        "same geo_id": back["geo_id"].astype(str).tolist() == incidents["geo_id"].astype(str).tolist(),
        "same killed": back["killed"].astype("int64").tolist() == incidents["killed"].astype("int64").tolist(),
        "date dtype": str(back["date"].dtype),
        "max lon/lat difference": float(
            (back[["lon", "lat"]].astype(float) - incidents[["lon", "lat"]].astype(float)).abs().max().max()
        ),
    })
pd.DataFrame(checks)
""",
        "round-trip",
    ),
    md("""
With geopandas alone, name the layer: `gpd.read_file("incidents.gpkg")` warns that the file
has several layers (pyogrio does for any such file) and then reads the first, `incidents`.
"""),
    code(
        """
plain = gpd.read_file(written["gpkg"], layer="incidents")
print(len(plain), plain.crs, plain["date"].dtype)
""",
        "read-file",
    ),
    md("""
## Clean up

This deletes the temporary folder. Skip it (or set `out` to your own folder above) to open the
files: in QGIS, open `incidents.qgs` (*Project > Open*), or add a file with *Layer > Add Layer >
Add Vector Layer*; in Google Earth, open `incidents.kml` and use the time slider.
"""),
    code("""
tmp.cleanup()
out.exists()
"""),
]


def notebook(cells: list[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = dict(LANGUAGE_INFO)
    return nb


NOTEBOOK_CELLS = {
    "01_quickstart.ipynb": QUICKSTART,
    "02_joins_and_rates.ipynb": JOINS,
    "03_export_for_qgis.ipynb": EXPORTS,
}


def kernel_env() -> dict[str, str]:
    """This environment, with relative PYTHONPATH entries made absolute.

    ``PYTHONPATH=src`` is relative to the folder the command started in; the kernel runs
    in a temporary folder, so the entry must be absolute to keep pointing at the checkout.
    With an editable install (``pip install -e .``) no PYTHONPATH is needed at all.
    """
    env = dict(os.environ)
    entries = [e for e in env.get("PYTHONPATH", "").split(os.pathsep) if e]
    if entries:
        env["PYTHONPATH"] = os.pathsep.join(str(Path(e).resolve()) for e in entries)
    return env


def execute(nb: nbformat.NotebookNode, cwd: Path) -> nbformat.NotebookNode:
    """Run every cell of ``nb`` in a fresh kernel in ``cwd``; the outputs are filled in."""
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name=KERNEL,
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute(env=kernel_env())
    return nb


#: Folium (branca) names each element of a map with 32 random hex digits.
_RANDOM_ID = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")
#: An object's default repr shows where it happened to be in memory.
_ADDRESS = re.compile(r"(<[\w.]+ (?:object )?at) 0x[0-9a-f]+>")


def normalized(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` with outputs that are the same on every run (changed in place, returned).

    The random ids become ``00…01``, ``00…02``, … in the order they first appear in the
    notebook (the same id stays the same id, so the map still works); pieces of one
    stream are joined (the kernel splits a print where it flushes); memory addresses in
    reprs (``<folium.folium.Map at 0x7f…>``) become ``0x...``; the kernel's metadata about
    the run is dropped.
    """
    ids: dict[str, str] = {}

    def number(match: re.Match[str]) -> str:
        return ids.setdefault(match[0], f"{len(ids) + 1:032x}")

    def same(text: str) -> str:
        return _ADDRESS.sub(r"\1 0x...>", _RANDOM_ID.sub(number, text))

    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        cell.outputs = _joined_streams(cell.outputs)
        for output in cell.outputs:
            if isinstance(output.get("text"), str):
                output["text"] = same(output["text"])
            for kind, value in output.get("data", {}).items():
                if kind.startswith("text/") and isinstance(value, str):
                    output["data"][kind] = same(value)
    return nb


def _joined_streams(outputs: list[nbformat.NotebookNode]) -> list[nbformat.NotebookNode]:
    """Consecutive pieces of one stream as one output (the kernel splits them as it flushes)."""
    joined: list[nbformat.NotebookNode] = []
    for output in outputs:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and output["output_type"] == previous["output_type"] == "stream"
            and output["name"] == previous["name"]
        ):
            previous["text"] += output["text"]
        else:
            joined.append(output)
    return joined


def built(name: str) -> nbformat.NotebookNode:
    """The notebook ``name`` from its cells here, with stable cell ids, not yet executed."""
    nb = notebook(NOTEBOOK_CELLS[name])
    for position, cell in enumerate(nb.cells):
        cell["id"] = f"{Path(name).stem[:2]}-{position:02d}"  # stable ids: clean diffs
    return nb


def main() -> int:
    NOTEBOOKS.mkdir(exist_ok=True)
    for name in NOTEBOOK_CELLS:
        with tempfile.TemporaryDirectory(prefix="syria_geo_notebook_") as folder:
            nb = normalized(execute(built(name), Path(folder)))
        nbformat.validate(nb)
        path = NOTEBOOKS / name
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            nbformat.write(nb, handle)
        print(path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
