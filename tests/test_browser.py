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
    months = sorted(set(df["date"].astype(str).str[:7]))
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


LAYOUT = """<script>
window.addEventListener("load", function () { setTimeout(function () {
  function box(el) { var b = el.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; }
  var legend = document.querySelector(".sg-legend");
  var label = Array.prototype.filter.call(document.querySelectorAll(".sg-label"),
    function (e) { return e.textContent === "Deir-ez-Zor"; })[0];
  var r = {collapsedAtStart: legend.classList.contains("sg-collapsed"),
           width: window.innerWidth, height: window.innerHeight,
           label: box(label),
           panels: [".sg-legend", ".leaflet-control-layers", ".sg-slider"].map(function (s) {
             return box(document.querySelector(s)); })};
  if (__TOGGLE__) {
    var button = legend.querySelector(".sg-legend-toggle");
    button.click();
    r.collapsedAfterClick = legend.classList.contains("sg-collapsed");
    r.expandedAttr = button.getAttribute("aria-expanded");
    button.click();
    r.collapsedAfterSecond = legend.classList.contains("sg-collapsed");
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


@pytest.mark.parametrize(("size", "narrow"), [("1400,1000", False), ("900,650", True),
                                              ("390,844", True)])  # fmt: skip
def test_legend_collapses_and_deir_ez_zor_stays_visible(
    seed_page: tuple[str, pd.DataFrame], tmp_path: Path, size: str, narrow: bool
) -> None:
    from matplotlib.image import imread

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
    # the Deir ez-Zor label is on screen and under no panel
    left, top, right, bottom = r["label"]
    assert left >= 0
    assert right <= width
    assert top >= 0
    assert bottom <= height
    for p in r["panels"]:
        assert right <= p[0] or left >= p[2] or bottom <= p[1] or top >= p[3], (p, r["label"])
    # a screenshot of exactly that size, for a person to look at
    outer = _framed(seed_page[0], tmp_path, width, height, toggle=False)
    shot = tmp_path / f"map-{width}x{height}.png"
    proc = _sized_chromium(outer, tmp_path / "p2", size, "--virtual-time-budget=8000",
                           f"--screenshot={shot}")  # fmt: skip
    assert shot.is_file(), proc.stderr[-2000:]
    pixels = imread(shot)[:, :, :3]
    assert pixels.shape[:2] == (height, width)
    assert pixels.std() > 0.05
    assert len(np.unique((pixels * 255).astype(int).reshape(-1, 3), axis=0)) > 200
    keep = os.environ.get("SYRIA_GEO_SCREENSHOTS")
    if keep:
        shutil.copy(shot, Path(keep) / shot.name)
