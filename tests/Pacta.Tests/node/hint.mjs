// Prints @mapbox/geojsonhint's messages about a GeoJSON file as a JSON list; exits 1 when there is any.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const geojsonhint = require("@mapbox/geojsonhint");
const messages = geojsonhint.hint(readFileSync(process.argv[2], "utf8"));
console.log(JSON.stringify(messages));
process.exit(messages.length === 0 ? 0 : 1);
