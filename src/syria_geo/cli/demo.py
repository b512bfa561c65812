"""The demo pipeline behind ``make demo`` / ``syria-geo demo``.

It runs every step of the toolkit on the bundled sample (the incidents of the four seed SNHR
reports): geocode the place phrases again from scratch, join to admin units, build areas of
control from the documents' own statements and OCHA's access data, measure how well those
zones predict each report's stated controller, then draw the maps and write the GIS exports.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd

from syria_geo.core import write_text_atomic
from syria_geo.geocoding import GEOCODE_COLUMNS, geocode_frame
from syria_geo.incidents import load_sample_incidents

Report = Callable[[Path, str], None]


def _monthly_control_layer(incidents: pd.DataFrame, observations: pd.DataFrame) -> gpd.GeoDataFrame:
    """Zones for every month with incidents, each built from the observations of that month."""
    from syria_geo.spatial import control_zones_by_month

    months = pd.to_datetime(incidents["date"], errors="coerce").dropna().dt.to_period("M")
    return control_zones_by_month(sorted(months.unique()), observations=observations)


def demo_outputs(output_dir: Path, *, report: Report | None = None) -> list[tuple[Path, str]]:
    """Run the pipeline, write its outputs to ``output_dir`` and return ``(path, description)``.

    ``report`` is called with each output as soon as it is written.
    """
    from syria_geo.io import to_csv, to_geojson, to_gpkg, to_parquet
    from syria_geo.maps import choropleth, map_incidents
    from syria_geo.reports import with_control_sides
    from syria_geo.spatial import (
        admin_rates,
        control_agreement,
        join_admin,
        join_control,
        observations_from_incidents,
        observations_from_open_data,
    )

    output_dir.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Path, str]] = []

    def wrote(path: Path, what: str) -> None:
        written.append((path, what))
        if report is not None:
            report(path, what)

    # 1. geocode: start from the extracted incidents without their stored geocode
    sample = load_sample_incidents()
    incidents = pd.DataFrame(
        sample.drop(columns=[*GEOCODE_COLUMNS, "geometry", "governorate_mismatch"])
    )
    incidents = geocode_frame(
        incidents, "place_text", governorate_column="section_governorate", progress=True
    )

    # 2. admin units by point-in-polygon (not the report's words)
    incidents = join_admin(incidents)

    # 3. areas of control by month from the open data (OCHA access status, the Wikipedia
    #    map's marks) and the documents' own statements
    stated = with_control_sides(incidents)  # the two sides of joint statements
    observations = pd.concat(
        [observations_from_open_data(), observations_from_incidents(stated)], ignore_index=True
    )
    control = _monthly_control_layer(incidents, observations)
    incidents = join_control(incidents, control)
    agreement = control_agreement(stated, period="month")
    agreement_path = output_dir / "control_agreement.csv"
    to_csv(agreement.table, agreement_path)
    wrote(
        agreement_path,
        f"stated vs derived controller (each month's zones without the statement): "
        f"{agreement.n_agree}/{agreement.n_compared} agree ({agreement.rate:.0%})",
    )

    # 4. maps
    html = output_dir / "incidents_map.html"
    fmap = map_incidents(
        incidents, level="adm2", metric="count", control=control, self_contained=True
    )
    write_text_atomic(html, fmap.get_root().render())
    wrote(
        html,
        "interactive map, works offline: month slider over districts, clusters, heat map and "
        "that month's areas of control",
    )
    png = output_dir / "massacres_by_governorate.png"
    choropleth(
        incidents,
        level="adm1",
        metric="count",
        scheme="natural_breaks",
        k=4,
        title="Incidents documented in the SNHR seed reports, by governorate",
        labels="both",
        output=png,
    )
    wrote(png, "static choropleth of incidents per governorate")
    png_rate = output_dir / "killed_per_100k_by_governorate.png"
    choropleth(incidents, level="adm1", metric="per_100k", scheme="quantiles", k=4, output=png_rate)
    wrote(png_rate, "static choropleth of people killed per 100,000 residents")
    from syria_geo.reports import load_sample_figures, units_from_figures

    units, figure_metric = units_from_figures(load_sample_figures(), measure="massacres")
    png_figures = output_dir / "massacres_from_summaries.png"
    choropleth(
        units,
        level="adm1",
        metric=figure_metric,
        scheme="natural_breaks",
        k=4,
        facet="month",
        title="Massacres per governorate (report summaries)",
        output=png_figures,
    )
    wrote(png_figures, "small multiples of the massacres printed per governorate in summaries")

    # 5. exports
    gpkg = output_dir / "syria_geo_demo.gpkg"
    to_gpkg(incidents, gpkg, control=control, qgis_project=True)
    wrote(gpkg, "GeoPackage: incidents, adm1/adm2/adm3 aggregates, monthly control zones")
    wrote(gpkg.with_suffix(".qgs"), "QGIS project: the GeoPackage's layers, styled, by month")
    for path, what in (
        (
            to_geojson(incidents, output_dir / "incidents.geojson"),
            "GeoJSON (RFC 7946); incidents.qml next to it is its QGIS style",
        ),
        (to_parquet(incidents, output_dir / "incidents.parquet"), "GeoParquet"),
        (to_csv(incidents, output_dir / "incidents.csv"), "CSV with lon/lat"),
    ):
        wrote(Path(path), f"{len(incidents)} incidents, {what}")
    rates = admin_rates(incidents, level="adm1")
    rates_path = output_dir / "rates_by_governorate.csv"
    to_csv(pd.DataFrame(rates.drop(columns="geometry")), rates_path)
    wrote(rates_path, "counts, victims and rates per 100,000 people / 1,000 km² by governorate")
    return written


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``demo`` command."""
    demo = subparsers.add_parser(
        "demo",
        help="run the pipeline on the bundled data",
        description="Run every step on the bundled sample (the incidents of four SNHR reports): "
        "geocode the places again, join them to admin units and monthly areas of control, "
        "then write to --output-dir: incidents_map.html (offline map), three PNG "
        "choropleths, syria_geo_demo.gpkg with syria_geo_demo.qgs (QGIS project), "
        "incidents.geojson (with incidents.qml), incidents.parquet, incidents.csv, "
        "rates_by_governorate.csv and control_agreement.csv. Nothing is downloaded.",
    )
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
