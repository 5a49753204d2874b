// Builds the page served at / into veille/api/static/ (committed, so a Python-only install
// needs no npm): the JavaScript bundle (our modules, d3-geo, topojson-client and world-atlas's
// 110m countries, all inlined, nothing fetched from the internet), the HTML and the CSS.
//   cd web && npm ci && npm run build
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
// The bundled packages' licences travel with the bundle.
const bundled = ["d3-geo", "d3-array", "internmap", "topojson-client", "world-atlas"];
const notices = bundled.map((name) => {
  const { version } = JSON.parse(readFileSync(join(here, "node_modules", name, "package.json"), "utf8"));
  const licence = readFileSync(join(here, "node_modules", name, "LICENSE"), "utf8").trim();
  return `${name} ${version}\n\n${licence}\n`;
});
writeFileSync(join(out, "LICENSES.txt"), `Packages bundled into app.js:\n\n${notices.join("\n----\n\n")}`);
console.log(`built ${out}`);
