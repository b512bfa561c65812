/* syria_geo interactive map.
 *
 * window.syriaGeoDraw(map, D, key) draws everything from the data object D that
 * syria_geo.maps.map_incidents writes (every string in D is already HTML-escaped):
 * a vector basemap (Syria and, offline, its neighbours, the sea and the coast line), the
 * classed choropleth, clustered incidents (Supercluster), a heat map, areas of control,
 * location-uncertainty circles, a title, a collapsible legend and a month slider (every
 * month from the first to the last, year labels, a bar per month, a play button) that
 * switches incidents, control zones, heat map and choropleth together.  Position 0 is
 * "all months"; position m > 0 is D.inc.months[m - 1].  Once the panels are in place the
 * first view is framed so that Syria is whole and no panel covers a marker (frame()).
 */
(function () {
  "use strict";

  function fmt(v) { return (v === null || v === undefined) ? "no data" : v.toLocaleString("en"); }

  function narrow() { return window.innerWidth < 1000 || window.innerHeight < 760; }

  window.syriaGeoDraw = function (map, D, key) {
    var S = D.inc.str;
    var I = D.inc;
    var api = {};
    window.syriaGeo = window.syriaGeo || {};
    window.syriaGeo[key] = api;
    var current = 0;

    // context (no tiles): the sea, the neighbouring countries and the coast line, below Syria
    var C = D.base.context;
    if (C) {
      map.createPane("sgContext"); map.getPane("sgContext").style.zIndex = 190;
      map.getPane("sgContext").style.pointerEvents = "none";
      api.context = L.geoJSON(C.fc, {pane: "sgContext", interactive: false,
        style: function (f) {
          var kind = f.properties.kind;
          if (kind === "sea") { return {stroke: false, fillColor: "#cbdde8", fillOpacity: 1}; }
          if (kind === "coast") { return {color: "#5a87a8", weight: 1.1, opacity: 1, fill: false}; }
          return {color: "#9c978c", weight: 0.8, opacity: 1, fillColor: "#e9e7e0", fillOpacity: 1};
        }}).addTo(map);
      // the view never leaves the context's box (beyond it nothing is drawn)
      map.setMaxBounds(L.latLngBounds([C.box[1], C.box[0]], [C.box[3], C.box[2]]));
      map.options.maxBoundsViscosity = 1.0;
    }
    // Syria: an opaque fill when there are no tiles, else outlines above them
    map.createPane("sgBase"); map.getPane("sgBase").style.zIndex = D.base.fill ? 200 : 250;
    map.getPane("sgBase").style.pointerEvents = "none";
    map.createPane("sgControl"); map.getPane("sgControl").style.zIndex = 420;
    map.createPane("sgLabels"); map.getPane("sgLabels").style.zIndex = 650;
    map.getPane("sgLabels").style.pointerEvents = "none";
    // governorate names: above the choropleth and the zones, below the markers (600), so a
    // name never covers the count on a cluster bubble or an incident's dot
    map.createPane("sgNames"); map.getPane("sgNames").style.zIndex = 450;
    map.getPane("sgNames").style.pointerEvents = "none";
    L.geoJSON(D.base.adm0, {pane: "sgBase", interactive: false,
      style: {color: "#4d4d4d", weight: 1.6, fillColor: "#fbfaf6", fillOpacity: D.base.fill ? 1 : 0}
    }).addTo(map);
    L.geoJSON(D.base.adm1, {pane: "sgBase", interactive: false,
      style: {color: "#9a9a9a", weight: 0.8, fill: false}}).addTo(map);
    var labels = L.layerGroup(D.base.labels.map(function (l) {
      return L.marker([l[1], l[0]], {pane: "sgNames", interactive: false, keyboard: false,
        icon: L.divIcon({className: "sg-label", html: l[2], iconSize: null})});
    }));
    labels.addTo(map);
    // names of the neighbouring countries and of the sea (escaped in Python), each with
    // label points best first: placeLabels() keeps the first in view and under no panel
    var contextLabels = L.layerGroup(C ? C.labels.map(function (l) {
      var mk = L.marker([l[2][0][1], l[2][0][0]], {pane: "sgLabels", interactive: false,
        keyboard: false, icon: L.divIcon({className: "sg-ctx-label sg-ctx-" + l[1],
          iconSize: null, html: '<span class="sg-ctx-name">' + l[0] + "</span>"})});
      mk.sgCandidates = l[2];
      return mk;
    }) : []);
    contextLabels.addTo(map);
    api.contextLabels = contextLabels;

    // ---- choropleth: one style per slider position -----------------------------------
    function cm() { return D.cm[current]; }
    var choro = L.geoJSON(D.choro, {
      style: function (f) { return unitStyle(f.properties.i); },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(function () { return unitTip(f.properties); }, {sticky: true});
      }
    }).addTo(map);
    function unitStyle(i) {
      var c = cm().empty ? -1 : cm().c[i];
      return {color: "#555", weight: 0.7, fillOpacity: 0.72,
              fillColor: c >= 0 ? cm().colours[c] : D.nodata};
    }
    function unitTip(p) {
      var m = cm(), i = p.i;
      var head = '<div class="sg-tip"><b>' + p.en + '</b> <span dir="rtl" lang="ar">' + p.ar +
        '</span><br><span class="sg-pcode">' + p.pcode + '</span> &middot; <b>' +
        D.period[current] + '</b>';
      if (m.empty) { return head + "<br>No incidents in this table in this month</div>"; }
      return head +
        '<br>Incidents: ' + fmt(m.n[i]) + '<br>Killed: ' + fmt(m.k[i]) +
        '<br>Children and women killed: ' + fmt(m.cw[i]) +
        '<br>' + D.metricLabel + ': <b>' + m.t[i] + '</b>' +
        '<br><span class="sg-legend-note">Source: ' + D.sources + '</span></div>';
    }
    api.choropleth = choro;
    api.unitColours = function () {  // {pcode: [count, fill drawn]} of the month shown
      var out = {};
      choro.eachLayer(function (layer) {
        var p = layer.feature.properties;
        var fill = layer._path ? layer._path.getAttribute("fill") : layer.options.fillColor;
        out[p.pcode] = [cm().empty ? null : cm().n[p.i], fill];
      });
      return out;
    };
    api.unitValues = function () {  // {pcode: [count, metric text]} of the month shown
      var out = {};
      choro.eachLayer(function (layer) {
        var p = layer.feature.properties;
        out[p.pcode] = cm().empty ? [null, "no data"] : [cm().n[p.i], cm().t[p.i]];
      });
      return out;
    };

    // ---- incident markers ------------------------------------------------------------
    var icons = D.perps.map(function (p) {
      return L.divIcon({className: "sg-dot", iconSize: [12, 12],
        html: '<div style="width:100%;height:100%;border-radius:50%;background:' + p.colour + '"></div>'});
    });
    // placed at the centre of an admin unit (geo_precision 3): a ring, not a dot
    var ringIcons = D.perps.map(function (p) {
      return L.divIcon({className: "sg-dot sg-coarse", iconSize: [14, 14],
        html: '<div style="width:100%;height:100%;border-radius:50%;box-sizing:border-box;' +
              'background:rgba(255,255,255,0.6);border:3px dashed ' + p.colour + '"></div>'});
    });
    function row(label, value) {
      return value === "" || value === null || value === undefined ? "" :
        "<tr><th>" + label + "</th><td>" + value + "</td></tr>";
    }
    function num(v) { return v === null || v === undefined ? "not stated" : String(v); }
    function located(i) {
      var text = S[I.pq[i]];
      if (I.u[i] !== null && I.u[i] !== undefined) {
        text += (text ? ", " : "") + "within about " + I.u[i].toLocaleString("en") + " km";
      }
      return text;
    }
    function popupHtml(i) {
      return '<table class="sg-popup">' +
        row("Date", S[I.d[i]]) + row("Perpetrator", D.perps[I.p[i]].label) +
        row("Weapon", S[I.wp[i]]) + row("Place", S[I.pl[i]]) +
        row("Located as", S[I.g[i]]) + row("Location", located(i)) +
        row("Killed", num(I.k[i])) + row("Children", num(I.c[i])) + row("Women", num(I.w[i])) +
        row("Source", S[I.src[i]]) + "</table>";
    }
    api.popupHtml = popupHtml;
    function popupOf(i) { return L.popup({maxWidth: 340}).setContent(popupHtml(i)); }
    api.openPopup = function (i) {
      return popupOf(i).setLatLng([I.lat[i], I.lon[i]]).openOn(map);
    };
    function listPopup(ll, leaves, total) {
      var parts = ['<div class="sg-list"><b>' + total.toLocaleString("en") +
                   " incidents at this location</b>"];
      for (var j = 0; j < leaves.length; j++) { parts.push(popupHtml(leaves[j].properties.i)); }
      if (total > leaves.length) {
        parts.push("<i>" + (total - leaves.length).toLocaleString("en") +
                   " more: use the month slider to narrow down</i>");
      }
      return L.popup({maxWidth: 360, maxHeight: 320}).setLatLng(ll)
        .setContent(parts.join("<hr>") + "</div>").openOn(map);
    }

    // Clustering: Supercluster (a k-d tree index over plain arrays) so that 100,000
    // incidents stay fast; only the clusters and points in view are Leaflet markers.
    var MAXZ = map.getMaxZoom();
    var points = new Array(I.n);
    for (var i = 0; i < I.n; i++) {
      points[i] = {type: "Feature", properties: {i: i},
                   geometry: {type: "Point", coordinates: [I.lon[i], I.lat[i]]}};
    }
    var indexes = {};
    function indexFor(m) {
      if (!indexes[m]) {
        var pick = [];
        for (var i = 0; i < I.n; i++) { if (m === 0 || I.m[i] === m - 1) { pick.push(points[i]); } }
        indexes[m] = {n: pick.length,
                      sc: new Supercluster({radius: 50, maxZoom: MAXZ, minZoom: 0}).load(pick)};
      }
      return indexes[m];
    }
    function clusterIcon(count) {
      var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      return L.divIcon({html: "<div><span>" + count.toLocaleString("en") + "</span></div>",
                        className: "marker-cluster marker-cluster-" + size,
                        iconSize: L.point(40, 40)});
    }
    var cluster = L.layerGroup();
    // uncertainty circles of the single incidents in view not located exactly (toggle)
    var uncertainty = L.layerGroup();
    function redraw() {
      var showMarkers = map.hasLayer(cluster), showCircles = map.hasLayer(uncertainty);
      cluster.clearLayers(); uncertainty.clearLayers();
      if (!showMarkers && !showCircles) { return; }
      var idx = indexFor(current).sc, b = map.getBounds().pad(0.2);
      var items = idx.getClusters([Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()),
                                   Math.min(180, b.getEast()), Math.min(85, b.getNorth())],
                                  Math.round(map.getZoom()));
      items.forEach(function (f) {
        var c = f.geometry.coordinates, ll = L.latLng(c[1], c[0]), p = f.properties, mk;
        if (!p.cluster && showCircles && I.pr[p.i] !== 1 && I.u[p.i]) {
          uncertainty.addLayer(L.circle(ll, {radius: I.u[p.i] * 1000, color: D.perps[I.p[p.i]].colour,
            weight: 1, dashArray: "3 3", fillOpacity: 0.08, interactive: false}));
        }
        if (!showMarkers) { return; }
        if (p.cluster) {
          mk = L.marker(ll, {icon: clusterIcon(p.point_count),
                             title: p.point_count + " incidents"});
          mk.on("click", function () {
            var z = idx.getClusterExpansionZoom(p.cluster_id);
            if (z > MAXZ || map.getZoom() >= MAXZ) {  // all at one place: list them
              listPopup(ll, idx.getLeaves(p.cluster_id, 100), p.point_count);
            } else {
              map.setView(ll, z);
            }
          });
        } else {
          mk = L.marker(ll, {icon: (I.q[p.i] ? ringIcons : icons)[I.p[p.i]]});
          mk.on("click", function () { popupOf(p.i).setLatLng(ll).openOn(map); });
        }
        cluster.addLayer(mk);
      });
    }
    map.on("moveend", redraw);
    cluster.on("add", redraw);
    uncertainty.on("add", redraw);
    var heat = L.heatLayer([], {radius: 16, blur: 20, maxZoom: 11, minOpacity: 0.35});
    api.map = map; api.cluster = cluster; api.heat = heat; api.uncertainty = uncertainty;
    api.n = I.n;

    // ---- areas of control: the zones of the month shown ------------------------------
    var control = null;
    if (D.ctrl) {
      control = L.geoJSON(null, {
        pane: "sgControl",
        style: function (f) {
          var hollow = f.properties.hollow === true;
          return {color: f.properties.colour, weight: hollow ? 1 : 2, opacity: 0.9,
                  dashArray: hollow ? "4 4" : null, fillColor: f.properties.colour,
                  fillOpacity: hollow ? 0 : D.ctrlOpacity};
        },
        pointToLayer: function (f, ll) { return L.circleMarker(ll, {radius: 5, pane: "sgControl"}); },
        onEachFeature: function (f, layer) {
          layer.bindTooltip(function () {
            var e = D.ctrl[current];
            return "<b>" + f.properties.label + "</b>, " + (f.properties.date || e.period) +
              '<br><span class="sg-legend-note">' + e.basis + "</span>";
          }, {sticky: true});
        }
      });
      api.control = control;
    }

    // ---- legend (collapsible) ---------------------------------------------------------
    var legendDiv = null;
    var Legend = L.Control.extend({options: {position: "bottomright"}, onAdd: function () {
      var div = L.DomUtil.create("div", "sg-legend" + (narrow() ? " sg-collapsed" : ""));
      var button = L.DomUtil.create("button", "sg-legend-toggle", div);
      button.type = "button"; button.textContent = "Legend";
      button.setAttribute("aria-expanded", narrow() ? "false" : "true");
      var body = L.DomUtil.create("div", "sg-legend-body", div);
      body.innerHTML = '<div class="sg-legend-period"></div><div class="sg-legend-choro"></div>' +
        D.legend.fixed + '<div class="sg-legend-control"></div>';  // built from escaped strings only
      button.addEventListener("click", function () {
        var collapsed = L.DomUtil.hasClass(div, "sg-collapsed");
        if (collapsed) { L.DomUtil.removeClass(div, "sg-collapsed"); }
        else { L.DomUtil.addClass(div, "sg-collapsed"); }
        button.setAttribute("aria-expanded", collapsed ? "true" : "false");
      });
      L.DomEvent.disableClickPropagation(div); L.DomEvent.disableScrollPropagation(div);
      legendDiv = div;
      return div;
    }});
    new Legend().addTo(map);
    function setLegend() {
      legendDiv.querySelector(".sg-legend-period").innerHTML = "Showing: " + D.period[current];
      legendDiv.querySelector(".sg-legend-choro").innerHTML = D.legend.choro[current];
      legendDiv.querySelector(".sg-legend-control").innerHTML =
        D.legend.control ? D.legend.control[current] : "";
    }

    // ---- layer switcher (names carry the period) --------------------------------------
    function name(kind) { return '<span class="sg-name sg-name-' + kind + '"></span>'; }
    var overlays = {};
    overlays[name("choro")] = choro;
    overlays[name("markers")] = cluster;
    overlays[name("heat")] = heat;
    if (control) { overlays[name("control")] = control; }
    overlays[name("unc")] = uncertainty;
    overlays[name("labels")] = labels;
    var switcher = L.control.layers(null, overlays, {collapsed: narrow(), position: "topright"});
    switcher.addTo(map);
    function setNames() {
      var when = D.period[current];
      var names = {choro: D.names.choro + ", " + when + " (" + D.names.choroSrc + ")",
                   markers: D.names.markers + ", " + when + " (" + D.names.src + ")",
                   heat: D.names.heat + ", " + when + " (" + D.names.src + ")",
                   unc: D.names.unc, labels: D.names.labels};
      if (D.ctrl) { names.control = D.ctrl[current].name; }
      Object.keys(names).forEach(function (k) {
        var el = switcher.getContainer().querySelector(".sg-name-" + k);
        if (el) { el.innerHTML = names[k]; }
      });
    }

    // ---- one slider position switches everything --------------------------------------
    function setMonth(m) {
      current = m;
      var pts = [];
      for (var i = 0; i < I.n; i++) {
        if (m === 0 || I.m[i] === m - 1) { pts.push([I.lat[i], I.lon[i], 1]); }
      }
      heat.setLatLngs(pts);
      choro.setStyle(function (f) { return unitStyle(f.properties.i); });
      if (control) {
        var e = D.ctrl[m];
        control.clearLayers();
        if (e.f >= 0) { control.addData(D.ctrlFc[e.f]); }
      }
      setLegend(); setNames();
      redraw();
      return indexFor(m).n;
    }
    api.setMonth = setMonth;
    cluster.addTo(map);
    if (control) { control.addTo(map); }

    // ---- the month slider: every month from the first to the last -------------------
    var N = I.months.length, timer = null;
    var Slider = L.Control.extend({options: {position: "bottomleft"}, onAdd: function () {
      var div = L.DomUtil.create("div", "sg-slider");
      var head = L.DomUtil.create("div", "sg-slider-head", div);
      var play = L.DomUtil.create("button", "sg-play", head);
      play.type = "button";
      var all = L.DomUtil.create("button", "sg-all", head);
      all.type = "button"; all.textContent = "All months";
      var label = L.DomUtil.create("div", "sg-slider-label", div);
      var axis = L.DomUtil.create("div", "sg-axis", div);
      var bars = L.DomUtil.create("div", "sg-bars", axis);
      var input = L.DomUtil.create("input", "sg-slider-input", axis);
      var ticks = L.DomUtil.create("div", "sg-ticks", axis);
      input.type = "range"; input.min = 1; input.max = Math.max(N, 1); input.step = 1;
      input.value = 1;
      input.setAttribute("aria-label", "Month shown (incidents, control zones, heat map, choropleth)");
      if (!N) { play.hidden = true; axis.hidden = true; }
      // a bar per month, its height the month's incidents (none: an empty month)
      var most = Math.max.apply(null, I.perMonth.concat([1]));
      I.perMonth.forEach(function (n, j) {
        if (!n) { return; }
        var bar = L.DomUtil.create("i", "sg-bar", bars);
        bar.style.left = at(j);
        bar.style.height = Math.max(3, Math.round(16 * n / most)) + "px";
        bar.title = I.months[j] + ": " + n.toLocaleString("en") + " incident(s)";
      });
      function at(j) {  // the centre of month j on the track (the thumb is 14 px wide)
        var f = N > 1 ? j / (N - 1) : 0.5;
        return "calc(7px + " + f + " * (100% - 14px))";
      }
      function show(m, n) {
        if (m > 0 && !I.perMonth[m - 1]) {
          label.textContent = D.period[m] + ": no incidents in this table";
        } else {
          label.textContent = D.period[m] + ": " + n.toLocaleString("en") +
            " incident(s) with a location";
        }
        // a screen reader says the month, not the notch number
        input.setAttribute("aria-valuetext", m > 0 ? D.period[m] : "All months");
        all.setAttribute("aria-pressed", m === 0 ? "true" : "false");
        L.DomUtil[m === 0 ? "addClass" : "removeClass"](div, "sg-showing-all");
        if (m > 0) { input.value = m; }
      }
      function go(m) { var n = setMonth(m); show(m, n); return n; }
      function setPlaying(on) {
        play.textContent = on ? "\u275A\u275A" : "\u25B6";
        play.setAttribute("aria-label", on ? "Pause" : "Play the months one after another");
        play.title = on ? "Pause" : "Play";
        play.setAttribute("aria-pressed", on ? "true" : "false");
      }
      function pause() { if (timer) { clearInterval(timer); timer = null; } setPlaying(false); }
      function start() {
        if (!N) { return; }
        if (current === 0 || current >= N) { go(1); }
        timer = setInterval(function () {
          if (current >= N) { pause(); return; }
          go(current + 1);
        }, 900);
        setPlaying(true);
      }
      play.addEventListener("click", function () { if (timer) { pause(); } else { start(); } });
      all.addEventListener("click", function () { pause(); go(0); });
      input.addEventListener("input", function () { pause(); go(+input.value); });
      // year labels at each January, thinned to fit; the first and last month when few
      api.layoutTicks = function () {
        ticks.innerHTML = "";
        var width = input.getBoundingClientRect().width - 14;
        var perYear = N > 1 ? 12 * width / (N - 1) : width;
        var step = [1, 2, 5, 10, 20].filter(function (s) { return s * perYear >= 36; })[0] || 50;
        var marks = [];
        I.months.forEach(function (month, j) {
          var year = +month.slice(0, 4);
          if (month.slice(5) === "01" && year % step === 0) { marks.push([j, String(year)]); }
        });
        if (marks.length < 2 && N) {
          marks = [[0, I.months[0]]];
          if (N > 1) { marks.push([N - 1, I.months[N - 1]]); }
        }
        marks.forEach(function (mk) {
          var t = L.DomUtil.create("span", "sg-tick", ticks);
          t.textContent = mk[1]; t.style.left = at(mk[0]);
          if (mk[0] === 0) { L.DomUtil.addClass(t, "sg-tick-first"); }
          if (mk[0] === N - 1 && N > 1) { L.DomUtil.addClass(t, "sg-tick-last"); }
        });
        return marks.map(function (mk) { return mk[1]; });
      };
      api.slide = function (m) { pause(); return go(m); };
      api.play = start; api.pause = pause;
      api.playing = function () { return timer !== null; };
      api.position = function () { return current; };
      show(0, I.n);
      setPlaying(false);
      L.DomEvent.disableClickPropagation(div); L.DomEvent.disableScrollPropagation(div);
      return div;
    }});
    // the attribution line sits under the slider (bottom left), never over it
    map.attributionControl.setPosition("bottomleft");
    map.attributionControl.addAttribution(D.attribution);
    new Slider().addTo(map);
    api.layoutTicks();
    setMonth(0);

    var Title = L.Control.extend({options: {position: "topleft"}, onAdd: function () {
      var div = L.DomUtil.create("div", "sg-title");
      div.innerHTML = D.title;  // escaped
      return div;
    }});
    var title = new Title().addTo(map);
    var corner = title.getContainer().parentNode;  // the title above the zoom buttons
    corner.insertBefore(title.getContainer(), corner.firstChild);
    // the scale bar sits top left, clear of the slider and of the attribution line
    L.control.scale({position: "topleft"}).addTo(map);

    // ---- the first view: Syria whole, no marker under a panel ------------------------
    function panelRegions() {
      var box = map.getContainer().getBoundingClientRect(), out = [];
      [["top", "left", "tl"], ["top", "right", "tr"], ["bottom", "left", "bl"],
       ["bottom", "right", "br"]].forEach(function (c) {
        var el = map.getContainer().querySelector(".leaflet-" + c[0] + ".leaflet-" + c[1]);
        Array.prototype.forEach.call(el ? el.children : [], function (panel) {
          var b = panel.getBoundingClientRect(), top = b.top - box.top;
          if (panel === legendDiv && !L.DomUtil.hasClass(panel, "sg-collapsed")) {
            // an open legend grows with the month's content up to its body's largest height
            var body = panel.querySelector(".sg-legend-body");
            var most = parseFloat(window.getComputedStyle(body).maxHeight) || 0;
            top = Math.min(top, b.bottom - box.top - (b.height - body.offsetHeight) - most);
          }
          if (b.width && b.height) {
            out.push({k: c[2], l: b.left - box.left, t: top,
                      r: b.right - box.left, b: b.bottom - box.top});
          }
        });
      });
      return out;
    }
    // A panel in a corner covers a point drawn up to R px around it when the point reaches
    // into the rectangle between the panel and that corner of the map.
    function hides(reg, x, y, R) {
      if (reg.k === "tl") { return x - R < reg.r && y - R < reg.b; }
      if (reg.k === "tr") { return x + R > reg.l && y - R < reg.b; }
      if (reg.k === "bl") { return x - R < reg.r && y + R > reg.t; }
      return x + R > reg.l && y + R > reg.t;
    }
    // The view at zoom z centred on pixel c (absolute) leaves the bounds in view (10 px in)
    // and the points of each corner clear of that corner's panels (markers by 22 px,
    // Syria's outline by 2 px).
    function search(bounds, sets, regions, zooms) {
      var size = map.getSize(), half = size.divideBy(2), steps = [], dx, dy, i, j;
      for (dx = -Math.floor(size.x / 3); dx <= size.x / 3; dx += 12) {
        for (dy = -Math.floor(size.y / 3); dy <= size.y / 3; dy += 12) { steps.push(L.point(dx, dy)); }
      }
      steps.sort(function (a, b) { return (a.x * a.x + a.y * a.y) - (b.x * b.x + b.y * b.y); });
      for (i = 0; i < zooms.length; i++) {
        var z = zooms[i];
        var pts = sets.map(function (set) {
          var out = {};
          Object.keys(set.pts).forEach(function (k) {
            out[k] = set.pts[k].map(function (p) { return map.project(p, z); });
          });
          return {r: set.r, pts: out};
        });
        var nw = map.project(bounds.getNorthWest(), z), se = map.project(bounds.getSouthEast(), z);
        var centre = nw.add(se).divideBy(2);
        for (j = 0; j < steps.length; j++) {
          var o = centre.add(steps[j]).subtract(half);
          if (nw.x - o.x < 10 || nw.y - o.y < 10 || se.x - o.x > size.x - 10 ||
              se.y - o.y > size.y - 10) { continue; }
          var clear = regions.every(function (reg) {
            return pts.every(function (set) {
              return set.pts[reg.k].every(function (p) {
                return !hides(reg, p.x - o.x, p.y - o.y, set.r);
              });
            });
          });
          if (clear) { return {centre: map.unproject(centre.add(steps[j]), z), zoom: z}; }
        }
      }
      return null;
    }
    function frame() {
      var F = D.frame, regions = panelRegions(), bounds = L.latLngBounds(F.bounds), zooms = [];
      map.options.zoomSnap = 0.25;
      var z0 = map.getBoundsZoom(bounds, false, L.point(20, 20));
      for (var z = z0; z >= z0 - 3; z -= 0.25) { zooms.push(z); }
      var markers = {r: 22, pts: F.corners}, outline = {r: 2, pts: F.outline};
      // Syria whole and clear of the panels if a view allows it, else the markers clear
      var found = search(bounds, [markers, outline], regions, zooms.slice(0, 5));
      var what = "markers and outline";
      if (!found) { found = search(bounds, [markers], regions, zooms); what = "markers"; }
      if (!found) { map.fitBounds(bounds, {animate: false}); return {clear: "", regions: regions}; }
      map.setView(found.centre, found.zoom, {animate: false});
      return {zoom: found.zoom, clear: what, regions: regions};
    }
    // is a point inside Syria's outline? (ray casting on the outer rings)
    function inSyria(ll) {
      var x = ll.lng, y = ll.lat;
      function ring(r) {
        var c = false;
        for (var i = 0, j = r.length - 1; i < r.length; j = i++) {
          if ((r[i][1] > y) !== (r[j][1] > y) &&
              x < (r[j][0] - r[i][0]) * (y - r[i][1]) / (r[j][1] - r[i][1]) + r[i][0]) { c = !c; }
        }
        return c;
      }
      return D.base.adm0.features.some(function (f) {
        var polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
        return polys.some(function (p) { return ring(p[0]); });
      });
    }
    // each context label at its first candidate point in view, clear of every panel and
    // off Syria (a neighbour's name never lies over Syria)
    function placeLabels(regions) {
      var box = map.getContainer().getBoundingClientRect(), size = map.getSize();
      contextLabels.eachLayer(function (mk) {
        var el = mk.getElement(), shown = false;
        for (var i = 0; i < mk.sgCandidates.length && !shown; i++) {
          mk.setLatLng([mk.sgCandidates[i][1], mk.sgCandidates[i][0]]);
          var b = el.firstChild.getBoundingClientRect();
          var l = b.left - box.left, t = b.top - box.top, r = b.right - box.left,
              bt = b.bottom - box.top;
          shown = l >= 2 && t >= 2 && r <= size.x - 2 && bt <= size.y - 2 &&
            regions.every(function (g) { return r < g.l || l > g.r || bt < g.t || t > g.b; }) &&
            [[l, t], [r, t], [l, bt], [r, bt], [(l + r) / 2, t], [(l + r) / 2, bt], [l, (t + bt) / 2],
             [r, (t + bt) / 2]].every(function (q) {
              return !inSyria(map.containerPointToLatLng(q));
            });
        }
        el.style.visibility = shown ? "" : "hidden";
        mk.sgShown = shown;
      });
    }
    api.framed = frame();
    placeLabels(api.framed.regions);
    map.on("moveend", function () { placeLabels(panelRegions()); });
    if (C) {  // zooming out stops where the view would leave the context's box
      var boxZoom = map.getBoundsZoom(map.options.maxBounds, true);
      map.setMinZoom(Math.min(boxZoom, map.getZoom()));
    }
    window.addEventListener("resize", function () { api.layoutTicks(); });
    return api;
  };
})();
