"""Locate the Leaflet scripts and styles installed from the npm registry.

The versions below are pinned exactly in ``package.json`` / ``package-lock.json`` at the
repository root (a test keeps them in sync).  Online maps reference these exact versions on
the jsDelivr CDN; self-contained maps inline the files from ``node_modules`` (installed with
``npm ci``; never committed), so the HTML needs no network at all.

``node_modules`` is searched in ``$SYRIA_GEO_NODE_MODULES``, then next to the source checkout,
then in the current working directory.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from syria_geo._errors import DataFileError

_ENV_VAR = "SYRIA_GEO_NODE_MODULES"


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
    "run `npm ci` in the syria_geo repository root (it installs the pinned Leaflet packages "
    f"into node_modules/), or set {_ENV_VAR} to a node_modules folder holding them"
)


def _candidates() -> list[Path]:
    found: list[Path] = []
    override = os.environ.get(_ENV_VAR)
    if override:
        found.append(Path(override))
    found.append(Path(__file__).resolve().parents[2] / "node_modules")
    found.append(Path.cwd() / "node_modules")
    return found


def node_modules_dir() -> Path:
    """Return the ``node_modules`` folder that holds every asset in :data:`ASSETS`.

    Raises
    ------
    DataFileError
        If no candidate folder holds them all; the message says to run ``npm ci``.
    """
    candidates = _candidates()
    for folder in candidates:
        if all((folder / a.package / a.file).is_file() for a in ASSETS):
            return folder
    tried = ", ".join(str(c) for c in candidates)
    missing = ", ".join(f"{a.package}/{a.file}" for a in ASSETS)
    raise DataFileError(
        f"Leaflet assets for self-contained maps not found (looked for {missing} in: {tried}); "
        + _INSTALL_HINT
    )


def _installed_version(folder: Path, package: str) -> str:
    import json

    meta = json.loads((folder / package / "package.json").read_text("utf-8"))
    return str(meta.get("version", ""))


_CSS_URL = re.compile(r"url\((['\"]?)(?!data:|#)([^)'\"]+)\1\)")


def _inline_css_urls(css: str, base: Path) -> str:
    """Replace relative ``url(...)`` references in ``css`` by ``data:`` URIs."""

    def repl(match: re.Match[str]) -> str:
        ref = match.group(2)
        target = (base / ref).resolve()
        if not target.is_file():
            raise DataFileError(f"style sheet refers to a missing file: {target}; " + _INSTALL_HINT)
        mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        data = base64.b64encode(target.read_bytes()).decode("ascii")
        return f'url("data:{mime};base64,{data}")'

    return _CSS_URL.sub(repl, css)


@cache
def _inline_sources(folder: str) -> tuple[tuple[str, str], ...]:
    root = Path(folder)
    out: list[tuple[str, str]] = []
    for asset in ASSETS:
        version = _installed_version(root, asset.package)
        if version != asset.version:
            raise DataFileError(
                f"node_modules has {asset.package} {version}, syria_geo needs {asset.version}; "
                + _INSTALL_HINT
            )
        path = root / asset.package / asset.file
        text = path.read_text("utf-8")
        if asset.kind == "css":
            text = _inline_css_urls(text, path.parent)
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
        If the assets are not installed or have the wrong version (run ``npm ci``).
    """
    return _inline_sources(str(node_modules_dir()))
