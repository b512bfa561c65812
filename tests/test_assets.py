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
                    member.read() == (VENDOR / package / maps_assets.vendored_name(name)).read_bytes()
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
