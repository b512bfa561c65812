"""Copy the pinned npm files into the package (src/syria_geo/maps/vendor/), checked against the lock.

Run after `npm ci` whenever package.json / package-lock.json change (`make vendor`):

    npm ci && .venv/bin/python scripts/vendor_assets.py

The Leaflet files are inlined into self-contained maps as they are.  world-atlas's
Natural Earth countries (1:50m, public domain) are the input of
scripts/build_map_context.py, which derives the maps' context (neighbouring countries, sea,
coast line) from them; this script runs it after copying, so a changed pin gives a rebuilt
context.

Every file is taken from the npm tarball whose sha512 is the `integrity` recorded in
package-lock.json (read from npm's cache, which `npm ci` fills), falling back to the
node_modules/ copy `npm ci` verified against that same integrity.  The script writes the
scripts, style sheets, the images the style sheets use and each package's licence, plus
`manifest.json` (package, version, integrity, sha256 of every file; files are keyed by
their path in the npm package and stored without its `dist/` folder).  A test
(tests/test_assets.py) checks that the vendored files still match the lock.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENDOR = REPO / "src" / "syria_geo" / "maps" / "vendor"

#: Files taken from each npm package (paths inside the package).  kdbush is bundled inside
#: supercluster.min.js, so its licence travels too.
FILES: dict[str, tuple[str, ...]] = {
    "leaflet": (
        "LICENSE",
        "dist/leaflet.js",
        "dist/leaflet.css",
        "dist/images/layers.png",
        "dist/images/layers-2x.png",
        "dist/images/marker-icon.png",
        "dist/images/marker-icon-2x.png",
        "dist/images/marker-shadow.png",
    ),
    "leaflet.markercluster": (
        "MIT-LICENCE.txt",
        "dist/MarkerCluster.css",
        "dist/MarkerCluster.Default.css",
    ),
    "leaflet.heat": ("LICENSE", "dist/leaflet-heat.js"),
    "supercluster": ("LICENSE", "dist/supercluster.min.js"),
    "kdbush": ("LICENSE",),
    # Natural Earth admin-0 countries, 1:50m, as TopoJSON (public domain; the package is ISC)
    "world-atlas": ("LICENSE", "countries-50m.json"),
}


def vendored_name(name: str) -> str:
    """Where a package file lives under ``vendor/<package>/``: without the ``dist/`` folder,
    which .gitignore and the wheel builder skip."""
    return name.removeprefix("dist/")


def npm_cache_tarball(integrity: str) -> Path | None:
    """Path of the tarball with this ``sha512-...`` integrity in npm's cache, if present."""
    algo, _, b64 = integrity.partition("-")
    digest = base64.b64decode(b64).hex()
    for cache in (Path.home() / ".npm" / "_cacache",):
        path = cache / "content-v2" / algo / digest[:2] / digest[2:4] / digest[4:]
        if path.is_file():
            return path
    return None


def files_from_lock(package: str, entry: dict[str, str]) -> dict[str, bytes]:
    """The wanted files of ``package`` as pinned by the lock entry ``entry``.

    Raises
    ------
    SystemExit
        If neither npm's cache nor node_modules holds that exact version.
    """
    wanted = FILES[package]
    tarball = npm_cache_tarball(entry["integrity"])
    if tarball is not None:
        data = tarball.read_bytes()
        algo, _, b64 = entry["integrity"].partition("-")
        if hashlib.new(algo, data).digest() != base64.b64decode(b64):
            raise SystemExit(f"{tarball}: checksum differs from package-lock.json")
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            members = {m.name.split("/", 1)[1]: m for m in tar.getmembers() if m.isfile()}
            out = {}
            for name in wanted:
                handle = tar.extractfile(members[name])
                assert handle is not None
                out[name] = handle.read()
            return out
    folder = REPO / "node_modules" / package
    meta = folder / "package.json"
    if not meta.is_file() or json.loads(meta.read_text("utf-8"))["version"] != entry["version"]:
        raise SystemExit(f"{package} {entry['version']} not installed: run `npm ci` first")
    return {name: (folder / name).read_bytes() for name in wanted}


def main() -> int:
    lock = json.loads((REPO / "package-lock.json").read_text("utf-8"))["packages"]
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    manifest: dict[str, object] = {
        "about": "Pinned npm files inlined into self-contained maps; written by "
        "scripts/vendor_assets.py from the tarballs package-lock.json pins.",
        "packages": {},
    }
    packages: dict[str, object] = {}
    for package in FILES:
        entry = lock[f"node_modules/{package}"]
        files = files_from_lock(package, entry)
        for name, data in files.items():
            target = VENDOR / package / vendored_name(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        packages[package] = {
            "version": entry["version"],
            "integrity": entry["integrity"],
            # leaflet.heat's lock entry has no licence field; its LICENSE file is BSD-2-Clause
            "license": entry.get("license", "see LICENSE"),
            "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
        }
    manifest["packages"] = packages
    (VENDOR / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    print(f"wrote {sum(len(f) for f in FILES.values())} files to {VENDOR}", file=sys.stderr)
    import build_map_context  # scripts/ is on sys.path: this file's folder

    return build_map_context.main([])


if __name__ == "__main__":
    raise SystemExit(main())
