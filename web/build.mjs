// Bundles the app and its styles into dist/, which the server serves at /. No CDN at run time: Leaflet's own CSS and
// images are bundled too.
import { build } from "esbuild";
import { cpSync, mkdirSync } from "node:fs";

mkdirSync("dist", { recursive: true });
await build({
  entryPoints: ["src/main.ts", "src/report.ts", "src/styles.css", "src/report.css"],
  bundle: true,
  minify: process.env.MINIFY !== "0",
  sourcemap: true,
  target: "es2022",
  outdir: "dist",
  loader: { ".png": "file", ".svg": "file" },
  logLevel: "warning",
});
for (const page of ["index.html", "report.html"]) cpSync(`src/${page}`, `dist/${page}`);
