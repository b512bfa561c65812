"""Untrusted text never executes on a map.

Every string that comes from a report or a user file (place text, perpetrator, weapon, date,
report id, gazetteer names read back from a file, control-layer controller/date/source,
the control date, the title) is fed script payloads: ``<script>``, ``<img onerror>``,
``javascript:`` URLs, ``</script>`` breakers and attribute breakers (``" onmouseover=``).
The map is then loaded in headless Chromium (no network) and every popup, choropleth
tooltip and control tooltip is opened, every element gets mouse and focus events, and the
page reports whether any payload ran (``window.__pwned``), whether any element carries an
event-handler attribute or a ``javascript:`` link, and the text shown, which must contain
the payloads literally.  The static choropleth's title is checked in its SVG.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest

from syria_geo.errors import SyriaGeoWarning
from syria_geo.gazetteer.boundaries import load_boundaries
from syria_geo.io.writers import to_csv
from syria_geo.maps.interactive import map_incidents
from syria_geo.maps.static import choropleth
from tests.test_browser import CHROMIUM, run_page
from tests.test_maps import synthetic_incidents

CliRunner = Callable[..., subprocess.CompletedProcess[str]]

#: each payload sets window.__pwned if it ever runs
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "<svg onload=window.__pwned=1>",
    "</script><script>window.__pwned=1</script>",
    '" onmouseover="window.__pwned=1" x="',
    "' onfocus='window.__pwned=1' autofocus='",
    "javascript:window.__pwned=1",
    '<a href="javascript:window.__pwned=1">click</a>',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "{{7*7}} ${window.__pwned=1} `${1}`",
    "\u2028\u2029</SCRIPT><!--<script>window.__pwned=1//",
)

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium)"
)

# Opens every popup and tooltip, fires events at every element, then reports.
REPORT = """<script>
window.addEventListener("load", function () { setTimeout(function () {
  var keys = Object.keys(window.syriaGeo || {});
  var api = keys.length ? window.syriaGeo[keys[0]] : null;
  var shown = {popups: [], tips: [], control: []};
  if (api) {
    for (var i = 0; i < api.n; i++) {
      var p = api.openPopup(i);
      shown.popups.push(p.getElement().querySelector(".leaflet-popup-content").textContent);
    }
    api.choropleth.eachLayer(function (l) {
      l.openTooltip(l.getBounds().getCenter());
      var t = l.getTooltip();
      if (t && t.getElement()) { shown.tips.push(t.getElement().textContent); }
    });
    if (api.control) {
      api.control.eachLayer(function (l) {
        l.openTooltip(l.getLatLng ? l.getLatLng() : l.getBounds().getCenter());
        var t = l.getTooltip();
        if (t && t.getElement()) { shown.control.push(t.getElement().textContent); }
      });
    }
  }
  var all = document.querySelectorAll("*");
  ["mouseover", "mouseenter", "focus", "mousemove"].forEach(function (type) {
    for (var j = 0; j < all.length; j++) {
      all[j].dispatchEvent(new MouseEvent(type, {bubbles: true, clientX: 640, clientY: 450}));
      if (all[j].focus) { all[j].focus(); }
    }
  });
  setTimeout(function () {
    var handlers = [], links = [];
    var els = document.querySelectorAll("*");
    for (var k = 0; k < els.length; k++) {
      for (var a = 0; a < els[k].attributes.length; a++) {
        var attr = els[k].attributes[a];
        if (/^on/i.test(attr.name)) { handlers.push(els[k].tagName + " " + attr.name); }
        if (/^\\s*javascript:/i.test(attr.value)) { links.push(els[k].tagName + " " + attr.name); }
      }
    }
    var legend = document.querySelector(".sg-legend");
    var title = document.querySelector(".sg-title");
    var r = {
      pwned: window.__pwned === 1, errors: window.__sgErrors, shown: shown,
      handlers: handlers, links: links,
      iframes: document.querySelectorAll("iframe").length,
      injected: document.querySelectorAll(".leaflet-container img[src='x'], svg[onload]").length,
      legend: legend ? legend.textContent : "", title: title ? title.textContent : "",
      layerNames: Array.prototype.map.call(
        document.querySelectorAll(".leaflet-control-layers-overlays label span span"),
        function (e) { return e.textContent.trim(); })
    };
    var pre = document.createElement("pre");
    pre.id = "sg-report"; pre.textContent = JSON.stringify(r);
    document.body.appendChild(pre);
    document.title = r.pwned ? "PWNED" : "CLEAN";
  }, 500);
}, 300); });
</script>"""


def probe(page_html: str, tmp_path: Path) -> tuple[dict[str, Any], list[str], str]:
    return run_page(page_html, REPORT, tmp_path, budget_ms=8000)


def evil_incidents() -> pd.DataFrame:
    """Realistic incidents whose every text field carries a payload (cycled)."""
    df = synthetic_incidents(len(PAYLOADS), seed=51)
    n = len(PAYLOADS)
    for column, shift in (("place_text", 0), ("weapon", 1), ("perpetrator", 2), ("report_id", 3),
                          ("date", 4), ("geo_name", 5), ("geo_name_ar", 6), ("geo_id", 7)):  # fmt: skip
        df[column] = [PAYLOADS[(i + shift) % n] for i in range(n)]
    # a month the slider can read, with a payload after it
    df.loc[0, "date"] = "2017-03-01" + PAYLOADS[1]
    return df


def evil_dates() -> pytest.WarningsRecorder:
    """The payload dates are not calendar days: the incidents frame says so, once."""
    return pytest.warns(SyriaGeoWarning, match="are not calendar days")


def evil_control(date: str) -> gpd.GeoDataFrame:
    adm1 = load_boundaries("adm1", simplified=True)
    rows = min(len(PAYLOADS), len(adm1))
    return gpd.GeoDataFrame(
        {
            "controller": [PAYLOADS[i] for i in range(rows)],
            "as_of": [date + PAYLOADS[(i + 1) % len(PAYLOADS)] for i in range(rows)],
            "source": [PAYLOADS[(i + 2) % len(PAYLOADS)] for i in range(rows)],
        },
        geometry=list(adm1.geometry.iloc[:rows]),
        crs="EPSG:4326",
    )


def check_page(report: dict[str, Any], console: list[str], title: str, n: int) -> None:
    assert title == "CLEAN"
    assert report["pwned"] is False
    assert report["errors"] == []  # an injected <img src=x> would fail to load
    assert console == []
    assert report["handlers"] == []  # no element got an on* attribute
    assert report["links"] == []  # no javascript: href/src
    assert report["iframes"] == 0
    assert report["injected"] == 0
    assert len(report["shown"]["popups"]) == n


@pytest.mark.browser
@needs_chromium
def test_payloads_are_shown_literally_and_never_run(tmp_path: Path) -> None:
    df = evil_incidents()
    date = "2017-09"
    with evil_dates():
        m = map_incidents(df, self_contained=True, level="adm1", control=evil_control(date),
                          control_date=date, title=PAYLOADS[1] + PAYLOADS[4])  # fmt: skip
    raw = m.get_root().render()
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in raw  # never in the page source unescaped
    report, console, title = probe(raw, tmp_path)
    check_page(report, console, title, len(df))
    popups = report["shown"]["popups"]
    for i, payload in enumerate(PAYLOADS):
        assert "Place" + payload in popups[i]  # shown as text, not dropped
        assert "Weapon" + PAYLOADS[(i + 1) % len(PAYLOADS)] in popups[i]
        assert PAYLOADS[(i + 5) % len(PAYLOADS)] in popups[i]  # geo_name
    # choropleth tooltips: one per governorate, names from the shipped data
    assert len(report["shown"]["tips"]) == 14
    assert any("Aleppo" in t and "حلب" in t for t in report["shown"]["tips"])
    # control tooltips: controller, date and basis as text
    control_tips = report["shown"]["control"]
    assert len(control_tips) == len(evil_control(date))
    assert control_tips[0].startswith(PAYLOADS[0] + ", " + date + PAYLOADS[1])
    assert report["title"] == PAYLOADS[1] + PAYLOADS[4]
    assert any(n.startswith("Areas of control, 2017-09") for n in report["layerNames"])
    for payload in PAYLOADS[:4]:
        assert payload in report["legend"]  # perpetrators and controllers in the legend


@pytest.mark.browser
@needs_chromium
def test_map_command_on_an_evil_file(tmp_path: Path, run_cli: CliRunner) -> None:
    """User files through the CLI: incidents CSV, control GeoJSON, --control-date, --title."""
    with evil_dates():
        src = to_csv(evil_incidents(), tmp_path / "evil.csv")
    control = tmp_path / "control.geojson"
    evil_control("2017-09").to_file(control, engine="pyogrio")
    out = tmp_path / "map.html"
    when = "2017-09" + PAYLOADS[1]  # matches the first control row's as_of only
    proc = run_cli("map", str(src), "-o", str(out), "--self-contained", "--control", str(control),
                   "--control-date", when, "--title", PAYLOADS[4] + PAYLOADS[0])  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    report, console, title = probe(out.read_text("utf-8"), tmp_path)
    check_page(report, console, title, len(PAYLOADS))
    assert report["title"] == PAYLOADS[4] + PAYLOADS[0]
    assert len(report["shown"]["control"]) == 1
    assert report["shown"]["control"][0].startswith(f"{PAYLOADS[0]}, {when}")
    assert any(n.startswith(f"Areas of control, {when}") for n in report["layerNames"])


def test_map_data_holds_only_escaped_text() -> None:
    """Without a browser: every string in the map's data is escaped (no raw '<' or '"')."""
    with evil_dates():
        m = map_incidents(evil_incidents(), control=evil_control("2017-09 "), title=PAYLOADS[3])
    raw = m.get_root().render()
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in raw
    block = re.search(r"var D = (\{.*?\});\n\s*var S = ", raw, re.S)
    assert block
    data = json.loads(block.group(1))

    def strings(obj: object) -> list[str]:
        if isinstance(obj, str):
            return [obj]
        if isinstance(obj, dict):
            return [s for v in obj.values() for s in strings(v)]
        if isinstance(obj, list):
            return [s for v in obj for s in strings(v)]
        return []

    legend = "".join(strings(data.pop("legend")))
    for text in strings(data):
        assert "<" not in text, text
        assert '"' not in text, text
        assert "'" not in text, text
    # the legend is markup built by the package: its user text is escaped
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in legend
    assert "<script" not in legend.lower()
    assert 'onmouseover="' not in legend


