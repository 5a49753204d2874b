// Builds the page served at / into veille/api/static/ (committed, so a Python-only install
// needs no npm): the JavaScript bundle (our modules, d3-geo, topojson-client and world-atlas's
// 110m countries, all inlined, nothing fetched from the internet), the HTML and the CSS.
//   cd web && npm ci && npm run build
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "veille", "api", "static");
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  format: "esm",
  target: "es2020",
  minify: true,
  legalComments: "eof",
  outfile: join(out, "app.js"),
  loader: { ".json": "json" },
});
for (const name of ["index.html", "style.css"]) {
  copyFileSync(join(here, "src", name), join(out, name));
}
console.log(`built ${out}`);
