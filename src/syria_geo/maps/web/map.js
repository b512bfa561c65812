/* syria_geo interactive map.
 *
 * window.syriaGeoDraw(map, D, key) draws everything from the data object D that
 * syria_geo.maps.map_incidents writes (every string in D is already HTML-escaped):
 * a vector basemap, the classed choropleth, clustered incidents (Supercluster), a heat
 * map, areas of control, location-uncertainty circles, a collapsible legend and a month
 * slider that switches incidents, control zones, heat map and choropleth together.
 * Slider position 0 is "all months"; position m > 0 is D.inc.months[m - 1].
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

    // vector basemap: an opaque country fill when there are no tiles, else outlines above them
    map.createPane("sgBase"); map.getPane("sgBase").style.zIndex = D.base.fill ? 200 : 250;
    map.getPane("sgBase").style.pointerEvents = "none";
    map.createPane("sgControl"); map.getPane("sgControl").style.zIndex = 420;
    map.createPane("sgLabels"); map.getPane("sgLabels").style.zIndex = 650;
    map.getPane("sgLabels").style.pointerEvents = "none";
    L.geoJSON(D.base.adm0, {pane: "sgBase", interactive: false,
      style: {color: "#4d4d4d", weight: 1.6, fillColor: "#fbfaf6", fillOpacity: D.base.fill ? 1 : 0}
    }).addTo(map);
    L.geoJSON(D.base.adm1, {pane: "sgBase", interactive: false,
      style: {color: "#9a9a9a", weight: 0.8, fill: false}}).addTo(map);
    // governorate names above the markers (they never hide under cluster bubbles)
    var labels = L.layerGroup(D.base.labels.map(function (l) {
      return L.marker([l[1], l[0]], {pane: "sgLabels", interactive: false, keyboard: false,
        icon: L.divIcon({className: "sg-label", html: l[2], iconSize: null})});
    }));
    labels.addTo(map);

    // ---- choropleth: one style per slider position -----------------------------------
    function cm() { return D.cm[current]; }
    var choro = L.geoJSON(D.choro, {
      style: function (f) { return unitStyle(f.properties.i); },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(function () { return unitTip(f.properties); }, {sticky: true});
      }
    }).addTo(map);
    function unitStyle(i) {
      var c = cm().c[i];
      return {color: "#555", weight: 0.7, fillOpacity: 0.72,
              fillColor: c >= 0 ? cm().colours[c] : D.nodata};
    }
    function unitTip(p) {
      var m = cm(), i = p.i;
      return '<div class="sg-tip"><b>' + p.en + '</b> <span dir="rtl" lang="ar">' + p.ar +
        '</span><br><span class="sg-pcode">' + p.pcode + '</span> &middot; <b>' +
        D.period[current] + '</b>' +
        '<br>Incidents: ' + fmt(m.n[i]) + '<br>Killed: ' + fmt(m.k[i]) +
        '<br>Children and women killed: ' + fmt(m.cw[i]) +
        '<br>' + D.metricLabel + ': <b>' + m.t[i] + '</b>' +
        '<br><span class="sg-legend-note">Source: ' + D.sources + '</span></div>';
    }
    api.choropleth = choro;
    api.unitValues = function () {  // {pcode: [count, metric text]} of the month shown
      var out = {};
      choro.eachLayer(function (layer) {
        var p = layer.feature.properties;
        out[p.pcode] = [cm().n[p.i], cm().t[p.i]];
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

    var Slider = L.Control.extend({options: {position: "bottomleft"}, onAdd: function () {
      var div = L.DomUtil.create("div", "sg-slider");
      var label = L.DomUtil.create("div", "sg-slider-label", div);
      var input = L.DomUtil.create("input", "sg-slider-input", div);
      input.type = "range"; input.min = 0; input.max = I.months.length; input.step = 1;
      input.value = 0;
      input.setAttribute("aria-label", "Month shown (incidents, control zones, heat map, choropleth)");
      function show(m, n) {
        label.textContent = D.period[m] + ": " + n.toLocaleString("en") +
          " incident(s) with a location";
      }
      input.addEventListener("input", function () { var m = +input.value; show(m, setMonth(m)); });
      api.slide = function (m) { input.value = m; show(m, setMonth(m)); return indexFor(m).n; };
      show(0, I.n);
      L.DomEvent.disableClickPropagation(div);
      return div;
    }});
    new Slider().addTo(map);
    setMonth(0);

    if (D.title) {
      var Title = L.Control.extend({options: {position: "topleft"}, onAdd: function () {
        var div = L.DomUtil.create("div", "sg-title");
        div.innerHTML = D.title;  // escaped
        return div;
      }});
      new Title().addTo(map);
    }
    // the scale bar sits top left, clear of the slider and of the attribution line
    L.control.scale({position: "topleft"}).addTo(map);
    map.attributionControl.addAttribution(D.attribution);
    return api;
  };
})();
