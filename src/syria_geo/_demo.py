"""The demo pipeline behind ``make demo`` / ``syria-geo demo``."""

from __future__ import annotations

from pathlib import Path

import matplotlib

from syria_geo.gazetteer import gazetteer_manifest, load_population


def demo_outputs(output_dir: Path) -> list[tuple[Path, str]]:
    """Write the demo outputs to ``output_dir`` and return ``(path, description)`` pairs."""
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    output_dir.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Path, str]] = []

    pop = load_population("adm1")
    pop["pop_hno2017_millions"] = pop["pop_hno2017"].astype("float64") / 1e6
    geojson = output_dir / "governorates_population.geojson"
    pop.to_file(geojson, driver="GeoJSON", engine="pyogrio", layer_options={"RFC7946": "YES"})
    written.append((geojson, "14 governorates with 2004 census and OCHA 2016/2017 population"))

    fig, ax = plt.subplots(figsize=(8, 7), dpi=120)
    pop.plot(
        column="pop_hno2017_millions",
        cmap="YlOrRd",
        scheme="NaturalBreaks",
        k=5,
        legend=True,
        legend_kwds={
            "title": "Population 2017 (millions)",
            "loc": "upper left",
            "fontsize": 8,
            "fmt": "{:.2f}",
        },
        edgecolor="#444444",
        linewidth=0.6,
        ax=ax,
    )
    for row in pop.itertuples():
        point = row.geometry.representative_point()
        ax.annotate(row.name_en, (point.x, point.y), ha="center", fontsize=7)
    version = gazetteer_manifest()["data_version"]
    ax.set_title("Syria: population by governorate (OCHA HNO 2017 estimate)")
    ax.set_axis_off()
    fig.text(
        0.01,
        0.01,
        f"Sources: OCHA COD-AB 2016 boundaries, OCHA HNO 2017 population (CC BY 3.0 IGO). "
        f"syria_geo data {version}.",
        fontsize=7,
    )
    png = output_dir / "governorates_population.png"
    fig.savefig(png, bbox_inches="tight")
    plt.close(fig)
    written.append((png, "static map of population by governorate"))
    return written
