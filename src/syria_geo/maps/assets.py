"""The pinned Leaflet scripts and style sheets that self-contained maps inline.

The versions below are pinned exactly in ``package.json`` / ``package-lock.json`` at the
repository root.  ``scripts/vendor_assets.py`` copies the files (with each package's licence
and the images its style sheets use) from the tarballs the lock pins into
``syria_geo/maps/vendor/``, so they travel inside the wheel and the sdist: an installed package
draws offline maps with no npm and no checkout.  ``vendor/manifest.json`` records each
package's version, lock integrity and the sha256 of every file; tests check the files still
match the lock.  Online maps reference the same versions on the jsDelivr CDN.
"""

from __future__ import annotations

import base64
import hashlib
import json
import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from syria_geo.errors import DataFileError

VENDOR_DIR = Path(__file__).resolve().parent / "vendor"


@dataclass(frozen=True)
class Asset:
    """One script or style sheet of an npm package."""

    package: str
    version: str
    file: str
    kind: str  # "js" or "css"

    @property
    def cdn_url(self) -> str:
        """URL of the same file of the same version on jsDelivr."""
        return f"https://cdn.jsdelivr.net/npm/{self.package}@{self.version}/{self.file}"


# Order matters: Leaflet before its plugins.  Clustering is computed by Supercluster (fast on
# 100,000 points); the cluster icons use leaflet.markercluster's style sheets.
ASSETS: tuple[Asset, ...] = (
    Asset("leaflet", "1.9.4", "dist/leaflet.css", "css"),
    Asset("leaflet.markercluster", "1.5.3", "dist/MarkerCluster.css", "css"),
    Asset("leaflet.markercluster", "1.5.3", "dist/MarkerCluster.Default.css", "css"),
    Asset("leaflet", "1.9.4", "dist/leaflet.js", "js"),
    Asset("leaflet.heat", "0.2.0", "dist/leaflet-heat.js", "js"),
    Asset("supercluster", "8.0.1", "dist/supercluster.min.js", "js"),
)

_INSTALL_HINT = (
    "the package's vendored Leaflet files are incomplete: reinstall syria_geo; in a source "
    "checkout run `npm ci && python scripts/vendor_assets.py`"
)


def vendored_name(file: str) -> str:
    """Path of an npm package file under ``vendor/<package>/`` (no ``dist/`` folder)."""
    return file.removeprefix("dist/")


def _candidates() -> list[Path]:
    return [VENDOR_DIR]


def _manifest(folder: Path) -> dict[str, Any]:
    path = folder / "manifest.json"
    if not path.is_file():
        raise DataFileError(f"{path} not found; " + _INSTALL_HINT)
    packages: dict[str, Any] = json.loads(path.read_text("utf-8"))["packages"]
    return packages


def node_modules_dir() -> Path:
    """Return the folder (laid out like ``node_modules``) that holds every asset.

    Raises
    ------
    DataFileError
        If no candidate folder holds them all.
    """
    candidates = _candidates()
    for folder in candidates:
        if all((folder / a.package / vendored_name(a.file)).is_file() for a in ASSETS):
            return folder
    tried = ", ".join(str(c) for c in candidates)
    missing = ", ".join(f"{a.package}/{a.file}" for a in ASSETS)
    raise DataFileError(
        f"Leaflet assets for self-contained maps not found (looked for {missing} in: {tried}); "
        + _INSTALL_HINT
    )


def _checked_bytes(folder: Path, packages: dict[str, Any], package: str, file: str) -> bytes:
    """The bytes of one vendored file, checked against the manifest's sha256.

    ``file`` is the file's path in the npm package (the manifest's key).
    """
    path = folder / package / vendored_name(file)
    data = path.read_bytes()
    expected = packages.get(package, {}).get("files", {}).get(file)
    if expected != hashlib.sha256(data).hexdigest():
        raise DataFileError(f"{path} differs from {folder / 'manifest.json'}; " + _INSTALL_HINT)
    return data


_CSS_URL = re.compile(r"url\((['\"]?)(?!data:|#)([^)'\"]+)\1\)")


def _inline_css_urls(css: str, base: Path, check: Callable[[Path], bytes]) -> str:
    """Replace relative ``url(...)`` references in ``css`` by ``data:`` URIs."""

    def repl(match: re.Match[str]) -> str:
        ref = match.group(2)
        target = (base / ref).resolve()
        if not target.is_file():
            raise DataFileError(f"style sheet refers to a missing file: {target}; " + _INSTALL_HINT)
        mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        data = base64.b64encode(check(target)).decode("ascii")
        return f'url("data:{mime};base64,{data}")'

    return _CSS_URL.sub(repl, css)


@cache
def _inline_sources(folder: str) -> tuple[tuple[str, str], ...]:
    root = Path(folder)
    packages = _manifest(root)

    def check(path: Path) -> bytes:
        package, _, name = path.relative_to(root).as_posix().partition("/")
        files = packages.get(package, {}).get("files", {})
        file = next((f for f in files if vendored_name(f) == name), name)
        return _checked_bytes(root, packages, package, file)

    out: list[tuple[str, str]] = []
    for asset in ASSETS:
        version = packages.get(asset.package, {}).get("version")
        if version != asset.version:
            raise DataFileError(
                f"vendored {asset.package} is {version}, syria_geo needs {asset.version}; "
                + _INSTALL_HINT
            )
        path = root / asset.package / vendored_name(asset.file)
        # universal newlines, as a text read would give
        text = check(path).decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        if asset.kind == "css":
            text = _inline_css_urls(text, path.parent, check)
        # Never let inlined code close its own <script>/<style> element early.
        text = re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.IGNORECASE)
        out.append((asset.kind, text))
    return tuple(out)


def inline_assets() -> tuple[tuple[str, str], ...]:
    """Return ``(kind, source)`` pairs of every asset, ready to inline into HTML.

    Style sheets have their images embedded as ``data:`` URIs, so nothing is fetched.

    Raises
    ------
    DataFileError
        If the vendored files are missing, altered or of the wrong version.
    """
    return _inline_sources(str(node_modules_dir()))
