"""The Leaflet files inside the package are exactly the ones package-lock.json pins."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

import syria_geo.maps.assets as maps_assets
from syria_geo.errors import DataFileError

REPO = Path(__file__).resolve().parents[1]
VENDOR = REPO / "src" / "syria_geo" / "maps" / "vendor"
LOCK = json.loads((REPO / "package-lock.json").read_text("utf-8"))["packages"]
PINS = json.loads((REPO / "package.json").read_text("utf-8"))["dependencies"]
MANIFEST = json.loads((VENDOR / "manifest.json").read_text("utf-8"))["packages"]
LICENCES = {"LICENSE", "MIT-LICENCE.txt"}


def _npm_cache_tarball(integrity: str) -> Path | None:
    algo, _, b64 = integrity.partition("-")
    digest = base64.b64decode(b64).hex()
    path = Path.home() / ".npm" / "_cacache" / "content-v2" / algo
    path = path / digest[:2] / digest[2:4] / digest[4:]
    return path if path.is_file() else None


def test_vendor_dir_is_the_one_the_package_uses() -> None:
    assert maps_assets.VENDOR_DIR == VENDOR
    assert maps_assets.node_modules_dir() == VENDOR


def test_manifest_versions_are_the_pins_and_the_lock() -> None:
    for asset in maps_assets.ASSETS:
        assert PINS[asset.package] == asset.version
        assert MANIFEST[asset.package]["version"] == asset.version
        assert LOCK[f"node_modules/{asset.package}"]["version"] == asset.version
    for package, meta in MANIFEST.items():
        entry = LOCK[f"node_modules/{package}"]
        assert meta["version"] == entry["version"]
        assert meta["integrity"] == entry["integrity"]
        # every package ships its licence, and every vendored file is listed
        assert LICENCES & set(meta["files"]), package
    listed = {
        f"{p}/{maps_assets.vendored_name(f)}" for p, meta in MANIFEST.items() for f in meta["files"]
    }
    on_disk = {p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file()} - {
        "manifest.json"
    }
    assert on_disk == listed
    # supercluster.min.js bundles kdbush: its licence must travel too
    assert "kdbush" in LOCK["node_modules/supercluster"]["dependencies"]
    assert "LICENSE" in MANIFEST["kdbush"]["files"]


@pytest.mark.parametrize("package", sorted(MANIFEST))
def test_vendored_files_match_the_locked_tarball(package: str) -> None:
    meta = MANIFEST[package]
    for name, sha in meta["files"].items():
        assert (
            hashlib.sha256(
                (VENDOR / package / maps_assets.vendored_name(name)).read_bytes()
            ).hexdigest()
            == sha
        )
    entry = LOCK[f"node_modules/{package}"]
    tarball = _npm_cache_tarball(entry["integrity"])
    if tarball is not None:
        data = tarball.read_bytes()
        algo, _, b64 = entry["integrity"].partition("-")
        assert hashlib.new(algo, data).digest() == base64.b64decode(b64)
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            for name in meta["files"]:
                member = tar.extractfile(f"package/{name}")
                assert member is not None
                assert (
                    member.read()
                    == (VENDOR / package / maps_assets.vendored_name(name)).read_bytes()
                ), name
        return
    installed = REPO / "node_modules" / package
    if not (installed / "package.json").is_file():
        pytest.skip("neither npm's cache nor node_modules holds the locked tarball (run `npm ci`)")
    assert (
        json.loads((installed / "package.json").read_text("utf-8"))["version"] == entry["version"]
    )
    for name in meta["files"]:
        assert (installed / name).read_bytes() == (
            VENDOR / package / maps_assets.vendored_name(name)
        ).read_bytes(), name


def test_inline_assets_refuse_an_altered_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    copy = tmp_path / "_vendor"
    shutil.copytree(VENDOR, copy)
    js = copy / "leaflet.heat" / "leaflet-heat.js"
    js.write_text(js.read_text("utf-8") + "\nwindow.x = 1;\n", "utf-8")
    monkeypatch.setattr(maps_assets, "_candidates", lambda: [copy])
    with pytest.raises(DataFileError, match="differs from"):
        maps_assets._inline_sources(str(copy))
    (copy / "manifest.json").unlink()
    with pytest.raises(DataFileError, match=r"manifest\.json not found"):
        maps_assets._inline_sources(str(copy) + "/")


# --- the maps' context: Natural Earth countries, derived by scripts/build_map_context.py ---

CONTEXT = REPO / "src" / "syria_geo" / "maps" / "data" / "context.geojson"


def test_context_is_rebuilt_identically_from_the_vendored_natural_earth_file() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_map_context.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    inputs = json.loads(CONTEXT.read_text("utf-8"))["syria_geo"]["inputs"]
    vendored = "src/syria_geo/maps/vendor/world-atlas/countries-50m.json"
    assert inputs[vendored] == MANIFEST["world-atlas"]["files"]["countries-50m.json"]
    outline = REPO / "boundaries" / "adm0_simplified.geojson"
    assert (
        inputs["boundaries/adm0_simplified.geojson"]
        == hashlib.sha256(outline.read_bytes()).hexdigest()
    )


def test_context_surrounds_syria_without_gap_or_overlap() -> None:
    import shapely
    from shapely.geometry import Point, box

    from syria_geo.gazetteer.boundaries import load_boundaries
    from syria_geo.maps.basemap import context_labels, load_context

    context = load_context()
    syria = shapely.union_all(load_boundaries("adm0", simplified=True).geometry.to_numpy())
    names = {name for name, _ in context.countries}
    assert {"Turkey", "Iraq", "Jordan", "Lebanon", "Israel", "Cyprus"} <= names
    assert "Syria" not in names
    land = shapely.union_all([g for _, g in context.countries])
    # no neighbour covers Syria (OCHA's outline, the one the maps draw); what overlaps is the
    # rounding of coordinates to 0.0001 degrees along ~2,300 km of border (< 5 km² in all)
    assert land.intersection(syria).area < 5e-4
    # countries, sea and Syria tile the box: nothing missing, nothing twice
    frame = box(*context.box)
    covered = land.area + context.sea.area + syria.area
    assert abs(covered - frame.area) < 1e-3 * frame.area
    assert abs(shapely.union_all([land, context.sea, syria]).area - frame.area) < 1e-4 * frame.area
    # no gap along Syria's land borders: every border point touches a neighbour
    border = syria.boundary.difference(context.sea.buffer(0.01))
    for point in shapely.get_coordinates(border)[::50]:
        assert land.distance(Point(point)) < 0.005, point
    # places known to be at sea, on a neighbour's land, on Syria's coast
    for lon, lat in ((34.5, 34.5), (35.5, 36.3), (33.0, 33.0)):
        assert context.sea.contains(Point(lon, lat))
    for lon, lat, name in ((36.9, 38.4, "Turkey"), (44.4, 33.3, "Iraq"), (35.9, 31.95, "Jordan"),
                           (35.9, 33.85, "Lebanon"), (34.9, 31.0, "Israel")):  # fmt: skip
        assert dict(context.countries)[name].contains(Point(lon, lat)), name
    for lon, lat in ((35.78, 35.52), (35.886, 34.889)):  # Latakia and Tartus, on the coast
        assert context.coast.distance(Point(lon, lat)) < 0.05
    # labels: English names inside their country, the sea's name on the sea
    labels = {name: (lon, lat, kind) for lon, lat, name, kind in context_labels((33, 30, 45, 39))}
    assert {"Turkey", "Iraq", "Jordan", "Lebanon", "Israel", "Mediterranean Sea"} <= set(labels)
    assert "N. Cyprus" not in labels
    for name, (lon, lat, kind) in labels.items():
        where = context.sea if kind == "sea" else dict(context.countries)[name]
        assert where.contains(Point(lon, lat)), name
