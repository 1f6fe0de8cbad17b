// The map: Leaflet with no tile server. Every layer is GeoJSON from /api/v1/layers. Popups are built
// with textContent, never innerHTML: names and titles come from data and may contain markup.
(function () {
  "use strict";

  var element = document.getElementById("map");
  var status = document.getElementById("map-status");
  if (!element || typeof L === "undefined") return;

  // Colours by border status and place kind; chosen to be told apart, not to judge (disputed is not red).
  var statusColours = { agreed: "#1b7837", delimited: "#2166ac", demarcated: "#542788", disputed: "#b35806" };
  var kindColours = {
    enclave: "#8c510a", district: "#777777", region: "#999999", country: "#555555", zone: "#a6761d",
    settlement: "#333333", route: "#d95f02", checkpoint: "#7570b3", "hazard-area": "#e7298a", "heritage-site": "#66a61e"
  };
  var eventColour = "#c51b7d";
  var meetingColour = "#2a81cb"; // Leaflet's own marker colour

  var map = L.map(element, { zoomControl: true, attributionControl: false, minZoom: 2, maxZoom: 18 })
    .setView([40.0, 46.3], 7);

  // The history slider: months from January 1991 to the end of 2025. Features with a recorded history are drawn as
  // they stood then (the latest change on or before the date); before their first change they are drawn faint.
  var slider = document.getElementById("map-date");
  var sliderLabel = document.getElementById("map-date-label");
  function sliderDate() {
    if (!slider) return null;
    var months = parseInt(slider.value, 10);
    var y = 1991 + Math.floor(months / 12), m = (months % 12) + 1;
    return y + "-" + (m < 10 ? "0" : "") + m + "-31";
  }
  function asOf(p) {
    var date = sliderDate();
    if (!date || !p.history || !p.history.length) return null;
    var state = { known: false };
    p.history.forEach(function (c) {
      if (String(c.date) <= date) {
        state.known = true;
        if (c.status) state.status = c.status;
        if (c.heldBy) state.heldBy = c.heldBy;
        if (c.checkpoint !== undefined) state.checkpoint = c.checkpoint;
        if (c.guardedBy) state.guardedBy = c.guardedBy;
      }
    });
    return state;
  }

  function colourOf(p) {
    var then = asOf(p);
    var status = then ? then.status : p.status;
    if (status && statusColours[status]) return statusColours[status];
    return kindColours[p.kind] || "#444444";
  }

  // Only our own paths are followed: a link in a popup must never become javascript: or another site.
  function safeHref(href) {
    return typeof href === "string" && href.charAt(0) === "/" && href.charAt(1) !== "/" ? href : null;
  }

  function popup(lines, href, linkText) {
    var box = document.createElement("div");
    box.className = "popup";
    lines.forEach(function (line, i) {
      if (line === null || line === undefined || line === "") return;
      var p = document.createElement(i === 0 ? "strong" : "div");
      p.textContent = String(line);
      box.appendChild(p);
    });
    var target = safeHref(href);
    if (target) {
      var a = document.createElement("a");
      a.href = target;
      a.textContent = linkText;
      box.appendChild(a);
    }
    return box;
  }

  var labelled = { settlement: true, enclave: true, route: true, region: true, checkpoint: true };

  function placeLayer() {
    return L.geoJSON(null, {
      style: function (f) {
        var p = f.properties || {};
        var border = p.kind === "border-segment";
        var then = asOf(p);
        var faint = then && !then.known;
        var status = then ? then.status : p.status;
        return {
          color: colourOf(p), weight: border ? 4 : 2, opacity: faint ? 0.3 : 0.9, fillOpacity: faint ? 0.03 : 0.15,
          dashArray: status === "disputed" || (then && then.checkpoint) ? "6 4" : null
        };
      },
      pointToLayer: function (f, latlng) {
        var p = f.properties || {};
        return L.circleMarker(latlng, { radius: p.kind === "enclave" ? 7 : 5, color: colourOf(p), weight: 2, fillColor: colourOf(p), fillOpacity: p.kind === "enclave" ? 0.2 : 0.7 });
      },
      onEachFeature: function (f, layer) {
        var p = f.properties || {};
        layer.bindPopup(function () {
          var then = asOf(p);
          var lines = [p.name, (p.kind || "").replace(/-/g, " "), p.status ? "status: " + p.status : null,
            p.heldBy ? "held by " + p.heldBy + (p.claimedBy ? ", claimed by " + p.claimedBy.join(", ") : "") : null,
            p.lengthKm ? "length " + p.lengthKm + " km (geodesic)" : null, p.areaKm2 ? "area " + p.areaKm2 + " km² (geodesic)" : null];
          if (then) {
            var on = sliderLabel ? sliderLabel.textContent : "";
            lines.push(!then.known ? "as of " + on + ": nothing recorded yet" :
              "as of " + on + ": " + [then.status, then.heldBy ? "held by " + then.heldBy : null,
                then.checkpoint === true ? "checkpoint" : then.checkpoint === false ? "no checkpoint" : null,
                then.guardedBy ? "guarded by " + then.guardedBy.join(", ") : null].filter(Boolean).join("; "));
          }
          return popup(lines, p.href, "Place page");
        });
        // With no tiles, labels are what orient the reader. A DOM node, not a string: Leaflet puts strings in as HTML.
        if (labelled[p.kind] && p.label) {
          var text = document.createElement("span");
          text.textContent = p.label;
          layer.bindTooltip(text, { permanent: true, direction: "right", offset: [6, 0], className: "label" });
        }
      }
    });
  }

  var layers = {
    boundaries: placeLayer(),
    places: placeLayer(),
    events: L.layerGroup(),
    meetings: L.geoJSON(null, {
      pointToLayer: function (f, latlng) { return L.marker(latlng, { title: (f.properties && f.properties.title) || "" }); },
      onEachFeature: function (f, layer) {
        var p = f.properties || {};
        layer.bindPopup(function () {
          return popup([p.title, p.date, p.format ? p.format + " meeting" : null], p.href, "Meeting page");
        });
      }
    })
  };
  Object.keys(layers).forEach(function (name) { layers[name].addTo(map); });

  function fetchLayer(name, withView) {
    var url = "/api/v1/layers/" + encodeURIComponent(name);
    if (withView) {
      var b = map.getBounds();
      var clamp = function (v, lo, hi) { return Math.max(lo, Math.min(hi, v)).toFixed(5); };
      url += "?bbox=" + [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].join(",") +
        "&zoom=" + Math.max(0, Math.round(map.getZoom()));
    }
    return fetch(url, { headers: { Accept: "application/geo+json" } }).then(function (r) {
      if (!r.ok) throw new Error(name + ": HTTP " + r.status);
      return r.json();
    });
  }

  // Event cells are asked for again whenever the view changes; an answer to an older view is dropped.
  var eventRequest = 0;
  function loadEvents() {
    var mine = ++eventRequest;
    return fetchLayer("events", true).then(function (data) {
      if (mine !== eventRequest) return;
      layers.events.clearLayers();
      var total = 0;
      data.features.forEach(function (f) {
        var count = f.properties.count;
        total += count;
        var c = f.geometry.coordinates;
        var marker = L.circleMarker([c[1], c[0]], {
          radius: Math.min(40, 4 + 3 * Math.sqrt(count)), color: eventColour, weight: 1, fillColor: eventColour, fillOpacity: 0.45
        });
        marker.bindPopup(function () {
          return popup([count + (count === 1 ? " event" : " events") + " in this area", "Zoom in to split the area into smaller cells."], "/timeline", "Timeline");
        });
        layers.events.addLayer(marker);
      });
      status.textContent = total + " events in view, in " + data.features.length + " cells.";
    });
  }

  function legend() {
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "legend");
      var title = document.createElement("strong");
      title.textContent = "Legend";
      box.appendChild(title);
      var entries = [];
      Object.keys(statusColours).forEach(function (s) { entries.push(["line", statusColours[s], "border " + s]); });
      ["country", "enclave", "settlement", "route", "checkpoint", "district"].forEach(function (k) { entries.push(["dot", kindColours[k], k]); });
      entries.push(["dot", eventColour, "events (sized by count)"]);
      entries.push(["pin", meetingColour, "meeting"]);
      entries.forEach(function (e) {
        var row = document.createElement("div");
        var swatch = document.createElement("span");
        swatch.className = "swatch swatch-" + e[0];
        swatch.style.backgroundColor = e[1];
        row.appendChild(swatch);
        row.appendChild(document.createTextNode(" " + e[2]));
        box.appendChild(row);
      });
      return box;
    };
    control.addTo(map);
  }

  L.control.layers(null, {
    "Boundaries": layers.boundaries,
    "Places": layers.places,
    "Events (grid cells)": layers.events,
    "Meetings": layers.meetings
  }, { collapsed: false }).addTo(map);
  legend();

  function showDate() {
    if (!slider) return;
    var d = sliderDate();
    if (sliderLabel) sliderLabel.textContent = d.slice(0, 7);
    layers.boundaries.setStyle(layers.boundaries.options.style);
    layers.places.setStyle(layers.places.options.style);
  }
  if (slider) {
    showDate();
    slider.addEventListener("input", showDate);
  }

  var fixed = ["boundaries", "places", "meetings"].map(function (name) {
    return fetchLayer(name, false).then(function (data) { layers[name].addData(data); });
  });
  Promise.all(fixed).then(function () {
    // The case's own ground first: meetings abroad (Washington, Prague) would zoom the view out to half the globe.
    var bounds = layers.boundaries.getBounds();
    if (!bounds.isValid()) bounds = layers.places.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 9 });
    return loadEvents();
  }).then(function () {
    element.setAttribute("data-layers-loaded", "true");
    map.on("moveend", loadEvents);
  }).catch(function (error) {
    status.textContent = "The map could not load its layers: " + error.message;
  });
})();