@pytest.mark.parametrize("fonttype", ["path", "none"])
def test_static_choropleth_title_is_literal_text(fonttype: str, tmp_path: Path) -> None:
    from matplotlib import rc_context

    df = synthetic_incidents(30, seed=52)
    title = PAYLOADS[0] + " $x^2$ " + PAYLOADS[4] + " " + PAYLOADS[6]
    out = tmp_path / "map.svg"
    with rc_context({"svg.fonttype": fonttype}):
        choropleth(df, title=title, output=out)
    tree = ET.parse(out)  # well-formed XML: nothing broke out of a text node
    root = tree.getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert root.findall(f".//{ns}script") == []
    assert root.findall(f".//{ns}foreignObject") == []
    for el in root.iter():
        assert not any(k.lower().startswith("on") for k in el.attrib), el.attrib
        assert not any(str(v).strip().lower().startswith("javascript:") for v in el.attrib.values())
    if fonttype == "none":  # text kept as text: the title is there, literally
        texts = ["".join(el.itertext()) for el in root.iter(f"{ns}text")]
        assert title in texts


#: What the Python-running payload below returns if it is ever evaluated: a text that
#: cannot occur in the map otherwise (the process id could, inside a coordinate).
EVALUATED = "EVALUATED/BY_JINJA"

