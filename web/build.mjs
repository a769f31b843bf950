// Bundles the app and its styles into dist/, which the server serves at /. No CDN at run time: Leaflet's own CSS and
// images are bundled too. ES modules split into chunks: Cytoscape.js (half the script) loads when the graph is first
// drawn, not before the map's first view.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";

rmSync("dist", { recursive: true, force: true }); // no chunk of an earlier build is left to be served
mkdirSync("dist", { recursive: true });
await build({
  entryPoints: ["src/main.ts", "src/report.ts", "src/survey.ts", "src/surveys.ts", "src/styles.css", "src/report.css", "src/survey.css"],
  bundle: true,
  minify: process.env.MINIFY !== "0",
  sourcemap: true,
  target: "es2022",
  outdir: "dist",
  format: "esm",
  splitting: true,
  loader: { ".png": "file", ".svg": "file" },
  logLevel: "warning",
});
for (const page of ["index.html", "report.html", "survey.html", "surveys.html"]) cpSync(`src/${page}`, `dist/${page}`);
