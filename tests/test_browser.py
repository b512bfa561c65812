"""Render self-contained maps in headless Chromium with all networking disabled.

The page under test is the map's HTML with two small probe scripts added: one at the top
of ``<head>`` that records errors (script errors, failed resource loads, ``console.error``)
and one at the end that, after load, opens popups when asked, then writes a JSON report
into the DOM and sets ``document.title``.  Chromium's ``--dump-dom`` returns that DOM.
Chromium's own console log (stderr) is checked as well.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from syria_geo.maps.interactive import map_incidents
from tests.test_maps import EVIL_IMG, EVIL_SCRIPT, map_data, synthetic_incidents

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium)"
    ),
]

PROBE = """<script>
window.__sgErrors = [];
window.addEventListener("error", function (e) {
  var t = e.target;
  window.__sgErrors.push("error: " + (e.message || (t && (t.src || t.href)) || (t && t.tagName)));
}, true);
window.addEventListener("unhandledrejection", function (e) {
  window.__sgErrors.push("rejection: " + e.reason);
});
(function () {
  var orig = console.error;
  console.error = function () {
    window.__sgErrors.push("console.error: " + Array.prototype.join.call(arguments, " "));
    return orig.apply(console, arguments);
  };
})();
</script>"""

REPORT = """<script>
window.addEventListener("load", function () { setTimeout(function () {
  var keys = Object.keys(window.syriaGeo || {});
  var api = keys.length ? window.syriaGeo[keys[0]] : null;
  var popups = [];
  if (api && __OPEN_POPUPS__) {
    for (var i = 0; i < api.n; i++) {
      var p = api.openPopup(i);
      popups.push(p.getElement().querySelector(".leaflet-popup-content").textContent);
    }
  }
  if (api && __SHOW_HEAT__) { api.heat.addTo(api.map); }
  var perMonth = api ? api.setMonth(2) : -1;
  if (api) { api.setMonth(0); }
  setTimeout(function () {
    var q = function (s) { return document.querySelectorAll(s).length; };
    var classes = document.querySelector(".sg-legend .sg-classes");
    var r = {
      errors: window.__sgErrors, pwned: window.__pwned === 1, api: !!api,
      choropleth: api ? api.choropleth.getLayers().length : 0,
      paths: q(".leaflet-overlay-pane path.leaflet-interactive"),
      clusters: q(".marker-cluster"), dots: q(".sg-dot"),
      legendClasses: q(".sg-legend .sg-classes .sg-class"),
      breaks: classes ? JSON.parse(classes.getAttribute("data-breaks")) : null,
      slider: q(".sg-slider input[type=range]"),
      sliderMax: (document.querySelector(".sg-slider input") || {}).max,
      sliderLabel: (document.querySelector(".sg-slider-label") || {}).textContent,
      perMonth: perMonth,
      heatCanvas: q("canvas.leaflet-heatmap-layer"), popups: popups,
      layerNames: Array.prototype.map.call(
        document.querySelectorAll(".leaflet-control-layers-overlays label span span"),
        function (e) { return e.textContent.trim(); }),
      scale: q(".leaflet-control-scale-line"),
      attribution: (document.querySelector(".leaflet-control-attribution") || {}).textContent,
      external: Array.prototype.filter.call(document.querySelectorAll("[src],link[href]"),
        function (e) { return /^(https?:)?\\/\\//.test(e.getAttribute("src") || e.getAttribute("href")); }).length
    };
    var pre = document.createElement("pre");
    pre.id = "sg-report"; pre.textContent = JSON.stringify(r);
    document.body.appendChild(pre);
    document.title = r.pwned ? "PWNED" : "CLEAN";
  }, 400);
}, 200); });
</script>"""

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    # no network at all: every host resolves to nothing and every request goes to a dead proxy
    "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
    "--enable-logging=stderr", "--v=0", "--window-size=1280,900",
)  # fmt: skip


def _chromium(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip


def _console_errors(stderr: str) -> list[str]:
    lines = [line for line in stderr.splitlines() if ":CONSOLE" in line]
    return [line for line in lines if re.search(r"Uncaught|Error|Failed to load|ERR_", line)]


def probe(
    html_text: str, tmp_path: Path, *, open_popups: bool = False, show_heat: bool = False
) -> tuple[dict[str, Any], list[str], str]:
    """Load the page in Chromium; return the in-page report, console errors and <title>."""
    report = REPORT.replace("__OPEN_POPUPS__", "true" if open_popups else "false")
    report = report.replace("__SHOW_HEAT__", "true" if show_heat else "false")
    return run_page(html_text, report, tmp_path, budget_ms=6000)


def run_page(
    html_text: str, report_script: str, tmp_path: Path, *, budget_ms: int
) -> tuple[dict[str, Any], list[str], str]:
    """Inject :data:`PROBE` and ``report_script`` into a page, load it in headless Chromium
    and return the JSON the report script leaves in ``<pre id="sg-report">``, the console
    errors and the page ``<title>``."""
    page_text = html_text.replace("<head>", "<head>" + PROBE, 1)
    cut = page_text.rindex("</html>")
    page = tmp_path / "page.html"
    page.write_text(page_text[:cut] + report_script + page_text[cut:], "utf-8")
    proc = _chromium(page, tmp_path / "profile", f"--virtual-time-budget={budget_ms}", "--dump-dom")
    match = re.search(r'<pre id="sg-report">(.*?)</pre>', proc.stdout, re.S)
    assert match, f"no report from the page; stderr:\n{proc.stderr[-2000:]}"
    title = re.search(r"<title>(.*?)</title>", proc.stdout)
    return (
        json.loads(html.unescape(match.group(1))),
        _console_errors(proc.stderr),
        title.group(1) if title else "",
    )


@pytest.fixture(scope="module")
def incidents() -> pd.DataFrame:
    df = synthetic_incidents(300, seed=21)
    df.loc[0, ["lon", "lat"]] = np.nan
    return df


def test_map_renders_offline_without_errors(incidents: pd.DataFrame, tmp_path: Path) -> None:
    m = map_incidents(incidents, level="adm2", metric="count", scheme="quantiles", k=5,
                      self_contained=True)  # fmt: skip
    data = map_data(m)
    report, console, title = probe(m.get_root().render(), tmp_path, show_heat=True)
    assert report["errors"] == []
    assert console == []
    assert title == "CLEAN"
    assert report["external"] == 0
    # choropleth: one layer per district, drawn as SVG paths
    assert report["choropleth"] == len(data["choro"]["features"]) == 62
    assert report["paths"] >= 62
    # clusters at country zoom, and every located incident is in the cluster group
    assert report["clusters"] > 0
    assert report["legendClasses"] == len(data["colours"])
    assert report["breaks"] == pytest.approx(
        json.loads(
            html.unescape(re.search(r'data-breaks="([^"]*)"', data["legend"]["choro"][0]).group(1))
        )
    )
    assert report["slider"] == 1
    assert report["sliderMax"] == "12"
    assert report["sliderLabel"] == "All months: 299 incident(s) with a location"
    march = sum(1 for d, lon in zip(incidents["date"], incidents["lon"], strict=True)
                if d.startswith("2017-03") and lon == lon)  # fmt: skip
    assert report["perMonth"] == march
    assert report["heatCanvas"] == 1
    assert report["scale"] >= 1
    names = report["layerNames"]
    assert "Incidents per district, All months (SNHR reports; UN OCHA boundaries)" in names
    assert "Heat map of incidents, All months (SNHR reports)" in names
    assert "UN OCHA Syria" in report["attribution"]
    assert "SNHR" in report["attribution"]


def test_malicious_text_never_executes(tmp_path: Path) -> None:
    df = synthetic_incidents(6, seed=22)
    df.loc[0, "place_text"] = EVIL_SCRIPT
    df.loc[1, "place_text"] = EVIL_IMG
    df.loc[2, "weapon"] = EVIL_IMG.replace("src=x", "src=y")
    df.loc[3, "perpetrator"] = EVIL_IMG.replace("src=x", "src=z")
    df.loc[4, "report_id"] = "</script><script>window.__pwned=1</script>"
    m = map_incidents(df, self_contained=True, title=EVIL_IMG.replace("src=x", "src=t"))
    report, console, title = probe(m.get_root().render(), tmp_path, open_popups=True)
    assert title == "CLEAN"
    assert report["pwned"] is False
    assert report["errors"] == []  # an unescaped <img src=x> would have failed to load
    assert console == []
    assert len(report["popups"]) == 6
    # the text is shown literally, not dropped
    assert "Place" + EVIL_SCRIPT in report["popups"][0]
    assert "Place" + EVIL_IMG in report["popups"][1]
    assert "</script><script>window.__pwned=1</script> #5" in report["popups"][4]


def test_screenshot_is_not_blank(incidents: pd.DataFrame, tmp_path: Path) -> None:
    from matplotlib.colors import to_rgb
    from matplotlib.image import imread

    m = map_incidents(incidents, self_contained=True)
    data = map_data(m)
    page = tmp_path / "map.html"
    page.write_text(m.get_root().render(), "utf-8")
    shot = tmp_path / "shot.png"
    proc = _chromium(page, tmp_path / "profile", "--virtual-time-budget=6000",
                     f"--screenshot={shot}")  # fmt: skip
    assert shot.is_file(), proc.stderr[-2000:]
    pixels = imread(shot)[:, :, :3]
    assert pixels.shape[:2] == (900, 1280)
    assert pixels.std() > 0.05
    assert len(np.unique((pixels * 255).astype(int).reshape(-1, 3), axis=0)) > 200
    # the darkest class colour is drawn (fill opacity 0.72 over the basemap colour)
    base = np.array(to_rgb("#fbfaf6"))
    top = 0.72 * np.array(to_rgb(data["colours"][-1])) + 0.28 * base
    close = np.abs(pixels - top).max(axis=2) < 0.03
    assert close.sum() > 500


# --- time-true map of the seed sample: the slider switches everything -------------------

SEED = Path(__file__).resolve().parents[1] / "samples" / "snhr_seed_incidents.csv"

SLIDE = """<script>
window.addEventListener("load", function () { setTimeout(function () {
  var api = window.syriaGeo[Object.keys(window.syriaGeo)[0]];
  function inside(pt, ring) {  // ray casting on [lon, lat] rings
    var c = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var a = ring[i], b = ring[j];
      if ((a[1] > pt[1]) !== (b[1] > pt[1]) &&
          pt[0] < (b[0] - a[0]) * (pt[1] - a[1]) / (b[1] - a[1]) + a[0]) { c = !c; }
    }
    return c;
  }
  function contains(geom, pt) {
    var polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
    return polys.some(function (p) {
      return inside(pt, p[0]) && !p.slice(1).some(function (h) { return inside(pt, h); });
    });
  }
  function state() {
    var zones = [];
    if (api.control) {
      api.control.eachLayer(function (l) {
        zones.push({label: l.feature.properties.label,
                    mayadin: contains(l.feature.geometry, [40.428, 35.025])});
      });
    }
    var names = Array.prototype.map.call(
      document.querySelectorAll(".leaflet-control-layers-overlays label span span"),
      function (e) { return e.textContent.trim(); });
    var tip = null;
    api.choropleth.eachLayer(function (l) {
      if (!tip) { l.openTooltip(l.getBounds().getCenter()); tip = l.getTooltip().getElement().textContent; }
    });
    return {zones: zones, legend: document.querySelector(".sg-legend").textContent,
            units: api.unitValues(), names: names, tip: tip,
            slider: document.querySelector(".sg-slider-label").textContent};
  }
  var r = {errors: window.__sgErrors, all: state()};
  r.n = api.slide(__POSITION__);
  setTimeout(function () {
    r.month = state();
    var pre = document.createElement("pre");
    pre.id = "sg-report"; pre.textContent = JSON.stringify(r);
    document.body.appendChild(pre);
  }, 300);
}, 300); });
</script>"""


@pytest.fixture(scope="module")
def seed_page() -> tuple[str, pd.DataFrame]:
    from syria_geo.incidents.frame import incidents_from_file
    from syria_geo.spatial.observations import observations_from_incidents, observations_from_ocha
    from syria_geo.spatial.zones import control_zones_by_month

    df = incidents_from_file(SEED)
    obs = pd.concat([observations_from_incidents(df), observations_from_ocha()], ignore_index=True)
    control = control_zones_by_month(sorted(set(df["date"].astype(str).str[:7])), observations=obs)
    m = map_incidents(df, level="adm2", control=control, self_contained=True)
    return m.get_root().render(), df


def test_slider_to_2017_09_shows_that_months_zones_and_counts(
    seed_page: tuple[str, pd.DataFrame], tmp_path: Path
) -> None:
    page, df = seed_page
    months = [str(m) for m in pd.period_range("2016-09", "2021-02", freq="M")]
    position = months.index("2017-09") + 1
    report, console, _ = run_page(page, SLIDE.replace("__POSITION__", str(position)), tmp_path,
                                  budget_ms=8000)  # fmt: skip
    assert report["errors"] == []
    assert console == []
    # all months: no zones; the legend says to pick a month
    assert report["all"]["zones"] == []
    assert "Move the slider to a month" in report["all"]["legend"]
    shown = report["month"]
    assert report["n"] == int((df["date"].astype(str).str[:7] == "2017-09").sum()) - int(
        df.loc[df["date"].astype(str).str[:7] == "2017-09", "lon"].isna().sum()
    )
    assert shown["slider"].startswith("2017-09: ")
    isis = [z for z in shown["zones"] if z["label"] == "ISIS"]
    assert isis
    assert any(z["mayadin"] for z in isis)
    assert not any(z["label"] == "Syrian National Army" for z in shown["zones"])
    # the legend names the month and the observations the zones were built from
    assert "Showing: 2017-09" in shown["legend"]
    assert "Areas of control, 2017-09" in shown["legend"]
    assert "OCHA Syria HNO community access status of 2017-09-01" in shown["legend"]
    assert "incident report snhr-2017-09-massacres" in shown["legend"]
    assert any(n.startswith("Areas of control, 2017-09") for n in shown["names"])
    assert "Incidents per district, 2017-09 (SNHR reports; UN OCHA boundaries)" in shown["names"]
    assert "Incidents (clustered), 2017-09 (SNHR reports)" in shown["names"]
    assert "2017-09" in shown["tip"]
    # choropleth: the numbers change with the slider and are that month's counts
    counted = df["adm2_pcode"].notna() & (df["geo_precision"] != 3)
    month = df["date"].astype(str).str[:7] == "2017-09"
    want = df[counted & month].groupby("adm2_pcode").size().to_dict()
    got = {p: v[0] for p, v in shown["units"].items() if v[0]}
    assert got == want
    every = df[counted].groupby("adm2_pcode").size().to_dict()
    assert {p: v[0] for p, v in report["all"]["units"].items() if v[0]} == every
    assert got != every


def _sized_chromium(
    page: Path, profile: Path, size: str, *extra: str
) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    flags = [f for f in FLAGS if not f.startswith("--window-size")] + [f"--window-size={size}"]
    return subprocess.run([CHROMIUM, *flags, f"--user-data-dir={profile}", *extra, page.as_uri()],
                          capture_output=True, text=True, timeout=180, check=False)  # fmt: skip


#: Boxes of what a person sees: panels, markers, labels, and points projected on the screen.
LAYOUT = """<script>
window.addEventListener("load", function () { setTimeout(function () {
  var api = window.syriaGeo[Object.keys(window.syriaGeo)[0]];
  function box(el) { var b = el.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; }
  function boxes(sel) { return Array.prototype.map.call(document.querySelectorAll(sel), box); }
  function at(lat, lon) { var p = api.map.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }
  var legend = document.querySelector(".sg-legend");
  var label = Array.prototype.filter.call(document.querySelectorAll(".sg-label"),
    function (e) { return e.textContent === "Deir-ez-Zor"; })[0];
  var shownNames = [];
  api.contextLabels.eachLayer(function (mk) {
    if (mk.sgShown) {
      var b = box(mk.getElement().firstChild);
      shownNames.push({name: mk.getElement().textContent, box: b});
    }
  });
  var r = {collapsedAtStart: legend.classList.contains("sg-collapsed"),
           width: window.innerWidth, height: window.innerHeight,
           label: box(label), framed: api.framed.clear, zoom: api.map.getZoom(),
           paneZ: [label.closest(".leaflet-pane"), document.querySelector(".leaflet-marker-pane")]
             .map(function (e) { return +getComputedStyle(e).zIndex; }),
           panels: boxes(".leaflet-control-container .leaflet-control"),
           slider: box(document.querySelector(".sg-slider")),
           attribution: box(document.querySelector(".leaflet-control-attribution")),
           markers: boxes(".leaflet-marker-pane .sg-dot, .leaflet-marker-pane .marker-cluster"),
           contextLabels: shownNames,
           syria: [at(37.32, 35.73), at(32.31, 42.38)],
           coast: [at(35.52, 35.78), at(34.89, 35.886)],
           probes: {sea: [at(34.3, 34.8), at(35.2, 35.3)],
                    turkey: [at(38.3, 37.0), at(37.6, 39.0), at(37.1, 38.0), at(37.3, 40.0)],
                    iraq: [at(33.8, 42.9), at(35.8, 42.8), at(32.6, 41.2)],
                    jordan: [at(31.5, 36.8), at(31.0, 37.6)]},
           syriaInside: at(34.6, 38.6)};
  if (__TOGGLE__) {
    var button = legend.querySelector(".sg-legend-toggle");
    button.click();
    r.collapsedAfterClick = legend.classList.contains("sg-collapsed");
    r.expandedAttr = button.getAttribute("aria-expanded");
    button.click();
    r.collapsedAfterSecond = legend.classList.contains("sg-collapsed");
    // at the first month, is the control layer's coverage line in the open legend's view?
    api.slide(1);
    var body = legend.querySelector(".sg-legend-body"), outer = box(body);
    var line = Array.prototype.filter.call(body.querySelectorAll("*"), function (e) {
      return !e.children.length && /^(Coverage|Controller known)/.test(e.textContent); })[0];
    var inner = line ? box(line) : null;
    r.coverageInView = !!inner && !legend.classList.contains("sg-collapsed") &&
      inner[1] >= outer[1] && inner[3] <= outer[3];
    api.slide(0);
  }
  parent.postMessage(JSON.stringify(r), "*");
}, 400); });
</script>"""

# The map runs in an iframe of exactly the size under test: headless Chromium's own window
# has browser chrome (its viewport is shorter than --window-size) and at least 500 px wide.
FRAME = """<html><head><title>frame</title></head>
<body style="margin:0;overflow:hidden;background:#fff">
<iframe src="map.html" width="__W__" height="__H__" style="border:0;display:block"></iframe>
<script>window.addEventListener("message", function (e) {
  var pre = document.createElement("pre"); pre.id = "sg-report"; pre.textContent = e.data;
  document.body.appendChild(pre);
});</script></body></html>"""


def _framed(page_text: str, tmp_path: Path, width: int, height: int, toggle: bool) -> Path:
    cut = page_text.rindex("</html>")
    script = LAYOUT.replace("__TOGGLE__", "true" if toggle else "false")
    (tmp_path / "map.html").write_text(page_text[:cut] + script + page_text[cut:], "utf-8")
    outer = tmp_path / "frame.html"
    outer.write_text(FRAME.replace("__W__", str(width)).replace("__H__", str(height)), "utf-8")
    return outer


def _overlap(a: list[float], b: list[float]) -> bool:
    """Whether two boxes [left, top, right, bottom] overlap (touching is not overlapping)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where the browser tests keep their screenshots for a person to look at (printed).

    ``SYRIA_GEO_SCREENSHOTS`` if set, else ``tests/output/browser/`` (git ignores it).
    """
    folder = Path(os.environ.get("SYRIA_GEO_SCREENSHOTS") or Path(__file__).parent / "output"
                  / "browser")  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nbrowser screenshots: {folder}")
    return folder


def _pixel(pixels: np.ndarray, xy: list[float]) -> np.ndarray:
    """The median colour of the 5x5 pixels around a point (RGB, 0-1)."""
    x, y = round(xy[0]), round(xy[1])
    return np.median(pixels[y - 2 : y + 3, x - 2 : x + 3].reshape(-1, 3), axis=0)


@pytest.mark.parametrize(("size", "narrow"), [("1400,1000", False), ("900,650", True),
                                              ("390,844", True)])  # fmt: skip
def test_framing_leaves_markers_clear_of_panels_with_context_drawn(
    seed_page: tuple[str, pd.DataFrame],
    tmp_path: Path,
    size: str,
    narrow: bool,
    screenshot_dir: Path,
) -> None:
    from matplotlib.colors import to_rgb
    from matplotlib.image import imread, imsave

    from syria_geo.maps.basemap import LAND_COLOUR, SEA_COLOUR

    width, height = (int(v) for v in size.split(","))
    outer = _framed(seed_page[0], tmp_path, width, height, toggle=True)
    proc = _sized_chromium(outer, tmp_path / "p1", f"{max(width, 500) + 40},{height + 300}",
                           "--virtual-time-budget=8000", "--dump-dom")  # fmt: skip
    match = re.search(r'<pre id="sg-report">(.*?)</pre>', proc.stdout, re.S)
    assert match, proc.stderr[-2000:]
    r = json.loads(html.unescape(match.group(1)))
    assert (r["width"], r["height"]) == (width, height)
    # small screens start with the legend folded; one click opens it, another folds it
    assert r["collapsedAtStart"] is narrow
    assert r["collapsedAfterClick"] is not narrow
    assert r["expandedAttr"] == ("true" if narrow else "false")
    assert r["collapsedAfterSecond"] is narrow
    # on a large screen a month's control legend shows its coverage without scrolling
    assert r["coverageInView"] is (width >= 1400)

    def on_screen(b: list[float]) -> bool:
        return b[0] >= 0 and b[1] >= 0 and b[2] <= width and b[3] <= height

    # the first view frames Syria whole (its coast too) with every marker clear of every
    # panel (title, zoom, scale, layers, legend, slider, attribution)
    assert r["framed"] == "markers and outline"
    for x, y in r["syria"] + r["coast"]:
        assert 0 <= x <= width, (x, y)
        assert 0 <= y <= height, (x, y)
    panels = r["panels"]
    assert len(panels) >= 7
    assert r["markers"], "no marker drawn"
    for marker in r["markers"]:
        assert on_screen(marker), marker
        hidden = [p for p in panels if _overlap(marker, p)]
        assert hidden == [], (marker, hidden)
    # the Deir ez-Zor label is on screen and under no panel
    assert on_screen(r["label"])
    assert not any(_overlap(r["label"], p) for p in panels)
    # governorate names lie below the markers: a name never hides a cluster's count
    assert r["paneZ"][0] < r["paneZ"][1], r["paneZ"]
    # the slider is whole, and the attribution line is below it, never over it
    assert on_screen(r["slider"])
    assert on_screen(r["attribution"])
    assert not _overlap(r["slider"], r["attribution"])
    assert r["attribution"][1] >= r["slider"][3]
    # neighbours named in English where they are in view, never under a panel
    names = {c["name"] for c in r["contextLabels"]}
    for c in r["contextLabels"]:
        assert on_screen(c["box"])
        assert not any(_overlap(c["box"], p) for p in panels)
    assert {"Turkey", "Iraq", "Jordan"} <= names, names
    if not narrow:
        assert {"Turkey", "Iraq", "Jordan", "Lebanon", "Israel", "Mediterranean Sea"} <= names
    # a screenshot of exactly that size, for a person to look at; sea and land are drawn
    # (the window is larger than the frame, so that all of it is painted, then cropped)
    outer = _framed(seed_page[0], tmp_path, width, height, toggle=False)
    whole = tmp_path / "window.png"
    proc = _sized_chromium(outer, tmp_path / "p2", f"{max(width, 500) + 40},{height + 300}",
                           "--virtual-time-budget=8000", f"--screenshot={whole}")  # fmt: skip
    assert whole.is_file(), proc.stderr[-2000:]
    pixels = np.ascontiguousarray(imread(whole)[:height, :width, :3])
    assert pixels.shape[:2] == (height, width)
    assert len(np.unique((pixels * 255).astype(int).reshape(-1, 3), axis=0)) > 200
    imsave(screenshot_dir / f"map-{width}x{height}.png", pixels)

    def seen(where: str) -> list[float] | None:
        """The first probe point of a place that is on screen and under no panel."""
        for x, y in r["probes"][where]:
            spot = [x - 3, y - 3, x + 3, y + 3]
            if on_screen(spot) and not any(_overlap(spot, p) for p in panels):
                return [x, y]
        return None

    for where, colour in (("turkey", LAND_COLOUR), ("iraq", LAND_COLOUR),
                          ("jordan", LAND_COLOUR), ("sea", SEA_COLOUR)):  # fmt: skip
        xy = seen(where)
        assert xy is not None or (narrow and where == "sea"), where
        if xy is not None:
            assert np.abs(_pixel(pixels, xy) - to_rgb(colour)).max() < 0.03, where
    assert np.abs(_pixel(pixels, r["syriaInside"]) - to_rgb(SEA_COLOUR)).max() > 0.1


# --- one colour scale, a continuous month axis, a play button --------------------------

MONTHS = """<script>
window.addEventListener("load", function () { setTimeout(function () {
  var api = window.syriaGeo[Object.keys(window.syriaGeo)[0]];
  var q = function (s) { return document.querySelector(s); };
  function state() {
    return {position: api.position(), units: api.unitColours(),
            label: q(".sg-slider-label").textContent, value: q(".sg-slider-input").value,
            valueText: q(".sg-slider-input").getAttribute("aria-valuetext"),
            legend: q(".sg-legend-choro").textContent,
            control: q(".sg-legend-control").textContent,
            allPressed: q(".sg-all").getAttribute("aria-pressed")};
  }
  var r = {errors: window.__sgErrors, max: q(".sg-slider-input").max,
           min: q(".sg-slider-input").min,
           ticks: Array.prototype.map.call(document.querySelectorAll(".sg-tick"),
                                           function (e) { return e.textContent; }),
           bars: Array.prototype.map.call(document.querySelectorAll(".sg-bar"),
                                          function (e) { return e.title; }),
           start: state()};
  var input = q(".sg-slider-input");
  function slideTo(m) {  // as a person does: move the range input
    input.value = m; input.dispatchEvent(new Event("input", {bubbles: true})); return state();
  }
  r.first = slideTo(__FIRST__);
  r.second = slideTo(__SECOND__);
  r.empty = slideTo(__EMPTY__);
  q(".sg-all").click(); r.all = state();
  q(".sg-play").click(); r.playingAfterClick = api.playing();
  r.playLabel = q(".sg-play").getAttribute("aria-label");
  setTimeout(function () {
    r.afterPlay = api.position();
    q(".sg-play").click(); r.pausedAfterClick = !api.playing();
    var stopped = api.position();
    setTimeout(function () {
      r.stillPaused = api.position() === stopped;
      api.slide(__LAST__); q(".sg-play").click(); r.fromEnd = api.position();
      api.pause();
      var pre = document.createElement("pre");
      pre.id = "sg-report"; pre.textContent = JSON.stringify(r);
      document.body.appendChild(pre);
    }, 2000);
  }, 2850);
}, 300); });
</script>"""


def _months_report(page: str, tmp_path: Path, months: list[str]) -> dict[str, Any]:
    script = (MONTHS.replace("__FIRST__", str(months.index("2016-09") + 1))
              .replace("__SECOND__", str(months.index("2021-02") + 1))
              .replace("__EMPTY__", str(months.index("2018-03") + 1))
              .replace("__LAST__", str(len(months))))  # fmt: skip
    report, console, _ = run_page(page, script, tmp_path, budget_ms=12000)
    assert report["errors"] == []
    assert console == []
    return report


def _colour_of_count(units: dict[str, list[Any]]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for count, fill in units.values():
        out.setdefault(count, set()).add(fill)
    return out


SEED_MONTHS = [str(m) for m in pd.period_range("2016-09", "2021-02", freq="M")]


def test_one_colour_scale_continuous_months_and_play(
    seed_page: tuple[str, pd.DataFrame], tmp_path: Path
) -> None:
    from syria_geo.maps.styles import NODATA_COLOUR

    r = _months_report(seed_page[0], tmp_path, SEED_MONTHS)
    # every month from 2016-09 to 2021-02 is a notch (54), empty months included
    assert (r["min"], r["max"]) == ("1", str(len(SEED_MONTHS)))
    assert r["ticks"] == ["2017", "2018", "2019", "2020", "2021"]
    assert [b.split(":")[0] for b in r["bars"]] == ["2016-09", "2017-08", "2017-09", "2020-04",
                                                    "2021-01", "2021-02"]  # fmt: skip
    first, second = r["first"], r["second"]
    assert first["label"].startswith("2016-09: ")
    assert second["label"].startswith("2021-02: ")
    assert (first["valueText"], second["valueText"]) == ("2016-09", "2021-02")
    assert first["allPressed"] == "false"
    # the same count has the same colour in 2016-09 and in 2021-02
    a, b = _colour_of_count(first["units"]), _colour_of_count(second["units"])
    assert all(len(fills) == 1 for fills in [*a.values(), *b.values()])
    common = set(a) & set(b)
    assert {0, 1} <= common
    assert any(c > 0 for c in common)
    for count in common:
        assert a[count] == b[count], count
    # and both months show the one shared legend
    assert first["legend"].replace("2016-09", "M") == second["legend"].replace("2021-02", "M")
    assert "one colour scale for the 6 months with incidents" in first["legend"]
    # an empty month is shown as empty, not skipped
    empty = r["empty"]
    assert empty["label"] == "2018-03: no incidents in this table"
    assert "No incidents in this table in 2018-03" in empty["legend"]
    assert {fill for _, fill in empty["units"].values()} == {NODATA_COLOUR}
    assert "No control observation covers 2018-03" in empty["control"]
    # "All months" is a button; the play button plays month after month, then pauses
    assert r["all"]["position"] == 0
    assert r["all"]["allPressed"] == "true"
    assert r["playingAfterClick"] is True
    assert r["playLabel"] == "Pause"
    assert r["afterPlay"] == 4  # from 2016-09 (1), three steps of 900 ms
    assert r["pausedAfterClick"] is True
    assert r["stillPaused"] is True
    assert r["fromEnd"] == 1  # at the last month, play starts again from the first


def test_per_month_classes_differ_and_say_so(
    seed_page: tuple[str, pd.DataFrame], tmp_path: Path
) -> None:
    from syria_geo.incidents.frame import incidents_from_file

    m = map_incidents(incidents_from_file(SEED), level="adm2", classes="per_month",
                      self_contained=True)  # fmt: skip
    r = _months_report(m.get_root().render(), tmp_path, SEED_MONTHS)
    a, b = _colour_of_count(r["first"]["units"]), _colour_of_count(r["second"]["units"])
    # with each month's own classes a count changes colour between months: what the
    # shared scale prevents; the legend says so
    assert any(a[c] != b[c] for c in set(a) & set(b))
    assert "a colour does not mean the same value in another month" in r["first"]["legend"]
