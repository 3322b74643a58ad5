/* geotimeline: the map of a timeline, drawn from the page's JSON view model.
 *
 * Article text is untrusted: it is only ever inserted with textContent or createTextNode, and
 * Leaflet is only handed DOM nodes (a string given to bindPopup/bindTooltip would become
 * innerHTML). Views talk through a tiny event bus: geotimeline.emit("select", {events, origin}),
 * with events given by their index in the timeline, the stable id shared by map, chart and table.
 */
(function () {
  "use strict";
  var GT = window.geotimeline = window.geotimeline || {};
  var handlers = GT._handlers = GT._handlers || {};

  GT.on = GT.on || function (name, fn) { (handlers[name] = handlers[name] || []).push(fn); };
  GT.emit = GT.emit || function (name, detail) {
    (handlers[name] || []).forEach(function (fn) { fn(detail); });
  };
  GT.readJSON = function (id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  };
  /* A data block as a promise: plain JSON, or deflated and base64-encoded (large reports). */
  GT.loadJSON = function (id) {
    var node = document.getElementById(id);
    if (!node) { return Promise.resolve(null); }
    if (node.getAttribute("data-encoding") !== "deflate-base64") {
      return Promise.resolve(JSON.parse(node.textContent));
    }
    var binary = atob(node.textContent.trim()), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(JSON.parse);
  };
  var resolveMap;
  GT.mapReady = GT.mapReady || new Promise(function (resolve) { resolveMap = resolve; });
  GT.el = function (tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  };

  /* The places of event i: [{place, role, lo, hi}], lo/hi the mention inside the sentence. */
  GT.placeRefs = function (data, i) {
    var flat = data.events.places[i], out = [];
    for (var k = 0; k + 3 < flat.length; k += 4) {
      out.push({ place: flat[k], role: flat[k + 1], lo: flat[k + 2], hi: flat[k + 3] });
    }
    return out;
  };

  /* The quoted sentence with the given spans marked. */
  GT.sentence = function (text, spans) {
    var quote = GT.el("q", "gt-sentence"), pos = 0;
    spans = spans.filter(function (s) { return s[0] >= 0 && s[1] > s[0] && s[1] <= text.length; })
      .sort(function (a, b) { return a[0] - b[0]; });
    spans.forEach(function (s) {
      if (s[0] < pos) { return; }
      quote.appendChild(document.createTextNode(text.slice(pos, s[0])));
      quote.appendChild(GT.el("mark", null, text.slice(s[0], s[1])));
      pos = s[1];
    });
    quote.appendChild(document.createTextNode(text.slice(pos)));
    return quote;
  };

  GT.sourceNode = function (data, index) {
    var src = data.sources[index], node;
    if (src[1]) {
      node = GT.el("a", "gt-source", src[0]);
      node.href = src[1];  // only http(s) URLs reach the page (checked when it was built)
      node.target = "_blank";
      node.rel = "noopener noreferrer nofollow";
    } else {
      node = GT.el("span", "gt-source", src[0]);
    }
    if (src[2]) { node.title = "published " + src[2]; }
    return node;
  };

  GT.statusName = function (data, i) { return data.statuses[data.events.status[i]]; };

  /* One event as a card: status and date, title, the sentence with a place marked, sources. */
  GT.eventCard = function (data, i, focusPlace) {
    var ev = data.events, status = GT.statusName(data, i);
    var card = GT.el("article", "gt-card gt-status-" + status);
    var meta = GT.el("p", "gt-card-meta");
    meta.appendChild(GT.el("span", "gt-badge gt-status-" + status, status));
    meta.appendChild(GT.el("span", "gt-date", ev.label[i]));
    card.appendChild(meta);
    card.appendChild(GT.el("h3", "gt-card-title", ev.title[i]));
    if (ev.sentence[i]) {
      var refs = GT.placeRefs(data, i).filter(function (r) {
        return focusPlace === undefined || focusPlace === null || r.place === focusPlace;
      });
      card.appendChild(GT.sentence(ev.sentence[i], refs.map(function (r) { return [r.lo, r.hi]; })));
    }
    var srcs = ev.sources[i];
    if (srcs.length) {
      var line = GT.el("p", "gt-card-sources", "Source: ");
      srcs.forEach(function (s, k) {
        if (k) { line.appendChild(document.createTextNode(", ")); }
        line.appendChild(GT.sourceNode(data, s));
      });
      card.appendChild(line);
    }
    return card;
  };

  var ROLE_LABELS = ["Event site", "Actors' home country", "Place mentioned"];
  var ROLE_STYLE = [
    { color: "#ffffff", weight: 1.5, fillColor: "#c0392b", fillOpacity: 0.85 },
    { color: "#1f3b57", weight: 2.5, fillColor: "#ffffff", fillOpacity: 0.75, dashArray: "4 3" },
    { color: "#ffffff", weight: 1, fillColor: "#7a8794", fillOpacity: 0.8 }
  ];
  var HIGHLIGHT = { color: "#111111", weight: 4, dashArray: null };
  var LAND = "#f3efe6", BORDER = "#c9c2b3";
  var SITE_SHADES = ["#fde4c8", "#fbc58f", "#f59f54", "#e07a26"];
  var ACTOR_SHADE = "#cfe0ee";

  function shade(counts, maxSite) {
    if (counts[0] > 0) {
      var step = Math.min(SITE_SHADES.length - 1,
        Math.floor(SITE_SHADES.length * Math.log(1 + counts[0]) / Math.log(2 + maxSite)));
      return SITE_SHADES[step];
    }
    return counts[1] > 0 ? ACTOR_SHADE : null;
  }

  function legendControl(data, maxSite) {
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = GT.el("div", "gt-legend leaflet-control");
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", "Map legend");
      box.appendChild(GT.el("p", "gt-legend-title", "Places"));
      ROLE_LABELS.forEach(function (label, r) {
        var row = GT.el("p", "gt-legend-row");
        var dot = GT.el("span", "gt-legend-dot gt-role-" + data.roles[r]);
        row.appendChild(dot);
        row.appendChild(document.createTextNode(label));
        box.appendChild(row);
      });
      box.appendChild(GT.el("p", "gt-legend-note", "Circle size: number of events"));
      box.appendChild(GT.el("p", "gt-legend-title", "Countries"));
      [["Scene of events", SITE_SHADES[2]], ["Actors only", ACTOR_SHADE]].forEach(function (item) {
        var row = GT.el("p", "gt-legend-row");
        var swatch = GT.el("span", "gt-legend-swatch");
        swatch.style.background = item[1];
        row.appendChild(swatch);
        row.appendChild(document.createTextNode(item[0]));
        box.appendChild(row);
      });
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    return control;
  }

  /* Draw everything on `map` (a Leaflet map made by folium). Returns a small controller. */
  GT.initMap = function (map, data, countries) {
    var P = data.places, n = P.name.length, i, k;
    var highlighted = {};
    var placeEvents = [];
    for (i = 0; i < n; i++) { placeEvents.push([]); }
    for (i = 0; i < data.events.title.length; i++) {
      var flat = data.events.places[i], seen = {};
      for (k = 0; k < flat.length; k += 4) {
        if (!seen[flat[k]]) { seen[flat[k]] = true; placeEvents[flat[k]].push(i); }
      }
    }
    var maxSite = 1;
    Object.keys(data.countries).forEach(function (c) { maxSite = Math.max(maxSite, data.countries[c][0]); });

    map.getContainer().classList.add("gt-map");
    var overlays = {};
    if (countries) {
      map.createPane("gt-countries").style.zIndex = 350;
      var tiles = data.options.tiles;
      if (!tiles) {
        // The offline basemap: every country as plain land.
        L.geoJSON(countries, {
          pane: "gt-countries", interactive: false,
          style: function () { return { color: BORDER, weight: 0.6, fillColor: LAND, fillOpacity: 1 }; }
        }).addTo(map);
      }
      var involved = L.geoJSON(countries, {
        pane: "gt-countries", interactive: false,
        filter: function (f) { return !!data.countries[f.properties.iso_a2]; },
        style: function (f) {
          // Over tiles the shading is translucent so the tiles still read through it.
          return { color: "#ffffff", weight: tiles ? 0.5 : 0.8, fillOpacity: tiles ? 0.45 : 1,
            fillColor: shade(data.countries[f.properties.iso_a2], maxSite) || LAND };
        }
      }).addTo(map);
      overlays["Countries involved"] = involved;
    }

    var clustered = n > data.options.cluster;
    /* A cluster shows how many events (not places) it holds; its markup is only a number. */
    function clusterIcon(cluster) {
      var events = 0;
      cluster.getAllChildMarkers().forEach(function (m) { events += P.count[m.gtPlace]; });
      var size = Math.round(26 + 8 * Math.log(1 + events) / Math.LN10 * 1.6);
      return L.divIcon({
        html: "<span>" + String(Number(events)) + "</span>",
        className: "gt-cluster", iconSize: L.point(size, size)
      });
    }
    var groups = ROLE_LABELS.map(function () {
      return clustered
        ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45, chunkedLoading: true,
          iconCreateFunction: clusterIcon })
        : L.featureGroup();
    });
    var markers = [];
    var placeLatLngs = [];

    function tooltipNode(p) {
      var box = GT.el("div", "gt-tip");
      box.appendChild(GT.el("strong", null, P.name[p]));
      var count = P.count[p];
      box.appendChild(GT.el("span", null, " · " + count + (count === 1 ? " event" : " events")));
      return box;
    }

    function popupNode(p) {
      var box = GT.el("div", "gt-popup");
      box.appendChild(GT.el("h2", "gt-popup-title", P.name[p]));
      var list = placeEvents[p], limit = data.options.popupLimit;
      box.appendChild(GT.el("p", "gt-popup-sub", ROLE_LABELS[P.role[p]] + " · " + list.length +
        (list.length === 1 ? " event" : " events")));
      list.slice(0, limit).forEach(function (e) { box.appendChild(GT.eventCard(data, e, p)); });
      if (list.length > limit) {
        box.appendChild(GT.el("p", "gt-popup-more", "and " + (list.length - limit) +
          " more, selected in the event table"));
      }
      return box;
    }

    for (i = 0; i < n; i++) {
      (function (p) {
        var role = P.role[p];
        var style = ROLE_STYLE[role];
        var marker = L.circleMarker([P.lat[p], P.lon[p]], {
          // Sized by the absolute number of events, on a log scale so a place with thousands
          // does not swallow the map: 1 event -> 8 px, 5 -> 14 px, 60 or more -> 28 px.
          radius: Math.min(28, 4 + 4 * Math.log(1 + P.count[p]) / Math.LN2) - (role === 2 ? 1 : 0),
          color: style.color, weight: style.weight, fillColor: style.fillColor,
          fillOpacity: style.fillOpacity, dashArray: style.dashArray || null,
          className: "gt-marker gt-role-" + data.roles[role]
        });
        marker.gtPlace = p;
        marker.gtStyle = style;
        marker.bindTooltip(function () { return tooltipNode(p); }, { direction: "top", offset: [0, -6] });
        marker.bindPopup(function () { return popupNode(p); }, { maxWidth: 340, maxHeight: 320, autoPanPadding: [20, 20] });
        marker.on("click", function () {
          GT.emit("select", { events: placeEvents[p], origin: "map", place: p });
        });
        marker.on("add", function () {
          var elem = marker.getElement();
          if (elem) {
            elem.setAttribute("data-place", String(p));
            if (highlighted[p]) { elem.classList.add("gt-hl"); }
          }
        });
        groups[role].addLayer(marker);
        markers.push(marker);
        placeLatLngs.push([P.lat[p], P.lon[p]]);
      })(i);
    }
    var roleNames = ["Event sites", "Actors' home countries", "Other places mentioned"];
    groups.forEach(function (g, r) {
      if (g.getLayers().length) { g.addTo(map); overlays[roleNames[r]] = g; }
    });
    // Status switches: an empty layer per status, on the map while places with events of that
    // status should show. A place shows while any of its events has a shown status.
    var statusShown = data.statuses.map(function () { return true; });
    var placeStatuses = placeEvents.map(function (list) {
      var seen = [];
      list.forEach(function (e) {
        var st = data.events.status[e];
        if (seen.indexOf(st) < 0) { seen.push(st); }
      });
      return seen;
    });
    function applyStatus() {
      markers.forEach(function (m, p) {
        var visible = placeStatuses[p].some(function (st) { return statusShown[st]; });
        var group = groups[P.role[p]];
        if (visible && !group.hasLayer(m)) { group.addLayer(m); }
        else if (!visible && group.hasLayer(m)) { group.removeLayer(m); }
      });
    }
    data.statuses.forEach(function (name, st) {
      if (data.events.status.indexOf(st) < 0) { return; }
      var layer = L.layerGroup();
      layer.on("add", function () { statusShown[st] = true; applyStatus(); });
      layer.on("remove", function () { statusShown[st] = false; applyStatus(); });
      layer.addTo(map);
      overlays[name.charAt(0).toUpperCase() + name.slice(1) + " events"] = layer;
    });
    // Layer names are our constants (statuses are the model's enum values, not article text):
    // Leaflet inserts them as HTML.
    L.control.layers(null, overlays, { collapsed: window.innerWidth < 760, position: "topright" }).addTo(map);
    legendControl(data, maxSite).addTo(map);

    if (placeLatLngs.length) {
      map.fitBounds(L.latLngBounds(placeLatLngs), { padding: [30, 30], maxZoom: 6, animate: false });
    } else {
      map.setView([20, 0], 2, { animate: false });
    }

    function setHighlight(places) {
      Object.keys(highlighted).forEach(function (p) {
        var m = markers[p];
        m.setStyle({ color: m.gtStyle.color, weight: m.gtStyle.weight, dashArray: m.gtStyle.dashArray || null });
        var elem = m.getElement();
        if (elem) { elem.classList.remove("gt-hl"); }
      });
      highlighted = {};
      var shown = [];
      places.forEach(function (p) {
        if (highlighted[p]) { return; }
        highlighted[p] = true;
        var m = markers[p];
        m.setStyle(HIGHLIGHT);
        var elem = m.getElement();
        if (elem) { elem.classList.add("gt-hl"); }
        if (m.bringToFront && m._map) { m.bringToFront(); }
        shown.push(m.getLatLng());
      });
      if (shown.length) {
        var view = map.getBounds();
        var visible = shown.some(function (ll) { return view.contains(ll); });
        if (!visible) { map.fitBounds(L.latLngBounds(shown), { padding: [40, 40], maxZoom: map.getZoom() }); }
        if (clustered && shown.length === 1) {
          groups[P.role[places[0]]].zoomToShowLayer(markers[places[0]], function () {
            var elem = markers[places[0]].getElement();
            if (elem) { elem.classList.add("gt-hl"); }
          });
        }
      }
    }

    GT.on("select", function (detail) {
      var places = [];
      detail.events.forEach(function (e) {
        GT.placeRefs(data, e).forEach(function (r) { places.push(r.place); });
      });
      setHighlight(places);
    });

    var controller = {
      map: map, markers: markers, clustered: clustered,
      highlighted: function () { return Object.keys(highlighted).map(Number); }
    };
    GT.mapController = controller;
    if (window.performance && performance.mark) { performance.mark("gt-map-ready"); }
    if (resolveMap) { resolveMap(controller); }
    return controller;
  };
})();
