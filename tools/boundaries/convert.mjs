// Converts Armenia and Azerbaijan from Natural Earth 1:10m (npm world-atlas, TopoJSON) into GeoJSON geometry files
// of a Pacta dataset: DIR/geometry/ID.geojson, one per place. Run with `npm ci && npm run convert` in this folder.
//
// What it writes:
//   armenia-boundary, azerbaijan-boundary   the two countries as Natural Earth draws them, plus the enclaves
//                                           Natural Earth lacks (below)
//   artsvashen-bashkend, yukhari-askipara,  the enclaves Natural Earth has: one part of a country each, picked as
//   barkhudarly                             the part nearest the village's coordinates
//   karki-tigranashen, sofulu               the enclaves Natural Earth lacks: a schematic disc of SCHEMATIC_RADIUS_M
//                                           around the village's coordinates (places.yaml, source wikipedia-geo),
//                                           cut out of Armenia's polygon as a hole and added to Azerbaijan's
//
// Output follows RFC 7946: longitude, latitude; exterior rings counter-clockwise, holes clockwise; no crs.
// The script checks what it can (each enclave lies where expected, discs inside Armenia and clear of other parts)
// and stops with a message otherwise; the .NET tests check validity and that the two countries do not overlap.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import * as topojson from "topojson-client";

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-10m.json"), "utf8"));

const dataset = process.argv[2];
if (!dataset) {
  console.error("usage: node convert.mjs DATASET_FOLDER");
  process.exit(2);
}

// Village coordinates (longitude, latitude) as in places.yaml; approximate town centres from public reference works.
const enclavesInNaturalEarth = {
  "artsvashen-bashkend": { country: "051", at: [45.5156, 40.6461] },
  "yukhari-askipara": { country: "031", at: [45.0233, 41.0661] },
  "barkhudarly": { country: "031", at: [45.2253, 40.9933] },
};
const enclavesMissing = {
  "karki-tigranashen": [44.9436, 39.7856],
  "sofulu": [45.2142, 41.0008],
};
const SCHEMATIC_RADIUS_M = 700;
const DISC_VERTICES = 24;

function country(id) {
  const object = topology.objects.countries.geometries.find((g) => g.id === id);
  if (!object) throw new Error(`country ${id} is not in countries-10m.json`);
  const geometry = topojson.feature(topology, object).geometry;
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

const round = (x) => Math.round(x * 1e6) / 1e6;
const roundRing = (ring) => ring.map(([x, y]) => [round(x), round(y)]);

// Twice the planar signed area; positive when counter-clockwise in longitude/latitude.
function signedArea(ring) {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += (ring[i - 1][0] * ring[i][1]) - (ring[i][0] * ring[i - 1][1]);
  return sum;
}
const orient = (ring, counterClockwise) => (signedArea(ring) > 0) === counterClockwise ? ring : ring.slice().reverse();
const rewind = (polygon) => polygon.map((ring, i) => orient(roundRing(ring), i === 0));

function inRing(ring, [x, y]) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const inPolygon = (polygon, point) => inRing(polygon[0], point) && !polygon.slice(1).some((hole) => inRing(hole, point));

// Rough distance in metres, enough to pick the nearest part and to keep discs clear of each other.
function metres([x1, y1], [x2, y2]) {
  const k = Math.cos(((y1 + y2) / 2) * Math.PI / 180);
  return Math.hypot((x2 - x1) * k, y2 - y1) * 111_320;
}
const distanceToPolygon = (polygon, point) =>
  inPolygon(polygon, point) ? 0 : Math.min(...polygon.flat().map((vertex) => metres(vertex, point)));

function disc([lon, lat], radius) {
  const ring = [];
  for (let i = 0; i < DISC_VERTICES; i++) {
    const angle = (2 * Math.PI * i) / DISC_VERTICES;
    ring.push([lon + (radius * Math.cos(angle)) / (111_320 * Math.cos(lat * Math.PI / 180)), lat + (radius * Math.sin(angle)) / 111_320]);
  }
  ring.push(ring[0]);
  return orient(roundRing(ring), true);
}

const armenia = country("051").map(rewind);
const azerbaijan = country("031").map(rewind);
const byCountry = { "051": armenia, "031": azerbaijan };
const mainland = (parts) => parts.reduce((a, b) => (Math.abs(signedArea(a[0])) >= Math.abs(signedArea(b[0])) ? a : b));

const out = {};
const notes = [];
for (const [id, { country: code, at }] of Object.entries(enclavesInNaturalEarth)) {
  const parts = byCountry[code].filter((p) => p !== mainland(byCountry[code]));
  const nearest = parts.reduce((a, b) => (distanceToPolygon(a, at) <= distanceToPolygon(b, at) ? a : b));
  const gap = distanceToPolygon(nearest, at);
  if (gap > 5000) throw new Error(`${id}: the nearest part of ${code} lies ${Math.round(gap)} m from the village`);
  out[id] = { type: "Polygon", coordinates: nearest };
  notes.push(`${id}: Natural Earth part, ${gap === 0 ? "containing the village" : `${Math.round(gap)} m from the village`}`);
}

const armeniaMain = mainland(armenia);
for (const [id, at] of Object.entries(enclavesMissing)) {
  const ring = disc(at, SCHEMATIC_RADIUS_M);
  if (!ring.every((p) => inPolygon(armeniaMain, p)))
    throw new Error(`${id}: the schematic disc does not lie wholly inside Armenia's polygon`);
  for (const part of azerbaijan) {
    const clearance = Math.min(...ring.map((p) => distanceToPolygon(part, p)));
    if (clearance < 50) throw new Error(`${id}: the schematic disc comes within ${Math.round(clearance)} m of a part of Azerbaijan`);
  }
  armeniaMain.push(orient(ring, false)); // a hole: clockwise
  azerbaijan.push([ring]);
  out[id] = { type: "Polygon", coordinates: [ring] };
  notes.push(`${id}: schematic disc of ${SCHEMATIC_RADIUS_M} m around ${at.join(", ")}`);
}

out["armenia-boundary"] = { type: "MultiPolygon", coordinates: armenia };
out["azerbaijan-boundary"] = { type: "MultiPolygon", coordinates: azerbaijan };

const folder = join(dataset, "geometry");
mkdirSync(folder, { recursive: true });
for (const [id, geometry] of Object.entries(out).sort(([a], [b]) => a.localeCompare(b))) {
  // One coordinate pair per line keeps diffs of a redone conversion readable.
  const text = JSON.stringify(geometry, null, 0)
    .replace(/\],\[(?=-?\d)/g, "],\n[")
    .replace(/\[\[\[/g, "[\n[[").replace(/\]\]\]/g, "]]\n]");
  writeFileSync(join(folder, `${id}.geojson`), text + "\n");
}
for (const line of notes) console.log(line);
console.log(`wrote ${Object.keys(out).length} geometries to ${folder}`);