TEMPLATE_PAYLOADS = (
    "{{ cycler.__init__.__globals__.os.getpid() }}",
    "{{7*7}}",
    "Hama {% broken",
    "{# an unterminated comment",
    "{{ self }}{%- raw %}",
    '{{ cycler.__init__.__globals__.os.path.join("EVALUATED", "BY_JINJA") }}',
)


def test_template_syntax_in_user_text_is_never_evaluated() -> None:
    """branca renders the map script again as a Jinja template: user text must stay text.

    Before the fix, "{{ cycler.__init__.__globals__.os.getpid() }}" in a place phrase ran
    Python while the map was rendered, "{{7*7}}" became "49" and "{% broken" crashed.
    """
    df = synthetic_incidents(len(TEMPLATE_PAYLOADS), seed=53)
    df["place_text"] = list(TEMPLATE_PAYLOADS)
    df["perpetrator"] = list(TEMPLATE_PAYLOADS)
    control = evil_control("2017-09").assign(controller=TEMPLATE_PAYLOADS[1])
    raw = (
        map_incidents(df, control=control, control_date="2017-09", title=TEMPLATE_PAYLOADS[0])
        .get_root()
        .render()
    )
    block = re.search(r"var D = (\{.*?\});\n\s*var S = ", raw, re.S)
    assert block
    data = json.loads(block.group(1))
    for payload in TEMPLATE_PAYLOADS:
        assert html.escape(payload) in data["inc"]["str"]  # literally, not evaluated
    assert data["title"] == html.escape(TEMPLATE_PAYLOADS[0])
    assert data["ctrlFc"][0]["features"][0]["properties"]["label"] == "{{7*7}}"
    # deterministic: the marker of an evaluated payload, not the process id (a pid such
    # as 2563 occurs inside a coordinate like 36.22563 in about one run in three)
    assert EVALUATED not in raw
    assert "49" not in [p["label"] for p in data["perps"]]
